"""The event coder: triggers in each sentence, then roles, aux modes, date, place, source.

Per sentence: the trigger lexicon proposes predicates; a trigger inside the complement
of another ("urged X to withdraw", "accused Y of shelling", "refused to join the
sanctions") is the content of that act, not an event of its own, and gives the outer
act its mode; every remaining trigger with an actor becomes an ``Event`` carrying the
``rule`` that produced it and a ``confidence``. Linear in the tokens of the document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Protocol

from dyad.coding.attribution import attribute
from dyad.coding.aux import AuxReading, read_aux
from dyad.coding.context import event_contexts
from dyad.coding.dates import TimeExpr, days_before, publication_date, time_expressions
from dyad.coding.location import event_location, place_index
from dyad.coding.roles import LIGHT_VERBS, Discourse, MentionIndex, RoleReader, Roles, distinct_from
from dyad.coding.triggers import TriggerMatch
from dyad.config import Config
from dyad.knowledge import Knowledge
from dyad.records import AnnotatedDocument, Event, EventDate, Evidence, Span

CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "obj", "acl", "nsubjpass", "attr", "oprd"}
COOPERATIVE = {"CONSULT", "COOPERATE", "AID", "SUPPORT"}
HOSTILE = {"ASSAULT", "COERCE"}
IMPLICIT_RECIPIENT = {"ACCUSE", "SUPPORT", "REJECT"}
NEGATED_IS_REJECT = {"accept", "recognise", "recognize", "endorse"}
VERBAL_ACTS = {"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"}
PREDICTION_HEDGES = {"likely", "probably", "doubt", "surely", "certainly", "inevitably", "presumably", "perhaps"}
CONTINUATION = ("then", "later", "afterwards", "after that", "that day", "at the time", "the same day",
                "by then", "at that time", "within days", "within weeks", "within a fortnight", "shortly after")
SPEECH_ACT_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT"}


@dataclass(slots=True)
class _Candidate:
    match: TriggerMatch
    type: str
    mode: str | None
    embedded: list[TriggerMatch] = field(default_factory=list)


def _content_mode(outer: str, inner: str, inner_mode: str | None) -> str | None:
    """The mode of a request, refusal or threat from the type of its content."""
    if outer in ("REQUEST", "REJECT"):
        if inner in ("AID", "COOPERATE", "SUPPORT"):
            return "assist"
        if inner in ("CONSULT",):
            return "meet"
        if inner in ("RETREAT", "CONCEDE"):
            return "yield"
        return None
    if outer == "THREATEN":
        if inner in ("ASSAULT", "MOBILIZE"):
            return "violence"
        if inner == "COERCE":
            return {"seize": "territory", "arrest": "arrest", "deport": "expel"}.get(inner_mode or "", "restrict")
        if inner == "SANCTION":
            return {"expel": "expel"}.get(inner_mode or "", "relations")
    return None


CONTENT_PREPS = {"of", "for", "about", "on", "against", "over", "to", "from", "into", "with", "behind", "upon"}
STOP_DEPS = {"conj", "parataxis", "relcl", "ROOT", "appos"}


def _content_link(t: Any, outer: Any) -> bool:
    """Whether ``t`` (a child of a trigger) holds that trigger's content."""
    if t.dep_ == "prep":
        return t.lower_ in CONTENT_PREPS
    if t.dep_ == "advcl" and "embed" in outer.trigger.flags:  # "pushing for Russia to side with it"
        return any(c.dep_ in ("mark", "aux") and c.lower_ in ("for", "to") for c in t.children)
    return t.dep_ in CONTENT_DEPS


def _find_outer(match: TriggerMatch, head_of: dict[int, int], i_self: int,
                matches: list[TriggerMatch]) -> int | None:
    """Index of the trigger whose complement holds ``match``, if any (five steps up)."""
    t = match.head
    for _ in range(5):
        if t.dep_ in STOP_DEPS or t.head.i == t.i:
            return None
        parent = t.head
        j = head_of.get(parent.i)
        if j is not None and j != i_self:
            return j if _content_link(t, matches[j]) else None
        t = parent
    return None


def _event_id(doc_id: str, start: int, type_: str, codes: str) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{type_}:{codes}".encode()).hexdigest()[:16]


