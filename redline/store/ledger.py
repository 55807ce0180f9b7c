"""The stored red-line ledger: article threats join it on ``save_brief``, stored events move statuses.

Updates are incremental, so articles may arrive in any order: a new threat is checked against every stored
event dated on or after it, and every open line (not crossed, or crossed with no answer yet) is checked
against the new article's events. The matching rules are ``assess.ledger.crossing`` and ``answer``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, select

from redline.assess import ledger as rules
from redline.assess.escalation import windows
from redline.assess.ledger import LedgerEntry, LedgerView
from redline.models import Brief, Event, Evidence, Geo
from redline.store import schema

WINDOW_DAYS = 30


def on_save(conn: Connection, brief: Brief) -> None:
    """Add ``brief``'s threats to the ledger and move open lines with its events (inside save_brief)."""
    aid = brief.article.id
    seen = brief.article.published.date().isoformat() if brief.article.published else None
    table = schema.ledger
    conn.execute(table.delete().where(table.c.origin == aid))
    new_events = [(aid, seen, e) for e in brief.events if e.date]
    for threat in brief.threats:
        span = (threat.evidence[0].start, threat.evidence[0].end) if threat.evidence else (0, 0)
        weapons = tuple(dict.fromkeys(m.canonical for m in brief.entities
                                      if m.type == "WEAPON" and span[0] <= m.start < span[1]))
        entry = rules.entry_from_threat(threat, aid, weapons)
        if entry is None:
            continue
        entry = rules.update(entry, _stored_events(conn, since=entry.date, exclude=aid))
        conn.execute(table.insert().values(**_row(entry)))
    stored = {e.id: e for e in _stored_entries(conn)}
    for entry in [*rules.seed(), *stored.values()]:
        current = stored.get(entry.id, entry)
        curated = current.origin == "seed" and current.crossed and current.followed != "pending"
        if current.origin == aid or curated or (current.crossed and current.followed in {"yes", "no"}):
            continue
        moved = rules.update(current, new_events)
        if moved != current:
            conn.execute(table.delete().where(table.c.id == moved.id))
            conn.execute(table.insert().values(**_row(moved)))


def entries(conn: Connection) -> tuple[LedgerEntry, ...]:
    """Every ledger entry: the seed overlaid by stored moves, then the threats of stored articles."""
    stored = {e.id: e for e in _stored_entries(conn)}
    seeded = tuple(stored.pop(e.id, e) for e in rules.seed())
    return seeded + tuple(sorted(stored.values(), key=lambda e: (e.date, e.id)))


def view(conn: Connection, as_of: str | None) -> LedgerView:
    """The ledger and the escalation windows as known on ``as_of`` (articles published that day or before)."""
    known = entries(conn)
    if as_of is None:
        return rules.as_of(known, None)
    stop = (date.fromisoformat(as_of[:10]) + timedelta(days=1)).isoformat()
    first = (date.fromisoformat(as_of[:10]) - timedelta(days=2 * WINDOW_DAYS)).isoformat()
    recent = [e for _, _, e in _stored_events(conn, since=first, until=stop, published_before=stop)]
    return rules.as_of(known, as_of[:10], windows(recent, stop, WINDOW_DAYS))


def _stored_entries(conn: Connection) -> list[LedgerEntry]:
    return [_entry(row) for row in conn.execute(select(schema.ledger).order_by(schema.ledger.c.id))]


def _stored_events(conn: Connection, since: str, until: str | None = None, exclude: str | None = None,
                   published_before: str | None = None) -> list[tuple[str, str | None, Event]]:
    """(article id, publication day, event) of stored events dated from ``since`` (to before ``until``)."""
    e, a = schema.events, schema.articles
    query = select(e, a.c.published).join(a, a.c.id == e.c.article_id).where(e.c.date >= since)
    if until is not None:
        query = query.where(e.c.date < until)
    if exclude is not None:
        query = query.where(e.c.article_id != exclude)
    if published_before is not None:
        query = query.where(a.c.published < datetime.fromisoformat(published_before).replace(tzinfo=UTC))
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


def _row(entry: LedgerEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "origin": entry.origin, "date": entry.date, "issuer": entry.issuer,
        "speaker": entry.speaker, "target": entry.target, "kind": entry.kind, "trigger": entry.trigger,
        "response": entry.response, "response_rung": entry.response_rung,
        "trigger_weapons": json.dumps(list(entry.trigger_weapons)), "trigger_territory": int(entry.trigger_territory),
        "crossed": int(entry.crossed), "crossed_date": entry.crossed_date, "crossed_seen": entry.crossed_seen,
        "followed": entry.followed, "followed_date": entry.followed_date, "followed_seen": entry.followed_seen,
        "source": entry.source, "evidence": json.dumps(list(entry.evidence), ensure_ascii=False),
        "updated_at": datetime.now(UTC),
    }


def _entry(row: Row[Any]) -> LedgerEntry:
    return LedgerEntry(
        id=row.id, date=row.date, issuer=row.issuer, speaker=row.speaker, target=row.target, kind=row.kind,
        trigger=row.trigger, response=row.response, response_rung=row.response_rung,
        trigger_weapons=tuple(json.loads(row.trigger_weapons)), trigger_territory=bool(row.trigger_territory),
        crossed=bool(row.crossed), crossed_date=row.crossed_date, followed=row.followed,
        followed_date=row.followed_date, source=row.source, origin=row.origin, crossed_seen=row.crossed_seen,
        followed_seen=row.followed_seen, evidence=tuple(json.loads(row.evidence)),
    )


def stored_events(conn: Connection, since: str, until: str | None = None) -> list[tuple[str, str | None, Event]]:
    """Stored events in a date range with their article id and publication day (for the backtest)."""
    return _stored_events(conn, since, until)


def events_of(rows: Iterable[tuple[str, str | None, Event]]) -> list[Event]:
    return [e for _, _, e in rows]
