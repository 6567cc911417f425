"""Plain-text summaries of extractions, for the terminal."""

from __future__ import annotations

from collections.abc import Iterable

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
