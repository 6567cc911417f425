"""``dyad export``: write a store's events as JSONL, CSV, Parquet, POLECAT or GDELT files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dyad.cli.ingest import store_option
from dyad.cli.query import filter_options, make_filters
from dyad.errors import DyadError
from dyad.store import Store
from dyad.store.export import FORMATS


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="The column set and file format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The file to write.")
@click.option("--unique/--reports", default=None,
              help="One row per real event (deduplicated; gdelt always) or per report (default otherwise).")
@click.option("--header/--no-header", default=None,
              help="A header row (default: yes, except gdelt, whose published files have none).")
@filter_options
@store_option
def export_cmd(fmt: str, out: Path, unique: bool | None, header: bool | None, store_path: Path,
               **filters: Any) -> None:
    """Write the store's events to --out. Negated, hypothetical and future events are
    left out unless --include-aux; OUT.meta.json says which."""
    try:
        with Store(store_path, create=False) as store:
            summary = store.export(fmt, out, filters=make_filters(**filters), unique=unique, header=header)
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    aux = ("included" if summary.include_aux else
           f"left out ({summary.left_out_aux}; --include-aux to keep them)")
    click.echo(f"dyad: {summary.rows} row(s) written to {out} ({fmt}); aux-mode events {aux}", err=True)
