"""Rules that read the document around a sentence: announcements, civil conflicts,
meeting partners, places of attacks, intentions, groups named before."""

from __future__ import annotations

PUB = "2024-03-14"


def by_type(events, type_):
    return [e for e in events if e.type == type_]


def test_announced_withdrawal_is_the_authors_report_dated_when_announced(code):
    events = code("Germany announced last month that it would withdraw its troops from Mali.", PUB)
    (e,) = by_type(events, "CONCEDE")
    assert e.attribution.by is None and e.date.value == "2024-02" and e.aux == []


def test_negated_ongoing_state_takes_the_publication_date(code):
    (e,) = by_type(code("Egypt has never condemned Ethiopia's dam for nearly two decades.", PUB), "ACCUSE")
    assert e.date.value == PUB and e.aux == ["negation"]


def test_rebels_and_the_army_of_one_country(code):
    events = code("Myanmar's military shelled rebel positions. "
                  "The rebels accused the Myanmar military of shelling villages.")
    (accuse,) = by_type(events, "ACCUSE")
    assert accuse.recipient and all(r.code.startswith("MMR.") for r in accuse.recipient)
    assert {a.code for a in accuse.actor}.isdisjoint({r.code for r in accuse.recipient})


def test_act_of_a_meeting_party_is_addressed_to_the_others(code):
    events = code("Japan's prime minister spoke by phone with India's prime minister and offered to host a summit.")
    (agree,) = by_type(events, "AGREE")
    assert {r.country for r in agree.recipient} == {"IND"}


def test_country_where_an_attack_landed_is_the_recipient(code):
    (e,) = by_type(code("Russian drones struck power stations in western Ukraine overnight."), "ASSAULT")
    assert {r.country for r in e.recipient} == {"UKR"}


def test_intended_cooperation_is_agree(code):
    events = code("Serbia seeks to normalise relations with Kosovo.")
    assert [e.type for e in events] == ["AGREE"]


def test_lemmatiser_slips_are_repaired(code):
    (e,) = by_type(code("Russian troops installed new fencing near the village."), "COERCE")
    assert e.mode == "restrict"


def test_group_noun_resolves_to_the_parties_named_under_it(code):
    text = ("The delegations of Egypt and Ethiopia met in Cairo, with the support of Sudan and Kenya. "
            "The delegations agreed to meet again in March.")
    (e,) = [x for x in by_type(code(text), "AGREE") if "agreed" in x.evidence.sentence]
    assert {a.country for a in e.actor} == {"EGY", "ETH"}


def test_purpose_clause_and_referenced_events_are_not_coded(code):
    assert not by_type(code("To support its army, Belarus appealed for loans."), "SUPPORT")
    assert not by_type(code("Thousands of civilians fled the Turkish offensive."), "ASSAULT")
