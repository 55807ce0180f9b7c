"""The red-team cases against the API and the pages (issue 14): undecodable, invalid and oversized bodies,
the token checked before the body is read, security headers on every response, 500s included, and only
http(s) URLs as links. Real uvicorn servers on 127.0.0.1."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from redline.report.render import render

SECURITY = {"x-content-type-options": "nosniff", "x-frame-options": "DENY"}
LIMIT = 200_000
TOO_LARGE = (f"request body: larger than {LIMIT} bytes (send less; the limit is the max_request_bytes setting)")
NO_TOKEN = "Authorization: missing or wrong bearer token (send Authorization: Bearer $REDLINE_API_TOKEN)"


def assert_secured(response: httpx.Response) -> None:
    for name, value in SECURITY.items():
        assert response.headers.get_list(name) == [value], name
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def chunks(total: int, size: int = 65_536) -> Iterator[bytes]:
    """A body sent with Transfer-Encoding: chunked (no Content-Length)."""
    for _ in range(total // size):
        yield b"x" * size


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"text": "\\ud800 Russian forces shelled Kharkiv on Monday, officials said."}',
         "body: Invalid JSON: unexpected end of hex escape at line 1 column 17"),
        (b'{"text": "Russian forces \xff\xfe shelled Kharkiv on Monday."}',
         "body: not UTF-8 (byte 0xff at offset 25; send UTF-8 JSON)"),
        (b'{"text": ', "body: Invalid JSON: EOF while parsing a value at line 1 column 9"),
        (b"[1, 2]", "body: Input should be an object"),
        (b"", "body: empty (send a JSON object)"),
        (b'{"text": 5}', "body.text: Input should be a valid string"),
        (b'{"text": "x", "evil": 1}', "body.evil: Extra inputs are not permitted"),
    ],
)
def test_web_hardening_bad_bodies_are_422(web_server: str, api_token: str, body: bytes, message: str) -> None:
    response = httpx.post(web_server + "/api/v1/analyze", content=body, timeout=60,
                          headers={"Authorization": f"Bearer {api_token}", "Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["message"] == message
    assert_secured(response)


def test_web_hardening_chunked_20mb_body_is_413(web_server: str, api_token: str) -> None:
    response = httpx.post(web_server + "/api/v1/analyze", content=chunks(20 * 2**20), timeout=60,
                          headers={"Authorization": f"Bearer {api_token}", "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["message"] == TOO_LARGE
    assert_secured(response)


@pytest.mark.parametrize("kind", ["chunked", "declared", "invalid", "undecodable"])
def test_web_hardening_token_is_checked_before_the_body(web_server: str, kind: str) -> None:
    content: Any = {"chunked": lambda: chunks(20 * 2**20), "declared": lambda: b"x" * (LIMIT + 1),
                    "invalid": lambda: b'{"text": ', "undecodable": lambda: b"\xff\xfe"}[kind]()
    response = httpx.post(web_server + "/api/v1/analyze", content=content, timeout=60,
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 401
    assert response.json()["error"]["message"] == NO_TOKEN
    assert response.headers["www-authenticate"] == "Bearer"
    assert_secured(response)


def test_web_hardening_every_response_is_secured(web_server: str, founding_brief: Any) -> None:
    paths = ["/", "/map", f"/articles/{founding_brief.article.id}", "/articles/nope", "/api/v1/articles",
             "/api/v1/nothing", "/api/v1/events?limit=0", "/static/style.css", "/static/nothing.js"]
    for path in paths:
        assert_secured(httpx.get(web_server + path, timeout=30))


def test_web_hardening_500_is_secured_and_one_line(sqlite_url: str, serve_app: Any) -> None:
    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    with open_store(sqlite_url) as store:
        app = create_app(Settings(), store)

        @app.get("/api/v1/boom")
        def boom() -> None:
            raise RuntimeError("a bug")

        @app.get("/boom")
        def boom_page() -> None:
            raise RuntimeError("a bug")

        with serve_app(app) as base:
            api = httpx.get(base + "/api/v1/boom")
            page = httpx.get(base + "/boom")
    assert api.status_code == page.status_code == 500
    assert api.json() == {"error": {"status": 500, "code": "internal_server_error",
                                    "message": "internal error (see the server log)"}}
    assert "<p>internal error (see the server log)</p>" in page.text
    assert_secured(api)
    assert_secured(page)


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "JAVASCRIPT:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/a"])
def test_web_hardening_only_web_urls_become_links(sqlite_url: str, serve_app: Any, founding_brief: Any,
                                                  url: str) -> None:
    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    brief = replace(founding_brief, article=replace(founding_brief.article, url=url))
    with open_store(sqlite_url) as store:
        store.save_brief(brief)
        with serve_app(create_app(Settings(), store)) as base:
            page = httpx.get(f"{base}/articles/{brief.article.id}").text
    head = page.split('<p class="legend">')[0]
    assert "<a href=\"" + url not in page and "href=\"javascript" not in page.lower()
    assert re.search(r'<p class="meta dim">.*url ' + re.escape(url.replace("<", "&lt;").replace(">", "&gt;")), head)
    assert 'rel="noopener noreferrer"' not in head


def evidence_list(page: str) -> list[tuple[str, str, str]]:
    """(number, span key, quote) of every line of a page's evidence list."""
    ol = page.split('<ol class="evidence">')[1].split("</ol>")[0]
    return re.findall(r'<li id="ref-(\d+)" data-ev="(ev-\d+-\d+)">.*?“(.*?)”', ol)


def citations(page: str) -> list[tuple[str, str]]:
    """(number, span key) of every [n] reference in the brief's sections, in page order."""
    return re.findall(r'<a class="evref" href="[^"]*" data-ev="(ev-\d+-\d+)" data-n="(\d+)"', page)


def test_web_hardening_one_renderer_one_numbering(web_server: str, founding_brief: Any) -> None:
    standalone = render(founding_brief, "html")
    dashboard = httpx.get(f"{web_server}/articles/{founding_brief.article.id}", timeout=30).text
    listed = evidence_list(standalone)
    assert listed and listed == evidence_list(dashboard)
    assert [int(n) for n, _, _ in listed] == list(range(1, len(listed) + 1))
    assert citations(standalone) == citations(dashboard) and citations(standalone)
    text = render(founding_brief, "text")
    for n, _, quote in listed:
        assert f"[{n}] “{html.unescape(quote)}”" in " ".join(text.split())
