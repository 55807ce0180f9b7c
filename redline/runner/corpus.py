"""A corpus read as a stream of items and cut into numbered partitions, for ``redline batch``.

A corpus is a ``.jsonl`` / ``.ndjson`` file (gzip-compressed when it ends in ``.gz``), a ``.csv`` / ``.tsv``
file or a ``.parquet`` file. Nothing is read whole: ``redline.sources.corpus`` reads JSONL line by line, CSV row
by row and Parquet by record batches (DuckDB, the ``redline[corpus]`` extra), so ``redline ingest`` and
``redline batch`` read a corpus alike, through the same field map.

JSONL records take ``text`` and optionally ``title``, ``url``, ``published`` (or ``date``), ``source``,
``topic`` and ``category``; the Wikipedia Current Events file as shipped is such a file, where a record with
``"is_event": false`` is a topic heading, not a report, and is passed over (counted, not skipped).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from redline.errors import SourceError
from redline.models import RawDocument
from redline.sources.corpus import HEADING, JSONL_SUFFIXES, FieldMap, Row, read_rows

TABLE_SUFFIXES = (".csv", ".tsv", ".parquet")
CORPUS_HINT = "give a .jsonl, .jsonl.gz, .csv, .tsv or .parquet file"
BATCH_EXTRA = "pip install 'redline[batch]'"


Item = Row  # one document of a corpus with its topic and category (sources.corpus reads them)


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds on a document's date, as ISO prefixes: ``since="2014"`` keeps 2014-01-01 onwards."""

    since: str | None = None
    until: str | None = None

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None

    def keeps(self, day: str) -> bool:
        if self.since is not None and day[: len(self.since)] < self.since:
            return False
        return self.until is None or day[: len(self.until)] <= self.until


@dataclass(frozen=True)
class Partition:
    """Items ``start`` to ``stop`` (after filtering, counted from 0) of corpus number ``corpus``."""

    id: str
    corpus: int
    start: int
    stop: int

    @property
    def size(self) -> int:
        return self.stop - self.start


def check_bound(option: str, value: str | None) -> str | None:
    """``value`` of --since/--until as an ISO prefix (2014, 2014-03, 2014-03-01); SourceError otherwise."""
    if value is None:
        return None
    text = value.strip()
    for fmt, length in (("%Y", 4), ("%Y-%m", 7), ("%Y-%m-%d", 10)):
        try:
            datetime.strptime(text, fmt)
        except ValueError:
            continue
        if len(text) == length:
            return text
    raise SourceError(f"{option} {value}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")


def check_corpus(path: str) -> None:
    """SourceError when ``path`` is not a corpus file redline batch reads."""
    p = Path(path)
    if not p.exists():
        raise SourceError(f"{path}: no such file")
    if not p.is_file():
        raise SourceError(f"{path}: not a file ({CORPUS_HINT})")
    if not _is_jsonl(path) and p.suffix.lower() not in TABLE_SUFFIXES:
        raise SourceError(f"{path}: not a corpus ({CORPUS_HINT})")
    if p.stat().st_size == 0:
        raise SourceError(f"{path}: file is empty")


def iter_items(path: str, dates: DateRange, *, max_bytes: int, ignored: dict[str, int] | None = None,
               fields: FieldMap | None = None) -> Iterator[Item]:
    """The items of corpus ``path`` in file order, those outside ``dates`` left out (and counted in ``ignored``).

    ``fields`` maps redline's field names to the corpus's own (``{"text": "summary"}``).
    """
    ignored = {} if ignored is None else ignored
    for item in _raw_items(path, max_bytes, fields):
        if dates and isinstance(item.doc, RawDocument):
            day = iso_day(item.doc.published)
            if day is None or not dates.keeps(day):
                key = "no date" if day is None else "outside --since/--until"
                ignored[key] = ignored.get(key, 0) + 1
                continue
        if item.heading:
            ignored[HEADING] = ignored.get(HEADING, 0) + 1
            continue
        yield item


def plan(paths: Sequence[str], dates: DateRange, *, partitions: int | None, size: int, max_bytes: int,
         fields: FieldMap | None = None) -> tuple[list[Partition], dict[str, int]]:
    """Cut every corpus into partitions of about equal size: ``partitions`` in all, else ``size`` items each.

    Reads each corpus once to count its items (the first bad file raises SourceError before any work).
    """
    counts = []
    ignored: dict[str, int] = {}
    for path in paths:
        counts.append(sum(1 for _ in iter_items(path, dates, max_bytes=max_bytes, ignored=ignored, fields=fields)))
    total = sum(counts)
    if partitions is not None:
        size = max(1, math.ceil(total / partitions))
    out = []
    for n, (path, count) in enumerate(zip(paths, counts, strict=True)):
        stem = _stem(path)
        for k, start in enumerate(range(0, count, size)):
            out.append(Partition(f"{n:02d}-{stem}-{k:05d}", n, start, min(start + size, count)))
    return out, ignored


def iso_day(value: str | None) -> str | None:
    """The YYYY-MM-DD of a document date (ISO or RFC 2822), or None when it has none that can be read."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _stem(path: str) -> str:
    name = Path(path).name
    for suffix in (*JSONL_SUFFIXES, *TABLE_SUFFIXES):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40] or "corpus"


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _raw_items(path: str, max_bytes: int, fields: FieldMap | None) -> Iterator[Item]:
    check_corpus(path)
    return read_rows(path, max_bytes=max_bytes, fields=fields)
