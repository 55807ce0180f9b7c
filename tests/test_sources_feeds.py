"""RSS and Atom feeds, from the test server and from files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources import read
from redline.sources.feeds import looks_like_feed, parse_feed
from redline.sources.web import MemoryFeedState

PAGES = Path(__file__).parent / "pages"


def read_all(spec: str, **kwargs: Any) -> list[RawDocument | Skip]:
    return list(read(spec, allow_private=True, **kwargs))


def test_feeds_rss_entries_use_content_or_their_linked_page(http_server: Any) -> None:
    base = http_server.base
    depot, kharkiv, missing, wire = read_all(http_server.url("/feed.rss"))
    assert isinstance(depot, RawDocument) and depot.html
    assert depot.title == "Ukraine strikes Russian ammunition depot in Bryansk region with ATACMS"
    assert depot.url == f"{base}/news/bryansk-depot"
    assert depot.published == "2024-11-19T06:30:00+00:00"
    assert depot.text.lstrip().startswith("<p>Ukraine fired six US-made ATACMS ballistic missiles")
    assert http_server.hits["/news/bryansk-depot"] == 0  # full content: the link is not fetched
    assert isinstance(kharkiv, RawDocument)
    assert kharkiv.origin == kharkiv.url == f"{base}/kharkiv-strike.html"
    assert "<h1>Russian glide bombs hit Kharkiv power station" in kharkiv.text
    assert kharkiv.published == "2024-11-19T07:45:00+00:00"
    assert missing == Skip(origin=f"{base}/missing.html", stage="source",
                           reason=f"{base}/missing.html: HTTP 404 Not Found")
    assert isinstance(wire, RawDocument) and wire.source == "Continental Press"
    assert wire.published == "2024-11-20T10:40:00+00:00"


def test_feeds_atom_entries(http_server: Any) -> None:
    kurakhove, iaea = read_all(http_server.url("/feed.atom"))
    assert isinstance(kurakhove, RawDocument) and isinstance(iaea, RawDocument)
    assert kurakhove.title == "Russian troops advance near Kurakhove as Ukrainian defences strain"
    assert kurakhove.published == "2024-11-21T04:00:00+00:00"
    assert kurakhove.text.startswith("<p>Russian forces captured two villages south of the town of Kurakhove")
    assert iaea.url == http_server.url("/site-a/wire-zaporizhzhia.html")
    assert "The Dnipro Herald" in iaea.text


def test_feeds_validators_are_kept_only_after_the_last_entry(http_server: Any) -> None:
    state = MemoryFeedState()
    url = http_server.url("/feed.rss")
    reading = read(url, allow_private=True, feed_state=state, fetch_threads=1)
    next(reading)
    assert state.get(url) is None  # interrupted now, the next read starts the feed over
    list(reading)
    validators = state.get(url)
    assert validators is not None and validators.last_modified == "Tue, 19 Nov 2024 08:00:00 GMT"
    hits = http_server.hits["/feed.rss"]
    assert read_all(url, feed_state=state) == []
    assert http_server.hits["/feed.rss"] == hits + 1


def test_feeds_file_on_disk(http_server: Any, tmp_path: Path) -> None:
    path = tmp_path / "saved.rss"
    path.write_bytes((PAGES / "feed.rss").read_bytes().replace(b"{{BASE}}", http_server.base.encode()))
    items = read_all(str(path))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Skip", "RawDocument"]


def test_feeds_entry_without_content_or_link_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "bare.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    "<item><title>Only a title</title></item></channel></rss>", encoding="utf-8")
    assert read_all(str(path)) == [
        Skip(origin=f"{path} entry 1", stage="source", reason=f"{path} entry 1: feed entry has no content and no link")
    ]


def test_feeds_summary_is_used_when_there_is_no_link(tmp_path: Path) -> None:
    path = tmp_path / "summary.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Kherson</title>'
                    "<description>Russian shelling killed two people in Kherson on Monday.</description>"
                    "</item></channel></rss>", encoding="utf-8")
    [doc] = read_all(str(path))
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.text) == ("Kherson", "Russian shelling killed two people in Kherson on Monday.")


def test_feeds_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>War and Peace</book></catalog>", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        read(str(path))
    assert str(err.value) == f"{path}: not an RSS or Atom feed"


def test_feeds_sniffing() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- x -->\n<rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like_feed(b"", "application/atom+xml")
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><feed>")
    assert parse_feed("x", (PAGES / "feed.atom").read_bytes()).title == "The Dnipro Herald: Ukraine"


def test_feeds_published_override_wins(http_server: Any) -> None:
    docs = list(read_all(http_server.url("/feed.atom"), published="2024-12-01"))
    assert [d.published for d in docs if isinstance(d, RawDocument)] == ["2024-12-01", "2024-12-01"]
