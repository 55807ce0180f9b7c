"""Resolving scenarios against later events, and scoring probability forecasts.

- Brier score: mean of (p - y)^2; 0 is perfect, 0.25 is a constant 0.5.
- Log score: mean of ln(p) when the outcome happened, ln(1 - p) when not, with p clipped to
  [LOG_EPS, 1 - LOG_EPS] so that a 0/1 forecast (the persistence baseline) stays finite; 0 is perfect.
- Reliability table: forecasts in ten bins of width 0.1, each with its count, mean forecast and observed
  frequency.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from redline.assess import ledger as rules
from redline.assess.escalation import belligerents_of, event_rung
from redline.assess.ledger import LedgerEntry
from redline.events.actors import country
from redline.models import Event
from redline.scenarios import Criterion

LOG_EPS = 0.01
BINS = 10


@dataclass(frozen=True)
class Resolution:
    condition_met: bool
    outcome: bool
    day: str  # the day the answer was settled (outcome event, or end of horizon)


def plus(day: str, days: int) -> str:
    return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


def resolve(criterion: Criterion, day: str, later: Sequence[tuple[str, str | None, Event]],
            entry: LedgerEntry | None = None) -> Resolution | None:
    """How ``later`` events (article id, publication day, event; all dated after ``day``) settle a scenario.

    None when no rule applies (``reassess``, or a threat without a ledger entry). A conditional scenario whose
    condition never happened within the horizon resolves with ``condition_met=False`` and is not scored.
    """
    end = plus(day, criterion.horizon_days)
    window = [x for x in later if x[2].date and day < x[2].date[:10] <= end]
    if criterion.kind == "threat":
        if entry is None:
            return None
        moved = rules.update(entry, [x for x in later if x[2].date and day <= x[2].date[:10] <= plus(end, 90)])
        if not moved.crossed or not moved.crossed_date or moved.crossed_date > end:
            return Resolution(False, False, end)
        settle = plus(moved.crossed_date, criterion.horizon_days)
        followed = moved.followed == "yes" and (moved.followed_date or "9999") <= settle
        return Resolution(True, followed, moved.followed_date if followed and moved.followed_date else settle)
    if criterion.kind not in {"supply", "counter"}:
        return None
    events = [e for _, _, e in window]
    condition = [e for e in events if matches_condition(criterion, e)]
    if not condition:
        return Resolution(False, False, end)
    hits = outcome_events(criterion, events)
    return Resolution(True, bool(hits), (hits[0].date or end)[:10] if hits else end)


def matches_condition(criterion: Criterion, e: Event) -> bool:
    if e.factuality not in {"asserted", "reported"} or e.type not in criterion.condition_types:
        return False
    if criterion.condition_source and country(e.source) != criterion.condition_source:
        return False
    if criterion.condition_target and country(e.target) != criterion.condition_target:
        return False
    wanted = {w.lower() for w in criterion.condition_weapons}
    return not wanted or bool(wanted & {w.lower() for w in e.weapons})


def outcome_events(criterion: Criterion, events: Sequence[Event]) -> list[Event]:
    """Events that realise the outcome: by ``outcome_source``, against ``outcome_targets``, rung >= ``min_rung``."""
    located = Counter(e.geo.country for e in events if e.geo)
    theatre = located.most_common(1)[0][0] if located else None
    pair = belligerents_of(events)
    return sorted((e for e in events if e.factuality in {"asserted", "reported"}
                   and country(e.source) == criterion.outcome_source
                   and (not criterion.outcome_targets or country(e.target) in criterion.outcome_targets)
                   and event_rung(e, theatre, 0, pair) >= criterion.min_rung), key=lambda e: e.date or "")


def brier(ps: Sequence[float], ys: Sequence[int]) -> float:
    return sum((p - y) ** 2 for p, y in zip(ps, ys, strict=True)) / len(ps) if ps else math.nan


def log_score(ps: Sequence[float], ys: Sequence[int]) -> float:
    if not ps:
        return math.nan
    total = 0.0
    for p, y in zip(ps, ys, strict=True):
        q = min(1 - LOG_EPS, max(LOG_EPS, p))
        total += math.log(q if y else 1 - q)
    return total / len(ps)


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_forecast: float
    frequency: float


def reliability(ps: Iterable[float], ys: Iterable[int], bins: int = BINS) -> tuple[Bin, ...]:
    """Non-empty bins of width 1/bins (the last one closed at 1.0)."""
    groups: dict[int, list[tuple[float, int]]] = {}
    for p, y in zip(ps, ys, strict=True):
        groups.setdefault(min(int(p * bins), bins - 1), []).append((p, y))
    return tuple(Bin(i / bins, (i + 1) / bins, len(g), sum(p for p, _ in g) / len(g), sum(y for _, y in g) / len(g))
                 for i, g in sorted(groups.items()))
