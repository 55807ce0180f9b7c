"""SQLAlchemy Core tables of the store: the current shape, which migration 1 creates on a fresh database.

``briefs`` keeps each article's brief as the JSON contract; the other tables hold the same facts as
normalised rows for queries (events by actor pair, threats by kind...). Evidence lists, weapons, actors and
signposts are JSON text. Child rows are keyed by (article_id, id) and cascade when their article goes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import DateTime, TypeDecorator

CURRENT = "current"  # the status of an event reported as happening (redline.events.status.CURRENT)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC; naive values are taken to be UTC already."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        # SQLite has no timestamp type: store naive UTC text so that it sorts and compares correctly.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime from the database, got {type(value).__name__}")
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _article_fk() -> Column[str]:
    return Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("source", Text),
    Column("published", UTCDateTime),
    Column("language", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index(None, "published"),
    Index(None, "content_hash"),
)

briefs = Table(
    "briefs",
    metadata,
    _article_fk(),
    Column("brief", Text, nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("escalation_score", Float, nullable=False),
    Column("direction", String, nullable=False),
    Column("ladder_rung", Integer, nullable=False),
    Column("ladder_label", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    _article_fk(),
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("canonical", Text, nullable=False),
    Column("code", String),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String),
    Column("attrs", Text, nullable=False),
    Index(None, "code"),
)

events = Table(
    "events",
    metadata,
    _article_fk(),
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("mode", String, nullable=False),
    Column("cameo", String, nullable=False),
    Column("source", String),
    Column("target", String),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String),
    Column("weapons", Text, nullable=False),
    Column("factuality", String, nullable=False),
    Column("intensity", Float, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("date", String),
    Column("text", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    # current, background, hypothetical, decision, negated, contested, interception, ... (redline.events.STATUSES):
    # the situation picture, the ledger and the backtest read only CURRENT events
    Column("status", String, nullable=False, server_default=CURRENT),
    Column("status_rules", Text, nullable=False, server_default="[]"),  # JSON list: every status rule that fired
    CheckConstraint("intensity >= -10 AND intensity <= 10", name="intensity"),
    CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    Index(None, "article_id"),
    Index(None, "source", "target"),
    Index(None, "type"),
    Index(None, "date"),
)
# The order of Store.events (undated last): an expression index, so a page needs no sort of the whole table.
events_order = Index("ix_events_order", events.c.date.is_(None), events.c.date, events.c.article_id, events.c.seq)

threats = Table(
    "threats",
    metadata,
    _article_fk(),
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("actor", String),
    Column("speaker", Text),
    Column("trigger", Text, nullable=False),
    Column("response", Text, nullable=False),
    Column("target", String),
    Column("date", String),
    Column("kind", String, nullable=False),
    Column("evidence", Text, nullable=False),
    Index(None, "actor"),
)

claims = Table(
    "claims",
    metadata,
    _article_fk(),
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("speaker", Text, nullable=False),
    Column("speaker_type", String, nullable=False),
    Column("speaker_code", String),
    Column("cue", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("stance", String, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
)

scenarios = Table(
    "scenarios",
    metadata,
    _article_fk(),
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("condition", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("actors", Text, nullable=False),
    Column("probability", Float, nullable=False),
    Column("horizon_days", Integer, nullable=False),
    Column("signposts", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("rationale", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    CheckConstraint("probability >= 0 AND probability <= 1", name="probability"),
)

# Statements have no id of their own: their position in the assessment is the key.
statements = Table(
    "statements",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("evidence", Text, nullable=False),
)

# No foreign key: a document skipped before ingest has no article row, and skips outlive re-runs.
skips = Table(
    "skips",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("article_id", String),
    Column("stage", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "article_id"),
    Index(None, "origin"),
)

# A duplicate of a stored article: ``dup_id`` is the id it would have had, so a rerun finds it again.
also_reported = Table(
    "also_reported",
    metadata,
    Column("dup_id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text, nullable=False),
    Column("content_hash", String, nullable=False),
    Column("similarity", Float, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("similarity >= 0 AND similarity <= 1", name="similarity"),
    Index(None, "article_id"),
)

# MinHash LSH band keys of each article (redline.dedupe.band_keys), looked up to find near-duplicates.
signatures = Table(
    "signatures",
    metadata,
    _article_fk(),
    Column("key", String, primary_key=True),
    Index(None, "key"),
)

# Conditional-GET validators of each polled feed (``redline.intake.StoreFeedState``).
feed_state = Table(
    "feed_state",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Tables added by migration 2, in creation order.
INGEST_TABLES = (also_reported, signatures, feed_state)

# Legacy (migration 3): statuses stored events once moved without review. Kept so old databases stay valid;
# no longer read or written: the ledger is redlines.csv plus ``ledger_reviews`` (migration 60).
ledger = Table(
    "ledger",
    metadata,
    Column("id", String, primary_key=True),
    Column("origin", String, nullable=False),
    Column("date", String, nullable=False),
    Column("issuer", String, nullable=False),
    Column("speaker", Text, nullable=False),
    Column("target", String),
    Column("kind", String, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("response", Text, nullable=False),
    Column("response_rung", Integer, nullable=False),
    Column("trigger_weapons", Text, nullable=False),
    Column("trigger_territory", Integer, nullable=False),
    Column("crossed", Integer, nullable=False),
    Column("crossed_date", String),
    Column("crossed_seen", String),
    Column("followed", String, nullable=False),
    Column("followed_date", String),
    Column("followed_seen", String),
    Column("source", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("followed IN ('yes', 'partial', 'no', 'pending')", name="followed"),
    Index(None, "issuer"),
    Index(None, "origin"),
)

# Review decisions on ledger proposals (migration 60): the audit trail, and the only thing that moves a line.
# ``proposal`` is the proposal as reviewed (JSON, with its evidence); ``changes`` maps field -> [before, after].
ledger_reviews = Table(
    "ledger_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("proposal_id", String, nullable=False),
    Column("line_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("action", String, nullable=False),
    Column("who", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("changes", Text, nullable=False),
    Column("proposal", Text, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    CheckConstraint("action IN ('accept', 'edit', 'reject')", name="action"),
    CheckConstraint("kind IN ('crossed', 'followed', 'new_line')", name="kind"),
    Index(None, "proposal_id"),
    Index(None, "line_id"),
)

# Tables that hold one article's analysis, deleted and rewritten together by save_brief.
ARTICLE_CHILDREN = (briefs, mentions, events, threats, claims, scenarios, statements)
