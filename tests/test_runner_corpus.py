"""redline.runner.corpus: corpora streamed item by item, date ranges, and partitions."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.runner.corpus import HEADING, DateRange, check_bound, iter_items, plan

WCEP = Path("/work/shared/data/wcep/wcep_items_2002_2024.jsonl.gz")
# four lines shaped as the Wikipedia Current Events file is shipped: a heading, two reports, one on another day
CURRENT_EVENTS = [
    {"date": "2022-03-01", "category": "Uncategorized", "is_event": False, "topic": None, "text": "Battle of Kyiv"},
    {"date": "2022-03-01", "category": "Armed conflicts and attacks", "is_event": True, "topic": "Kyiv offensive",
     "text": "Russian forces strike the Kyiv TV Tower with a missile, killing five people."},
    {"date": "2022-03-02", "category": "International relations", "is_event": True, "topic": None,
     "text": "The UN General Assembly votes to demand that Russia withdraw from Ukraine."},
    {"date": "2023-01-05", "category": "Law and crime", "is_event": True, "topic": None,
     "text": "A court in Kyiv sentences a Russian soldier to prison for looting."},
]


def write_gz(path: Path, records: list[object], extra: str = "") -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
        f.write(extra)
    return path


def test_runner_corpus_current_events_keeps_date_topic_category(tmp_path: Path) -> None:
    ignored: dict[str, int] = {}
    items = list(iter_items(str(write_gz(tmp_path / "ce.jsonl.gz", CURRENT_EVENTS)), DateRange(),
                            max_bytes=10**6, ignored=ignored))
    assert ignored == {HEADING: 1}
    assert [(i.doc.published, i.topic, i.category) for i in items if isinstance(i.doc, RawDocument)] == [
        ("2022-03-01", "Kyiv offensive", "Armed conflicts and attacks"),
        ("2022-03-02", None, "International relations"),
        ("2023-01-05", None, "Law and crime"),
    ]


def test_runner_corpus_date_range_is_inclusive_by_prefix(tmp_path: Path) -> None:
    path = str(write_gz(tmp_path / "ce.jsonl.gz", CURRENT_EVENTS))
    ignored: dict[str, int] = {}
    items = list(iter_items(path, DateRange("2022-03-02", "2023"), max_bytes=10**6, ignored=ignored))
    assert [i.doc.published for i in items if isinstance(i.doc, RawDocument)] == ["2022-03-02", "2023-01-05"]
    assert ignored == {"outside --since/--until": 2}  # the heading is outside too, counted once


def test_runner_corpus_bad_lines_are_skips_not_errors(tmp_path: Path) -> None:
    path = write_gz(tmp_path / "bad.jsonl.gz", [CURRENT_EVENTS[1], [1, 2], {"date": "2022-03-03", "text": " "}],
                    extra="{not json\n")
    items = list(iter_items(str(path), DateRange(), max_bytes=10**6))
    reasons = [i.doc.reason for i in items if isinstance(i.doc, Skip)]
    assert reasons == [f"{path} line 2: not a JSON object", f'{path} line 3: "text" is missing or empty',
                       f"{path} line 4: invalid JSON: Expecting property name enclosed in double quotes"]
    assert sum(isinstance(i.doc, RawDocument) for i in items) == 1


def test_runner_corpus_truncated_gzip_ends_with_one_skip(tmp_path: Path) -> None:
    whole = write_gz(tmp_path / "whole.jsonl.gz", CURRENT_EVENTS * 50).read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    items = list(iter_items(str(cut), DateRange(), max_bytes=10**6))
    assert isinstance(items[-1].doc, Skip) and "cannot read past line" in items[-1].doc.reason
    assert all(isinstance(i.doc, RawDocument) for i in items[:-1])


def test_runner_corpus_parquet_and_csv_read_alike(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [r for r in CURRENT_EVENTS if r["is_event"]]
    pq.write_table(pa.Table.from_pylist([{"Text": r["text"], "date": r["date"], "topic": r["topic"]} for r in rows]),
                   tmp_path / "c.parquet")
    (tmp_path / "c.csv").write_text("text,date\n" + "".join(f'"{r["text"]}",{r["date"]}\n' for r in rows), "utf-8")
    for name in ("c.parquet", "c.csv"):
        items = list(iter_items(str(tmp_path / name), DateRange(until="2022"), max_bytes=10**6))
        assert [(i.doc.text, i.doc.published) for i in items if isinstance(i.doc, RawDocument)] == [
            (r["text"], r["date"]) for r in rows if r["date"] < "2023"], name


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.jsonl", None, "missing.jsonl: no such file"),
    ("empty.jsonl", "", "empty.jsonl: file is empty"),
    ("notes.pdf", "x", "notes.pdf: not a corpus (give a .jsonl, .jsonl.gz, .csv, .tsv or .parquet file)"),
    ("bad.parquet", "not parquet", "bad.parquet: not a readable Parquet file"),
])
def test_runner_corpus_unreadable_file_is_one_error(tmp_path: Path, name: str, content: str | None,
                                                    message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(SourceError) as e:
        plan([str(path)], DateRange(), partitions=None, size=10, max_bytes=10**6)
    assert str(e.value).startswith(f"{tmp_path}/{message}")


def test_runner_corpus_plan_cuts_equal_partitions_per_corpus(tmp_path: Path) -> None:
    a = write_gz(tmp_path / "a.jsonl.gz", [CURRENT_EVENTS[1]] * 7)
    b = write_gz(tmp_path / "b.jsonl.gz", [CURRENT_EVENTS[2]] * 3)
    parts, _ = plan([str(a), str(b)], DateRange(), partitions=None, size=3, max_bytes=10**6)
    assert [(p.id, p.start, p.stop) for p in parts] == [
        ("00-a-00000", 0, 3), ("00-a-00001", 3, 6), ("00-a-00002", 6, 7), ("01-b-00000", 0, 3)]
    parts, _ = plan([str(a), str(b)], DateRange(), partitions=2, size=3, max_bytes=10**6)
    assert [p.size for p in parts] == [5, 2, 3]


@pytest.mark.parametrize(("value", "expected"), [("2014", "2014"), ("2014-03", "2014-03"),
                                                 (" 2014-03-09 ", "2014-03-09")])
def test_runner_corpus_check_bound_accepts_iso_prefixes(value: str, expected: str) -> None:
    assert check_bound("--since", value) == expected


@pytest.mark.parametrize("value", ["14", "2014-3", "2014-13", "March 2014", "2014-03-09T00:00"])
def test_runner_corpus_check_bound_refuses_other_dates(value: str) -> None:
    with pytest.raises(SourceError, match=rf"^--until {value}: not a date \(use YYYY, YYYY-MM or YYYY-MM-DD\)$"):
        check_bound("--until", value)


@pytest.mark.skipif(not WCEP.exists(), reason="the shared Current Events file is not on this machine")
def test_runner_corpus_reads_the_shipped_current_events_file() -> None:
    ignored: dict[str, int] = {}
    items = iter_items(str(WCEP), DateRange("2022-02-24", "2022-02-24"), max_bytes=10**6, ignored=ignored)
    docs = [i for i in items if isinstance(i.doc, RawDocument)]
    assert docs and all(i.doc.published == "2022-02-24" for i in docs)
    assert ignored[HEADING] > 0 and any(i.topic for i in docs)


def test_runner_corpus_parquet_goes_through_the_one_corpus_reader(tmp_path: Path) -> None:
    """``redline batch`` and ``redline ingest`` read a Parquet corpus with the same reader: same documents, same
    skips, plus the topic and category the batch keeps; typed columns come as text."""
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    from redline.sources.corpus import read_corpus

    table = pa.Table.from_pylist([
        {"text": "Troops shelled the town.", "published": datetime.date(2022, 3, 1), "topic": "War", "category": "A"},
        {"text": "  ", "published": datetime.date(2022, 3, 2), "topic": None, "category": None},
        {"text": "Talks resumed in Geneva.", "published": None, "topic": "Talks", "category": None},
    ])
    pq.write_table(table, tmp_path / "c.parquet")
    path = str(tmp_path / "c.parquet")
    items = list(iter_items(path, DateRange(), max_bytes=10**6))
    ingested = list(read_corpus(path, max_bytes=10**6))
    assert [i.doc for i in items] == ingested
    assert [(i.doc.published, i.topic, i.category) for i in items if isinstance(i.doc, RawDocument)] == [
        ("2022-03-01", "War", "A"), (None, "Talks", None)]
    skip = items[1].doc
    assert isinstance(skip, Skip) and skip.reason == f'{path}: row 2: "text" is empty'
