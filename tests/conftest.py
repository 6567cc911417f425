"""Shared fixtures: the real spaCy model and pipeline (loaded once per test session) and
the shared evaluation data (tests that need it skip cleanly when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared evaluation folder beside the repository, or skip."""
    if not (SHARED / "eval").is_dir():
        pytest.skip("shared evaluation data not present")
    return SHARED


@pytest.fixture(scope="session")
def pipe():
    """The real pipeline with the real English model and dyad's own knowledge files."""
    from dyad.api import pipeline

    return pipeline()


@pytest.fixture(scope="session")
def nlp(pipe):
    return pipe.nlp


@pytest.fixture(scope="session")
def knowledge(pipe):
    return pipe.knowledge
