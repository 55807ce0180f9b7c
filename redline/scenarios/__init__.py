"""The scenarios stage: conditional forecasts "If <trigger>, <actor> may <response>" built from the article.

Probabilities in this first version come from documented priors, moved by what the article shows:
- a threat's follow-through once its line is crossed: Beta(2, 8) prior (mean 0.20), the rate at which
  declared red lines were answered as threatened in the historical record redline's ledger seeds from;
  nuclear threats at a quarter of that; each rung above 5 adds 10% (relative).
- continued hostilities provoking a stronger counter-response: 0.25 + 0.04 per hostile event (max 0.55).
- continued arms supply despite a threat producing the next rung within the horizon: 0.15 + 0.05 per rung
  above 4 (max 0.45).
- a reassessment of strategy and weapons by the fighting parties: 0.30 + 0.05 per weapon system named.
"""

from __future__ import annotations

from redline.assess import LADDER, cap, name
from redline.events.actors import country
from redline.models import Assessment, Event, Scenario, Threat

__all__ = ["forecast"]

HORIZON_DAYS = 90
PRIOR_FOLLOW_THROUGH = 2 / (2 + 8)


def forecast(events: tuple[Event, ...], threats: tuple[Threat, ...], assessment: Assessment) -> tuple[Scenario, ...]:
    """Conditional scenarios for one article; none is made without evidence behind it."""
    out: list[Scenario] = []
    rung = assessment.ladder_rung
    for t in threats:
        if t.trigger:
            out.append(_threat_scenario(t, rung))
    supply = [e for e in events if e.type == "AID" and e.weapons]
    if supply and threats:
        out.append(_supply_scenario(supply[0], threats[0], rung))
    hostile = [e for e in events if e.type == "ASSAULT" and e.factuality in {"asserted", "reported"} and e.source]
    if hostile:
        out.append(_counter_scenario(hostile, events, rung))
    weapons = tuple(dict.fromkeys(w for e in events for w in e.weapons))
    parties = tuple(dict.fromkeys(c for e in hostile for c in (country(e.source), country(e.target)) if c))
    if len(parties) >= 2 and (weapons or len(hostile) >= 2):
        out.append(_reassessment(parties[:2], weapons, hostile, events))
    return tuple(s.__class__(**{**s.__dict__, "id": f"s{n + 1}"}) for n, s in enumerate(out))


def _threat_scenario(t: Threat, rung: int) -> Scenario:
    p = PRIOR_FOLLOW_THROUGH * (0.25 if t.kind == "nuclear" else 1.0) * (1 + 0.1 * max(0, rung - 5))
    actor = name(t.actor)
    return Scenario(
        id="", condition=t.trigger, outcome=t.response,
        actors=tuple(x for x in (t.actor, t.target) if x),
        probability=round(p, 2), horizon_days=HORIZON_DAYS,
        signposts=(f"reports that {t.trigger} has happened",
                   f"{cap(actor)} repeats or sharpens the warning through officials such as {t.speaker}",
                   f"{cap(actor)} raises the alert of its forces or redeploys them"
                   + (f" toward {name(t.target)}" if t.target else "")),
        text=f"If {t.trigger} happens, {actor} may follow through on its threat of {t.response}.",
        rationale=f"Prior follow-through rate of declared threats, Beta(2, 8) mean {PRIOR_FOLLOW_THROUGH:.2f}"
                  f"{', quartered for a nuclear threat' if t.kind == 'nuclear' else ''}, scaled by the current "
                  f"rung {rung} ({LADDER[rung]}); no ledger history applied yet.",
        evidence=t.evidence,
    )


