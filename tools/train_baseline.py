"""Train the learned event-type baseline on the tune halves and write it to redline/data/baseline.

    python tools/train_baseline.py            # about a minute on one CPU core

Training data, tune halves only (validation is never read here):
- tests/data/plover_gsr_dev.jsonl: each tune record's sentence with the PLOVER types of its expected events;
- tests/data/realnews.jsonl: each sentence of each tune document with the types of the gold events whose
  quote lies in it (none for the other sentences: the annotation is exhaustive).

The model is spaCy's bag-of-words multilabel text classifier (unigrams and bigrams, a 2^15 hashed
feature table) behind a rule-based sentencizer: small (a few MB), CPU only, deterministic for a fixed seed.
The decision threshold is chosen by 5-fold cross-validation within the tune examples (sentence-level type F1)
and stored in the pipeline's meta as ``redline_threshold``.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline.eval.datasets import read_events  # noqa: E402
from redline.eval.news import read_news  # noqa: E402
from redline.eval.splits import read_split, split_path  # noqa: E402
from redline.events.plover import PLOVER_TYPES  # noqa: E402

DATA = ROOT / "tests" / "data"
OUT = ROOT / "redline" / "data" / "baseline"
SEED = 0
EPOCHS = 30
FOLDS = 5
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)


def examples(nlp: object) -> list[tuple[str, set[str]]]:
    """(sentence, types) pairs from the tune halves of the PLOVER and real-news sets."""
    out: list[tuple[str, set[str]]] = []
    plover = read_events(DATA / "plover_gsr_dev.jsonl")
    tune = read_split(split_path(DATA / "plover_gsr_dev.jsonl"), [(r.id, r.text) for r in plover.records]).tune
    out += [(r.text, {e.type for e in r.expected}) for r in plover.records if r.id in tune]
    news = read_news(DATA / "realnews.jsonl")
    tune = read_split(split_path(DATA / "realnews.jsonl"), [(d.id, d.text) for d in news.docs]).tune
    sentencizer = nlp.get_pipe("sentencizer")  # type: ignore[attr-defined]
    for doc in news.docs:
        if doc.id not in tune:
            continue
        parsed = sentencizer(nlp.make_doc(doc.text))  # type: ignore[attr-defined]
        for sent in parsed.sents:
            types = set()
            for raw in json_events(doc.id):
                start = doc.text.find(raw["text"])
                if sent.start_char <= start < sent.end_char:
                    types.add(raw["type"])
            if sent.text.strip():
                out.append((sent.text.strip(), types))
    return out


def json_events(doc_id: str) -> list[dict[str, str]]:
    """The gold events of one real-news document with their quotes (the reader keeps only the triples)."""
    for line in (DATA / "realnews.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item["id"] == doc_id:
                return list(item["events"])
    return []


def build() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": 2 ** 15}})
    for label in PLOVER_TYPES:
        textcat.add_label(label)  # type: ignore[attr-defined]
    return nlp


def train(data: list[tuple[str, set[str]]], verbose: bool = False) -> Any:
    """A fresh pipeline trained on ``data`` (fixed seed, fixed order of shuffles)."""
    from spacy.training import Example
    from thinc.api import fix_random_seed

    fix_random_seed(SEED)
    nlp = build()
    train_set = [Example.from_dict(nlp.make_doc(text), {"cats": {t: float(t in types) for t in PLOVER_TYPES}})
                 for text, types in data]
    optimizer = nlp.initialize(lambda: train_set)
    rng = random.Random(SEED)
    for epoch in range(EPOCHS):
        rng.shuffle(train_set)
        losses: dict[str, float] = {}
        for start in range(0, len(train_set), 16):
            nlp.update(train_set[start:start + 16], sgd=optimizer, losses=losses, drop=0.1)
        if verbose and epoch % 10 == 9:
            print(f"epoch {epoch + 1}: loss {losses.get('textcat_multilabel', 0.0):.3f}")
    return nlp


def choose_threshold(data: list[tuple[str, set[str]]]) -> tuple[float, dict[float, float]]:
    """The threshold with the best sentence-level type F1 over FOLDS cross-validation folds of ``data``."""
    counts = {t: [0, 0, 0] for t in THRESHOLDS}  # tp, predicted, expected
    for fold in range(FOLDS):
        held = [x for k, x in enumerate(data) if k % FOLDS == fold]
        nlp = train([x for k, x in enumerate(data) if k % FOLDS != fold])
        for doc, (_, gold) in zip(nlp.pipe(text for text, _ in held), held, strict=True):
            for t in THRESHOLDS:
                pred = {label for label, p in doc.cats.items() if p >= t}
                counts[t][0] += len(pred & gold)
                counts[t][1] += len(pred)
                counts[t][2] += len(gold)
    f1 = {t: 2 * tp / (p + e) if p + e else 0.0 for t, (tp, p, e) in counts.items()}
    return max(THRESHOLDS, key=lambda t: (f1[t], t)), f1


def main() -> int:
    data = examples(build())
    threshold, f1 = choose_threshold(data)
    print("cross-validated sentence type F1 by threshold: " + ", ".join(f"{t}: {v:.3f}" for t, v in f1.items()))
    nlp = train(data, verbose=True)
    nlp.meta["redline_threshold"] = threshold
    if OUT.exists():
        shutil.rmtree(OUT)
    nlp.to_disk(OUT)
    (OUT / "README.md").write_text(
        "Event-type baseline trained by `python tools/train_baseline.py` on the tune halves of "
        "tests/data/plover_gsr_dev.jsonl and tests/data/realnews.jsonl "
        f"({len(data)} sentences, {sum(1 for _, t in data if t)} with an event; threshold {threshold} by "
        f"{FOLDS}-fold cross-validation within them). Scored by `redline eval --baseline`.\n", "utf-8")
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"{len(data)} sentences ({sum(1 for _, t in data if t)} with an event), threshold {threshold} -> {OUT} "
          f"({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
