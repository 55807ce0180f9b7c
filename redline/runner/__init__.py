"""Runners map one function over many items, in order: in this process, or in a pool of processes.

    with make_runner(workers=2) as runner:
        for result in runner.map(analyze, items):
            ...

``fn`` must be importable (a module-level function) and should return failures as values: an exception
raised by ``fn`` ends the whole map.
"""

from __future__ import annotations

from redline.runner.base import Runner
from redline.runner.local import LocalRunner
from redline.runner.processes import ProcessRunner

__all__ = ["LocalRunner", "ProcessRunner", "Runner", "make_runner"]


def make_runner(workers: int = 1) -> Runner:
    """The in-process runner for one worker, a process pool for more."""
    return LocalRunner() if workers <= 1 else ProcessRunner(workers)
