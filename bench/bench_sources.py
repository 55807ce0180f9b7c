"""Source readers: streaming a CSV corpus against reading the same rows as one JSONL file, and fetching a
feed's linked pages one at a time against four at a time, from a local server with a fixed page delay.

Run by hand: `.venv/bin/python bench/bench_sources.py [--rows N] [--pages N] [--delay S]`.
"""

from __future__ import annotations

import argparse
import csv
import http.server
import json
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from redline.sources import HttpFetcher, read

PAGE = (Path(__file__).resolve().parent.parent / "tests" / "pages" / "kharkiv-strike.html").read_bytes()
TEXT = ("Russian forces shelled Kharkiv overnight, regional officials said on Tuesday, and a power station "
        "was hit by glide bombs launched from Su-34 jets over the Belgorod region. ") * 4


def measure(fn: Callable[[], int]) -> tuple[int, float, float]:
    """(items, seconds, peak MB of Python allocations)."""
    tracemalloc.start()
    t0 = time.perf_counter()
    n = fn()
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return n, seconds, peak


def corpus(rows: int, folder: Path) -> None:
    csv_path, jsonl_path = folder / "corpus.csv", folder / "corpus.jsonl"
    records = [{"title": f"Story {i}", "text": f"{i}. {TEXT}", "url": f"https://news.example/{i}",
                "published": "2024-11-19", "source": "Wire"} for i in range(rows)]
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    jsonl_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    del records
    size = csv_path.stat().st_size / 1e6

    n1, s1, m1 = measure(lambda: sum(1 for _ in read(str(csv_path))))
    n2, s2, m2 = measure(lambda: sum(1 for _ in read(str(jsonl_path), max_bytes=10**10)))
    print(f"corpus of {rows} rows ({size:.1f} MB)")
    print(f"  CSV, streamed:      {n1 / s1:10.0f} rows/s  peak {m1:7.1f} MB")
    print(f"  JSONL, read whole:  {n2 / s2:10.0f} rows/s  peak {m2:7.1f} MB  (baseline)")
    print(f"  peak memory ratio baseline/streamed: {m2 / max(m1, 0.01):.0f}x")


class _Slow(http.server.BaseHTTPRequestHandler):
    server: Any

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/feed.rss":
            items = "".join(f"<item><title>Story {i}</title><link>{self.server.base}/p/{i}</link></item>"
                            for i in range(self.server.pages))
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
            kind = "application/rss+xml"
        else:
            time.sleep(self.server.delay)  # a remote server's latency
            body, kind = PAGE, "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def feed(pages: int, delay: float) -> None:
    server: Any = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    server.daemon_threads = True
    server.base, server.pages, server.delay = f"http://127.0.0.1:{server.server_address[1]}", pages, delay
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"feed of {pages} linked pages, {delay * 1000:.0f} ms per page on the server")
    results = []
    for threads in (1, 4):
        def run(threads: int = threads) -> int:
            with HttpFetcher(allow_private=True, per_host=4) as fetcher:
                return sum(1 for _ in read(server.base + "/feed.rss", fetcher=fetcher, fetch_threads=threads))
        n, seconds, _ = measure(run)
        results.append(n / seconds)
        label = "(baseline)" if threads == 1 else ""
        print(f"  fetch_threads={threads}:  {n / seconds:8.1f} pages/s {label}")
    print(f"  speed-up: {results[1] / results[0]:.1f}x")
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000, help="rows of the corpus (default 50000)")
    parser.add_argument("--pages", type=int, default=200, help="linked pages in the feed (default 200)")
    parser.add_argument("--delay", type=float, default=0.05, help="server delay per page in s (default 0.05)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus(args.rows, Path(folder))
    feed(args.pages, args.delay)


if __name__ == "__main__":
    main()
