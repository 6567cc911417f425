"""Finding actor mentions in a parsed text (the actor part of the annotate stage).

``find_mentions(doc, lexicon, matcher, date=None, is_place=None) -> list[Mention]``
(``matcher`` from ``build_matcher(lexicon, nlp)``, built once per process).

What the event coder can rely on:

- Mentions are sorted by ``start`` and never overlap (the longest phrase wins); each
  mention's ``text`` is ``doc.text[start:end]``.
- A mention covers the whole noun phrase that names the actor and carries the agent the
  phrase states: "Russian peacekeepers" and "Moscow's peacekeepers" -> ``RUS.MIL``;
  "Yerevan's political and security elites" -> ``ARM.GOV``; "the foreign minister of
  Azerbaijan" -> ``AZE.GOV``; "Azerbaijani President Ilham Aliyev" -> ``AZE.GOV`` with
  ``person`` set; "the Armenian National Congress Party" -> ``ARM.PTY``.
- A bare country name stays bare (``RUS``): whether it acts as the government is for the
  coder to decide from its role. Metonyms ("Baku", "the Kremlin") are ``.GOV`` and have
  ``metonym=True``; used as a place ("talks in Baku", "a visit to Taipei") they are not
  actors at all. A breakaway region's name ("Abkhazia") is an actor (``GEO.SEP``) only
  where it acts (a subject, an owner, an object); elsewhere it is a place.
- Coordinated actors are separate mentions ("Russia and Iran", "Turkish-Azerbaijani"
  -> two mentions); an agent word distributes over them ("Russian and Turkish troops"
  -> ``RUS.MIL``, ``TUR.MIL``). A sponsor does not own the phrase ("Russian-backed
  separatists" are not ``RUS.SEP``). An agent word used as an adjective ("official
  position", "military presence") sets nothing.
- Persons: known office holders are coded by the office they hold at ``date`` (the
  article's date; a former official is ``.ELI``); unknown persons by a title
  ("Armenian Deputy Foreign Minister X" -> ``ARM.GOV``) or an apposition naming what
  they lead ("X, leader of the Bright Armenia Party" -> ``ARM.PTY``), and later mentions
  of the same name in the document reuse that code (see ``dyad.actors.coref``).
- Without a country in the phrase, an agent word that heads a noun phrase ("the
  government", "its troops", "rebels", "civilians") takes an antecedent: state agents
  the subject of the sentence or the state named last; rebels, separatists, gangs and
  civilians the country the sentence places them in, else the country the text is
  mostly about. So does "the country". These mentions have ``rule`` "coref:...".
- ``rule`` names the lexicon entries (``actor:<file>:<pattern>``, joined with ``+``) or the
  rule (``title:``, ``appos:``, ``coref:``) that produced the mention.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dyad.actors.coref import context_mentions, person_mentions
from dyad.actors.lexicon import ActorEntry, ActorLexicon
from dyad.actors.matching import (
    LOCATIVE_PREPS,
    LOCATIVE_VERBS,
    TRAVEL_WORDS,
    ActorMatcher,
    Hit,
    build_matcher,
    chain_agent,
    find_hits,
    is_locative,
    make_mention,
    rule_of,
)
from dyad.records import Entity, Mention

__all__ = ["LOCATIVE_PREPS", "LOCATIVE_VERBS", "TRAVEL_WORDS", "ActorMatcher", "build_matcher", "find_mentions",
           "is_locative"]

FILLER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
FILLER_WORDS = frozenset({"the", "'s", "’s", "'", "and", "-", "its", "their", "his", "her"})
PLAIN_COUNTRY_KINDS = frozenset({"country", "demonym", "metonym", "person"})
STATE_KINDS = frozenset({"country", "demonym", "metonym"})
MAX_GAP = 4
SPONSOR_WORDS = frozenset({"backed", "supported", "sponsored", "allied", "aligned", "linked", "led",
                           "controlled", "installed", "brokered", "trained", "armed", "funded"})
STATE_AGENTS = frozenset(["GOV", "MIL", "POL", "LEG", "JUD", "SPY", "PTY"])


def _joinable(doc: Any, left: Hit, right: Hit) -> bool:
    """Whether two hits belong to one noun phrase (only modifiers between them)."""
    gap = doc[left.end : right.start]
    if len(gap) > MAX_GAP or doc[left.start].sent.start != doc[right.start].sent.start:
        return False
    words = [t.lower_ for t in gap]
    if not left.agent and is_locative(doc[left.start : left.end]):
        return False  # "in Georgia Russian peacekeepers ..."
    if not gap and not left.agent and not right.agent and {left.entry.kind, right.entry.kind} <= STATE_KINDS:
        return False  # two state names side by side are two actors
    if left.agent and not right.agent and words[:1] == ["of"]:
        words = words[1:]
        return all(w in ("the", "its") for w in words)
    if "of" in words or SPONSOR_WORDS.intersection(words):
        return False
    if (left.agent or right.agent) and "and" in words:
        return False  # "Armenian Deputy PM X and Azerbaijani Deputy PM Y"; "Colombia and the ... Army"
    return all(t.lower_ in FILLER_WORDS or (t.pos_ in FILLER_POS and not t.is_punct) for t in gap)


def _runs(doc: Any, hits: list[Hit]) -> list[list[Hit]]:
    runs: list[list[Hit]] = []
    for h in hits:
        if runs and _joinable(doc, runs[-1][-1], h):
            runs[-1].append(h)
        else:
            runs.append([h])
    return runs


def _acts(span: Any) -> bool:
    """Whether a name is used as an actor: a subject, an owner, an agent or a conjunct of one."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "dobj", "dative") or (
        root.dep_ == "pobj" and root.head.lower_ in ("by", "with", "between"))


