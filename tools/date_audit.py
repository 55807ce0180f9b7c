"""Audit the dates of stored current events against their articles' publication dates.

    python tools/date_audit.py wcep.db                 # counts per class, five examples of each
    python tools/date_audit.py wcep.db --examples 20 --limit 100000
    python tools/date_audit.py wcep.db --ids flagged.txt   # also write the ids of the flagged articles

Reads a redline SQLite store (a path or a ``sqlite:///`` URL), opened read-only. Every event of status
``current`` with a date is put in one class:

- ``old_unnamed``: dated more than a year (366 days) before its article while its sentence (the event's first
  evidence quote, the one its date came from) does not write that year; the guide forbids it (issue #10: "no
  event dated more than a year before its article unless its sentence names that year");
- ``future``: dated more than ``--slack`` days (default 3) after its article: a current act is on or just
  before the day it is reported;
- ``old_named``: dated more than a year back, its sentence writing the year (a dated past act reported as
  current, or a year that belongs to something else); the line below it counts those whose stored clause text
  (the event's ``text``) writes the year, most often a past act dated right but kept as current (a status
  matter, not a date one);
- ``ok``: the rest.

Undated current events are counted apart. ``--ids FILE`` writes the article ids behind the events of the first
three classes, one a line, to re-code them.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

YEAR_DAYS = 366
CLASSES = ("old_unnamed", "future", "old_named", "ok")


@dataclass(frozen=True)
class Row:
    article_id: str
    published: date
    day: date
    sentence: str
    text: str
    type: str

    @property
    def lag(self) -> int:
        """Days from the event's date to its article's (positive: the event is older)."""
        return (self.published - self.day).days


def classify(row: Row, slack: int = 3) -> str:
    """The audit class of one current event (see the module docstring)."""
    if row.day < row.published - timedelta(days=YEAR_DAYS):
        return "old_named" if _writes_year(row.sentence, row.day.year) else "old_unnamed"
    if row.day > row.published + timedelta(days=slack):
        return "future"
    return "ok"


def _writes_year(text: str, year: int) -> bool:
    return re.search(rf"(?<!\d){year}(?!\d)", text) is not None


def connect(db: str) -> sqlite3.Connection:
    """A read-only connection to the SQLite store ``db`` (a path or a sqlite:/// URL)."""
    path = db.removeprefix("sqlite:///") if db.startswith("sqlite:///") else db
    if not Path(path).is_file():
        raise SystemExit(f"date_audit: no such SQLite file: {path}")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def rows(conn: sqlite3.Connection, limit: int | None = None) -> tuple[list[Row], int]:
    """The dated current events (with their article's date and sentence) and the number of undated ones."""
    sql = ("SELECT e.article_id, a.published, e.date, e.evidence, e.text, e.type FROM events e "
           "JOIN articles a ON a.id = e.article_id WHERE e.status = 'current' AND a.published IS NOT NULL "
           "ORDER BY a.published, e.article_id, e.seq")
    if limit:
        sql += f" LIMIT {int(limit)}"
    found: list[Row] = []
    undated = 0
    for article_id, published, day, evidence, text, etype in conn.execute(sql):
        if not day:
            undated += 1
            continue
        quotes = json.loads(evidence or "[]")
        found.append(Row(article_id, date.fromisoformat(str(published)[:10]), date.fromisoformat(day[:10]),
                         quotes[0]["quote"] if quotes else "", text, etype))
    return found, undated


def report(found: list[Row], undated: int, examples: int, slack: int) -> tuple[str, dict[str, list[Row]]]:
    """The counts per class with examples, and the rows of each class."""
    by: dict[str, list[Row]] = {c: [] for c in CLASSES}
    for row in found:
        by[classify(row, slack)].append(row)
    total = len(found) + undated
    lines = [f"{total} current events: {len(found)} dated, {undated} undated"]
    for c in CLASSES:
        years = Counter(r.day.year for r in by[c])
        lines.append(f"  {c:12s} {len(by[c]):6d}" + (f"   years: {dict(sorted(years.items()))}" if c != "ok" else ""))
        if c == "old_named":
            own = sum(_writes_year(r.text, r.day.year) for r in by[c])
            lines.append(f"    of which the year is in the event's stored clause text: {own}")
    for c in CLASSES[:3]:
        if not by[c] or not examples:
            continue
        lines.append(f"\n== {c} (first {min(examples, len(by[c]))} of {len(by[c])}, by article date)")
        for r in by[c][:examples]:
            lines.append(f"- {r.day} in {r.published} ({r.lag:+d} d) {r.type} [{r.article_id}] "
                         f"{' '.join(r.sentence.split())[:300]}")
    return "\n".join(lines), by


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="SQLite store: a path or a sqlite:/// URL (opened read-only)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N current events")
    parser.add_argument("--examples", type=int, default=5, help="examples shown per class (default 5)")
    parser.add_argument("--slack", type=int, default=3, help="days after the article still counted ok (default 3)")
    parser.add_argument("--ids", type=Path, default=None, help="write the flagged events' article ids here")
    args = parser.parse_args(argv)
    found, undated = rows(connect(args.db), args.limit)
    text, by = report(found, undated, args.examples, args.slack)
    print(text)
    if args.ids is not None:
        ids = sorted({r.article_id for c in CLASSES[:3] for r in by[c]})
        args.ids.write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
        print(f"\n{len(ids)} article ids written to {args.ids}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
