"""Actors of force on real news (issue #10): unnamed attackers, acts at home, wrong targets. Each mechanism was
found in errors on the tune half of the real-news set and is checked here on sentences written for the purpose,
through the real pipeline (spaCy, gazetteer, coder)."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence

PUBLISHED = "2024-11-20"


def _events(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    events = code_sentence(text, PUBLISHED, context, "test")
    return [(e.type, e.source, e.target) for e in events if e.status == "current"]


@pytest.mark.parametrize(("sentence", "dyad"), [
    ("Syrian troops launched an offensive in Idlib on Monday.", ("SYR-MIL", "SYR")),
    ("A Pakistani drone strike kills four in Peshawar.", ("PAK", "PAK")),
    ("Turkish police fired tear gas in Istanbul.", ("TUR", "TUR")),
])
def test_events_actors_real_force_at_home_targets_the_own_country(sentence: str, dyad: tuple[str, str],
                                                                  context: Any) -> None:
    # a state's force in its own country, with no party named, is done to that country (CAMEO, the guide)
    events = _events(sentence, context)
    assert [("ASSAULT", *dyad)] == [e for e in events if e[0] == "ASSAULT"], events


def test_events_actors_real_force_abroad_keeps_the_foreign_scene(context: Any) -> None:
    assert ("ASSAULT", "ISR-MIL", "LBN") in _events("Israeli jets bombed targets in southern Lebanon.", context)
