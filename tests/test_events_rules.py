"""The coders' declared rules (verb, noun, demand): each rule's examples through the real pipeline, the tables'
order and declarations, the engine's veto and trace, and the report of rules that fire together."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from redline.events.demand_rules import DEMAND_RULES, GATE_RULES
from redline.events.noun_rules import NOUN_RULES, OWNER_RULES, PARTY_RULES
from redline.events.readiness_rules import READINESS_RULES
from redline.events.rules import Example, Rule, Trace, apply, table
from redline.events.verb_rules import CODE_RULES, RULES, VERB_RULES, trace_word
from redline.ingest import normalize
from redline.models import Analysis, RawDocument
from redline.nlp import analyze

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import rule_report  # noqa: E402

CASES = [pytest.param(rule, example, trace_word, id=f"{coder}:{rule.name}:{example.word}:{i}")
         for coder, rules, trace_word in rule_report.CODERS for rule in rules
         for i, example in enumerate(rule.examples)]


def _analysis(text: str, context: Any) -> Analysis:
    article = normalize(RawDocument(origin="rules-test", text=text, published="2024-01-01"), context.settings)
    return analyze(article, context.parse, context.gazetteer)


@pytest.mark.parametrize(("rule", "example", "trace_word"), CASES)
def test_rule_fires_on_its_example_with_the_declared_outcome(rule: Rule, example: Example, trace_word: Any,
                                                             context: Any) -> None:
    codes, trace = trace_word(_analysis(example.sentence, context), example.word)
    assert rule.name in trace.fired, (trace.fired, trace.vetoed_by)
    assert codes == example.codes
    if rule.kind == "veto":  # the veto is what stopped the coding, not an earlier one
        assert trace.vetoed_by == rule.name and codes == ""


@pytest.mark.parametrize(("whole", "parts"), [(RULES, (VERB_RULES, CODE_RULES)),
                                              (NOUN_RULES, (OWNER_RULES, PARTY_RULES)),
                                              (DEMAND_RULES, (DEMAND_RULES,)), (GATE_RULES, (GATE_RULES,)),
                                              (READINESS_RULES, (READINESS_RULES,))])
def test_table_is_ordered_and_every_rule_is_declared(whole: tuple[Rule, ...], parts: tuple[Any, ...]) -> None:
    assert whole == sum(parts, ())
    priorities = [r.priority for r in whole]
    assert priorities == sorted(priorities) and len(set(priorities)) == len(priorities)
    assert len({r.name for r in whole}) == len(whole)
    for r in whole:
        assert r.kind in {"veto", "rewrite"} and r.provenance and r.examples and r.doc, r.name


def test_rule_names_are_unique_across_the_coders() -> None:
    names = [r.name for _, rules, _ in rule_report.CODERS for r in rules]
    assert len(set(names)) == len(names)


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


def test_noun_coder_traces_its_rules_together(context: Any) -> None:
    """A light verb's subject does the noun's act, and the future makes it a threat: two rewrites on one noun."""
    example = Example("Egypt said it would impose a blockade on Gaza.", "blockade", "13 EGY PSE")
    codes, trace = rule_report.traced(context, example, rule_report.CODERS[1][2])
    assert trace.fired == ["carrier-subject", "future-intent"] and codes == example.codes


def test_demand_coder_codes_nothing_for_a_verb_in_no_demand_frame(context: Any) -> None:
    codes, trace = rule_report.traced(context, Example("France sent troops to Mali.", "sent", ""),
                                      rule_report.CODERS[2][2])
    assert codes == "" and trace.together == []


def test_verb_draft_reads_the_modality_only_when_asked(context: Any) -> None:
    """The clause record's modality is read on first use, after the lookup; a rule's rewrite of it stands."""
    from redline.events.actors import MentionIndex
    from redline.events.lexicon import VerbLexicon
    from redline.events.verb_draft import draft_of, look_up

    analysis = _analysis("Russia will probably attack Kharkiv.", context)
    verb = next(t for t in analysis.doc if t.text == "attack")
    d = draft_of(verb, MentionIndex(analysis.doc, analysis.mentions), VerbLexicon.load(), analysis, lambda _: None)
    assert d.factuality == "" and d.clause is None
    look_up(d)
    assert d.clause is not None and "modality" not in vars(d.clause)  # not read yet
    assert d.factuality == d.clause.modality == "hedged"
    d.factuality = "future"
    assert d.factuality == "future" and d.clause.modality == "hedged"


def test_readiness_that_no_rule_vetoes_is_an_intent_to_cooperate(context: Any) -> None:
    example = Example("Turkey is willing to send material to Saudi Arabia.", "willing", "03 TUR SAU")
    codes, trace = rule_report.traced(context, example, rule_report.CODERS[4][2])
    assert codes == example.codes and trace.together == []
