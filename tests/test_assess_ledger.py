"""The red-line seed, what was known when, and the crossing and answering rules."""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from redline.assess.credibility import KAPPA_MAX, KAPPA_MIN, beta_ppf, betainc, concentration, credibility, speakers
from redline.assess.ledger import LedgerEntry, LedgerView, answer, crossing, merge, seed, seed_view, update
from redline.models import Event, Evidence, Geo

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "redline" / "data" / "redlines.csv"


def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(SEED.open(encoding="utf-8")))


def test_assess_ledger_seed_has_100_sourced_rows_across_issuers() -> None:
    rows = _rows()
    assert len(rows) >= 100
    assert {"RUS", "USA", "CHN", "IRN", "PRK", "ISR", "TUR"} <= {r["issuer"] for r in rows}
    assert {"FRA", "GBR"} & {r["issuer"] for r in rows}  # NATO members beside the USA and Turkey
    ids = {r["id"] for r in rows}
    for r in rows:
        assert r["source"].startswith(("https://", "http://", "Wikipedia: ")), r["id"]
        assert r["date"] and r["speaker"] and r["trigger"] and r["response"], r["id"]
        assert r["followed"] in {"yes", "partial", "no", "pending"}, r["id"]
        assert (r["crossed"] == "yes") == bool(r["crossed_date"]), r["id"]
        assert (r["followed"] in {"yes", "partial"}) == bool(r["followed_date"]), r["id"]
        assert r["crossed"] == "yes" or r["followed"] == "pending", r["id"]
        assert r["kind"] in {"nuclear", "military", "economic", "diplomatic"}, r["id"]
        assert r["form"] in {"deterrent", "retaliatory", "ultimatum"}, r["id"]
        assert not r["restates"] or r["restates"] in ids and r["restates"] != r["id"], r["id"]
        if r["crossed"] == "yes" and r["form"] == "deterrent" and not r["restates"]:
            assert r["crossed_date"] >= r["date"], f"{r['id']}: crossed before it was declared"
        if r["followed_date"]:
            assert r["followed_date"] >= r["crossed_date"], r["id"]
    assert sum(bool(r["quote"]) for r in rows) >= 90
    assert len(ids) == len(rows) == len(seed())


def test_assess_ledger_seed_fixes() -> None:
    rows = {r["id"]: r for r in _rows()}
    assert "RUS-2024-05" not in rows  # repeated RUS-2022-07 under a 2024 id
    assert rows["RUS-2024-04"]["restates"] == "RUS-2024-03" and rows["RUS-2024-04"]["crossed"] == "no"
    assert "Crimean Bridge" not in rows["RUS-2022-06"]["source"] + rows["RUS-2022-06"]["crossing_source"]
    assert "Novofedorivka" in rows["RUS-2022-06"]["crossing_quote"]
    assert "sit idly by" not in rows["CHN-2022-01"]["response"]  # Xi's words only; the spokesman's are CHN-2022-02
    assert rows["CHN-2022-02"]["restates"] == "CHN-2022-01" and rows["CHN-2022-02"]["speaker"] == "Zhao Lijian"


def test_assess_ledger_restatements_merge_into_one_line_with_history() -> None:
    merged = {e.id: e for e in merge(seed())}
    assert "CHN-2022-02" not in merged and "CHN-2022-03" not in merged
    assert [h.split(" ", 2)[:2] for h in merged["CHN-2022-01"].history] == [["CHN-2022-02", "2022-08-01"],
                                                                           ["CHN-2022-03", "2022-08-02"]]
    assert merged["IRN-2011-01"].history[-1].startswith("IRN-2018-01 2018-07-05 Hassan Rouhani: ")
    early = {e.id: e for e in seed_view("2022-08-01").entries}
    assert len(early["CHN-2022-01"].history) == 1  # the PLA statement of 2 August was not yet known


