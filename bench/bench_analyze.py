"""Articles per second of the whole redline pipeline against bare nlp.pipe of the same model, in one run.

The baseline is ``nlp.pipe`` of a freshly loaded, unchanged en_core_web_sm (every component); redline runs
``pipeline.analyze_many`` (its own ``nlp.pipe`` batching plus every stage after parsing) with the settings'
``prefilter`` (off by default), then with the other value, then with the layers ``redline.nlp.blas`` moves to
numpy's OpenBLAS back on thinc's blis (as bare spaCy multiplies). All in this process, one after the other, each after
one untimed pass over the articles (the lemmatizer's and attribute table's per-word caches then hold what a long
corpus keeps in them).

Run by hand: `make bench` or `.venv/bin/python bench/bench_analyze.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import spacy
from thinc.api import NumpyOps

from redline.ingest import normalize
from redline.models import Brief, RawDocument
from redline.nlp.blas import MatmulOps
from redline.nlp.embed_cache import EmbedCache, pipe_models
from redline.pipeline import Context, analyze_many, run_one
from redline.settings import Settings

SAMPLE = Path(__file__).resolve().parent.parent / "redline" / "data" / "sample"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the sample (default 5)")
    args = parser.parse_args()
    records = [json.loads(line) for line in (SAMPLE / "voa_articles.jsonl").read_text("utf-8").splitlines()]
    founding = (SAMPLE / "ukraine-1000th-day.txt").read_text("utf-8")
    raws = [RawDocument(origin=r["id"], text=r["text"], title=r["title"], url=r["url"], published=r["published"])
            for r in records] + [RawDocument(origin="founding", text=founding)]
    texts = [r.text for r in raws]
    t0 = time.perf_counter()
    ctx = Context.load(Settings())
    load_s = time.perf_counter() - t0
    run_one(raws[0], ctx)  # gazetteer matchers, lexicon
    n = len(raws)
    chars = sum(len(t) for t in texts)

    bare_nlp = spacy.load(Settings().model)
    articles = [normalize(raw, ctx.settings) for raw in raws]
    for _doc in bare_nlp.pipe(texts):
        pass

    other = Context(replace(ctx.settings, prefilter=not ctx.settings.prefilter), ctx.nlp, ctx.gazetteer)
    skips = sum(not isinstance(r, Brief) for r in analyze_many(articles, ctx))
    list(analyze_many(articles, other))

    def bare_pass() -> None:
        for _doc in bare_nlp.pipe(texts):
            pass

    def redline_pass(context: Context, cold: bool = False, blis: bool = False) -> Callable[[], None]:
        def run() -> None:
            if cold:
                empty_embed_caches(context.nlp)
            layers = [(node, node.ops) for node in matmul_layers(context.nlp)] if blis else []
            for node, _ops in layers:  # thinc's blis ops for this pass, as before redline.nlp.blas
                node.ops = blis_ops
            try:
                for _result in analyze_many(articles, context):
                    pass
            finally:
                for node, ops in layers:
                    node.ops = ops
        return run

    blis_ops = NumpyOps()  # thinc's default CPU ops: blis gemm
    runs: dict[str, list[float]] = {"bare": [], "redline": [], "other": [], "cold": [], "blis": []}
    cpu: dict[str, list[float]] = {"bare": [], "redline": [], "other": [], "cold": [], "blis": []}
    for _ in range(args.repeat):  # interleaved, so that a burst of load on the machine hits every configuration
        for name, run in (("bare", bare_pass), ("redline", redline_pass(ctx)), ("other", redline_pass(other)),
                          ("cold", redline_pass(ctx, cold=True)), ("blis", redline_pass(ctx, blis=True))):
            t0, c0 = time.perf_counter(), time.process_time()
            run()
            runs[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    bare, full, switched = (min(runs[k]) for k in ("bare", "redline", "other"))
    median = {k: statistics.median(v) for k, v in runs.items()}

    print(f"articles: {n} per pass, {args.repeat} passes each ({chars / n:.0f} chars each on average), "
          f"skipped: {skips}; best pass (median pass)")
    print(f"context load (model + gazetteers): {load_s:.2f} s")
    print(f"bare nlp.pipe:      {n / bare:7.1f} articles/s  ({n / median['bare']:.1f})")
    print(f"redline pipeline:   {n / full:7.1f} articles/s  ({n / median['redline']:.1f})  "
          f"prefilter={ctx.settings.prefilter}")
    print(f"  prefilter={other.settings.prefilter!s:<5}     {n / switched:7.1f} articles/s  "
          f"({n / median['other']:.1f})")
    print(f"speed ratio redline/bare: {bare / full:.2f} ({median['bare'] / median['redline']:.2f}) "
          "(1.00 = as fast as bare en_core_web_sm; target 1.5)")
    print(f"  word-embedding cache emptied before each pass (every form new, as at a corpus's start): "
          f"{n / min(runs['cold']):.1f} articles/s, ratio {bare / min(runs['cold']):.2f}")
    print(f"CPU-time ratio redline/bare: {min(cpu['bare']) / min(cpu['redline']):.2f} (this process's CPU seconds, "
          "best pass each: steadier than the wall clock on a busy machine)")
    print(f"  {len(matmul_layers(ctx.nlp))} layers multiply by numpy's OpenBLAS on one thread (redline.nlp.blas); "
          f"with blis in them, as bare spaCy: {n / min(runs['blis']):.1f} articles/s, "
          f"ratio {bare / min(runs['blis']):.2f}, CPU-time ratio {min(cpu['bare']) / min(cpu['blis']):.2f}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work on the machine slows both)")


def matmul_layers(nlp: Any) -> list[Any]:
    """The layers of ``nlp``'s networks that multiply with ``redline.nlp.blas.MatmulOps``."""
    seen: dict[int, Any] = {}
    for model in pipe_models(nlp):
        for node in model.walk():
            if isinstance(node.ops, MatmulOps):
                seen[id(node)] = node
    return list(seen.values())


def empty_embed_caches(nlp: Any) -> None:
    """Forget every word form the tok2vec embedding caches hold (``redline.nlp.embed_cache``)."""
    emptied = 0
    for _name, pipe in nlp.pipeline:
        for model in (getattr(pipe, "model", None), getattr(getattr(pipe, "ner", None), "model", None),
                      getattr(getattr(pipe, "parser", None), "model", None)):
            for node in model.walk() if model is not None else ():
                if isinstance(node._func, EmbedCache):
                    node._func.slots.clear()
                    node._func.size = 0
                    emptied += 1
    assert emptied, "no word-embedding cache found"


if __name__ == "__main__":
    main()
