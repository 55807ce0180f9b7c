"""Ingest throughput (articles/s) with 1 and 2 worker processes, on SQLite and PostgreSQL, with peak memory.

Run by hand: `.venv/bin/python bench/bench_ingest.py [--articles 2000] [--pg URL] [--mode ingest|batch]`
(the PostgreSQL URL defaults to REDLINE_TEST_PG_URL; without one only SQLite runs).

The corpus: every article is 20 to 30 sentences drawn at random (fixed seed) from the sentences of the
75 bundled articles (22 sample VOA stories, 52 from tests/data/voa_more.jsonl, the founding example),
with its own URL. Two such articles share almost no 5-word shingle, so none is a duplicate and every one
is analysed: the figures are the cost of new articles. Each configuration runs in a fresh process on a
fresh database; its time includes starting the workers and loading the model in each. Peak memory is the
largest resident set of the run's process and of any of its worker processes; CPU per article is the CPU
seconds of the run's process (with one worker, the analysis runs in it) and of its workers over the new articles,
steadier than articles/s on a busy machine. With workers, the time the parent waited for a worker's result
(``ProcessRunner.waited_s``) says which side bounds the run: most of it when the workers do, little when the
parent (reading, deduplicating, storing) does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def build_corpus(n: int, path: Path) -> None:
    records = [json.loads(line) for line in (ROOT / "redline/data/sample/voa_articles.jsonl").open()]
    records += [json.loads(line) for line in (ROOT / "tests/data/voa_more.jsonl").open()]
    texts = [r["text"] for r in records] + [(ROOT / "redline/data/sample/ukraine-1000th-day.txt").read_text()]
    sentences = [s.strip() for t in texts for s in SENTENCE_RE.split(t) if len(s.split()) >= 5]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            body = " ".join(rng.sample(sentences, rng.randint(20, 30)))
            f.write(json.dumps({"url": f"https://bench.example/{i}", "published": "2025-03-14",
                                "title": f"Bench article {i}", "text": body}) + "\n")


def run_one(corpus: Path, url: str, workers: int, mode: str = "ingest", start: str = "forkserver") -> None:
    """One configuration in this process: prints a JSON line with the figures."""
    from functools import partial

    from redline.intake import ingest
    from redline.runner import LocalRunner, ProcessRunner, Runner
    from redline.runner.batch import batch
    from redline.runner.processes import forkserver_pid
    from redline.settings import Settings
    from redline.sources import read
    from redline.store import open_store

    settings = Settings()
    t0 = time.perf_counter()
    runner: Runner = (ProcessRunner(workers, settings, start) if workers > 1 or mode == "batch"
                      else LocalRunner())
    server_cpu_s = 0.0
    started = time.perf_counter()
    with runner:
        if mode == "batch":
            out = Path(tempfile.mkdtemp(prefix="redline-bench-batch-"))
            with open_store(url) as store:
                report = batch([str(corpus)], out, settings, runner=runner, store=store, size=50)
            shutil.rmtree(out)
        else:
            with open_store(url) as store:
                report = ingest([str(corpus)], store, settings, read=partial(read), runner=runner)
        pid = forkserver_pid() if isinstance(runner, ProcessRunner) and start == "forkserver" else None
        if pid is not None:  # the fork server's own CPU: its one load of the pipeline, before any fork
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            server_cpu_s = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    seconds = time.perf_counter() - t0
    stored_s = time.perf_counter() - started  # the run after the runner was made, the span ``waited_s`` is part of
    own = resource.getrusage(resource.RUSAGE_SELF)
    usage = runner.worker_usage() if isinstance(runner, ProcessRunner) else []
    print(json.dumps({"new": report.new, "duplicate": report.duplicate, "skipped": report.skipped,
                      "seconds": seconds, "rss_self_mb": own.ru_maxrss / 1024,
                      "rss_worker_mb": max((mb for _p, _c, mb in usage), default=0.0),
                      "cpu_self_s": own.ru_utime + own.ru_stime,
                      "cpu_workers_s": sum(c for _p, c, _mb in usage),
                      "cpu_server_s": server_cpu_s, "start": start,
                      "waited_s": runner.waited_s if isinstance(runner, ProcessRunner) else None,
                      "run_s": stored_s}))


def fresh_pg(base: str) -> str:
    import sqlalchemy as sa

    name = f"redline_bench_{os.getpid()}_{os.urandom(3).hex()}"
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return f"{base.rsplit('/', 1)[0]}/{name}"


def drop_pg(url: str) -> None:
    import sqlalchemy as sa

    base, name = url.rsplit("/", 1)
    engine = sa.create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--pg", default=os.environ.get("REDLINE_TEST_PG_URL", ""), help="PostgreSQL server URL")
    parser.add_argument("--mode", choices=("ingest", "batch"), default="ingest",
                        help="`redline ingest` (article by article) or `redline batch` (partitions of 50, "
                             "processes runner, 100 briefs per transaction)")
    parser.add_argument("--start", default="forkserver",
                        help="how worker processes start: forkserver, spawn, or both to compare (spawn,forkserver)")
    parser.add_argument("--one", nargs=5, metavar=("CORPUS", "URL", "WORKERS", "MODE", "START"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(Path(args.one[0]), args.one[1], int(args.one[2]), args.one[3], args.one[4])
        return
    work = Path(tempfile.mkdtemp(prefix="redline-bench-"))
    corpus = work / "corpus.jsonl"
    build_corpus(args.articles, corpus)
    print(f"corpus: {args.articles} articles, {corpus.stat().st_size / 1e6:.1f} MB; cores: {os.cpu_count()}; "
          f"load average before: {os.getloadavg()[0]:.1f}")
    stores = [("sqlite", lambda: f"sqlite:///{work / f'bench-{time.time_ns()}.db'}")]
    if args.pg:
        stores.append(("postgresql", lambda: fresh_pg(args.pg)))
    starts = args.start.split(",")
    for name, make_url in stores:
        rates: dict[tuple[int, str], float] = {}
        for workers in (int(w) for w in args.workers.split(",")):
            for start in starts if workers > 1 or args.mode == "batch" else ["-"]:
                url = make_url()
                try:
                    out = subprocess.run([sys.executable, __file__, "--one", str(corpus), url, str(workers),
                                          args.mode, start if start != "-" else starts[0]],
                                         check=True, capture_output=True, text=True).stdout
                finally:
                    if name == "postgresql":
                        drop_pg(url)
                r = json.loads(out.strip().splitlines()[-1])
                rates[workers, start] = r["new"] / r["seconds"]
                per = 1000 / max(1, r["new"])
                print(f"{args.mode} {name:<10} workers={workers} {start:<10}: {rates[workers, start]:6.1f} articles/s  "
                      f"({r['new']} new, {r['duplicate']} duplicate, {r['skipped']} skipped in {r['seconds']:.0f} s)  "
                      f"peak RSS parent {r['rss_self_mb']:.0f} MB, largest worker {r['rss_worker_mb']:.0f} MB; "
                      f"CPU per article: parent {per * r['cpu_self_s']:.0f} ms, workers {per * r['cpu_workers_s']:.0f} "
                      f"ms, fork server {per * r['cpu_server_s']:.0f} ms (its one load: {r['cpu_server_s']:.1f} s)"
                      + ("" if r["waited_s"] is None else
                         f"; parent waited for workers {r['waited_s']:.0f} of {r['run_s']:.0f} s"))
        ones = [rate for (w, _s), rate in rates.items() if w == 1]
        for (w, start), rate in rates.items():
            if w != 1 and ones:
                print(f"{name:<10} speed-up {w} workers ({start}) / 1: {rate / ones[0]:.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
