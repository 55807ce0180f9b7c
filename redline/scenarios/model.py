"""The forecast model: a logistic hazard per question family, fitted walk-forward and recalibrated.

For each family one L2-regularised logistic regression (scikit-learn) maps the covariates known on the
question's day (``questions.Question.features``) to the probability of a yes. Walk-forward: the model that
answers questions asked on day t was fitted only on questions settled before t, refitted every
``REFIT_DAYS``; its raw output is then recalibrated (``CALIBRATION``: Platt scaling, or its slope alone) on
the earlier walk-forward forecasts that had settled before t (once ``MIN_CALIBRATION`` of them exist). Until
``MIN_TRAIN`` settled questions of both answers exist the forecast is the running base rate.

Applying a fitted model (``Fitted.predict``) needs no scikit-learn: the coefficients are plain floats, so
the scenarios stage can use the shipped ``forecast_model.json`` in the core install. Fitting needs
``pip install 'redline[forecast]'``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from importlib import resources
from typing import Any

from redline.errors import RedlineError
from redline.scenarios.questions import Question

FEATURES = {
    "escalation": ("rung reached in last 30 days", "log(1 + records at rung in last 30 days)",
                   "log(1 + records at rung in last 365 days)", "activity trend (last 30 vs 30 before)",
                   "highest rung in last 30 days / 11", "threshold is rung 6"),
    "intensity": ("log trend (last 30 vs 30 before)", "log(last 7 days x 30/7) - log(last 30)",
                  "log(last 30) - log(30-day mean of the last 180 days)", "log(1 + last 30 days) / 10",
                  "series is alert hours", "all-Ukraine alert trend (regions' spillover; 0 for losses)",
                  "nothing in the last 30 days"),
    "followthrough": ("issuer credibility (Beta posterior mean)", "nuclear threat", "promised rung / 11",
                      "question is a crossing"),
}
REFIT_DAYS = {"escalation": 90, "intensity": 28, "followthrough": 1}
MIN_TRAIN = {"escalation": 200, "intensity": 100, "followthrough": 12}
MIN_CALIBRATION = {"escalation": 300, "intensity": 150, "followthrough": 20}
C = {"escalation": 1.0, "intensity": 0.1, "followthrough": 0.3}  # inverse L2 strength; small data, strong prior
# How the raw output is recalibrated on earlier walk-forward forecasts: "platt" fits p = sigmoid(a * logit(raw) + b);
# "slope" fits the same and keeps only the slope (b = 0), so the forecast keeps the model's own level. The intensity
# family's share of yes swings from month to month with Ukraine's national air campaign, and a recalibration
# intercept fitted on the last months' forecasts chases that swing (docs/forecasting.md, fitting window). For
# escalation the slope alone ties Platt's Brier on the fitting window and is better calibrated there
# (``scenarios.calibration``; docs/forecasting.md, calibration study).
CALIBRATION = {"escalation": "slope", "intensity": "slope", "followthrough": "platt"}
# Per-subject intercepts (a random-intercept approximation): after each fit, a subject's (series', issuer's) summed
# residual over its settled questions, divided by its summed p(1 - p) plus this many pseudo-questions, is added to the
# model's log-odds for that subject's questions, so a subject with little history keeps the family's level and one
# with a long record that the covariates miss is pulled toward it. 0: none. Proposed on the fitting windows and
# kept where the held-out half agreed: follow-through yes, intensity no (docs/forecasting.md, third round);
# escalation (already within 0.07) was not part of that round.
SUBJECT_PRIOR = {"escalation": 0.0, "intensity": 0.0, "followthrough": 20.0}


class ForecastExtraMissing(RedlineError):
    """Fitting needs scikit-learn and numpy."""


def _sklearn() -> Any:
    try:
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    except ImportError:
        raise ForecastExtraMissing("fitting the forecast model needs scikit-learn "
                                   "(pip install 'redline[forecast]')") from None
    return LogisticRegression


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x > -700 else 0.0


def logit(p: float) -> float:
    p = min(1 - 1e-4, max(1e-4, p))
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Fitted:
    """A fitted family model: ``intercept`` and ``coef`` over ``FEATURES[family]``, then Platt ``a``, ``b``.

    ``cov`` is the covariance of (intercept, *coef) from the penalised likelihood's Hessian: the estimate's
    uncertainty, sampled by the what-if simulator.
    """

    family: str
    intercept: float
    coef: tuple[float, ...]
    a: float = 1.0
    b: float = 0.0
    cov: tuple[tuple[float, ...], ...] = ()
    trained_on: int = 0
    brier: float = math.nan  # walk-forward Brier of this family over the backtest that produced it
    base_rate: float = math.nan  # share of yes among the settled questions it was fitted on
    offsets: tuple[tuple[str, float], ...] = ()  # (subject, log-odds offset): ``SUBJECT_PRIOR``

    def offset(self, subject: str | None) -> float:
        """The subject's shrunk intercept (0 for a subject with no settled question, or with no subject given)."""
        return next((v for k, v in self.offsets if k == subject), 0.0) if subject else 0.0

    def raw(self, features: Sequence[float], subject: str | None = None) -> float:
        return sigmoid(self.intercept + sum(c * x for c, x in zip(self.coef, features, strict=True))
                       + self.offset(subject))

    def predict(self, features: Sequence[float], subject: str | None = None) -> float:
        """The calibrated probability of a yes for one question's covariates (and its subject's intercept)."""
        return sigmoid(self.a * logit(self.raw(features, subject)) + self.b)


