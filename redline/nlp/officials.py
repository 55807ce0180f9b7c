"""Office holders: the hand rows of officials.csv and the persons of the Phoenix dictionaries, with their terms.

A person named in an article is coded by the term that covers the article's date ("George Papandreou" in 2010 is
GRC-GOV); outside every term the person still gives the country (GRC). The hand rows win over the Phoenix rows
(officials_phoenix.csv, built by tools/build_officials.py) for any alias they share. Names match with accents
folded on both sides, so "Xanana Gusmão" finds the dictionary's XANANA_GUSMAO.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from redline.nlp.places import read_data


@dataclass(frozen=True)
class Official:
    name: str
    code: str
    role: str
    affiliation: str
    country: str
    start: str
    end: str
    listed: bool = False  # from the Phoenix dictionaries (not a hand row)


# The role of a Phoenix term, from its CAMEO sector
SECTOR_ROLES = {"GOV": "government", "MIL": "military", "JUD": "judiciary", "LEG": "legislature",
                "COP": "police", "SPY": "intelligence", "REB": "rebel", "OPP": "opposition", "INS": "insurgent"}


# Whether a one-word alias the dictionaries list ("MORSI") is matched alone when ``safe_surnames`` allows it; a
# surname always matches after the article has named the full name (the finder's back-reference).
SURNAMES_ALONE = True


@dataclass(frozen=True)
class Officials:
    latest: Mapping[str, Official]  # alias -> the term that started last (what an undated text gets)
    terms: Mapping[str, tuple[Official, ...]]  # alias -> every term of every person the alias names, by start


class _Terms(Mapping[str, tuple[Official, ...]]):
    """alias -> terms; a dictionary person's terms are parsed when first asked for (parsing all took 0.5 s)."""

    def __init__(self, hand: dict[str, tuple[Official, ...]], listed: dict[str, list[tuple[str, str, str]]]):
        self._done = hand
        self._raw = listed

    def __getitem__(self, alias: str) -> tuple[Official, ...]:
        found = self._done.get(alias)
        if found is None:
            rows = self._raw[alias]  # KeyError for an unknown alias
            found = tuple(sorted((_term(name, t, country) for name, country, terms in rows for t in terms.split()),
                                 key=lambda o: o.start))
            self._done[alias] = found
        return found

    def __contains__(self, alias: object) -> bool:
        return alias in self._done or alias in self._raw

    def __iter__(self) -> Iterator[str]:
        yield from self._done
        yield from (a for a in self._raw if a not in self._done)

    def __len__(self) -> int:
        return len(self._done) + sum(1 for a in self._raw if a not in self._done)


class _Latest(Mapping[str, Official]):
    def __init__(self, terms: _Terms):
        self._terms = terms

    def __getitem__(self, alias: str) -> Official:
        return max(self._terms[alias], key=lambda o: o.start)

    def __contains__(self, alias: object) -> bool:
        return alias in self._terms

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)


