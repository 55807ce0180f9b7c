"""Runners map one function over many items, in order: in this process, in a pool of processes, or on Dask.

    with make_runner(workers=2) as runner:
        for result in runner.map(analyze, items):
            ...

``fn`` must be importable (a module-level function) and should return failures as values: an exception
raised by ``fn`` ends the whole map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redline.errors import RunnerError
from redline.runner.base import Runner
from redline.runner.local import LocalRunner
from redline.runner.processes import ProcessRunner

__all__ = ["RUNNERS", "LocalRunner", "ProcessRunner", "Runner", "make_runner"]

if TYPE_CHECKING:
    from redline.settings import Settings

RUNNERS = ("local", "processes", "dask")


def make_runner(workers: int = 1, kind: str | None = None, scheduler: str | None = None,
                settings: Settings | None = None) -> Runner:
    """The runner ``kind`` (local, processes or dask); by default in-process for one worker, a pool for more.

    Args:
        scheduler: the address of a running Dask scheduler (``tcp://host:8786``); implies ``kind="dask"``.
        settings: the run's settings: the processes runner loads their pipeline once, before forking its workers.
    """
    if scheduler is not None and kind not in (None, "dask"):
        raise RunnerError(f"--scheduler {scheduler}: only the dask runner has a scheduler (use --runner dask)")
    if kind is None:
        kind = "dask" if scheduler is not None else ("local" if workers <= 1 else "processes")
    if kind == "local":
        return LocalRunner()
    if kind == "processes":
        return ProcessRunner(workers, settings)
    if kind == "dask":
        from redline.runner.dask import DaskRunner

        return DaskRunner(workers, scheduler)
    raise RunnerError(f"--runner {kind}: unknown runner (use one of {', '.join(RUNNERS)})")
