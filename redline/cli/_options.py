"""Options shared by several commands, and the one-line error the CLI shows for a RedlineError."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from redline.errors import RedlineError
from redline.settings import Settings

F = Callable[..., Any]
# the largest --limit: a number the store's integer columns (64-bit) can hold, far above any real listing
MAX_LIMIT = 1_000_000_000


class InputError(click.ClickException):
    """A RedlineError shown as one line; exit code 2 like any bad input."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


def settings_option(f: F) -> F:
    return click.option(
        "--setting", "-s", "settings_pairs", nargs=2, multiple=True, metavar="NAME VALUE",
        help="Override a setting for this run (see `redline settings`).",
    )(f)


def field_option(f: F) -> F:
    return click.option(
        "--field", "field_pairs", multiple=True, metavar="NAME=COLUMN",
        help="Read a corpus whose fields have other names: --field text=summary --field published=day "
             "(NAME: text, title, url, published, source, topic, category). JSON, JSONL, CSV and Parquet.",
    )(f)


def db_option(f: F) -> F:
    return click.option(
        "--db", "db", metavar="URL", default=None,
        help="SQLAlchemy URL of the store (sqlite:///file.db or postgresql+psycopg://...). "
             "Default: REDLINE_DB, else a SQLite file in the user data directory.",
    )(f)


def load_settings(pairs: tuple[tuple[str, str], ...], db: str | None = None) -> Settings:
    try:
        settings = Settings.load(dict(pairs))
    except RedlineError as e:
        raise InputError(str(e)) from None
    return settings.with_(db=db) if db else settings
