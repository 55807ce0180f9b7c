"""CSV and Parquet corpora, read row by row: a corpus of millions of articles never sits in memory.

Columns: ``title, text, url, published, source`` (``date`` is read as ``published``); only ``text`` is
required, others are ignored. A bad row becomes a Skip; a file that cannot be opened raises SourceError.
Parquet needs DuckDB, the ``redline[corpus]`` extra.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources.files import _BINARY_MAGIC, _SNIFF_BYTES

COLUMNS = ("title", "text", "url", "published", "source")
CORPUS_SUFFIXES = (".csv", ".tsv", ".parquet")
PARQUET_EXTRA = "pip install 'redline[corpus]'"
_BATCH_ROWS = 1000

Item = RawDocument | Skip


def read_corpus(path: str, *, max_bytes: int) -> Iterator[Item]:
    """A .csv, .tsv or .parquet corpus; file-level problems raise SourceError before the first row."""
    p = Path(path)
    if not p.is_file():
        raise SourceError(f"{path}: no such file")
    if p.stat().st_size == 0:
        raise SourceError(f"{path}: file is empty")
    if p.suffix.lower() == ".parquet":
        return (item for item, _extra in read_parquet(path))
    return _read_csv(path, "\t" if p.suffix.lower() == ".tsv" else ",", max_bytes)


class _BadBytes(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _read_csv(path: str, delimiter: str, max_bytes: int) -> Iterator[Item]:
    with open(path, "rb") as raw:
        head = raw.read(_SNIFF_BYTES)
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        raise SourceError(f"{path}: binary file, not CSV")
    # an article may be far longer than the csv module's 128 KB default field limit
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    f = open(path, "rb")  # noqa: SIM115 - closed by the generator
    reader = csv.reader(_lines(f), delimiter=delimiter)
    try:
        header = next(reader, None)
    except _BadBytes as e:
        f.close()
        raise SourceError(f"{path}: invalid UTF-8 in the header, line {e.line} (re-save the file as UTF-8)") from None
    except csv.Error as e:
        f.close()
        raise SourceError(f"{path}: cannot read the header ({_problem(e)})") from None
    if not header:
        f.close()
        raise SourceError(f"{path}: file is empty")
    names = [_column(h) for h in header]
    if "text" not in names:
        f.close()
        raise SourceError(f'{path}: no "text" column (columns: {", ".join(header)}; '
                          f'expected {", ".join(COLUMNS)})')
    return _csv_rows(path, f, reader, names)


def _lines(f: BinaryIO) -> Iterator[str]:
    """Each line of ``f`` decoded on its own, so a bad byte is found at its line, not 8 KB early."""
    for n, line in enumerate(f, start=1):
        try:
            yield line.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            raise _BadBytes(n) from None


def _csv_rows(path: str, f: BinaryIO, reader: Any, names: list[str]) -> Iterator[Item]:
    n = 0
    try:
        while True:
            n += 1
            where = f"{path} row {n}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except _BadBytes as e:
                yield Skip(where, "source", f"{path}: invalid UTF-8 at line {e.line} (row {n}); the rest of the "
                                            f"file is not read (re-save the file as UTF-8)")
                return
            except csv.Error as e:
                yield Skip(where, "source", f"{path}: row {n}: {_problem(e)}")
                continue
            if not any(cell.strip() for cell in row):
                n -= 1  # a blank line is not a row
                continue
            if len(row) > len(names):
                yield Skip(where, "source", f"{path}: row {n}: {len(row)} fields, the header has {len(names)}")
                continue
            yield _document(path, where, n, dict(zip(names, row, strict=False)))
    finally:
        f.close()


def read_parquet(path: str, extra: Sequence[str] = ()) -> Iterator[tuple[Item, dict[str, str | None]]]:
    """Each row of a Parquet corpus as its RawDocument (or Skip) and its values of the ``extra`` columns it has.

    The one Parquet corpus reader (``redline ingest`` and ``redline batch`` alike): DuckDB reads record batches
    of ``_BATCH_ROWS`` rows, every column cast to text. File-level problems raise SourceError before the first row.
    """
    try:
        import duckdb
    except ImportError:
        raise SourceError(f"{path}: reading Parquet needs DuckDB ({PARQUET_EXTRA})") from None
    con = duckdb.connect(":memory:")
    try:
        cursor = con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [path])
        columns = [str(d[0]) for d in cursor.description or ()]
    except duckdb.Error as e:
        con.close()
        raise SourceError(f"{path}: not a readable Parquet file ({_problem(e)})") from None
    by_name = {_column(c): c for c in reversed(columns)}  # the first column of a name wins
    if "text" not in by_name:
        con.close()
        raise SourceError(f'{path}: no "text" column (columns: {", ".join(columns)}; '
                          f'expected {", ".join(COLUMNS)})')
    wanted = [n for n in dict.fromkeys((*COLUMNS, "date", *extra)) if n in by_name]
    select = ", ".join(f'CAST("{by_name[n].replace(chr(34), chr(34) * 2)}" AS VARCHAR)' for n in wanted)
    return _parquet_rows(path, con, f"SELECT {select} FROM read_parquet(?)", wanted, extra)


def _parquet_rows(path: str, con: Any, query: str, names: Sequence[str],
                  extra: Sequence[str]) -> Iterator[tuple[Item, dict[str, str | None]]]:
    import duckdb

    n = 0
    try:
        cursor = con.execute(query, [path])
        while True:
            rows = cursor.fetchmany(_BATCH_ROWS)
            if not rows:
                return
            for row in rows:
                n += 1
                values = dict(zip(names, row, strict=True))
                yield _document(path, f"{path} row {n}", n, values), {k: _value(values, k) for k in extra}
    except duckdb.Error as e:
        yield Skip(path, "source", f"{path}: cannot read past row {n} ({_problem(e)})"), {}
    finally:
        con.close()


def _document(path: str, where: str, n: int, values: dict[str, str | None]) -> Item:
    text = values.get("text")
    if text is None or not text.strip():
        return Skip(where, "source", f'{path}: row {n}: "text" is empty')
    return RawDocument(origin=where, text=text, title=_value(values, "title"), url=_value(values, "url"),
                       published=_value(values, "published") or _value(values, "date"),
                       source=_value(values, "source"))


def _value(values: dict[str, str | None], key: str) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _column(name: str) -> str:
    return name.strip().lower()


def _problem(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
