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
