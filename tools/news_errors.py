"""List the event coder's errors on the TUNE half of the real-news set, by cause.

    python tools/news_errors.py                  # every tune error, grouped by cause, with its sentence
    python tools/news_errors.py --summary        # only the count per cause
    python tools/news_errors.py --cause spurious --cause missed

Rules are written from tune errors only (tests/gold/README.md); this script never reads the validation half.
Per document, redline's happening events are paired with the gold events the way the scorer pairs them (full
type + source + target matches first); what is left is paired by place in the text (the prediction's evidence
sentence holds the gold event's quote) and given one cause:

- ``wrong type``: same clause, same actors, another type;
- ``wrong source`` / ``wrong target`` / ``wrong actors``: same clause and type, an actor differs
  (``wrong actors``: both differ);
- ``wrong type+actors``: same clause, type and an actor differ;
- ``held back``: a gold event redline coded in full but kept out (negated, hypothetical, a status rule...);
- ``missed``: a gold event with no prediction in its sentence;
- ``spurious``: a prediction with no gold event in its sentence (with the must-not reason when it comes from
  a must-not clause).

The summary adds the right-type errors by role and kind of miss: an actor ``missing`` (the text names one,
redline none), ``extra`` (redline names one the text does not) or ``different``.

Each line shows the prediction (P) and the gold event (G) as TYPE source>target, redline's cameo, status and
the status rules that fired, and the sentence. Actors are compared at country level, as the scorer does.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline import events as events_stage  # noqa: E402
from redline import nlp as nlp_stage  # noqa: E402
from redline.eval.datasets import ExpectedEvent  # noqa: E402
from redline.eval.news import NewsDoc, country_vocabulary, happening, read_news  # noqa: E402
from redline.eval.splits import read_split, split_path  # noqa: E402
from redline.ingest import normalize  # noqa: E402
from redline.models import Event, RawDocument  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402

DATA = ROOT / "tests" / "data" / "realnews.jsonl"
CAUSES = ("wrong type", "wrong source", "wrong target", "wrong actors", "wrong type+actors", "held back", "missed",
          "spurious")


ROLES = ("source", "target")


@dataclass(frozen=True)
class Error:
    cause: str
    doc: str
    predicted: str
    gold: str
    sentence: str
    note: str = ""
    # per role of a paired prediction that has the gold type: how its actor differs (`actor_miss`)
    actors: tuple[tuple[str, str], ...] = ()


def actor_miss(predicted: str | None, gold: str | None) -> str | None:
    """How a predicted actor (country level) misses the gold one: ``missing`` (the gold names an actor, redline
    none), ``extra`` (redline names one where the text names none), ``different``; None when they agree."""
    if predicted == gold:
        return None
    if predicted is None:
        return "missing"
    return "extra" if gold is None else "different"


def actor_summary(errors: list[Error]) -> str:
    """One line: the right-type errors by role and kind of miss ("source missing 4, target different 6")."""
    counts = Counter(pair for e in errors for pair in e.actors)
    right_type = sum(1 for e in errors if e.actors)
    parts = [f"{role} {kind} {counts[role, kind]}" for role in ROLES for kind in ("missing", "extra", "different")
             if counts[role, kind]]
    return f"right type, wrong actors: {right_type} errors ({', '.join(parts) or 'none'})"


def _triple(kind: str, source: str | None, target: str | None) -> str:
    return f"{kind} {source or '-'}>{target or '-'}"


def _shown(e: Event, convert: Callable[[str | None], str | None]) -> str:
    rules = ",".join(e.status_rules)
    shown = _triple(e.type, convert(e.source), convert(e.target))
    return f"{shown} [{e.cameo} {e.status}{' ' + rules if rules else ''}]"


def _span(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None


def _holds(e: Event, span: tuple[int, int] | None) -> bool:
    return span is not None and any(ev.start < span[1] and span[0] < ev.end for ev in e.evidence)


def doc_errors(doc: NewsDoc, ctx: Context) -> list[Error]:
    """The errors of one document, each with its cause."""
    raw = RawDocument(origin=f"realnews:{doc.id}", text=doc.text, title=doc.title, url=doc.url,
                      published=doc.published)
    article = normalize(raw, ctx.settings)
    events = events_stage.code(nlp_stage.analyze(article, ctx.nlp, ctx.gazetteer))
    convert = country_vocabulary({a.code: a.kind for a in ctx.gazetteer.actors.values()})
    counted = happening(events)
    held = [e for e in events if e not in counted]

    def key(e: Event) -> tuple[str, str | None, str | None]:
        return e.type, convert(e.source), convert(e.target)

    def gkey(g: ExpectedEvent) -> tuple[str, str | None, str | None]:
        return g.type, g.source, g.target

    quotes = doc.quotes or ("",) * len(doc.expected)
    gold = list(zip(doc.expected, quotes, strict=True))
    free = list(counted)
    left: list[tuple[ExpectedEvent, str]] = []
    for g, quote in gold:
        hit = next((e for e in free if key(e) == gkey(g)), None)
        if hit is None:
            left.append((g, quote))
        else:
            free.remove(hit)
    errors: list[Error] = []
    for g, quote in left:
        span = _span(article.text, quote)
        near = [e for e in free if _holds(e, span)]
        shown_gold = _triple(*gkey(g))
        if not near:
            kept = next((e for e in held if key(e) == gkey(g) and _holds(e, span)), None)
            cause = "held back" if kept is not None else "missed"
            errors.append(Error(cause, doc.id, _shown(kept, convert) if kept else "", shown_gold, quote))
            continue
        same_type = [e for e in near if e.type == g.type]
        pick = same_type[0] if same_type else next(
            (e for e in near if (convert(e.source), convert(e.target)) == (g.source, g.target)), near[0])
        free.remove(pick)
        _, src, tgt = key(pick)
        if pick.type != g.type:
            cause = "wrong type" if (src, tgt) == (g.source, g.target) else "wrong type+actors"
        elif src != g.source and tgt != g.target:
            cause = "wrong actors"
        else:
            cause = "wrong source" if src != g.source else "wrong target"
        misses = [] if pick.type != g.type else [
            (role, kind) for role, p, gv in (("source", src, g.source), ("target", tgt, g.target))
            if (kind := actor_miss(p, gv)) is not None]
        errors.append(Error(cause, doc.id, _shown(pick, convert), shown_gold, quote, pick.text, tuple(misses)))
    for e in free:
        note = ""
        for m in doc.must_not:
            if _holds(e, _span(article.text, m.text)):
                note = f"must-not {m.reason}: {m.text}"
                break
        sentence = e.evidence[0].quote if e.evidence else ""
        errors.append(Error("spurious", doc.id, _shown(e, convert), "", sentence, note or e.text))
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--summary", action="store_true", help="print only the count per cause")
    parser.add_argument("--cause", action="append", choices=CAUSES, help="only these causes (repeatable)")
    parser.add_argument("--doc", action="append", help="only these document ids (repeatable)")
    args = parser.parse_args(argv)
    news = read_news(DATA)
    tune = read_split(split_path(DATA), [(d.id, d.text) for d in news.docs]).tune
    ctx = Context.load(Settings())
    errors: list[Error] = []
    for doc in news.docs:
        if doc.id in tune and (not args.doc or doc.id in args.doc):
            errors += doc_errors(doc, ctx)
    counts = Counter(e.cause for e in errors)
    print("tune errors by cause: " + ", ".join(f"{c} {counts[c]}" for c in CAUSES if counts[c]))
    print(actor_summary(errors))
    if args.summary:
        return 0
    for cause in CAUSES:
        if args.cause and cause not in args.cause:
            continue
        chosen = [e for e in errors if e.cause == cause]
        if not chosen:
            continue
        print(f"\n== {cause} ({len(chosen)})")
        for e in chosen:
            print(f"- {e.doc}: P {e.predicted or '(none)'} | G {e.gold or '(none)'}")
            print(f"    {' '.join(e.sentence.split())[:300]}")
            if e.note:
                print(f"    ({' '.join(e.note.split())[:200]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
