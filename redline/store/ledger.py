"""The stored side of the red-line ledger: review decisions (the audit trail) and the reads the rules need.

The store decides nothing. ``assess.ledger.propose`` turns stored threats and events into proposals;
a reviewer's decision is saved here as a ``Review`` row; the ledger is the curated seed with the accepted
reviews folded in (``assess.ledger.apply``) and restatements merged (``assess.ledger.merge``). The older
``ledger`` table, which statuses were once moved in without review, is no longer read or written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, select

from redline.assess import ledger as rules
from redline.assess.escalation import COUNTED, windows
from redline.assess.ledger import LedgerEntry, LedgerView, Proposal, Review
from redline.models import Event, Evidence, Geo, Threat
from redline.store import schema

WINDOW_DAYS = 30


def reviews(conn: Connection) -> tuple[Review, ...]:
    """Every review decision, oldest first."""
    t = schema.ledger_reviews
    return tuple(_review(row) for row in conn.execute(select(t).order_by(t.c.at, t.c.id)))


def save_review(conn: Connection, review: Review) -> int:
    """Append ``review`` to the audit trail; returns its id."""
    values = {
        "proposal_id": review.proposal_id, "line_id": review.line_id, "kind": review.kind, "action": review.action,
        "who": review.who, "at": datetime.fromisoformat(review.at), "note": review.note,
        "changes": json.dumps({f: [a, b] for f, a, b in review.changes}, ensure_ascii=False),
        "proposal": json.dumps(proposal_dict(review.proposal), ensure_ascii=False),
    }
    result = conn.execute(schema.ledger_reviews.insert().values(**values))
    key = result.inserted_primary_key
    return int(key[0]) if key else 0


def entries(conn: Connection) -> tuple[LedgerEntry, ...]:
    """The reviewed ledger: curated rows and accepted new lines, with accepted moves and restatements merged."""
    return rules.merge(rules.apply(rules.seed(), reviews(conn)))


def view(conn: Connection, as_of: str | None) -> LedgerView:
    """The ledger and the escalation windows as known on ``as_of`` (articles published that day or before)."""
    known = entries(conn)
    if as_of is None:
        return rules.as_of(known, None)
    stop = (date.fromisoformat(as_of[:10]) + timedelta(days=1)).isoformat()
    first = (date.fromisoformat(as_of[:10]) - timedelta(days=2 * WINDOW_DAYS)).isoformat()
    recent = [e for _, _, e in _stored_events(conn, since=first, until=stop, published_before=stop)]
    return rules.as_of(known, as_of[:10], windows(recent, stop, WINDOW_DAYS))


def stored_threats(conn: Connection) -> list[tuple[str, str | None, Threat, tuple[str, ...]]]:
    """(article id, publication day, threat, weapons named inside its evidence) of every stored threat."""
    t, a, m = schema.threats, schema.articles, schema.mentions
    weapons: dict[str, list[tuple[int, str]]] = {}
    for row in conn.execute(select(m.c.article_id, m.c.start, m.c.canonical).where(m.c.type == "WEAPON")):
        weapons.setdefault(row.article_id, []).append((row.start, row.canonical))
    out = []
    query = select(t, a.c.published).join(a, a.c.id == t.c.article_id).order_by(t.c.article_id, t.c.seq)
    for row in conn.execute(query):
        evidence = tuple(Evidence(**x) for x in json.loads(row.evidence))
        threat = Threat(row.id, row.actor, row.speaker, row.trigger, row.response, row.target, row.date, row.kind,
                        evidence)
        span = (evidence[0].start, evidence[0].end) if evidence else (0, 0)
        named = tuple(dict.fromkeys(w for start, w in weapons.get(row.article_id, []) if span[0] <= start < span[1]))
        out.append((row.article_id, row.published.date().isoformat() if row.published else None, threat, named))
    return out


def material_events(conn: Connection) -> list[tuple[str, str | None, Event]]:
    """Stored dated events that can cross or answer a line (asserted or reported), oldest first."""
    return _stored_events(conn, since="0000", condition=schema.events.c.factuality.in_(sorted(COUNTED)))


def proposal_dict(p: Proposal) -> dict[str, Any]:
    out = {**p.to_dict()}
    out.pop("line", None)
    out["entry"] = asdict(p.entry) if p.entry is not None else None
    return out


def proposal_from_dict(d: dict[str, Any]) -> Proposal:
    entry = d.get("entry")
    line = None
    if entry is not None:
        tuples = {"trigger_weapons", "evidence", "history"}
        fields: dict[str, Any] = {k: tuple(v) if k in tuples else v for k, v in entry.items()}
        line = LedgerEntry(**fields)
    return Proposal(id=d["id"], kind=d["kind"], line_id=d["line_id"], value=d["value"], date=d["date"],
                    article_id=d["article_id"], record_id=d["record_id"], span=(d["span"][0], d["span"][1]),
                    quote=d["quote"], confidence=d["confidence"], seen=d.get("seen"), entry=line)


def _review(row: Row[Any]) -> Review:
    changes = json.loads(row.changes)
    return Review(proposal_id=row.proposal_id, line_id=row.line_id, kind=row.kind, action=row.action, who=row.who,
                  at=row.at.isoformat(), changes=tuple((f, v[0], v[1]) for f, v in changes.items()),
                  proposal=proposal_from_dict(json.loads(row.proposal)), note=row.note, id=row.id)


def _stored_events(conn: Connection, since: str, until: str | None = None, exclude: str | None = None,
                   published_before: str | None = None, condition: Any = None) -> list[tuple[str, str | None, Event]]:
    """(article id, publication day, event) of stored events dated from ``since`` (to before ``until``); only
    events reported as happening (status ``current``) count for the ledger, the windows and the backtest."""
    e, a = schema.events, schema.articles
    query = (select(e, a.c.published).join(a, a.c.id == e.c.article_id)
             .where(e.c.date >= since, e.c.status == schema.CURRENT))
    if until is not None:
        query = query.where(e.c.date < until)
    if exclude is not None:
        query = query.where(e.c.article_id != exclude)
    if published_before is not None:
        query = query.where(a.c.published < datetime.fromisoformat(published_before).replace(tzinfo=UTC))
    if condition is not None:
        query = query.where(condition)
    query = query.order_by(e.c.date, e.c.article_id, e.c.seq)
    return [(row.article_id, row.published.date().isoformat() if row.published else None, _event(row))
            for row in conn.execute(query)]


def _event(row: Row[Any]) -> Event:
    geo = Geo(row.lat, row.lon, row.country) if row.lat is not None and row.country else None
    return Event(
        id=row.id, type=row.type, mode=row.mode, cameo=row.cameo, source=row.source, target=row.target,
        location=row.location, geo=geo, weapons=tuple(json.loads(row.weapons)), factuality=row.factuality,
        intensity=row.intensity, confidence=row.confidence,
        evidence=tuple(Evidence(**x) for x in json.loads(row.evidence)), date=row.date, text=row.text,
    )


def stored_events(conn: Connection, since: str, until: str | None = None) -> list[tuple[str, str | None, Event]]:
    """Stored events in a date range with their article id and publication day (for the backtest)."""
    return _stored_events(conn, since, until)


def events_of(rows: Iterable[tuple[str, str | None, Event]]) -> list[Event]:
    return [e for _, _, e in rows]
