"""Matching the actor lexicon in a parsed text: the hits the phrase and coreference
rules build mentions from, and the test of whether a name is used as a place.

``build_matcher(lexicon, nlp)`` builds the matchers once per process (the pipeline keeps
them); ``find_hits`` gives the longest non-overlapping lexicon matches of a document,
each with the lexicon entry valid at the article's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher

from dyad.actors.lexicon import ActorEntry, ActorLexicon
from dyad.records import Entity, Mention

LOCATIVE_PREPS = frozenset(
    ["in", "at", "near", "outside", "inside", "within", "throughout", "across", "around", "into", "towards", "toward"]
)
LOCATIVE_VERBS = frozenset(["visit", "tour", "enter", "reach", "leave"])
TRAVEL_WORDS = frozenset(
    ["visit", "trip", "journey", "travel", "fly", "flight", "return", "go", "come", "head", "move"]
)


@dataclass(frozen=True, slots=True)
class ActorMatcher:
    """Phrase matchers over the lexicon: names as written, agent words lower-cased."""

    names: Any
    agents: Any


def build_matcher(lexicon: ActorLexicon, nlp: Any) -> ActorMatcher:
    """Matchers over the lexicon's surface forms, tokenised by ``nlp``."""
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    for pattern in lexicon.name_patterns():
        forms = {pattern, pattern.replace("'", "’")}
        if pattern.startswith("the "):
            forms |= {"The " + f[4:] for f in forms}
        names.add("N\x1f" + pattern, [nlp.make_doc(f) for f in sorted(forms)])
    agents = PhraseMatcher(nlp.vocab, attr="LOWER")
    for pattern in lexicon.agent_patterns():
        forms = {pattern, pattern.replace("'", "’")}
        agents.add("A\x1f" + pattern, [nlp.make_doc(f) for f in sorted(forms)])
    return ActorMatcher(names, agents)


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    entry: ActorEntry

    @property
    def agent(self) -> bool:
        return self.entry.kind == "agent"


def is_locative(span: Any) -> bool:
    """True when a name is used as a place: "in Baku", "visited Moscow"."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in TRAVEL_WORDS:
        return True  # "a visit to Taipei", "flew to Moscow"
    return root.dep_ == "dobj" and head.lemma_ in LOCATIVE_VERBS


def find_hits(doc: Any, lexicon: ActorLexicon, matcher: ActorMatcher, date: str | None) -> list[Hit]:
    found: list[tuple[int, int, int, ActorEntry]] = []
    agent_matches = matcher.agents(doc)
    agent_tokens = {i for _, start, end in agent_matches for i in range(start, end)}
    for matches, is_agent in ((matcher.names(doc), False), (agent_matches, True)):
        for match_id, start, end in matches:
            pattern = doc.vocab.strings[match_id].split("\x1f", 1)[1]
            entry = lexicon.best(pattern, date, agent=is_agent)
            if entry is None:
                continue
            if (is_agent and end - start == 1 and doc[start].pos_ == "ADJ" and doc[start].dep_ == "amod"
                    and doc[start].head.i not in agent_tokens):
                continue  # "official position", "military presence": an adjective, not an actor
            found.append((start, end, 1 if is_agent else 0, entry))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken = [False] * len(doc)
    hits: list[Hit] = []
    for start, end, _, entry in found:
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        hits.append(Hit(start, end, entry))
    hits.sort(key=lambda h: h.start)
    return hits


def chain_agent(agents: list[Hit]) -> str | None:
    codes = [h.entry.entity.agent for h in agents]
    first = codes[0]
    if first == "GOV" and any(c in ("MIL", "POL") for c in codes[1:]):
        return next(c for c in codes[1:] if c in ("MIL", "POL"))
    return first


def rule_of(hits: list[Hit]) -> str:
    return "+".join(h.entry.rule for h in hits)


def make_mention(doc: Any, start: int, end: int, entity: Entity, rule: str, metonym: bool = False) -> Mention:
    span = doc[start:end]
    return Mention(entity, span.start_char, span.end_char, span.text, rule, metonym)
