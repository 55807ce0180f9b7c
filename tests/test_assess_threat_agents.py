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
