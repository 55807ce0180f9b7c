"""Ambiguous place names (a US state against a foreign town or a country, "City, Region", a far larger namesake) and
the generic weapon classes news uses, on the real model. Every sentence here is written for this test."""

from __future__ import annotations

from typing import Any

import pytest

from redline.models import Geo, Mention
from redline.nlp.gazetteer import Gazetteer, find_mentions
from redline.nlp.places import Place, best_place, us_state_names
from redline.nlp.region_cues import qualified


def mentions(nlp: Any, gazetteer: Gazetteer, text: str) -> tuple[Mention, ...]:
    return find_mentions(nlp(text), "t", gazetteer)


def named(found: tuple[Mention, ...], text: str) -> Mention:
    hits = [m for m in found if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in found]}"
    return hits[0]


@pytest.mark.parametrize(("text", "name", "country", "kind"), [
    # a US state is a first-level region, not the town in Brazil, Cuba or Puerto Rico of the same name
    ("Floods hit Colorado and Kansas, US officials said.", "Colorado", "USA", "region"),
    ("Residents of Texas and Florida braced for the hurricane.", "Florida", "USA", "region"),
    ("The hurricane made landfall in South Carolina on Thursday.", "South Carolina", "USA", "region"),
    ("Officials in Montana and Nevada said the wildfires were spreading.", "Montana", "USA", "region"),
    ("Lawmakers in Washington state passed the bill on Monday.", "Washington state", "USA", "region"),
    ("DENVER, Colorado (AP) — The governor signed the bill on Tuesday.", "Colorado", "USA", "region"),
    # a first-level region named in two countries goes to the one the sentence names
    ("Indian troops moved into Punjab near Amritsar.", "Punjab", "IND", "region"),
    ("Pakistani forces in Punjab shelled the border near Lahore.", "Punjab", "PAK", "region"),
    ("Dutch police in Limburg arrested a suspect near Maastricht.", "Limburg", "NLD", "region"),
    ("Belgian police raided a house in Limburg, Belgium, on Friday.", "Limburg", "BEL", "region"),
    ("A man was stabbed in Algeciras, Andalusia, Spain.", "Andalusia", "ESP", "region"),
    ("Catalonia held a referendum that Madrid called illegal.", "Catalonia", "ESP", "region"),
    # "City, Region" and "City, Country": the qualifier after the comma places the city
    ("A shooting in Paris, Texas left two people dead.", "Paris", "USA", "city"),
    ("A student was killed in Moscow, Idaho, US police said.", "Moscow", "USA", "city"),
    ("Police in London, Ontario, arrested a man on Sunday.", "London", "CAN", "city"),
    ("Protesters in Córdoba, Argentina, blocked a highway.", "Córdoba", "ARG", "city"),
    ("Spanish police raided an apartment in Cordoba, Spain.", "Cordoba", "ESP", "city"),
    ("Floods in Hyderabad, Pakistan, displaced thousands of families.", "Hyderabad", "PAK", "city"),
    ("Clashes in Tripoli, Lebanon, left three people dead.", "Tripoli", "LBN", "city"),
    ("The rally in Rome, Georgia, drew hundreds of voters.", "Rome", "USA", "city"),
    ("Washington said it would send more Patriot missiles to Kyiv.", "Kyiv", "UKR", "city"),
])
def test_ambiguous_place_resolves(spacy_sm: Any, gazetteer: Gazetteer, text: str, name: str, country: str,
                                  kind: str) -> None:
    m = named(mentions(spacy_sm, gazetteer, text), name)
    assert m.type == "PLACE"
    assert m.geo is not None and m.geo.country == country
    assert m.attr("kind") == kind


@pytest.mark.parametrize("text", [
    "ATLANTA, Georgia — Protesters marched through the city on Monday.",
    "The governor of Georgia said the state would deploy National Guard troops to Atlanta, the White House said.",
    "Georgia Governor Brian Kemp declared a state of emergency, the White House said.",
    "The rally in Savannah, Georgia, drew US voters.",
])
def test_georgia_is_the_us_state_where_the_text_says_so(spacy_sm: Any, gazetteer: Gazetteer, text: str) -> None:
    m = named(mentions(spacy_sm, gazetteer, text), "Georgia")
    assert (m.type, m.code, m.attr("kind")) == ("PLACE", None, "region")
    assert m.geo is not None and m.geo.country == "USA"


