"""The red-line seed, what was known when, and the crossing and answering rules."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from redline.assess.credibility import beta_ppf, betainc, credibility
from redline.assess.ledger import LedgerEntry, answer, crossing, seed, seed_view, update
from redline.models import Event, Evidence, Geo

SEED = Path(__file__).resolve().parent.parent / "redline" / "data" / "redlines.csv"


def test_assess_ledger_seed_has_30_sourced_rows() -> None:
    rows = list(csv.DictReader(SEED.open(encoding="utf-8")))
    assert len(rows) >= 30
    assert sum(r["issuer"] == "RUS" for r in rows) >= 15
    assert {"PRK", "IRN", "CHN", "TUR", "USA"} <= {r["issuer"] for r in rows}
    for r in rows:
        assert r["source"].startswith(("https://", "Wikipedia: ")), r["id"]
        assert r["followed"] in {"yes", "partial", "no", "pending"}, r["id"]
        assert (r["crossed"] == "yes") == bool(r["crossed_date"]), r["id"]
        assert r["kind"] in {"nuclear", "military", "economic", "diplomatic"}, r["id"]
    assert len({r["id"] for r in rows}) == len(rows) == len(seed())


def test_assess_ledger_view_hides_later_outcomes() -> None:
    before = {e.id: e for e in seed_view("2024-11-20").entries}
    after = {e.id: e for e in seed_view("2024-11-22").entries}
    assert "RUS-2024-08" not in before  # declared on 2024-11-21
    assert before["RUS-2024-06"].crossed and before["RUS-2024-06"].followed == "pending"
    assert after["RUS-2024-06"].followed == "partial" and after["RUS-2024-06"].followed_date == "2024-11-21"
    # crossed 2024-08-06 with no answer: counted as not followed once the 90-day window has passed
    assert {e.id: e for e in seed_view("2024-10-01").entries}["RUS-2024-05"].followed == "pending"
    assert {e.id: e for e in seed_view("2024-11-05").entries}["RUS-2024-05"].followed == "no"


def test_assess_credibility_beta_quantiles_match_closed_forms() -> None:
    assert beta_ppf(0.3, 1, 1) == pytest.approx(0.3, abs=1e-12)
    assert beta_ppf(0.3, 2, 1) == pytest.approx(0.3**0.5, abs=1e-12)
    assert beta_ppf(0.3, 1, 2) == pytest.approx(1 - 0.7**0.5, abs=1e-12)
    assert betainc(0.5, 7, 7) == pytest.approx(0.5, abs=1e-12)
    assert beta_ppf(0.9, 1, 16) == pytest.approx(1 - 0.1 ** (1 / 16), abs=1e-12)


def test_assess_credibility_of_russia_before_the_founding_article() -> None:
    c = credibility(seed_view("2024-11-19"), "RUS")
    assert (c.crossed, c.followed, c.partial) == (15, 0, 3)
    assert (c.alpha, c.beta) == (1.0, 16.0)
    assert c.mean == pytest.approx(1 / 17)
    assert c.low == pytest.approx(1 - 0.9 ** (1 / 16), abs=1e-9)
    assert c.high == pytest.approx(1 - 0.1 ** (1 / 16), abs=1e-9)
    iran = credibility(seed_view(None), "IRN", "military")
    assert (iran.crossed, iran.followed, iran.partial) == (3, 2, 1)
    assert iran.mean == pytest.approx(3 / 5)


def _line(**kw: object) -> LedgerEntry:
    base = LedgerEntry(id="a1:t1", date="2024-11-19", issuer="RUS", speaker="Maria Zakharova", target="USA",
                       kind="military", trigger="any use of these missiles [ATACMS] against Russian territory",
                       response="a direct involvement of the U.S.", response_rung=8, trigger_weapons=("ATACMS",),
                       trigger_territory=True, crossed=False, crossed_date=None, followed="pending",
                       followed_date=None, source="article a1", origin="a1")
    return replace(base, **kw)  # type: ignore[arg-type]


def _ev(eid: str, day: str, source: str, target: str, geo: Geo | None, weapons: tuple[str, ...] = (),
        type_: str = "ASSAULT", factuality: str = "asserted") -> Event:
    text = f"{source} struck {target}"
    return Event(eid, type_, "", "19" if type_ == "ASSAULT" else "07", source, target, None, geo, weapons, factuality,
                 -10.0, 0.9, (Evidence("x", 0, len(text), text),), day, text)


BRYANSK = Geo(53.2, 34.4, "RUS")
KYIV = Geo(50.45, 30.52, "UKR")
WASHINGTON = Geo(38.9, -77.0, "USA")


def test_assess_ledger_crossing_rule() -> None:
    line = _line()
    assert crossing(line, _ev("e1", "2024-11-20", "UKR-MIL", "RUS", BRYANSK, ("ATACMS",)))
    assert not crossing(line, _ev("e2", "2024-11-20", "UKR-MIL", "RUS", KYIV, ("ATACMS",)))  # not on Russian soil
    assert not crossing(line, _ev("e3", "2024-11-20", "UKR-MIL", "RUS", BRYANSK, ("Storm Shadow",)))
    assert not crossing(line, _ev("e4", "2024-11-18", "UKR-MIL", "RUS", BRYANSK, ("ATACMS",)))  # before the line
    assert not crossing(line, _ev("e5", "2024-11-20", "UKR-MIL", "RUS", BRYANSK, ("ATACMS",), factuality="hedged"))
    assert not crossing(line, _ev("e6", "2024-11-20", "RUS-MIL", "UKR", BRYANSK, ("ATACMS",)))  # the issuer itself


def test_assess_ledger_answer_rule_and_update_with_evidence() -> None:
    crossed = _line(crossed=True, crossed_date="2024-11-20")
    assert answer(crossed, _ev("e1", "2024-11-21", "RUS", "UKR", KYIV)) is None  # not against the target
    assert answer(crossed, _ev("e2", "2024-11-21", "RUS", "USA", None, type_="SANCTION")) == "partial"  # rung 3
    line = _line()
    events = [("a2", "2024-11-20", _ev("e1", "2024-11-20", "UKR-MIL", "RUS", BRYANSK, ("ATACMS",))),
              ("a3", "2024-11-25", _ev("e1", "2024-11-25", "RUS-MIL", "USA", WASHINGTON)),
              ("a1", "2024-11-19", _ev("e9", "2024-11-19", "UKR", "RUS", BRYANSK, ("ATACMS",)))]  # own article: ignored
    moved = update(line, events)
    assert (moved.crossed, moved.crossed_date, moved.followed, moved.followed_date) == \
        (True, "2024-11-20", "yes", "2024-11-25")
    assert moved.evidence == ("crossed: a2 e1: UKR-MIL struck RUS", "followed (yes): a3 e1: RUS-MIL struck USA")
    late = update(line, [events[0], ("a4", "2025-03-01", _ev("e1", "2025-03-01", "RUS", "USA", WASHINGTON))])
    assert late.crossed and late.followed == "pending"  # the answer came after the 90-day window
