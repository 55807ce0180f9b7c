"""Backtest: replay stored articles in date order, forecast with only what was known then, score the forecasts.

For each stored article published in the range (oldest first) the scenarios are made again from its stored
events, threats and assessment, with the ledger and escalation windows as known on its publication day
(``Store.ledger_view(day)``: no later article, no later ledger outcome). Each forecast is then resolved
against stored events dated after that day (``scoring.resolve``); a conditional forecast whose condition
never happened is void, and one whose horizon runs past the last stored day is still open: neither is scored.

Baselines, each scored on the same resolved forecasts:
- base rate: (k + 1) / (n + 2) over the n forecasts resolved before the forecast's day, k of them true;
- persistence: 1 if the outcome already happened in the horizon-long window before the day (events
  published by then), else 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from redline.assess import ledger as rules
from redline.models import Brief, Event, Threat
from redline.scenarios import Criterion, Forecast, forecasts
from redline.scenarios.scoring import Bin, brier, log_score, outcome_events, plus, reliability, resolve
from redline.store import Store

MODELS = ("redline", "base rate", "persistence")


@dataclass(frozen=True)
class Scored:
    article_id: str
    scenario_id: str
    kind: str
    day: str
    settled: str
    probability: float
    base_rate: float
    persistence: float
    outcome: int
    text: str


@dataclass(frozen=True)
class BacktestResult:
    start: str
    end: str
    articles: int
    forecasts: int
    void: int  # condition never happened
    open: int  # horizon ends after the last stored day
    unresolvable: int  # no event rule (reassessment)
    scored: tuple[Scored, ...]

    def scores(self) -> dict[str, dict[str, float]]:
        ys = [s.outcome for s in self.scored]
        out = {}
        for model, ps in zip(MODELS, self._probabilities(), strict=True):
            out[model] = {"brier": brier(ps, ys), "log": log_score(ps, ys)}
        return out

    def reliability(self) -> dict[str, tuple[Bin, ...]]:
        ys = [s.outcome for s in self.scored]
        return {m: reliability(ps, ys) for m, ps in zip(MODELS, self._probabilities(), strict=True)}

    def _probabilities(self) -> tuple[list[float], list[float], list[float]]:
        return ([s.probability for s in self.scored], [s.base_rate for s in self.scored],
                [s.persistence for s in self.scored])


def backtest(store: Store, start: str, end: str) -> BacktestResult:
    """Replay the stored articles published from ``start`` to ``end`` (ISO days, inclusive)."""
    articles = [a for a in reversed(_all_articles(store)) if a["published"] and start <= a["published"][:10] <= end]
    articles.sort(key=lambda a: (a["published"], a["id"]))
    everything = store.dated_events()
    last_day = max((seen or "" for _, seen, _ in everything), default="")
    pending: list[tuple[Forecast, str, str, Any]] = []
    void = unresolvable = open_ = 0
    made = 0
    for a in articles:
        day = a["published"][:10]
        brief = store.get_brief(a["id"])
        if brief is None:
            continue
        record = Brief.from_dict(brief)
        events, threats, assessment = record.events, record.threats, record.assessment
        view = store.ledger_view(day)
        for f in forecasts(events, threats, assessment, view):
            made += 1
            entry = _entry(f.criterion, threats, record, a["id"])
            later = [x for x in everything if x[2].date and x[2].date[:10] >= day and x[0] != a["id"]]
            resolution = resolve(f.criterion, day, later, entry)
            if resolution is None:
                unresolvable += 1
            elif not resolution.outcome and resolution.day > last_day:
                open_ += 1  # the condition or the outcome may still come after the last stored day
            elif not resolution.condition_met:
                void += 1
            else:
                pending.append((f, a["id"], day, (resolution, _persistence(f.criterion, day, everything))))
    scored: list[Scored] = []
    for f, aid, day, (resolution, persistence) in sorted(pending, key=lambda x: (x[2], x[1], x[0].scenario.id)):
        known = [s.outcome for s in scored if s.settled < day]
        base = (sum(known) + 1) / (len(known) + 2)
        scored.append(Scored(aid, f.scenario.id, f.criterion.kind, day, resolution.day, f.scenario.probability,
                             round(base, 4), persistence, int(resolution.outcome), f.scenario.text))
    return BacktestResult(start, end, len(articles), made, void, open_, unresolvable, tuple(scored))


def _all_articles(store: Store) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = store.articles(limit=1000, offset=len(out))
        out.extend(page)
        if len(page) < 1000:
            return out


def _persistence(criterion: Criterion, day: str, everything: list[tuple[str, str | None, Event]]) -> float:
    if criterion.kind not in {"supply", "counter"}:
        return 0.0
    first = plus(day, -criterion.horizon_days)
    known = [e for _, seen, e in everything if e.date and first <= e.date[:10] <= day and (seen or "") <= day]
    return 1.0 if outcome_events(criterion, known) else 0.0


def _entry(criterion: Criterion, threats: tuple[Threat, ...], brief: Brief, aid: str) -> Any:
    threat = next((t for t in threats if t.id == criterion.threat_id), None)
    if threat is None or not threat.evidence:
        return None
    span = (threat.evidence[0].start, threat.evidence[0].end)
    weapons = tuple(dict.fromkeys(m.canonical for m in brief.entities
                                  if m.type == "WEAPON" and span[0] <= m.start < span[1]))
    return rules.entry_from_threat(threat, aid, weapons)


def format_number(x: float) -> str:
    return "n/a" if math.isnan(x) else f"{x:.4f}"


def day_of(value: str) -> str:
    """An ISO day from a --from/--to option value; ValueError when it is not one."""
    return datetime.fromisoformat(value).date().isoformat()
