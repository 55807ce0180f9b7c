"""RSS and Atom feeds (feedparser): recognise a feed, and turn its entries into RawDocuments.

An entry with full content (Atom ``<content>``, RSS ``<content:encoded>``) is used as it is; an entry with
only a summary is read from its linked page, which the caller fetches; an entry with neither is skipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from redline.errors import SourceError
from redline.models import RawDocument, Skip

FEED_MEDIA_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                              "application/feed+xml"})
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
# the root element of RSS 2.0, RSS 1.0 (RDF) and Atom, after any XML declaration, comments and whitespace
_FEED_ROOT_RE = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_SNIFF_BYTES = 2048

@dataclass(frozen=True)
class FeedEntry:
    title: str | None
    link: str | None
    published: str | None  # ISO 8601 in UTC when the feed's date was readable, else as written
    content: str | None  # full content, when the feed carries it
    content_html: bool
    summary: str | None
    source: str | None  # the outlet an aggregator names in <source>


@dataclass(frozen=True)
class Feed:
    origin: str
    title: str | None
    entries: tuple[FeedEntry, ...]


def looks_like_feed(content: bytes, media_type: str = "") -> bool:
    """True for an RSS or Atom document: by its media type, else by its root element."""
    if media_type in FEED_MEDIA_TYPES:
        return True
    head = content[:_SNIFF_BYTES]
    return _FEED_ROOT_RE.search(head) is not None and b"<html" not in head.lower()


def parse_feed(origin: str, content: bytes) -> Feed:
    """Parse RSS or Atom bytes (feedparser reads the encoding); SourceError when it is not a feed."""
    import feedparser  # 0.1 s to import: only for feeds

    parsed: Any = feedparser.parse(content)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({_first_line(str(reason))})" if reason else ""
        raise SourceError(f"{origin}: not an RSS or Atom feed{detail}")
    entries = tuple(_entry(e) for e in parsed.entries)
    return Feed(origin=origin, title=_text(parsed.feed.get("title")), entries=entries)


def entry_plan(feed: Feed, entry: FeedEntry, index: int) -> RawDocument | str | Skip:
    """What reading one entry takes: a ready document, the URL of the page to fetch, or a Skip."""
    origin = entry.link or f"{feed.origin} entry {index}"
    if entry.content:
        return _document(origin, entry, entry.content, entry.content_html)
    if entry.link:
        return entry.link
    if entry.summary:
        return _document(origin, entry, entry.summary, True)
    return Skip(origin=origin, stage="source", reason=f"{origin}: feed entry has no content and no link")


def with_entry(page: RawDocument, entry: FeedEntry) -> RawDocument:
    """The fetched page of an entry, with the entry's title, date and outlet where the page lacks them."""
    return RawDocument(origin=page.origin, text=page.text, title=page.title or entry.title, url=page.url,
                       published=page.published or entry.published, source=page.source or entry.source,
                       html=page.html)


def _document(origin: str, entry: FeedEntry, text: str, html: bool) -> RawDocument:
    return RawDocument(origin=origin, text=text, title=entry.title, url=entry.link, published=entry.published,
                       source=entry.source, html=html)


def _entry(e: Any) -> FeedEntry:
    contents = [c for c in e.get("content") or [] if (c.get("value") or "").strip()]
    best = max(contents, key=lambda c: len(c.get("value") or ""), default=None)
    summary = e.get("summary") or None
    source = e.get("source") or {}
    return FeedEntry(
        title=_text(e.get("title")),
        link=_text(e.get("link")),
        published=_date(e),
        content=best.get("value") if best is not None else None,
        content_html=best is not None and (best.get("type") or "").lower() in _HTML_TYPES,
        summary=summary if summary and summary.strip() else None,
        source=_text(source.get("title")) if hasattr(source, "get") else None,
    )


def _date(e: Any) -> str | None:
    for key in ("published", "updated"):
        parsed = e.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
        if e.get(key):
            return str(e.get(key))
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
