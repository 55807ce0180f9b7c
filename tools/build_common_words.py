"""Build redline/data/common_words.csv: one-word place names that news writes mostly as an ordinary word.

    python tools/build_common_words.py            # writes redline/data/common_words.csv
    python tools/build_common_words.py --dry-run  # prints the rows instead

The frequency source is the news in the shared corpora (``--data``, default ../shared/data): Wikipedia Current
Events items, VOA articles, White House documents and Kremlin pages, less every document the real-news gold set
holds (tune and validation alike). For every word of a name the place index holds (a GeoNames city's name or
alternate name: "Summit", "Twin Falls"), it counts how often the corpus writes it in lower case ("a summit",
"the valley") and how often capitalised inside a sentence (after a lower-case word, so a sentence start or a
headline says nothing). A word is common when its lower-case uses are at least ``MIN_LOWER`` and at least
``MIN_SHARE`` of both: "summit", "valley", "green" are; "Roy", "Bali", "Kherson" (never lower case) are not.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline.nlp.places import load_places  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "realnews.jsonl"
OUT = ROOT / "redline" / "data" / "common_words.csv"
MIN_LOWER = 20
MIN_SHARE = 0.5
# a word after a lower-case word (and a space): capitalised there, it is a name
PAIR = re.compile(r"\b([a-z][a-z]*)[ ]+([A-Za-z][a-z]+)\b")
LOWER = re.compile(r"\b[a-z]{2,}\b")
ADDRESS = re.compile(r"\S*(?:[/@]|\.(?:com|org|gov|net)\b)\S*")  # links and addresses: "whitehouse.gov", "x.com/nato"


def _gold() -> set[str]:
    keys: set[str] = set()
    for line in GOLD.read_text("utf-8").splitlines():
        d = json.loads(line)
        keys.update({str(d["id"]), str(d["id"]).split("-", 1)[-1], str(d.get("origin", ""))})
    return keys


def texts(data: Path) -> Iterator[str]:
    """Every text of the corpora that the gold set does not hold."""
    gold = _gold()
    with gzip.open(data / "wcep" / "wcep_items_2002_2024.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if f"wcep-{item['date']}" not in gold:
                yield item["text"]
    for name in ("voa_articles_dev.jsonl", "voa_more.jsonl"):
        for line in (data / name).read_text("utf-8").splitlines():
            a = json.loads(line)
            if str(a["id"]).removeprefix("voa-") not in gold:
                yield a["text"]
    with gzip.open(data / "whitehouse" / "wh_conflict_docs.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("source_url") not in gold:
                yield d["text"]
    with gzip.open(data / "kremlin" / "kremlin_en_pages.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if str(d.get("url", "")) not in gold and str(d.get("id", "")) not in gold:
                yield "\n".join(d.get("paragraphs") or ())


def count(data: Path, words: set[str]) -> tuple[Counter[str], Counter[str]]:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts(data):
        text = ADDRESS.sub(" ", text)
        lower.update(w for w in LOWER.findall(text) if w in words)
        capital.update(w.lower() for _, w in PAIR.findall(text) if w[0].isupper() and w.lower() in words)
    return lower, capital


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    index = load_places()
    words = {w for k in index.names for w in k.split() if w.isalpha() and w.isascii()}
    lower, capital = count(args.data, words)
    rows = sorted((w, lower[w], capital[w]) for w in words
                  if lower[w] >= MIN_LOWER and lower[w] >= MIN_SHARE * (lower[w] + capital[w]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["word", "lower", "capitalised"])
    writer.writerows(rows)
    if args.dry_run:
        print(out.getvalue(), end="")
    else:
        OUT.write_text(out.getvalue(), "utf-8")
        print(f"{len(rows)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
