"""The fourth growth of tests/data/realnews.jsonl (2026-12-07, issue #10; run once, then annotated by hand).

After three growths the validation half (143 documents) was still too small for its gaps to be measured well: the
tune-validation gap ceilings rejected every rule whose shape validation held only once or twice. This draw proposes
48 more documents by a seeded random choice that does not look at what the event coder makes of a text:

- 30 days of Wikipedia's Current Events portal 2002-2024, seed 50: days with at least three conflict items (as in
  ``realnews_grow.py``: conflict categories, or the ``CONFLICT`` keywords for uncategorised items), one a year and
  then 7 more drawn from the rest of the pool. Of each day, up to four conflict items, those with a ``SHAPES`` cue
  first (as in ``realnews_grow3.py``), printed in portal order. The ``is_event`` field of the source file marks
  topic headings from 2014 (as ``realnews_grow3.py`` reads it) but nearly every item of the early years, so it is
  read from 2014 only; items under six words (headings) and image captions are left out in every year.
- 6 days (``-misc``, seed 51) bundling four items of any other category, which mostly hold no political event.
- 6 pages of en.kremlin.ru, seed 52: 4 with a security cue in title or text, 2 without, 80-600 words.
- 6 White House statements and readouts (``statements-releases``, ``briefings-statements``), seed 53, at most
  600 words.

Every text is under 600 words, so none is cut (``truncated`` is kept for the format). No document already in
``realnews.jsonl``, ``threats.jsonl`` or ``dates.jsonl`` is drawn (for Current Events: no day already in
``realnews.jsonl``, with or without ``-misc``). Each record goes to the half its id hashes to
(``realnews_split.json``) before any rule is written on it. The records were annotated by hand from their text and
appended to ``realnews.jsonl`` after its first 282 records, in batches, in the order this script prints them.

    python tests/data/realnews_grow4.py /work/shared/data tests/data > candidates.jsonl
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
from realnews_grow3 import SHAPES  # noqa: E402

BEFORE = 282  # documents of realnews.jsonl before this draw (it appends after them)
MAX_PAGE_WORDS = 600
Record = dict[str, str | None]


def wcep(shared: Path, seen: set[str]) -> Iterator[Record]:
    days: dict[str, list[tuple[bool, str]]] = {}
    for line in gzip.open(shared / "wcep/wcep_items_2002_2024.jsonl.gz", "rt"):
        r = json.loads(line)
        text = " ".join(r["text"].split())
        if len(text.split()) < 6 or text.startswith("thumb|") or (r["date"] >= "2014" and not r["is_event"]):
            continue
        category = r["category"]
        conflict = bool(CONFLICT_CATEGORY.search(category)) or (
            category == "Uncategorized" and bool(CONFLICT.search(text)))
        days.setdefault(r["date"], []).append((conflict, text))
    rng = random.Random(50)
    fresh = sorted(d for d in days if f"wcep-{d}" not in seen)
    conflict_days = [d for d in fresh if sum(c for c, _ in days[d]) >= 3]
    picks: list[str] = [rng.choice([d for d in conflict_days if d[:4] == str(year)]) for year in range(2002, 2025)]
    picks += rng.sample([d for d in conflict_days if d not in picks], 7)
    for day in picks:
        items = [(i, t) for i, (c, t) in enumerate(days[day]) if c]
        chosen = sorted(sorted(items, key=lambda it: not SHAPES.search(it[1]))[:4])
        yield {"id": f"wcep-{day}", "source": "wcep", "origin": f"wcep/wcep_items_2002_2024.jsonl.gz ({day})",
               "published": day, "title": f"Wikipedia Current Events, {day}",
               "text": "\n".join(t for _, t in chosen), "truncated": None}
    rng = random.Random(51)
    other = [d for d in fresh if d not in picks and sum(not c for c, _ in days[d]) >= 4]
    for day in rng.sample(other, 6):
        yield {"id": f"wcep-{day}-misc", "source": "wcep", "origin": f"wcep/wcep_items_2002_2024.jsonl.gz ({day})",
               "published": day, "title": f"Wikipedia Current Events, {day}",
               "text": "\n".join(rng.sample([t for c, t in days[day] if not c], 4)), "truncated": None}


def whitehouse(shared: Path, seen: set[str]) -> Iterator[Record]:
    pool = []
    for line in gzip.open(shared / "whitehouse/wh_conflict_docs.jsonl.gz", "rt"):
        r = json.loads(line)
        if (r["category"] in {"statements-releases", "briefings-statements"} and r["source_url"] not in seen
                and len(" ".join(unwrap(r["text"])).split()) <= MAX_PAGE_WORDS):
            pool.append(r)
    for r in random.Random(53).sample(sorted(pool, key=lambda r: r["path"]), 6):
        text, note = cut(unwrap(r["text"]), "\n")
        slug = "-".join(r["path"].rsplit("/", 1)[1].removesuffix(".md").split("-")[3:8])
        title = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m[1], 16)), r["title"].replace("\\_", " ")).rstrip("\\ ")
        yield {"id": f"wh-{r['date']}-{slug}", "source": "whitehouse", "origin": r["source_url"],
               "published": r["date"], "title": title, "text": text, "truncated": note}


def main() -> None:
    shared, data = Path(sys.argv[1]), Path(sys.argv[2])
    seen = used(data, BEFORE)
    for gen in (wcep(shared, seen), kremlin(shared, seen, 52, (4, 2), MAX_PAGE_WORDS), whitehouse(shared, seen)):
        for r in gen:
            if r["truncated"] is None:
                del r["truncated"]
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
