"""Articles per second of the whole redline pipeline against bare nlp.pipe of the same model, in one run.

The baseline is ``nlp.pipe`` of a freshly loaded, unchanged en_core_web_sm (every component); redline runs
``pipeline.analyze_many`` (its own ``nlp.pipe`` batching plus every stage after parsing), once with the sentence
prefilter (the default) and once without. All in this process, one after the other.

Run by hand: `make bench` or `.venv/bin/python bench/bench_analyze.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from dataclasses import replace
from pathlib import Path

import spacy

from redline.ingest import normalize
from redline.models import Brief, RawDocument
from redline.pipeline import Context, analyze_many, run_one
from redline.settings import Settings

SAMPLE = Path(__file__).resolve().parent.parent / "redline" / "data" / "sample"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the sample (default 3)")
    args = parser.parse_args()
    records = [json.loads(line) for line in (SAMPLE / "voa_articles.jsonl").read_text("utf-8").splitlines()]
    founding = (SAMPLE / "ukraine-1000th-day.txt").read_text("utf-8")
    raws = [RawDocument(origin=r["id"], text=r["text"], title=r["title"], url=r["url"], published=r["published"])
            for r in records] + [RawDocument(origin="founding", text=founding)]
    texts = [r.text for r in raws]
    t0 = time.perf_counter()
    ctx = Context.load(Settings())
    load_s = time.perf_counter() - t0
    run_one(raws[0], ctx)  # warm caches (gazetteer matchers, lexicon)
    n = len(raws) * args.repeat
    chars = sum(len(t) for t in texts) * args.repeat

    bare_nlp = spacy.load(Settings().model)
    articles = [normalize(raw, ctx.settings) for raw in raws]
    for _doc in bare_nlp.pipe(texts[:2]):
        pass

    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for _doc in bare_nlp.pipe(texts):
            pass
    bare = time.perf_counter() - t0

    def timed(context: Context) -> tuple[float, int]:
        t0 = time.perf_counter()
        skips = 0
        for _ in range(args.repeat):
            skips += sum(not isinstance(r, Brief) for r in analyze_many(articles, context))
        return time.perf_counter() - t0, skips

    full, skips = timed(ctx)
    unfiltered, _ = timed(Context(replace(ctx.settings, prefilter=False), ctx.nlp, ctx.gazetteer))

    print(f"articles: {n} ({chars / n:.0f} chars each on average), skipped: {skips}")
    print(f"context load (model + gazetteers): {load_s:.2f} s")
    print(f"bare nlp.pipe:      {n / bare:7.1f} articles/s  ({bare:.2f} s)")
    print(f"redline pipeline:   {n / full:7.1f} articles/s  ({full:.2f} s)")
    print(f"  without prefilter: {n / unfiltered:6.1f} articles/s  ({unfiltered:.2f} s)")
    print(f"speed ratio redline/bare: {bare / full:.2f} (1.00 = as fast as bare en_core_web_sm; target 1.5)")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work on the machine slows both)")


if __name__ == "__main__":
    main()
