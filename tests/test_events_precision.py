"""Precision mechanisms of issue 10 through the real pipeline (real spaCy): clauses that must not become current
events. Example sentences are written for these tests, not copied from the gold sets."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence

PUBLISHED = "2024-11-20"


def _current(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code_sentence(text, PUBLISHED, context, "test")
            if e.status == "current"]


@pytest.mark.parametrize("sentence", [
    "Four people are killed by a gunman in a mass shooting at a supermarket in Denver.",
    "A man opens fire at a bank in Oslo, Norway, killing two people.",
    "Three people were killed in a mass shooting at a school in Texas.",
    "A teenager stabbed three classmates at a school in Vienna.",
])
def test_events_lone_attacker_or_mass_shooting_is_ordinary_crime(sentence: str, context: Any) -> None:
    assert _current(sentence, context) == []


@pytest.mark.parametrize(("sentence", "event"), [
    ("A suicide bomber killed 12 people at a market in Kabul.", ("ASSAULT", None, "AFG")),
    ("A Palestinian man stabbed two Israeli soldiers at a checkpoint near Hebron.", ("ASSAULT", "PSE", "ISR-MIL")),
    ("Gunmen killed 20 villagers in Zamfara State, Nigeria.", ("ASSAULT", None, "NGA")),
])
def test_events_political_or_named_attackers_stay_events(sentence: str, event: Any, context: Any) -> None:
    assert event in _current(sentence, context)
