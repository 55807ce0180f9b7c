"""Threat mechanisms of issue #11 (stop 19): the agent a modifier names in a nominalised trigger, an "any X" trigger
aimed at the issuer, an unnamed office speaking for the state its clause names, and a "that" clause the parser hung
on a noun of the reporting verb; each with sentences written for these tests (not from the threat set)."""

from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess.rhetoric import find_threats
from redline.eval.threats import usable_clause
from redline.ingest import normalize
from redline.models import RawDocument, Threat


def _one(text: str, context: Any) -> Threat:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    [threat] = find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))
    return threat


@pytest.mark.parametrize(("text", "actor", "trigger"), [
    ("Pakistan's army chief warns that any Indian aggression will be met with a befitting response.", "PAK",
     "India attacks Pakistan"),
    ("Iran warned that any Israeli strike on its nuclear sites would be met with a crushing response.", "IRN",
     "Israel strikes its nuclear sites"),
    ("The Kremlin spokesman warned that Moscow would respond to any NATO deployment in Finland.", "RUS",
     "NATO deploys in Finland"),
])
def test_a_nationality_or_actor_modifying_the_act_is_its_agent(text: str, actor: str, trigger: str,
                                                                context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.form, t.trigger) == (actor, "conditional", trigger)
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


def test_a_response_met_with_keeps_no_modal_of_the_passive(context: Any) -> None:
    t = _one("Hezbollah warns Israel that any attack on Lebanon would be met with a strong response.", context)
    assert t.response == "Lebanon responds with a strong response"


def test_any_attack_as_the_subject_of_an_answer_is_an_attack_on_the_issuer(context: Any) -> None:
    t = _one("\u201cAny attack will be answered,\u201d said Ali Khamenei, Iran's supreme leader.", context)
    assert (t.actor, t.trigger) == ("IRN", "anyone attacks Iran")


def test_an_unnamed_ministry_speaks_for_the_state_its_clause_names(context: Any) -> None:
    t = _one("In a statement, the foreign ministry said Russia would respond to any further escalation.", context)
    assert (t.actor, t.trigger, t.response) == ("RUS", "anyone escalates further", "Russia would respond")


def test_a_that_clause_hung_on_a_noun_of_the_reporting_verb_is_said(context: Any) -> None:
    t = _one("The ministry's spokesperson Mao Ning told a regular briefing that China would take countermeasures.",
             context)
    assert (t.actor, t.response) == ("CHN", "China would take countermeasures")


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("China warns the United States to stop interfering in Hong Kong or face countermeasures.",
     "the United States does not stop interfering in Hong Kong", "the United States faces countermeasures"),
    ("Turkey warns the Syrian government not to attack Turkish observation posts in Idlib, or face retaliation.",
     "the Syrian government attacks Turkish observation posts in Idlib", "the Syrian government faces retaliation"),
])
def test_an_ultimatum_told_to_another_makes_the_told_party_act_and_face_it(text: str, trigger: str, response: str,
                                                                          context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("ultimatum", trigger, response)


@pytest.mark.parametrize(("text", "actor", "trigger", "response"), [
    ("The European Union pressed Iran to halt uranium enrichment or face new sanctions.", "EU",
     "Iran does not halt uranium enrichment", "Iran faces new sanctions"),
    ("The African Union called on the junta to restore civilian rule or face sanctions.", "AU",
     "the junta does not restore civilian rule", "the junta faces sanctions"),
    ("Nigeria appealed to the junta to release the president or face military action.", "NGA",
     "the junta does not release the president", "the junta faces military action"),
    ("Russia pleaded with Ukraine to withdraw its troops or face consequences.", "RUS",
     "Ukraine does not withdraw its troops", "Ukraine faces consequences"),
    ("Iran must stop enrichment or face consequences, the United States said.", "USA",
     "Iran does not stop enrichment", "Iran faces consequences"),
])
def test_an_ultimatum_by_a_verb_of_asking_makes_its_addressee_act(text: str, actor: str, trigger: str,
                                                                   response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.form, t.trigger, t.response) == (actor, "ultimatum", trigger, response)
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


def test_an_ultimatum_given_in_the_passive_is_not_the_given_partys_own(context: Any) -> None:
    t = _one("Iran was given ten days by the Security Council to halt enrichment or face sanctions.", context)
    assert (t.actor, t.trigger, t.response) == ("UNSC", "Iran does not halt enrichment", "Iran faces sanctions")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Moscow warns Washington that deploying missiles in Germany would trigger a response.",
     "Washington deploys missiles in Germany"),
    ("Hezbollah warns Israel that any attack on Lebanon will be met with a strong response.", "Israel attacks Lebanon"),
    ("Israel warns Hezbollah that it will bomb Beirut if it fires rockets at Israeli cities.",
     "Hezbollah fires rockets at Israeli cities"),
])
def test_the_warned_party_does_what_the_warning_forbids(text: str, trigger: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("Iran warns of a crushing response to any Israeli aggression.", "Israel attacks Iran",
     "Iran will carry out a crushing response"),
    ("Russia says it will take retaliatory measures against the deployment of U.S. missiles in Europe.",
     "anyone deploys U.S. missiles in Europe", "Russia will take retaliatory measures"),
    ("Azerbaijan threatens to strike Armenia's nuclear power plant in response to shelling of its cities.",
     "anyone shells its cities", "Azerbaijan will strike Armenia's nuclear power plant"),
    ("North Korea threatens a pre-emptive nuclear strike against South Korea in response to the two nations' "
     "annual joint military exercise.", "the two nations hold annual joint military exercise",
     "North Korea will carry out a pre-emptive nuclear strike against South Korea"),
    ("Iran's Revolutionary Guards threaten to target U.S. bases in the region in the event of an American attack.",
     "United States attacks Iran", "Iran's Revolutionary Guards will target U.S. bases in the region"),
    ("Pakistan vows to respond to any Indian misadventure across the Line of Control.",
     "India carries out misadventure", "Pakistan will respond across the Line of Control"),
])
def test_what_a_response_answers_is_its_trigger(text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)


