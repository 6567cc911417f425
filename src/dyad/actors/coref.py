"""Coreference for actors: agent words with no country of their own ("the government",
"its troops", "rebels"), "the country", and persons named again or introduced by a title
or an apposition.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dyad.actors.matching import Hit, chain_agent, is_locative, make_mention, rule_of
from dyad.records import Entity, Mention

HEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "dative", "attr", "agent"})
CONTEXT_AGENTS = frozenset(
    ["GOV", "MIL", "POL", "LEG", "JUD", "SPY", "SEP", "REB", "INS", "PTY", "OPP", "CRM", "CVL", "REF"]
)
COREF_NOUNS = frozenset({"the country", "the state", "the nation", "the republic", "the kingdom"})
NUMBER_WORDS = frozenset({"two", "both", "three", "four", "several", "many", "other", "all"})
NONSTATE_ARMED = frozenset(["REB", "INS", "SEP", "CRM"])
MULTI_PARTY = frozenset({"delegations", "governments", "sides", "parties", "negotiators", "mediators", "presidents",
                         "ministers", "foreign ministers", "leaders", "heads of state", "diplomats"})


def _is_state(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and (code or "").isalpha() and (code or "").isupper()


@dataclass(frozen=True, slots=True)
class _Ante:
    """A possible antecedent: an earlier actor (or a place-name use of a country's name)."""

    start: int
    entity: Entity
    subject: bool
    locative: bool


def _antecedents(doc: Any, mentions: list[Mention], located: list[tuple[int, Entity]]) -> list[_Ante]:
    out: list[_Ante] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end)
        if span is None:
            continue
        root = span.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass"))
        out.append(_Ante(m.start, m.entity, subject, is_locative(span)))
    for start, entity in located:
        out.append(_Ante(start, entity, False, True))
    return sorted(out, key=lambda a: a.start)


def _theatre(antes: list[_Ante]) -> Entity | None:
    """The country the text is mostly about as a place (where non-state actors are)."""
    score: Counter[str] = Counter()
    names: dict[str, Entity] = {}
    for a in antes:
        if _is_state(a.entity.country):
            score[a.entity.country or ""] += 10 if a.locative else 1
            names.setdefault(a.entity.country or "", a.entity)
    if not score:
        return None
    return names[score.most_common(1)[0][0]]


def _choose(doc: Any, antes: list[_Ante], tok_i: int, agent: str | None, theatre: Entity | None,
            possessive: bool) -> Entity | None:
    """The antecedent of an agent phrase with no country of its own."""
    sent = doc[tok_i].sent
    pos = doc[tok_i].idx
    usable = [a for a in antes if _is_state(a.entity.country) or (possessive and a.entity.country)]
    in_sent = [a for a in usable if sent.start_char <= a.start < sent.end_char]
    if agent in NONSTATE_ARMED | {"CVL", "REF", "OPP"} and not possessive:
        located = [a for a in in_sent if a.locative]
        if located:
            return located[0].entity
        if theatre is not None:
            return theatre
    before = [a for a in in_sent if a.start < pos]
    for pick in ([a for a in before if a.subject and not a.locative], [a for a in before if not a.locative],
                 [a for a in in_sent if a.locative]):
        if pick:
            return pick[-1].entity
    prev_sent = sent
    for _ in range(2):
        if prev_sent.start == 0:
            break
        prev_sent = doc[prev_sent.start - 1].sent
        cands = [a for a in usable if prev_sent.start_char <= a.start < prev_sent.end_char and not a.locative]
        subj = [a for a in cands if a.subject]
        if subj or cands:
            return (subj or cands)[-1 if not subj else 0].entity
    return None


