"""Loading the actor lexicon from dyad's data files and the user's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyad.datafiles import data_path, read_tsv
from dyad.records import Entity


@dataclass(frozen=True, slots=True)
class ActorEntry:
    pattern: str
    entity: Entity
    kind: str
    start: str | None = None
    end: str | None = None
    source: str = ""

    @property
    def rule(self) -> str:
        return f"actor:{self.source}:{self.pattern}"


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    entries: tuple[ActorEntry, ...]

    @classmethod
    def load(cls, extra: tuple[Path, ...] = ()) -> ActorLexicon:
        files = sorted(data_path("actors").glob("*.tsv")) + [Path(p) for p in extra]
        entries: list[ActorEntry] = []
        for path in files:
            for row in read_tsv(path, ("pattern", "code", "name", "kind")):
                country, _, agent = row["code"].partition(".")
                entity = Entity.make(country, agent or None, row["name"])
                entries.append(
                    ActorEntry(row["pattern"], entity, row["kind"], row.get("start") or None,
                               row.get("end") or None, path.stem)
                )
        return cls(tuple(entries))
