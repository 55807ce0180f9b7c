"""The httpx fetcher against a real HTTP server on 127.0.0.1 (the http_server fixture)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from redline.errors import FetchError
from redline.settings import Settings
from redline.sources import read
from redline.sources.web import USER_AGENT, HttpFetcher, MemoryFeedState, Validators, open_fetcher


def fetcher(**kwargs: Any) -> HttpFetcher:
    options: dict[str, Any] = {"allow_private": True, "timeout": 5.0, "backoff": 0.01}
    return HttpFetcher(**{**options, **kwargs})


def error_of(url: str, **kwargs: Any) -> str:
    with fetcher(**kwargs) as f, pytest.raises(FetchError) as err:
        f.fetch(url)
    return str(err.value)


def test_web_fetches_a_page_with_the_user_agent(http_server: Any) -> None:
    url = http_server.url("/kharkiv-strike.html")
    with fetcher() as f:
        page = f.fetch(url)
    assert (page.status, page.url, page.requested, page.media_type) == (200, url, url, "text/html")
    assert "<h1>Russian glide bombs hit Kharkiv power station, thousands without heat</h1>" in page.text()
    seen = [h for p, h in http_server.headers_seen if p == "/kharkiv-strike.html"]
    assert seen[-1]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("redline/0.1.0 (+https://github.com/redline)")


def test_web_404_is_one_line_without_retry(http_server: Any) -> None:
    url = http_server.url("/gone.html")
    assert error_of(url, retries=3) == f"{url}: HTTP 404 Not Found"
    assert http_server.hits["/gone.html"] == 1


def test_web_403_is_not_retried(http_server: Any) -> None:
    url = http_server.url("/forbidden")
    assert error_of(url, retries=2) == f"{url}: HTTP 403 Forbidden"
    assert http_server.hits["/forbidden"] == 1


def test_web_500_then_success_is_retried(http_server: Any) -> None:
    url = http_server.url("/flaky?key=retry-once")
    with fetcher(retries=2) as f:
        page = f.fetch(url)
    assert page.status == 200
    assert http_server.hits["/flaky?key=retry-once"] == 2


def test_web_persistent_5xx_gives_up_after_the_retries(http_server: Any) -> None:
    url = http_server.url("/broken")
    assert error_of(url, retries=2) == f"{url}: HTTP 503 Service Unavailable (3 attempts)"
    assert http_server.hits["/broken"] == 3


def test_web_no_retries_means_one_attempt(http_server: Any) -> None:
    url = http_server.url("/flaky?key=no-retry")
    assert error_of(url, retries=0) == f"{url}: HTTP 500 Internal Server Error"


def test_web_slow_response_times_out(http_server: Any) -> None:
    url = http_server.url("/slow?s=1.5")
    started = time.monotonic()
    assert error_of(url, timeout=0.3, retries=1) == f"{url}: timed out after 0.3 s (2 attempts)"
    assert time.monotonic() - started < 1.5


def test_web_oversized_page_stops_streaming(http_server: Any) -> None:
    url = http_server.url("/big?bytes=3000000")
    assert error_of(url, max_bytes=100_000) == (
        f"{url}: response over the 0.1 MB limit (raise it with --setting max_page_bytes N)"
    )


def test_web_oversized_declared_length_is_refused_up_front(http_server: Any) -> None:
    url = http_server.url("/big?bytes=6000000&declared=1")
    assert error_of(url) == f"{url}: response over the 5.0 MB limit (raise it with --setting max_page_bytes N)"


def test_web_windows_1251_page_decodes_from_the_header(http_server: Any) -> None:
    with fetcher() as f:
        page = f.fetch(http_server.url("/odesa-port.cp1251.html"))
    assert page.charset == "windows-1251"
    text = page.text()
    assert "the port of Odesa (Одеса) overnight" in text
    assert "“The terminal was working for export, nothing else,” Kiper said" in text
    assert "№ 1 for maritime news" in text


def test_web_redirect_is_followed_and_reports_the_final_url(http_server: Any) -> None:
    target = http_server.url("/site-a/wire-zaporizhzhia.html")
    url = http_server.url(f"/redirect?to={target}")
    with fetcher() as f:
        page = f.fetch(url)
    assert (page.requested, page.url, page.status) == (url, target, 200)


def test_web_redirect_to_a_private_address_is_refused(http_server: Any) -> None:
    # 127.0.0.1 is allowed by name, so the first hop reaches the server; the redirect target is not
    url = http_server.url(f"/redirect?to=http://[::1]:{http_server.port}/kharkiv-strike.html")
    assert error_of(url, allow_private=False, allow_networks=("127.0.0.1/32",)) == (
        f"{url}: refused: loopback address ::1 after a redirect to "
        f"http://[::1]:{http_server.port}/kharkiv-strike.html (use --allow-private to allow)"
    )


def test_web_redirect_to_an_encoded_private_address_is_refused(http_server: Any) -> None:
    url = http_server.url("/redirect?to=http://0xa.0.0.1/admin")
    assert error_of(url, allow_private=False, allow_networks=("127.0.0.1/32",)) == (
        f"{url}: refused: private address 10.0.0.1 after a redirect to http://0xa.0.0.1/admin "
        f"(use --allow-private to allow)"
    )


def test_web_allowed_network_connects_to_the_checked_address(http_server: Any) -> None:
    with fetcher(allow_private=False, allow_networks=("127.0.0.1/32",)) as f:
        page = f.fetch(http_server.url("/kharkiv-strike.html"))
    assert page.status == 200
    _, headers = http_server.headers_seen[-1]
    assert headers["Host"] == f"127.0.0.1:{http_server.port}"


def test_web_server_without_allow_private_is_refused(http_server: Any) -> None:
    url = http_server.url("/kharkiv-strike.html")
    assert error_of(url, allow_private=False) == (
        f"{url}: refused: loopback address 127.0.0.1 (use --allow-private to allow)"
    )


def test_web_redirect_loop_stops(http_server: Any) -> None:
    url = http_server.url("/loop")
    assert error_of(url, max_redirects=3) == f"{url}: more than 3 redirects"


def test_web_conditional_get_answers_304(http_server: Any) -> None:
    url = http_server.url("/feed.rss")
    with fetcher() as f:
        first = f.fetch(url)
        again = f.fetch(url, validators=first.validators)
        by_date = f.fetch(url, validators=Validators(last_modified=first.validators.last_modified))
    assert first.validators.etag and first.validators.last_modified == "Tue, 19 Nov 2024 08:00:00 GMT"
    assert (again.status, again.not_modified, again.content) == (304, True, b"")
    assert by_date.not_modified


def test_web_connection_refused_is_one_line() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    url = f"http://127.0.0.1:{port}/"
    assert error_of(url, retries=0) == f"{url}: cannot connect (Connection refused)"


def test_web_per_host_limit_serialises_requests(http_server: Any) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with fetcher(per_host=1) as f, ThreadPoolExecutor(3) as pool:
        started = time.monotonic()
        list(pool.map(lambda _: f.fetch(http_server.url("/slow?s=0.3")), range(3)))
        elapsed = time.monotonic() - started
    assert elapsed >= 0.85  # three 0.3 s answers one after another, not side by side


def test_web_fetcher_from_settings() -> None:
    settings = Settings().with_(fetch_timeout=3.5, max_page_bytes=1000, fetch_retries=1, fetch_per_host=4,
                                fetch_allow_networks=("10.0.0.0/8",))
    with open_fetcher(settings) as f:
        assert (f.timeout, f.max_bytes, f.retries, f.per_host) == (3.5, 1000, 1, 4)
        assert f.policy.problem(__import__("ipaddress").ip_address("10.2.3.4")) is None


def test_web_bad_allowed_network_is_a_config_error() -> None:
    from redline.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        open_fetcher(Settings().with_(fetch_allow_networks=("10.0.0.0/33",)))
    assert str(err.value) == (
        "Settings.with_: fetch_allow_networks must be a list of networks in CIDR form, like 10.1.2.0/24, "
        "got ['10.0.0.0/33'] ('10.0.0.0/33' does not appear to be an IPv4 or IPv6 network)"
    )


def test_web_feed_is_not_refetched_when_unchanged(http_server: Any) -> None:
    state = MemoryFeedState()
    url = http_server.url("/feed.atom")
    first = read(url, allow_private=True, feed_state=state, fetch_threads=1)
    assert len(list(first)) == 2
    assert state.get(url) is not None
    again = read(url, allow_private=True, feed_state=state)
    assert list(again) == []
    assert again.ignored == {"unchanged feed": 1}
