"""PLOVER auxiliary modes read from the parse: negation, hypothetical, future.

``historical`` depends on the event's date and is added by the coder. Conventions
(the annotation guide): "refused to" is a REJECT, not a negation; "failed to" and "did
not" negate; "could", "might", "may" and the author's "would" are hypothetical; "would"
in reported speech after a past speech verb is the future of that speech; "will",
"plans to", "is expected to", "is set to", "is to" are future; both clauses of the
author's own if-sentence are hypothetical; recommendations ("should") are not events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HYPOTHETICAL_MODALS = {"could", "might", "may", "would", "'d"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
RECOMMEND_MODALS = {"should", "ought", "must"}
FUTURE_VERBS = {"plan", "intend", "expect", "schedule", "set", "prepare", "aim", "go", "due", "poised",
                "slate", "hope", "seek", "want", "wish", "consider", "mull", "weigh", "propose", "threaten", "vow",
                "pledge", "promise", "agree", "offer", "decide", "resolve"}
NEGATING_VERBS = {"fail", "refrain", "avoid", "cease", "stop"}
HEDGE_NOUNS = {"evidence", "sign", "indication", "proof", "record", "report"}
SPEECH_VERBS = {"say", "tell", "claim", "report", "state", "announce", "add", "note", "insist", "confirm",
                "declare", "write", "explain", "argue", "assert", "maintain", "allege", "warn", "reply",
                "respond", "disclose", "reveal", "suggest", "acknowledge", "admit", "contend", "predict"}
CONDITION_MARKS = {"if", "unless", "whether"}


@dataclass(frozen=True, slots=True)
class AuxReading:
    aux: tuple[str, ...]
    conditional: bool
    """The trigger sits in (or governs) an if-clause."""
    recommendation: bool
    reported_future: bool
    """"would" after a past speech verb: future in reported speech."""


def _verb_of(tok: Any) -> Any:
    """The verb a trigger's modality hangs on (the light or governing verb of a noun)."""
    t = tok
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _chain(verb: Any, limit: int = 4) -> list[Any]:
    """The verb and the verbs it is the complement of (xcomp, conj)."""
    out = [verb]
    t = verb
    for _ in range(limit):
        if t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
            t = t.head
            out.append(t)
        else:
            break
    return out


def read_aux(trigger: Any) -> AuxReading:
    aux: list[str] = []
    verb = _verb_of(trigger)
    chain = _chain(verb)
    xchain = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    neg = any(c.dep_ == "neg" for v in xchain for c in v.children)
    if trigger.pos_ in ("NOUN", "PROPN"):
        neg = neg or any(c.lower_ in ("no",) and c.dep_ == "det" for c in trigger.children)
    if any(v.lemma_.lower() in NEGATING_VERBS for v in chain[1:]):
        neg = True
    # "neither country has", "no side has"
    for v in chain[:1]:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and any(
                    d.lower_ in ("neither", "no", "none") for d in c.subtree if d.i <= c.i):
                neg = True
    # "there is no evidence that X attacked"
    t = verb
    for _ in range(3):
        if t.dep_ in ("ccomp", "acl", "relcl") and t.head.i != t.i:
            t = t.head
            if t.pos_ == "NOUN" and t.lemma_.lower() in HEDGE_NOUNS and any(
                    c.lower_ == "no" for c in t.children):
                neg = True
            if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in t.children) and t.lemma_ in (
                    "be", "have", "find", "see"):
                neg = True
        else:
            break
    if neg:
        aux.append("negation")
    modals = {c.lower_ for v in chain[:2] for c in v.children if c.tag_ == "MD" or c.lower_ in FUTURE_MODALS}
    reported = _under_speech(verb)
    reported_future = False
    hyp = False
    fut = False
    if modals & {"could", "might", "may"}:
        hyp = True
    if modals & {"would", "'d"}:
        if reported is not None and reported.tag_ in ("VBD", "VBN") and not _has_condition(verb):
            fut = True
            reported_future = True
        else:
            hyp = True
    if modals & FUTURE_MODALS:
        fut = True
    t = verb
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in FUTURE_VERBS and t.lemma_.lower() != "threaten":
            fut = True
        if t.lemma_.lower() == "be":  # "is to visit"
            fut = True
    # "is expected to", "is set to": the trigger is the xcomp of a passive or adjectival verb
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_VERBS:
        fut = True
    conditional = _in_condition(verb) or _has_condition(verb)
    if conditional:
        hyp = True
    if hyp:
        aux.append("hypothetical")
    if fut:
        aux.append("future")
    recommendation = bool(modals & RECOMMEND_MODALS)
    return AuxReading(tuple(aux), conditional, recommendation, reported_future)


def _under_speech(verb: Any) -> Any | None:
    t = verb
    for _ in range(4):
        if t.dep_ in ("ccomp", "parataxis", "conj", "xcomp") and t.head.i != t.i:
            t = t.head
            if t.lemma_.lower() in SPEECH_VERBS:
                return t
        else:
            return None
    return None


def _in_condition(verb: Any) -> bool:
    t = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children):
            return True
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            return False
    return False


def _has_condition(verb: Any) -> bool:
    t = verb
    for _ in range(3):
        for c in t.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                return True
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            return False
    return False
