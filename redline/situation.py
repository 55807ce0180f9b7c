"""The situation picture: the escalation index over time per dyad, happenings, event listings and exports.

This is the one definition the CLI (`redline index`, `events`, `export`) and the dashboard and API
(``redline.web.picture``) share. Everything here is a pure function of the stored events
(``Store.event_records``) except the readers ``index_series``, ``covered_days``, ``dyads`` and ``events``.

Reports and happenings. An event is one report in one article. Reports of the same act in different articles
(same PLOVER type, same source and target countries, days at most two apart, no two named places that
differ) are one happening (``merge_reports``); the index counts happenings, and each point carries the
number of reports beside them.

The index. Each event's day is its own date, else its article's publication day (UTC). An event counts for
a dyad when its source and target countries are the dyad's two countries, in either direction; countries
are the first part of an actor code, so RUS-MIL counts for RUS. A happening adds its strongest report's

    weight = severity × factuality weight × confidence,    severity = max(0, −intensity)  (0..10)

where intensity is the Goldstein-style −10..+10 scale (cooperation adds nothing) and the factuality
weights are asserted 1.0, reported 0.8, hedged 0.5, future 0.3, conditional 0.2, negated 0. Kinetic
events (ASSAULT, COERCE, MOBILIZE) add to the kinetic component, rhetorical ones (THREATEN, ACCUSE,
PROTEST, REJECT, SANCTION) to the rhetorical one; other types are not part of the index. A point is one
period (a day, an ISO week or a month): kinetic, rhetorical, their total, its happenings and reports.
A period in which no article at all was stored has no data (None), which is not a zero.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from redline.errors import ConfigError
from redline.store import Store, schema

KINETIC = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
RHETORICAL = frozenset({"THREATEN", "ACCUSE", "PROTEST", "REJECT", "SANCTION"})
FACTUALITY_WEIGHT = {"asserted": 1.0, "reported": 0.8, "hedged": 0.5, "future": 0.3, "conditional": 0.2,
                     "negated": 0.0}
PERIODS = ("day", "week", "month")
MERGE_DAYS = 2  # reports of one act in different articles are at most this many days apart
DYAD = re.compile(r"^([A-Z0-9]{2,8})[:-]([A-Z0-9]{2,8})$")


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
class Happening:
    """One act as the reports of every article that tells of it: same type, same source and target countries,
    days at most ``MERGE_DAYS`` apart, and no two places named that differ. Its day is its earliest report's;
    its weight is its strongest report's, so five outlets reporting one strike weigh as one strike."""

    id: str  # the event_id of its first report
    date: str
    plover_type: str
    source_country: str
    target_country: str
    reports: tuple[EventRecord, ...]

    @property
    def weight(self) -> float:
        return max(event_weight(r) for r in self.reports)

    @property
    def places(self) -> frozenset[str]:
        return frozenset(p.strip().lower() for r in self.reports for p in (r.location or "").split(",") if p.strip())


@dataclass(frozen=True)
class IndexPoint:
    """One period of the index: what the happenings in it weigh, how many there were and how many reports
    told of them. ``total`` (and both components) is None when nothing at all was stored for the period: no
    data, which is not the same as a period of stored news without hostile acts (0)."""

    period: str  # YYYY-MM-DD, YYYY-Www or YYYY-MM
    date: str  # first day of the period, YYYY-MM-DD
    dyad: tuple[str, str] | None  # None: every dyad together
    kinetic: float | None
    rhetorical: float | None
    total: float | None
    happenings: int
    reports: int
    event_ids: tuple[str, ...]  # "<article id>:<event id>" of every report, happening by happening

    @property
    def has_data(self) -> bool:
        return self.total is not None

    def to_dict(self) -> dict[str, Any]:
        """The point for JSON: ``value`` is ``total``; ``events`` counts reports (one per event id)."""
        return {
            "period": self.period, "date": self.date, "dyad": ":".join(self.dyad) if self.dyad else None,
            "value": self.total, "total": self.total, "kinetic": self.kinetic, "rhetorical": self.rhetorical,
            "happenings": self.happenings, "reports": self.reports, "events": self.reports,
            "event_ids": [dict(zip(("article_id", "id"), ref.split(":", 1), strict=True)) for ref in self.event_ids],
        }  # fmt: skip


