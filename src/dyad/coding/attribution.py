"""Who asserts an event: the author, or a source whose statement reports it.

"X said (that) Y attacked Z", "Y attacked Z, X said", "according to X, Y attacked Z",
"an Azerbaijani diplomatic source has claimed that ..." -> ``by`` = X's entity, with the
cue verb and whether the event sits inside quotation marks. What a speaker does by
speaking (accuses, demands, threatens) is the speaker's own act: the trigger itself is
not reported, so its attribution is the author's.
"""

from __future__ import annotations

from typing import Any

from dyad.coding.aux import SPEECH_VERBS
from dyad.coding.roles import RoleReader
from dyad.records import AUTHOR, Attribution

QUOTES = "\"“”«»"
# "announce" and "declare" perform the act they name: an announced act is the author's report
REPORT_VERBS = (SPEECH_VERBS | {"accord", "show", "quote", "cite", "believe", "estimate", "fear"}) - {
    "warn", "predict", "announce", "declare"}
OWN_SPEECH_ACTS = {"REQUEST", "ACCUSE", "THREATEN", "REJECT"}


def _speech_head(verb: Any) -> Any | None:
    """The speech verb whose complement holds ``verb`` (climbing at most four steps)."""
    t = verb
    for _ in range(5):
        if t.head.i == t.i:
            return None
        dep = t.dep_
        parent = t.head
        if dep in ("ccomp", "parataxis") and parent.lemma_.lower() in REPORT_VERBS:
            return parent
        # "..., X said." often parses the speech verb as the dependent of the event verb
        for c in t.children:
            if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORT_VERBS and c.i > verb.i and not any(
                    cc.dep_ in ("ccomp",) for cc in c.children):
                return c
        if dep in ("conj", "xcomp", "ccomp", "advcl", "relcl", "acl", "parataxis", "dobj", "pobj", "prep"):
            t = parent
        else:
            return None
    return None


def _according_to(sent: Any) -> Any | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            to = tok.nbor(1)
            return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


def _quoted(sent: Any, char: int) -> bool:
    text = sent.text
    pos = char - sent.start_char
    before = text[:pos]
    return sum(before.count(q) for q in QUOTES) % 2 == 1


def attribute(trigger: Any, sent: Any, reader: RoleReader, is_speech_act: bool,
              event_type: str = "", actor_codes: frozenset[str] = frozenset()) -> Attribution:
    """The attribution of the event triggered at ``trigger`` in ``sent``; a demand, accusation,
    threat or refusal reported by its own actor is that actor's act, told by the author."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    speech = _speech_head(verb) if not (is_speech_act and verb.i == trigger.i and trigger.dep_ == "ROOT") else None
    quoted = _quoted(sent, trigger.idx)
    source = None
    cue = None
    if speech is not None:
        subj = next((c for c in speech.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "nsubjpass":
            subj = None
        if subj is not None:
            ents, _ = reader.resolve(subj)
            source = ents[0] if ents else None
            cue = speech.lemma_.lower()
    if source is None:
        acc = _according_to(sent)
        if acc is not None:
            ents, _ = reader.resolve(acc)
            if ents:
                source, cue = ents[0], "according to"
    if source is None:
        return Attribution(None, cue, quoted) if (cue or quoted) else AUTHOR
    if event_type in OWN_SPEECH_ACTS and source.code in actor_codes:
        return Attribution(None, cue, quoted)
    return Attribution(source, cue, quoted)
