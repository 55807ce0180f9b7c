"""`redline analyze`: exact one-line errors, formats, and storing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.report.schema import validate_brief
from redline.store import open_store

GERMAN = ("Die Regierung in Berlin hat am Dienstag neue Waffenlieferungen an die Ukraine angekündigt. "
          "Der Verteidigungsminister sagte, die Lieferung umfasse auch Luftabwehrsysteme. Die Opposition "
          "kritisierte die Entscheidung scharf und forderte eine Debatte im Bundestag. Nach Angaben des "
          "Ministeriums sollen die Systeme noch vor dem Winter eintreffen.")


def _run(args: list[str]) -> Any:
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.txt", "{p}: no such file"),
    (lambda p: p, "{p}: is a directory (give a file, or use 'redline ingest' for folders)"),
    (lambda p: _write(p / "empty.txt", b""), "{p}: file is empty"),
    (lambda p: _write(p / "x.txt", b"%PDF-1.4\x00\x01binary"),
     "{p}: binary file, not text (give a .txt, .md, .html, .json or .jsonl file)"),
    (lambda p: _write(p / "bad.txt", b"Kyiv\nfine line\nbad \xff here"),
     "{p}: invalid UTF-8 at byte 19 (line 3, column 5) (re-save the file as UTF-8)"),
    (lambda p: _write(p / "de.txt", GERMAN.encode()),
     "{p}: text is in German (de), not English (redline analyses: en)"),
])
def test_cli_analyze_bad_input_is_one_line_with_exit_2(tmp_path: Path, make: Any, message: str) -> None:
    path = make(tmp_path)
    result = _run(["analyze", str(path), "--no-store"])
    assert result.exit_code == 2
    assert result.output == f"Error: {message.format(p=path)}\n"


def test_cli_analyze_text_over_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "long.txt", ("Russian forces shelled Kharkiv overnight. " * 100).encode())
    result = _run(["analyze", str(path), "--no-store", "-s", "max_text_bytes", "1000"])
    assert result.exit_code == 2
    assert result.output == (f"Error: {path}: text is 0.0 MB, over the 0.0 MB limit "
                             "(raise it with --setting max_text_bytes N)\n")


def test_cli_analyze_missing_model_names_the_package(founding_path: Path) -> None:
    result = _run(["analyze", str(founding_path), "--no-store", "-s", "model", "xx_missing_model"])
    assert result.exit_code == 2
    assert result.output == "Error: xx_missing_model: spaCy model is not installed (pip install 'xx-missing-model')\n"


def test_cli_analyze_json_brief_is_stored_once(tmp_path: Path, founding_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    for _ in range(2):
        result = _run(["analyze", str(founding_path), "--format", "json", "--db", db, "--published", "2024-11-19"])
        assert result.exit_code == 0, result.output
    brief = json.loads(result.output)
    validate_brief(brief)
    assert brief["article"]["title"] == "Escalation Fears Rise as Ukraine War Enters 1000th Day"
    assert brief["article"]["published"].startswith("2024-11-19")
    with open_store(db) as store:
        counts = store.counts()
        assert (counts["articles"], counts["briefs"]) == (1, 1)
        assert counts["events"] == len(brief["events"])
        assert store.get_brief(brief["article"]["id"]) == brief


@pytest.mark.parametrize("fmt, marker", [("text", "Scenarios"), ("md", "[^1]"), ("html", "<li id=\"ref-1\"")])
def test_cli_analyze_formats(fmt: str, marker: str, founding_path: Path) -> None:
    result = _run(["analyze", str(founding_path), "--format", fmt, "--no-store"])
    assert result.exit_code == 0, result.output
    assert marker in result.output
    assert "Maria Zakharova" in result.output


def test_cli_analyze_jsonl_records_each_with_a_summary(tmp_path: Path, sample_records: list[dict[str, Any]]) -> None:
    path = tmp_path / "two.jsonl"
    bad = {"title": "Kurz", "text": GERMAN}
    lines = [json.dumps(sample_records[0]), json.dumps(bad), json.dumps(sample_records[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    result = CliRunner().invoke(main, ["analyze", str(path), "--db", db, "--quiet"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        f"skipped: {path} line 2: text is in German (de), not English (redline analyses: en)",
        "2 analysed, 1 skipped",
    ]
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        assert [s["stage"] for s in store.skips()] == ["ingest"]


def test_cli_analyze_stdin_without_traceback() -> None:
    proc = subprocess.run([sys.executable, "-m", "redline", "analyze", "-", "--no-store"], input="",
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == "Error: <stdin>: file is empty\n"


def test_cli_help_ends_with_an_example() -> None:
    for args in (["--help"], ["analyze", "--help"], ["settings", "--help"]):
        result = _run(args)
        assert "Example:" in result.output, args


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
