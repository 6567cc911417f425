"""Training the event detector from dyad's own corpus (``training/``).

    python -m dyad.detector.train [CORPUS_DIR] [--out PATH] [--epochs N]

Each corpus article is parsed with the same English model the pipeline uses; every
gold trigger is aligned to the token heading its span, which is labelled with the event
type; every other candidate token is "no event". The model is written to
``src/dyad/data/models/detector.npz`` with the corpus hash and the training figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from dyad import __version__
from dyad.detector.features import featurise, is_candidate
from dyad.detector.model import DEFAULT_PATH, LABELS, DetectorModel, train
from dyad.training.corpus import GoldArticle, article_paths, load_corpus

BUCKETS = 1 << 17
Example = tuple[np.ndarray, np.ndarray, int]


def corpus_hash(root: Path) -> str:
    h = hashlib.sha256()
    for path in article_paths(root):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def gold_tokens(doc: Any, article: GoldArticle) -> dict[int, str]:
    """Token index -> gold event type, for the tokens heading each gold trigger."""
    out: dict[int, str] = {}
    for ev in article.events:
        s_start = article.text.find(ev.sentence)
        if s_start < 0 or not ev.trigger:
            continue
        t_off = ev.sentence.find(ev.trigger)
        if t_off < 0:
            continue
        start = s_start + t_off
        span = doc.char_span(start, start + len(ev.trigger), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        cands = [t for t in span if is_candidate(t)]
        tok = root if is_candidate(root) else (cands[0] if cands else root)
        out.setdefault(tok.i, ev.type)
    return out


def examples_for(articles: Iterable[GoldArticle], nlp: Any, lexicon_type: Callable[[Any], str | None],
                 buckets: int = BUCKETS) -> list[Example]:
    arts = list(articles)
    out: list[Example] = []
    for article, doc in zip(arts, nlp.pipe(a.text for a in arts), strict=True):
        gold = gold_tokens(doc, article)
        for tok in doc:
            if not is_candidate(tok) and tok.i not in gold:
                continue
            idx, dense = featurise(tok, lexicon_type, buckets)
            out.append((idx, dense, LABELS.index(gold.get(tok.i, "O"))))
    return out


def evaluate(model: DetectorModel, examples: list[Example]) -> dict[str, float]:
    """Token-level precision/recall/F1 of 'is an event of the right type'."""
    tp = fp = fn = 0
    for idx, dense, y in examples:
        z = model.logits(idx, dense)
        p = np.exp(z - z.max())
        p /= p.sum()
        pred = int(p.argmax())
        if pred == 0 and 1 - p[0] >= model.threshold:
            pred = int(p[1:].argmax()) + 1
        elif pred and p[pred] < model.threshold:
            pred = 0
        if pred and pred == y:
            tp += 1
        else:
            fp += bool(pred)
            fn += bool(y)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def lexicon_typer(knowledge: Any) -> Callable[[Any], str | None]:
    """What the trigger lexicon says of a token (its PLOVER type), as a detector feature."""
    triggers = knowledge.triggers

    def typer(tok: Any) -> str | None:
        found = triggers.get(tok.lemma_.lower(), tok.pos_)
        return getattr(found, "type", None)

    return typer


def main(argv: list[str] | None = None) -> int:
    from dyad.config import Config
    from dyad.knowledge import Knowledge
    from dyad.nlp import load_model

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=Path("training"))
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--l2", type=float, default=1e-5)
    args = ap.parse_args(argv)
    from dyad.datafiles import data_path

    out = args.out or data_path(*DEFAULT_PATH)
    t0 = time.perf_counter()
    nlp = load_model()
    typer = lexicon_typer(Knowledge.load(Config()))
    articles = load_corpus(args.corpus, "train")
    if not articles:
        print("no training articles found", file=sys.stderr)
        return 1
    # the threshold is tuned on a slice of the training split; the validation split is
    # only ever scored, never looked at to choose anything
    tune_ids = {a.id for a in articles if int(hashlib.sha256(f"tune:{a.id}".encode()).hexdigest()[:4], 16) % 6 == 0}
    fit_set = examples_for([a for a in articles if a.id not in tune_ids], nlp, typer)
    tune_set = examples_for([a for a in articles if a.id in tune_ids], nlp, typer)
    valid_set = examples_for(load_corpus(args.corpus, "validation"), nlp, typer)
    dense_dim = next((d.shape[0] for _, d, _ in fit_set if d.size), 0)
    print(f"{len(fit_set)} fitting tokens ({sum(1 for *_, y in fit_set if y)} triggers), {len(tune_set)} tuning, "
          f"{len(valid_set)} validation tokens", flush=True)
    model = train(fit_set, BUCKETS, dense_dim, epochs=args.epochs, l2=args.l2)
    best = max((evaluate(DetectorModel(model.sparse, model.dense, model.bias, threshold=th), tune_set)["f1"], th)
               for th in (0.3, 0.4, 0.5, 0.6, 0.7))
    # refit on all training articles with the chosen threshold
    model = train(fit_set + tune_set, BUCKETS, dense_dim, epochs=args.epochs, l2=args.l2)
    model.threshold = best[1]
    figures = {"tune_f1": best[0], "threshold": best[1], "train": evaluate(model, fit_set + tune_set),
               "validation": evaluate(model, valid_set)}
    model.meta = {
        "version": f"{__version__}+{corpus_hash(args.corpus)}",
        "corpus_hash": corpus_hash(args.corpus),
        "trained": time.strftime("%Y-%m-%d"),
        "train_tokens": len(fit_set) + len(tune_set),
        "validation_tokens": len(valid_set),
        "figures": figures,
        "buckets": BUCKETS,
    }
    model.save(out)
    print(json.dumps(figures, indent=1))
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
