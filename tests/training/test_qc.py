from __future__ import annotations

import copy
import json

import pytest

from dyad.training.qc import check_corpus, check_record, main


def _messages(rec, codebook, tmp_path):
    path = tmp_path / f"{rec['id']}.json"
    return " | ".join(i.message for i in check_record(rec, path, codebook) if i.severity == "error")


def test_real_corpus_passes_qc(corpus_root, codebook):
    result = check_corpus(corpus_root, codebook)
    assert result.errors == [], result.errors[:5]
    d = result.distribution
    assert d is not None and d.articles == len(result.articles) and d.events > 0
    assert 0 < d.sentences_without_event < d.sentences
    assert not result.duplicates


def test_good_record_passes(make_record, codebook, tmp_path):
    assert _messages(make_record(), codebook, tmp_path) == ""


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("sentence", "Turkish troops attacked.", "not an exact substring"),
        ("trigger", "bombed", "trigger"),
        ("actor_text", "Syrian troops", "actor_text"),
        ("type", "ATTACK", "unknown PLOVER type"),
        ("mode", "aerial-ish", "is not a mode of ASSAULT"),
        ("actor", ["XYZ.MIL"], "unknown country/organisation"),
        ("actor", ["TUR.ARMY"], "unknown agent"),
        ("actor", [], "actor is empty"),
        ("recipient", ["SYR.REB", "SYR.REB"], "repeated code"),
        ("aux", ["maybe"], "unknown aux"),
        ("date", "14 October 2019", "date"),
        ("location", "Tal Abyad", "Name|ISO3"),
        ("location", "Tal Abyad|SY", "not ISO3"),
        ("by", "the ministry", "by"),
    ],
)
def test_broken_event_is_flagged(make_record, codebook, tmp_path, field, value, expected):
    rec = make_record()
    rec["events"][0][field] = value
    assert expected in _messages(rec, codebook, tmp_path)


def test_broken_article_fields_are_flagged(make_record, codebook, tmp_path):
    rec = make_record()
    rec["published"] = "1998-01-01"
    rec["genre"] = "poem"
    rec["text"] = rec["text"] + "\n\n\n"
    msg = _messages(rec, codebook, tmp_path)
    assert "outside 2000-2026" in msg and "genre" in msg and "blank lines" in msg
    rec = make_record()
    assert "differs from file name" in " ".join(
        i.message for i in check_record(rec, tmp_path / "other-001.json", codebook)
    )


def test_organisation_codes_and_short_text(make_record, codebook, tmp_path):
    rec = make_record()
    rec["events"][1]["actor"] = ["NATO", "EU"]
    issues = check_record(rec, tmp_path / f"{rec['id']}.json", codebook)
    assert not [i for i in issues if i.severity == "error"]
    assert any("words" in i.message and i.severity == "warning" for i in issues)


def test_confusable_sentences_are_flagged(make_record, codebook, tmp_path):
    rec = make_record()
    sentence = "Ankara and Moscow agreed to hold talks next week in Sochi."
    rec["text"] += " " + sentence
    extra = copy.deepcopy(rec["events"][1])
    extra["sentence"] = sentence
    rec["events"].append(extra)
    assert "confusable" in _messages(rec, codebook, tmp_path)


def test_corpus_checks_duplicates_and_near_duplicates(make_record, make_corpus, codebook, tmp_path):
    long_text = " ".join(f"Paragraph word{i} stands here with filler{i}." for i in range(40))
    a = make_record("d001-001", text=long_text)
    a["events"] = []
    b = copy.deepcopy(a)
    b["id"] = "d002-001"
    b["text"] = long_text.replace("word3 ", "other3 ")
    dup_root = make_corpus(tmp_path, [a, b])
    (dup_root / "articles" / "d003").mkdir()
    (dup_root / "articles" / "d003" / "d001-001.json").write_text(json.dumps(a), encoding="utf-8")
    result = check_corpus(dup_root, codebook)
    assert ("d001-001", "d002-001") in {(x, y) for x, y, _ in result.duplicates}
    assert any("near-duplicate" in i.message for i in result.errors)
    assert any("also in" in i.message for i in result.errors)  # the repeated id


def test_cli_reports_and_sets_exit_status(make_record, make_corpus, tmp_path, capsys):
    good = make_corpus(tmp_path / "good", [make_record("c001-001")])
    assert main([str(good)]) == 0
    out = capsys.readouterr().out
    assert "types x modes" in out and "ASSAULT" in out and "QC: 0 errors" in out
    bad = make_record("c001-002")
    bad["events"][0]["type"] = "BOMB"
    broken = make_corpus(tmp_path / "bad", [bad])
    assert main([str(broken)]) == 1
    assert "unknown PLOVER type" in capsys.readouterr().out


def test_same_story_across_splits_is_reported(make_record):
    from dyad.training.corpus import article_from_dict, split_of
    from dyad.training.report import same_story_across_splits

    ids = [f"s{n:03d}-001" for n in range(200)]
    train_id = next(i for i in ids if split_of(i) == "train")
    valid_id = next(i for i in ids if split_of(i) == "validation")
    other_train = next(i for i in ids if split_of(i) == "train" and i != train_id)
    story = " ".join(f"Troops shelled village{i} near the river on day{i}." for i in range(30))
    retold = story.replace("Troops shelled", "Soldiers bombarded")  # same story, other words
    a = article_from_dict(make_record(train_id, text=story), "a")
    b = article_from_dict(make_record(valid_id, text=retold), "b")
    c = article_from_dict(make_record(other_train, text=retold), "c")
    pairs = {frozenset((x, y)) for x, y, _ in same_story_across_splits([a, b, c])}
    assert frozenset((train_id, valid_id)) in pairs
    assert frozenset((train_id, other_train)) not in pairs  # same split: no leak
