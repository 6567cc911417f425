"""``dyad ingest``: code documents into a store, with a progress bar on a terminal."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dyad.cli.options import build_config, config_options
from dyad.errors import StoreError
from dyad.ingest import IngestProgress, ingest

log = logging.getLogger("dyad.ingest")


def store_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("dyad-store"), show_default=True, help="The store folder.")(f)


@contextmanager
def _progress_display(stream_is_tty: bool) -> Iterator[Callable[[IngestProgress], None]]:
    """A rich progress bar on a terminal; an occasional log line otherwise."""
    if not stream_is_tty:
        last = [0.0]

        def log_line(p: IngestProgress) -> None:
            if p.elapsed - last[0] >= 30:
                last[0] = p.elapsed
                log.info("%d documents (%.1f/s), %d events, %d failures", p.done, p.rate, p.events, p.failures)

        yield log_line
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]:.1f} docs/s  {task.fields[events]} events  "
                             "{task.fields[failures]} failed  {task.fields[skipped]} skipped"),
                  TimeRemainingColumn(), transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, events=0, failures=0, skipped=0)

        def update(p: IngestProgress) -> None:
            bar.update(task, completed=p.done, total=p.total, rate=p.rate, events=p.events,
                       failures=p.failures, skipped=p.skipped)

        yield update


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@store_option
@click.option("--commit-every", type=int, default=64, show_default=True,
              help="Documents per committed batch.")
@click.option("--scheduler", help="A Dask scheduler address (tcp://host:8786): run on that cluster.")
@click.option("--cluster", is_flag=True, default=False,
              help="Run on a local Dask cluster of --workers processes (default when --scheduler is given).")
@config_options
def ingest_cmd(inputs: tuple[str, ...], store_path: Path, commit_every: int, scheduler: str | None,
               cluster: bool, **opts: Any) -> None:
    """Code INPUTS (files, folders, globs, URLs) and keep every record in a store.

    Inputs already in the store are skipped, so an interrupted ingest resumes where it
    stopped when run again. Failed documents are kept with their reason and listed at
    the end; the exit code is 1 when any failed.
    """
    config = build_config(**opts)
    if scheduler or cluster:
        _ingest_on_cluster(inputs, store_path, config, scheduler)
        return
    try:
        with _progress_display(sys.stderr.isatty()) as on_progress:
            report = ingest(inputs, store_path, config=config, batch_docs=commit_every, on_progress=on_progress)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    p = report.progress
    click.echo(f"dyad: {p.stored} document(s) stored in {store_path} ({p.skipped} already there, "
               f"{p.duplicates} duplicate(s)); {p.events} event(s); {p.failures} failed; {p.elapsed:.1f} s",
               err=True)
    after = report.after
    click.echo(f"dyad: the store holds {after.get('documents', 0)} documents, {after.get('events', 0)} events "
               f"({after.get('unique_events', 0)} after deduplication)", err=True)
    for source, stage, message in report.failed:
        click.echo(f"  failed [{stage}] {source}: {message}", err=True)
    if report.failed:
        sys.exit(1)


def _ingest_on_cluster(inputs: tuple[str, ...], store_path: Path, config: Any, scheduler: str | None) -> None:
    from dyad.cluster import ClusterError, ClusterReport, ingest_on_cluster

    if not log.isEnabledFor(logging.INFO):  # keep Dask's own chatter out of a quiet run
        logging.getLogger("distributed").setLevel(logging.WARNING)

    def on_partition(r: ClusterReport) -> None:
        if r.partitions == 1 and r.dashboard:
            click.echo(f"dyad: Dask dashboard at {r.dashboard}", err=True)
        click.echo(f"dyad: {r.partitions} partition(s) done: {r.stored} stored, {r.events} events, "
                   f"{r.failures} failed", err=True)

    try:
        report = ingest_on_cluster(inputs, store_path, config=config, scheduler=scheduler,
                                   workers=max(config.workers, 1), on_partition=on_partition)
    except (ClusterError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"dyad: {report.stored} document(s) stored in {store_path} ({report.skipped} already there); "
               f"{report.events} event(s); {report.failures} failed; {report.seconds:.1f} s", err=True)
    for f in report.failed:
        click.echo(f"  failed [{f['stage']}] {f['source']}: {f['message']}", err=True)
    for part in report.lost_partitions:
        click.echo(f"  partition lost after retries: {', '.join(part[:3])}{' ...' if len(part) > 3 else ''}",
                   err=True)
    if report.failed or report.lost_partitions:
        sys.exit(1)
