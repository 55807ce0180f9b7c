"""`redline watch SOURCE... --every 10m`: poll and ingest until stopped."""

from __future__ import annotations

import sys
from functools import partial

import click

from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError
from redline.intake import IngestReport, StoreFeedState, parse_duration, watch
from redline.runner import make_runner
from redline.sources import open_fetcher, read
from redline.store import open_store


@click.command("watch")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
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
def watch_cli(sources: tuple[str, ...], every: str, cycles: int | None, workers: int, allow_private: bool,
              db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Poll every SOURCE and ingest its new items until stopped (Ctrl-C), then print the totals.

    A SOURCE is what `redline ingest` reads: usually an RSS/Atom feed URL, or a .urls list of them; also a
    folder, a quoted glob pattern or a file that grows. Each poll prints one line with its counts. A feed
    is asked for with the validators of its last complete poll (kept in the store), so an unchanged feed
    is not downloaded again; items already stored are not analysed again, so a watch stopped and started
    again resumes where it was.

    Example:

        redline watch https://feeds.bbci.co.uk/news/world/rss.xml --every 10m
    """
    settings = load_settings(settings_pairs, db)
    total = IngestReport()
    try:
        interval = parse_duration(every)
        with (
            open_store(settings.db or None) as store,
            make_runner(workers, settings=settings) as runner,
            open_fetcher(settings, allow_private=allow_private) as fetcher,
        ):
            state = StoreFeedState(store)
            reader = partial(read, max_bytes=50 * settings.max_text_bytes, folders=True,
                             allow_private=allow_private, fetcher=fetcher, feed_state=state)
            watch(sources, store, settings, read=reader, every_s=interval, runner=runner, cycles=cycles,
                  total=total, feed_state=state,
                  on_cycle=lambda n, report: click.echo(f"poll {n}: {report.summary()}", err=True))
    except KeyboardInterrupt:
        click.echo(f"stopped: {total.summary()}", err=True)
        return
    except RedlineError as e:
        raise InputError(str(e)) from None
    click.echo(f"done: {total.summary()}", err=True)
    if total.skipped:
        sys.exit(1)
