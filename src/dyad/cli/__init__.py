"""The ``dyad`` command line: thin commands over the library."""

from __future__ import annotations

import logging

import click

from dyad import __version__
from dyad.cli.demo import demo_cmd
from dyad.cli.export import export_cmd
from dyad.cli.extract import extract_cmd
from dyad.cli.ingest import ingest_cmd
from dyad.cli.query import query_cmd
from dyad.cli.serve import serve_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """dyad: political event data (PLOVER) from news and analysis articles."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


main.add_command(extract_cmd)
main.add_command(ingest_cmd)
main.add_command(query_cmd)
main.add_command(export_cmd)
main.add_command(demo_cmd)
main.add_command(serve_cmd)
