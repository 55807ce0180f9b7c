"""The per-subject intercepts of the forecast model (``model.SUBJECT_PRIOR``): shrunk, walk-forward, shipped."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from redline.scenarios import questions as qs
from redline.scenarios.model import SUBJECT_PRIOR, Fitted, load_models, subject_offsets, walk_forward


def _questions(n_days: int, seed: int = 3) -> list[qs.Question]:
    """Two series asked every day with the same covariates: "often" answers yes 70% of the time, "seldom" 30%."""
    rng = random.Random(seed)
    out = []
    for i in range(n_days):
        day = qs.plus("2022-01-01", i)
        x = rng.uniform(-1, 1)
        for subject, rate in (("often", 0.7), ("seldom", 0.3)):
            y = int(rng.random() < rate)
            out.append(qs.Question("intensity", subject, day, 30, 0, qs.plus(day, 30), y, 0.0,
                                   (x, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)))
    return out


def test_subject_offsets_follow_each_subjects_residual_and_shrink_with_the_prior() -> None:
    flat = Fitted("intensity", 0.0, (0.0,) * 7)  # 0.5 for every question
    questions = _questions(200)
    weak, strong = dict(subject_offsets(flat, questions, 1.0)), dict(subject_offsets(flat, questions, 1000.0))
    assert weak["often"] > 0.5 and weak["seldom"] < -0.5
    assert 0 < strong["often"] < weak["often"] and weak["seldom"] < strong["seldom"] < 0
    void = [replace(q, outcome=None) for q in questions]
    assert subject_offsets(flat, void, 20.0) == ()  # a void question is no evidence
    fitted = replace(flat, offsets=tuple(weak.items()))
    assert fitted.offset("unseen") == 0.0 and fitted.offset(None) == 0.0
    assert fitted.predict((0.0,) * 7, "often") > 0.6 > 0.4 > fitted.predict((0.0,) * 7, "seldom")
    assert fitted.predict((0.0,) * 7) == pytest.approx(0.5)


def test_walk_forward_subject_intercepts_see_only_what_settled_before(monkeypatch: pytest.MonkeyPatch) -> None:
    # intensity ships without intercepts (rejected on its held-out half); the mechanism is tested with them on
    monkeypatch.setitem(SUBJECT_PRIOR, "intensity", 20.0)
    questions = _questions(400)
    forecasts, last = walk_forward(questions, "intensity")
    cut = qs.plus("2022-01-01", 300)
    flipped = [replace(q, outcome=1 - int(q.outcome or 0)) if q.settles >= cut else q for q in questions]
    again, _ = walk_forward(flipped, "intensity")
    assert [f.redline for f in forecasts if f.question.day <= cut] == [
        f.redline for f in again if f.question.day <= cut]
    late = [f for f in forecasts if f.question.day > qs.plus("2022-01-01", 200)]
    often = [f.redline for f in late if f.question.subject == "often"]
    seldom = [f.redline for f in late if f.question.subject == "seldom"]
    assert min(often) > max(seldom)  # the covariates cannot tell the two apart; the intercepts can
    assert last is not None and last.offset("often") > 0 > last.offset("seldom")


def test_shipped_models_carry_subject_intercepts_where_chosen() -> None:
    models = load_models()
    assert models["escalation"].offsets == ()
    assert models["intensity"].offsets == ()  # rejected on the held-out half (docs/forecasting.md, third round)
    assert SUBJECT_PRIOR["followthrough"] > 0
    assert all(abs(v) < 2 for _, v in models["followthrough"].offsets)
    assert models["followthrough"].offset("RUS follow-through") != 0.0


def test_pooling_study_reproduces_the_shipped_walk_forward(monkeypatch: pytest.MonkeyPatch) -> None:
    from redline.scenarios import pooling

    monkeypatch.setitem(SUBJECT_PRIOR, "intensity", 20.0)

    questions = _questions(300)
    shipped, _ = walk_forward(questions, "intensity")
    again = pooling.walk(questions, "intensity", subj=SUBJECT_PRIOR["intensity"])
    assert [f.redline for f in again] == pytest.approx([f.redline for f in shipped])
    assert "skill" in pooling.summary(again, "2022-01-01", "2022-12-31")
