"""Corpora as shipped: a gzip JSONL file in the Wikipedia Current Events shape, and field maps (--field) for
JSON, JSONL, CSV and Parquet files whose fields have other names, through `redline ingest` and `redline batch`."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources import read
from redline.sources.corpus import parse_fields, read_rows
from redline.store import open_store

# Written here in the shape of the Current Events file: a topic heading (is_event false), then its reports.
CURRENT_EVENTS = [
    {"date": "2019-03-02", "category": "Armed conflicts and attacks", "is_event": False, "topic": None,
     "text": "Kashmir conflict"},
    {"date": "2019-03-02", "category": "Armed conflicts and attacks", "is_event": True, "topic": "Kashmir conflict",
     "text": "Pakistani and Indian troops exchange artillery fire across the Line of Control near Poonch. (Reuters)"},
    {"date": "2019-03-03", "category": "International relations", "is_event": True, "topic": "Kashmir conflict",
     "text": "Pakistan returns a captured Indian pilot to India at the Wagah border crossing. (BBC)"},
]


def write_gz(path: Path, records: list[dict[str, object]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return path


def docs(spec: str, **kwargs: object) -> list[RawDocument | Skip]:
    return list(read(spec, **kwargs))  # type: ignore[arg-type]


def test_current_events_file_as_shipped_reads_reports_and_passes_over_headings(tmp_path: Path) -> None:
    path = write_gz(tmp_path / "wcep.jsonl.gz", CURRENT_EVENTS)
    reading = read(str(path))
    got = list(reading)
    assert [d.published for d in got if isinstance(d, RawDocument)] == ["2019-03-02", "2019-03-03"]
    assert [d.title for d in got if isinstance(d, RawDocument)] == ["Kashmir conflict", "Kashmir conflict"]
    assert reading.ignored["heading, not a report (is_event false)"] == 1
    rows = list(read_rows(str(path), max_bytes=10_000))
    assert [(r.heading, r.topic, r.category) for r in rows] == [
        (True, None, "Armed conflicts and attacks"),
        (False, "Kashmir conflict", "Armed conflicts and attacks"),
        (False, "Kashmir conflict", "International relations")]


def test_a_gzip_corpus_in_a_folder_is_read(tmp_path: Path) -> None:
    write_gz(tmp_path / "items.jsonl.gz", CURRENT_EVENTS)
    (tmp_path / "notes.tar.gz").write_bytes(b"\x1f\x8b not a corpus")
    reading = read(str(tmp_path), folders=True)
    assert len([d for d in reading if isinstance(d, RawDocument)]) == 2
    assert reading.ignored["unsupported .gz"] == 1


def test_ingest_takes_the_current_events_file_and_says_what_it_passed_over(tmp_path: Path) -> None:
    path = write_gz(tmp_path / "wcep.jsonl.gz", CURRENT_EVENTS)
    url = f"sqlite:///{tmp_path / 'r.db'}"
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", url, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "passed over: 1 heading, not a report (is_event false)" in result.output
    assert "2 new, 0 duplicate, 0 skipped" in result.output
    with open_store(url) as store:
        articles = sorted(store.articles(limit=10), key=lambda a: a["published"])
    assert [(a["published"][:10], a["title"]) for a in articles] == [("2019-03-02", "Kashmir conflict"),
                                                                      ("2019-03-03", "Kashmir conflict")]


def test_field_map_reads_a_csv_with_other_column_names(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Headline,Body,PubDate,text\n"
                    "Border clash,Troops of two states trade fire at a border post.,2021-05-04,a stale column\n",
                    encoding="utf-8")
    fields = parse_fields(["text=body", "published=pubdate", "title=Headline"])
    [doc] = docs(str(path), fields=fields)
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.text, doc.published) == ("Border clash", "Troops of two states trade fire at a border "
                                                    "post.", "2021-05-04")
    # without the map the same file reads its own "text" column
    [plain] = docs(str(path))
    assert isinstance(plain, RawDocument) and plain.text == "a stale column"


def test_field_map_reads_json_jsonl_and_parquet(tmp_path: Path) -> None:
    record = {"summary": "A ship is seized in the strait by naval forces.", "day": "2020-01-09", "text": 7}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "many.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"day": "x"}) + "\n", "utf-8")
    write_gz(tmp_path / "many.jsonl.gz", [record])
    con = duckdb.connect()
    con.execute(f"COPY (SELECT 'A convoy is shelled on the highway.' AS Summary, '2020-02-01' AS day) "
                f"TO '{tmp_path / 'rows.parquet'}' (FORMAT PARQUET)")
    fields = parse_fields(["text=summary", "published=day"])
    for name in ("one.json", "many.jsonl", "many.jsonl.gz", "rows.parquet"):
        got = docs(str(tmp_path / name), fields=fields)
        first = got[0]
        assert isinstance(first, RawDocument), (name, first)
        assert first.published in ("2020-01-09", "2020-02-01") and first.text.startswith("A "), name
    bad = docs(str(tmp_path / "many.jsonl"), fields=fields)[1]
    assert isinstance(bad, Skip) and '"text"' in bad.reason


@pytest.mark.parametrize(("pair", "message"), [
    ("text", "not NAME=COLUMN"), ("text=", "not NAME=COLUMN"), ("body=text", "'body' is not a field redline reads")])
def test_a_bad_field_map_is_one_line(pair: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=message):
        parse_fields([pair])
    for command in (["ingest", str(tmp_path)], ["batch", str(tmp_path / "c.csv"), "-o", str(tmp_path / "out")]):
        result = CliRunner().invoke(main, [*command, "--field", pair, "--db", f"sqlite:///{tmp_path / 'r.db'}"])
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output


def test_batch_reads_through_the_field_map_and_refuses_another_map_on_resume(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("body,day\nRebels attack an army post in the north and kill four soldiers.,2018-07-01\n", "utf-8")
    out, url = tmp_path / "out", f"sqlite:///{tmp_path / 'r.db'}"
    args = ["batch", str(path), "-o", str(out), "--db", url, "--quiet"]
    result = CliRunner().invoke(main, [*args, "--field", "text=body", "--field", "published=day"])
    assert result.exit_code == 0, result.output
    with open_store(url) as store:
        [article] = store.articles(limit=10)
    assert article["published"][:10] == "2018-07-01"
    again = CliRunner().invoke(main, [*args, "--field", "text=day"])
    assert again.exit_code == 2 and "other corpora, dates or fields" in again.output