def _passing_reference(head: Any) -> bool:
    """A noun event named with its date ("the 2020 war", "last year's invasion")."""
    for c in head.children:
        if c.dep_ in ("poss", "compound", "nummod", "amod", "npadvmod") and (
                c.ent_type_ == "DATE" or any(t.like_num and len(t.text) == 4 for t in c.subtree)):
            return True
    return False


def _announcement_date(exprs: list[TimeExpr], head: Any, sent: Any) -> EventDate | None:
    """The time of the verb announcing a future act ("announced last month that it would")."""
    ancestors = {t.i for t in _predicate(head).ancestors}
    for e in exprs:
        span = sent.doc.char_span(sent.start_char + e.start, sent.start_char + e.end, alignment_mode="expand")
        if span is not None and _predicate(span.root).i in ancestors:
            return e.date
    return None


def _predicate(tok: Any) -> Any:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def _pick_date(exprs: list[TimeExpr], head: Any, sent: Any, other_heads: set[int], verbal: bool) -> TimeExpr | None:
    """The time expression of the trigger's own clause, else of a clause above it (the
    speech verb), else none; names ("the 1923 treaty") and other events' times do not count."""
    if not exprs:
        return None
    doc = sent.doc
    own = _predicate(head)
    ancestors = {t.i for t in own.ancestors}
    best: tuple[int, int, TimeExpr] | None = None
    for e in exprs:
        span = doc.char_span(sent.start_char + e.start, sent.start_char + e.end, alignment_mode="expand")
        if span is None:
            continue
        r = span.root
        if r.dep_ in ("compound", "nummod", "amod", "poss", "nmod") and r.head.pos_ in ("NOUN", "PROPN") \
                and r.head.i != head.i and r.head.i not in other_heads:
            continue
        pred = _predicate(r)
        if pred.i == own.i or r.head.i == head.i:
            rank = 0
        elif pred.i in other_heads:
            continue
        elif pred.i in ancestors:
            rank = 1
        elif own.i in {a.i for a in pred.ancestors}:
            if verbal:
                continue
            rank = 2
        else:
            if any(t.dep_ in ("relcl", "acl") for t in [pred, *list(pred.ancestors)[:3]]):
                continue
            rank = 3
        dist = abs(span.start - head.i) + (100 if e.duration else 0)
        if best is None or (rank, dist) < best[:2]:
            best = (rank, dist, e)
    return best[2] if best else None


@dataclass(slots=True)
class _DocState:
    discourse: Discourse = field(default_factory=Discourse)
    prev_date: EventDate | None = None
    recent: list[tuple[list[Any], int, str]] = field(default_factory=list)
    """Actors of recent events with their age in sentences."""


class Judge(Protocol):
    """A learned detector's say over the lexicon's matches of a sentence (keep, drop, add)."""

    def judge(self, sent: Any, matches: list[TriggerMatch]) -> list[TriggerMatch]: ...


def code_events(ann: AnnotatedDocument, knowledge: Knowledge, config: Config,
                judge: Judge | None = None) -> list[Event]:
    """The PLOVER events of one annotated document; ``judge`` (the learned detector, when
    installed) filters and extends the trigger lexicon's matches sentence by sentence."""
    doc = ann.doc
    published = ann.document.published
    index = MentionIndex(doc, ann.mentions)
    places = place_index(doc, ann.places)
    reader = RoleReader(index, Discourse(), {i: pm.place.country for i, pm in places.items() if pm.place.country})
    state = _DocState(discourse=reader.discourse)
    events: list[Event] = []
    pub_date = publication_date(published)
    mention_iter = sorted(ann.mentions, key=lambda m: m.start)
    mi = 0
    prev_start = 0
    for sent in doc.sents:
        reader.discourse.previous_start = prev_start
        sent_events = _code_sentence(sent, ann, knowledge, config, reader, state, places, pub_date, judge)
        events.extend(sent_events)
        reader.discourse.sentence_no += 1
        prev_start = sent.start_char
        reader.discourse.note_conjoined(sent, index)
        while mi < len(mention_iter) and mention_iter[mi].end <= sent.end_char:
            reader.discourse.note_mentions([mention_iter[mi]])
            mi += 1
    return events


