"""`redline batch` as a user runs it: summary and exit code, one-line errors, kill -9 then resume."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "redline" / "data" / "sample" / "voa_articles.jsonl"


def snapshot(url: str) -> dict[str, Any]:
    with open_store(url) as store:
        return {"counts": store.counts(), "ids": sorted(a["id"] for a in store.articles(limit=1000))}


def test_cli_batch_summary_counts_new_duplicate_and_skipped_with_reasons(tmp_path: Path,
                                                                        sample_records: list[Any]) -> None:
    records = [sample_records[0], sample_records[1], {"text": "Too short.", "date": "2024-01-01"},
               sample_records[0]]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    url = f"sqlite:///{tmp_path / 'c.db'}"
    result = CliRunner().invoke(main, ["batch", str(corpus), "-o", str(tmp_path / "out"), "--db", url, "-q"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == "2 new, 1 duplicate, 1 skipped"
    assert "skipped 1: ingest: text too short to analyse (N characters; at least N needed)" in lines
    with open_store(url) as store:
        assert [s["stage"] for s in store.skips()] == ["ingest"]
    again = CliRunner().invoke(main, ["batch", str(corpus), "-o", str(tmp_path / "out"), "--db", url, "-q"])
    assert again.exit_code == 0 and again.stderr.splitlines()[-1] == "0 new, 0 duplicate, 0 skipped"
    assert "0 documents in 0 partitions," in again.stderr and "4 done before" in again.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2014-13"], "Error: --since 2014-13: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["--runner", "processes", "--scheduler", "tcp://127.0.0.1:9"],
     "Error: --scheduler tcp://127.0.0.1:9: only the dask runner has a scheduler (use --runner dask)"),
])
def test_cli_batch_bad_option_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["batch", str(SAMPLE), "-o", str(tmp_path / "out"), *args,
                                       "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    assert result.stderr.strip() == message


def test_cli_batch_not_a_corpus_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>hello</p>")
    result = CliRunner().invoke(main, ["batch", str(page), "-o", str(tmp_path / "out"),
                                       "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"Error: {page}: not a corpus (give a .jsonl, .jsonl.gz, .csv, .tsv "
                                     "or .parquet file)")


def test_cli_batch_killed_run_resumes_to_the_same_store(batch_reference: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out"
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    args = [sys.executable, "-m", "redline", "batch", str(SAMPLE), "-o", str(out), "--db", url, "-q", "-p", "11"]
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while len(list((out / "_state").glob("*.loaded"))) < 2:
        assert child.poll() is None, "the batch ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    child.wait()
    done = len(list((out / "_state").glob("*.done")))
    assert 2 <= done < 11
    resumed = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{2 * done} done before" in resumed.stderr
    assert snapshot(url) == snapshot(batch_reference["url"])
    query = "SELECT article_id, id, type FROM '{}/events/*.parquet' ORDER BY ALL"
    assert duckdb.sql(query.format(out)).fetchall() == duckdb.sql(query.format(batch_reference["out"])).fetchall()
