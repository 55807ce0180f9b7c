"""Dates in the text, resolved against the publication date, at the precision the text gives.

A date expression names a day ("Oct. 26", "on Tuesday", "yesterday", "the war's 1,000th day"), a week ("last
week"), a month ("last month", "November 2024") or a year ("in 2013", "last year"); ``resolve`` returns that
point as a ``When`` (first day of the period + precision) or None. It reads only what it recognises and says
unknown for everything else: a count ("Fifteen thousand"), an age ("Amirov, 45", "a 42-year-old"), a duration
("two years", "the past few weeks"), a model number ("SU 35"), a decade ("the 1960s"), an anaphor ("the same
day") or an indefinite day ("on a Wednesday"). A number is a year only when it has four digits and stands
alone; a number next to a month name is its day of month, never a year.

Expressions without a year take the one nearest the publication date: "Oct. 26" in a November 2024 article
is 2024-10-26, "Feb. 4" in a January 2020 article is 2020-02-04. A weekday or a bare month looks backwards
as news does ("on Tuesday" is the latest Tuesday up to the publication day), forwards when the sentence
speaks of what is to come ("is set to vote Friday", "will start in January").

``find_dates`` puts the resolved day on each DATE mention, with one guarantee the event layer relies on: no
mention carries a day more than a year before its article unless its sentence writes that year, so a
misread number can never date an event decades back. ``event_date`` picks, for one event verb, the date of
the act itself before the date of the report about it ("officials said Friday that Tuesday's attack").
A day of a war is counted only in a sentence that speaks of a war that had begun by publication ("the 11th day
of the pilgrimage" is none), and a four-digit number counted against another ("1380 of 1381 votes") is no year.
``act_day`` gives an act reported as happening the day of its report when its date lies after the report (a
schedule) or, for an act told in the present, over a month before it (the date of something else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
PRECISIONS = ("day", "week", "month", "year")
GUARD_DAYS = 366  # older than this before publication needs its year written in the sentence
PRESENT_DAYS = 31  # an act told in the present dated older than this is dated by something else of its clause

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
          "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
          "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_SPAN = r"(?:\s*(?:-|–|—|and|to|&)\s*\d{1,2}(?:st|nd|rd|th)?)?"
DAY_MONTH = re.compile(rf"(?<![\d,.]){_DAY}{_SPAN}\s+(?:of\s+)?{_MONTH}(?![a-z])")
MONTH_DAY = re.compile(rf"(?<![a-z]){_MONTH}\s+{_DAY}(?![\d,.]\d|\d|:)")
MONTH_ONLY = re.compile(rf"(?<![a-z]){_MONTH}(?![a-z])")
YEAR = re.compile(r"(?<![\d,.$£€])(?P<year>1\d{3}|20\d{2})(?![\d,]|s\b|'s\b|th\b|%|\s*-?\s*(?:years?|days?|months?))")
OLD_YEAR = re.compile(r"^\W*(?:(?:in|since|of|the year|year|by|until|from|before|after|around|circa|c\.)\s+)?"
                      r"1\d{3}\W*$")
WAR_DAY = re.compile(r"(?<![\d,])(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\s+day\b")
WAR_WORDS = re.compile(r"\b(?:wars?|invasion|conflict|fighting|offensive|aggression|hostilities|full-scale)\b")
# "1380 of 1381 votes", "2010 out of 2400": a count of a larger whole, not a year ("since 2016 of 50 million" is)
COUNT_OF = re.compile(r"^\W*(?:out\s+)?of\s+(?:the\s+)?(?P<whole>\d[\d,]*)"
                      r"(?![\d,]|\s*(?:million|billion|thousand|%|per))")
AGO = re.compile(r"(?:^|\s)(?:(?P<q>about|some|roughly|around|more than|over|nearly|almost|less than|at least)\s+)?"
                 r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b")
RELATIVE_DAY = (("the day before yesterday", -2), ("day before yesterday", -2), ("yesterday", -1),
                ("last night", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0), ("this morning", 0),
                ("this afternoon", 0), ("this evening", 0))
RELATIVE_PERIOD = re.compile(r"(?<!the )(?<!the past )\b(?P<which>this|last|next|earlier this|later this)\s+"
                             r"(?P<unit>week|month|year)\b")
WEEKEND = re.compile(r"\b(?:the|this|last|next)\s+weekend\b")
WEEKDAY = re.compile(r"(?:\b(?P<which>last|next|this|past)\s+)?\b(?P<day>" + "|".join(WEEKDAYS) + r")\b")
FUTURE_CUES = re.compile(r"\b(?:will(?! have)|'ll|would(?! have)|shall|set to|scheduled|is to|are to|going to|"
                         r"expected to|plans? to|planned for|due to|upcoming|until|effective)\b")
REPORT_CUES = re.compile(r"\b(?:said|says|told|announced|confirmed|reported|stated|added|tweeted|wrote)\b")
INDEFINITE = re.compile(r"\b(?:a|an|one|every|each|any)\s+$")


@dataclass(frozen=True)
class When:
    """A point in time at a precision: ``day`` is the first day of the named day, week, month or year."""

    day: date
    precision: str  # day, week, month or year

    def iso(self) -> str:
        """2024-11-19, 2024-W47, 2024-11 or 2024, as precise as the text was."""
        if self.precision == "day":
            return self.day.isoformat()
        if self.precision == "week":
            year, week, _ = self.day.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return f"{self.day.year:04d}"


def find_dates(doc: Any, published: datetime | None, countries: list[str], start_id: int) -> tuple[Mention, ...]:
    """DATE mentions with their resolved first day in ``attrs["value"]`` and ``attrs["precision"]`` (both
    absent when unresolvable, or when the day is more than a year before publication and the sentence does
    not write its year)."""
    found: list[Mention] = []
    pub = published.date() if published else None
    war = next((c for c in countries if c in WAR_START), DEFAULT_WAR)
    for ent in getattr(doc, "ents", ()):
        if ent.label_ != "DATE":
            continue
        try:
            sent = ent.sent  # needs sentence boundaries (parser or sentencizer)
        except ValueError:
            sent = ent
        when = resolve(ent.text, pub, war, sent.text, ent.start_char - sent.start_char)
        attrs: tuple[tuple[str, str], ...] = ()
        if when is not None and guarded(when, pub, sent.text):
            attrs = (("value", when.day.isoformat()), ("precision", when.precision), ("when", when.iso()))
        found.append(Mention(id=f"m{start_id + len(found)}", text=ent.text, type="DATE", canonical=ent.text,
                             code=None, start=ent.start_char, end=ent.end_char, attrs=attrs))
    return tuple(found)


def guarded(when: When, published: date | None, sentence: str) -> bool:
    """True unless ``when`` lies more than a year before ``published`` and ``sentence`` does not write its
    year: an event is never dated long before its article on the strength of an unwritten year."""
    if published is None or when.day >= published - timedelta(days=GUARD_DAYS):
        return True
    return re.search(rf"(?<!\d){when.day.year}(?!\d)", sentence) is not None


def resolve(text: str, published: date | None, war: str = DEFAULT_WAR, sentence: str = "",
            offset: int | None = None) -> When | None:
    """The point in time the date expression ``text`` names, or None when it names none or is unknowable.

    ``sentence`` (with ``offset``, where ``text`` starts in it) gives the words around the expression: the
    tense that decides whether "Friday" is past or coming, and an indefinite article ("on a Wednesday").
    """
    lower = _norm(text)
    if offset is None:
        offset = max(0, _norm(sentence).find(lower)) if sentence else 0
    before = _norm(sentence[:offset]) + " " if sentence else ""
    future = _future(before, _norm(sentence[offset + len(text):]) if sentence else "")
    m = WAR_DAY.search(lower)
    if m:
        return _war_day(int(m["n"].replace(",", "")), WAR_START.get(war, WAR_START[DEFAULT_WAR]), published, sentence)
    if _count_of_whole(lower, _norm(sentence[offset + len(text):])):
        return None
    absolute = _absolute(lower, published, future)
    if absolute is not None or published is None:
        return absolute
    return _relative(lower, published, future, before)


def _count_of_whole(lower: str, after: str) -> bool:
    """A bare four-digit number followed by "of" a number at least as large: a part of a whole ("1380 of 1381
    votes"), not a year."""
    number = re.fullmatch(r"\W*(\d{4})\W*", lower)
    whole = COUNT_OF.search(after)
    return bool(number and whole and int(whole["whole"].replace(",", "")) >= int(number[1]))


def _war_day(n: int, start: date, published: date | None, sentence: str) -> When | None:
    """Day ``n`` of the war that began on ``start``, when it is a war's day: a sentence that counts days of
    something else ("on the 11th day of the pilgrimage", "on its 22nd day, the shutdown") names no war, and a
    war that had not begun when the article appeared is not the one it counts."""
    if sentence and not WAR_WORDS.search(_norm(sentence)):
        return None
    if published is not None and start > published:
        return None
    try:
        return When(start + timedelta(days=n - 1), "day")
    except OverflowError:  # "the 99999999999th day": past the last date Python can hold
        return None


def act_day(own: tuple[str, ...], sentence: str | None, published: str | None, *, current: bool,
            present: bool) -> str | None:
    """The day of an act: the first date of its own clause, else the one its sentence gives, else its article's.
    An act reported as happening (``current``) is on or before its report, so a later date is a schedule
    ("resigns, effective March 31", "will visit on July 13", "a ban from 2035"), and an act told in the present
    (``present``: "a court sentences him for a killing in 2014") is of the day or the days before, so a date
    over a month old belongs to something else the clause names: either way the act takes its article's day."""
    day = (own[0] if own else None) or sentence or published
    if not current or published is None or day is None:
        return day
    if day[:10] > published[:10]:
        return published
    if present and date.fromisoformat(day[:10]) < date.fromisoformat(published[:10]) - timedelta(days=PRESENT_DAYS):
        return published
    return day


def present_tense(verb: Any) -> bool:
    """Whether the verb (a spaCy token) is told from the day of the report: in the simple present, the tense of
    news about an act of the day ("sentences", "are convicted", "decides to free": the verb it completes), or
    with "will" (an intent announced that day); not the perfect ("has taken ... last month"), "was killed",
    "killed", "would", nor a noun."""
    if verb.dep_ == "xcomp":
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    tags = {verb.tag_} | {c.tag_ for c in aux}
    if "VBD" in tags or verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux):
        return False
    if any(c.tag_ == "MD" and c.lower_ not in {"will", "'ll", "shall"} for c in aux):
        return False
    return bool(tags & {"VBZ", "VBP", "MD"})