def subject_offsets(fitted: Fitted, questions: Sequence[Question], prior: float) -> tuple[tuple[str, float], ...]:
    """Each subject's summed residual (outcome - model probability) over its settled ``questions``, divided by its
    summed p(1 - p) plus ``prior``: one Newton step from 0 for a random intercept with ``prior`` as its precision."""
    acc: dict[str, list[float]] = {}
    for q in questions:
        if q.outcome is None:
            continue
        p = fitted.raw(q.features)
        row = acc.setdefault(q.subject, [0.0, 0.0])
        row[0] += q.outcome - p
        row[1] += p * (1 - p)
    return tuple(sorted((k, round(r / (w + prior), 6)) for k, (r, w) in acc.items()))


def fit(questions: Sequence[Question], family: str) -> Fitted:
    """The family model fitted on settled ``questions`` (outcome not None)."""
    import numpy as np

    rows = [q for q in questions if q.outcome is not None]
    x = np.array([q.features for q in rows], dtype=float)
    y = np.array([q.outcome for q in rows], dtype=int)
    model = _sklearn()(C=C[family], max_iter=500).fit(x, y)
    coef = tuple(float(c) for c in model.coef_[0])
    intercept = float(model.intercept_[0])
    design = np.hstack([np.ones((len(x), 1)), x])
    p = 1 / (1 + np.exp(-(design @ np.array([intercept, *coef]))))
    hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag([0.0] + [1 / C[family]] * len(coef))
    cov = np.linalg.pinv(hessian)
    return Fitted(family, intercept, coef, cov=tuple(tuple(float(v) for v in row) for row in cov),
                  trained_on=len(rows), base_rate=float(y.mean()))


def platt(raw: Sequence[float], outcomes: Sequence[int], intercept: bool = True) -> tuple[float, float]:
    """(a, b) of p = sigmoid(a * logit(raw) + b) fitted on earlier forecasts and their outcomes. With
    ``intercept`` False the intercept is fitted but dropped (b = 0): the forecasts keep the model's own level and
    take only the recalibration's slope, estimated free of the earlier forecasts' level error."""
    import numpy as np

    x = np.array([[logit(p)] for p in raw])
    model = _sklearn()(C=100.0, max_iter=500).fit(x, np.array(outcomes, dtype=int))
    return float(model.coef_[0][0]), float(model.intercept_[0]) if intercept else 0.0


@dataclass(frozen=True)
class Forecast:
    """A walk-forward forecast of one question with the baselines made on the same day."""

    question: Question
    redline: float
    base_rate: float
    persistence: float
    climatology: float
    method: str  # "model", "model+platt", "model+slope" or "base rate" (too little history yet)


