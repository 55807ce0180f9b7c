"""The scenarios stage: conditional forecasts "If <trigger>, <actor> may <response>" built from the article.

Every scenario rests on evidence in the article and states its method in ``rationale``. Probabilities:

- threat follow-through (if the trigger happens, the issuer carries out the threat): the issuer's
  credibility posterior from the red-line ledger (``assess.issuer_credibility``: Beta(1, 1) prior, per threat
  type when 3 or more lines of that type are resolved, else pooled), x a rung factor 1 + 0.1 per rung
  above 5, x a trend factor.
- continued arms supply despite a threat -> the issuer climbs a rung within 90 days: base 0.15 + 0.05 per
  rung above 4 (at most 0.45), x a credibility weight (0.5 + posterior mean: a fully credible issuer raises
  the base by half, one that never follows through lowers it by half), x the trend factor.
- continued attacks -> a stronger response by the side attacked within 30 days: base 0.25 + 0.04 per
  hostile event in the article (at most 0.55), x the trend factor of the attacked side.
- reassessment of strategy and weapons use within 180 days: base 0.30 + 0.05 per weapon system named
  (at most 0.60); no event resolves it, so the backtest leaves it out.

Trend factor: the stored escalation window of the acting pair (``LedgerView.windows``: last 30 days against
the 30 before) escalating x1.25, de-escalating x0.8, stable x1; with no stored window, the article's own
wording. Every probability is clipped to 0.01..0.95.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from redline.assess import LADDER, cap, issuer_credibility, name
from redline.assess.ledger import LedgerView, seed_view
from redline.events.actors import country
from redline.models import Assessment, Event, Scenario, Threat

__all__ = ["Criterion", "Forecast", "forecast", "forecasts"]

HORIZON_DAYS = 90
TREND_FACTOR = {"escalating": 1.25, "de-escalating": 0.8, "stable": 1.0}
P_MIN, P_MAX = 0.01, 0.95


@dataclass(frozen=True)
class Criterion:
    """How later stored events resolve a scenario (``scenarios.scoring.resolve``).

    kind ``threat``: the condition is ``threat_id``'s line being crossed, the outcome its threatened
    response (ledger rules). Other kinds: the condition is an event of ``condition_types`` from
    ``condition_source`` to ``condition_target`` (with one of ``condition_weapons`` if any); the outcome an
    event from ``outcome_source`` (against one of ``outcome_targets`` if any) at rung >= ``min_rung``.
    ``reassess`` has no event rule.
    """

    kind: str
    horizon_days: int
    threat_id: str | None = None
    condition_source: str | None = None
    condition_target: str | None = None
    condition_types: tuple[str, ...] = ()
    condition_weapons: tuple[str, ...] = ()
    outcome_source: str | None = None
    outcome_targets: tuple[str, ...] = ()
    min_rung: int = 0


@dataclass(frozen=True)
class Forecast:
    scenario: Scenario
    criterion: Criterion


def forecast(events: tuple[Event, ...], threats: tuple[Threat, ...], assessment: Assessment,
             ledger: LedgerView | None = None) -> tuple[Scenario, ...]:
    """Conditional scenarios for one article; none is made without evidence behind it.

    ``ledger``: the red-line ledger and escalation windows known when the article appeared
    (default: the seed ledger alone, every outcome known).
    """
    return tuple(f.scenario for f in forecasts(events, threats, assessment, ledger))


def forecasts(events: tuple[Event, ...], threats: tuple[Threat, ...], assessment: Assessment,
              ledger: LedgerView | None = None) -> tuple[Forecast, ...]:
    """``forecast`` with the resolution criterion of each scenario, for the backtest."""
    view = ledger if ledger is not None else seed_view()
    out: list[Forecast] = []
    rung = assessment.ladder_rung
    for t in threats:
        if t.trigger and t.actor:
            out.append(_threat_scenario(t, rung, view, assessment.direction))
    supply = [e for e in events if e.type == "AID" and e.weapons and e.source]
    issuing = [t for t in threats if t.actor]
    if supply and issuing:
        out.append(_supply_scenario(supply[0], issuing[0], rung, view, assessment.direction))
    hostile = [e for e in events if e.type == "ASSAULT" and e.factuality in {"asserted", "reported"}
               and e.source and e.target and country(e.source) != country(e.target)]
    if hostile:
        out.append(_counter_scenario(hostile, events, rung, view, assessment.direction))
    weapons = tuple(dict.fromkeys(w for e in events for w in e.weapons))
    parties = tuple(dict.fromkeys(c for e in hostile for c in (country(e.source), country(e.target)) if c))
    if len(parties) >= 2 and (weapons or len(hostile) >= 2):
        out.append(_reassessment(parties[:2], weapons, hostile, events))
    return tuple(replace(f, scenario=replace(f.scenario, id=f"s{n + 1}")) for n, f in enumerate(out))


def _trend(view: LedgerView, source: str | None, target: str | None, article_direction: str) -> tuple[float, str]:
    window = view.window(country(source), country(target))
    if window is not None:
        factor = TREND_FACTOR[window.direction]
        return factor, (f"stored trend {window.source}→{window.target} {window.direction} (score "
                        f"{window.previous_score:g} → {window.score:g}, rung {window.previous_rung} → {window.rung}, "
                        f"30-day windows to {window.end}) x{factor:g}")
    factor = TREND_FACTOR.get(article_direction, 1.0)
    return factor, f"no stored trend for the pair; the article reads as {article_direction} x{factor:g}"


def _clip(p: float) -> float:
    return round(min(P_MAX, max(P_MIN, p)), 2)


def _threat_scenario(t: Threat, rung: int, view: LedgerView, direction: str) -> Forecast:
    actor = name(t.actor)
    cred = issuer_credibility(view, str(t.actor), t.kind)
    rung_factor = 1 + 0.1 * max(0, rung - 5)
    trend, trend_text = _trend(view, t.actor, t.target, direction)
    p = _clip(cred.mean * rung_factor * trend)
    pooled = "" if cred.kind else " (all threat types pooled: fewer than 3 of this type resolved)"
    scenario = Scenario(
        id="", condition=t.trigger, outcome=t.response,
        actors=tuple(x for x in (t.actor, t.target) if x),
        probability=p, horizon_days=HORIZON_DAYS,
        signposts=(f"reports that {t.trigger} has happened",
                   f"{cap(actor)} repeats or sharpens the warning through officials such as {t.speaker}",
                   f"{cap(actor)} raises the alert of its forces or redeploys them"
                   + (f" toward {name(t.target)}" if t.target else "")),
        text=f"If {t.trigger} happens, {actor} may follow through on its threat of {t.response}.",
        rationale=f"Ledger credibility of {t.actor}{pooled}: {cred.followed} of {cred.crossed} crossed lines "
                  f"followed, {cred.prior} prior, posterior mean {cred.mean:.2f} (80% {cred.low:.2f}–{cred.high:.2f}); "
                  f"x rung factor {rung_factor:.1f} (rung {rung}, {LADDER[rung]}); x {trend_text}; "
                  f"= {p:.2f} within {HORIZON_DAYS} days of the trigger.",
        evidence=t.evidence,
    )
    return Forecast(scenario, Criterion("threat", HORIZON_DAYS, threat_id=t.id))


def _supply_scenario(aid: Event, threat: Threat, rung: int, view: LedgerView, direction: str) -> Forecast:
    next_rung = min(rung + 1, len(LADDER) - 1)
    weapons = ", ".join(aid.weapons)
    base = min(0.45, 0.15 + 0.05 * max(0, rung - 4))
    cred = issuer_credibility(view, str(threat.actor), "military")
    trend, trend_text = _trend(view, threat.actor, aid.target, direction)
    p = _clip(base * (0.5 + cred.mean) * trend)
    supplier, recipient, issuer = name(aid.source), name(aid.target), name(threat.actor)
    confrontation = f", potentially toward a direct confrontation between the forces of {supplier} and {issuer}" \
        if country(aid.source) != threat.actor else ""
    scenario = Scenario(
        id="", condition=f"{supplier} continues supplying {weapons} to {recipient}",
        outcome=f"{issuer} escalates to rung {next_rung} ({LADDER[next_rung]}){confrontation}",
        actors=tuple(dict.fromkeys(x for x in (country(aid.source), country(aid.target), threat.actor) if x)),
        probability=p, horizon_days=HORIZON_DAYS,
        signposts=(f"new {weapons} deliveries or use reported", f"{cap(issuer)} strikes deeper or on new "
                   f"target types", f"direct contact between {issuer} and {supplier} forces"),
        text=f"If {supplier} continues supplying {weapons} to {recipient}, {issuer} may escalate its military "
             f"actions toward {LADDER[next_rung]}{confrontation}.",
        rationale=f"Base {base:.2f} for a supplier-directed escalation within {HORIZON_DAYS} days (0.15 + 0.05 per "
                  f"rung above 4; current rung {rung}) x credibility weight {0.5 + cred.mean:.2f} (0.5 + posterior "
                  f"mean {cred.mean:.2f} of {threat.actor}'s follow-through) x {trend_text}; = {p:.2f}.",
        evidence=aid.evidence[:1] + threat.evidence[:1],
    )
    criterion = Criterion("supply", HORIZON_DAYS, condition_source=country(aid.source),
                          condition_target=country(aid.target), condition_types=("AID",),
                          condition_weapons=aid.weapons, outcome_source=threat.actor, min_rung=next_rung)
    return Forecast(scenario, criterion)


def _counter_scenario(hostile: list[Event], events: tuple[Event, ...], rung: int, view: LedgerView,
                      direction: str) -> Forecast:
    attacker, defender = country(hostile[0].source), country(hostile[0].target)
    places = ", ".join(dict.fromkeys(e.location for e in hostile if e.location))
    others = tuple(dict.fromkeys(c for e in events for c in (country(e.source), country(e.target))
                                 if c and c not in {attacker, defender}))
    base = min(0.55, 0.25 + 0.04 * len(hostile))
    trend, trend_text = _trend(view, defender, attacker, direction)
    p = _clip(base * trend)
    drawn = f", drawing in {', '.join(name(o) for o in others[:3])}" if others else ""
    horizon = HORIZON_DAYS // 3
    scenario = Scenario(
        id="",
        condition=f"the military activity of {name(attacker)} continues" + (f" around {places}" if places else ""),
        outcome=f"a stronger response from {name(defender)}{drawn}",
        actors=tuple(x for x in (attacker, defender, *others[:3]) if x),
        probability=p, horizon_days=horizon,
        signposts=(f"further attacks by {name(attacker)} reported" + (f" near {places}" if places else ""),
                   f"{cap(name(defender))} strikes on the territory or forces of {name(attacker)}",
                   *([f"statements or deliveries by {name(others[0])}"] if others else [])),
        text=f"If the military activity of {name(attacker)} continues, it may provoke a stronger response from "
             f"{name(defender)}{drawn}.",
        rationale=f"Base {base:.2f} for a counter-escalation within {horizon} days (0.25 + 0.04 per hostile event "
                  f"in the article: {len(hostile)}; at most 0.55) x {trend_text}; = {p:.2f}; current rung {rung}.",
        evidence=tuple(e.evidence[0] for e in hostile[:3]),
    )
    criterion = Criterion("counter", horizon, condition_source=attacker, condition_target=defender,
                          condition_types=("ASSAULT",), outcome_source=defender,
                          outcome_targets=tuple(x for x in (attacker,) if x), min_rung=5)
    return Forecast(scenario, criterion)


def _reassessment(parties: tuple[str, ...], weapons: tuple[str, ...], hostile: list[Event],
                  events: tuple[Event, ...]) -> Forecast:
    p = min(0.6, 0.3 + 0.05 * len(weapons))
    arms = f", particularly the use of {', '.join(weapons[:3])}" if weapons else ""
    with_weapons = [e for e in events if e.weapons][:2]
    scenario = Scenario(
        id="", condition="the fighting continues at its current intensity",
        outcome=f"a reassessment of military strategy by {name(parties[0])} and {name(parties[1])}{arms}",
        actors=parties, probability=round(p, 2), horizon_days=HORIZON_DAYS * 2,
        signposts=(f"changes in {name(parties[0])} or {name(parties[1])} weapons-use policy",
                   "new restrictions or permissions on long-range strikes", "shifts in where strikes land"),
        text=f"The ongoing conflict may lead {name(parties[0])} and {name(parties[1])} to reassess their military "
             f"strategies{arms}.",
        rationale=f"Base 0.30 for a policy reassessment within {HORIZON_DAYS * 2} days, +0.05 per weapon system "
                  f"named ({len(weapons)}), capped at 0.60; no stored event resolves it.",
        evidence=tuple(dict.fromkeys([*(e.evidence[0] for e in with_weapons), hostile[0].evidence[0]])),
    )
    return Forecast(scenario, Criterion("reassess", HORIZON_DAYS * 2))
