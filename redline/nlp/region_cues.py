"""Cues that tell which of two same-named places the text means, from the words around the name.

- "City, Region" or "City, Country": the name after the comma qualifies the city before it ("Paris, Texas", "Córdoba,
  Argentina"), so the city is looked for in the qualifier's countries first.
- A first-level region named like a country (the US state of Georgia, the country Georgia): the text means the
  region where it writes it as a city's qualifier of that region's country ("Atlanta, Georgia") or names an office
  of the region ("the governor of Georgia", "Georgia state legislature") in an article that names the region's
  country.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from redline.nlp.place_scan import PlaceKey
from redline.nlp.places import Place, PlaceIndex

# Offices and bodies of a first-level region (a state, a province), not of a sovereign country
REGION_OFFICE_WORDS = frozenset({"governor", "gov", "gov.", "governors", "legislature", "legislators", "statehouse"})
# Words that make "X" a state name: "the state of X", "X state"
STATE_WORDS = frozenset({"state"})
QUALIFIER_KINDS = frozenset({"region", "country"})


def qualifier_countries(doc: Doc, keys: Sequence[PlaceKey]) -> dict[int, frozenset[str]]:
    """Start of each place key followed by ", <region or country name>" -> the countries that qualifier may name."""
    out: dict[int, frozenset[str]] = {}
    for k in keys:
        countries = _qualifier(doc, k.end, keys)
        if countries:
            out.setdefault(k.start, countries)
    return out


def _qualifier(doc: Doc, end: int, keys: Sequence[PlaceKey]) -> frozenset[str]:
    """The countries of a region or country named right after ", " at token ``end`` (nothing else: none)."""
    if end + 1 >= len(doc) or doc[end].text != "," or "\n" in doc[end - 1].whitespace_ + doc[end].whitespace_:
        return frozenset()
    return frozenset(p.geo.country for q in keys if q.start == end + 1 for p in q.places if p.kind in QUALIFIER_KINDS)


def qualified(places: tuple[Place, ...], countries: frozenset[str] | None) -> tuple[Place, ...]:
    """The candidates in the qualifier's countries, or all of them when the qualifier names none of theirs."""
    if not countries:
        return places
    inside = tuple(p for p in places if p.geo.country in countries and p.kind != "country")
    return inside or places


def region_not_country(doc: Doc, start: int, end: int, code: str | None, index: PlaceIndex,
                       keys: Sequence[PlaceKey], context: Mapping[str, int]) -> bool:
    """Whether an actor's name at ``doc[start:end]`` (a country, a capital for its government) names a place of another
    country: a same-named first-level region, or a city that a qualifier after a comma puts in another country."""
    if code is None or len(code.split("-")[0]) != 3:
        return False
    code = code.split("-")[0]
    elsewhere = _qualifier(doc, end, keys)  # "Paris, Texas": not the French capital, whatever else it names
    if elsewhere and code not in elsewhere and any(
            p.geo.country in elsewhere for p in index.lookup(doc[start:end].text) if p.kind == "city"):
        return True
    regions = {p.geo.country for p in index.lookup(doc[start:end].text) if p.kind == "region" and p.geo.country != code}
    if not regions:
        return False
    before = doc[start - 1].lower_ if start > 0 else ""
    if before == "," and start >= 2:  # "Atlanta, Georgia": the city before the comma is in the region's country
        city = next((k for k in keys if k.end == start - 1), None)
        if city is not None and any(p.primary and p.kind == "city" and p.geo.country in regions for p in city.places):
            return True
    if not any(context.get(c, 0) for c in regions):
        return False
    words = {doc[k].lower_ for k in range(max(0, start - 3), min(len(doc), end + 2))}
    after = doc[end].lower_ if end < len(doc) else ""
    return bool(words & REGION_OFFICE_WORDS) or after in STATE_WORDS or (
        before == "of" and start >= 2 and doc[start - 2].lower_ in STATE_WORDS)
