"""A learned baseline for the event type: a small spaCy text classifier scored beside the rules.

The pipeline (``redline/data/baseline``, trained by ``tools/train_baseline.py`` on the *tune* halves of the
real-news and PLOVER sets only) splits a text into sentences and gives each sentence zero or more PLOVER
types (a bag-of-words multilabel classifier, a few MB, CPU only). It names no actors, so only the type
scores compare with the rules'. It is the yardstick a rule-based coder should beat on validation; where it
wins, it is a candidate for the event-type decision.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from redline.errors import RedlineError
from redline.eval.datasets import EventRecord
from redline.eval.news import NewsDoc
from redline.eval.scoring import Predicted, RecordResult, score_events, score_record

THRESHOLD = 0.5  # when the pipeline's meta names none (redline_threshold, chosen by cross-validation on tune)
TYPE_SCORES = ("type_precision", "type_recall", "type_f1", "false_event_rate")


class BaselineMissing(RedlineError):
    """No trained baseline pipeline is installed."""


@dataclass(frozen=True)
class Baseline:
    nlp: Any  # spacy.Language with a sentencizer and a textcat_multilabel
    digest: str  # of the trained weights and threshold: a retrained model is a new model for the floors
    threshold: float = THRESHOLD

    def sentences(self, text: str) -> list[str]:
        doc = self.nlp.get_pipe("sentencizer")(self.nlp.make_doc(text))
        return [s.text.strip() for s in doc.sents if s.text.strip()]

    def types(self, texts: Iterable[str]) -> list[list[str]]:
        """The PLOVER types of each sentence (each text is read as one sentence)."""
        out = []
        with self.nlp.select_pipes(enable=["textcat_multilabel"]):
            for doc in self.nlp.pipe(texts):
                out.append(sorted(t for t, p in doc.cats.items() if p >= self.threshold))
        return out


def baseline_path() -> Path:
    return Path(str(resources.files("redline").joinpath("data", "baseline")))


@cache
def load_baseline(path: Path | None = None) -> Baseline:
    """The packaged baseline pipeline; BaselineMissing when it was never trained."""
    import spacy

    where = path or baseline_path()
    if not (where / "config.cfg").is_file():
        raise BaselineMissing(f"{where}: no trained baseline (run python tools/train_baseline.py)")
    nlp = spacy.load(where)
    threshold = float(nlp.meta.get("redline_threshold", THRESHOLD))
    weights = hashlib.sha256((where / "textcat_multilabel" / "model").read_bytes() + str(threshold).encode())
    return Baseline(nlp, weights.hexdigest()[:16], threshold)


def score_baseline_records(model: Baseline, records: Sequence[EventRecord]) -> dict[str, float]:
    """Type scores of the baseline on sentence-level records (one prediction per type it gives the sentence)."""
    results: list[RecordResult] = []
    for rec, types in zip(records, model.types(r.text for r in records), strict=True):
        results.append(score_record(rec.id, rec.text, rec.expected,
                                    [Predicted(t, None, None) for t in types]))
    return _type_scores(results, [r.expects_none for r in records])


def score_baseline_news(model: Baseline, docs: Sequence[NewsDoc]) -> dict[str, float]:
    """Type scores of the baseline on whole documents: one prediction per (sentence, type)."""
    results: list[RecordResult] = []
    for doc in docs:
        predicted = [Predicted(t, None, None) for types in model.types(model.sentences(doc.text)) for t in types]
        results.append(score_record(doc.id, doc.title, doc.expected, predicted))
    return _type_scores(results, [not d.expected for d in docs])


def _type_scores(results: list[RecordResult], expects_none: list[bool]) -> dict[str, float]:
    scores = score_events(results, expects_none).scores
    return {k: v for k, v in scores.items() if k in TYPE_SCORES}
