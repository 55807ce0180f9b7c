"""How tests/data/threats.jsonl was drawn (run once, then annotated by hand; kept for the record).

Sentences come from four real sources in ../shared/data, in a fixed sha1 order: sentences with a threat cue
(threaten, warn, retaliate, respond, red line, ultimatum, deadline, consequences, pledge, restraint...) and,
for the claim set, sentences with a reporting verb or a quotation and no threat cue. Each candidate keeps its
source (file, id or url, date); the labels (is_threat, issuer, speaker, form, trigger, response, status) were
added by reading each sentence. The split is the fixed rule of ``redline.eval.splits`` (sha256 of the id),
written to ``threats_split.json`` before any threat rule was written.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
THREAT_CUE = re.compile(r"\b(threat\w*|warn\w*|retaliat\w*|respond\w*|response|red lines?|ultimatum|deadline|"
                        r"consequences|idly|accordingly|doctrine|will be met|would lead to|vow\w*|pledg\w*|"
                        r"restraint|punish\w*)\b", re.I)
STRONG_CUE = re.compile(r"\b(threaten\w*|retaliat\w*|red lines?|ultimatum|will respond|would respond|idly by|"
                        r"react accordingly|will be met|would lead to|warn\w* (?:of|that|against)|vow\w* to (?:respond|"
                        r"retaliate|avenge|strike|destroy|take)|if \w+.{0,60}\b(?:will|would) (?:strike|respond|"
                        r"retaliate|attack|impose))", re.I)
SPEECH_CUE = re.compile(r"\b(said|says|told|according to|stated|added|declared|announced)\b|[\"\u201c]")
WANT = {"wcep": (80, 80, 15), "voa": (35, 15, 45), "whitehouse": (25, 10, 20), "kremlin": (25, 10, 20)}
POOLS = ("threat", "strong", "speech")
SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d]))\s+(?=[\"\u201cA-Z])")


def h(key: str) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16)


def docs() -> Iterator[tuple[str, str, str, str, str]]:
    """(source, file, key, date, text) of every document."""
    for name in ("voa_articles_dev.jsonl", "voa_more.jsonl"):
        for line in (SHARED / name).open():
            r = json.loads(line)
            yield "voa", name, r["url"], (r.get("published") or r["date"])[:10], r["text"]
    for line in gzip.open(SHARED / "whitehouse/wh_conflict_docs.jsonl.gz", "rt"):
        r = json.loads(line)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", r["text"])
        yield "whitehouse", "whitehouse/wh_conflict_docs.jsonl.gz", r["source_url"], r["date"], " ".join(text.split())
    for line in gzip.open(SHARED / "kremlin/kremlin_en_pages.jsonl.gz", "rt"):
        r = json.loads(line)
        yield "kremlin", "kremlin/kremlin_en_pages.jsonl.gz", r["url"], r["date"], " ".join(r["paragraphs"])
    for n, line in enumerate(gzip.open(SHARED / "wcep/wcep_items_2002_2024.jsonl.gz", "rt")):
        r = json.loads(line)
        if r["category"] in ("Armed conflicts and attacks", "International relations") and r["date"] >= "2003":
            yield "wcep", "wcep/wcep_items_2002_2024.jsonl.gz", f"line {n + 1}", r["date"], r["text"]


def main() -> None:
    pools: dict[tuple[str, str], list[dict[str, str]]] = {}
    for source, file, key, date, text in docs():
        for k, sent in enumerate(SPLIT.split(text)):
            if not 50 <= len(sent) <= 400:
                continue
            pool = ("strong" if STRONG_CUE.search(sent) else "threat" if THREAT_CUE.search(sent)
                    else "speech" if SPEECH_CUE.search(sent) else "")
            if pool:
                pools.setdefault((source, pool), []).append(
                    {"source": source, "file": file, "ref": key, "date": date, "text": sent, "n": str(k)})
    rows = []
    for (source, pool), items in sorted(pools.items()):
        want = WANT[source][POOLS.index(pool)]
        seen: set[str] = set()
        for item in sorted(items, key=lambda r: h(r["ref"] + r["n"])):
            if len(seen) >= want:
                break
            if item["ref"] in seen:  # one sentence per document
                continue
            seen.add(item["ref"])
            rid = f"{source}-{h(item['ref'] + item['n']) % 10**8:08d}"
            rows.append({"id": rid, "pool": pool, **{k: v for k, v in item.items() if k != "n"}})
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
