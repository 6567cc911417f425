"""PLOVER types and modes with their scores, CAMEO codes, Goldstein values and quad classes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyad.datafiles import data_path, read_tsv
from dyad.errors import LexiconError

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class TypeMode:
    type: str
    mode: str | None
    score: float
    cameo: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True, slots=True)
class Ontology:
    entries: dict[tuple[str, str | None], TypeMode]

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        path = path or data_path("ontology", "plover.tsv")
        entries: dict[tuple[str, str | None], TypeMode] = {}
        for row in read_tsv(path, ("type", "mode", "score", "cameo", "goldstein", "quad_class")):
            if row["type"] not in EVENT_TYPES:
                raise LexiconError(f"{path}: unknown PLOVER type {row['type']}")
            mode = None if row["mode"] in ("", "-") else row["mode"]
            entries[(row["type"], mode)] = TypeMode(
                row["type"], mode, float(row["score"]), row["cameo"], float(row["goldstein"]), int(row["quad_class"])
            )
        missing = [t for t in EVENT_TYPES if (t, None) not in entries]
        if missing:
            raise LexiconError(f"{path}: no entry for types {', '.join(missing)}")
        return cls(entries)

    def lookup(self, type_: str, mode: str | None) -> TypeMode:
        """The entry of type:mode, falling back to the type's own entry."""
        return self.entries.get((type_, mode)) or self.entries[(type_, None)]

    def modes(self, type_: str) -> list[str]:
        return [m for (t, m) in self.entries if t == type_ and m]
