"""Cleaning figures on the shared seed and dev sets (skipped when the folder is absent)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from dyad.clean import clean
from dyad.config import Config
from dyad.records import RawDocument


def scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_body_and_metadata(shared_dir):
    score = scorer(shared_dir)
    for gold_path in sorted((shared_dir / "eval" / "seed").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        src = gold_path.with_suffix(".txt")
        doc = clean(RawDocument(str(src), src.read_bytes(), "text/plain"), Config())
        p, r, _ = score.body_prf(doc.text, gold["text"])
        assert p >= 0.99 and r >= 0.99
        assert (doc.title, doc.authors, doc.published, doc.publisher) == (
            gold["title"], gold["authors"], gold["published"], gold["publisher"])


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["html", "txt"])
def test_dev_body_and_meta(shared_dir, kind):
    score = scorer(shared_dir)
    ps, rs, meta = [], [], []
    for gold_path in sorted((shared_dir / "eval" / "dev").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        src = gold_path.with_suffix("." + kind)
        media = "text/html" if kind == "html" else "text/plain"
        doc = clean(RawDocument(str(src), src.read_bytes(), media), Config())
        p, r, _ = score.body_prf(doc.text, gold["text"])
        ps.append(p)
        rs.append(r)
        meta.append(sum([score.fold(doc.title) == score.fold(gold["title"]),
                         {score.fold(a) for a in doc.authors} == {score.fold(a) for a in gold["authors"]},
                         doc.published == gold["published"]]) / 3)
    assert sum(ps) / len(ps) >= 0.97 and sum(rs) / len(rs) >= 0.97
    assert sum(meta) / len(meta) >= 0.95
