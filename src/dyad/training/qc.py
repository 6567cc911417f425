"""Quality control of the training corpus, and its command line:

    python -m dyad.training.qc training/ [--organisations FILE] [--shared DIR]

Checks every record (schema, exact substrings and spans, PLOVER types and modes, codes,
dates, places), duplicate ids, sentences the scorer could confuse, near-duplicate
articles, and the agreement of the second annotation with the first; then prints the
label distribution report. Exit status 1 when any error was found.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import CorpusError
from dyad.training.agreement import Agreement, agreement, find_shared, load_scorer
from dyad.training.codebook import DATE_RE, Codebook
from dyad.training.corpus import (
    GoldArticle,
    article_from_dict,
    article_paths,
    in_second_sample,
    read_json,
    second_paths,
)
from dyad.training.report import (
    Distribution,
    distribution,
    format_report,
    near_duplicates,
    same_story_across_splits,
)

ID_RE = re.compile(r"^[a-z0-9]+-[a-z0-9-]+$")
_TOKEN = re.compile(r"\w+")
MIN_WORDS, MAX_WORDS = 150, 400
GENRES = frozenset({"wire", "analysis", "opinion", "statement", "explainer", "live", "interview", "feature"})


@dataclass(frozen=True, slots=True)
class Issue:
    path: str
    message: str
    severity: str = "error"  # or "warning"


@dataclass(slots=True)
class QCResult:
    articles: list[GoldArticle] = field(default_factory=list)
    second: list[GoldArticle] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    same_story: list[tuple[str, str, float]] = field(default_factory=list)
    distribution: Distribution | None = None
    agreement: Agreement | None = None
    second_missing: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]


def _confusable(a: str, b: str) -> bool:
    """Whether the scorer's sentence alignment could pair sentence ``a`` with ``b``."""
    ta, tb = _TOKEN.findall(a.lower()), _TOKEN.findall(b.lower())
    if not ta or not tb:
        return False
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    return common >= 0.6 * len(tb) and len(ta) <= 3 * len(tb)


def check_event(e: dict[str, Any], text: str, book: Codebook) -> list[str]:
    """Problems of one event of an article with body ``text`` (raw dict, to report all)."""
    out: list[str] = []
    sentence = e.get("sentence")
    if not isinstance(sentence, str) or not sentence or sentence not in text:
        return [f"sentence is not an exact substring of text: {str(sentence)[:60]!r}"]
    if sentence != sentence.strip():
        out.append("sentence has leading or trailing whitespace")
    trigger = e.get("trigger")
    if not isinstance(trigger, str) or not trigger or trigger not in sentence:
        out.append(f"trigger {trigger!r} is not in the sentence")
    for key in ("actor_text", "recipient_text"):
        span = e.get(key)
        if span is not None and (not isinstance(span, str) or not span or span not in sentence):
            out.append(f"{key} {span!r} is not in the sentence")
    problem = book.type_problem(str(e.get("type")), e.get("mode"))
    if problem:
        out.append(problem)
    for key in ("actor", "recipient"):
        codes = e.get(key)
        if not isinstance(codes, list):
            out.append(f"{key} must be a list")
            continue
        out += [p for c in codes if (p := book.code_problem(str(c)))]
        if len(set(codes)) != len(codes):
            out.append(f"repeated code in {key}")
    if not e.get("actor"):
        out.append("actor is empty")
    if e.get("recipient") and e.get("recipient_text") is None and e.get("actor_text") is None:
        pass  # both implicit is allowed (e.g. a press release speaking of itself)
    aux = e.get("aux")
    if not isinstance(aux, list):
        out.append("aux must be a list")
    elif problem := book.aux_problem(tuple(aux)):
        out.append(problem)
    date = e.get("date")
    if date is not None and not (isinstance(date, str) and DATE_RE.match(date)):
        out.append(f"date {date!r} is not YYYY[-MM[-DD]][/...]")
    if problem := book.location_problem(e.get("location")):
        out.append(problem)
    by = e.get("by")
    if by != "author" and (not isinstance(by, str) or (p := book.code_problem(by))):
        out.append(f"by {by!r} is neither 'author' nor a valid code")
    return out


