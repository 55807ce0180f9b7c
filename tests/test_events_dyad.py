"""Acts done to someone with no one named to receive them (``redline.events.dyad``), through the real pipeline on
sentences written for the purpose."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.events import STATUSES
from redline.events.dyad import DIRECTED_TYPES, UNDIRECTED

PUBLISHED = "2024-11-20"


def _events(text: str, context: Any) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source, e.target, e.status) for e in code_sentence(text, PUBLISHED, context, "test")]


@pytest.mark.parametrize("sentence", [
    "Police in Manila said they had found weapons hidden in a mosque.",
    "The Brazilian government expressed support for the new constitution.",
    "The Nigerian army appealed for calm in Kaduna.",
    "Pakistan's foreign ministry urged restraint.",
])
def test_events_dyad_an_act_with_no_counterpart_named_is_undirected(sentence: str, context: Any) -> None:
    events = _events(sentence, context)
    assert events, sentence
    assert all(status == UNDIRECTED for _t, _s, _g, status in events), events


@pytest.mark.parametrize("sentence", [
    "Peru has granted diplomatic asylum to five Panamanian army officers.",  # a second party the coder links
    "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi.",
])
def test_events_dyad_a_named_counterpart_keeps_the_act(sentence: str, context: Any) -> None:
    assert any(status == "current" for _t, _s, _g, status in _events(sentence, context)), sentence


def test_events_dyad_acts_that_may_stand_alone_are_not_held_back(context: Any) -> None:
    # a protest needs no one named to receive it; a withdrawal or an intent may stand alone; an expulsion or a
    # threat may leave its party unnamed
    assert not {"PROTEST", "RETREAT", "AGREE", "ASSAULT", "MOBILIZE", "SANCTION", "THREATEN"} & DIRECTED_TYPES
    assert ("SANCTION", "CHE", None, "current") in _events("Switzerland expelled two diplomats on Monday.", context)
    assert UNDIRECTED in STATUSES


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Spanish government held climate talks in Madrid on Monday.", ("CONSULT", "ESP-GOV", "ESP")),
    ("Chancellor Scholz expressed Germany's full support to Ukraine.", ("SUPPORT", "DEU-GOV", "DEU")),
])
def test_events_dyad_a_body_acting_on_its_own_country_named_bare_is_undirected(
        sentence: str, expected: tuple[str, str, str], context: Any) -> None:
    # the only counterpart is the doer's own country: the place of the meeting, or the owner of the support
    assert (*expected, UNDIRECTED) in _events(sentence, context)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a counterpart at home named with its own body, or abroad
    ("The Colombian government held peace talks with FARC rebels in Havana.", ("CONSULT", "COL-GOV", "COL-REB-FARC")),
    ("President Biden met Japanese Prime Minister Kishida in Washington.", ("CONSULT", "USA-GOV", "JPN")),
])
def test_events_dyad_a_named_counterpart_at_home_or_abroad_stays_current(
        sentence: str, expected: tuple[str, str, str], context: Any) -> None:
    assert (*expected, "current") in _events(sentence, context)
