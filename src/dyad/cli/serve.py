"""``dyad serve``: the web interface over a store (127.0.0.1 by default)."""

from __future__ import annotations

import os
import secrets
from dataclasses import replace
from pathlib import Path

import click

from dyad.errors import DyadError


@click.command("serve")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=Path("dyad-store"),
              show_default=True, help="The store folder to show.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback requires a token for the read route.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="DYAD_TOKEN", help="Token the 'read an article' route requires "
              "(header X-Dyad-Token; default: none on loopback, a random one otherwise). Env: DYAD_TOKEN.")
@click.option("--max-read-bytes", type=click.IntRange(min=1), default=None,
              help="Largest article the read route accepts (default 2,000,000).")
def serve_cmd(store: Path, host: str, port: int, token: str | None, max_read_bytes: int | None) -> None:
    """Serve the web interface over STORE until interrupted."""
    from dyad.web import WebSettings, serve
    from dyad.web.app import is_loopback

    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(24)
        click.echo(f"dyad: listening on {host}: the read route needs this token: {token}", err=True)
    try:
        settings = WebSettings(store=store, host=host, token=token)
        if max_read_bytes:
            settings = replace(settings, max_read_bytes=max_read_bytes)
        click.echo(f"dyad: serving {store} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        serve(settings, port=port, log_level=os.environ.get("DYAD_LOG_LEVEL", "warning"))
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
