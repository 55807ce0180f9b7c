"""Coded escalation history: dated (dyad, rung) records from the Wikipedia Current Events portal.

This module holds the record format, the table reader and writer, and the documented interim keyword coder of
the escalation family (``docs/forecasting.md``): each item of the portal is one short dated report; the item's
``category`` keeps out sport, arts, science, business, health and disasters, state actors are found by the
project's actor aliases (``redline/data/actors.csv`` rows of kind ``state``, ``government`` and ``military``,
reduced to their country) and the rung of the escalation ladder (``redline.assess.LADDER``) by a light keyword
classifier (``RUNG_WORDS``, highest match wins). Two or more states make interstate dyads (every pair, codes
sorted: ``RUS:UKR``); one state alone makes its internal theatre (``SYR:SYR``).

The shipped table is now coded by the full event coder (``redline batch`` over the same file, read by
``scenarios.coded``), which scored better walk-forward (``docs/forecasting.md``); the keyword coder stays for
comparison and codes the what-if simulator's ``--given`` sentence. The table format is the same::

    nice -n 10 python -m redline.scenarios.history BATCH_FOLDER                        # full coder (shipped)
    nice -n 10 python -m redline.scenarios.history wcep_items_2002_2024.jsonl.gz TABLE  # keyword coder
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import combinations
from pathlib import Path

TABLE = "wcep_escalation.csv.gz"
FIRST_YEAR = "2014"
SKIPPED_CATEGORIES = ("sport", "arts", "science", "business", "health", "disaster")

# Rung -> words that put a report on it (lower-case prefixes at word starts); the highest matching rung wins.
RUNG_WORDS: dict[int, tuple[str, ...]] = {
    9: ("nuclear weapon", "nuclear test", "nuclear strike", "nuclear threat", "nuclear-capable", "warhead",
        "nuclear missile", "icbm", "intercontinental ballistic"),
    6: ("airstrike", "air strike", "air raid", "missile", "rocket", "drone strike", "drone attack", "bomb",
        "shell", "artillery", "air attack", "strikes on"),
    5: ("clash", "fighting", "battle", "offensive", "attack", "kill", "invade", "invasion", "ambush",
        "captur", "gunfire", "militant", "insurgen", "casualt", "troops kill", "soldiers"),
    4: ("troops", "deploy", "mobiliz", "mobilis", "military exercise", "military drill", "warship",
        "buildup", "build-up", "naval", "reinforcement"),
    3: ("sanction", "embargo", "expel", "expels", "tariff", "blockade", "sever"),
    2: ("threaten", "threat", "warns", "warned", "ultimatum"),
    1: ("condemn", "accuse", "protest", "summon", "denounce", "criticiz", "criticis"),
}


@dataclass(frozen=True)
class Record:
    """One coded report: on ``day``, the portal reported an act of ``rung`` in ``dyad``."""

    day: str
    dyad: str
    rung: int


@cache
def _aliases() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("redline").joinpath("data/actors.csv").read_text("utf-8")
    out: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        if row["kind"] in {"state", "government", "military"} and len(row["alias"]) > 2:
            out[row["alias"]] = row["code"].split("-")[0]
    return tuple((re.compile(rf"\b{re.escape(alias)}\b"), code)
                 for alias, code in sorted(out.items(), key=lambda kv: -len(kv[0])))


@cache
def _rung_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    return tuple((rung, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")"))
                 for rung, words in sorted(RUNG_WORDS.items(), reverse=True))


def states_in(text: str) -> tuple[str, ...]:
    """Country codes of the states ``text`` names, in order of first mention (longest alias first)."""
    found: dict[str, int] = {}
    taken: list[tuple[int, int]] = []
    for pattern, code in _aliases():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found[code] = min(found.get(code, m.start()), m.start())
    return tuple(sorted(found, key=found.__getitem__))


def rung_of(text: str) -> int:
    """The highest ladder rung whose words ``text`` uses (0 when none)."""
    low = text.lower()
    return next((rung for rung, pattern in _rung_patterns() if pattern.search(low)), 0)


def code_item(day: str, category: str | None, text: str) -> list[Record]:
    """The records of one portal item: one per dyad it names, at the rung its words reach."""
    if any(word in (category or "").lower() for word in SKIPPED_CATEGORIES):
        return []
    rung = rung_of(text)
    if rung == 0:
        return []
    states = states_in(text)[:4]
    dyads = [":".join(sorted(p)) for p in combinations(states, 2)] or [f"{s}:{s}" for s in states]
    return [Record(day, d, rung) for d in dyads]


def code_file(path: Path, first_year: str = FIRST_YEAR) -> Iterator[Record]:
    """Records of every item of a Current Events JSONL(.gz) file dated from ``first_year``."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if str(item.get("date", "")) >= first_year:
                yield from code_item(item["date"], item.get("category"), item.get("text") or "")


def write_table(records: Iterable[Record], path: Path) -> int:
    """Write records as a gzip CSV (day, dyad, rung); returns how many."""
    n = 0
    with gzip.open(path, "wt", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(("day", "dyad", "rung"))
        for r in sorted(records, key=lambda r: (r.day, r.dyad, r.rung)):
            writer.writerow((r.day, r.dyad, r.rung))
            n += 1
    return n


def read_table(path: Path | None = None) -> tuple[Record, ...]:
    """The coded history (default: the table shipped in ``redline/data/outcomes``), oldest first."""
    if path is None:
        data = resources.files("redline").joinpath(f"data/outcomes/{TABLE}").read_bytes()
        text = gzip.decompress(data).decode("utf-8")
    else:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            text = f.read()
    return tuple(Record(r["day"], r["dyad"], int(r["rung"])) for r in csv.DictReader(io.StringIO(text)))


def main(argv: list[str]) -> int:
    """``python -m redline.scenarios.history SOURCE [TABLE]``: code the escalation history and write the table (default:
    the shipped one). SOURCE is a ``redline batch`` output folder (the full coder, ``scenarios.coded``) or the
    Current Events JSONL(.gz) file itself (the keyword coder)."""
    if len(argv) not in (1, 2):
        sys.stderr.write("usage: python -m redline.scenarios.history BATCH_FOLDER|WCEP_JSONL_GZ [TABLE.csv.gz]\n")
        return 2
    source = Path(argv[0])
    target = Path(argv[1]) if len(argv) == 2 else Path(__file__).resolve().parents[1] / "data" / "outcomes" / TABLE
    if not source.exists():
        sys.stderr.write(f"{source}: no such file or folder\n")
        return 2
    if source.is_dir():
        from redline.scenarios.coded import BatchFolderError, code_batch

        try:
            coded: Iterable[Record] = code_batch(source)
        except BatchFolderError as e:
            sys.stderr.write(f"{e}\n")
            return 2
    else:
        coded = code_file(source)
    count = write_table(coded, target)
    sys.stdout.write(f"wrote {count} records to {target}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