def _combine(entry: ActorEntry, agent: str | None) -> Entity:
    ent = entry.entity
    if entry.kind == "region" and ent.country and agent:
        # de facto institutions of a breakaway region are its separatists; its people are people
        return ent if agent in STATE_AGENTS else Entity.make(ent.country, agent, ent.name)
    if agent and entry.kind in PLAIN_COUNTRY_KINDS and ent.country:
        if entry.kind == "person" and ent.agent in ("PTY", "OPP", "REB", "SEP", "ELI"):
            return ent
        return Entity.make(ent.country, agent, entry.entity.name, ent.person if entry.kind == "person" else None)
    return ent


def _groups(doc: Any, names: list[Hit]) -> list[list[Hit]]:
    """Split the names of a phrase at "and" (and at hyphens between states: "Turkish-Azerbaijani",
    "Ankara-Baku"): each group is one coordinated actor."""
    groups: list[list[Hit]] = []
    for h in names:
        between = {t.lower_ for t in doc[groups[-1][-1].end : h.start]} if groups else set()
        hyphen = bool(between & {"-", "–"}) and {groups[-1][-1].entry.kind, h.entry.kind} <= STATE_KINDS
        if groups and "and" not in between and not hyphen:
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


def _resolve_run(doc: Any, run: list[Hit]) -> list[Mention]:
    """The mentions of one noun phrase made of lexicon hits."""
    agents = [h for h in run if h.agent]
    names = [h for h in run if not h.agent]
    out: list[Mention] = []
    if not agents:
        for group in _groups(doc, names):
            head = group[-1]  # "Russia's Wagner", "Turkey's Erdogan": the last name is the head
            if head.entry.kind == "metonym" and len(group) == 1 and is_locative(doc[head.start : head.end]):
                continue
            if head.entry.entity.country is None:
                continue  # a country-less group with no country in the phrase
            if head.entry.kind == "region" and len(group) == 1 and not _acts(doc[head.start : head.end]):
                continue  # "the war in Karabakh", "the Karabakh conflict": a place, not an actor
            out.append(make_mention(doc, group[0].start, head.end, head.entry.entity, rule_of(group),
                             head.entry.kind == "metonym"))
        return out
    first_agent = agents[0]
    agent = chain_agent(agents)
    left = [h for h in names if h.end <= first_agent.start]
    right = [h for h in names if h.start >= agents[-1].end]
    persons = [h for h in right if h.entry.kind == "person"]
    if persons and not left:  # "President Ilham Aliyev", "Foreign Minister Lavrov"
        p = persons[0]
        return [make_mention(doc, run[0].start, p.end, p.entry.entity, rule_of(run[: run.index(p) + 1]))]
    targets = left or [h for h in right if h.entry.kind != "person"]
    if not targets:
        return []
    groups = _groups(doc, targets)
    for gi, group in enumerate(groups):
        head = group[-1]
        if persons:  # "Russian President Vladimir Putin": the person decides
            ent, end, used = persons[0].entry.entity, persons[0].end, run
        else:
            ent = _combine(head.entry, agent)
            if head.entry.entity.country is None:
                continue
            last = gi == len(groups) - 1
            end = (agents[-1].end if left else head.end) if last else head.end
            used = group + agents if last else group
        start = group[0].start if (left or gi) else run[0].start
        out.append(make_mention(doc, start, end, ent, rule_of(used)))
        if persons:
            break
    return out


def _named_places(doc: Any, hits: list[Hit], locate: Callable[[str], str | None]) -> list[tuple[int, Entity]]:
    """Places the text names as places and that are no lexicon actor, with their country."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    out: list[tuple[int, Entity]] = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC", "PERSON") and not covered.intersection(range(ent.start, ent.end)) \
                and is_locative(ent):
            country = locate(ent.text.removeprefix("the "))
            if country and len(country) == 3 and country.isupper():
                out.append((ent.start_char, Entity.make(country, None, ent.text)))
    return out


def find_mentions(doc: Any, lexicon: ActorLexicon, matcher: ActorMatcher, date: str | None = None,
                  is_place: Callable[[str], bool] | None = None,
                  locate: Callable[[str], str | None] | None = None) -> list[Mention]:
    """Actor mentions in ``doc`` (a spaCy Doc), coded at ``date`` (ISO, the article's date).

    ``is_place`` tells whether a name is a known place: such names are never taken as
    unknown persons (the small English model tags some places as PERSON). ``locate``
    gives the country of a place name (or None): places named in the text ("in Gaza")
    tell where rebels, civilians and the like without a nationality belong.
    """
    hits = find_hits(doc, lexicon, matcher, date)
    runs = _runs(doc, hits)
    mentions: list[Mention] = []
    for run in runs:
        mentions += _resolve_run(doc, run)
    located = [(doc[h.start].idx, h.entry.entity) for h in hits
               if h.entry.kind == "metonym" and is_locative(doc[h.start : h.end])]
    if locate is not None:
        located += _named_places(doc, hits, locate)
    mentions += context_mentions(doc, runs, mentions, sorted(located, key=lambda x: x[0]))
    persons, dropped = person_mentions(doc, mentions, is_place)
    mentions = [m for m in mentions if m not in dropped] + persons
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
