"""Question families and their resolution rules (written down in ``docs/forecasting.md`` before scoring).

- ``escalation``: will dyad D reach ladder rung >= r within H days after day t? Resolved from the coded
  history (``scenarios.history``): yes when a record of D with rung >= r is dated in (t, t + H].
- ``intensity``: will series S (air-raid alert hours, claimed losses) over (t, t + 30] exceed its total
  over (t - 30, t]? Resolved from the outcome series (``scenarios.outcomes``), never from our own coding.
- ``followthrough``: a red line crossed on day t: will its issuer follow through (ledger ``followed`` yes or
  partial) within 90 days? ``crossing``: a line declared on day t: will it be crossed within 180 days?
  Both resolved from the curated ledger (``assess.ledger.seed``).

A question whose resolution data do not cover its horizon is void (``outcome`` None), never "no".
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from redline.assess.ledger import LedgerEntry
from redline.scenarios.history import Record
from redline.scenarios.outcomes import Series

FAMILIES = ("escalation", "intensity", "followthrough")
ESCALATION_RUNGS = (5, 6)
ESCALATION_HORIZON = 30
ESCALATION_STEP = 30
ACTIVE_RECORDS = 3  # a dyad is asked about when it has this many records in the year before
INTENSITY_WINDOW = 30
INTENSITY_STEP = 7
FOLLOW_HORIZON = 90
CROSSING_HORIZON = 180


@dataclass(frozen=True)
class Question:
    """One forecast question: ``family``, about ``subject`` (dyad, series or ledger line), asked on ``day``.

    ``threshold`` is the rung for escalation; ``settles`` the day the answer is known; ``outcome`` 1/0,
    or None when void; ``features`` the covariates known on ``day`` (``model.FEATURES``).
    """

    family: str
    subject: str
    day: str
    horizon: int
    threshold: int
    settles: str
    outcome: int | None
    persistence: float
    features: tuple[float, ...]


def plus(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _days(start: str, end: str, step: int) -> list[str]:
    out, day = [], date.fromisoformat(start)
    while day.isoformat() <= end:
        out.append(day.isoformat())
        day += timedelta(days=step)
    return out


class DyadHistory:
    """The coded records of each dyad, indexed by day, for counting what was known on a day."""

    def __init__(self, records: Iterable[Record], last: str | None = None) -> None:
        by: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for r in records:
            by[r.dyad].append((r.day, r.rung))
        self.days = {d: [x[0] for x in sorted(v)] for d, v in by.items()}
        self.rungs = {d: [x[1] for x in sorted(v)] for d, v in by.items()}
        self.last = last or max((v[-1] for v in self.days.values()), default="0000-00-00")

    def window(self, dyad: str, start: str, end: str) -> list[int]:
        """Rungs of the dyad's records dated in (start, end]."""
        days = self.days.get(dyad)
        if not days:
            return []
        i, j = bisect.bisect_right(days, start), bisect.bisect_right(days, end)
        return self.rungs[dyad][i:j]

    def features(self, dyad: str, day: str, rung: int, extra: Sequence[int] = ()) -> tuple[float, ...]:
        """Escalation covariates of ``dyad`` on ``day`` for threshold ``rung`` (``model.ESCALATION_FEATURES``).

        ``extra``: rungs of injected records dated ``day`` (the what-if simulator).
        """
        w30 = [*self.window(dyad, plus(day, -30), day), *extra]
        w60 = self.window(dyad, plus(day, -60), plus(day, -30))
        w365 = [*self.window(dyad, plus(day, -365), day), *extra]
        hit30 = sum(1 for r in w30 if r >= rung)
        hit365 = sum(1 for r in w365 if r >= rung)
        return (
            float(hit30 > 0),
            _log1p(hit30),
            _log1p(hit365),
            _log1p(len(w30)) - _log1p(len(w60)),
            max(w30, default=0) / 11,
            float(rung == 6),
        )


def _log1p(n: float) -> float:
    import math

    return math.log1p(n)


def escalation(history: DyadHistory, start: str, end: str) -> list[Question]:
    """Escalation questions every ``ESCALATION_STEP`` days for each dyad active in the year before."""
    out: list[Question] = []
    for day in _days(start, end, ESCALATION_STEP):
        settles = plus(day, ESCALATION_HORIZON)
        for dyad in sorted(history.days):
            if len(history.window(dyad, plus(day, -365), day)) < ACTIVE_RECORDS:
                continue
            ahead = history.window(dyad, day, settles) if settles <= history.last else None
            for rung in ESCALATION_RUNGS:
                features = history.features(dyad, day, rung)
                outcome = None if ahead is None else int(any(r >= rung for r in ahead))
                out.append(Question("escalation", dyad, day, ESCALATION_HORIZON, rung, settles, outcome,
                                    features[0], features))
    return out


NATIONAL_ALERTS = "alert hours: Ukraine"