def test_a_warning_against_an_act_takes_the_response_it_adds(context: Any) -> None:
    t = _one("Hamas warns Israel against storming the Al-Aqsa mosque, saying it would respond with rockets.", context)
    assert (t.actor, t.form, t.trigger, t.response) == (
        "PSE", "red_line", "Israel storms the Al-Aqsa mosque", "Hamas would respond with rockets")


def test_an_owner_acts_for_the_thing_it_owns_in_a_pronoun_trigger(context: Any) -> None:
    t = _one("Turkey threatens to block Sweden's NATO bid if it does not extradite Kurdish militants.", context)
    assert t.trigger == "Sweden does not extradite Kurdish militants"


@pytest.mark.parametrize("text", [
    "The Dutch prime minister indicates that he will likely withdraw the nomination of his finance minister to the "
    "commission which caused a deadlock in parliament this week.",
    "The Taliban said they would break the cease-fire with international forces that has been in place since May.",
])
def test_a_forecast_or_a_relative_clause_of_fact_is_no_condition(text: str, context: Any) -> None:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    threats = find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))
    assert all(t.form != "conditional" for t in threats)


def test_a_passive_threat_is_made_by_its_agent_and_none_without_one(context: Any) -> None:
    t = _one("South Korea is threatened by North Korea with \u201cmerciless\u201d retaliation.", context)
    assert (t.actor, t.response) == ("PRK", "North Korea will carry out merciless retaliation against South Korea")
    article = normalize(RawDocument(origin="test", text="Japan says it was threatened over the islands.", url=None,
                                    published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()


def test_a_threat_with_a_response_to_any_act_is_conditional(context: Any) -> None:
    t = _one("Tehran threatens Washington with a \u201ccrushing response\u201d to any attack.", context)
    assert (t.actor, t.form, t.trigger) == ("IRN", "conditional", "anyone attacks Iran")
    assert t.response == "Tehran will carry out a crushing response against Washington"


def test_consequences_the_warned_party_will_suffer_are_a_threat(context: Any) -> None:
    t = _one("The Chinese embassy in Canberra warns that Australia will suffer consequences if it joins the "
             "sanctions.", context)
    assert (t.actor, t.trigger, t.response) == ("CHN", "Australia joins the sanctions",
                                                 "Australia will suffer consequences")


@pytest.mark.parametrize(("text", "actor", "response", "status"), [
    ("Pakistan rejects India's threat to stop the flow of the Indus.", "IND", "India will stop the flow of the Indus",
     "current"),
    ("Despite threats by the Taliban to attack polling stations, millions of Afghans vote.", "AFG",
     "the Taliban will attack polling stations", "background"),
])
def test_a_threat_named_as_a_noun_with_its_act_as_an_infinitive(text: str, actor: str, response: str, status: str,
                                                                 context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.response, t.status) == (actor, response, status)


@pytest.mark.parametrize(("text", "actor", "trigger", "response"), [
    ("The Houthis say American ships in the Red Sea are legitimate targets.", "YEM", "",
     "Yemen will target American ships in the Red Sea"),
    ("The Russian ambassador says Denmark's warships will become targets if it joins the missile shield.", "RUS",
     "Denmark joins the missile shield", "Russia will target Denmark's warships"),
    ("North Korea says it is ready to use nuclear weapons against its enemies.", "PRK", "",
     "North Korea will use nuclear weapons against its enemies"),
])
def test_declared_targets_and_readiness_to_use_arms_are_threats(text: str, actor: str, trigger: str, response: str,
                                                                context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.trigger, t.response) == (actor, trigger, response)


@pytest.mark.parametrize("text", [
    "Israeli officials say the country is a target of Iranian cyber attacks.",
    "The minister said the country is ready to negotiate with the rebels.",
])
def test_being_a_target_or_ready_for_talks_is_no_threat(text: str, context: Any) -> None:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("Russia warns it will respond militarily should Finland join NATO.", "Finland joins NATO",
     "Russia will respond militarily"),
    ("Iran says it will strike Israel were it to attack its nuclear sites.", "Israel attacks its nuclear sites",
     "Iran will strike Israel"),
    ("China says it will use force when Taiwan declares independence.", "Taiwan declares independence",
     "China will use force"),
    ("Iran threatens to block the Strait of Hormuz in case of a U.S. attack.", "United States attacks Iran",
     "Iran will block the Strait of Hormuz"),
    ("Russia says it will target any Western troops sent to Ukraine.", "Western troops are sent to Ukraine",
     "Russia will target any Western troops sent to Ukraine"),
    ("Any ship entering the zone will be fired upon, the Iranian navy warns.", "a ship enters the zone",
     "Any ship entering the zone will be fired upon"),
    ("Those who attack our soldiers will pay a heavy price, the Turkish president says.",
     "anyone attacks our soldiers", "Those who attack our soldiers will pay a heavy price"),
])
def test_conditions_without_if(text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)
    assert usable_clause(t.trigger, context.nlp)