def _code_sentence(sent: Any, ann: AnnotatedDocument, knowledge: Knowledge, config: Config, reader: RoleReader,
                   state: _DocState, places: dict[int, Any], pub_date: EventDate,
                   judge: Judge | None = None) -> list[Event]:
    published = ann.document.published
    matches = knowledge.triggers.match_sentence(sent)
    if judge is not None:
        matches = judge.judge(sent, matches)
    if not matches:
        return []
    head_of: dict[int, int] = {}
    for k, m in enumerate(matches):
        for t in m.tokens:
            head_of.setdefault(t.i, k)
        head_of[m.head.i] = k
    cands = [_Candidate(m, m.trigger.type, m.trigger.mode) for m in matches]
    embedded: set[int] = set()
    for k, m in enumerate(matches):
        outer = _find_outer(m, head_of, k, matches)
        if outer is not None and outer not in embedded:
            embedded.add(k)
            cands[outer].embedded.append(m)
    # "seeks to normalise relations": the intended act is coded (with future), not a request
    for k, cand in enumerate(cands):
        if "intent" in cand.match.trigger.flags:
            inner = [m for m in cand.embedded if m.head.dep_ == "xcomp" and m.head.head.i == cand.match.head.i]
            if inner:
                embedded.add(k)
                for m in inner:
                    embedded.discard(matches.index(m))
    text = sent.text
    exprs_past = time_expressions(text, published, state.prev_date)
    out: list[Event] = []
    seen: set[tuple[str, str, str, str]] = set()
    for k, cand in enumerate(cands):
        if k in embedded:
            continue
        others = {c.match.head.i for j, c in enumerate(cands) if j != k and j not in embedded}
        others |= {_predicate(c.match.head).i for j, c in enumerate(cands) if j != k and j not in embedded}
        others.discard(_predicate(cand.match.head).i)
        ev = _code_candidate(cand, sent, ann, knowledge, config, reader, state, places, pub_date, exprs_past,
                             others)
        if ev is None:
            continue
        key = (ev.type, ",".join(sorted(a.code for a in ev.actor)), ",".join(sorted(r.code for r in ev.recipient)),
               ev.date.value or "")
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
        reader.discourse.note_event(ev.actor, ev.recipient)
    _partners_from_meeting(out)
    state.recent = [(a, age + 1, t) for a, age, t in state.recent if age < 5] + [(e.actor, 0, e.type) for e in out]
    dated = [e for e in out if e.date.basis in ("explicit", "relative")]
    if dated:
        state.prev_date = dated[-1].date
    elif exprs_past:
        state.prev_date = exprs_past[-1].date
    return out


