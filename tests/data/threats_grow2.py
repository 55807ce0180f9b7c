"""How the third draw of tests/data/threats.jsonl was made (2026-12-06; run once, then annotated by hand).

The validation half held 61 threats, few of them conditional, so a conditional threat or an issuer moved its
figures by 5-6 points. This draw adds, from the same four sources, in a third fixed order (sha1 of "grow2:" +
document + sentence number), one sentence per document:

- sentences with a threat cue (``CUE``: the strong cues of ``threats_build.py`` and conditional forms "if ...
  will/would", "any ... would/will", "will be met with", "will respond/retaliate", red lines, ultimatums,
  deadlines, warnings, "unless"), threats or look-alikes;
- sentences with a reporting verb or a quotation and no threat cue at all (claims with speakers, pledges,
  calls for restraint, fears, past threats cited as background come out of both pools);
- then, since the Kremlin and White House transcripts answer the conditional cue mostly with everyday "if ...
  will" talk, up to 30 more Current Events sentences with a conditional form and a threat cue (``CONDITIONAL``
  and ``THREAT_CUE``) from documents not drawn yet, for conditional threats and their look-alikes: only 4 were
  left, the Current Events items with a threat cue being nearly all drawn by now.

It skips documents and texts already in the set and the documents of ``realnews.jsonl`` (its Kremlin, White
House and VOA pages by url, its Current Events days by date). It never looks at what redline makes of a
sentence. Each row was labelled by reading it, as the first rows were (``tests/gold/README.md``,
``docs/threats.md``); its half is given by the fixed rule of ``redline.eval.splits`` (sha256 of the id).

    python tests/data/threats_grow2.py /work/shared/data tests/data/threats.jsonl > candidates.jsonl
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from threats_build import SPEECH_CUE, SPLIT, STRONG_CUE, THREAT_CUE, docs  # noqa: E402

CUE = re.compile(STRONG_CUE.pattern + r"|\bif\b[^.;]{0,80}\b(?:will|would)\b|\bany\b[^.;]{0,60}\b(?:will|would)\b|"
                 r"will be met with|will (?:respond|retaliate)|\bultimatum|\bdeadline|\bwarn\w*|\bunless\b", re.I)
# Every VOA story of voa_articles_dev.jsonl and voa_more.jsonl is in the set already: none is left to draw.
WANT_THREAT = {"wcep": 110, "whitehouse": 20, "kremlin": 25}
WANT_SPEECH = {"wcep": 55, "whitehouse": 25, "kremlin": 20}
CONDITIONAL = re.compile(r"\b(?:if|unless|any)\b[^.;]{0,100}\b(?:will|would|could)\b|\bor face\b|will be met with",
                         re.I)
WANT_CONDITIONAL = {"wcep": 30}


def h(key: str) -> int:
    return int(hashlib.sha1(f"grow2:{key}".encode()).hexdigest(), 16)


def main() -> None:
    existing = [json.loads(line) for line in Path(sys.argv[2]).open()]
    seen_refs = {r["source"]["ref"] for r in existing}
    seen_texts = {r["text"] for r in existing}
    seen_ids = {r["id"] for r in existing}
    news = [json.loads(line)["origin"] for line in (Path(__file__).resolve().parent / "realnews.jsonl").open()]
    news_urls = {o for o in news if o.startswith("http")}
    news_days = {o.rsplit("(", 1)[1].rstrip(")") for o in news if o.startswith("wcep/")}
    pools: dict[tuple[str, str], list[dict[str, str]]] = {}
    for source, file, key, date, text in docs():
        if key in seen_refs or key in news_urls or (source == "wcep" and date in news_days):
            continue
        for k, sent in enumerate(SPLIT.split(text)):
            if not 50 <= len(sent) <= 400 or sent in seen_texts:
                continue
            pool = "threat" if CUE.search(sent) else \
                "speech" if SPEECH_CUE.search(sent) and not THREAT_CUE.search(sent) else ""
            item = {"file": file, "ref": key, "date": date, "text": sent, "n": str(k)}
            if pool:
                pools.setdefault((pool, source), []).append(item)
            if CONDITIONAL.search(sent) and THREAT_CUE.search(sent):
                pools.setdefault(("conditional", source), []).append(item)
    draw(pools, (("threat", WANT_THREAT), ("speech", WANT_SPEECH), ("conditional", WANT_CONDITIONAL)), seen_ids, h)


def draw(pools: dict[tuple[str, str], list[dict[str, str]]], plan: Iterable[tuple[str, dict[str, int]]],
         seen_ids: set[str], order: Callable[[str], int]) -> None:
    """Print, pool by pool and source by source, the first ``want`` items in the fixed ``order`` whose document
    no earlier pick took and whose id the set does not hold yet (also used by ``threats_grow3.py``)."""
    taken: set[str] = set()
    for pool, want in plan:
        for source in sorted(want):
            got = 0
            for item in sorted(pools.get((pool, source), []), key=lambda r: order(r["ref"] + r["n"])):
                if got >= want[source]:
                    break
                rid = f"{source}-{order(item['ref'] + item['n']) % 10**8:08d}"
                if item["ref"] in taken or rid in seen_ids:
                    continue
                taken.add(item["ref"])
                got += 1
                print(json.dumps({"id": rid, "pool": pool, "text": item["text"], "source": {k: item[k] for k in (
                    "file", "ref", "date")}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
