"""The store: briefs and their normalised rows in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

    with open_store() as store:            # SQLite file in the user data directory
        store.save_brief(brief)            # idempotent on the article id
        store.events(source="RUS", since="2024-11-01")

``open_store`` connects and migrates at once, so a bad URL, an unreachable server or a newer schema fails
there with a one-line ``StoreError`` naming the URL (password masked).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import platformdirs
from sqlalchemy import Connection, Row, Select, Table, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from redline import dedupe
from redline.assess.ledger import LedgerEntry, LedgerView, Review
from redline.errors import StoreError
from redline.models import Article, Brief, Event, Skip
from redline.store import corpus, export, ledger, migrations, rows, schema, search
from redline.store.corpus import Duplicate
from redline.store.engine import connect_error, create_store_engine, parse_url
from redline.store.rows import Prepared, brief_rows

__all__ = ["Duplicate", "Prepared", "Store", "default_db_url", "open_store"]

def default_db_url() -> str:
    """The SQLite file used when no URL is given: ``<user data dir>/redline/redline.db``."""
    return f"sqlite:///{Path(platformdirs.user_data_dir('redline')) / 'redline.db'}"


def open_store(url: str | None = None) -> Store:
    """Open (and migrate) the store at ``url``; None or "" means ``default_db_url()``."""
    if not url:
        url = default_db_url()
        Path(make_url(url).database or ".").parent.mkdir(parents=True, exist_ok=True)
    return Store(url)


class Store:
    """One database holding briefs; a context manager that closes its connection pool on exit."""

    def __init__(self, url: str) -> None:
        parsed = parse_url(url)
        self.url = parsed.render_as_string(hide_password=True)
        self.dialect = parsed.get_backend_name()
        self._path = (parsed.database or ":memory:") if self.dialect == "sqlite" else ""
        self._closed = False
        self._engine = create_store_engine(parsed, self.url, self._path)
        try:
            self.migrate()
        except BaseException:
            self._engine.dispose()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self.url}>"

    def close(self) -> None:
        """Release every pooled connection; the store cannot be used afterwards."""
        self._closed = True
        self._engine.dispose()

    def migrate(self) -> list[int]:
        """Apply pending migrations (idempotent); returns the migrations run."""
        with self._errors("cannot migrate"):
            return migrations.migrate(self._engine, self.url, lambda: self._connect(write=True))

    def schema_version(self) -> int:
        with self._read() as conn:
            return migrations.current_version(conn)

    def save_brief(self, brief: Brief) -> None:
        """Store ``brief`` as the current brief of its article, replacing any earlier one, in one transaction."""
        article = brief.article
        now = datetime.now(UTC)
        child_rows = brief_rows(brief, now)
        failing = self._errors(
            f"cannot save the brief of article {article.id!r}", "the previous brief is kept"
        )
        with failing, self._write() as conn:
            self._write_brief(conn, brief, child_rows, now)

    def save_new(self, brief: Brief, keys: Sequence[str], threshold: float) -> Duplicate | None:
        """Store ``brief`` unless its article duplicates a stored one; then link it and return why.

        The check and the write are one transaction that no other writer interleaves with, so two
        processes ingesting the same story store it once.

        Args:
            keys: the article's near-duplicate band keys (``dedupe.band_keys``).
            threshold: the Jaccard similarity from which an article counts as a near-duplicate.
        """
        with self._errors(f"cannot save the brief of article {brief.article.id!r}"), self._write() as conn:
            corpus.lock_admission(conn)
            return self._admit(conn, brief, keys, threshold, datetime.now(UTC))

    def _admit(self, conn: Connection, brief: Brief, keys: Sequence[str], threshold: float,
               now: datetime) -> Duplicate | None:
        """Inside a locked write: store ``brief``, or link it to the stored article it duplicates and say why."""
        duplicate = corpus.find_duplicate(conn, brief.article, keys, threshold)
        if duplicate is None:
            self._write_brief(conn, brief, brief_rows(brief, now), now)
            corpus.add_signature(conn, brief.article.id, keys)
        elif duplicate.kind != "same id":
            corpus.link_duplicate(conn, brief.article, duplicate, now)
        return duplicate

    def save_new_many(
        self, items: Sequence[tuple[Brief | Prepared, Sequence[str]]], threshold: float, skips: Sequence[Skip] = ()
    ) -> list[Duplicate | None]:
        """``save_new`` for many briefs (and ``record_skip`` for ``skips``) in one transaction, in order.

        An article duplicating one stored earlier in the same call is found as well. Returns, per brief,
        None when it was stored, else the Duplicate that kept it out.
        """
        now = datetime.now(UTC)
        with self._errors(f"cannot save a batch of {len(items)} briefs", "the batch is not stored"), \
                self._write() as conn:
            corpus.lock_admission(conn)
            admission = corpus.Admission(conn, [(brief.article, keys) for brief, keys in items])
            out: list[Duplicate | None] = []
            new: list[tuple[Brief | Prepared, Sequence[str]]] = []
            links: list[dict[str, Any]] = []
            for brief, keys in items:
                duplicate = admission.find(brief.article, keys, threshold)
                out.append(duplicate)
                if duplicate is None:
                    admission.stored(brief.article, keys)
                    new.append((brief, keys))
                elif duplicate.kind != "same id":
                    admission.linked(brief.article, duplicate)
                    links.append(corpus.link_rows(brief.article, duplicate, now))
            self._write_briefs(conn, new, now)
            corpus.insert_links(conn, links)
            corpus.record_skips(conn, skips, now)
        return out

    def _write_briefs(self, conn: Connection, items: Sequence[tuple[Brief | Prepared, Sequence[str]]],
                      now: datetime) -> None:
        """``_write_brief`` and ``add_signature`` for many new briefs: one statement per table, rows in order
        (the child rows written by ``rows.write_children``; a Brief is prepared here, a Prepared was in a worker)."""
        if not items:
            return
        table = schema.articles
        values = [{"id": b.article.id, "created_at": now, **self._article_values(b.article, now)} for b, _k in items]
        insert = (postgresql.insert(table) if self.dialect == "postgresql" else sqlite.insert(table))
        columns = [c for c in values[0] if c not in {"id", "created_at"}]
        conn.execute(insert.on_conflict_do_update(index_elements=[table.c.id],
                                                  set_={c: insert.excluded[c] for c in columns}), values)
        ids = [b.article.id for b, _keys in items]
        for child in schema.ARTICLE_CHILDREN:
            for start in range(0, len(ids), 500):
                conn.execute(child.delete().where(child.c.article_id.in_(ids[start:start + 500])))
        rows.write_children(conn, [b if isinstance(b, Prepared) else rows.prepare(b) for b, _keys in items], now)
        rows.insert_ignore(conn, schema.signatures, corpus.SIGNATURE_COLUMNS,
                           [(b.article.id, k) for b, keys in items for k in keys], corpus.SIGNATURE_COLUMNS)

    def find_duplicate(self, article: Article, keys: Sequence[str], threshold: float) -> Duplicate | None:
        """The stored article that ``article`` duplicates, or None (a read: ``save_new`` checks again)."""
        with self._read() as conn:
            return corpus.find_duplicate(conn, article, keys, threshold)

    def find_duplicates(self, items: Sequence[tuple[Article, Sequence[str]]],
                        threshold: float) -> list[Duplicate | None]:
        """``find_duplicate`` for each article in turn, in one read, as if each duplicate found were linked
        (``link_duplicate``) before the next is looked up: the caller links them."""
        with self._read() as conn:
            admission = corpus.Admission(conn, items)
            out: list[Duplicate | None] = []
            for article, keys in items:
                duplicate = admission.find(article, keys, threshold)
                out.append(duplicate)
                if duplicate is not None and duplicate.kind != "same id":
                    admission.linked(article, duplicate)
            return out

    def link_duplicate(self, article: Article, duplicate: Duplicate) -> None:
        """Record ``article`` as "also reported by" under ``duplicate.kept_id``; nothing for the same id."""
        if duplicate.kind == "same id":
            return
        with self._errors(f"cannot link duplicate {article.id!r}"), self._write() as conn:
            corpus.link_duplicate(conn, article, duplicate, datetime.now(UTC))

    def also_reported(self, article_id: str) -> list[dict[str, Any]]:
        """The duplicates linked to a stored article: id, url, source, title, similarity."""
        with self._read() as conn:
            return corpus.also_reported(conn, article_id)

    def feed_state(self, url: str) -> tuple[str | None, str | None] | None:
        """The (ETag, Last-Modified) validators of the feed at ``url``, or None for a feed never read."""
        with self._read() as conn:
            return corpus.feed_state(conn, url)

    def put_feed_state(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> None:
        """Replace the validators of the feed at ``url``."""
        with self._errors(f"cannot save the state of feed {url}"), self._write() as conn:
            corpus.put_feed_state(conn, url, etag, last_modified, datetime.now(UTC))

    def ledger_entries(self) -> tuple[LedgerEntry, ...]:
        """The reviewed red-line ledger: curated rows and accepted new lines, accepted moves applied."""
        with self._read() as conn:
            return ledger.entries(conn)

    def ledger_reviews(self) -> tuple[Review, ...]:
        """Every review decision on a ledger proposal (the audit trail), oldest first."""
        with self._read() as conn:
            return ledger.reviews(conn)

    def save_review(self, review: Review) -> int:
        """Append a review decision to the audit trail; returns its id."""
        with self._errors(f"cannot save the review of proposal {review.proposal_id!r}"), self._write() as conn:
            return ledger.save_review(conn, review)

    def ledger_inputs(self) -> tuple[list[Any], list[tuple[str, str | None, Event]]]:
        """What the ledger rules read: stored threats (with the weapons they name) and countable events."""
        with self._read() as conn:
            return ledger.stored_threats(conn), ledger.material_events(conn)

    def dated_events(self, since: str = "0000") -> list[tuple[str, str | None, Event]]:
        """(article id, publication day, event) of every stored event dated from ``since``, oldest first."""
        with self._read() as conn:
            return ledger.stored_events(conn, since)

    def ledger_view(self, as_of: str | None = None) -> LedgerView:
        """The ledger and escalation windows as known on ``as_of`` (ISO day; None: everything stored)."""
        with self._read() as conn:
            return ledger.view(conn, as_of)

    def get_brief(self, article_id: str) -> dict[str, Any] | None:
        """The stored brief of an article as its JSON dict, or None."""
        with self._read() as conn:
            text = conn.execute(
                select(schema.briefs.c.brief).where(schema.briefs.c.article_id == article_id)
            ).scalar_one_or_none()
        return None if text is None else dict(json.loads(text))

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, or None."""
        with self._read() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).first()
        return None if row is None else _article_dict(row, with_text=True)

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Articles without their text, newest publication first."""
        a = schema.articles
        query = select(a).order_by(a.c.published.desc().nulls_last(), a.c.id).limit(limit).offset(offset)
        with self._read() as conn:
            return [_article_dict(row, with_text=False) for row in conn.execute(query)]

    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        type: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        article_id: str | None = None,
        actor: str | None = None,
        weapon: str | None = None,
        located: bool | None = None,
        limit: int | None = 1000,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events as in the brief contract plus ``article_id``, filtered; oldest first.

        ``since`` and ``until`` are inclusive days (a datetime counts as its UTC day) compared with the
        event's own date, so events without a date are left out when either is given.

        Args:
            actor: an actor code matched on either side, with its sectors (``RUS`` matches ``RUS-MIL``).
            weapon: a weapon name as stored in the event's ``weapons`` list (exact).
            located: True keeps only events with coordinates, False only those without.
        """
        e = schema.events
        query = select(e)
        for column, value in ((e.c.source, source), (e.c.target, target), (e.c.type, type)):
            if value is not None:
                query = query.where(column == value)
        if article_id is not None:
            query = query.where(e.c.article_id == article_id)
        if actor is not None:
            query = query.where(or_(*actor_matches(e.c.source, actor), *actor_matches(e.c.target, actor)))
        if weapon is not None:
            query = query.where(e.c.weapons.contains(_json(weapon), autoescape=True))
        if located is not None:
            query = query.where(e.c.lat.isnot(None) if located else e.c.lat.is_(None))
        if since is not None:
            query = query.where(e.c.date >= _day(since))
        if until is not None:
            query = query.where(e.c.date < _day_after(until))
        query = query.order_by(e.c.date.is_(None), e.c.date, e.c.article_id, e.c.seq)
        query = query.limit(limit).offset(offset)
        with self._read() as conn:
            return [_event_dict(row) for row in conn.execute(query)]

    def event_records(
        self, *, actor: str | None = None, target: str | None = None, type: str | None = None
    ) -> list[dict[str, Any]]:
        """Every event with its article's url, title, source and publication time (``store.export``)."""
        with self._read() as conn:
            return export.event_records(conn, actor=actor, target=target, type=type)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles matching every word of ``query``, best first: id, title, published and a snippet.

        Matched words in ``snippet`` sit between ``search.MARK_START`` and ``search.MARK_END``.
        """
        with self._read() as conn:
            return search.search(conn, query, limit, offset)

    def select(self, query: Select[*tuple[Any, ...]]) -> list[Row[*tuple[Any, ...]]]:
        """Run a read-only SQLAlchemy Core query over ``schema`` tables (for reports that need their own)."""
        with self._read() as conn:
            return list(conn.execute(query))

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        tables = {
            "articles": schema.articles,
            "briefs": schema.briefs,
            "events": schema.events,
            "threats": schema.threats,
            "claims": schema.claims,
            "scenarios": schema.scenarios,
            "skips": schema.skips,
            "also_reported": schema.also_reported,
        }
        with self._read() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for name, t in tables.items()
            }

    def record_skip(self, skip: Skip) -> None:
        """Keep a document the pipeline could not analyse, with its stage and reason (once: reruns add none)."""
        values = {
            "origin": skip.origin,
            "article_id": skip.article_id,
            "stage": skip.stage,
            "reason": skip.reason,
            "created_at": datetime.now(UTC),
        }
        with self._errors(f"cannot record the skip of {skip.origin}"), self._write() as conn:
            corpus.lock_admission(conn)
            if not corpus.skip_recorded(conn, skip.origin, skip.stage, skip.reason, skip.article_id):
                conn.execute(schema.skips.insert().values(**values))

    def skips(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Recorded skips, oldest first."""
        s = schema.skips
        query = select(s).order_by(s.c.id).limit(limit).offset(offset)
        with self._read() as conn:
            return [
                {
                    "id": row.id,
                    "origin": row.origin,
                    "article_id": row.article_id,
                    "stage": row.stage,
                    "reason": row.reason,
                    "created_at": row.created_at.isoformat(),
                }
                for row in conn.execute(query)
            ]

    def _connect(self, write: bool = False) -> Connection:
        if self._closed:
            raise StoreError(f"{self.url}: the store is closed (open it again with open_store)")
        conn = self._engine.connect()
        # Read by the SQLite "begin" hook: writers take the lock up front instead of failing to upgrade.
        return conn.execution_options(redline_write=write) if write else conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors("cannot read the database"), self._connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._connect(write=True) as conn, conn.begin():
            yield conn

    @contextmanager
    def _errors(self, doing: str, advice: str = "") -> Iterator[None]:
        """Turn driver errors into one-line StoreErrors naming this store."""
        try:
            yield
        except DBAPIError as e:
            raise connect_error(e, self.url, self._path) or StoreError(
                f"{self.url}: {doing}: {_first_line(e.orig)}" + (f" ({advice})" if advice else "")
            ) from e
        except sqlite3.DatabaseError as e:
            raise connect_error(e, self.url, self._path) or StoreError(
                f"{self.url}: {doing}: {_first_line(e)}"
            ) from e

    def _write_brief(self, conn: Connection, brief: Brief, rows: list[tuple[Table, list[dict[str, Any]]]],
                     now: datetime) -> None:
        self._upsert_article(conn, brief, now)
        for table in schema.ARTICLE_CHILDREN:
            conn.execute(table.delete().where(table.c.article_id == brief.article.id))
        for table, values in rows:
            if values:
                conn.execute(table.insert(), values)

    @staticmethod
    def _article_values(a: Article, now: datetime) -> dict[str, Any]:
        return {
            "title": a.title,
            "url": a.url,
            "source": a.source,
            "published": a.published,
            "language": a.language,
            "text": a.text,
            "content_hash": dedupe.content_hash(a.text),
            "updated_at": now,
        }

    def _upsert_article(self, conn: Connection, brief: Brief, now: datetime) -> None:
        a = brief.article
        values = self._article_values(a, now)
        table = schema.articles
        if self.dialect == "postgresql":
            pg = postgresql.insert(table).values(id=a.id, created_at=now, **values)
            conn.execute(pg.on_conflict_do_update(index_elements=[table.c.id], set_=values))
        else:
            lite = sqlite.insert(table).values(id=a.id, created_at=now, **values)
            conn.execute(lite.on_conflict_do_update(index_elements=[table.c.id], set_=values))


