"""A pool of worker processes (``--workers N``), results in input order with a bounded window in flight.

Workers are started with "spawn": a fork would copy the parent's threads (progress bar, database pool)
mid-state. Each worker ignores Ctrl-C (the parent stops the pool) and exits when its parent dies, so a
``kill -9`` of the parent leaves no orphans. State that is expensive to build (the spaCy model) belongs in
a module-level cache of the module defining ``fn``: it is then built once per worker, not per call.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from redline.errors import RunnerError
from redline.runner.base import Runner

T = TypeVar("T")
R = TypeVar("R")

# items in flight per worker: enough to keep every worker busy, few enough to lose little on a stop
WINDOW_PER_WORKER = 4
PARENT_POLL_S = 1.0


class ProcessRunner(Runner):
    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise RunnerError(f"--workers {workers}: needs at least 1 worker")
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(),),
        )

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        window: deque[Future[R]] = deque()
        limit = self.workers * WINDOW_PER_WORKER
        try:
            for item in items:
                window.append(self._pool.submit(fn, item))
                if len(window) >= limit:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except BrokenProcessPool as e:
            raise RunnerError(
                f"worker pool: a worker process died ({e}) (rerun: stored articles are kept; try fewer --workers)"
            ) from None
        finally:
            for future in window:
                future.cancel()

    def peak_worker_mb(self) -> float | None:
        """Known once the pool is closed: the largest peak of the worker processes waited for."""
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return peak or None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _init_worker(parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_S)
    os._exit(1)