def fold(text: str) -> str:
    """Accents off: "Gusmão" -> "Gusmao" (a letter with no ASCII base is kept)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def load_officials(taken: Callable[[str], bool]) -> Officials:
    """The hand rows, then the Phoenix persons whose aliases no hand row and no other actor or place (``taken``)
    claims. A Phoenix alias two persons of different countries share is left out: it names neither safely."""
    hand: dict[str, list[Official]] = {}
    for r in sorted(read_data("officials.csv"), key=lambda r: r["start"]):
        official = Official(r["name"], r["code"], r["role"], r["affiliation"], r["country"], r["start"], r["end"])
        for alias in r["aliases"].split("|"):
            hand.setdefault(alias, []).append(official)
    held = {_key(a) for a in hand}
    listed: dict[str, list[tuple[str, str, str]]] = {}
    countries: dict[str, set[str]] = {}
    for r in read_data("officials_phoenix.csv"):
        row = (r["name"], r["country"], r["terms"])
        for alias in [r["name"], *filter(None, r["aliases"].split("|"))]:
            key = fold(alias).lower()
            if _key(alias) in held or taken(alias):
                continue
            listed.setdefault(alias, []).append(row)
            countries.setdefault(key, set()).update([r["country"]] if r["country"] else [])
    alone = safe_surnames(listed, countries, taken) if SURNAMES_ALONE else frozenset()
    kept = {a: rows for a, rows in listed.items()
            if len(countries[fold(a).lower()]) <= 1 and (" " in a or a in alone)}
    terms = _Terms({a: tuple(ts) for a, ts in hand.items()}, kept)
    return Officials(_Latest(terms), terms)


def _key(name: str) -> str:
    """A name as compared with the hand rows: accents, case and hyphens aside ("Hans Adam II" is "Hans-Adam II")."""
    return fold(name).lower().replace("-", " ")


def _term(name: str, term: str, country: str) -> Official:
    """ "GRC-GOV:2009-10-06:2011-11-11" -> the Official of that term."""
    code, start, end = term.split(":")
    sector = code.split("-")[1] if "-" in code else ""
    role = SECTOR_ROLES.get(sector, "")
    here = code.split("-")[0] if len(code.split("-")[0]) == 3 else country
    return Official(name, code, role, "", here, start, end, listed=True)


def safe_surnames(listed: Mapping[str, list[tuple[str, str, str]]], countries: Mapping[str, set[str]],
                  taken: Callable[[str], bool]) -> frozenset[str]:
    """One-word aliases the dictionaries list for a person ("MORSI", "TANTAWI") that name one person only: no other
    listed person has that word in any of their names, and it is no actor or place."""
    persons: dict[str, set[tuple[str, str, str]]] = {}
    for alias, rows in listed.items():
        for word in fold(alias).lower().split():
            persons.setdefault(word, set()).update(rows)
    return frozenset(
        a for a in listed
        if " " not in a and len(a) > 3 and len(persons[fold(a).lower()]) == 1
        and len(countries[fold(a).lower()]) <= 1 and not taken(a)
    )


def _day(value: str | datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    return value[:10] if len(value) >= 10 and value[4:5] == "-" else None


def covers(o: Official, published: str | datetime | date | None) -> bool:
    """Whether the term ``o`` covers the day ``published`` (an undated term, the person's standing, covers any)."""
    day = _day(published)
    return day is None or not (o.start or o.end) or _starts(o) <= day <= _ends(o)


def term_at(terms: tuple[Official, ...], published: str | datetime | date | None) -> Official:
    """The term of ``terms`` that covers the day ``published``: a dated term first (the latest to start), then an
    undated one (the person's standing, often "elite"); outside every term the nearest one's country alone, so a
    former or future office holder still gives the country. Without a date the latest term."""
    day = _day(published)
    if day is None:
        return max(terms, key=lambda o: o.start)
    covering = [o for o in terms if (o.start or o.end) and _starts(o) <= day <= _ends(o)]
    if covering:
        return max(covering, key=lambda o: o.start)
    undated = [o for o in terms if not o.start and not o.end]
    if undated:
        return undated[-1]
    nearest = min(terms, key=lambda o: _distance(o, day))
    if not nearest.country:
        return nearest  # an IGO office: no country to fall back on
    role = f"former {nearest.role}" if nearest.role and _ends(nearest) < day else ""
    return replace(nearest, code=nearest.country, role=role)


def _starts(o: Official) -> str:
    return (o.start + "-01-01"[len(o.start) - 4:]) if o.start else "0000-00-00"


# The Phoenix dictionaries were last revised in 2015: a term they leave open ("[KENGOV >080417]") is known to run
# only to then. After it the person gives their country alone, as a former office holder does ("opposition leader
# Raila Odinga" in 2024 is KEN, not KEN-GOV); a hand row's open term runs on.
LISTED_UNTIL = "2015-12-31"


def _ends(o: Official) -> str:
    if o.end:
        return o.end + "-12-31"[len(o.end) - 4:]
    return LISTED_UNTIL if o.listed and o.start else "9999-99-99"


def _distance(o: Official, day: str) -> int:
    d = date.fromisoformat(day)
    bounds = [date.fromisoformat(x) for x in (_starts(o), _ends(o)) if x[0] not in "09"]
    return min((abs((b - d).days) for b in bounds), default=10**6)


@dataclass(frozen=True, eq=False)
class NameIndex:
    """Officials' aliases by their folded, lower-cased text: a span of tokens is looked up by its text, so the
    tens of thousands of names are never tokenised (a PhraseMatcher of them took seconds to build)."""

    aliases: Mapping[str, str]  # folded lower text -> alias
    first: frozenset[str]  # folded lower text of an alias's first token (up to a space or hyphen)
    longest: int  # characters
    keys: tuple[str, ...] = ()  # ``aliases``' keys in order: the first key from a text on starts with it if any does


_WORD_START = re.compile(r"[\s-]")


def name_index(officials: Iterable[str]) -> NameIndex:
    """The index of the aliases ``officials``."""
    aliases: dict[str, str] = {}
    for alias in officials:
        aliases.setdefault(fold(alias).lower(), alias)
    first = frozenset(_WORD_START.split(key, maxsplit=1)[0] for key in aliases)
    return NameIndex(aliases, first, max(map(len, aliases), default=0), tuple(sorted(aliases)))


def name_matches(doc: Any, index: NameIndex) -> list[tuple[str, int, int]]:
    """(alias, start, end) of every span of ``doc`` whose text, accents folded, is an official's alias."""
    out: list[tuple[str, int, int]] = []
    # the token attributes read as arrays and the strings looked up once each: no spaCy Token made per token
    # (``Token.lower_`` and ``Token.whitespace_``: the LOWER string, a space when SPACY is set)
    strings = doc.vocab.strings
    lowers = doc.to_array("LOWER").tolist()
    folded: dict[int, str] = {}
    words = [folded.get(h) or folded.setdefault(h, fold(strings[h])) for h in lowers]
    gaps = [" " if s else "" for s in doc.to_array("SPACY").tolist()]
    n = len(words)
    first = index.first
    keys = index.keys
    for i in range(n):
        if words[i] not in first:
            continue
        text = words[i]
        j = i + 1
        while True:
            alias = index.aliases.get(text)
            if alias is not None:
                out.append((alias, i, j))
            if j >= n or len(text) >= index.longest or "\n" in gaps[j - 1]:
                break
            text += gaps[j - 1] + words[j]
            j += 1
            k = bisect_left(keys, text)
            if k == len(keys) or not keys[k].startswith(text):
                break  # no alias begins so: a longer span cannot match either ("the" starts aliases)
    return out
