"""The event coder: triggers in each sentence, actors and recipients from the parse."""

from __future__ import annotations

import hashlib
from typing import Any

from dyad.coding.dates import event_date
from dyad.coding.triggers import Trigger
from dyad.config import Config
from dyad.knowledge import Knowledge
from dyad.records import AnnotatedDocument, Entity, Event, Evidence, Mention, Span

SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "attr"}


def _mentions_in(token_span: Any, mentions: list[Mention]) -> list[Mention]:
    s, e = token_span.start_char, token_span.end_char
    return [m for m in mentions if m.start >= s and m.end <= e]


def _dedupe(entities: list[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for ent in entities:
        seen.setdefault(ent.code, ent)
    return list(seen.values())


def _subtree_span(tok: Any) -> Any:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def _roles(trigger_tok: Any, mentions: list[Mention]) -> tuple[list[Entity], list[Entity]]:
    actors: list[Entity] = []
    recipients: list[Entity] = []
    head = trigger_tok
    if trigger_tok.pos_ == "NOUN":
        for child in trigger_tok.children:
            if child.dep_ in ("poss", "amod", "compound"):
                actors += [m.entity for m in _mentions_in(_subtree_span(child), mentions)]
            if child.dep_ == "prep":
                recipients += [m.entity for m in _mentions_in(_subtree_span(child), mentions)]
        if not actors and trigger_tok.dep_ in ("dobj", "pobj", "attr"):
            head = trigger_tok.head
    for child in head.children:
        if child.dep_ in SUBJECT_DEPS:
            actors += [m.entity for m in _mentions_in(_subtree_span(child), mentions)]
        elif child.dep_ in OBJECT_DEPS and head is trigger_tok:
            recipients += [m.entity for m in _mentions_in(_subtree_span(child), mentions)]
        elif child.dep_ == "prep" and head is trigger_tok:
            recipients += [m.entity for m in _mentions_in(_subtree_span(child), mentions)]
    actors = _dedupe(actors)
    recipients = [r for r in _dedupe(recipients) if r.code not in {a.code for a in actors}]
    return actors, recipients


def _aux(trigger_tok: Any) -> list[str]:
    aux: list[str] = []
    verb = trigger_tok if trigger_tok.pos_ in ("VERB", "AUX") else trigger_tok.head
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        aux.append("negation")
    modals = {c.lower_ for c in children if c.tag_ == "MD"}
    if modals & {"could", "might", "may", "would"}:
        aux.append("hypothetical")
    if modals & {"will", "shall"}:
        aux.append("future")
    return aux


def _event_id(doc_id: str, start: int, type_: str, actors: list[Entity]) -> str:
    key = f"{doc_id}:{start}:{type_}:{','.join(a.code for a in actors)}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def code_events(ann: AnnotatedDocument, knowledge: Knowledge, config: Config) -> list[Event]:
    """The PLOVER events of one annotated document."""
    events: list[Event] = []
    published = ann.document.published
    for sent in ann.doc.sents:
        for tok in sent:
            trig: Trigger | None = None
            if tok.pos_ in ("VERB", "NOUN"):
                nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
                if nxt is not None and nxt.dep_ in ("prt", "prep"):
                    trig = knowledge.triggers.get(f"{tok.lemma_.lower()}_{nxt.lower_}", tok.pos_)
                trig = trig or knowledge.triggers.get(tok.lemma_.lower(), tok.pos_)
            if trig is None:
                continue
            actors, recipients = _roles(tok, ann.mentions)
            if not actors:
                continue
            entry = knowledge.ontology.lookup(trig.type, trig.mode)
            place = next((p.place for p in ann.places if sent.start_char <= p.start < sent.end_char), None)
            events.append(
                Event(
                    id=_event_id(ann.document.id, tok.idx, trig.type, actors),
                    type=trig.type,
                    mode=trig.mode,
                    actor=actors,
                    recipient=recipients,
                    date=event_date(sent.text, published),
                    evidence=Evidence(sent.text, sent.start_char, sent.end_char,
                                      Span(tok.text, tok.idx, tok.idx + len(tok.text))),
                    aux=_aux(tok),
                    location=place,
                    score=entry.score,
                    cameo=trig.cameo or entry.cameo,
                    goldstein=entry.goldstein,
                    quad_class=entry.quad_class,
                    confidence=0.5,
                    rule=trig.rule,
                )
            )
    return events