def _supply_scenario(aid: Event, threat: Threat, rung: int) -> Scenario:
    next_rung = min(rung + 1, len(LADDER) - 1)
    weapons = ", ".join(aid.weapons)
    p = min(0.45, 0.15 + 0.05 * max(0, rung - 4))
    return Scenario(
        id="", condition=f"{name(aid.source)} continues supplying {weapons} to {name(aid.target)}",
        outcome=f"{name(threat.actor)} escalates to rung {next_rung} ({LADDER[next_rung]})",
        actors=tuple(dict.fromkeys(x for x in (country(aid.source), country(aid.target), threat.actor) if x)),
        probability=round(p, 2), horizon_days=HORIZON_DAYS,
        signposts=(f"new {weapons} deliveries or use reported", f"{cap(name(threat.actor))} strikes deeper or on new "
                   f"target types", f"direct contact between {name(threat.actor)} and {name(aid.source)} forces"),
        text=f"If {name(aid.source)} continues supplying {weapons} to {name(aid.target)}, {name(threat.actor)} "
             f"may escalate its military actions toward {LADDER[next_rung]}.",
        rationale=f"Base 0.15 for a supplier-directed escalation within {HORIZON_DAYS} days, +0.05 per rung above "
                  f"4 (current rung {rung}), capped at 0.45.",
        evidence=aid.evidence[:1] + threat.evidence[:1],
    )


def _counter_scenario(hostile: list[Event], events: tuple[Event, ...], rung: int) -> Scenario:
    attacker, defender = country(hostile[0].source), country(hostile[0].target)
    places = ", ".join(dict.fromkeys(e.location for e in hostile if e.location))
    others = tuple(dict.fromkeys(c for e in events for c in (country(e.source), country(e.target))
                                 if c and c not in {attacker, defender}))
    p = min(0.55, 0.25 + 0.04 * len(hostile))
    drawn = f", drawing in {', '.join(name(o) for o in others[:3])}" if others else ""
    return Scenario(
        id="",
        condition=f"the military activity of {name(attacker)} continues" + (f" around {places}" if places else ""),
        outcome=f"a stronger response from {name(defender)}{drawn}",
        actors=tuple(x for x in (attacker, defender, *others[:3]) if x),
        probability=round(p, 2), horizon_days=HORIZON_DAYS // 3,
        signposts=(f"further attacks by {name(attacker)} reported" + (f" near {places}" if places else ""),
                   f"{cap(name(defender))} strikes on the territory or forces of {name(attacker)}",
                   *( [f"statements or deliveries by {name(others[0])}"] if others else [])),
        text=f"If the military activity of {name(attacker)} continues, it may provoke a stronger response from "
             f"{name(defender)}{drawn}.",
        rationale=f"Base 0.25 for a counter-escalation within {HORIZON_DAYS // 3} days, +0.04 per hostile event "
                  f"in the article ({len(hostile)}), capped at 0.55; current rung {rung}.",
        evidence=tuple(e.evidence[0] for e in hostile[:3]),
    )


def _reassessment(parties: tuple[str, ...], weapons: tuple[str, ...], hostile: list[Event],
                  events: tuple[Event, ...]) -> Scenario:
    p = min(0.6, 0.3 + 0.05 * len(weapons))
    arms = f", particularly the use of {', '.join(weapons[:3])}" if weapons else ""
    with_weapons = [e for e in events if e.weapons][:2]
    return Scenario(
        id="", condition="the fighting continues at its current intensity",
        outcome=f"a reassessment of military strategy by {name(parties[0])} and {name(parties[1])}{arms}",
        actors=parties, probability=round(p, 2), horizon_days=HORIZON_DAYS * 2,
        signposts=(f"changes in {name(parties[0])} or {name(parties[1])} weapons-use policy",
                   "new restrictions or permissions on long-range strikes", "shifts in where strikes land"),
        text=f"The ongoing conflict may lead {name(parties[0])} and {name(parties[1])} to reassess their military "
             f"strategies{arms}.",
        rationale=f"Base 0.30 for a policy reassessment within {HORIZON_DAYS * 2} days, +0.05 per weapon system "
                  f"named ({len(weapons)}), capped at 0.60.",
        evidence=tuple(dict.fromkeys([*(e.evidence[0] for e in with_weapons), hostile[0].evidence[0]])),
    )
