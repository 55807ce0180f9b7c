"""The only place where stages are composed: raw document in, Brief (or Skip) out.

Each stage declares what it requires and produces; ``check_stages`` verifies the order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from redline import assess as assess_stage
from redline import events as events_stage
from redline import nlp as nlp_stage
from redline import scenarios as scenarios_stage
from redline.assess.ledger import LedgerView, seed_view
from redline.errors import IngestError, ModelNotInstalled, RedlineError, SourceError
from redline.ingest import normalize
from redline.iterutil import batched
from redline.models import Article, Brief, RawDocument, Skip
from redline.nlp import chunks, prefilter
from redline.nlp.gazetteer import Gazetteer
from redline.nlp.load import load_pipeline, paused_gc
from redline.report.brief import build_brief
from redline.settings import Settings


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("ingest", ("raw",), ("article",)),
    Stage("nlp", ("article",), ("analysis",)),
    Stage("events", ("analysis",), ("events",)),
    Stage("threats", ("analysis",), ("threats",)),
    Stage("ledger", ("article",), ("ledger",)),
    Stage("assess", ("analysis", "events", "threats", "ledger"), ("assessment",)),
    Stage("scenarios", ("events", "threats", "assessment", "ledger"), ("scenarios",)),
    Stage("report", ("analysis", "events", "threats", "assessment", "scenarios"), ("brief",)),
)


def check_stages(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise ValueError if a stage requires something no earlier stage produces."""
    available = {"raw"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {', '.join(missing)} before it is produced")
        available.update(stage.produces)


LedgerSource = Callable[[str | None], LedgerView]


@lru_cache(maxsize=64)
def seed_ledger(day: str | None) -> LedgerView:
    """``seed_view(day)``, kept per day: the seed ledger is fixed for the process, and working it out as of a
    day (a few hundred entries rebuilt) cost more than the rest of the assessment of a short article. The
    views are frozen, so articles of the same day share one."""
    return seed_view(day)


@dataclass(frozen=True)
class Context:
    """What every stage call needs, loaded once per process.

    ``ledger`` gives the read-only red-line ledger as known on a day (ISO date, or None for everything):
    ``Store.ledger_view`` when there is a store, else the seed ledger alone.
    """

    settings: Settings
    nlp: Any
    gazetteer: Gazetteer
    ledger: LedgerSource = seed_ledger

    @classmethod
    def load(cls, settings: Settings, ledger: LedgerSource | None = None) -> Context:
        with paused_gc():  # the model and the tables are kept for the process's life
            nlp = load_pipeline(settings)
            gazetteer = Gazetteer.load(settings.min_city_population)
        return cls(settings, nlp, gazetteer, ledger or seed_ledger)

    def with_ledger(self, ledger: LedgerSource) -> Context:
        """The same context reading the ledger from ``ledger`` (e.g. a store opened after loading)."""
        return Context(self.settings, self.nlp, self.gazetteer, ledger)

    def parse(self, text: str) -> Any:
        """The Doc of ``text``: only the sentences that can matter parsed when ``settings.prefilter`` is on."""
        if self.settings.prefilter:
            return prefilter.parse(self.nlp, text, self.gazetteer)
        return chunks.parse(self.nlp, text)

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
        """``parse`` over many texts, batched through ``nlp.pipe``."""
        if self.settings.prefilter:
            return prefilter.pipe(self.nlp, texts, self.gazetteer, batch_size=batch_size)
        return chunks.pipe(self.nlp, texts, batch_size=batch_size)  # long texts in chunks


def analyze_article(article: Article, ctx: Context, doc: Any = None) -> Brief:
    """Run every stage after ingest on one article; ``doc`` is its text already parsed by ``ctx.parse``."""
    parsed = ctx.parse(article.text) if doc is None else doc
    analysis = nlp_stage.analyze(article, lambda _text: parsed, ctx.gazetteer)
    events = events_stage.code(analysis)
    threats = assess_stage.find_threats(analysis)
    ledger = ctx.ledger(article.published.date().isoformat() if article.published else None)
    news = events_stage.current(events)  # background, hypothetical, denied ... acts stay in the brief only
    assessment = assess_stage.assess(analysis, news, threats, ledger)
    scenarios = scenarios_stage.forecast(news, threats, assessment, ledger)
    return build_brief(analysis, events, threats, assessment, scenarios)


def analyze_many(articles: Sequence[Article], ctx: Context, batch_size: int = 32) -> Iterator[Brief | Skip]:
    """``analyze_article`` over many articles, parsed together with ``nlp.pipe``; a failure is that article's Skip.

    An error redline did not foresee in one article is that article's Skip too ("internal error: ..."), so a
    long batch is not lost to one bad document; ModelNotInstalled still stops the run.
    """
    docs = ctx.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        try:
            yield analyze_article(article, ctx, doc)
        except ModelNotInstalled:
            raise
        except RedlineError as e:
            yield Skip(article.origin, "analyze", str(e), article.id)
        except Exception as e:  # noqa: BLE001 - kept as data with its type, see the docstring
            yield Skip(article.origin, "analyze", f"{article.origin}: internal error: {type(e).__name__}: {e}",
                       article.id)


def run_one(raw: RawDocument, ctx: Context, published: str | None = None) -> Brief | Skip:
    """Ingest and analyse one document; a document redline cannot use becomes a Skip with its reason.

    Args:
        published: a date overriding the document's own (``--published``).
    """
    try:
        article = normalize(raw, ctx.settings, published=published)
    except (IngestError, SourceError) as e:
        return Skip(raw.origin, "ingest", str(e))
    try:
        return analyze_article(article, ctx)
    except RedlineError as e:
        return Skip(raw.origin, "analyze", str(e), article.id)


def run_many(raws: Iterable[RawDocument | Skip], ctx: Context, published: str | None = None,
             batch_size: int = 16) -> Iterator[Brief | Skip]:
    """``run_one`` over many documents (a Skip passes through), their texts parsed together with ``nlp.pipe`` a
    batch at a time. Each document is analysed only when the caller asks for its result, so a caller that stores
    each brief before taking the next sees the same ledger as with ``run_one``."""
    for batch in batched(raws, batch_size):
        yield from _run_batch(batch, ctx, published)


def _run_batch(raws: list[RawDocument | Skip], ctx: Context, published: str | None) -> Iterator[Brief | Skip]:
    ready: list[tuple[str, Article | Skip]] = []
    for raw in raws:
        if isinstance(raw, Skip):
            ready.append((raw.origin, raw))
            continue
        try:
            ready.append((raw.origin, normalize(raw, ctx.settings, published=published)))
        except (IngestError, SourceError) as e:
            ready.append((raw.origin, Skip(raw.origin, "ingest", str(e))))
    texts = [a.text for _origin, a in ready if isinstance(a, Article)]
    try:
        docs: Iterator[Any] | None = iter(list(ctx.pipe(texts, batch_size=max(1, len(texts)))))
    except Exception:  # noqa: BLE001 - a text the parser cannot take: each article parses alone, as in run_one
        docs = None
    for origin, article in ready:
        if isinstance(article, Skip):
            yield article
            continue
        doc = next(docs) if docs is not None else None
        try:
            yield analyze_article(article, ctx, doc)
        except RedlineError as e:
            yield Skip(origin, "analyze", str(e), article.id)
