"""Reliability study, third round: pooled candidates for correlated questions, and what the bins can show.

``candidates``: the family's walk-forward forecasts made again with one change each (docs/forecasting.md, third
round): each question day one unit of likelihood (``day``), Platt recalibration with a prior toward no change and
each month one block (``prior``, ``prior-slope``, strength ``lam``), isotonic regression over equal-count blocks of
at least ``lam`` forecasts (``isomin``), shrinkage toward the running family rate by independent question days
(``shrink``), per-subject intercepts (``subj``, as shipped in ``model.SUBJECT_PRIOR``). Every candidate is fitted
and recalibrated only on questions settled before the forecast's day. With ``{}`` it reproduces the shipped
forecasts. Only the fitting window is printed unless ``--all``.

``power``: how often a perfectly calibrated forecaster issuing the shipped forecasts would have every bin with
>= 30 forecasts within 0.07 of the diagonal, when outcomes share a day shock (probit scale, its size matched to the
observed day-to-day excess variance; AR(1) ``RHO`` over successive question days of a kind, since weekly questions'
30-day windows overlap; none for follow-through, whose questions fall on different days).

    nice -n 10 python -m redline.scenarios.pooling candidates FAMILY '{"subj": 20}' ... [--all]
    nice -n 10 python -m redline.scenarios.pooling power FAMILY [RHO]

Needs ``pip install 'redline[forecast]'`` (and scipy, which scikit-learn brings). A study, not part of the forecast.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from redline.scenarios import evaluate, model
from redline.scenarios.model import Fitted, Forecast, logit, sigmoid
from redline.scenarios.questions import Question
from redline.scenarios.scoring import brier, reliability

WINDOWS = {  # (fitting, held out, full period): docs/forecasting.md, third round
    "intensity": (("2022-04-26", "2023-06-30"), ("2023-07-01", "2024-12-31"), ("2015-01-01", "2024-12-31")),
    "followthrough": (("2015-01-01", "2022-08-02"), ("2022-08-03", "2024-12-31"), ("2015-01-01", "2024-12-31")),
    "escalation": (("2015-01-01", "2020-12-31"), ("2021-01-01", "2024-12-31"), ("2015-01-01", "2024-12-31")),
}


def _fit(rows: Sequence[Question], family: str, by_day: bool) -> Fitted:
    import numpy as np

    x = np.array([q.features for q in rows], float)
    y = np.array([q.outcome for q in rows], int)
    count = Counter(q.day for q in rows)
    w = np.array([1.0 / count[q.day] for q in rows]) if by_day else None
    m = model._sklearn()(C=model.C[family], max_iter=500).fit(x, y, sample_weight=w)
    return Fitted(family, float(m.intercept_[0]), tuple(float(c) for c in m.coef_[0]))


def _calibrator(method: str, raw: Sequence[float], ys: Sequence[int], days: Sequence[str],
                lam: float) -> Callable[[float], float]:
    import numpy as np

    if method in ("slope", "platt"):
        a, b = model.platt(raw, ys, method == "platt")
        return lambda p: sigmoid(a * logit(p) + b)
    if method in ("prior", "prior-slope"):
        from scipy.optimize import minimize  # type: ignore[import-untyped]

        z, y = np.array([logit(p) for p in raw]), np.array(ys, float)
        months = Counter(d[:7] for d in days)
        w = np.array([1.0 / months[d[:7]] for d in days])

        def loss(t: Any) -> float:
            s = t[0] * z + t[1]
            return float(-np.sum(w * (y * s - np.logaddexp(0, s))) + lam * ((t[0] - 1) ** 2 + t[1] ** 2))

        a, b = minimize(loss, [1.0, 0.0], method="BFGS").x
        b = 0.0 if method == "prior-slope" else b
        return lambda p: sigmoid(a * logit(p) + b)
    if method == "isomin":
        from sklearn.isotonic import IsotonicRegression  # type: ignore[import-untyped]

        order = np.argsort(raw)
        r, yy = np.array(raw)[order], np.array(ys, float)[order]
        blocks = np.array_split(np.arange(len(r)), max(1, len(r) // int(lam)))
        xs = np.array([r[b].mean() for b in blocks])
        fitted = IsotonicRegression(out_of_bounds="clip").fit(
            xs, [yy[b].mean() for b in blocks], sample_weight=[len(b) for b in blocks]).predict(xs)
        return lambda p: float(np.interp(p, xs, fitted))
    raise ValueError(method)


def walk(questions: Sequence[Question], family: str, weighting: str = "none", calib: str | None = None,
         lam: float = 0.0, shrink: float = 0.0, subj: float = 0.0) -> list[Forecast]:
    """``model.walk_forward`` with one candidate change (the defaults reproduce it with no subject intercepts)."""
    calib = calib or model.CALIBRATION[family]
    out: list[Forecast] = []
    fitted: Fitted | None = None
    cal: Callable[[float], float] | None = None
    fitted_day: str | None = None
    made: list[tuple[str, float, int, str]] = []
    for q, st in model.settled_before(questions):
        if model.due(family, q.day, fitted_day, st):
            settled = st.questions()
            fitted, cal, fitted_day = _fit(settled, family, weighting == "day"), None, q.day
            if subj:
                fitted = replace(fitted, offsets=model.subject_offsets(fitted, settled, subj))
            earlier = [(p, y, d) for s_, p, y, d in made if s_ < q.day]
            if (calib != "raw" and len(earlier) >= model.MIN_CALIBRATION[family]
                    and 0 < sum(y for _, y, _ in earlier) < len(earlier)):
                cal = _calibrator(calib, [e[0] for e in earlier], [e[1] for e in earlier], [e[2] for e in earlier],
                                  lam)
        if fitted is None:
            p, method = st.base, "base rate"
        else:
            raw = fitted.raw(q.features, q.subject)
            p, method = (cal(raw) if cal else raw), "model"
            if shrink:
                days = len({s.day for s in st.questions()})
                p = days / (days + shrink) * p + shrink / (days + shrink) * st.base
            if q.outcome is not None:
                made.append((q.settles, raw, q.outcome, q.day))
        out.append(Forecast(q, p, st.base, q.persistence, st.climatology, method))
    return out


def summary(forecasts: Sequence[Forecast], lo: str, hi: str) -> str:
    """n, skill against the base rate, worst bin with >= 30 forecasts, expected calibration error."""
    sel = [f for f in forecasts if lo <= f.question.day <= hi and f.question.outcome is not None]
    ys = [int(f.question.outcome or 0) for f in sel]
    ours, base = brier([f.redline for f in sel], ys), brier([f.base_rate for f in sel], ys)
    bins = reliability([f.redline for f in sel], ys)
    worst = max((abs(b.frequency - b.mean_forecast) for b in bins if b.count >= 30), default=math.nan)
    ece = sum(b.count * abs(b.frequency - b.mean_forecast) for b in bins) / max(1, len(sel))
    return f"{lo}..{hi} n {len(sel)} skill {1 - ours / base:+.3f} worst bin {worst:.3f} ECE {ece:.3f}"


def power(forecasts: Sequence[Forecast], rho: float, shared: bool = True, draws: int = 2000, seed: int = 0) -> str:
    """The share of ``draws`` in which a calibrated forecaster with these forecasts passes the 0.07 bin rule.

    ``shared``: the outcomes of one kind's questions of a day share a shock; False for independent questions
    (follow-through: 136 questions on 129 days, whose day variance is the model's error, not a shared shock)."""
    import numpy as np
    from scipy.stats import norm  # type: ignore[import-untyped]

    rng = np.random.default_rng(seed)
    p = np.array([f.redline for f in forecasts])
    keys = sorted({(f.question.subject.split(":")[0], f.question.day) for f in forecasts})
    where = {x: i for i, x in enumerate(keys)}
    idx = np.array([where[(f.question.subject.split(":")[0], f.question.day)] for f in forecasts])
    bins, count = np.minimum((p * 10).astype(int), 9), np.bincount(idx)
    y = np.array([int(f.question.outcome or 0) for f in forecasts])
    binomial = float((np.bincount(idx, p * (1 - p)) / count ** 2).mean())
    excess = max(0.0, float((np.bincount(idx, y - p) / count).var()) - binomial)

    def simulate(s: float) -> Any:
        e = np.zeros(len(keys))
        e[0] = rng.normal()
        for t in range(1, len(keys)):
            r = rho if keys[t][0] == keys[t - 1][0] else 0.0
            e[t] = r * e[t - 1] + math.sqrt(1 - r * r) * rng.normal()
        z = norm.ppf(np.clip(p, 1e-6, 1 - 1e-6)) * math.sqrt(1 + s * s) + s * e[idx] + rng.normal(size=len(p))
        return (z > 0).astype(int)

    shock = 0.0
    for s in np.linspace(0, 3, 31) if shared else ():
        sims = [float((np.bincount(idx, simulate(s) - p) / count).var()) - binomial for _ in range(20)]
        if np.mean(sims) <= excess:
            shock = float(s)
    worst = []
    for _ in range(draws):
        ys = simulate(shock)
        worst.append(max((abs(ys[bins == b].mean() - p[bins == b].mean()) for b in range(10)
                          if (bins == b).sum() >= 30), default=0.0))
    w = np.array(worst)
    return (f"n {len(p)}, {len(keys)} question days, day excess variance {excess:.4f} -> shock sd {shock:.1f} "
            f"(probit), rho {rho}: a calibrated forecaster passes in {np.mean(w <= 0.07):.1%} of {draws} draws; "
            f"median worst bin {np.median(w):.3f}, 90% range {np.quantile(w, 0.05):.3f} .. {np.quantile(w, 0.95):.3f}")


def main(argv: Sequence[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("candidates", "power") or argv[1] not in WINDOWS:
        sys.stderr.write("usage: python -m redline.scenarios.pooling candidates|power FAMILY [SPEC...|RHO]\n")
        return 2
    family = argv[1]
    questions = evaluate.all_questions(family, None, None, "2024-12-31")
    if argv[0] == "power":
        forecasts, _ = model.walk_forward(questions, family)
        lo, hi = WINDOWS[family][2]
        scored = [f for f in forecasts if lo <= f.question.day <= hi and f.question.outcome is not None]
        rho = float(argv[2]) if len(argv) > 2 else (0.75 if family == "intensity" else 0.0)
        sys.stdout.write(f"{family}: {power(scored, rho, family == 'intensity')}\n")
        return 0
    windows = WINDOWS[family] if "--all" in argv else WINDOWS[family][:1]
    for spec in (a for a in argv[2:] if a != "--all"):
        done = walk(questions, family, **json.loads(spec))
        sys.stdout.write(f"{spec:<32} " + " | ".join(summary(done, lo, hi) for lo, hi in windows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
