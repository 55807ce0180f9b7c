"""The real-news development set: whole documents annotated exhaustively (format in tests/gold/README.md).

Each document lists every event it reports and the clauses that must not become events (a permission, an
interception, a hypothetical, a background act, an accident...), each with its reason. Scoring runs the
ingest, nlp and events stages on the whole document and pairs redline's events with the gold ones:

- type and (type, source, target) precision, recall and F1, actors at country level, where a gold actor left
  blank (the text does not name one) agrees only with no actor;
- the false-event rate on documents that hold no event;
- ``forbidden_assaults``: ASSAULT events matching no gold event whose evidence overlaps a permission, decision,
  interception, hypothetical or plan clause (the issue's "kinetic events that never happened");
- ``must_not_hits``: unmatched events of any type drawn from a must-not clause;
- ``stale_dates``: events dated more than a year before the document whose evidence sentence does not name
  that year (the issue's "85 of 874 stored events sit in a different year from their article").

Only events redline reports as happening are scored: a factuality in NOT_HAPPENING keeps an event out, as
it keeps it out of the situation picture.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from redline.eval.datasets import DatasetError, ExpectedEvent, gold_actor
from redline.eval.scoring import EventScores, Predicted, RecordResult, score_events, score_record
from redline.models import Article, Event

# Must-not reasons whose clause, coded as an ASSAULT, is a kinetic event that never happened.
FORBIDDEN_ASSAULT_REASONS = frozenset({"permission", "decision", "interception", "hypothetical", "plan"})
REASONS = FORBIDDEN_ASSAULT_REASONS | {"future", "background", "negated", "alleged", "warning", "accident",
                                      "disaster", "crime"}
# Factuality (or status) values of events that are kept with their status but do not count as happenings.
NOT_HAPPENING = frozenset({"negated", "conditional", "future", "hypothetical", "background", "decision",
                           "permission", "interception", "denied"})
# A sentence end for the reader's check: a stop with its closing quotes or brackets and the space after, or a line
# break (a rough cut that may join two sentences, never split one, so the check errs towards refusing).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+|\n+")


@dataclass(frozen=True)
class MustNot:
    reason: str
    text: str  # exact substring of the document
    type: str | None  # the event a naive reading would make of the clause
    source: str | None
    target: str | None


@dataclass(frozen=True)
class NewsDoc:
    id: str
    source: str
    title: str
    text: str
    published: str | None
    expected: tuple[ExpectedEvent, ...]
    must_not: tuple[MustNot, ...]
    quotes: tuple[str, ...] = ()  # the clause of each expected event, in the same order
    url: str | None = None  # the page's address, as ingest would have it (a government's own site tells its voice)


@dataclass(frozen=True)
class NewsSet:
    name: str
    digest: str
    docs: tuple[NewsDoc, ...]


@dataclass(frozen=True)
class Coded:
    """One document's events as scored: the paired result and the events drawn from must-not clauses."""
    result: RecordResult
    forbidden: tuple[Predicted, ...]  # unmatched ASSAULTs from a permission/decision/... clause
    must_not_hits: tuple[tuple[str, Predicted], ...]  # (reason, event) for every unmatched event from a clause
    held_back: int  # events redline kept out as not happening (negated, conditional...)
    stale_dates: tuple[Predicted, ...] = ()  # dated over a year before the document, that year not in the sentence
    missed: tuple[tuple[ExpectedEvent, str], ...] = ()  # gold events no prediction fully matches, with their clause
    wrong: tuple[tuple[Predicted, str], ...] = ()  # predictions matching no gold event in full, with their sentence


def is_news(first_record: dict[str, Any]) -> bool:
    """A record of the real-news shape (has ``events`` and ``must_not``), not a sentence-level event record."""
    return "must_not" in first_record and "events" in first_record


def read_news(path: Path) -> NewsSet:
    raw = path.read_bytes()
    docs: list[NewsDoc] = []
    seen: set[str] = set()
    for n, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            doc = _doc(json.loads(line))
        except (ValueError, KeyError, TypeError) as e:
            raise DatasetError(f"{path}:{n}: not a real-news document ({e}; see tests/gold/README.md)") from None
        if doc.id in seen:
            raise DatasetError(f"{path}:{n}: duplicate document id {doc.id!r}")
        seen.add(doc.id)
        docs.append(doc)
    if not docs:
        raise DatasetError(f"{path}: no documents")
    return NewsSet(path.stem, hashlib.sha256(raw).hexdigest()[:16], tuple(docs))


