"""Dask as a runner (the ``redline[batch]`` extra): a LocalCluster by default, a scheduler address when given.

    with DaskRunner(workers=2) as runner:                       # a LocalCluster of 2 worker processes
    with DaskRunner(scheduler="tcp://10.0.0.5:8786") as runner:  # workers started with `dask worker ADDRESS`

``fn`` runs on the workers, so it must be importable there (redline installed on every worker). State that
is expensive to build (the spaCy model) lives in a module-level cache of the module defining ``fn``: each
worker process imports that module once, so the model is loaded once per worker, not once per task.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from redline.errors import RunnerError
from redline.runner.base import Runner

T = TypeVar("T")
R = TypeVar("R")

DASK_EXTRA = "pip install 'redline[batch]'"
# tasks in flight per worker: a queue for each, without shipping the whole corpus to the scheduler
WINDOW_PER_WORKER = 2
CONNECT_TIMEOUT_S = 10


class DaskRunner(Runner):
    def __init__(self, workers: int = 2, scheduler: str | None = None, *, memory_limit: str = "auto") -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RunnerError(f"--runner dask: needs dask.distributed ({DASK_EXTRA})") from None
        self._cluster: Any = None
        if scheduler is None:
            if workers < 1:
                raise RunnerError(f"--workers {workers}: needs at least 1 worker")
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, memory_limit=memory_limit,
                                         host="127.0.0.1", silence_logs=40)
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError) as e:
                raise RunnerError(f"--scheduler {scheduler}: cannot connect ({_first_line(e)}) "
                                  f"(start one with `dask scheduler` and workers with `dask worker {scheduler}`)"
                                  ) from None
        self.workers = max(1, len(self._client.scheduler_info(n_workers=-1)["workers"]))

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        window: deque[Any] = deque()
        limit = self.workers * WINDOW_PER_WORKER
        try:
            for item in items:
                window.append(self._client.submit(fn, item, pure=False))
                if len(window) >= limit:
                    yield self._result(window.popleft())
            while window:
                yield self._result(window.popleft())
        finally:
            for future in window:
                future.cancel()

    def peak_worker_mb(self) -> float | None:
        """The largest peak resident memory of any worker process so far, in MB."""
        peaks = self._client.run(_peak_rss_mb)
        return max(peaks.values()) if peaks else None

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    @staticmethod
    def _result(future: Any) -> Any:
        from distributed.scheduler import KilledWorker

        try:
            return future.result()
        except KilledWorker as e:
            raise RunnerError(f"dask: a worker died running a task ({_first_line(e)}) "
                              "(rerun to resume; give the workers more memory or use smaller --partitions)"
                              ) from None


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__
