"""The threat set's tune half is scored out of fold (redline/eval/threats.py): each tune record is found with a
classifier trained without its source document, from the fold models beside the set, refused once stale.
Sentences written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess import threat_model
from redline.eval import evaluate_all
from redline.eval.datasets import DatasetError
from redline.eval.splits import RULE, read_split, split_path
from redline.eval.threats import (
    FOLDS,
    assign_folds,
    folds_path,
    model_digest,
    read_folds,
    read_threats,
    training_digest,
)
from redline.ingest import normalize
from redline.models import RawDocument

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "threats.jsonl"
# A threat no rule structures (tests/test_assess_threat_model.py): only the classifier finds it.
MODEL_ONLY = "The Iranian commander said his forces would set the region on fire if Israel attacked the nuclear sites."


def _tune() -> list[Any]:
    records = read_threats(DATA)
    tune = read_split(split_path(DATA), [(r.id, r.text) for r in records]).tune
    return [r for r in records if r.id in tune]


def test_the_committed_fold_models_are_fresh_and_hold_out_whole_documents() -> None:
    tune = _tune()
    folds = read_folds(folds_path(DATA), tune)  # raises when stale
    assert len(folds.models) == FOLDS and set(folds.fold_of) == {r.id for r in tune}
    by_doc: dict[str, set[int]] = {}
    for r in tune:
        by_doc.setdefault(r.url or r.id, set()).add(folds.fold_of[r.id])
    assert all(len(ks) == 1 for ks in by_doc.values())  # a document is never both trained on and scored
    assert sorted(set(folds.fold_of.values())) == list(range(FOLDS))
    shipped = threat_model._model()
    assert shipped is not None and all(m[2] == shipped[2] for m in folds.models)  # the shipped threshold
    assert all(m[0] != shipped[0] for m in folds.models)  # each fold's model is not the shipped one


def test_fold_models_trained_on_other_tune_records_are_refused(tmp_path: Path) -> None:
    tune = _tune()
    changed = [replace(tune[0], is_threat=not tune[0].is_threat), *tune[1:]]
    with pytest.raises(DatasetError, match="stale \\(the tune records changed"):
        read_folds(folds_path(DATA), changed)
    data = json.loads(folds_path(DATA).read_text("utf-8"))
    data["model_digest"] = "0" * 16
    (tmp_path / "threats_folds.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(DatasetError, match="stale \\(the shipped model changed"):
        read_folds(tmp_path / "threats_folds.json", tune)


def test_a_model_in_use_replaces_the_shipped_one_only_inside_its_block(context: Any) -> None:
    article = normalize(RawDocument(origin="test", text=MODEL_ONLY, published="2024-06-01"), context.settings)
    sent = next(nlp_stage.analyze(article, context.nlp, context.gazetteer).doc.sents)
    shipped = threat_model.probability(sent)
    assert shipped is not None and shipped >= threat_model.threshold()
    with threat_model.using(({}, -8.0, 0.5)):
        assert threat_model.threshold() == 0.5
        assert threat_model.probability(sent) == pytest.approx(1 / (1 + 2.980957987e3), rel=1e-6)
    assert threat_model.probability(sent) == shipped


def _write_set(folder: Path, records: list[dict[str, Any]]) -> Path:
    path = folder / "threats.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    halves = {"tune": ["w-1"], "validation": ["w-0"]}
    split_path(path).write_text(json.dumps({"dataset": "threats", "rule": RULE, **halves}), "utf-8")
    return path


def test_the_eval_finds_a_tune_record_with_the_model_of_its_fold(tmp_path: Path, context: Any) -> None:
    threat = {"is_threat": True, "issuer": "IRN", "kind": "conditional", "trigger": "Israel attacks the sites",
              "response": "Iran sets the region on fire", "status": "current"}
    path = _write_set(tmp_path, [{"id": "w-0", "text": MODEL_ONLY, "source": {"ref": "a"}, **threat},
                                 {"id": "w-1", "text": MODEL_ONLY.replace("Israel", "Saudi Arabia"),
                                  "source": {"ref": "b"}, **threat}])
    in_sample = {r.name: r for r in evaluate_all(path, context)}  # no fold models beside it: the shipped model
    assert in_sample["threats/tune"].scores["threat_recall"] == 1.0
    assert in_sample["threats/tune"].note.startswith("in-sample")
    tune = [r for r in read_threats(path) if r.id == "w-1"]
    folds_path(path).write_text(json.dumps({
        "tune_digest": training_digest(tune), "model_digest": model_digest(), "threshold": 0.7,
        "fold_of": assign_folds(tune), "bias": [-8.0] * FOLDS, "weights": {"w:fire": [0.5] * FOLDS}}), "utf-8")
    scored = {r.name: r for r in evaluate_all(path, context)}
    assert scored["threats/tune"].scores["threat_recall"] == 0.0  # its fold's model does not find it
    assert scored["threats/tune"].note.startswith("out of fold")
    assert scored["threats/validation"].scores["threat_recall"] == 1.0  # validation: the shipped model
    assert scored["threats/gap"].scores["threat_recall_gap"] == -1.0
