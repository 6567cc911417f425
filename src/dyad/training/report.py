"""Label distribution of the corpus and near-duplicate detection between articles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dyad.training.corpus import GoldArticle
from dyad.training.sentences import split_sentences

_WORD = re.compile(r"\w+")
SHINGLE = 5
DUPLICATE_JACCARD = 0.35
STORY_SHINGLE = 3
STORY_JACCARD = 0.08  # two write-ups of the same real event, not a copy


@dataclass(slots=True)
class Distribution:
    articles: int = 0
    events: int = 0
    sentences: int = 0
    sentences_without_event: int = 0
    words: int = 0
    splits: Counter[str] = field(default_factory=Counter)
    split_events: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    type_modes: Counter[tuple[str, str]] = field(default_factory=Counter)
    aux: Counter[str] = field(default_factory=Counter)
    by: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    organisations: Counter[str] = field(default_factory=Counter)
    genres: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)
    batches: Counter[str] = field(default_factory=Counter)
    multi_event_sentences: int = 0
    with_location: int = 0
    implicit_actor: int = 0


def distribution(articles: list[GoldArticle], countries: frozenset[str] | None = None) -> Distribution:
    """Counts over the corpus. A code whose head is three upper-case letters counts as a
    country unless ``countries`` is given and lacks it; other heads are organisations."""
    d = Distribution()
    for a in articles:
        d.articles += 1
        d.words += len(a.text.split())
        d.splits[a.split] += 1
        d.split_events[a.split] += len(a.events)
        d.genres[a.genre or "?"] += 1
        d.years[a.published[:4]] += 1
        d.batches[a.batch] += 1
        sentences = split_sentences(a.text)
        d.sentences += len(sentences)
        evidence = [e.sentence for e in a.events]
        d.sentences_without_event += sum(1 for s in sentences if not any(s in ev or ev in s for ev in evidence))
        per_sentence = Counter(evidence)
        d.multi_event_sentences += sum(1 for n in per_sentence.values() if n > 1)
        heads: set[str] = set()
        for e in a.events:
            d.events += 1
            d.types[e.type] += 1
            d.type_modes[(e.type, e.mode or "-")] += 1
            d.aux.update(e.aux or ("none",))
            d.by["author" if e.by == "author" else "source"] += 1
            d.with_location += e.location is not None
            d.implicit_actor += e.actor_text is None
            heads |= {c.split(".")[0] for c in (*e.actor, *e.recipient)}
            if e.location:
                heads.add(e.location.rpartition("|")[2])
        for h in heads:
            is_country = len(h) == 3 and h.isupper() and (countries is None or h in countries)
            (d.countries if is_country else d.organisations)[h] += 1
    return d


def _counter_line(c: Counter[str], limit: int = 0) -> str:
    items = c.most_common(limit or None)
    return ", ".join(f"{k} {v}" for k, v in items)


def format_report(d: Distribution) -> str:
    share = d.sentences_without_event / d.sentences if d.sentences else 0.0
    lines = [
        f"articles {d.articles}  events {d.events}  words {d.words}  sentences {d.sentences}",
        f"sentences without event {d.sentences_without_event} ({share:.0%})  "
        f"multi-event sentences {d.multi_event_sentences}  events with place {d.with_location}  "
        f"implicit actor {d.implicit_actor}",
        f"splits: {_counter_line(d.splits)}  (events: {_counter_line(d.split_events)})",
        f"genres: {_counter_line(d.genres)}",
        f"years: {', '.join(f'{k} {v}' for k, v in sorted(d.years.items()))}",
        f"aux: {_counter_line(d.aux)}   by: {_counter_line(d.by)}",
        f"countries ({len(d.countries)}): {_counter_line(d.countries)}",
        f"organisations ({len(d.organisations)}): {_counter_line(d.organisations)}",
        "types x modes:",
    ]
    by_type: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (t, m), n in sorted(d.type_modes.items()):
        by_type[t].append((m, n))
    for t, n in d.types.most_common():
        modes = ", ".join(f"{m} {k}" for m, k in by_type[t])
        lines.append(f"  {t:<10} {n:>5}  {modes}")
    return "\n".join(lines)


def _shingles(text: str, size: int = SHINGLE) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + size])) for i in range(max(0, len(words) - size + 1))}


def near_duplicates(
    articles: list[GoldArticle], threshold: float = DUPLICATE_JACCARD, size: int = SHINGLE
) -> list[tuple[str, str, float]]:
    """Pairs of articles whose word ``size``-gram sets overlap (Jaccard) at least ``threshold``.
    Candidates come from an inverted index, so the cost grows with shared shingles only."""
    sets = [_shingles(a.text, size) for a in articles]
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            index[h].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        if len(members) > 50:  # a stock phrase, not evidence of copying
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    out = []
    for (i, j), n in shared.items():
        jac = n / len(sets[i] | sets[j])
        if jac >= threshold:
            out.append((articles[i].id, articles[j].id, round(jac, 3)))
    return sorted(out)


def same_story_across_splits(articles: list[GoldArticle]) -> list[tuple[str, str, float]]:
    """Pairs that look like two write-ups of the same real event (word 3-gram Jaccard at
    least ``STORY_JACCARD``) and fall in different splits: a validation article whose twin
    is in train overstates validation scores."""
    split = {a.id: a.split for a in articles}
    pairs = near_duplicates(articles, STORY_JACCARD, STORY_SHINGLE)
    return [(a, b, j) for a, b, j in pairs if split[a] != split[b]]
