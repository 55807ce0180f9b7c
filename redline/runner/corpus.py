"""A corpus read as a stream of items and cut into numbered partitions, for ``redline batch``.

A corpus is a ``.jsonl`` / ``.ndjson`` file (gzip-compressed when it ends in ``.gz``), a ``.csv`` / ``.tsv``
file or a ``.parquet`` file. Nothing is read whole: JSONL line by line, CSV through
``redline.sources.corpus`` row by row, Parquet by record batches through the same module's reader (DuckDB, the
``redline[corpus]`` extra), so ``redline ingest`` and ``redline batch`` read a corpus alike.

JSONL records take ``text`` and optionally ``title``, ``url``, ``published`` (or ``date``), ``source``,
``topic`` and ``category``; the Wikipedia Current Events file as shipped is such a file, where a record with
``"is_event": false`` is a topic heading, not a report, and is passed over (counted, not skipped).
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

from redline.errors import SourceError
from redline.models import RawDocument, Skip

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TABLE_SUFFIXES = (".csv", ".tsv", ".parquet")
CORPUS_HINT = "give a .jsonl, .jsonl.gz, .csv, .tsv or .parquet file"
BATCH_EXTRA = "pip install 'redline[batch]'"
HEADING = "heading, not a report (is_event false)"


@dataclass(frozen=True)
class Item:
    """One document of a corpus (or the Skip of a bad row) with the corpus fields redline keeps beside it."""

    doc: RawDocument | Skip
    topic: str | None = None
    category: str | None = None
    heading: bool = False  # a Current Events topic heading: counted, never analysed


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


def iter_items(path: str, dates: DateRange, *, max_bytes: int, ignored: dict[str, int] | None = None) -> Iterator[Item]:
    """The items of corpus ``path`` in file order, those outside ``dates`` left out (and counted in ``ignored``)."""
    ignored = {} if ignored is None else ignored
    for item in _raw_items(path, max_bytes):
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


def plan(paths: Sequence[str], dates: DateRange, *, partitions: int | None, size: int, max_bytes: int
         ) -> tuple[list[Partition], dict[str, int]]:
    """Cut every corpus into partitions of about equal size: ``partitions`` in all, else ``size`` items each.

    Reads each corpus once to count its items (the first bad file raises SourceError before any work).
    """
    counts = []
    ignored: dict[str, int] = {}
    for path in paths:
        counts.append(sum(1 for _ in iter_items(path, dates, max_bytes=max_bytes, ignored=ignored)))
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


def _raw_items(path: str, max_bytes: int) -> Iterator[Item]:
    check_corpus(path)
    if _is_jsonl(path):
        return _jsonl(path)
    if path.lower().endswith(".parquet"):
        return _parquet(path)
    from redline.sources.corpus import read_corpus

    return (Item(doc) for doc in read_corpus(path, max_bytes=max_bytes))


def _open_text(path: str) -> IO[str]:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig")
    return open(path, encoding="utf-8-sig")  # noqa: SIM115 - closed by the caller


def _jsonl(path: str) -> Iterator[Item]:
    try:
        f = _open_text(path)
        f.readline()
        f.seek(0)
    except (OSError, EOFError, UnicodeDecodeError) as e:
        raise SourceError(f"{path}: cannot read ({_first_line(e)})") from None
    with f:
        n = 0
        while True:
            n += 1
            where = f"{path} line {n}"
            try:
                line = f.readline()
            except (OSError, EOFError, UnicodeDecodeError) as e:
                yield Item(Skip(where, "source", f"{path}: cannot read past line {n - 1} ({_first_line(e)})"))
                return
            if not line:
                return
            if not line.strip():
                continue
            yield _record(where, line)


def _record(where: str, line: str) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return Item(Skip(where, "source", f"{where}: invalid JSON: {e.msg}"))
    if not isinstance(record, dict):
        return Item(Skip(where, "source", f"{where}: not a JSON object"))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Item(Skip(where, "source", f'{where}: "text" is missing or empty'))
    published = record.get("published", record.get("date"))
    doc = RawDocument(origin=where, text=text, title=_field(record, "title"), url=_field(record, "url"),
                      published=None if published is None else str(published), source=_field(record, "source"))
    return Item(doc, _field(record, "topic"), _field(record, "category"), record.get("is_event") is False)


def _parquet(path: str) -> Iterator[Item]:
    from redline.sources.corpus import read_parquet

    rows = read_parquet(path, extra=("topic", "category"))
    return (Item(doc, extra.get("topic"), extra.get("category")) for doc, extra in rows)


def _field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__
