"""Actor and recipient of a trigger, read from the spaCy dependency parse.

Covers active and passive voice ("by" agents), conjoined actors (lists), reciprocal
events (every party an actor), appositions, relative clauses ("troops, which shelled"),
control verbs ("urged X to", "agreed to"), nominal events ("Iranian threats", "the
Kremlin's recognition of"), light verbs ("launched an attack on"), pronouns and group
nouns ("both sides", "the two delegations") resolved to the parties named before.
Mentions and places are consumed as the annotation stage found them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dyad.coding.triggers import TriggerMatch
from dyad.records import Entity, Mention

SUBJ = ("nsubj", "csubj", "expl")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
# clauses that do not describe the noun they hang on
OPAQUE_DEPS = {"relcl", "advcl", "ccomp", "parataxis"}
LIGHT_VERBS = {
    "launch", "carry", "conduct", "hold", "stage", "make", "issue", "impose", "mount", "step", "begin",
    "start", "resume", "continue", "intensify", "escalate", "announce", "deliver", "lodge", "file", "give",
    "offer", "extend", "express", "voice", "reach", "strike", "conclude", "order", "open", "unleash", "wage",
    "undertake", "perform", "execute", "lead", "receive", "host", "organise", "organize", "orchestrate", "renew",
    "repeat", "level", "provide", "send", "pledge", "approve", "seal", "sign", "initiate", "post", "publish",
    "keep", "maintain", "pursue", "enter", "join",
}
EVENT_VERBS = {"erupt", "break", "take", "occur", "happen", "resume", "continue", "begin", "start", "flare",
               "intensify", "escalate", "kill", "injure", "wound", "hit", "destroy", "damage", "leave"}
PRONOUNS = {"it", "they", "them", "he", "him", "she", "its", "their", "his", "her", "itself", "themselves"}
OTHER_PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "one", "someone", "anyone", "everyone",
                  "people", "nobody", "who", "that", "which", "this", "these", "those"}
PERSON_PRONOUNS = {"he", "she", "his", "her"}
GROUP_NOUNS = {"side", "country", "nation", "neighbour", "neighbor", "party", "delegation", "government",
               "capital", "leader", "man", "minister", "commission", "state", "foe", "rival", "adversary",
               "ally", "president", "counterpart", "team", "negotiator"}
MIL_NOUNS = {"troop", "force", "army", "military", "soldier", "unit", "artillery", "navy", "drone", "jet",
             "warplane", "aircraft", "missile", "tank"}
STATE_AGENTLESS = ("ASSAULT", "THREATEN", "COERCE", "MOBILIZE")
LOCATED_TARGETS = {"ASSAULT", "COERCE", "MOBILIZE"}
MATERIAL = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "RETREAT", "AID"}
SUBORDINATORS = {"after", "before", "since", "until", "as", "when", "while", "because", "once"}


@dataclass(slots=True)
class Discourse:
    """What earlier sentences of the document said: for pronouns and group nouns."""

    last_actors: list[Entity] = field(default_factory=list)
    last_actors_at: int = -10
    sentence_no: int = 0
    previous_start: int = 0
    """Character offset where the previous sentence starts: antecedents are looked for from there."""
    last_group: list[Entity] = field(default_factory=list)
    groups_by_noun: dict[str, list[Entity]] = field(default_factory=dict)
    """Parties named together under a noun ("the delegations of X and Y") by that noun."""
    countries_seen: list[Entity] = field(default_factory=list)

    def note_event(self, actors: list[Entity], recipients: list[Entity]) -> None:
        """An event's actors become the antecedent of "it"/"they"; several actors of one
        act (a meeting, clashes) become the group "both sides" refers to."""
        if actors:
            self.last_actors = actors
            self.last_actors_at = self.sentence_no
        if len({a.code for a in actors}) >= 2:
            self.last_group = list(actors)

    def note_conjoined(self, sent: Any, index: MentionIndex) -> None:
        """Parties named together ("X and Y", "between X and Y") become the current group."""
        for tok in sent:
            if tok.dep_ == "conj" and tok.i in index.by_token and tok.head.i in index.by_token:
                pair = _by_country([index.by_token[tok.head.i].entity, index.by_token[tok.i].entity])
                if len({e.code for e in pair}) >= 2 and all(e.person is None for e in pair):
                    self.last_group = [_gov(e) for e in pair]
                    h = tok.head
                    while h.dep_ in ("compound", "amod", "conj") and h.head.i != h.i:
                        h = h.head
                    if h.dep_ == "pobj" and h.head.lower_ in ("of", "between", "from") and h.head.head.pos_ == "NOUN":
                        self.groups_by_noun[h.head.head.lemma_.lower()] = list(self.last_group)

    def note_mentions(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if m.entity.person is None and m.entity.country and is_state(m.entity.country):
                self.countries_seen = [e for e in self.countries_seen if e.code != m.entity.code][-5:]
                self.countries_seen.append(m.entity)


@dataclass(frozen=True, slots=True)
class Roles:
    actors: list[Entity]
    recipients: list[Entity]
    how: str
    """How the actor was found (direct, passive, control, nominal, pronoun, group, light)."""


class MentionIndex:
    """Mentions by token: built once per document, linear in tokens."""

    def __init__(self, doc: Any, mentions: list[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        self.mentions = sorted(mentions, key=lambda m: m.end)
        self.ends = [m.end for m in self.mentions]
        if not mentions:
            return
        starts = {t.idx: t.i for t in doc}
        for m in self.mentions:
            i = starts.get(m.start)
            if i is None:
                i = next((t.i for t in doc if t.idx <= m.start < t.idx + len(t.text)), None)
            while i is not None and i < len(doc) and doc[i].idx < m.end:
                self.by_token.setdefault(i, m)
                i += 1

    def in_tokens(self, toks: Iterable[Any]) -> list[Entity]:
        seen: list[Mention] = []
        for t in toks:
            m = self.by_token.get(t.i)
            if m is not None and m not in seen:
                seen.append(m)
        return [m.entity for m in seen]

    def before(self, char: int, since: int = 0) -> list[Mention]:
        """Mentions ending before ``char`` and starting at or after ``since``, in order."""
        hi = bisect_right(self.ends, char)
        lo = bisect_left(self.ends, since)
        return [m for m in self.mentions[lo:hi] if m.start >= since]


def _by_country(ents: list[Entity]) -> list[Entity]:
    """One entity per code, order kept; a bare country is dropped when a more specific
    entity of the same country is there ("Russia" beside "Russian troops")."""
    specific = {e.country for e in ents if e.agent is not None}
    out: dict[str, Entity] = {}
    for e in ents:
        if e.agent is None and e.country in specific:
            continue
        out.setdefault(e.code, e)
    return list(out.values())


def np_tokens(head: Any) -> list[Any]:
    """Tokens of a noun phrase without its relative and adverbial clauses."""
    out: list[Any] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in OPAQUE_DEPS)
    return out


CORE_DEPS = {"compound", "amod", "poss", "nmod", "nummod", "det", "conj", "cc", "appos", "case", "flat", "prep",
             "pobj"}
CORE_PREPS = {"of", "from"}


def core_tokens(head: Any) -> list[Any]:
    """The noun phrase's own words: modifiers, possessors, conjuncts, appositions, "of" phrases."""
    out: list[Any] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ not in CORE_DEPS:
                continue
            if c.dep_ == "prep" and c.lower_ not in CORE_PREPS:
                continue
            stack.append(c)
    return out


