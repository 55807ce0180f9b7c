"""The process pool's workers (forked by a fork server that loaded the pipeline once, or spawned) store exactly
what the in-process path stores; each reports its CPU and memory when it exits."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from redline.intake import ingest
from redline.runner import LocalRunner, ProcessRunner, Runner
from redline.runner.processes import forkserver_pid
from redline.settings import Settings
from redline.sources import read
from redline.store import open_store


def stored(paths: list[Path], url: str, runner: Runner) -> dict[str, Any]:
    """Every brief as stored, with the counts and the events table, after one ingest through ``runner``."""
    with open_store(url) as store:
        report = ingest([str(p) for p in paths], store, Settings(), read=partial(read), runner=runner)
        ids = sorted(a["id"] for a in store.articles(limit=1000))
        briefs = {i: store.get_brief(i) for i in ids}
        return {"summary": report.summary(), "counts": store.counts(), "briefs": json.dumps(briefs, sort_keys=True),
                "events": json.dumps(store.event_records(), sort_keys=True, default=str)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, sample_records: list[dict[str, Any]]) -> list[Path]:
    folder = tmp_path_factory.mktemp("pool")
    path = folder / "sample.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in sample_records[:12]), "utf-8")
    return [path]


@pytest.fixture(scope="module")
def in_process(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return stored(corpus, f"sqlite:///{tmp_path_factory.mktemp('local') / 'r.db'}", LocalRunner())


@pytest.mark.slow
@pytest.mark.parametrize("start", ["forkserver", "spawn"])
def test_pool_workers_store_what_the_in_process_path_stores(
    start: str, corpus: list[Path], in_process: dict[str, Any], tmp_path: Path
) -> None:
    with ProcessRunner(2, Settings(), start) as runner:
        got = stored(corpus, f"sqlite:///{tmp_path / 'pool.db'}", runner)
    assert in_process["counts"]["articles"] == 12 and in_process["counts"]["events"] > 10
    assert got == in_process
    usage = runner.worker_usage()
    assert 1 <= len(usage) <= 2 and all(pid != os.getpid() and cpu > 0 and mb > 0 for pid, cpu, mb in usage)
    if start == "forkserver":
        assert forkserver_pid() is not None


@pytest.mark.slow
def test_fork_server_loads_the_pipeline_once_for_every_worker() -> None:
    """A forked worker finds its context already loaded by the fork server: its first batch costs no model load."""
    with ProcessRunner(2, Settings(), "forkserver") as runner:
        loaded = list(runner.map(_context_was_loaded, [Settings(), Settings()]))
    assert loaded == [True, True]


def _context_was_loaded(settings: Settings) -> bool:
    from redline import intake

    return intake._context.cache_info().currsize == 1 and "spacy" in __import__("sys").modules
