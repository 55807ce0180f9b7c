"""The dated test set: score the date resolver on date expressions from real text.

A dates set is a .jsonl whose records carry ``text`` (the expression as the NER model found it),
``sentence``, ``published`` (YYYY-MM-DD), ``split`` (tune or validation) and ``expected``: the point named,
as ``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY``, or null when the expression names no point in
time (a duration, an age, a count, an anaphor). A record is right when the resolver gives exactly the
expected string (null included). Scores: accuracy per split and overall, their gap, and on the validation
split ``named_accuracy`` (records that name a point) and ``guess_rate`` (records where null was expected
that resolve to something); ``guard_dropped`` counts resolved days more than a year before publication
whose sentence does not write their year, which ``find_dates`` drops before they can reach an event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from redline.errors import RedlineError
from redline.eval.datasets import first_record
from redline.nlp.dates import guarded, resolve

REQUIRED = ("text", "sentence", "published", "split", "expected")


@dataclass(frozen=True)
class DateCase:
    id: str
    text: str
    sentence: str
    published: date
    split: str
    expected: str | None
    predicted: str | None
    guard_ok: bool

    @property
    def right(self) -> bool:
        return self.expected == self.predicted


@dataclass(frozen=True)
class DateScores:
    scores: dict[str, float]
    cases: tuple[DateCase, ...]

    def errors(self, split: str | None = None) -> list[DateCase]:
        return [c for c in self.cases if not c.right and (split is None or c.split == split)]


def is_dates_set(path: str | Path) -> bool:
    """True when ``path`` is a .jsonl whose first record has the dates-set fields."""
    record = first_record(path)
    return record is not None and all(k in record for k in REQUIRED)


def score_dates(path: str | Path) -> DateScores:
    """Resolve every expression of the set at ``path`` and score it against its expected value."""
    p = Path(path)
    cases = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r: dict[str, Any] = json.loads(line)
            published = date.fromisoformat(r["published"])
        except (ValueError, KeyError, TypeError) as e:
            raise RedlineError(f"{p}:{n}: not a dates record ({e})") from None
        when = resolve(r["text"], published, sentence=r["sentence"])
        cases.append(DateCase(str(r.get("id", n)), r["text"], r["sentence"], published, r["split"], r["expected"],
                              when.iso() if when else None, when is None or guarded(when, published, r["sentence"])))
    return DateScores(_scores(cases), tuple(cases))


def digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def _accuracy(cases: list[DateCase]) -> float:
    return round(sum(c.right for c in cases) / len(cases), 4) if cases else 0.0


def _scores(cases: list[DateCase]) -> dict[str, float]:
    tune = [c for c in cases if c.split == "tune"]
    validation = [c for c in cases if c.split == "validation"]
    named = [c for c in validation if c.expected is not None]
    empty = [c for c in validation if c.expected is None]
    return {
        "accuracy": _accuracy(cases),
        "tune_accuracy": _accuracy(tune),
        "validation_accuracy": _accuracy(validation),
        "gap": round(abs(_accuracy(tune) - _accuracy(validation)), 4),
        "named_accuracy": _accuracy(named),
        "guess_rate": round(sum(c.predicted is not None for c in empty) / len(empty), 4) if empty else 0.0,
        "guard_dropped": float(sum(not c.guard_ok for c in cases)),
    }
