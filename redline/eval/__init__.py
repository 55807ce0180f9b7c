"""Quality as a number: run the pipeline over an evaluation set and score what it extracts.

``evaluate(path, ctx)`` reads a sentence-level event set (.jsonl) or the article gold set (a folder),
runs every record through the same stages ``redline analyze`` uses, and returns the scores.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from redline import events as events_stage
from redline import nlp as nlp_stage
from redline.errors import RedlineError
from redline.eval.datasets import DatasetError, EventSet, ExtraActor, GoldSet, read_dataset
from redline.eval.dates import DateScores, is_dates_set, score_dates
from redline.eval.dates import digest as dates_digest
from redline.eval.floors import FloorCheck, check_floors, load_floors, update_floors
from redline.eval.scoring import (
    EventScores,
    GoldScores,
    actor_vocabulary,
    predicted_of,
    score_events,
    score_gold,
    score_record,
)
from redline.ingest import normalize
from redline.models import Brief, Event, RawDocument
from redline.nlp.gazetteer import Actor, Gazetteer
from redline.pipeline import Context, run_one

__all__ = ["DatasetError", "EvalResult", "FloorCheck", "check_floors", "evaluate", "load_floors",
           "update_floors"]


@dataclass(frozen=True)
class EvalResult:
    name: str
    digest: str
    kind: str  # "events" or "gold"
    scores: dict[str, float]
    detail: EventScores | GoldScores | DateScores
    skipped: int = 0  # records the pipeline refused (ingest errors)


def evaluate(path: str | Path, ctx: Context) -> EvalResult:
    """Score the pipeline on the evaluation set at ``path``."""
    if is_dates_set(path):  # the dated test set of the date resolver (redline.eval.dates)
        return EvalResult(Path(path).stem, dates_digest(path), "dates", (d := score_dates(path)).scores, d)
    data = read_dataset(path)
    if isinstance(data, GoldSet):
        return _evaluate_gold(data, ctx)
    return _evaluate_events(data, ctx)


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
    return events_stage.code(nlp_stage.analyze(article, ctx.nlp, ctx.gazetteer))


def _evaluate_events(data: EventSet, ctx: Context) -> EvalResult:
    ctx = replace(ctx, gazetteer=with_actors(ctx.gazetteer, data.extra_actors))
    kinds = {a.code: a.kind for a in ctx.gazetteer.actors.values()}
    convert = actor_vocabulary(kinds)
    results = []
    skipped = 0
    for rec in data.records:
        try:
            events = code_sentence(rec.text, rec.date, ctx, f"{data.name}:{rec.id}")
        except RedlineError:
            skipped += 1
            events = ()
        results.append(score_record(rec.id, rec.text, rec.expected, predicted_of(events, convert)))
    scored = score_events(results, [r.expects_none for r in data.records])
    return EvalResult(data.name, data.digest, "events", scored.scores, scored, skipped)


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
