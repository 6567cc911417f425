from __future__ import annotations


def test_reported_claim_is_the_sources(code):
    events = code("An Egyptian diplomatic source has claimed that Ethiopia attacked Sudan.")
    (e,) = [e for e in events if e.type == "ASSAULT"]
    assert e.attribution.by is not None and e.attribution.by.country == "EGY"
    assert e.attribution.cue == "claim"


def test_trailing_said_and_according_to(code):
    (e,) = [e for e in code("Chinese troops shelled the village, India said.") if e.type == "ASSAULT"]
    assert e.attribution.by is not None and e.attribution.by.country == "IND"
    (e,) = [e for e in code("According to Ukraine, Russian troops shelled the village.") if e.type == "ASSAULT"]
    assert e.attribution.by is not None and e.attribution.by.country == "UKR"


def test_speech_acts_are_the_authors(code):
    (e,) = code("Japan accused China of harassing its ships.")
    assert e.type == "ACCUSE" and e.attribution.by is None


def test_quotes_are_marked(code):
    events = code('Poland said "Belarus attacked our border guards".')
    assert any(e.attribution.quoted for e in events if e.type == "ASSAULT")
