"""How the fourth draw of tests/data/threats.jsonl was made (2026-12-07; run once, then annotated by hand).

The set held 185 threats (96 tune, 89 validation), so on validation one threat moved issuer accuracy or the
usable-trigger share by about a point. The earlier draws read only two categories of the Current Events file
("Armed conflicts and attacks", "International relations", 2003 on); this one reads all of its 149,975 items
(2002-2024, every category, the 72,863 "Uncategorized" items of the early years included), where threats,
warnings, vows of retaliation and ultimatums are common, beside the White House and Kremlin documents. In a
fourth fixed order (sha1 of "grow3:" + document + sentence number), one sentence per document:

- sentences with a threat cue (``CUE``: the strong cues of ``threats_build.py`` and "or face", "unless",
  "warns X not to / against", "vows revenge / retaliation", "will be met with", "if ... will/would"
  with a punitive verb): threats of every kind and their look-alikes (acts "in retaliation", threats of a
  thing to a thing, offers, past threats cited as background);
- sentences with a look-alike cue and none of those (``LOOKALIKE``: pledges, vows, calls for restraint, warnings
  of a risk, "urges"): hard non-threats, and the odd threat the cues above miss;
- then, since a third of the Current Events sentences with a threat cue are threats (the cue also takes
  "life-threatening", storms that threaten a coast, acts "in retaliation"), 150 more Current Events sentences
  from documents not drawn yet with a tighter cue (``STRONG``: "threatens to / threatens X with", "vows to
  retaliate", "warns that X will/would <punitive verb>", "warns X not to / against", ultimatums, "or face", red
  lines, "will retaliate").

It skips documents and texts already in the set and the documents of ``realnews.jsonl`` (its Kremlin and White
House pages by url, its Current Events days by date); no VOA story is left. It never looks at what redline makes
of a sentence. Each row was labelled by reading it (``tests/gold/README.md``, ``docs/threats.md``); its half is
given by the fixed rule of ``redline.eval.splits`` (sha256 of the id) before any rule is written on it.

    python tests/data/threats_grow3.py /work/shared/data tests/data/threats.jsonl > candidates.jsonl
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from threats_build import SPLIT, STRONG_CUE, docs  # noqa: E402
from threats_grow2 import draw  # noqa: E402

PUNITIVE = r"(?:strike|respond|retaliate|attack|impose|punish|sanction|expel|cut|suspend|withdraw|sever|close|ban)"
CUE = re.compile(STRONG_CUE.pattern + r"|\bor face\b|\bunless\b|\bwarn\w* \w+(?: \w+)? (?:not to|against)\b|"
                 r"\bvow\w* (?:revenge|retaliation|vengeance)|will be met with|\bif\b[^.;]{0,80}\b(?:will|would) "
                 + PUNITIVE, re.I)
LOOKALIKE = re.compile(r"\b(pledg\w*|vow\w*|restraint|urg\w+|warn\w* of|in retaliation|threat\w*|consequences)\b",
                       re.I)
STRONG = re.compile(r"\bthreaten(?:s|ed|ing)? (?:to|\w+ with)\b|\bvow\w* (?:to (?:retaliate|respond|avenge|strike|"
                    r"punish)|revenge|retaliation)|\bwarn\w* (?:\w+ ){0,4}(?:that|of)\b[^.;]{0,100}\b(?:will|would) "
                    r"(?:\w+ ){0,2}" + PUNITIVE + r"|\bultimatum|\bor face\b|\bred lines?\b|\b(?:will|would) retaliate|"
                    r"\bwarn\w* (?:\w+ ){1,3}(?:not to|against)\b", re.I)
WANT_THREAT = {"wcep": 150, "whitehouse": 15, "kremlin": 15}
WANT_LOOKALIKE = {"wcep": 30}
WANT_STRONG = {"wcep": 150}
WCEP = "wcep/wcep_items_2002_2024.jsonl.gz"


def h(key: str) -> int:
    return int(hashlib.sha1(f"grow3:{key}".encode()).hexdigest(), 16)


def all_docs(shared: Path) -> Iterator[tuple[str, str, str, str, str]]:
    """The White House and Kremlin documents of ``threats_build.docs`` and every Current Events item."""
    for doc in docs():
        if doc[0] in ("whitehouse", "kremlin"):
            yield doc
    for n, line in enumerate(gzip.open(shared / WCEP, "rt")):
        r = json.loads(line)
        yield "wcep", WCEP, f"line {n + 1}", r["date"], r["text"]


def main() -> None:
    existing = [json.loads(line) for line in Path(sys.argv[2]).open()]
    seen_refs = {r["source"]["ref"] for r in existing}
    seen_texts = {r["text"] for r in existing}
    seen_ids = {r["id"] for r in existing}
    news = [json.loads(line)["origin"] for line in (Path(__file__).resolve().parent / "realnews.jsonl").open()]
    news_urls = {o for o in news if o.startswith("http")}
    news_days = {o.rsplit("(", 1)[1].rstrip(")") for o in news if o.startswith("wcep/")}
    pools: dict[tuple[str, str], list[dict[str, str]]] = {}
    for source, file, key, date, text in all_docs(Path(sys.argv[1])):
        if key in seen_refs or key in news_urls or (source == "wcep" and date in news_days):
            continue
        for k, sent in enumerate(SPLIT.split(text)):
            if not 50 <= len(sent) <= 400 or sent in seen_texts:
                continue
            pool = "threat" if CUE.search(sent) else "lookalike" if LOOKALIKE.search(sent) else ""
            item = {"file": file, "ref": key, "date": date, "text": sent, "n": str(k)}
            if pool:
                pools.setdefault((pool, source), []).append(item)
            if STRONG.search(sent):
                pools.setdefault(("strong", source), []).append(item)
    draw(pools, (("threat", WANT_THREAT), ("lookalike", WANT_LOOKALIKE), ("strong", WANT_STRONG)), seen_ids, h)


if __name__ == "__main__":
    main()
