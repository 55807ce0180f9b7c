"""The situation picture the dashboard and API show: escalation index per dyad, dyads, latest briefs.

``index_series`` is the one place the dashboard and API get the index from; it is the index of
``redline.situation`` (weights, dyads and event days are defined there), bucketed by day, week or month.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import desc, func, select

from redline import situation
from redline.store import Store, schema

BUCKETS = ("day", "week", "month")
DYAD = re.compile(r"^([A-Z0-9]{2,8})-([A-Z0-9]{2,8})$")


@dataclass(frozen=True)
class IndexPoint:
    date: str  # first day of the bucket, YYYY-MM-DD
    value: float
    kinetic: float
    rhetorical: float
    events: int
    event_ids: tuple[tuple[str, str], ...] = field(default=())  # (article_id, event id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date, "value": self.value, "kinetic": self.kinetic, "rhetorical": self.rhetorical,
            "events": self.events,
            "event_ids": [{"article_id": a, "id": e} for a, e in self.event_ids],
        }  # fmt: skip


def root(code: str | None) -> str | None:
    return code.split("-", 1)[0] if code else None


def dyad_of(source: str | None, target: str | None) -> str | None:
    """The unordered pair of root actor codes, e.g. ``RUS-UKR``; None unless both differ and exist."""
    a, b = root(source), root(target)
    if not a or not b or a == b:
        return None
    return "-".join(sorted((a, b)))


def parse_dyad(dyad: str) -> tuple[str, str]:
    """``"RUS-UKR"`` -> ``("RUS", "UKR")``; ValueError naming the expected form."""
    m = DYAD.match(dyad)
    if not m:
        raise ValueError(f"dyad {dyad!r}: expected two actor codes joined by '-', such as RUS-UKR")
    return m.group(1), m.group(2)


def dyads(store: Store, limit: int = 8) -> list[tuple[str, int]]:
    """Dyads with the most events, most first."""
    e = schema.events
    rows = store.select(
        select(e.c.source, e.c.target, func.count())
        .where(e.c.source.isnot(None), e.c.target.isnot(None))
        .group_by(e.c.source, e.c.target)
    )
    counts: Counter[str] = Counter()
    for source, target, n in rows:
        key = dyad_of(source, target)
        if key:
            counts[key] += int(n)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def _bucket(day: str, by: str) -> str:
    d = date.fromisoformat(day[:10])
    if by == "week":
        d -= timedelta(days=d.weekday())
    elif by == "month":
        d = d.replace(day=1)
    return d.isoformat()


def index_series(
    store: Store, dyad: str | None = None, since: str | None = None, until: str | None = None, by: str = "day"
) -> list[IndexPoint]:
    """The escalation index of ``dyad`` (every dyad summed when None) per ``by`` bucket, oldest first.

    The index is ``redline.situation.index_series`` (its one definition, shared with `redline index`);
    here its days are merged into weeks or months and shaped for the API and the charts.
    """
    if by not in BUCKETS:
        raise ValueError(f"by {by!r}: expected one of {', '.join(BUCKETS)}")
    pair = parse_dyad(dyad) if dyad is not None else None
    days = situation.index_series(store, pair, date.fromisoformat(since) if since else None,
                                  date.fromisoformat(until) if until else None, "day")
    points: dict[str, list[Any]] = defaultdict(lambda: [0.0, 0.0, []])
    for day in days:
        point = points[_bucket(day.period, by)]
        point[0] += day.kinetic
        point[1] += day.rhetorical
        point[2].extend(tuple(ref.split(":", 1)) for ref in day.event_ids)  # "<article id>:<event id>"
    return [
        IndexPoint(day, round(k + r, 2), round(k, 2), round(r, 2), len(refs), tuple(refs))
        for day, (k, r, refs) in sorted(points.items())
    ]


def latest_briefs(store: Store, limit: int = 10, offset: int = 0) -> list[dict[str, Any]]:
    """The newest articles with their brief's score, direction and ladder rung."""
    a, b = schema.articles, schema.briefs
    rows = store.select(
        select(a.c.id, a.c.title, a.c.published, a.c.source, b.c.escalation_score, b.c.direction,
               b.c.ladder_rung, b.c.ladder_label)
        .join(b, b.c.article_id == a.c.id)
        .order_by(a.c.published.desc().nulls_last(), a.c.id)
        .limit(limit).offset(offset)
    )  # fmt: skip
    return [
        {"article_id": r.id, "title": r.title, "published": r.published.isoformat() if r.published else None,
         "source": r.source, "escalation_score": r.escalation_score, "direction": r.direction,
         "ladder_rung": r.ladder_rung, "ladder_label": r.ladder_label}
        for r in rows
    ]  # fmt: skip


def current_rung(store: Store, window_days: int = 7) -> dict[str, Any] | None:
    """The highest ladder rung among briefs published within ``window_days`` of the newest one."""
    a, b = schema.articles, schema.briefs
    newest = store.select(select(func.max(a.c.published)))[0][0]
    query = select(b.c.ladder_rung, b.c.ladder_label, a.c.id, a.c.title).join(a, a.c.id == b.c.article_id)
    if newest is not None:
        query = query.where(a.c.published >= newest - timedelta(days=window_days))
    rows = store.select(query.order_by(desc(b.c.ladder_rung), a.c.published.desc()).limit(1))
    if not rows:
        return None
    r = rows[0]
    return {"ladder_rung": r.ladder_rung, "ladder_label": r.ladder_label, "article_id": r.id, "title": r.title,
            "since": (newest - timedelta(days=window_days)).date().isoformat() if newest else None}


def scenarios(store: Store, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Stored scenarios, most probable first, with their article's title."""
    s, a = schema.scenarios, schema.articles
    rows = store.select(
        select(s, a.c.title.label("article_title"), a.c.published)
        .join(a, a.c.id == s.c.article_id)
        .order_by(s.c.probability.desc(), s.c.article_id, s.c.seq)
        .limit(limit).offset(offset)
    )  # fmt: skip
    return [
        {"article_id": r.article_id, "id": r.id, "condition": r.condition, "outcome": r.outcome,
         "actors": json.loads(r.actors), "probability": r.probability, "horizon_days": r.horizon_days,
         "signposts": json.loads(r.signposts), "text": r.text, "rationale": r.rationale,
         "evidence": json.loads(r.evidence), "article_title": r.article_title,
         "published": r.published.isoformat() if r.published else None}
        for r in rows
    ]  # fmt: skip


def ledger(store: Store, actor: str | None = None, kind: str | None = None,
           day: str | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The red-line ledger as known on ``day`` (entries with status), and credibility per issuer.

    Each entry's ``evidence`` lines ("<article id> <event id>: <quote>") come with ``evidence_links``
    naming the article of each line; ``origin`` is the article the threat was found in, or "seed".
    """
    from redline.assess.credibility import credibility
    from redline.assess.ledger import KINDS, as_of

    view = as_of(store.ledger_entries(), day)
    kept = [e for e in view.entries if (actor is None or e.issuer == actor) and (kind is None or e.kind == kind)]
    entries = []
    for e in kept:
        d = asdict(e)
        d["evidence_links"] = [{"article_id": line.split(" ", 1)[0], "text": line} for line in e.evidence]
        entries.append(d)
    scores = []
    for issuer in dict.fromkeys(e.issuer for e in kept):
        for k in (None, *KINDS):
            c = credibility(view, issuer, k)
            if c.crossed or k is None:
                scores.append({**asdict(c), "prior": c.prior})
    return entries, scores
