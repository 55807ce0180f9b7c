"""A pool of worker processes (``--workers N``), results in input order with a bounded window in flight.

Workers are forked by a fork server ("forkserver"): a fresh process with none of the parent's threads (a fork
of the parent itself would copy its progress bar and database pool threads mid-state). The server first imports
``redline.runner.warm``, which, given the run's settings, loads the spaCy model and gazetteers once; every worker
then starts with them (``warm``'s docstring). ``start="spawn"`` starts each worker as a fresh interpreter that
loads everything itself, as before. Each worker ignores Ctrl-C (the parent stops the pool) and exits when the
process that started it dies (then the fork server ends too), so a ``kill -9`` of the parent leaves
no orphans. State that is expensive to build (the spaCy model) belongs in a module-level cache of the module
defining ``fn``: it is then built once per worker (or once in the fork server), not per call.

Each worker reports its CPU time and peak memory when it exits (``worker_usage``): a forked worker is the fork
server's child, not ours, so ``RUSAGE_CHILDREN`` would not see it. ``waited_s`` is the time the caller spent
waiting for a result that was not ready: near the whole run when the workers are the bottleneck, near zero when
the caller (storing, reading) is.
"""

from __future__ import annotations

import base64
import multiprocessing
import os
import pickle
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver, util
from typing import TYPE_CHECKING, Any, TypeVar

from redline.errors import RunnerError
from redline.runner.base import Runner

if TYPE_CHECKING:
    from redline.settings import Settings

T = TypeVar("T")
R = TypeVar("R")

# items in flight per worker: enough to keep every worker busy, few enough to lose little on a stop
WINDOW_PER_WORKER = 4
STARTS = ("forkserver", "spawn")
WARM_MODULE = "redline.runner.warm"
WARM_ENV = "REDLINE_WARM_SETTINGS"  # the pickled Settings the fork server loads the pipeline for


class ProcessRunner(Runner):
    """``workers`` processes; ``settings``: the run's settings, whose pipeline the fork server loads once."""

    def __init__(self, workers: int, settings: Settings | None = None, start: str = "forkserver") -> None:
        if workers < 1:
            raise RunnerError(f"--workers {workers}: needs at least 1 worker")
        if start not in STARTS:
            raise RunnerError(f"start method {start}: use one of {', '.join(STARTS)}")
        if start == "forkserver" and start not in multiprocessing.get_all_start_methods():
            start = "spawn"  # no fork server on this system (Windows): fresh interpreters, as before
        self.workers = workers
        self.start = start
        context = multiprocessing.get_context(start)
        if start == "forkserver":
            _start_forkserver(settings)
        self.waited_s = 0.0  # time the caller spent waiting in ``map`` for a result not ready yet
        self._usage: Any = context.SimpleQueue()
        self._reported: list[tuple[int, float, float]] = []
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self._usage,),
        )

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        window: deque[Future[R]] = deque()
        limit = self.workers * WINDOW_PER_WORKER
        try:
            for item in items:
                window.append(self._pool.submit(fn, item))
                if len(window) >= limit:
                    yield self._result(window.popleft())
            while window:
                yield self._result(window.popleft())
        except BrokenProcessPool as e:
            raise RunnerError(
                f"worker pool: a worker process died ({e}) (rerun: stored articles are kept; try fewer --workers)"
            ) from None
        finally:
            for future in window:
                future.cancel()

    def _result(self, future: Future[R]) -> R:
        started = time.perf_counter()
        try:
            return future.result()
        finally:
            self.waited_s += time.perf_counter() - started

    def worker_usage(self) -> list[tuple[int, float, float]]:
        """Known once the pool is closed: (pid, CPU seconds, peak resident MB) of each worker that exited."""
        while not self._usage.empty():
            self._reported.append(self._usage.get())
        return list(self._reported)

    def peak_worker_mb(self) -> float | None:
        """Known once the pool is closed: the largest peak of the worker processes that exited."""
        peaks = [mb for _pid, _cpu, mb in self.worker_usage()]
        return max(peaks) if peaks else None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def forkserver_pid() -> int | None:
    """The pid of this process's fork server, if it runs."""
    return getattr(forkserver._forkserver, "_forkserver_pid", None)


def _start_forkserver(settings: Settings | None) -> None:
    """Start the fork server (once per process) with the warm-up module and, if given, the run's settings.

    A server already running keeps what it loaded: a worker whose settings differ loads its own context."""
    if forkserver_pid() is not None:
        return
    forkserver.set_forkserver_preload([WARM_MODULE])
    saved = os.environ.pop(WARM_ENV, None)
    if settings is not None:
        os.environ[WARM_ENV] = base64.b64encode(pickle.dumps(settings)).decode("ascii")
    try:
        forkserver.ensure_running()  # the server inherits the environment now
    finally:
        os.environ.pop(WARM_ENV, None)
        if saved is not None:
            os.environ[WARM_ENV] = saved


def _init_worker(usage: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    util.Finalize(None, _report_usage, args=(usage,), exitpriority=0)


def _report_usage(usage: Any) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    usage.put((os.getpid(), own.ru_utime + own.ru_stime, own.ru_maxrss / 1024))


def _exit_with_parent() -> None:
    """Wait for the process that started this worker to end, then end too.

    Not by the parent's pid: a forked worker's parent process is the fork server, and the fork server only ends
    once every worker has (each holds the pipe whose end tells it that its clients are gone). The sentinel that
    ``multiprocessing`` gives every child is a pipe whose other end only the starting process holds."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
    os._exit(1)
