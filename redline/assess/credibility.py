"""Credibility: how often an issuer's crossed red lines were answered, pooled across issuers, kinds and speakers.

What the model assumes (shown with every figure by ``Credibility.explain``):

- The unit is a red line, not a statement: restatements are merged into one line (``assess.ledger.merge``)
  and counted once; extracted lines count only once a review accepted them.
- Only crossed lines whose outcome is known inform follow-through. The outcome is graded: "yes" counts 1,
  "partial" (a response below the threatened rung) 0.5, "no" 0, as fractional Beta-binomial pseudo-counts.
- Lines never crossed are counted beside it, with the days they have held up to the view's day: they say
  how often deterrence may have held, not whether the issuer would have followed through, so they do not
  enter the follow-through posterior.
- Partial pooling (empirical Bayes, a hierarchical Beta-binomial): an issuer's prior is Beta(m κ, (1 - m) κ)
  where m is the graded rate of *every other* issuer (with a Beta(1, 1) hyperprior, so m = (s + 1) / (n + 2))
  and κ, the prior's weight in lines, is the method-of-moments concentration of the issuers' rates,
  clipped to [KAPPA_MIN, KAPPA_MAX] (KAPPA_DEFAULT with fewer than 3 issuers of 2+ lines). An issuer's
  threat kind, or one speaker, is pooled the same way towards the issuer's rate without that kind's (or
  speaker's) lines. Lines of one war are thus not independent coin flips: few lines move the figure little.
- The 80% interval is the 10% and 90% quantiles of the posterior Beta, computed by bisection on the
  regularised incomplete beta function (continued fraction, Numerical Recipes 6.4): 60 halvings give
  1e-18 precision, which is why redline carries this small routine instead of the 40 MB of scipy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from redline.assess.ledger import LedgerEntry, LedgerView

GRADE = {"yes": 1.0, "partial": 0.5, "no": 0.0}
KAPPA_MIN = 2.0
KAPPA_MAX = 10.0
KAPPA_DEFAULT = 4.0
INTERVAL = 0.8
PRIOR_ALPHA = 1.0  # hyperprior on the pooled rate
PRIOR_BETA = 1.0


@dataclass(frozen=True)
class Credibility:
    """Posterior follow-through of one issuer (or one of its kinds or speakers), with its prior and data."""

    issuer: str
    kind: str | None  # None: every threat kind
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
    speaker: str | None = None
    prior_alpha: float = PRIOR_ALPHA
    prior_beta: float = PRIOR_BETA
    prior_from: str = ""  # what the prior was pooled from
    kappa: float = KAPPA_DEFAULT
    never_crossed: int = 0
    held_days: int = 0  # days the never-crossed lines have held, summed, up to the view's day
    pending: int = 0  # crossed, outcome not known yet
    score: float = 0.0  # graded successes: yes 1, partial 0.5

    @property
    def prior(self) -> str:
        return f"Beta({self.prior_alpha:.1f}, {self.prior_beta:.1f}) pooled"

    @property
    def prior_mean(self) -> float:
        return self.prior_alpha / (self.prior_alpha + self.prior_beta)

    def explain(self) -> str:
        """The figure with its inputs, in one line."""
        no = self.crossed - self.followed - self.partial
        return (f"{self.mean:.2f} (80% {self.low:.2f}–{self.high:.2f}) = prior {self.prior} "
                f"[mean {self.prior_mean:.2f}, weight {self.kappa:.1f} lines, from {self.prior_from}] + data "
                f"{self.score:g}/{self.crossed} (yes {self.followed}, partial {self.partial}, no {no}); "
                f"never crossed {self.never_crossed} (held {self.held_days / 365.25:.1f} line-years), "
                f"awaiting outcome {self.pending}")

    def to_dict(self) -> dict[str, object]:
        return {
            "issuer": self.issuer, "kind": self.kind, "speaker": self.speaker, "mean": round(self.mean, 4),
            "low": round(self.low, 4), "high": round(self.high, 4), "alpha": round(self.alpha, 4),
            "beta": round(self.beta, 4), "prior": {"alpha": round(self.prior_alpha, 4),
                                                   "beta": round(self.prior_beta, 4), "from": self.prior_from,
                                                   "kappa": round(self.kappa, 3)},
            "data": {"crossed": self.crossed, "yes": self.followed, "partial": self.partial,
                     "no": self.crossed - self.followed - self.partial, "score": self.score,
                     "never_crossed": self.never_crossed, "held_days": self.held_days, "pending": self.pending,
                     "lines": list(self.entry_ids)},
            "since": self.since,
        }


def counted(view: LedgerView) -> tuple[LedgerEntry, ...]:
    """The lines the model counts: accepted, one per red line (restatements left to their original)."""
    ids = {e.id for e in view.entries}
    return tuple(e for e in view.entries if e.status == "accepted" and not (e.restates and e.restates in ids))


def _data(lines: Sequence[LedgerEntry]) -> tuple[int, float]:
    known = [e for e in lines if e.crossed and e.followed in GRADE]
    return len(known), sum(GRADE[e.followed] for e in known)


def _pooled_mean(lines: Sequence[LedgerEntry]) -> float:
    n, s = _data(lines)
    return (s + PRIOR_ALPHA) / (n + PRIOR_ALPHA + PRIOR_BETA)


def concentration(lines: Sequence[LedgerEntry]) -> float:
    """κ: the prior's weight in lines, from how much the issuers' graded rates differ (method of moments)."""
    groups: dict[str, list[LedgerEntry]] = {}
    for e in lines:
        groups.setdefault(e.issuer, []).append(e)
    rates = []
    for members in groups.values():
        n, s = _data(members)
        if n >= 2:
            rates.append((n, s / n))
    if len(rates) < 3:
        return KAPPA_DEFAULT
    m = sum(p for _, p in rates) / len(rates)
    observed = sum((p - m) ** 2 for _, p in rates) / (len(rates) - 1)
    sampling = sum(p * (1 - p) / n for n, p in rates) / len(rates)
    between = observed - sampling
    if between <= 0 or m in {0.0, 1.0}:
        return KAPPA_MAX
    return max(KAPPA_MIN, min(KAPPA_MAX, m * (1 - m) / between - 1))


def credibility(view: LedgerView, issuer: str, kind: str | None = None, speaker: str | None = None) -> Credibility:
    """Posterior follow-through of ``issuer``'s lines (of one ``kind`` or ``speaker``, or all) known in ``view``."""
    lines = counted(view)
    kappa = concentration(lines)
    own = [e for e in lines if e.issuer == issuer]
    others = [e for e in lines if e.issuer != issuer]
    m = _pooled_mean(others)
    prior_from = f"{len({e.issuer for e in others})} other issuers ({_data(others)[0]} crossed lines)"
    if kind is not None or speaker is not None:
        def member(e: LedgerEntry) -> bool:
            return (kind is None or e.kind == kind) and (speaker is None or e.speaker == speaker)

        rest = [e for e in own if not member(e)]
        n_rest, s_rest = _data(rest)
        m = (m * kappa + s_rest) / (kappa + n_rest)
        what = " and ".join(x for x in (f"kind {kind}" if kind else "", f"speaker {speaker}" if speaker else "") if x)
        prior_from = f"{issuer} outside {what} ({n_rest} crossed lines), itself pooled with {prior_from}"
        own = [e for e in own if member(e)]
    n, s = _data(own)
    a0, b0 = m * kappa, (1 - m) * kappa
    a, b = a0 + s, b0 + n - s
    known = [e for e in own if e.crossed and e.followed in GRADE]
    never = [e for e in own if not e.crossed]
    today = view.as_of or date.today().isoformat()
    held = sum(max(0, (date.fromisoformat(today[:10]) - date.fromisoformat(e.date[:10])).days) for e in never)
    tail = (1 - INTERVAL) / 2
    return Credibility(
        issuer=issuer, kind=kind, crossed=n, followed=sum(e.followed == "yes" for e in known),
        partial=sum(e.followed == "partial" for e in known), alpha=a, beta=b, mean=a / (a + b),
        low=beta_ppf(tail, a, b), high=beta_ppf(1 - tail, a, b), entry_ids=tuple(e.id for e in known),
        since=min((e.date for e in known), default=None), speaker=speaker, prior_alpha=a0, prior_beta=b0,
        prior_from=prior_from, kappa=kappa, never_crossed=len(never), held_days=held,
        pending=sum(e.crossed and e.followed not in GRADE for e in own), score=s,
    )


def speakers(view: LedgerView, issuer: str, min_lines: int = 1) -> tuple[Credibility, ...]:
    """Per-speaker figures of ``issuer`` for speakers with at least ``min_lines`` crossed lines of known outcome."""
    names: dict[str, int] = {}
    for e in counted(view):
        if e.issuer == issuer and e.crossed and e.followed in GRADE and e.speaker:
            names[e.speaker] = names.get(e.speaker, 0) + 1
    return tuple(credibility(view, issuer, speaker=name) for name, k in sorted(names.items()) if k >= min_lines)


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
