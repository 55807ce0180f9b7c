"""Triggers and responses realised as clauses (issue #11, stop 19): what is paid or retaliated for ("costs for an
invasion"), an attempt's infinitive, an inverted condition at the head of its sentence, one met with a response if
it acts, and a response noun said as its verb with its manner; each with sentences written for these tests (not
from the threat set)."""

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


def _usable(t: Threat, context: Any) -> bool:
    return usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The United States warned Russia that it would face severe costs for an invasion of Ukraine.",
     "someone invades Ukraine"),
    ("Iran said it would deliver a decisive reply to any aggression.", "anyone attacks Iran"),
    ("Iran vowed to retaliate against Israel for the strike on its consulate.", "Israel strikes its consulate"),
])
def test_the_act_paid_for_or_replied_to_is_the_trigger(text: str, trigger: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The army said any attempt to cross the line will be met with force.", "anyone crosses the line"),
    ("Russia warned that any move by Kyiv to join NATO would be met with a military response.", "Kyiv joins NATO"),
])
def test_an_attempt_names_the_act_in_its_infinitive(text: str, trigger: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert _usable(t, context)


@pytest.mark.parametrize(("text", "trigger", "response"), [
    ("Were Ukraine to strike Moscow, Russia would use nuclear weapons.", "Ukraine strikes Moscow",
     "Russia would use nuclear weapons"),
    ("Should Finland join NATO, Russia will respond.", "Finland joins NATO", "Russia will respond"),
])
def test_an_inverted_condition_opening_its_sentence_is_the_trigger_and_not_the_response(
        text: str, trigger: str, response: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger, t.response) == ("conditional", trigger, response)


@pytest.mark.parametrize(("text", "response"), [
    ("China warned of a swift and decisive response if Taiwan declares independence.",
     "China will respond swiftly and decisively"),
    ("Russia promised a swift response if attacked.", "Russia will respond swiftly"),
    ("Moscow threatened a military response to Finland's accession to NATO.",
     "Moscow will respond militarily to Finland's accession to NATO"),
    ("Russia threatened retaliation against Norway.", "Russia will retaliate against Norway"),
])
def test_a_response_noun_is_said_as_its_verb_with_its_manner(text: str, response: str, context: Any) -> None:
    assert _one(text, context).response == response


def test_a_response_noun_whose_modifier_has_no_adverb_keeps_its_noun(context: Any) -> None:
    t = _one("Kim warned of a nuclear response if the allies attack North Korea.", context)
    assert t.response != "" and "respond nuclearly" not in t.response


def test_one_met_with_a_response_if_it_acts_is_met_by_the_speaker(context: Any) -> None:
    t = _one("Trump said North Korea will be met with fire and fury if it makes more threats.", context)
    assert (t.actor, t.form, t.trigger) == ("USA", "conditional", "North Korea makes more threats")
    assert t.response == "United States meets North Korea with fire and fury"


def test_a_condition_opening_the_response_is_not_part_of_it(context: Any) -> None:
    t = _one("Iran said that in case of an attack on its territory it would strike U.S. bases.", context)
    assert (t.trigger, t.response) == ("someone attacks its territory", "Iran would strike U.S. bases")


@pytest.mark.parametrize("text", [
    "Pompeo warns Russia to not interfere in the election.",
    "Pompeo warns Russia not to interfere in the election.",
    "Pompeo meets the Russian foreign minister and warns Russia to not interfere in the election.",
])
def test_warning_another_not_to_act_is_a_red_line_however_the_infinitive_is_parsed(text: str,
                                                                                     context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.form, t.trigger, t.response) == ("USA", "red_line", "Russia interferes in the election", "")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Russia will use nuclear weapons if necessary, the Kremlin spokesman Dmitry Peskov said.",
     "Russia judges it necessary"),
    ("China said it would use force if absolutely necessary to stop Taiwan independence.",
     "China judges it absolutely necessary"),
])
def test_a_condition_that_names_only_a_judgement_is_the_issuer_judging_it(text: str, trigger: str,
                                                                           context: Any) -> None:
    """ "if necessary" is elliptic: the issuer judges it necessary (it once read "Russia will necessary")."""
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert _usable(t, context)


