"""Train the learned threat/no-threat sentence classifier and write it to redline/data/threat_model/model.json,
with its fold models beside the threat set (tests/data/threats_folds.json).

    python tools/train_threat_model.py        # about 40 s on one CPU core; needs scikit-learn (the dev group)
    python tools/train_threat_model.py --oof  # writes nothing: fits the fold models afresh and scores tune with them

Training data (validation is never read here):
- the TUNE half of tests/data/threats.jsonl (tests/data/threats_split.json), each record labelled threat or not;
- tests/data/threat_examples.jsonl: sentences written for the forms of threat the issue lists and for hard
  negatives (pledges, calls for restraint, advisories, acts in retaliation), none taken from the threat set.

Each record goes through redline's own ingest and nlp stages; its features are those
``redline.assess.threat_model.features`` gives the pipeline at run time. The model is an L2 logistic regression
(scikit-learn, lbfgs, balanced classes: deterministic). The decision threshold is chosen by 5-fold
cross-validation over the tune records (the written examples always train, never score): the lowest threshold
of the grid whose cross-validated precision reaches PRECISION, since the classifier only adds threats to the
rules' and what it adds must keep the set's precision.

The fold models: the shipped model is trained on the tune half, so `redline eval` scores each tune record with a
model trained without its source document (``redline.eval.threats.assign_folds``: 5 folds of documents, seeded;
the written examples always train; the shipped threshold). They are written beside the set with digests of the
tune records and of the shipped model, and the eval refuses them once either changes (retrain with this tool;
retrain too after changing ``features``, which no digest sees). ``--oof`` fits them afresh and prints the scores
without writing: the figures `redline eval` gives for the tune half.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline import nlp as nlp_stage  # noqa: E402
from redline.assess.threat_model import features  # noqa: E402
from redline.eval.splits import read_split, split_path  # noqa: E402
from redline.eval.threats import (  # noqa: E402
    FOLDS,
    FoldModels,
    assign_folds,
    folds_path,
    model_digest,
    read_threats,
    run_cases,
    score_threats,
    training_digest,
)
from redline.ingest import normalize  # noqa: E402
from redline.models import RawDocument  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402

DATA = ROOT / "tests" / "data" / "threats.jsonl"
EXAMPLES = ROOT / "tests" / "data" / "threat_examples.jsonl"
OUT = ROOT / "redline" / "data" / "threat_model" / "model.json"
FOLDS_OUT = folds_path(DATA)
C = 1.0
REPEATS = 3
PRECISION = 0.90
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def featurise(ctx: Any, text: str, url: str | None = None, date: str | None = None) -> dict[str, int]:
    raw = RawDocument(origin="train", text=text, url=url, published=date)
    analysis = nlp_stage.analyze(normalize(raw, ctx.settings), ctx.parse, ctx.gazetteer)
    return {f: 1 for sent in analysis.doc.sents for f in features(sent)}


def fit(xs: list[dict[str, int]], ys: list[bool]) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    model = LogisticRegression(C=C, class_weight="balanced", solver="lbfgs", max_iter=5000)
    model.fit(vec.fit_transform(xs), ys)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= 1e-3}
    return weights, float(model.intercept_[0])


def prob(weights: dict[str, float], bias: float, x: dict[str, int]) -> float:
    import math

    return 1.0 / (1.0 + math.exp(-(bias + sum(weights.get(f, 0.0) for f in x))))


def choose_threshold(tune: list[tuple[dict[str, int], bool]], extra: list[tuple[dict[str, int], bool]]) -> tuple[
        float, dict[float, tuple[float, float]]]:
    import numpy as np

    scores = np.zeros(len(tune))
    for repeat in range(REPEATS):
        folds = np.random.RandomState(repeat).permutation(len(tune)) % FOLDS
        for k in range(FOLDS):
            train = [x for x, f in zip(tune, folds, strict=True) if f != k] + extra
            weights, bias = fit([x for x, _ in train], [y for _, y in train])
            for i in np.where(folds == k)[0]:
                scores[i] += prob(weights, bias, tune[i][0]) / REPEATS
    gold = np.array([y for _, y in tune])
    table = {}
    for t in THRESHOLDS:
        pred = scores >= t
        tp = int((pred & gold).sum())
        table[t] = (tp / max(int(pred.sum()), 1), tp / max(int(gold.sum()), 1))
    good = [t for t in THRESHOLDS if table[t][0] >= PRECISION]
    return (min(good) if good else max(THRESHOLDS)), table


def fit_folds(rows: list[Any], tune: list[tuple[dict[str, int], bool]], extra: list[tuple[dict[str, int], bool]],
              threshold: float) -> FoldModels:
    """One model per fold of tune documents, each trained without its fold (the written examples always train)."""
    fold_of = assign_folds(rows)
    folds = [fold_of[r.id] for r in rows]
    models = []
    for k in range(FOLDS):
        train = [xy for xy, f in zip(tune, folds, strict=True) if f != k] + extra
        weights, bias = fit([x for x, _ in train], [y for _, y in train])
        models.append((weights, bias, threshold))
    return FoldModels(fold_of, tuple(models))


def write_folds(path: Path, rows: list[Any], folds: FoldModels) -> None:
    """The fold models as JSON, one feature a line with its weight in each fold (0 where a fold drops it)."""
    names = sorted({f for weights, _, _ in folds.models for f in weights})
    head = {"about": "the threat classifier's fold models for scoring the tune half out of fold: "
                     "python tools/train_threat_model.py (redline.eval.threats)",
            "folds": FOLDS, "tune_digest": training_digest(rows), "model_digest": model_digest(),
            "threshold": folds.models[0][2], "bias": [round(b, 4) for _, b, _ in folds.models],
            "fold_of": dict(sorted(folds.fold_of.items()))}
    lines = [json.dumps(name, ensure_ascii=False) + ":" + json.dumps([m[0].get(name, 0) for m in folds.models])
             for name in names]
    path.write_text(json.dumps(head, ensure_ascii=False)[:-1] + ',\n"weights": {\n' + ",\n".join(lines) + "\n}}\n",
                    "utf-8")


def main() -> int:
    ctx = Context.load(Settings())
    records = read_threats(DATA)
    tune_ids = read_split(split_path(DATA), [(r.id, r.text) for r in records]).tune
    rows = [r for r in records if r.id in tune_ids]
    tune = [(featurise(ctx, r.text, r.url, r.date), r.is_threat) for r in rows]
    extra = [(featurise(ctx, item["text"]), bool(item["is_threat"])) for item in
             (json.loads(line) for line in EXAMPLES.read_text("utf-8").splitlines() if line.strip())]
    if "--oof" in sys.argv[1:]:
        folds = fit_folds(rows, tune, extra, float(json.loads(OUT.read_text("utf-8"))["threshold"]))
        for key, value in score_threats(run_cases(rows, ctx, DATA.stem, folds)).scores.items():
            print(f"tune out of fold {key:24s} {value:.4f}")
        return 0
    threshold, table = choose_threshold(tune, extra)
    print("cross-validated precision / recall on tune by threshold: " + ", ".join(
        f"{t}: {p:.2f}/{r:.2f}" for t, (p, r) in table.items()))
    weights, bias = fit([x for x, _ in tune + extra], [y for _, y in tune + extra])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "about": "redline threat/no-threat sentence classifier: python tools/train_threat_model.py",
        "trained_on": {"tune_records": len(tune), "tune_threats": sum(y for _, y in tune),
                       "written_examples": len(extra)},
        "C": C, "threshold": threshold, "bias": round(bias, 4),
        "weights": dict(sorted(weights.items())),
    }, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(tune)} tune records + {len(extra)} written examples, {len(weights)} features, threshold "
          f"{threshold} -> {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)")
    write_folds(FOLDS_OUT, rows, fit_folds(rows, tune, extra, threshold))
    print(f"fold models -> {FOLDS_OUT} ({FOLDS_OUT.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
