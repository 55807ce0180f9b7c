"""`redline analyze PATH|-`: one brief per article, printed and stored."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError
from redline.ingest import scrub
from redline.models import Brief, RawDocument, Skip
from redline.pipeline import Context, run_many
from redline.report.render import render
from redline.sources import open_fetcher, read

FORMATS = ("text", "md", "json", "html")


@click.command("analyze")
@click.argument("path", metavar="PATH|URL|-")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for a terminal (coloured when stdout is one), md, json (the brief contract), html.")
@click.option("--published", metavar="DATE", default=None,
              help="Publication date (YYYY-MM-DD) overriding the document's own; relative dates resolve to it.")
@click.option("--no-store", is_flag=True, help="Print the brief without storing it.")
@click.option("--allow-private", is_flag=True,
              help="Let URLs reach private, loopback and link-local addresses (refused by default).")
@click.option("--quiet", "-q", is_flag=True, help="Store only; print nothing but errors and the summary.")
@db_option
@settings_option
def analyze_cli(path: str, fmt: str, published: str | None, no_store: bool, allow_private: bool, quiet: bool,
                db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Analyse the article(s) in PATH and print a grounded escalation brief.

    PATH is a .txt or .md file (a first line that looks like a headline is the title), an .html page,
    a .json record or list, a .jsonl file of records with title, text, url and published, or - for
    standard input. A .jsonl file with many records is analysed record by record with a progress bar;
    a record that cannot be analysed is reported and skipped (exit code 1 when any was skipped).

    PATH may also be a .csv or .parquet corpus, an RSS/Atom feed (.rss, .atom, .xml), a .urls file, or
    an http(s) URL of an article page or a feed; private addresses are refused unless --allow-private.

    Every brief is stored (one current brief per article; a rerun replaces it) unless --no-store.

    Example:

        redline analyze redline/data/sample/ukraine-1000th-day.txt --published 2024-11-19
    """
    settings = load_settings(settings_pairs, db)
    try:
        with open_fetcher(settings, allow_private=allow_private) as fetcher:
            raws = list(read(path, published=published, max_bytes=50 * settings.max_text_bytes, fetcher=fetcher))
        ctx = Context.load(settings)
    except RedlineError as e:
        raise InputError(str(e)) from None
    store = _open_store(settings.db, no_store)
    if store is not None:
        ctx = ctx.with_ledger(store.ledger_view)
    try:
        results = _run(raws, ctx, published, store, progress=len(raws) > 1 and not quiet)
    except RedlineError as e:  # the store refused a write: read-only, full disk, a damaged search index
        raise InputError(str(e)) from None
    finally:
        if store is not None:
            store.close()
    briefs = [r for r in results if isinstance(r, Brief)]
    skips = [r for r in results if isinstance(r, Skip)]
    if len(raws) == 1 and skips:
        raise InputError(skips[0].reason)
    if not quiet:
        _print(briefs, fmt)
    for skip in skips:
        click.echo(f"skipped: {skip.reason}", err=True)
    if len(raws) > 1:
        click.echo(f"{len(briefs)} analysed, {len(skips)} skipped", err=True)
    if skips:
        sys.exit(1)


def _open_store(db: str, no_store: bool) -> Any:
    if no_store:
        return None
    from redline.store import open_store

    try:
        return open_store(db or None)
    except RedlineError as e:
        raise InputError(str(e)) from None


def _run(raws: list[RawDocument | Skip], ctx: Context, published: str | None, store: Any,
         progress: bool) -> list[Brief | Skip]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    results: list[Brief | Skip] = []
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), disable=not progress, transient=True) as bar:
        task = bar.add_task("analyse", total=len(raws))
        for result in run_many(raws, ctx, published=published):  # parsed in batches, analysed in order
            if isinstance(result, Skip):
                result = scrub(result)
            if store is not None:
                if isinstance(result, Brief):
                    store.save_brief(result)
                else:
                    store.record_skip(result)
            results.append(result)
            bar.advance(task)
    return results


def _print(briefs: list[Brief], fmt: str) -> None:
    if fmt == "json":
        payload: Any = briefs[0].to_dict() if len(briefs) == 1 else [b.to_dict() for b in briefs]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    color = fmt == "text" and sys.stdout.isatty()
    separator = "\n" + "-" * 100 + "\n" if fmt == "text" else "\n"
    click.echo(separator.join(render(b, fmt, color=color) for b in briefs), color=color)