@pytest.mark.parametrize(("text", "trigger"), [
    # "any N that ..." as "a N ..."
    ("The Kremlin said Russian forces would strike any convoy that carries Western weapons.",
     "a convoy carries Western weapons"),
    # what a threat answers: "over" an act, "in response to" / "in case of" a noun, "those responsible for" an act
    ("Turkey threatens to cut ties with Sweden over the burning of a Koran.", "someone burns a Koran"),
    ("Tehran threatened to close the Strait of Hormuz in response to new sanctions.",
     "someone imposes new sanctions on Iran"),
    ("The EU threatens sanctions in case of a military takeover.", "someone carries out a military takeover"),
    ("Russia warns of a response to the deployment of U.S. missiles in Germany.",
     "someone deploys U.S. missiles in Germany"),
])
def test_an_act_answered_is_the_trigger(text: str, trigger: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert _usable(t, context)


def test_a_response_noun_in_case_of_an_act_drops_the_act(context: Any) -> None:
    assert _one("The EU threatens sanctions in case of a military takeover.", context).response == \
        "The EU will impose sanctions"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Israel vowed to respond to the missile barrage.", "someone carries out the missile barrage"),
    ("Israel threatened a harsh response to the rocket fire.", "someone carries out the rocket fire"),
    ("The Houthis threatened to attack any ship heading to Israeli ports.", "a ship heads to Israeli ports"),
    ("Pyongyang warned that the drills would be met with a strong response.", "someone holds drills"),
    ("The ministry said any country that hosts the missiles would become a target.", "a country hosts the missiles"),
    ("Washington warned Beijing of consequences for supplying weapons to Russia.",
     "someone supplies weapons to Russia"),
])
def test_a_hostile_noun_a_participle_an_act_met_or_paid_for_is_the_trigger(text: str, trigger: str,
                                                                          context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert _usable(t, context)


def test_a_response_to_a_noun_of_no_hostile_act_has_no_trigger(context: Any) -> None:
    text = "The ministry said Russia would respond to the letter."
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    assert all("letter" not in t.trigger for t in find_threats(nlp_stage.analyze(article, context.nlp,
                                                                                context.gazetteer)))


@pytest.mark.parametrize(("text", "trigger"), [
    ("China warned of strong countermeasures against the visit.", "someone carries out the visit"),
    ("Moscow warned of measures against the deployment of missiles in Poland.", "someone deploys missiles in Poland"),
    ("The Russian minister warned of consequences for the economy.", ""),  # for whom, not for what
])
def test_a_warned_response_noun_takes_the_act_it_is_set_against(text: str, trigger: str, context: Any) -> None:
    assert _one(text, context).trigger == trigger


@pytest.mark.parametrize(("text", "trigger"), [
    ("The EU said it would respond with countermeasures to any new tariffs.", "anyone imposes new tariffs"),
    ("Iran warned the United States against any military adventure in the region.",
     "the United States carries out any military adventure in the region"),
])
def test_a_hostile_noun_answered_or_warned_against_is_the_trigger(text: str, trigger: str, context: Any) -> None:
    assert _one(text, context).trigger == trigger


@pytest.mark.parametrize(("text", "trigger"), [
    ("Iran said it would regard any attack on its nuclear facilities as an act of war.",
     "anyone attacks its nuclear facilities"),
    ("North Korea said it would consider the interception of its missiles a declaration of war.",
     "someone intercepts its missiles"),
])
def test_an_act_regarded_as_war_is_the_trigger(text: str, trigger: str, context: Any) -> None:
    assert _one(text, context).trigger == trigger


def test_a_red_line_declared_on_an_act_is_drawn_by_its_declarer(context: Any) -> None:
    t = _one("The president declared that the use of chemical weapons is a red line.", context)
    assert (t.form, t.trigger, t.speaker) == ("red_line", "anyone uses chemical weapons", "The president")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Russia may attack Ukraine. If so, the United States will impose sanctions, Biden said.",
     "Russia attacks Ukraine"),
    ("Iran must stop enrichment. If not, Israel will strike its nuclear sites, Netanyahu said.",
     "Iran does not stop enrichment"),
])
def test_an_anaphoric_condition_is_the_clause_of_the_sentence_before(text: str, trigger: str, context: Any) -> None:
    [t] = _all(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert _usable(t, context)


def test_an_anaphoric_condition_with_nothing_before_is_no_clause(context: Any) -> None:
    [t] = _all("If so, the United States will impose sanctions, Biden said.", context)
    assert t.trigger == ""  # never "the United States will so"
    assert t.response == "the United States will impose sanctions"


@pytest.mark.parametrize(("text", "trigger"), [
    ("If and when Russia attacks, NATO will respond, Stoltenberg said.", "Russia attacks"),
    ("If and when Iran builds a bomb, Israel will strike, Netanyahu said.", "Iran builds a bomb"),
])
def test_a_joined_conjunction_is_cut_from_the_condition(text: str, trigger: str, context: Any) -> None:
    assert _one(text, context).trigger == trigger


def _all(text: str, context: Any) -> tuple[Threat, ...]:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    return find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))


@pytest.mark.parametrize(("text", "trigger"), [
    ("Seoul said a North Korean nuclear test would be met with a strong response.", "North Korea tests"),
    ("Japan warned that a DPRK missile launch would be met with firm countermeasures.", "DPRK launches missiles"),
    ("Seoul said that a DPRK nuclear test would be met with a strong response.", "DPRK tests"),
])
def test_a_name_among_the_modifiers_of_an_act_noun_is_its_agent(text: str, trigger: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.form, t.trigger) == ("conditional", trigger)
    assert _usable(t, context)


def test_a_place_on_a_compounded_noun_is_where_not_who(context: Any) -> None:
    t = _one("Moscow warned that a Kursk border incursion would be met with a crushing response.", context)
    assert t.trigger.split()[0] == "someone"


def test_a_threatened_noun_keeps_the_preposition_of_its_phrase(context: Any) -> None:
    t = _one("NATO threatened Serbia with air strikes in Kosovo.", context)
    assert t.response == "NATO will carry out air strikes against Serbia in Kosovo"