@pytest.mark.parametrize("text", [
    "Russian troops entered Georgia in 2008, the Georgian president in Tbilisi said.",
    "US Secretary of State Antony Blinken visited Georgia and met the prime minister in Tbilisi.",
    "The European Union granted Georgia candidate status, and Washington welcomed it.",
])
def test_georgia_stays_the_country_without_a_cue(spacy_sm: Any, gazetteer: Gazetteer, text: str) -> None:
    m = named(mentions(spacy_sm, gazetteer, text), "Georgia")
    assert (m.type, m.code) == ("ACTOR", "GEO")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Washington said it would send Patriot missiles to Kyiv.", "Washington", "USA"),
    ("Paris condemned the strike, the French foreign ministry said.", "Paris", "FRA"),
])
def test_capital_metonyms_stay_actors_without_a_qualifier(spacy_sm: Any, gazetteer: Gazetteer, text: str,
                                                         name: str, country: str) -> None:
    m = named(mentions(spacy_sm, gazetteer, text), name)
    assert m.type == "ACTOR" and (m.code or "").split("-")[0] == country


def test_new_york_and_washington_bare_names_stay_cities(spacy_sm: Any, gazetteer: Gazetteer) -> None:
    found = mentions(spacy_sm, gazetteer, "Protests spread from New York to Boston on Friday.")
    assert named(found, "New York").attr("kind") == "city"
    assert "New York" not in us_state_names("New York") and "Texas" in us_state_names("Texas")


@pytest.mark.parametrize(("text", "weapon", "cls"), [
    ("The US will send air defense systems to Ukraine, the Pentagon said.", "air defense systems", "air_defense"),
    ("Germany pledged more air-defence missiles to Kyiv.", "air-defence missiles", "air_defense"),
    ("Washington approved the sale of anti-aircraft missiles to Taiwan.", "anti-aircraft missiles", "air_defense"),
    ("Rebels shot down the helicopter with a surface-to-air missile.", "surface-to-air missile", "air_defense"),
    ("The EU agreed to send one million artillery shells to Ukraine.", "artillery shells", "artillery"),
    ("The package includes 155mm artillery rounds and howitzers.", "howitzers", "artillery"),
    ("Britain will supply armoured vehicles to Ukraine.", "armoured vehicles", "ifv"),
    ("The convoy of armored personnel carriers crossed the border.", "armored personnel carriers", "ifv"),
    ("Poland delivered main battle tanks to the front.", "main battle tanks", "tank"),
    ("Iran supplied Shahed-type drones and fighter jets to Moscow.", "fighter jets", "fighter_aircraft"),
    ("Iran supplied Shahed-type drones to Moscow.", "Shahed-type drones", "loitering_munition"),
    ("Hezbollah fired anti-tank missiles at northern Israel.", "anti-tank missiles", "anti_tank"),
    ("North Korea tested new multiple rocket launchers on Sunday.", "multiple rocket launchers", "rocket_artillery"),
    ("Russian Orlan drones spotted the battery before the strike.", "Orlan drones", "drone"),
    ("Ukraine asked for a long-range missile that could reach Crimea.", "long-range missile", "munition"),
])
def test_weapon_classes_news_uses(spacy_sm: Any, gazetteer: Gazetteer, text: str, weapon: str, cls: str) -> None:
    m = named(mentions(spacy_sm, gazetteer, text), weapon)
    assert (m.type, m.attr("class")) == ("WEAPON", cls)


def test_a_region_outranks_a_same_named_town_and_a_qualifier_outranks_context() -> None:
    town = Place("Colorado", "city", Geo(-22.8, -51.97, "BRA"), 6_000, 1, True)
    state = Place("Colorado", "region", Geo(39.74, -104.98, "USA"), 0, 2, True)
    assert best_place((town, state), {"BRA": 4}) == state
    big = Place("London", "city", Geo(51.5, -0.13, "GBR"), 8_900_000, 3, True)
    small = Place("London", "city", Geo(42.98, -81.23, "CAN"), 346_000, 4, True)
    assert best_place(qualified((big, small), frozenset({"CAN"})), {"GBR": 5}) == small
    assert qualified((big, small), frozenset({"FRA"})) == (big, small)
