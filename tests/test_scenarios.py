"""Scenarios: probabilities from the fitted family models, text realised from structured fields."""

from __future__ import annotations

from dataclasses import replace

from redline.assess.credibility import credibility
from redline.assess.escalation import event_rung
from redline.assess.ledger import LedgerView, seed, seed_view, threatened_rung
from redline.models import Assessment, Brief, Event, Evidence, Threat
from redline.scenarios import forecast, forecasts, probability, response_phrase, trigger_clause
from redline.scenarios.history import Record
from redline.scenarios.model import load_models
from redline.scenarios.questions import DyadHistory

EV = (Evidence("a", 0, 5, "quote"),)
ZAKHAROVA = Threat("t1", "RUS", "Maria Zakharova", "any use of these missiles [ATACMS] against Russian territory",
                   "a direct involvement of the U.S. and its allies", "USA", "2024-11-19", "military", EV)
AID = Event("e1", "AID", "", "07", "USA", "UKR", None, None, ("ATACMS",), "asserted", 8.3, 0.9, EV, "2024-11-19")
STRIKE = Event("e2", "ASSAULT", "", "19", "RUS", "UKR", "Sumy", None, (), "asserted", -10.0, 0.9, EV, "2024-11-19")
RUNG6 = Assessment(64.0, "escalating", 6, "strikes deep into territory and on cities", ())


def _followthrough_p(view: LedgerView, threat: Threat) -> float:
    cred = credibility(view, str(threat.actor))
    mean = (cred.followed + cred.partial + 1) / (cred.crossed + 2)
    return round(load_models()["followthrough"].predict((mean, 0.0, threatened_rung(threat) / 11, 0.0),
                                                        f"{threat.actor} follow-through"), 2)


def test_scenarios_threat_probability_comes_from_the_followthrough_model() -> None:
    view = seed_view("2024-11-19")
    [s] = forecast((), (ZAKHAROVA,), RUNG6, view)
    assert s.probability == _followthrough_p(view, ZAKHAROVA)
    assert s.rationale.startswith("P(RUS follows through within 90 days of the line being crossed) = ")
    assert "from the followthrough model (logistic, fitted walk-forward on" in s.rationale
    assert f"walk-forward Brier {load_models()['followthrough'].brier:.3f}" in s.rationale
    assert "issuer credibility (Beta posterior mean) 0.27" in s.rationale
    assert s.text == ("If any use of these missiles [ATACMS] against Russian territory happens, Russia may follow "
                      "through on its threat of a direct involvement of the U.S. and its allies.")
    assert len(s.signposts) >= 2 and s.evidence == EV


def test_scenarios_probabilities_differ_for_stated_reasons() -> None:
    credible = LedgerView("2024-11-19", tuple(replace(e, followed="yes", followed_date=e.crossed_date)
                                              if e.issuer == "RUS" and e.crossed else e for e in seed()))
    [low] = forecast((), (ZAKHAROVA,), RUNG6, seed_view("2024-11-19"))
    [high] = forecast((), (ZAKHAROVA,), RUNG6, credible)
    # the fitted model weighs credibility lightly (most of its settled questions are Russia's): the
    # probability moves little, but it moves the stated way and the rationale shows the input that moved it
    assert high.probability == _followthrough_p(credible, ZAKHAROVA) >= low.probability
    assert "issuer credibility (Beta posterior mean) 0.94" in high.rationale  # 16 of 16 followed: 17/18
    assert "issuer credibility (Beta posterior mean) 0.27" in low.rationale  # 0 of 13, 3 in part: 4/15


def test_scenarios_three_founding_kinds_are_expressible() -> None:
    made = forecasts((AID, STRIKE), (ZAKHAROVA,), RUNG6, seed_view("2024-11-19"))
    kinds = [f.criterion.kind for f in made]
    assert kinds == ["threat", "supply", "counter", "reassess"]
    supply, counter, reassess = made[1].scenario, made[2].scenario, made[3].scenario
    assert supply.text == ("If the United States continues supplying ATACMS to Ukraine, Russia may escalate its "
                           "military actions toward a direct confrontation between the forces of Russia and the "
                           "United States.")
    assert supply.rationale.startswith("P(dyad RUS:USA reaches rung 5, fighting on contested territory, within 30 "
                                       "days) = ")
    assert counter.text == ("If the military activity of Russia around Sumy continues, it may provoke a stronger "
                            "response from Ukraine, drawing in the United States.")
    brier = load_models()["escalation"].brier
    assert "escalation model" in counter.rationale and f"walk-forward Brier {brier:.3f}" in counter.rationale
    assert reassess.text == ("The ongoing conflict may lead Russia and Ukraine to reassess their military "
                             "strategies, particularly the use of ATACMS.")
    assert reassess.rationale.startswith("No question family resolves a reassessment")
    assert all(f.scenario.evidence and len(f.scenario.signposts) >= 2 for f in made)


def test_scenarios_third_party_only_with_involvement_in_history() -> None:
    lone = Event("e3", "ASSAULT", "", "19", "COL", "VEN", "Cucuta", None, (), "asserted", -10.0, 0.9, EV, "2019-03-01")
    aside = Event("e4", "CONSULT", "", "04", "ISL", "COL", None, None, (), "asserted", 1.0, 0.9, EV, "2019-03-01")
    [s] = forecast((lone, aside), (), RUNG6, seed_view("2019-03-01"))
    assert "drawing in" not in s.text and "Iceland" not in s.text


