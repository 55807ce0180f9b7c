"""The process pool's workers (forked by a fork server that loaded the pipeline once, or spawned) store exactly
what the in-process path stores; each reports its CPU and memory when it exits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
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



ORPHAN_SCRIPT = """
import os
import sys
import time

from redline.runner import ProcessRunner
from redline.runner.processes import forkserver_pid


def worker_pid(_item):
    time.sleep(0.3)  # long enough for both workers to take an item
    return os.getpid()


if __name__ == "__main__":
    runner = ProcessRunner(2, None, sys.argv[1])
    found = sorted(set(runner.map(worker_pid, range(8))))
    print(*([forkserver_pid()] if sys.argv[1] == "forkserver" else []), *found, flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("start", ["forkserver", "spawn"])
def test_kill_9_of_the_parent_leaves_no_fork_server_and_no_worker(start: str, tmp_path: Path) -> None:
    script = tmp_path / "pool.py"
    script.write_text(ORPHAN_SCRIPT, "utf-8")
    child = subprocess.Popen([sys.executable, str(script), start], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        pids = [int(p) for p in child.stdout.readline().split()]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert len(pids) == (3 if start == "forkserver" else 2), pids  # the fork server and two workers
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in pids if _alive(p)]


def _every(delay: float, n: int) -> Any:
    """``n`` items, each handed out ``delay`` seconds after the one before: a caller slower than its workers."""
    for i in range(n):
        time.sleep(delay)
        yield i


def test_pool_waited_s_is_the_time_the_caller_waited_for_results() -> None:
    with ProcessRunner(1, start="spawn") as runner:  # the workers are the bottleneck: 2 x 0.6 s of sleep
        assert list(runner.map(time.sleep, [0.6, 0.6])) == [None, None]
        assert runner.waited_s >= 1.1
    with ProcessRunner(1, start="spawn") as runner:  # the caller is: each item comes 0.5 s after the last
        assert list(runner.map(abs, [-1])) == [1]  # the worker is started (and waited for) first
        before, started = runner.waited_s, time.perf_counter()
        assert list(runner.map(abs, _every(0.5, 5))) == [0, 1, 2, 3, 4]
        assert time.perf_counter() - started >= 2.5
        assert runner.waited_s - before < 0.5
