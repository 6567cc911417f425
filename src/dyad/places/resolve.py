"""Finding place mentions (the place part of the annotate stage).

``find_places(doc, gazetteer, mentions) -> list[PlaceMention]``, sorted by ``start``.

What the event coder can rely on:

- A place mention is a name the gazetteer knows, found by the parser's entities (of any
  label: the small model calls some places PERSON) or as a capitalised name after a
  locative preposition ("in Goris", "near Shusha").
- Names used as actors are not places: a metonym kept as an actor mention ("Baku said")
  is skipped; a country is a place only where the sentence uses it as one ("in Mali",
  "visited Armenia"), so "Russia attacked" yields no place.
- Ambiguous names prefer places in the countries the document's actors belong to
  (Georgia the country vs the US state). "Odesa region", "Shan State": the suffix is
  kept in the name when the gazetteer knows the bare name.
- A location entity the gazetteer does not know (a village) is kept when the sentence
  names exactly one country: ``Place(name, that country)``, ``rule`` "context".
- ``rule`` is "gazetteer:<kind>" (region, country, admin1, city) or "context".
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from dyad.actors.resolve import LOCATIVE_PREPS, LOCATIVE_VERBS, TRAVEL_WORDS
from dyad.places.gazetteer import Gazetteer, fold
from dyad.records import Mention, Place, PlaceMention

ENT_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = LOCATIVE_PREPS | {"off", "over", "along", "outside", "beyond"}
LEAVING_VERBS = frozenset({"withdraw", "pull", "retreat", "evacuate", "expel", "oust", "drive", "leave", "flee"})
PLACE_VERBS = frozenset({
    "visit", "tour", "enter", "reach", "leave", "capture", "recapture", "seize", "take", "occupy", "attack",
    "bomb", "shell", "strike", "storm", "overrun", "besiege", "encircle", "liberate", "raid", "hit", "target",
    "surround", "retake",
})
PLACE_NOUNS = frozenset({
    "town", "city", "village", "region", "province", "district", "island", "islands", "islet", "islets", "port",
    "department", "state", "area", "enclave", "neighbourhood", "neighborhood", "municipality", "capital",
    "county", "governorate", "oblast", "territory", "outskirts", "suburbs", "centre", "center", "streets",
    "invasion", "occupation", "annexation", "bombardment", "shelling", "siege", "fall", "liberation",
})
TOWN_NOUNS = frozenset({"city", "town", "village", "port", "airport"})
MEETING_NOUNS = frozenset({
    "talks", "talk", "discussions", "discussion", "summit", "conference", "meeting", "negotiations", "format",
    "process", "round", "forum", "accords", "agreement", "declaration",
})
REGION_WORDS = frozenset({
    "region", "province", "oblast", "state", "district", "governorate", "county", "islands", "island",
    "neighbourhood", "neighborhood", "corridor",
})

SUFFIXES = (" region", " province", " oblast", " state", " district", " county", " governorate",
            " island", " islands", " bridge", " border crossing", " crossing", " airport", " port",
            " neighbourhood", " neighborhood", " city", " town", " village")


def _governing_verb(tok: Any) -> Any:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def place_use(span: Any) -> bool:
    """True when the sentence uses a name as a place: "in Mali", "off Karpathos",
    "the town of Moura", "withdrew from Mali", "recaptured Kidal"."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj":
        prep = head.lower_
        if prep in PLACE_PREPS:
            return True
        if prep == "of" and head.head.lower_ in PLACE_NOUNS:
            return True
        if prep == "from" and _governing_verb(head).lemma_ in LEAVING_VERBS:
            return True
        if prep == "to" and head.head.lemma_ in TRAVEL_WORDS:
            return True
    if root.dep_ == "compound" and (head.lemma_ in MEETING_NOUNS or head.lower_ in MEETING_NOUNS):
        return True
    if root.dep_ == "appos" and head.lower_ in PLACE_NOUNS:
        return True
    return root.dep_ == "dobj" and head.lemma_ in PLACE_VERBS


def _spans(doc: Any) -> list[Any]:
    """Candidate name spans: parser entities and capitalised names after "in", "near"..."""
    spans = []
    for e in doc.ents:
        if e.label_ not in ENT_LABELS:
            continue
        if e.end < len(doc) and doc[e.end].lower_ in REGION_WORDS and doc[e.end].ent_type_ == "":
            e = doc[e.start : e.end + 1]  # "the Odesa region", "Kinmen islands", "Solino neighbourhood"
        spans.append(e)
    taken = {i for e in spans for i in range(e.start, e.end)}
    for tok in doc:  # "the Geneva talks", "the Astana format": a meeting is held where it is named
        meeting = tok.head.lemma_ in MEETING_NOUNS or tok.head.lower_ in MEETING_NOUNS
        if (tok.pos_ == "PROPN" and tok.dep_ == "compound" and meeting
                and tok.i not in taken and tok.ent_type_ in ("", "GPE", "EVENT", "ORG")):
            spans.append(doc[tok.i : tok.i + 1])
    for tok in doc:
        if (tok.lower_ in PLACE_PREPS or (tok.lower_ == "of" and tok.i and doc[tok.i - 1].lower_ in PLACE_NOUNS)) \
                and tok.i + 1 < len(doc):
            i = tok.i + 1
            if doc[i].lower_ == "the":
                i += 1
            j = i
            while (j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and j not in taken
                   and doc[j].ent_type_ == ""):
                j += 1
            if j > i:
                spans.append(doc[i:j])
    return sorted(spans, key=lambda s: s.start)