def test_assess_ledger_view_hides_later_outcomes() -> None:
    before = {e.id: e for e in seed_view("2024-11-20").entries}
    after = {e.id: e for e in seed_view("2024-11-22").entries}
    assert "RUS-2024-08" not in before  # declared on 2024-11-21
    assert before["RUS-2024-06"].crossed and before["RUS-2024-06"].followed == "pending"
    assert after["RUS-2024-06"].followed == "partial" and after["RUS-2024-06"].followed_date == "2024-11-21"
    # crossed 2024-11-19 with no answer: counted as not followed once the 90-day window has passed
    assert {e.id: e for e in seed_view("2025-01-01").entries}["RUS-2024-07"].followed == "pending"
    assert {e.id: e for e in seed_view("2025-02-18").entries}["RUS-2024-07"].followed == "no"


def test_assess_credibility_beta_quantiles_match_closed_forms() -> None:
    assert beta_ppf(0.3, 1, 1) == pytest.approx(0.3, abs=1e-12)
    assert beta_ppf(0.3, 2, 1) == pytest.approx(0.3**0.5, abs=1e-12)
    assert beta_ppf(0.3, 1, 2) == pytest.approx(1 - 0.7**0.5, abs=1e-12)
    assert betainc(0.5, 7, 7) == pytest.approx(0.5, abs=1e-12)
    assert beta_ppf(0.9, 1, 16) == pytest.approx(1 - 0.1 ** (1 / 16), abs=1e-12)


def _toy(issuer: str, outcomes: str, kind: str = "military", speaker: str = "S") -> list[LedgerEntry]:
    """Lines of ``issuer``: y (yes), p (partial), n (no), o (crossed, pending), h (never crossed)."""
    out = []
    for i, o in enumerate(outcomes):
        crossed = o != "h"
        followed = {"y": "yes", "p": "partial", "n": "no"}.get(o, "pending")
        out.append(_line(id=f"{issuer}-{kind}-{i}", issuer=issuer, kind=kind, speaker=speaker, date="2020-01-01",
                         crossed=crossed, crossed_date="2020-02-01" if crossed else None, followed=followed,
                         followed_date="2020-02-02" if followed in {"yes", "partial"} else None, origin="seed"))
    return out


def test_assess_credibility_pools_towards_the_other_issuers() -> None:
    lines = _toy("AAA", "yyyy") + _toy("BBB", "nnnn") + _toy("CCC", "ynyn") + _toy("DDD", "n")
    view = LedgerView("2021-01-01", tuple(lines))
    d = credibility(view, "DDD")
    assert d.crossed == 1 and d.score == 0
    others = (4 + 0 + 2 + 1) / (12 + 2)  # graded rate of the other issuers, Beta(1, 1) hyperprior
    assert d.prior_mean == pytest.approx(others)
    assert d.alpha == pytest.approx(d.prior_alpha) and d.beta == pytest.approx(d.prior_beta + 1)
    assert 0.0 < d.mean < others  # one "no" pulls below the pool, not to zero
    assert d.kappa == concentration(lines)
    assert KAPPA_MIN <= d.kappa <= KAPPA_MAX
    assert "other issuers" in d.prior_from and "yes 0, partial 0, no 1" in d.explain()


def test_assess_credibility_grades_partial_and_counts_held_lines() -> None:
    lines = _toy("AAA", "pphho") + _toy("BBB", "yn")
    c = credibility(LedgerView("2021-01-01", tuple(lines)), "AAA")
    assert (c.crossed, c.partial, c.score, c.never_crossed, c.pending) == (2, 2, 1.0, 2, 1)
    assert c.held_days == 2 * 366  # 2020-01-01 to 2021-01-01, per never-crossed line
    assert c.alpha == pytest.approx(c.prior_alpha + 1.0) and c.beta == pytest.approx(c.prior_beta + 1.0)


def test_assess_credibility_counts_a_restatement_once() -> None:
    base = _toy("AAA", "nn") + _toy("BBB", "yy")
    restated = replace(base[0], id="AAA-again", restates=base[0].id)
    once = credibility(LedgerView(None, tuple(base)), "AAA")
    twice = credibility(LedgerView(None, (*base, restated)), "AAA")
    assert (twice.crossed, twice.mean) == (once.crossed, once.mean)


