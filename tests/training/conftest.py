"""Fixtures for the training-corpus tests: the real corpus and small corpora written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyad.training.codebook import Codebook

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "training"

TEXT = (
    "Turkish troops shelled positions of Kurdish fighters near Tal Abyad on Monday, the defence "
    "ministry in Ankara said. Ankara and Moscow agreed to hold talks next week.\n\n"
    "Analysts doubt that the talks will change much. The Kremlin refused to comment."
)


def good_record(article_id: str = "t001-001", text: str = TEXT) -> dict[str, Any]:
    first, second = text.split(". ")[0] + ".", "Ankara and Moscow agreed to hold talks next week."
    return {
        "id": article_id, "published": "2019-10-15", "title": "Shelling near Tal Abyad",
        "authors": ["A. Writer"], "publisher": "Test Wire", "genre": "wire", "text": text,
        "events": [
            {"sentence": first, "type": "ASSAULT", "mode": "heavy-weapons", "actor": ["TUR.MIL"],
             "recipient": ["SYR.REB"], "aux": [], "date": "2019-10-14", "location": "Tal Abyad|SYR",
             "by": "TUR.GOV", "trigger": "shelled", "actor_text": "Turkish troops",
             "recipient_text": "Kurdish fighters"},
            {"sentence": second, "type": "AGREE", "mode": None, "actor": ["TUR.GOV", "RUS.GOV"],
             "recipient": [], "aux": [], "date": "2019-10-15", "location": None, "by": "author",
             "trigger": "agreed to hold talks", "actor_text": "Ankara and Moscow", "recipient_text": None},
        ],
    }


def write_corpus(root: Path, records: list[dict[str, Any]], second: list[dict[str, Any]] = ()) -> Path:
    for rec in records:
        folder = root / "articles" / rec["id"].split("-")[0]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{rec['id']}.json").write_text(json.dumps(rec), encoding="utf-8")
    for rec in second:
        (root / "second").mkdir(parents=True, exist_ok=True)
        (root / "second" / f"{rec['id']}.json").write_text(json.dumps(rec), encoding="utf-8")
    return root


@pytest.fixture
def make_record():
    return good_record


@pytest.fixture
def make_corpus():
    return write_corpus


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    return Codebook.load()


@pytest.fixture(scope="session")
def corpus_root() -> Path:
    if not any((CORPUS / "articles").glob("*/*.json")):
        pytest.skip("training corpus not present")
    return CORPUS
