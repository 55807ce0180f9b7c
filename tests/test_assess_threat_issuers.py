"""Threat issuers of issue #11: the issuer is who makes the threat, not the forum a speaker is posted to, nor the
outer speaker of a sentence that cites another's warning in a clause of time or cause. Sentences written for these
tests (not from the threat set)."""

from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess.rhetoric import find_threats
from redline.ingest import normalize
from redline.models import RawDocument, Threat


def _one(text: str, context: Any) -> Threat:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    [threat] = find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))
    return threat


@pytest.mark.parametrize(("text", "actor"), [
    ("Russia's ambassador to the United Nations warns that Moscow will retaliate if Western countries seize its "
     "assets.", "RUS"),
    ("Iran's envoy to the IAEA warns that Tehran will respond if the board passes a resolution against it.", "IRN"),
])
def test_the_body_a_speaker_is_posted_to_is_not_the_issuer(text: str, actor: str, context: Any) -> None:
    assert _one(text, context).actor == actor


def test_a_speaker_posted_to_a_body_does_not_speak_for_it(context: Any) -> None:
    t = _one("Ambassador to the United Nations Linda Reyes says the country will bring the matter to the Security "
             "Council if the tests continue.", context)
    assert t.actor != "UN"


@pytest.mark.parametrize(("text", "actor", "trigger"), [
    ("The Swedish government says it will apply for membership of the alliance, after Moscow warned Stockholm "
     "against joining NATO.", "RUS", "Stockholm joins NATO"),
    ("Norway's premier says the talks will go on, after China warned Oslo against hosting the dissident.", "CHN",
     "Oslo hosts the dissident"),
])
def test_a_warning_cited_after_another_speakers_statement_is_the_warners(text: str, actor: str, trigger: str,
                                                                         context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.form, t.trigger, t.status) == (actor, "red_line", trigger, "background")


def test_a_warning_against_an_act_by_no_state_is_no_cited_red_line(context: Any) -> None:
    article = normalize(RawDocument(origin="test", text="The company says it will open a new plant, after analysts "
                                    "warned investors against buying its shares.", url=None,
                                    published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()


@pytest.mark.parametrize(("text", "actor"), [
    ("In a meeting of the African Union, regional leaders refused to recognise the junta in Mali and threatened "
     "sanctions if the country does not hold elections.", "AU"),
    ("At a summit of the Arab League, Gulf leaders condemned the raids on Lebanon and threatened to cut oil exports "
     "if the siege continues.", "ARL"),
])
def test_a_speaker_naming_no_state_speaks_for_the_party_the_sentence_names_first(text: str, actor: str,
                                                                                 context: Any) -> None:
    assert _one(text, context).actor == actor


@pytest.mark.parametrize("text", [
    "In Egypt, militia leaders condemned the strikes on Lebanon and threatened to attack the border posts.",
    "Gunmen threatened to attack Israel.",
])
def test_places_and_the_threatened_are_not_the_first_party(text: str, context: Any) -> None:
    assert _one(text, context).actor is None


@pytest.mark.parametrize(("text", "actor"), [
    ("Japanese officials said they would go ahead with the naval drills near the islands, despite threats of "
     "retaliation.", None),
    ("Taiwan's president said she would visit the United States next month despite threats of retaliation.", None),
    ("Seoul will proceed with the drills despite threats of retaliation from Pyongyang.", "PRK"),
])
def test_who_acts_despite_a_threat_is_not_its_issuer(text: str, actor: str | None, context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.status) == (actor, "background")


@pytest.mark.parametrize(("text", "actor", "response"), [
    ("Washington urged Pyongyang to drop its threats of nuclear strikes against the South.", "PRK",
     "Pyongyang will carry out nuclear strikes against the South"),
    ("The European Union called on Serbia to end its threats of strikes against Kosovo.", "SRB",
     "Serbia will carry out strikes against Kosovo"),
    ("Ukraine ignored the threats of a strike by Russia.", "RUS", "Russia will carry out a strike"),
    ("Moscow decided to renew its threats of strikes on Kyiv.", "RUS", "Moscow will carry out strikes on Kyiv"),
])
def test_a_threat_noun_is_the_threat_of_whoever_is_told_to_drop_it_or_does_its_act(text: str, actor: str,
                                                                                    response: str,
                                                                                    context: Any) -> None:
    # "urged Pyongyang to drop its threats": Pyongyang's threats, not Washington's; "a strike by Russia": Russia's.
    t = _one(text, context)
    assert (t.actor, t.response) == (actor, response)


def test_a_threat_noun_that_is_the_subject_of_its_verb_names_no_issuer(context: Any) -> None:
    # "The threat of an attack remains" talks about a threat whose maker the sentence does not name.
    article = normalize(RawDocument(origin="test", text="The threat of a full-scale invasion of Georgia remains.",
                                    url=None, published="2024-06-01"), context.settings)
    assert find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer)) == ()
