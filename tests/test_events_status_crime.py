"""Ordinary crime told the way Current Events items tell it (issue 10 item 2; the real-news guide's must-not
reason "crime"): a shooting or a stabbing that is itself the subject ("a school shooting injures five"), its
setting compounded with it, or a place of private life named after it. Through the real pipeline, with sentences
of their own; violence at a checkpoint, on soldiers or with a political word stays an event."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.events import current

PUBLISHED = "2024-03-10"


def _current(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, PUBLISHED, context, "test"))]


@pytest.mark.parametrize("text", [
    "A school shooting in Uvalde, Texas, kills 21 people.",
    "A nightclub shooting in Colorado Springs leaves five people dead.",
    "Three tourists are wounded in a stabbing attack on a youth hostel in Cairns, Australia.",
    "Four teenagers are shot at a playground in Malmö, Sweden.",
])
def test_events_a_shooting_by_no_one_at_a_private_place_is_crime(text: str, context: Any) -> None:
    assert _current(text, context) == [], text


@pytest.mark.parametrize("text", [
    "A shooting at a checkpoint in Kandahar kills five Afghan soldiers.",
    "A school shooting by separatist militants in Balochistan kills six teachers.",
])
def test_events_a_shooting_of_soldiers_or_by_militants_stays(text: str, context: Any) -> None:
    assert [t for t, _s, _g in _current(text, context)] == ["ASSAULT"], text
