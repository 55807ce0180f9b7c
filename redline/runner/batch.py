"""``redline batch``: the pipeline mapped over partitions of a corpus, into Parquet tables and then the store.

    with make_runner(2, "dask") as runner, open_store(url) as store:
        report = batch(["wcep.jsonl.gz"], Path("out"), settings, runner=runner, store=store,
                       dates=DateRange("2014", "2024"))

1. ``corpus.plan`` reads each corpus once to count its items and cuts them into partitions;
2. the parent streams the corpora again and hands each partition not yet done to the runner as a ``Job``;
   a worker normalises and analyses its articles (``pipeline.analyze_many``, with the model loaded once
   per worker process) and returns the rows of five tables;
3. the parent writes them as ``DIR/<table>/<partition>.parquet``, marks the partition done, then loads
   its briefs into the store, many per transaction (``Store.save_new_many``), and marks it loaded.

A rerun with the same corpora and dates skips the partitions done, loads those written but not loaded, and
so resumes a killed run; an article stored before comes back as "already stored", not as new.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from redline import dedupe
from redline.errors import IngestError, RunnerError, SourceError
from redline.ingest import normalize
from redline.models import Article, Skip
from redline.pipeline import Context, analyze_many
from redline.runner import tables
from redline.runner.base import Runner
from redline.runner.corpus import DateRange, Item, Partition, iter_items, plan
from redline.settings import Settings
from redline.sources.corpus import FieldMap
from redline.store import Store

# items per partition when --partitions is not given: a few seconds of work, a fine-grained resume
DEFAULT_PARTITION_SIZE = 250
# briefs stored per transaction
DEFAULT_LOAD_BATCH = 100
MANIFEST = "batch.json"
STATE = "_state"
_NUMBER_RE = re.compile(r"\d+")


@dataclass(frozen=True)
class Job:
    partition: str
    items: tuple[Item, ...]
    settings: Settings


@dataclass(frozen=True)
class PartitionResult:
    partition: str
    items: int
    rows: tables.Rows
    seconds: float


@dataclass
class BatchReport:
    """Counts of one batch run: articles stored new, duplicates, already stored, skipped (with reasons)."""

    total: int = 0
    done_before: int = 0
    processed: int = 0
    new: int = 0
    duplicate: int = 0
    already: int = 0
    skipped: int = 0
    events: int = 0
    partitions: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    ignored: dict[str, int] = field(default_factory=dict)
    stored_ids: set[str] = field(default_factory=set, repr=False)  # stored by this run: a repeat is a duplicate

    def summary(self) -> str:
        parts = [f"{self.new} new", f"{self.duplicate} duplicate"]
        if self.already:
            parts.append(f"{self.already} already stored")
        parts.append(f"{self.skipped} skipped")
        return ", ".join(parts)


def batch(
    corpora: Sequence[str],
    out: Path,
    settings: Settings,
    *,
    runner: Runner,
    store: Store | None,
    dates: DateRange = DateRange(),  # noqa: B008 - frozen
    fields: FieldMap | None = None,
    partitions: int | None = None,
    size: int = DEFAULT_PARTITION_SIZE,
    load_batch: int = DEFAULT_LOAD_BATCH,
    on_start: Callable[[BatchReport], None] | None = None,
    on_partition: Callable[[PartitionResult, BatchReport], None] | None = None,
    report: BatchReport | None = None,
) -> BatchReport:
    """Analyse every item of ``corpora`` into Parquet tables under ``out`` and load them into ``store``.

    Args:
        store: where briefs are loaded; None writes the Parquet tables only (a later run with a store loads them).
        fields: redline's field names mapped to the corpus's own (``{"text": "summary"}``), for every corpus.
        partitions: how many partitions to cut the corpora into; else ``size`` items each. A rerun keeps
            the partitions of the first run.
        on_start: called once the work is planned (``report.total`` items, ``report.done_before`` done).
        on_partition: called in the parent after each partition is written and loaded.
        report: the report to count into, so that a caller still has the counts after an interruption.
    """
    report = BatchReport() if report is None else report
    paths = [str(Path(c).resolve()) for c in corpora]
    fields = dict(fields or {})
    size = _manifest(out, paths, dates, fields, partitions, size, 50 * settings.max_text_bytes)
    todo, ignored = plan(paths, dates, partitions=None, size=size, max_bytes=50 * settings.max_text_bytes,
                         fields=fields)
    report.ignored = ignored
    state = out / STATE
    state.mkdir(parents=True, exist_ok=True)
    done = {p.id for p in todo if (state / f"{p.id}.done").exists()}
    report.total = sum(p.size for p in todo if p.id not in done)
    report.done_before = sum(p.size for p in todo if p.id in done)
    if store is not None:
        for p in todo:
            if p.id in done and _loaded_into(state, p.id) != store.url:
                _load(store, p.id, tables.read(out, p.id), settings, load_batch, report, state)
    if on_start is not None:
        on_start(report)
    jobs = _jobs(paths, dates, fields, [p for p in todo if p.id not in done], settings)
    for result in runner.map(run_partition, jobs):
        tables.write(out, result.partition, result.rows)
        (state / f"{result.partition}.done").write_text(json.dumps({"items": result.items}))
        report.processed += result.items
        report.partitions += 1
        report.events += len(result.rows["events"])
        if store is not None:
            _load(store, result.partition, result.rows, settings, load_batch, report, state)
        else:
            _count_skips(tables.skips(result.rows), report)
        if on_partition is not None:
            on_partition(result, report)
    return report


def run_partition(job: Job) -> PartitionResult:
    """Normalise and analyse the items of one partition in this worker; every failure is a Skip row."""
    t0 = time.perf_counter()
    rows = tables.empty_rows()
    articles: list[Article] = []
    kept: list[Item] = []
    for item in job.items:
        if isinstance(item.doc, Skip):
            tables.add_skip(rows, item.doc)
            continue
        try:
            articles.append(normalize(item.doc, job.settings))
        except (IngestError, SourceError) as e:
            tables.add_skip(rows, Skip(item.doc.origin, "ingest", str(e)))
            continue
        kept.append(item)
    results = analyze_many(articles, _context(job.settings))
    for article, item, result in zip(articles, kept, results, strict=True):
        if isinstance(result, Skip):
            tables.add_skip(rows, result)
        else:
            tables.add_brief(rows, result, dedupe.band_keys(article.text), item.topic, item.category)
    return PartitionResult(job.partition, len(job.items), rows, time.perf_counter() - t0)


@lru_cache(maxsize=2)
def _context(settings: Settings) -> Context:
    """The pipeline context, loaded once per process: once per worker under processes and dask."""
    return Context.load(settings)


def _jobs(paths: Sequence[str], dates: DateRange, fields: FieldMap, todo: list[Partition],
          settings: Settings) -> Iterator[Job]:
    """The Job of each partition in ``todo``, streaming each corpus once and holding one partition at a time."""
    by_corpus: dict[int, list[Partition]] = {}
    for p in todo:
        by_corpus.setdefault(p.corpus, []).append(p)
    for n, path in enumerate(paths):
        wanted = by_corpus.get(n)
        if not wanted:
            continue
        queue = iter(wanted)
        current = next(queue, None)
        held: list[Item] = []
        for i, item in enumerate(iter_items(path, dates, max_bytes=50 * settings.max_text_bytes, fields=fields)):
            if current is None:
                break
            if i < current.start:
                continue
            held.append(item)
            if i + 1 == current.stop:
                yield Job(current.id, tuple(held), settings)
                held = []
                current = next(queue, None)
        if current is not None:
            raise RunnerError(f"{path}: changed while the batch ran (partition {current.id} is incomplete; rerun)")


def _load(store: Store, partition: str, rows: tables.Rows, settings: Settings, load_batch: int,
          report: BatchReport, state: Path) -> None:
    skips = tables.skips(rows)
    pending = list(tables.briefs(rows))
    first = True
    for start in range(0, max(len(pending), 1), load_batch):
        chunk = pending[start:start + load_batch]
        outcomes = store.save_new_many(chunk, settings.near_duplicate_threshold, skips if first else ())
        first = False
        for (brief, _keys), duplicate in zip(chunk, outcomes, strict=True):
            if duplicate is None:
                report.new += 1
                report.stored_ids.add(brief.article.id)
            elif duplicate.kind == "same id" and duplicate.kept_id not in report.stored_ids:
                report.already += 1
            else:
                report.duplicate += 1
    _count_skips(skips, report)
    (state / f"{partition}.loaded").write_text(store.url)


def _count_skips(skips: list[Skip], report: BatchReport) -> None:
    for skip in skips:
        report.skipped += 1
        report.reasons[reason_kind(skip)] += 1


def reason_kind(skip: Skip) -> str:
    """The reason of a skip without the document it names and with numbers as N, to count alike skips together."""
    reason = skip.reason
    for prefix in (f"{skip.origin}: ", f"{skip.origin.rsplit(' ', 2)[0]}: "):
        if reason.startswith(prefix):
            reason = reason[len(prefix):]
            break
    reason = re.sub(r"^(line|row) \d+: ", "", reason)
    return f"{skip.stage}: {_NUMBER_RE.sub('N', reason)}"


def _loaded_into(state: Path, partition: str) -> str | None:
    marker = state / f"{partition}.loaded"
    return marker.read_text() if marker.exists() else None


def _manifest(out: Path, paths: list[str], dates: DateRange, fields: FieldMap, partitions: int | None, size: int,
              max_bytes: int) -> int:
    """The partition size of the batch in ``out``: the first run's, checked against this run's corpora and dates."""
    want: dict[str, object] = {"corpora": paths, "since": dates.since, "until": dates.until,
                               "fields": dict(fields) or None}
    path = out / MANIFEST
    if path.exists():
        try:
            have = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise RunnerError(f"{path}: cannot read ({e}) (remove the folder to start over)") from None
        if {k: have.get(k) for k in want} != want:
            raise RunnerError(f"{out}: holds a batch of other corpora, dates or fields (give another --output, "
                              f"or remove {out} to start over)")
        return int(have["size"])
    if out.exists() and not out.is_dir():
        raise RunnerError(f"{out}: not a folder (give a folder for --output)")
    if partitions is not None:
        total = 0
        for p in paths:
            total += sum(1 for _ in iter_items(p, dates, max_bytes=max_bytes, fields=fields))
        size = max(1, -(-total // partitions))
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**want, "size": size}, indent=1), "utf-8")
    return size
