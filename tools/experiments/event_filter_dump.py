"""Dump every current event redline codes on realnews + PLOVER, with clause features and its label."""
from __future__ import annotations

import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from redline import events as events_stage  # noqa: E402
from redline import nlp as nlp_stage  # noqa: E402
from redline.eval import with_actors  # noqa: E402
from redline.eval.datasets import read_events  # noqa: E402
from redline.eval.news import country_vocabulary, happening, read_news  # noqa: E402
from redline.eval.scoring import actor_vocabulary  # noqa: E402
from redline.eval.splits import read_split, split_path  # noqa: E402
from redline.events import record  # noqa: E402
from redline.events.frame import is_article  # noqa: E402
from redline.ingest import normalize  # noqa: E402
from redline.models import RawDocument  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402

HOLD: dict = {}
FEATS: dict = {}
_firing = record.firing
_event = record._event


def features(coded, index) -> dict[str, float]:
    v = coded.clause.verb
    sent = v.sent
    f: dict[str, float] = {}
    f["pos=" + v.pos_] = 1
    f["dep=" + v.dep_] = 1
    f["tag=" + v.tag_] = 1
    f["root=" + coded.cameo[:2]] = 1
    f["mod=" + coded.factuality] = 1
    f["cmod=" + coded.clause.modality] = 1
    f["voice=" + coded.clause.voice] = 1
    f["has_src"] = float(coded.source is not None)
    f["has_tgt"] = float(coded.target is not None)
    f["same_ctry"] = float(coded.source is not None and coded.target is not None
                           and coded.source[:3] == coded.target[:3])
    f["article"] = float(is_article(v))
    n = next(k for k, s in enumerate(v.doc.sents) if s.start <= v.i < s.end)
    f["lede"] = float(n < 2)
    f["sent_len"] = min(len(sent), 80) / 80
    aux = {c.lower_ for c in v.children if c.dep_ in {"aux", "auxpass"}}
    f["perfect"] = float(bool(aux & {"has", "have", "'ve", "had"}))
    f["modal"] = float(bool(aux & {"can", "could", "may", "might", "should", "must", "would", "will"}))
    f["dated"] = float(bool(coded.clause.dates))
    f["sent_dated"] = float(any(m.type == "DATE" for m in index.mentions_in(list(sent))))
    f["quoted"] = float(any(t.text in {'"', "“", "”"} for t in sent))
    f["subj_pron"] = float(any(t.pos_ == "PRON" for t in coded.clause.subject[:1]))
    f["subj_named"] = float(bool(index.mentions_in(list(coded.clause.subject))))
    f["no_subj"] = float(not coded.clause.subject)
    f["head_verb_say"] = float(v.head.lemma_ in {"say", "tell", "state", "announce", "report", "claim"})
    f["n_ents"] = min(len([m for m in index.mentions_in(list(sent)) if m.type in {"ACTOR", "PERSON"}]), 6) / 6
    return f


def firing(coded, index):
    HOLD["f"] = features(coded, index)
    return _firing(coded, index)


def event(*a, **k):
    HOLD["f"] = None
    e = _event(*a, **k)
    if e is not None and HOLD.get("f") is not None:
        FEATS.setdefault((e.evidence[0].start, e.type, e.source, e.target), HOLD["f"])
    return e


record.firing = firing
record._event = event
events_stage._event = event  # type: ignore[attr-defined]


def feats_of(e):
    return FEATS.get((e.evidence[0].start, e.type, e.source, e.target))


def main() -> None:
    ctx = Context.load(Settings())
    out = []
    data = ROOT / "tests/data/realnews.jsonl"
    news = read_news(data)
    split = read_split(split_path(data), [(d.id, d.text) for d in news.docs])
    convert = country_vocabulary({a.code: a.kind for a in ctx.gazetteer.actors.values()})
    for doc in news.docs:
        FEATS.clear()
        raw = RawDocument(origin=f"realnews:{doc.id}", text=doc.text, title=doc.title, published=doc.published)
        article = normalize(raw, ctx.settings)
        evs = happening(events_stage.code(nlp_stage.analyze(article, ctx.parse, ctx.gazetteer)))
        half = "tune" if doc.id in split.tune else "validation"
        rows = [(e.type, convert(e.source), convert(e.target), feats_of(e), e.evidence[0].quote) for e in evs]
        out.append(("news", half, doc.id, doc.expected, rows, not doc.expected))
    pdata = read_events(ROOT / "tests/data/plover_gsr_dev.jsonl")
    psplit = read_split(split_path(ROOT / "tests/data/plover_gsr_dev.jsonl"), [(r.id, r.text) for r in pdata.records])
    pctx = Context(ctx.settings, ctx.nlp, with_actors(ctx.gazetteer, pdata.extra_actors), ctx.ledger)
    pconv = actor_vocabulary({a.code: a.kind for a in pctx.gazetteer.actors.values()})
    for rec in pdata.records:
        FEATS.clear()
        article = normalize(RawDocument(origin=f"p:{rec.id}", text=rec.text, published=rec.date), ctx.settings)
        evs = [e for e in events_stage.code(nlp_stage.analyze(article, pctx.parse, pctx.gazetteer))
               if e.status == "current"]
        half = "tune" if rec.id in psplit.tune else "validation"
        rows = [(e.type, pconv(e.source), pconv(e.target), feats_of(e), rec.text) for e in evs]
        out.append(("plover", half, rec.id, rec.expected, rows, rec.expects_none))
    pickle.dump(out, open("/tmp/event_filter_dump.pkl", "wb"))
    print(len(out), sum(len(r[4]) for r in out), sum(1 for r in out for x in r[4] if x[3] is None))


main()