def event_date(mentions: tuple[Mention, ...], head: Any) -> str | None:
    """The day of the act whose verb is ``head`` (a spaCy token): a date inside the verb's own clause first,
    then any other date of its sentence (often the day the act was reported), else None."""
    sent = head.sent
    dated = [m for m in mentions if m.type == "DATE" and m.attr("value") and sent.start_char <= m.start < sent.end_char]
    if not dated:
        return None
    own = _own_clause(head)
    for m in dated:
        if any(t.idx <= m.start < t.idx + len(t.text) for t in own):
            return m.attr("value")
    return dated[0].attr("value")


def _own_clause(head: Any) -> list[Any]:
    """Tokens of ``head``'s subtree, less the clauses of other verbs nested in it."""
    nested = {t.i for child in head.children if child.dep_ in {"ccomp", "advcl", "relcl", "xcomp", "conj"}
              and child.pos_ in {"VERB", "AUX"} for t in child.subtree}
    return [t for t in head.subtree if t.i not in nested]


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def _future(before: str, after: str) -> bool:
    """The expression belongs to a verb of what is to come: a future cue ("will", "set to", "scheduled", not
    "would have") among the eight words before it with no report verb between ("will travel ... from March
    25th", not "said during a visit in early September that he would"), or, for an expression that opens its
    sentence ("On Friday, ministers will meet"), among the six words after it."""
    words = before.split()[-8:]
    cue = max((m.end() for m in FUTURE_CUES.finditer(" ".join(words))), default=-1)
    if cue >= 0:
        return not REPORT_CUES.search(" ".join(words)[cue:])
    if len(before.split()) <= 1:
        ahead = " ".join(after.split()[:6])
        return bool(FUTURE_CUES.search(ahead)) and not REPORT_CUES.search(ahead)
    return False


