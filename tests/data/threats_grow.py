"""How the claim set of tests/data/threats.jsonl was grown (issue #11; run once, then annotated by hand).

The first draw (``threats_build.py``) gave 213 attributed statements, about half of them in the validation
half. This draw adds sentences with a reporting verb or a quotation and no threat cue, from the same four
sources, in another fixed order (sha1 of "grow:" + document + sentence number), one per document, skipping
documents and texts already in the set; then, from documents not drawn yet, sentences with a strong threat cue
(``WANT_THREAT``), for threat detection. Each new row was labelled by reading it: ``speaker`` (who makes the
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

from threats_build import SPEECH_CUE, SPLIT, STRONG_CUE, THREAT_CUE, docs  # noqa: E402

WANT = {"wcep": 140, "voa": 60, "whitehouse": 40, "kremlin": 40}
# Then sentences with a strong threat cue, from documents not drawn before, for threat detection.
WANT_THREAT = {"wcep": 110, "voa": 15, "whitehouse": 25, "kremlin": 25}


def h(key: str) -> int:
    return int(hashlib.sha1(f"grow:{key}".encode()).hexdigest(), 16)


def main() -> None:
    existing = [json.loads(line) for line in Path(sys.argv[2]).open()]
    seen_refs = {r["source"]["ref"] for r in existing}
    seen_texts = {r["text"] for r in existing}
    seen_ids = {r["id"] for r in existing}
    pools: dict[tuple[str, str], list[dict[str, str]]] = {}
    for source, file, key, date, text in docs():
        if key in seen_refs:
            continue
        for k, sent in enumerate(SPLIT.split(text)):
            if not 50 <= len(sent) <= 400 or sent in seen_texts:
                continue
            pool = "speech" if SPEECH_CUE.search(sent) and not THREAT_CUE.search(sent) else \
                "threat" if STRONG_CUE.search(sent) else ""
            if pool:
                pools.setdefault((pool, source), []).append({"file": file, "ref": key, "date": date, "text": sent,
                                                             "n": str(k)})
    taken: set[str] = set()
    for pool, want in (("speech", WANT), ("threat", WANT_THREAT)):
        for source in sorted(want):
            got = 0
            for item in sorted(pools.get((pool, source), []), key=lambda r: h(r["ref"] + r["n"])):
                if got >= want[source]:
                    break
                rid = f"{source}-{h(item['ref'] + item['n']) % 10**8:08d}"
                if item["ref"] in taken or rid in seen_ids:
                    continue
                taken.add(item["ref"])
                got += 1
                print(json.dumps({"id": rid, "text": item["text"], "source": {k: item[k] for k in (
                    "file", "ref", "date")}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
