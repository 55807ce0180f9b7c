"""The evaluation sets, the scorers and the floors gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redline.eval import check_floors, update_floors
from redline.eval.datasets import ExpectedEvent, read_events, read_tabari_actors
from redline.eval.floors import FloorError
from redline.eval.scoring import Predicted, score_events, score_record

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_eval_scores_hold_their_floors(eval_results: dict[str, Any], gold_floors: dict[str, Any]) -> None:
    for name, result in eval_results.items():
        check = check_floors(gold_floors, name, result.digest, result.scores)
        assert check.pinned, f"{name}: no floors in tests/gold_floors.json (run redline eval --update-floors)"
        assert check.failures == ()


def test_eval_plover_records_are_normalised_to_iso_and_draft_types() -> None:
    data = read_events(ROOT / "tests" / "data" / "plover_gsr_dev.jsonl")
    assert len(data.records) == 193
    first = data.records[0]
    assert first.expected == (ExpectedEvent("AGREE", "HUN", "ROU"), ExpectedEvent("AGREE", "ROU", "HUN"))
    types = {e.type for r in data.records for e in r.expected}
    assert not types & {"DEMAND", "FIGHT", "DISAPPROVE", "INVESTIGATE"}
    assert any(e.target == "JPN" for r in data.records for e in r.expected)


def test_eval_petrarch_set_brings_its_own_actor_dictionary() -> None:
    data = read_events(ROOT / "tests" / "data" / "petrarch2_unittest.jsonl")
    actors = {a.alias: a.code for a in data.extra_actors}
    assert actors["Gondor"] == "GON" and actors["Minas Tirith"] == "GON"
    assert actors["Eriadorian"] == "ERI"
    assert actors["Washington"] == "USA-GOV"
    assert data.records[0].expected == (ExpectedEvent("COOPERATE", "ARN", "GON"),)


def test_eval_tabari_reader_takes_the_undated_or_latest_code_and_skips_unknown_actors() -> None:
    text = ("GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBREB > 990816]\nBOROMIR  [---]\nARNOR_  [ARN]\n"
            "GONDOR [GON]\n+MINAS_TIRITH\n")
    codes = {a.alias: a.code for a in read_tabari_actors(text)}
    assert codes["Smeagol"] == "HOB-REB" and codes["Gollumian"] == "HOB-REB"
    assert codes["Arnor"] == "ARN" and "Arnori" not in codes  # a trailing underscore means the exact word
    assert codes["Minas Tirith"] == "GON" and "Boromir" not in codes


def test_eval_score_record_pairs_reciprocal_events_and_blank_gold_actors() -> None:
    expected = [ExpectedEvent("AGREE", "USA", "JOR"), ExpectedEvent("AGREE", "JOR", None)]
    predicted = [Predicted("AGREE", "JOR", "USA"), Predicted("AGREE", "USA", "JOR"), Predicted("ASSAULT", None, "JOR")]
    result = score_record("r1", "text", expected, predicted)
    assert (result.type_hits, result.full_hits, result.source_hits, result.target_hits) == (2, 2, 2, 2)
    scores = score_events([result], [False]).scores
    assert scores["type_precision"] == 0.6667 and scores["type_recall"] == 1.0
    assert "false_event_rate" not in scores


def test_eval_false_event_rate_counts_records_that_expect_none() -> None:
    quiet = score_record("q", "text", [], [Predicted("ASSAULT", "RUS", "UKR")])
    empty = score_record("e", "text", [], [])
    scores = score_events([quiet, empty], [True, True]).scores
    assert scores == {"false_event_rate": 0.5}  # negatives alone: no precision, recall or actor accuracy


def test_eval_no_event_set_is_negatives_from_stories_without_political_events() -> None:
    data = read_events(ROOT / "tests" / "data" / "redline_no_event.jsonl")
    assert len(data.records) == 202 and all(r.expects_none and not r.expected for r in data.records)
    assert len({r.id for r in data.records}) == 202


def test_eval_check_floors_names_the_broken_floor() -> None:
    floors = {"epsilon": 0.005, "datasets": {"d": {"digest": "abc", "floors": {"type_f1": 0.5,
                                                                           "false_event_rate": 0.1}}}}
    check = check_floors(floors, "d", "abc", {"type_f1": 0.49, "false_event_rate": 0.2})
    assert check.failures == (
        "d: false_event_rate 0.2000 breaks its ceiling 0.1000 (epsilon 0.005)",
        "d: type_f1 0.4900 breaks its floor 0.5000 (epsilon 0.005)",
    )
    assert check_floors(floors, "d", "abc", {"type_f1": 0.496, "false_event_rate": 0.1}).ok


def test_eval_update_floors_raises_and_refuses_to_lower() -> None:
    floors = {"epsilon": 0.005, "datasets": {"d": {"digest": "abc", "floors": {"type_f1": 0.5}}}}
    raised, changes = update_floors(floors, "d", "abc", {"type_f1": 0.6})
    assert raised["datasets"]["d"]["floors"] == {"type_f1": 0.6}
    assert changes == ["d: type_f1 raised 0.5000 -> 0.6000"]
    ceiling = {"epsilon": 0.005, "datasets": {"d": {"digest": "abc", "floors": {"false_event_rate": 0.2}}}}
    tighter, changes = update_floors(ceiling, "d", "abc", {"false_event_rate": 0.1})
    assert tighter["datasets"]["d"]["floors"] == {"false_event_rate": 0.1}
    assert changes == ["d: false_event_rate ceiling lowered 0.2000 -> 0.1000"]
    with pytest.raises(FloorError, match="refusing to relax ceiling false_event_rate"):
        update_floors(ceiling, "d", "abc", {"false_event_rate": 0.3})
    with pytest.raises(FloorError) as e:
        update_floors(floors, "d", "abc", {"type_f1": 0.4})
    assert str(e.value) == "d: refusing to relax type_f1 0.5000 -> 0.4000 (pass --allow-regression to accept)"
    lowered, _ = update_floors(floors, "d", "abc", {"type_f1": 0.4}, allow_regression=True)
    assert lowered["datasets"]["d"]["floors"] == {"type_f1": 0.4}


def test_eval_floors_file_is_pinned_for_every_set(gold_floors: dict[str, Any]) -> None:
    assert set(gold_floors["datasets"]) == {"plover_gsr_dev", "petrarch2_unittest", "redline_no_event", "gold"}
    assert json.loads((ROOT / "tests" / "gold_floors.json").read_text())["epsilon"] == 0.005