def np_entities(head: Any, index: MentionIndex) -> list[Entity]:
    """Entities named by a noun phrase: its own words first, else its whole phrase (clauses cut)."""
    ents = index.in_tokens(core_tokens(head))
    if not ents:
        ents = index.in_tokens(np_tokens(head))
    return _by_country(ents)


def clause_subject(verb: Any, depth: int = 0) -> tuple[Any | None, bool]:
    """The subject token of ``verb`` (climbing control, coordination, relative clauses), and
    whether it came from an object-control verb's object ("urged X to")."""
    for c in verb.children:
        if c.dep_ in SUBJ:
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head, False
            return c, False
    if depth > 4:
        return None, False
    if verb.dep_ == "relcl":
        return verb.head, False
    if verb.dep_ == "xcomp":
        obj = next((c for c in verb.head.children if c.dep_ in OBJ), None)
        if obj is not None and verb.head.lemma_ not in ("promise",):
            return obj, True
        return clause_subject(verb.head, depth + 1)[0], False
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return clause_subject(verb.head, depth + 1)[0], False
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return clause_subject(verb.head.head, depth + 1)[0], False
    if verb.dep_ == "acl" and verb.tag_ != "VBN":
        return verb.head, False
    return None, False


@dataclass(slots=True)
class RoleReader:
    index: MentionIndex
    discourse: Discourse
    places_country: dict[int, str] = field(default_factory=dict)
    _whole: bool = False

    def resolve(self, tok: Any, whole: bool = False) -> tuple[list[Entity], str]:
        """Entities of an argument token, resolving pronouns and group nouns; ``whole`` reads
        the whole noun phrase (clauses cut) rather than its own words first."""
        ents = _by_country(self.index.in_tokens(np_tokens(tok))) if whole else np_entities(tok, self.index)
        if ents:
            if tok.lemma_.lower() in MIL_NOUNS:
                ents = [e.with_agent("MIL") if e.agent is None and e.country and is_state(e.country) else e
                        for e in ents]
            return ents, "direct"
        low = tok.lower_
        if low in OTHER_PRONOUNS:
            return [], ""
        if low in PRONOUNS:
            speaker = _speaker_of(tok)
            if speaker is not None and speaker.i != tok.i and speaker.lower_ not in PRONOUNS:
                ents = np_entities(speaker, self.index)
                if ents:
                    return ents, "pronoun"
            before = self.index.before(tok.idx, self.discourse.previous_start)
            sent_start = tok.sent.start_char
            local = [m for m in before if m.start >= sent_start and m.entity.person is None
                     and _is_subject(tok.doc, m)]
            if local and low not in PERSON_PRONOUNS:
                return [local[-1].entity], "pronoun"
            if low in PERSON_PRONOUNS:
                persons = [m.entity for m in before if m.entity.person]
                if persons:
                    return [persons[-1]], "pronoun"
            recent = self.discourse.sentence_no - self.discourse.last_actors_at <= 1
            if self.discourse.last_actors and recent and low not in PERSON_PRONOUNS:
                return list(self.discourse.last_actors), "pronoun"
            if before:
                return [before[-1].entity], "pronoun"
            return [], ""
        if tok.lemma_.lower() in GROUP_NOUNS and _is_group(tok):
            group = (self.discourse.groups_by_noun.get(tok.lemma_.lower()) or self.discourse.last_group
                     or self.discourse.countries_seen[-2:])
            if len(group) >= 2:
                return [_gov(e) for e in group], "group"
        # "its forces", "their troops": the possessor's entity, military when the noun says so
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ in PRONOUNS:
            ents, how = self.resolve(poss)
            if ents and tok.lemma_.lower() in MIL_NOUNS:
                ents = [e.with_agent("MIL") if (e.country and not e.agent) or e.agent == "GOV" else e for e in ents]
            return ents, how
        return [], ""

    def roles(self, match: TriggerMatch, event_type: str) -> Roles:
        trig = match.trigger
        head = match.head
        actors: list[Entity] = []
        recipients: list[Entity] = []
        how = ""
        roles = trig.recipient_roles()
        is_noun = head.pos_ in ("NOUN", "PROPN")
        self._whole = event_type in MATERIAL
        if is_noun:
            actors, recipients, how = self._nominal(head, roles, match)
        else:
            actors, recipients, how = self._verbal(head, roles, match)
        if "swap" in trig.flags and recipients:
            actors, recipients = recipients, actors
        if trig.reciprocal:
            actors = _by_country([*actors, *recipients])
            recipients = []
        actors = _by_country([_gov(a) for a in actors])
        recipients = distinct_from(actors, _by_country(recipients))
        if not recipients and event_type in LOCATED_TARGETS and not is_noun:
            recipients = distinct_from(actors, self._located_target(head))
        recipients = [r if event_type in STATE_AGENTLESS else _gov(r) for r in recipients]
        return Roles(actors, recipients, how)

    def _verbal(self, verb: Any, roles: tuple[str, ...], match: TriggerMatch) -> tuple[list, list, str]:
        actors: list[Entity] = []
        recipients: list[Entity] = []
        how = "direct"
        passive = any(c.dep_ in PASSIVE_SUBJ for c in verb.children) or (verb.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in verb.children))
        matched = {t.i for t in match.tokens}
        for c in verb.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        actors += self.resolve(p)[0]
                        how = "passive"
            elif c.dep_ in PASSIVE_SUBJ or (c.dep_ in OBJ and "obj" in roles):
                recipients += self.resolve(c)[0]
            elif c.dep_ == "dative" and ("dative" in roles or "obj" in roles or "to" in roles):
                recipients += self.resolve(c)[0] if c.pos_ != "ADP" else self._pobj(c)
            elif c.dep_ == "prep" and (c.lower_ in roles or c.i in matched):
                recipients += self._pobj(c)
            elif c.dep_ == "prt" and c.i in matched:
                for cc in c.children:
                    if cc.dep_ == "prep":
                        recipients += self._pobj(cc)
        # prepositions hanging on the object of a phrase ("threw its support behind X")
        for t in match.tokens[1:]:
            if t.dep_ == "dobj":
                for c in t.children:
                    if c.dep_ == "prep" and (c.lower_ in roles or c.i in matched):
                        recipients += self._pobj(c)
            if t.dep_ == "prep" and t.head.i != verb.i:
                recipients += self._pobj(t)
        if not passive or not actors:
            subj, control = clause_subject(verb)
            own_subject = any(c.dep_ in SUBJ for c in verb.children)
            finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)
            if not own_subject and finite and (
                    subj is None or not self.resolve(subj)[0]):
                subj = self._left_subject(verb) or subj
            if subj is not None and not passive:
                ents, h = self.resolve(subj, whole=match.trigger.reciprocal)
                actors = ents or actors
                how = "control" if control else (h or how)
            elif subj is not None and passive and not actors:
                pass
        return actors, recipients, how

    def _located_target(self, verb: Any) -> list[Entity]:
        """"struck facilities in the port of Izmail": the country where a material act landed."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on", "into", "across", "around", "inside"):
                for t in c.subtree:
                    m = self.index.by_token.get(t.i)
                    if m is not None and m.entity.country and is_state(m.entity.country):
                        return [Entity.make(m.entity.country, None, m.entity.country)]
                    country = self.places_country.get(t.i)
                    if country:
                        return [Entity.make(country, None, country)]
        return []

    def _object(self, tok: Any) -> list[Entity]:
        ents = self.resolve(tok, whole=self._whole)[0]
        if not ents and self._whole:
            for t in np_tokens(tok):
                country = self.places_country.get(t.i)
                if country:
                    return [Entity.make(country, None, country)]
        return ents

    def _left_subject(self, verb: Any) -> Any | None:
        """A finite verb the parser left without a subject ("after Moscow and Tbilisi
        accepted"): the nearest entity to its left that heads a subject-like phrase."""
        start = max(verb.sent.start, verb.i - 15)
        for i in range(verb.i - 1, start - 1, -1):
            t = verb.doc[i]
            if t.pos_ in ("VERB",) and t.dep_ not in ("amod", "compound"):
                return None
            if t.i not in self.index.by_token:
                continue
            root = t
            while root.dep_ in ("compound", "amod", "poss", "conj", "appos", "flat") and root.head.i != root.i:
                root = root.head
            if root.dep_ in ("nsubj", "nsubjpass", "ROOT") or (
                    root.dep_ == "pobj" and root.head.lower_ in SUBORDINATORS):
                return root
        return None

    def _pobj(self, prep: Any) -> list[Entity]:
        out: list[Entity] = []
        for p in prep.children:
            if p.dep_ in ("pobj", "pcomp"):
                out += self._object(p)
                if not out:
                    country = self.places_country.get(p.i)
                    if country:
                        out.append(Entity.make(country, None, country))
        return out

    def _nominal(self, noun: Any, roles: tuple[str, ...], match: TriggerMatch) -> tuple[list, list, str]:
        actors: list[Entity] = []
        recipients: list[Entity] = []
        how = "nominal"
        matched = {t.i for t in match.tokens}
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i not in matched):
                actors += self.resolve(c)[0] if c.dep_ == "poss" else self.index.in_tokens(c.subtree)
            elif c.dep_ == "prep":
                if c.lower_ == "by" or c.lower_ == "between":
                    actors += self._pobj(c)
                elif c.lower_ in roles:
                    recipients += self._pobj(c)
        if actors:
            return _by_country(actors), recipients, how
        # the noun as object of a light verb: the verb's subject acts ("launched an attack on")
        gov = noun.head
        if noun.dep_ in ("dobj", "obj", "attr", "oprd") or (noun.dep_ == "pobj" and gov.head.pos_ == "VERB"):
            verb = gov if noun.dep_ != "pobj" else gov.head
            if verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in LIGHT_VERBS or noun.dep_ == "attr"):
                subj, _ = clause_subject(verb)
                if subj is not None:
                    actors, _h = self.resolve(subj)
                    how = "light"
                    for c in verb.children:
                        if c.dep_ == "prep" and c.lower_ in roles:
                            recipients += self._pobj(c)
                        if c.dep_ == "dative":
                            recipients += self.resolve(c)[0]
        elif (noun.dep_ == "pobj" and gov.lower_ in ("in", "during", "at") and gov.head.pos_ in ("VERB", "AUX")
              and match.trigger.type == "CONSULT"):
            # "In a telephone call, the presidents of X and Y warned ...": the callers are the subject
            subj, _ = clause_subject(gov.head)
            if subj is not None:
                actors, _h = self.resolve(subj)
                how = "frame"
        elif noun.dep_ in ("nsubj",) and gov.lemma_.lower() in EVENT_VERBS:
            for c in gov.children:
                if c.dep_ == "prep" and c.lower_ == "between":
                    actors += self._pobj(c)
        return _by_country(actors), recipients, how


