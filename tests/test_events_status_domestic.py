"""Acts of a polity on itself (issue 10; the real-news guide's "not events"): resignations, laws and votes at
home, a dismissal told with "fired", restrictions for public health. Through the real pipeline, with sentences
of their own; the cases that must stay events sit beside each mechanism."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.events import current

PUBLISHED = "2024-03-10"


def _current(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, PUBLISHED, context, "test"))]


@pytest.mark.parametrize("text", [
    "The Senate of Minnesota passes a bill legalizing same-sex marriage.",
    "Portugal's finance minister resigns after a row over the budget.",
    "Uruguay legalises the sale of cannabis.",
    "Voters in Chile go to the polls to elect a new president.",
    "Belgian lawmakers vote to extend euthanasia to terminally ill children.",
])
def test_events_office_acts_at_home_are_no_events(text: str, context: Any) -> None:
    assert _current(text, context) == [], text


@pytest.mark.parametrize(("text", "kept"), [
    # a concession to someone, a release or a ceasefire stands
    ("Israel eases restrictions on Gaza.", ("CONCEDE", "ISR", "PSE")),
    ("Russia releases two Ukrainian prisoners of war.", ("RETREAT", "RUS", "UKR")),
])
def test_events_concessions_to_a_party_stay_events(text: str, kept: tuple[str, str | None, str | None],
                                                   context: Any) -> None:
    assert kept in _current(text, context), _current(text, context)


def test_events_a_permission_concedes_even_without_a_target(context: Any) -> None:
    # the court's permission is a concession to the candidate the coder does not code: the event stays
    events = _current("The Supreme Court of Kenya decided to allow candidate Raila Odinga to run in the elections.",
                      context)
    assert [e[0] for e in events] == ["CONCEDE"]


@pytest.mark.parametrize("text", [
    "Two judges are fired in Peru over a wrongful conviction.",
    "The Kenyan president fired his interior minister on Tuesday.",
])
def test_events_fired_office_holders_are_dismissed_not_shot(text: str, context: Any) -> None:
    assert [e for e in _current(text, context) if e[0] == "ASSAULT"] == [], text


@pytest.mark.parametrize("text", [
    "Kenyan police fired on protesters in Nairobi.",
    "Israeli troops fired two missiles at a Hamas post in Gaza.",
])
def test_events_firing_at_someone_stays_an_assault(text: str, context: Any) -> None:
    assert [e[0] for e in _current(text, context)].count("ASSAULT") >= 1, text


@pytest.mark.parametrize("text", [
    "Peru imposes a nightly curfew as coronavirus infections rise.",
    "Italy extends its lockdown to stem the coronavirus pandemic.",
])
def test_events_restrictions_for_public_health_are_no_events(text: str, context: Any) -> None:
    assert _current(text, context) == [], text


def test_events_a_curfew_on_protests_stays_coercion(context: Any) -> None:
    assert [e[0] for e in _current("Ethiopia imposes a curfew on Addis Ababa after opposition protests.", context)] \
        == ["COERCE"]


@pytest.mark.parametrize("text", [
    "U.S. health officials are investigating an outbreak of E. coli.",
    "French prosecutors investigate allegations of fraud at the ministry.",
])
def test_events_an_investigation_of_no_one_is_no_event(text: str, context: Any) -> None:
    assert _current(text, context) == [], text


@pytest.mark.parametrize(("text", "kept"), [
    ("The UN opened an investigation into Israeli strikes on Gaza.", ("ACCUSE", "UN", "ISR")),
    # a party of another country named in the sentence: the coder missed the link, the event stays
    ("Israel's high court opened a hearing into interrogation techniques used against Palestinian detainees.",
     ("ACCUSE", "ISR", None)),
])
def test_events_an_investigation_of_a_party_stays(text: str, kept: tuple[str, str | None, str | None],
                                                  context: Any) -> None:
    assert kept in _current(text, context), _current(text, context)
