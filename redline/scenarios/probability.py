"""Scenario probabilities from the fitted family models (``model.load_models``), with the rationale that says how.

The covariates are those of the question family (``questions``): for escalation, the dyad's coded history
(``history``, shipped up to its last coded day) as known on the article's day, plus the article's own
hostile events at their rungs; for follow-through, the issuer's credibility in the ledger view known on the
article's day. Each rationale names the model, its inputs and the family's walk-forward Brier.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from redline.assess import LADDER
from redline.events.actors import rebels, state_of
from redline.scenarios import history
from redline.scenarios.model import FEATURES, Fitted, load_models
from redline.scenarios.questions import ESCALATION_HORIZON, FOLLOW_HORIZON, DyadHistory, followthrough_subject, plus


@dataclass(frozen=True)
class Estimate:
    probability: float
    rationale: str


@cache
def coded_history() -> DyadHistory:
    """The shipped coded history of the escalation family."""
    return DyadHistory(history.read_table())


@cache
def _models() -> dict[str, Fitted]:
    return load_models()


def dyad(a: str, b: str) -> str:
    return ":".join(sorted((a, b)))


def _inputs(family: str, features: Sequence[float]) -> str:
    return "; ".join(f"{label} {value:.2f}" for label, value in zip(FEATURES[family], features, strict=True))


def _model_name(fitted: Fitted) -> str:
    return (f"{fitted.family} model (logistic, fitted walk-forward on {fitted.trained_on:,} settled questions, "
            f"{'slope-' if fitted.b == 0.0 and fitted.a != 1.0 else 'Platt-'}recalibrated; "
            f"walk-forward Brier {fitted.brier:.3f})")


def _family_base(fitted: Fitted) -> str:
    return "" if math.isnan(fitted.base_rate) else f"; base rate of the family {fitted.base_rate:.2f}"


def theatre(a: str, b: str) -> str:
    """The coded-history dyad a question about sides ``a`` and ``b`` is asked of. The interim coder finds states by
    name only, so a fight with an armed group is filed under its home state's internal conflict (``PAK:PAK``), or,
    for a group with no home, under the internal conflict of the state it fights (``IRQ:IRQ``)."""
    ha, hb = state_of(a), state_of(b)
    if ha is None and hb is None:
        return dyad(a, b)
    return dyad(ha or str(hb), hb or str(ha))


def dyad_rate(h: DyadHistory, key: str, as_of: str, rung: int) -> tuple[int, int]:
    """(windows reaching ``rung``, windows) over the twelve 30-day windows of the year up to ``as_of``."""
    hits = sum(1 for k in range(12)
               if any(r >= rung for r in h.window(key, plus(as_of, -30 * (k + 1)), plus(as_of, -30 * k))))
    return hits, 12


def escalation(a: str, b: str, rung: int, day: str | None, article_rungs: Sequence[int]) -> Estimate | None:
    """The chance that dyad a:b reaches ``rung`` (5 or 6) within 30 days of ``day``; None with no model."""
    fitted = _models().get("escalation")
    if fitted is None:
        return None
    h = coded_history()
    as_of = min(day or h.last, h.last)
    key = theatre(a, b)
    features = h.features(key, as_of, rung, extra=article_rungs)
    p = round(fitted.predict(features), 2)
    stale = f" (coded history ends {h.last})" if day and day > h.last else ""
    added = f"{len(article_rungs)} hostile event{'' if len(article_rungs) == 1 else 's'}"
    asked = dyad(a, b)
    what = "the state's internal conflict" if key.split(":")[0] == key.split(":")[-1] else \
        "the dyad of the group's home state"
    inside = (f" An armed group has no coded history of its own, so the question is asked of {key}, {what}."
              if any(state_of(x) is None or rebels(x) for x in (a, b)) and key != asked else "")
    hits, windows = dyad_rate(h, key, as_of, rung)
    return Estimate(p, f"P(dyad {key} reaches rung {rung}, {LADDER[rung]}, within {ESCALATION_HORIZON} days) = "
                       f"{p:.2f} from the {_model_name(fitted)}.{inside} Base rates: {key} reached rung {rung} in "
                       f"{hits} of the {windows} 30-day windows of the year before{_family_base(fitted)}. "
                       f"Inputs as of {as_of}{stale}, with this article's {added} added: "
                       f"{_inputs('escalation', features)}.")


def followthrough(issuer: str, credibility: float, nuclear: bool, promised_rung: int) -> Estimate | None:
    """The chance that a crossed line of ``issuer`` is followed through within 90 days; None with no model."""
    fitted = _models().get("followthrough")
    if fitted is None:
        return None
    features = (credibility, float(nuclear), promised_rung / 11, 0.0)
    subject = followthrough_subject(issuer)
    p = round(fitted.predict(features, subject), 2)
    base = "" if math.isnan(fitted.base_rate) else f" Base rate of the family {fitted.base_rate:.2f}."
    offset = fitted.offset(subject)
    own = (f"; {issuer}'s own intercept (its record shrunk toward the family) {offset:+.2f} log-odds"
           if offset else "")
    return Estimate(p, f"P({issuer} follows through within {FOLLOW_HORIZON} days of the line being crossed) = "
                       f"{p:.2f} from the {_model_name(fitted)}.{base} Inputs: {_inputs('followthrough', features)}"
                       f"{own}.")
