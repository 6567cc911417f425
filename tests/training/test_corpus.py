from __future__ import annotations

import json
from collections import Counter

import pytest

from dyad.errors import CorpusError
from dyad.training.corpus import in_second_sample, load_article, load_corpus, split_of


def test_real_corpus_loads_with_spans_in_place(corpus_root):
    articles = load_corpus(corpus_root)
    assert len(articles) >= 10
    assert len({a.id for a in articles}) == len(articles)
    for a in articles:
        assert a.batch == a.id.split("-")[0]
        for e in a.events:
            assert e.sentence in a.text
            assert e.trigger in e.sentence
            assert e.actor_text is None or e.actor_text in e.sentence


def test_splits_partition_the_corpus(corpus_root):
    train = load_corpus(corpus_root, "train")
    validation = load_corpus(corpus_root, "validation")
    assert {a.id for a in train}.isdisjoint({a.id for a in validation})
    assert len(train) + len(validation) == len(load_corpus(corpus_root))


def test_split_is_deterministic_and_about_fifteen_percent():
    ids = [f"b{n // 10:03d}-{n % 10:03d}" for n in range(3000)]
    counts = Counter(split_of(i) for i in ids)
    assert 0.12 < counts["validation"] / len(ids) < 0.18
    assert [split_of(i) for i in ids[:50]] == [split_of(i) for i in ids[:50]]


def test_loader_rejects_broken_records(tmp_path, make_record):
    path = tmp_path / "x001-001.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError):
        load_article(path)
    rec = make_record("x001-001")
    rec["events"][0]["actor"] = "TUR.MIL"
    path.write_text(json.dumps(rec), encoding="utf-8")
    with pytest.raises(CorpusError, match="actor"):
        load_article(path)
    with pytest.raises(CorpusError):
        load_corpus(tmp_path / "missing")


def test_loader_reads_a_written_record(tmp_path, make_record, make_corpus):
    make_corpus(tmp_path, [make_record("x001-002")])
    (article,) = load_corpus(tmp_path)
    assert article.id == "x001-002" and article.genre == "wire"
    assert article.events[1].actor == ("TUR.GOV", "RUS.GOV")
    assert article.events[0].to_dict()["location"] == "Tal Abyad|SYR"
    assert len(article.paragraphs()) == 2


def test_second_sample_is_about_five_percent():
    ids = [f"b{n // 10:03d}-{n % 10:03d}" for n in range(3000)]
    share = sum(in_second_sample(i) for i in ids) / len(ids)
    assert 0.03 < share < 0.07
    # a different hash from the split: the sample is not just the validation articles
    sampled = [i for i in ids if in_second_sample(i)]
    assert any(split_of(i) == "train" for i in sampled)
