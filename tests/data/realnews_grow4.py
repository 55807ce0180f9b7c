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
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews_grow import CONFLICT, CONFLICT_CATEGORY, kremlin, used  # noqa: E402
from realnews_grow3 import bundles, whitehouse  # noqa: E402

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
    yield from bundles(days, picks, fresh, 51)


def main() -> None:
    shared, data = Path(sys.argv[1]), Path(sys.argv[2])
    seen = used(data, BEFORE)
    drawn = (wcep(shared, seen), kremlin(shared, seen, 52, (4, 2), MAX_PAGE_WORDS),
             whitehouse(shared, seen, 53, MAX_PAGE_WORDS))
    for gen in drawn:
        for r in gen:
            if r["truncated"] is None:
                del r["truncated"]
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
