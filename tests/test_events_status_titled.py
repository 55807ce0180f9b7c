"""Acts a sentence names rather than reports (issue 10 item 2), read off unseen Current Events items: an act
titled by its year, a topic heading above the report ("2020 Bulgarian protests"), is one already known, cited.
Through the real pipeline, with sentences of their own; counts that are no year keep their report."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.events import current

PUBLISHED = "2024-03-10"


def _current(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, PUBLISHED, context, "test"))]


def _statuses(text: str, context: Any) -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in code_sentence(text, PUBLISHED, context, "test")]


@pytest.mark.parametrize("text", [
    # a heading that titles the act by its year, in the year of the story (the date names no day)
    "2024 Serbian protests",
    "2023–2024 Georgian protests",
    "Late-2024 Syrian protests",
    # the heading glued to the report it stands above
    "2024 Kenyan protests: President William Ruto withdraws the finance bill.",
])
def test_events_an_act_titled_by_its_year_is_background(text: str, context: Any) -> None:
    statuses = _statuses(text, context)
    assert statuses and all(s == "background" for _t, s in statuses if _t in {"PROTEST", "ASSAULT"}), statuses
    assert not [e for e in _current(text, context) if e[0] in {"PROTEST", "ASSAULT"}], text


@pytest.mark.parametrize(("text", "kept"), [
    # a count or a day is no year: the report stays the news
    ("Georgian police make 1500 arrests at the protests in Tbilisi.", "COERCE"),
    ("Thousands of Serbians protest in Belgrade against the government.", "PROTEST"),
])
def test_events_a_number_that_is_no_title_keeps_the_report(text: str, kept: str, context: Any) -> None:
    found = [t for t, _s, _g in _current(text, context)]
    assert kept in found, found


def test_events_a_number_past_the_story_year_is_no_title(context: Any) -> None:
    # a title's year is the story's or an earlier one: "2050 arrests" counts the arrests
    events = _statuses("Georgian police make 2050 arrests in Tbilisi.", context)
    assert ("COERCE", "current") in events, events
