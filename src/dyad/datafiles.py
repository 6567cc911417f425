"""Reading dyad's knowledge files (tab-separated, '#' comments, a header row)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from dyad.errors import LexiconError


def data_path(*parts: str) -> Path:
    """Path of a file shipped under ``dyad/data``."""
    return Path(str(resources.files("dyad").joinpath("data", *parts)))


def read_tsv(path: Path, required: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
    """Rows of a TSV knowledge file as dicts; blank cells become ''."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read knowledge file {path}: {exc}") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise LexiconError(f"{path}: missing columns {', '.join(missing)}")
    for lineno, row in enumerate(reader, start=2):
        if None in row:
            raise LexiconError(f"{path}: line {lineno} has more cells than the header")
        yield {k: (v or "").strip() for k, v in row.items()}
