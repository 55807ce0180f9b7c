"""Office holders from the hand rows and the Phoenix dictionaries: date-bounded terms, folded accents, surnames."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess.rhetoric import find_threats
from redline.ingest import normalize
from redline.models import Mention, RawDocument
from redline.nlp.gazetteer import Gazetteer, find_mentions
from redline.nlp.officials import Official, fold, name_index, name_matches, term_at
from redline.nlp.places import read_data

Persons = Callable[[str, str | None], dict[str, Mention]]  # a sentence and its day -> the persons found in it


@pytest.fixture
def persons(spacy_sm: Any, gazetteer: Gazetteer) -> Persons:
    def found(text: str, published: str | None) -> dict[str, Mention]:
        mentions = find_mentions(spacy_sm(text), "t", gazetteer, published)
        return {m.text: m for m in mentions if m.type == "PERSON"}

    return found



def test_fold_takes_accents_off() -> None:
    assert fold("Gusmão") == "Gusmao"
    assert fold("Çavuşoğlu") == "Cavusoglu"
    assert fold("Putin") == "Putin"


TERMS = (
    Official("A B", "GRC", "elite", "", "GRC", "1980-01-01", "2009-10-05", listed=True),
    Official("A B", "GRC-GOV", "government", "", "GRC", "2009-10-06", "2011-11-11", listed=True),
    Official("A B", "EU", "official of EU", "", "", "2003-01-01", "2003-06-30", listed=True),
)


def test_the_term_that_covers_the_date_wins() -> None:
    assert term_at(TERMS, "2010-05-01").code == "GRC-GOV"
    assert term_at(TERMS, "2003-03-01").code == "EU"  # covered twice: the later-starting term
    assert term_at(TERMS, "1995-01-01").code == "GRC"


def test_outside_every_term_the_person_still_gives_the_country() -> None:
    former = term_at(TERMS, "2019-01-01")
    assert (former.code, former.role) == ("GRC", "former government")
    assert term_at(TERMS[1:2], "1990-01-01").code == "GRC"


def test_a_dictionary_term_left_open_runs_only_to_the_dictionarys_revision() -> None:
    open_term = (Official("C D", "KEN-GOV", "government", "", "KEN", "2008-04-17", "", listed=True),)
    assert term_at(open_term, "2011-06-01").code == "KEN-GOV"
    assert (term_at(open_term, "2024-01-01").code, term_at(open_term, "2024-01-01").role) == (
        "KEN", "former government")
    hand = (Official("E F", "KEN-GOV", "President", "", "KEN", "2008-04-17", ""),)
    assert term_at(hand, "2024-01-01").code == "KEN-GOV"  # a hand row's open term runs on


def test_an_undated_text_gets_the_latest_term() -> None:
    assert term_at(TERMS, None).code == "GRC-GOV"


def test_a_partial_date_bounds_the_whole_month_or_year() -> None:
    t = (Official("X", "PSE-REB-HAM", "head", "", "PSE", "1996", "2017-05"),)
    assert term_at(t, "1996-01-01").code == "PSE-REB-HAM"
    assert term_at(t, "2017-05-20").code == "PSE-REB-HAM"
    assert term_at(t, "2017-06-01").code == "PSE"


def test_a_greek_prime_minister_of_2010_is_the_greek_government(persons: Persons) -> None:
    found = persons("Prime Minister George Papandreou told parliament the cuts would go ahead.", "2010-05-06")
    assert found["George Papandreou"].code == "GRC-GOV"
    later = persons("George Papandreou lectured at a university in Boston.", "2016-02-01")
    assert later["George Papandreou"].code == "GRC"


def test_a_name_with_accents_matches_the_dictionary_name_without(persons: Persons) -> None:
    found = persons("Xanana Gusmão said the army would be reformed.", "2008-03-01")
    assert found["Xanana Gusmão"].code == "TLS-GOV"


def test_the_surname_after_the_full_name_is_the_same_person(persons: Persons) -> None:
    found = persons("Lucas Papademos met bankers on Monday. On Tuesday Papademos said the deal was close.",
                    "2012-01-10")
    assert found["Papademos"].code == "GRC-GOV"


def test_a_surname_alone_is_not_matched_when_it_is_ambiguous(gazetteer: Gazetteer, persons: Persons) -> None:
    # several listed persons are called Papandreou: the surname alone names none of them
    assert "Papandreou" not in gazetteer.officials
    found = persons("On Tuesday Papandreou said the deal was close.", "2010-05-06")
    assert found.get("Papandreou") is None or found["Papandreou"].code is None


def test_a_surname_that_is_also_a_place_is_not_matched_alone(gazetteer: Gazetteer) -> None:
    assert gazetteer.places.lookup("Morsi")  # a town in India
    assert "Morsi" not in gazetteer.officials


def test_a_unique_listed_surname_matches_alone_but_not_at_a_sentence_start(
    gazetteer: Gazetteer, persons: Persons
) -> None:
    assert gazetteer.officials["Tantawi"].listed
    found = persons("Protesters in Cairo chanted against Tantawi on Friday.", "2011-11-20")
    assert found["Tantawi"].code == "EGY-GOV"


def test_the_hand_rows_win_over_the_dictionaries(gazetteer: Gazetteer) -> None:
    hand = {a for r in read_data("officials.csv") for a in r["aliases"].split("|")}
    assert "Vladimir Putin" in hand
    assert not gazetteer.officials["Vladimir Putin"].listed
    listed = [r for r in read_data("officials_phoenix.csv") if r["name"] in hand]
    assert not listed


def test_an_unknown_name_is_no_official(persons: Persons) -> None:
    found = persons("Jonathan Quirkleby said the bridge would reopen.", "2010-01-01")
    assert all(m.attr("source") == "ner" for m in found.values())


def test_a_threat_by_a_greek_prime_minister_of_2010_has_issuer_greece(context: Any) -> None:
    text = ("Prime Minister George Papandreou warned that Greece would veto the deal if Turkey kept violating its "
            "airspace.")
    article = normalize(RawDocument(origin="test", text=text, published="2010-06-01"), context.settings)
    threats = find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))
    assert threats and threats[0].actor == "GRC"


def test_every_phoenix_row_cites_its_dictionary_and_has_parsable_terms() -> None:
    rows = read_data("officials_phoenix.csv")
    assert len(rows) > 10_000
    for r in rows[::50]:
        assert r["source"] in ("Phoenix Countries", "Phoenix International")
        for term in r["terms"].split():
            code, start, end = term.split(":")
            assert code and (not start or not end or start <= end)


def test_an_apposition_naming_another_actor_beats_the_dictionary(persons: Persons) -> None:
    # the 2014 dictionary knows Rasmussen as Denmark's prime minister only, not as NATO's secretary general
    found = persons("Anders Fogh Rasmussen, the NATO secretary general, urged allies to spend more.", "2012-03-01")
    assert found["Anders Fogh Rasmussen"].code is None
    same = persons("Anders Fogh Rasmussen, the Danish prime minister, urged voters to back the treaty.", "2005-03-01")
    assert same["Anders Fogh Rasmussen"].code == "DNK-GOV"


def test_name_matches_finds_every_alias_span_and_stops_where_no_alias_goes_on() -> None:
    import spacy

    index = name_index(["Ana María", "Ana Maria López Garcia", "Jean-Claude Juncker", "the Pope"])
    text = "Ana Maria López Garcia met Ana Maria Perez and Jean-Claude Juncker; the Popes and the Pope."
    doc = spacy.blank("en")(text)
    found = [(alias, doc[start:end].text) for alias, start, end in name_matches(doc, index)]
    assert found == [("Ana María", "Ana Maria"), ("Ana Maria López Garcia", "Ana Maria López Garcia"),
                     ("Ana María", "Ana Maria"), ("Jean-Claude Juncker", "Jean-Claude Juncker"),
                     ("the Pope", "the Pope")]


# Office holders of 2016-2024 (hand rows chosen by how often the news names them: tools/official_candidates.py)


def test_a_prime_minister_in_office_is_the_government_and_after_it_the_country(persons: Persons) -> None:
    found = persons("Prime Minister Jacinda Ardern announced a ban on semi-automatic rifles.", "2019-03-21")
    assert found["Jacinda Ardern"].code == "NZL-GOV"
    later = persons("Jacinda Ardern gave a lecture on leadership at Harvard.", "2023-05-25")
    assert (later["Jacinda Ardern"].code, later["Jacinda Ardern"].attr("role")) == (
        "NZL", "former Prime Minister of New Zealand")


def test_a_president_after_2015_runs_past_the_dictionarys_revision(persons: Persons) -> None:
    # the dictionaries leave Maduro's term open in 2014, which ends at their revision; the hand row runs on
    found = persons("Nicolás Maduro ordered troops to the border with Colombia.", "2019-02-23")
    assert found["Nicolás Maduro"].code == "VEN-GOV"
    alone = persons("On Saturday Maduro closed the border with Brazil.", "2024-08-01")
    assert alone["Maduro"].code == "VEN-GOV"


def test_one_person_with_two_offices_is_coded_by_the_office_of_the_day(persons: Persons) -> None:
    duma = persons("Sergei Naryshkin opened the session of the lower house.", "2014-02-10")
    assert duma["Sergei Naryshkin"].code == "RUS-LEG"
    spy = persons("Sergei Naryshkin accused Western agencies of plotting unrest.", "2021-04-01")
    assert spy["Sergei Naryshkin"].code == "RUS-SPY"
    before = persons("Dmitry Medvedev signed the decree on Monday.", "2010-06-01")
    assert before["Dmitry Medvedev"].attr("role") == "President of Russia"
    minister = persons("Liz Truss summoned the Russian ambassador.", "2022-01-20")
    assert minister["Liz Truss"].attr("role") == "Foreign Secretary"
    premier = persons("Liz Truss resigned after six weeks.", "2022-10-20")
    assert (premier["Liz Truss"].code, premier["Liz Truss"].attr("role")) == ("GBR-GOV", "Prime Minister")


def test_an_armed_group_leader_codes_to_the_group(persons: Persons) -> None:
    houthi = persons("Abdul-Malik al-Houthi vowed to keep attacking ships bound for Israel.", "2024-01-11")
    assert houthi["Abdul-Malik al-Houthi"].code == "YEM-REB-HOU"
    isis = persons("Abu Bakr al-Baghdadi urged his followers to fight on.", "2016-11-03")
    assert isis["Abu Bakr al-Baghdadi"].code == "IS"
    # the same man led an armed group, then the state: the day decides which
    hts = persons("Abu Mohammad al-Julani told fighters to hold the line near Idlib.", "2020-03-01")
    assert hts["Abu Mohammad al-Julani"].code == "HTS"
    state = persons("Ahmed al-Sharaa received the Saudi foreign minister in Damascus.", "2025-03-01")
    assert state["Ahmed al-Sharaa"].code == "SYR-GOV"


def test_a_leader_who_died_in_office_gives_the_country_after_death(persons: Persons) -> None:
    found = persons("Qasem Soleimani travelled to Baghdad.", "2019-12-30")
    assert found["Qasem Soleimani"].code == "IRN-MIL"
    after = persons("Crowds marked the anniversary of the death of Qasem Soleimani.", "2021-01-03")
    assert after["Qasem Soleimani"].code == "IRN"


def test_an_opposition_leader_is_the_opposition_until_his_death(persons: Persons) -> None:
    found = persons("Alexei Navalny called on his supporters to protest on Saturday.", "2021-01-20")
    assert found["Alexei Navalny"].code == "RUS-OPP"
    after = persons("A court upheld a ruling on the memoirs of Alexei Navalny.", "2024-10-22")
    assert after["Alexei Navalny"].code == "RUS"


def test_a_threat_by_a_commander_after_2015_has_his_country_as_issuer(context: Any) -> None:
    # the sentence names no country: the issuer comes from the person alone (a threat's issuer is a country)
    text = "Khalifa Haftar warned that his forces would storm the capital if the militias did not leave it."
    article = normalize(RawDocument(origin="test", text=text, published="2019-04-05"), context.settings)
    threats = find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))
    assert threats and (threats[0].actor, threats[0].speaker) == ("LBY", "Khalifa Haftar")


def test_every_hand_row_is_well_formed_and_no_alias_names_two_persons() -> None:
    rows = read_data("officials.csv")
    owner: dict[str, str] = {}
    for r in rows:
        assert r["source"].startswith("Wikipedia: ")
        assert not r["end"] or r["start"] <= r["end"], r["name"]
        assert r["name"] in r["aliases"].split("|")
        for alias in r["aliases"].split("|"):
            assert owner.setdefault(fold(alias).lower(), r["name"]) == r["name"], alias
    assert len({r["name"] for r in rows}) > 400
