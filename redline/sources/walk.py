"""Folders (recursive) and glob patterns: every supported file in a stable order, read one after another.

Hidden files and folders (a name starting with ``.``) and files of other types are passed over quietly
and counted in ``ignored``; a file that cannot be read becomes a Skip and the walk goes on.
"""

from __future__ import annotations

import glob
import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from redline.errors import SourceError
from redline.models import RawDocument, Skip

HIDDEN = "hidden"
GLOB_CHARS = frozenset("*?[")

Item = RawDocument | Skip
# reads one file path; raises SourceError for the whole file
FileReader = Callable[[str], Iterator[Item]]


def is_glob(spec: str) -> bool:
    return any(c in GLOB_CHARS for c in spec)


def walk_folder(path: str, suffixes: frozenset[str], read_file: FileReader, ignored: Counter[str]) -> Iterator[Item]:
    """Every file under ``path`` whose suffix is in ``suffixes``, sorted by path within each folder."""
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(path, onerror=errors.append):
        yield from _errors(errors)
        hidden = [d for d in dirs if d.startswith(".")]
        ignored[HIDDEN] += len(hidden)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            yield from _file(os.path.join(folder, name), suffixes, read_file, ignored)
    yield from _errors(errors)


def walk_glob(pattern: str, suffixes: frozenset[str], read_file: FileReader, ignored: Counter[str]) -> Iterator[Item]:
    """Every match of ``pattern`` (``**`` spans folders); a matched folder is walked. SourceError when none."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        raise SourceError(f"{pattern}: no files match")
    return _matches(matches, suffixes, read_file, ignored)


def _matches(matches: list[str], suffixes: frozenset[str], read_file: FileReader,
             ignored: Counter[str]) -> Iterator[Item]:
    for match in matches:
        if os.path.isdir(match):
            yield from walk_folder(match, suffixes, read_file, ignored)
        else:
            yield from _file(match, suffixes, read_file, ignored)


def _file(path: str, suffixes: frozenset[str], read_file: FileReader, ignored: Counter[str]) -> Iterator[Item]:
    name = os.path.basename(path)
    if name.startswith("."):
        ignored[HIDDEN] += 1
        return
    suffix = Path(name).suffix.lower()
    double = "".join(Path(name).suffixes[-2:]).lower()  # .jsonl.gz
    if double in suffixes:
        suffix = double
    if suffix not in suffixes:
        ignored[f"unsupported {suffix or '(no extension)'}"] += 1
        return
    try:
        yield from read_file(path)  # a file read lazily (a CSV corpus) may fail after its first rows
    except SourceError as e:
        yield Skip(origin=path, stage="source", reason=str(e))
    except OSError as e:
        yield Skip(origin=path, stage="source", reason=f"{path}: cannot read the file ({e.strerror or e})")


def _errors(errors: list[OSError]) -> Iterator[Item]:
    while errors:
        e = errors.pop(0)
        where = str(e.filename or "")
        yield Skip(origin=where, stage="source", reason=f"{where}: cannot read the folder ({e.strerror or e})")
