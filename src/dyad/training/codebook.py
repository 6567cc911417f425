"""What a corpus record may contain: PLOVER types and modes, aux modes, agents, and the
country (ISO 3166-1 alpha-3 from pycountry, plus Kosovo's KOS) and organisation codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pycountry

from dyad.datafiles import data_path, read_tsv
from dyad.ontology import EVENT_TYPES, Ontology
from dyad.records import AGENTS, AUX_MODES

EXTRA_COUNTRIES = frozenset({"KOS"})
# Modes the PLOVER manual lists that the package ontology table does not (yet) carry.
MANUAL_MODES = {"PROTEST": frozenset({"vandalize"})}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@dataclass(frozen=True, slots=True)
class Codebook:
    countries: frozenset[str]
    organisations: frozenset[str]
    modes: dict[str, frozenset[str]]

    @classmethod
    def load(cls, organisations: Path | None = None) -> Codebook:
        """The codebook; organisation codes come from the actor lexicon's organisations and,
        when given, a TSV with a ``code`` column (such as the shared organisation list)."""
        countries = frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRIES
        orgs: set[str] = set()
        lexicon = data_path("actors", "organisations.tsv")
        if lexicon.is_file():
            orgs |= {row["code"].split(".")[0] for row in read_tsv(lexicon, ("code",)) if row["code"]}
        if organisations is not None:
            orgs |= {row["code"] for row in read_tsv(organisations, ("code",)) if row["code"]}
        ontology = Ontology.load()
        modes = {t: frozenset(ontology.modes(t)) | MANUAL_MODES.get(t, frozenset()) for t in EVENT_TYPES}
        return cls(countries, frozenset(orgs), modes)

    def code_problem(self, code: str) -> str | None:
        """Why ``code`` is not a valid COUNTRY or COUNTRY.AGENT code, or None."""
        head, dot, agent = code.partition(".")
        if head not in self.countries and head not in self.organisations:
            return f"unknown country/organisation code {head!r} in {code!r}"
        if dot and agent not in AGENTS:
            return f"unknown agent {agent!r} in {code!r}"
        return None

    def type_problem(self, type_: str, mode: str | None) -> str | None:
        if type_ not in EVENT_TYPES:
            return f"unknown PLOVER type {type_!r}"
        if mode is not None and mode not in self.modes[type_]:
            return f"mode {mode!r} is not a mode of {type_}"
        return None

    @staticmethod
    def aux_problem(aux: tuple[str, ...]) -> str | None:
        bad = [a for a in aux if a not in AUX_MODES]
        if bad:
            return f"unknown aux {', '.join(bad)}"
        if len(set(aux)) != len(aux):
            return "repeated aux"
        return None

    def location_problem(self, location: str | None) -> str | None:
        if location is None:
            return None
        name, bar, country = location.partition("|")
        if not bar or not name.strip():
            return f"location {location!r} is not 'Name|ISO3'"
        if country not in self.countries:
            return f"location country {country!r} is not ISO3"
        return None
