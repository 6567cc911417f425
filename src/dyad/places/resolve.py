"""Finding place mentions: named places the gazetteer knows."""

from __future__ import annotations

from typing import Any

from dyad.places.gazetteer import Gazetteer
from dyad.records import Mention, PlaceMention


def find_places(doc: Any, gazetteer: Gazetteer, mentions: list[Mention]) -> list[PlaceMention]:
    """GPE/LOC entities the gazetteer knows, except those coded as actor metonyms."""
    metonym_spans = {(m.start, m.end) for m in mentions if m.metonym}
    out: list[PlaceMention] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        if (ent.start_char, ent.end_char) in metonym_spans:
            continue
        place = gazetteer.get(ent.text.removeprefix("the ").strip())
        if place is not None:
            out.append(PlaceMention(place, ent.start_char, ent.end_char, ent.text, "gazetteer"))
    return out
