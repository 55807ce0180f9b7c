"""The Parquet tables ``redline batch`` writes per partition: articles, events, threats, claims, skips.

``DIR/<table>/<partition>.parquet``, so each table is a dataset DuckDB or pandas read as one
(``SELECT * FROM 'DIR/events/*.parquet'``). The articles table holds each brief as JSON, from which the
store is loaded; the others are flat copies for analysis without the store.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from redline.errors import RunnerError
from redline.models import Brief, Skip
from redline.runner.corpus import BATCH_EXTRA

TABLES = ("articles", "events", "threats", "claims", "skips")
Rows = dict[str, list[dict[str, Any]]]

_S, _F, _I = "string", "float64", "int64"
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("id", _S), ("origin", _S), ("published", _S), ("title", _S), ("url", _S), ("source", _S),
                 ("language", _S), ("topic", _S), ("category", _S), ("events", _I), ("threats", _I),
                 ("claims", _I), ("text", _S), ("keys", "list"), ("brief", _S)),
    "events": (("article_id", _S), ("id", _S), ("date", _S), ("type", _S), ("mode", _S), ("cameo", _S),
               ("source", _S), ("target", _S), ("location", _S), ("lat", _F), ("lon", _F), ("factuality", _S),
               ("status", _S), ("intensity", _F), ("confidence", _F), ("text", _S), ("quote", _S)),
    "threats": (("article_id", _S), ("id", _S), ("date", _S), ("kind", _S), ("actor", _S), ("speaker", _S),
                ("trigger", _S), ("response", _S), ("target", _S), ("quote", _S)),
    "claims": (("article_id", _S), ("id", _S), ("speaker", _S), ("speaker_type", _S), ("speaker_code", _S),
               ("cue", _S), ("stance", _S), ("content", _S)),
    "skips": (("origin", _S), ("stage", _S), ("reason", _S), ("article_id", _S)),
}


def empty_rows() -> Rows:
    return {t: [] for t in TABLES}


def add_brief(rows: Rows, brief: Brief, keys: Iterable[str], topic: str | None, category: str | None) -> None:
    """Append the rows of one brief to every table."""
    a = brief.article
    rows["articles"].append({
        "id": a.id, "origin": a.origin, "published": a.published.isoformat() if a.published else None,
        "title": a.title, "url": a.url, "source": a.source, "language": a.language, "topic": topic,
        "category": category, "events": len(brief.events), "threats": len(brief.threats),
        "claims": len(brief.claims), "text": a.text, "keys": list(keys),
        "brief": json.dumps(brief.to_dict(), ensure_ascii=False),
    })
    for e in brief.events:
        rows["events"].append({
            "article_id": a.id, "id": e.id, "date": e.date, "type": e.type, "mode": e.mode, "cameo": e.cameo,
            "source": e.source, "target": e.target, "location": e.location,
            "lat": e.geo.lat if e.geo else None, "lon": e.geo.lon if e.geo else None,
            "factuality": e.factuality, "status": e.status, "intensity": e.intensity,
            "confidence": e.confidence, "text": e.text, "quote": e.evidence[0].quote if e.evidence else None,
        })
    for t in brief.threats:
        rows["threats"].append({
            "article_id": a.id, "id": t.id, "date": t.date, "kind": t.kind, "actor": t.actor, "speaker": t.speaker,
            "trigger": t.trigger, "response": t.response, "target": t.target,
            "quote": t.evidence[0].quote if t.evidence else None,
        })
    for c in brief.claims:
        rows["claims"].append({
            "article_id": a.id, "id": c.id, "speaker": c.speaker, "speaker_type": c.speaker_type,
            "speaker_code": c.speaker_code, "cue": c.cue, "stance": c.stance, "content": c.content,
        })


def add_skip(rows: Rows, skip: Skip) -> None:
    rows["skips"].append({"origin": skip.origin, "stage": skip.stage, "reason": skip.reason,
                          "article_id": skip.article_id})


def write(out: Path, partition: str, rows: Rows) -> None:
    """Write the five tables of one partition; each file appears whole or not at all."""
    pa, pq = _pyarrow()
    for table in TABLES:
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{partition}.parquet"
        tmp = folder / f".{partition}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(rows[table], schema=_schema(table)), tmp, compression="zstd")
        os.replace(tmp, final)


def read(out: Path, partition: str) -> Rows:
    """The rows of one written partition (the articles and skips the store is loaded from)."""
    _pa, pq = _pyarrow()
    rows = empty_rows()
    for table in ("articles", "skips"):
        rows[table] = pq.read_table(out / table / f"{partition}.parquet").to_pylist()
    return rows


def briefs(rows: Rows) -> Iterator[tuple[Brief, list[str]]]:
    """Each stored brief of a partition with its near-duplicate keys, in corpus order."""
    for row in rows["articles"]:
        yield Brief.from_dict(json.loads(row["brief"]), article_text=row["text"]), list(row["keys"] or ())


def skips(rows: Rows) -> list[Skip]:
    return [Skip(r["origin"], r["stage"], r["reason"], r["article_id"]) for r in rows["skips"]]


def _schema(table: str) -> Any:
    pa, _pq = _pyarrow()
    types = {"string": pa.string(), "float64": pa.float64(), "int64": pa.int64(), "list": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RunnerError(f"redline batch: writing Parquet needs pyarrow ({BATCH_EXTRA})") from None
    return pa, pq
