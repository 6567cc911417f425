"""A compact plain-text draft format for writing corpus articles, and its conversion to
the gold JSON records (so writers type each sentence once and spans are found, not typed).

A draft file holds several articles::

    ### b001-003
    published: 2019-04-12
    title: Headline
    authors: Name One; Name Two
    publisher: Publisher
    genre: wire

    First paragraph. Second sentence.

    Second paragraph.

    ---
    ASSAULT/aerial RUS.MIL>UKR t="struck" a="Russian jets" r="Ukraine" d=2019-04-11 at="Kharkiv|UKR"
    AGREE ARM.GOV,AZE.GOV t="will meet" a="Yerevan and Baku" s="next month"

Event lines: TYPE[/mode], actor codes (comma-separated) with ``>recipient codes``, then
key=value fields: t trigger (required), a actor text, r recipient text (omitted = null,
implicit), d date (default: published), at location "Name|ISO3", aux (comma-separated),
by (default author), s a snippet of the sentence when the trigger alone is ambiguous.
The sentence is the one (by ``dyad.training.sentences``) that holds the snippet or trigger.

    python -m dyad.training.draft DRAFT OUTDIR [--second CORPUS_ARTICLES]
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import Any

from dyad.errors import CorpusError
from dyad.training.sentences import split_sentences

HEADER_KEYS = ("published", "title", "authors", "publisher", "genre")


def _find_sentence(sentences: list[str], needle: str, where: str) -> str:
    hits = [s for s in sentences if needle in s]
    if len(set(hits)) != 1:
        raise CorpusError(f"{len(hits)} sentences hold {needle!r}", source=where)
    return hits[0]


def parse_event(line: str, sentences: list[str], published: str, where: str) -> dict[str, Any]:
    try:
        parts = shlex.split(line)
    except ValueError as exc:
        raise CorpusError(f"bad event line {line!r}: {exc}", source=where) from exc
    if len(parts) < 2:
        raise CorpusError(f"event line needs TYPE and actor codes: {line!r}", source=where)
    type_, _, mode = parts[0].partition("/")
    actors, _, recipients = parts[1].partition(">")
    fields: dict[str, str] = {}
    for part in parts[2:]:
        key, eq, value = part.partition("=")
        if not eq or key not in {"t", "a", "r", "d", "at", "aux", "by", "s"}:
            raise CorpusError(f"bad field {part!r} in {line!r}", source=where)
        fields[key] = value
    if "t" not in fields:
        raise CorpusError(f"no trigger in {line!r}", source=where)
    sentence = _find_sentence(sentences, fields.get("s") or fields["t"], where)
    return {
        "sentence": sentence,
        "type": type_,
        "mode": mode or None,
        "actor": [c for c in actors.split(",") if c],
        "recipient": [c for c in recipients.split(",") if c],
        "aux": [a for a in fields.get("aux", "").split(",") if a],
        "date": fields.get("d", published),
        "location": fields.get("at") or None,
        "by": fields.get("by", "author"),
        "trigger": fields["t"],
        "actor_text": fields.get("a"),
        "recipient_text": fields.get("r"),
    }


def parse_article(block: str, where: str) -> dict[str, Any]:
    head, _, rest = block.partition("\n")
    article_id = head.strip()
    body, _, event_block = rest.partition("\n---\n")
    lines = body.strip("\n").split("\n")
    meta: dict[str, str] = {}
    while lines and ":" in lines[0] and lines[0].split(":", 1)[0] in HEADER_KEYS:
        key, value = lines.pop(0).split(":", 1)
        meta[key] = value.strip()
    missing = [k for k in HEADER_KEYS if k not in meta]
    if missing:
        raise CorpusError(f"missing header {', '.join(missing)}", source=f"{where} {article_id}")
    paragraphs = [" ".join(p.split()) for p in "\n".join(lines).split("\n\n") if p.strip()]
    text = "\n\n".join(paragraphs)
    sentences = split_sentences(text)
    events = [
        parse_event(ln, sentences, meta["published"], f"{where} {article_id}")
        for ln in event_block.splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    return {
        "id": article_id,
        "published": meta["published"],
        "title": meta["title"],
        "authors": [a.strip() for a in meta["authors"].split(";") if a.strip()],
        "publisher": meta["publisher"],
        "genre": meta["genre"],
        "text": text,
        "events": events,
    }


def parse_draft(text: str, where: str = "draft") -> list[dict[str, Any]]:
    """Gold records of every article in a draft file."""
    blocks = [b for b in ("\n" + text).split("\n### ") if b.strip()]
    return [parse_article(b, where) for b in blocks]


def parse_second(text: str, firsts: dict[str, dict[str, Any]], where: str = "draft") -> list[dict[str, Any]]:
    """A second annotation: blocks of ``### id`` then event lines; text and metadata come
    from the first annotation's record of that id."""
    out = []
    for block in (b for b in ("\n" + text).split("\n### ") if b.strip()):
        head, _, rest = block.partition("\n")
        first = firsts.get(head.strip())
        if first is None:
            raise CorpusError(f"no first annotation of {head.strip()!r}", source=where)
        sentences = split_sentences(first["text"])
        events = [
            parse_event(ln, sentences, first["published"], f"{where} {first['id']}")
            for ln in rest.splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")
        ]
        out.append({**{k: v for k, v in first.items() if k != "events"}, "events": events})
    return out


def write_records(records: list[dict[str, Any]], outdir: Path, *, by_batch: bool = True) -> list[Path]:
    paths = []
    for rec in records:
        folder = outdir / rec["id"].split("-")[0] if by_batch else outdir
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{rec['id']}.json"
        path.write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dyad.training.draft", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("draft", type=Path)
    ap.add_argument("outdir", type=Path, help="articles/ folder (batch sub-folders) or second/ folder")
    ap.add_argument("--second", type=Path, default=None,
                    help="the corpus articles/ folder: DRAFT is a second annotation of its articles")
    args = ap.parse_args(argv)
    try:
        text = args.draft.read_text(encoding="utf-8")
        if args.second:
            firsts = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in args.second.glob("*/*.json")}
            records = parse_second(text, firsts, str(args.draft))
        else:
            records = parse_draft(text, str(args.draft))
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in write_records(records, args.outdir, by_batch=args.second is None):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