def actor_matches(column: Any, code: str) -> list[Any]:
    """Conditions matching an actor code and its sectors (``RUS`` matches ``RUS`` and ``RUS-MIL``)."""
    return [column == code, column.startswith(code + "-", autoescape=True)]


def _first_line(e: BaseException | None) -> str:
    text = str(e).strip() if e is not None else ""
    return text.splitlines()[0] if text else type(e).__name__


def _day(value: str | date) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(UTC).date() if value.tzinfo else value.date()
    return value if isinstance(value, str) else value.isoformat()


def _day_after(value: str | date) -> str:
    """The exclusive upper bound for an inclusive ``until``; U+FFFF sorts after any longer ISO timestamp."""
    day = _day(value)
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat() if len(day) == 10 else day + "\uffff"
    except (ValueError, OverflowError):  # not a day, or the last day there is (9999-12-31): bound by the string
        return day + "\uffff"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _article_dict(row: Row[Any], with_text: bool) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "url": row.url,
        "source": row.source,
        "published": _iso(row.published),
        "language": row.language,
        "content_hash": row.content_hash,
        "created_at": _iso(row.created_at),
        "updated_at": _iso(row.updated_at),
    }
    if with_text:
        d["text"] = row.text
    return d


def _event_dict(row: Row[Any]) -> dict[str, Any]:
    geo = None if row.lat is None else {"lat": row.lat, "lon": row.lon, "country": row.country}
    return {
        "article_id": row.article_id,
        "id": row.id,
        "type": row.type,
        "mode": row.mode,
        "cameo": row.cameo,
        "source": row.source,
        "target": row.target,
        "location": row.location,
        "geo": geo,
        "weapons": json.loads(row.weapons),
        "factuality": row.factuality,
        "intensity": row.intensity,
        "confidence": row.confidence,
        "date": row.date,
        "text": row.text,
        "evidence": json.loads(row.evidence),
        "status": row.status,
        "status_rules": json.loads(row.status_rules),
    }
