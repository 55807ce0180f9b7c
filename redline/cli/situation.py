"""`redline index`, `redline events`, `redline export`: the situation picture from stored events."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from redline.cli._options import MAX_LIMIT, InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError
from redline.situation import (
    COLUMNS,
    EventRecord,
    Happening,
    IndexPoint,
    events,
    index_series,
    load,
    merge_reports,
    parse_dyad,
    write_records,
)
from redline.store import open_store

FORMATS = ("table", "csv", "json")
QUOTE_CHARS = 90


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def _dates(f: Any) -> Any:
    f = click.option("--until", metavar="YYYY-MM-DD", callback=_day, help="Last day included.")(f)
    return click.option("--since", metavar="YYYY-MM-DD", callback=_day, help="First day included.")(f)


def _format(f: Any) -> Any:
    return click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for reading, csv or json for tools.")(f)


@click.command("index")
@click.option("--dyad", metavar="A:B", default=None,
              help="Two actor codes (country level: RUS-MIL counts for RUS); default: every dyad.")
@_dates
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="day", show_default=True, help="Period.")
@_format
@click.option("--events", "with_events", is_flag=True, help="List each point's events and evidence quotes.")
@db_option
@settings_option
def index_cli(dyad: str | None, since: date | None, until: date | None, by: str, fmt: str, with_events: bool,
              db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """The escalation index over time per dyad, kinetic and rhetorical components apart.

    Reports of one act in several articles (same type and countries, at most two days apart, no
    differing places) are one happening; the index counts happenings and shows their reports beside
    them. Each happening adds max(0, -intensity) x factuality weight x confidence of its strongest
    report: ASSAULT, COERCE and MOBILIZE to the kinetic component, THREATEN, ACCUSE, PROTEST, REJECT and
    SANCTION to the rhetorical one. With --dyad every period is listed, "no data" where no article at
    all was stored.

    Example:

        redline index --dyad RUS:UKR --by week --events
    """
    settings = load_settings(settings_pairs, db)
    try:
        pair = parse_dyad(dyad) if dyad else None
        with open_store(settings.db or None) as store:
            points = index_series(store, pair, since, until, by, fill=pair is not None)
            records = {r.event_id: r for r in load(store)} if with_events else {}
    except RedlineError as e:
        raise InputError(str(e)) from None
    click.echo(_render_index(points, records, fmt, with_events), nl=False)


@click.command("events")
@click.option("--actor", metavar="CODE", help="Source actor code (RUS matches RUS-MIL).")
@click.option("--target", metavar="CODE", help="Target actor code.")
@click.option("--type", "type_", metavar="PLOVER", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--place", metavar="NAME", help="Location name (contains) or its country code.")
@click.option("--weapon", metavar="NAME", help="Weapon name (contains).")
@_dates
@click.option("--limit", "-n", type=click.IntRange(min=1, max=MAX_LIMIT), default=None,
              help="Show at most N events.")
@click.option("--happenings", is_flag=True,
              help="Group the events into happenings: reports of one act in several articles (same type and "
                   "countries, at most two days apart, no differing places) listed under it. Events without "
                   "both countries or a date are left out.")
@_format
@db_option
@settings_option
def events_cli(actor: str | None, target: str | None, type_: str | None, place: str | None, weapon: str | None,
               since: date | None, until: date | None, limit: int | None, happenings: bool, fmt: str,
               db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """List stored events with their evidence, filtered by actor, target, type, place, weapon and dates.

    Examples:

        redline events --actor RUS --type ASSAULT --since 2024-11-01

        redline events --type ASSAULT --happenings --format json
    """
    settings = load_settings(settings_pairs, db)
    try:
        with open_store(settings.db or None) as store:
            found = events(store, actor=actor, target=target, type=type_, place=place, weapon=weapon,
                           since=since, until=until, limit=None if happenings else limit)
    except RedlineError as e:
        raise InputError(str(e)) from None
    if happenings:
        click.echo(_render_happenings(merge_reports(found)[:limit], fmt), nl=False)
    else:
        click.echo(_render_events(found, fmt), nl=False)


@click.command("export")
@click.option("--format", "-f", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), required=True,
              help="parquet (needs pip install 'redline[corpus]'), csv or jsonl.")
@click.option("--plover", is_flag=True, help="PLOVER JSON records instead of the flat table (with --format jsonl).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (replaced).")
@db_option
@settings_option
def export_cli(fmt: str, plover: bool, output: Path, db: str | None,
               settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Export every stored event as a flat GDELT-like table, or as PLOVER JSON records.

    Columns: event_id, date, source, source_country, target, target_country, plover_type, plover_mode,
    cameo_root, intensity (Goldstein-style), location, lat, lon, location_country, weapons, factuality,
    confidence, article_id, article_url, article_title, quote, quote_start, quote_end.

    Example:

        redline export --format parquet --output events.parquet
    """
    if plover and fmt != "jsonl":
        raise InputError(f"--plover: PLOVER records are JSON lines (use --format jsonl, not {fmt})")
    if not output.parent.is_dir():
        raise InputError(f"{output}: directory does not exist")
    settings = load_settings(settings_pairs, db)
    try:
        with open_store(settings.db or None) as store:
            records = load(store)
        write_records(records, output, fmt, plover=plover)
    except RedlineError as e:
        raise InputError(str(e)) from None
    except _write_errors(fmt) as e:  # a full disk, a read-only folder
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e).strip().splitlines()[0][:300]
        raise InputError(f"{output}: cannot write the export ({reason})") from None
    click.echo(f"{len(records)} events written to {output}", err=True)


