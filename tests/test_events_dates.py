"""The day given to an event (issue 10): its own clause's date, else a date of its sentence that is about the
act or its report, else its article's; never a date after the report for an act reported as happening, nor a
date of something else the sentence names."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current


def _dates(text: str, published: str, context: Any) -> list[str | None]:
    return [e.date for e in current(code_sentence(text, published, context, "test"))]


def test_events_dates_a_date_of_another_verb_s_clause_does_not_date_the_act(context: Any) -> None:
    assert _dates("Egypt hanged six militants found guilty of attacking an army checkpoint in Sinai in 2013.",
                  "2015-03-01", context) == ["2015-03-01"]
    assert _dates("Pakistani police arrested two men accused of bombing a market in Quetta in 2009.",
                  "2015-03-01", context) == ["2015-03-01"]


def test_events_dates_the_report_s_date_stands_for_the_act_it_reports(context: Any) -> None:
    assert _dates("Ukrainian officials said on Friday that Russian forces shelled Kherson.", "2024-11-23",
                  context) == ["2024-11-22"]
    assert _dates("Russian forces attacked Kharkiv on Tuesday, officials said.", "2024-11-21",
                  context) == ["2024-11-19"]


def test_events_dates_a_verb_over_a_noun_does_not_report_what_the_noun_s_clause_says(context: Any) -> None:
    """"signed" governs "a decree", not the clause describing it: its date is the signing's."""
    assert _dates("A minister who in 2019 signed a decree banning protests in Minsk is dismissed.", "2024-03-01",
                  context) == ["2024-03-01"]


def test_events_dates_a_date_two_nouns_away_names_another_thing(context: Any) -> None:
    assert _dates("Turkey expelled two Syrian diplomats in response to the shelling of a border town by Syrian "
                  "troops in January.", "2015-03-01", context) == ["2015-03-01"]


def test_events_dates_an_act_told_in_the_present_is_the_day_s(context: Any) -> None:
    assert _dates("Turkey expels two Syrian diplomats over the shelling of a border town in January.",
                  "2015-03-01", context) == ["2015-03-01"]
    assert _dates("Turkey expelled two Syrian diplomats over the shelling of a border town in January.",
                  "2015-03-01", context) == ["2015-01-01"]


def test_events_dates_a_current_act_is_not_dated_after_its_report(context: Any) -> None:
    assert _dates("Germany banned imports of Russian steel, effective April 1.", "2024-02-20",
                  context) == ["2024-02-20"]
