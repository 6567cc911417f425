"""The trigger lexicon: verb and noun lemmas -> PLOVER type, mode and CAMEO code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyad.datafiles import data_path, read_tsv
from dyad.errors import LexiconError
from dyad.ontology import EVENT_TYPES


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    source: str

    @property
    def rule(self) -> str:
        return f"trigger:{self.source}:{self.lemma}/{self.pos}"


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    by_key: dict[tuple[str, str], Trigger]

    @classmethod
    def load(cls, extra: tuple[Path, ...] = ()) -> TriggerLexicon:
        files = sorted(data_path("triggers").glob("*.tsv")) + [Path(p) for p in extra]
        out: dict[tuple[str, str], Trigger] = {}
        for path in files:
            for row in read_tsv(path, ("lemma", "pos", "type", "mode", "cameo")):
                if row["type"] not in EVENT_TYPES:
                    raise LexiconError(f"{path}: unknown PLOVER type {row['type']!r} for {row['lemma']}")
                trig = Trigger(row["lemma"], row["pos"], row["type"], row["mode"] or None, row["cameo"] or None,
                               path.stem)
                out[(trig.lemma, trig.pos)] = trig
        return cls(out)

    def get(self, lemma: str, pos: str) -> Trigger | None:
        return self.by_key.get((lemma, pos))
