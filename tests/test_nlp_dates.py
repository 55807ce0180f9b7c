from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from redline.nlp.dates import find_dates, resolve

PUBLISHED = date(2024, 11, 19)  # a Tuesday


@pytest.mark.parametrize("text, expected", [
    ("its 1000th day", date(2024, 11, 19)),
    ("the war's 1st day", date(2022, 2, 24)),
    ("Tuesday", date(2024, 11, 19)),
    ("on Sunday", date(2024, 11, 17)),
    ("Friday", date(2024, 11, 15)),
    ("next Monday", date(2024, 11, 25)),
    ("yesterday", date(2024, 11, 18)),
    ("March 3, 2025", date(2025, 3, 3)),
    ("December 2024", date(2024, 12, 1)),
])
def test_dates_resolve_against_publication(text: str, expected: date) -> None:
    assert resolve(text, PUBLISHED) == expected


@pytest.mark.parametrize("text", ["14 years", "three months", "decades", "the year 1000"])
def test_dates_durations_and_ancient_years_do_not_resolve(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


def test_dates_war_day_counts_from_the_war_in_context() -> None:
    assert resolve("the 100th day", None, "ISR") == date(2024, 1, 14)


def test_dates_found_in_a_real_parse(nlp: Any) -> None:
    doc = nlp("As the war in Ukraine marks its 1000th day, Russia struck Sumy on Sunday.")
    found = find_dates(doc, datetime(2024, 11, 19, tzinfo=UTC), ["UKR"], 1)
    values = {m.text: m.attr("value") for m in found}
    assert values == {"1000th day": "2024-11-19", "Sunday": "2024-11-17"}
