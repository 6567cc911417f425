"""Cleaning figures: how much of each page dyad keeps, and whether it is the article.

    python bench/bench_cleaning.py [--limit N] [--no-pipeline]

- seed: body P/R (4-shingles) and title/authors/date/publisher exact;
- dev (.html and .txt): body P/R/F1 and meta accuracy (title, authors, date);
- ScrapingHub (181 pages): body F1, per-document averaged 4-shingles, dyad vs
  trafilatura alone; and in text mode, on each page turned into scraped text
  (all visible text in reading order, as a text browser dumps it);
- WCXB dev articles (200 pages): bag-of-words F1 of main content and title/author/date
  accuracy, dyad vs trafilatura alone;
- cost: cleaning milliseconds per page, and its share of the whole pipeline's time.

The scorer functions come from the shared evaluation folder beside the repository
(``score.py``); the script skips what is absent. Prints a table and writes
bench/results/cleaning.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.metadata import extract_metadata

from dyad.clean import clean
from dyad.clean.text import clean_text
from dyad.clean.visible import visible_text
from dyad.config import Config
from dyad.errors import DyadError
from dyad.records import Document, RawDocument

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(SHARED / "eval"))
try:
    import score  # the shared scorer (fold, tokens, body_prf)
except ImportError:  # pragma: no cover - shared folder absent
    score = None


def mean(xs: list[float]) -> float:
    return round(sum(xs) / len(xs), 4) if xs else 0.0


def safe_clean(raw: RawDocument, config: Config) -> Document | None:
    try:
        return clean(raw, config)
    except DyadError:
        return None


def names(value: str | list[str] | None) -> set[str]:
    if not value:
        return set()
    items = value if isinstance(value, list) else re.split(r",|;|\band\b|&", value)
    return {score.fold(a) for a in items if score.fold(a)}


def bow_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 (WCXB's main-content score)."""
    p, g = Counter(score.tokens(pred)), Counter(score.tokens(gold))
    hit = sum((p & g).values())
    if not hit:
        return 0.0, 0.0, 0.0
    prec, rec = hit / sum(p.values()), hit / sum(g.values())
    return prec, rec, 2 * prec * rec / (prec + rec)