def country(code: str | None) -> str | None:
    """The country part of an actor code: "RUS-MIL" -> "RUS"."""
    return code.split("-", 1)[0].upper() if code else None


def parse_dyad(text: str) -> tuple[str, str]:
    """ "RUS:UKR" or "RUS-UKR" -> ("RUS", "UKR"); ConfigError for anything else."""
    m = DYAD.match(text.strip().upper())
    if not m:
        raise ConfigError(f"--dyad {text}: expected two actor codes as A:B (for example RUS:UKR)")
    return m.group(1), m.group(2)


def dyad_of(source: str | None, target: str | None) -> tuple[str, str] | None:
    """The unordered pair of two different countries, sorted; None unless both exist and differ."""
    a, b = country(source), country(target)
    if not a or not b or a == b:
        return None
    first, second = sorted((a, b))
    return first, second


def event_weight(record: EventRecord) -> float:
    """severity × factuality weight × confidence (see the module docstring)."""
    return max(0.0, -record.intensity) * FACTUALITY_WEIGHT.get(record.factuality, 0.0) * record.confidence


def merge_reports(records: Iterable[EventRecord], days: int = MERGE_DAYS) -> list[Happening]:
    """Group reports of the same act across articles into happenings, oldest first (see ``Happening``).

    Reports of one article never merge with each other: an article that tells of two strikes means two."""
    dated = sorted((r for r in records if r.date and r.source_country and r.target_country),
                   key=lambda r: (r.date or "", r.event_id))
    open_: dict[tuple[str, str, str], list[list[EventRecord]]] = defaultdict(list)
    groups: list[list[EventRecord]] = []
    for r in dated:
        key = (r.plover_type, r.source_country or "", r.target_country or "")
        day = date.fromisoformat(r.date or "")
        places = {p.strip().lower() for p in (r.location or "").split(",") if p.strip()}
        home = None
        for group in open_[key]:
            first = date.fromisoformat(group[0].date or "")
            group_places = {p.strip().lower() for g in group for p in (g.location or "").split(",") if p.strip()}
            if (day - first).days > days or any(g.article_id == r.article_id for g in group):
                continue
            if places and group_places and not places & group_places:
                continue
            home = group
            break
        if home is None:
            home = []
            groups.append(home)
            open_[key].append(home)
        home.append(r)
    return [Happening(g[0].event_id, g[0].date or "", g[0].plover_type, g[0].source_country or "",
                      g[0].target_country or "", tuple(g)) for g in groups]