@dataclass
class Settled:
    """What had settled before a question's day, as a walk-forward loop sees it (``settled_before``)."""

    by_settle: list[Question]  # every question with an outcome, in the order they settle
    count: int = 0  # how many of them settled before the current question's day
    yes: int = 0  # how many of those were yes
    climatology: float = 0.5  # the current question's subject-and-threshold rate (Laplace), from those

    @property
    def base(self) -> float:
        """The running base rate (Laplace) of the settled questions."""
        return (self.yes + 1) / (self.count + 2)

    def questions(self) -> list[Question]:
        return self.by_settle[:self.count]


def settled_before(questions: Sequence[Question]) -> Iterator[tuple[Question, Settled]]:
    """Each question by day, with what had settled before that day: the bookkeeping of every walk-forward loop
    (the shipped forecast here; the study candidates in ``scenarios.pooling``)."""
    ordered = sorted(questions, key=lambda q: (q.day, q.subject, q.threshold))
    state = Settled(sorted((q for q in ordered if q.outcome is not None), key=lambda q: q.settles))
    clim: dict[tuple[str, int], tuple[int, int]] = {}
    for q in ordered:
        while state.count < len(state.by_settle) and state.by_settle[state.count].settles < q.day:
            s = state.by_settle[state.count]
            state.yes += int(s.outcome or 0)
            k, n = clim.get((s.subject, s.threshold), (0, 0))
            clim[(s.subject, s.threshold)] = (k + int(s.outcome or 0), n + 1)
            state.count += 1
        k, n = clim.get((q.subject, q.threshold), (0, 0))
        state.climatology = (k + 1) / (n + 2)
        yield q, state


def due(family: str, day: str, fitted_day: str | None, st: Settled) -> bool:
    """Whether a walk-forward model is (re)fitted on ``day``: enough settled questions of both answers, and no
    model yet or the last fitted ``REFIT_DAYS`` or more before."""
    from datetime import date

    return st.count >= MIN_TRAIN[family] and 0 < st.yes < st.count and (
        fitted_day is None or (date.fromisoformat(day) - date.fromisoformat(fitted_day)).days >= REFIT_DAYS[family])


def walk_forward(questions: Sequence[Question], family: str) -> tuple[list[Forecast], Fitted | None]:
    """Forecast every question with only what settled before its day; the last fitted model too."""
    out: list[Forecast] = []
    model: Fitted | None = None
    fitted_day: str | None = None
    made: list[tuple[str, float, int]] = []  # (settles, raw model forecast, outcome) of earlier forecasts
    for q, st in settled_before(questions):
        if due(family, q.day, fitted_day, st):
            settled = st.questions()
            model = fit(settled, family)
            if SUBJECT_PRIOR[family]:
                model = replace(model, offsets=subject_offsets(model, settled, SUBJECT_PRIOR[family]))
            earlier = [(p, y) for s, p, y in made if s < q.day]
            if len(earlier) >= MIN_CALIBRATION[family] and 0 < sum(y for _, y in earlier) < len(earlier):
                a, b = platt([p for p, _ in earlier], [y for _, y in earlier], CALIBRATION[family] == "platt")
                model = replace(model, a=a, b=b)
            fitted_day = q.day
        if model is None:
            p, method = st.base, "base rate"
        else:
            raw = model.raw(q.features, q.subject)
            p = model.predict(q.features, q.subject)
            method = f"model+{CALIBRATION[family]}" if model.a != 1.0 else "model"
            if q.outcome is not None:
                made.append((q.settles, raw, q.outcome))
        out.append(Forecast(q, p, st.base, q.persistence, st.climatology, method))
    return out, model


def save(models: dict[str, Fitted], path: str) -> None:
    """Write fitted family models as JSON (``forecast_model.json``)."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump({k: asdict(v) for k, v in models.items()}, f, indent=1)
        f.write("\n")


def load_models() -> dict[str, Fitted]:
    """The shipped family models (``redline/data/forecast_model.json``); empty when none is shipped."""
    try:
        text = resources.files("redline").joinpath("data/forecast_model.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    out: dict[str, Fitted] = {}
    for k, v in json.loads(text).items():
        out[k] = Fitted(v["family"], v["intercept"], tuple(v["coef"]), v["a"], v["b"],
                        tuple(tuple(r) for r in v["cov"]), v["trained_on"], v["brier"],
                        v.get("base_rate", math.nan), tuple((k, float(x)) for k, x in v.get("offsets", ())))
    return out
