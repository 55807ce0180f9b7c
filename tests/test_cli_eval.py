"""`redline eval`: scores printed, floors defended, bad input on one line."""

from __future__ import annotations

import json
from pathlib import Path

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