def _code_candidate(cand: _Candidate, sent: Any, ann: AnnotatedDocument, knowledge: Knowledge, config: Config,
                    reader: RoleReader, state: _DocState, places: dict[int, Any], pub_date: EventDate,
                    exprs_past: list[TimeExpr], other_heads: set[int]) -> Event | None:
    m = cand.match
    trig = m.trigger
    head = m.head
    published = ann.document.published
    if head.pos_ in ("NOUN", "PROPN") and _passing_reference(head):
        return None
    if _descriptive(head, cand, knowledge) or _in_source_phrase(head) or _purpose(head):
        return None
    if head.pos_ in ("NOUN", "PROPN") and _referenced(head, knowledge, sent):
        return None
    type_, mode = cand.type, cand.mode
    rule = trig.rule
    inner = min(cand.embedded, key=lambda e: abs(e.head.i - head.i)) if cand.embedded else None
    if "content" in trig.flags and inner is None and not any(
            c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("against", "of", "about"))
            or (c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lower_ in ("it", "they", "we") for g in c.children))
            for c in head.children):
        return None
    if inner is not None:
        if type_ == "AGREE" and inner.trigger.type in HOSTILE | {"THREATEN"}:
            type_, mode = "THREATEN", _content_mode("THREATEN", inner.trigger.type, inner.trigger.mode)
            rule += "+hostile-content"
        else:
            mode = _content_mode(type_, inner.trigger.type, inner.trigger.mode) or mode
    roles: Roles = reader.roles(m, type_)
    if not roles.actors:
        return None
    if inner is not None and not roles.recipients and type_ in ("REJECT", "REQUEST", "THREATEN"):
        inner_roles = reader.roles(inner, inner.trigger.type)
        rec = distinct_from(roles.actors, inner_roles.recipients
                             + (inner_roles.actors if inner.trigger.reciprocal else []))
        if rec:
            roles = Roles(roles.actors, rec, roles.how)
    if not roles.recipients and type_ in IMPLICIT_RECIPIENT and inner is not None \
            and inner.head.pos_ in ("NOUN", "PROPN"):
        inner_roles = reader.roles(inner, inner.trigger.type)
        rec = distinct_from(roles.actors, inner_roles.actors)
        if rec:
            roles = Roles(roles.actors, rec, roles.how)
    if not roles.recipients and type_ in IMPLICIT_RECIPIENT and _has_object(head):
        wanted = inner.trigger.type if inner is not None else ("REQUEST" if type_ == "REJECT" else None)
        roles = Roles(roles.actors, _implicit_recipients(state, roles, wanted), roles.how)
    if mode == "visit" and not roles.recipients:
        return None
    if type_ == "PROTEST" and all(a.agent in ("GOV",) for a in roles.actors):
        type_, mode = "ACCUSE", "disapprove"
        rule += "+official-protest"
    reading: AuxReading = read_aux(head)
    if type_ == "AGREE" and "negation" in reading.aux and head.lemma_.lower() in NEGATED_IS_REJECT:
        type_, mode = "REJECT", None
        reading = AuxReading(tuple(a for a in reading.aux if a != "negation"), reading.conditional,
                             reading.recommendation, reading.reported_future)
        rule += "+negated-acceptance"
    if reading.recommendation and "hypothetical" not in reading.aux:
        return None
    aux = list(reading.aux)
    if ("future" in aux or "hypothetical" in aux) and not reading.conditional and _hedged(head):
        return None
    # an actor's conditional threat: its if-clause is not an event of its own
    if reading.conditional and type_ != "THREATEN" and _main_is_threat(head, cand, sent, knowledge):
        return None
    future = "future" in aux
    exprs = exprs_past
    if future:
        exprs = time_expressions(sent.text, published, state.prev_date, future=True)
    te = _pick_date(exprs, head, sent, other_heads, type_ in VERBAL_ACTS)
    if te is not None and te.duration and "negation" in aux:  # "never questioned ... for decades"
        te = None
    date = te.date if te else None
    if date is None and state.prev_date is not None and sent.text.lower().lstrip().startswith(CONTINUATION):
        date = state.prev_date
    date = date or pub_date
    before = days_before(date, published)
    if before is not None and before < -1 and date.basis != "publication" and "future" not in aux:
        aux.append("future")
        future = True
    if future and "hypothetical" not in aux and "negation" not in aux:
        if type_ in COOPERATIVE:
            type_, mode = "AGREE", None
            aux.remove("future")
            rule += "+future-cooperation"
            date = _announcement_date(exprs_past, head, sent) or pub_date
        elif type_ == "RETREAT":
            type_, mode = "CONCEDE", None
            aux.remove("future")
            rule += "+announced-retreat"
            date = _announcement_date(exprs_past, head, sent) or pub_date
    if before is not None and before > config.historical_days and not future and date.basis != "publication":
        aux.append("historical")
    entry = knowledge.ontology.lookup(type_, mode)
    actor_countries = {a.country for a in roles.actors if a.country}
    location = event_location(head, sent, type_, places, actor_countries)
    attribution = attribute(head, sent, reader, type_ in SPEECH_ACT_TYPES, type_,
                            frozenset(a.code for a in roles.actors))
    confidence = _confidence(m, roles, inner is not None, aux)
    trigger_span = Span(ann.document.text[m.start_char:m.end_char], m.start_char, m.end_char)
    codes = ",".join(a.code for a in roles.actors)
    return Event(
        id=_event_id(ann.document.id, m.start_char, type_, codes),
        type=type_,
        mode=mode,
        actor=roles.actors,
        recipient=roles.recipients,
        date=date,
        evidence=Evidence(sent.text, sent.start_char, sent.end_char, trigger_span),
        attribution=attribution,
        aux=aux,
        context=event_contexts(sent, knowledge.triggers.contexts, mode),
        location=location,
        score=entry.score,
        cameo=trig.cameo if (type_, mode) == (trig.type, trig.mode) else entry.cameo,
        goldstein=entry.goldstein,
        quad_class=entry.quad_class,
        confidence=confidence,
        rule=f"{rule}|roles:{roles.how}",
    )


