"""`redline watch FEED... --every 10m`: poll and ingest until stopped."""

from __future__ import annotations

import sys
from functools import partial
from typing import Any

import click

from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError
from redline.intake import IngestReport, parse_duration, watch
from redline.runner import make_runner
from redline.sources import read
from redline.store import open_store


@click.command("watch")
@click.argument("feeds", nargs=-1, required=True, metavar="FEED...")
@click.option("--every", default="10m", show_default=True, metavar="DURATION",
              help="Time between polls: 30s, 10m, 1h, 1h30m.")
@click.option("--cycles", type=click.IntRange(min=1), default=None,
              help="Stop after N polls (default: until Ctrl-C).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes analysing articles in parallel.")
@click.option("--allow-private", is_flag=True,
              help="Allow feeds on private, loopback and link-local addresses (refused by default).")
@db_option
@settings_option
def watch_cli(feeds: tuple[str, ...], every: str, cycles: int | None, workers: int, allow_private: bool,
              db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Poll every FEED and ingest its new items until stopped (Ctrl-C), then print the totals.

    Each poll prints one line with its counts. Items already stored are not analysed again, so a watch
    stopped and started again resumes where it was.

    Example:

        redline watch https://feeds.bbci.co.uk/news/world/rss.xml --every 10m
    """
    settings = load_settings(settings_pairs, db)
    total = IngestReport()
    try:
        interval = parse_duration(every)
        with open_store(settings.db or None) as store, make_runner(workers) as runner:
            options: dict[str, Any] = {"max_bytes": 50 * settings.max_text_bytes}
            if allow_private:
                options["allow_private"] = True  # read() of the fetch branch (URLs, feeds) takes it
            watch(feeds, store, settings, read=partial(read, **options), every_s=interval, runner=runner,
                  cycles=cycles, total=total,
                  on_cycle=lambda n, report: click.echo(f"poll {n}: {report.summary()}", err=True))
    except KeyboardInterrupt:
        click.echo(f"stopped: {total.summary()}", err=True)
        return
    except RedlineError as e:
        raise InputError(str(e)) from None
    click.echo(f"done: {total.summary()}", err=True)
    if total.skipped:
        sys.exit(1)
