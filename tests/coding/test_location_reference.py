"""A place named by reference ("the city") takes the name of what it refers to."""

from __future__ import annotations


def test_the_city_is_named_by_its_referent(pipe):
    text = ("Rwandan-backed rebels attacked Bukavu on Monday, officials said. "
            "Congolese troops shelled rebel positions inside the city on Tuesday.")
    ex = pipe.extract_text(text)
    located = [e for e in ex.events if e.location is not None and "inside the city" in e.evidence.sentence]
    assert located, [(e.type, e.evidence.sentence) for e in ex.events]
    assert {e.location.name for e in located} == {"Bukavu"}
    assert all(e.location.country == "COD" for e in located)
