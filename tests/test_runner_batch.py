"""redline.runner.batch: partitions through the pipeline into Parquet and the store, locally and on real Dask."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from redline.errors import RunnerError
from redline.models import Brief
from redline.runner import LocalRunner, make_runner
from redline.runner.batch import batch, reason_kind
from redline.runner.corpus import DateRange
from redline.settings import Settings
from redline.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "redline" / "data" / "sample" / "voa_articles.jsonl"


def events_of(out: Path) -> list[tuple[Any, ...]]:
    """Every event row written under ``out``, in a fixed order."""
    rows = duckdb.sql(f"SELECT article_id, id, type, source, target, date FROM '{out}/events/*.parquet' "
                      "ORDER BY article_id, id").fetchall()
    return [tuple(r) for r in rows]


def stored(url: str) -> dict[str, Any]:
    with open_store(url) as store:
        ids = sorted(a["id"] for a in store.articles(limit=1000))
        return {"counts": store.counts(), "ids": ids}


def test_runner_batch_matches_one_article_at_a_time(batch_reference: dict[str, Any],
                                                    sample_briefs: list[Any]) -> None:
    report = batch_reference["report"]
    assert (report.processed, report.new, report.duplicate, report.skipped, report.partitions) == (22, 22, 0, 0, 3)
    by_article = {b.article.id: sorted((e.id, e.type, e.source, e.target, e.date) for e in b.events)
                  for b in sample_briefs if isinstance(b, Brief)}
    written: dict[str, list[tuple[Any, ...]]] = {aid: [] for aid in by_article}
    for aid, eid, etype, source, target, day in events_of(batch_reference["out"]):
        written[aid].append((eid, etype, source, target, day))
    assert written == by_article
    assert report.events == sum(len(v) for v in by_article.values()) > 0


def test_runner_batch_store_holds_every_brief(batch_reference: dict[str, Any], sample_briefs: list[Any]) -> None:
    snapshot = stored(batch_reference["url"])
    assert snapshot["ids"] == sorted(b.article.id for b in sample_briefs)
    assert snapshot["counts"]["events"] == sum(len(b.events) for b in sample_briefs)


def test_runner_batch_writes_five_tables_per_partition(batch_reference: dict[str, Any]) -> None:
    out = batch_reference["out"]
    for table in ("articles", "events", "threats", "claims", "skips"):
        assert len(list((out / table).glob("*.parquet"))) == 3, table
    articles = duckdb.sql(f"SELECT count(*), sum(events) FROM '{out}/articles/*.parquet'").fetchall()[0]
    assert articles is not None and articles[0] == 22 and articles[1] == batch_reference["report"].events


def test_runner_batch_rerun_skips_done_partitions_and_resumes_a_lost_one(batch_reference: dict[str, Any],
                                                                         tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(batch_reference["out"], out)
    url = f"sqlite:///{tmp_path / 'copy.db'}"
    shutil.copy(batch_reference["url"].removeprefix("sqlite:///"), tmp_path / "copy.db")
    with open_store(url) as store:
        again = batch([str(SAMPLE)], out, Settings(), runner=LocalRunner(), store=store)
    assert (again.processed, again.done_before, again.new) == (0, 22, 0)
    lost = sorted((out / "_state").glob("*.done"))[1]
    lost.unlink()
    (out / "events" / f"{lost.stem}.parquet").unlink()
    with open_store(url) as store:
        resumed = batch([str(SAMPLE)], out, Settings(), runner=LocalRunner(), store=store)
    assert resumed.partitions == 1 and resumed.new == 0 and resumed.already == resumed.processed > 0
    assert events_of(out) == events_of(batch_reference["out"])
    assert stored(url) == stored(batch_reference["url"])


def test_runner_batch_refuses_an_output_of_other_corpora(batch_reference: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(batch_reference["out"], out)
    with pytest.raises(RunnerError, match=r"holds a batch of other corpora, dates or fields \(give another --output"):
        batch([str(SAMPLE)], out, Settings(), runner=LocalRunner(), store=None, dates=DateRange("2024"))


def test_runner_batch_loads_written_partitions_into_a_new_store(batch_reference: dict[str, Any],
                                                                db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(batch_reference["out"], out)
    with open_store(db_url) as store:
        report = batch([str(SAMPLE)], out, Settings(), runner=LocalRunner(), store=store, load_batch=5)
    assert (report.processed, report.new, report.duplicate) == (0, 22, 0)
    assert stored(db_url) == stored(batch_reference["url"])


def test_runner_batch_dask_local_cluster_two_workers(batch_reference: dict[str, Any], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with make_runner(2, "dask") as runner, open_store(url) as store:
        assert runner.workers == 2  # type: ignore[attr-defined]
        report = batch([str(SAMPLE)], tmp_path / "out", Settings(), runner=runner, store=store, partitions=4)
        peak = runner.peak_worker_mb()
    assert (report.processed, report.new, report.partitions) == (22, 22, 4)
    assert events_of(tmp_path / "out") == events_of(batch_reference["out"])
    assert stored(url) == stored(batch_reference["url"])
    assert peak is not None and 100 < peak < 2048


def test_runner_batch_dask_through_a_scheduler_address(dask_scheduler: str, tmp_path: Path) -> None:
    corpus = tmp_path / "five.jsonl"
    corpus.write_text("".join(SAMPLE.read_text("utf-8").splitlines(keepends=True)[:5]), "utf-8")
    url = f"sqlite:///{tmp_path / 'remote.db'}"
    with make_runner(scheduler=dask_scheduler) as runner, open_store(url) as store:
        report = batch([str(corpus)], tmp_path / "out", Settings(), runner=runner, store=store, partitions=2)
    assert (report.processed, report.new, report.partitions) == (5, 5, 2)
    first_five = [json.loads(line)["url"] for line in corpus.read_text("utf-8").splitlines()]
    with open_store(url) as store:
        assert sorted(a["url"] for a in store.articles()) == sorted(first_five)


def test_runner_batch_unreachable_scheduler_is_one_line() -> None:
    with pytest.raises(RunnerError, match=r"^--scheduler tcp://127.0.0.1:9: cannot connect .*\(start one with"):
        make_runner(scheduler="tcp://127.0.0.1:9")


def test_runner_batch_reason_kind_groups_alike_skips() -> None:
    from redline.models import Skip

    a = Skip("c.jsonl line 3", "ingest", "c.jsonl line 3: text too short to analyse (5 characters; at least 20 needed)")
    b = Skip("c.jsonl line 9", "ingest", "c.jsonl line 9: text too short to analyse (7 characters; at least 20 needed)")
    assert reason_kind(a) == reason_kind(b) == "ingest: text too short to analyse (N characters; at least N needed)"
