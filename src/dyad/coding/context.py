"""PLOVER context tags of an event: what its sentence is about (military, economic, ...).

The table (``dyad/data/coding/contexts.tsv``) maps lemmas to PLOVER's general contexts;
an event gets the contexts of its sentence's words, at most ``MAX_CONTEXTS``, in order.
Some modes imply a context (the manual: cyber, misinformation).
"""

from __future__ import annotations

from typing import Any

MAX_CONTEXTS = 3
MODE_CONTEXTS = {"cyber": "cyber", "misinformation": "misinformation", "unconventional": "cbrn"}


def event_contexts(sent: Any, table: dict[str, str], mode: str | None) -> list[str]:
    out: list[str] = []
    if mode in MODE_CONTEXTS:
        out.append(MODE_CONTEXTS[mode])
    for tok in sent:
        ctx = table.get(tok.lemma_.lower())
        if ctx and ctx not in out:
            out.append(ctx)
        if len(out) >= MAX_CONTEXTS:
            break
    return out
