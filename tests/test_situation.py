"""The situation picture: the index formula, dyads, periods, event filters, and the index/events/export commands."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store import make_brief

from redline.cli import main
from redline.situation import EventRecord, IndexPoint, index_points, select_events
from redline.store import open_store


def record(n: int, kind: str, source: str, target: str, intensity: float, factuality: str = "asserted",
           confidence: float = 1.0, day: str | None = "2024-11-19", **extra: object) -> EventRecord:
    base = EventRecord(
        event_id=f"a1:e{n}", date=day, source=source, source_country=source.split("-")[0],
        target=target, target_country=target.split("-")[0], plover_type=kind, plover_mode="",
        cameo_root="19", intensity=intensity, location=None, lat=None, lon=None, location_country=None,
        weapons=(), factuality=factuality, confidence=confidence, article_id="a1", article_url=None,
        article_title="t", quote=f"quote {n}", quote_start=0, quote_end=7,
    )  # fmt: skip
    return replace(base, **extra)  # type: ignore[arg-type]


RECORDS = [
    record(1, "ASSAULT", "RUS-MIL", "UKR", -10.0, confidence=0.9),  # 10 x 1.0 x 0.9 = 9.0 kinetic
    record(2, "THREATEN", "UKR", "RUS", -4.4, "reported", 0.5),  # 4.4 x 0.8 x 0.5 = 1.76 rhetorical
    record(3, "CONSULT", "RUS", "UKR", 1.0),  # not in the index
    record(4, "ASSAULT", "RUS", "USA", -10.0),  # another dyad
    record(5, "ASSAULT", "RUS", "UKR", -10.0, "negated"),  # counted, weighs nothing
    record(6, "MOBILIZE", "RUS", "UKR-MIL", -2.0, "hedged", 1.0, "2024-11-24"),  # 2 x 0.5 = 1.0
    record(7, "ASSAULT", "RUS", "UKR", -10.0, day=None),  # no day: in no period
]


def test_situation_index_per_day_for_one_dyad() -> None:
    assert index_points(RECORDS, ("RUS", "UKR")) == [
        IndexPoint("2024-11-19", ("RUS", "UKR"), 9.0, 1.76, 10.76, 3, ("a1:e1", "a1:e2", "a1:e5")),
        IndexPoint("2024-11-24", ("RUS", "UKR"), 1.0, 0.0, 1.0, 1, ("a1:e6",)),
    ]


def test_situation_index_per_week_and_dates() -> None:
    [week] = index_points(RECORDS, ("UKR", "RUS"), by="week")
    assert (week.period, week.dyad, week.total, week.events) == ("2024-W47", ("UKR", "RUS"), 11.76, 4)
    assert index_points(RECORDS, ("RUS", "UKR"), since=date(2024, 11, 20)) == [
        IndexPoint("2024-11-24", ("RUS", "UKR"), 1.0, 0.0, 1.0, 1, ("a1:e6",))
    ]


def test_situation_index_every_dyad() -> None:
    points = index_points(RECORDS)
    assert [(p.period, p.dyad, p.total) for p in points] == [
        ("2024-11-19", ("RUS", "UKR"), 10.76), ("2024-11-19", ("RUS", "USA"), 10.0),
        ("2024-11-24", ("RUS", "UKR"), 1.0),
    ]  # fmt: skip


def test_situation_select_events_by_place_weapon_and_limit() -> None:
    records = [
        record(1, "ASSAULT", "RUS", "UKR", -10, location="Kharkiv", location_country="UKR",
               weapons=("9K720 Iskander",)),
        record(2, "ASSAULT", "RUS", "UKR", -10, location="Sumy", location_country="UKR"),
        record(3, "ASSAULT", "RUS", "UKR", -10, location="Belgorod", location_country="RUS"),
    ]  # fmt: skip
    assert [r.event_id for r in select_events(records, place="kharkiv")] == ["a1:e1"]
    assert [r.event_id for r in select_events(records, place="UKR")] == ["a1:e1", "a1:e2"]
    assert [r.event_id for r in select_events(records, weapon="iskander")] == ["a1:e1"]
    assert [r.event_id for r in select_events(records, limit=2)] == ["a1:e1", "a1:e2"]


@pytest.fixture
def situation_url(db_url: str) -> str:
    with open_store(db_url) as store:
        brief = make_brief("strike", events=2)
        events = (replace(brief.events[0], type="ASSAULT", intensity=-10.0),
                  replace(brief.events[1], type="THREATEN", intensity=-4.4, factuality="asserted", weapons=()))
        store.save_brief(replace(brief, events=events))
    return db_url


def test_situation_index_command(situation_url: str) -> None:
    table = CliRunner().invoke(main, ["index", "--dyad", "RUS:UKR", "--events", "--db", situation_url])
    assert table.exit_code == 0, table.output
    assert table.stdout == (
        "period      dyad      kinetic  rhetorical     total  events\n"
        "2024-11-19  RUS:UKR      6.40        3.52      9.92       2\n"
        '    strike:e1  ASSAULT RUS-MIL->UKR  "Russian forces struck Kharkiv with Iskander missiles on Tuesday"\n'
        '    strike:e2  THREATEN RUS-MIL->UKR  "Russian forces struck Kharkiv with Iskander missiles on Tuesday"\n'
    )
    as_json = CliRunner().invoke(main, ["index", "--format", "json", "--db", situation_url])
    assert json.loads(as_json.stdout) == [{
        "period": "2024-11-19", "dyad": "RUS:UKR", "kinetic": 6.4, "rhetorical": 3.52, "total": 9.92,
        "events": 2, "event_ids": ["strike:e1", "strike:e2"],
    }]  # fmt: skip
    bad = CliRunner().invoke(main, ["index", "--dyad", "RUS", "--db", situation_url])
    assert (bad.exit_code, bad.stderr) == (
        2, "Error: --dyad RUS: expected two actor codes as A:B (for example RUS:UKR)\n"
    )


def test_situation_events_command(situation_url: str) -> None:
    result = CliRunner().invoke(main, ["events", "--actor", "RUS", "--type", "assault", "--weapon", "iskander",
                                       "--since", "2024-11-19", "--db", situation_url])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "2024-11-19  strike:e1  ASSAULT RUS-MIL->UKR at Kharkiv with Iskander  [reported]\n"
        '    "Russian forces struck Kharkiv with Iskander missiles on Tuesday"\n'
    )
    none = CliRunner().invoke(main, ["events", "--target", "USA", "--db", situation_url])
    assert none.stdout == "no events match\n"


def test_situation_export_command(situation_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "events.csv"
    result = runner.invoke(main, ["export", "--format", "csv", "-o", str(out), "--db", situation_url])
    assert (result.exit_code, result.stderr) == (0, f"2 events written to {out}\n")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {k: rows[0][k] for k in ("event_id", "date", "source_country", "target", "plover_type", "cameo_root",
                                     "intensity", "location", "lat", "weapons", "quote_start", "article_url")} == {
        "event_id": "strike:e1", "date": "2024-11-19", "source_country": "RUS", "target": "UKR",
        "plover_type": "ASSAULT", "cameo_root": "19", "intensity": "-10.0", "location": "Kharkiv",
        "lat": "49.9935", "weapons": "Iskander", "quote_start": "0", "article_url": "https://news.example.org/strike",
    }  # fmt: skip
    plover = tmp_path / "events.plover.jsonl"
    runner.invoke(main, ["export", "--format", "jsonl", "--plover", "-o", str(plover), "--db", situation_url])
    first = json.loads(plover.read_text("utf-8").splitlines()[0])
    assert {k: first[k] for k in ("event", "mode", "src_actor", "src_agent", "tgt_actor", "eventText")} == {
        "event": "ASSAULT", "mode": "aerial", "src_actor": "RUS", "src_agent": "MIL", "tgt_actor": "UKR",
        "eventText": "Russian forces struck Kharkiv with Iskander missiles on Tuesday",
    }  # fmt: skip
    parquet = tmp_path / "events.parquet"
    assert runner.invoke(main, ["export", "-f", "parquet", "-o", str(parquet), "--db", situation_url]).exit_code == 0
    import duckdb

    assert duckdb.sql(f"SELECT event_id, weapons, lat FROM '{parquet}' ORDER BY 1").fetchall() == [
        ("strike:e1", ["Iskander"], 49.9935), ("strike:e2", [], 49.9935),
    ]  # fmt: skip
    wrong = runner.invoke(main, ["export", "-f", "csv", "--plover", "-o", str(out), "--db", situation_url])
    assert (wrong.exit_code, wrong.stderr) == (
        2, "Error: --plover: PLOVER records are JSON lines (use --format jsonl, not csv)\n"
    )
