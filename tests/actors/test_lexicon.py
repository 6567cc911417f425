"""The actor lexicon: the shipped data files, dated entries, user files, bad files."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from dyad.actors.lexicon import ActorLexicon
from dyad.datafiles import read_tsv
from dyad.errors import LexiconError


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


def code_of(lexicon: ActorLexicon, pattern: str, date: str | None = None, agent: bool = False) -> str:
    entry = lexicon.best(pattern, date, agent=agent)
    assert entry is not None, pattern
    return entry.entity.code


def test_every_iso_country_has_a_name(lexicon: ActorLexicon) -> None:
    named = {e.entity.country for e in lexicon.entries if e.kind == "country"}
    missing = {c.alpha_3 for c in pycountry.countries} - named
    assert not missing


@pytest.mark.parametrize(("pattern", "code"), [
    ("Azerbaijani", "AZE"), ("Turkish", "TUR"), ("Iranian", "IRN"), ("Moldova", "MDA"),
    ("Republic of Moldova", "MDA"), ("USSR", "SUN"), ("Soviet Union", "SUN"), ("Kosovo", "KOS"),
    ("Türkiye", "TUR"), ("Burma", "MMR"), ("North Korea", "PRK"),
])
def test_names_demonyms_and_historical_names(lexicon: ActorLexicon, pattern: str, code: str) -> None:
    assert code_of(lexicon, pattern) == code


@pytest.mark.parametrize(("pattern", "code"), [
    ("Baku", "AZE.GOV"), ("the Kremlin", "RUS.GOV"), ("Washington", "USA.GOV"),
    ("the White House", "USA.GOV"), ("Downing Street", "GBR.GOV"), ("Brussels", "EU"),
    ("Tskhinvali", "GEO.SEP"),
])
def test_metonyms(lexicon: ActorLexicon, pattern: str, code: str) -> None:
    assert code_of(lexicon, pattern) == code


@pytest.mark.parametrize(("pattern", "agent"), [
    ("troops", "MIL"), ("peacekeepers", "MIL"), ("foreign minister", "GOV"), ("diplomatic source", "GOV"),
    ("parliament", "LEG"), ("party", "PTY"), ("separatists", "SEP"), ("rebels", "REB"),
    ("insurgents", "INS"), ("police", "POL"), ("diaspora", "CVL"), ("refugees", "REF"), ("gangs", "CRM"),
    ("Troops", "MIL"),
])
def test_agent_words_match_any_case(lexicon: ActorLexicon, pattern: str, agent: str) -> None:
    assert code_of(lexicon, pattern, agent=True) == agent


def test_organisation_codes_cover_the_shared_list(lexicon: ActorLexicon, shared_dir: Path) -> None:
    spec = list(read_tsv(shared_dir / "spec" / "organisations.tsv", ("code", "name")))
    ours = {e.entity.code for e in lexicon.entries if e.kind == "organisation"}
    assert {row["code"] for row in spec} <= ours
    for row in spec:  # every name and variant of the list is known, with its code
        for variant in [row["name"], *filter(None, row.get("also_called", "").split("|"))]:
            assert code_of(lexicon, variant) == row["code"], variant


@pytest.mark.parametrize(("pattern", "date", "code"), [
    ("Putin", "2021-06-01", "RUS.GOV"),
    ("Shoigu", "2023-01-10", "RUS.MIL"),
    ("Shoigu", "2025-01-10", "RUS.GOV"),
    ("Levon Ter-Petrosian", "1995-01-01", "ARM.GOV"),
    ("Levon Ter-Petrosian", "2021-06-01", "ARM.PTY"),
    ("Trump", "2019-05-01", "USA.GOV"),
    ("Mike Pompeo", "2023-05-01", "USA.ELI"),  # a former official holding no listed office
    ("Taliban", "2019-01-01", "AFG.INS"),
    ("Taliban", "2023-01-01", "AFG.GOV"),
])
def test_dated_entries_follow_the_article_date(lexicon: ActorLexicon, pattern: str, date: str, code: str) -> None:
    assert code_of(lexicon, pattern, date) == code


def test_user_file_adds_and_replaces(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("# my actors\npattern\tcode\tname\tkind\tstart\tend\n"
                    "Jane Roe|Roe\tNZL.GOV\tJane Roe\tperson\t2020-01-01\t\n"
                    "Baku\tAZE.MIL\tAzerbaijani military\tmetonym\t\t\n", encoding="utf-8")
    lex = ActorLexicon.load((mine,))
    assert code_of(lex, "Roe", "2024-01-01") == "NZL.GOV"
    assert lex.best("Roe", "2024-01-01").entity.person == "Jane Roe"  # type: ignore[union-attr]
    assert code_of(lex, "Baku") == "AZE.MIL"
    assert len(lex.entries_for("Baku")) == 1


@pytest.mark.parametrize("row", [
    "Foo\tFOO.XXX\tFoo\tcountry\t\t",  # unknown agent
    "Foo\tFOO\tFoo\tplanet\t\t",  # unknown kind
])
def test_bad_rows_raise(tmp_path: Path, row: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("pattern\tcode\tname\tkind\tstart\tend\n" + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        ActorLexicon.load((bad,))


def test_missing_column_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("pattern\tcode\nFoo\tFOO\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        ActorLexicon.load((bad,))


def test_sizes_count_actors_and_forms(lexicon: ActorLexicon) -> None:
    sizes = lexicon.sizes()
    assert sizes["country_actors"] >= 249
    assert sizes["person_forms"] >= sizes["person_actors"] > 100


def test_person_between_and_before_offices(lexicon: ActorLexicon) -> None:
    assert code_of(lexicon, "Joe Biden", "2018-06-01") == "USA.ELI"  # after the vice-presidency
    assert code_of(lexicon, "Zelensky", "2017-06-01") == "UKR"  # before any listed office
    assert code_of(lexicon, "Josep Borrell", "2025-06-01") == "EU"  # an organisation's official
    assert code_of(lexicon, "Jens Stoltenberg", "2025-06-01") == "NOR.GOV"
