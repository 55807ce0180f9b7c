"""The backtest on a small dated corpus with known outcomes: every number checked by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.assess.escalation import event_rung
from redline.cli import main
from redline.models import Article, Assessment, Brief, Event, Evidence, Geo
from redline.scenarios import probability
from redline.scenarios.backtest import backtest
from redline.store import open_store

KYIV = Geo(50.45, 30.52, "UKR")
BELGOROD = Geo(50.6, 36.6, "RUS")


def _event(aid: str, eid: str, source: str, target: str, day: str, geo: Geo) -> Event:
    text = f"{source} forces attacked {target} positions."
    return Event(id=eid, type="ASSAULT", mode="", cameo="19", source=source, target=target, location=None, geo=geo,
                 weapons=(), factuality="asserted", intensity=-10.0, confidence=0.9,
                 evidence=(Evidence(aid, 0, len(text), text),), date=day, text=text)


def _brief(aid: str, day: str, *events: tuple[str, str, Geo]) -> Brief:
    text = " ".join(f"{s} forces attacked {t} positions." for s, t, _ in events)
    article = Article(aid, f"Article {aid}", text, None, None, datetime.fromisoformat(day).replace(tzinfo=UTC), "en")
    coded = tuple(_event(aid, f"e{i + 1}", s, t, day, g) for i, (s, t, g) in enumerate(events))
    return Brief(article, (), (), coded, (), Assessment(40.0, "stable", 5, "fighting on contested territory", ()), ())


def _corpus(url: str) -> None:
    with open_store(url) as store:
        store.save_brief(_brief("a4", "2025-03-15", ("RUS", "UKR", KYIV)))  # stored out of order on purpose
        store.save_brief(_brief("a1", "2025-01-01", ("RUS", "UKR", KYIV)))
        store.save_brief(_brief("a2", "2025-01-10", ("RUS", "UKR", KYIV), ("UKR", "RUS", BELGOROD)))
        store.save_brief(_brief("a3", "2025-01-20", ("RUS", "UKR", KYIV)))


def _model_p(day: str, *pairs: tuple[str, str]) -> float:
    """The escalation model's P(RUS:UKR reaches rung 6 within 30 days) with the article's attacks added."""
    rungs = [event_rung(_event("x", "e", a, b, day, KYIV), None) for a, b in pairs]
    estimate = probability.escalation("RUS", "UKR", 6, day, rungs)
    assert estimate is not None
    return estimate.probability


def test_backtest_scores_a_dated_corpus_exactly(db_url: str) -> None:
    _corpus(db_url)
    with open_store(db_url) as store:
        result = backtest(store, "2025-01-01", "2025-03-31")
    # a1: counter scenario; a2 attacks again and Ukraine strikes back on 01-10: happened. a2: a3 attacks again
    # on 01-20 but Ukraine does not strike back by 02-09: did not happen. a3: condition never met by 02-19
    # (void). a4: horizon past the last stored day (open). No article names a weapon: no reassessment.
    assert (result.articles, result.forecasts, result.void, result.open, result.unresolvable) == (4, 4, 1, 1, 0)
    p1, p2 = _model_p("2025-01-01", ("RUS", "UKR")), _model_p("2025-01-10", ("RUS", "UKR"), ("UKR", "RUS"))
    assert [(s.article_id, s.probability, s.outcome, s.base_rate, s.persistence, s.settled) for s in result.scored] \
        == [("a1", p1, 1, 0.5, 0.0, "2025-01-10"), ("a2", p2, 0, 0.5, 1.0, "2025-02-09")]
    scores = result.scores()
    assert scores["redline"]["brier"] == pytest.approx(((p1 - 1) ** 2 + p2**2) / 2)
    assert scores["redline"]["log"] == pytest.approx((math.log(p1) + math.log(1 - p2)) / 2)
    assert scores["base rate"]["brier"] == pytest.approx(0.25)
    assert scores["persistence"]["brier"] == pytest.approx(1.0)
    assert scores["persistence"]["log"] == pytest.approx(math.log(0.01))
    bins = result.reliability()["redline"]
    assert sum(b.count for b in bins) == 2


def test_backtest_cli_prints_scores_and_writes_plot(sqlite_url: str, tmp_path: Path) -> None:
    _corpus(sqlite_url)
    png = tmp_path / "cal.png"
    result = CliRunner().invoke(main, ["backtest", "--articles", "--from", "2025-01-01", "--to", "2025-03-31",
                                       "--db", sqlite_url, "--plot", str(png)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("Backtest 2025-01-01 .. 2025-03-31: 4 articles, 4 forecasts; 2 scored, 1 void (condition "
                        "never happened), 1 still open, 0 without an event rule")
    assert "base rate      0.2500    -0.6931" in lines
    assert "persistence    1.0000    -4.6052" in lines
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_backtest_cli_bad_date_and_missing_plot_extra(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["backtest", "--from", "soon", "--to", "2025-03-31", "--db", sqlite_url])
    assert result.exit_code == 2
    assert result.output == "Error: --from/--to: 'soon' or '2025-03-31' is not a date (use YYYY-MM-DD)\n"
    monkeypatch.setitem(__import__("sys").modules, "matplotlib", None)
    result = CliRunner().invoke(main, ["backtest", "--articles", "--from", "2025-01-01", "--to", "2025-03-31",
                                       "--db", sqlite_url, "--plot", "x.png"])
    assert result.exit_code == 2
    assert result.output == "Error: --plot: matplotlib is not installed (pip install 'redline[plot]')\n"
