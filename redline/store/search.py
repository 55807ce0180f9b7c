"""Full-text search over article titles and texts: SQLite FTS5 or PostgreSQL full-text search.

SQLite keeps an external-content FTS5 table ``articles_fts`` in step with ``articles`` by triggers;
PostgreSQL uses a GIN expression index over ``to_tsvector('english', title || ' ' || text)``. The user's
words are bound parameters: SQLite gets each word as a quoted FTS5 phrase (so operators and quotes in the
query are plain words), PostgreSQL gets ``plainto_tsquery``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from redline.store.schema import UTCDateTime

# Private-use characters mark the matched words in snippets; the renderer escapes, then turns them into tags.
MARK_START, MARK_END = "\ue000", "\ue001"

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)
_PG_DDL = (
    "CREATE INDEX IF NOT EXISTS ix_articles_fulltext ON articles "
    "USING GIN (to_tsvector('english', title || ' ' || text))",
)

_SQLITE_QUERY = text(
    "SELECT a.id, a.title, a.published, "
    "snippet(articles_fts, 1, :mark_start, :mark_end, '…', 24) AS snippet "
    "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
    "WHERE articles_fts MATCH :query ORDER BY bm25(articles_fts), a.id LIMIT :limit OFFSET :offset"
).columns(published=UTCDateTime)
_PG_QUERY = text(
    "SELECT a.id, a.title, a.published, ts_headline('english', a.text, q, :options) AS snippet "
    "FROM articles a, plainto_tsquery('english', :query) q "
    "WHERE to_tsvector('english', a.title || ' ' || a.text) @@ q "
    "ORDER BY ts_rank(to_tsvector('english', a.title || ' ' || a.text), q) DESC, a.id "
    "LIMIT :limit OFFSET :offset"
).columns(published=UTCDateTime)
_PG_OPTIONS = f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=35, MinWords=15, MaxFragments=2'


def create(conn: Connection) -> None:
    """Create the search index for this dialect (idempotent) and fill it from the stored articles."""
    for statement in _SQLITE_DDL if conn.dialect.name == "sqlite" else _PG_DDL:
        conn.execute(text(statement))


def words(query: str) -> list[str]:
    return re.findall(r"\w+", query)


def search(conn: Connection, query: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Articles matching every word of ``query``, best first, with a snippet marked by MARK_START/MARK_END."""
    terms = words(query)
    if not terms:
        return []
    if conn.dialect.name == "sqlite":
        params: dict[str, Any] = {"query": " ".join(f'"{t}"' for t in terms),
                                  "mark_start": MARK_START, "mark_end": MARK_END}
        statement = _SQLITE_QUERY
    else:
        params = {"query": " ".join(terms), "options": _PG_OPTIONS}
        statement = _PG_QUERY
    rows = conn.execute(statement, {**params, "limit": limit, "offset": offset})
    return [
        {"id": r.id, "title": r.title, "published": r.published.isoformat() if r.published else None,
         "snippet": r.snippet}
        for r in rows
    ]
