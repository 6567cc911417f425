from __future__ import annotations

from pathlib import Path

import pytest

from dyad.config import Config
from dyad.errors import ConfigError


def test_defaults_are_valid():
    c = Config()
    assert c.max_bytes > 0 and c.batch_size > 0 and c.languages == ("en",)


def test_toml_then_overrides(tmp_path: Path):
    f = tmp_path / "dyad.toml"
    f.write_text('[dyad]\nbatch_size = 4\nlanguages = ["en", "fr"]\n')
    c = Config.load(f, batch_size=2)
    assert c.batch_size == 2 and c.languages == ("en", "fr")


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"max_bytes": -1}, {"nonsense": 1}])
def test_invalid_values_are_refused(bad):
    with pytest.raises(ConfigError):
        Config().with_(**bad)


def test_missing_lexicon_file_is_refused(tmp_path: Path):
    with pytest.raises(ConfigError, match="not found"):
        Config().with_(actor_files=[tmp_path / "missing.tsv"])


def test_unreadable_toml(tmp_path: Path):
    f = tmp_path / "bad.toml"
    f.write_text("this is = = not toml")
    with pytest.raises(ConfigError):
        Config.load(f)
