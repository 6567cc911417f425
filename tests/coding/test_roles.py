from __future__ import annotations


def codes(entities) -> list[str]:
    return sorted(e.code for e in entities)


def countries(entities) -> set[str]:
    return {e.code.split(".")[0] for e in entities}


def one(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, codes(e.actor)) for e in events]
    return found[0]


def test_active_voice_actor_and_recipient(code):
    e = one(code("France condemned Iran on Monday."), "ACCUSE")
    assert codes(e.actor) == ["FRA.GOV"] and countries(e.recipient) == {"IRN"}


def test_passive_voice_by_agent(code):
    e = one(code("Two border posts were shelled by Chinese troops."), "ASSAULT")
    assert codes(e.actor) == ["CHN.MIL"]


def test_passive_without_actor_is_not_coded(code):
    assert not [e for e in code("Two villages were shelled overnight.") if e.type == "ASSAULT"]


def test_conjoined_actors_are_a_list(code):
    e = one(code("Egypt and Israel condemned the attack."), "ACCUSE")
    assert codes(e.actor) == ["EGY.GOV", "ISR.GOV"]


def test_reciprocal_meeting_lists_all_parties_as_actor(code):
    e = one(code("Serbia and Kosovo held talks in Brussels on Monday."), "CONSULT")
    assert countries(e.actor) == {"SRB", "KOS"} and e.recipient == []
    e = one(code("Poland met with Belarus on Monday."), "CONSULT")
    assert countries(e.actor) == {"POL", "BLR"} and e.recipient == []


def test_control_verb_object_is_the_recipient(code):
    events = code("Japan urged China to release the detained fishermen.")
    e = one(events, "REQUEST")
    assert codes(e.actor) == ["JPN.GOV"] and countries(e.recipient) == {"CHN"}
    assert e.mode == "yield"
    assert not [x for x in events if x.type == "RETREAT"]


def test_nominal_events(code):
    e = one(code("Israel responded to Iranian threats on Monday."), "THREATEN")
    assert countries(e.actor) == {"IRN"}
    e = one(code("Serbia criticised the Kremlin's recognition of the two regions."), "ACCUSE")
    assert countries(e.actor) == {"SRB"}


def test_light_verb_subject_acts(code):
    e = one(code("India launched an attack on Pakistan."), "ASSAULT")
    assert countries(e.actor) == {"IND"} and countries(e.recipient) == {"PAK"}


def test_group_nouns_resolve_to_parties_named_before(code):
    events = code("Egypt and Ethiopia resumed negotiations over the dam. Both sides agreed to meet again.")
    e = one(events, "AGREE")
    assert countries(e.actor) == {"EGY", "ETH"}


def test_pronoun_in_reported_speech_is_the_speaker(code):
    events = code("Germany sent aid to Poland. France said it would provide tanks to Ukraine.")
    agree = [e for e in events if e.type in ("AGREE", "AID") and "FRA" in countries(e.actor)]
    assert agree, [(e.type, codes(e.actor)) for e in events]


def test_bare_country_target_of_attack_stays_bare(code):
    e = one(code("North Korea attacked South Korea."), "ASSAULT")
    assert codes(e.actor) == ["PRK.GOV"] and codes(e.recipient) == ["KOR"]
