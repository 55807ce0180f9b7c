"""Numbered schema migrations, each applied in its own transaction together with its version stamp.

Migration 1 creates the tables of ``schema.py``. A fresh database runs only migration 1 and is stamped
with the latest version, because ``schema.py`` always shows the current shape; every later migration
upgrades databases created by an older redline and must leave them equal to ``schema.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import Connection, Engine, inspect, select, text

from redline.errors import MigrationError
from redline.store import schema, search


class Migration(NamedTuple):
    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_schema(conn: Connection) -> None:
    schema.metadata.create_all(conn)
    search.create(conn)


def _add_ingest_tables(conn: Connection) -> None:
    """Duplicates ("also reported by"), near-duplicate signatures, feed state; indexes for dedupe and skips."""
    schema.metadata.create_all(conn, tables=list(schema.INGEST_TABLES), checkfirst=True)
    for table, column in ((schema.articles, "content_hash"), (schema.skips, "origin")):
        index = next(i for i in table.indexes if [c.name for c in i.columns] == [column])
        index.create(conn, checkfirst=True)


def _search_and_event_order(conn: Connection) -> None:
    search.create(conn)
    # Raw DDL: SQLAlchemy's inspector does not list expression indexes on SQLite, so checkfirst cannot work.
    conn.execute(text(
        "CREATE INDEX IF NOT EXISTS ix_events_order ON events ((date IS NULL), date, article_id, seq)"
    ))


def _create_ledger(conn: Connection) -> None:
    schema.ledger.create(conn, checkfirst=True)


def _event_status(conn: Connection) -> None:
    """Each event's status: only current events are news; the rest stay in the brief with their status."""
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    if "status" not in have:
        conn.execute(text("ALTER TABLE events ADD COLUMN status VARCHAR NOT NULL DEFAULT 'current'"))
    if "status_rules" not in have:
        conn.execute(text("ALTER TABLE events ADD COLUMN status_rules TEXT NOT NULL DEFAULT '[]'"))


def _ledger_reviews(conn: Connection) -> None:
    """Ledger proposals are reviewed: the review table is the audit trail and the only thing that moves a line."""
    if not inspect(conn).has_table("ledger_reviews"):
        schema.ledger_reviews.create(conn)


# Versions may have gaps (branches number their migrations independently); each step runs the next one up.
MIGRATIONS: list[Migration] = [
    Migration(1, "create the schema", _create_schema),
    Migration(2, "add ingest tables: also_reported, signatures, feed_state", _add_ingest_tables),
    Migration(3, "add the red-line ledger", _create_ledger),
    Migration(4, "full-text search over articles; event order index", _search_and_event_order),
    Migration(50, "add events.status (current, background, hypothetical, ...) and events.status_rules", _event_status),
    Migration(60, "add ledger_reviews: reviewed ledger proposals with who, when and what changed", _ledger_reviews),
]

LATEST = MIGRATIONS[-1].version
MIGRATION_LOCK_KEY = 0x7265646C696E65  # "redline" in ASCII


def current_version(conn: Connection) -> int:
    """The schema version recorded in ``meta``; 0 for a database redline has never touched."""
    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def _stamp(conn: Connection, version: int) -> None:
    table = schema.meta
    updated = conn.execute(
        table.update().where(table.c.key == "schema_version").values(value=str(version))
    ).rowcount
    if not updated:
        conn.execute(table.insert().values(key="schema_version", value=str(version)))


def migrate(engine: Engine, label: str, connect: Callable[[], Connection] | None = None) -> list[int]:
    """Bring the database to ``LATEST``; returns the migrations run (empty when already current).

    ``label`` names the database in errors (the URL with its password masked); ``connect`` opens a write
    connection (SQLite needs BEGIN IMMEDIATE so that two processes never migrate at once).
    """
    applied: list[int] = []
    while True:
        conn = connect() if connect else engine.connect()
        with conn, conn.begin():
            if conn.dialect.name == "postgresql":
                # Workers opening one fresh database at once must not race to create the tables.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            version = current_version(conn)
            if version > LATEST:
                raise MigrationError(
                    f"{label}: database schema version {version} is newer than this redline (upgrade redline)"
                )
            if version == LATEST:
                return applied
            step = MIGRATIONS[0] if version == 0 else min(
                (m for m in MIGRATIONS if m.version > version), key=lambda m: m.version
            )
            target = LATEST if version == 0 else step.version
            try:
                step.apply(conn)
                _stamp(conn, target)
            except Exception as e:
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                raise MigrationError(
                    f"{label}: migration {step.version} ({step.description}) failed: {first} "
                    "(this migration was rolled back; report this with the redline version)"
                ) from e
        applied.append(step.version)
