"""``dyad demo``: code the bundled sample articles and show what dyad found."""

from __future__ import annotations

from pathlib import Path

import click

from dyad.api import read
from dyad.report import summarise


@click.command("demo")
@click.argument("inputs", nargs=-1)
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=Path(".demo-store"),
              show_default=True, help="Where the demo keeps its store.")
def demo_cmd(inputs: tuple[str, ...], store: Path) -> None:
    """Code INPUTS (default: the sample articles) and print a summary of the events."""
    click.echo(summarise(read(list(inputs) or ["samples"])))
