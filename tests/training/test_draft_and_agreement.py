from __future__ import annotations

import copy

import pytest

from dyad.errors import CorpusError
from dyad.training.agreement import agreement, load_scorer
from dyad.training.corpus import article_from_dict
from dyad.training.draft import parse_draft, parse_second
from dyad.training.qc import check_record
from dyad.training.sentences import split_sentences

DRAFT = """### z001-001
published: 2020-03-02
title: Test
authors: One Writer; Two Writer
publisher: Test Wire
genre: wire

Gen. Haftar's forces shelled Tripoli on Sunday, the U.N. mission said. Turkey sent drones.

The talks in Geneva ended. Cairo urged restraint.
---
ASSAULT/heavy-weapons LBY.MIL>LBY.GOV t="shelled" a="Gen. Haftar's forces" d=2020-03-01 at="Tripoli|LBY" by=UN
AID TUR.GOV>LBY.GOV t="sent drones" a="Turkey"
REQUEST EGY.GOV t="urged restraint" a="Cairo"
"""


def test_sentence_splitter_keeps_abbreviations():
    assert split_sentences("Gen. Smith met Mr. Lee. The U.N. agreed!\n\nNew one.") == [
        "Gen. Smith met Mr. Lee.", "The U.N. agreed!", "New one."
    ]


def test_draft_converts_to_valid_records(codebook, tmp_path):
    (rec,) = parse_draft(DRAFT)
    assert rec["authors"] == ["One Writer", "Two Writer"]
    assert rec["events"][0]["sentence"].startswith("Gen. Haftar's forces shelled Tripoli")
    assert rec["events"][1]["date"] == "2020-03-02" and rec["events"][1]["recipient_text"] is None
    issues = check_record(rec, tmp_path / "z001-001.json", codebook)
    assert [i.message for i in issues if i.severity == "error"] == []
    assert any("words" in i.message for i in issues)  # the test article is short


def test_draft_errors_are_reported():
    with pytest.raises(CorpusError, match="sentences hold"):
        parse_draft(DRAFT.replace('t="sent drones"', 't="T"'))
    with pytest.raises(CorpusError, match="missing header"):
        parse_draft(DRAFT.replace("genre: wire\n", ""))
    with pytest.raises(CorpusError, match="bad field"):
        parse_draft(DRAFT.replace("by=UN", "who=UN"))


def test_agreement_with_the_shared_scorer(shared_dir):
    scorer = load_scorer(shared_dir / "eval")
    assert scorer is not None
    (rec,) = parse_draft(DRAFT)
    first = [article_from_dict(rec, "first")]
    same = agreement(first, first, scorer)
    assert same.event_f1 == pytest.approx(1.0) and same.date_acc == pytest.approx(1.0)
    other = copy.deepcopy(rec)
    (other,) = parse_second(
        "### z001-001\n" + DRAFT.split("---\n")[1].replace("AID TUR.GOV", "COOPERATE TUR.GOV"),
        {"z001-001": other},
    )
    worse = agreement(first, [article_from_dict(other, "second")], scorer)
    assert worse.event_f1 == pytest.approx(2 / 3)
    assert worse.type_f1 == pytest.approx(2 / 3)


def test_agreement_lists_disagreements(shared_dir):
    scorer = load_scorer(shared_dir / "eval")
    (rec,) = parse_draft(DRAFT)
    (other,) = parse_second(
        "### z001-001\n" + DRAFT.split("---\n")[1].replace("AID TUR.GOV", "COOPERATE TUR.GOV"),
        {"z001-001": copy.deepcopy(rec)},
    )
    result = agreement([article_from_dict(rec, "a")], [article_from_dict(other, "b")], scorer)
    kinds = {(k, t) for _, k, t, _ in result.disagreements}
    assert kinds == {("miss", "AID"), ("extra", "COOPERATE")}
    assert "miss AID" in result.format()
