"""Ingest many documents into the store: read, normalise, deduplicate, analyse, store; once each.

    with open_store(url) as store, make_runner(workers=2) as runner:
        report = ingest(["corpus.jsonl", "more/"], store, settings, runner=runner)

Per document, in input order:

1. the source yields a RawDocument (or a Skip for a bad one; a source that cannot be read at all is one Skip);
2. ``ingest.normalize`` gives the Article and its stable id;
3. a stored article with the same id, the same text or a near-duplicate text (``dedupe``) makes it a
   duplicate: linked as "also reported by" under the kept article, not analysed again;
4. otherwise a worker analyses it (``pipeline.analyze_article``), parsed together with the next articles in
   batches of ``ANALYSIS_BATCH``, and makes the rows its brief is stored as (``store.rows.prepare``); the parent
   stores the batch's briefs with ``Store.save_new_many``, which checks for duplicates again inside the write
   transaction (a copy in the same batch is only found there).

The parent is the single writer: workers never open the database, results are stored in input order
(so which copy of a wire story is kept does not depend on worker timing), and SQLite sees one writer.
The briefs of one batch are one transaction, so an interrupted run loses at most the articles in flight, and a
rerun finds the stored ones as duplicates: the store ends as after one uninterrupted run.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from redline import dedupe
from redline.errors import ConfigError, IngestError, ModelNotInstalled, RedlineError, SourceError
from redline.ingest import normalize, scrub
from redline.iterutil import batched
from redline.models import Article, RawDocument, Skip
from redline.pipeline import Context, analyze_article
from redline.runner import LocalRunner, Runner
from redline.settings import Settings
from redline.sources import Validators
from redline.store import Store
from redline.store.rows import Prepared, prepare

Reader = Callable[[str], Iterable[RawDocument | Skip]]
NEW, DUPLICATE, SKIPPED = "new", "duplicate", "skipped"
_DURATION_RE = re.compile(r"(\d+)([smhd])")
_UNIT_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# articles a worker parses together: nlp.pipe over a batch is faster than article by article (the network's
# matrix products and the NER's decoding run over the batch at once); the runner's window holds whole batches.
# The parser's and the NER's step loops cost a fixed overhead per step of the longest text of the batch: 16
# articles parse in about 5 ms less CPU per article than 8 (68 against 74 ms on the bench corpus, under load);
# the briefs are the same for any batch size (1, 8, 16 compared on 70 articles)
ANALYSIS_BATCH = 16


@dataclass(frozen=True)
class Outcome:
    """What became of one document: ``status`` is new, duplicate or skipped; ``detail`` says why."""

    origin: str
    status: str
    article_id: str | None = None
    detail: str = ""


@dataclass
class IngestReport:
    """Counts of one ingest run and the skips it recorded."""

    new: int = 0
    duplicate: int = 0
    skipped: int = 0
    skips: list[Skip] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # passed over quietly: hidden files, headings...

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)

    def summary(self) -> str:
        return f"{self.new} new, {self.duplicate} duplicate, {self.skipped} skipped"


@dataclass(frozen=True)
class _Work:
    article: Article
    keys: tuple[str, ...]
    settings: Settings


def ingest(
    specs: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    read: Reader,
    runner: Runner | None = None,
    on_outcome: Callable[[Outcome, IngestReport], None] | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest every document of every source in ``specs`` into ``store``.

    Args:
        read: yields the documents of one source spec (``redline.sources.read`` with its options bound);
            a SourceError it raises becomes one Skip for the whole source.
        runner: where analysis runs; in this process by default.
        on_outcome: called once per document with the counts so far, in the parent, for progress displays.
        report: the report to count into, so that a caller still has the counts after an interruption.
    """
    report = IngestReport() if report is None else report

    def done(outcome: Outcome, skip: Skip | None = None) -> None:
        if skip is not None:
            skip = scrub(skip)
            store.record_skip(skip)
            report.skips.append(skip)
        report.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome, report)

    def normalized() -> Iterator[tuple[Article, tuple[str, ...]] | tuple[Outcome, Skip]]:
        """Each document as its Article and band keys, or as the Outcome and Skip of a bad one."""
        for item in _documents(specs, read, report.ignored):
            if isinstance(item, Skip):
                yield Outcome(item.origin, SKIPPED, item.article_id, item.reason), item
                continue
            try:
                article = normalize(item, settings)
            except (IngestError, SourceError) as e:
                skip = Skip(item.origin, "ingest", str(e))
                yield Outcome(item.origin, SKIPPED, None, skip.reason), skip
                continue
            except Exception as e:  # noqa: BLE001 - one document redline did not foresee must not end the batch
                skip = Skip(item.origin, "ingest", internal_error(item.origin, e))
                yield Outcome(item.origin, SKIPPED, None, skip.reason), skip
                continue
            yield article, dedupe.band_keys(article.text)

    def pending() -> Iterator[_Work]:
        # the stored duplicates of a batch's articles are looked up in one read (``Store.find_duplicates``)
        for chunk in batched(normalized(), ANALYSIS_BATCH):
            articles = [(a, keys) for a, keys in chunk if isinstance(a, Article) and isinstance(keys, tuple)]
            found = iter(store.find_duplicates(articles, settings.near_duplicate_threshold) if articles else ())
            for first, second in chunk:
                if isinstance(first, Outcome):
                    done(first, second)  # type: ignore[arg-type]
                    continue
                article, keys = first, second
                duplicate = next(found)
                if duplicate is not None:
                    store.link_duplicate(article, duplicate)
                    done(Outcome(article.origin, DUPLICATE, article.id, f"{duplicate.kind} as {duplicate.kept_id}"))
                    continue
                yield _Work(article, keys, settings)  # type: ignore[arg-type]

    sent: deque[tuple[_Work, ...]] = deque()  # the batches handed to the runner, whose results come in order

    def remember(batches: Iterator[tuple[_Work, ...]]) -> Iterator[tuple[_Work, ...]]:
        for works in batches:
            sent.append(works)
            yield works

    batches = (tuple(b) for b in batched(pending(), ANALYSIS_BATCH))
    for results in (runner or LocalRunner()).map(analyze_works, remember(batches)):
        works = sent.popleft()
        pairs = list(zip(works, results, strict=True))
        briefs = [(result, work.keys) for work, result in pairs if not isinstance(result, Skip)]
        admitted = iter(store.save_new_many(briefs, settings.near_duplicate_threshold) if briefs else ())
        for work, result in pairs:
            if isinstance(result, Skip):
                done(Outcome(result.origin, SKIPPED, result.article_id, result.reason), result)
                continue
            duplicate = next(admitted)
            if duplicate is None:
                done(Outcome(work.article.origin, NEW, work.article.id))
            else:
                done(Outcome(work.article.origin, DUPLICATE, work.article.id,
                             f"{duplicate.kind} as {duplicate.kept_id}"))
    return report