def test_scenarios_clauses_are_realised_by_their_shape() -> None:
    assert trigger_clause("hit by sanctions", "TUR") == "Turkey is hit by sanctions"
    assert trigger_clause("Ankara is threatening retaliation against Washington", "TUR") == \
        "Ankara is threatening retaliation against Washington"
    assert trigger_clause("any strike on the dam", "RUS") == "any strike on the dam happens"
    assert trigger_clause("necessary", "USA") is None
    assert trigger_clause("the United States escalates", "CAN") == "the United States escalates"
    assert response_phrase("that it would close the strait") == "act on its warning that it would close the strait"
    assert response_phrase("we will cut the power") == "act on its warning (\u201cwe will cut the power\u201d)"
    assert response_phrase("to use force against North Korea") == \
        "carry out its threat to use force against North Korea"
    assert response_phrase("the bridge will be destroyed") == "act on its warning that the bridge will be destroyed"
    assert response_phrase("retaliation") is None
    assert response_phrase('of VOA) relations, peace process warns of a "Christmas gift') is None


def test_scenarios_one_per_kind_per_dyad() -> None:
    again = replace(ZAKHAROVA, id="t2", trigger="any strike on Crimea with these missiles")
    made = forecast((), (ZAKHAROVA, again), RUNG6, seed_view("2024-11-19"))
    assert len(made) == 1


def test_scenarios_none_without_evidence() -> None:
    assert forecast((), (), RUNG6) == ()


def test_scenarios_founding_brief_says_the_seed_lines(founding_brief: Brief) -> None:
    statements = {s.kind: s for s in founding_brief.assessment.statements}
    cred = statements["credibility"]
    assert cred.text.startswith("Red-line ledger: of 10 military red lines declared by Russia since 2022 that were "
                                "crossed with a known outcome by 2024-11-19, 0 were followed by the threatened "
                                "response (3 only in part): Beta(0.4, 1.6) pooled prior, posterior mean 0.16, 80% "
                                "interval 0.04–0.30")
    assert "On this record the threat may be a bluff." in cred.text
    assert cred.evidence and "Zakharova" in cred.evidence[0].quote
    assert {"rhetoric", "uncertainty", "development"} <= set(statements)
    texts = [s.text for s in founding_brief.scenarios]
    assert any("continues supplying ATACMS" in t and "direct confrontation" in t for t in texts)
    assert any("stronger response from Ukraine" in t for t in texts)
    assert any("reassess their military strategies" in t for t in texts)


def test_scenarios_armed_group_is_asked_of_its_home_theatre() -> None:
    bla = Event("e5", "ASSAULT", "", "19", "PAK-REB-BLA", "PAK", "Kalat", None, (), "asserted", -10.0, 0.9, EV,
                "2024-11-10")
    [s] = forecast((bla,), (), RUNG6, seed_view("2024-11-10"))
    h = probability.coded_history()
    features = h.features("PAK:PAK", "2024-11-10", 6, extra=[event_rung(bla, None)])
    assert s.probability == round(load_models()["escalation"].predict(features), 2)
    assert s.rationale.startswith("P(dyad PAK:PAK reaches rung 6, strikes deep into territory and on cities, ")
    assert "so the question is asked of PAK:PAK, the state's internal conflict" in s.rationale
    assert "with this article's 1 hostile event added" in s.rationale


def test_scenarios_dyad_base_rate_counts_windows_of_the_year_before() -> None:
    h = DyadHistory([Record("2020-01-20", "ARM:AZE", 6), Record("2020-03-05", "ARM:AZE", 5),
                     Record("2020-05-01", "ARM:AZE", 6), Record("2019-01-01", "ARM:AZE", 6)], last="2020-12-31")
    assert probability.dyad_rate(h, "ARM:AZE", "2020-06-01", 6) == (2, 12)  # 01-20 and 05-01; 2019 is too old
    assert probability.dyad_rate(h, "ARM:AZE", "2020-06-01", 5) == (3, 12)
    [s] = forecast((STRIKE,), (), RUNG6, seed_view("2024-11-19"))
    hits, _ = probability.dyad_rate(probability.coded_history(), "RUS:UKR", "2024-11-19", 6)
    assert f"Base rates: RUS:UKR reached rung 6 in {hits} of the 12 30-day windows of the year before; " \
           f"base rate of the family " in s.rationale


def test_scenarios_counter_names_the_attackers_activity_and_only_its_dyads_places() -> None:
    strikes = replace(STRIKE, mode="heavy-weapons", location="Sumy")
    elsewhere = Event("e6", "ASSAULT", "", "19", "ISR", "PSE", "Gaza", None, ("F-16",), "asserted", -10.0, 0.9, EV,
                      "2024-11-19")
    [s] = [f.scenario for f in forecasts((strikes, elsewhere), (), RUNG6, seed_view("2024-11-19"))
           if f.criterion.kind == "counter"]
    assert s.text == "If the strikes by Russia around Sumy continue, they may provoke a stronger response from Ukraine."
    armed = replace(STRIKE, weapons=("Shahed drones",), location=None)
    [t] = [f.scenario for f in forecasts((armed,), (), RUNG6, seed_view("2024-11-19")) if f.criterion.kind == "counter"]
    assert t.text == ("If the attacks by Russia with Shahed drones reported on 19 November 2024 continue, they may "
                      "provoke a stronger response from Ukraine.")
