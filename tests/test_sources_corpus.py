"""CSV and Parquet corpora, read row by row; a bad row is a Skip, a bad file a SourceError."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from redline.errors import SourceError
from redline.ingest import parse_date
from redline.models import RawDocument, Skip
from redline.sources import read

ROWS = [
    {"title": "Strike on Kharkiv", "text": "Russian forces shelled Kharkiv overnight.", "url": "https://a.example/1",
     "published": "2024-11-19", "source": "Kyiv Courier"},
    {"title": "Drones over Kyiv", "text": "Ukraine said it downed 30 drones.\nNo one was hurt.", "url": "",
     "published": "", "source": ""},
]


def write_csv(path: Path, rows: list[dict[str, str]], fields: list[str] | None = None, delimiter: str = ",") -> str:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields or list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def error_of(spec: str) -> str:
    with pytest.raises(SourceError) as err:
        read(spec)
    return str(err.value)


def test_corpus_csv_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ROWS)
    first, second = read(path)
    assert first == RawDocument(origin=f"{path} row 1", text="Russian forces shelled Kharkiv overnight.",
                                title="Strike on Kharkiv", url="https://a.example/1", published="2024-11-19",
                                source="Kyiv Courier")
    assert second == RawDocument(origin=f"{path} row 2", text="Ukraine said it downed 30 drones.\nNo one was hurt.",
                                 title="Drones over Kyiv")


def test_corpus_csv_only_text_is_required_and_date_is_published(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("\ufeffText,Date,extra\nKyiv was attacked.,2024-11-20,x\n", encoding="utf-8")
    [doc] = read(str(path))
    assert doc == RawDocument(origin=f"{path} row 1", text="Kyiv was attacked.", published="2024-11-20")


def test_corpus_csv_bad_rows_are_skips_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('title,text\nA,First story.\nB,\n\nC,Third,extra\nD,"Fourth story."\n', encoding="utf-8")
    items = list(read(str(path)))
    assert items == [
        RawDocument(origin=f"{path} row 1", text="First story.", title="A"),
        Skip(f"{path} row 2", "source", f'{path}: row 2: "text" is empty'),
        Skip(f"{path} row 3", "source", f"{path}: row 3: 3 fields, the header has 2"),
        RawDocument(origin=f"{path} row 4", text="Fourth story.", title="D"),
    ]


def test_corpus_csv_long_field(tmp_path: Path) -> None:
    text = "Russian forces shelled Kharkiv overnight. " * 5000  # over the csv module's 128 KB default
    path = write_csv(tmp_path / "c.csv", [{"title": "Long", "text": text}])
    [doc] = read(path)
    assert isinstance(doc, RawDocument) and doc.text == text


def test_corpus_csv_invalid_utf8_ends_with_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"title,text\nA,First story.\n" + b"B,caf\xe9 story\n" * 5000)
    items = list(read(str(path)))
    assert items[0] == RawDocument(origin=f"{path} row 1", text="First story.", title="A")
    last = items[-1]
    assert isinstance(last, Skip)
    assert len(items) == 2
    assert last == Skip(f"{path} row 2", "source", f"{path}: invalid UTF-8 at line 3 (row 2); the rest of the "
                                                   f"file is not read (re-save the file as UTF-8)")


def test_corpus_csv_without_text_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [{"headline": "x", "body": "y"}])
    assert error_of(path) == (
        f'{path}: no "text" column (columns: headline, body; expected title, text, url, published, source)'
    )


def test_corpus_tsv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.tsv", ROWS, delimiter="\t")
    assert [d.title for d in read(path) if isinstance(d, RawDocument)] == ["Strike on Kharkiv", "Drones over Kyiv"]


def test_corpus_empty_and_binary_csv(tmp_path: Path) -> None:
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    assert error_of(str(empty)) == f"{empty}: file is empty"
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"PK\x03\x04zip")
    assert error_of(str(binary)) == f"{binary}: binary file, not CSV"


def write_parquet(path: Path, query: str) -> str:
    import duckdb

    duckdb.sql(f"COPY ({query}) TO '{path}' (FORMAT parquet)")
    return str(path)


def test_corpus_parquet_rows_in_batches(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "c.parquet", """
        SELECT 'Story ' || i AS Title, 'Text of story ' || i || '.' AS text,
               'https://a.example/' || i AS url, TIMESTAMP '2024-11-19 08:30:00' AS published,
               CASE WHEN i % 2 = 0 THEN NULL ELSE 'Wire' END AS source, i AS n
        FROM range(1, 2501) t(i)""")
    docs = list(read(path))
    assert len(docs) == 2500
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (first.origin, first.title, first.text, first.url, first.source) == (
        f"{path} row 1", "Story 1", "Text of story 1.", "https://a.example/1", "Wire")
    assert parse_date(first.published or "") == parse_date("2024-11-19T08:30:00Z")
    assert docs[2499].source is None and docs[2499].origin == f"{path} row 2500"  # type: ignore[union-attr]


def test_corpus_parquet_null_text_is_a_skip(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "c.parquet", "SELECT * FROM (VALUES ('a', 'Kyiv.'), ('b', NULL)) t(title, text)")
    assert list(read(path)) == [
        RawDocument(origin=f"{path} row 1", text="Kyiv.", title="a"),
        Skip(f"{path} row 2", "source", f'{path}: row 2: "text" is empty'),
    ]


def test_corpus_parquet_without_text_column(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "c.parquet", "SELECT 'x' AS body")
    assert error_of(path) == f'{path}: no "text" column (columns: body; expected title, text, url, published, source)'


def test_corpus_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    path.write_text("title,text\n", encoding="utf-8")
    assert error_of(str(path)).startswith(f"{path}: not a readable Parquet file (")


def test_corpus_parquet_without_duckdb_names_the_extra(tmp_path: Path, monkeypatch: Any) -> None:
    import sys

    path = write_parquet(tmp_path / "c.parquet", "SELECT 'x' AS text")
    monkeypatch.setitem(sys.modules, "duckdb", None)  # as if the extra were not installed
    assert error_of(path) == f"{path}: reading Parquet needs DuckDB (pip install 'redline[corpus]')"


def test_corpus_is_read_lazily(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ROWS)
    reading = read(path)
    assert isinstance(next(reading), RawDocument)
    reading.close()
    assert list(reading) == []
