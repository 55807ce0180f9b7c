"""Quality as a number: run the pipeline over an evaluation set and score what it extracts.

``evaluate_all(path, ctx)`` reads a sentence-level event set (.jsonl), the real-news set (.jsonl of whole
documents) or the article gold set (a folder), runs every record through the same stages ``redline analyze``
uses, and returns the scores: one result per fixed half (tune, validation) and their gap when the set has a
split file beside it (see ``redline.eval.splits``), else one result for the whole set.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from redline import events as events_stage
from redline import nlp as nlp_stage
from redline.errors import RedlineError
from redline.eval.datasets import DatasetError, EventSet, ExtraActor, GoldSet, first_record, read_dataset
from redline.eval.dates import DateScores, is_dates_set, score_dates
from redline.eval.dates import digest as dates_digest
from redline.eval.floors import LOWER_IS_BETTER, FloorCheck, check_floors, load_floors, update_floors
from redline.eval.news import NewsScores, NewsSet, country_vocabulary, is_news, read_news, score_doc, score_news
from redline.eval.scoring import (
    EventScores,
    GoldScores,
    RecordResult,
    actor_vocabulary,
    predicted_of,
    score_events,
    score_gold,
    score_record,
)
from redline.eval.splits import HALVES, Split, read_split, split_path
from redline.eval.threats import (
    ThreatScores,
    folds_path,
    is_threats_set,
    read_folds,
    read_threats,
    run_cases,
    score_threats,
)
from redline.eval.threats import digest as threats_digest
from redline.ingest import normalize
from redline.models import Brief, Event, RawDocument
from redline.nlp.gazetteer import Actor, Gazetteer
from redline.pipeline import Context, run_one

__all__ = ["DatasetError", "EvalResult", "FloorCheck", "check_floors", "evaluate", "evaluate_all",
           "evaluate_baseline", "load_floors", "update_floors"]


# Scores that count things (not rates): their tune-validation gap is not comparable, so none is reported.
COUNTS = frozenset({"forbidden_assaults", "must_not_hits", "stale_dates"})


@dataclass(frozen=True)
class EvalResult:
    name: str  # the set's name, with "/tune", "/validation" or "/gap" for a half of a split set
    digest: str
    kind: str  # "events", "news", "gold" or "gap"
    scores: dict[str, float]
    detail: EventScores | GoldScores | DateScores | ThreatScores | None
    skipped: int = 0  # records the pipeline refused (ingest errors)
    half: str | None = None  # "tune" or "validation" for a half; None for a whole set or a gap
    note: str = ""  # how the half was scored, when not as the others ("out of fold")


def evaluate(path: str | Path, ctx: Context) -> EvalResult:
    """Score the pipeline on the whole evaluation set at ``path`` (ignoring any split)."""
    return _evaluate(Path(path), ctx, split=False)[0]


def evaluate_all(path: str | Path, ctx: Context) -> list[EvalResult]:
    """Score the set at ``path``: tune, validation and gap results when it has a split, else the whole set."""
    return _evaluate(Path(path), ctx, split=True)


def _read(path: Path) -> EventSet | GoldSet | NewsSet:
    if (first := first_record(path)) is not None and is_news(first):
        return read_news(path)
    return read_dataset(path)


def _records(data: EventSet | NewsSet) -> list[tuple[str, str]]:
    """(id, text) of every record, what the split rule reads."""
    if isinstance(data, NewsSet):
        return [(d.id, d.text) for d in data.docs]
    return [(r.id, r.text) for r in data.records]


def _evaluate(path: Path, ctx: Context, split: bool) -> list[EvalResult]:
    if is_dates_set(path):  # the dated test set of the date resolver (redline.eval.dates): halves in its records
        return [EvalResult(path.stem, dates_digest(path), "dates", (d := score_dates(path)).scores, d)]
    if is_threats_set(path):  # the threat and claim set (redline.eval.threats)
        return _threat_results(path, ctx, split)
    data = _read(path)
    if isinstance(data, GoldSet):
        return [_evaluate_gold(data, ctx)]
    halves = read_split(split_path(path), _records(data)) if split and split_path(path).is_file() else None
    if isinstance(data, NewsSet):
        return _news_results(data, ctx, halves)
    return _event_results(data, ctx, halves)


def evaluate_baseline(path: str | Path) -> list[EvalResult]:
    """Type scores of the learned baseline (``redline.eval.baseline``) on the set at ``path``: per half when it
    has a split, the false-event rate on a negatives-only set, nothing on other sets (the article gold set
    scores briefs, petrarch2's fictional records have no half the baseline was kept from). BaselineMissing when
    no baseline is installed."""
    from redline.eval.baseline import load_baseline, score_baseline_news, score_baseline_records

    path = Path(path)
    if is_threats_set(path) or is_dates_set(path):
        return []  # sets of threats or dates, not of events: nothing for an event-type baseline to score
    data = _read(path)
    if isinstance(data, GoldSet):
        return []
    model = load_baseline()
    split = read_split(split_path(path), _records(data)) if split_path(path).is_file() else None
    if split is None and isinstance(data, EventSet) and not all(r.expects_none for r in data.records):
        return []  # a set the baseline has no held-out half of, and not a negatives-only set: nothing to compare
    parts: list[tuple[str, frozenset[str] | None, str | None]] = (
        [(f"{data.name}/{h}", split.ids(h), h) for h in HALVES] if split else [(data.name, None, None)])
    out = []
    for name, keep, half in parts:
        if isinstance(data, NewsSet):
            scores = score_baseline_news(model, [d for d in data.docs if keep is None or d.id in keep])
        else:
            scores = score_baseline_records(model, [r for r in data.records if keep is None or r.id in keep])
        digest = hashlib.sha256(f"{data.digest}:{name}:{model.digest}".encode()).hexdigest()[:16]
        out.append(EvalResult(f"{name}:baseline", digest, "baseline", scores, None, 0, half))
    return out


def with_actors(gazetteer: Gazetteer, extra: tuple[ExtraActor, ...]) -> Gazetteer:
    """A copy of ``gazetteer`` that also knows ``extra`` actors (a set's own dictionary, e.g. petrarch2's)."""
    if not extra:
        return gazetteer
    actors = dict(gazetteer.actors)
    for a in extra:
        actors.setdefault(a.alias, Actor(a.code, a.alias, "state", None))
    return replace(gazetteer, actors=actors)


def code_sentence(text: str, date: str | None, ctx: Context, origin: str) -> tuple[Event, ...]:
    """The events of one short text through the ingest, nlp and events stages."""
    article = normalize(RawDocument(origin=origin, text=text, published=date), ctx.settings)
    return events_stage.code(nlp_stage.analyze(article, ctx.parse, ctx.gazetteer))


def _event_results(data: EventSet, ctx: Context, split: Split | None) -> list[EvalResult]:
    ctx = replace(ctx, gazetteer=with_actors(ctx.gazetteer, data.extra_actors))
    kinds = {a.code: a.kind for a in ctx.gazetteer.actors.values()}
    convert = actor_vocabulary(kinds)
    results: list[RecordResult] = []
    failed: set[str] = set()
    for rec in data.records:
        try:
            events = code_sentence(rec.text, rec.date, ctx, f"{data.name}:{rec.id}")
        except RedlineError:
            failed.add(rec.id)
            events = ()
        results.append(score_record(rec.id, rec.text, rec.expected, predicted_of(events, convert)))

    def aggregate(name: str, digest: str, keep: frozenset[str] | None, half: str | None) -> EvalResult:
        chosen = [(r, rec) for r, rec in zip(results, data.records, strict=True) if keep is None or rec.id in keep]
        scored = score_events([r for r, _ in chosen], [rec.expects_none for _, rec in chosen])
        skipped = sum(1 for _, rec in chosen if rec.id in failed)
        return EvalResult(name, digest, "events", scored.scores, scored, skipped, half)

    if split is None:
        return [aggregate(data.name, data.digest, None, None)]
    return _with_gap(data.name, [aggregate(f"{data.name}/{h}", _half_digest(data.digest, split, h), split.ids(h), h)
                                 for h in HALVES])


def _news_results(data: NewsSet, ctx: Context, split: Split | None) -> list[EvalResult]:
    convert = country_vocabulary({a.code: a.kind for a in ctx.gazetteer.actors.values()})
    coded = []
    for doc in data.docs:
        raw = RawDocument(origin=f"{data.name}:{doc.id}", text=doc.text, title=doc.title, url=doc.url,
                          published=doc.published)
        try:
            article = normalize(raw, ctx.settings)
        except RedlineError as e:
            raise DatasetError(f"{data.name}: {doc.id}: redline refused the document ({e})") from None
        events = events_stage.code(nlp_stage.analyze(article, ctx.parse, ctx.gazetteer))
        coded.append(score_doc(doc, article, events, convert))

    def aggregate(name: str, digest: str, keep: frozenset[str] | None, half: str | None) -> EvalResult:
        chosen = [(d, c) for d, c in zip(data.docs, coded, strict=True) if keep is None or d.id in keep]
        scored: NewsScores = score_news([d for d, _ in chosen], [c for _, c in chosen])
        return EvalResult(name, digest, "news", scored.scores, scored, 0, half)

    if split is None:
        return [aggregate(data.name, data.digest, None, None)]
    return _with_gap(data.name, [aggregate(f"{data.name}/{h}", _half_digest(data.digest, split, h), split.ids(h), h)
                                 for h in HALVES])


def _threat_results(path: Path, ctx: Context, split: bool) -> list[EvalResult]:
    """The threat set's scores; with a split, its tune half out of fold when fold models lie beside it (the
    classifier is trained on tune: ``redline.eval.threats``)."""
    records = read_threats(path)
    digest = threats_digest(path)
    halves = read_split(split_path(path), [(r.id, r.text) for r in records]) \
        if split and split_path(path).is_file() else None
    folds = read_folds(folds_path(path), [r for r in records if r.id in halves.tune]) \
        if halves is not None and folds_path(path).is_file() else None
    cases = run_cases(records, ctx, path.stem, folds)
    if halves is None:
        return [EvalResult(path.stem, digest, "threats", (d := score_threats(cases)).scores, d)]
    results = []
    for h in HALVES:
        scored = score_threats([c for c in cases if c.record.id in halves.ids(h)])
        note = "" if h != "tune" else (f"out of fold: each record found by a classifier trained without its "
                                       f"document, {len(folds.models)} folds" if folds else
                                       "in-sample: the classifier was trained on these records")
        results.append(EvalResult(f"{path.stem}/{h}", _half_digest(digest, halves, h), "threats", scored.scores,
                                  scored, 0, h, note))
    return _with_gap(path.stem, results)


def _half_digest(digest: str, split: Split, half: str) -> str:
    return hashlib.sha256(f"{digest}:{split.digest}:{half}".encode()).hexdigest()[:16]


def _with_gap(name: str, halves: Sequence[EvalResult]) -> list[EvalResult]:
    """The two halves and their gap: how much better each rate is on tune than on validation."""
    tune, val = halves
    gap: dict[str, float] = {}
    for key, score in tune.scores.items():
        if key in COUNTS or key not in val.scores:
            continue
        better = val.scores[key] - score if key in LOWER_IS_BETTER else score - val.scores[key]
        gap[f"{key}_gap"] = round(better, 4)
    digest = hashlib.sha256(f"{tune.digest}:{val.digest}".encode()).hexdigest()[:16]
    return [*halves, EvalResult(f"{name}/gap", digest, "gap", gap, None)]


def _evaluate_gold(data: GoldSet, ctx: Context) -> EvalResult:
    briefs: list[Brief] = []
    for a in data.articles:
        raw = RawDocument(origin=f"{data.name}:{a.id}", text=a.text, title=a.title, published=a.published)
        brief = run_one(raw, ctx)
        if not isinstance(brief, Brief):
            raise DatasetError(f"{a.id}: the pipeline skipped this gold article ({brief.reason})")
        briefs.append(brief)
    scored = score_gold(data.articles, briefs)
    return EvalResult(data.name, data.digest, "gold", scored.scores, scored)
