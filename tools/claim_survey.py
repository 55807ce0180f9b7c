"""Survey the claim extractor's speakers on real documents that no gold set holds.

    python tools/claim_survey.py                          # every claim of the seeded draw, with its sentence
    python tools/claim_survey.py --marks tools/claim_survey_marks.tsv   # and the wrong speakers by kind

The draw is seeded (``--seed``): ``--n`` documents (default 40) shared out over four corpora of ``--data``
(default ../shared/data): Kremlin pages, White House documents, VOA articles and Wikipedia Current Events days,
leaving out every document, page and Current Events day that a gold set holds (``tests/data/realnews.jsonl``,
``tests/data/threats.jsonl``, ``tests/gold/*.json``, tune and validation alike), so the survey never reads a
validation document. (Every VOA article there is in a gold set, so the draw comes from the other three.) Each
document goes through ingest and the nlp stage as the pipeline runs it, and every
claim is printed as ``doc  speaker  <-cue  | sentence``.

A marks file, written by reading that listing, holds one line per claim judged wrong (tab-separated): the
document id, the start of the sentence (enough to tell it from the others of its document), the cue, the speaker
the sentence gives (``-`` when it makes no claim) and the kind of error, under a ``# seed N`` line naming the
draw. With ``--marks`` the survey counts, per kind, the marked claims of the draw's seed whose speaker is still
wrong (``redline.eval.threats.same_speaker``), so a change is measured on the same sentences it was read on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline import nlp as nlp_stage  # noqa: E402
from redline.eval.threats import same_speaker  # noqa: E402
from redline.ingest import normalize  # noqa: E402
from redline.models import Analysis, RawDocument  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MAX_CHARS = 6000  # a long page is cut: the survey reads speakers, not whole documents
T = TypeVar("T")


@dataclass(frozen=True)
class Found:
    doc: str
    speaker: str
    cue: str
    sentence: str


def _gold_keys() -> set[str]:
    """Every id, URL, Current Events line and day a gold set holds."""
    keys: set[str] = set()
    for line in (ROOT / "tests" / "data" / "realnews.jsonl").read_text("utf-8").splitlines():
        d = json.loads(line)
        keys |= {str(d["id"]), str(d.get("origin", "")), str(d["id"]).split("-", 1)[-1]}
        if str(d["id"]).startswith("wcep-"):
            keys.add("day " + str(d["id"])[5:15])
    for line in (ROOT / "tests" / "data" / "threats.jsonl").read_text("utf-8").splitlines():
        src = json.loads(line).get("source") or {}
        keys.add(str(src.get("ref", "")))
        if str(src.get("file", "")).startswith("wcep"):
            keys.add("day " + str(src.get("date", "")))
    for path in (ROOT / "tests" / "gold").glob("*.json"):
        keys.add(path.stem.split("-", 1)[-1])
    return keys


def sample(data: Path, seed: int, n: int) -> list[tuple[str, str, str | None]]:
    """(id, text, date) of the seeded draw: ``n`` documents shared out evenly over the corpora that have any
    outside the gold sets, none of them in a gold set."""
    gold = _gold_keys()
    rng = random.Random(seed)
    kremlin = []
    with gzip.open(data / "kremlin" / "kremlin_en_pages.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["url"] not in gold and d["url"].rsplit("/", 1)[-1] not in gold and len(d["paragraphs"]) > 2:
                kremlin.append((f"kremlin-{d['url'].rsplit('/', 1)[-1]}", "\n".join(d["paragraphs"]), d["date"]))
    wh = []
    with gzip.open(data / "whitehouse" / "wh_conflict_docs.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("source_url") not in gold:
                wh.append((f"wh-{d['path']}", f"{d.get('title', '')}\n\n{d['text']}", d.get("date")))
    voa = []
    for name in ("voa_articles_dev.jsonl", "voa_more.jsonl"):
        for line in (data / name).read_text("utf-8").splitlines():
            a = json.loads(line)
            key = str(a["id"]).removeprefix("voa-")
            if key not in gold and a.get("url") not in gold:
                voa.append((f"voa-{key}", f"{a.get('title', '')}\n\n{a['text']}",
                            a.get("date") or a.get("published")))
    days: dict[str, list[str]] = {}
    with gzip.open(data / "wcep" / "wcep_items_2002_2024.jsonl.gz", "rt", encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            item = json.loads(line)
            if item.get("is_event") and f"line {number}" not in gold and f"day {item['date']}" not in gold:
                days.setdefault(item["date"], []).append(item["text"])
    wcep = [(f"wcep-{d}", "\n".join(days[d]), d) for d in sorted(days)]
    pools = [p for p in (kremlin, wh, sorted(voa), wcep) if p]
    out: list[tuple[str, str, str | None]] = []
    for k, pool in enumerate(pools):
        out += rng.sample(pool, min(len(pool), n // len(pools) + (k < n % len(pools))))
    return [(i, t[:MAX_CHARS], (d or "")[:10] or None) for i, t, d in out]


def survey(docs: list[tuple[str, str, str | None]]) -> list[Found]:
    """Every claim of ``docs``, as the pipeline's nlp stage finds it."""
    found = []
    for doc_id, analysis, claims in analysed(docs, Context.load(Settings()), lambda analysis: analysis.claims):
        body = analysis.article.text
        for c in claims:
            ev = c.evidence[0]
            found.append(Found(doc_id, c.speaker, c.cue, " ".join(body[ev.start:ev.end].split())))
    return found


