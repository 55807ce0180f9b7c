"""The walk-forward backtest of the question families: forecasts, baselines and their scores.

``run(start, end)`` asks every question of each family (``scenarios.questions``) from the start of its data,
forecasts it walk-forward (``model.walk_forward``: fitted only on what settled before the question's day),
and scores the non-void questions asked from ``start`` to ``end`` against three baselines made on the same
day: the running base rate of the family, persistence, and the climatology of the question's subject.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redline.assess.ledger import seed
from redline.scenarios import history, outcomes
from redline.scenarios import questions as qs
from redline.scenarios.model import Fitted, Forecast, walk_forward
from redline.scenarios.scoring import BINS, Bin, brier, log_score, reliability

MODELS = ("redline", "base_rate", "persistence", "climatology")
HISTORY_START = "2014-01-01"
LEDGER_CURRENT = "2025-12-31"  # the curated ledger was last reviewed then: later horizons are void


@dataclass(frozen=True)
class FamilyResult:
    family: str
    questions: int
    forecasts: tuple[Forecast, ...]  # the scored ones: asked in the range, not void
    model: Fitted | None

    @property
    def void(self) -> int:
        return self.questions - len(self.forecasts)


@dataclass(frozen=True)
class BacktestReport:
    start: str
    end: str
    families: tuple[FamilyResult, ...]

    def scored(self) -> list[Forecast]:
        return [f for r in self.families for f in r.forecasts]

    def to_dict(self) -> dict[str, Any]:
        """The JSON report: counts, Brier and log score per model, skill, reliability and sharpness."""
        questions = sum(r.questions for r in self.families)
        everything = self.scored()
        return {
            "from": self.start, "to": self.end,
            "questions": questions, "scored": len(everything), "void": questions - len(everything),
            **scores(everything),
            "families": {r.family: {"questions": r.questions, "scored": len(r.forecasts), "void": r.void,
                                    **scores(r.forecasts)} for r in self.families},
        }


def _clean(x: float) -> float | None:
    return None if math.isnan(x) else round(x, 4)


def scores(forecasts: Sequence[Forecast]) -> dict[str, Any]:
    """Scores of ``forecasts``: models (Brier, log), redline's skill against each baseline, reliability, sharpness."""
    ys = [int(f.question.outcome or 0) for f in forecasts]
    models: dict[str, dict[str, float | None]] = {}
    for m in MODELS:
        ps = [float(getattr(f, m)) for f in forecasts]
        models[m] = {"brier": _clean(brier(ps, ys)), "log": _clean(log_score(ps, ys))}
    ours = models["redline"]["brier"]
    skill: dict[str, float | None] = {}
    for m in MODELS[1:]:
        theirs = models[m]["brier"]
        skill[m] = None if ours is None or not theirs else round(1 - ours / theirs, 4)
    ps = [f.redline for f in forecasts]
    mean = sum(ps) / len(ps) if ps else math.nan
    return {
        "models": models,
        "skill": skill,
        "reliability": [{**bin_dict(b), **block_interval([f for f in forecasts if _bin(f.redline) == i])}
                        for i, b in _numbered(reliability(ps, ys))],
        "sharpness": _clean(sum((p - mean) ** 2 for p in ps) / len(ps)) if ps else None,
        "outcome_rate": _clean(sum(ys) / len(ys)) if ys else None,
    }


BOOTSTRAP = 1000


def _bin(p: float) -> int:
    return min(int(p * BINS), BINS - 1)


def _numbered(bins: Sequence[Bin]) -> list[tuple[int, Bin]]:
    return [(_bin((b.low + b.high) / 2), b) for b in bins]


