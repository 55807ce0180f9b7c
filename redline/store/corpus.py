"""Corpus bookkeeping inside one store transaction: duplicates, near-duplicate signatures, feed state.

Functions here take an open Connection; ``Store`` owns the transactions and the error messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from redline import dedupe
from redline.models import Article, Skip
from redline.store import schema

# Serialises "is it new? then store it" between processes on PostgreSQL (SQLite has BEGIN IMMEDIATE).
ADMIT_LOCK_KEY = 0x7265646C696E66
# near-duplicate candidates compared in full, the ones sharing most bands first
MAX_CANDIDATES = 20


@dataclass(frozen=True)
class Duplicate:
    """Why an article is not stored again: ``kind`` is "same id", "same text" or "near"."""

    kept_id: str
    kind: str
    similarity: float


def lock_admission(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADMIT_LOCK_KEY})


def find_duplicate(
    conn: Connection, article: Article, keys: Sequence[str], threshold: float
) -> Duplicate | None:
    """The stored article that ``article`` duplicates (same id, same text, or near), or None."""
    a, ar = schema.articles, schema.also_reported
    if conn.execute(select(a.c.id).where(a.c.id == article.id)).first() is not None:
        return Duplicate(article.id, "same id", 1.0)
    linked = conn.execute(select(ar.c.article_id, ar.c.similarity).where(ar.c.dup_id == article.id)).first()
    if linked is not None:
        return Duplicate(linked.article_id, "same id", float(linked.similarity))
    digest = dedupe.content_hash(article.text)
    same = conn.execute(
        select(a.c.id).where(a.c.content_hash == digest).order_by(a.c.created_at, a.c.id).limit(1)
    ).first()
    if same is not None:
        return Duplicate(same.id, "same text", 1.0)
    if not keys:
        return None
    s = schema.signatures
    shared = func.count().label("shared")
    candidates = conn.execute(
        select(s.c.article_id, shared)
        .where(s.c.key.in_(list(keys)))
        .group_by(s.c.article_id)
        .order_by(shared.desc(), s.c.article_id)
        .limit(MAX_CANDIDATES)
    ).all()
    if not candidates:
        return None
    mine = dedupe.shingles(article.text)
    texts = conn.execute(select(a.c.id, a.c.text).where(a.c.id.in_([c.article_id for c in candidates])))
    scored = sorted(((dedupe.jaccard(mine, dedupe.shingles(row.text)), row.id) for row in texts), reverse=True)
    best, best_id = scored[0] if scored else (0.0, "")
    return Duplicate(best_id, "near", round(best, 4)) if best >= threshold else None


def link_duplicate(conn: Connection, article: Article, duplicate: Duplicate, now: datetime) -> None:
    """Record ``article`` as also reported by its source under the kept article (once)."""
    values = {
        "dup_id": article.id,
        "article_id": duplicate.kept_id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "content_hash": dedupe.content_hash(article.text),
        "similarity": duplicate.similarity,
        "created_at": now,
    }
    _insert_ignore(conn, schema.also_reported, [values], ["dup_id"])


def add_signature(conn: Connection, article_id: str, keys: Sequence[str]) -> None:
    if keys:
        _insert_ignore(conn, schema.signatures, [{"article_id": article_id, "key": k} for k in keys],
                       ["article_id", "key"])


def also_reported(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    ar = schema.also_reported
    rows = conn.execute(select(ar).where(ar.c.article_id == article_id).order_by(ar.c.created_at, ar.c.dup_id))
    return [
        {"id": r.dup_id, "url": r.url, "source": r.source, "title": r.title, "similarity": r.similarity}
        for r in rows
    ]


def feed_state(conn: Connection, url: str) -> tuple[str | None, str | None] | None:
    fs = schema.feed_state
    row = conn.execute(select(fs.c.etag, fs.c.last_modified).where(fs.c.url == url)).first()
    return None if row is None else (row.etag, row.last_modified)


def put_feed_state(conn: Connection, url: str, etag: str | None, last_modified: str | None, now: datetime) -> None:
    """Replace the validators of ``url``."""
    fs = schema.feed_state
    values = {"etag": etag, "last_modified": last_modified, "updated_at": now}
    insert = (postgresql.insert(fs) if conn.dialect.name == "postgresql" else sqlite.insert(fs)).values(
        url=url, **values
    )
    conn.execute(insert.on_conflict_do_update(index_elements=[fs.c.url], set_=values))


def skip_recorded(conn: Connection, origin: str, stage: str, reason: str, article_id: str | None) -> bool:
    s = schema.skips
    query = select(s.c.id).where(s.c.origin == origin, s.c.stage == stage, s.c.reason == reason)
    query = query.where(s.c.article_id.is_(None) if article_id is None else s.c.article_id == article_id)
    return conn.execute(query.limit(1)).first() is not None


def record_skips(conn: Connection, skips: Sequence[Skip], now: datetime) -> None:
    """Record each skip not recorded before (a rerun of a batch adds none)."""
    rows = []
    seen: set[tuple[str, str, str, str | None]] = set()
    for skip in skips:
        key = (skip.origin, skip.stage, skip.reason, skip.article_id)
        if key in seen or skip_recorded(conn, *key):
            continue
        seen.add(key)
        rows.append({"origin": skip.origin, "article_id": skip.article_id, "stage": skip.stage,
                     "reason": skip.reason, "created_at": now})
    if rows:
        conn.execute(schema.skips.insert(), rows)


def _insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]], keys: list[str]) -> None:
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(index_elements=keys), rows)
