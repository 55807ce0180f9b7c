from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.settings import Settings


def test_settings_defaults_come_from_the_packaged_file() -> None:
    s = Settings.load(environ={}, config_file=Path("/nonexistent.toml"))
    assert s.max_text_bytes == 2_000_000
    assert s.languages == ("en",)
    assert {n: o for n, _, o in s.items()}["model"] == "default"


def test_settings_layers_file_then_env_then_override(tmp_path: Path) -> None:
    cfg = tmp_path / "redline.toml"
    cfg.write_text('max_text_bytes = 1000\nmin_text_chars = 5\nmodel = "x"\n')
    s = Settings.load({"min_text_chars": "7"}, config_file=cfg, environ={"REDLINE_MAX_TEXT_BYTES": "2000"})
    assert (s.max_text_bytes, s.min_text_chars, s.model) == (2000, 7, "x")
    origins = {n: o for n, _, o in s.items()}
    assert origins == {**origins, "max_text_bytes": "REDLINE_MAX_TEXT_BYTES", "min_text_chars": "--setting",
                       "model": str(cfg)}


def test_settings_unknown_name_is_refused() -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load({"max_bytes": "1"}, environ={})
    known = ", ".join(sorted(f.name for f in fields(Settings) if f.name != "origins"))
    assert str(err.value) == f"--setting: unknown setting 'max_bytes' (known: {known})"
    assert "languages, max_page_bytes, max_request_bytes, max_text_bytes" in known


def test_settings_bad_integer_is_refused() -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load(environ={"REDLINE_MAX_TEXT_BYTES": "lots"})
    assert str(err.value) == "REDLINE_MAX_TEXT_BYTES: max_text_bytes must be an integer, got 'lots'"


def test_settings_list_values_parse_from_commas() -> None:
    assert Settings.load({"languages": "en, fr"}, environ={}).languages == ("en", "fr")


def test_settings_api_token_comes_from_the_environment_and_is_masked() -> None:
    from click.testing import CliRunner

    from redline.cli import main

    assert Settings.load(environ={"REDLINE_API_TOKEN": "s3cret"}).api_token == "s3cret"
    result = CliRunner().invoke(main, ["settings"], env={"REDLINE_API_TOKEN": "s3cret"})
    assert "api_token = '***'  (REDLINE_API_TOKEN)" in result.output.splitlines()
    assert "s3cret" not in result.output
def test_settings_float_values_parse() -> None:
    assert Settings.load({"fetch_timeout": "2.5"}, environ={}).fetch_timeout == 2.5


def test_settings_bad_float_is_refused() -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load(environ={"REDLINE_FETCH_TIMEOUT": "soon"})
    assert str(err.value) == "REDLINE_FETCH_TIMEOUT: fetch_timeout must be a number, got 'soon'"
