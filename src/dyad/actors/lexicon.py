"""The actor lexicon: dyad's actor files (``dyad/data/actors/*.tsv``) and the user's own.

File format (tab-separated, a header row, ``#`` comments; see docs/actors.md)::

    pattern   code     name                  kind      start       end
    Baku      AZE.GOV  Government of Azerbaijan  metonym
    Ilham Aliyev|Aliyev  AZE.GOV  Ilham Aliyev  person  2003-08-04

- ``pattern``: one or more surface forms separated by ``|``. Names are matched as written
  (case-sensitive, so "US" is not "us"; a leading "the" also matches "The");
  agent words (``kind`` = agent) are matched case-insensitively.
- ``code``: ``COUNTRY``, ``COUNTRY.AGENT`` or an organisation code; a code with no country
  (``.MIL``, ``.INS``) takes its country from the phrase or the text around it.
- ``kind``: country, demonym, metonym, organisation, region, group, person, agent.
- ``start``/``end``: ISO dates the entry holds (an office, a group's status); blank is open.

``ActorLexicon.load(extra)`` reads every shipped file and then the user's files; a user
row for a pattern the shipped files already hold is used instead of the shipped rows
(later files win). ``entries_for(pattern, date)`` picks the row valid at a date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dyad.datafiles import data_path, read_tsv
from dyad.errors import LexiconError
from dyad.records import AGENTS, Entity

KINDS = ("country", "demonym", "metonym", "organisation", "region", "group", "person", "agent")
COLUMNS = ("pattern", "code", "name", "kind")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One surface form of one actor, valid between ``start`` and ``end`` (ISO dates)."""

    pattern: str
    entity: Entity
    kind: str
    start: str | None = None
    end: str | None = None
    source: str = ""

    @property
    def rule(self) -> str:
        return f"actor:{self.source}:{self.pattern}"

    def covers(self, date: str | None) -> bool:
        """True when the entry holds on ``date`` (an ISO date or its prefix)."""
        if not date:
            return self.end is None
        return (self.start is None or self.start[: len(date)] <= date) and (
            self.end is None or date <= self.end
        )


def _entity(code: str, name: str, path: Path, lineno: int) -> Entity:
    country, _, agent = code.partition(".")
    if agent and agent not in AGENTS:
        raise LexiconError(f"{path}: row {lineno}: unknown agent {agent!r} in {code!r}")
    return Entity.make(country or None, agent or None, name)


def read_actor_file(path: Path) -> list[ActorEntry]:
    """The entries of one actor file (one entry per ``|``-separated pattern)."""
    out: list[ActorEntry] = []
    for lineno, row in enumerate(read_tsv(path, COLUMNS), start=2):
        kind = row["kind"]
        if kind not in KINDS:
            raise LexiconError(f"{path}: row {lineno}: unknown kind {kind!r}")
        entity = _entity(row["code"], row["name"], path, lineno)
        person = row["name"] if kind == "person" else None
        if person:
            entity = Entity.make(entity.country, entity.agent, row["name"], person)
        for pattern in dict.fromkeys(p.strip() for p in row["pattern"].split("|")):
            if pattern:
                out.append(ActorEntry(pattern, entity, kind, row.get("start") or None,
                                      row.get("end") or None, path.stem))
    return out


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """All actor entries, with lookup tables built on first use and kept in the object."""

    entries: tuple[ActorEntry, ...]
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, extra: tuple[Path, ...] | list[Path] = ()) -> ActorLexicon:
        shipped = sorted(data_path("actors").glob("*.tsv"))
        entries: list[ActorEntry] = []
        for path in shipped:
            entries += read_actor_file(path)
        for path in (Path(p) for p in extra):
            mine = read_actor_file(path)
            replaced = {(e.pattern, e.kind == "agent") for e in mine}
            entries = [e for e in entries if (e.pattern, e.kind == "agent") not in replaced] + mine
        return cls(tuple(entries))

    # -- lookups (built lazily, cached in the object) -------------------------------
    def _by_pattern(self) -> dict[tuple[str, bool], list[ActorEntry]]:
        table = self._cache.get("by_pattern")
        if table is None:
            built: dict[tuple[str, bool], list[ActorEntry]] = {}
            for e in self.entries:
                key = (e.pattern.lower(), True) if e.kind == "agent" else (e.pattern, False)
                built.setdefault(key, []).append(e)
            self._cache["by_pattern"] = table = built
        return table  # type: ignore[return-value]

    def name_patterns(self) -> list[str]:
        """Surface forms of named actors (matched case-sensitively)."""
        return sorted({p for p, agent in self._by_pattern() if not agent})

    def agent_patterns(self) -> list[str]:
        """Agent words (matched case-insensitively, lower-cased)."""
        return sorted({p for p, agent in self._by_pattern() if agent})

    def entries_for(self, pattern: str, date: str | None = None, agent: bool = False) -> list[ActorEntry]:
        """Rows for a surface form, those valid at ``date`` first (then the latest)."""
        rows = self._by_pattern().get((pattern.lower(), True) if agent else (pattern, False), [])
        if len(rows) <= 1:
            return list(rows)
        valid = [e for e in rows if e.covers(date)]
        rest = sorted((e for e in rows if e not in valid), key=lambda e: e.end or "9999", reverse=True)
        return valid + rest

    def best(self, pattern: str, date: str | None = None, agent: bool = False) -> ActorEntry | None:
        """The entry a surface form stands for at ``date``.

        A person who holds no listed office at that date is coded by the country of the
        nearest office: ``.ELI`` (a former official) after one, the bare country before any.
        """
        rows = self.entries_for(pattern, date, agent)
        if not rows:
            return None
        top = rows[0]
        if top.kind != "person" or not date or top.covers(date):
            return top
        past = [e for e in rows if e.end and e.end[: len(date)] < date]
        if past:
            last = max(past, key=lambda e: e.end or "")
            return self._as(last, "ELI", ":former")
        first = min(rows, key=lambda e: e.start or "")
        return self._as(first, None, ":before")

    @staticmethod
    def _as(entry: ActorEntry, agent: str | None, suffix: str) -> ActorEntry:
        ent = entry.entity
        if not (ent.country and len(ent.country) == 3 and ent.country.isalpha() and ent.country.isupper()):
            return entry  # an organisation's official stays the organisation's
        coded = Entity.make(ent.country, agent, ent.name, ent.person)
        return ActorEntry(entry.pattern, coded, entry.kind, entry.start, entry.end, entry.source + suffix)

    def country_name(self, code: str) -> str:
        """Display name of a country or organisation code (the code itself if unknown)."""
        names = self._cache.get("country_names")
        if not isinstance(names, dict):
            names = {e.entity.country: e.entity.name for e in self.entries
                     if e.kind in ("country", "organisation") and e.entity.country}
            self._cache["country_names"] = names
        return str(names.get(code, code))

    def sizes(self) -> dict[str, int]:
        """Number of distinct actors (codes with names) and of surface forms per kind."""
        actors: Counter[str] = Counter()
        seen: set[tuple[str, str, str]] = set()
        forms: Counter[str] = Counter()
        for e in self.entries:
            forms[e.kind] += 1
            key = (e.kind, e.entity.code, e.entity.person or e.entity.name)
            if key not in seen:
                seen.add(key)
                actors[e.kind] += 1
        persons = {e.entity.person for e in self.entries if e.kind == "person"}
        return {"persons": len(persons), **{f"{k}_actors": v for k, v in sorted(actors.items())},
                **{f"{k}_forms": v for k, v in sorted(forms.items())}}
