"""Actor mentions in context, with the real English model and dyad's own lexicons."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dyad.config import Config
from dyad.pipeline import Pipeline
from dyad.records import Document, Mention


def mentions(pipe: Pipeline, text: str, date: str = "2021-06-01") -> list[Mention]:
    document = Document(id="t", source="t", text=text, published=date)
    return pipe.annotate(document, pipe.nlp(text)).mentions


def coded(pipe: Pipeline, text: str, date: str = "2021-06-01") -> list[tuple[str, str]]:
    return [(m.text, m.entity.code) for m in mentions(pipe, text, date)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow's peacekeepers stayed.", [("Moscow's peacekeepers", "RUS.MIL")]),
    ("Russian peacekeepers stayed.", [("Russian peacekeepers", "RUS.MIL")]),
    ("The Armenian diaspora protested.", [("Armenian diaspora", "ARM.CVL")]),
    ("Yerevan's political and security elites objected.",
     [("Yerevan's political and security elites", "ARM.GOV")]),
    ("The Armenian National Congress Party boycotted the vote.", [("Armenian National Congress Party", "ARM.PTY")]),
    ("Russia and Iran warned Baku.", [("Russia", "RUS"), ("Iran", "IRN"), ("Baku", "AZE.GOV")]),
    ("The foreign minister of Azerbaijan spoke.", [("foreign minister of Azerbaijan", "AZE.GOV")]),
    ("Russian and Turkish troops patrolled the road.", [("Russian", "RUS.MIL"), ("Turkish troops", "TUR.MIL")]),
    ("The OSCE's Minsk Group and the U.N. Security Council met.",
     [("The OSCE's Minsk Group", "OSCE"), ("U.N. Security Council", "UN")]),
    ("The White House and Downing Street agreed.", [("The White House", "USA.GOV"), ("Downing Street", "GBR.GOV")]),
])
def test_noun_phrases_carry_country_and_agent(pipe: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    assert coded(pipe, text) == expected


def test_title_and_known_person_take_the_office_at_the_date(pipe: Pipeline) -> None:
    found = mentions(pipe, "Azerbaijani President Ilham Aliyev met Russian President Vladimir Putin.")
    assert [(m.entity.code, m.entity.person) for m in found] == [
        ("AZE.GOV", "Ilham Aliyev"), ("RUS.GOV", "Vladimir Putin")]
    assert "actor:persons:" in found[0].rule
    assert coded(pipe, "Former President Levon Ter-Petrosian spoke.", "2021-06-01")[0][1] == "ARM.PTY"
    assert coded(pipe, "President Levon Ter-Petrosian spoke.", "1996-06-01")[0][1] == "ARM.GOV"


def test_unknown_person_from_apposition_and_later_surname(pipe: Pipeline) -> None:
    text = ("Davit Hakobyan, leader of the Bright Armenia Party, criticised the deal. "
            "Hakobyan said the talks had failed.")
    found = mentions(pipe, text)
    people = [(m.text, m.entity.code, m.rule.split(":")[0]) for m in found if m.entity.person == "Davit Hakobyan"]
    assert people == [("Davit Hakobyan", "ARM.PTY", "appos"), ("Hakobyan", "ARM.PTY", "coref")]


def test_unknown_person_from_title(pipe: Pipeline) -> None:
    found = mentions(pipe, "Armenian Deputy Foreign Minister Vahe Sarkisyan arrived.")
    assert [(m.entity.code, m.entity.person) for m in found] == [("ARM.GOV", "Vahe Sarkisyan")]


def test_the_country_and_its_forces_follow_the_named_state(pipe: Pipeline) -> None:
    found = coded(pipe, "Georgia accused Russia of provocations. The country said its troops would stay.")
    assert ("The country", "GEO") in found
    assert ("its troops", "GEO.MIL") in found


def test_metonym_used_as_a_place_is_no_actor(pipe: Pipeline) -> None:
    assert coded(pipe, "Talks were held in Baku on Friday.") == []
    assert coded(pipe, "Baku rejected the proposal.") == [("Baku", "AZE.GOV")]


def test_lexicon_wins_over_the_parser_person_label(pipe: Pipeline) -> None:
    found = coded(pipe, "Shusha was retaken by Azerbaijani forces.")
    assert ("Azerbaijani forces", "AZE.MIL") in found
    assert all(not m.entity.person for m in mentions(pipe, "Shusha was retaken by Azerbaijani forces."))


def test_mentions_are_sorted_and_never_overlap(pipe: Pipeline) -> None:
    text = ("Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan discussed "
            "the Russian-Turkish monitoring centre, while Moscow's peacekeepers and Azerbaijani troops "
            "watched the Lachin corridor. The Kremlin said the country's forces would stay.")
    found = mentions(pipe, text)
    assert found
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.rule


def test_user_actor_file_through_the_config(tmp_path: Path, nlp: object) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("pattern\tcode\tname\tkind\tstart\tend\nZorvania\tNZL\tZorvania\tcountry\t\t\n",
                    encoding="utf-8")
    pipe = Pipeline(Config(actor_files=(mine,)), nlp=nlp)
    assert coded(pipe, "Zorvania protested.") == [("Zorvania", "NZL")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Turkish-Azerbaijani alliance held.", [("Turkish", "TUR"), ("Azerbaijani", "AZE")]),
    ("Ankara-Baku ties deepened.", [("Ankara", "TUR.GOV"), ("Baku", "AZE.GOV")]),
    ("Russia's official position did not change.", [("Russia", "RUS")]),
    ("Abkhazia rejected the proposal.", [("Abkhazia", "GEO.SEP")]),
    ("The war in Abkhazia ended in 1993.", []),
])
def test_hyphens_adjectives_and_regions(pipe: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    assert coded(pipe, text) == expected


def test_sponsor_does_not_own_the_phrase(pipe: Pipeline) -> None:
    found = coded(pipe, "Fighting broke out in Georgia. Russian-backed separatists shelled a village.")
    assert ("separatists", "GEO.SEP") in found
    assert all(code != "RUS.SEP" for _, code in found)


def test_people_without_a_nationality_are_of_the_place(pipe: Pipeline) -> None:
    found = coded(pipe, "Soldiers killed at least 50 civilians in Mali last week.")
    assert ("civilians", "MLI.CVL") in found


def test_people_take_the_country_of_a_named_place(pipe: Pipeline) -> None:
    found = coded(pipe, "Israeli airstrikes killed 20 people in Gaza on Tuesday.")
    assert ("people", "PSE.CVL") in found
