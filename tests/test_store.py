"""The store on SQLite and PostgreSQL: round trips, idempotent saves, atomic replacement, exact errors."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from redline.errors import MigrationError, StoreError
from redline.models import (
    Article,
    Assessment,
    Brief,
    Claim,
    Event,
    Evidence,
    Geo,
    Mention,
    Scenario,
    Skip,
    Statement,
    Threat,
)
from redline.store import default_db_url, migrations, open_store

TEXT = (
    "Russian forces struck Kharkiv with Iskander missiles on Tuesday, Ukrainian officials said. "
    "The Kremlin warned that any strike on Russian territory with ATACMS would draw a nuclear response."
)
KHARKIV = Geo(49.9935, 36.2304, "UKR")


def span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def make_brief(
    article_id: str = "kharkiv-strike",
    *,
    events: int = 1,
    event_ids: tuple[str, ...] | None = None,
    intensity: float = -9.5,
    source: str = "RUS-MIL",
    event_date: str | None = "2024-11-19",
    published: datetime | None = datetime(2024, 11, 19, 8, 30, tzinfo=UTC),
    score: float = 72.5,
) -> Brief:
    """A small but complete brief over TEXT; every evidence quote is TEXT at its span."""
    article = Article(
        id=article_id,
        title="Russia strikes Kharkiv; Kremlin warns over ATACMS",
        text=TEXT,
        url=f"https://news.example.org/{article_id}",
        source="example",
        published=published,
        language="en",
    )

    def evidence(phrase: str) -> Evidence:
        return Evidence.of(article, *span(phrase))

    strike = evidence("Russian forces struck Kharkiv with Iskander missiles on Tuesday")
    warning = evidence("any strike on Russian territory with ATACMS would draw a nuclear response")
    mentions = (
        Mention("m1", "Russian", "ACTOR", "Russia", "RUS", *span("Russian")),
        Mention("m2", "Kharkiv", "PLACE", "Kharkiv", None, *span("Kharkiv"), geo=KHARKIV),
        Mention(
            "m3", "Iskander", "WEAPON", "9K720 Iskander", None, *span("Iskander"),
            attrs=(("class", "ballistic missile"), ("range_km", "500")),
        ),
    )  # fmt: skip
    ids = event_ids or tuple(f"e{i + 1}" for i in range(events))
    coded = tuple(
        Event(
            id=eid, type="FIGHT", mode="aerial", cameo="19", source=source, target="UKR",
            location="Kharkiv", geo=KHARKIV, weapons=("Iskander",), factuality="reported",
            intensity=intensity, confidence=0.8, evidence=(strike,), date=event_date,
            text="Russian forces struck Kharkiv",
        )
        for eid in ids
    )  # fmt: skip
    claim = Claim(
        id="c1",
        speaker="Ukrainian officials",
        speaker_type="official",
        speaker_code="UKR-GOV",
        cue="said",
        content="Russian forces struck Kharkiv with Iskander missiles on Tuesday",
        stance="statement",
        evidence=(strike,),
        content_start=strike.start,
        content_end=strike.end,
    )
    threat = Threat(
        id="t1",
        actor="RUS",
        speaker="The Kremlin",
        trigger="any strike on Russian territory with ATACMS",
        response="a nuclear response",
        target="UKR",
        date="2024-11-19",
        kind="nuclear",
        evidence=(warning,),
    )
    assessment = Assessment(
        escalation_score=score,
        direction="escalating",
        ladder_rung=6,
        ladder_label="strikes on cities",
        statements=(
            Statement("rhetoric", "The Kremlin threatened a nuclear response to ATACMS.", (warning,)),
        ),
    )
    scenario = Scenario(
        id="s1",
        condition="Ukraine strikes Russian territory with ATACMS",
        outcome="Russia escalates",
        actors=("RUS", "UKR"),
        probability=0.35,
        horizon_days=30,
        signposts=("ATACMS strike inside Russia",),
        text="If Ukraine strikes Russian territory with ATACMS, Russia may escalate within 30 days.",
        rationale="The Kremlin tied the response to ATACMS strikes.",
        evidence=(warning,),
    )
    return Brief(article, mentions, (claim,), coded, (threat,), assessment, (scenario,))


COUNTS_ONE = {"articles": 1, "briefs": 1, "events": 2, "threats": 1, "claims": 1, "scenarios": 1, "skips": 0,
              "also_reported": 0}


def test_store_builder_quotes_match_text() -> None:
    brief = make_brief()
    quotes = [e for ev in brief.events for e in ev.evidence] + list(brief.threats[0].evidence)
    assert all(TEXT[e.start : e.end] == e.quote for e in quotes)


def test_store_roundtrip_brief(db_url: str) -> None:
    brief = make_brief(events=2)
    with open_store(db_url) as store:
        store.save_brief(brief)
    with open_store(db_url) as store:
        assert store.get_brief(brief.article.id) == brief.to_dict()
        assert store.get_brief("missing") is None
        assert store.counts() == COUNTS_ONE


def test_store_save_twice_is_idempotent(db_url: str) -> None:
    brief = make_brief(events=2)
    with open_store(db_url) as store:
        store.save_brief(brief)
        created = store.articles()[0]["created_at"]
        store.save_brief(brief)
        assert store.counts() == COUNTS_ONE
        assert [e["id"] for e in store.events()] == ["e1", "e2"]
        assert store.articles()[0]["created_at"] == created


def test_store_save_changed_brief_replaces(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_brief(make_brief(events=3, score=40.0))
        changed = make_brief(event_ids=("e9",), intensity=-5.0, score=81.0)
        store.save_brief(changed)
        assert store.get_brief(changed.article.id) == changed.to_dict()
        assert [(e["id"], e["intensity"]) for e in store.events()] == [("e9", -5.0)]
        assert store.counts() == {**COUNTS_ONE, "events": 1}


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        (make_brief(event_ids=("e1", "e1")), "duplicate event id"),
        (make_brief(intensity=-42.0), "intensity outside -10..+10"),
    ],
)
def test_store_failed_save_keeps_previous_brief(db_url: str, bad: Brief, problem: str) -> None:
    good = make_brief(events=2)
    with open_store(db_url) as store:
        store.save_brief(good)
        with pytest.raises(StoreError) as caught:
            store.save_brief(bad)
        message = str(caught.value)
        assert message.startswith(f"{store.url}: cannot save the brief of article 'kharkiv-strike': "), (
            problem
        )
        assert message.endswith(" (the previous brief is kept)")
        assert "\n" not in message
        assert store.get_brief(good.article.id) == good.to_dict()
        assert store.counts() == COUNTS_ONE


CHILD = """
import sys
sys.path.insert(0, {tests!r})
from test_store import make_brief
from redline.store import open_store
with open_store({url!r}) as store:
    n = 0
    while True:
        for i in range(4):
            store.save_brief(make_brief(f"a{{i}}", events=150 + (n % 2) * 100, score=float(n % 100)))
            if n == 0 and i == 3:
                print("ready", flush=True)
        n += 1
