"""Calibration study: the model's raw walk-forward forecasts recalibrated walk-forward by several methods.

Each method is refitted on every refit day of the family (``model.REFIT_DAYS``) on the earlier walk-forward forecasts
that settled before that day, as the shipped Platt scaling is, and scored on the fitting and scoring windows of
``docs/forecasting.md``: Brier, skill against the running base rate and the worst reliability bin with >= 30
forecasts. Methods: ``raw`` (none), ``platt``, ``slope`` (Platt's slope, intercept dropped), ``isotonic``
(isotonic regression), ``binned`` (ten quantile bins of the earlier forecasts, each bin's frequency shrunk toward
its mean forecast by ``PRIOR`` pseudo-forecasts) and ``binned-month`` (the same with a bin's frequency the mean of
its months' frequencies: each month one block, since a month's questions share their outcomes).

    nice -n 10 python -m redline.scenarios.calibration [HISTORY.csv.gz] [FAMILY...]

Needs ``pip install 'redline[forecast]'``. A study, not part of the forecast: its results are in the docs.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from redline.scenarios import evaluate, model
from redline.scenarios.model import Forecast
from redline.scenarios.scoring import Bin, brier, reliability

Calibrator = Callable[[float], float]
WINDOWS = {
    "escalation": (("all", "2015-01-01", "2024-12-31"), ("fitting", "2015-01-01", "2020-12-31"),
                   ("scoring", "2021-01-01", "2024-12-31")),
    "intensity": (("all", "2015-01-01", "2024-12-31"), ("fitting", "2022-04-26", "2023-06-30"),
                  ("scoring", "2023-07-01", "2024-12-31")),
    "followthrough": (("all", "2015-01-01", "2024-12-31"),),
}
PRIOR = 20
NBINS = 10


def platt(raw: Sequence[float], ys: Sequence[int], months: Sequence[str], intercept: bool = True) -> Calibrator:
    a, b = model.platt(raw, ys, intercept)
    return lambda p: model.sigmoid(a * model.logit(p) + b)


def isotonic(raw: Sequence[float], ys: Sequence[int], months: Sequence[str]) -> Calibrator:
    import numpy as np
    from sklearn.isotonic import IsotonicRegression  # type: ignore[import-untyped]

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.005, y_max=0.995).fit(np.array(raw), np.array(ys))
    return lambda p: float(iso.predict([p])[0])


def binned(raw: Sequence[float], ys: Sequence[int], months: Sequence[str], by_month: bool = False) -> Calibrator:
    import numpy as np

    edges = np.quantile(np.array(raw), np.linspace(0, 1, NBINS + 1))
    edges[0], edges[-1] = 0.0, 1.0
    idx = np.clip(np.searchsorted(edges, raw, side="right") - 1, 0, NBINS - 1)
    values: list[float] = []
    for i in range(NBINS):
        members = [k for k in range(len(raw)) if idx[k] == i]
        center = sum(raw[k] for k in members) / len(members) if members else float(edges[i] + edges[i + 1]) / 2
        if by_month and members:
            per: dict[str, list[int]] = {}
            for k in members:
                per.setdefault(months[k], []).append(ys[k])
            n, freq = len(per), sum(sum(v) / len(v) for v in per.values()) / len(per)
        else:
            n, freq = len(members), (sum(ys[k] for k in members) / len(members) if members else center)
        values.append((n * freq + PRIOR * center) / (n + PRIOR))
    return lambda p: values[int(np.clip(np.searchsorted(edges, p, side="right") - 1, 0, NBINS - 1))]


METHODS: dict[str, Callable[[Sequence[float], Sequence[int], Sequence[str]], Calibrator] | None] = {
    "raw": None,
    "platt": platt,
    "slope": lambda r, y, m: platt(r, y, m, intercept=False),
    "isotonic": isotonic,
    "binned": binned,
    "binned-month": lambda r, y, m: binned(r, y, m, by_month=True),
}


def raw_forecasts(family: str, history_path: Path | None = None) -> list[Forecast]:
    """The family's walk-forward forecasts without recalibration (its settled questions only)."""
    saved = dict(model.MIN_CALIBRATION)
    model.MIN_CALIBRATION.update(dict.fromkeys(saved, 10 ** 9))
    try:
        questions = evaluate.all_questions(family, None, history_path, "2024-12-31")
        forecasts, _ = model.walk_forward(questions, family)
    finally:
        model.MIN_CALIBRATION.update(saved)
    return [f for f in forecasts if f.question.outcome is not None]


def recalibrated(forecasts: Sequence[Forecast], family: str, method: str) -> list[Forecast]:
    """``forecasts`` recalibrated walk-forward by ``method`` (only earlier settled forecasts fit it)."""
    maker = METHODS[method]
    made = [(f.question.settles, f.redline, int(f.question.outcome or 0), f.question.day[:7]) for f in forecasts
            if f.method != "base rate"]
    out: list[Forecast] = []
    cal: Calibrator | None = None
    cal_day = "0001-01-01"
    for f in forecasts:
        q = f.question
        if f.method == "base rate" or maker is None:
            out.append(f)
            continue
        if cal is None or (date.fromisoformat(q.day) - date.fromisoformat(cal_day)).days >= model.REFIT_DAYS[family]:
            earlier = [(p, y, m) for s, p, y, m in made if s < q.day]
            if len(earlier) >= model.MIN_CALIBRATION[family] and 0 < sum(y for _, y, _ in earlier) < len(earlier):
                cal = maker([p for p, _, _ in earlier], [y for _, y, _ in earlier], [m for _, _, m in earlier])
                cal_day = q.day
        out.append(replace(f, redline=cal(f.redline)) if cal is not None else f)
    return out


def worst_bin(forecasts: Sequence[Forecast], min_count: int = 30) -> tuple[float, list[Bin]]:
    ys = [int(f.question.outcome or 0) for f in forecasts]
    bins = [b for b in reliability([f.redline for f in forecasts], ys) if b.count >= min_count]
    return max((abs(b.frequency - b.mean_forecast) for b in bins), default=math.nan), bins


def study(family: str, history_path: Path | None = None) -> list[str]:
    """One line per method and window: n, Brier, skill against the base rate, worst bin, every bin's gap."""
    raw = raw_forecasts(family, history_path)
    lines = [f"{family}:"]
    for method in METHODS:
        done = recalibrated(raw, family, method)
        for label, lo, hi in WINDOWS[family]:
            sel = [f for f in done if lo <= f.question.day <= hi]
            ys = [int(f.question.outcome or 0) for f in sel]
            ours, base = brier([f.redline for f in sel], ys), brier([f.base_rate for f in sel], ys)
            worst, bins = worst_bin(sel)
            lines.append(f"  {method:<13} {label:<7} n {len(sel):>5} Brier {ours:.4f} skill {1 - ours / base:+.3f} "
                         f"worst bin {worst:.3f}  "
                         + " ".join(f"{b.low:.1f}:{b.count}:{b.frequency - b.mean_forecast:+.3f}" for b in bins))
    return lines


def main(argv: Sequence[str]) -> int:
    history_path = next((Path(a) for a in argv if a.endswith(".gz")), None)
    families = [a for a in argv if not a.endswith(".gz")] or list(WINDOWS)
    unknown = [f for f in families if f not in WINDOWS]
    if unknown:
        sys.stderr.write(f"{unknown[0]}: not a family ({', '.join(WINDOWS)})\n")
        return 2
    for family in families:
        sys.stdout.write("\n".join(study(family, history_path)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