def block_interval(forecasts: Sequence[Forecast]) -> dict[str, Any]:
    """How far the bin's observed frequency may stray from its mean forecast by chance alone, with questions of one
    month counted as one block: ``months`` (blocks) and ``gap_interval``, the 5th and 95th percentiles of
    (observed frequency - mean forecast) over ``BOOTSTRAP`` resamples of whole months (seeded, reproducible).

    Questions asked within a month share most of their 30-day windows, and the intensity family's 26 alert series
    move together, so a bin of hundreds of forecasts may hold a handful of independent answers: its count alone
    overstates what its frequency can show.
    """
    blocks: dict[str, list[float]] = {}
    for f in forecasts:
        b = blocks.setdefault(f.question.day[:7], [0.0, 0.0, 0.0])
        b[0] += 1
        b[1] += int(f.question.outcome or 0)
        b[2] += f.redline
    if not blocks:
        return {"months": 0, "gap_interval": None}
    rng = random.Random(0)
    rows = list(blocks.values())
    gaps = []
    for _ in range(BOOTSTRAP):
        n = yes = p = 0.0
        for row in rng.choices(rows, k=len(rows)):
            n, yes, p = n + row[0], yes + row[1], p + row[2]
        gaps.append((yes - p) / n)
    gaps.sort()
    return {"months": len(rows), "gap_interval": [round(gaps[BOOTSTRAP // 20], 4),
                                                  round(gaps[BOOTSTRAP - 1 - BOOTSTRAP // 20], 4)]}


def bin_dict(b: Bin) -> dict[str, float | int]:
    return {"low": b.low, "high": b.high, "count": b.count, "mean_forecast": round(b.mean_forecast, 4),
            "frequency": round(b.frequency, 4)}


def all_questions(family: str, outcome_dir: Path | None = None, history_path: Path | None = None,
                  until: str = "2100-01-01") -> list[qs.Question]:
    """Every question of ``family`` from the start of its data up to ``until``."""
    if family == "escalation":
        return qs.escalation(qs.DyadHistory(history.read_table(history_path)), HISTORY_START, until)
    if family == "intensity":
        return qs.intensity(outcomes.load(outcome_dir), HISTORY_START, until)
    if family == "followthrough":
        return qs.followthrough(seed(), "1900-01-01", until, LEDGER_CURRENT)
    raise ValueError(f"--family: {family!r} is not one of {', '.join(qs.FAMILIES)}")


def run(start: str, end: str, families: Sequence[str] = qs.FAMILIES, outcome_dir: Path | None = None,
        history_path: Path | None = None) -> BacktestReport:
    """Walk-forward backtest of ``families`` scored over questions asked from ``start`` to ``end``."""
    results: list[FamilyResult] = []
    for family in families:
        questions = all_questions(family, outcome_dir, history_path, end)
        forecasts, model = walk_forward(questions, family)
        asked = [f for f in forecasts if start <= f.question.day <= end]
        scored = tuple(f for f in asked if f.question.outcome is not None)
        results.append(FamilyResult(family, len(asked), scored, model))
    return BacktestReport(start, end, tuple(results))


def text(report: BacktestReport) -> str:
    """The report as text: counts, scores beside the baselines, skill, reliability of redline per family."""
    d = report.to_dict()
    lines = [f"Walk-forward backtest {report.start} .. {report.end}: {d['questions']} questions, "
             f"{d['scored']} scored, {d['void']} void (resolution data do not cover the horizon)"]
    for name, block in [("all families", d), *d["families"].items()]:
        lines += ["", f"{name}: {block['scored']} scored" + (
            f" of {block['questions']}, {block['void']} void" if name != "all families" else "")
            + (f", outcome rate {block['outcome_rate']:.3f}" if block["outcome_rate"] is not None else "")]
        if not block["scored"]:
            continue
        lines.append(f"  {'model':<12} {'Brier':>8} {'log score':>10} {'skill':>8}")
        for m, s in block["models"].items():
            skill = block["skill"].get(m)
            lines.append(f"  {m:<12} {_fmt(s['brier']):>8} {_fmt(s['log']):>10} "
                         f"{'' if skill is None else f'{skill:+.3f}':>8}")
        lines.append(f"  sharpness (variance of redline's forecasts) {_fmt(block['sharpness'])}")
        lines.append(f"  reliability of redline: {'bin':<9} {'n':>6} {'mean p':>7} {'observed':>9} {'months':>7}  "
                     "90% interval of observed - mean p, by month blocks")
        for b in block["reliability"]:
            gap = b["gap_interval"]
            lines.append(f"  {'':<24}{b['low']:.1f}–{b['high']:.1f}  {b['count']:>6} {b['mean_forecast']:>7.3f} "
                         f"{b['frequency']:>9.3f} {b['months']:>7}  {gap[0]:+.3f} .. {gap[1]:+.3f}")
    return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.4f}"


def write_plot(report: BacktestReport, path: Path) -> None:
    """A reliability diagram per family: observed frequency against mean forecast, with the counts and, as error
    bars, the 90% month-block interval of the frequency (``block_interval``)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 5.5), dpi=100)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    d = report.to_dict()
    for (family, block), marker in zip(d["families"].items(), ("o", "s", "^", "D"), strict=False):
        bins = block["reliability"]
        if bins:
            ax.plot([b["mean_forecast"] for b in bins], [b["frequency"] for b in bins], marker=marker,
                    label=f"{family} (Brier {_fmt(block['models']['redline']['brier'])}, "
                          f"skill {block['skill']['base_rate']:+.2f})")
            line = ax.lines[-1]
            ax.errorbar([b["mean_forecast"] for b in bins], [b["frequency"] for b in bins],
                        yerr=[[max(0.0, b["frequency"] - b["mean_forecast"] - b["gap_interval"][0]) for b in bins],
                              [max(0.0, b["mean_forecast"] + b["gap_interval"][1] - b["frequency"]) for b in bins]],
                        fmt="none", ecolor=line.get_color(), alpha=0.5, capsize=2, linewidth=1)
            for b in bins:
                ax.annotate(str(b["count"]), (b["mean_forecast"], b["frequency"]), textcoords="offset points",
                            xytext=(4, 4), fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("forecast probability (bin mean)")
    ax.set_ylabel("observed frequency")
    ax.set_title(f"redline walk-forward {report.start} .. {report.end}: {d['scored']:,} questions", fontsize=9)
    ax.legend(loc="upper left", fontsize=7)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def fitted_models(report: BacktestReport) -> dict[str, Fitted]:
    """The last walk-forward model of each family, carrying its family's walk-forward Brier."""
    from dataclasses import replace

    d = report.to_dict()["families"]
    return {r.family: replace(r.model, brier=float(d[r.family]["models"]["redline"]["brier"] or math.nan))
            for r in report.families if r.model is not None}


if __name__ == "__main__":
    import sys

    from redline.scenarios.model import save

    target = Path(__file__).resolve().parents[1] / "data" / "forecast_model.json"
    save(fitted_models(run("2015-01-01", "2024-12-31")), str(target))
    sys.stdout.write(f"wrote {target}\n")
