"""The situation picture: the escalation index over time per dyad, event listings and exports.

Everything here is a pure function of the stored events (``Store.event_records``) except the two readers
``index_series`` and ``events``, which only query the store first.

The index. Each event's day is its own date, else its article's publication day (UTC). An event counts for
a dyad when its source and target countries are the dyad's two countries, in either direction; countries
are the first part of an actor code, so RUS-MIL counts for RUS. An event adds

    weight = severity × factuality weight × confidence,    severity = max(0, −intensity)  (0..10)

where intensity is the Goldstein-style −10..+10 scale (cooperation adds nothing) and the factuality
weights are asserted 1.0, reported 0.8, hedged 0.5, future 0.3, conditional 0.2, negated 0. Kinetic
events (ASSAULT, COERCE, MOBILIZE) add to the kinetic component, rhetorical ones (THREATEN, ACCUSE,
PROTEST, REJECT, SANCTION) to the rhetorical one; other types are not part of the index. A point is
one period (a day, or an ISO week) of one dyad: kinetic, rhetorical, their total, and the events behind
them. Events without a source or target country belong to no dyad.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.store import Store

KINETIC = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
RHETORICAL = frozenset({"THREATEN", "ACCUSE", "PROTEST", "REJECT", "SANCTION"})
FACTUALITY_WEIGHT = {"asserted": 1.0, "reported": 0.8, "hedged": 0.5, "future": 0.3, "conditional": 0.2,
                     "negated": 0.0}
PERIODS = ("day", "week")


@dataclass(frozen=True)
class EventRecord:
    """One event as a flat, GDELT-like row: who did what to whom, where, when, how sure, said where."""

    event_id: str  # "<article id>:<event id>"
    date: str | None  # the event's day, else its article's publication day
    source: str | None
    source_country: str | None
    target: str | None
    target_country: str | None
    plover_type: str
    plover_mode: str
    cameo_root: str
    intensity: float  # Goldstein-style -10..+10
    location: str | None
    lat: float | None
    lon: float | None
    location_country: str | None
    weapons: tuple[str, ...]
    factuality: str
    confidence: float
    article_id: str
    article_url: str | None
    article_title: str
    quote: str | None
    quote_start: int | None
    quote_end: int | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> EventRecord:
        """Build from a ``Store.event_records`` row."""
        return cls(
            event_id=f"{row['article_id']}:{row['id']}", date=_event_day(row),
            source=row["source"], source_country=country(row["source"]),
            target=row["target"], target_country=country(row["target"]),
            plover_type=row["type"], plover_mode=row["mode"], cameo_root=row["cameo"], intensity=row["intensity"],
            location=row["location"], lat=row["lat"], lon=row["lon"], location_country=row["country"],
            weapons=tuple(row["weapons"]), factuality=row["factuality"], confidence=row["confidence"],
            article_id=row["article_id"], article_url=row["article_url"], article_title=row["article_title"],
            quote=row["quote"], quote_start=row["quote_start"], quote_end=row["quote_end"],
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["weapons"] = list(self.weapons)
        return d


COLUMNS = tuple(f.name for f in fields(EventRecord))
_SQL_TYPES = {"str": "VARCHAR", "str | None": "VARCHAR", "float": "DOUBLE", "float | None": "DOUBLE",
              "int | None": "BIGINT", "tuple[str, ...]": "VARCHAR[]"}
PARQUET_TYPES = {f.name: _SQL_TYPES[str(f.type)] for f in fields(EventRecord)}


@dataclass(frozen=True)
class IndexPoint:
    period: str  # YYYY-MM-DD, or YYYY-Www for weeks
    dyad: tuple[str, str]
    kinetic: float
    rhetorical: float
    total: float
    events: int
    event_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, "dyad": ":".join(self.dyad), "kinetic": self.kinetic,
                "rhetorical": self.rhetorical, "total": self.total, "events": self.events,
                "event_ids": list(self.event_ids)}


def country(code: str | None) -> str | None:
    """The country part of an actor code: "RUS-MIL" -> "RUS"."""
    return code.split("-", 1)[0].upper() if code else None


def parse_dyad(text: str) -> tuple[str, str]:
    """ "RUS:UKR" -> ("RUS", "UKR"); raises ConfigError for anything else."""
    parts = [p.strip().upper() for p in text.split(":")]
    if len(parts) != 2 or not all(parts):
        raise ConfigError(f"--dyad {text}: expected two actor codes as A:B (for example RUS:UKR)")
    return parts[0], parts[1]


def event_weight(record: EventRecord) -> float:
    """severity × factuality weight × confidence (see the module docstring)."""
    return max(0.0, -record.intensity) * FACTUALITY_WEIGHT.get(record.factuality, 0.0) * record.confidence


def index_points(
    records: Iterable[EventRecord],
    dyad: tuple[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
    by: str = "day",
) -> list[IndexPoint]:
    """The index per period and dyad, oldest period first; one dyad when given, else every dyad seen."""
    if by not in PERIODS:
        raise ConfigError(f"--by {by}: unknown period (use day or week)")
    wanted = frozenset(dyad) if dyad else None
    groups: dict[tuple[str, tuple[str, str]], list[EventRecord]] = defaultdict(list)
    for record in _between(records, since, until):
        kind = record.plover_type
        if kind not in KINETIC and kind not in RHETORICAL or record.date is None:
            continue
        if record.source_country is None or record.target_country is None:
            continue
        pair = frozenset({record.source_country, record.target_country})
        if wanted is not None and pair != wanted:
            continue
        key_dyad = dyad if dyad else _sorted_pair(record.source_country, record.target_country)
        groups[(_period(record.date, by), key_dyad)].append(record)
    points = []
    for (period, key_dyad), members in sorted(groups.items()):
        kinetic = sum(event_weight(r) for r in members if r.plover_type in KINETIC)
        rhetorical = sum(event_weight(r) for r in members if r.plover_type in RHETORICAL)
        points.append(IndexPoint(period, key_dyad, round(kinetic, 3), round(rhetorical, 3),
                                 round(kinetic + rhetorical, 3), len(members), tuple(r.event_id for r in members)))
    return points


def select_events(
    records: Iterable[EventRecord],
    *,
    place: str | None = None,
    weapon: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[EventRecord]:
    """Events at a place (name contains, or location country) and with a weapon (name contains)."""
    chosen = []
    for record in _between(records, since, until):
        if place and not (
            place.lower() in (record.location or "").lower() or place.upper() == record.location_country
        ):
            continue
        if weapon and not any(weapon.lower() in w.lower() for w in record.weapons):
            continue
        chosen.append(record)
        if limit is not None and len(chosen) >= limit:
            break
    return chosen


def index_series(
    store: Store,
    dyad: tuple[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
    by: str = "day",
) -> list[IndexPoint]:
    """``index_points`` over every stored event."""
    return index_points(load(store), dyad, since, until, by)


def events(
    store: Store,
    *,
    actor: str | None = None,
    target: str | None = None,
    type: str | None = None,
    place: str | None = None,
    weapon: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[EventRecord]:
    """Stored events matching every filter given, by article publication."""
    records = load(store, actor=actor, target=target, type=type)
    return select_events(records, place=place, weapon=weapon, since=since, until=until, limit=limit)


def load(store: Store, **filters: str | None) -> list[EventRecord]:
    return [EventRecord.of(row) for row in store.event_records(**filters)]


def plover_record(record: EventRecord) -> dict[str, Any]:
    """One event in PLOVER's JSON field names (event, mode, src_actor/src_agent, eventText...)."""
    return {
        "id": record.event_id,
        "date": record.date,
        "event": record.plover_type,
        "mode": record.plover_mode,
        "context": [],
        "source": record.source,
        "src_actor": record.source_country,
        "src_agent": _agent(record.source),
        "target": record.target,
        "tgt_actor": record.target_country,
        "tgt_agent": _agent(record.target),
        "eventText": record.quote,
        "location": None if record.location is None else {
            "name": record.location, "lat": record.lat, "lon": record.lon, "country": record.location_country,
        },
        "cameo_root": record.cameo_root,
        "intensity": record.intensity,
        "factuality": record.factuality,
        "confidence": record.confidence,
        "weapons": list(record.weapons),
        "url": record.article_url,
        "title": record.article_title,
    }  # fmt: skip


