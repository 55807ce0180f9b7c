"""`redline eval`: scores printed, floors defended, bad input on one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from redline.cli import main

RECORDS = [
    {"id": "a", "dataset": "plover_gsr_cameo_v0.5b1", "text": "Russian forces shelled the Ukrainian city of Sumy.",
     "date": "2024-11-19", "expected_events": [{"source": "RUS", "target": "UKR", "code": "FIGHT"}]},
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", "utf-8")
    return path


def test_cli_eval_prints_scores_as_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(_write(tmp_path)), "--json", "--by-type"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)["mini"]
    assert data["scores"]["type_f1"] == 1.0 and data["scores"]["full_f1"] == 1.0
    assert data["confusion"] == {"ASSAULT": {"ASSAULT": 1}}


def test_cli_eval_fails_below_a_floor_and_updates_only_upwards(tmp_path: Path) -> None:
    data = _write(tmp_path)
    floors = tmp_path / "floors.json"
    runner = CliRunner()
    assert runner.invoke(main, ["eval", str(data), "--floors", str(floors), "--update-floors"]).exit_code == 0
    pinned = json.loads(floors.read_text())
    assert pinned["datasets"]["mini"]["floors"]["type_f1"] == 1.0
    pinned["datasets"]["mini"]["floors"]["full_recall"] = 1.5
    floors.write_text(json.dumps(pinned))
    result = runner.invoke(main, ["eval", str(data), "--floors", str(floors)])
    assert result.exit_code == 1
    assert "below floor: mini: full_recall 1.0000 breaks its floor 1.5000 (epsilon 0.005)" in result.output
    refused = runner.invoke(main, ["eval", str(data), "--floors", str(floors), "--update-floors"])
    assert refused.exit_code == 2
    assert refused.output.strip().endswith(
        "Error: mini: refusing to relax full_recall 1.5000 -> 1.0000 (pass --allow-regression to accept)")


def test_cli_eval_missing_dataset_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert result.output == (f"Error: {tmp_path / 'nope.jsonl'}: no such file or folder "
                             "(give a .jsonl event set or a gold folder)\n")


def test_cli_eval_bad_record_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', "utf-8")
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {path}:1: not an event record ('text'; see docs/cli.md, redline eval)\n")


NEWS: list[dict[str, Any]] = [
    {"id": "n-tune", "source": "test", "published": "2024-11-19", "title": "t",
     "text": "Russian forces shelled the Ukrainian city of Sumy on Monday. A storm flooded the coast.",
     "events": [{"type": "ASSAULT", "source": "RUS-MIL", "target": "UKR", "text": "Russian forces shelled"}],
     "must_not": [{"reason": "disaster", "text": "A storm flooded the coast", "type": None}]},
    {"id": "n-val", "source": "test", "published": "2024-11-19", "title": "v",
     "text": "The ministry said it would consider the report next year. Prices rose in November.",
     "events": [], "must_not": []},
]


def _write_news(tmp_path: Path) -> Path:
    from redline.eval.splits import half_of, make_split

    docs = [dict(d, id=next(f"{d['id']}-{k}" for k in range(100) if half_of(f"{d['id']}-{k}") == half))
            for d, half in zip(NEWS, ("tune", "validation"), strict=True)]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", "utf-8")
    split = make_split("news", [(d["id"], d["text"]) for d in docs])
    (tmp_path / "news_split.json").write_text(json.dumps(split), "utf-8")
    return path


def test_cli_eval_scores_a_split_news_set_per_half_with_the_gap(tmp_path: Path) -> None:
    path = _write_news(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"news/tune", "news/validation", "news/gap"}
    tune, val = data["news/tune"]["scores"], data["news/validation"]["scores"]
    assert tune["full_recall"] == 1.0 and tune["forbidden_assaults"] == 0.0 and tune["must_not_hits"] == 0.0
    assert val == {"false_event_rate": 0.0, "forbidden_assaults": 0.0, "must_not_hits": 0.0, "stale_dates": 0.0}
    assert data["news/gap"]["scores"] == {}  # no rate is measured on both halves, counts have no gap
    text = CliRunner().invoke(main, ["eval", str(path), "--errors", "5"]).output
    assert "news/gap  (tune minus validation; positive: tune is better)" in text
    assert "(validation errors are not listed: write rules from the tune half)" in text


def test_cli_eval_split_that_moves_a_record_is_one_line(tmp_path: Path) -> None:
    path = _write_news(tmp_path)
    split = tmp_path / "news_split.json"
    data = json.loads(split.read_text())
    data["tune"], data["validation"] = data["validation"], data["tune"]
    split.write_text(json.dumps(data), "utf-8")
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {split}: 2 ids are not in the half the rule puts them in")
    assert result.output.count("\n") == 1


def test_cli_eval_news_quote_missing_from_its_text_is_one_line(tmp_path: Path) -> None:
    doc = dict(NEWS[0], events=[{"type": "ASSAULT", "source": "RUS", "target": "UKR", "text": "Russian jets bombed"}])
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(doc) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {path}:1: not a real-news document (n-tune: event quote not in the text: "
                             "'Russian jets bombed'; see tests/gold/README.md)\n")
