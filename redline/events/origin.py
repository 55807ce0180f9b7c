"""Acts a sentence cites rather than reports (the status rule "origin", ``events.status``).

- The origin of something a noun names, or a point counted from: "the war that began when Russia invaded
  Ukraine", "the energy crisis stemming from Russia's invasion", "prices have doubled since the invasion". The
  act is told to say where the war, the crisis or the count started: background, not the news.
- An act named by its title, a year its own modifier (the status rule "titled act"): "2020 Bulgarian protests",
  "the 2024 Ra'anana attack". A Current Events topic heading or a reference names a known act; the "background"
  rule cannot read a bare year's date, which names no day.

Pure functions of spaCy tokens.
"""

from __future__ import annotations

import re
from typing import Any

# Verbs of a thing's origin: a relative or participial clause of one tells where a noun came from ("the war that
# began when Russia invaded", "the crisis resulting from the invasion").
ORIGIN_VERBS = frozenset({"begin", "start", "erupt", "break", "ignite", "flare", "originate", "stem", "result", "arise",
                          "date", "follow", "trace", "spring"})
# Marks of a clause that dates another by an act ("when Russia invaded", "after Hamas attacked").
TIME_MARKS = frozenset({"when", "after", "since", "as", "before", "once"})
# Prepositions of a reference point: a noun act after one is the point counted from ("since the invasion").
SINCE_PREPS = frozenset({"since", "until", "till"})
# A year, a span of years or a part of a year as a noun act's own modifier: the act's title ("the 2024 Solingen
# attack", "2019–2021 Iraqi protests", "Late-2019 Sudanese protests").
TITLE_YEAR = re.compile(r"^(?:[A-Za-z]+-)?(?:1[89]|20)\d\d(?:[–-](?:(?:1[89]|20)\d\d|\d\d))?$")


def origin(act: Any) -> bool:
    """The act is the origin of something a noun names, or a point counted from: "the war that began when Russia
    invaded Ukraine", "the crisis stemming from Russia's invasion", "the crackdown that followed the coup",
    "prices have risen since the invasion"."""
    if act.pos_ == "NOUN":
        while act.dep_ == "conj" and act.head.pos_ == "NOUN":
            act = act.head
        if act.dep_ == "pobj" and act.head.lower_ in SINCE_PREPS:
            return True
        if act.dep_ not in {"pobj", "dobj"}:
            return False
        up = act.head.head if act.dep_ == "pobj" and act.head.dep_ in {"prep", "agent"} else act.head
        return _describes_origin(up)
    return act.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS
                                       for c in act.children) and _describes_origin(act.head)


def _describes_origin(verb: Any) -> bool:
    """A verb of origin in a clause that describes a noun: "(the war) that began", "(the crisis) stemming"."""
    return (verb.pos_ == "VERB" and verb.lemma_.lower() in ORIGIN_VERBS and verb.dep_ in {"relcl", "acl"}
            and verb.head.pos_ in {"NOUN", "PROPN"})



def titled(act: Any, published_year: int | None) -> bool:
    """A noun act named by its title, a year its own modifier: "2020 Bulgarian protests", "the 2024 Ra'anana
    attack". The year is the story's or an earlier one, and a number right before a plural act counts it ("2000
    arrests"): a title names the place or the cause between."""
    noun = act
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    if noun.pos_ != "NOUN":
        return False
    latest = published_year or 2100
    return any(c.dep_ in {"nummod", "compound", "amod"} and TITLE_YEAR.match(c.text) and _year(c.text) <= latest
               and (noun.tag_ == "NN" or noun.i - c.i > 1) for c in noun.children)


def _year(text: str) -> int:
    """The first year a title's number writes: "2019–2021" -> 2019, "Late-2019" -> 2019."""
    match = re.search(r"(?:1[89]|20)\d\d", text)
    return int(match.group()) if match else 0
