"""Store side of ingest: migration 2, duplicates and "also reported by", feed state, skips recorded once."""

from __future__ import annotations

import json
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from test_store import make_brief

from redline import dedupe
from redline.models import Brief, Skip
from redline.store import Duplicate, corpus, migrations, open_store, schema

DATA = Path(__file__).parent / "data"


def story(n: int) -> str:
    return json.loads((DATA / "voa_more.jsonl").read_text("utf-8").splitlines()[n])["text"]


def brief_with(article_id: str, text: str, url: str | None = None) -> Brief:
    brief = make_brief(article_id)
    article = replace(brief.article, text=text, url=url or f"https://site.example/{article_id}")
    return replace(brief, article=article)


def test_store_corpus_migration_2_upgrades_a_version_1_database(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_brief(make_brief("old"))
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:  # back to the shape migration 1 created before migration 2 existed
        for table in reversed(schema.INGEST_TABLES):
            table.drop(conn)
        conn.execute(sa.text("DROP INDEX ix_articles_content_hash"))
        conn.execute(sa.text("DROP INDEX ix_skips_origin"))
        conn.execute(sa.text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    engine.dispose()
    with open_store(db_url) as store:
        assert store.schema_version() == migrations.LATEST  # 2, then every later one (which find their tables)
        assert store.get_brief("old") is not None
    engine = sa.create_engine(db_url)
    inspector = sa.inspect(engine)
    raw_ddl = {"ix_articles_fulltext", "ix_events_order"}  # raw DDL of migration 4: not reflected alike everywhere
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sa.exc.SAWarning)  # SQLite cannot reflect the expression index
        for table in schema.metadata.sorted_tables:
            assert inspector.has_table(table.name), table.name
            assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.columns.keys())
            indexes = {i["name"] for i in inspector.get_indexes(table.name)} - raw_ddl
            assert indexes == {i.name for i in table.indexes} - raw_ddl, table.name
    engine.dispose()


def test_store_corpus_save_new_stores_then_reports_same_id(db_url: str) -> None:
    brief = brief_with("w1", story(0))
    keys = dedupe.band_keys(story(0))
    with open_store(db_url) as store:
        assert store.save_new(brief, keys, 0.5) is None
        assert store.save_new(brief, keys, 0.5) == Duplicate("w1", "same id", 1.0)
        assert store.counts()["articles"] == 1
        assert store.also_reported("w1") == []