"""


def test_store_kill_during_save_leaves_store_consistent(db_url: str) -> None:
    code = CHILD.format(tests=str(Path(__file__).parent), url=db_url)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(0.4)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with open_store(db_url) as store:
        counts = store.counts()
        assert counts["articles"] == counts["briefs"] == 4
        for article in store.articles():
            brief = store.get_brief(article["id"])
            assert brief is not None
            stored = [e["id"] for e in store.events(article_id=article["id"], limit=None)]
            assert stored == [e["id"] for e in brief["events"]]


def test_store_record_skip(db_url: str) -> None:
    with open_store(db_url) as store:
        store.record_skip(Skip(origin="feeds/empty.txt", stage="ingest", reason="empty text"))
        store.record_skip(Skip("https://x.example/a", "nlp", "language is 'fr'", article_id="a-fr"))
        skips = store.skips()
        assert [(s["origin"], s["article_id"], s["stage"], s["reason"]) for s in skips] == [
            ("feeds/empty.txt", None, "ingest", "empty text"),
            ("https://x.example/a", "a-fr", "nlp", "language is 'fr'"),
        ]
        assert datetime.fromisoformat(skips[0]["created_at"]).tzinfo is not None
        assert store.counts()["skips"] == 2


def test_store_events_filters(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_brief(make_brief("a", source="RUS-MIL", event_date="2024-11-18"))
        store.save_brief(make_brief("b", source="UKR-MIL", event_date="2024-11-19"))
        store.save_brief(make_brief("c", source="RUS-MIL", event_date=None))

        def ids(**filters: object) -> list[str]:
            return [e["article_id"] for e in store.events(**filters)]  # type: ignore[arg-type]

        assert ids() == ["a", "b", "c"]
        assert ids(source="RUS-MIL") == ["a", "c"]
        assert ids(source="RUS-MIL", target="UKR", type="FIGHT") == ["a", "c"]
        assert ids(type="PROTEST") == []
        assert ids(since="2024-11-19") == ["b"]
        assert ids(until="2024-11-18") == ["a"]
        kyiv_early = datetime(2024, 11, 19, 1, tzinfo=timezone(timedelta(hours=2)))
        assert ids(since=kyiv_early, until="2024-11-19") == ["a", "b"]
        assert ids(since=date(2024, 11, 19), until=date(2024, 11, 19)) == ["b"]
        assert ids(until=date.max) == ids(until="9999-12-31") == ["a", "b"]  # the last day bounds nothing out
        assert ids(limit=1) == ["a"]
        event = store.events(source="UKR-MIL")[0]
        assert event == {"article_id": "b", **make_brief("b", source="UKR-MIL").events[0].to_dict()}


def test_store_articles_newest_first_in_utc(db_url: str) -> None:
    kyiv = timezone(timedelta(hours=2))
    with open_store(db_url) as store:
        store.save_brief(make_brief("old", published=datetime(2024, 11, 1, 12, 0, tzinfo=UTC)))
        store.save_brief(make_brief("new", published=datetime(2024, 11, 19, 10, 0, tzinfo=kyiv)))
        store.save_brief(make_brief("undated", published=None))
        listed = store.articles()
        assert [a["id"] for a in listed] == ["new", "old", "undated"]
        assert listed[0]["published"] == "2024-11-19T08:00:00+00:00"
        assert [a["id"] for a in store.articles(limit=1, offset=1)] == ["old"]
        article = store.article("new")
        assert article is not None and article["text"] == TEXT
        assert (
            store.get_brief("new")
            == make_brief("new", published=datetime(2024, 11, 19, 10, tzinfo=kyiv)).to_dict()
        )


def test_store_migrate_is_idempotent(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_brief(make_brief())
        assert store.schema_version() == migrations.LATEST
        assert store.migrate() == []
    with open_store(db_url) as store:
        assert store.migrate() == []
        assert store.counts()["briefs"] == 1


def test_store_failed_migration_rolls_back(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(db_url).close()

    def broken(conn: sa.Connection) -> None:
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("disk on fire")

    before = migrations.LATEST
    step = migrations.Migration(before + 1, "add half_done", broken)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    monkeypatch.setattr(migrations, "LATEST", before + 1)
    with pytest.raises(MigrationError) as caught:
        open_store(db_url)
    masked = sa.make_url(db_url).render_as_string(hide_password=True)
    assert str(caught.value) == (
        f"{masked}: migration {before + 1} (add half_done) failed: disk on fire "
        "(this migration was rolled back; report this with the redline version)"
    )
    engine = sa.create_engine(db_url)
    try:
        assert not sa.inspect(engine).has_table("half_done")
        with engine.connect() as conn:
            assert migrations.current_version(conn) == before
    finally:
        engine.dispose()


def test_store_newer_schema_refused(db_url: str) -> None:
    open_store(db_url).close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    engine.dispose()
    with pytest.raises(MigrationError) as caught:
        open_store(db_url)
    masked = sa.make_url(db_url).render_as_string(hide_password=True)
    assert (
        str(caught.value)
        == f"{masked}: database schema version 99 is newer than this redline (upgrade redline)"
    )


def test_store_closed_store_refuses(db_url: str) -> None:
    store = open_store(db_url)
    store.close()
    with pytest.raises(StoreError) as caught:
        store.counts()
    assert str(caught.value) == f"{store.url}: the store is closed (open it again with open_store)"


def test_store_unreachable_server_message() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql+psycopg://postgres:s3cret@127.0.0.1:1/x")
    assert str(caught.value) == (
        "postgresql+psycopg://postgres:***@127.0.0.1:1/x: cannot connect to the database (is the server running?)"
    )


def test_store_plain_postgresql_url_uses_psycopg() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://postgres@127.0.0.1:1/x")
    assert str(caught.value) == (
        "postgresql+psycopg://postgres@127.0.0.1:1/x: cannot connect to the database (is the server running?)"
    )


@pytest.mark.postgres
def test_store_missing_pg_database_message(pg_url: str) -> None:
    url = pg_url.rsplit("/", 1)[0] + "/redline_no_such_db"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    masked = sa.make_url(url).render_as_string(hide_password=True)
    assert str(caught.value) == f"{masked}: database does not exist (create it with createdb)"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "nonsense",
            "nonsense: not a database URL (use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB)",
        ),
        (
            "mysql://u:pw@h/d",
            "mysql://u:***@h/d: unsupported database (use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB)",
        ),
    ],
)
def test_store_bad_url_message(url: str, message: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert str(caught.value) == message


def test_store_missing_directory_message(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "redline.db"
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{path}")
    assert str(caught.value) == f"{path}: directory does not exist"


def test_store_not_a_sqlite_file_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database. " * 100, "utf-8")
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{path}")
    assert str(caught.value) == f"{path}: not a redline database (file is not a SQLite database)"


def test_store_sqlite_pragmas(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, store._read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_store_default_db_url_creates_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_url() == f"sqlite:///{tmp_path / 'data' / 'redline' / 'redline.db'}"
    with open_store() as store:
        assert store.counts()["articles"] == 0
    assert (tmp_path / "data" / "redline" / "redline.db").is_file()