def write_records(records: Sequence[EventRecord], path: Path, fmt: str, *, plover: bool = False) -> None:
    """Write ``records`` to ``path`` as csv, jsonl or parquet; ``plover`` writes PLOVER JSON lines."""
    if plover:
        with path.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(plover_record(r), ensure_ascii=False) + "\n" for r in records)
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows({**r.to_dict(), "weapons": "; ".join(r.weapons)} for r in records)
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)
    elif fmt == "parquet":
        from redline.store.export import write_parquet

        write_parquet([r.to_dict() for r in records], path, PARQUET_TYPES)
    else:
        raise ConfigError(f"--format {fmt}: unknown export format (use parquet, csv or jsonl)")


def _between(records: Iterable[EventRecord], since: date | None, until: date | None) -> Iterable[EventRecord]:
    for record in records:
        if since is not None or until is not None:
            if record.date is None:
                continue
            day = date.fromisoformat(record.date)
            if (since is not None and day < since) or (until is not None and day > until):
                continue
        yield record


def _event_day(row: dict[str, Any]) -> str | None:
    for value in (row["date"], row["article_published"]):
        if value:
            try:
                return date.fromisoformat(str(value)[:10]).isoformat()
            except ValueError:
                continue
    return None


def _period(day: str, by: str) -> str:
    if by == "day":
        return day
    year, week, _ = datetime.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def _sorted_pair(a: str, b: str) -> tuple[str, str]:
    first, second = sorted((a, b))
    return first, second


def _agent(code: str | None) -> str | None:
    return code.split("-", 1)[1] if code and "-" in code else None
