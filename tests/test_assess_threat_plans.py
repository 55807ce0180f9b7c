"""A commitment with no condition made with an act verb that is as often a plan as a response ("launch", "review",
"report", "resume", "ban", "impose", "break", "cut", "seize", "suspend", "close", "end", "shut") is a threat only
when aimed at someone: a party, a pronoun for whom it is done to, a hostile act, arms, ties or a truce (issue #11,
found in the threat survey: tools/threat_survey.py); and a "not" on the "going" of "going to" negates the act as a
"not" on the act does. Each with sentences written for these tests (not from the threat set or the survey)."""

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


@pytest.mark.parametrize("text", [
    '"We will launch the construction of a new bridge next spring," the governor said.',
    "The airline said it will resume flights to the island in March.",
    '"I will report to the cabinet on the results next week," the minister said.',
    '"We must review these applications carefully," the minister said.',
    '"We will impose a curfew in the capital from Monday," the health minister said.',
    '"We will ban the sale of the drug from January," the minister said.',
    '"We will cut waiting times for patients," the minister said.',
    "The railway said it will suspend night trains to the coast during the repairs.",
    "The carmaker announced it will close its assembly plant in the north next year.",
    "The ferry company said it will end its winter service to the islands in March.",
    '"We will shut the old coal station by 2030," the energy minister said.',
    '"We will end the fuel subsidy scheme at the end of the year," the finance minister said.',
])
def test_threat_plans_an_open_act_aimed_at_no_one_is_no_threat(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


@pytest.mark.parametrize(("text", "response"), [
    ('"We will launch strikes on their bases if they attack again," the general said.',
     "We will launch strikes on their bases"),
    ("Moscow will review its relations with Tbilisi if the drills go ahead, the ministry said.",
     "Moscow will review its relations with Tbilisi"),
    ('"We will impose sanctions on Belarus," the minister said.', "We will impose sanctions on Belarus"),
    ('"We will resume nuclear testing if Washington deploys the missiles," the minister said.',
     "We will resume nuclear testing"),
    ('"We will break off ties with them," the president said.', "We will break off ties with them"),
    ("The foreign minister said Turkey will ban Israeli ships from its ports.",
     "Turkey will ban Israeli ships from its ports"),
    ('"Unless the talks resume, we will suspend the grain deal," the minister said.', "we will suspend the grain deal"),
    ('"We will close our airspace to Belarusian aircraft," the minister said.',
     "We will close our airspace to Belarusian aircraft"),
    ('"We will end the truce," the rebel commander said.', "We will end the truce"),
    ('"We will shut the border crossings if they fire again," the general said.', "We will shut the border crossings"),
])
def test_threat_plans_an_open_act_aimed_at_a_party_or_a_hostile_act_stays_a_threat(text: str, response: str,
                                                                                    context: Any) -> None:
    [threat] = _threats(text, context)
    assert threat.response == response


@pytest.mark.parametrize("text", [
    '"We are not going to retaliate against them," the minister said.',
    '"I am not going to respond to that question," the spokesman said.',
])
def test_threat_plans_a_not_on_going_to_negates_the_act(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


@pytest.mark.parametrize(("text", "response"), [
    ('"We are going to retaliate against them," the minister said.', "We will retaliate against them"),
    ('"We are not going to sit idly by while they shell our villages," the minister said.', "We will act"),
    ('"We are not going to hesitate to strike their bases if they attack," the general said.',
     "We will strike their bases"),
])
def test_threat_plans_a_negated_going_to_that_threatens_is_a_threat(text: str, response: str,
                                                                       context: Any) -> None:
    [threat] = _threats(text, context)
    assert threat.response == response
