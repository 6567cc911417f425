"""``dyad extract``: code documents and write one JSON record per document."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from dyad.api import read_inputs
from dyad.cli.options import build_config, config_options


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON Lines here instead of standard output.")
@config_options
def extract_cmd(inputs: tuple[str, ...], out: Path | None, **opts: Any) -> None:
    """Code INPUTS (files, directories, globs, '-', URLs) into JSON Lines records.

    Each document gives one record; one that fails still gives a record with its
    errors filled in. The exit code is 1 when any document failed.
    """
    config = build_config(**opts)
    failed = 0
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for ex in read_inputs(inputs, config):
            stream.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
            stream.flush()
            if ex.failed:
                failed += 1
                click.echo(f"dyad: {ex.errors[0].message}", err=True)
    finally:
        if out:
            stream.close()
    if failed:
        click.echo(f"dyad: {failed} document(s) failed", err=True)
        sys.exit(1)