def index_points(
    records: Iterable[EventRecord],
    dyad: tuple[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
    by: str = "day",
    *,
    combined: bool = False,
    covered: Collection[date] | None = None,
) -> list[IndexPoint]:
    """The index per period, oldest first: of one dyad when given, of every dyad together when ``combined``,
    else one series per dyad seen. Happenings are counted once (``merge_reports``).

    With ``covered`` (the days that have stored articles) a single series runs over every period from
    ``since`` (else its first covered day) to ``until`` (else its last): 0 where news was stored but held
    no hostile act, no data (None) where nothing was stored.
    """
    if by not in PERIODS:
        raise ConfigError(f"--by {by}: unknown period (use {', '.join(PERIODS)})")
    wanted = frozenset(dyad) if dyad else None
    hostile = []
    for record in _between(records, since, until):
        pair = dyad_of(record.source_country, record.target_country)
        if record.plover_type not in KINETIC | RHETORICAL or record.date is None or pair is None:
            continue
        if wanted is None or frozenset(pair) == wanted:
            hostile.append(record)
    groups: dict[tuple[str, tuple[str, str] | None], list[Happening]] = defaultdict(list)
    for h in merge_reports(hostile):
        key = None if combined else (dyad or dyad_of(h.source_country, h.target_country))
        groups[(period_of(h.date, by), key)].append(h)
    points = [_point(period, key, members, by) for (period, key), members in groups.items()]
    if covered is not None and (dyad is not None or combined):
        points = _fill(points, dyad, covered, since, until, by)
    return sorted(points, key=lambda p: (p.date, p.dyad or ("", "")))


def periods(first: date, last: date, by: str) -> list[tuple[str, date]]:
    """Every period (label, first day) from the one holding ``first`` to the one holding ``last``."""
    out: list[tuple[str, date]] = []
    day = period_start(first, by)
    while day <= last:
        out.append((period_of(day.isoformat(), by), day))
        if by == "day":
            day += timedelta(days=1)
        elif by == "week":
            day += timedelta(weeks=1)
        else:
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def period_start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def period_of(day: str, by: str) -> str:
    """The period label of an ISO day: the day itself, its ISO week (2024-W47) or its month (2024-11)."""
    if by == "day":
        return day[:10]
    if by == "month":
        return day[:7]
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def _point(period: str, key: tuple[str, str] | None, members: list[Happening], by: str) -> IndexPoint:
    kinetic = sum(h.weight for h in members if h.plover_type in KINETIC)
    rhetorical = sum(h.weight for h in members if h.plover_type in RHETORICAL)
    refs = tuple(r.event_id for h in sorted(members, key=lambda h: (h.date, h.id)) for r in h.reports)
    first = period_start(date.fromisoformat(min(h.date for h in members)), by).isoformat()
    return IndexPoint(period, first, key, round(kinetic, 3), round(rhetorical, 3), round(kinetic + rhetorical, 3),
                      len(members), len(refs), refs)


def _fill(points: list[IndexPoint], dyad: tuple[str, str] | None, covered: Collection[date], since: date | None,
          until: date | None, by: str) -> list[IndexPoint]:
    days = sorted(covered)
    first = since or (days[0] if days else None)
    last = until or (days[-1] if days else None)
    if first is None or last is None:
        return points
    seen = {p.period: p for p in points}
    with_news = {period_of(d.isoformat(), by) for d in days if first <= d <= last}
    out = []
    for label, start in periods(first, last, by):
        if label in seen:
            out.append(seen[label])
        else:
            value = 0.0 if label in with_news else None
            out.append(IndexPoint(label, start.isoformat(), dyad, value, value, value, 0, 0, ()))
    return out


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
    *,
    combined: bool = False,
    fill: bool = False,
) -> list[IndexPoint]:
    """``index_points`` over every stored event; ``fill`` marks periods without stored articles as no data."""
    return index_points(load(store), dyad, since, until, by, combined=combined,
                        covered=covered_days(store) if fill else None)


def covered_days(store: Store) -> set[date]:
    """The days (UTC) on which at least one stored article was published."""
    a = schema.articles
    return {r[0].date() for r in store.select(select(a.c.published).where(a.c.published.isnot(None)).distinct())}


def dyads(store: Store, limit: int = 8) -> list[tuple[tuple[str, str], int]]:
    """Dyads of countries with the most stored current events (of any type), most first."""
    e = schema.events
    rows = store.select(
        select(e.c.source, e.c.target, func.count())
        .where(e.c.source.isnot(None), e.c.target.isnot(None), e.c.status == schema.CURRENT)
        .group_by(e.c.source, e.c.target)
    )
    counts: Counter[tuple[str, str]] = Counter()
    for source, target, n in rows:
        pair = dyad_of(source, target)
        if pair:
            counts[pair] += int(n)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


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


def _agent(code: str | None) -> str | None:
    return code.split("-", 1)[1] if code and "-" in code else None
