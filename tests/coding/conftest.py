"""Fixtures of the coding tests: code a text as an article published on a given day."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.records import Document, Event


@pytest.fixture(scope="session")
def code(pipe) -> Callable[..., list[Event]]:
    """``code(text, published="2024-03-14")`` -> the events the real pipeline codes."""

    def run(text: str, published: str | None = "2024-03-14") -> list[Event]:
        document = Document(id="t", source="<test>", text=text, published=published, language="en")
        ann = pipe.annotate(document, pipe.nlp(text))
        return pipe.code(ann).events

    return run

