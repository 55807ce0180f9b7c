"""Triggers said without a plain "if": carried by the threatened act's object ("any target that we deem to be
threatening X", "any spies caught spying", "ships heading to X"), by an act named as the subject of what it would
bring about ("the expulsion of X could affect Y", "anybody violating X may face Y"), by what is defended from, by a
phrase of condition ("in the event that", "as long as", "each time"), by a demand with "or" / "otherwise", by a
course of action a threat is made "over", or by a condition the sentence splitter cut off. Sentences written for
these tests (not from the threat set)."""

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
    assert usable_clause(threat.trigger, context.nlp) and usable_clause(threat.response, context.nlp)
    return threat


@pytest.mark.parametrize(("text", "trigger"), [
    # a relative clause of judgement on the act's object: what the issuer judges the thing to do
    ("Russia's air defence systems will be used against any target that we deem to be threatening Russian service "
     "personnel, the minister said.", "a target threatens Russian service personnel"),
    # a reduced relative the parser reads as a clause: "any spies caught ..." -> "spies are caught ..."
    ("Venezuelan President Hugo Chávez threatens to jail any United States spies caught gathering information "
     "about Venezuela.", "United States spies are caught gathering information about Venezuela"),
    # a present participle on the object names whom the act waits for
    ("The Houthis threaten to attack ships heading to Israeli ports.", "ships head to Israeli ports"),
    # "against any X that ...": the relative clause, not "anyone carries out X"
    ("The United States threatens sanctions against any country that buys Iranian oil.",
     "a country buys Iranian oil"),
    # "any <act noun>" as the object of the threatened act
    ("The rebels threatened to resist any deployment of foreign troops.", "anyone deploys foreign troops"),
])
def test_the_object_of_the_act_carries_the_trigger(text: str, trigger: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("The minister warned that deploying missiles in Cuba would lead to war.", "anyone deploys missiles in Cuba",
     "this would lead to war"),
    ("Iran warned that failure to lift the sanctions would lead to serious consequences.",
     "anyone fails to lift the sanctions", "this would lead to serious consequences"),
    ("The prosecutor warns anybody violating international law may face prosecution.",
     "anybody violates international law", "anybody may face prosecution"),
])
def test_an_act_named_as_the_subject_is_the_trigger(text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)


def test_the_warned_party_does_the_act_named_as_the_subject(context: Any) -> None:
    t = _one("Secretary of State Antony Blinken warns China that the expulsion of 13 U.S. journalists could affect the "
             "U.S. assessment of Hong Kong's status.", context)
    assert t.trigger == "China expels 13 U.S. journalists"
    assert t.response.startswith("this could affect")


def test_what_is_defended_from_is_the_trigger(context: Any) -> None:
    t = _one("The Prime Minister of Pakistan warns the United States that it will defend its air space from "
             "incursions following the raid on the compound.", context)
    assert (t.trigger, t.response) == ("the United States intrudes into its air space",
                                       "Pakistan will defend its air space")


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("The minister said Russia would respond in the event that NATO deploys troops in Finland.",
     "NATO deploys troops in Finland", "Russia would respond"),
    ("China warned that it will impose sanctions as long as the arms sales continue.", "the arms sales continue",
     "China will impose sanctions"),
    ("The rebels said they would resume attacks in case the government refuses to negotiate.",
     "the government refuses to negotiate", "they would resume attacks"),
    ("Hamas threatens to execute hostages each time Israel bombs civilians without warning.",
     "Israel bombs civilians without warning", "Hamas will execute hostages"),
])
def test_a_phrase_of_condition_gives_the_trigger(text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("The militants must leave the city or we will attack them, the commander said.",
     "The militants do not leave the city", "we will attack them"),
    ("Israel must stop its attacks, otherwise we will respond, the spokesman said.",
     "Israel does not stop its attacks", "we will respond"),
])
def test_a_demand_with_or_else_is_the_trigger_unmet(text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.trigger, t.response) == (trigger, response)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The EU threatens to suspend trade talks over the crackdown on protesters.",
     "the crackdown on protesters continues"),
    ("The president warned that continued violence would be met with force.", "violence continues"),
    ("Russia said it would use force if need be.", "Russia judges it necessary"),
    ("Moscow warned Kyiv that strikes on Russian territory would not go unanswered.",
     "Kyiv strikes Russian territory"),
    ("The ministry warned that attacks on its embassy would be considered an act of war.",
     "someone attacks its embassy"),
])
def test_a_course_of_action_or_an_idiom_gives_the_trigger(text: str, trigger: str, context: Any) -> None:
    assert _one(text, context).trigger == trigger


def test_what_is_done_despite_threats_is_their_trigger(context: Any) -> None:
    t = _one("The officials say they will proceed with the artillery drills on the island, despite threats of "
             "retaliation.", context)
    assert t.form == "conditional" and t.trigger.endswith("will proceed with the artillery drills on the island")


def test_a_condition_split_off_by_a_parenthesis_is_the_trigger(context: Any) -> None:
    t = _one("The Authority threatens to revoke its recognition of Israel (guaranteed by their signing of the Oslo "
             "Accord in 1993) if the United States moves its embassy to Jerusalem.", context)
    assert (t.trigger, t.response) == ("the United States moves its embassy to Jerusalem",
                                       "The Authority will revoke its recognition of Israel")


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("The ministry said Russia reserves the right to respond to any aggression.", "anyone attacks Russia",
     "Russia will respond"),
    ("North Korea said it would respond to the sanctions with a nuclear test.",
     "someone imposes the sanctions on North Korea", "North Korea would respond with a nuclear test"),
])
def test_what_a_response_answers_is_its_trigger(text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Turkey said it would use force to stop the militia from establishing a corridor along its border.",
     "the militia establishes a corridor along its border"),
    ("China said it would take resolute measures to stop Taiwan from seeking independence.",
     "Taiwan seeks independence"),
    ("Russia threatened retaliation against Norway over the transit restrictions.",
     "the transit restrictions continue"),
])
def test_what_the_act_would_prevent_or_is_made_over_is_the_trigger(text: str, trigger: str, context: Any) -> None:
    assert _one(text, context).trigger == trigger


@pytest.mark.parametrize(("text", "trigger"), [
    ("Russia threatens to expel the diplomats for spying on its military bases.",
     "the diplomats spy on its military bases"),
    ("The senator threatened to sue the newspaper for publishing the photos.", "the newspaper publishes the photos"),
    ("Ankara threatened to retaliate against Washington for arming the Kurdish fighters.",
     "Washington arms the Kurdish fighters"),
])
def test_whom_an_act_punishes_does_what_it_is_punished_for(text: str, trigger: str, context: Any) -> None:
    assert _one(text, context).trigger == trigger


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("Iran warned the United States against attacking its nuclear sites, threatening to close the Strait of Hormuz.",
     "the United States attacks its nuclear sites", "Iran will close the Strait of Hormuz"),
    ("China warned Japan against any interference in Taiwan, vowing to retaliate.", "Japan interferes in Taiwan",
     "China will retaliate"),
])
def test_a_threat_beside_a_warning_against_an_act_waits_on_that_act(text: str, trigger: str, response: str,
                                                                     context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)
