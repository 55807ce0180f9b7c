"""Fetch web pages and feeds with limits: the ``Fetcher`` base class and its httpx default.

    with open_fetcher(settings, allow_private=False) as fetcher:
        page = fetcher.fetch("https://example.org/news/1")   # Page, or FetchError with one line

``HttpFetcher`` follows redirects itself and checks every hop's addresses (``addresses.AddressPolicy``),
connects over plain HTTP to the exact address it checked (over HTTPS the certificate check stops a name
that re-resolves elsewhere), streams the body up to a size cap, retries timeouts, lost
connections, 429 and 5xx answers with exponential backoff (never other 4xx), limits the requests in
flight per host, and sends conditional requests for feeds (``Validators`` kept in a ``FeedState``).
"""

from __future__ import annotations

import codecs
import http
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import metadata
from types import TracebackType
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from redline.errors import ConfigError, FetchError
from redline.settings import Settings
from redline.sources.addresses import ALLOW_HINT, AddressPolicy, IPAddress, Refused, Resolver, Unresolvable
from redline.sources.files import codec_name, declared_charset


def _version() -> str:
    try:
        return metadata.version("redline")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"redline/{_version()} (+https://github.com/redline)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_PAGE_BYTES = 5_000_000
DEFAULT_RETRIES = 2
DEFAULT_PER_HOST = 2
MAX_REDIRECTS = 10
# a server asking for a longer pause than this is treated as failing now
MAX_RETRY_AFTER = 60.0
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"


@dataclass(frozen=True)
class Validators:
    """What a server said identifies its current copy of a feed, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


class FeedState(Protocol):
    """Where the Validators of each feed URL are kept between reads (the store backs it in `redline ingest`)."""

    def get(self, url: str) -> Validators | None: ...

    def put(self, url: str, validators: Validators) -> None: ...


class MemoryFeedState:
    """A FeedState kept in memory, for one process."""

    def __init__(self) -> None:
        self._items: dict[str, Validators] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Validators | None:
        with self._lock:
            return self._items.get(url)

    def put(self, url: str, validators: Validators) -> None:
        with self._lock:
            self._items[url] = validators


@dataclass(frozen=True)
class Page:
    """One fetched response. ``url`` is the final URL after redirects, ``requested`` the one asked for."""

    requested: str
    url: str
    status: int
    content: bytes
    media_type: str  # "text/html", lower case, no parameters; "" when the server sent none
    charset: str | None  # from the Content-Type header
    validators: Validators

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional GET: the feed has not changed."""
        return self.status == 304

    def text(self) -> str:
        """The body decoded: a BOM, the header's charset, a charset the markup declares, UTF-8, windows-1252."""
        data = self.content
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
        labels = [self.charset, declared_charset(data)]
        for label in labels:
            codec = codec_name(label) if label else None
            if codec is None:
                continue
            try:
                return data.decode(codec)
            except UnicodeError:
                continue  # a wrong declaration: try the next guess
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace")  # what browsers assume for undeclared Western pages


