"""How far event dates stray from their articles: run the pipeline over the bundled sample and the VOA test
corpus and count events dated in another year than their article, and events dated more than a year
before it whose sentence does not write that year (the resolver's guarantee says: none).

Run by hand: `python bench/check_event_dates.py`.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from redline.models import Brief, RawDocument
from redline.pipeline import Context, run_one
from redline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "redline" / "data" / "sample" / "voa_articles.jsonl", ROOT / "tests" / "data" / "voa_more.jsonl")


def main() -> None:
    ctx = Context.load(Settings())
    events = other_year = unguarded = 0
    for path in CORPORA:
        for line in path.read_text("utf-8").splitlines():
            r = json.loads(line)
            brief = run_one(RawDocument(origin=str(r["id"]), text=r["text"], title=r.get("title"),
                                        published=r.get("published") or r.get("date")), ctx)
            if not isinstance(brief, Brief) or brief.article.published is None:
                continue
            published = brief.article.published.date()
            for e in brief.events:
                if e.date is None:
                    continue
                events += 1
                day = date.fromisoformat(e.date)
                other_year += day.year != published.year
                quote = " ".join(ev.quote for ev in e.evidence)
                if day < published - timedelta(days=366) and not re.search(rf"(?<!\d){day.year}(?!\d)", quote):
                    unguarded += 1
                    print(f"  {brief.article.id} {e.date} (published {published}): {quote[:120]}")
    print(f"{events} events; {other_year} dated in another year than their article; "
          f"{unguarded} more than a year before it without that year in their sentence")


if __name__ == "__main__":
    main()
