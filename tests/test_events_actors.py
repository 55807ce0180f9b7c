"""Actors of events through the real pipeline: armed groups, unnamed perpetrators, datelines."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current
from redline.events.actors import rebels


def _coded(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, "2024-11-20", context, "test"))]


def test_events_armed_group_carries_its_home_country_and_insurgent_sector(context: Any) -> None:
    # CAMEO codes al-Shabab as Somali insurgents (SOMREB): not the Somali state, not dropped
    assert _coded("Al-Shabab militants attacked a military base in Somalia.", context) == [
        ("ASSAULT", "SOM-REB-SHB", "SOM")]


def test_events_taliban_are_afghan_insurgents_not_a_countryless_group(context: Any) -> None:
    # the annotation guide and CAMEO give the Taliban their home country (AFG + rebel sector)
    assert _coded("Taliban fighters attacked a police checkpoint in Helmand province.", context) == [
        ("ASSAULT", "AFG-REB-TAL", "AFG")]


def test_events_insurgent_agent_is_coded_as_insurgents_of_its_setting(context: Any) -> None:
    assert _coded("Insurgents attacked a police station in Anbar province.", context) == [
        ("ASSAULT", "IRQ-REB", "IRQ")]


def test_events_unidentified_attackers_give_no_source(context: Any) -> None:
    assert _coded("Gunmen attacked a checkpoint in Mali on Sunday.", context) == [("ASSAULT", None, "MLI")]
    assert _coded("A suicide bomber blew up a car outside a hotel in Mogadishu, killing nine people.", context) == [
        ("ASSAULT", None, "SOM")]


def test_events_unnamed_militants_are_insurgents_of_the_country_they_act_in(context: Any) -> None:
    assert _coded("Militants stormed a police station in northern Burkina Faso, killing ten officers.", context) == [
        ("ASSAULT", "BFA-REB", "BFA")]
    assert _coded("Four soldiers were killed in central Mali by suspected Islamist militants.", context) == [
        ("ASSAULT", "MLI-REB", "MLI")]
    assert _coded("A militant group attacked an army post in northern Burkina Faso.", context) == [
        ("ASSAULT", "BFA-REB", "BFA")]


def test_events_dateline_city_is_neither_actor_nor_place(context: Any) -> None:
    events = current(code_sentence("KYIV, Ukraine — Russian missiles struck the city of Odesa on Monday.",
                                   "2024-11-20", context, "test"))
    assert [(e.type, e.source, e.location) for e in events] == [("ASSAULT", None, "Odesa")]


def test_events_rebel_codes_are_recognised_by_their_sector() -> None:
    assert rebels("SOM-REB-SHB") and rebels("IRQ-REB")
    assert not rebels("SOM") and not rebels("RUS-MIL") and not rebels(None) and not rebels("IS")


def test_events_passive_by_phrase_codes_only_an_armed_agent(context: Any) -> None:
    text = "The reserve will be jointly managed by the government and local communities, with help from Australia."
    assert _coded(text, context) == []


def test_events_transnational_network_is_coded_by_the_country_it_acts_in(context: Any) -> None:
    # IS and al-Qaeda have no home country: their fighters are the insurgents of the country of the act
    assert _coded("French jets bombed Islamic State positions near Mosul in northern Iraq.", context) == [
        ("ASSAULT", "FRA-MIL", "IRQ-REB")]
    assert _coded("Islamic State fighters attacked an army base in eastern Syria on Sunday.", context) == [
        ("ASSAULT", "SYR-REB", "SYR")]
    # no place, or places in two countries: the network keeps its own code
    assert _coded("Jordan condemned the Islamic State.", context) == [("ACCUSE", "JOR", "IS")]




def test_events_unnamed_agent_of_a_follow_up_sentence_acts_where_the_one_before_is_set(context: Any) -> None:
    # the follow-up names no country: its police are those of the place the sentence before it names
    text = "Gunmen attacked a school in Yala province, Thailand. Two of the gunmen were later shot dead by police."
    assert _coded(text, context) == [("ASSAULT", None, "THA"), ("ASSAULT", "THA-GOV", "THA")]
    # a sentence that names a country of its own is not read against the one before
    text = "Gunmen attacked a school in Yala province, Thailand. In Malaysia, police arrested two men."
    assert ("COERCE", "MYS-GOV", "MYS") in _coded(text, context)
    # a new paragraph starts afresh: its agent has no setting, so no source
    text = "Gunmen attacked a school in Yala province, Thailand.\n\nTwo of the gunmen were later shot dead by police."
    assert _coded(text, context) == [("ASSAULT", None, "THA")]
