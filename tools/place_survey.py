"""Survey the gazetteer's place resolutions on real news that no gold set holds, by kind of risk.

    python tools/place_survey.py                       # counts per kind, over the default seeded sample
    python tools/place_survey.py --show 50 --out s.txt # and the flagged places, one a line, to read

The sample is a seeded draw from the shared corpora (``--data``, default ../shared/data): Wikipedia Current
Events days, VOA articles and White House documents, leaving out every document the real-news gold set holds
(tune and validation alike), so the survey never reads a validation document. Each text is parsed with the
project's spaCy pipeline and run through ``find_mentions``; every PLACE mention is put in the kinds it shows:

- ``common``: one word that the sample writes in lower case too ("the summit", "a valley"): a capitalised
  ordinary word taken for a town;
- ``absent``: a city or region whose country no other mention of the article (of a Current Events day: of
  its item) names (neither an actor, nor a
  place, nor another place of that country): a place resolved without the article's country context;
- ``far``: a place more than ``FAR_KM`` from every other place of the article (item), in an article that
  names at least two other places.

A place may show more than one kind. The counts are of mentions; ``--show`` lists a seeded draw of the flagged
ones with their sentence, for reading precision by hand.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline.models import Mention  # noqa: E402
from redline.nlp.chunks import parse  # noqa: E402
from redline.nlp.gazetteer import Gazetteer, find_mentions  # noqa: E402
from redline.nlp.load import load_pipeline  # noqa: E402
from redline.settings import Settings  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "realnews.jsonl"
FAR_KM = 3000.0
MAX_CHARS = 6000  # a long White House document is cut: the survey counts resolutions, not documents
KINDS = ("common", "absent", "far")
WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Flag:
    doc: str
    kind: str
    text: str
    place: str
    country: str
    sentence: str


def _gold_keys() -> tuple[set[str], set[str]]:
    """The ids and origins of the gold set's documents, and the days of its Current Events bundles."""
    ids: set[str] = set()
    days: set[str] = set()
    for line in GOLD.read_text("utf-8").splitlines():
        d = json.loads(line)
        ids.add(str(d["id"]).split("-", 1)[-1])
        ids.add(str(d.get("origin", "")))
        if str(d["id"]).startswith("wcep-"):
            days.add(str(d["id"])[5:15])
    return ids, days


def sample(data: Path, seed: int, n_wcep: int, n_voa: int, n_wh: int) -> list[tuple[str, str]]:
    """(id, text) of the seeded draw, none of them in the gold set."""
    ids, days = _gold_keys()
    rng = random.Random(seed)
    by_day: dict[str, list[str]] = defaultdict(list)
    with gzip.open(data / "wcep" / "wcep_items_2002_2024.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if item.get("is_event") and item["date"] not in days:
                by_day[item["date"]].append(item["text"])
    out = [(f"wcep-{d}", "\n".join(by_day[d])) for d in rng.sample(sorted(by_day), n_wcep)]
    voa: dict[str, tuple[str, str]] = {}
    for name in ("voa_articles_dev.jsonl", "voa_more.jsonl"):
        for line in (data / name).read_text("utf-8").splitlines():
            a = json.loads(line)
            key = str(a["id"]).removeprefix("voa-")
            if key not in ids:
                voa[key] = (f"voa-{key}", f"{a.get('title', '')}\n\n{a['text']}")
    out += rng.sample(sorted(voa.values()), min(n_voa, len(voa)))
    wh = []
    with gzip.open(data / "whitehouse" / "wh_conflict_docs.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("source_url") not in ids:
                wh.append((f"wh-{d['path']}", f"{d.get('title', '')}\n\n{d['text']}"))
    out += rng.sample(wh, min(n_wh, len(wh)))
    return [(i, t[:MAX_CHARS]) for i, t in out]


def km(a: Mention, b: Mention) -> float:
    assert a.geo is not None and b.geo is not None
    la1, lo1, la2, lo2 = map(math.radians, (a.geo.lat, a.geo.lon, b.geo.lat, b.geo.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def flags(doc_id: str, text: str, mentions: tuple[Mention, ...], lower_words: Counter[str]) -> Iterator[Flag]:
    """The flags of one document's places; a Current Events day is a list of unrelated items, each of its lines
    its own article for ``absent`` and ``far``."""
    by_line = doc_id.startswith("wcep-")
    places = [m for m in mentions if m.type == "PLACE" and m.geo is not None]
    for m in places:
        country = m.geo.country if m.geo else ""
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line_end = line_end if line_end >= 0 else len(text)
        sentence = " ".join(text[line_start:line_end].split())[:240]

        def flag(kind: str, m: Mention = m, country: str = country, sentence: str = sentence) -> Flag:
            return Flag(doc_id, kind, m.text, m.canonical, country, sentence)

        if " " not in m.text and lower_words[m.text.lower()] > 0 and m.attr("kind") != "country":
            yield flag("common")
        scope = [o for o in mentions if not by_line or line_start <= o.start < line_end]
        others = [o for o in scope if o is not m and o.text != m.text]
        named = {o.geo.country for o in others if o.geo is not None} | {
            (o.code or "").split("-")[0] for o in others if o.code}
        if m.attr("kind") in ("city", "region") and country not in named:
            yield flag("absent")
        near = [o for o in others if o.type == "PLACE" and o.geo is not None]
        if len({o.text for o in near}) >= 2 and all(km(m, o) > FAR_KM for o in near):
            yield flag("far")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--wcep", type=int, default=80, help="Current Events days")
    parser.add_argument("--voa", type=int, default=30, help="VOA articles (at most the ones the gold set leaves)")
    parser.add_argument("--wh", type=int, default=40, help="White House documents")
    parser.add_argument("--show", type=int, default=0, help="list a seeded draw of this many flagged places")
    parser.add_argument("--out", type=Path, help="write every flagged place here, one a line")
    args = parser.parse_args(argv)
    docs = sample(args.data, args.seed, args.wcep, args.voa, args.wh)
    lower_words = Counter(w for _, t in docs for w in WORD.findall(t) if w.islower())
    settings = Settings()
    nlp = load_pipeline(settings)
    gazetteer = Gazetteer.load(settings.min_city_population)
    found: list[Flag] = []
    n_places = 0
    for doc_id, text in docs:
        mentions = find_mentions(parse(nlp, text), doc_id, gazetteer)
        n_places += sum(1 for m in mentions if m.type == "PLACE" and m.geo is not None)
        found += flags(doc_id, text, mentions, lower_words)
    counts = Counter(f.kind for f in found)
    print(f"{len(docs)} documents, {n_places} place mentions; " + ", ".join(f"{k} {counts[k]}" for k in KINDS))
    lines = [f"{f.kind}\t{f.doc}\t{f.text} -> {f.place} ({f.country})\t{f.sentence}" for f in found]
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", "utf-8")
    for line in random.Random(args.seed).sample(lines, min(args.show, len(lines))):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
