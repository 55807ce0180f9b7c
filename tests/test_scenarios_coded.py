"""redline.scenarios.coded: the escalation history coded by the full coder from `redline batch` output."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from redline.runner import LocalRunner
from redline.runner.batch import batch
from redline.scenarios import coded, history
from redline.settings import Settings

pytest.importorskip("pyarrow")

# Current Events items shaped as the portal ships them (date, category, is_event, topic, text with its source).
ITEMS: list[dict[str, Any]] = [
    {"date": "2022-05-01", "category": "Armed conflicts and attacks", "is_event": False, "topic": None,
     "text": "Russian invasion of Ukraine"},
    {"date": "2022-05-01", "category": "Armed conflicts and attacks", "is_event": True,
     "topic": "Russian invasion of Ukraine",
     "text": "Russian forces launch a missile strike on Kharkiv, killing five civilians. (Reuters)"},
    # the same strike reported again the next day: one happening, not two
    {"date": "2022-05-02", "category": "Armed conflicts and attacks", "is_event": True,
     "topic": "Russian invasion of Ukraine",
     "text": "Russian forces launch a missile strike on Kharkiv, killing five civilians, officials say. (AP)"},
    {"date": "2022-05-03", "category": "Armed conflicts and attacks", "is_event": True, "topic": "Boko Haram",
     "text": "Boko Haram militants attack a village in Borno State, Nigeria, killing 12 people. (Al Jazeera)"},
    {"date": "2022-05-04", "category": "International relations", "is_event": True, "topic": None,
     "text": "China condemns the United States over arms sales to Taiwan. (BBC)"},
    # a left-out category: whatever the coder finds in it is not conflict history
    {"date": "2022-05-05", "category": "Sports", "is_event": True, "topic": None,
     "text": "Russian forces launch a missile strike on Kharkiv, killing five civilians. (Reuters)"},
]


@pytest.fixture(scope="module")
def batch_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("coded")
    corpus = root / "wcep.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(item) + "\n" for item in ITEMS)
    batch([str(corpus)], root / "out", Settings(), runner=LocalRunner(), store=None)
    return root / "out"


def test_coded_batch_records_dyads_rungs_and_merged_happenings(batch_folder: Path) -> None:
    records = coded.code_batch(batch_folder)
    by_dyad: dict[str, list[history.Record]] = {}
    for r in records:
        by_dyad.setdefault(r.dyad, []).append(r)
    # the strike on Kharkiv (a city of over a million): rung 6, one happening on its first report's day
    assert [(r.day, r.rung) for r in by_dyad["RUS:UKR"]] == [("2022-05-01", 6)]
    # an armed group is filed under its home state's internal conflict
    assert any(r.rung >= 5 and r.day == "2022-05-03" for r in by_dyad["NGA:NGA"])
    # a condemnation is rung 1 between two states
    assert [(r.day, r.rung) for r in by_dyad["CHN:USA"]] == [("2022-05-04", 1)]
    # the sports item added nothing (its strike would be a second RUS:UKR happening on 2022-05-05)
    assert all(r.day != "2022-05-05" for r in records)


def test_coded_batch_writes_the_table_the_history_reads(batch_folder: Path, tmp_path: Path) -> None:
    table = tmp_path / "history.csv.gz"
    assert history.main([str(batch_folder), str(table)]) == 0
    back = history.read_table(table)
    assert sorted(back, key=lambda r: (r.day, r.dyad)) == sorted(coded.code_batch(batch_folder),
                                                                  key=lambda r: (r.day, r.dyad))


def _brief(events: list[dict[str, Any]], published: str = "2022-05-10") -> dict[str, Any]:
    return {"schema_version": 1, "article": {"id": "a1", "title": "", "url": None, "source": None,
                                             "published": f"{published}T00:00:00+00:00", "language": "en"},
            "entities": [], "claims": [], "threats": [], "scenarios": [], "events": events}


def _event(eid: str, **given: Any) -> dict[str, Any]:
    base = {"id": eid, "type": "ASSAULT", "mode": "", "cameo": "19", "source": "RUS-MIL", "target": "UKR",
            "location": None, "geo": None, "weapons": [], "factuality": "asserted", "intensity": -10.0,
            "confidence": 0.8, "evidence": [], "date": "2022-05-10", "text": "troops attack", "status": "current"}
    return {**base, **given}


def test_only_current_counted_recent_acts_between_states_are_history() -> None:
    brief = _brief([
        _event("e1"),
        _event("e2", status="hypothetical"),
        _event("e3", factuality="hedged"),
        _event("e4", date="1994-04-07"),  # a reference to the past, not that day's news
        _event("e5", source="HEZ", target=None),  # an organisation alone: no state to file it under
        _event("e6", type="COOPERATE", cameo="06", intensity=6.0),  # rung 0
        _event("e7", date="2022-04-20", source="UKR-MIL", target="RUS", text="shelling of Belgorod city"),
    ])
    rows = coded.brief_records(brief, "Armed conflicts and attacks", "2022-05-10T00:00:00+00:00")
    assert [(r.event_id, r.date, r.source_country, r.target_country, r.cameo_root) for r in rows] == [
        ("a1:e1", "2022-05-10", "RUS", "UKR", "5"), ("a1:e7", "2022-04-20", "UKR", "RUS", "6")]
    assert coded.brief_records(brief, "Business and economy", None) == []


def test_history_job_names_a_bad_source_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert history.main([str(tmp_path / "missing")]) == 2
    assert history.main([str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].endswith("missing: no such file or folder")
    assert "no articles/*.parquet" in err[1] and "Traceback" not in "".join(err)


def test_backtest_history_option_reads_a_coded_table_and_names_a_bad_one(batch_folder: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redline.cli import main

    table = tmp_path / "history.csv.gz"
    assert history.main([str(batch_folder), str(table)]) == 0
    args = ["backtest", "--from", "2022-01-01", "--to", "2022-12-31", "--family", "escalation", "--format", "json"]
    result = CliRunner().invoke(main, [*args, "--history", str(table)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["questions"] == 0  # five records: no dyad has the three a question needs
    bad = tmp_path / "bad.csv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as f:
        f.write("date,pair\n")
    result = CliRunner().invoke(main, [*args, "--history", str(bad)])
    assert result.exit_code == 2
    assert result.output == f"Error: --history: {bad}: expected the columns day,dyad,rung, found 'date,pair'\n"
    result = CliRunner().invoke(main, [*args, "--history", str(tmp_path / "none.csv.gz")])
    assert result.output.startswith(f"Error: --history: {tmp_path / 'none.csv.gz'}: cannot read a gzip CSV (")
