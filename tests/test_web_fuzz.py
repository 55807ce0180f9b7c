"""Property-based runs against a real server: no HTTP 500, every error in the one JSON shape (HTML on pages).

1. Every API operation from the OpenAPI spec (schemathesis' strategies under plain hypothesis, because its
   pytest plugin does not load under the pytest this project uses); every query parameter and body field
   must show up in the generated cases.
2. Every query parameter of the API and of the pages with arbitrary text (control characters, lone
   surrogates, bytes that are not UTF-8), and POST /api/v1/analyze with arbitrary bytes and arbitrary JSON.

CI runs a bounded number of examples; ``make fuzz-api`` sets REDLINE_FUZZ_EXAMPLES for the long campaign.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote_from_bytes

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

EXAMPLES = int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
API_QUERIES = {
    "/api/v1/articles": ["limit", "offset"],
    "/api/v1/briefs": ["limit", "offset"],
    "/api/v1/events": ["since", "until", "actor", "source", "target", "type", "weapon", "located", "article_id",
                       "limit", "offset"],
    "/api/v1/index": ["dyad", "since", "until", "by"],
    "/api/v1/ledger": ["actor", "kind", "as_of", "limit", "offset"],
    "/api/v1/scenarios": ["limit", "offset"],
    "/api/v1/search": ["q", "limit", "offset"],
}
PAGE_QUERIES = {
    "/": ["by", "window"],
    "/map": ["since", "until", "actor", "type", "weapon"],
    "/scenarios": ["dyad", "given"],
    "/ledger": ["actor", "as_of"],
    "/search": ["q"],
}
ANALYZE_FIELDS = ("text", "url", "title", "published", "store")

# Query values as raw bytes, percent-encoded as sent: text, numbers and dates near their limits, and bytes
# that are not UTF-8 (a lone surrogate encoded as UTF-8 among them).
query_bytes = st.one_of(
    st.text().map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.binary(max_size=40),
    st.sampled_from([b"", b"0", b"-1", b"1001", b"99999999999999999999", b"nan", b"true", b"9999-12-31",
                     b"0001-01-01", b"2024-02-30", b"\xed\xa0\x80", b"\x00", b"RUS-UKR", b"RUS:UKR", b"week"]),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=300),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
# url values never name a host that would need DNS: no scheme, other schemes, or this machine (refused).
url_values = st.one_of(st.text(max_size=60), st.sampled_from(["ftp://x", "javascript:alert(1)", "http://127.0.0.1:1/a",
                                                              "http://[::1]/", "http://0.0.0.0/", "https://"]))
analyze_bodies = st.fixed_dictionaries({}, optional={
    "text": st.one_of(json_values, st.text(min_size=20, max_size=400)),
    "url": st.one_of(json_values.filter(lambda v: not isinstance(v, str)), url_values),
    "title": json_values, "published": json_values, "store": json_values,
    "extra": json_values,
})


def assert_error_shape(response: httpx.Response) -> None:
    assert response.status_code < 500, (response.request.url, response.status_code, response.text[:300])
    if response.status_code >= 400 and response.request.url.path.startswith("/api/"):
        error = response.json()["error"]
        assert error["status"] == response.status_code and error["message"]


@pytest.mark.slow
def test_web_fuzz_no_server_error(fuzz_schema: Any, fuzz_server: str, api_token: str) -> None:
    operations = [result.ok() for result in fuzz_schema.get_all_operations()]
    assert len(operations) == 12
    calls: list[str] = []
    for operation in operations:

        @FUZZ
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            calls.append(case.operation.label)
            case.call_and_validate(base_url=fuzz_server, headers={"Authorization": f"Bearer {api_token}"},
                                   checks=[not_a_server_error], timeout=60)

        run()
    assert len(set(calls)) == 12
    spec = fuzz_schema.raw_schema["paths"]
    declared = {p: sorted(q["name"] for q in spec[p]["get"].get("parameters", []) if q["in"] == "query")
                for p in spec if "get" in spec[p] and p.count("{") == 0}
    assert {p: q for p, q in declared.items() if q} == {p: sorted(n) for p, n in API_QUERIES.items() if n}  # all run
    assert sorted(spec["/api/v1/analyze"]["post"]["requestBody"]["content"]["application/json"]["schema"]
                  ["properties"]) == sorted(ANALYZE_FIELDS)


@pytest.mark.slow
@pytest.mark.parametrize("path", [*API_QUERIES, *PAGE_QUERIES])
def test_web_fuzz_every_query_parameter(fuzz_server: str, path: str) -> None:
    names = (API_QUERIES | PAGE_QUERIES)[path]
    sent: set[str] = set()

    @FUZZ
    @given(values=st.dictionaries(st.sampled_from(names), query_bytes, min_size=1))
    @example(values=dict.fromkeys(names, b"\xed\xa0\x80"))  # every parameter at least once
    def run(values: dict[str, bytes]) -> None:
        sent.update(values)
        query = "&".join(f"{name}={quote_from_bytes(value)}" for name, value in values.items())
        response = httpx.get(f"{fuzz_server}{path}?{query}", timeout=60)
        assert_error_shape(response)
        assert response.headers["x-content-type-options"] == "nosniff"

    run()
    assert sent == set(names)


@pytest.mark.slow
def test_web_fuzz_analyze_bodies(fuzz_server: str, api_token: str) -> None:
    auth = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/json"}
    statuses: set[int] = set()

    @FUZZ
    @given(body=st.one_of(st.binary(max_size=200), st.tuples(analyze_bodies, st.booleans()).map(
        lambda b: json.dumps(b[0], ensure_ascii=b[1]).encode("utf-8", "surrogatepass"))))
    @example(body=json.dumps({"text": "\ud800" * 30, "url": None, "title": [1], "published": "9999-99-99",
                              "store": "no"}).encode())  # every field at least once
    def run(body: bytes) -> None:
        response = httpx.post(fuzz_server + "/api/v1/analyze", content=body, headers=auth, timeout=120)
        assert_error_shape(response)
        statuses.add(response.status_code)

    run()
    assert statuses <= {200, 413, 422}
