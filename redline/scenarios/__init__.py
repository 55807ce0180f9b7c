"""The scenarios stage: conditional forecasts realised in analyst English from structured fields.

Every scenario is an instance of a question family (``docs/forecasting.md``) for the article's dyads and
threats, rests on evidence in the article, and takes its probability from the fitted family model
(``scenarios.probability``), whose rationale names the model, its inputs and its walk-forward Brier:

- threat follow-through: if the trigger happens, the issuer carries out the threat (follow-through model:
  the issuer's ledger credibility as known on the article's day, nuclear or not, the promised rung);
- continued arms supply despite a threat: the issuer and the supplier come to fighting (rung 5) within 30
  days, or, when the issuer supplies, its dyad with the recipient reaches rung 6 (escalation model over the
  coded history plus the article's hostile events);
- continued attacks: a stronger response, the (unordered) dyad reaching rung 6 within 30 days (escalation
  model); a third party is named only when the coded history shows it in conflict with either
  side in the year before;
- reassessment of strategy and weapons use (only when the article names weapons): no question family
  resolves it, so its probability stays a stated heuristic (0.30 + 0.05 per weapon named, at most 0.60).

Text is built from normalised clauses: a noun-phrase trigger "happens", a clause trigger stands as it is,
a passive trigger gets its subject; a response "to <verb>" is a threat "to" do it, one in the first
person stays a quotation; a vague one-word trigger ("necessary") or a clause with unbalanced brackets or
quotes makes no scenario. At most one scenario per kind per dyad. Without a shipped model
the ledger credibility and a base of 0.25 stand in, and the rationale says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from redline.assess import LADDER, cap, name
from redline.assess.credibility import credibility
from redline.assess.escalation import event_rung
from redline.assess.ledger import LedgerView, seed_view, threatened_rung
from redline.events.actors import country, state_of
from redline.models import Assessment, Event, Scenario, Threat
from redline.scenarios import probability

__all__ = ["Criterion", "Forecast", "forecast", "forecasts", "long_date", "response_phrase", "trigger_clause"]

HORIZON_DAYS = 90
P_MIN, P_MAX = 0.01, 0.99
FINITE = re.compile(r"\b(is|are|was|were|will|would|does|do|did|has|have|had|can|could|may|might|must)\b", re.I)
PASSIVE = re.compile(r"^(hit|struck|attacked|targeted|sanctioned|invaded|threatened|provoked|pushed)\b.*\bby\b", re.I)
LEAD = re.compile(r"^(if|that|when|whenever|any time)\s+", re.I)
SUBJECT_VERB = re.compile(r"^(the\s+)?([A-Z][\w.'-]*\s+)+[a-z]+[^su\W]s\b")  # "the United States escalates"
FIRST_PERSON = re.compile(r"\b(I|we|We|our|Our|my|My)\b")
VAGUE = {"necessary", "needed", "required", "provoked", "attacked", "threatened", "so", "this", "that", "it"}


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
    day = view.as_of or _article_day(events, threats)
    out: list[Forecast] = []
    seen: set[tuple[str, str]] = set()
    rung = assessment.ladder_rung
    for t in threats:
        key = ("threat", probability.dyad(str(t.actor), str(t.target or t.actor)))
        if t.trigger and t.actor and key not in seen:
            made = _threat_scenario(t, rung, view)
            if made is not None:
                seen.add(key)
                out.append(made)
    supply = [e for e in events if e.type == "AID" and e.weapons and e.source]
    issuing = [t for t in threats if t.actor]
    if supply and issuing:
        out.append(_supply_scenario(supply[0], issuing[0], rung, day, events))
    hostile = [e for e in events if e.type == "ASSAULT" and e.factuality in {"asserted", "reported"}
               and e.source and e.target and party(e.source) != party(e.target)]
    if hostile:
        out.append(_counter_scenario(hostile, events, rung, day))
    parties = tuple(dict.fromkeys(c for e in hostile for c in (country(e.source), country(e.target)) if c))
    weapons = tuple(dict.fromkeys(w for e in events if {country(e.source), country(e.target)} & set(parties[:2])
                                  for w in e.weapons))
    if len(parties) >= 2 and weapons:
        out.append(_reassessment(parties[:2], weapons, hostile, events))
    return tuple(replace(f, scenario=replace(f.scenario, id=f"s{n + 1}")) for n, f in enumerate(out))


def _article_day(events: tuple[Event, ...], threats: tuple[Threat, ...]) -> str | None:
    days = [d[:10] for d in (*(e.date for e in events), *(t.date for t in threats)) if d]
    return max(days) if days else None


def _clip(p: float) -> float:
    return round(min(P_MAX, max(P_MIN, p)), 2)


def _garbled(text: str) -> bool:
    """Unbalanced brackets or quotes: an extraction that ran across sentence or markup boundaries."""
    return (text.count("(") != text.count(")") or text.count("[") != text.count("]")
            or text.count('"') % 2 == 1 or text.count("\u201c") != text.count("\u201d"))


def trigger_clause(trigger: str, actor: str | None) -> str | None:
    """The ``if`` clause of a trigger, or None when the trigger is too vague or garbled to state."""
    t = LEAD.sub("", " ".join(trigger.split()).rstrip(" .,;"))
    if len(t.split()) < 2 or t.lower() in VAGUE or _garbled(t):
        return None
    if PASSIVE.match(t):
        return f"{name(actor)} is {t}"
    if FINITE.search(t) or SUBJECT_VERB.match(t):
        return t
    return f"{t} happens"


def response_phrase(response: str) -> str | None:
    """What the issuer may do, as a verb phrase after "may"."""
    r = LEAD.sub("", " ".join(response.split()).rstrip(" .,;"))
    if len(r.split()) < 2 or _garbled(r):
        return None
    if FIRST_PERSON.search(r):
        return f"act on its warning (\u201c{r}\u201d)"  # the speaker's own words stay a quotation
    if r.lower().startswith("to "):
        return f"carry out its threat {r}"
    if FINITE.search(r):
        return f"act on its warning that {r}"
    return f"follow through on its threat of {r}"


def _threat_scenario(t: Threat, rung: int, view: LedgerView) -> Forecast | None:
    actor = name(t.actor)
    condition, response = trigger_clause(t.trigger, t.actor), response_phrase(t.response)
    if condition is None or response is None:
        return None
    cred = credibility(view, str(t.actor))
    mean = (cred.followed + cred.partial + 1) / (cred.crossed + 2)
    promised = threatened_rung(t)
    estimate = probability.followthrough(str(t.actor), mean, t.kind == "nuclear", promised)
    record = (f"{t.actor}'s ledger record as of {view.as_of or 'today'}: {cred.followed} of {cred.crossed} crossed "
              f"lines followed, {cred.partial} in part")
    if estimate is None:
        p, rationale = _clip(mean), f"{record}; no fitted model shipped, so the Beta(1, 1) posterior mean {mean:.2f}."
    else:
        p, rationale = _clip(estimate.probability), f"{estimate.rationale} {record}."
    scenario = Scenario(
        id="", condition=t.trigger, outcome=t.response,
        actors=tuple(x for x in (t.actor, t.target) if x),
        probability=p, horizon_days=HORIZON_DAYS,
        signposts=(f"reports that {condition.removesuffix(' happens')}" if condition.endswith(" happens")
                   else f"reports that {condition}",
                   f"{cap(actor)} repeats or sharpens the warning" + (f" through {t.speaker}" if t.speaker else ""),
                   f"{cap(actor)} raises the alert of its forces or redeploys them"
                   + (f" toward {name(t.target)}" if t.target else "")),
        text=f"If {condition}, {actor} may {response}.",
        rationale=rationale,
        evidence=t.evidence,
    )
    return Forecast(scenario, Criterion("threat", HORIZON_DAYS, threat_id=t.id))


def _hostile_rungs(events: tuple[Event, ...], a: str | None, b: str | None) -> list[int]:
    pair = {a, b}
    return [event_rung(e, None) for e in events if e.factuality in {"asserted", "reported"}
            and {party(e.source), party(e.target)} == pair and event_rung(e, None) >= 4]


def _escalation(a: str | None, b: str | None, rung: int, day: str | None, events: tuple[Event, ...],
                fallback: float) -> tuple[float, str]:
    target = min(6, max(5, rung))  # the family asks about rungs 5 and 6
    estimate = probability.escalation(str(a), str(b), target, day, _hostile_rungs(events, a, b)) if a and b else None
    if estimate is None:
        return fallback, f"no fitted model shipped: base {fallback:.2f}."
    return _clip(estimate.probability), estimate.rationale


def party(code: str | None) -> str | None:
    """The side an actor fights for: its country, except that an armed group (``HOME-REB-GROUP``, e.g.
    SOM-REB-SHB) is a side of its own, so a state fighting insurgents at home is a dyad, not one country."""
    if code and code.count("-") >= 2 and code.split("-")[1] == "REB":
        return code
    return country(code)


def _supply_scenario(aid: Event, threat: Threat, rung: int, day: str | None,
                     events: tuple[Event, ...]) -> Forecast:
    """Against a supplier other than the issuer: the issuer-supplier dyad reaching fighting (rung 5); against
    the recipient itself: the issuer-recipient dyad reaching strikes deep into territory (rung 6)."""
    weapons = _and(aid.weapons[:3])
    source, recipient_code = country(aid.source), country(aid.target)
    supplier, recipient, issuer = name(aid.source), name(aid.target), name(threat.actor)
    direct = source != threat.actor
    target_rung = 5 if direct else 6
    p, rationale = _escalation(threat.actor, source if direct else recipient_code, target_rung, day, events, 0.25)
    if direct:
        rationale += (" The coded history counts every report naming both states at that rung, not only fighting "
                      "between them, so for a direct confrontation this reads high.")
    outcome = (f"a direct confrontation between the forces of {issuer} and {supplier}" if direct
               else LADDER[target_rung])
    scenario = Scenario(
        id="", condition=f"{supplier} continues supplying {weapons} to {recipient}",
        outcome=f"{issuer} escalates toward {outcome}",
        actors=tuple(dict.fromkeys(x for x in (source, recipient_code, threat.actor) if x)),
        probability=p, horizon_days=30,
        signposts=(f"new {weapons} deliveries or use reported", f"{cap(issuer)} strikes deeper or on new "
                   f"target types", f"direct contact between {issuer} and {supplier} forces"),
        text=f"If {supplier} continues supplying {weapons} to {recipient}, {issuer} may escalate its military "
             f"actions toward {outcome}.",
        rationale=rationale,
        evidence=aid.evidence[:1] + threat.evidence[:1],
    )
    criterion = Criterion("supply", 30, condition_source=source, condition_target=recipient_code,
                          condition_types=("AID",), condition_weapons=aid.weapons, outcome_source=threat.actor,
                          outcome_targets=(source,) if direct and source else (), min_rung=target_rung)
    return Forecast(scenario, criterion)


def _involved(third: str, sides: tuple[str | None, ...], day: str | None) -> bool:
    """Whether the coded history shows ``third`` in conflict (rung >= 2) with either side in the year before."""
    h = probability.coded_history()
    as_of = min(day or h.last, h.last)
    start = f"{int(as_of[:4]) - 1}{as_of[4:]}"
    return any(r >= 2 for s in sides if s for r in h.window(probability.theatre(third, s), start, as_of))


def _counter_scenario(hostile: list[Event], events: tuple[Event, ...], rung: int, day: str | None) -> Forecast:
    attacker, defender = party(hostile[0].source), party(hostile[0].target)
    hostile = [e for e in hostile if {party(e.source), party(e.target)} == {attacker, defender}]
    sides = {name(attacker), name(defender)}
    places = tuple(dict.fromkeys(p.strip() for e in hostile if e.location for p in e.location.split(",")
                                 if p.strip() and p.strip() not in sides))
    dated = sorted(e.date[:10] for e in hostile if e.date and len(e.date) >= 10)
    where = f" around {_and(places[:3])}" if places else (f" reported on {long_date(dated[-1])}" if dated else "")
    others = tuple(dict.fromkeys(c for e in events if {party(e.source), party(e.target)} & {attacker, defender}
                                 for c in (state_of(e.source), state_of(e.target))
                                 if c and c not in {attacker, defender} and _involved(c, (attacker, defender), day)))
    p, rationale = _escalation(attacker, defender, 6, day, events, 0.25)
    activity, plural = _activity(hostile, name(attacker))
    drawn = f", drawing in {_and(tuple(name(o) for o in others[:2]))}" if others else ""
    scenario = Scenario(
        id="",
        condition=f"{activity} continue{'' if plural else 's'}{where}",
        outcome=f"a stronger response from {name(defender)}{drawn}",
        actors=tuple(x for x in (attacker, defender, *others[:2]) if x),
        probability=p, horizon_days=30,
        signposts=(f"further attacks by {name(attacker)} reported" + (f" near {_and(places[:3])}" if places else ""),
                   f"{cap(name(defender))} strikes on the territory or forces of {name(attacker)}",
                   *([f"statements or deliveries by {name(others[0])}"] if others else [])),
        text=f"If {activity}{where} continue{'' if plural else 's'}, {'they' if plural else 'it'} may provoke a "
             f"stronger response from {name(defender)}{drawn}.",
        rationale=rationale + f" Current rung of the article: {rung}.",
        evidence=tuple(e.evidence[0] for e in hostile[:3]),
    )
    criterion = Criterion("counter", 30, condition_source=attacker, condition_target=defender,
                          condition_types=("ASSAULT",), outcome_source=defender,
                          outcome_targets=tuple(x for x in (attacker,) if x), min_rung=5)
    return Forecast(scenario, criterion)


ACTIVITY = {"explosives": "bombings", "suicide-attack": "suicide attacks", "firearms": "armed attacks",
            "heavy-weapons": "strikes", "abduct": "abductions", "assassinate": "assassinations",
            "massacre": "mass killings"}  # PLOVER ASSAULT modes as an analyst names them


def _activity(hostile: list[Event], attacker: str) -> tuple[str, bool]:
    """What the attacker is doing, named from its events' PLOVER mode (heavy weapons: artillery or aircraft) or
    weapons: (noun phrase, plural?)."""
    modes = [ACTIVITY[e.mode] for e in hostile if e.mode in ACTIVITY]
    if modes:
        noun = max(dict.fromkeys(modes), key=modes.count)
        return f"the {noun} by {attacker}", True
    weapons = tuple(dict.fromkeys(w for e in hostile for w in e.weapons))
    if weapons:
        return f"the attacks by {attacker} with {_and(weapons[:2])}", True
    return f"the military activity of {attacker}", False


def long_date(day: str) -> str:
    """An ISO day as analysts write it: 11 March 2025."""
    d = date.fromisoformat(day)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _and(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _reassessment(parties: tuple[str, ...], weapons: tuple[str, ...], hostile: list[Event],
                  events: tuple[Event, ...]) -> Forecast:
    p = min(0.6, 0.3 + 0.05 * len(weapons))
    arms = f", particularly the use of {_and(weapons[:3])}"
    with_weapons = [e for e in events if set(e.weapons) & set(weapons)][:2]
    scenario = Scenario(
        id="", condition="the fighting continues at its current intensity",
        outcome=f"a reassessment of military strategy by {name(parties[0])} and {name(parties[1])}{arms}",
        actors=parties, probability=round(p, 2), horizon_days=HORIZON_DAYS * 2,
        signposts=(f"changes in {name(parties[0])} or {name(parties[1])} policy on {_and(weapons[:3])}",
                   "new restrictions or permissions on long-range strikes", "shifts in where strikes land"),
        text=f"The ongoing conflict may lead {name(parties[0])} and {name(parties[1])} to reassess their military "
             f"strategies{arms}.",
        rationale=f"No question family resolves a reassessment, so this is a stated heuristic, not a model: base "
                  f"0.30 for a policy reassessment within {HORIZON_DAYS * 2} days, +0.05 per weapon system named "
                  f"({len(weapons)}), capped at 0.60.",
        evidence=tuple(dict.fromkeys([*(e.evidence[0] for e in with_weapons), hostile[0].evidence[0]])),
    )
    return Forecast(scenario, Criterion("reassess", HORIZON_DAYS * 2))
