"""Options shared by several commands, and building the one Config from them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dyad.config import Config
from dyad.errors import ConfigError


def config_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--config, --actors, --field, --batch-size, --max-bytes, --no-fetch."""
    options = [
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="A dyad.toml configuration file."),
        click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
                     help="An extra actor lexicon file (TSV, same columns as dyad's own). Repeatable."),
        click.option("--field", "jsonl_field", help="JSON Lines: the field holding the text or HTML."),
        click.option("--batch-size", type=int, help="Documents per NLP batch."),
        click.option("--max-bytes", type=int, help="Largest document read, in bytes."),
        click.option("--workers", type=int, help="Worker processes on this machine (default 1)."),
        click.option("--detector/--no-detector", "use_detector", default=None,
                     help="Let the learned event detector add events the trigger lexicon misses."),
        click.option("--no-fetch", is_flag=True, default=False, help="Never fetch URLs (feeds keep entry text)."),
    ]
    for opt in reversed(options):
        f = opt(f)
    return f


def build_config(config_path: Path | None, actor_files: tuple[Path, ...], jsonl_field: str | None,
                 batch_size: int | None, max_bytes: int | None, no_fetch: bool, workers: int | None = None,
                 use_detector: bool | None = None, **extra: Any) -> Config:
    try:
        return Config.load(
            config_path,
            actor_files=actor_files or None,
            jsonl_field=jsonl_field,
            batch_size=batch_size,
            max_bytes=max_bytes,
            fetch_urls=False if no_fetch else None,
            workers=workers,
            use_detector=use_detector,
            **extra,
        )
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
