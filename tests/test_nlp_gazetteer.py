"""The gazetteers and the mention finder, on blank docs and on the real model."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from redline.models import Mention
from redline.nlp.gazetteer import Gazetteer, find_mentions, lookup_code

UKRAINE_BOX = (44.0, 52.5, 22.0, 40.5)  # lat min, lat max, lon min, lon max


def by_text(mentions: tuple[Mention, ...], text: str) -> Mention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


@pytest.fixture(scope="module", params=["blank", "real"])
def founding_mentions(request: Any, founding_text: str, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    import spacy

    nlp = spacy.blank("en") if request.param == "blank" else request.getfixturevalue("spacy_sm")
    return find_mentions(nlp(founding_text), "founding", gazetteer)


def test_gazetteer_spokeswoman_is_person_with_role(founding_mentions: tuple[Mention, ...]) -> None:
    m = by_text(founding_mentions, "Maria Zakharova")
    assert (m.type, m.code, m.canonical) == ("PERSON", "RUS-GOV", "Maria Zakharova")
    assert "spokeswoman" in (m.attr("role") or "")
    assert m.attr("country") == "RUS"


@pytest.mark.parametrize("text", ["Kurakhovo", "Kupiansk", "Sumy", "Odessa", "Kharkiv region", "Donetsk"])
def test_gazetteer_frontline_places_are_in_ukraine(founding_mentions: tuple[Mention, ...], text: str) -> None:
    m = by_text(founding_mentions, text)
    assert m.type == "PLACE"
    assert m.geo is not None and m.geo.country == "UKR"
    lat_min, lat_max, lon_min, lon_max = UKRAINE_BOX
    assert lat_min < m.geo.lat < lat_max and lon_min < m.geo.lon < lon_max


def test_gazetteer_kharkiv_region_is_a_region(founding_mentions: tuple[Mention, ...]) -> None:
    assert by_text(founding_mentions, "Kharkiv region").attr("kind") == "region"


def test_gazetteer_atacms_is_us_weapon_with_range(founding_mentions: tuple[Mention, ...]) -> None:
    m = next(m for m in founding_mentions if m.text.startswith("ATACMS"))
    assert (m.type, m.canonical, m.code) == ("WEAPON", "ATACMS", None)
    assert (m.attr("origin"), m.attr("range_km"), m.attr("class")) == ("USA", "300", "ballistic_missile")


def test_gazetteer_moscow_speaking_is_government(founding_mentions: tuple[Mention, ...]) -> None:
    m = by_text(founding_mentions, "Moscow")
    assert (m.type, m.code) == ("ACTOR", "RUS-GOV")


def test_gazetteer_demonym_and_sector_noun(founding_mentions: tuple[Mention, ...]) -> None:
    assert by_text(founding_mentions, "Russian forces").code == "RUS-MIL"
    assert by_text(founding_mentions, "Russian armored vehicles").code == "RUS-MIL"
    assert by_text(founding_mentions, "Russian officials").code == "RUS-GOV"


def test_gazetteer_country_is_actor_with_geo(founding_mentions: tuple[Mention, ...]) -> None:
    m = by_text(founding_mentions, "Ukraine")
    assert (m.type, m.code, m.canonical) == ("ACTOR", "UKR", "Ukraine")
    assert m.geo is not None and m.geo.country == "UKR"


def test_gazetteer_spans_match_text_and_ids_are_ordered(
    founding_mentions: tuple[Mention, ...], founding_text: str
) -> None:
    assert all(founding_text[m.start:m.end] == m.text for m in founding_mentions)
    assert [m.id for m in founding_mentions] == [f"m{i}" for i in range(1, len(founding_mentions) + 1)]
    assert [m.start for m in founding_mentions] == sorted(m.start for m in founding_mentions)


def test_gazetteer_no_headline_word_is_a_place(founding_mentions: tuple[Mention, ...]) -> None:
    assert [m.text for m in founding_mentions if m.type == "PLACE" and m.start < 60] == []


def test_gazetteer_pokrovsk_in_donetsk_story_is_ukrainian(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    doc = blank_nlp("Russian troops pressed toward Pokrovsk in the Donetsk region, Ukrainian officials said.")
    m = by_text(find_mentions(doc, "a", gazetteer), "Pokrovsk")
    assert m.geo is not None and m.geo.country == "UKR"
    assert by_text(find_mentions(doc, "a", gazetteer), "Donetsk region").geo is not None


@pytest.mark.parametrize(
    ("name", "country"),
    [("Vuhledar", "UKR"), ("Velyka Novosilka", "UKR"), ("Chasiv Yar", "UKR"), ("Kurakhove", "UKR"),
     ("Kupiansk", "UKR"), ("Kharkiv", "UKR"), ("Kursk", "RUS"), ("Belgorod", "RUS"), ("Kiev", "UKR")],
)
def test_gazetteer_frontline_names_resolve(blank_nlp: Any, gazetteer: Gazetteer, name: str, country: str) -> None:
    doc = blank_nlp(f"Fighting continued near {name} on Monday, the Ukrainian military said.")
    m = by_text(find_mentions(doc, "a", gazetteer), name)
    assert m.type == "PLACE" and m.geo is not None and m.geo.country == country


def test_gazetteer_common_words_are_not_places(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    text = ("May brought new attacks. Most residents fled in March. Police said Of the 40 shells, "
            "Along the river Mark saw a Bar and Nice weather.")
    assert [m.text for m in find_mentions(blank_nlp(text), "a", gazetteer) if m.type == "PLACE"] == []


def test_gazetteer_sentence_initial_ordinary_word_is_not_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    # "Oral" and "Mobile" are cities (Kazakhstan, Alabama); the tagger reads these as adjectives
    doc = nlp("Oral accounts differ. Mobile networks were down. Kharkiv was shelled again.")
    places = [m.text for m in find_mentions(doc, "a", gazetteer) if m.type == "PLACE"]
    assert places == ["Kharkiv"]


def test_gazetteer_heritage_qualifier_is_not_a_second_nationality(nlp: Any, gazetteer: Gazetteer) -> None:
    doc = nlp("The established Chinese Americans helped newcomers. Israeli Palestinian talks resumed.")
    actors = [(m.text, m.code) for m in find_mentions(doc, "a", gazetteer) if m.type == "ACTOR"]
    assert actors == [("Israeli", "ISR"), ("Palestinian", "PSE")]


def test_gazetteer_city_named_as_the_capital_is_a_place(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    mentions = find_mentions(blank_nlp("Bombs exploded in the capital Kabul on Monday."), "a", gazetteer)
    kabul = by_text(mentions, "Kabul")
    assert kabul.type == "PLACE" and kabul.geo is not None and kabul.geo.country == "AFG"


def test_gazetteer_capital_after_preposition_is_a_place(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    mentions = find_mentions(blank_nlp("Drones struck Kyiv overnight. Talks were held in Moscow."), "a", gazetteer)
    assert by_text(mentions, "Kyiv").type == "ACTOR"
    moscow = by_text(mentions, "Moscow")
    assert moscow.type == "PLACE" and moscow.geo is not None and moscow.geo.country == "RUS"


def test_gazetteer_title_stays_outside_person(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    mentions = find_mentions(blank_nlp("Russian President Vladimir Putin spoke to President Zelenskyy."), "a",
                             gazetteer)
    assert [(m.text, m.code) for m in mentions] == [
        ("Russian", "RUS"), ("Vladimir Putin", "RUS-GOV"), ("Zelenskyy", "UKR-GOV")]


def test_gazetteer_acronyms_are_case_sensitive(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    mentions = find_mentions(blank_nlp("Tell us what the US and IS want from us."), "a", gazetteer)
    assert [(m.text, m.code) for m in mentions] == [("US", "USA"), ("IS", "IS")]


def test_gazetteer_lowercase_name_is_not_matched(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    assert find_mentions(blank_nlp("a patriot from odessa"), "a", gazetteer) == ()


def test_gazetteer_real_model_person_overridden(gazetteer: Gazetteer, spacy_sm: Any) -> None:
    doc = spacy_sm("Russia shelled Sumy and Odessa after ATACMS strikes.")
    types = {m.text: m.type for m in find_mentions(doc, "a", gazetteer)}
    assert types["Sumy"] == "PLACE" and types["Odessa"] == "PLACE"
    assert types["ATACMS"] == "WEAPON"


def test_gazetteer_unknown_person_from_ner(gazetteer: Gazetteer, spacy_sm: Any) -> None:
    doc = spacy_sm("Analyst Gregory Brew said the ship left Bandar Abbas.")
    mentions = find_mentions(doc, "a", gazetteer)
    person = by_text(mentions, "Gregory Brew")
    assert (person.type, person.code) == ("PERSON", None)
    assert by_text(mentions, "Bandar Abbas").geo is not None


def test_gazetteer_lookup_code_names(gazetteer: Gazetteer) -> None:
    assert lookup_code("RUS", gazetteer) == "Russia"
    assert lookup_code("RUS-MIL", gazetteer) == "Russian military"
    assert lookup_code("USA-GOV", gazetteer) == "U.S. government"
    assert lookup_code("NATO", gazetteer) == "North Atlantic Treaty Organization"
    assert lookup_code("XYZ", gazetteer) == "XYZ"


def test_gazetteer_load_is_cached() -> None:
    assert Gazetteer.load() is Gazetteer.load()


def test_gazetteer_sample_articles_spans_are_sound(
    sample_records: list[dict[str, Any]], gazetteer: Gazetteer, spacy_sm: Any
) -> None:
    nlp = spacy_sm
    for record in sample_records:
        text = record["text"]
        mentions = find_mentions(nlp(text), record["id"], gazetteer)
        assert mentions, record["id"]
        for m in mentions:
            assert text[m.start:m.end] == m.text and m.text in text, (record["id"], m)
        for a, b in itertools.pairwise(mentions):
            assert a.end <= b.start, (record["id"], a, b)


def test_gazetteer_sample_articles_no_common_word_places(
    sample_records: list[dict[str, Any]], gazetteer: Gazetteer, spacy_sm: Any
) -> None:
    nlp = spacy_sm
    words = {"May", "March", "Most", "Police", "Of", "Along", "Mark", "Bar", "Nice", "Rise", "Come"}
    for record in sample_records:
        mentions = find_mentions(nlp(record["text"]), record["id"], gazetteer)
        assert [m.text for m in mentions if m.text in words] == [], record["id"]


def test_gazetteer_surname_refers_to_full_name(gazetteer: Gazetteer, spacy_sm: Any) -> None:
    doc = spacy_sm("Analyst Gregory Brew spoke on Monday. Brew said the ship had left.")
    brew = [m for m in find_mentions(doc, "a", gazetteer) if m.text == "Brew"]
    assert brew and brew[0].canonical == "Gregory Brew"


def test_gazetteer_weapon_class_phrase(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    mentions = find_mentions(blank_nlp("Moscow threatened to use tactical nuclear weapons."), "a", gazetteer)
    m = by_text(mentions, "tactical nuclear weapons")
    assert (m.type, m.attr("class"), m.attr("nuclear_capable")) == ("WEAPON", "nuclear_weapon", "true")


def test_gazetteer_donetsk_in_body_without_title_is_ukrainian(
    blank_nlp: Any, founding_text: str, gazetteer: Gazetteer
) -> None:
    body = founding_text.partition("\n")[2]
    m = by_text(find_mentions(blank_nlp(body), "founding", gazetteer), "Donetsk")
    assert m.geo is not None and m.geo.country == "UKR"


def test_gazetteer_british_regions_and_their_namesakes(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    doc = blank_nlp("Storms hit Wales and Northern Ireland, then New South Wales and New England.")
    found = {m.text: m.geo.country for m in find_mentions(doc, "a", gazetteer) if m.geo is not None}
    assert found == {"Wales": "GBR", "Northern Ireland": "GBR", "New South Wales": "AUS", "New England": "USA"}


def test_gazetteer_heritage_plural_demonym_is_a_community(gazetteer: Gazetteer, spacy_sm: Any) -> None:
    doc = spacy_sm("Established Chinese Americans helped newcomers, and Iraqis voted.")
    codes = {m.text: m.code for m in find_mentions(doc, "a", gazetteer) if m.type == "ACTOR"}
    assert codes == {"Iraqis": "IRQ"}


def test_nlp_gazetteer_prefixed_name_is_no_place(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    # "anti-Balaka" names a militia, not Balaka in Malawi; a plain mention of the town still resolves
    mentions = find_mentions(blank_nlp("Anti-Balaka fighters and pro-Kremlin bloggers met."), "a", gazetteer)
    assert [m for m in mentions if m.type == "PLACE"] == []
    assert [m.code for m in mentions if m.text.lower() == "anti-balaka"] == ["CAF-REB-ABK"]


def test_nlp_gazetteer_alternate_name_province_needs_context(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    # GeoNames lists "Anbar" as an alternate name of Ambar (Turkey): the province is Iraq's governorate
    mentions = find_mentions(blank_nlp("Insurgents attacked a police post in Anbar province."), "a", gazetteer)
    assert [(m.canonical, m.geo.country if m.geo else None) for m in mentions if m.type == "PLACE"] == [
        ("Anbar Governorate", "IRQ")]


def test_nlp_gazetteer_dateline_spans_only_the_opening_dateline() -> None:
    from redline.nlp.places import dateline_spans

    assert dateline_spans("KYIV, Ukraine — Russian missiles hit Odesa.") == [(0, 16)]
    assert dateline_spans("WASHINGTON (AP) - The U.S. imposed sanctions.") == [(0, 18)]
    assert dateline_spans("NATO - the alliance met in Brussels.") == []
    assert dateline_spans("Troops left. KYIV, Ukraine — later.") == []


def test_gazetteer_a_country_named_in_the_sentence_tips_an_ambiguous_place(context: Any, gazetteer: Gazetteer) -> None:
    text = ("Protests erupt in Beirut, Lebanon.\n"
            "Libyan civil war: NATO planes destroy a storage facility on the outskirts of Tripoli.")
    m = by_text(find_mentions(context.parse(text), "a", gazetteer), "Tripoli")
    assert m.geo is not None and m.geo.country == "LBY"


def test_built_gives_a_gazetteer_this_process_built_without_building_another() -> None:
    from redline.nlp import gazetteer as gazetteer_module

    default = Gazetteer.load()
    before = list(gazetteer_module._BUILT)
    assert default in before and Gazetteer.built() is before[-1]
    assert gazetteer_module._BUILT == before  # nothing new was built


def test_gazetteer_a_region_named_after_a_river_is_not_the_state_of_that_name(
    gazetteer: Gazetteer, spacy_sm: Any
) -> None:
    found = find_mentions(spacy_sm("Gunmen seized two oil workers in the Niger Delta on Friday."), "t", gazetteer)
    delta = by_text(found, "Niger Delta")
    assert (delta.type, delta.code, delta.geo and delta.geo.country) == ("PLACE", None, "NGA")
    assert [m.code for m in find_mentions(spacy_sm("Niger closed its border."), "t", gazetteer)] == ["NER"]


def test_nlp_gazetteer_longer_army_name_beats_the_shorter_one(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    # "People's Liberation Army" is China's army; the Sudanese movement's names are longer or are acronyms
    doc = blank_nlp("The Sudan People's Liberation Army fought the SPLA-IO, and the SPLM-N held talks in Juba.")
    codes = {m.text: m.code for m in find_mentions(doc, "a", gazetteer) if m.type == "ACTOR"}
    assert codes == {"Sudan People's Liberation Army": "SSD-MIL", "SPLA-IO": "SSD-REB", "SPLM-N": "SDN-REB"}


def test_gazetteer_name_with_a_lower_case_word_is_no_place(blank_nlp: Any, gazetteer: Gazetteer) -> None:
    # GeoNames gives Oakville the other name "The City", and The Bottom is a town of Saba
    text = "The city was shelled overnight. Divers searched The bottom of the lake. Insurgents held Anbar province."
    places = [(m.text, m.geo.country if m.geo else None)
              for m in find_mentions(blank_nlp(text), "a", gazetteer) if m.type == "PLACE"]
    assert places == [("Anbar province", "IRQ")]


def test_gazetteer_another_country_s_congress_is_not_the_us_congress(nlp: Any, gazetteer: Gazetteer) -> None:
    doc = nlp("Protesters stormed the National Congress in Brasilia. Peru's Congress voted to remove Castillo. "
              "The Colombian Congress approved the budget. Congress must approve aid to Israel.")
    actors = [(m.text, m.code) for m in find_mentions(doc, "a", gazetteer) if m.type == "ACTOR" and m.code]
    assert actors == [("Peru's Congress", "PER-GOV"), ("Colombian Congress", "COL-GOV"), ("Congress", "USA-GOV"),
                      ("Israel", "ISR")]
