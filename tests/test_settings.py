from __future__ import annotations

import os
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
    assert str(err.value) == ("REDLINE_MAX_TEXT_BYTES: max_text_bytes must be an integer from 1 to 1000000000, "
                              "got 'lots'")


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
    assert str(err.value) == ("REDLINE_FETCH_TIMEOUT: fetch_timeout must be a number above 0 and at most 3600, "
                              "got 'soon'")


NETWORKS = "a list of networks in CIDR form, like 10.1.2.0/24"


@pytest.mark.parametrize(("layer", "message"), [
    ("--setting", f"--setting: fetch_allow_networks must be {NETWORKS}, given as a JSON list or comma-separated, "
                  "got '[bad'"),
    ("env", f"REDLINE_FETCH_ALLOW_NETWORKS: fetch_allow_networks must be {NETWORKS}, given as a JSON list or "
            "comma-separated, got '[bad'"),
])
def test_settings_unreadable_list_names_the_layer(layer: str, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        if layer == "env":
            Settings.load(environ={"REDLINE_FETCH_ALLOW_NETWORKS": "[bad"})
        else:
            Settings.load({"fetch_allow_networks": "[bad"}, environ={})
    assert str(err.value) == message


def test_settings_bad_network_is_refused_when_loaded() -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load({"fetch_allow_networks": "10.0.0.0/8, 10.0.0.0/33"}, environ={})
    assert str(err.value) == (f"--setting: fetch_allow_networks must be {NETWORKS}, got ['10.0.0.0/8', "
                              "'10.0.0.0/33'] ('10.0.0.0/33' does not appear to be an IPv4 or IPv6 network)")


def test_settings_wrong_type_in_the_file_fails_in_settings_too(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redline.cli import main

    (tmp_path / "redline.toml").write_text('max_text_bytes = "abc"\n')
    with pytest.raises(ConfigError) as err:
        Settings.load(config_file=tmp_path / "redline.toml", environ={})
    expected = f"{tmp_path / 'redline.toml'}: max_text_bytes must be an integer from 1 to 1000000000, got 'abc'"
    assert str(err.value) == expected
    cwd = Path.cwd()
    os.chdir(tmp_path)  # the file layer is ./redline.toml
    try:
        result = CliRunner().invoke(main, ["settings"], env={})
    finally:
        os.chdir(cwd)
    assert (result.exit_code, result.output) == (
        2, "Error: redline.toml: max_text_bytes must be an integer from 1 to 1000000000, got 'abc'\n")


@pytest.mark.parametrize(("key", "raw", "allowed"), [
    ("fetch_timeout", "nan", "a number above 0 and at most 3600"),
    ("fetch_timeout", "-1", "a number above 0 and at most 3600"),
    ("fetch_timeout", "inf", "a number above 0 and at most 3600"),
    ("near_duplicate_threshold", "nan", "a number above 0 and at most 1"),
    ("near_duplicate_threshold", "-0.5", "a number above 0 and at most 1"),
    ("near_duplicate_threshold", "1.5", "a number above 0 and at most 1"),
    ("min_text_chars", "-1", "an integer from 0 to 1000000000"),
    ("fetch_retries", "-3", "an integer from 0 to 10"),
    ("fetch_retries", "2.5", "an integer from 0 to 10"),
    ("max_text_bytes", "0", "an integer from 1 to 1000000000"),
    ("languages", "en,FR", "a list of ISO 639 language codes, like en"),
])
def test_settings_out_of_range_is_refused_in_every_layer(tmp_path: Path, key: str, raw: str, allowed: str) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load({key: raw}, environ={})
    assert str(err.value).startswith(f"--setting: {key} must be {allowed}, got ")
    with pytest.raises(ConfigError) as err:
        Settings.load(environ={f"REDLINE_{key.upper()}": raw})
    assert str(err.value).startswith(f"REDLINE_{key.upper()}: {key} must be {allowed}, got ")


def test_settings_toml_numbers_are_checked(tmp_path: Path) -> None:
    cfg = tmp_path / "redline.toml"
    for line, message in [
        ("fetch_timeout = nan", "fetch_timeout must be a number above 0 and at most 3600, got 'nan'"),
        ("fetch_retries = -1", "fetch_retries must be an integer from 0 to 10, got -1"),
        ("min_text_chars = true", "min_text_chars must be an integer from 0 to 1000000000, got True"),
        ("languages = \"en\"", "languages must be a list of ISO 639 language codes, like en, got 'en'"),
    ]:
        cfg.write_text(line + "\n")
        with pytest.raises(ConfigError) as err:
            Settings.load(config_file=cfg, environ={})
        assert str(err.value) == f"{cfg}: {message}"


def test_settings_with_is_checked() -> None:
    with pytest.raises(ConfigError) as err:
        Settings().with_(fetch_timeout=float("nan"))
    assert str(err.value) == "Settings.with_: fetch_timeout must be a number above 0 and at most 3600, got 'nan'"
    assert Settings().with_(fetch_timeout=3).fetch_timeout == 3.0


def test_settings_valid_values_pass_every_layer(tmp_path: Path) -> None:
    cfg = tmp_path / "redline.toml"
    cfg.write_text('fetch_allow_networks = ["10.1.2.0/24"]\nnear_duplicate_threshold = 1\n')
    s = Settings.load({"fetch_retries": "0", "languages": '["en", "fr"]'}, config_file=cfg,
                      environ={"REDLINE_FETCH_TIMEOUT": "0.5"})
    assert (s.fetch_allow_networks, s.near_duplicate_threshold, s.fetch_retries, s.languages, s.fetch_timeout) == (
        ("10.1.2.0/24",), 1.0, 0, ("en", "fr"), 0.5)


def test_settings_allowed_is_documented() -> None:
    from dataclasses import fields as dc_fields

    text = (Path(__file__).resolve().parent.parent / "docs" / "settings.md").read_text("utf-8")
    for f in dc_fields(Settings):
        if f.name != "origins":
            assert f"| {Settings.allowed(f.name)} |" in text, f.name
