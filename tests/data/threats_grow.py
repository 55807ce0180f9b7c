"""How the claim set of tests/data/threats.jsonl was grown (issue #11; run once, then annotated by hand).

The first draw (``threats_build.py``) gave 213 attributed statements, about half of them in the validation
half. This draw adds sentences with a reporting verb or a quotation and no threat cue, from the same four
sources, in another fixed order (sha1 of "grow:" + document + sentence number), one per document, skipping
documents and texts already in the set. Each new row was labelled by reading it: ``speaker`` (who makes the
attributed statement, as the text names them; null when the sentence attributes nothing), ``is_threat``.
Its half is given by the fixed rule of ``redline.eval.splits`` (sha256 of the id), as for the first rows:
nothing already in the set moves.

    python tests/data/threats_grow.py /work/shared/data tests/data/threats.jsonl > candidates.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from threats_build import SPEECH_CUE, SPLIT, THREAT_CUE, docs  # noqa: E402

WANT = {"wcep": 140, "voa": 60, "whitehouse": 40, "kremlin": 40}


def h(key: str) -> int:
    return int(hashlib.sha1(f"grow:{key}".encode()).hexdigest(), 16)


def main() -> None:
    existing = [json.loads(line) for line in Path(sys.argv[2]).open()]
    seen_refs = {r["source"]["ref"] for r in existing}
    seen_texts = {r["text"] for r in existing}
    seen_ids = {r["id"] for r in existing}
    pools: dict[str, list[dict[str, str]]] = {}
    for source, file, key, date, text in docs():
        if key in seen_refs:
            continue
        for k, sent in enumerate(SPLIT.split(text)):
            if 50 <= len(sent) <= 400 and SPEECH_CUE.search(sent) and not THREAT_CUE.search(sent) \
                    and sent not in seen_texts:
                pools.setdefault(source, []).append({"file": file, "ref": key, "date": date, "text": sent,
                                                     "n": str(k)})
    for source, items in sorted(pools.items()):
        taken: set[str] = set()
        for item in sorted(items, key=lambda r: h(r["ref"] + r["n"])):
            if len(taken) >= WANT[source]:
                break
            rid = f"{source}-{h(item['ref'] + item['n']) % 10**8:08d}"
            if item["ref"] in taken or rid in seen_ids:
                continue
            taken.add(item["ref"])
            print(json.dumps({"id": rid, "text": item["text"], "source": {k: item[k] for k in ("file", "ref", "date")}},
                             ensure_ascii=False))


if __name__ == "__main__":
    main()
