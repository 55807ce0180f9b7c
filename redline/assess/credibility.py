"""Credibility: a Beta posterior per issuer (and threat type) over follow-through once a line is crossed.

Prior Beta(1, 1): uniform, no view before evidence; the posterior mean is then Laplace's rule of
succession (k + 1) / (n + 2). A crossed line counts once its outcome is known (see ``LedgerEntry.known_at``):
"yes" is a success; "partial" and "no" are failures (the threatened response did not come), "partial" is
reported beside the count. The 80% interval is the 10% and 90% Beta quantiles, computed by bisection on
the regularised incomplete beta function (continued fraction, Numerical Recipes 6.4): 60 halvings give
1e-18 precision, which is why redline carries this small routine instead of the 40 MB of scipy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from redline.assess.ledger import LedgerView

PRIOR_ALPHA = 1.0
PRIOR_BETA = 1.0
INTERVAL = 0.8


@dataclass(frozen=True)
class Credibility:
    issuer: str
    kind: str | None  # None: every threat type pooled
    crossed: int  # crossed lines whose outcome is known
    followed: int  # answered with the threatened response
    partial: int  # answered with less than the threatened response
    alpha: float
    beta: float
    mean: float
    low: float
    high: float
    entry_ids: tuple[str, ...]
    since: str | None  # date of the earliest counted declaration

    @property
    def prior(self) -> str:
        return f"Beta({PRIOR_ALPHA:g}, {PRIOR_BETA:g})"


def credibility(view: LedgerView, issuer: str, kind: str | None = None) -> Credibility:
    """Posterior follow-through of ``issuer``'s crossed lines (of one ``kind``, or all) known in ``view``."""
    counted = [e for e in view.by_issuer(issuer, kind) if e.crossed and e.followed in {"yes", "partial", "no"}]
    k = sum(e.followed == "yes" for e in counted)
    partial = sum(e.followed == "partial" for e in counted)
    a, b = PRIOR_ALPHA + k, PRIOR_BETA + len(counted) - k
    tail = (1 - INTERVAL) / 2
    return Credibility(
        issuer=issuer, kind=kind, crossed=len(counted), followed=k, partial=partial, alpha=a, beta=b,
        mean=a / (a + b), low=beta_ppf(tail, a, b), high=beta_ppf(1 - tail, a, b),
        entry_ids=tuple(e.id for e in counted), since=min((e.date for e in counted), default=None),
    )


def betainc(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _betacf(x, a, b) / a
    return 1.0 - math.exp(log_front) * _betacf(1 - x, b, a) / b


def _betacf(x: float, a: float, b: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def beta_ppf(q: float, a: float, b: float) -> float:
    """The ``q`` quantile of Beta(a, b), by bisection on ``betainc``."""
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if betainc(mid, a, b) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2
