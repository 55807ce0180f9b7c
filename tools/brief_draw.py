"""Draw unseen real documents for a line-by-line reading of redline's briefs.

A seeded random choice of documents that are in no gold set (tests/data/realnews.jsonl,
threats.jsonl, dates.jsonl, tests/gold, redline/data/sample): White House pages of 2022-2024
and Kremlin pages (the stored Kremlin dump stops in 2020, so its last years, 2018-2020, stand in)
with a security cue, and Wikipedia Current Events days of 2023-2024 (one day's items bundled as
one document). Each document is written as a .txt file (headline first line) and listed with its
publication date in manifest.tsv, so that every brief can be produced with

    redline analyze OUT/NAME.txt --published DATE --no-store

Usage: python tools/brief_draw.py ../shared/data OUT [--per-source 5] [--seed 20261207]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

SEED = 20261207
CUE = re.compile(
    r"\b(attack\w*|missile\w*|sanction\w*|nuclear|troops|war|threat\w*|strike\w*|"
    r"shelling|drone\w*|invasion|ceasefire|military)\b",
    re.IGNORECASE,
)
MAX_CHARS = 9000  # a brief is read line by line: keep each document to article length
ROOT = Path(__file__).resolve().parent.parent


def _gold_blob() -> tuple[str, set[str]]:
    """Everything the gold sets name (urls, paths, texts) and the WCEP days they draw on."""
    parts: list[str] = []
    days: set[str] = set()
    for name in ("realnews.jsonl", "threats.jsonl", "dates.jsonl"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            parts.append(json.dumps(rec, ensure_ascii=False))
            blob = json.dumps(rec)
            if "wcep" in blob:
                days.update(re.findall(r"\d{4}-\d{2}-\d{2}", blob))
    for path in list((ROOT / "tests" / "gold").glob("*")) + list(
        (ROOT / "redline" / "data" / "sample").glob("*")
    ):
        if path.is_file():
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts), days


def _jsonl_gz(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _unseen(text: str, keys: list[str], blob: str) -> bool:
    if any(k and k in blob for k in keys):
        return False
    # no sentence of the document may already sit in a gold set
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 60]
    return not any(s[:80] in blob for s in sentences)


def _candidates(data: Path, blob: str, days: set[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"kremlin": [], "whitehouse": [], "wcep": []}
    for rec in _jsonl_gz(data / "kremlin" / "kremlin_en_pages.jsonl.gz"):
        text = "\n".join(rec.get("paragraphs") or [])
        if rec["date"][:4] in {"2018", "2019", "2020"} and 800 < len(text) <= MAX_CHARS:
            if len(CUE.findall(text)) >= 2 and _unseen(text, [rec["url"]], blob):
                out["kremlin"].append(
                    {"title": rec["title"], "date": rec["date"][:10], "text": text, "ref": rec["url"]}
                )
    for rec in _jsonl_gz(data / "whitehouse" / "wh_conflict_docs.jsonl.gz"):
        text = rec["text"]
        if rec["date"][:4] in {"2022", "2023", "2024"} and 800 < len(text) <= MAX_CHARS:
            keys = [rec["source_url"], rec["path"].rsplit("/", 1)[-1].removesuffix(".md")]
            if len(CUE.findall(text)) >= 2 and _unseen(text, keys, blob):
                out["whitehouse"].append(
                    {"title": rec["title"], "date": rec["date"], "text": text, "ref": rec["path"]}
                )
    by_day: dict[str, list[str]] = {}
    for rec in _jsonl_gz(data / "wcep" / "wcep_items_2002_2024.jsonl.gz"):
        if rec["date"][:4] in {"2023", "2024"}:
            by_day.setdefault(rec["date"], []).append(rec["text"])
    for day, items in sorted(by_day.items()):
        text = "\n".join(items)
        if day in days or len(text) > MAX_CHARS * 2 or len(CUE.findall(text)) < 3:
            continue
        if _unseen(text, [], blob):
            out["wcep"].append(
                {"title": f"Wikipedia Current Events, {day}", "date": day, "text": text, "ref": day}
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder (kremlin/, whitehouse/, wcep/)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--per-source", type=int, default=5)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    blob, days = _gold_blob()
    pools = _candidates(args.data, blob, days)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for source, pool in pools.items():
        for i, doc in enumerate(rng.sample(pool, min(args.per_source, len(pool))), 1):
            name = f"{source}-{i:02d}"
            (args.out / f"{name}.txt").write_text(f"{doc['title']}\n\n{doc['text']}\n", encoding="utf-8")
            rows.append(f"{name}\t{doc['date']}\t{doc['ref']}\t{len(pool)}")
    (args.out / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
