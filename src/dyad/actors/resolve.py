"""Finding actor mentions in a parsed text."""

from __future__ import annotations

from typing import Any

from spacy.matcher import PhraseMatcher

from dyad.actors.lexicon import ActorLexicon
from dyad.records import Mention


def build_matcher(lexicon: ActorLexicon, nlp: Any) -> PhraseMatcher:
    """A phrase matcher over the lexicon's patterns, tokenised by ``nlp``."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for i, entry in enumerate(lexicon.entries):
        matcher.add(str(i), [nlp.make_doc(entry.pattern)])
    return matcher


def find_mentions(doc: Any, lexicon: ActorLexicon, matcher: PhraseMatcher) -> list[Mention]:
    """Longest non-overlapping lexicon matches in ``doc``."""
    spans = []
    for match_id, start, end in matcher(doc):
        entry = lexicon.entries[int(doc.vocab.strings[match_id])]
        spans.append((start, end, entry))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[Mention] = []
    last_end = -1
    for start, end, entry in spans:
        if start < last_end:
            continue
        span = doc[start:end]
        out.append(Mention(entry.entity, span.start_char, span.end_char, span.text, entry.rule,
                           metonym=entry.kind == "metonym"))
        last_end = end
    return out
