"""Malformed HTTP answers from a real server on 127.0.0.1: each is a page or a one-line FetchError, never a crash."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest

from redline.errors import FetchError
from redline.intake import ingest
from redline.settings import Settings
from redline.sources import HttpFetcher, open_fetcher, read
from redline.store import open_store

# the beginning of the one-line reason each form gives (after "<url>: ")
REASONS = {
    "redirect-data": "redirect to an invalid Location",
    "redirect-javascript": "redirect to an invalid Location",
    "redirect-file": "not an http or https URL after a redirect to file:///etc/passwd",
    "redirect-ipv6": "redirect to an invalid Location '//[bad' (Invalid IPv6 URL)",
    "redirect-port": "invalid URL after a redirect to http://127.0.0.1:99999/ (Port out of range 0-65535)",
    "redirect-empty": "HTTP 302 redirect without a Location",
    "redirect-nul": "connection failed (illegal header line",
    "redirect-long-label": "invalid host name (encoding with 'idna' codec failed",
    "redirect-idna": "invalid host name (Codepoint U+0080",
    "redirect-loop": "more than 10 redirects",
    "gzip-not-gzip": "cannot decode the compressed body (Error -3 while decompressing data: incorrect header check)",
    "deflate-not-deflate": "cannot decode the compressed body",
    "length-too-long": "connection failed (peer closed connection without sending complete message body",
    "length-not-a-number": "connection failed (bad Content-Length)",
    "length-negative": "connection failed (bad Content-Length)",
    "length-twice": "connection failed (conflicting Content-Length headers)",
    "chunk-bad": "connection failed (illegal chunk header",
    "not-http": "connection failed (",  # "illegal status line" or "Server disconnected", as the race goes
    "no-answer": "connection failed (Server disconnected without sending a response.)",
    "status-999": "HTTP 999 Weird",
    "header-without-colon": "connection failed (illegal header line",
}
# forms whose body still arrives: decoded with the best remaining guess
DECODED = ("charset-rot13", "charset-unknown", "meta-charset-hex", "utf16-odd-bytes", "invalid-utf8", "good",
           "gzip-truncated", "binary-body")
# what ingest makes of the forms that do arrive
OTHER_SKIPS = {
    "gzip-truncated": ("source", "the page is empty"),
    "binary-body": ("source", "not a web page (application/octet-stream)"),
    "utf16-odd-bytes": ("ingest", "no article text found in the HTML"),
    "invalid-utf8": ("ingest", "no article text found in the HTML"),
}


@pytest.fixture(scope="module")
def fetcher() -> Any:
    with HttpFetcher(allow_private=True, retries=0, timeout=5) as f:
        yield f


def test_sources_malformed_every_form_is_listed(malformed_server: Any) -> None:
    assert set(REASONS) | set(DECODED) == set(malformed_server.forms)


@pytest.mark.parametrize("form", sorted(REASONS))
def test_sources_malformed_answer_is_one_fetch_error(malformed_server: Any, fetcher: Any, form: str) -> None:
    url = malformed_server.url(form)
    with pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    message = str(err.value)
    assert message.startswith(f"{url}: {REASONS[form]}"), message
    assert "\n" not in message


@pytest.mark.parametrize("form", DECODED)
def test_sources_malformed_body_still_decodes(malformed_server: Any, fetcher: Any, form: str) -> None:
    page = fetcher.fetch(malformed_server.url(form))
    assert page.status == 200
    assert isinstance(page.text(), str)


def test_sources_malformed_charset_falls_back_to_utf8(malformed_server: Any, fetcher: Any) -> None:
    for form in ("charset-rot13", "meta-charset-hex"):
        assert "Ukraine" in fetcher.fetch(malformed_server.url(form)).text()


def test_sources_malformed_feed_is_ingested_to_the_end(malformed_server: Any, tmp_path: Path) -> None:
    settings = Settings().with_(fetch_retries=0, fetch_timeout=5.0)
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store, open_fetcher(settings, allow_private=True) as f:
        report = ingest([malformed_server.base + "/feed.rss"], store, settings, read=partial(read, fetcher=f))
        stored = store.skips()
    forms = malformed_server.forms
    assert report.new + report.duplicate + report.skipped == len(forms)
    assert (report.new, report.duplicate) == (1, 3)  # "good", and three charset forms that decode to its text
    by_origin = {s.origin.rsplit("/", 1)[1]: s for s in report.skips}
    for form, reason in REASONS.items():
        assert by_origin[form].stage == "source"
        assert by_origin[form].reason.startswith(f"{malformed_server.url(form)}: {reason}")
    for form, (stage, reason) in OTHER_SKIPS.items():
        assert (by_origin[form].stage, by_origin[form].reason) == (stage, f"{malformed_server.url(form)}: {reason}")
    assert len(by_origin) == len(REASONS) + len(OTHER_SKIPS)
    assert {(s["stage"], s["reason"]) for s in stored} == {(s.stage, s.reason) for s in report.skips}
