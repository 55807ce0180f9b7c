"""Events whose target is their source's own country (issue #10), through the real pipeline on sentences
written for the purpose: a place where the act happened is not the party it was done to."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence

PUBLISHED = "2024-11-20"


def _events(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code_sentence(text, PUBLISHED, context, "test")]


@pytest.mark.parametrize(("sentence", "dyad"), [
    # a party or a placed scene the clause names keeps its target
    ("Georgia summons the Russian ambassador over the border incident.", ("GEO", "RUS-GOV")),
    ("Russian forces strike Kharkiv, killing two.", ("RUS-MIL", "UKR")),
    ("Three civilians are killed in a Russian strike in Kupiansk.", ("RUS", "UKR")),
])
def test_events_selfdyad_a_named_counterpart_stays(sentence: str, dyad: tuple[str, str], context: Any) -> None:
    assert any((s, t) == dyad for _k, s, t in _events(sentence, context)), _events(sentence, context)


@pytest.mark.parametrize("sentence", [
    "Two people are killed in a Russian strike on Orikhiv.",
    "Five fishermen are wounded in an Israeli raid on Naqoura.",
])
def test_events_selfdyad_the_attackers_adjective_is_not_the_scene(sentence: str, context: Any) -> None:
    # "in a Russian strike": the adjective owns the act; the scene is a town the gazetteer may not place
    events = _events(sentence, context)
    assert events, sentence
    assert all(s is not None and t != s for _k, s, t in events), events


def test_events_selfdyad_a_state_naming_a_place_noun_still_places(context: Any) -> None:
    # "in the Yemeni port of ...": the adjective of a place's noun (not of an act's) names where it happened
    events = _events("Israeli jets bombed fuel depots in the Yemeni port of Al Hudaydah.", context)
    assert ("ASSAULT", "ISR", "YEM") in events or ("ASSAULT", "ISR-MIL", "YEM") in events, events

