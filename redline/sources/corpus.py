"""Corpora read row by row: a corpus of millions of articles never sits in memory.

A corpus is a ``.csv`` / ``.tsv`` file, a ``.parquet`` file (DuckDB, the ``redline[corpus]`` extra) or a JSONL
file (``.jsonl`` / ``.ndjson``, gzip-compressed when it ends in ``.gz``). Fields: ``title, text, url, published,
source`` (``date`` is read as ``published``), and ``topic``, ``category`` which ``redline batch`` keeps beside
each article; only ``text`` is required, others are ignored. A file whose fields have other names is read through
a field map (``--field text=summary``: the ``summary`` field is the text). The Wikipedia Current Events file as
shipped is such a JSONL corpus; its records with ``"is_event": false`` are topic headings, not reports, and the
outlets an item cites at its end ("(Reuters) (AP)") are its source when the record names none.

A bad row becomes a Skip; a file that cannot be opened raises SourceError.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources.citations import source_of
from redline.sources.files import _BINARY_MAGIC, _SNIFF_BYTES, _field, mapped

COLUMNS = ("title", "text", "url", "published", "source")
FIELDS = (*COLUMNS, "date", "topic", "category")
CORPUS_SUFFIXES = (".csv", ".tsv", ".parquet")
JSONL_CORPUS_SUFFIXES = (".jsonl.gz", ".ndjson.gz")  # plain .jsonl is a file read whole (files.py), or a corpus
JSONL_SUFFIXES = (".jsonl", ".ndjson", *JSONL_CORPUS_SUFFIXES)
HEADING = "heading, not a report (is_event false)"
PARQUET_EXTRA = "pip install 'redline[corpus]'"
_BATCH_ROWS = 1000

Item = RawDocument | Skip


FieldMap = Mapping[str, str]  # redline's field name -> the name it has in the corpus


@dataclass(frozen=True)
class Row:
    """One document of a corpus (or the Skip of a bad row) with the corpus fields redline keeps beside it."""

    doc: RawDocument | Skip
    topic: str | None = None
    category: str | None = None
    heading: bool = False  # a Current Events topic heading: counted, never analysed


def parse_fields(pairs: Iterable[str]) -> dict[str, str]:
    """``["text=summary", "published=day"]`` as a field map; SourceError naming a pair that is not one."""
    fields: dict[str, str] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not sep or not column:
            raise SourceError(f"--field {pair}: not NAME=COLUMN (e.g. --field text=summary)")
        if name not in FIELDS:
            raise SourceError(f"--field {pair}: {name!r} is not a field redline reads ({', '.join(FIELDS)})")
        fields[name] = column
    return fields


def is_jsonl_corpus(path: str) -> bool:
    """Whether ``path`` names a compressed JSONL corpus, which is always streamed."""
    return path.lower().endswith(JSONL_CORPUS_SUFFIXES)


def read_corpus(path: str, *, max_bytes: int, fields: FieldMap | None = None) -> Iterator[Item]:
    """A .csv, .tsv, .parquet or JSONL corpus; file-level problems raise SourceError before the first row.

    Current Events topic headings are left out; ``read_rows`` gives them, with each row's topic and category.
    """
    return (row.doc for row in read_rows(path, max_bytes=max_bytes, fields=fields) if not row.heading)


def read_rows(path: str, *, max_bytes: int, fields: FieldMap | None = None) -> Iterator[Row]:
    """Each row of a corpus with its topic and category, headings included (``Row.heading``)."""
    p = Path(path)
    if not p.is_file():
        raise SourceError(f"{path}: no such file")
    if p.stat().st_size == 0:
        raise SourceError(f"{path}: file is empty")
    fields = fields or {}
    if path.lower().endswith(JSONL_SUFFIXES):
        return _read_jsonl(path, fields)
    if p.suffix.lower() == ".parquet":
        rows = read_parquet(path, extra=("topic", "category"), fields=fields)
        return (Row(doc, extra.get("topic"), extra.get("category")) for doc, extra in rows)
    return _read_csv(path, "\t" if p.suffix.lower() == ".tsv" else ",", max_bytes, fields)


def _renamed(names: Sequence[str], fields: FieldMap) -> list[str]:
    """Lower-cased column headers with the field map applied, matched without case (JSON keys, read by
    ``files.mapped``, match exactly): a mapped column takes redline's name; a field mapped elsewhere is not read."""
    by_column = {column.strip().lower(): name for name, column in fields.items()}
    return [by_column.get(n, "" if n in fields else n) for n in names]  # a field mapped elsewhere is not read


