"""The place index's cache file: what it gives equals what the source builds; a bad cache is never fatal."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from redline.nlp import place_cache
from redline.nlp.places import PlaceIndex, _build_places


@pytest.fixture(scope="module")
def built() -> PlaceIndex:
    return _build_places(15000)  # the smaller GeoNames file: the same code path, a quarter of the time


def _same(a: PlaceIndex, b: PlaceIndex) -> None:
    assert dict(a.names) == dict(b.names)
    assert list(a.rows) == list(b.rows)
    assert dict(a.countries) == dict(b.countries)
    assert dict(a.capitals) == dict(b.capitals)


def test_the_cached_form_equals_the_built_index(built: PlaceIndex) -> None:
    again = place_cache.decode(marshal.loads(marshal.dumps(place_cache.encode(built))))
    _same(again, built)
    for key in ("kyiv", "kiev", "springfield", "ukraine", "donetsk oblast"):
        assert again.lookup(key) == built.lookup(key)
    assert again.resolve("paris", {"USA": 2}) == built.resolve("paris", {"USA": 2})


def test_written_once_then_read(built: PlaceIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(place_cache.CACHE_ENV, str(tmp_path / "cache"))
    calls: list[int] = []

    def build(n: int) -> PlaceIndex:
        calls.append(n)
        return built

    first = place_cache.cached_places(15000, build)
    second = place_cache.cached_places(15000, build)
    assert calls == [15000]
    assert first is built
    _same(second, built)
    assert len(list((tmp_path / "cache").glob("places-*.marshal"))) == 1
    place_cache.cached_places(5000, build)  # another threshold is another file
    assert calls == [15000, 5000]


def test_a_damaged_or_unwritable_cache_builds(built: PlaceIndex, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv(place_cache.CACHE_ENV, str(folder))
    folder.mkdir()
    (folder / f"places-{place_cache.cache_key(15000)}.marshal").write_bytes(b"not marshal")
    assert place_cache.cached_places(15000, lambda n: built) is built
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(place_cache.CACHE_ENV, str(blocker / "cache"))  # a folder that cannot be made
    assert place_cache.cached_places(15000, lambda n: built) is built
    monkeypatch.setenv(place_cache.CACHE_ENV, "")  # no cache at all
    assert place_cache.cached_places(15000, lambda n: built) is built


def test_the_key_follows_the_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    key = place_cache.cache_key(5000)
    assert key == place_cache.cache_key(5000)
    assert key != place_cache.cache_key(15000)
    monkeypatch.setattr(place_cache, "FORMAT", place_cache.FORMAT + 1)
    assert key != place_cache.cache_key(5000)
