"""The what-if simulator: Monte Carlo over the fitted escalation model with an injected event.

Each path draws the model's coefficients from their estimated sampling distribution (``Fitted.cov``: the
uncertainty of the effect estimated from history), then steps through the horizon in 30-day periods: the
escalation model gives the chance that the dyad reaches rung 5 and rung 6 in the period from the covariates
of the period before; a period that reaches a rung adds as many records as the dyad's recent monthly count at
that rung (at least one), which feeds the next period's covariates. The injected event (``--given``) is
coded like a history item (``history.code_item``): when one of its states belongs to the dyad, it enters
the first period as a record at its rung; otherwise the dyad's paths are the same as without it.
The no-intervention run uses the same random numbers, so the difference is the injection's effect alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from redline.scenarios import history
from redline.scenarios.model import Fitted, load_models
from redline.scenarios.questions import ESCALATION_RUNGS, DyadHistory, plus

STEP = 30


@dataclass(frozen=True)
class Outcome:
    """The chance that the dyad reaches ``rung`` within the horizon: mean over paths and the 10–90% band of the
    per-path chance (the spread that the coefficients' uncertainty causes)."""

    rung: int
    probability: float
    low: float
    high: float


@dataclass(frozen=True)
class WhatIf:
    dyad: str
    given: str
    injected_rung: int  # 0 when the event does not touch the dyad
    as_of: str
    horizon_days: int
    paths: int
    baseline: tuple[Outcome, ...]
    intervention: tuple[Outcome, ...]
    model_brier: float

    def to_dict(self) -> dict[str, Any]:
        return {"dyad": self.dyad, "given": self.given, "injected_rung": self.injected_rung, "as_of": self.as_of,
                "horizon_days": self.horizon_days, "paths": self.paths, "model_brier": self.model_brier,
                "baseline": [o.__dict__ for o in self.baseline],
                "intervention": [o.__dict__ for o in self.intervention]}


def injected_rung(dyad: str, given: str, day: str) -> int:
    """The rung at which ``given`` enters ``dyad``'s history (0: it names none of the dyad's states)."""
    states = set(dyad.split(":"))
    rungs = [r.rung for r in history.code_item(day, None, given) if states & set(r.dyad.split(":"))]
    return max(rungs, default=0)


def simulate(dyad: str, given: str, horizon: int = 90, paths: int = 10_000, seed: int = 0,
             past: DyadHistory | None = None, model: Fitted | None = None, as_of: str | None = None) -> WhatIf:
    """Run ``paths`` Monte Carlo paths of ``dyad`` over ``horizon`` days with and without the event ``given``."""
    import numpy as np

    h = past or DyadHistory(history.read_table())
    fitted = model or load_models()["escalation"]
    day = as_of or h.last
    key = ":".join(sorted(dyad.upper().split(":")))
    inject = injected_rung(key, given, day)
    rng = np.random.default_rng(seed)
    mean = np.array([fitted.intercept, *fitted.coef])
    cov = np.array(fitted.cov) if fitted.cov else np.zeros((len(mean), len(mean)))
    betas = rng.multivariate_normal(mean, cov, size=paths, method="cholesky")
    steps = max(1, math.ceil(horizon / STEP))
    uniforms = rng.random((steps, len(ESCALATION_RUNGS), paths))
    runs = []
    for extra in (0, inject):
        runs.append(_run(h, key, day, steps, betas, uniforms, fitted, extra))
    return WhatIf(key, given, inject, day, horizon, paths, runs[0], runs[1], fitted.brier)


def _run(h: DyadHistory, dyad: str, day: str, steps: int, betas: Any, uniforms: Any, fitted: Fitted,
         extra: int) -> tuple[Outcome, ...]:
    import numpy as np

    paths = betas.shape[0]
    w30 = [*h.window(dyad, plus(day, -30), day), *([extra] if extra else [])]
    w60 = h.window(dyad, plus(day, -60), plus(day, -30))
    w365 = [*h.window(dyad, plus(day, -365), day), *([extra] if extra else [])]
    monthly = {r: max(1.0, sum(1 for x in w365 if x >= r) / 12) for r in ESCALATION_RUNGS}
    # per-path state: counts in the last period, the one before, and at each threshold over the year
    total30 = np.full(paths, float(len(w30)))
    total_prev = np.full(paths, float(len(w60)))
    hits30 = {r: np.full(paths, float(sum(1 for x in w30 if x >= r))) for r in ESCALATION_RUNGS}
    hits365 = {r: np.full(paths, float(sum(1 for x in w365 if x >= r))) for r in ESCALATION_RUNGS}
    max30 = np.full(paths, float(max(w30, default=0)))
    probs = {r: np.zeros(paths) for r in ESCALATION_RUNGS}
    for step in range(steps):
        step_hits = {}
        for i, r in enumerate(ESCALATION_RUNGS):
            x = np.stack([(hits30[r] > 0).astype(float), np.log1p(hits30[r]), np.log1p(hits365[r]),
                          np.log1p(total30) - np.log1p(total_prev), max30 / 11, np.full(paths, float(r == 6))],
                         axis=1)
            raw = 1 / (1 + np.exp(-(betas[:, 0] + np.sum(betas[:, 1:] * x, axis=1))))
            p = 1 / (1 + np.exp(-(fitted.a * np.log(np.clip(raw, 1e-4, 1 - 1e-4) / np.clip(1 - raw, 1e-4, 1))
                                  + fitted.b)))
            probs[r] = 1 - (1 - probs[r]) * (1 - p)
            step_hits[r] = uniforms[step, i] < p
        new6 = np.where(step_hits[6], monthly[6], 0.0)
        new5 = np.where(step_hits[5] | step_hits[6], monthly[5], 0.0)
        total_prev, total30 = total30, np.maximum(new5, new6)
        for r, new in ((5, new5), (6, new6)):
            hits365[r] = hits365[r] * (11 / 12) + new  # the oldest month leaves the year
            hits30[r] = new
        max30 = np.where(step_hits[6], 6.0, np.where(step_hits[5], 5.0, 0.0))
    return tuple(Outcome(r, round(float(probs[r].mean()), 4), round(float(np.quantile(probs[r], 0.1)), 4),
                         round(float(np.quantile(probs[r], 0.9)), 4)) for r in ESCALATION_RUNGS)


def text(result: WhatIf) -> str:
    """The two runs side by side, in plain words."""
    from redline.assess import LADDER

    touch = (f"coded as a rung-{result.injected_rung} event ({LADDER[result.injected_rung]}) in {result.dyad}"
             if result.injected_rung else f"names neither state of {result.dyad}: no effect on this dyad")
    lines = [f"What if {result.given!r}? {touch}.",
             f"{result.paths:,} paths over {result.horizon_days} days from {result.as_of}; escalation model "
             f"walk-forward Brier {result.model_brier:.3f}; coefficients drawn from their estimated uncertainty.",
             ""]
    labels = [f"rung {b.rung}+ ({LADDER[b.rung]})" for b in result.baseline]
    width = max(len("reaches within horizon"), *(len(x) for x in labels))
    lines.append(f"  {'reaches within horizon':<{width}} {'no intervention':>19} {'with the event':>19}")
    for label, base, given in zip(labels, result.baseline, result.intervention, strict=True):
        cells = [f"{o.probability:.1%} ({o.low:.0%}–{o.high:.0%})" for o in (base, given)]
        lines.append(f"  {label:<{width}} {cells[0]:>19} {cells[1]:>19}")
    return "\n".join(lines)


def write_plot(result: WhatIf, path: str) -> None:
    """Bars of the chance of each rung with and without the event, with the 10–90% band."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 3.5), dpi=100)
    xs = range(len(result.baseline))
    for offset, (label, run) in zip((-0.2, 0.2), (("no intervention", result.baseline),
                                                   ("with the event", result.intervention)), strict=True):
        ax.bar([x + offset for x in xs], [o.probability for o in run], width=0.38, label=label,
               yerr=[[o.probability - o.low for o in run], [o.high - o.probability for o in run]], capsize=3)
    ax.set_xticks(list(xs), [f"rung {o.rung}+" for o in result.baseline])
    ax.set_ylim(0, 1)
    ax.set_ylabel(f"chance within {result.horizon_days} days")
    ax.set_title(f"{result.dyad}: what if {result.given[:50]}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def for_page(dyad: str | None, given: str | None, paths: int = 2_000) -> WhatIf | str | None:
    """The what-if of the dashboard's scenario page: None without a question, a one-line problem, or the result."""
    if not dyad or not given or not given.strip():
        return None
    if not re.fullmatch(r"[A-Za-z]{3}:[A-Za-z]{3}", dyad.strip()):
        return f"dyad {dyad!r}: use two alpha-3 state codes joined by ':' (e.g. RUS:UKR)"
    try:
        import numpy  # noqa: F401
    except ImportError:
        return "the what-if simulator needs numpy (pip install 'redline[forecast]')"
    if "escalation" not in load_models():
        return "no fitted escalation model is shipped"
    return simulate(dyad.strip(), given.strip()[:300], 90, paths)
