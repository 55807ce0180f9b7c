"""The Runner base class: ``map`` plus a context-manager lifecycle."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Self, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Runner(ABC):
    """Maps a function over items and yields the results in the order of the items."""

    @abstractmethod
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Results of ``fn`` over ``items``, lazily and in order; ``items`` is consumed as results are taken."""

    def peak_worker_mb(self) -> float | None:
        """The largest peak resident memory of a process that ran ``fn`` so far, in MB (None: not known)."""
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def close(self) -> None:  # noqa: B027 - a runner without workers has nothing to release
        """Release workers; pending work is cancelled."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
