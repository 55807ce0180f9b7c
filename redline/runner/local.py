"""The default runner: every call in this process, one after the other."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from redline.runner.base import Runner

T = TypeVar("T")
R = TypeVar("R")


class LocalRunner(Runner):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield fn(item)
