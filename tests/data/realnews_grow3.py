"""The third growth of tests/data/realnews.jsonl (2026-12-07, issue #10; run once, then annotated by hand).

After two growths each half held about 110 documents, and the validation half still lacked the shapes of conflict
reporting that held rules were written for (clashes "between A and B", claims of responsibility, arrests and
charges, casualty tolls, ceasefires): such rules moved tune only. This draw proposes 60 more documents, weighted
toward conflict reporting by source and category cues only, by a seeded random choice that does not look at what
the event coder makes of a text:

- 38 days of Wikipedia's Current Events portal 2014-2024, seed 40: days with at least three conflict items (as in
  ``realnews_grow.py``: conflict categories, or the ``CONFLICT`` keywords for uncategorised items), one a year and
  then 27 more drawn from the rest of the pool. Of each day, up to four conflict items (topic headings left out),
  those with a ``SHAPES`` cue first, printed in portal order.
- 6 days (``-misc``, seed 41) bundling four items of any other category, which mostly hold no political event.
- 10 pages of en.kremlin.ru, seed 42: 7 with a security cue in title or text, 3 without, 80-500 words.
- 6 White House statements and readouts (``statements-releases``, ``briefings-statements``), seed 43, at most 500
  words.

Kremlin and White House pages are drawn short (at most 500 words) so that the hours of annotation go into more
documents rather than longer ones; no text is then over 900 words and none is cut (``truncated`` is kept for the
format). Voice of America: no story of ``voa_more.jsonl`` is left outside the set, the no-event set and the
packaged sample (``realnews_grow2.py`` used the last 16).

No document already in ``realnews.jsonl``, ``threats.jsonl`` or ``dates.jsonl`` is drawn (for Current Events: no
day already in ``realnews.jsonl``, with or without ``-misc``). Each record goes to the half its id hashes to
(``realnews_split.json``) before any rule is written on it. The records were annotated by hand from their text and
appended to ``realnews.jsonl`` after its first 222 records, in batches, in the order this script prints them.

    python tests/data/realnews_grow3.py /work/shared/data tests/data > candidates.jsonl
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews_grow import CONFLICT, CONFLICT_CATEGORY, cut, kremlin, unwrap, used  # noqa: E402

BEFORE = 222  # documents of realnews.jsonl before this draw (it appends after them)
MAX_PAGE_WORDS = 500
SHAPES = re.compile(r"\b(clash\w*|fighting between|responsib\w+|claim\w*|charg\w+|arrest\w*|detain\w*|"
                    r"kill\w*|death toll|ceasefire|truce)\b", re.I)
Record = dict[str, str | None]


def wcep(shared: Path, seen: set[str]) -> Iterator[Record]:
    days: dict[str, list[tuple[bool, str]]] = {}
    for line in gzip.open(shared / "wcep/wcep_items_2002_2024.jsonl.gz", "rt"):
        r = json.loads(line)
        if not "2014" <= r["date"] < "2025" or not r["is_event"]:
            continue
        category = r["category"]
        conflict = bool(CONFLICT_CATEGORY.search(category)) or (
            category == "Uncategorized" and bool(CONFLICT.search(r["text"])))
        days.setdefault(r["date"], []).append((conflict, " ".join(r["text"].split())))
    rng = random.Random(40)
    fresh = sorted(d for d in days if f"wcep-{d}" not in seen)
    conflict_days = [d for d in fresh if sum(c for c, _ in days[d]) >= 3]
    picks: list[str] = [rng.choice([d for d in conflict_days if d[:4] == str(year)]) for year in range(2014, 2025)]
    picks += rng.sample([d for d in conflict_days if d not in picks], 27)
    yield from bundles(days, picks, fresh, 41)


def bundles(days: dict[str, list[tuple[bool, str]]], picks: list[str], fresh: list[str], misc_seed: int
            ) -> Iterator[Record]:
    """The picked days as documents (up to four conflict items, those with a ``SHAPES`` cue first, in portal
    order), then six days of other news drawn with ``misc_seed`` from the fresh days not picked."""
    for day in picks:
        items = [(i, t) for i, (c, t) in enumerate(days[day]) if c]
        chosen = sorted(sorted(items, key=lambda it: not SHAPES.search(it[1]))[:4])
        yield {"id": f"wcep-{day}", "source": "wcep", "origin": f"wcep/wcep_items_2002_2024.jsonl.gz ({day})",
               "published": day, "title": f"Wikipedia Current Events, {day}",
               "text": "\n".join(t for _, t in chosen), "truncated": None}
    rng = random.Random(misc_seed)
    other = [d for d in fresh if d not in picks and sum(not c for c, _ in days[d]) >= 4]
    for day in rng.sample(other, 6):
        yield {"id": f"wcep-{day}-misc", "source": "wcep", "origin": f"wcep/wcep_items_2002_2024.jsonl.gz ({day})",
               "published": day, "title": f"Wikipedia Current Events, {day}",
               "text": "\n".join(rng.sample([t for c, t in days[day] if not c], 4)), "truncated": None}


def whitehouse(shared: Path, seen: set[str], seed: int = 43, max_words: int = MAX_PAGE_WORDS) -> Iterator[Record]:
    """Six White House statements or readouts of at most ``max_words`` words, drawn with ``seed``."""
    pool = []
    for line in gzip.open(shared / "whitehouse/wh_conflict_docs.jsonl.gz", "rt"):
        r = json.loads(line)
        if (r["category"] in {"statements-releases", "briefings-statements"} and r["source_url"] not in seen
                and len(" ".join(unwrap(r["text"])).split()) <= max_words):
            pool.append(r)
    for r in random.Random(seed).sample(sorted(pool, key=lambda r: r["path"]), 6):
        text, note = cut(unwrap(r["text"]), "\n")
        slug = "-".join(r["path"].rsplit("/", 1)[1].removesuffix(".md").split("-")[3:8])
        title = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m[1], 16)), r["title"].replace("\\_", " ")).rstrip("\\ ")
        yield {"id": f"wh-{r['date']}-{slug}", "source": "whitehouse", "origin": r["source_url"],
               "published": r["date"], "title": title, "text": text, "truncated": note}


def main() -> None:
    shared, data = Path(sys.argv[1]), Path(sys.argv[2])
    seen = used(data, BEFORE)
    for gen in (wcep(shared, seen), kremlin(shared, seen, 42, (7, 3), MAX_PAGE_WORDS), whitehouse(shared, seen)):
        for r in gen:
            if r["truncated"] is None:
                del r["truncated"]
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