def check_record(d: dict[str, Any], path: Path, book: Codebook) -> list[Issue]:
    where = str(path)
    issues: list[Issue] = []
    try:
        article = article_from_dict(d, where)
    except CorpusError as exc:
        return [Issue(where, exc.reason)]
    if article.id != path.stem:
        issues.append(Issue(where, f"id {article.id!r} differs from file name"))
    if not ID_RE.match(article.id):
        issues.append(Issue(where, f"id {article.id!r} is not lower-case batch-number"))
    if not DATE_RE.match(article.published) or len(article.published) != 10:
        issues.append(Issue(where, f"published {article.published!r} is not YYYY-MM-DD"))
    elif not "2000" <= article.published[:4] <= "2026":
        issues.append(Issue(where, f"published {article.published} outside 2000-2026"))
    if not article.title.strip() or not article.publisher.strip():
        issues.append(Issue(where, "empty title or publisher"))
    if article.genre not in GENRES:
        issues.append(Issue(where, f"genre {article.genre!r} not one of {sorted(GENRES)}"))
    if "\n\n\n" in article.text or article.text != article.text.strip():
        issues.append(Issue(where, "text has stray blank lines or surrounding whitespace"))
    words = len(article.text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        issues.append(Issue(where, f"text has {words} words (want {MIN_WORDS}-{MAX_WORDS})", "warning"))
    for i, e in enumerate(d.get("events", [])):
        issues += [Issue(f"{where} event {i}", m) for m in check_event(e, article.text, book)]
    sentences = sorted({e.sentence for e in article.events})
    for a in sentences:
        for b in sentences:
            if a != b and _confusable(a, b):
                issues.append(Issue(where, f"sentences confusable by the scorer: {a[:40]!r} / {b[:40]!r}"))
    return issues


def check_corpus(root: Path, book: Codebook, scorer_dir: Path | None = None) -> QCResult:
    """Run every check over the corpus under ``root``."""
    result = QCResult()
    seen: dict[str, str] = {}
    for path in article_paths(root):
        try:
            d = read_json(path)
        except CorpusError as exc:
            result.issues.append(Issue(str(path), exc.reason))
            continue
        found = check_record(d, path, book)
        result.issues += found
        if any(i.severity == "error" for i in found):
            continue
        article = article_from_dict(d, str(path), batch=path.parent.name)
        if article.id in seen:
            result.issues.append(Issue(str(path), f"id {article.id} also in {seen[article.id]}"))
            continue
        seen[article.id] = str(path)
        result.articles.append(article)
    for path in second_paths(root):
        try:
            d = read_json(path)
        except CorpusError as exc:
            result.issues.append(Issue(str(path), exc.reason))
            continue
        found = [i for i in check_record(d, path, book) if "genre" not in i.message]
        result.issues += found
        if not any(i.severity == "error" for i in found):
            result.second.append(article_from_dict(d, str(path), batch="second"))
        if path.stem not in seen:
            result.issues.append(Issue(str(path), "second annotation of an article not in the corpus"))
    firsts = {a.id: a for a in result.articles}
    for other in result.second:
        first = firsts.get(other.id)
        if first is not None and first.text != other.text:
            result.issues.append(Issue(other.id, "second annotation's text differs from the first's"))
    annotated_twice = {a.id for a in result.second}
    result.second_missing = [
        a.id for a in result.articles if in_second_sample(a.id) and a.id not in annotated_twice
    ]
    result.duplicates = near_duplicates(result.articles)
    result.same_story = same_story_across_splits(result.articles)
    for a, b, j in result.duplicates:
        result.issues.append(Issue(f"{a} / {b}", f"near-duplicate articles (shingle Jaccard {j:.2f})"))
    result.distribution = distribution(result.articles, book.countries)
    scorer = load_scorer(scorer_dir) if scorer_dir else None
    if scorer is not None and result.second:
        result.agreement = agreement(result.articles, result.second, scorer)
    return result


def format_result(result: QCResult) -> str:
    lines = [format_report(result.distribution)] if result.distribution else []
    if result.agreement:
        lines.append(result.agreement.format())
    else:
        lines.append("agreement: not measured (no second annotations or no scorer found)")
    lines.append(
        f"second annotations: {len(result.second)}; sampled articles still without one: "
        f"{', '.join(result.second_missing) or 'none'}"
    )
    lines.append(
        f"same story in both splits (word 3-gram Jaccard >= 0.08): {len(result.same_story)} pairs"
        + "".join(f"\n  {a} / {b} ({j})" for a, b, j in result.same_story)
    )
    lines.append(f"\nQC: {len(result.errors)} errors, {len(result.issues) - len(result.errors)} warnings")
    lines += [f"  {i.severity}: {i.path}: {i.message}" for i in result.issues]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dyad.training.qc", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help="corpus folder (holding articles/ and second/)")
    ap.add_argument("--shared", type=Path, default=None,
                    help="shared evaluation folder (default: a 'shared' folder beside the repository)")
    ap.add_argument("--organisations", type=Path, default=None,
                    help="TSV of organisation codes (default: the shared folder's spec/organisations.tsv)")
    args = ap.parse_args(argv)
    shared = args.shared or find_shared(args.root)
    orgs = args.organisations
    if orgs is None and shared is not None and (shared / "spec" / "organisations.tsv").is_file():
        orgs = shared / "spec" / "organisations.tsv"
    result = check_corpus(args.root, Codebook.load(orgs), shared / "eval" if shared else None)
    print(format_result(result))
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
