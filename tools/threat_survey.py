"""Survey the threat extractor's issuers and clauses on real documents that no gold set holds.

    python tools/threat_survey.py                          # every threat of the seeded draw, with its sentence
    python tools/threat_survey.py --marks tools/threat_survey_marks.tsv   # and the marked errors by kind

The draw is the claim survey's (``tools/claim_survey.py``: ``--n`` documents, seeded by ``--seed``, shared out
over the Kremlin pages, White House documents, VOA articles and Wikipedia Current Events days of ``--data``,
leaving out every document, page and Current Events day a gold set holds, tune and validation alike), so the
survey never reads a validation document. Threats are rarer than claims (5 in the claim survey's 40 documents),
so the default draw is 200 documents (about 28 threats). Each document goes through ingest, the nlp stage and the
threat extractor as the pipeline runs them (the shipped model, no fold), and every threat is printed as
``doc  issuer  speaker  form  status  if <trigger> -> <response>  | sentence``, with ``!`` before a trigger or
response that is no usable clause (``redline.eval.threats.usable_clause``).

A marks file, written by reading that listing, holds under a ``# seed N`` line one line per threat of that draw
judged wrong (tab-separated): the document id, the start of the sentence (enough to tell it from the others of its
document), what is wrong (``issuer``, ``trigger``, ``response`` or ``threat``), the right value (the issuer's code,
``-`` for none; ``-`` for a clause or a sentence that is no threat) and the kind of error. With ``--marks`` the
survey counts, per kind, the marked threats still wrong: an issuer other than the right one, an unusable trigger or
response (a trigger marked ``-``: the sentence states no condition, so a found one is wrong), a sentence that is no
threat still giving one; a marked threat no longer found counts as fixed only for ``threat`` marks.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from claim_survey import analysed, arguments, mark_counts, sample, seed_marks  # noqa: E402

from redline.assess.rhetoric import find_threats  # noqa: E402
from redline.eval.threats import usable_clause  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402

FIELDS = ("issuer", "trigger", "response", "threat")


@dataclass(frozen=True)
class Found:
    doc: str
    issuer: str
    speaker: str
    form: str
    status: str
    trigger: str
    response: str
    trigger_ok: bool
    response_ok: bool
    sentence: str


def urls(data: Path) -> dict[str, str]:
    """The page address of each Kremlin and White House document of the draw, by its survey id: a government's
    own page speaks in its voice ("we" on kremlin.ru is Russia), as the pipeline reads it from the URL."""
    out = {}
    with gzip.open(data / "kremlin" / "kremlin_en_pages.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out[f"kremlin-{d['url'].rsplit('/', 1)[-1]}"] = d["url"]
    with gzip.open(data / "whitehouse" / "wh_conflict_docs.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("source_url"):
                out[f"wh-{d['path']}"] = d["source_url"]
    return out


def survey(docs: list[tuple[str, str, str | None]], pages: dict[str, str]) -> list[Found]:
    """Every threat of ``docs``, as the pipeline's nlp stage and threat extractor find it."""
    ctx = Context.load(Settings())
    found = []
    for doc_id, analysis, threats in analysed(docs, ctx, find_threats, pages):
        body = analysis.article.text
        for t in threats:
            ev = t.evidence[0]
            found.append(Found(doc_id, t.actor or "-", t.speaker or "-", t.form, t.status, t.trigger, t.response,
                               not t.trigger or usable_clause(t.trigger, ctx.nlp), usable_clause(t.response, ctx.nlp),
                               " ".join(body[ev.start:ev.end].split())))
    return found


def read_marks(path: Path, seed: int) -> list[tuple[str, str, str, str, str]]:
    """(doc, sentence start, field, right value or "-", kind) per threat marked in the draw of ``seed``."""
    marks = seed_marks(path, seed)
    for n, (_, _, what, _, _) in marks:
        if what not in FIELDS:
            raise ValueError(f"{path}:{n}: {what!r} is no field ({', '.join(FIELDS)})")
    return [mark for _, mark in marks]


def still_wrong(mark: tuple[str, str, str, str, str], found: list[Found]) -> bool:
    """Whether a marked threat is still wrong (see the module's docstring)."""
    doc, start, what, right, _ = mark
    mine = [f for f in found if f.doc == doc and f.sentence.startswith(start)]
    if what == "threat":
        return bool(mine)
    if what == "issuer":
        return any(f.issuer != right for f in mine)
    if what == "trigger":
        return any(bool(f.trigger) if right == "-" else not f.trigger_ok for f in mine)
    return any(not f.response_ok for f in mine)


def _clause(text: str, ok: bool) -> str:
    return f"{'' if ok else '!'}{text!r}"


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.split("\n")[0], 200, "threats", argv)
    docs = sample(args.data, args.seed, args.n)
    found = survey(docs, urls(args.data))
    if not args.quiet:
        for f in found:
            print(f"{f.doc}\t{f.issuer}\t{f.speaker}\t{f.form}\t{f.status}\tif {_clause(f.trigger, f.trigger_ok)} "
                  f"-> {_clause(f.response, f.response_ok)}\t| {f.sentence[:300]}")
    unusable = sum(1 for f in found if f.form == "conditional" and not (f.trigger_ok and f.response_ok))
    conditional = sum(1 for f in found if f.form == "conditional")
    print(f"{len(found)} threats, {conditional} conditional, {unusable} of them with an unusable clause, "
          f"{sum(f.issuer == '-' for f in found)} with no issuer")
    if args.marks:
        marks = read_marks(args.marks, args.seed)
        print("marked threats still wrong: " + mark_counts(marks, [still_wrong(m, found) for m in marks],
                                                            {d for d, _, _ in docs}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
