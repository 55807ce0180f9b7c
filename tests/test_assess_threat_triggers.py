"""Triggers as clauses with a subject and a verb, in more of the shapes a response names what it answers: a
nominal act with its agent written before it ("NATO expansion" -> "NATO expands") or its object as a compound
("balloon launches" -> "launches balloons"), "hit back at any attack", and "any X" declared a target or an act of
war. Sentences written for these tests (not from the threat set)."""

from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess.rhetoric import find_threats
from redline.eval.threats import usable_clause
from redline.ingest import normalize
from redline.models import RawDocument, Threat


def _threats(text: str, context: Any) -> tuple[Threat, ...]:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    return find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))


def _one(text: str, context: Any) -> Threat:
    [threat] = _threats(text, context)
    return threat


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("Putin warned that Russia would respond to any NATO expansion.", "NATO expands", "Russia would respond"),
    ("Putin warned that Russia would respond to NATO expansion.", "NATO expands", "Russia would respond"),
    ("Netanyahu said Israel would hit back hard at any attack on its cities.", "anyone attacks its cities",
     "Israel would hit back hard"),
    ("The general said the army would respond to any incursion by foreign troops.", "foreign troops intrude",
     "the army would respond"),
])
def test_a_named_agent_or_hit_back_at_gives_the_trigger(text: str, trigger: str, response: str,
                                                        context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Seoul threatened to suspend the military agreement in response to the North's balloon launches.",
     "the North launches balloons"),
    ("Russia will respond to any troop deployment in Poland, the Kremlin said.", "anyone deploys troops in Poland"),
    ("Beijing vowed to retaliate against any arms sales to Taiwan.", "anyone sells arms to Taiwan"),
])
def test_a_compound_before_a_nominal_act_is_its_object(text: str, trigger: str, context: Any) -> None:
    t = _one(text, context)
    assert t.trigger == trigger and usable_clause(t.trigger, context.nlp)


def test_a_compound_naming_the_means_is_not_the_object(context: Any) -> None:
    # "a missile attack" is made with missiles, not on them.
    t = _one("Israel vowed to respond to Iran's missile attack at a time of its choosing.", context)
    assert t.trigger == "Iran attacks Israel"


def test_bare_indefinite_trigger_still_says_nothing(context: Any) -> None:
    # "anyone deploys" names neither who acts nor on what: the response keeps what it answers.
    t = _one("The minister said Moscow would respond to the deployment.", context)
    assert t.trigger == "" and t.response == "Moscow would respond to the deployment"


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("The Kremlin warned that any Western troops sent to Ukraine would become legitimate targets.",
     "Western troops are sent to Ukraine", "Russia will treat them as legitimate targets"),
    ("Any attack on Israel will be regarded as an act of war, Iran's foreign minister warned.",
     "anyone attacks Israel", "Iran will treat it as an act of war"),
])
def test_any_x_declared_a_target_or_an_act_of_war(text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


@pytest.mark.parametrize("text", [
    "Analysts said any deal would be regarded as a victory for the president.",
    "Officials said any delay would be seen as a setback for the talks.",
])
def test_any_x_regarded_as_something_else_is_no_threat(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


def test_issuer_of_a_threat_quoted_by_an_agency_is_the_quoted_speakers_state(context: Any) -> None:
    t = _one("The state news agency quoted Lavrov as saying that Moscow would retaliate.", context)
    assert t.actor == "RUS"


def test_threaten_in_a_relative_clause_on_any_x_is_the_condition_not_the_threat(context: Any) -> None:
    t = _one("Turkey said it would not hesitate to strike any group that threatens its borders.", context)
    assert (t.actor, t.trigger) == ("TUR", "a group threatens its borders")
    assert t.response.startswith("Turkey will strike")


def test_any_x_that_acts_faces_consequences_gives_the_relative_as_a_clause(context: Any) -> None:
    t = _one("North Korea warned that any country that joins the sanctions would face consequences.", context)
    assert t.trigger == "a country joins the sanctions" and usable_clause(t.trigger, context.nlp)


def test_a_named_party_answered_against_is_whom_not_an_act(context: Any) -> None:
    # "retaliate against the United States": the United States is the target, not an act someone carries out.
    t = _one("The Houthis vowed to retaliate against the United States for the strikes on Yemen.", context)
    assert "United side" not in t.trigger and "carries out the States" not in t.trigger


@pytest.mark.parametrize(("text", "trigger"), [
    ('"We will impose sanctions on the banks, which fund the regime\'s army," the minister said.', ""),
    ('"We will impose sanctions on any bank that funds the regime\'s army," the minister said.',
     "a bank funds the regime's army"),
    ("Turkey said it will strike the militias, who control the border towns.", ""),
    ("Turkey said it will strike any militia that attacks its troops.", "a militia attacks its troops"),
])
def test_a_relative_clause_set_off_by_a_comma_is_no_condition(text: str, trigger: str, context: Any) -> None:
    # ", which fund the army" says more about the banks already named; "any bank that funds the army" picks out
    # the ones the act is done to, and is the condition.
    assert _one(text, context).trigger == trigger


@pytest.mark.parametrize("text", [
    "Russia said it will deploy new missiles to the islands where Japan has long claimed sovereignty.",
    "Russia announced it will deploy air defence systems to the islands where both countries have claims "
    "dating to the war.",
])
def test_a_clause_that_describes_a_place_gives_no_condition(text: str, context: Any) -> None:
    # "where both countries have claims dating to the war" tells where the act is done: no one's act it answers.
    t = _one(text, context)
    assert (t.form, t.trigger) == ("unconditional", "")
