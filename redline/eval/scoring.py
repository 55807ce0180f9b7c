"""Scores: predicted events against expected ones, and briefs against the article gold set.

Event sets: per record, predicted and expected events are paired by type, preferring pairs whose actors
agree; (type) and (type, source, target) precision, recall and F1 are micro-averaged over records.
Actors compare at country level ("RUS-MIL" = "RUS"); an expected actor left blank by the annotators
matches any prediction. Gold articles: a ``must`` fact found is a true positive, one missed a false
negative, a ``must_not`` fact found a false positive (the with/without scheme of trafilatura's gate).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.eval.datasets import ExpectedEvent, GoldArticle, gold_actor
from redline.models import Brief, Event

NONE = "(none)"


@dataclass(frozen=True)
class Predicted:
    type: str
    source: str | None  # country level, in the gold set's vocabulary (IGO for organisations)
    target: str | None


@dataclass(frozen=True)
class RecordResult:
    id: str
    text: str
    expected: tuple[ExpectedEvent, ...]
    predicted: tuple[Predicted, ...]
    type_hits: int
    full_hits: int
    source_hits: int
    target_hits: int
    paired: int

    @property
    def ok(self) -> bool:
        return self.full_hits == len(self.expected) == len(self.predicted)


@dataclass(frozen=True)
class EventScores:
    scores: dict[str, float]
    confusion: dict[str, dict[str, int]]
    records: tuple[RecordResult, ...] = field(repr=False)

    def errors(self) -> list[RecordResult]:
        return [r for r in self.records if not r.ok]


def actor_vocabulary(kinds: Mapping[str, str]) -> Callable[[str | None], str | None]:
    """Map a predicted actor code to the gold vocabulary: country level, organisations as IGO / IMG."""
    def convert(code: str | None) -> str | None:
        if not code:
            return None
        head = code.split("-")[0]
        kind = kinds.get(code) or kinds.get(head)
        if kind == "igo":
            return "IGO"
        if kind == "armed_group":
            return "IMG"
        if kind == "ngo":
            return "IGO"
        return gold_actor(head)
    return convert


def predicted_of(events: Sequence[Event], convert: Callable[[str | None], str | None]) -> tuple[Predicted, ...]:
    return tuple(Predicted(e.type, convert(e.source), convert(e.target)) for e in events if e.status == "current")


def _agree(expected: str | None, predicted: str | None) -> bool:
    return expected is None or expected == predicted


def _same(expected: str | None, predicted: str | None) -> bool:
    return expected == predicted


def score_record(rid: str, text: str, expected: Sequence[ExpectedEvent], predicted: Sequence[Predicted],
                 blank_matches_any: bool = True) -> RecordResult:
    """Pair one record's predicted events with the expected ones.

    Args:
        blank_matches_any: an expected actor left blank matches any prediction (the PLOVER records leave out
            actors they do not grade); False where blank means "the text names no actor" (the real-news set).
    """
    agree: Callable[[str | None, str | None], bool] = _agree if blank_matches_any else _same
    free = list(predicted)
    pairs: list[tuple[ExpectedEvent, Predicted]] = []
    full = 0
    # full matches first, then the best remaining pairing by type
    for exp in sorted(expected, key=lambda e: (e.source is None, e.target is None)):
        match = next((p for p in free if p.type == exp.type and agree(exp.source, p.source)
                      and agree(exp.target, p.target)), None)
        if match is not None:
            full += 1
            free.remove(match)
            pairs.append((exp, match))
    unmatched = [e for e in expected if not any(e is x for x, _ in pairs)]
    for exp in unmatched:
        same = [p for p in free if p.type == exp.type]
        if same:
            best = max(same, key=lambda p: agree(exp.source, p.source) + agree(exp.target, p.target))
            free.remove(best)
            pairs.append((exp, best))
    return RecordResult(
        id=rid, text=text, expected=tuple(expected), predicted=tuple(predicted),
        type_hits=len(pairs), full_hits=full,
        source_hits=sum(agree(e.source, p.source) for e, p in pairs),
        target_hits=sum(agree(e.target, p.target) for e, p in pairs),
        paired=len(pairs),
    )


def _prf(hits: int, predicted: int, expected: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 1.0
    r = hits / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score_events(results: Sequence[RecordResult], expects_none: Sequence[bool]) -> EventScores:
    """Aggregate record results into the dataset's scores and confusion table."""
    n_pred = sum(len(r.predicted) for r in results)
    n_exp = sum(len(r.expected) for r in results)
    tp, tr, tf = _prf(sum(r.type_hits for r in results), n_pred, n_exp)
    fp, fr, ff = _prf(sum(r.full_hits for r in results), n_pred, n_exp)
    paired = sum(r.paired for r in results)
    empty = [r for r, none in zip(results, expects_none, strict=True) if none]
    scores: dict[str, float] = {}
    if n_exp:  # a set of negatives only (every record expects none) has no precision or recall to speak of
        scores.update({"type_precision": tp, "type_recall": tr, "type_f1": tf,
                       "full_precision": fp, "full_recall": fr, "full_f1": ff})
    if paired:
        scores["source_accuracy"] = round(sum(r.source_hits for r in results) / paired, 4)
        scores["target_accuracy"] = round(sum(r.target_hits for r in results) / paired, 4)
    if empty:
        scores["false_event_rate"] = round(sum(1 for r in empty if r.predicted) / len(empty), 4)
    return EventScores(scores, _confusion(results), tuple(results))


