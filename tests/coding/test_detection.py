"""The detector's say over the lexicon: it adds events the lexicon lacks and can veto
matches, and the shipped model is loaded once with its version in every record."""

from __future__ import annotations

import zlib

import numpy as np

from dyad.coding.detection import DetectorJudge
from dyad.detector.model import LABELS, DetectorModel

BUCKETS = 1 << 12


def _model(lemma_to_label: dict[str, str]) -> DetectorModel:
    """A hand-set model: each named lemma scores high for its label, everything else "O"."""
    W = np.zeros((BUCKETS, len(LABELS)), np.float32)
    b = np.zeros(len(LABELS), np.float32)
    b[0] = 6.0
    for lemma, label in lemma_to_label.items():
        W[zlib.crc32(f"l={lemma}".encode()) % BUCKETS, LABELS.index(label)] = 20.0
    return DetectorModel(W, np.zeros((0, len(LABELS)), np.float32), b, {"version": "hand"})


def _sent(nlp, text):
    return next(iter(nlp(text).sents))


def test_judge_adds_an_event_the_lexicon_lacks(nlp, knowledge):
    sent = _sent(nlp, "Russia annexed the peninsula in March.")
    judge = DetectorJudge(_model({"annex": "COERCE"}), knowledge.triggers)
    matches = [m for m in knowledge.triggers.match_sentence(sent) if m.tokens[0].lemma_ != "annex"]
    out = judge.judge(sent, matches)
    added = [m for m in out if m.tokens[0].lemma_ == "annex"]
    assert len(added) == 1 and added[0].trigger.type == "COERCE"
    assert added[0].trigger.rule.startswith("trigger:detector@hand")


def test_judge_vetoes_a_match_only_above_its_threshold(nlp, knowledge):
    sent = _sent(nlp, "Critics attacked the budget proposal on Monday.")
    matches = knowledge.triggers.match_sentence(sent)
    assert any(m.tokens[0].lemma_ == "attack" for m in matches)
    model = _model({})  # says "no event" everywhere, with p(O) about 0.96
    keep_all = DetectorJudge(model, knowledge.triggers, drop_if_no_event=1.01, add_if_event=1.01)
    assert keep_all.judge(sent, matches) == sorted(matches, key=lambda m: m.tokens[0].i)
    veto = DetectorJudge(model, knowledge.triggers, drop_if_no_event=0.5, add_if_event=1.01)
    assert not [m for m in veto.judge(sent, matches) if m.tokens[0].lemma_ == "attack"]


def test_shipped_detector_is_in_the_provenance(pipe):
    from dyad.config import Config
    from dyad.pipeline import Pipeline

    assert pipe.detector_path.is_file(), "the trained detector ships inside the package"
    assert "detector" not in pipe.extract_text("Kenya deployed troops.").provenance  # off by default
    on = Pipeline(Config(use_detector=True), nlp=pipe.nlp, knowledge=pipe.knowledge)
    assert on.detector is not None and on.detector.meta["corpus_hash"]
    ex = on.extract_text("Kenya deployed troops to the border with Somalia on Monday.")
    assert ex.provenance["detector"] == on.detector.version
    assert ex.provenance["detector_corpus"] == on.detector.meta["corpus_hash"]
