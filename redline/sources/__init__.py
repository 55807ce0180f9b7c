"""Readers that turn a source spec into RawDocuments (and Skips); they never parse meaning.

``read(spec)`` dispatches on the spec:

    -                                   stdin: text, HTML, JSON or JSONL, sniffed
    http://... https://...              an article page, or an RSS/Atom feed: its entries
    .txt .md .html .json .jsonl file    files.read_path: one file, read whole
    .csv .tsv .parquet .jsonl.gz file   a corpus, row by row (corpus.py); a Current Events file as shipped
    .rss .atom .xml file                a feed saved as a file (feeds.py)
    .urls file, or .txt of URLs only    each URL, a page or a feed (urls.py)
    folder, glob pattern                with folders=True: every supported file inside (walk.py)

A source that cannot be read at all raises SourceError from ``read`` itself, before anything is yielded:
a missing or bad file, a URL that fails, a feed that is not one, a glob without matches. Once iteration
has started nothing is raised for one document: each problem is yielded as ``Skip(origin, "source", reason)``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TextIO

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources.corpus import (
    CORPUS_SUFFIXES,
    HEADING,
    JSONL_CORPUS_SUFFIXES,
    FieldMap,
    Row,
    is_jsonl_corpus,
    read_rows,
)
from redline.sources.feeds import FEED_SUFFIXES
from redline.sources.files import _PARSERS, DEFAULT_MAX_BYTES, read_path, read_stream
from redline.sources.urls import (
    DEFAULT_FETCH_THREADS,
    Net,
    is_url_list,
    read_feed_file,
    read_url,
    read_url_list,
    url_list_lines,
)
from redline.sources.walk import is_glob, walk_folder, walk_glob
from redline.sources.web import FeedState, Fetcher, HttpFetcher, MemoryFeedState, Page, Validators, open_fetcher

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "FeedState",
    "Fetcher",
    "HttpFetcher",
    "MemoryFeedState",
    "Page",
    "Reading",
    "Validators",
    "open_fetcher",
    "read",
]

URL_LIST_SUFFIX = ".urls"
# the file types a folder or glob reads; others are counted in Reading.ignored
SUPPORTED_SUFFIXES = frozenset(
    {s for s in _PARSERS if s} | set(CORPUS_SUFFIXES) | set(JSONL_CORPUS_SUFFIXES) | set(FEED_SUFFIXES)
    | {URL_LIST_SUFFIX}
)
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
# a .txt file is checked for being a URL list only when it starts like one
_URL_START_RE = re.compile(rb"^\s*(#[^\n]*\n\s*)*https?://", re.IGNORECASE)

Item = RawDocument | Skip


class Reading(Iterator[Item]):
    """The documents of one source, read lazily; ``ignored`` counts what was passed over quietly.

    ``ignored`` keys: ``hidden``, ``unsupported .pdf`` (one per suffix), ``unchanged feed`` (a 304).
    """

    def __init__(self, items: Iterator[Item], ignored: Counter[str]) -> None:
        self._items = items
        self.ignored = ignored

    def __next__(self) -> Item:
        return next(self._items)

    def close(self) -> None:
        """Stop reading early and release connections."""
        close = getattr(self._items, "close", None)
        if close is not None:
            close()


def read(
    spec: str,
    *,
    stdin: TextIO | BinaryIO | None = None,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    folders: bool = False,
    allow_private: bool = False,
    fetcher: Fetcher | None = None,
    feed_state: FeedState | None = None,
    fetch_threads: int = DEFAULT_FETCH_THREADS,
    fields: FieldMap | None = None,
) -> Reading:
    """Read a source spec into RawDocuments and Skips; SourceError when the source cannot be read at all.

    Args:
        stdin: the stream read for ``-``; defaults to ``sys.stdin``.
        published: a date that overrides the date of every document (``--published``).
        max_bytes: the largest file read whole; callers pass ``50 * settings.max_text_bytes``.
            CSV and Parquet corpora are streamed and have no size limit.
        folders: read folders (recursively) and glob patterns; without it a folder raises SourceError,
            as a command made for single articles wants.
        allow_private: let the default fetcher reach private addresses; a given ``fetcher`` has its own.
        fetcher: the Fetcher for URLs (``open_fetcher(settings)``); a default HttpFetcher otherwise,
            closed when the reading ends.
        feed_state: where feed validators are kept for conditional GETs; in memory by default.
            A feed's validators are stored only after its last entry was read.
        fetch_threads: pages of a feed or URL list fetched at once (each host still limited by the fetcher).
        fields: redline's field names mapped to a corpus's own (``{"text": "summary"}``), for corpora and
            JSON/JSONL files.
    """
    ignored: Counter[str] = Counter()
    net = Net(fetcher, feed_state, allow_private=allow_private, threads=fetch_threads)
    try:
        items = _dispatch(spec, stdin, published, max_bytes, folders, net, ignored, fields or {})
    except OSError as e:  # a path that cannot even be looked at: inside a folder without permission
        net.close()
        raise SourceError(f"{spec}: cannot read ({e.strerror or e})") from None
    except BaseException:
        net.close()
        raise
    return Reading(_finish(items, net, published), ignored)


def _dispatch(spec: str, stdin: TextIO | BinaryIO | None, published: str | None, max_bytes: int, folders: bool,
              net: Net, ignored: Counter[str], fields: FieldMap) -> Iterator[Item]:
    if spec == "-":
        return read_stream(sys.stdin if stdin is None else stdin, published=published, max_bytes=max_bytes)
    scheme = _SCHEME_RE.match(spec)
    if scheme is not None:
        if scheme.group(1).lower() not in ("http", "https"):
            raise SourceError(f"{spec}: unsupported URL scheme '{scheme.group(1)}' (give an http or https URL)")
        return read_url(spec, net, ignored)

    def read_file(path: str) -> Iterator[Item]:
        return _read_file(path, published, max_bytes, net, ignored, fields)

    if folders:
        if Path(spec).is_dir():
            return walk_folder(spec, SUPPORTED_SUFFIXES, read_file, ignored)
        if is_glob(spec) and not Path(spec).exists():
            return walk_glob(spec, SUPPORTED_SUFFIXES, read_file, ignored)
    return read_file(spec)


def _read_file(path: str, published: str | None, max_bytes: int, net: Net, ignored: Counter[str],
               fields: FieldMap) -> Iterator[Item]:
    suffix = Path(path).suffix.lower()
    if suffix in CORPUS_SUFFIXES or is_jsonl_corpus(path):
        return _corpus(read_rows(path, max_bytes=max_bytes, fields=fields), ignored)
    if suffix in FEED_SUFFIXES:
        return read_feed_file(path, net, max_bytes)
    if suffix == URL_LIST_SUFFIX:
        if not Path(path).is_file():
            raise SourceError(f"{path}: no such file")
        text = _url_list_text(path, max_bytes)
        if text is None:
            raise SourceError(f"{path}: not a UTF-8 text file of URLs (one http or https URL a line)")
        if not url_list_lines(text):
            raise SourceError(f"{path}: file has no URLs (one http or https URL a line)")
        return read_url_list(path, url_list_lines(text), net, ignored)
    if suffix == ".txt":
        text = _url_list_text(path, max_bytes)
        if text is not None and is_url_list(text):
            return read_url_list(path, url_list_lines(text), net, ignored)
    return read_path(path, published=published, max_bytes=max_bytes, fields=fields)


def _corpus(rows: Iterator[Row], ignored: Counter[str]) -> Iterator[Item]:
    """The documents of a corpus; the topic headings of a Current Events file counted in ``ignored``.

    A report without a title takes its topic as title (a Current Events item's topic is the heading it sits
    under), so that the store, which has no topic column, keeps it; ``redline batch`` writes both.
    """
    for row in rows:
        if row.heading:
            ignored[HEADING] += 1
        elif isinstance(row.doc, RawDocument) and row.doc.title is None and row.topic is not None:
            yield replace(row.doc, title=row.topic)
        else:
            yield row.doc


def _url_list_text(path: str, max_bytes: int) -> str | None:
    """The text of a file that may be a URL list; None when it cannot be one (missing, too big, not UTF-8)."""
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size > max_bytes:
            return None
        data = p.read_bytes()
    except OSError:
        return None
    if p.suffix.lower() != URL_LIST_SUFFIX and not _URL_START_RE.match(data[:4096]):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _finish(items: Iterator[Item], net: Net, published: str | None) -> Iterator[Item]:
    try:
        for item in items:
            if published is not None and isinstance(item, RawDocument):
                item = replace(item, published=published)
            yield item
    finally:
        net.close()