def _speaker_of(tok: Any) -> Any | None:
    """For a pronoun inside reported speech ("Canada said it would"), the speaker token."""
    from dyad.coding.aux import SPEECH_VERBS

    t = tok.head
    for _ in range(4):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _is_subject(doc: Any, m: Mention) -> bool:
    tok = doc.char_span(m.start, m.end, alignment_mode="expand")
    if tok is None:
        return False
    root = tok.root
    while root.dep_ in ("compound", "amod", "poss", "conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def distinct_from(actors: list[Entity], recipients: list[Entity]) -> list[Entity]:
    """Recipients other than the actors (a country's rebels may target its army)."""
    codes = {a.code for a in actors}
    countries = {a.country for a in actors}
    out = []
    for r in recipients:
        if r.code in codes or (r.agent is None and r.country in countries):
            continue
        if r.agent == "GOV" and any(a.country == r.country and a.agent == "GOV" for a in actors):
            continue
        out.append(r)
    return out


def _is_group(tok: Any) -> bool:
    """"both sides", "the two countries", "the sides", "the two men"."""
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    if words & {"both", "two", "the two", "all", "each", "neither", "either"}:
        return True
    return tok.tag_ == "NNS" and "the" in words


def _gov(e: Entity) -> Entity:
    """A bare state acting is its government; organisations stay as they are."""
    if e.agent is None and e.country and is_state(e.country):
        return e.with_agent("GOV")
    return e


@lru_cache(maxsize=512)
def is_state(code: str) -> bool:
    """Whether ``code`` is an ISO 3166 alpha-3 country (or Kosovo), not an organisation."""
    import pycountry

    if code == "KOS":
        return True
    return len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code) is not None
