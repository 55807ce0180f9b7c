"""Scenarios: probabilities from the ledger, the rung and the trend, with the method in the rationale."""

from __future__ import annotations

from dataclasses import replace

from redline.assess.escalation import DyadWindow
from redline.assess.ledger import LedgerView, seed, seed_view
from redline.models import Assessment, Brief, Event, Evidence, Threat
from redline.scenarios import forecast, forecasts

EV = (Evidence("a", 0, 5, "quote"),)
ZAKHAROVA = Threat("t1", "RUS", "Maria Zakharova", "any use of these missiles [ATACMS] against Russian territory",
                   "a direct involvement of the U.S. and its allies", "USA", "2024-11-19", "military", EV)
AID = Event("e1", "AID", "", "07", "USA", "UKR", None, None, ("ATACMS",), "asserted", 8.3, 0.9, EV, "2024-11-19")
STRIKE = Event("e2", "ASSAULT", "", "19", "RUS", "UKR", "Sumy", None, (), "asserted", -10.0, 0.9, EV, "2024-11-19")
RUNG6 = Assessment(64.0, "escalating", 6, "strikes deep into territory and on cities", ())


def test_scenarios_threat_probability_comes_from_the_ledger() -> None:
    [s] = forecast((), (ZAKHAROVA,), RUNG6, seed_view("2024-11-19"))
    # Beta(1, 1) + 0 of 11 military lines followed: mean 1/13; x1.1 (rung 6) x1.25 (article escalating)
    assert s.probability == round(1 / 13 * 1.1 * 1.25, 2) == 0.11
    assert s.rationale.startswith("Ledger credibility of RUS: 0 of 11 crossed lines followed, Beta(1, 1) prior, "
                                  "posterior mean 0.08 (80% 0.01–0.17)")
    assert s.text == ("If any use of these missiles [ATACMS] against Russian territory happens, Russia may follow "
                      "through on its threat of a direct involvement of the U.S. and its allies.")
    assert len(s.signposts) >= 2 and s.evidence == EV


def test_scenarios_probabilities_differ_for_stated_reasons() -> None:
    credible = LedgerView("2024-11-19", tuple(replace(e, followed="yes", followed_date=e.crossed_date)
                                              if e.issuer == "RUS" and e.crossed else e for e in seed()))
    [low] = forecast((), (ZAKHAROVA,), RUNG6, seed_view("2024-11-19"))
    [high] = forecast((), (ZAKHAROVA,), RUNG6, credible)
    assert high.probability == 0.95 > low.probability  # 15 of 15 followed: mean 16/17, clipped at 0.95
    window = DyadWindow("RUS", "USA", "2024-10-20", "2024-11-19", 5, 40.0, 3, 6, 60.0, "de-escalating")
    calm = LedgerView("2024-11-19", seed_view("2024-11-19").entries, (window,))
    [cooled] = forecast((), (ZAKHAROVA,), RUNG6, calm)
    assert cooled.probability == round(1 / 13 * 1.1 * 0.8, 2)
    assert "stored trend RUS→USA de-escalating (score 60 → 40, rung 6 → 5" in cooled.rationale


def test_scenarios_three_founding_kinds_are_expressible() -> None:
    made = forecasts((AID, STRIKE), (ZAKHAROVA,), RUNG6, seed_view("2024-11-19"))
    kinds = [f.criterion.kind for f in made]
    assert kinds == ["threat", "supply", "counter", "reassess"]
    supply, counter, reassess = made[1].scenario, made[2].scenario, made[3].scenario
    assert supply.text == ("If the United States continues supplying ATACMS to Ukraine, Russia may escalate its "
                           "military actions toward strikes on the other side's own territory, potentially toward a "
                           "direct confrontation between the forces of the United States and Russia.")
    assert counter.text.startswith("If the military activity of Russia continues, it may provoke a stronger "
                                   "response from Ukraine, drawing in the United States")
    assert reassess.text == ("The ongoing conflict may lead Russia and Ukraine to reassess their military "
                             "strategies, particularly the use of ATACMS.")
    assert all(f.scenario.evidence and len(f.scenario.signposts) >= 2 for f in made)


def test_scenarios_none_without_evidence() -> None:
    assert forecast((), (), RUNG6) == ()


def test_scenarios_founding_brief_says_the_seed_lines(founding_brief: Brief) -> None:
    statements = {s.kind: s for s in founding_brief.assessment.statements}
    cred = statements["credibility"]
    assert cred.text.startswith("Red-line ledger: of 11 military red lines declared by Russia since 2022 that were "
                                "crossed with a known outcome by 2024-11-19, 0 were followed by the threatened "
                                "response (3 only in part): Beta(1, 1) prior, posterior mean 0.08, 80% interval "
                                "0.01–0.17")
    assert "On this record the threat may be a bluff." in cred.text
    assert cred.evidence and "Zakharova" in cred.evidence[0].quote
    assert {"rhetoric", "uncertainty", "development"} <= set(statements)
    texts = [s.text for s in founding_brief.scenarios]
    assert any("continues supplying ATACMS" in t and "direct confrontation" in t for t in texts)
    assert any("stronger response from Ukraine" in t for t in texts)
    assert any("reassess their military strategies" in t for t in texts)