def _doc(item: dict[str, Any]) -> NewsDoc:
    text = str(item["text"])
    expected = []
    quotes = []
    for e in item["events"]:
        if e["text"] not in text:
            raise ValueError(f"{item['id']}: event quote not in the text: {e['text'][:60]!r}")
        expected.append(ExpectedEvent(str(e["type"]), gold_actor(e.get("source")), gold_actor(e.get("target"))))
        quotes.append(str(e["text"]))
    must_not = []
    for m in item["must_not"]:
        if m["text"] not in text:
            raise ValueError(f"{item['id']}: must-not quote not in the text: {m['text'][:60]!r}")
        if m["reason"] not in REASONS:
            raise ValueError(f"{item['id']}: unknown must-not reason {m['reason']!r} (one of {sorted(REASONS)})")
        must_not.append(MustNot(str(m["reason"]), str(m["text"]), m.get("type"), gold_actor(m.get("source")),
                                gold_actor(m.get("target"))))
    _check_traps(str(item["id"]), text, expected, quotes, must_not)
    origin = str(item.get("origin") or "")
    return NewsDoc(str(item["id"]), str(item.get("source", "")), str(item.get("title", "")), text,
                   item.get("published"), tuple(expected), tuple(must_not), tuple(quotes),
                   origin if origin.startswith(("http://", "https://")) else None)


def _check_traps(doc_id: str, text: str, expected: Sequence[ExpectedEvent], quotes: Sequence[str],
                 must_not: Sequence[MustNot]) -> None:
    """Refuse a must-not clause that names the type and actors of a gold event in the same sentence.

    score_doc counts an event against a clause whose sentence it shares when it is exactly the clause's naive
    coding, even if it is a right coding of the gold event: such a clause must name no type (``"type": null``).
    """
    cuts = [0] + [k for m in _SENTENCE_END.finditer(text) for k in (m.start(), m.end())] + [len(text)]
    sentences = list(zip(cuts[::2], cuts[1::2], strict=True))

    def where(quote: str) -> set[int]:
        at = text.find(quote)
        return {k for k, (a, b) in enumerate(sentences) if _overlap((a, b), (at, at + len(quote)))}

    for clause in must_not:
        if clause.type is None:
            continue
        for event, quote in zip(expected, quotes, strict=True):
            same = (event.type, event.source, event.target) == (clause.type, clause.source, clause.target)
            if same and where(clause.text) & where(quote):
                raise ValueError(f"{doc_id}: must-not clause {clause.text[:50]!r} names the type and actors of the "
                                 f"gold event {quote[:50]!r} in the same sentence; give it \"type\": null")


def country_vocabulary(kinds: Mapping[str, str]) -> Callable[[str | None], str | None]:
    """Map a predicted actor code to the real-news vocabulary: organisations as IGO, everything else at country
    level, so that an armed group scores right only when it carries its home country ("SOM-INS" = "SOM"), as
    the annotation guide asks; a group code without one ("SHB") matches nothing."""
    def convert(code: str | None) -> str | None:
        if not code:
            return None
        head = code.split("-")[0]
        if (kinds.get(code) or kinds.get(head)) in {"igo", "ngo"}:
            return "IGO"
        return gold_actor(head)
    return convert


def happening(events: Sequence[Event]) -> list[Event]:
    """The events redline reports as happening or having happened: neither their factuality nor their status
    (background, decision, interception...: ``redline.events.status``) keeps them out."""
    return [e for e in events if e.factuality not in NOT_HAPPENING and e.status == "current"]


