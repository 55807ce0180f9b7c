"""p50/p95 latency of /api/v1/index and /api/v1/events over a store of 100,000 events, on `redline serve`.

The store is generated through the store API (``Store.save_brief`` of synthetic briefs: 1,000 articles of
100 events over two years, eight dyads), then served by `redline serve` in its own process. Each figure is
compared with /api/v1/articles?limit=1 in the same run, the floor of one request through FastAPI, uvicorn
and the store. The index is cached until the next write, so its p50 is a cached answer and the first request
(printed separately) is the uncached cost. Target: p50 <= 100 ms.

Run by hand: `make bench` or `.venv/bin/python bench/bench_api.py [--events 100000] [--requests 60]`.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx

from redline.models import Article, Assessment, Brief, Event, Evidence, Geo
from redline.store import open_store

TYPES = ["ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "ACCUSE", "REJECT", "SANCTION", "CONSULT", "AID"]
ACTORS = [("RUS-MIL", "UKR"), ("UKR-MIL", "RUS"), ("ISR", "IRN"), ("PAK", "AFG"), ("USA", "IRN"),
          ("CHN", "TWN"), ("RUS", "USA"), ("IND", "PAK")]
TEXT = "Forces struck the city with missiles on Tuesday, officials said. " * 4


def synthetic_brief(i: int, per_article: int, start: date, rng: random.Random) -> Brief:
    article = Article(id=f"bench-{i:06d}", title=f"Bench article {i}", text=TEXT, url=None, source="bench",
                      published=datetime.combine(start + timedelta(days=i % 730), datetime.min.time(), UTC),
                      language="en")
    evidence = (Evidence.of(article, 0, 64),)
    events = []
    for k in range(per_article):
        source, target = ACTORS[rng.randrange(len(ACTORS))]
        etype = TYPES[rng.randrange(len(TYPES))]
        day = start + timedelta(days=rng.randrange(730))
        events.append(Event(
            id=f"e{k}", type=etype, mode="", cameo="19", source=source, target=target, location="somewhere",
            geo=Geo(rng.uniform(30, 60), rng.uniform(20, 50), "UKR"), weapons=("missiles",) if k % 3 else (),
            factuality="asserted", intensity=-rng.uniform(0, 10), confidence=0.8, evidence=evidence,
            date=day.isoformat(), text="struck",
        ))
    assessment = Assessment(50.0, "stable", 5, "fighting on contested territory", ())
    return Brief(article, (), (), tuple(events), (), assessment, ())


def build(url: str, n_events: int) -> float:
    rng = random.Random(7)
    per_article = 100
    t0 = time.perf_counter()
    with open_store(url) as store:
        for i in range(n_events // per_article):
            store.save_brief(synthetic_brief(i, per_article, date(2023, 1, 1), rng))
        assert store.counts()["events"] == n_events
    return time.perf_counter() - t0


def timed(client: httpx.Client, path: str, n: int) -> list[float]:
    t0 = time.perf_counter()
    client.get(path).raise_for_status()
    print(f"  first request {path}: {(time.perf_counter() - t0) * 1000:.0f} ms", flush=True)
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        client.get(path).raise_for_status()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="requests per endpoint (default 60)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        build_s = build(url, args.events)
        print(f"store: {args.events:,} events saved through Store.save_brief in {build_s:.1f} s")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--db", url, "--port", str(port)],
                                  stdout=subprocess.PIPE, text=True, env={**os.environ, "REDLINE_API_TOKEN": ""})
        try:
            assert server.stdout is not None
            server.stdout.readline()
            paths = {
                "floor  /api/v1/articles?limit=1": "/api/v1/articles?limit=1",
                "index  all events, by day": "/api/v1/index",
                "index  dyad RUS-UKR, by day": "/api/v1/index?dyad=RUS-UKR",
                "index  dyad RUS-UKR, 90 days": "/api/v1/index?dyad=RUS-UKR&since=2024-01-01&until=2024-03-31",
                "events first page (100)": "/api/v1/events",
                "events actor=RUS, 30 days": "/api/v1/events?actor=RUS&since=2024-06-01&until=2024-06-30",
                "events page at offset 50,000": "/api/v1/events?offset=50000",
                "events weapon=missiles, type=ASSAULT": "/api/v1/events?weapon=missiles&type=ASSAULT",
            }
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                for _ in range(100):
                    try:
                        client.get("/api/v1/articles?limit=1")
                        break
                    except httpx.ConnectError:
                        time.sleep(0.1)
                results = {label: timed(client, path, args.requests) for label, path in paths.items()}
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    floor = statistics.median(results["floor  /api/v1/articles?limit=1"])
    print(f"{'request':40} {'p50 ms':>8} {'p95 ms':>8} {'p50/floor':>10}")
    for label, times in results.items():
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{label:40} {p50:8.1f} {p95:8.1f} {p50 / floor:10.1f}")
    print("target: p50 <= 100 ms for /api/v1/index and /api/v1/events")


if __name__ == "__main__":
    main()
