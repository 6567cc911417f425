from __future__ import annotations


def codes(entities) -> list[str]:
    return sorted(e.code for e in entities)


def countries(entities) -> set[str]:
    return {e.code.split(".")[0] for e in entities}


PUB = "2024-03-14"


def by_type(events, type_):
    return [e for e in events if e.type == type_]


def test_negation(code):
    (e,) = by_type(code("Egypt did not condemn the strike."), "ACCUSE")
    assert e.aux == ["negation"]
    events = code("Egypt and Sudan met on Monday. Neither country has imposed sanctions on Ethiopia.")
    (e,) = by_type(events, "SANCTION")
    assert "negation" in e.aux and countries(e.actor) == {"EGY", "SDN"}


def test_there_is_no_evidence_that(code):
    events = code("There is no evidence that Serbia supplied weapons to the rebels.")
    (e,) = by_type(events, "AID")
    assert "negation" in e.aux


def test_refused_to_is_a_rejection_not_a_negation(code):
    events = code("Turkey refused to sign the agreement.")
    (e,) = by_type(events, "REJECT")
    assert e.aux == [] and not by_type(events, "SUPPORT")


def test_modal_is_hypothetical(code):
    (e,) = by_type(code("Japan could impose sanctions on China."), "SANCTION")
    assert e.aux == ["hypothetical"]


def test_authors_if_sentence_codes_both_clauses_hypothetical(code):
    events = code("If India attacked Pakistan, China would condemn the strike.")
    assert by_type(events, "ASSAULT") and by_type(events, "ACCUSE")
    assert all("hypothetical" in e.aux for e in events)


def test_conditional_threat_is_one_threaten(code):
    events = code("Iran threatened to close the strait if Israel attacked its nuclear sites.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].aux == []


def test_future_cooperation_is_agree_without_aux(code):
    (e,) = code("China and India will hold talks next month.", PUB)
    assert e.type == "AGREE" and e.aux == [] and e.date.value == PUB


def test_future_hostile_act_keeps_its_type(code):
    (e,) = by_type(code("Russia will deploy troops to the border next week.", PUB), "MOBILIZE")
    assert e.aux == ["future"]


def test_announced_withdrawal_is_a_concession(code):
    events = code("France said it would withdraw its troops from Niger.", PUB)
    assert [e.type for e in events] == ["CONCEDE"] and events[0].aux == []


def test_historical_by_date(code):
    (e,) = by_type(code("In 1999 NATO bombed Serbia.", PUB), "ASSAULT")
    assert e.aux == ["historical"] and e.date.value == "1999"
    (e,) = by_type(code("On Monday NATO bombed Serbia.", PUB), "ASSAULT")
    assert e.aux == []


def test_author_prediction_is_not_an_event(code):
    assert not code("Egypt will no doubt sign more agreements.")


def test_recommendation_is_not_an_event(code):
    assert not by_type(code("Japan should impose sanctions on China."), "SANCTION")


def test_countries_helper():
    assert countries([]) == set()