def watch(
    specs: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    read: Reader,
    every_s: float,
    runner: Runner | None = None,
    cycles: int | None = None,
    on_cycle: Callable[[int, IngestReport], None] | None = None,
    total: IngestReport | None = None,
    feed_state: StoreFeedState | None = None,
) -> IngestReport:
    """Ingest ``specs`` every ``every_s`` seconds, ``cycles`` times (None: until interrupted).

    Items already stored are duplicates and cost no analysis, so each poll stores only what is new.

    Args:
        total: counts summed over the cycles, kept current so that an interrupted caller can print them.
        feed_state: the state ``read`` was given; its validators are saved after each complete poll, so an
            unchanged feed is not downloaded again (a 304), even after a restart.
    """
    total = IngestReport() if total is None else total
    specs = list(specs)
    n = 0
    while cycles is None or n < cycles:
        n += 1
        report = ingest(specs, store, settings, read=read, runner=runner)
        if feed_state is not None:
            feed_state.save()
        total.new += report.new
        total.duplicate += report.duplicate
        total.skipped += report.skipped
        total.skips.extend(report.skips)
        if on_cycle is not None:
            on_cycle(n, report)
        if cycles is None or n < cycles:
            time.sleep(every_s)
    return total


def parse_duration(text: str) -> float:
    """Seconds in "30s", "10m", "1h30m" or "1d"."""
    compact = text.strip().lower()
    parts = _DURATION_RE.findall(compact)
    if not parts or "".join(n + u for n, u in parts) != compact:
        raise ConfigError(f"--every {text}: not a duration (use for example 30s, 10m, 1h or 1h30m)")
    seconds = float(sum(int(n) * _UNIT_S[u] for n, u in parts))
    if seconds <= 0:
        raise ConfigError(f"--every {text}: the interval must be longer than 0 s")
    return seconds


