"""`redline batch CORPUS...`: a corpus through the pipeline on partitions, into Parquet tables and the store."""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from typing import Any

import click

from redline.cli._options import InputError, db_option, field_option, load_settings, settings_option
from redline.errors import RedlineError
from redline.runner import RUNNERS, make_runner
from redline.runner.batch import DEFAULT_PARTITION_SIZE, BatchReport, PartitionResult, batch
from redline.runner.corpus import DateRange, check_bound
from redline.sources.corpus import parse_fields
from redline.store import open_store

TOP_REASONS = 10


@click.command("batch")
@click.argument("corpora", nargs=-1, required=True, metavar="CORPUS...")
@click.option("--output", "-o", "output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the Parquet tables (articles, events, threats, claims, skips) and the run's state.")
@click.option("--runner", "runner_kind", type=click.Choice(RUNNERS), default="local", show_default=True,
              help="Where partitions run: this process, a pool of processes, or Dask.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes of the processes runner or of the Dask LocalCluster.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Address of a running Dask scheduler (tcp://HOST:8786) instead of a LocalCluster.")
@click.option("--partitions", "-p", type=click.IntRange(min=1), default=None,
              help=f"Cut the corpora into N partitions (default: {DEFAULT_PARTITION_SIZE} items each).")
@click.option("--since", default=None, metavar="DATE", help="Only documents dated on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Only documents dated on or before DATE (YYYY[-MM[-DD]]).")
@field_option
@click.option("--no-store", is_flag=True, help="Write the Parquet tables only; a later run with a store loads them.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print only the summary.")
@db_option
@settings_option
def batch_cli(corpora: tuple[str, ...], output: Path, runner_kind: str, workers: int, scheduler: str | None,
              partitions: int | None, since: str | None, until: str | None, field_pairs: tuple[str, ...],
              no_store: bool, quiet: bool, db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Analyse every document of every CORPUS on partitions, write Parquet tables, load them into the store.

    A CORPUS is a .jsonl or .jsonl.gz file (fields text, title, url, published or date, source, topic,
    category; records with "is_event": false, the headings of the Wikipedia Current Events file, are passed
    over), a .csv or .tsv file, or a .parquet file; --field maps other field names to these. Corpora are
    streamed, never read whole. Each partition
    is written as DIR/<table>/<partition>.parquet, then its briefs are stored, many per transaction; an
    article already stored (same URL, same text, or a near-duplicate) is counted as a duplicate.

    Run the same command again to resume an interrupted run: partitions already written are skipped.
    Exit code 0 when nothing was skipped, 1 otherwise.

    Examples:

        redline batch redline/data/sample/voa_articles.jsonl --output batch-out

        redline batch wcep_items_2002_2024.jsonl.gz --since 2014 --until 2024 --runner dask --workers 2 -o wcep

        redline batch export.csv --field text=body --field published=pubdate -o export-out
    """
    settings = load_settings(settings_pairs, db)
    report = BatchReport()
    started = time.perf_counter()
    peak: float | None = None
    try:
        dates = DateRange(check_bound("--since", since), check_bound("--until", until))
        fields = parse_fields(field_pairs)
        kind = "dask" if scheduler is not None and runner_kind == "local" else runner_kind
        with (
            make_runner(workers, kind, scheduler, settings) as runner,
            (_no_store() if no_store else open_store(settings.db or None)) as store,
            _Progress(quiet) as progress,
        ):
            batch(corpora, output, settings, runner=runner, store=store, dates=dates, fields=fields,
                  partitions=partitions,
                  on_start=progress.start, on_partition=progress.advance, report=report)
            peak = runner.peak_worker_mb()
        if peak is None:
            peak = runner.peak_worker_mb()  # a process pool knows its workers' peak once they are waited for
    except KeyboardInterrupt:
        click.echo(f"interrupted: {report.summary()} (run the same command again to resume)", err=True)
        sys.exit(130)
    except RedlineError as e:
        raise InputError(str(e)) from None
    _print_summary(report, time.perf_counter() - started, peak, output)
    if report.skipped:
        sys.exit(1)


def _print_summary(report: BatchReport, seconds: float, peak: float | None, output: Path) -> None:
    rate = report.processed / seconds if seconds > 0 else 0.0
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    done = f"; {report.done_before} done before" if report.done_before else ""
    click.echo(f"{report.processed} documents in {report.partitions} partition{'s' * (report.partitions != 1)}, "
               f"{seconds:.0f} s "
               f"({rate:.1f}/s){done}; {report.events} events written to {output}", err=True)
    for reason, n in report.ignored.items():
        click.echo(f"passed over: {n} {reason}", err=True)
    for reason, n in report.reasons.most_common(TOP_REASONS):
        click.echo(f"skipped {n}: {reason}", err=True)
    if len(report.reasons) > TOP_REASONS:
        rest = sum(report.reasons.values()) - sum(n for _, n in report.reasons.most_common(TOP_REASONS))
        click.echo(f"skipped {rest} more for {len(report.reasons) - TOP_REASONS} other reasons "
                   "(see `redline skips`)", err=True)
    worker = f", largest worker {peak:.0f} MB" if peak else ""
    click.echo(f"peak memory: this process {parent:.0f} MB{worker}", err=True)
    click.echo(report.summary(), err=True)


class _no_store:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


class _Progress:
    """A rich progress bar on stderr: documents done of the total, documents/s, elapsed and ETA."""

    def __init__(self, quiet: bool) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                             TimeRemainingColumn(), console=console, transient=True,
                             disable=quiet or not console.is_terminal)
        self._task: Any = None
        self._t0 = time.perf_counter()

    def __enter__(self) -> _Progress:
        self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(None, None, None)

    def start(self, report: BatchReport) -> None:
        self._t0 = time.perf_counter()
        self._task = self._bar.add_task("batch", total=report.total, rate="")

    def advance(self, result: PartitionResult, report: BatchReport) -> None:
        rate = report.processed / max(time.perf_counter() - self._t0, 1e-9)
        self._bar.update(self._task, advance=result.items, rate=f"{rate:.1f} docs/s",
                         description=f"batch: {report.summary()}")
