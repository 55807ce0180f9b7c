"""The stored ledger: article threats join it, later stored events move their status, in any order."""

from __future__ import annotations

from datetime import UTC, datetime

from click.testing import CliRunner

from redline.cli import main
from redline.models import Article, Assessment, Brief, Event, Evidence, Geo, Mention, Threat
from redline.store import open_store

THREAT = ("Maria Zakharova warned that any use of these missiles against Russian territory would lead to a "
          "direct involvement of the U.S. and its allies. ATACMS were delivered.")


def _article(aid: str, day: str, text: str) -> Article:
    return Article(aid, f"Article {aid}", text, None, None, datetime.fromisoformat(day).replace(tzinfo=UTC), "en")


def _threat_brief() -> Brief:
    article = _article("a1", "2024-11-19", THREAT)
    ev = (Evidence.of(article, 0, THREAT.index(".") + 1),)
    weapon = Mention("m1", "ATACMS", "WEAPON", "ATACMS", None, 10, 16)  # inside the threat's evidence
    threat = Threat("t1", "RUS", "Maria Zakharova", "any use of these missiles [ATACMS] against Russian territory",
                    "a direct involvement of the U.S. and its allies", "USA", "2024-11-19", "military", ev)
    return Brief(article, (weapon,), (), (), (threat,), Assessment(50.0, "stable", 2, "threats", ()), ())


def _event_brief(aid: str, day: str, source: str, target: str, geo: Geo, weapons: tuple[str, ...]) -> Brief:
    text = f"{source} forces struck {target} targets."
    article = _article(aid, day, text)
    event = Event("e1", "ASSAULT", "", "19", source, target, None, geo, weapons, "asserted", -10.0, 0.9,
                  (Evidence.of(article, 0, len(text)),), day, text)
    return Brief(article, (), (), (event,), (), Assessment(50.0, "stable", 5, "fighting", ()), ())


CORPUS = [
    _threat_brief(),
    _event_brief("a2", "2024-11-21", "UKR-MIL", "RUS", Geo(53.2, 34.4, "RUS"), ("ATACMS",)),
    _event_brief("a3", "2024-11-25", "RUS-MIL", "USA", Geo(38.9, -77.0, "USA"), ()),
]


def _status(url: str) -> tuple[object, ...]:
    with open_store(url) as store:
        [entry] = [e for e in store.ledger_entries() if e.origin == "a1"]
    return entry.crossed, entry.crossed_date, entry.followed, entry.followed_date, entry.evidence


EXPECTED = (True, "2024-11-21", "yes", "2024-11-25",
            ("crossed: a2 e1: UKR-MIL forces struck RUS targets.", "followed (yes): a3 e1: RUS-MIL forces struck USA "
             "targets."))


def test_ledger_article_threat_moves_with_later_events(db_url: str) -> None:
    with open_store(db_url) as store:
        for brief in CORPUS:
            store.save_brief(brief)
    assert _status(db_url) == EXPECTED


def test_ledger_same_status_in_any_order_and_on_rerun(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        for brief in reversed(CORPUS):
            store.save_brief(brief)
        store.save_brief(CORPUS[0])  # a rerun rebuilds the article's threat from stored events
    assert _status(sqlite_url) == EXPECTED


def test_ledger_view_knows_only_the_past(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        for brief in CORPUS:
            store.save_brief(brief)
        early = {e.id: e for e in store.ledger_view("2024-11-20").entries}["a1:t1"]
        late = {e.id: e for e in store.ledger_view("2024-11-26").entries}["a1:t1"]
        assert "a1:t1" not in {e.id for e in store.ledger_view("2024-11-18").entries}
        windows = store.ledger_view("2024-11-26").windows
    assert (early.crossed, early.followed) == (False, "pending")
    assert (late.crossed, late.followed) == (True, "yes")
    assert [(w.source, w.target, w.rung, w.direction) for w in windows] == [("RUS", "USA", 8, "escalating"),
                                                                            ("UKR", "RUS", 5, "escalating")]


def test_ledger_cli_lists_lines_and_credibility(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        for brief in CORPUS:
            store.save_brief(brief)
    result = CliRunner().invoke(main, ["ledger", "--actor", "rus", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "a1:t1  2024-11-19  RUS→USA  military  crossed 2024-11-21; followed: yes 2024-11-25" in lines
    assert "  RUS   all        1/19 followed (4 partly): mean 0.10, 80% 0.03–0.18" in lines
    assert all(not line.startswith("IRN") for line in lines)
    bad = CliRunner().invoke(main, ["ledger", "--as-of", "yesterday", "--db", sqlite_url])
    assert (bad.exit_code, bad.output) == (2, "Error: --as-of: 'yesterday' is not a date (use YYYY-MM-DD)\n")
