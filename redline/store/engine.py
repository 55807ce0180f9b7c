"""The database engine behind a Store: the URL checked and normalised, SQLite set up for concurrent writers
(WAL, busy timeout, BEGIN IMMEDIATE for writes), PostgreSQL through psycopg 3, and failures to reach or open a
database turned into one-line StoreErrors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from redline.errors import StoreError

SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 5
URL_HELP = "use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB"


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"{mask(url)}: not a database URL ({URL_HELP})") from None
    # psycopg 3 is redline's PostgreSQL driver; plain postgresql:// would ask SQLAlchemy for psycopg2.
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise StoreError(f"{parsed.render_as_string(hide_password=True)}: unsupported database ({URL_HELP})")
    return parsed


def mask(url: str) -> str:
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def create_store_engine(parsed: URL, label: str, path: str) -> Engine:
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, path)
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
    try:
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except (ImportError, NoSuchModuleError):
        raise StoreError(
            f"{label}: the PostgreSQL driver is not installed (pip install 'redline[postgres]')"
        ) from None


def _sqlite_engine(parsed: URL, path: str) -> Engine:
    in_memory = path == ":memory:" or path.startswith("file:")
    if not in_memory and not Path(path).parent.is_dir():
        raise StoreError(f"{path}: directory does not exist")
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        # Autocommit at the driver level; the "begin" hook below emits BEGIN so DDL is transactional too.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("redline_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def connect_error(e: Exception, label: str, path: str) -> StoreError | None:
    """A StoreError for failures to reach or open the database at all, else None."""
    orig = e.orig if isinstance(e, DBAPIError) else e
    text = str(orig)
    if path:
        if "file is not a database" in text:
            return StoreError(f"{path}: not a redline database (file is not a SQLite database)")
        if "unable to open database file" in text:
            return StoreError(f"{path}: cannot open the database file (check the path and its permissions)")
        return None
    if not isinstance(e, OperationalError):
        return None
    if re.search(r'database "[^"]*" does not exist', text):
        return StoreError(f"{label}: database does not exist (create it with createdb)")
    if "authentication failed" in text or "no password supplied" in text:
        return StoreError(f"{label}: authentication failed (check the user and password in the URL)")
    return StoreError(f"{label}: cannot connect to the database (is the server running?)")