def intensity(series: Iterable[Series], start: str, end: str) -> list[Question]:
    """Intensity questions every ``INTENSITY_STEP`` days for each series, from two windows after its start."""
    every = tuple(series)
    national = next((s for s in every if s.name == NATIONAL_ALERTS), None)
    out: list[Question] = []
    w = INTENSITY_WINDOW
    for s in every:
        first = max(start, plus(s.first, 2 * w))
        for day in _days(first, min(end, s.last), INTENSITY_STEP):
            features = intensity_features(s, day, national)
            if features is None:
                continue
            last30 = s.total(plus(day, 1 - w), day) or 0.0
            nxt = s.total(plus(day, 1), plus(day, w))
            outcome = None if nxt is None else int(nxt > last30)
            out.append(Question("intensity", s.name, day, w, 0, plus(day, w), outcome, float(features[0] > 0),
                                features))
    return out


def intensity_features(s: Series, day: str, national: Series | None) -> tuple[float, ...] | None:
    """Intensity covariates of series ``s`` on ``day`` (``model.FEATURES["intensity"]``), read only from days up
    to ``day``; None when the two windows before ``day`` leave the series' coverage.

    ``national``: the all-Ukraine alert series, whose trend a region's alerts share (regional spillover).
    """
    import math

    w = INTENSITY_WINDOW
    last30 = s.total(plus(day, 1 - w), day)
    prev30 = s.total(plus(day, 1 - 2 * w), plus(day, -w))
    last7 = s.total(plus(day, -6), day)
    if last30 is None or prev30 is None or last7 is None:
        return None
    back = max(s.first, plus(day, -179))
    span = (date.fromisoformat(day) - date.fromisoformat(back)).days + 1
    mean30 = (s.total(back, day) or 0.0) * w / span
    alert = s.name.startswith("alert")
    spill = 0.0
    if alert and national is not None:
        n30 = national.total(plus(day, 1 - w), day)
        n60 = national.total(plus(day, 1 - 2 * w), plus(day, -w))
        if n30 is not None and n60 is not None:
            spill = math.log1p(n30) - math.log1p(n60)
    return (
        math.log1p(last30) - math.log1p(prev30),
        math.log1p(last7 * w / 7) - math.log1p(last30),
        math.log1p(last30) - math.log1p(mean30),
        math.log1p(last30) / 10,
        float(alert),
        spill,
        float(last30 == 0),
    )


def followthrough(entries: Iterable[LedgerEntry], start: str, end: str, ledger_last: str) -> list[Question]:
    """Follow-through questions at each crossing and crossing questions at each declaration in the range.

    Features: the issuer's credibility known on the day (Beta(1, 1) posterior mean over its lines whose
    answer was settled by then), whether the threat is nuclear, the promised rung / 11.
    """
    rows = sorted(entries, key=lambda e: e.date)
    out: list[Question] = []
    for e in rows:
        for family_day, horizon, kind in ((e.crossed_date, FOLLOW_HORIZON, "follow"),
                                          (e.date, CROSSING_HORIZON, "cross")):
            if not family_day or not start <= family_day <= end:
                continue
            settles = plus(family_day, horizon)
            if kind == "follow":
                outcome = None if settles > ledger_last and e.followed not in {"yes", "partial"} else int(
                    e.followed in {"yes", "partial"} and (e.followed_date or "9999") <= settles)
            else:
                outcome = None if settles > ledger_last and not e.crossed else int(
                    e.crossed and (e.crossed_date or "9999") <= settles)
            followed, known = _record(rows, e.issuer, family_day, kind)
            credibility = (followed + 1) / (known + 2)
            features = (credibility, float(e.kind == "nuclear"), e.response_rung / 11, float(kind == "cross"))
            out.append(Question("followthrough", followthrough_subject(e.issuer, kind == "cross"),
                                family_day, horizon, 0, settles, outcome,
                                float(credibility > 0.5), features))
    return out


def _record(rows: Sequence[LedgerEntry], issuer: str, day: str, kind: str) -> tuple[int, int]:
    """(yes, settled) over the issuer's earlier lines whose answer of this kind was known on ``day``."""
    yes = known = 0
    for r in rows:
        if r.issuer != issuer or r.date >= day:
            continue
        if kind == "follow":
            if r.crossed_date and plus(r.crossed_date, FOLLOW_HORIZON) <= day:
                known += 1
                yes += int(r.followed in {"yes", "partial"}
                           and (r.followed_date or "9999") <= plus(r.crossed_date, FOLLOW_HORIZON))
        elif plus(r.date, CROSSING_HORIZON) <= day:
            known += 1
            yes += int(r.crossed and (r.crossed_date or "9999") <= plus(r.date, CROSSING_HORIZON))
    return yes, known


def followthrough_subject(issuer: str, crossing: bool = False) -> str:
    """The subject of an issuer's follow-through (or line-crossing) questions, the key of its model intercept."""
    return f"{issuer} {'crossing' if crossing else 'follow-through'}"