def test_store_corpus_same_text_other_url_is_linked(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_new(brief_with("w1", story(0)), dedupe.band_keys(story(0)), 0.5)
        copy = brief_with("w2", story(0), url="https://mirror.example/w2")
        assert store.save_new(copy, dedupe.band_keys(story(0)), 0.5) == Duplicate("w1", "same text", 1.0)
        assert store.also_reported("w1") == [{
            "id": "w2", "url": "https://mirror.example/w2", "source": "example",
            "title": "Russia strikes Kharkiv; Kremlin warns over ATACMS", "similarity": 1.0,
        }]  # fmt: skip
        # the copy seen again is the same duplicate, linked once
        assert store.find_duplicate(copy.article, (), 0.5) == Duplicate("w1", "same id", 1.0)
        assert store.counts()["articles"] == 1
        assert store.counts()["also_reported"] == 1


def test_store_corpus_near_duplicate_linked_unrelated_stored(db_url: str) -> None:
    sentences = story(0).split(". ")
    wire = "By a staff reporter with wire services. " + ". ".join(sentences[:-2]) + ". Reuters contributed."
    with open_store(db_url) as store:
        store.save_new(brief_with("w1", story(0)), dedupe.band_keys(story(0)), 0.5)
        found = store.save_new(brief_with("w2", wire), dedupe.band_keys(wire), 0.5)
        assert found is not None and (found.kept_id, found.kind) == ("w1", "near")
        assert found.similarity == round(dedupe.similarity(story(0), wire), 4)
        assert 0.8 < found.similarity < 1.0
        assert store.save_new(brief_with("w3", story(1)), dedupe.band_keys(story(1)), 0.5) is None
        assert store.counts()["articles"] == 2
        assert [r["id"] for r in store.also_reported("w1")] == ["w2"]


def test_store_corpus_save_new_many_finds_duplicates_stored_earlier_in_the_same_call(db_url: str) -> None:
    sentences = story(1).split(". ")
    wire = "By a staff reporter with wire services. " + ". ".join(sentences[:-2]) + ". Reuters contributed."
    with open_store(db_url) as store:
        store.save_new(brief_with("w0", story(0)), dedupe.band_keys(story(0)), 0.5)
        items = [(brief_with(i, t, url), dedupe.band_keys(t)) for i, t, url in (
            ("w0", story(0), None),  # stored by an earlier call
            ("w1", story(1), None),
            ("w2", wire, None),  # near-duplicate of w1, stored a moment before in this call
            ("w3", story(1), "https://mirror.example/w3"),  # same text as w1
            ("w3", story(1), "https://mirror.example/w3"),  # linked a moment before: the same id
            ("w4", story(2), None),
        )]
        outcomes = store.save_new_many(items, 0.5, [Skip("bad.txt", "ingest", "bad.txt: empty")])
        near = Duplicate("w1", "near", round(dedupe.similarity(story(1), wire), 4))
        assert outcomes == [Duplicate("w0", "same id", 1.0), None, near, Duplicate("w1", "same text", 1.0),
                            Duplicate("w1", "same id", 1.0), None]
        assert [r["id"] for r in store.also_reported("w1")] == ["w2", "w3"]
        assert store.counts()["articles"] == 3
        assert store.get_brief("w4") is not None and store.get_brief("w2") is None
        assert store.counts()["skips"] == 1
        # read back one by one, the store holds what the batch decided
        found = {b.article.id: store.find_duplicate(b.article, k, 0.5) for b, k in items}
        assert {i: (d.kept_id, d.kind) for i, d in found.items() if d is not None} == {
            "w0": ("w0", "same id"), "w1": ("w1", "same id"), "w2": ("w1", "same id"), "w3": ("w1", "same id"),
            "w4": ("w4", "same id")}


def test_store_corpus_find_duplicates_answers_as_find_duplicate_then_link_one_by_one(db_url: str) -> None:
    sentences = story(1).split(". ")
    wire = "By a staff reporter with wire services. " + ". ".join(sentences[:-2]) + ". Reuters contributed."
    with open_store(db_url) as store:
        for i in (0, 1):
            store.save_new(brief_with(f"w{i}", story(i)), dedupe.band_keys(story(i)), 0.5)
        items = [(brief_with(i, t, url).article, dedupe.band_keys(t)) for i, t, url in (
            ("w0", story(0), None),  # stored
            ("w2", wire, None),  # near-duplicate of w1
            ("w3", story(1), "https://mirror.example/w3"),  # same text as w1
            ("w3", story(1), "https://mirror.example/w3"),  # the copy before it is linked by then: the same id
            ("w4", story(2), None),  # new
        )]
        batch = store.find_duplicates(items, 0.5)
        one_by_one = []
        for article, keys in items:
            one_by_one.append(store.find_duplicate(article, keys, 0.5))
            if one_by_one[-1] is not None:
                store.link_duplicate(article, one_by_one[-1])
        assert batch == one_by_one
        assert [d.kind if d else None for d in batch] == ["same id", "near", "same text", "same id", None]


def test_store_corpus_find_duplicates_reads_past_one_part_of_values(db_url: str) -> None:
    """The batch lookups pass their ids, hashes and band keys as one value list per part of ``_IN_CHUNK``: a
    batch with more band keys than one part, and ids with quotes, commas, braces and accents, still finds the
    stored articles' near copies (their keys are in the second part) and same ids, and nothing for the rest."""
    stored = [(f"it's {{café}}, no. {n}", story(n)) for n in range(3)]
    with open_store(db_url) as store:
        for article_id, text in stored:
            store.save_new(brief_with(article_id, text), dedupe.band_keys(text), 0.5)
        # unrelated articles first: 30 x 32 keys fill the first part (900 values) and spill into the next
        filler = [(brief_with(f"new-{n}", f"Item {n}: the council met on road number {n} again.").article,
                   tuple(f"{b}:{n:016x}" for b in range(32))) for n in range(30)]
        wire = [("Reported with wire services. " + text) for _i, text in stored]  # near copies, not the same text
        copies = [(brief_with(f"{article_id} (mirror)", text, f"https://mirror.example/{n}").article,
                   dedupe.band_keys(text)) for n, ((article_id, _t), text) in enumerate(zip(stored, wire, strict=True))]
        same_ids = [(brief_with(article_id, "Another text entirely, with nothing shared.").article, ())
                    for article_id, _text in stored]
        items = filler + copies + same_ids
        assert len({k for _a, keys in items for k in keys}) > corpus._IN_CHUNK
        found = store.find_duplicates(items, 0.5)
        assert found[:30] == [None] * 30
        near = [Duplicate(i, "near", round(dedupe.similarity(t, w), 4)) for (i, t), w in zip(stored, wire, strict=True)]
        assert found[30:] == near + [
            Duplicate(i, "same id", 1.0) for i, _t in stored]


def test_store_corpus_feed_state_roundtrip(db_url: str) -> None:
    url = "http://127.0.0.1:8000/feed.xml"
    with open_store(db_url) as store:
        assert store.feed_state(url) is None
        store.put_feed_state(url, etag='"v1"', last_modified="Tue, 19 Nov 2024 08:00:00 GMT")
        assert store.feed_state(url) == ('"v1"', "Tue, 19 Nov 2024 08:00:00 GMT")
        store.put_feed_state(url, etag='"v2"')
        assert store.feed_state(url) == ('"v2"', None)
        assert store.feed_state("http://127.0.0.1:8000/other.xml") is None


def test_store_corpus_skip_recorded_once(db_url: str) -> None:
    skip = Skip("corpus.jsonl line 3", "ingest", "corpus.jsonl: line 3: text is empty")
    with open_store(db_url) as store:
        store.record_skip(skip)
        store.record_skip(skip)
        store.record_skip(replace(skip, reason="other"))
        assert [s["reason"] for s in store.skips()] == ["corpus.jsonl: line 3: text is empty", "other"]


def test_store_corpus_a_batchs_near_duplicate_candidates_are_read_in_one_query(db_url: str) -> None:
    """The stored texts a batch's articles are compared with are read once for the batch, not once per article;
    the answers are the near copies' (one of each of three stored stories) and none for a new story, and after
    the write ``find_duplicate`` finds each by its id (the copies linked, the new story stored)."""
    reads: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "articles.text" in statement:
            reads.append(statement)

    wires = [f"By a staff reporter with wire services. {story(n)} Reuters contributed." for n in range(3)]
    with open_store(db_url) as store:
        for n in range(3):
            store.save_new(brief_with(f"s{n}", story(n)), dedupe.band_keys(story(n)), 0.5)
        items = [(brief_with(f"w{n}", text).article, dedupe.band_keys(text)) for n, text in enumerate(wires)]
        items.append((brief_with("w3", story(3)).article, dedupe.band_keys(story(3))))
        engine = store._engine  # noqa: SLF001 - the statements this store sends
        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            batch = store.find_duplicates(items, 0.5)
            saved = store.save_new_many([(brief_with(a.id, a.text), keys) for a, keys in items], 0.5)
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)
        assert len(reads) == 2  # one per call
        one_by_one = [store.find_duplicate(a, keys, 0.5) for a, keys in items]
    assert [(d.kept_id, d.kind) if d else None for d in batch] == [("s0", "near"), ("s1", "near"), ("s2", "near"),
                                                                    None]
    assert saved == batch
    assert [(d.kept_id, d.kind) if d else None for d in one_by_one] == [("s0", "same id"), ("s1", "same id"),
                                                                        ("s2", "same id"), ("w3", "same id")]
