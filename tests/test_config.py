"""Configuration: shipped defaults, key-by-key user override, clear errors."""

from __future__ import annotations

import pytest

from eventwire.config import defaults, load_settings
from eventwire.errors import ConfigError


def test_defaults_are_complete_and_typed():
    settings = defaults()
    assert settings.store.path == "eventwire.duckdb"
    assert ".jsonl" in settings.read.extensions
    assert isinstance(settings.fuse.max_km, float)


def test_user_file_overrides_one_key_and_keeps_the_rest(tmp_path):
    user = tmp_path / "my.toml"
    user.write_text('[store]\npath = "x.duckdb"\n[fuse]\nmax_km = 10\n')
    settings = load_settings(user)
    assert settings.store.path == "x.duckdb"
    assert settings.fuse.max_km == 10.0
    assert settings.fuse.max_days == defaults().fuse.max_days


@pytest.mark.parametrize("text, code", [
    ("[store]\npaht = 'x'\n", "E021"),          # typo in a key
    ("[nosuch]\nx = 1\n", "E021"),              # unknown section
    ("[read]\nmax_bytes = 'big'\n", "E022"),     # wrong type
    ("[store\npath = 'x'\n", "E020"),            # broken TOML
])
def test_bad_user_file_is_one_coded_error(tmp_path, text, code):
    user = tmp_path / "bad.toml"
    user.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(user)
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_missing_config_file_names_the_path(tmp_path):
    with pytest.raises(ConfigError, match="nope.toml"):
        load_settings(tmp_path / "nope.toml")


def test_environment_variable_is_used(tmp_path, monkeypatch):
    user = tmp_path / "env.toml"
    user.write_text("[parse]\nbatch_size = 8\n")
    monkeypatch.setenv("EVENTWIRE_CONFIG", str(user))
    assert load_settings().parse.batch_size == 8


def test_replace_validates_like_a_file():
    settings = defaults().replace("store", path="y.duckdb")
    assert settings.store.path == "y.duckdb"
    with pytest.raises(ConfigError):
        defaults().replace("store", nope=1)
