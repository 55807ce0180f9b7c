"""Read article URLs, feed URLs and files, and files of URLs into RawDocuments through a Fetcher.

A file of URLs is a ``.urls`` file, or a ``.txt`` file whose every line that is not blank or a ``#``
comment is one http(s) URL and nothing else (any other ``.txt`` file is an article).
Pages of a feed or a URL list are fetched a few at a time, in order; the fetcher limits each host.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources.feeds import Feed, FeedEntry, entry_plan, looks_like_feed, parse_feed, with_entry
from redline.sources.web import FeedState, Fetcher, HttpFetcher, MemoryFeedState, Page

DEFAULT_FETCH_THREADS = 4
URL_RE = re.compile(r"https?://\S+", re.IGNORECASE)
UNCHANGED_FEED = "unchanged feed"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown"})

Item = RawDocument | Skip
T = TypeVar("T")
R = TypeVar("R")


class Net:
    """The fetcher and feed state one ``read`` uses; a default fetcher is made on first use and closed here."""

    def __init__(self, fetcher: Fetcher | None, feed_state: FeedState | None, *, allow_private: bool,
                 threads: int = DEFAULT_FETCH_THREADS) -> None:
        self._given = fetcher
        self._own: Fetcher | None = None
        self._lock = threading.Lock()
        self.allow_private = allow_private
        self.feed_state: FeedState = feed_state if feed_state is not None else MemoryFeedState()
        self.threads = max(1, threads)

    @property
    def fetcher(self) -> Fetcher:
        if self._given is not None:
            return self._given
        with self._lock:
            if self._own is None:
                self._own = HttpFetcher(allow_private=self.allow_private)
            return self._own

    def close(self) -> None:
        with self._lock:
            if self._own is not None:
                self._own.close()
                self._own = None


def read_url(url: str, net: Net, ignored: Counter[str]) -> Iterator[Item]:
    """One URL: a page is one document, a feed its entries. Fetch problems raise SourceError now."""
    page = net.fetcher.fetch(url, validators=net.feed_state.get(url))
    if page.not_modified:
        ignored[UNCHANGED_FEED] += 1
        return iter(())
    if looks_like_feed(page.content, page.media_type):
        feed = parse_feed(url, page.content)
        return _then(read_entries(feed, net), lambda: _remember(net, url, page))
    return iter([page_document(page)])


def read_feed_file(path: str, net: Net, max_bytes: int) -> Iterator[Item]:
    """A feed saved as a file (.rss, .atom, .xml); entries without content are fetched from their links."""
    p = Path(path)
    if not p.is_file():
        raise SourceError(f"{path}: no such file")
    size = p.stat().st_size
    if size == 0:
        raise SourceError(f"{path}: file is empty")
    if size > max_bytes:
        raise SourceError(f"{path}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit")
    return read_entries(parse_feed(path, p.read_bytes()), net)


def read_entries(feed: Feed, net: Net) -> Iterator[Item]:
    """The entries of a feed in order, linked pages fetched a few at a time."""

    def resolve(item: tuple[FeedEntry, RawDocument | str | Skip]) -> Item:
        entry, plan = item
        if not isinstance(plan, str):
            return plan
        try:
            return with_entry(page_document(net.fetcher.fetch(plan)), entry)
        except SourceError as e:
            return Skip(origin=plan, stage="source", reason=str(e))

    plans = ((entry, entry_plan(feed, entry, i)) for i, entry in enumerate(feed.entries, start=1))
    return ordered_map(resolve, plans, net.threads)


def read_url_list(path: str, urls: list[tuple[int, str]], net: Net, ignored: Counter[str]) -> Iterator[Item]:
    """Every URL of a URL list, each a page or a feed; a URL that fails is a Skip."""

    def fetch(item: tuple[int, str]) -> list[Item]:
        n, url = item
        if not URL_RE.fullmatch(url):
            where = f"{path} line {n}"
            return [Skip(origin=where, stage="source", reason=f"{path}: line {n}: not an http or https URL")]
        try:
            return list(_prefetched_url(url, net, ignored))
        except SourceError as e:
            return [Skip(origin=url, stage="source", reason=str(e))]

    for items in ordered_map(fetch, urls, net.threads):
        yield from items


def url_list_lines(text: str) -> list[tuple[int, str]]:
    """(line number, URL) for each line that is not blank or a comment."""
    found = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            found.append((n, line))
    return found


def is_url_list(text: str) -> bool:
    """True when every line that is not blank or a ``#`` comment is one http(s) URL, and there is one."""
    lines = url_list_lines(text)
    return bool(lines) and all(URL_RE.fullmatch(url) for _, url in lines)


def page_document(page: Page) -> RawDocument:
    """A fetched page as a document: HTML stays HTML for extraction; plain text is text."""
    media = page.media_type
    if media and media not in _HTML_TYPES and media not in _TEXT_TYPES and not media.endswith("+xml"):
        raise SourceError(f"{page.requested}: not a web page ({media})")
    text = page.text()
    if not text.strip():
        raise SourceError(f"{page.requested}: the page is empty")
    html = media in _HTML_TYPES or (not media and text.lstrip()[:1] == "<") or media.endswith("+xml")
    return RawDocument(origin=page.requested, text=text, url=page.url, html=html)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], threads: int) -> Iterator[R]:
    """``map(fn, items)`` on a few threads, results in order, at most ``2 * threads`` items ahead."""
    if threads <= 1:
        yield from map(fn, items)
        return
    pool = ThreadPoolExecutor(threads, thread_name_prefix="redline-fetch")
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= 2 * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _prefetched_url(url: str, net: Net, ignored: Counter[str]) -> Iterator[Item]:
    """A URL of a list: a page at once; a feed's entries as they come (a Skip instead of an exception)."""
    items = read_url(url, net, ignored)
    try:
        yield from items
    except SourceError as e:
        yield Skip(origin=url, stage="source", reason=str(e))


def _remember(net: Net, url: str, page: Page) -> None:
    """Keep a feed's validators once every entry was read, so an interrupted read is redone in full."""
    if page.validators:
        net.feed_state.put(url, page.validators)


def _then(items: Iterator[Item], done: Callable[[], None]) -> Iterator[Item]:
    yield from items
    done()
