"""dedupe: shingles kept per text give the same answers as computed afresh."""

from __future__ import annotations

from redline import dedupe

WIRE = ("Russian forces struck the port of Odesa overnight with drones and missiles, the regional governor said "
        "on Tuesday, damaging grain silos and a residential building.")


def test_dedupe_kept_shingles_are_the_computed_ones() -> None:
    first = dedupe.shingles(WIRE)
    assert dedupe.shingles(str(WIRE.encode("utf-8"), "utf-8")) is first  # an equal text read back: the kept set
    assert first == dedupe.shingles.__wrapped__(WIRE)
    assert len(first) == len(dedupe._WORD_RE.findall(WIRE)) - dedupe.SHINGLE_WORDS + 1
    near = "ODESA (Wire) - " + WIRE
    assert 0.8 < dedupe.similarity(WIRE, near) < 1.0
    assert dedupe.shingles("Kyiv") != dedupe.shingles("Kharkiv")


def test_dedupe_a_text_pushed_out_of_the_kept_ones_is_computed_again_alike() -> None:
    before = dedupe.shingles(WIRE)
    for n in range(dedupe.SHINGLES_KEPT + 1):
        dedupe.shingles(f"filler text number {n} for the cache")
    again = dedupe.shingles(WIRE)
    assert again == before and again is not before
