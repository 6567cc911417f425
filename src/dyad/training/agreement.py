"""Agreement between two independent annotations of the same articles, scored with the
evaluation scorer (``eval/score.py`` of the shared folder) when it is present."""

from __future__ import annotations

import importlib.util
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from dyad.training.corpus import GoldArticle, GoldEvent


@dataclass(frozen=True, slots=True)
class Agreement:
    articles: int
    first_events: int
    second_events: int
    type_f1: float
    event_p: float
    event_r: float
    event_f1: float
    agent_acc: float
    aux_acc: float
    date_acc: float
    place_acc: float
    by_acc: float
    disagreements: tuple[tuple[str, str, str, str], ...] = ()

    def format(self, limit: int = 20) -> str:
        lines = [
            f"  {article}: {kind} {type_} in {sentence!r}"
            for article, kind, type_, sentence in self.disagreements[:limit]
        ]
        return "\n".join([self.summary(), *lines])

    def summary(self) -> str:
        return (
            f"agreement (second annotation scored against the first, {self.articles} articles, "
            f"{self.first_events} vs {self.second_events} events): type F1 {self.type_f1:.3f}  "
            f"event P/R/F1 {self.event_p:.3f}/{self.event_r:.3f}/{self.event_f1:.3f}  "
            f"agent {self.agent_acc:.3f}  aux {self.aux_acc:.3f}  date {self.date_acc:.3f}  "
            f"place {self.place_acc:.3f}  by {self.by_acc:.3f}"
        )


def find_shared(start: Path) -> Path | None:
    """A folder named ``shared`` holding ``eval/score.py`` beside ``start`` or one of its parents."""
    for folder in [start.resolve(), *start.resolve().parents][:4]:
        candidate = folder.parent / "shared"
        if (candidate / "eval" / "score.py").is_file():
            return candidate
    return None


def load_scorer(eval_dir: Path) -> ModuleType | None:
    """The scorer module ``eval_dir/score.py``, imported from its file, or None."""
    path = eval_dir / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("dyad_shared_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_prediction(e: GoldEvent) -> dict[str, Any]:
    """A gold event in the extraction schema's event shape, as the scorer reads predictions."""
    name, _, country = (e.location or "").partition("|")
    return {
        "type": e.type, "mode": e.mode, "aux": list(e.aux),
        "actor": [{"code": c} for c in e.actor], "recipient": [{"code": c} for c in e.recipient],
        "date": {"value": e.date},
        "location": {"name": name, "country": country} if e.location else None,
        "attribution": {"by": "author" if e.by == "author" else {"code": e.by}},
        "evidence": {"sentence": e.sentence},
    }


def agreement(first: list[GoldArticle], second: list[GoldArticle], scorer: ModuleType) -> Agreement:
    """Score ``second`` against ``first`` (as gold) over the articles both annotated."""
    firsts = {a.id: a for a in first}
    tally: Counter[str] = Counter()
    details: list[Any] = []
    disagreements: list[tuple[str, str, str, str]] = []
    n = 0
    for other in second:
        gold = firsts.get(other.id)
        if gold is None:
            continue
        n += 1
        golds = [e.to_dict() for e in gold.events]
        before = len(details)
        scorer.score_events(golds, [as_prediction(e) for e in other.events], tally, details)
        disagreements += [(other.id, str(d[0]), str(d[1]), str(d[2])) for d in details[before:]]
    p, r, f = scorer.f1(tally["event_tp"], tally["pred"], tally["gold"])
    _, _, tf = scorer.f1(tally["type_tp"], tally["pred"], tally["gold"])
    tp = tally["event_tp"] or 1
    return Agreement(
        articles=n, first_events=tally["gold"], second_events=tally["pred"], type_f1=tf,
        event_p=p, event_r=r, event_f1=f,
        agent_acc=tally["agent_ok"] / tp, aux_acc=tally["aux_ok"] / tp, date_acc=tally["date_ok"] / tp,
        place_acc=tally["place_ok"] / (tally["place_n"] or 1), by_acc=tally["by_ok"] / tp,
        disagreements=tuple(disagreements),
    )
