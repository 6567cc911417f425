"""Sentences without a verb must not hang the place reader (a root noun governs them)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Withdrawal from Mali.",
    "Retreat from Kherson, then silence.",
    "Departure from Kabul in August 2021.",
])
def test_verbless_sentences_are_coded_without_hanging(pipe, text):
    ex = pipe.extract_text(text)
    assert not ex.errors
