"""``dyad demo``: code the bundled sample articles into a store, show them, serve the web UI."""

from __future__ import annotations

import os
from pathlib import Path

import click

from dyad.ingest import ingest
from dyad.report import summarise_store
from dyad.store import Store


@click.command("demo")
@click.argument("inputs", nargs=-1)
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=Path(".demo-store"),
              show_default=True, help="Where the demo keeps its store.")
@click.option("--serve/--no-serve", default=True, show_default=True,
              help="Serve the web interface over the store afterwards (env DYAD_DEMO_SERVE=0 turns it off).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def demo_cmd(inputs: tuple[str, ...], store: Path, serve: bool, port: int) -> None:
    """Code INPUTS (default: the bundled sample articles) into a store and show the result."""
    report = ingest(list(inputs) or ["samples"], store)
    p = report.progress
    click.echo(f"dyad demo: {p.stored} new document(s) coded into {store} ({p.skipped} already there), "
               f"{p.events} event(s), {p.failures} failed")
    with Store(store) as st:
        click.echo(summarise_store(st))
    if serve and os.environ.get("DYAD_DEMO_SERVE", "1") != "0":
        from dyad.web import WebSettings
        from dyad.web import serve as serve_web

        click.echo(f"dyad demo: the web interface is at http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        serve_web(WebSettings(store=store, host="127.0.0.1"), port=port, log_level="warning")
