"""Corpus bookkeeping inside one store transaction: duplicates, near-duplicate signatures, feed state.

Functions here take an open Connection; ``Store`` owns the transactions and the error messages.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, String, any_, bindparam, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from redline import dedupe
from redline.models import Article, Skip
from redline.store import rows, schema

# Serialises "is it new? then store it" between processes on PostgreSQL (SQLite has BEGIN IMMEDIATE).
ADMIT_LOCK_KEY = 0x7265646C696E66
SIGNATURE_COLUMNS = ("article_id", "key")  # a signature row, and the key a row already there is kept by
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
    insert_links(conn, [link_rows(article, duplicate, now)])


def insert_links(conn: Connection, links: Sequence[dict[str, Any]]) -> None:
    """Insert ``link_rows`` rows in one statement; a duplicate id linked already keeps its first link."""
    if links:
        columns = tuple(links[0])
        rows.insert_ignore(conn, schema.also_reported, columns, [tuple(link[c] for c in columns) for link in links],
                           ("dup_id",))


def add_signature(conn: Connection, article_id: str, keys: Sequence[str]) -> None:
    rows.insert_ignore(conn, schema.signatures, SIGNATURE_COLUMNS, [(article_id, k) for k in keys],
                       SIGNATURE_COLUMNS)


def also_reported(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    ar = schema.also_reported
    found = conn.execute(select(ar).where(ar.c.article_id == article_id).order_by(ar.c.created_at, ar.c.dup_id))
    return [
        {"id": r.dup_id, "url": r.url, "source": r.source, "title": r.title, "similarity": r.similarity}
        for r in found
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
    new = []
    seen: set[tuple[str, str, str, str | None]] = set()
    for skip in skips:
        key = (skip.origin, skip.stage, skip.reason, skip.article_id)
        if key in seen or skip_recorded(conn, *key):
            continue
        seen.add(key)
        new.append({"origin": skip.origin, "article_id": skip.article_id, "stage": skip.stage,
                    "reason": skip.reason, "created_at": now})
    if new:
        conn.execute(schema.skips.insert(), new)


# bound parameters per IN list: far below SQLite's limit (32766) and PostgreSQL's (65535)
_IN_CHUNK = 900


class Admission:
    """``find_duplicate`` for the articles of one ``save_new_many`` call, with the store read once for all.

    The ids, links, content hashes and near-duplicate signatures of the call's articles, and the texts of their
    near-duplicate candidates, are read in a few queries up front; the articles the call stores (``stored``) and
    links (``linked``) are kept here, so that an article duplicating one stored earlier in the same call is found
    as ``find_duplicate`` would find it after that one was written: the same answers, in the same order, from a
    handful of statements.
    """

    def __init__(self, conn: Connection, items: Sequence[tuple[Article, Sequence[str]]]) -> None:
        a, ar, s = schema.articles, schema.also_reported, schema.signatures
        self._conn = conn
        ids = list(dict.fromkeys(article.id for article, _keys in items))
        hashes = list(dict.fromkeys(dedupe.content_hash(article.text) for article, _keys in items))
        keys = list(dict.fromkeys(k for _article, ks in items for k in ks))
        self._ids = {r.id for part in _parts(ids)
                     for r in conn.execute(select(a.c.id).where(_among(conn, a.c.id, part)))}
        self._links: dict[str, tuple[str, float]] = {
            r.dup_id: (r.article_id, float(r.similarity)) for part in _parts(ids)
            for r in conn.execute(select(ar.c.dup_id, ar.c.article_id, ar.c.similarity)
                                  .where(_among(conn, ar.c.dup_id, part)))
        }
        first: dict[str, tuple[Any, str]] = {}
        for part in _parts(hashes):
            query = select(a.c.content_hash, a.c.created_at, a.c.id).where(_among(conn, a.c.content_hash, part))
            for r in conn.execute(query):
                if r.content_hash not in first or (r.created_at, r.id) < first[r.content_hash]:
                    first[r.content_hash] = (r.created_at, r.id)
        self._hashes = {h: kept for h, (_at, kept) in first.items()}
        self._holders: dict[str, set[str]] = {}  # band key -> articles holding it (stored before or in this call)
        for part in _parts(keys):
            for sig in conn.execute(select(s.c.article_id, s.c.key).where(_among(conn, s.c.key, part))):
                self._holders.setdefault(sig.key, set()).add(sig.article_id)
        # texts of the near-duplicate candidates (stored before: read here in one query; stored in this call)
        self._texts: dict[str, str] = {}
        wanted = {i for article, ks in items if not self._decided(article) for i in self._candidates(ks)}
        for part in _parts(sorted(wanted)):
            self._texts.update((r.id, r.text) for r in conn.execute(select(a.c.id, a.c.text)
                                                                    .where(_among(conn, a.c.id, part))))

    def _decided(self, article: Article) -> bool:
        """``find`` answers for ``article`` before comparing texts: a stored or linked id, a stored text."""
        return (article.id in self._ids or article.id in self._links
                or dedupe.content_hash(article.text) in self._hashes)

    def _candidates(self, keys: Sequence[str]) -> list[str]:
        """The articles sharing most of ``keys`` (at most ``MAX_CANDIDATES``, then by id), as known now."""
        shared: dict[str, int] = {}
        for key in set(keys):
            for holder in self._holders.get(key, ()):
                shared[holder] = shared.get(holder, 0) + 1
        return sorted(shared, key=lambda i: (-shared[i], i))[:MAX_CANDIDATES]

    def find(self, article: Article, keys: Sequence[str], threshold: float) -> Duplicate | None:
        """What ``find_duplicate`` answers for ``article`` at this point of the call."""
        if article.id in self._ids:
            return Duplicate(article.id, "same id", 1.0)
        if article.id in self._links:
            kept, similarity = self._links[article.id]
            return Duplicate(kept, "same id", similarity)
        same = self._hashes.get(dedupe.content_hash(article.text))
        if same is not None:
            return Duplicate(same, "same text", 1.0)
        candidates = self._candidates(keys)
        if not candidates:
            return None
        texts = {i: self._texts[i] for i in candidates if i in self._texts}
        rest = [i for i in candidates if i not in texts]  # read up front, unless a row went missing since
        if rest:
            a = schema.articles
            texts.update((r.id, r.text) for r in self._conn.execute(select(a.c.id, a.c.text).where(a.c.id.in_(rest))))
        mine = dedupe.shingles(article.text)
        scored = sorted(((dedupe.jaccard(mine, dedupe.shingles(t)), i) for i, t in texts.items()), reverse=True)
        best, best_id = scored[0] if scored else (0.0, "")
        return Duplicate(best_id, "near", round(best, 4)) if best >= threshold else None

    def stored(self, article: Article, keys: Sequence[str]) -> None:
        """``article`` is written in this call, with its signature ``keys``."""
        self._ids.add(article.id)
        self._hashes.setdefault(dedupe.content_hash(article.text), article.id)
        self._texts[article.id] = article.text
        for key in keys:
            self._holders.setdefault(key, set()).add(article.id)

    def linked(self, article: Article, duplicate: Duplicate) -> None:
        """``article`` is linked under ``duplicate.kept_id`` in this call (the first link of an id stays)."""
        self._links.setdefault(article.id, (duplicate.kept_id, duplicate.similarity))


def link_rows(article: Article, duplicate: Duplicate, now: datetime) -> dict[str, Any]:
    """The ``also_reported`` row of ``link_duplicate``."""
    return {
        "dup_id": article.id,
        "article_id": duplicate.kept_id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "content_hash": dedupe.content_hash(article.text),
        "similarity": duplicate.similarity,
        "created_at": now,
    }


def _among(conn: Connection, column: Any, values: list[str]) -> Any:
    """``column IN values``; on PostgreSQL as ``column = ANY(%s)`` with the values as one array parameter. The
    same rows as ``column.in_(values)``, whose list of one placeholder per value SQLAlchemy renders and psycopg
    adapts anew for every query (a batch's band keys are hundreds): 0.66 -> 0.36 ms of client CPU per article
    and lookup. SQLite's ``IN`` list costs no more than its alternatives (``json_each`` measured the same)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=postgresql.ARRAY(String)))
    return column.in_(values)


def _parts(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start:start + _IN_CHUNK]
