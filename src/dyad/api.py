"""The public functions: ``extract`` one text or file, ``read`` many inputs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from dyad.config import Config
from dyad.executor import run_pool
from dyad.pipeline import Pipeline
from dyad.records import Extraction, RawDocument
from dyad.sources import iter_inputs


@lru_cache(maxsize=4)
def pipeline(config: Config | None = None) -> Pipeline:
    """The loaded pipeline for ``config`` (built once per process and configuration)."""
    return Pipeline(config or Config())


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    return Path(value).exists() or value.startswith(("http://", "https://"))


def extract(path_or_text: str | Path, *, config: Config | None = None, html: bool | None = None) -> Extraction:
    """Code one document: a path, a URL, or the text itself (HTML when ``html`` or it looks so)."""
    pipe = pipeline(config)
    if isinstance(path_or_text, Path) or _looks_like_path(path_or_text):
        return next(pipe.run(iter_inputs([str(path_or_text)], pipe.config)))
    text = str(path_or_text)
    is_html = html if html is not None else text.lstrip().lower().startswith(("<!doctype", "<html"))
    raw = RawDocument(source="<text>", content=text, media_type="text/html" if is_html else "text/plain")
    return next(pipe.run([raw]))


def read_inputs(inputs: Iterable[str], config: Config) -> Iterator[Extraction]:
    """Code the documents named by command-line style ``inputs`` with ``config``."""
    raws = iter_inputs(list(inputs), config)
    if config.workers > 1:
        yield from run_pool(raws, config, config.workers)
    else:
        yield from pipeline(config).run(raws)


def read(paths: Iterable[str | Path] | str | Path, *, config: Config | None = None) -> Iterator[Extraction]:
    """Code every document named by ``paths`` (files, directories, globs, URLs), in order."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    yield from read_inputs([str(p) for p in paths], config or Config())
