"""Check the quotes of redline/data/redlines.csv against the source texts in ../shared/data.

For every row whose ``source`` (or ``crossing_source``) is a document held in the shared data, the row's
``quote`` (or ``crossing_quote``) must occur in that document's text, after folding whitespace, curly
quotes and Markdown links. Documents held: en.kremlin.ru pages (kremlin/), White House briefing-room
documents (whitehouse/) and Wikipedia Current Events portal days (wcep/, cited as
https://en.wikipedia.org/wiki/Portal:Current_events/YYYY_Month_D).

    python tools/check_redline_quotes.py [--data ../shared/data] [--verbose]

Prints one line per failure and the totals; exits 1 when a quote is missing from its cited document.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "redline" / "data" / "redlines.csv"
PORTAL = re.compile(r"^https://en\.wikipedia\.org/wiki/Portal:Current_events/(\d{4})_([A-Za-z]+)_(\d{1,2})$")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " "})


def fold(text: str) -> str:
    """Text compared: Markdown links reduced to their words, quotes and dashes straightened, spaces folded."""
    return " ".join(LINK.sub(r"\1", text).replace("\\", "").translate(FOLD).split()).lower()


def load(data: Path) -> dict[str, str]:
    """Source key -> folded text of every document the shared data holds."""
    docs: dict[str, str] = {}
    with gzip.open(data / "kremlin" / "kremlin_en_pages.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[_key(d["url"])] = fold(" ".join(d["paragraphs"]))
    with gzip.open(data / "whitehouse" / "wh_conflict_docs.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[_key(d["source_url"])] = fold(d["text"])
    days: dict[str, list[str]] = defaultdict(list)
    with gzip.open(data / "wcep" / "wcep_items_2002_2024.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            days[d["date"]].append(d["text"])
    for day, items in days.items():
        docs["wcep:" + day] = fold(" \n ".join(items))
    return docs


def _key(url: str) -> str:
    m = PORTAL.match(url)
    if m:
        day = datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%Y %B %d").date().isoformat()
        return "wcep:" + day
    return re.sub(r"^https?://", "", url).rstrip("/")


def check(rows: list[dict[str, str]], docs: dict[str, str]) -> tuple[dict[str, int], list[str]]:
    counts = {"rows": len(rows), "with_quote": 0, "verified": 0, "source_not_held": 0, "failed": 0,
              "crossings_verified": 0, "crossings_failed": 0}
    failures = []
    for r in rows:
        if r.get("quote"):
            counts["with_quote"] += 1
        for source, quote, ok, bad in (("source", "quote", "verified", "failed"),
                                       ("crossing_source", "crossing_quote", "crossings_verified", "crossings_failed")):
            url, words = r.get(source, ""), r.get(quote, "")
            if not url or not words:
                continue
            text = docs.get(_key(url))
            if text is None:
                if source == "source":
                    counts["source_not_held"] += 1
                continue
            if fold(words) in text:
                counts[ok] += 1
            else:
                counts[bad] += 1
                failures.append(f"{r['id']}: {quote} not found in {url}: {words[:80]!r}")
    return counts, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="the shared data folder")
    parser.add_argument("--ledger", type=Path, default=LEDGER)
    args = parser.parse_args()
    if not (args.data / "wcep").is_dir():
        print(f"{args.data}: no shared data here (give --data PATH)", file=sys.stderr)
        return 2
    rows = list(csv.DictReader(args.ledger.open(encoding="utf-8")))
    counts, failures = check(rows, load(args.data))
    for line in failures:
        print(line)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
