from __future__ import annotations

from collections.abc import Iterator

from redline.iterutil import batched


def test_batched_keeps_order_and_a_short_last_batch() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
    assert list(batched("ab", 0)) == [["a"], ["b"]]  # a size under 1 is read as 1


def test_batched_reads_lazily() -> None:
    seen: list[int] = []

    def items() -> Iterator[int]:
        for n in range(10):
            seen.append(n)
            yield n

    first = next(batched(items(), 4))
    assert first == [0, 1, 2, 3] and seen == [0, 1, 2, 3]
