"""Where the act happened: a place named in the trigger's clause, else in its sentence.

Only locative attachments count ("in", "at", "near", "outside", a struck target), and
for verbal acts (promises, requests, refusals) only places in the trigger's own clause,
never inside its embedded content: a refusal to meet in Geneva did not happen in Geneva.
A place carried by the previous sentence is used when the sentence continues it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dyad.records import Place, PlaceMention

LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "along", "around", "over", "on", "into", "off",
            "through", "within", "from", "to", "towards", "toward", "beyond", "of"}
NOT_A_PLACE: frozenset[str] = frozenset()
VERBAL_TYPES = {"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"}
MATERIAL_TARGETS = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST"}


def place_index(doc: Any, places: list[PlaceMention]) -> dict[int, PlaceMention]:
    """Place mentions by token index (every token of the mention)."""
    out: dict[int, PlaceMention] = {}
    if not places:
        return out
    by_start = {t.idx: t.i for t in doc}
    for pm in places:
        i = by_start.get(pm.start)
        while i is not None and i < len(doc) and doc[i].idx < pm.end:
            out.setdefault(i, pm)
            i += 1
    return out


def _clause_tokens(head: Any, embedded_ok: bool) -> list[Any]:
    stop = {"relcl", "advcl", "parataxis"} | (set() if embedded_ok else {"ccomp", "xcomp", "pcomp", "acl"})
    out: list[Any] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in stop)
    return out


def _locative(tok: Any, places: dict[int, PlaceMention]) -> bool:
    """The place token hangs (through its noun phrase) on a locative preposition or is an object."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
            return True
        if t.dep_ in ("dobj", "nsubjpass"):
            return True
        if t.dep_ in ("compound", "amod", "appos", "conj", "pobj", "prep", "poss", "nmod") or t.i in places:
            t = t.head
        else:
            return False
    return False


def event_location(trigger: Any, sent: Any, event_type: str, places: dict[int, PlaceMention],
                   actor_countries: set[str]) -> Place | None:
    """The place of the event triggered at ``trigger``, or None."""
    if not places:
        return None
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
        verb = verb.head
    embedded_ok = event_type not in VERBAL_TYPES
    candidates: list[tuple[int, PlaceMention]] = []
    for root in {trigger, verb}:
        for t in _clause_tokens(root, embedded_ok):
            pm = places.get(t.i)
            if pm is None or not _locative(t, places):
                continue
            candidates.append((abs(t.i - trigger.i), pm))
    candidates = [(d, pm) for d, pm in candidates if pm.text.lower().removeprefix("the ") not in NOT_A_PLACE]
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    for _, pm in candidates:
        # a bare country that is the actor itself says nothing about where
        if pm.place.admin1 is None and pm.place.lat is None and pm.place.country in actor_countries:
            continue
        # a reference ("the city") is named by what it refers to; a name keeps the
        # article's own spelling with the gazetteer's identity and coordinates
        if pm.rule.startswith("coref"):
            return pm.place
        return replace(pm.place, name=pm.text.removeprefix("the ").strip() or pm.place.name)
    return None
