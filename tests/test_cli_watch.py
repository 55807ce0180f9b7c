"""`redline watch`: polls until Ctrl-C, stores only what is new, resumes after a restart; feed state in the store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.errors import ConfigError
from redline.intake import StoreFeedState, parse_duration
from redline.sources import Validators
from redline.store import open_store


def test_cli_watch_duration_parsing() -> None:
    assert [parse_duration(t) for t in ("30s", "10m", "1h30m", "1d")] == [30.0, 600.0, 5400.0, 86400.0]
    with pytest.raises(ConfigError) as caught:
        parse_duration("10 minutes")
    assert str(caught.value) == "--every 10 minutes: not a duration (use for example 30s, 10m, 1h or 1h30m)"


def test_cli_watch_feed_state_backed_by_store(db_url: str) -> None:
    with open_store(db_url) as store:
        state = StoreFeedState(store)
        assert state.get("http://127.0.0.1/feed.xml") is None
        state.put("http://127.0.0.1/feed.xml", Validators('"e1"', None))
        assert state.get("http://127.0.0.1/feed.xml") == Validators('"e1"', None)
    with open_store(db_url) as store:  # kept only once the poll is saved: its documents are all stored
        assert StoreFeedState(store).get("http://127.0.0.1/feed.xml") is None
        state = StoreFeedState(store)
        state.put("http://127.0.0.1/feed.xml", Validators('"e1"', None))
        state.save()
    with open_store(db_url) as store:  # a restarted watch finds it
        assert StoreFeedState(store).get("http://127.0.0.1/feed.xml") == Validators('"e1"', None)


@pytest.mark.slow
def test_cli_watch_polls_new_items_until_ctrl_c(sqlite_url: str, tmp_path: Path,
                                                sample_records: list[dict[str, Any]]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in sample_records[:2]), "utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "redline", "watch", str(feed), "--every", "1s", "--db", sqlite_url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stderr is not None
    assert child.stderr.readline() == "poll 1: 2 new, 0 duplicate, 0 skipped\n"
    grown = tmp_path / "grown.jsonl"  # replaced at once: a poll never reads half a line
    grown.write_text("".join(json.dumps(r) + "\n" for r in sample_records[:3]), "utf-8")
    os.replace(grown, feed)
    lines = []
    while "1 new" not in (line := child.stderr.readline()):
        lines.append(line)
        assert line == f"poll {len(lines) + 1}: 0 new, 2 duplicate, 0 skipped\n"
    assert line == f"poll {len(lines) + 2}: 1 new, 2 duplicate, 0 skipped\n"
    child.send_signal(signal.SIGINT)
    _, rest = child.communicate(timeout=60)
    assert child.returncode == 0
    duplicates = 2 * len(lines) + 2 + 3 * rest.count("poll ")
    assert rest.splitlines()[-1] == f"stopped: 3 new, {duplicates} duplicate, 0 skipped"

    again = CliRunner().invoke(main, ["watch", str(feed), "--cycles", "1", "--db", sqlite_url])
    assert (again.exit_code, again.stderr) == (
        0, "poll 1: 0 new, 3 duplicate, 0 skipped\ndone: 0 new, 3 duplicate, 0 skipped\n"
    )
    with open_store(sqlite_url) as store:
        assert store.counts()["articles"] == 3