def analysed(docs: list[tuple[str, str, str | None]], ctx: Context, read: Callable[[Analysis], T],
             pages: dict[str, str] | None = None) -> Iterator[tuple[str, Analysis, T]]:
    """(id, analysis, ``read`` of it) per document of the draw, through ingest and the nlp stage as the pipeline
    runs them, its page address from ``pages`` (a government's page speaks in its voice); progress on stderr. A
    document that fails is said and passed over, as the pipeline records it as a Skip."""
    for n, (doc_id, text, date) in enumerate(docs, start=1):
        print(f"{n}/{len(docs)} {doc_id}", file=sys.stderr, flush=True)
        raw = RawDocument(origin=f"survey:{doc_id}", text=text, url=(pages or {}).get(doc_id), published=date)
        try:
            analysis = nlp_stage.analyze(normalize(raw, ctx.settings), ctx.parse, ctx.gazetteer)
            got = read(analysis)
        except Exception as e:  # noqa: BLE001 - the pipeline records a failing document as a Skip; so does the survey
            print(f"skipped {doc_id}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        yield doc_id, analysis, got


def seed_marks(path: Path, seed: int) -> list[tuple[int, tuple[str, str, str, str, str]]]:
    """(line number, its five tab-separated fields) per mark of the draw of ``seed``: the lines under its
    '# seed N' line (a mark of another draw would count as fixed, its document not being drawn); other '#' lines
    are comments. The threat survey reads its marks file with it too."""
    out, current = [], None
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.startswith("# seed "):
            current = int(line.split()[2])
        elif line.strip() and not line.startswith("#") and current == seed:
            doc, start, what, right, kind = line.split("\t")
            out.append((n, (doc, start, what, right, kind)))
    return out


def mark_counts(marks: list[tuple[str, str, str, str, str]], wrong: list[bool], drawn: set[str]) -> str:
    """How many of ``marks`` are still wrong (``wrong``, one flag a mark), in all and per kind (the fifth field).
    A mark whose document is not in this draw (``drawn``: the ids drawn) is neither wrong nor fixed: the draw leaves
    out every document a gold set holds, so it changes when a gold set grows; such marks are counted apart."""
    kept = [(m, w) for m, w in zip(marks, wrong, strict=True) if m[0] in drawn]
    still = Counter(m[4] for m, w in kept if w)
    total = Counter(m[4] for m, _ in kept)
    gone = len(marks) - len(kept)
    return f"{sum(still.values())} of {len(kept)} marked" + "".join(
        f"{'; ' if n == 0 else ', '}{k} {still[k]}/{total[k]}" for n, k in enumerate(sorted(total))) + (
        f"; {gone} marks on documents this draw no longer holds (a gold set grew since)" if gone else "")


def read_marks(path: Path, seed: int) -> list[tuple[str, str, str, str, str]]:
    """(doc, sentence start, cue, right speaker or "-", kind) per claim marked in the draw of ``seed``."""
    return [mark for _, mark in seed_marks(path, seed)]


def still_wrong(mark: tuple[str, str, str, str, str], found: list[Found]) -> bool:
    """Whether a marked claim is still wrong: a claim of its sentence and cue speaks as someone else, or (a
    sentence that makes no claim, right speaker "-") still makes one."""
    doc, start, cue, right, _ = mark
    mine = [f for f in found if f.doc == doc and f.sentence.startswith(start) and f.cue == cue]
    if right == "-":
        return bool(mine)
    return any(not same_speaker(right, f.speaker) for f in mine)


def arguments(description: str, n: int, marked: str, argv: list[str] | None) -> argparse.Namespace:
    """The options both surveys take: where the shared data is, the draw's seed and size, the marks file."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--n", type=int, default=n, help="documents drawn, shared out over the corpora")
    parser.add_argument("--marks", type=Path, help=f"count the marked {marked} still wrong, by kind")
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.split("\n")[0], 40, "wrong speakers", argv)
    docs = sample(args.data, args.seed, args.n)
    found = survey(docs)
    if not args.quiet:
        for f in found:
            print(f"{f.doc}\t{f.speaker}\t<-{f.cue}\t| {f.sentence[:300]}")
    print(f"{len(found)} claims")
    if args.marks:
        marks = read_marks(args.marks, args.seed)
        print("wrong speakers still wrong: " + mark_counts(marks, [still_wrong(m, found) for m in marks],
                                                           {d for d, _, _ in docs}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
