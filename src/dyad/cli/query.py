"""``dyad query``: named questions and read-only SQL over a store."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pandas as pd

from dyad.cli.ingest import store_option
from dyad.errors import DyadError
from dyad.store import Filters, Store
from dyad.store.export import write_frame


def filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--from", "start", help="First day of the period (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "end", help="Last day of the period."),
        click.option("--country", help="Only events with this country (ISO alpha-3) on either side or as place."),
        click.option("--type", "types", multiple=True, help="Only this PLOVER type. Repeatable."),
        click.option("--include-aux", is_flag=True, help="Count negated, hypothetical and future events too."),
        click.option("--source", help="Only reports from this outlet or source path/URL prefix."),
    ]
    for opt in reversed(options):
        f = opt(f)
    return f


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write the result to FILE.csv, .json, .jsonl or .parquet.")(f)
    return store_option(f)


def make_filters(start: str | None, end: str | None, country: str | None, types: tuple[str, ...],
                 include_aux: bool, source: str | None) -> Filters:
    return Filters(start=start, end=end, country=country, types=types, include_aux=include_aux, source=source)


def show(df: pd.DataFrame, out: Path | None) -> None:
    """The result: to a file, as a table on a terminal, as CSV into a pipe."""
    if out is not None:
        write_frame(df, out)
        click.echo(f"dyad: {len(df)} row(s) written to {out}", err=True)
    elif sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for col in df.columns:
            table.add_column(str(col))
        for row in df.head(500).itertuples(index=False):
            table.add_row(*(_cell(v) for v in row))
        Console().print(table)
        if len(df) > 500:
            click.echo(f"({len(df)} rows; first 500 shown; use --out to save them all)", err=True)
    else:
        click.echo(df.to_csv(index=False), nl=False)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _open(store_path: Path) -> Store:
    try:
        return Store(store_path, create=False)
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc


def _answer(store_path: Path, out: Path | None, ask: Callable[[Store], pd.DataFrame]) -> None:
    try:
        with _open(store_path) as store:
            df = ask(store)
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    show(df, out)


@click.group("query")
def query_cmd() -> None:
    """Ask a store questions: dyad series, actors, network, events, failures, SQL."""


@query_cmd.command("dyad")
@click.argument("actor")
@click.argument("recipient", required=False)
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--both", is_flag=True, help="Count both directions (RECIPIENT to ACTOR too).")
@filter_options
@output_options
def dyad_cmd(actor: str, recipient: str | None, by: str, both: bool, store_path: Path, out: Path | None,
             **filters: Any) -> None:
    """Events from ACTOR to RECIPIENT per period, type and quad class (RUS, RUS.MIL, NATO...)."""
    f = make_filters(**filters)
    _answer(store_path, out, lambda s: s.dyad_series(actor, recipient, by=by, filters=f, both_directions=both))


@query_cmd.command("actors")
@click.option("-n", "--top", default=20, show_default=True, help="How many actors.")
@filter_options
@output_options
def actors_cmd(top: int, store_path: Path, out: Path | None, **filters: Any) -> None:
    """The actors in most events."""
    f = make_filters(**filters)
    _answer(store_path, out, lambda s: s.top_actors(top, f))


@query_cmd.command("network")
@click.option("-n", "--top", default=50, show_default=True, help="Edges among this many most active actors.")
@filter_options
@output_options
def network_cmd(top: int, store_path: Path, out: Path | None, **filters: Any) -> None:
    """Actor network: directed edges weighted by events, with mean PLOVER score."""
    f = make_filters(**filters)
    _answer(store_path, out, lambda s: s.network(top, f))


@query_cmd.command("events")
@click.option("--unique", is_flag=True, help="One row per real event (deduplicated), with its reports.")
@click.option("--limit", type=int, help="At most this many rows.")
@filter_options
@output_options
def events_cmd(unique: bool, limit: int | None, store_path: Path, out: Path | None, **filters: Any) -> None:
    """The coded events (one per report, or deduplicated with --unique)."""
    f = make_filters(**filters)
    _answer(store_path, out, lambda s: s.events(f, unique=unique, limit=limit))


@query_cmd.command("failures")
@output_options
def failures_cmd(store_path: Path, out: Path | None) -> None:
    """Documents that could not be read or coded, with the reason."""
    _answer(store_path, out, lambda s: s.failures())


@query_cmd.command("sql")
@click.argument("query")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds before the query is stopped.")
@output_options
def sql_cmd(query: str, timeout: float, store_path: Path, out: Path | None) -> None:
    """One read-only SELECT over the store's views (see `dyad query views`)."""
    _answer(store_path, out, lambda s: s.sql(query, timeout=timeout))


@query_cmd.command("views")
@output_options
def views_cmd(store_path: Path, out: Path | None) -> None:
    """The views SQL can read, and their columns."""
    _answer(store_path, out, lambda s: pd.DataFrame(
        [{"view": v, "columns": ", ".join(cols)} for v, cols in s.views().items()]))
