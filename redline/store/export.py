"""Events joined with their article, one flat row each: the input of the situation picture and exports.

Parquet goes through DuckDB (the ``parquet`` extra), used for nothing else.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, or_, select

from redline.errors import ConfigError
from redline.store import schema


def event_records(
    conn: Connection, *, actor: str | None = None, target: str | None = None, type: str | None = None
) -> list[dict[str, Any]]:
    """Every stored event reported as happening (status ``current``) with its article's url, title and publication
    time, oldest article first. Background, hypothetical, negated, doubtful... events stay in their brief only.

    ``actor`` and ``target`` match a code or any code under it ("RUS" matches "RUS-MIL").
    """
    e, a = schema.events, schema.articles
    query = select(
        e, a.c.url.label("article_url"), a.c.title.label("article_title"),
        a.c.published.label("article_published"), a.c.source.label("article_source"),
    ).join(a, a.c.id == e.c.article_id).where(e.c.status == schema.CURRENT)  # fmt: skip
    for column, code in ((e.c.source, actor), (e.c.target, target)):
        if code:
            query = query.where(or_(column == code, column.like(f"{code}-%")))
    if type:
        query = query.where(e.c.type == type.upper())
    query = query.order_by(a.c.published.is_(None), a.c.published, e.c.article_id, e.c.seq)
    return [_record(row._mapping) for row in conn.execute(query)]


def _record(row: Any) -> dict[str, Any]:
    evidence = json.loads(row["evidence"])
    published = row["article_published"]
    return {
        "article_id": row["article_id"], "id": row["id"], "type": row["type"], "mode": row["mode"],
        "cameo": row["cameo"], "source": row["source"], "target": row["target"], "location": row["location"],
        "lat": row["lat"], "lon": row["lon"], "country": row["country"], "weapons": json.loads(row["weapons"]),
        "factuality": row["factuality"], "intensity": row["intensity"], "confidence": row["confidence"],
        "date": row["date"], "text": row["text"],
        "quote": evidence[0]["quote"] if evidence else None,
        "quote_start": row["evidence_start"], "quote_end": row["evidence_end"],
        "article_url": row["article_url"], "article_title": row["article_title"],
        "article_source": row["article_source"],
        "article_published": published.isoformat() if published else None,
    }  # fmt: skip


def write_parquet(rows: Sequence[Mapping[str, Any]], path: Path, columns: Mapping[str, str]) -> None:
    """Write ``rows`` to a Parquet file with the DuckDB ``columns`` types (name -> SQL type), in order."""
    try:
        import duckdb
    except ImportError:
        raise ConfigError(f"{path}: Parquet export needs DuckDB (pip install 'redline[corpus]')") from None
    fd, tmp = tempfile.mkstemp(suffix=".jsonl", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(dict(row), ensure_ascii=False) + "\n" for row in rows)
        spec = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items()) + "}"
        names = ", ".join(f'"{name}"' for name in columns)
        with duckdb.connect() as con:
            con.execute(
                f"COPY (SELECT {names} FROM read_json(?, format = 'newline_delimited', columns = {spec})) "
                "TO ? (FORMAT parquet)",
                [tmp, str(path)],
            )
    finally:
        os.unlink(tmp)