def score_doc(doc: NewsDoc, article: Article, events: Sequence[Event],
              convert: Callable[[str | None], str | None]) -> Coded:
    """Pair one document's events with its gold and find the ones drawn from must-not clauses.

    An event counts against a must-not clause when its evidence sentence holds the clause and either no gold
    event took it (it is surplus) or it is exactly what the clause would naively be coded as.
    """
    counted = happening(events)
    predicted = [Predicted(e.type, convert(e.source), convert(e.target)) for e in counted]
    result = score_record(doc.id, doc.title, doc.expected, predicted, blank_matches_any=False)
    surplus = _surplus(doc.expected, list(range(len(predicted))), predicted)
    spans = [(m, _span(article.text, m.text)) for m in doc.must_not]
    forbidden: list[Predicted] = []
    hits: list[tuple[str, Predicted]] = []
    for k, (event, pred) in enumerate(zip(counted, predicted, strict=True)):
        for clause, span in spans:
            if span is None or not any(_overlap(span, (ev.start, ev.end)) for ev in event.evidence):
                continue
            naive = (clause.type, clause.source, clause.target) == (pred.type, pred.source, pred.target)
            if k not in surplus and not naive:
                continue
            if clause.type not in (None, pred.type):
                continue
            if pred.type == "ASSAULT" and clause.reason in FORBIDDEN_ASSAULT_REASONS:
                forbidden.append(pred)
            hits.append((clause.reason, pred))
            break
    stale = tuple(pred for event, pred in zip(counted, predicted, strict=True) if _stale(event, doc.published))
    missed, wrong = _unpaired(doc.expected, predicted)
    quotes = doc.quotes or ("",) * len(doc.expected)
    return Coded(result, tuple(forbidden), tuple(hits), len(events) - len(counted), stale,
                 tuple((doc.expected[k], quotes[k]) for k in missed),
                 tuple((predicted[k], counted[k].evidence[0].quote if counted[k].evidence else "") for k in wrong))


def _unpaired(expected: Sequence[ExpectedEvent], predicted: Sequence[Predicted]) -> tuple[list[int], list[int]]:
    """Indexes of the gold events and of the predictions left without a full (type, source, target) match."""
    free = list(range(len(predicted)))
    missed = []
    for k, exp in enumerate(expected):
        hit = next((j for j in free if (predicted[j].type, predicted[j].source, predicted[j].target)
                    == (exp.type, exp.source, exp.target)), None)
        if hit is None:
            missed.append(k)
        else:
            free.remove(hit)
    return missed, free


def _stale(event: Event, published: str | None) -> bool:
    """Dated more than a year before ``published`` although no evidence sentence names the event's year."""
    if not event.date or not published or len(event.date) < 10 or len(published) < 10:
        return False
    try:
        gap = date.fromisoformat(published[:10]) - date.fromisoformat(event.date[:10])
    except ValueError:
        return False
    return gap.days > 366 and not any(event.date[:4] in ev.quote for ev in event.evidence)


def _surplus(expected: Sequence[ExpectedEvent], keys: list[int], predicted: Sequence[Predicted]) -> set[int]:
    """Indexes of predicted events no gold event takes: full matches first, then by type (as score_record)."""
    free = list(keys)
    left: list[ExpectedEvent] = []
    for exp in expected:
        k = next((k for k in free if (predicted[k].type, predicted[k].source, predicted[k].target)
                  == (exp.type, exp.source, exp.target)), None)
        if k is None:
            left.append(exp)
        else:
            free.remove(k)
    for exp in left:
        k = next((k for k in free if predicted[k].type == exp.type), None)
        if k is not None:
            free.remove(k)
    return set(free)


def _span(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` sits in the normalised article text (whitespace may have been collapsed)."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class NewsScores(EventScores):
    """Event scores of a half of the real-news set, with the must-not findings of each document."""
    coded: tuple[Coded, ...] = ()


def score_news(docs: Sequence[NewsDoc], coded: Sequence[Coded]) -> NewsScores:
    base = score_events([c.result for c in coded], [not d.expected for d in docs])
    scores = dict(base.scores)
    scores["forbidden_assaults"] = float(sum(len(c.forbidden) for c in coded))
    scores["must_not_hits"] = float(sum(len(c.must_not_hits) for c in coded))
    scores["stale_dates"] = float(sum(len(c.stale_dates) for c in coded))
    return NewsScores(scores, base.confusion, base.records, tuple(coded))
