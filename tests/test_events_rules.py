"""The verb coder's declared rules: each rule's examples through the real pipeline, the table's order and
declarations, the engine's veto and trace, and the report of rules that fire together."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from redline.events.rules import Example, Rule, Trace, apply, table
from redline.events.verb_rules import CODE_RULES, RULES, VERB_RULES, trace_word
from redline.ingest import normalize
from redline.models import Analysis, RawDocument
from redline.nlp import analyze

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import rule_report  # noqa: E402

CASES = [pytest.param(rule, example, id=f"{rule.name}:{example.word}:{i}")
         for rule in RULES for i, example in enumerate(rule.examples)]


def _analysis(text: str, context: Any) -> Analysis:
    article = normalize(RawDocument(origin="rules-test", text=text, published="2024-01-01"), context.settings)
    return analyze(article, context.parse, context.gazetteer)


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_fires_on_its_example_with_the_declared_outcome(rule: Rule, example: Example, context: Any) -> None:
    codes, trace = trace_word(_analysis(example.sentence, context), example.word)
    assert rule.name in trace.fired, (trace.fired, trace.vetoed_by)
    assert codes == example.codes
    if rule.kind == "veto":  # the veto is what stopped the coding, not an earlier one
        assert trace.vetoed_by == rule.name and codes == ""


def test_table_is_ordered_and_every_rule_is_declared() -> None:
    assert RULES == VERB_RULES + CODE_RULES
    priorities = [r.priority for r in RULES]
    assert priorities == sorted(priorities) and len(set(priorities)) == len(priorities)
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.kind in {"veto", "rewrite"} and r.provenance and r.examples and r.doc, r.name


def _flag(name: str) -> Rule:
    def fire(record: dict[str, Any]) -> bool:
        return bool(record.get(name))
    fire.__doc__ = f"Fires when the record says {name}."
    return Rule(name, len(name), "veto", "test", (Example("An example sentence here.", "here", ""),), fire)


def test_table_refuses_a_duplicate_name_or_a_rule_without_examples() -> None:
    with pytest.raises(ValueError, match="names must be unique: a"):
        table(_flag("a"), Rule("a", 9, "veto", "test", _flag("a").examples, _flag("a").fire))
    with pytest.raises(ValueError, match="needs a provenance and at least one example"):
        table(Rule("bare", 1, "veto", "test", (), _flag("bare").fire))


def test_apply_stops_at_the_first_veto_and_a_trace_goes_past_it() -> None:
    def rename(record: dict[str, Any]) -> bool:
        """Rewrites the code."""
        record["code"] = "x"
        return True

    rules = table(Rule("rename", 1, "rewrite", "test", _flag("a").examples, rename), _flag("bb"), _flag("ccc"))
    record = {"bb": True, "ccc": True}
    assert apply(rules, record) is False and record["code"] == "x"
    trace = Trace()
    assert apply(rules, {"bb": True, "ccc": True}, trace) is False
    assert (trace.fired, trace.vetoed_by, trace.after_veto) == (["rename", "bb"], "bb", ["ccc"])
    assert apply(rules, {}) is True


def test_a_veto_from_an_earlier_table_carries_into_the_next(context: Any) -> None:
    """"The talks were fruitful": no verb, so the later rules are only what would have fired past the veto."""
    codes, trace = trace_word(_analysis("The talks were fruitful.", context), "fruitful")
    assert codes == "" and trace.vetoed_by == "not-a-verb" and trace.fired == ["not-a-verb"]
    assert "no-code" in trace.after_veto


def test_report_shows_rules_that_fire_together(context: Any) -> None:
    example = Example("Egyptian forces are preparing to attack Gaza.", "preparing", "15 EGY-MIL PSE")
    codes, trace = rule_report.traced(context, example)
    assert trace.fired == ["force-posture", "posture-target"] and codes == example.codes
    shown = rule_report.line(RULES[0], example, codes, trace)
    assert "fires: force-posture, posture-target" in shown and "DIFFERS" in shown  # not RULES[0]'s example
