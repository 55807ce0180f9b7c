"""Threat mechanisms of issue #11 (threats13): triggers and responses as clauses where a warning names the act
without a verb of the issuer's own (an act named as the subject of its consequence; a hostile act another side
would suffer). Sentences written for these tests (not from the threat set), through the real pipeline (spaCy,
gazetteers)."""

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


@pytest.mark.parametrize(("text", "actor", "trigger", "response"), [
    ("Russia warned Finland that joining NATO would have serious consequences.", "RUS", "Finland joins NATO",
     "this would have serious consequences"),
    ("Serbia warned Kosovo that a vote on the army law would damage relations between the two states.", "SRB",
     "Kosovo votes on the army law", "this would damage relations between the two states"),
])
def test_an_act_named_as_the_subject_of_its_consequence_is_the_warned_partys_trigger(
        text: str, actor: str, trigger: str, response: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert (t.actor, t.form, t.trigger, t.response) == (actor, "conditional", trigger, response)
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


def test_a_consequence_of_a_thing_is_no_named_act(context: Any) -> None:
    assert _threats("The ministry warned farmers that the storm would damage crops.", context) == ()



@pytest.mark.parametrize(("text", "actor", "trigger", "response"), [
    ("A senior Iranian commander warned that Israel would be destroyed if it attacked.", "IRN", "Israel attacked",
     "Israel would be destroyed"),
    ("Hezbollah's leader warned that Israel would be wiped out if it invaded Lebanon.", "LBN",
     "Israel invaded Lebanon", "Israel would be wiped out"),
])
def test_a_hostile_act_another_side_would_suffer_on_a_condition_is_the_speakers_threat(
        text: str, actor: str, trigger: str, response: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert (t.actor, t.form, t.trigger, t.response) == (actor, "conditional", trigger, response)


def test_a_hostile_act_suffered_with_no_condition_is_a_forecast(context: Any) -> None:
    assert _threats("A senior Iranian commander warned that Israel would be destroyed.", context) == ()


def test_a_threat_told_by_a_participle_on_its_document_is_no_condition_of_itself(context: Any) -> None:
    [t] = _threats("Al-Shabaab posted a statement threatening new attacks in Kenya.", context)
    assert (t.actor, t.form, t.trigger) == ("SOM", "unconditional", "")


def test_a_participle_on_the_threatened_object_is_still_its_condition(context: Any) -> None:
    [t] = _threats("Houthi rebels vowed to attack ships heading to Israeli ports.", context)
    assert (t.form, t.trigger) == ("conditional", "ships head to Israeli ports")


@pytest.mark.parametrize(("text", "trigger"), [
    ("If that happens, Israel will strike Hezbollah, the Israeli minister said.", "that happens"),
    ("Russia warned that it would respond if that attack was repeated.", "that attack was repeated"),
    ("China warned that it would retaliate if the visit went ahead.", "the visit went ahead"),
])
def test_a_demonstrative_subject_is_kept_where_a_connective_is_cut(text: str, trigger: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert usable_clause(t.trigger, context.nlp)


def test_a_red_line_crossed_as_the_condition_of_a_promised_act_is_a_conditional_threat(context: Any) -> None:
    [t] = _threats("If the red line is crossed, Turkey will act, the Turkish minister said.", context)
    assert (t.actor, t.speaker, t.form, t.trigger, t.response) == (
        "TUR", "the Turkish minister", "conditional", "the red line is crossed", "Turkey will act")


def test_a_red_line_crossed_with_no_promised_act_stays_a_red_line(context: Any) -> None:
    [t] = _threats("The last red line has been crossed, the Kremlin said.", context)
    assert t.form == "red_line"


@pytest.mark.parametrize(("text", "status"), [
    ("Once Ukraine joins NATO, Russia will respond, Lavrov said.", "current"),
    ("Russia once threatened to strike Kyiv.", "background"),
])
def test_once_as_a_conjunction_is_a_condition_and_as_an_adverb_the_past(text: str, status: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert t.status == status


@pytest.mark.parametrize(("text", "trigger"), [
    ("Israel will not allow Iran to obtain nuclear weapons, Netanyahu said.", "Iran obtains nuclear weapons"),
    ("We will not allow Ukraine to join NATO, the Russian minister said.", "Ukraine joins NATO"),
])
def test_what_will_not_be_allowed_is_a_red_line_as_a_clause(text: str, trigger: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert (t.form, t.trigger) == ("red_line", trigger)


def test_a_continued_act_keeps_its_verb_of_continuing(context: Any) -> None:
    [t] = _threats("Iran will continue striking Israeli targets if the war goes on, the Iranian general said.",
                   context)
    assert (t.trigger, t.response) == ("the war goes on", "Iran will continue striking Israeli targets")


def test_a_named_sufferer_of_the_warned_partys_country_is_not_replaced_by_it(context: Any) -> None:
    [t] = _threats("The Israeli defence minister warned Hezbollah that if it dragged Lebanon into war, Beirut would "
                   "be destroyed.", context)
    assert (t.trigger, t.response) == ("Hezbollah dragged Lebanon into war", "Beirut would be destroyed")


def test_a_warned_party_named_by_a_pronoun_is_the_warned_party(context: Any) -> None:
    [t] = _threats("The US warned Iran that it could lose access to its oil revenues if it failed to comply.", context)
    assert (t.trigger, t.response) == ("Iran failed to comply", "Iran could lose access to its oil revenues")


@pytest.mark.parametrize(("text", "speaker"), [
    ("If the United States attacks, Iran will retaliate, the Iranian commander said.", "the Iranian commander"),
    ("The minister said if the United States attacks, Iran will retaliate.", "The minister"),
])
def test_a_condition_the_parser_folded_into_its_clause_is_cut_at_its_comma(
        text: str, speaker: str, context: Any) -> None:
    [t] = _threats(text, context)  # "attacks" read as a noun: "if" hangs on "retaliate"
    assert (t.actor, t.speaker, t.trigger, t.response) == ("IRN", speaker, "the United States attacks",
                                                           "Iran will retaliate")


def test_a_condition_parsed_as_its_own_clause_is_unchanged(context: Any) -> None:
    [t] = _threats("If Israel strikes, Hezbollah will respond, the Hezbollah official said.", context)
    assert (t.trigger, t.response) == ("Israel strikes", "Hezbollah will respond")


def test_a_promise_not_to_hesitate_leaves_its_condition_out_of_the_response(context: Any) -> None:
    [t] = _threats("Russia will not hesitate to use force if Ukraine attacks Crimea, Medvedev said.", context)
    assert (t.trigger, t.response) == ("Ukraine attacks Crimea", "Russia will use force")


def test_his_country_said_for_a_state_is_the_state(context: Any) -> None:
    [t] = _threats("The Iranian president said his country would respond to any attack.", context)
    assert t.response == "Iran would respond"


@pytest.mark.parametrize(("text", "actor"), [
    ("In a statement from Tehran, officials vowed revenge for the killing.", "IRN"),
    ("Unknown gunmen threatened to attack Israel.", None),  # the one country named is the threatened
])
def test_a_threat_whose_speaker_names_no_state_takes_the_one_state_named_outside_it(
        text: str, actor: str | None, context: Any) -> None:
    [t] = _threats(text, context)
    assert t.actor == actor
