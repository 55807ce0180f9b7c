"""Who a threat is issued by when the sentence names another party (issue #11, threats15): a red line crossed is
drawn by whoever says so, not by who crosses it; a news outlet relays the threat of the state it names and
speaks for none; a threat verb joined to a reported clause about a thing is the reporter's; a red line talked about
(not drawn) is no threat. Sentences written for these tests (not from the threat set),
through the real pipeline (spaCy, gazetteers)."""

from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess.rhetoric import find_threats
from redline.ingest import normalize
from redline.models import RawDocument, Threat


def _threats(text: str, context: Any) -> tuple[Threat, ...]:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    return find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))


@pytest.mark.parametrize(("text", "actor", "speaker", "trigger"), [
    ("Syria has crossed a red line, Obama said.", "USA", "Barack Obama", "Syria has crossed a red line"),
    ("Iran says Israel has crossed a red line by attacking its consulate.", "IRN", "Iran",
     "Israel has crossed a red line by attacking its consulate"),
    ("The Kremlin said the last red line has been crossed.", "RUS", "The Kremlin",
     "the last red line has been crossed"),
])
def test_a_red_line_crossed_is_drawn_by_who_says_so_not_by_who_crosses_it(
        text: str, actor: str, speaker: str, trigger: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert (t.actor, t.speaker, t.form, t.trigger) == (actor, speaker, "red_line", trigger)


def test_a_red_line_crossed_with_no_one_to_say_so_has_no_issuer(context: Any) -> None:
    [t] = _threats("Russia has crossed all red lines.", context)
    assert (t.actor, t.form) == (None, "red_line")  # the crosser is not the one whose line it is


@pytest.mark.parametrize(("text", "actor", "response"), [
    ("KCNA said North Korea will retaliate if the drills go ahead.", "PRK", "North Korea will retaliate"),
    ("Xinhua said China would take countermeasures if the United States sold arms to Taiwan.", "CHN",
     "China would take countermeasures"),
])
def test_a_news_outlet_relays_the_threat_of_the_state_it_names(
        text: str, actor: str, response: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert (t.actor, t.response) == (actor, response)


def test_a_news_outlet_is_never_the_issuer(context: Any) -> None:
    threats = _threats("The Korean Central News Agency said the North would launch a merciless strike on any "
                       "aggressor.", context)
    assert all(t.actor != "KCNA" for t in threats)


@pytest.mark.parametrize("text", [
    "Analysts said Iran would retaliate if Israel struck.",
    "Experts warn that Iran could retaliate if its nuclear sites are hit.",
])
def test_a_commentator_still_forecasts_and_does_not_relay(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


@pytest.mark.parametrize(("text", "actor", "speaker"), [
    ("Iran says the drills are a provocation and threatens to close the Strait of Hormuz.", "IRN", "Iran"),
    ("The ministry said the sanctions are illegal and warned that Russia would respond.", "RUS", "The ministry"),
])
def test_a_threat_verb_joined_to_a_reported_clause_about_a_thing_is_the_reporters(
        text: str, actor: str, speaker: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert (t.actor, t.speaker) == (actor, speaker)


def test_a_threat_verb_joined_to_a_reported_clause_about_an_agent_stays_the_agents(context: Any) -> None:
    [t] = _threats("Officials said the rebels had seized the town and threatened to execute the hostages.", context)
    assert t.speaker == "the rebels"


@pytest.mark.parametrize("text", [
    "PSAKI: I'm not here to set new red lines.",
    "SULLIVAN: I'm not standing up here to draw red lines.",
    "I'm not going to get into red lines from here.",
    "In this interview, the President was asked about red lines.",
    "When he was asked to clarify what his red lines were, he said the army had not yet moved.",
    "Obama's red line policy on Syria drew criticism.",
])
def test_a_red_line_talked_about_but_not_drawn_is_no_threat(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


@pytest.mark.parametrize(("text", "actor"), [
    ("Putin said NATO expansion to Ukraine is a red line for Russia.", "RUS"),
    ("Iran will not hesitate to strike if the red line is crossed, the commander said.", "IRN"),
])
def test_a_red_line_drawn_is_still_one(text: str, actor: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert t.actor == actor


@pytest.mark.parametrize(("text", "actor"), [
    ("The general said Iran would respond to any attack on its territory.", "IRN"),
    ("A senior commander said Hezbollah would strike Haifa if Israel attacked Beirut.", "LBN"),
])
def test_a_general_who_names_no_state_speaks_for_the_state_his_clause_commits(
        text: str, actor: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert t.actor == actor


def test_a_general_of_another_state_forecasts(context: Any) -> None:
    assert _threats("General Mark Milley said Iran would retaliate if attacked.", context) == ()


@pytest.mark.parametrize("text", [
    "North Korea once again threatened to strike the United States if the drills went ahead.",
    "Iran once more warned that it would close the Strait of Hormuz if attacked.",
])
def test_once_again_is_one_more_time_not_formerly(text: str, context: Any) -> None:
    [t] = _threats(text, context)
    assert t.status == "current"


KREMLIN = "http://en.kremlin.ru/events/president/news/60000"


@pytest.mark.parametrize("text", [
    "We will continue to take joint measures as planned, including joint patrols with the Turkish troops.",
    "It is most important that we will take preventive measures to ensure that no athlete uses doping.",
])
def test_measures_taken_with_others_or_against_a_danger_are_no_threat(text: str, context: Any) -> None:
    article = normalize(RawDocument(origin="test", text=text, url=KREMLIN, published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()


def test_retaliatory_measures_are_still_a_threat(context: Any) -> None:
    text = "We will take retaliatory measures if the United States deploys missiles in Europe."
    article = normalize(RawDocument(origin="test", text=text, url=KREMLIN, published="2024-06-01"), context.settings)
    [t] = find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))
    assert (t.actor, t.response) == ("RUS", "Russia will take retaliatory measures")
