from __future__ import annotations


def test_place_where_the_act_happened(code):
    (e,) = [e for e in code("Russian troops shelled Kharkiv on Monday.") if e.type == "ASSAULT"]
    assert e.location is not None and e.location.country == "UKR"
    (e,) = [e for e in code("Ethiopia and Egypt met in Cairo on Monday.") if e.type == "CONSULT"]
    assert e.location is not None and e.location.country == "EGY"


def test_a_refusal_about_a_meeting_elsewhere_has_no_place(code):
    (e,) = [e for e in code("Serbia refused to attend the talks in Paris.") if e.type == "REJECT"]
    assert e.location is None
