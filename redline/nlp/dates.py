"""Dates in the text, resolved against the publication date.

"the war's 1000th day" has its own rule (dateparser would read it as the year 1000): day N of a war
counts from the war's first day. Relative expressions ("on Tuesday", "last week", "yesterday") resolve
against the publication date, looking backwards as news does.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from redline.models import Mention

# First day of wars that news counts days of; day 1 is this date.
WAR_START = {
    "UKR": date(2022, 2, 24),  # Russia's full-scale invasion of Ukraine
    "ISR": date(2023, 10, 7),  # Hamas attack on Israel and the Gaza war
    "SDN": date(2023, 4, 15),  # war between the Sudanese army and the RSF
}
DEFAULT_WAR = "UKR"
WAR_DAY = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th)\s+day\b", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = {"today": 0, "yesterday": -1, "tonight": 0, "last night": -1}


def find_dates(doc: Any, published: datetime | None, countries: list[str], start_id: int) -> tuple[Mention, ...]:
    """DATE mentions with their resolved ISO date in ``attrs["value"]`` (absent when unresolvable)."""
    found: list[Mention] = []
    pub = published.date() if published else None
    war = next((c for c in countries if c in WAR_START), DEFAULT_WAR)
    for ent in getattr(doc, "ents", ()):
        if ent.label_ != "DATE":
            continue
        value = resolve(ent.text, pub, war)
        attrs: tuple[tuple[str, str], ...] = (("value", value.isoformat()),) if value else ()
        found.append(Mention(id=f"m{start_id + len(found)}", text=ent.text, type="DATE", canonical=ent.text,
                             code=None, start=ent.start_char, end=ent.end_char, attrs=attrs))
    return tuple(found)


def resolve(text: str, published: date | None, war: str = DEFAULT_WAR) -> date | None:
    """The calendar date a date expression names, or None."""
    lower = " ".join(text.lower().split())
    m = WAR_DAY.search(lower)
    if m:
        return WAR_START[war] + timedelta(days=int(m.group(1)) - 1)
    if published is not None:
        for phrase, offset in RELATIVE.items():
            if lower == phrase or lower.endswith(" " + phrase):
                return published + timedelta(days=offset)
        for n, day in enumerate(WEEKDAYS):
            if day in lower:
                back = (published.weekday() - n) % 7
                if "next" in lower:
                    return published + timedelta(days=(n - published.weekday()) % 7 or 7)
                return published - timedelta(days=back)
    return _absolute(text, published)


def _absolute(text: str, published: date | None) -> date | None:
    if not re.search(r"\d", text) or re.fullmatch(r"\s*\d+\s*(years?|months?|days?|weeks?)\b.*", text, re.I):
        return None
    import dateparser

    base = datetime.combine(published, datetime.min.time()) if published else None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"],
                                "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if not isinstance(parsed, datetime) or parsed.year < 1900:
        return None
    return parsed.date()
