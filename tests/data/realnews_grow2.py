"""The second growth of tests/data/realnews.jsonl (2026-12-06, issue #10; run once, then annotated by hand).

After the first growth (``realnews_grow.py``) each half held about 80 documents. This draw proposes 61 more,
weighted toward what users feed the system (agency stories, government pages, a day of news), by a seeded random
choice that does not look at what the event coder makes of a text:

- Voice of America: every story of ``voa_more.jsonl`` not used yet (16; the brief asked for 25, no more are left),
  in an order drawn with seed 30. Left out: the stories already in ``realnews.jsonl`` (whole or opening), the eight
  whose sentences make ``redline_no_event.jsonl``, and ``voa_articles_dev.jsonl`` whole (all 22 of its stories are
  the packaged sample ``redline/data/sample/voa_articles.jsonl``).
- 20 days of Wikipedia's Current Events portal 2014-2024, seed 31: 15 days with at least three conflict items
  (one a year, then four more drawn from the rest of the pool), up to four of their conflict items in portal order;
  and 5 days (``-misc``) bundling four items of any other category, which mostly hold no political event.
- 12 pages of en.kremlin.ru, seed 32: 8 with a security cue in title or text, 4 without, at least 80 words.
- 13 White House statements, readouts, remarks and press briefings, seed 33.

No document already in ``realnews.jsonl``, ``threats.jsonl`` or ``dates.jsonl`` is drawn (for Current Events: no
day already in ``realnews.jsonl``). Texts over 900 words are cut as in ``realnews_grow.py`` (first paragraphs, or
sentences for VOA, within 900 words) and say so in ``truncated``. Each record goes to the half its id hashes to
(``realnews_split.json``) before any rule is written on it. All 61 were annotated and appended to
``realnews.jsonl`` after its first 161 records, one source at a time (Current Events, Kremlin, White House, VOA),
each source in the order this script prints it.

    python tests/data/realnews_grow2.py /work/shared/data tests/data > candidates.jsonl
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
from realnews_grow import CONFLICT, CONFLICT_CATEGORY, SENTENCE, cut, kremlin, unwrap, used  # noqa: E402

BEFORE = 161  # documents of realnews.jsonl before this draw (it appends after them)
Record = dict[str, str | None]


def voa(shared: Path, data: Path, seen: set[str]) -> Iterator[Record]:
    no_event = {json.loads(line)["source"].split("#")[1] for line in (data / "redline_no_event.jsonl").open()}
    pool = [json.loads(line) for line in (shared / "voa_more.jsonl").open()]
    pool = sorted((r for r in pool if r["id"] not in no_event and f"voa-{r['id']}" not in seen), key=lambda r: r["id"])
    for r in random.Random(30).sample(pool, min(25, len(pool))):
        text, note = cut(SENTENCE.split(r["text"]), " ")
        yield {"id": f"voa-{r['id']}", "source": "voa", "origin": r["url"], "published": r["published"][:10],
               "title": r["title"], "text": text, "truncated": note}


def whitehouse(shared: Path, seen: set[str]) -> Iterator[Record]:
    kinds = {"statements-releases", "briefings-statements", "releases", "speeches-remarks", "remarks",
             "press-briefings"}
    pool = []
    for line in gzip.open(shared / "whitehouse/wh_conflict_docs.jsonl.gz", "rt"):
        r = json.loads(line)
        if r["category"] in kinds and r["source_url"] not in seen:
            pool.append(r)
    for r in random.Random(33).sample(sorted(pool, key=lambda r: r["path"]), 13):
        text, note = cut(unwrap(r["text"]), "\n")
        slug = "-".join(r["path"].rsplit("/", 1)[1].removesuffix(".md").split("-")[3:8])
        title = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m[1], 16)), r["title"].replace("\\_", " ")).rstrip("\\ ")
        yield {"id": f"wh-{r['date']}-{slug}", "source": "whitehouse", "origin": r["source_url"],
               "published": r["date"], "title": title, "text": text, "truncated": note}


def wcep(shared: Path, seen: set[str]) -> Iterator[Record]:
    days: dict[str, list[tuple[bool, str]]] = {}
    for line in gzip.open(shared / "wcep/wcep_items_2002_2024.jsonl.gz", "rt"):
        r = json.loads(line)
        if not "2014" <= r["date"] < "2025":
            continue
        category = r["category"]
        conflict = bool(CONFLICT_CATEGORY.search(category)) or (
            category == "Uncategorized" and bool(CONFLICT.search(r["text"])))
        days.setdefault(r["date"], []).append((conflict, " ".join(r["text"].split())))
    rng = random.Random(31)
    fresh = sorted(d for d in days if f"wcep-{d}" not in seen)
    conflict_days = [d for d in fresh if sum(c for c, _ in days[d]) >= 3]
    picks: list[str] = [rng.choice([d for d in conflict_days if d[:4] == str(year)]) for year in range(2014, 2025)]
    picks += rng.sample([d for d in conflict_days if d not in picks], 4)
    for day in picks:
        yield {"id": f"wcep-{day}", "source": "wcep", "origin": f"wcep/wcep_items_2002_2024.jsonl.gz ({day})",
               "published": day, "title": f"Wikipedia Current Events, {day}",
               "text": "\n".join([t for c, t in days[day] if c][:4]), "truncated": None}
    other = [d for d in fresh if d not in picks and sum(not c for c, _ in days[d]) >= 4]
    for day in rng.sample(other, 5):
        yield {"id": f"wcep-{day}-misc", "source": "wcep", "origin": f"wcep/wcep_items_2002_2024.jsonl.gz ({day})",
               "published": day, "title": f"Wikipedia Current Events, {day}",
               "text": "\n".join(rng.sample([t for c, t in days[day] if not c], 4)), "truncated": None}


def main() -> None:
    shared, data = Path(sys.argv[1]), Path(sys.argv[2])
    seen = used(data, BEFORE)
    kremlin_pages = kremlin(shared, seen, 32, (8, 4))
    for gen in (voa(shared, data, seen), wcep(shared, seen), kremlin_pages, whitehouse(shared, seen)):
        for r in gen:
            if r["truncated"] is None:
                del r["truncated"]
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