def _descriptive(head: Any, cand: _Candidate, knowledge: Knowledge) -> bool:
    """A participle describing a noun ("troops backed by X", "a plan brokered by Y") or
    elaborating another act of its type ("overran the camp, killing dozens")."""
    if head.dep_ == "acl" and head.tag_ == "VBN":
        return True
    if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.i != head.i:
        outer = knowledge.triggers.match_sentence(head.sent)
        return any(m.head.i == head.head.i and m.trigger.type == cand.type for m in outer)
    return False


def _purpose(head: Any) -> bool:
    """"To support its response, X appealed ...": a purpose clause is an aim, not an act."""
    return head.dep_ == "advcl" and head.i < head.head.i and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _referenced(noun: Any, knowledge: Knowledge, sent: Any) -> bool:
    """A noun event that is the object of an ordinary verb ("fled the offensive",
    "survived the attack") is referred to, not reported."""
    if noun.dep_ not in ("dobj", "obj"):
        return False
    verb = noun.head
    if verb.lemma_.lower() in LIGHT_VERBS or verb.pos_ not in ("VERB",):
        return False
    return not any(m.head.i == verb.i for m in knowledge.triggers.match_sentence(sent))


def _in_source_phrase(head: Any) -> bool:
    """A noun inside "according to ..." names the source, not an event."""
    t = head
    for _ in range(4):
        if t.lower_ == "to" and t.i > 0 and t.doc[t.i - 1].lower_ == "according":
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _partners_from_meeting(events: list[Event]) -> None:
    """"X spoke with Y and offered to host talks": an act of one party of a meeting, with
    no recipient of its own, is addressed to the other parties of that meeting."""
    meetings = [e for e in events if e.type == "CONSULT" and len(e.actor) >= 2]
    for e in events:
        if e.recipient or e.type in ("CONSULT", "ASSAULT") or len(e.actor) != 1:
            continue
        for mtg in meetings:
            if e.actor[0].code in {a.code for a in mtg.actor}:
                e.recipient = [a for a in mtg.actor if a.code != e.actor[0].code]
                break


def _has_object(head: Any) -> bool:
    """The act has an object that names no actor ("condemned the fencing")."""
    return any(c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PRON") for c in head.children)


def _implicit_recipients(state: _DocState, roles: Roles, wanted: str | None) -> list[Any]:
    """The actors of the latest earlier act by another party (of the type the object names,
    "condemned the incursion" -> the latest ASSAULT): what a reaction reacts to."""
    for actors, age, type_ in reversed(state.recent):
        if wanted is not None and type_ != wanted:
            continue
        if age > (4 if wanted else 2):
            break
        others = distinct_from(roles.actors, actors)
        if others and len(others) == len(actors):
            return others
    return []


def _hedged(head: Any) -> bool:
    """An author's prediction ("will no doubt sign", "will probably attack") is not an event."""
    verb = _predicate(head)
    return any(c.lower_ in PREDICTION_HEDGES or any(g.lower_ in PREDICTION_HEDGES for g in c.children)
               for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep", "advcl"))


def _main_is_threat(head: Any, cand: _Candidate, sent: Any, knowledge: Knowledge) -> bool:
    t = head
    for _ in range(4):
        if t.dep_ == "advcl" and t.head.i != t.i:
            main = t.head
            for m in knowledge.triggers.match_sentence(sent):
                if m.head.i == main.i and m.trigger.type == "THREATEN":
                    return True
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _confidence(m: TriggerMatch, roles: Roles, has_content: bool, aux: list[str]) -> float:
    c = 0.55 if m.head.pos_ == "VERB" else 0.4
    if len(m.tokens) > 1 or m.trigger.requires:
        c += 0.1
    if roles.how in ("direct", "passive", "control"):
        c += 0.15
    elif roles.how in ("pronoun", "group"):
        c -= 0.05
    if roles.recipients:
        c += 0.05
    if has_content:
        c += 0.05
    if "hypothetical" in aux:
        c -= 0.1
    return round(max(0.05, min(c, 0.95)), 2)