class Fetcher:
    """Base of every fetcher: ``fetch(url) -> Page`` or FetchError; ``close()``; a context manager.

    Implementations must be safe to call from several threads at once.
    """

    def fetch(self, url: str, *, validators: Validators | None = None) -> Page:
        """GET ``url``; with ``validators`` the answer may be a 304 Page (``page.not_modified``)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release connections; the fetcher is not used afterwards."""

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class _Retry(Exception):
    """A failure worth another attempt: a timeout, a lost connection, 429 or a 5xx answer."""

    def __init__(self, problem: str, wait: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.wait = wait


class _Fail(Exception):
    """A failure another attempt would repeat: 4xx, too big, a bad redirect."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class _Redirect:
    location: str


class HttpFetcher(Fetcher):
    """The default Fetcher, on httpx.

    Args:
        timeout: seconds one attempt may take, from connecting to the last byte.
        max_bytes: the largest body read; a bigger one fails without reading it all.
        retries: extra attempts after a retryable failure, waiting ``backoff * 2**n`` seconds between them.
        per_host: the most requests in flight to one host name at a time.
        allow_private: reach any address, private, loopback and link-local included.
        allow_networks: private networks (CIDR strings) that may be reached all the same.
        resolve: host name -> addresses; the system resolver by default.
        transport: an httpx transport, for tests of the client itself.
    """

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_PAGE_BYTES,
                 retries: int = DEFAULT_RETRIES, per_host: int = DEFAULT_PER_HOST, user_agent: str = USER_AGENT,
                 allow_private: bool = False, allow_networks: tuple[str, ...] = (), backoff: float = 0.5,
                 max_redirects: int = MAX_REDIRECTS, resolve: Resolver | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = max(0, retries)
        self.per_host = max(1, per_host)
        self.backoff = backoff
        self.max_redirects = max_redirects
        self.policy = AddressPolicy.of(allow_private, allow_networks)
        self._resolve = resolve
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        # trust_env=False: a proxy from the environment would connect to addresses we never checked
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False, transport=transport,
            headers={"User-Agent": user_agent, "Accept": _ACCEPT},
        )

    @classmethod
    def from_settings(cls, settings: Settings, *, allow_private: bool = False) -> HttpFetcher:
        """A fetcher with the ``fetch_*`` settings; a bad ``fetch_allow_networks`` entry raises ConfigError."""
        try:
            AddressPolicy.of(False, settings.fetch_allow_networks)
        except ValueError as e:
            raise ConfigError(f"fetch_allow_networks: {e} (give networks like 10.1.2.0/24)") from None
        return cls(
            timeout=settings.fetch_timeout, max_bytes=settings.max_page_bytes, retries=settings.fetch_retries,
            per_host=settings.fetch_per_host, user_agent=settings.user_agent.replace("{version}", _version()),
            allow_private=allow_private, allow_networks=settings.fetch_allow_networks,
        )

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, validators: Validators | None = None) -> Page:
        current = url
        for _ in range(self.max_redirects + 1):
            try:
                result = self._get(url, current, validators if current == url else None)
            except FetchError:
                raise
            except Exception as e:  # noqa: BLE001 - a response we did not foresee is still one bad page, not a crash
                via = "" if current == url else f" after a redirect to {current}"
                raise FetchError(f"{url}: malformed response{via} ({type(e).__name__}: {_first_line(e)})") from None
            if isinstance(result, Page):
                return replace(result, requested=url)
            current = result.location
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _get(self, origin: str, url: str, validators: Validators | None) -> Page | _Redirect:
        """One hop: check the target, then attempt it up to ``retries + 1`` times."""
        via = "" if url == origin else f" after a redirect to {url}"
        try:
            parts = urlsplit(url)
            host, port = parts.hostname or "", parts.port
        except ValueError as e:
            raise FetchError(f"{origin}: invalid URL{via} ({e})") from None
        if parts.scheme.lower() not in ("http", "https") or not host:
            raise FetchError(f"{origin}: not an http or https URL{via}")
        # checked on our own parse of the host, before the client reads it in its own way
        try:
            addresses = self.policy.addresses(host, port or _default_port(parts.scheme.lower()), self._resolve)
        except Refused as e:
            raise FetchError(f"{origin}: refused: {e.problem}{via} ({ALLOW_HINT})") from None
        except Unresolvable:
            raise FetchError(f"{origin}: cannot resolve the host name '{host}'{via}") from None
        except UnicodeError:  # the resolver's IDNA encoding: a label over 63 characters, a forbidden code point
            raise FetchError(f"{origin}: invalid host name '{host[:100]}'{via}") from None
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as e:
            raise FetchError(f"{origin}: invalid URL{via} ({e})") from None
        last: _Retry | None = None
        for attempt in range(self.retries + 1):
            if last is not None:
                time.sleep(last.wait if last.wait is not None else self.backoff * 2 ** (attempt - 1))
            try:
                return self._attempt(url, parsed, addresses, validators)
            except _Fail as e:
                raise FetchError(f"{origin}: {e.problem}{via}") from None
            except _Retry as e:
                last = e
        assert last is not None
        tries = f" ({self.retries + 1} attempts)" if self.retries else ""
        raise FetchError(f"{origin}: {last.problem}{via}{tries}")

    def _attempt(self, url: str, parsed: httpx.URL, addresses: list[IPAddress],
                 validators: Validators | None) -> Page | _Redirect:
        headers: dict[str, str] = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        # plain HTTP is pinned to the checked addresses; over HTTPS a name that re-resolves to another
        # host fails the certificate check, and pinning would share one TLS connection among names
        candidates: list[IPAddress | None] = list(addresses) if parsed.scheme == "http" and addresses else [None]
        with self._host_slot(parsed.host):
            for i, address in enumerate(candidates):
                request = self._request(parsed, address, headers)
                started = time.monotonic()
                try:
                    response = self._client.send(request, stream=True)
                    try:
                        return self._answer(url, response, validators, started)
                    finally:
                        response.close()
                except httpx.TimeoutException:
                    raise _Retry(f"timed out after {self.timeout:.1f} s") from None
                except httpx.DecodingError as e:  # a gzip or deflate body that is not one
                    raise _Fail(f"cannot decode the compressed body ({_first_line(e)})") from None
                except httpx.InvalidURL as e:  # httpx reads a redirect's Location before we see the response
                    raise _Fail(f"redirect to an invalid Location ({_first_line(e)})") from None
                except UnicodeError as e:  # IDNA in httpx or the resolver: a label over 63 characters, a bad code point
                    raise _Fail(f"invalid host name ({_first_line(e)})") from None
                except httpx.ConnectError as e:
                    if i + 1 < len(candidates):
                        continue  # the name has another address
                    raise _Retry(f"cannot connect ({_reason(e)})") from None
                except httpx.TransportError as e:
                    raise _Retry(f"connection failed ({_reason(e)})") from None
        raise AssertionError("unreachable")

    def _request(self, parsed: httpx.URL, address: IPAddress | None, headers: dict[str, str]) -> httpx.Request:
        """A request to ``parsed``, sent to the checked ``address`` when there is one."""
        if address is None:
            return self._client.build_request("GET", parsed, headers=headers)
        pinned = parsed.copy_with(host=str(address))
        return self._client.build_request("GET", pinned, headers={**headers, "Host": parsed.netloc.decode("ascii")})

    def _answer(self, url: str, response: httpx.Response, sent: Validators | None, started: float) -> Page | _Redirect:
        status = response.status_code
        if status in _REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise _Fail(f"HTTP {status} redirect without a Location")
            try:
                return _Redirect(urljoin(url, location.strip()))
            except ValueError as e:  # "//[bad": an unclosed IPv6 bracket
                raise _Fail(f"redirect to an invalid Location {location[:200]!r} ({e})") from None
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if status == 304:
            return Page(url, url, 304, b"", media_type, None, validators or sent or Validators())
        phrase = f"HTTP {status} {response.reason_phrase or _phrase(status)}".rstrip()
        if status == 429 or status >= 500:
            raise _Retry(phrase, _retry_after(response.headers.get("retry-after")))
        if not 200 <= status < 300:
            raise _Fail(phrase)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise _Fail(self._too_big())
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise _Fail(self._too_big())
            if time.monotonic() - started > self.timeout:
                raise _Retry(f"timed out after {self.timeout:.1f} s")  # a trickle evades read timeouts
            chunks.append(chunk)
        return Page(url, url, status, b"".join(chunks), media_type, response.charset_encoding, validators)

    def _too_big(self) -> str:
        return f"response over the {self.max_bytes / 1e6:.1f} MB limit (raise it with --setting max_page_bytes N)"

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with slot:
            yield


def open_fetcher(settings: Settings, *, allow_private: bool = False) -> HttpFetcher:
    """The default fetcher configured from ``settings``; use it as a context manager."""
    return HttpFetcher.from_settings(settings, allow_private=allow_private)


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header in its seconds form, capped; None to use the backoff."""
    if value is None or not value.strip().isdigit():
        return None
    return min(float(value.strip()), MAX_RETRY_AFTER)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _reason(error: Exception) -> str:
    """The innermost OS reason of a transport error: ``Connection refused`` rather than a chain."""
    text = str(error) or type(error).__name__
    if "] " in text:  # "[Errno 111] Connection refused"
        text = text.rsplit("] ", 1)[1]
    return text.strip()