def _open_text(path: str) -> IO[str]:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig")
    return open(path, encoding="utf-8-sig")  # noqa: SIM115 - closed by the caller


def _read_jsonl(path: str, fields: FieldMap) -> Iterator[Row]:
    try:
        f = _open_text(path)
        f.readline()
        f.seek(0)
    except (OSError, EOFError, UnicodeDecodeError) as e:
        raise SourceError(f"{path}: cannot read ({_problem(e)})") from None
    return _jsonl_rows(path, f, fields)


def _jsonl_rows(path: str, f: IO[str], fields: FieldMap) -> Iterator[Row]:
    with f:
        n = 0
        while True:
            n += 1
            where = f"{path} line {n}"
            try:
                line = f.readline()
            except (OSError, EOFError, UnicodeDecodeError) as e:
                yield Row(Skip(where, "source", f"{path}: cannot read past line {n - 1} ({_problem(e)})"))
                return
            if not line:
                return
            if line.strip():
                yield _jsonl_row(where, line, fields)


def _jsonl_row(where: str, line: str, fields: FieldMap) -> Row:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return Row(Skip(where, "source", f"{where}: invalid JSON: {e.msg}"))
    except RecursionError:
        return Row(Skip(where, "source", f"{where}: JSON nested too deeply"))
    if not isinstance(record, dict):
        return Row(Skip(where, "source", f"{where}: not a JSON object"))
    values = mapped(record, fields)
    text = values.get("text")
    if not isinstance(text, str) or not text.strip():
        return Row(Skip(where, "source", f'{where}: "text" is missing or empty'))
    published = values.get("published", values.get("date"))
    doc = RawDocument(origin=where, text=text, title=_field(values, "title"), url=_field(values, "url"),
                      published=None if published is None else str(published),
                      source=source_of(text, _field(values, "source")))
    return Row(doc, _field(values, "topic"), _field(values, "category"), values.get("is_event") is False)


class _BadBytes(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _read_csv(path: str, delimiter: str, max_bytes: int, fields: FieldMap) -> Iterator[Row]:
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
    names = _renamed([_column(h) for h in header], fields)
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


def _csv_rows(path: str, f: BinaryIO, reader: Any, names: list[str]) -> Iterator[Row]:
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
                yield Row(Skip(where, "source", f"{path}: invalid UTF-8 at line {e.line} (row {n}); the rest of the "
                                                f"file is not read (re-save the file as UTF-8)"))
                return
            except csv.Error as e:
                yield Row(Skip(where, "source", f"{path}: row {n}: {_problem(e)}"))
                continue
            if not any(cell.strip() for cell in row):
                n -= 1  # a blank line is not a row
                continue
            if len(row) > len(names):
                yield Row(Skip(where, "source", f"{path}: row {n}: {len(row)} fields, the header has {len(names)}"))
                continue
            values = {k: v for k, v in zip(names, row, strict=False) if k}
            yield Row(_document(path, where, n, values), _field(values, "topic"), _field(values, "category"))
    finally:
        f.close()


def read_parquet(path: str, extra: Sequence[str] = (), fields: FieldMap | None = None
                 ) -> Iterator[tuple[Item, dict[str, str | None]]]:
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
    renamed = _renamed([_column(c) for c in columns], fields or {})
    by_name = {n: c for n, c in zip(reversed(renamed), reversed(columns), strict=True) if n}  # first one wins
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
                yield _document(path, f"{path} row {n}", n, values), {k: _field(values, k) for k in extra}
    except duckdb.Error as e:
        yield Skip(path, "source", f"{path}: cannot read past row {n} ({_problem(e)})"), {}
    finally:
        con.close()


def _document(path: str, where: str, n: int, values: dict[str, str | None]) -> Item:
    text = values.get("text")
    if text is None or not text.strip():
        return Skip(where, "source", f'{path}: row {n}: "text" is empty')
    return RawDocument(origin=where, text=text, title=_field(values, "title"), url=_field(values, "url"),
                       published=_field(values, "published") or _field(values, "date"),
                       source=source_of(text, _field(values, "source")))


def _column(name: str) -> str:
    return name.strip().lower()


def _problem(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
