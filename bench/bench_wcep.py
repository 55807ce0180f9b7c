"""`redline batch` throughput on short Wikipedia Current Events items, beside bare nlp.pipe, in one run.

The slice: the first ``--items`` reports (``"is_event": true``) of ``--year`` in the Current Events file
(about 190 characters each: the per-document cost outside spaCy weighs most on such items). Printed:

- bare ``nlp.pipe`` of a freshly loaded, unchanged model over the same texts (items/s, model loaded before timing);
- ``redline batch`` of the slice with 1 worker (``--runner local``) and with 2 (``--runner processes``), each in a
  fresh process on a fresh SQLite store and output folder, timed from start to end (model loads, Parquet tables and
  the store included), with its peak memory; the ratio to bare ``nlp.pipe``; the 1 -> 2 speed-up;
- the time 2014-2024 of the file would take at the 2-worker rate (its reports counted by a pass over the file).

Run by hand: `.venv/bin/python bench/bench_wcep.py [--items 3000] [--year 2019] [--corpus PATH]`.
Other work on the machine slows every figure: compare the ratios printed in one run, and the load average.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/data/wcep/wcep_items_2002_2024.jsonl.gz")


def build_slice(corpus: Path, year: str, n: int, path: Path) -> tuple[int, int]:
    """Write the first ``n`` reports of ``year`` to ``path``; return (written, reports dated 2014-2024)."""
    written = decade = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, path.open("w", encoding="utf-8") as out:
        for line in f:
            record = json.loads(line)
            if not record.get("is_event"):
                continue
            day = str(record.get("date") or "")
            decade += "2014" <= day[:4] <= "2024"
            if written < n and day.startswith(year):
                out.write(line if line.endswith("\n") else line + "\n")
                written += 1
    return written, decade


def run_one(corpus: Path, workers: int) -> None:
    """One `redline batch` configuration in this process: prints a JSON line with its figures."""
    from redline.runner import make_runner
    from redline.runner.batch import batch
    from redline.settings import Settings
    from redline.store import open_store

    work = Path(tempfile.mkdtemp(prefix="redline-bench-wcep-"))
    t0 = time.perf_counter()
    with open_store(f"sqlite:///{work / 'bench.db'}") as store, \
            make_runner(workers, "local" if workers == 1 else "processes") as runner:
        report = batch([str(corpus)], work / "out", Settings(), runner=runner, store=store)
    seconds = time.perf_counter() - t0
    shutil.rmtree(work)
    print(json.dumps({"items": report.processed, "events": report.events, "new": report.new,
                      "skipped": report.skipped, "seconds": seconds,
                      "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def bare(corpus: Path) -> float:
    """Items per second of bare nlp.pipe of the unchanged model over the slice's texts (after loading it)."""
    import spacy

    from redline.settings import Settings

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    nlp = spacy.load(Settings().model)
    for _doc in nlp.pipe(texts[:100]):
        pass
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts):
        pass
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the Current Events file")
    parser.add_argument("--items", type=int, default=3000, help="reports in the slice (default 3000)")
    parser.add_argument("--year", default="2019", help="year the slice is taken from (default 2019)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--one", nargs=2, metavar=("CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(Path(args.one[0]), int(args.one[1]))
        return
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: no such file (give the Current Events file with --corpus)")
    work = Path(tempfile.mkdtemp(prefix="redline-bench-wcep-"))
    try:
        sliced = work / f"wcep-{args.year}.jsonl"
        n, decade = build_slice(args.corpus, args.year, args.items, sliced)
        chars = sum(len(json.loads(line)["text"]) for line in sliced.open(encoding="utf-8"))
        print(f"slice: {n} reports of {args.year} ({chars / max(n, 1):.0f} chars each on average); "
              f"2014-2024 holds {decade} reports; cores: {os.cpu_count()}; "
              f"load average before: {os.getloadavg()[0]:.1f}")
        base = bare(sliced)
        print(f"bare nlp.pipe (model loaded):   {base:6.1f} items/s")
        rates: dict[int, float] = {}
        for workers in (int(w) for w in args.workers.split(",")):
            out = subprocess.run([sys.executable, __file__, "--one", str(sliced), str(workers)],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            rates[workers] = r["items"] / r["seconds"]
            print(f"redline batch workers={workers}:    {rates[workers]:6.1f} items/s  (ratio to bare "
                  f"{rates[workers] / base:.2f}; {r['items']} items, {r['events']} events, {r['new']} new, "
                  f"{r['skipped']} skipped in {r['seconds']:.0f} s; peak RSS parent {r['rss_self_mb']:.0f} MB, "
                  f"largest worker {r['rss_worker_mb']:.0f} MB)")
        if 1 in rates and len(rates) > 1:
            best = max(w for w in rates if w != 1)
            print(f"speed-up {best} workers / 1: {rates[best] / rates[1]:.2f}x")
        fastest = max(rates.values())
        print(f"2014-2024 ({decade} reports) at {fastest:.1f} items/s: {decade / fastest / 60:.0f} min")
        print(f"load average after: {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
