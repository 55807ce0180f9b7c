"""Full-text search over articles on SQLite (FTS5) and PostgreSQL, and migration 4 that adds it."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from redline.store import migrations, open_store
from redline.store.search import MARK_END, MARK_START


def test_store_search_finds_articles_by_words(db_url: str, founding_brief: Any, sample_briefs: list[Any]) -> None:
    with open_store(db_url) as store:
        for brief in [founding_brief, *sample_briefs[:8]]:
            store.save_brief(brief)
        hits = store.search("Zakharova ATACMS")
        assert [h["id"] for h in hits] == [founding_brief.article.id]
        assert hits[0]["title"] == founding_brief.article.title
        assert f"{MARK_START}ATACMS{MARK_END}" in hits[0]["snippet"] or f"{MARK_START}Zakharova{MARK_END}" in hits[0][
            "snippet"]
        assert store.search("Zakharova ATACMS", offset=1) == []


@pytest.mark.parametrize("query", ['"', "NEAR(", "a OR", "*", "-", "title:x", "'; DROP TABLE articles; --", "  "])
def test_store_search_operators_are_plain_words(db_url: str, founding_brief: Any, query: str) -> None:
    with open_store(db_url) as store:
        store.save_brief(founding_brief)
        assert store.search(query) == []
        assert store.counts()["articles"] == 1


def test_store_search_follows_replaced_articles(db_url: str, founding_brief: Any) -> None:
    with open_store(db_url) as store:
        store.save_brief(founding_brief)
        store.save_brief(founding_brief)
        assert len(store.search("Kurakhovo")) == 1


def test_store_search_migration_4_indexes_existing_articles(db_url: str, founding_brief: Any) -> None:
    with open_store(db_url) as store:
        store.save_brief(founding_brief)
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            for trigger in ("insert", "delete", "update"):
                conn.execute(sa.text(f"DROP TRIGGER articles_fts_{trigger}"))
            conn.execute(sa.text("DROP TABLE articles_fts"))
        else:
            conn.execute(sa.text("DROP INDEX ix_articles_fulltext"))
        conn.execute(sa.text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    engine.dispose()
    with open_store(db_url) as store:
        assert store.schema_version() == migrations.LATEST
        assert [h["id"] for h in store.search("Kurakhovo")] == [founding_brief.article.id]