def test_assess_credibility_per_speaker_and_kind_pool_within_the_issuer() -> None:
    lines = _toy("AAA", "nnnn", speaker="Putin") + _toy("AAA", "yy", kind="nuclear", speaker="Medvedev") + \
        _toy("BBB", "yn")
    view = LedgerView(None, tuple(lines))
    by = {c.speaker: c for c in speakers(view, "AAA")}
    assert set(by) == {"Putin", "Medvedev"}
    assert by["Medvedev"].mean > credibility(view, "AAA").mean > by["Putin"].mean
    assert by["Putin"].prior_from.startswith("AAA outside speaker Putin (2 crossed lines)")
    nuclear = credibility(view, "AAA", "nuclear")
    assert (nuclear.crossed, nuclear.followed) == (2, 2)


def test_assess_credibility_ignores_lines_not_accepted() -> None:
    lines = _toy("AAA", "nn") + _toy("BBB", "y")
    proposed = replace(_toy("AAA", "y")[0], id="x", status="proposed")
    with_proposed = credibility(LedgerView(None, (*lines, proposed)), "AAA")
    assert with_proposed == credibility(LedgerView(None, tuple(lines)), "AAA")


def _plus90(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=90)).isoformat()


def test_assess_credibility_of_russia_before_the_founding_article() -> None:
    c = credibility(seed_view("2024-11-19"), "RUS")
    day = "2024-11-19"
    rows = [r for r in _rows() if r["issuer"] == "RUS" and not r["restates"] and r["date"] <= day]
    known = [r["id"] for r in rows if r["crossed"] == "yes" and (
        r["followed"] in {"yes", "partial"} and r["followed_date"] <= day
        or r["followed"] in {"no", "pending"} and _plus90(r["crossed_date"]) <= day)]
    assert sorted(c.entry_ids) == sorted(known)
    assert c.followed == 0 and c.partial >= 3
    assert c.mean < c.prior_mean  # Russia's record is below the other issuers'
    assert c.low < c.mean < c.high


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


def _checker() -> Any:
    spec = importlib.util.spec_from_file_location("check_redline_quotes", ROOT / "tools" / "check_redline_quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_assess_ledger_quote_checker_finds_quotes_in_their_own_document_only() -> None:
    check = _checker()
    portal = "https://en.wikipedia.org/wiki/Portal:Current_events/2012_February_19"
    docs = {"wcep:2012-02-19": check.fold("North Korea threatens \u201cmerciless\u201d attacks against [South "
                                          "Korea](https://x) over its drills."),
            "en.kremlin.ru/events/president/news/1": check.fold("Retaliation will be immediate.")}
    rows = [
        {"id": "A", "source": portal, "quote": 'threatens "merciless" attacks against South Korea'},  # folded
        {"id": "B", "source": "http://en.kremlin.ru/events/president/news/1", "quote": "Retaliation will be swift."},
        {"id": "C", "source": "https://example.org/x", "quote": "not held"},
        {"id": "D", "source": "Wikipedia: X", "quote": "", "crossing_source": portal,
         "crossing_quote": "over its drills"},
    ]
    counts, failures = check.check(rows, docs)
    assert [counts[k] for k in ("verified", "failed", "source_not_held", "crossings_verified")] == [1, 1, 1, 1]
    page = "http://en.kremlin.ru/events/president/news/1"
    assert failures == [f"B: quote not found in {page}: 'Retaliation will be swift.'"]


@pytest.mark.skipif(not (ROOT.parent / "shared" / "data" / "wcep").is_dir(), reason="the shared data is not here")
def test_assess_ledger_quotes_occur_in_the_shared_sources() -> None:
    check = _checker()
    counts, failures = check.check(_rows(), check.load(ROOT.parent / "shared" / "data"))
    assert failures == []
    assert counts["verified"] >= 60 and counts["crossings_verified"] >= 15