def _absolute(lower: str, published: date | None, future: bool) -> When | None:
    """Calendar expressions: a day of a month, a month, a year; the year from the text or the nearest one."""
    if re.search(r"\d0'?s\b|centur|millenni", lower):
        return None
    year_m = YEAR.search(lower)
    year = int(year_m["year"]) if year_m else None
    if year is not None and published is not None and year > published.year + 50:
        year = None
    if year is not None and year < 1900 and not OLD_YEAR.search(lower):
        year = None  # "1500 troops": an old year only alone or after "in", "since", "the year"...
    for pattern in (DAY_MONTH, MONTH_DAY):
        m = pattern.search(lower)
        if m and not (year_m and m.start("day") <= year_m.start() < m.end("day")):
            return _day_of(MONTHS[m["month"]], int(m["day"]), year, published, future)
    m = MONTH_ONLY.search(lower)
    if m and (m["month"] != "may" or year is not None or lower.strip(" .") in {"may", "in may", "last may"}):
        month = MONTHS[m["month"]]
        if year is not None:
            return When(date(year, month, 1), "month")
        if published is None:
            return None
        which = re.search(r"\b(last|next|this)\s+" + m["month"], lower)
        forward = future if which is None else which[1] == "next"
        y = published.year
        if forward:
            y += 1 if month <= published.month else 0
        else:
            y -= 1 if month > published.month or (which and which[1] == "last" and month == published.month) else 0
        return When(date(y, month, 1), "month")
    if year is not None:
        return When(date(year, 1, 1), "year")
    return None


