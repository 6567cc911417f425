from __future__ import annotations

from dyad.ontology import EVENT_TYPES, Ontology

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL = {"COOPERATE", "AID", "RETREAT", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_every_type_has_a_base_entry_with_a_consistent_quad_class():
    onto = Ontology.load()
    for t in EVENT_TYPES:
        e = onto.lookup(t, None)
        assert e.cameo.isdigit()
        if t in ("REQUEST",):
            continue
        expected = (1 if t not in MATERIAL else 2) if t in COOPERATIVE else (3 if t not in MATERIAL else 4)
        assert e.quad_class == expected, t


def test_scores_follow_the_cooperation_conflict_scale():
    onto = Ontology.load()
    for (t, _m), e in onto.entries.items():
        assert -10 <= e.score <= 10 and -10 <= e.goldstein <= 10
        if t in COOPERATIVE:
            assert e.score > 0, t
        if t in {"ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}:
            assert e.score < 0, t


def test_modes_of_the_manual_are_present():
    onto = Ontology.load()
    assert set(onto.modes("CONSULT")) == {"visit", "third-party", "multilateral", "phone"}
    assert {"withdraw", "release", "disarm", "ceasefire", "access", "resign"} <= set(onto.modes("RETREAT"))
    assert {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"} <= set(onto.modes("PROTEST"))
    assert onto.lookup("ASSAULT", "no-such-mode") == onto.lookup("ASSAULT", None)
