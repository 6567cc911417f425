"""Entity figures: actor and place mentions against the codes in the gold events.

    python bench/bench_entities.py [--no-scorer]

- scorer: agent_acc and place_acc (and event_f1 for context) on the seed and dev sets,
  from the shared scorer over ``dyad`` output (these depend on the event coder too);
- mentions, measured on their own: each gold article's text is annotated with its
  publication date; for every gold event sentence the codes of the actor mentions in it
  are compared with the gold codes of that sentence (actors, recipients and a non-author
  ``by``): recall of gold codes (exact COUNTRY.AGENT; "as coded", where a bare country
  mention counts for COUNTRY.GOV and any agent for a bare gold COUNTRY; and COUNTRY
  alone), precision of the
  mentioned countries (share that a gold event of the sentence names) and of the
  mentioned agents (share of mentions with an agent whose exact code is gold);
- places: share of gold event locations named by a place mention in the sentence or
  the one before it (same name and country as the scorer compares), and the share of
  place mentions in event sentences with a gold location that agree with it;
- lexicon sizes and load time: knowledge (lexicons, gazetteer), actor matchers, and the
  city and subdivision tables the gazetteer builds on first use.

Prints a table and writes bench/results/entities.json. Skips what is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))


def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def _gold_articles() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for name in ("seed", "dev"):
        for path in sorted((SHARED / "eval" / name).glob("*.json")):
            out.append((name, json.loads(path.read_text(encoding="utf-8"))))
    return out


def _place_ok(pred_name: str, pred_country: str | None, gold: str) -> bool:
    name, _, country = gold.partition("|")
    p, g = _fold(pred_name), _fold(name)
    return bool(p) and (p == g or g in p or p in g) and (not country or (pred_country or "") == country)


def _lenient(gold: str, pred: set[str]) -> bool:
    """A gold code found as the coder would read the mentions: exact, a bare country for
    its government (the coder makes a state acting GOV), or any agent of a bare gold country."""
    if gold in pred:
        return True
    country, _, agent = gold.partition(".")
    if not agent:
        return any(p.split(".")[0] == country for p in pred)
    return agent == "GOV" and country in pred


def mention_figures(pipe: Any) -> dict[str, Any]:
    from dyad.records import Document

    t = {"gold_full": 0, "hit_full": 0, "hit_lenient": 0, "gold_country": 0, "hit_country": 0, "pred_country": 0,
         "pred_country_ok": 0, "pred_agent": 0, "pred_agent_ok": 0, "gold_places": 0, "hit_places": 0,
         "pred_places": 0, "pred_places_ok": 0}
    misses: list[str] = []
    for _set_name, gold in _gold_articles():
        text = gold["text"]
        document = Document(id=gold["id"], source=gold["id"], text=text, published=gold.get("published"))
        ann = pipe.annotate(document, pipe.nlp(text))
        by_sentence: dict[str, list[dict[str, Any]]] = {}
        for ev in gold["events"]:
            by_sentence.setdefault(ev["sentence"], []).append(ev)
        for sentence, events in by_sentence.items():
            s = text.find(sentence)
            if s < 0:
                continue
            e = s + len(sentence)
            gold_codes = set()
            for ev in events:
                gold_codes.update(ev["actor"] + ev["recipient"])
                if ev.get("by") and ev["by"] != "author":
                    gold_codes.add(ev["by"])
            gold_countries = {c.split(".")[0] for c in gold_codes}
            inside = [m for m in ann.mentions if s <= m.start and m.end <= e]
            pred_codes = {m.entity.code for m in inside}
            pred_countries = {m.entity.country for m in inside if m.entity.country}
            t["gold_full"] += len(gold_codes)
            t["hit_full"] += len(gold_codes & pred_codes)
            t["hit_lenient"] += sum(_lenient(code, pred_codes) for code in gold_codes)
            t["gold_country"] += len(gold_countries)
            t["hit_country"] += len(gold_countries & pred_countries)
            t["pred_country"] += len(pred_countries)
            t["pred_country_ok"] += len(pred_countries & gold_countries)
            agented = {m.entity.code for m in inside if m.entity.agent}
            t["pred_agent"] += len(agented)
            t["pred_agent_ok"] += len(agented & gold_codes)
            for code in sorted(c for c in gold_codes if not _lenient(c, pred_codes)):
                misses.append(f"{gold['id']}: {code} not in {sorted(pred_codes)}")
            # places: this sentence and the one before (a place may carry over)
            prev = text.rfind(". ", 0, max(s - 2, 0))
            window = [p for p in ann.places if max(prev, 0) <= p.start and p.end <= e]
            in_sent = [p for p in ann.places if s <= p.start and p.end <= e]
            for ev in events:
                if ev.get("location"):
                    t["gold_places"] += 1
                    hit = any(_place_ok(p.place.name, p.place.country, ev["location"]) for p in window)
                    t["hit_places"] += hit
                    if not hit:
                        misses.append(f"{gold['id']}: place {ev['location']} not in "
                                      f"{[(p.text, p.place.country) for p in window]}")
            golds = [ev["location"] for ev in events if ev.get("location")]
            if golds:
                t["pred_places"] += len(in_sent)
                t["pred_places_ok"] += sum(any(_place_ok(p.place.name, p.place.country, g) for g in golds)
                                           for p in in_sent)

    def ratio(a: str, b: str) -> float:
        return round(t[a] / t[b], 4) if t[b] else 0.0

    return {
        "code_recall": ratio("hit_full", "gold_full"),
        "code_recall_as_coded": ratio("hit_lenient", "gold_full"),
        "country_recall": ratio("hit_country", "gold_country"),
        "country_precision": ratio("pred_country_ok", "pred_country"),
        "agent_precision": ratio("pred_agent_ok", "pred_agent"),
        "place_recall": ratio("hit_places", "gold_places"),
        "place_precision": ratio("pred_places_ok", "pred_places"),
        "counts": t,
        "misses": misses,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-scorer", action="store_true", help="skip the end-to-end scorer run")
    ap.add_argument("--misses", action="store_true", help="print the gold codes no mention found")
    args = ap.parse_args()
    if not (SHARED / "eval").is_dir():
        print("shared evaluation data not present: skipped")
        return

    from dyad.config import Config
    from dyad.knowledge import Knowledge
    from dyad.pipeline import Pipeline

    config = Config()
    t0 = time.perf_counter()
    knowledge = Knowledge.load(config)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    knowledge.places.candidates("Yerevan")
    cities_s = time.perf_counter() - t0
    pipe = Pipeline(config=config, knowledge=knowledge)
    from dyad.actors.resolve import build_matcher

    t0 = time.perf_counter()
    build_matcher(knowledge.actors, pipe.nlp)
    matcher_s = time.perf_counter() - t0
    sizes = {**knowledge.actors.sizes(), **knowledge.places.sizes()}

    result: dict[str, Any] = {"knowledge_load_s": round(load_s, 3), "matcher_build_s": round(matcher_s, 3),
                              "place_tables_first_use_s": round(cities_s, 3), "sizes": sizes}
    result["mentions"] = mention_figures(pipe)
    if not args.no_scorer:
        import accuracy

        if accuracy.available():
            for name in ("seed", "dev"):
                scored = accuracy.score_set(name, pipe).get("txt", {})
                result[f"scorer_{name}"] = {k: scored.get(k) for k in
                                            ("agent_acc", "place_acc", "event_f1", "type_f1")}

    print(f"knowledge load {result['knowledge_load_s']} s; actor matcher {result['matcher_build_s']} s; "
          f"city and subdivision tables on first use {result['place_tables_first_use_s']} s")
    for k, v in sizes.items():
        print(f"  {k:24} {v}")
    m = result["mentions"]
    for k in ("code_recall", "code_recall_as_coded", "country_recall", "country_precision", "agent_precision",
              "place_recall", "place_precision"):
        print(f"mentions {k:20} {m[k]}")
    for name in ("seed", "dev"):
        if f"scorer_{name}" in result:
            print(f"scorer {name}: {result[f'scorer_{name}']}")
    if args.misses:
        print("\n".join(m["misses"]))
    out = ROOT / "bench" / "results" / "entities.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({k: v for k, v in result.items()}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
