from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.cli import main
from redline.eval.dates import score_dates
from redline.nlp.dates import When, act_day, event_date, find_dates, guarded, present_tense, resolve

PUBLISHED = date(2024, 11, 19)  # a Tuesday
DATES_SET = Path(__file__).parent / "data" / "dates.jsonl"


def iso(text: str, sentence: str = "", published: date = PUBLISHED) -> str | None:
    when = resolve(text, published, sentence=sentence)
    return when.iso() if when else None


@pytest.mark.parametrize("text, sentence, expected", [
    ("its 1000th day", "", "2024-11-19"),
    ("the 1,000th day", "Ukraine marked the 1,000th day of the war with a minute of silence.", "2024-11-19"),
    ("the war's 1st day", "", "2022-02-24"),
    ("Tuesday", "Drones hit a depot on Tuesday.", "2024-11-19"),
    ("Sunday", "Shelling killed three people Sunday.", "2024-11-17"),
    ("last Tuesday", "", "2024-11-12"),
    ("next Monday", "", "2024-11-25"),
    ("Friday", "Ministers are set to meet Friday in Brussels.", "2024-11-22"),
    ("Friday", "The ministry said Friday it will respond.", "2024-11-15"),
    ("yesterday", "", "2024-11-18"),
    ("tomorrow", "", "2024-11-20"),
    ("Oct. 26", "The convoy was ambushed on Oct. 26 near the border.", "2024-10-26"),
    ("April 29", "Talks resumed on April 29.", "2024-04-29"),
    ("Dec. 3", "The vote will take place on Dec. 3.", "2024-12-03"),
    ("19 and 21 November", "Strikes were reported on 19 and 21 November.", "2024-11-19"),
    ("March 3, 2025", "", "2025-03-03"),
    ("3 March 2025", "", "2025-03-03"),
    ("December 2024", "", "2024-12"),
    ("September", "Fighting intensified in September.", "2024-09"),
    ("December", "Elections will be held in December.", "2024-12"),
    ("January", "The new brigade will deploy in January.", "2025-01"),
    ("last month", "", "2024-10"),
    ("this year", "", "2024"),
    ("last year's", "", "2023"),
    ("last week", "", "2024-W46"),
    ("this week", "", "2024-W47"),
    ("the weekend", "The town was shelled over the weekend.", "2024-W46"),
    ("three days ago", "", "2024-11-16"),
    ("two years ago", "", "2022"),
    ("2014", "Russia seized the peninsula in 2014.", "2014"),
    ("the year 2003", "", "2003"),
    ("1675", "The observatory was founded in 1675.", "1675"),
    ("2009–present", "", "2009"),
])
def test_dates_resolve_against_publication(text: str, sentence: str, expected: str) -> None:
    assert iso(text, sentence) == expected


@pytest.mark.parametrize("text, sentence", [
    ("SU 35", "The SU 35 jets flew over the strait."),
    ("45", "Amirov, 45, was detained at the airport."),
    ("14 years", ""),
    ("three months", ""),
    ("decades", ""),
    ("a 52-year-old", "A 52-year-old farmer was wounded."),
    ("two-day", "a two-day visit"),
    ("the 1980s", ""),
    ("the 19th century", ""),
    ("the past few weeks", ""),
    ("more than 40 years ago", ""),
    ("5780 years ago", "The calendar counts from a creation 5780 years ago."),
    ("6000 years ago", "Farmers settled the valley 6000 years ago."),
    ("Thursday", "The market always closed early on a Thursday."),
    ("the same day", ""),
    ("annually", ""),
    ("Thirty thousand", "Thirty thousand people fled."),
    ("1500 troops", "About 1500 troops crossed the river."),
])
def test_dates_counts_ages_durations_and_vague_periods_do_not_resolve(text: str, sentence: str) -> None:
    assert resolve(text, PUBLISHED, sentence=sentence) is None


def test_dates_a_number_beside_a_month_is_a_day_never_a_year() -> None:
    assert resolve("April 29", PUBLISHED) == When(date(2024, 4, 29), "day")
    assert resolve("Oct. 26", date(2024, 11, 2)) == When(date(2024, 10, 26), "day")
    assert resolve("Feb 30", PUBLISHED) is None


def test_dates_war_day_counts_from_the_war_in_context() -> None:
    assert resolve("the 100th day", None, "ISR") == When(date(2024, 1, 14), "day")


def test_dates_an_ordinal_day_is_a_war_s_only_in_a_sentence_about_a_war() -> None:
    assert iso("the 300th day", "Kyiv marked the 300th day of the war.", date(2022, 12, 20)) == "2022-12-20"
    assert iso("the 11th day", "Pilgrims reached the shrine on the 11th day of their march.") is None
    assert iso("its 22nd day", "On its 22nd day, the strike by dock workers closed the port.") is None
    # a war that had not begun when the article appeared is not the one the sentence counts
    assert iso("its 40th day", "The fighting entered its 40th day.", date(2019, 3, 1)) is None


def test_dates_a_four_digit_number_counted_against_another_is_no_year() -> None:
    assert iso("1204", "The motion passed with 1204 of 1300 votes.") is None
    assert iso("2010", "Some 2010 out of 2400 delegates backed him.") is None
    assert iso("1204", "The castle was built in 1204.") == "1204"
    assert iso("2016", "It beat the record held since 2016 of 40 million trees planted in a day.") == "2016"


