"""`redline ingest SOURCE...` and `redline skips`: take a backlog into the store, once per article."""

from __future__ import annotations

import sys
from functools import partial
from typing import Any

import click

from redline.cli._options import MAX_LIMIT, InputError, db_option, field_option, load_settings, settings_option
from redline.errors import RedlineError
from redline.intake import IngestReport, Outcome, ingest
from redline.runner import make_runner
from redline.sources import open_fetcher, read
from redline.sources.corpus import parse_fields
from redline.store import open_store


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes analysing articles in parallel (each loads the model once).")
@click.option("--allow-private", is_flag=True,
              help="Allow URLs and feeds on private, loopback and link-local addresses (refused by default).")
@field_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print only skips and the summary.")
@db_option
@settings_option
def ingest_cli(sources: tuple[str, ...], workers: int, allow_private: bool, field_pairs: tuple[str, ...],
               quiet: bool, db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Ingest articles from every SOURCE into the store: each analysed and stored once.

    A SOURCE is a file (.txt, .md, .html, .json, .jsonl; a .csv, .tsv, .parquet or .jsonl.gz corpus, such
    as the Wikipedia Current Events file as shipped; an .rss, .atom or .xml feed; a .urls list of URLs), a
    folder (read recursively), a quoted glob pattern, an article or feed URL, or - for standard input.
    Records with other field names are read through --field (text=summary ...). An article already stored
    (same URL, else same text) is a duplicate and is not analysed again; a near-duplicate (the same wire
    story on another site) is linked to the stored one as "also reported by". A bad document is recorded as
    a skip with its reason (see `redline skips`) and the run goes on.

    Interrupted runs resume: run the same command again. Exit code 0 when nothing was skipped, 1 otherwise.

    Examples:

        redline ingest redline/data/sample/voa_articles.jsonl --workers 2

        redline ingest 'redline/data/sample/*.txt' https://feeds.bbci.co.uk/news/world/rss.xml

        redline ingest export.csv --field text=body --field published=pubdate
    """
    settings = load_settings(settings_pairs, db)
    report = IngestReport()
    try:
        fields = parse_fields(field_pairs)
        with (
            open_store(settings.db or None) as store,
            make_runner(workers, settings=settings) as runner,
            open_fetcher(settings, allow_private=allow_private) as fetcher,
        ):
            reader = partial(read, max_bytes=50 * settings.max_text_bytes, folders=True,
                             allow_private=allow_private, fetcher=fetcher, fields=fields)
            with _progress(quiet) as show:
                report = ingest(sources, store, settings, read=reader, runner=runner,
                                on_outcome=show, report=report)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {report.summary()} (run the same command again to resume)", err=True)
        sys.exit(130)
    except RedlineError as e:
        raise InputError(str(e)) from None
    for skip in report.skips:
        click.echo(f"skipped: {skip.reason}", err=True)
    for reason, n in sorted(report.ignored.items()):
        click.echo(f"passed over: {n} {reason}", err=True)
    click.echo(report.summary(), err=True)
    if report.skipped:
        sys.exit(1)


@click.command("skips")
@click.option("--limit", "-n", type=click.IntRange(min=1, max=MAX_LIMIT), default=None,
              help="Show at most N skips.")
@db_option
@settings_option
def skips_cli(limit: int | None, db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """List the documents ingest or analyze skipped, oldest first: stage and reason.

    Example:

        redline skips --limit 20
    """
    settings = load_settings(settings_pairs, db)
    try:
        with open_store(settings.db or None) as store:
            rows = store.skips(limit=limit)
    except RedlineError as e:
        raise InputError(str(e)) from None
    for row in rows:
        click.echo(f"{row['created_at'][:19]}  {row['stage']:<8} {row['reason']}")
    click.echo(f"{len(rows)} skip{'s' if len(rows) != 1 else ''}", err=True)


class _progress:
    """A transient rich progress line on stderr with the counts so far."""

    def __init__(self, quiet: bool) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                             console=console, transient=True, disable=quiet or not console.is_terminal)
        self._task = self._bar.add_task("ingesting", total=None)

    def __enter__(self) -> Any:
        self._bar.__enter__()
        return self.show

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(None, None, None)

    def show(self, outcome: Outcome, report: IngestReport) -> None:
        self._bar.update(self._task, description=f"ingesting: {report.summary()}  {outcome.origin}"[:100])