def _confusion(results: Sequence[RecordResult]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for r in results:
        exp = Counter(e.type for e in r.expected)
        pred = Counter(p.type for p in r.predicted)
        both = exp & pred
        left_e = list((exp - both).elements())
        left_p = list((pred - both).elements())
        for t, n in both.items():
            table.setdefault(t, Counter())[t] += n
        for k in range(max(len(left_e), len(left_p))):
            e = left_e[k] if k < len(left_e) else NONE
            p = left_p[k] if k < len(left_p) else NONE
            table.setdefault(e, Counter())[p] += 1
    return {k: dict(v) for k, v in sorted(table.items())}


# --- the article gold set -------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldMiss:
    article: str
    kind: str
    polarity: str  # "missed" (a must fact not found) or "false" (a must_not fact found)
    fact: dict[str, Any]


@dataclass(frozen=True)
class GoldScores:
    scores: dict[str, float]
    misses: tuple[GoldMiss, ...]


def _country(code: str | None) -> str | None:
    """The country an actor code speaks for; insurgents ("NGA-REB-BOK") are not their state: "NGA-REB"."""
    if not code:
        return None
    parts = code.split("-")
    return "-".join(parts[:2]) if parts[1:2] == ["REB"] else parts[0]


def _text_in(words: Sequence[str], text: str) -> bool:
    low = text.lower()
    return all(w.lower() in low for w in words)


def _entity(fact: dict[str, Any], brief: Brief) -> bool:
    name = str(fact["text"]).lower()
    for m in brief.entities:
        if name not in {m.text.lower(), m.canonical.lower()}:
            continue
        if "type" in fact and fact["type"] != m.type:
            continue
        code = m.code or (m.geo.country if m.geo else None)
        if "code" in fact and _country(fact["code"]) != _country(code):
            continue
        return True
    return False


def _event(fact: dict[str, Any], brief: Brief) -> bool:
    return any(e.type == fact["type"]
               and ("source" not in fact or _country(fact["source"]) == _country(e.source))
               and ("target" not in fact or _country(fact["target"]) == _country(e.target))
               for e in brief.events if e.status == "current")


def _threat(fact: dict[str, Any], brief: Brief) -> bool:
    return any(("actor" not in fact or _country(fact["actor"]) == _country(t.actor))
               and _text_in(fact.get("trigger", ()), t.trigger) and _text_in(fact.get("response", ()), t.response)
               for t in brief.threats)


def _claim(fact: dict[str, Any], brief: Brief) -> bool:
    return any(str(fact["speaker"]).lower() in c.speaker.lower()
               and ("speaker_type" not in fact or fact["speaker_type"] == c.speaker_type)
               and _text_in(fact.get("content", ()), c.content)
               for c in brief.claims)


FINDERS: dict[str, Callable[[dict[str, Any], Brief], bool]] = {
    "entities": _entity, "events": _event, "threats": _threat, "claims": _claim,
}


def score_gold(articles: Sequence[GoldArticle], briefs: Sequence[Brief]) -> GoldScores:
    """Recall and precision per kind of fact over the whole gold set."""
    counts = {k: Counter[str]() for k in FINDERS}
    misses: list[GoldMiss] = []
    for article, brief in zip(articles, briefs, strict=True):
        for kind, found in FINDERS.items():
            for fact in article.must[kind]:
                if found(fact, brief):
                    counts[kind]["tp"] += 1
                else:
                    counts[kind]["fn"] += 1
                    misses.append(GoldMiss(article.id, kind, "missed", fact))
            for fact in article.must_not[kind]:
                if found(fact, brief):
                    counts[kind]["fp"] += 1
                    misses.append(GoldMiss(article.id, kind, "false", fact))
    scores: dict[str, float] = {}
    for kind, c in counts.items():
        if c["tp"] + c["fn"]:
            scores[f"{kind}_recall"] = round(c["tp"] / (c["tp"] + c["fn"]), 4)
        if c["tp"] + c["fp"]:
            scores[f"{kind}_precision"] = round(c["tp"] / (c["tp"] + c["fp"]), 4)
    return GoldScores(scores, tuple(misses))
