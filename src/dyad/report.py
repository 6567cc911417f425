"""Plain-text summaries of extractions, for the terminal."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dyad.records import Entity, Extraction


def _codes(entities: Iterable[Entity]) -> str:
    return "+".join(e.code for e in entities) or "-"


def summarise(extractions: Iterable[Extraction], width: int = 100) -> str:
    """One block per document: title, metadata, then one line per coded event."""
    lines: list[str] = []
    for ex in extractions:
        d = ex.document
        lines.append(f"== {d.title or '(no title)'}")
        lines.append(f"   {d.source} | {', '.join(d.authors) or 'no author'} | {d.published or 'no date'} "
                     f"| {d.publisher or '-'} | {d.language or '?'} | {len(d.text.split())} words")
        for err in ex.errors:
            lines.append(f"   ERROR [{err.stage}] {err.message}")
        for ev in ex.events:
            aux = f" [{','.join(ev.aux)}]" if ev.aux else ""
            by = "" if ev.attribution.by is None else f" (by {ev.attribution.by.code})"
            head = (f"   {ev.date.value or '?':<10} {ev.type:<9} {_codes(ev.actor):>16} -> "
                    f"{_codes(ev.recipient):<16}{aux}{by}")
            trig = ev.evidence.trigger.text if ev.evidence.trigger else ""
            lines.append(f"{head}  «{trig}»"[:width])
        lines.append("")
    return "\n".join(lines)


def _text(value: Any) -> str:
    """A cell as text: '' for None and NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def summarise_store(store: Any, limit: int = 200) -> str:
    """The documents of a store and their events, one line per event (newest first)."""
    docs = store.documents()
    events = store.events(limit=limit).sort_values(["doc_id", "evidence_start"])
    lines = [f"{len(docs)} documents, {len(events)} events in {store.path}", ""]
    for _, d in docs.iterrows():
        lines.append(f"== {d['title'] or '(no title)'}")
        authors = ", ".join(d["authors"]) if d["authors"] is not None and len(d["authors"]) else "no author"
        lines.append(f"   {d['source']} | {authors} | {_text(d['published'])[:10] or 'no date'} | "
                     f"{_text(d['publisher']) or '-'}")
        for _, ev in events[events["doc_id"] == d["doc_id"]].iterrows():
            actor = "+".join(a["code"] for a in ev["actor"]) or "-"
            recipient = "+".join(r["code"] for r in ev["recipient"]) or "-"
            aux = f" [{','.join(ev['aux'])}]" if len(ev["aux"]) else ""
            by = "" if ev["attribution"] == "author" else f" (by {ev['attribution']})"
            when = _text(ev["date_value"]) or "?"
            lines.append(f"   {when:<10} {ev['type']:<9} {actor:>16} -> {recipient:<16}{aux}{by}  «{ev['trigger']}»")
        lines.append("")
    return "\n".join(lines)