def _write_errors(fmt: str) -> tuple[type[Exception], ...]:
    """What writing an export raises when the disk refuses: OSError, and DuckDB's own IOException for Parquet."""
    if fmt != "parquet":
        return (OSError,)
    try:
        import duckdb
    except ImportError:
        return (OSError,)
    return (OSError, duckdb.IOException)


def _render_index(points: Sequence[IndexPoint], records: dict[str, EventRecord], fmt: str, with_events: bool) -> str:
    if fmt == "json":
        payload = []
        for p in points:
            d = p.to_dict()
            if with_events:
                d["evidence"] = [{"event_id": i, "quote": records[i].quote} for i in p.event_ids]
            payload.append(d)
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["period", "dyad", "kinetic", "rhetorical", "total", "happenings", "reports"]
                        + (["event_ids"] if with_events else []))
        for p in points:
            writer.writerow([p.period, ":".join(p.dyad) if p.dyad else "", _num(p.kinetic), _num(p.rhetorical),
                             _num(p.total), p.happenings, p.reports] + ([" ".join(p.event_ids)] if with_events else []))
        return out.getvalue()
    if not any(p.has_data for p in points):
        return "no events for the index (kinetic or rhetorical events with two countries and a date)\n"
    lines = [f"{'period':<10}  {'dyad':<7}  {'kinetic':>8}  {'rhetorical':>10}  {'total':>8}  {'happenings':>10}  "
             f"{'reports':>7}"]
    for p in points:
        dyad = ":".join(p.dyad) if p.dyad else "all"
        if not p.has_data:
            lines.append(f"{p.period:<10}  {dyad:<7}  {'no data':>8}")
            continue
        lines.append(f"{p.period:<10}  {dyad:<7}  {p.kinetic or 0:>8.2f}  {p.rhetorical or 0:>10.2f}  "
                     f"{p.total or 0:>8.2f}  {p.happenings:>10}  {p.reports:>7}")
        for event_id in p.event_ids if with_events else ():
            r = records[event_id]
            lines.append(f"    {event_id}  {r.plover_type} {r.source}->{r.target}  \"{_short(r.quote)}\"")
    return "\n".join(lines) + "\n"


def _num(value: float | None) -> str:
    return "" if value is None else str(value)


def _render_happenings(found: Sequence[Happening], fmt: str) -> str:
    if fmt in {"json", "csv"}:
        rows: list[dict[str, Any]] = [
            {"happening": h.id, "date": h.date, "type": h.plover_type, "source_country": h.source_country,
             "target_country": h.target_country, "reports": len(h.reports), "weight": round(h.weight, 3),
             "event_ids": [r.event_id for r in h.reports]} for h in found]
        if fmt == "json":
            return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["happening"], lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "event_ids": " ".join(r["event_ids"])} for r in rows)
        return out.getvalue()
    if not found:
        return "no happenings match\n"
    lines = []
    for h in found:
        lines.append(f"{h.date}  {h.plover_type} {h.source_country}->{h.target_country}  "
                     f"{len(h.reports)} report{'s' if len(h.reports) != 1 else ''}")
        for r in h.reports:
            lines.append(f"    {r.date}  {r.event_id}  {r.article_title[:40]}: \"{_short(r.quote)}\"")
    return "\n".join(lines) + "\n"


def _render_events(found: Sequence[EventRecord], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([r.to_dict() for r in found], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r.to_dict(), "weapons": "; ".join(r.weapons)} for r in found)
        return out.getvalue()
    if not found:
        return "no events match\n"
    lines = []
    for r in found:
        where = f" at {r.location}" if r.location else ""
        arms = f" with {', '.join(r.weapons)}" if r.weapons else ""
        lines.append(f"{r.date or '----------'}  {r.event_id}  {r.plover_type} {r.source}->{r.target}{where}{arms}"
                     f"  [{r.factuality}]")
        lines.append(f"    \"{_short(r.quote)}\"")
    return "\n".join(lines) + "\n"


def _short(quote: str | None) -> str:
    text = " ".join((quote or "").split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
