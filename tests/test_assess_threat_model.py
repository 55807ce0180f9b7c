"""The learned threat classifier (redline/assess/threat_model.py) and what it adds to the rules: the shipped model,
its features, the generic structure of a threat it accepts and the condition taken from anywhere in a sentence.
Sentences written for these tests (not from the threat set nor from the model's training examples)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess import threat_model, threat_triggers
from redline.assess.rhetoric import find_threats
from redline.assess.threat_forms import RULES
from redline.assess.threat_rules import claim_of
from redline.eval.threats import usable_clause
from redline.ingest import normalize
from redline.models import Analysis, RawDocument


def _analysis(text: str, context: Any) -> Analysis:
    article = normalize(RawDocument(origin="test", text=text, published="2024-06-01"), context.settings)
    return nlp_stage.analyze(article, context.nlp, context.gazetteer)


def _no_rule(analysis: Analysis) -> bool:
    return all(rule(s, analysis, claim_of(analysis.claims, s)) is None for s in analysis.doc.sents for rule in RULES)


def test_the_model_ships_as_package_data_with_a_threshold_from_cross_validation() -> None:
    data = json.loads(resources.files("redline.data").joinpath("threat_model/model.json").read_text("utf-8"))
    assert 0.3 <= data["threshold"] <= 0.9
    assert data["trained_on"]["tune_records"] > 300 and len(data["weights"]) > 1000
    assert threat_model.threshold() == data["threshold"]


def test_features_name_the_form_not_the_actors(context: Any) -> None:
    a = _analysis("Vladimir Putin warned that Russia would respond if Poland hosted the missiles.", context)
    b = _analysis("Recep Erdogan warned that Turkey would respond if Greece hosted the missiles.", context)
    fa, fb = threat_model.features(next(a.doc.sents)), threat_model.features(next(b.doc.sents))
    assert fa == fb
    assert "m:would_respond" in fa and "if:if>respond" in fa
    assert "m:would_<act>" in fa  # the rules' class of response verbs, so an unseen member counts as the class


@pytest.mark.parametrize(("text", "threat"), [
    ("The Iranian commander said his forces would set the region on fire if Israel attacked the nuclear sites.",
     True),
    ("The defence minister said Greece would answer any incursion into its waters with force.", True),
    ("The ministry said it would build three new hospitals if the budget were approved.", False),
    ("The farmers said they would keep protesting until the government cut fuel prices.", False),
])
def test_the_model_separates_threats_from_other_commitments(text: str, threat: bool, context: Any) -> None:
    analysis = _analysis(text, context)
    p = threat_model.probability(next(analysis.doc.sents))
    assert p is not None and (p >= threat_model.threshold()) == threat


def test_a_threat_no_rule_structures_gets_a_generic_structure_from_the_parse(context: Any) -> None:
    text = "The Iranian commander said his forces would set the region on fire if Israel attacked the nuclear sites."
    analysis = _analysis(text, context)
    assert _no_rule(analysis)  # the rules miss this wording; the model carries it
    [t] = find_threats(analysis)
    assert (t.actor, t.form, t.status) == ("IRN", "conditional", "current")
    assert t.trigger == "Israel attacked the nuclear sites"
    assert t.response == "Iran's forces would set the region on fire"  # "his forces": the issuer's
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)
    assert t.speaker == "The Iranian commander"


def test_the_generic_issuer_is_the_state_the_speaker_names(context: Any) -> None:
    analysis = _analysis("Seoul's defence ministry said it would make the North pay a dear price for any provocation.",
                         context)
    assert _no_rule(analysis)
    [t] = find_threats(analysis)
    assert t.actor == "KOR" and t.response.startswith("South Korea would make the North pay")


def test_a_statement_below_the_threshold_is_no_threat(context: Any) -> None:
    assert find_threats(_analysis("The ministry said it would build three new hospitals if the budget were approved.",
                                  context)) == ()


@pytest.mark.parametrize(("text", "trigger"), [
    ("The United States will respond in the face of Russia's hostile activities, the envoy said.",
     "Russia carries out hostile activities"),
    ("The navy said it would fire on the boats in response to any attack on the port.", "anyone attacks the port"),
    ("The minister said that, if the talks fail, Ankara will launch a new operation.", "the talks fail"),
])
def test_a_condition_is_taken_from_anywhere_in_the_sentence(text: str, trigger: str, context: Any) -> None:
    analysis = _analysis(text, context)
    sent = next(analysis.doc.sents)
    assert threat_triggers.sentence_trigger(sent, "the issuer") == trigger


def test_a_rule_threat_without_its_own_condition_takes_the_sentence_s(context: Any) -> None:
    [t] = find_threats(_analysis("The United States will respond in the face of Russia's hostile activities, the "
                                 "spokesman said.", context))
    assert (t.form, t.trigger) == ("conditional", "Russia carries out hostile activities")


def test_a_sentence_without_any_condition_has_none(context: Any) -> None:
    analysis = _analysis("The minister said the army will defend the border.", context)
    assert threat_triggers.sentence_trigger(next(analysis.doc.sents), "the issuer") == ""


@pytest.mark.parametrize(("text", "status"), [
    ("Lithuania expels two diplomats after Moscow threatens to cut gas supplies.", "background"),
    ("Talks are suspended after the militants vow to attack foreign missions.", "background"),
    ("Because its patience is over, Ankara will launch a new offensive if the attacks continue, the minister said.",
     "current"),
])
def test_a_threat_in_a_clause_of_time_is_background_in_any_tense(text: str, status: str, context: Any) -> None:
    [t] = find_threats(_analysis(text, context))
    assert t.status == status


@pytest.mark.parametrize("text", [
    "Experts warn that Iran could retaliate if Israel strikes its nuclear sites.",  # a forecast of another's act
])
def test_what_the_rules_refuse_the_model_refuses_too(text: str, context: Any) -> None:
    analysis = _analysis(text, context)
    p = threat_model.probability(next(analysis.doc.sents))
    assert p is not None and p >= threat_model.threshold()  # the model alone would take it
    assert find_threats(analysis) == ()


@pytest.mark.parametrize("text", [
    "The foreign minister said Russia would respond to the letter next week.",
    "The Kremlin said Moscow would respond to the request of the Syrian government.",
])
def test_a_reply_is_no_threat(text: str, context: Any) -> None:
    assert find_threats(_analysis(text, context)) == ()  # the model or, past it, the rules refuse a reply


def test_an_indirect_question_is_no_condition_and_names_no_threat(context: Any) -> None:
    text = ("Asked by reporters on Monday if the U.S. was considering any punitive action against the minister, "
            "Rubio said Washington did not want to see a break with Rome.")
    analysis = _analysis(text, context)
    assert _no_rule(analysis)
    assert find_threats(analysis) == ()


def test_what_a_thing_does_without_an_object_is_no_threat_of_the_model(context: Any) -> None:
    from redline import nlp as nlp_stage
    from redline.assess.rhetoric import find_threats
    from redline.ingest import normalize
    from redline.models import RawDocument

    text = "The negotiations will restart on Monday, the envoy for Secretary-General Antonio Guterres said."
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()


@pytest.mark.parametrize("text", [
    "The governor had offered a fuel subsidy if the unions would end the strike, but they refused.",
    "The minister said the bloc would ease the restrictions if the junta frees the prisoners.",
])
def test_an_offer_on_a_condition_is_no_threat_of_the_model(text: str, context: Any) -> None:
    assert find_threats(_analysis(text, context)) == ()
