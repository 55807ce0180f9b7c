"""Ingest in this process: counts, duplicates, near-duplicates, skips, a second run adds nothing."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from redline.intake import IngestReport, Outcome, ingest
from redline.models import Skip
from redline.settings import Settings
from redline.sources import read
from redline.store import open_store


def run(paths: list[str], url: str) -> tuple[IngestReport, list[Outcome]]:
    seen: list[Outcome] = []
    with open_store(url) as store:
        report = ingest(paths, store, Settings(), read=partial(read),
                        on_outcome=lambda outcome, _report: seen.append(outcome))
    return report, seen


@pytest.mark.slow
def test_intake_counts_duplicates_and_skips(ingested_corpus: dict[str, Any], ingest_corpus: list[Path]) -> None:
    report, seen, url = ingested_corpus["report"], ingested_corpus["outcomes"], ingested_corpus["url"]
    more = str(ingest_corpus[1])
    assert (report.new, report.duplicate, report.skipped) == (59, 2, 1)
    assert report.summary() == "59 new, 2 duplicate, 1 skipped"
    assert report.skips == [Skip(f"{more} line 39", "ingest", f"{more} line 39: text is empty")]
    duplicates = [(o.origin, o.detail) for o in seen if o.status == "duplicate"]
    assert duplicates == [
        (f"{more} line 37", f"same id as {seen[3].article_id}"),
        (f"{more} line 38", f"near as {seen[22 + 5].article_id}"),
    ]
    with open_store(url) as store:
        assert store.counts()["articles"] == 59
        [linked] = store.also_reported(str(seen[22 + 5].article_id))
        assert linked["url"].startswith("https://wire.example.net/world/")
        assert 0.8 < linked["similarity"] < 1.0
        assert [(s["stage"], s["reason"]) for s in store.skips()] == [("ingest", f"{more} line 39: text is empty")]


@pytest.mark.slow
def test_intake_second_run_adds_nothing(
    ingested_corpus: dict[str, Any], ingest_corpus: list[Path], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(ingested_corpus["url"].removeprefix("sqlite:///"), copy)
    again, _ = run([str(p) for p in ingest_corpus], f"sqlite:///{copy}")
    assert again.summary() == "0 new, 61 duplicate, 1 skipped"
    with open_store(f"sqlite:///{copy}") as store:
        counts = store.counts()
        assert (counts["articles"], counts["also_reported"], counts["skips"]) == (59, 1, 1)


def test_intake_unreadable_source_is_one_skip(sqlite_url: str, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.jsonl")
    report, seen = run([missing], sqlite_url)
    assert report.summary() == "0 new, 0 duplicate, 1 skipped"
    assert seen == [Outcome(missing, "skipped", None, f"{missing}: no such file")]
    with open_store(sqlite_url) as store:
        assert [(s["origin"], s["stage"]) for s in store.skips()] == [(missing, "source")]