def seed_figures(config: Config) -> dict[str, Any]:
    d = SHARED / "eval" / "seed"
    out: dict[str, Any] = {}
    for gold_path in sorted(d.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        src = gold_path.with_suffix(".txt")
        doc = safe_clean(RawDocument(str(src), src.read_bytes(), "text/plain"), config)
        text = doc.text if doc else ""
        p, r, f = score.body_prf(text, gold["text"])
        out = {"body_p": round(p, 4), "body_r": round(r, 4), "body_f1": round(f, 4),
               "title": bool(doc) and score.fold(doc.title) == score.fold(gold["title"]),
               "authors": bool(doc) and names(doc.authors) == names(gold["authors"]),
               "date": bool(doc) and (doc.published or "")[:10] == gold["published"],
               "publisher": bool(doc) and score.fold(doc.publisher) == score.fold(gold.get("publisher"))}
    return out


def dev_figures(config: Config) -> dict[str, Any]:
    d = SHARED / "eval" / "dev"
    out: dict[str, Any] = {}
    for kind, media in (("html", "text/html"), ("txt", "text/plain")):
        ps, rs, fs, meta, pub = [], [], [], [], []
        for gold_path in sorted(d.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            src = gold_path.with_suffix("." + kind)
            if not src.exists():
                continue
            doc = safe_clean(RawDocument(str(src), src.read_bytes(), media), config)
            p, r, f = score.body_prf(doc.text if doc else "", gold["text"])
            ps.append(p), rs.append(r), fs.append(f)
            if doc is None:
                meta.append(0.0), pub.append(0.0)
                continue
            meta.append(sum([score.fold(doc.title) == score.fold(gold["title"]),
                             names(doc.authors) == names(gold["authors"]),
                             (doc.published or "")[:10] == gold["published"]]) / 3)
            pub.append(float(score.fold(doc.publisher) == score.fold(gold.get("publisher"))))
        out[kind] = {"n": len(ps), "body_p": mean(ps), "body_r": mean(rs), "body_f1": mean(fs),
                     "meta_acc": mean(meta), "publisher_acc": mean(pub)}
    return out


def load_pages(folder: Path, limit: int | None) -> list[Path]:
    pages = sorted(folder.glob("*.html.gz"))
    return pages[:limit] if limit else pages


def scrapinghub_figures(config: Config, limit: int | None, timings: dict[str, list[float]]) -> dict[str, Any]:
    base = SHARED / "data" / "scrapinghub"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    f_dyad, f_traf, f_text, p_text, r_text = [], [], [], [], []
    for path in load_pages(base / "html", limit):
        pid = path.name.split(".")[0]
        gold = truth[pid]["articleBody"]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        t0 = time.perf_counter()
        doc = safe_clean(RawDocument(str(path), html, "text/html", url=truth[pid].get("url")), config)
        timings["html"].append(time.perf_counter() - t0)
        f_dyad.append(score.body_prf(doc.text if doc else "", gold)[2])
        t0 = time.perf_counter()
        traf = trafilatura.extract(html, url=truth[pid].get("url")) or ""
        timings["trafilatura"].append(time.perf_counter() - t0)
        f_traf.append(score.body_prf(traf, gold)[2])
        scraped = visible_text(html)
        t0 = time.perf_counter()
        tdoc = clean_text(scraped, str(path))
        timings["text"].append(time.perf_counter() - t0)
        p, r, f = score.body_prf(tdoc.text, gold)
        f_text.append(f), p_text.append(p), r_text.append(r)
    return {"n": len(f_dyad), "dyad_f1": mean(f_dyad), "trafilatura_f1": mean(f_traf),
            "text_mode_f1": mean(f_text), "text_mode_p": mean(p_text), "text_mode_r": mean(r_text)}


GT_KEYS = {"title": "title", "author": "author", "date": "publish_date"}


def meta_ok(key: str, value: Any, gt: dict[str, Any]) -> bool:
    if key == "title":
        return bool(score.fold(value) == score.fold(gt.get("title")))
    if key == "author":
        return names(value) == names(gt.get("author"))
    return (value or "")[:10] == (gt.get("publish_date") or "")[:10]


def wcxb_figures(config: Config, limit: int | None) -> dict[str, Any]:
    base = SHARED / "data" / "wcxb-dev-articles"
    rows: dict[str, list[float]] = {k: [] for k in (
        "dyad_f1", "traf_f1", "dyad_title", "traf_title", "dyad_author", "traf_author", "dyad_date", "traf_date")}
    for path in load_pages(base / "html", limit):
        gid = path.name.split(".")[0]
        gt_path = base / "ground-truth" / f"{gid}.json"
        if not gt_path.exists():
            continue
        rec = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = rec["ground_truth"]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        doc = safe_clean(RawDocument(str(path), html, "text/html", url=rec.get("url")), config)
        traf = trafilatura.extract(html, url=rec.get("url")) or ""
        meta = extract_metadata(html, default_url=rec.get("url"))
        rows["dyad_f1"].append(bow_prf(doc.text if doc else "", gt.get("main_content") or "")[2])
        rows["traf_f1"].append(bow_prf(traf, gt.get("main_content") or "")[2])
        for key, attr_d, attr_t in (("title", "title", "title"), ("author", "authors", "author"),
                                    ("date", "published", "date")):
            if not gt.get(GT_KEYS[key]):
                continue
            rows[f"dyad_{key}"].append(float(bool(doc) and meta_ok(key, getattr(doc, attr_d), gt)))
            rows[f"traf_{key}"].append(float(bool(meta) and meta_ok(key, getattr(meta, attr_t), gt)))
    return {k: mean(v) for k, v in rows.items()} | {"n": len(rows["dyad_f1"])}


def pipeline_share(config: Config, limit: int) -> dict[str, Any]:
    """Cleaning's share of the whole pipeline's time on the dev pages."""
    from dyad.api import pipeline

    pipe = pipeline(config)
    d = SHARED / "eval" / "dev"
    raws = [RawDocument(str(p), p.read_bytes(), "text/html" if p.suffix == ".html" else "text/plain")
            for p in sorted(d.glob("*.html")) + sorted(d.glob("*.txt"))][:limit]
    list(pipe.run(raws[:2]))  # warm up
    t0 = time.perf_counter()
    list(pipe.run(raws))
    total = time.perf_counter() - t0
    t0 = time.perf_counter()
    for r in raws:
        safe_clean(r, config)
    cleaning = time.perf_counter() - t0
    return {"docs": len(raws), "pipeline_s_per_doc": round(total / len(raws), 4),
            "clean_s_per_doc": round(cleaning / len(raws), 4), "clean_share": round(cleaning / total, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="pages per benchmark set (all by default)")
    ap.add_argument("--no-pipeline", action="store_true", help="skip the whole-pipeline timing (loads spaCy)")
    args = ap.parse_args(argv)
    if score is None or not (SHARED / "eval").is_dir():
        print("shared evaluation folder not found beside the repository: nothing to measure")
        return 0
    config = Config()
    timings: dict[str, list[float]] = {"html": [], "text": [], "trafilatura": []}
    result: dict[str, Any] = {"seed": seed_figures(config), "dev": dev_figures(config)}
    if (SHARED / "data" / "scrapinghub").is_dir():
        result["scrapinghub"] = scrapinghub_figures(config, args.limit, timings)
    if (SHARED / "data" / "wcxb-dev-articles").is_dir():
        result["wcxb"] = wcxb_figures(config, args.limit)
    result["cost_ms_per_page"] = {k: round(1000 * sum(v) / len(v), 2) for k, v in timings.items() if v}
    if not args.no_pipeline:
        try:
            result["pipeline"] = pipeline_share(config, 24)
        except DyadError as exc:  # the rest of the pipeline may be broken while cleaning is not
            print(f"pipeline timing skipped: {exc}", file=sys.stderr)

    s, dev = result["seed"], result["dev"]
    table = [
        ("seed body P / R", f"{s.get('body_p')} / {s.get('body_r')}", ">= 0.99 / 0.99"),
        ("seed title/authors/date/publisher", " ".join("ok" if s.get(k) else "WRONG"
                                                       for k in ("title", "authors", "date", "publisher")), "exact"),
    ]
    for kind in ("html", "txt"):
        k = dev.get(kind, {})
        table.append((f"dev .{kind} body P / R", f"{k.get('body_p')} / {k.get('body_r')}", ">= 0.97 / 0.97"))
        table.append((f"dev .{kind} meta_acc (publisher)", f"{k.get('meta_acc')} ({k.get('publisher_acc')})",
                      ">= 0.95"))
    if "scrapinghub" in result:
        sh = result["scrapinghub"]
        table.append((f"ScrapingHub ({sh['n']}) body F1", f"{sh['dyad_f1']} (trafilatura {sh['trafilatura_f1']})",
                      ">= 0.96"))
        table.append(("ScrapingHub text mode F1 (P / R)",
                      f"{sh['text_mode_f1']} ({sh['text_mode_p']} / {sh['text_mode_r']})", ">= 0.90"))
    if "wcxb" in result:
        w = result["wcxb"]
        table.append((f"WCXB ({w['n']}) main-content F1", f"{w['dyad_f1']} (trafilatura {w['traf_f1']})", "report"))
        for key in ("title", "author", "date"):
            table.append((f"WCXB {key} accuracy", f"{w[f'dyad_{key}']} (trafilatura {w[f'traf_{key}']})", "report"))
    c = result["cost_ms_per_page"]
    table.append(("clean ms/page html | text | trafilatura",
                  f"{c.get('html')} | {c.get('text')} | {c.get('trafilatura')}", "report"))
    if result.get("pipeline"):
        pl = result["pipeline"]
        table.append(("cleaning share of pipeline time", f"{pl['clean_share']} ({pl['clean_s_per_doc']}s of "
                      f"{pl['pipeline_s_per_doc']}s per doc)", "report"))
    width = max(len(r[0]) for r in table)
    print(f"{'figure':<{width}}  {'measured':<40}  target")
    for name, value, target in table:
        print(f"{name:<{width}}  {value:<40}  {target}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cleaning.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
