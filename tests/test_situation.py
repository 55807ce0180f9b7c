"""The situation picture: the index formula, dyads, periods, event filters, and the index/events/export commands."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store import make_brief

from redline.cli import main
from redline.errors import ConfigError
from redline.situation import EventRecord, IndexPoint, index_points, merge_reports, parse_dyad, select_events
from redline.situation import dyads as situation_dyads
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
        IndexPoint("2024-11-19", "2024-11-19", ("RUS", "UKR"), 9.0, 1.76, 10.76, 3, 3, ("a1:e1", "a1:e2", "a1:e5")),
        IndexPoint("2024-11-24", "2024-11-24", ("RUS", "UKR"), 1.0, 0.0, 1.0, 1, 1, ("a1:e6",)),
    ]


def test_situation_index_per_week_and_dates() -> None:
    [week] = index_points(RECORDS, ("UKR", "RUS"), by="week")
    assert (week.period, week.date, week.dyad, week.total, week.happenings) == (
        "2024-W47", "2024-11-18", ("UKR", "RUS"), 11.76, 4)
    [month] = index_points(RECORDS, ("UKR", "RUS"), by="month")
    assert (month.period, month.date, month.total) == ("2024-11", "2024-11-01", 11.76)
    assert index_points(RECORDS, ("RUS", "UKR"), since=date(2024, 11, 20)) == [
        IndexPoint("2024-11-24", "2024-11-24", ("RUS", "UKR"), 1.0, 0.0, 1.0, 1, 1, ("a1:e6",))
    ]


def test_situation_index_every_dyad() -> None:
    points = index_points(RECORDS)
    assert [(p.period, p.dyad, p.total) for p in points] == [
        ("2024-11-19", ("RUS", "UKR"), 10.76), ("2024-11-19", ("RUS", "USA"), 10.0),
        ("2024-11-24", ("RUS", "UKR"), 1.0),
    ]  # fmt: skip


def report(article: str, day: str, kind: str = "ASSAULT", place: str | None = "Kharkiv", intensity: float = -10.0,
           confidence: float = 0.8, source: str = "RUS-MIL", target: str = "UKR") -> EventRecord:
    """One event as reported by ``article``."""
    return record(1, kind, source, target, intensity, confidence=confidence, day=day, location=place,
                  article_id=article, event_id=f"{article}:e1")


def test_situation_reports_of_one_act_across_articles_are_one_happening() -> None:
    same = [report("bbc", "2024-11-19"), report("voa", "2024-11-20", confidence=1.0),
            report("afp", "2024-11-21", place=None, source="RUS")]
    [happening] = merge_reports(same)
    assert [r.article_id for r in happening.reports] == ["bbc", "voa", "afp"]
    assert (happening.date, happening.weight) == ("2024-11-19", 10.0)  # earliest day, strongest report
    [point] = index_points(same, ("RUS", "UKR"), by="week")
    assert (point.happenings, point.reports, point.total) == (1, 3, 10.0)
    assert point.event_ids == ("bbc:e1", "voa:e1", "afp:e1")


@pytest.mark.parametrize("other", [
    report("voa", "2024-11-19", place="Sumy"),  # another city
    report("voa", "2024-11-22"),  # three days later
    report("voa", "2024-11-19", kind="COERCE", intensity=-7.0),  # another kind of act
    report("voa", "2024-11-19", source="UKR", target="RUS"),  # the other direction
    report("bbc", "2024-11-19", place="Kharkiv"),  # the same article telling of a second strike
])
def test_situation_different_acts_stay_apart(other: EventRecord) -> None:
    first = report("bbc", "2024-11-19")
    if other.article_id == "bbc":
        other = replace(other, event_id="bbc:e2")
    assert len(merge_reports([first, other])) == 2


def test_situation_no_data_is_not_zero() -> None:
    covered = {date(2024, 11, 19), date(2024, 11, 20), date(2024, 11, 22)}
    points = index_points([report("bbc", "2024-11-19")], ("RUS", "UKR"), covered=covered)
    assert [(p.period, p.total, p.has_data) for p in points] == [
        ("2024-11-19", 8.0, True), ("2024-11-20", 0.0, True), ("2024-11-21", None, False), ("2024-11-22", 0.0, True),
    ]  # fmt: skip
    weeks = index_points([report("bbc", "2024-11-19")], combined=True, covered=covered,
                         since=date(2024, 11, 1), until=date(2024, 11, 30), by="week")
    assert [(p.period, p.total) for p in weeks] == [
        ("2024-W44", None), ("2024-W45", None), ("2024-W46", None), ("2024-W47", 8.0), ("2024-W48", None),
    ]  # fmt: skip
    assert weeks[3].dyad is None


def test_situation_one_dyad_parser_for_cli_and_web() -> None:
    from redline.web import picture

    assert parse_dyad("RUS:UKR") == parse_dyad("rus-ukr") == ("RUS", "UKR")
    assert picture.parse_dyad is parse_dyad and picture.IndexPoint is IndexPoint
    with pytest.raises(ConfigError, match="expected two actor codes"):
        parse_dyad("RUS")


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
        "period      dyad      kinetic  rhetorical     total  happenings  reports\n"
        "2024-11-19  RUS:UKR      6.40        3.52      9.92           2        2\n"
        '    strike:e1  ASSAULT RUS-MIL->UKR  "Russian forces struck Kharkiv with Iskander missiles on Tuesday"\n'
        '    strike:e2  THREATEN RUS-MIL->UKR  "Russian forces struck Kharkiv with Iskander missiles on Tuesday"\n'
    )
    as_json = CliRunner().invoke(main, ["index", "--format", "json", "--db", situation_url])
    assert json.loads(as_json.stdout) == [{
        "period": "2024-11-19", "date": "2024-11-19", "dyad": "RUS:UKR", "kinetic": 6.4, "rhetorical": 3.52,
        "total": 9.92, "value": 9.92, "happenings": 2, "reports": 2, "events": 2,
        "event_ids": [{"article_id": "strike", "id": "e1"}, {"article_id": "strike", "id": "e2"}],
    }]  # fmt: skip
    bad = CliRunner().invoke(main, ["index", "--dyad", "RUS", "--db", situation_url])
    assert (bad.exit_code, bad.stderr) == (
        2, "Error: --dyad RUS: expected two actor codes as A:B (for example RUS:UKR)\n"
    )


def test_situation_index_command_merges_reports_and_shows_gaps(db_url: str) -> None:
    with open_store(db_url) as store:
        for aid, day in (("bbc", 19), ("voa", 20), ("afp", 22)):
            published = datetime(2024, 11, day, 9, tzinfo=UTC)
            brief = make_brief(aid, event_date=f"2024-11-{day}", published=published,
                               intensity=-10.0 if aid == "bbc" else -9.5)
            store.save_brief(replace(brief, events=tuple(replace(e, type="ASSAULT") for e in brief.events)))
    table = CliRunner().invoke(main, ["index", "--dyad", "RUS-UKR", "--db", db_url])
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[1:] == [
        "2024-11-19  RUS:UKR      6.40        0.00      6.40           1        2",  # bbc and voa: one strike
        "2024-11-20  RUS:UKR      0.00        0.00      0.00           0        0",  # news stored, no hostile act
        "2024-11-21  RUS:UKR   no data",
        "2024-11-22  RUS:UKR      6.08        0.00      6.08           1        1",
    ]
    listed = CliRunner().invoke(main, ["events", "--type", "ASSAULT", "--happenings", "--db", db_url])
    assert [line.split("  ")[:3] for line in listed.stdout.splitlines() if not line.startswith(" ")] == [
        ["2024-11-19", "ASSAULT RUS->UKR", "2 reports"], ["2024-11-22", "ASSAULT RUS->UKR", "1 report"],
    ]  # fmt: skip
    as_json = json.loads(CliRunner().invoke(main, ["events", "--happenings", "-f", "json", "--db", db_url]).stdout)
    assert [h["event_ids"] for h in as_json] == [["bbc:e1", "voa:e1"], ["afp:e1"]]


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


def test_situation_counts_only_events_reported_as_happening(db_url: str) -> None:
    # the same strike stored three times over: as news, as background cited from 2022, and doubted by the filter;
    # only the current one enters the index, the event list, the dyads and the ledger's stored events
    with open_store(db_url) as store:
        brief = make_brief("strike", events=3)
        statuses = ("current", "background", "doubtful")
        events = tuple(replace(e, type="ASSAULT", intensity=-10.0, status=s)
                       for e, s in zip(brief.events, statuses, strict=True))
        store.save_brief(replace(brief, events=events))
        assert [r["status"] for r in store.events()] == list(statuses)  # the brief keeps all three
        assert [r["id"] for r in store.event_records()] == ["e1"]
        assert [e.id for _, _, e in store.dated_events()] == ["e1"]
        assert situation_dyads(store) == [(("RUS", "UKR"), 1)]
    table = CliRunner().invoke(main, ["index", "--dyad", "RUS:UKR", "--db", db_url])
    assert table.stdout.splitlines()[1:] == ["2024-11-19  RUS:UKR      6.40        0.00      6.40           1        1"]