def context_mentions(doc: Any, runs: list[list[Hit]], mentions: list[Mention],
                      located: list[tuple[int, Entity]]) -> list[Mention]:
    """Agent words with no country in their phrase, and "the country", take an antecedent.

    ``located``: (offset, entity) of names used as places (a capital "in Baku", a place
    "in Gaza"), which place non-state actors but never act themselves.
    """
    out: list[Mention] = []
    antes = _antecedents(doc, mentions, located)
    theatre = _theatre(antes)
    for run in runs:
        if any(not h.agent for h in run):
            continue
        last = run[-1]
        head_tok = doc[last.end - 1]
        agent = chain_agent(run)
        if agent not in CONTEXT_AGENTS or head_tok.dep_ not in HEAD_DEPS:
            continue
        first = doc[run[0].start]
        if first.ent_type_ == "ORG" and first.i > 0 and doc[first.i - 1].pos_ == "PROPN" \
                and doc[first.i - 1].ent_type_ == "ORG":
            continue  # "the National Liberation Army": part of a name the lexicon lacks
        if doc[run[0].start : last.end].text.lower() in MULTI_PARTY:
            continue  # "the delegations", "both sides": several parties, not one state
        start = run[0].start
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in NUMBER_WORDS or (agent == "PTY" and before not in ("its", "their")):
            continue
        possessive = before in ("its", "their")
        prev = _choose(doc, antes, start, agent, theatre, possessive)
        if prev is None or prev.country is None:
            continue
        if before in ("the", "its", "their"):
            start -= 1
        if possessive and ((prev.agent in NONSTATE_ARMED and agent in ("MIL", "REB", "INS"))
                           or not _is_state(prev.country)):
            ent = prev
        else:
            ent = Entity.make(prev.country, agent, prev.name)
        out.append(make_mention(doc, start, last.end, ent, f"coref:context:{rule_of(run)}"))
    for chunk in doc.noun_chunks:
        if chunk.text.lower() in COREF_NOUNS:
            prev = _choose(doc, antes, chunk.start, None, theatre, False)
            if prev is not None and _is_state(prev.country):
                ent = Entity.make(prev.country, None, prev.name)
                out.append(Mention(ent, chunk.start_char, chunk.end_char, chunk.text, "coref:country"))
    return out


def person_mentions(doc: Any, mentions: list[Mention], is_place: Callable[[str], bool] | None
                     ) -> tuple[list[Mention], list[Mention]]:
    """Unknown persons coded from a title or an apposition, and later mentions of them.

    Returns the new mentions and the title mentions they absorbed.
    """
    out: list[Mention] = []
    dropped: list[Mention] = []
    known: dict[str, Entity] = {}
    for m in mentions:
        if m.entity.person:
            for part in {m.entity.person.split()[0], m.entity.person.split()[-1]}:
                known.setdefault(part, m.entity)
    ordered = sorted(mentions, key=lambda m: m.start)
    for ent in doc.ents:
        surname = ent.text.removesuffix("'s").removesuffix("’s").strip()
        if ent.label_ != "PERSON" and not (ent.label_ == "ORG" and surname in known):
            continue
        if surname not in known and is_place is not None and is_place(ent.text):
            continue  # the parser's PERSON label loses to the gazetteer, except for a person named before
        if any(m.start < ent.end_char and ent.start_char < m.end for m in ordered + out if m not in dropped):
            continue
        name = ent.text.removesuffix("'s").removesuffix("’s").strip()
        coded: Entity | None = None
        rule = ""
        for child in ent.root.children:
            if child.dep_ == "appos":
                sub = doc[child.left_edge.i : child.right_edge.i + 1]
                inner = [m for m in ordered if sub.start_char <= m.start and m.end <= sub.end_char]
                if inner and inner[0].entity.country:
                    coded, rule = inner[0].entity, f"appos:{inner[0].rule}"
                    break
        start = ent.start_char
        title = next((m for m in ordered if 0 <= ent.start_char - m.end <= 1 and "actor:agents:" in m.rule
                      and m.entity.country and not m.entity.person), None)
        if coded is None and title is not None:  # "Armenian Deputy Foreign Minister Mnatsakan Safaryan"
            coded, rule, start = title.entity, f"title:{title.rule}", title.start
            dropped.append(title)
        if coded is None and name.split()[-1] in known:
            coded, rule = known[name.split()[-1]], "coref:person"
        if coded is None:
            continue
        person = coded.person if rule == "coref:person" and coded.person else name
        entity = Entity.make(coded.country, coded.agent, coded.name, person)
        out.append(Mention(entity, start, ent.end_char, doc.text[start : ent.end_char], rule))
        if rule != "coref:person":
            known[name.split()[-1]] = entity
    return out, dropped