SMALL_TOWN = 1.0 + math.log10(50_000) / 2  # weight of a city of 50,000 people


def _lookup(gazetteer: Gazetteer, text: str, prefer: set[str]) -> tuple[Place, str] | None:
    name = text.removesuffix("'s").removesuffix("’s").strip()
    name = name[4:] if name.lower().startswith("the ") else name
    cands = gazetteer.candidates(name)
    if cands:
        best = max(cands, key=lambda c: c.weight + (3.0 if c.place.country in prefer else 0.0))
        if best.kind == "city" and best.weight < SMALL_TOWN and best.place.country not in prefer:
            return None  # a small town abroad: more likely an unlisted place of the same name here
        place = best.place
        if fold(place.name) != fold(name) and best.kind == "city":  # found by an alternate name
            place = Place(name, place.country, place.admin1, place.lat, place.lon, place.geonameid)
        return place, best.kind
    low = name.lower()
    for suffix in SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix) + 2:
            base = gazetteer.get(name[: -len(suffix)], prefer)
            if base is not None:
                place = Place(name, base.country, base.admin1, base.lat, base.lon, base.geonameid)
                return place, "suffix"
    return None


def find_places(doc: Any, gazetteer: Gazetteer, mentions: list[Mention]) -> list[PlaceMention]:
    """Places named in ``doc`` that are not used as actors."""
    named_countries: Counter[str] = Counter(m.entity.country for m in mentions if m.entity.country)
    out: list[PlaceMention] = []
    unknown: list[Any] = []
    towns: list[PlaceMention] = []  # every town named, as a place or not: antecedents of "the city"
    for span in _spans(doc):
        start, end = span.start_char, span.end_char
        if out and start < out[-1].end:
            continue
        actor = [m for m in mentions if m.start < end and start < m.end]
        used_as_place = place_use(span)
        if actor and not used_as_place:
            continue
        # the countries the text names elsewhere, and those of the places found so far
        here: Counter[str] = Counter(m.entity.country for m in actor if m.entity.country)
        prefer = {c for c, n in (named_countries - here).items() if n > 0}
        prefer |= {p.place.country for p in out if p.place.country}
        found = _lookup(gazetteer, span.text, prefer)
        if found is None:
            named = span.root.head.lower_ == "of" and span.root.head.head.lower_ in PLACE_NOUNS
            if (not actor and used_as_place and span.root.dep_ != "compound"
                    and (span.label_ in ("GPE", "LOC", "PERSON", "") or named)):
                unknown.append(span)
            continue
        place, kind = found
        if kind == "city" and not actor:
            towns.append(PlaceMention(place, start, end, span.text, f"gazetteer:{kind}"))
        if kind == "country" and (not used_as_place or (
                span.root.dep_ == "dobj" and span.root.head.lemma_ not in LOCATIVE_VERBS)):
            continue  # "Russia attacked Ukraine": a target state, not a place
        if span.label_ not in PLACE_LABELS and not used_as_place:
            continue  # a PERSON/ORG/NORP entity is a place only where it is used as one
        out.append(PlaceMention(place, start, end, span.text, f"gazetteer:{kind}"))
    out += _unknown_places(unknown, out, mentions)
    out += _town_references(doc, towns + [p for p in out if p.rule == "context"], out)
    return sorted(out, key=lambda p: p.start)


def _town_references(doc: Any, towns: list[PlaceMention], taken: list[PlaceMention]) -> list[PlaceMention]:
    """ "the city", "the town", "the airport" used as a place: the town named last, in this
    sentence or the two before."""
    out: list[PlaceMention] = []
    for tok in doc:
        if tok.lower_ not in TOWN_NOUNS or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        span = doc[tok.i - 1 : tok.i + 1]
        if not place_use(span) or any(p.start < span.end_char and span.start_char < p.end for p in taken):
            continue
        floor = tok.sent.start
        for _ in range(2):
            if floor > 0:
                floor = doc[floor - 1].sent.start
        before = [t for t in towns if doc[floor].idx <= t.start < span.start_char]
        if before:
            last = max(before, key=lambda t: t.start)
            out.append(PlaceMention(last.place, span.start_char, span.end_char, span.text, "coref:place"))
    return out


def _unknown_places(spans: list[Any], found: list[PlaceMention], mentions: list[Mention]) -> list[PlaceMention]:
    """Names used as places that the gazetteer lacks (villages): placed in the country
    the document is mostly about as a place, else the one country their sentence names."""
    score: Counter[str] = Counter()
    for p in found:
        if p.place.country:
            score[p.place.country] += 10
    for m in mentions:  # breaks ties, or decides when the text names no known place
        c = m.entity.country
        if c and len(c) == 3 and c.isalpha() and c.isupper():
            score[c] += 1
    theatre = score.most_common(1)[0][0] if score else None
    out: list[PlaceMention] = []
    for span in spans:
        if not span.text[:1].isupper() and not span.text.lower().startswith("the "):
            continue
        in_sent = {m.entity.country for m in mentions
                   if span.sent.start_char <= m.start < span.sent.end_char and m.entity.country}
        in_sent = {c for c in in_sent if c and len(c) == 3 and c.isalpha() and c.isupper()}
        country = theatre if theatre and (theatre in in_sent or len(in_sent) != 1) else next(iter(in_sent), None)
        if country is None:
            continue
        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        out.append(PlaceMention(Place(name, country), span.start_char, span.end_char, span.text, "context"))
    return out
