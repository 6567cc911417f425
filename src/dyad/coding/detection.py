"""The learned detector's say over the trigger lexicon, sentence by sentence.

The lexicon proposes predicates with their type, mode and role frames; the detector
(``dyad.detector``), trained on dyad's own corpus, judges each candidate token in its
context. A lexicon match the detector is sure is no codable event (commentary, a
metaphor, a state) is dropped; a token the detector takes for an event that no lexicon
row covers is added with the detector's type and a generic role frame. Every event so
produced names the detector and its version in ``rule``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyad.coding.triggers import Trigger, TriggerLexicon, TriggerMatch
from dyad.detector.features import is_candidate
from dyad.detector.model import LABELS, DetectorModel

DROP_IF_NO_EVENT = 1.01
"""Drop a lexicon match when the detector gives "no event" at least this probability.
Off (above 1) by default: on the training split's tuning slice, dropping lexicon matches
cost more recall than it gained precision at every threshold tried (0.6-0.9)."""
ADD_IF_EVENT = 0.7
"""Add an unlexiconised token when the detector gives one event type at least this
(chosen on the training split's tuning slice, never on validation or evaluation sets)."""


@dataclass(frozen=True, slots=True)
class DetectorJudge:
    model: DetectorModel
    lexicon: TriggerLexicon
    drop_if_no_event: float = DROP_IF_NO_EVENT
    add_if_event: float = ADD_IF_EVENT

    def lexicon_type(self, tok: Any) -> str | None:
        found = self.lexicon.get(tok.lemma_.lower(), "NOUN" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_)
        return found.type if found else None

    def judge(self, sent: Any, matches: list[TriggerMatch]) -> list[TriggerMatch]:
        """The lexicon's matches the detector does not reject, plus the events it adds."""
        covered = {t.i for m in matches for t in m.tokens}
        kept: list[TriggerMatch] = []
        for m in matches:
            tok = m.tokens[0]
            if is_candidate(tok):
                p = self.model.predict_token(tok, self.lexicon_type)
                if p[0] >= self.drop_if_no_event:
                    continue
            kept.append(m)
        for tok in sent:
            if tok.i in covered or not is_candidate(tok) or tok.pos_ not in ("VERB", "NOUN"):
                continue
            p = self.model.predict_token(tok, self.lexicon_type)
            best = int(p[1:].argmax()) + 1
            if p[best] >= self.add_if_event:
                kept.append(TriggerMatch(self._trigger(tok, LABELS[best]), tok, (tok,)))
        kept.sort(key=lambda m: m.tokens[0].i)
        return kept

    def _trigger(self, tok: Any, type_: str) -> Trigger:
        lemma = tok.lemma_.lower()
        pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB"
        return Trigger(lemma=lemma, pos=pos, type=type_, mode=None, cameo=None,
                       source=f"detector@{self.model.version}", words=(lemma,))