def test_dates_effective_names_a_day_to_come() -> None:
    assert iso("March 31", "The minister resigns, effective March 31.", date(2024, 2, 20)) == "2024-03-31"
    assert iso("March 31", "The minister resigned on March 31.", date(2024, 2, 20)) == "2023-03-31"


def test_dates_an_act_reported_as_happening_is_not_dated_after_its_report() -> None:
    assert act_day(("2024-03-31",), None, "2024-02-20", current=True, present=False) == "2024-02-20"
    assert act_day((), "2035-01-01", "2024-02-20", current=True, present=False) == "2024-02-20"
    assert act_day(("2024-03-31",), None, "2024-02-20", current=False, present=False) == "2024-03-31"  # a plan
    assert act_day((), None, "2024-02-20", current=True, present=False) == "2024-02-20"
    assert act_day((), None, None, current=True, present=False) is None


def test_dates_an_act_told_in_the_present_is_not_dated_a_month_back() -> None:
    assert act_day(("2017-01-01",), None, "2020-05-05", current=True, present=True) == "2020-05-05"
    assert act_day(("2020-05-01",), None, "2020-05-05", current=True, present=True) == "2020-05-01"
    assert act_day(("2017-01-01",), None, "2020-05-05", current=True, present=False) == "2017-01-01"


@pytest.mark.parametrize("sentence, verb, expected", [
    ("A court in Lyon sentences two men to prison.", "sentences", True),
    ("Two men are convicted of fraud in Lyon.", "convicted", True),
    ("The council decides to free three prisoners.", "free", True),
    ("The ministry will send tanks next month.", "send", True),
    ("Rebels killed five soldiers near the border.", "killed", False),
    ("Two men were convicted of fraud in Lyon.", "convicted", False),
    ("The army has taken the town.", "taken", False),
    ("The ministry would send tanks if asked.", "send", False),
])
def test_dates_present_tense_tells_an_act_of_the_day(nlp: Any, sentence: str, verb: str, expected: bool) -> None:
    token = next(t for t in nlp(sentence) if t.text == verb)
    assert present_tense(token) is expected


def test_dates_guard_needs_the_year_written_in_the_sentence() -> None:
    old = When(date(2019, 1, 1), "year")
    assert not guarded(old, PUBLISHED, "It happened five years ago.")
    assert guarded(old, PUBLISHED, "It happened in 2019.")
    assert guarded(When(date(2024, 1, 5), "day"), PUBLISHED, "on Jan. 5")


def test_dates_found_in_a_real_parse(nlp: Any) -> None:
    doc = nlp("As the war in Ukraine marks its 1000th day, Russia struck Sumy on Sunday.")
    found = find_dates(doc, datetime(2024, 11, 19, tzinfo=UTC), ["UKR"], 1)
    values = {m.text: m.attr("value") for m in found}
    assert values == {"1000th day": "2024-11-19", "Sunday": "2024-11-17"}


def test_dates_no_mention_dated_years_back_without_its_year(nlp: Any) -> None:
    doc = nlp("The commander said the unit was formed about ten years ago. The base opened in 2012.")
    found = {m.text: m.attr("value") for m in find_dates(doc, datetime(2024, 11, 19, tzinfo=UTC), [], 1)}
    assert found.get("about ten years ago") is None
    assert found["2012"] == "2012-01-01"


def test_dates_event_takes_the_date_of_its_own_clause(nlp: Any) -> None:
    text = "Officials said on Friday that rebels attacked the convoy on Tuesday."
    doc = nlp(text)
    mentions = find_dates(doc, datetime(2024, 11, 23, tzinfo=UTC), [], 1)
    attacked = next(t for t in doc if t.text == "attacked")
    said = next(t for t in doc if t.text == "said")
    assert event_date(mentions, attacked) == "2024-11-19"
    assert event_date(mentions, said) == "2024-11-22"


def test_dates_set_scores_and_split_holds_whole_documents() -> None:
    scored = score_dates(DATES_SET)
    assert len(scored.cases) >= 200
    docs: dict[str, set[str]] = {}
    import json

    for line in DATES_SET.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs.setdefault(r["doc"], set()).add(r["split"])
    assert all(len(splits) == 1 for splits in docs.values())
    assert scored.scores["validation_accuracy"] >= 0.90
    assert scored.scores["gap"] <= 0.05


def test_dates_set_runs_through_redline_eval() -> None:
    result = CliRunner().invoke(main, ["eval", str(DATES_SET), "--json"])
    assert result.exit_code == 0, result.output
    assert '"validation_accuracy"' in result.output


@given(text=st.text(max_size=60), sentence=st.text(max_size=120),
       published=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
@settings(max_examples=300, deadline=None)
def test_dates_any_text_resolves_or_says_unknown(text: str, sentence: str, published: date) -> None:
    when = resolve(text, published, sentence=sentence + text)
    assert when is None or when.precision in {"day", "week", "month", "year"}


@given(lead=st.sampled_from(["", "SU ", "Amirov, ", "aged ", "Oct. ", "April ", "the ", "in ", "over "]),
       n=st.integers(min_value=0, max_value=999),
       tail=st.sampled_from(["", " people", "-year-old", " November", "th", " troops", ", 2"]),
       published=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
@settings(max_examples=400, deadline=None)
def test_dates_a_short_number_is_never_read_as_a_year(lead: str, n: int, tail: str, published: date) -> None:
    """Without a four-digit year in the text, nothing resolves further than a year and a month from
    publication (no "ago" and no war day in these texts)."""
    when = resolve(f"{lead}{n}{tail}", published)
    assert when is None or abs((when.day - published).days) <= 366 + 31
