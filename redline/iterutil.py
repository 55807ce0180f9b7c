"""Small helpers over iterables that several stages share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """The items in lists of ``size`` (the last one shorter), in order, reading ``items`` lazily
    (``itertools.batched`` from Python 3.12, as lists)."""
    it = iter(items)
    while batch := list(islice(it, max(1, size))):
        yield batch
