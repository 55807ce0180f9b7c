"""Outcome series that redline did not code itself: Ukrainian air-raid alerts and claimed Russian losses.

A folder laid out like ``redline/data/outcomes`` (the default) holds ``air_raid_alerts/*.csv.gz`` (one alert
a row with started_at, finished_at and its region, or oblast and level; the file whose name ends with the
latest date is read) and ``russia_losses/*.json`` (cumulative daily
claims). Each becomes a ``Series``: a value per day and the days it covers; a day inside the coverage with
no row is a zero (no alert, no new loss), a day outside it is unknown.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from redline.errors import RedlineError

LOSS_SERIES = ("personnel", "tank", "field artillery", "drone", "cruise missiles")


class OutcomeError(RedlineError):
    """An outcome folder or file that cannot be read."""


@dataclass(frozen=True)
class Series:
    """Daily values of one outcome series over ``first``..``last`` (ISO days, inclusive)."""

    name: str
    first: str
    last: str
    values: dict[str, float]

    def total(self, start: str, end: str) -> float | None:
        """Sum over ``start``..``end`` inclusive; None when the range leaves the coverage."""
        if start < self.first or end > self.last:
            return None
        first = date.fromisoformat(self.first)
        i, j = (date.fromisoformat(start) - first).days, (date.fromisoformat(end) - first).days + 1
        return self._running[j] - self._running[i] if j > i else 0.0

    @cached_property
    def _running(self) -> list[float]:
        """Running sums: ``_running[k]`` is the total of the first k days of the coverage."""
        out, day, stop = [0.0], date.fromisoformat(self.first), date.fromisoformat(self.last)
        while day <= stop:
            out.append(out[-1] + self.values.get(day.isoformat(), 0.0))
            day += timedelta(days=1)
        return out


def default_dir() -> Path:
    return Path(str(resources.files("redline").joinpath("data/outcomes")))


def load(folder: Path | None = None) -> tuple[Series, ...]:
    """Every series in ``folder`` (default: the shipped one): alert hours (all Ukraine and per oblast), losses."""
    root = folder or default_dir()
    if not root.is_dir():
        raise OutcomeError(f"{root}: not a folder (point --outcomes to a folder laid out like redline/data/outcomes)")
    out: list[Series] = []
    alert_files = sorted((root / "air_raid_alerts").glob("*.csv.gz"))
    if alert_files:
        out.extend(_alerts(max(alert_files, key=lambda p: p.name.rsplit("_", 1)[-1])))
    for path in sorted((root / "russia_losses").glob("russia_losses_*.json")):
        if "correction" not in path.name:
            out.extend(_losses(path))
    return tuple(out)


def _alerts(path: Path) -> list[Series]:
    """Alert hours per day (by start day) for all of Ukraine and per region (the volunteer file's ``region``, or
    the official feed's oblast-level rows)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows = list(csv.DictReader(io.StringIO(f.read())))
    except (OSError, EOFError, csv.Error, UnicodeDecodeError) as e:
        raise OutcomeError(f"{path}: cannot read alerts ({e})") from None
    per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    days: list[str] = []
    for row in rows:
        try:
            start = datetime.fromisoformat(row["started_at"])
            end = datetime.fromisoformat(row["finished_at"])
        except (KeyError, TypeError, ValueError):
            continue
        day = start.date().isoformat()
        days.append(day)
        region = row.get("region") or (row.get("oblast") if row.get("level") == "oblast" else None)
        if not region:
            continue  # raion- and hromada-level alerts of the official feed repeat their oblast's
        hours = max(0.0, min((end - start).total_seconds() / 3600, 48.0))
        per["alert hours: Ukraine"][day] += hours
        per[f"alert hours: {region}"][day] += hours
    if not days:
        raise OutcomeError(f"{path}: no alert rows with started_at/finished_at")
    first, last = min(days), max(days)
    last = (date.fromisoformat(last) - timedelta(days=1)).isoformat()  # the last day may be partial
    return [Series(name, first, last, dict(v)) for name, v in sorted(per.items())]


def _losses(path: Path) -> list[Series]:
    """Daily new losses (differences of the cumulative claims) for the series in ``LOSS_SERIES``."""
    try:
        rows: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise OutcomeError(f"{path}: cannot read losses ({e})") from None
    rows = sorted((r for r in rows if isinstance(r, dict) and "date" in r), key=lambda r: str(r["date"]))
    out: list[Series] = []
    for key in LOSS_SERIES:
        values: dict[str, float] = {}
        previous: float | None = None
        for r in rows:
            value = r.get(key)
            if isinstance(value, int | float):
                if previous is not None:
                    values[str(r["date"])] = max(0.0, float(value) - previous)
                previous = float(value)
        if len(values) > 60:
            out.append(Series(f"claimed losses: {key}", min(values), max(values), values))
    return out
