"""JSON Lines: one document per line, its text or HTML in a field (``--field``, else the
first of the common names present). Other fields the record carries (title, url, date,
authors, publisher) travel as hints. A malformed line is a Failure; the file goes on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources.files import media_type_for, read_or_fail

TEXT_FIELDS = ("text", "html", "content", "body", "raw_content", "maintext", "article", "raw_html", "page")
HINT_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url", "uri"),
    "published": ("published", "date", "date_publish", "publish_date", "pub_date", "datetime", "timestamp"),
    "authors": ("authors", "author", "byline"),
    "publisher": ("publisher", "site_name", "sitename", "source_domain", "site", "outlet"),
}


def iter_jsonl(path: Path, source: str, config: Config) -> Iterator[RawDocument | Failure]:
    data = read_or_fail(path, source, config)
    if isinstance(data, Failure):
        yield data
        return
    yield from iter_jsonl_lines(data.decode("utf-8-sig", "replace").splitlines(), source, config)


def iter_jsonl_lines(lines: list[str], source: str, config: Config) -> Iterator[RawDocument | Failure]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        name = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(name, "read", f"{name}: malformed JSON line: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield Failure(name, "read", f"{name}: a JSON line must be an object, not {type(record).__name__}")
            continue
        yield _record_document(record, name, config)


def _record_document(record: dict[str, Any], name: str, config: Config) -> RawDocument | Failure:
    fields = (config.jsonl_field,) if config.jsonl_field else TEXT_FIELDS
    field = next((f for f in fields if isinstance(record.get(f), str) and record[f].strip()), None)
    if field is None:
        wanted = f"field {config.jsonl_field!r}" if config.jsonl_field else f"any of {', '.join(TEXT_FIELDS)}"
        return Failure(name, "read", f"{name}: no text in {wanted} (use --field to name it)")
    content = record[field]
    if len(content.encode("utf-8")) > config.max_bytes:
        return Failure(name, "read", f"{name}: field {field!r} exceeds max_bytes ({config.max_bytes})")
    media = "text/html" if "html" in field.lower() else media_type_for("", content)
    hints = _hints(record)
    return RawDocument(source=name, content=content, media_type=media, url=hints.get("url"), hints=hints)


def _hints(record: dict[str, Any]) -> dict[str, Any]:
    hints: dict[str, Any] = {}
    for key, names in HINT_FIELDS.items():
        value = next((record[n] for n in names if record.get(n)), None)
        if value is None:
            continue
        if key == "authors":
            if isinstance(value, str):
                value = [value]
            if isinstance(value, list):
                hints[key] = [str(v) for v in value if v]
        elif key == "published":
            if isinstance(value, (int, float)) and not isinstance(value, bool):  # a Unix timestamp
                value = datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC).isoformat()
            hints[key] = str(value)[:10]
        else:
            hints[key] = str(value)
    return hints


__all__ = ["iter_jsonl", "iter_jsonl_lines"]
