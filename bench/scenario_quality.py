"""Scenario text quality on Wikipedia Current Events days: each day's conflict and international-relations
items become one article, analysed by the real pipeline; prints the three checks of
``redline.scenarios.quality`` (ill-formed, identical after masking actors, specific).

Run by hand (about a minute on one core for 50 days):

    nice -n 10 python bench/scenario_quality.py /path/to/wcep_items_2002_2024.jsonl.gz --days 50
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

from redline.models import Brief, RawDocument
from redline.pipeline import Context, run_one
from redline.scenarios.quality import quality
from redline.settings import Settings

KEEP = ("armed conflict", "international relations")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("wcep", type=Path)
    parser.add_argument("--days", type=int, default=50)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--show", action="store_true", help="print every scenario with its day and probability")
    args = parser.parse_args()
    by_day: dict[str, list[str]] = defaultdict(list)
    with gzip.open(args.wcep, "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if item["date"] >= "2015" and any(k in (item.get("category") or "").lower() for k in KEEP):
                by_day[item["date"]].append(item["text"])
    days = sorted(random.Random(args.seed).sample(sorted(d for d, v in by_day.items() if len(v) >= 3), args.days))
    context = Context.load(Settings())
    briefs: list[Brief] = []
    for day in days:
        made = run_one(RawDocument(origin=f"wcep:{day}", text="\n".join(by_day[day]), title=f"Current events {day}",
                                   published=day), context)
        if isinstance(made, Brief):
            briefs.append(made)
    q = quality(briefs)
    print(f"{len(briefs)} days analysed; {q.line()}")
    for text in q.ill_formed:
        print("ill-formed:", text)
    for text in q.unrelated:
        print("unrelated actor:", text)
    if args.show:
        for b in briefs:
            for sc in b.scenarios:
                print(f"{b.article.title[-10:]}  p={sc.probability:.2f}  {sc.text}")


if __name__ == "__main__":
    main()
