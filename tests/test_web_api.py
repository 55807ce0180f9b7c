"""The REST API against a real uvicorn server over a store seeded by the real pipeline."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest


def get(base: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=30)


def test_web_api_articles_paginate(web_server: str, xss_payloads: tuple[str, ...]) -> None:
    first = get(web_server, "/api/v1/articles", limit=5).json()
    second = get(web_server, "/api/v1/articles", limit=5, offset=5).json()
    assert (first["limit"], first["offset"], first["next_offset"]) == (5, 0, 5)
    assert len(first["items"]) == 5 and len(second["items"]) == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    published = [a["published"] for a in first["items"] + second["items"]]
    assert published == sorted(published, reverse=True)
    everything = get(web_server, "/api/v1/articles", limit=1000).json()
    assert len(everything["items"]) == 22 + 1 + len(xss_payloads) and everything["next_offset"] is None


def test_web_api_brief_is_the_stored_contract(web_server: str, founding_brief: Any) -> None:
    aid = founding_brief.article.id
    assert get(web_server, f"/api/v1/briefs/{aid}").json() == json.loads(json.dumps(founding_brief.to_dict()))
    article = get(web_server, f"/api/v1/articles/{aid}").json()
    assert article["text"] == founding_brief.article.text


def test_web_api_events_filters(web_server: str, web_store_url: str) -> None:
    from redline.store import open_store

    with open_store(web_store_url) as store:
        expected = store.events(actor="PAK", since="2025-03-11", until="2025-03-13", limit=None)
        atacms = store.events(weapon="ATACMS", limit=None)
    body = get(web_server, "/api/v1/events", actor="PAK", since="2025-03-11", until="2025-03-13",
               limit=1000).json()
    assert body["items"] == expected and expected
    assert all("PAK" in {(e["source"] or "")[:3], (e["target"] or "")[:3]} for e in expected)
    assert get(web_server, "/api/v1/events", weapon="ATACMS").json()["items"] == atacms and atacms
    located = get(web_server, "/api/v1/events", located="true", limit=1000).json()["items"]
    assert located and all(e["geo"] is not None for e in located)


def test_web_api_index_points_carry_their_events(web_server: str) -> None:
    body = get(web_server, "/api/v1/index").json()
    assert body["by"] == "day" and body["points"]
    dyad = body["dyads"][0]["dyad"]
    series = get(web_server, "/api/v1/index", dyad=dyad).json()["points"]
    assert series
    for point in series:
        assert point["value"] == pytest.approx(point["kinetic"] + point["rhetorical"], abs=0.011)
        assert point["events"] == len(point["event_ids"])
        ref = point["event_ids"][0]
        events = get(web_server, "/api/v1/events", article_id=ref["article_id"], limit=1000).json()["items"]
        event = next(e for e in events if e["id"] == ref["id"])
        assert event["date"] == point["date"]
    monthly = get(web_server, "/api/v1/index", by="month").json()["points"]
    assert all(p["date"].endswith("-01") for p in monthly)
    assert sum(p["events"] for p in monthly) == sum(p["events"] for p in body["points"])


def test_web_api_scenarios_and_ledger(web_server: str, founding_brief: Any) -> None:
    scenarios = get(web_server, "/api/v1/scenarios", limit=1000).json()["items"]
    probabilities = [s["probability"] for s in scenarios]
    assert probabilities == sorted(probabilities, reverse=True)
    assert {s.id for s in founding_brief.scenarios} <= {s["id"] for s in scenarios}
    ledger = get(web_server, "/api/v1/ledger", limit=1000).json()
    zakharova = [e for e in ledger["items"] if e["origin"] == founding_brief.article.id]
    assert zakharova and zakharova[0]["issuer"] == founding_brief.threats[0].actor
    assert any(e["origin"] == "seed" for e in ledger["items"])
    issuers = {c["issuer"] for c in ledger["credibility"] if c["kind"] is None}
    assert issuers == {e["issuer"] for e in ledger["items"]}
    only = get(web_server, "/api/v1/ledger", actor="RUS", kind="nuclear").json()["items"]
    assert only and all((e["issuer"], e["kind"]) == ("RUS", "nuclear") for e in only)


def test_web_api_search(web_server: str, founding_brief: Any) -> None:
    hits = get(web_server, "/api/v1/search", q="ATACMS Zakharova").json()["items"]
    assert [h["id"] for h in hits] == [founding_brief.article.id]
    assert "\ue000ATACMS\ue001" in hits[0]["snippet"] or "\ue000Zakharova\ue001" in hits[0]["snippet"]
    assert get(web_server, "/api/v1/search", q='"unbalanced OR ( NEAR').json()["items"] == []


@pytest.mark.parametrize(
    ("path", "params", "status", "message"),
    [
        ("/api/v1/articles/nope", {}, 404, "article 'nope': not found"),
        ("/api/v1/briefs/nope", {}, 404, "brief of article 'nope': not found"),
        ("/api/v1/events", {"limit": "0"}, 422, "query.limit: Input should be greater than or equal to 1"),
        ("/api/v1/events", {"since": "yesterday"}, 422,
         "query.since: Input should be a valid date or datetime, input is too short"),
        ("/api/v1/nothing", {}, 404, "Not Found"),
    ],
)
def test_web_api_error_shape(web_server: str, path: str, params: dict[str, str], status: int, message: str) -> None:
    response = get(web_server, path, **params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert (error["status"], error["message"]) == (status, message)


def test_web_api_analyze_needs_the_token(web_server: str) -> None:
    url = web_server + "/api/v1/analyze"
    body = {"text": "Russia fired missiles at Kyiv on Monday, officials said.", "store": False}
    missing = httpx.post(url, json=body)
    wrong = httpx.post(url, json=body, headers={"Authorization": "Bearer nope"})
    for response in (missing, wrong):
        assert response.status_code == 401
        assert response.json()["error"]["message"] == (
            "Authorization: missing or wrong bearer token (send Authorization: Bearer $REDLINE_API_TOKEN)"
        )


def test_web_api_analyze_text_returns_and_stores_brief(web_server: str, founding_text: str, api_token: str) -> None:
    title, _, body = founding_text.partition("\n")
    response = httpx.post(web_server + "/api/v1/analyze", timeout=60, headers={"Authorization": f"Bearer {api_token}"},
                          json={"text": body, "title": title, "published": "2024-11-19"})
    assert response.status_code == 200, response.text
    brief = response.json()
    assert brief["article"]["title"] == title
    assert any("ATACMS" in t["trigger"] for t in brief["threats"])
    assert get(web_server, f"/api/v1/briefs/{brief['article']['id']}").json() == brief


def test_web_api_analyze_rejects_bad_bodies(web_server: str, api_token: str) -> None:
    auth = {"Authorization": f"Bearer {api_token}"}
    url = web_server + "/api/v1/analyze"
    both = httpx.post(url, headers=auth, json={"text": "x", "url": "https://example.org/a"})
    assert both.status_code == 422
    assert both.json()["error"]["message"] == "body: give exactly one of text or url"
    local = httpx.post(url, headers=auth, json={"url": "/etc/passwd"})
    assert local.json()["error"]["message"] == (
        "url '/etc/passwd': not an http(s) URL (give an http:// or https:// address)"
    )
    huge = httpx.post(url, headers=auth, json={"text": "war " * 60_000})
    assert huge.status_code == 413
    assert huge.json()["error"]["message"] == (
        "request body: larger than 200000 bytes (send less; the limit is the max_request_bytes setting)"
    )


def test_web_api_writes_refused_without_server_token(sqlite_url: str, serve_app: Any) -> None:
    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    with open_store(sqlite_url) as store, serve_app(create_app(Settings(), store)) as base:
        response = httpx.post(base + "/api/v1/analyze", json={"text": "x"}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403
    assert response.json()["error"]["message"] == (
        "writes are disabled on this server (start it with REDLINE_API_TOKEN set)"
    )


def test_web_api_security_headers_and_no_cors(web_server: str) -> None:
    response = httpx.get(web_server + "/api/v1/articles", headers={"Origin": "https://evil.example"})
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not any(h.startswith("access-control-") for h in response.headers)
    preflight = httpx.options(web_server + "/api/v1/analyze", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 405
    assert not any(h.startswith("access-control-") for h in preflight.headers)


def test_web_api_openapi_lists_every_route(web_server: str) -> None:
    spec = get(web_server, "/api/v1/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/briefs", "/api/v1/briefs/{article_id}",
        "/api/v1/events", "/api/v1/index", "/api/v1/ledger", "/api/v1/scenarios", "/api/v1/search",
        "/api/v1/analyze", "/api/v1/review", "/api/v1/review/{proposal_id}",
    }


@pytest.mark.parametrize("path", ["/", "/scenarios", "/ledger", "/search?q=Kharkiv", "/search?q=XSS"])
def test_web_pages_escape_stored_payloads(web_server: str, path: str, xss_payloads: tuple[str, ...]) -> None:
    text = httpx.get(web_server + path, timeout=30).text
    for payload in xss_payloads[:4]:
        assert payload not in text
    assert "<script>alert" not in text and "<img src=x" not in text and "<svg onload" not in text


def test_web_article_page_escapes_stored_payloads(web_server: str, xss_payloads: tuple[str, ...]) -> None:
    articles = get(web_server, "/api/v1/articles", limit=1000).json()["items"]
    xss = [a for a in articles if a["title"].startswith("XSS test")]
    assert len(xss) == len(xss_payloads)
    for article in xss:
        page = httpx.get(f"{web_server}/articles/{article['id']}").text
        assert "&lt;script&gt;" in page or "&lt;img" in page or "&lt;svg" in page or "&lt;/textarea" in page \
            or "{{ 7*7 }}" in page
        assert "<script>alert" not in page and "onerror=alert" not in page.replace("onerror=alert(&#34;", "")
        assert "49" not in page.split("<div class=\"body\">")[1].split("</div>")[0]


def test_web_api_analyze_url_refuses_private_addresses(web_server: str, api_token: str) -> None:
    response = httpx.post(web_server + "/api/v1/analyze", headers={"Authorization": f"Bearer {api_token}"},
                          json={"url": web_server + "/api/v1/articles"})
    assert response.status_code == 422
    host = web_server.removeprefix("http://").split(":")[0]
    assert response.json()["error"]["message"] == (
        f"{web_server}/api/v1/articles: refused: loopback address {host} (use --allow-private to allow)"
    )
