"""Topic lines of a news digest (``redline.events.headings``), through the real pipeline on texts written for the
purpose: the line names what the reports under it are about and codes nothing; the reports still code."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence

PUBLISHED = "2024-11-20"


def _events(text: str, context: Any) -> list[tuple[str, str | None, str | None, str]]:
    """The current events (a heading line's act may stay as background, by the status rule "topic heading")."""
    return [(e.type, e.source, e.target, e.text) for e in code_sentence(text, PUBLISHED, context, "test")
            if e.status == "current"]


@pytest.mark.parametrize(("heading", "report"), [
    ("Border clashes between Armenia and Azerbaijan",
     "Armenia says Azerbaijani troops shelled three villages near Jermuk overnight. (Reuters)"),
    ("Attacks in Russia during the Russian invasion of Ukraine",
     "Ukraine says that Russian forces are launching heavy attacks on the Toretsk front. (Reuters)"),
    ("Israeli-Syrian ceasefire line incidents during the Syrian Civil War",
     "Israel strikes two Syrian Army artillery positions in Quneitra Governorate. (Reuters)"),
])
def test_events_headings_a_topic_line_codes_nothing_its_report_does(heading: str, report: str,
                                                                      context: Any) -> None:
    events = _events(f"{heading}\n{report}", context)
    assert events, report
    assert all(text not in heading for _t, _s, _g, text in events), events


def test_events_headings_a_place_before_a_plural_read_as_a_verb_is_a_topic(context: Any) -> None:
    text = "Northern Rakhine State clashes\nA mass grave is discovered by the Myanmar Army in Maungdaw. (AP)"
    assert all("clashes" not in t for _ty, _s, _g, t in _events(text, context))


def test_events_headings_a_topic_line_with_no_report_under_it_codes_nothing(context: Any) -> None:
    text = "Troops shelled the border villages overnight, Armenia says.\nBorder clashes between Armenia and Azerbaijan"
    assert _events(text, context)
    assert all("clashes" not in t for _ty, _s, _g, t in _events(text, context))


@pytest.mark.parametrize("text", [
    # one act picked out by an article, or a clause with a verb: not a topic line
    "The clashes between Armenia and Azerbaijan\nArmenia says the fighting stopped at dawn. (Reuters)",
    "Deadly clashes erupt between Armenian and Azerbaijani troops\nArmenia says the fighting stopped at dawn.",
    # a sentence with its stop is a report, not a heading
    "Clashes between Armenian and Azerbaijani troops near Jermuk.\nArmenia says the fighting stopped at dawn.",
])
def test_events_headings_a_picked_act_or_a_clause_still_codes(text: str, context: Any) -> None:
    # coded (its status, current or background, is the status rules' to give)
    first = text.split("\n")[0]
    coded = [e.text for e in code_sentence(text, PUBLISHED, context, "test")]
    assert any("clashes" in t.lower() and t in first for t in coded), text
