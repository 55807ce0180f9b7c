"""The situation picture the dashboard and API show: escalation index per dyad, dyads, latest briefs.

The index, its points, dyads and periods are ``redline.situation``'s (one definition, shared with
`redline index`); this module only takes them in the web's string forms (dyad "RUS-UKR", ISO days).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import desc, func, select

from redline import situation
from redline.situation import DYAD, IndexPoint, parse_dyad
from redline.store import Store, schema

__all__ = ["BUCKETS", "DYAD", "IndexPoint", "current_rung", "dyads", "index_many", "index_series", "latest_briefs",
           "ledger", "newest_day", "oldest_day", "parse_dyad", "scenarios"]

BUCKETS = situation.PERIODS


def dyads(store: Store, limit: int = 8) -> list[tuple[str, int]]:
    """Dyads with the most events, most first, as "RUS-UKR"."""
    return [("-".join(pair), n) for pair, n in situation.dyads(store, limit)]


def index_series(
    store: Store, dyad: str | None = None, since: str | None = None, until: str | None = None, by: str = "day",
    *, fill: bool = False,
) -> list[IndexPoint]:
    """The escalation index of ``dyad`` (every dyad together when None) per ``by`` period, oldest first;
    ``fill`` runs the series over every period, no data where nothing was stored."""
    if by not in BUCKETS:
        raise ValueError(f"by {by!r}: expected one of {', '.join(BUCKETS)}")
    pair = parse_dyad(dyad) if dyad is not None else None
    return situation.index_series(store, pair, date.fromisoformat(since) if since else None,
                                  date.fromisoformat(until) if until else None, by, combined=pair is None, fill=fill)


def index_many(store: Store, dyads: list[str | None], since: date | None, until: date | None,
               by: str = "day") -> list[list[IndexPoint]]:
    """Filled series (no data where nothing was stored) for several dyads (None: every dyad together),
    reading the stored events and the covered days once for all of them."""
    records = situation.load(store)
    covered = situation.covered_days(store)
    return [situation.index_points(records, parse_dyad(d) if d else None, since, until, by, combined=d is None,
                                   covered=covered) for d in dyads]


def newest_day(store: Store) -> date | None:
    """The publication day of the newest stored article: where the dashboard's windows end."""
    newest = store.select(select(func.max(schema.articles.c.published)))[0][0]
    return newest.date() if newest is not None else None


def oldest_day(store: Store) -> date | None:
    """The publication day of the oldest stored article."""
    oldest = store.select(select(func.min(schema.articles.c.published)))[0][0]
    return oldest.date() if oldest is not None else None


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
    from redline.review import desk

    view = as_of(desk(store).lines, day)  # reviewed lines, then extracted ones awaiting review (never counted)
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
                scores.append({**asdict(c), "prior": c.prior, "explain": c.explain()})
    return entries, scores
