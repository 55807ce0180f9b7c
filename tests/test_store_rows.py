"""store.rows: a brief prepared into rows (in a worker) is stored exactly as the brief itself is."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from test_store import make_brief
from test_store_corpus import brief_with, story

from redline import dedupe
from redline.models import Brief
from redline.store import open_store, schema
from redline.store.rows import Prepared, as_dicts, brief_rows, insert_ignore, prepare

NOW = datetime(2025, 3, 14, 12, 0, 0, 123456, tzinfo=UTC)


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the write times, ordered by primary key."""
    engine = sa.create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in {"created_at", "updated_at"}]
            out[table.name] = [tuple(r) for r in conn.execute(sa.select(*columns).order_by(*table.primary_key))]
    engine.dispose()
    return out


def briefs() -> list[Brief]:
    """Three briefs: two new stories and a near copy of the first (a wire story with a dateline and credit)."""
    near = brief_with("w3", "KYIV (Wire) - " + story(0) + " (Reporting by staff.)", "https://other.example/w3")
    return [brief_with("w1", story(0)), brief_with("w2", story(1)), near]


def test_store_rows_prepared_rows_are_the_brief_rows() -> None:
    brief = make_brief("k1", events=3)
    prepared = pickle.loads(pickle.dumps(prepare(brief)))  # as a worker ships it
    assert prepared.article == brief.article
    assert as_dicts(prepared, NOW) == brief_rows(brief, NOW)
    tables = [name for name, _columns, _values in prepared.rows]
    assert tables == ["briefs", "mentions", "events", "threats", "claims", "scenarios", "statements"][:len(tables)]
    events = next(values for name, _columns, values in prepared.rows if name == "events")
    assert [row[1] for row in events] == [0, 1, 2]  # seq, after article_id


def test_store_rows_save_new_many_stores_prepared_briefs_as_briefs(db_url: str, tmp_path: Any) -> None:
    items = [(b, dedupe.band_keys(b.article.text)) for b in briefs()]
    with open_store(db_url) as store:
        outcomes = store.save_new_many([(prepare(b), keys) for b, keys in items], 0.5)
        assert [o.kind if o else None for o in outcomes] == [None, None, "near"]
        prepared_rows = dump(db_url)
        assert len(prepared_rows["signatures"]) == 2 * dedupe.BANDS
        assert [r[0] for r in prepared_rows["also_reported"]] == ["w3"]
        brief = store.get_brief("w1")
        assert brief is not None and brief["article"]["id"] == "w1"
    other = f"sqlite:///{tmp_path / 'as-briefs.db'}"
    with open_store(other) as store:
        store.save_new_many(items, 0.5)
    assert dump(other) == prepared_rows


def test_store_rows_write_time_and_reserved_column_names_are_stored(db_url: str) -> None:
    brief = make_brief("k2")
    with open_store(db_url) as store:
        store.save_new_many([(prepare(brief), ("0:abc",))], 0.5)
        engine = sa.create_engine(db_url)
        with engine.connect() as conn:
            created = conn.execute(sa.select(schema.briefs.c.created_at)).scalar_one()
            spans = conn.execute(sa.select(schema.mentions.c.start, schema.mentions.c.end)
                                 .order_by(schema.mentions.c.seq)).all()
        engine.dispose()
    assert isinstance(created, datetime)
    assert abs((schema.UTCDateTime().process_result_value(created, engine.dialect) or NOW)  # type: ignore[arg-type]
               - datetime.now(UTC)).total_seconds() < 600
    assert [tuple(s) for s in spans] == [(m.start, m.end) for m in brief.entities]


def test_store_rows_a_prepared_brief_again_in_a_later_call_is_the_same_id(db_url: str) -> None:
    brief = make_brief("k3")
    with open_store(db_url) as store:
        assert store.save_new_many([(prepare(brief), ("0:k3",))], 0.5) == [None]
        again = replace(brief.article, title="Another title")
        outcome = store.save_new_many([(Prepared(again, prepare(brief).rows), ("0:k3",))], 0.5)
        assert outcome[0] is not None and outcome[0].kind == "same id"
        assert store.counts()["articles"] == 1


def test_store_rows_insert_ignore_keeps_the_row_already_there_and_binds_like_sqlalchemy(db_url: str) -> None:
    later = datetime(2025, 3, 15, 8, 30, tzinfo=UTC)
    with open_store(db_url) as store:
        store.save_brief(brief_with("k1", story(0)))
    engine = sa.create_engine(db_url)
    columns = ("dup_id", "article_id", "url", "source", "title", "content_hash", "similarity", "created_at")
    first = ("d1", "k1", None, "Wire", "First title", "h1", 0.91, NOW)
    with engine.begin() as conn:
        insert_ignore(conn, schema.also_reported, columns, [first], ("dup_id",))
        insert_ignore(conn, schema.also_reported, columns, [("d1", "k1", "https://x.example/2", None, "Second title",
                                                             "h2", 0.5, later),
                                                            ("d2", "k1", "https://x.example/3", None, "Third title",
                                                             "h3", 0.75, later)], ("dup_id",))
        insert_ignore(conn, schema.also_reported, columns, [], ("dup_id",))
    with open_store(db_url) as store:
        links = store.also_reported("k1")
    ar = schema.also_reported
    with engine.connect() as conn:
        stamps = dict(conn.execute(sa.select(ar.c.dup_id, ar.c.created_at)).all())
    engine.dispose()
    assert links == [
        {"id": "d1", "url": None, "source": "Wire", "title": "First title", "similarity": 0.91},
        {"id": "d2", "url": "https://x.example/3", "source": None, "title": "Third title", "similarity": 0.75},
    ]
    assert stamps == {"d1": NOW, "d2": later}
