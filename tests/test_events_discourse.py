"""Discourse-level actor resolution (issue 10): an agent the sentence names by its kind only ("the police",
"protesters") takes its country from the earlier sentences of its paragraph, through the real pipeline."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current


def _coded(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, "2024-01-01", context, "test"))]


def test_events_unplaced_agent_takes_the_setting_of_its_paragraph(context: Any) -> None:
    coded = _coded("A car bomb exploded outside a hotel in Kandahar on Monday. Police later arrested three "
                   "suspects.", context)
    assert ("COERCE", "AFG-GOV", "AFG") in coded
    # a sentence with no place of its own names no setting
    assert not [e for e in _coded("Police later arrested three suspects.", context) if e[1]]


def test_events_a_new_paragraph_sets_its_own_scene(context: Any) -> None:
    coded = _coded("A car bomb exploded outside a hotel in Kandahar on Monday.\nPolice later arrested three "
                   "suspects.", context)
    assert not [e for e in coded if e[0] == "COERCE" and e[1]]


def test_events_riot_police_of_an_earlier_rally(context: Any) -> None:
    coded = _coded("Thousands rallied in Minsk on Sunday against the election result. Riot police fired tear gas "
                   "at the protesters.", context)
    assert ("ASSAULT", "BLR-GOV", "BLR") in coded
