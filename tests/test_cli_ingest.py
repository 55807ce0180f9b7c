"""`redline ingest` as real processes: kill -9 and Ctrl-C mid-run then rerun, two ingesters at once, workers."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.store import open_store


def snapshot(url: str) -> dict[str, Any]:
    """Everything that must not depend on how the store was filled."""
    with open_store(url) as store:
        counts = store.counts()
        ids = sorted(a["id"] for a in store.articles(limit=1000))
        linked = sorted((r["id"], aid) for aid in ids for r in store.also_reported(aid))
        skips = sorted((s["origin"], s["stage"], s["reason"]) for s in store.skips())
    return {"counts": counts, "ids": ids, "also_reported": linked, "skips": skips}


def start(paths: list[Path], url: str, *extra: str) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "redline", "ingest", *map(str, paths), "--db", url, "--quiet", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_articles(url: str, n: int, child: subprocess.Popen[str], timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert child.poll() is None, "the ingest ended before it could be interrupted"
        with open_store(url) as store:
            stored = store.counts()["articles"]
        if stored >= n:
            return stored
        time.sleep(0.2)
    raise AssertionError(f"fewer than {n} articles stored after {timeout} s")


@pytest.fixture(scope="module")
def reference(ingested_corpus: dict[str, Any]) -> dict[str, Any]:
    """The store after one uninterrupted run."""
    return snapshot(ingested_corpus["url"])


@pytest.mark.slow
def test_cli_ingest_kill_9_then_rerun_equals_one_run(
    db_url: str, ingest_corpus: list[Path], reference: dict[str, Any]
) -> None:
    child = start(ingest_corpus, db_url)
    stored = wait_for_articles(db_url, 10, child)
    child.send_signal(signal.SIGKILL)
    child.wait()
    partial = snapshot(db_url)["counts"]["articles"]
    assert stored <= partial < 59
    rerun = start(ingest_corpus, db_url)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 1
    new = int(err.splitlines()[-1].split()[0])
    assert err.splitlines()[-1] == f"{new} new, {61 - new} duplicate, 1 skipped"
    assert new == 59 - partial
    assert snapshot(db_url) == reference


@pytest.mark.slow
def test_cli_ingest_ctrl_c_then_rerun_equals_one_run(
    sqlite_url: str, ingest_corpus: list[Path], reference: dict[str, Any]
) -> None:
    child = start(ingest_corpus, sqlite_url, "--workers", "2")
    wait_for_articles(sqlite_url, 5, child)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    last = err.splitlines()[-1]
    assert last.startswith("interrupted: ") and last.endswith(" (run the same command again to resume)")
    rerun = start(ingest_corpus, sqlite_url, "--workers", "2")
    rerun.communicate(timeout=300)
    assert rerun.returncode == 1
    assert snapshot(sqlite_url) == reference


@pytest.mark.slow
def test_cli_ingest_two_ingesters_at_once_store_each_article_once(
    db_url: str, ingest_corpus: list[Path], reference: dict[str, Any]
) -> None:
    children = [start(ingest_corpus, db_url), start(list(reversed(ingest_corpus)), db_url)]
    lasts = []
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 1, err
        lasts.append(err.splitlines()[-1])
    news = [int(last.split()[0]) for last in lasts]
    assert sum(news) == 59
    assert snapshot(db_url) == reference


def test_cli_ingest_output_and_skips_command(sqlite_url: str, tmp_path: Path, sample_records: list[Any]) -> None:
    corpus = tmp_path / "two.jsonl"
    records = [sample_records[0], {**sample_records[1], "text": ""}, sample_records[0]]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", sqlite_url])
    assert result.exit_code == 1
    assert result.stderr == (
        f"skipped: {corpus} line 2: text is empty\n"
        "1 new, 1 duplicate, 1 skipped\n"
    )
    listed = CliRunner().invoke(main, ["skips", "--db", sqlite_url])
    assert listed.exit_code == 0
    assert listed.stdout.endswith(f"  ingest   {corpus} line 2: text is empty\n")
    assert listed.stderr == "1 skip\n"
    again = CliRunner().invoke(main, ["ingest", str(corpus), "--db", sqlite_url])
    assert again.stderr.splitlines()[-1] == "0 new, 2 duplicate, 1 skipped"


def test_cli_ingest_feed_over_http_stores_its_articles_once(sqlite_url: str, http_server: Any) -> None:
    feed = http_server.url("/feed.rss")
    refused = CliRunner().invoke(main, ["ingest", feed, "--db", sqlite_url])
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
    first = CliRunner().invoke(main, ["ingest", feed, "--allow-private", "--db", sqlite_url])
    assert first.exit_code == 1  # one entry links to a page that is gone
    assert first.stderr == (
        f"skipped: {http_server.url('/missing.html')}: HTTP 404 Not Found\n"
        "3 new, 0 duplicate, 1 skipped\n"
    )
    with open_store(sqlite_url) as store:
        stored = sorted(a["url"] for a in store.articles())
        counts = store.counts()
    assert stored == sorted(http_server.url(p) for p in ("/news/bryansk-depot", "/kharkiv-strike.html",
                                                         "/site-b/wire-zaporizhzhia.html"))
    again = CliRunner().invoke(main, ["ingest", feed, "--allow-private", "--db", sqlite_url])
    assert again.stderr.splitlines()[-1] == "0 new, 3 duplicate, 1 skipped"
    with open_store(sqlite_url) as store:
        assert store.counts() == counts