class StoreFeedState:
    """A ``redline.sources.FeedState`` kept in the store: each feed's validators for conditional GETs.

    ``put`` only holds the validators until ``save``, which the caller runs once every document of the poll
    is stored: the reader puts them after handing out a feed's last entry, which a process pool may not have
    stored yet, and a feed answered 304 next time would lose those entries for good.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pending: dict[str, Validators] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Validators | None:
        with self._lock:
            if url in self._pending:
                return self._pending[url]
        stored = self._store.feed_state(url)
        return None if stored is None else Validators(*stored)

    def put(self, url: str, validators: Validators) -> None:
        with self._lock:  # called from the reader's fetch threads
            self._pending[url] = validators

    def save(self) -> None:
        """Write the validators put since the last save to the store."""
        with self._lock:
            pending, self._pending = self._pending, {}
        for url, v in pending.items():
            self._store.put_feed_state(url, etag=v.etag, last_modified=v.last_modified)


def analyze_works(works: tuple[_Work, ...]) -> list[Prepared | Skip]:
    """The briefs of the works, as the rows they are stored as: the articles parsed together (``nlp.pipe``),
    then analysed one by one with this process's cached pipeline; a failure is that article's Skip."""
    ctx = _context(works[0].settings)
    try:
        docs = list(ctx.pipe([w.article.text for w in works], batch_size=len(works)))
    except ModelNotInstalled:
        raise
    except Exception:  # noqa: BLE001 - a text the parser cannot take: each article alone, so that only it fails
        return [analyze_work(w) for w in works]
    return [analyze_work(w, doc) for w, doc in zip(works, docs, strict=True)]


def analyze_work(work: _Work, doc: Any = None) -> Prepared | Skip:
    """Analyse one article (``doc``: its text already parsed) with this process's cached pipeline into the rows its
    brief is stored as; a failure is a Skip."""
    article = work.article
    try:
        return prepare(analyze_article(article, _context(work.settings), doc))
    except ModelNotInstalled:
        raise  # not about this article: stops the run with the install command
    except RedlineError as e:
        return Skip(article.origin, "analyze", str(e), article.id)
    except Exception as e:  # noqa: BLE001 - kept as data with its type, so the batch goes on
        return Skip(article.origin, "analyze", internal_error(article.origin, e), article.id)


def internal_error(origin: str, error: BaseException) -> str:
    """The one-line reason of a failure redline did not foresee: the input, the exception type and message."""
    text = str(error).strip()
    first = text.splitlines()[0][:300] if text else ""
    return f"{origin}: internal error: {type(error).__name__}" + (f": {first}" if first else "")


@lru_cache(maxsize=2)
def _context(settings: Settings) -> Context:
    """The pipeline context, loaded once per process (per worker process under ``--workers``)."""
    return Context.load(settings)


def _documents(specs: Iterable[str], read: Reader, ignored: Counter[str]) -> Iterator[RawDocument | Skip]:
    for spec in specs:
        try:
            reading = read(spec)
            yield from reading
            ignored.update(getattr(reading, "ignored", {}))
        except SourceError as e:
            yield Skip(spec, "source", str(e))
        except OSError as e:  # a path the reader could not even look at: a folder without permission
            yield Skip(spec, "source", f"{spec}: cannot read ({e.strerror or e})")