def test_until_makes_the_demand_unmet_the_trigger(context: Any) -> None:
    t = _one("The Houthis threaten to attack ships heading to Israeli ports until the war in Gaza ends.", context)
    assert (t.form, t.trigger) == ("ultimatum", "the war in Gaza does not end")


def test_a_red_line_on_a_nominal_act_names_its_agent(context: Any) -> None:
    t = _one("Israel says it will not tolerate Iranian entrenchment in Syria.", context)
    assert (t.actor, t.form, t.trigger) == ("ISR", "red_line", "Iran carries out entrenchment in Syria")


def test_an_act_without_what_it_acts_on_is_no_trigger(context: Any) -> None:
    t = _one("The Kremlin said on Tuesday that Moscow would respond to the deployment.", context)
    assert (t.form, t.trigger) == ("unconditional", "")


def test_the_claim_that_holds_the_threat_gives_its_speaker(context: Any) -> None:
    t = _one("Reuters reports that Rouhani said Iran would retaliate if it were attacked.", context)
    assert (t.actor, t.speaker) == ("IRN", "Hassan Rouhani")


def test_it_suffering_a_hostile_act_in_a_trigger_is_the_issuer(context: Any) -> None:
    t = _one("Reuters reports that Rouhani said Iran would retaliate if it were attacked.", context)
    assert t.trigger == "Iran were attacked"


def test_a_warning_by_an_unnamed_spokesman_is_the_state_its_promise_names(context: Any) -> None:
    t = _one("Speaking for the government, the spokesman warned that Beijing would retaliate.", context)
    assert (t.actor, t.response) == ("CHN", "Beijing would retaliate")


@pytest.mark.parametrize("text", [
    "North Korea says it will not retaliate.",
    "The Iranian foreign ministry said Tehran would not respond to the provocation.",
])
def test_a_promise_not_to_act_is_no_threat(text: str, context: Any) -> None:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()


def test_a_negated_act_that_threatens_stays_a_threat(context: Any) -> None:
    t = _one("Israel says it will not tolerate Iranian entrenchment in Syria.", context)
    assert t.form == "red_line"


@pytest.mark.parametrize(("text", "actor"), [
    ("Officials in Tehran said the navy will respond to any aggression against its ships.", "IRN"),
    ("Tribal elders in Darfur threatened to take up arms against the government.", "SDN"),
])
def test_a_speaker_named_by_where_they_are_issues_for_that_country(text: str, actor: str, context: Any) -> None:
    assert _one(text, context).actor == actor


def test_a_sides_own_forces_named_by_a_possessive_commit_the_speakers_side(context: Any) -> None:
    t = _one("The Russian Defence Ministry said its forces would strike command centres in the capital.", context)
    assert (t.actor, t.response) == ("RUS", "Russia's forces would strike command centres in the capital")


def test_a_bloc_named_after_its_description_issues_the_ultimatum(context: Any) -> None:
    t = _one("Leaders from the regional bloc ECOWAS urged the general to step aside or face sanctions.", context)
    assert (t.actor, t.form) == ("ECOWAS", "ultimatum")


def test_the_speakers_own_group_commits_but_an_analysts_forecast_does_not(context: Any) -> None:
    t = _one("A Taliban commander said the group would attack the checkpoints.", context)
    assert t.actor == "AFG"
    article = normalize(RawDocument(origin="test", text="Analysts said the group would attack the capital.", url=None,
                                    published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()


def test_reacting_accordingly_takes_its_state_from_its_subject_when_the_speaker_names_none(context: Any) -> None:
    assert _one("The envoy said Moscow would react accordingly.", context).actor == "RUS"


@pytest.mark.parametrize(("text", "actor"), [
    ("Kata'ib Hezbollah vowed to retaliate against American forces after the drone strike.", "IRQ"),
    ("Asa'ib Ahl al-Haq warned it will attack foreign troops if they stay in the country.", "IRQ"),
    ("The Islamic Resistance in Iraq vowed to strike American bases in the region.", "IRQ"),
])
def test_an_iraqi_militia_issues_for_its_home_country_not_lebanon(text: str, actor: str, context: Any) -> None:
    # An Iraqi militia named after Hezbollah or not: its home country (CAMEO IRQ-REB), never the Lebanese group.
    assert _one(text, context).actor == actor