def _day_of(month: int, day: int, year: int | None, published: date | None, future: bool) -> When | None:
    """The day; without a year, the nearest one on the side of publication the tense points to, with slack
    of a month for what the tense does not show: a date up to a month ahead is a schedule ("a tariff from
    August 23"), one up to a month back is recent news even in a sentence about the future."""
    if year is None:
        if published is None:
            return None
        candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                      if (d := _date(y, month, day)) is not None]
        side = [d for d in candidates
                if (d >= published - timedelta(days=31) if future else d <= published + timedelta(days=31))]
        if not side and not candidates:
            return None
        return When(min(side or candidates, key=lambda d: abs((d - published).days)), "day")
    d = _date(year, month, day)
    return When(d, "day") if d else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _relative(lower: str, pub: date, future: bool, before: str) -> When | None:
    """Expressions counted from the publication day: yesterday, last week, two years ago, on Tuesday."""
    for phrase, offset in RELATIVE_DAY:
        if re.search(rf"(?<![a-z]){phrase}(?![a-z])", lower) and not re.search(rf"\b(?:the|a)\s+{phrase}", lower):
            return When(pub + timedelta(days=offset), "day")
    m = AGO.search(lower)
    if m:
        if m["q"] not in (None, "about", "some", "roughly", "around"):
            return None  # a bound ("more than 150 years ago") is not a point
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        return _shift(pub, m["unit"], -n)
    m = RELATIVE_PERIOD.search(lower)
    if m:
        step = {"last": -1, "next": 1}.get(m["which"], 0)
        return _shift(pub, m["unit"], step)
    if WEEKEND.search(lower) or lower.strip() == "weekend":
        saturday = pub + timedelta(days=(5 - pub.weekday()) % 7) if future else (
            pub - timedelta(days=(pub.weekday() - 5) % 7))
        return _shift(saturday, "week", 0)
    m = WEEKDAY.search(lower)
    if m:
        if INDEFINITE.search(before) or re.search(r"\b(?:a|every|each)\s+" + m["day"], lower):
            return None  # "on a Wednesday", "every Friday": no particular day
        n = WEEKDAYS.index(m["day"])
        which = m["which"]
        if which == "next" or (which is None and future):
            ahead = (n - pub.weekday()) % 7
            return When(pub + timedelta(days=ahead or (7 if which == "next" else 0)), "day")
        back = (pub.weekday() - n) % 7
        if which in {"last", "past"} and back == 0:
            back = 7
        return When(pub - timedelta(days=back), "day")
    return None


def _shift(pub: date, unit: str, n: int) -> When | None:
    """The day, week, month or year ``n`` units from ``pub``'s; None past the calendar's ends ("5,780 years ago")."""
    try:
        if unit == "day":
            return When(pub + timedelta(days=n), "day")
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday())
            return When(monday + timedelta(weeks=n), "week")
        if unit == "month":
            index = pub.year * 12 + pub.month - 1 + n
            return When(date(index // 12, index % 12 + 1, 1), "month")
        return When(date(pub.year + n, 1, 1), "year")
    except (ValueError, OverflowError):
        return None
