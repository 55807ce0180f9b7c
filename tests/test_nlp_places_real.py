"""Places on real-news wording, through the real spaCy model and the real gazetteer: ordinary words and acronyms
are not towns, a state's forces do not move a town to their country, the country of a place is the gazetteer's
(issue #10 item 5)."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import replace
from importlib import resources
from typing import Any

import pytest

from redline.models import Geo, Mention
from redline.nlp.gazetteer import Gazetteer, find_mentions
from redline.nlp.place_words import (
    DOMINANT_FACTOR,
    ITEM_FACTOR,
    NAMED_FACTOR,
    common_words,
    foreign_unit,
    independent_items,
    own_country,
    own_item,
    paragraph_breaks,
)
from redline.nlp.places import Place


def places(nlp: Any, gazetteer: Gazetteer, text: str) -> dict[str, Mention]:
    return {m.text: m for m in find_mentions(nlp(text), "t", gazetteer) if m.type == "PLACE"}


def country(nlp: Any, gazetteer: Gazetteer, text: str, name: str) -> str | None:
    found = places(nlp, gazetteer, text)
    assert name in found, f"{name!r} is no place in {sorted(found)}"
    geo = found[name].geo
    return geo.country if geo is not None else None


def test_common_words_file_holds_ordinary_words_not_names() -> None:
    rows = list(csv.DictReader(resources.files("redline").joinpath("data/common_words.csv")
                               .read_text("utf-8").splitlines()))
    words = common_words()
    assert len(words) == len(rows) > 300
    assert {"summit", "valley", "green", "station"} <= words
    assert not {"roy", "bali", "kherson", "pokrovsk", "tripoli", "kyiv"} & words
    assert all(int(r["lower"]) >= 20 and int(r["lower"]) >= int(r["capitalised"]) for r in rows)


@pytest.mark.parametrize("text", [
    "The leaders arrived for the Summit on Tuesday, and the Summit closed with a joint declaration.",
    "The Valley was cut off after the floods, aid agencies said.",
    "The Green party won seats in the state parliament.",
    "The delegation met reporters at Union Station before boarding a train to New York.",
])
def test_ordinary_words_are_no_towns(nlp: Any, gazetteer: Gazetteer, text: str) -> None:
    found = places(nlp, gazetteer, text)
    assert not {"Summit", "Valley", "The Valley", "Green", "Union Station", "Union"} & set(found), found


def test_an_ordinary_word_gives_no_country_context(nlp: Any, gazetteer: Gazetteer) -> None:
    # "Green" read as Green, Ohio made the article American, and Hamburg a town of New York
    text = "Voters backed the Green candidate in Hamburg."
    assert country(nlp, gazetteer, text, "Hamburg") == "DEU"


@pytest.mark.parametrize(("text", "name", "where"), [
    ("A tornado tore through homes in Summit, New Jersey, on Sunday night.", "Summit", "USA"),
    ("Floodwater reached the town of Valley in Alabama before dawn, the county sheriff said.", "Valley", "USA"),
    ("Schools closed as Little Rock braced for the storm, Arkansas officials said.", "Little Rock", "USA"),
])
def test_ordinary_words_are_towns_where_the_text_puts_a_place(nlp: Any, gazetteer: Gazetteer, text: str,
                                                               name: str, where: str) -> None:
    assert country(nlp, gazetteer, text, name) == where


@pytest.mark.parametrize("text", [
    "The PISA scores fell again, while MERS cases rose in the Gulf.",
    "Thousands attended MAGA rallies across the Midwest last weekend.",
])
def test_capitals_inside_running_text_are_acronyms(nlp: Any, gazetteer: Gazetteer, text: str) -> None:
    assert not {"PISA", "MERS", "MAGA"} & set(places(nlp, gazetteer, text))


def test_a_dateline_in_capitals_is_still_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "ODESA, Ukraine — Drones struck the port overnight, the regional governor said."
    assert country(nlp, gazetteer, text, "ODESA") == "UKR"


def test_a_small_frontline_town_beside_another_stays_a_town(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Russian troops shelled Kupiansk and Lyman overnight, the governor said."
    assert country(nlp, gazetteer, text, "Lyman") == "UKR"


@pytest.mark.parametrize("text", [
    "Russian forces advance on Pokrovsk.",
    "Russian troops were pushing towards Pokrovsk on Thursday, according to a war blogger.",
])
def test_an_attackers_forces_do_not_move_a_town_to_their_country(nlp: Any, gazetteer: Gazetteer,
                                                                 text: str) -> None:
    assert country(nlp, gazetteer, text, "Pokrovsk") == "UKR"


def test_a_country_the_text_names_still_chooses_the_namesake(nlp: Any, gazetteer: Gazetteer) -> None:
    # Pokrovsk in Yakutia, Russia, when the text places things in Russia by naming it
    text = "Floods hit Pokrovsk in Yakutia, and Russia's emergencies ministry flew in rescuers."
    assert country(nlp, gazetteer, text, "Pokrovsk") == "RUS"


def test_a_demonym_alone_does_not_move_a_name_to_a_far_smaller_namesake(nlp: Any, gazetteer: Gazetteer) -> None:
    assert country(nlp, gazetteer, "Chinese tourists returned to Bali after the pandemic.", "Bali") == "IDN"
    # a demonym still chooses between namesakes of comparable size
    text = "Gunmen clashed in Tripoli overnight, Lebanese security sources said."
    assert country(nlp, gazetteer, text, "Tripoli") == "LBN"


def test_own_country_keeps_a_named_country_and_comparable_namesakes() -> None:
    from redline.models import Geo

    small = Place("Smallton", "city", Geo(0.0, 0.0, "AAA"), 5_000, 1, True)
    big = Place("Smallton", "city", Geo(1.0, 1.0, "BBB"), 5_000 * DOMINANT_FACTOR, 2, True)
    near = Place("Smallton", "city", Geo(1.0, 1.0, "CCC"), 5_000 * DOMINANT_FACTOR - 1, 3, True)
    assert own_country(small, (small, big), {}) == big
    assert own_country(small, (small, big), {"AAA": 2}) == small  # the article names AAA as a place
    assert own_country(small, (small, near), {}) == small  # not ten times larger
    huge = Place("Smallton", "city", Geo(2.0, 2.0, "DDD"), 5_000 * NAMED_FACTOR, 4, True)
    assert own_country(small, (small, huge), {"AAA": 2}) == huge  # a named country yields to a far larger namesake


def test_a_named_country_does_not_make_a_world_city_its_village(nlp: Any, gazetteer: Gazetteer) -> None:
    text = ("The United States welcomed the vote taken in Lisbon, and American officials praised the "
            "leaders who met in Bradford.")
    assert country(nlp, gazetteer, text, "Lisbon") == "PRT"
    assert country(nlp, gazetteer, text, "Bradford") == "GBR"


def test_indonesian_provinces_are_regions(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places(nlp, gazetteer, "Police in Bali and in Aceh detained suspects after the attacks in Papua.")
    assert {found[n].attr("kind") for n in ("Bali", "Aceh", "Papua")} == {"region"}
    assert {found[n].geo.country for n in ("Bali", "Aceh", "Papua") if found[n].geo} == {"IDN"}


US_DAY = ("The United States imposed new tariffs, and American officials in Washington said the United States "
          "would not back down. U.S. lawmakers and the American public were divided.\n")


def test_a_country_its_paragraph_names_outweighs_the_rest_of_a_bundle(nlp: Any, gazetteer: Gazetteer) -> None:
    # the US day's other items name the United States many times; this item names Spain
    text = US_DAY + "Spain's prime minister opened a new metro line in Valencia on Monday. (Reuters)\n"
    assert country(nlp, gazetteer, text, "Valencia") == "ESP"
    # the item alone keeps the same namesake
    assert country(nlp, gazetteer, text.split("\n")[1], "Valencia") == "ESP"


OTHER_ITEMS = ("Kenyan police dispersed protesters in Nairobi after the election. (BBC)\n"
               "Japan's central bank held interest rates at a record low. (Nikkei)\n"
               "Chilean firefighters fought forest fires for a third day. (AP)\n")


def test_other_items_of_a_bundle_do_not_move_a_name_to_a_far_smaller_namesake(nlp: Any, gazetteer: Gazetteer) -> None:
    # a day of independent items: the United States is one item's country, not the day's
    text = US_DAY + OTHER_ITEMS + "Diplomats resumed talks on the nuclear programme in Geneva on Tuesday. (Reuters)\n"
    assert country(nlp, gazetteer, text, "Geneva") == "CHE"
    text = US_DAY + OTHER_ITEMS + "Thousands marched through Manchester against the closure of a hospital. (BBC)\n"
    assert country(nlp, gazetteer, text, "Manchester") == "GBR"


def test_a_story_on_one_country_keeps_its_namesake_in_a_paragraph_naming_none(nlp: Any, gazetteer: Gazetteer) -> None:
    # paragraphs of one story: the United States, named throughout, is the story's country
    text = ("The United States Senate passed the spending bill on Monday. (AP)\n"
            "American officials said the bill funds new roads across the United States.\n"
            "U.S. governors welcomed the vote, and Japan's ambassador praised it.\n"
            "Workers in Manchester will start on the first road next spring.\n")
    assert country(nlp, gazetteer, text, "Manchester") == "USA"


def test_independent_items_and_own_item_on_their_own() -> None:
    day = ([10, 20, 30, 40], {0: Counter({"USA": 5}), 1: Counter({"KEN": 1}), 2: Counter({"JPN": 1}),
                              3: Counter({"CHL": 1})})
    story = ([10, 20, 30], {0: Counter({"USA": 2}), 1: Counter({"USA": 1, "JPN": 1}), 2: Counter({"KEN": 1})})
    assert independent_items(day)
    assert not independent_items(story)  # the US is named by two paragraphs of three
    assert not independent_items(([10, 20], {0: Counter({"KEN": 1}), 1: Counter({"JPN": 1})}))  # too few
    small = Place("Smallton", "city", Geo(0.0, 0.0, "AAA"), 5_000, 1, True)
    big = Place("Smallton", "city", Geo(1.0, 1.0, "BBB"), 5_000 * ITEM_FACTOR, 2, True)
    near = Place("Smallton", "city", Geo(1.0, 1.0, "CCC"), 5_000 * ITEM_FACTOR - 1, 3, True)
    assert own_item(small, (small, big), Counter(), True) == big
    assert own_item(small, (small, big), Counter({"AAA": 1}), True) == small  # its item names its country
    assert own_item(small, (small, big), Counter({"BBB": 1}), True) == small  # its item names a namesake's
    assert own_item(small, (small, near), Counter(), True) == small  # not far smaller
    assert own_item(small, (small, big), Counter(), False) == small  # not a bundle of items


def test_a_paragraph_naming_a_neighbour_places_a_namesake_next_door(nlp: Any, gazetteer: Gazetteer) -> None:
    text = US_DAY + "The Israeli cabinet ordered a village near Hebron closed to visitors. (Haaretz)\n"
    assert country(nlp, gazetteer, text, "Hebron") == "PSE"


def test_a_country_the_paragraph_does_not_name_still_counts_in_one_paragraph(nlp: Any, gazetteer: Gazetteer) -> None:
    # one paragraph: the article's context as before, whatever the sentence
    text = "The United States and American officials met. A storm hit Valencia and the city of Athens."
    assert country(nlp, gazetteer, text, "Valencia") == "USA"


@pytest.mark.parametrize(("text", "name", "qualifier"), [
    ("Foot and mouth disease was found on a farm in Surrey, England, on Friday.", "Surrey", "England"),
    ("A man was arrested after a tree was felled in Northumberland, United Kingdom.", "Northumberland",
     "United Kingdom"),
])
def test_a_town_qualified_by_another_country_is_no_town_of_its_namesakes(nlp: Any, gazetteer: Gazetteer, text: str,
                                                                        name: str, qualifier: str) -> None:
    found = {m.text: m for m in find_mentions(nlp(text), "t", gazetteer)}
    assert name not in found, found[name]
    assert found[qualifier].geo is not None and found[qualifier].geo.country == "GBR"


def test_paragraphs_end_at_a_sentence_end_or_a_blank_line_not_at_a_wrapped_line() -> None:
    wrapped = "The minister said the talks with the delegation from the neighbouring country would\ncontinue."
    assert paragraph_breaks(wrapped) == []
    items = "Troops withdrew. (AP)\nA storm hit the coast\n\nHeading\nText."
    assert paragraph_breaks(items) == [items.index("\n"), items.index("\n\n"), items.index("Heading\n") + 7]


@pytest.mark.parametrize("text", [
    "Police killed the deputy commander of the group, officials said. (AFP via Google) (BBC)",
    "An air raid hit a camp for displaced people in northern Yemen. (BBC) (Saba)",
])
def test_outlets_cited_in_parentheses_are_no_places(nlp: Any, gazetteer: Gazetteer, text: str) -> None:
    assert not {"Google", "Saba"} & set(places(nlp, gazetteer, text))


def test_a_place_in_parentheses_inside_a_sentence_is_still_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Talks resumed in the city (Geneva) on Monday, and the envoy flew on to Nairobi (Kenya) later."
    assert {"Geneva", "Nairobi"} <= set(places(nlp, gazetteer, text))


def test_a_dateline_of_two_bureaus_is_a_dateline() -> None:
    from redline.nlp.places import dateline_spans

    assert dateline_spans("ISLAMABAD/PENTAGON — A U.S. military plane crashed in Afghanistan.") == [(0, 21)]
    assert dateline_spans("WASHINGTON/KYIV - Russian missiles hit Odesa.") == [(0, 18)]
    assert dateline_spans("NATO - the alliance met in Brussels.") == []


def test_a_town_dwarfed_by_a_namesake_abroad_is_not_preferred_for_its_primary_name() -> None:
    from redline.models import Geo
    from redline.nlp.places import DWARF_FACTOR, best_place

    town = Place("Mecca", "city", Geo(33.6, -116.1, "USA"), 8_000, 1, True)
    holy = Place("Makkah", "city", Geo(21.4, 39.8, "SAU"), 8_000 * DWARF_FACTOR, 2, False)
    assert best_place((town, holy), {}) == holy  # no country named: the far larger city
    assert best_place((town, holy), {"SAU": 2}) == holy
    assert best_place((town, holy), {"USA": 1}) == town  # a story on the town's country keeps its primary name
    near = replace(holy, population=8_000 * DWARF_FACTOR - 1)
    assert best_place((town, near), {}) == town  # under the factor, with no country named, the primary name ranks first
    assert best_place((town, near), {"SAU": 2}) == near  # ... unless the story names the larger one's country only
    assert best_place((town, near), {"SAU": 2, "USA": 1}) == town


@pytest.mark.parametrize(("text", "name", "where"), [
    ("Thousands of pilgrims prayed in Mecca on Friday as the hajj began, according to officials in Riyadh.",
     "Mecca", "SAU"),
    ("A brush fire burned close to homes in Mecca, California, and firefighters asked families to leave.",
     "Mecca", "USA"),
    # Tadmur, Syria is only "Palmyra" in another spelling; Palmyra, New York is a smaller town of that primary name
    ("Russian airstrikes against the Islamic State in Palmyra kill five people, the Syrian Observatory said.",
     "Palmyra", "SYR"),
    ("Floodwater closed two roads in Palmyra, Pennsylvania, after the storm.", "Palmyra", "USA"),
    ("Three policemen were killed at a checkpoint in the city of Mansoura, Egyptian officials said.", "Mansoura",
     "EGY"),
])
def test_a_far_larger_namesake_wins_unless_the_story_names_the_towns_country(
        nlp: Any, gazetteer: Gazetteer, text: str, name: str, where: str) -> None:
    assert country(nlp, gazetteer, text, name) == where


def test_a_word_of_a_persons_name_is_no_place(nlp: Any, gazetteer: Gazetteer) -> None:
    # India named elsewhere made Kim (a town of Gujarat) a place
    text = ("Indian and U.S. officials discussed North Korea. Trump said he received a letter from North Korean "
            "leader Kim Jong-un. He added that Kim is keeping his word.")
    assert "Kim" not in places(nlp, gazetteer, text)


@pytest.mark.parametrize(("text", "word"), [
    ("The Taliban said the aircraft crashed in the Sado Khelo area of Deh Yak district in Ghazni province.", "Sado"),
    ("Police searched Grays Harbor County, Washington, for the driver.", "Grays"),
    ("Three policemen were killed at a checkpoint in the Nile Delta city of Mansoura, Egyptian officials said.",
     "Delta"),
])
def test_a_word_inside_a_longer_place_name_is_not_the_town_of_that_word(
        nlp: Any, gazetteer: Gazetteer, text: str, word: str) -> None:
    assert word not in places(nlp, gazetteer, text)


def test_a_place_the_ner_tags_alone_stays_a_place_beside_a_title(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Residents said the Kharkiv Mayor Ihor Terekhov visited a school that a missile hit in Kharkiv."
    assert country(nlp, gazetteer, text, "Kharkiv") == "UKR"


@pytest.mark.parametrize(("text", "name", "where"), [
    ("Rescue teams pulled families from flooded homes in Yorkshire after days of rain.", "Yorkshire", "GBR"),
    ("Police closed roads across Sussex after the storm brought down trees.", "Sussex", "GBR"),
    ("The first case of the virus was confirmed on the Dutch Caribbean island of Saba.", "Saba", "BES"),
])
def test_well_known_regions_the_city_list_lacks(nlp: Any, gazetteer: Gazetteer, text: str, name: str,
                                                 where: str) -> None:
    assert country(nlp, gazetteer, text, name) == where


def test_a_region_inside_a_longer_place_name_stays_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "The tanker was last seen in the waters of Indonesia's Riau Archipelago, sailing toward Singapore."
    assert country(nlp, gazetteer, text, "Riau") == "IDN"


@pytest.mark.parametrize(("text", "eponym"), [
    ("Hospitals in Auckland filled as the Delta variant spread through the city.", "Delta"),
    ("The Kent variant now makes up most new infections in Wales, officials said.", "Kent"),
    ("Cases of Lassa fever rose in Kano this month, and two more patients died.", "Lassa"),
])
def test_a_place_name_naming_a_disease_or_variant_is_no_place(nlp: Any, gazetteer: Gazetteer, text: str,
                                                              eponym: str) -> None:
    found = places(nlp, gazetteer, text)
    assert eponym not in found, found
    assert found, "the sentence's own place is still found"


def test_a_place_name_before_other_nouns_stays_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    # only the noun of a disease or variant makes the name an eponym: a market or a court is where it stands
    assert country(nlp, gazetteer, "A bomb went off in a Mosul market on Friday.", "Mosul") == "IRQ"
    assert country(nlp, gazetteer, "A virus outbreak was reported in Marburg, Germany.", "Marburg") == "DEU"


BUNDLE = ("Voters in France choose a new parliament on Sunday.\n\n"
          "Japan raises its interest rate for the first time in a decade.\n\n"
          "{}\n\n"
          "Brazil opens a new bridge over the Amazon river.")


@pytest.mark.parametrize(("text", "unit"), [
    (BUNDLE.format("New Zealand experts predict another powerful earthquake in the Canterbury Region within a year."),
     "Canterbury"),
    ("Gunmen killed 32 gendarmes at a military post in Inata, Soum Province, Burkina Faso.", "Soum"),
])
def test_a_unit_is_not_built_from_a_town_of_a_country_far_from_its_text(nlp: Any, gazetteer: Gazetteer,
                                                                         text: str, unit: str) -> None:
    # the index lacks both units: their namesake towns (Canterbury, England; Soum, Senegal) are neither the unit
    # nor a town of the text, whose item or qualifier names another country
    assert not {n for n in places(nlp, gazetteer, text) if n.startswith(unit)}


def test_a_unit_is_built_from_a_town_of_the_country_its_paragraph_names(nlp: Any, gazetteer: Gazetteer) -> None:
    text = BUNDLE.format("Syria fires the governor of Daraa province.")
    assert country(nlp, gazetteer, text, "Daraa province") == "SYR"


def test_a_unit_may_be_built_from_a_town_next_to_a_country_its_paragraph_names() -> None:
    baalbek = Place("Baalbek", "city", Geo(34.006, 36.218, "LBN"), 82_608, None, True)
    seats = {"ISR": Geo(31.769, 35.216, "ISR"), "NZL": Geo(-41.287, 174.776, "NZL")}
    assert not foreign_unit(baalbek, None, Counter({"ISR": 1}), seats)  # an Israeli strike next door
    assert foreign_unit(baalbek, None, Counter({"NZL": 1}), seats)
    assert foreign_unit(baalbek, frozenset({"SYR"}), Counter(), seats)  # "Baalbek District, Syria"
    assert not foreign_unit(baalbek, frozenset({"LBN"}), Counter({"NZL": 1}), seats)
    assert not foreign_unit(baalbek, None, Counter(), seats)  # no country named: the town's as before


def test_a_foreign_towns_other_name_before_a_unit_noun_is_no_town(nlp: Any, gazetteer: Gazetteer) -> None:
    # "Chin" is a GeoNames alternate name of Jinzhou (China): before "State", in a text on Myanmar, the word names a
    # unit the index lacks, not the Chinese town
    text = "Militias clashed with soldiers across Chin State, Myanmar, on Friday."
    assert "Chin" not in places(nlp, gazetteer, text)


def test_a_towns_own_name_or_a_named_countrys_spelling_before_a_unit_noun_stays_a_place(
        nlp: Any, gazetteer: Gazetteer) -> None:
    assert country(nlp, gazetteer, "An earthquake struck Osaka Prefecture early on Monday.", "Osaka") == "JPN"
    text = "Police in India said a bridge collapsed in Allahabad district after heavy rain."
    assert country(nlp, gazetteer, text, "Allahabad") == "IND"
