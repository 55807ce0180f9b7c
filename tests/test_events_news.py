"""The event coder on news-register sentences (issue 10): what is a current political event, and whose."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current


def _current(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, "2024-01-01", context, "test"))]


def test_events_news_bombings_and_mines_are_no_accidents(context: Any) -> None:
    assert _current("A bomb explosion killed five people at a market in Kabul.", context) == [
        ("ASSAULT", None, "AFG")]
    # the text names no perpetrator, so the attack has none (issue 10; PLOVER's gold codes the scene's country)
    assert _current("A landmine explosion near Samarra killed two Iraqi youths.", context) == [
        ("ASSAULT", None, "IRQ")]


def test_events_news_accidents_and_matches_are_no_events(context: Any) -> None:
    assert _current("Two people are killed after a car hit a group of people in Leeds, United Kingdom.", context) == []
    assert _current("A police officer accidentally shot a colleague at a checkpoint in Karachi, Pakistan.",
                    context) == []
    assert _current("Brazil beat Germany by a score of 2-0 in the final of the World Cup.", context) == []


def test_events_news_repelling_an_attack_is_no_assault_by_the_defender(context: Any) -> None:
    events = code_sentence("Malian troops repelled an attack by jihadists on their base near Gao.", "2024-01-01",
                           context, "test")
    assert [e for e in current(events) if e.type == "ASSAULT" and e.source and e.source.startswith("MLI")] == []


def test_events_news_a_digest_source_tag_does_not_run_into_the_next_line(context: Any) -> None:
    text = ("Rebels attack a village in Ituri, killing 12. (Reuters)\n"
            "The United Nations Security Council approves a resolution demanding a ceasefire in Syria. (BBC)")
    assert ("REQUEST", "UNSC", "SYR") in _current(text, context)


def test_events_news_a_line_ending_in_a_colon_runs_on(context: Any) -> None:
    doc = context.parse("The statement said:\n\u201cRussia will not attack Ukraine.\u201d\nPutin left Minsk.")
    assert [s.text.strip()[:18] for s in doc.sents] == ["The statement said", "Putin left Minsk."]


def test_events_news_unnamed_attackers_hit_the_country_of_the_place(context: Any) -> None:
    # an attack whose perpetrator the text does not name has no source; the place names the target
    assert _current("A gunman shot dead a policeman in Cairo.", context) == [("ASSAULT", None, "EGY")]
    assert _current("A car bomb exploded outside a hotel in Mogadishu.", context) == [("ASSAULT", None, "SOM")]
    assert _current("A bomb goes off in a market in Moscow, killing 10.", context) == [("ASSAULT", None, "RUS")]
    assert _current("Five people are killed in an ambush in Kocevje, Slovenia.", context) == [
        ("ASSAULT", None, "SVN")]


def test_events_news_a_state_in_a_locative_phrase_is_the_target(context: Any) -> None:
    assert _current("The Houthis say that they attacked a target in Saudi Arabia's capital using drones.",
                    context) == [("ASSAULT", "YEM-REB-HOU", "SAU")]


def test_events_news_a_passive_verb_does_not_inherit_its_victim_as_agent(context: Any) -> None:
    assert _current("Russian troops entered the village and were ambushed near Kupiansk.", context) == [
        ("ASSAULT", None, "RUS-MIL")]


def test_events_news_a_hedged_future_is_no_act(context: Any) -> None:
    events = code_sentence("The Italian prime minister says he will likely withdraw his nominee from the European "
                           "Commission.", "2024-01-01", context, "test")
    assert [e.type for e in current(events) if e.type == "CONCEDE"] == []


def test_events_news_a_present_relative_clause_describes(context: Any) -> None:
    assert _current("She backed ventures with U.S. companies that benefit both our nations.", context) == []


def test_events_news_an_unnamed_killing_takes_the_perpetrator_its_cause_names(context: Any) -> None:
    assert _current("At least 12 Palestinians are killed in Israeli airstrikes across the Gaza Strip.", context) == [
        ("ASSAULT", "ISR", "PSE")]
    assert _current("At least 30 people were killed after militants stormed an army base in Inates, Niger.",
                    context) == [("ASSAULT", "NER-REB", "NER")]


def test_events_news_the_place_of_a_device_or_an_armed_agent_is_no_perpetrator(context: Any) -> None:
    assert _current("Bombs targeting two mosques in Baghdad, Iraq, kill seven people.", context) == [
        ("ASSAULT", None, "IRQ")]
    assert _current("Four teachers were shot dead by suspected militants in a school in Pattani, Thailand.",
                    context) == [("ASSAULT", "THA-REB", "THA")]


def test_events_news_a_located_demonym_places_the_act(context: Any) -> None:
    assert _current("In response to an attack on Tel Aviv, Israeli jets hit a refinery in the Yemeni port of "
                    "Hudaydah.", context) == [("ASSAULT", "ISR-MIL", "YEM")]


def test_events_news_reaching_a_truce_with_someone_is_agreed_both_ways(context: Any) -> None:
    assert _current("Hezbollah says it has reached a truce with the Israeli military.", context) == [
        ("AGREE", "LBN-REB-HEZ", "ISR-MIL"), ("AGREE", "ISR-MIL", "LBN-REB-HEZ")]


def test_events_news_armed_groups_carry_their_home_country(context: Any) -> None:
    assert _current("The Abu Sayyaf group threatens to behead a Norwegian hostage.", context) == [
        ("THREATEN", "PHL-REB-ASG", "NOR")]
    assert _current("Allied Democratic Forces militants raid a farming village near Beni, Democratic Republic of "
                    "the Congo.", context) == [("ASSAULT", "UGA-REB-ADF", "COD")]


def test_events_news_a_headline_verb_read_as_a_noun_is_coded(context: Any) -> None:
    assert _current("Protesters in Mandalay stage a record number of demonstrations against the military junta.",
                    context) == [("PROTEST", "MMR", "MMR")]


def test_events_news_an_event_noun_that_happens_in_a_place(context: Any) -> None:
    assert _current("Protests erupted in Tehran on Friday.", context) == [("PROTEST", "IRN", "IRN")]
    assert _current("A general strike starts in Guinea.", context) == [("PROTEST", "GIN", "GIN")]
    assert _current("A strike hit the port of Odesa overnight.", context) == [("ASSAULT", None, "UKR")]


def test_events_news_a_noun_event_of_several_owners_is_one_per_owner(context: Any) -> None:
    assert _current("The demands from Saudi Arabia, Bahrain and Egypt towards Qatar expire on Monday.", context) == [
        ("REQUEST", "SAU", "QAT"), ("REQUEST", "BHR", "QAT"), ("REQUEST", "EGY", "QAT")]


def test_events_news_a_border_with_a_country_is_not_in_it(context: Any) -> None:
    assert _current("Syrian uprising: troops storm a town near the border with Lebanon.", context) == [
        ("ASSAULT", "SYR-MIL", "SYR")]


def test_events_news_crowds_clash_sides_and_devices(context: Any) -> None:
    assert _current("Thousands protest in Tbilisi against the foreign agents law.", context) == [
        ("PROTEST", "GEO", "GEO")]
    assert _current("Two Israeli soldiers are killed in clashes with Hezbollah fighters in southern Lebanon.",
                    context) == [("ASSAULT", "LBN-REB-HEZ", "ISR-MIL")]
    assert _current("Eight police officers are killed by a roadside bomb in Balochistan, Pakistan.", context) == [
        ("ASSAULT", None, "PAK")]


def test_events_news_adopting_a_text_is_the_text_s_act(context: Any) -> None:
    assert _current("The United Nations Security Council approves a resolution demanding a ceasefire in Sudan.",
                    context) == [("REQUEST", "UNSC", "SDN")]


def test_events_news_rallying_someone_is_no_demonstration(context: Any) -> None:
    assert _current("The United States has rallied the world to stand with the people of Ukraine.", context) == []
    assert _current("Thousands rallied in Belgrade to demand the resignation of the government.", context) == [
        ("PROTEST", "SRB", "SRB")]


def test_events_news_a_year_naming_something_else_does_not_date_the_act(context: Any) -> None:
    """A year that names a noun ("the 2003 bombings", "the Act of 2012") or sits in a clause describing a noun
    ("who was sentenced in 2010") does not date today's act; a date of the act's own clause or of the report
    still does."""
    def dates(text: str, published: str) -> list[str | None]:
        return [e.date for e in current(code_sentence(text, published, context, "test"))]

    assert dates("A court in Riyadh sentenced five men to death for their roles in the 2003 bombings.",
                 "2014-06-01") == ["2014-06-01"]
    assert dates("A Chinese court jails a man who applied to protest on the anniversary of the 1989 protests.",
                 "2014-06-01") == ["2014-06-01"]
    # (a court's ruling on an ordinary criminal is no event since events/crime.py: a release stands in for it)
    assert dates("Iran releases a French journalist who was arrested in 2010.", "2014-06-01") == ["2014-06-01"]
    assert dates("Russian forces attacked Kharkiv on Tuesday, officials said.", "2024-11-21") == ["2024-11-19"]
    assert dates("Tuesday's attack on Kharkiv killed five people, officials said on Thursday.",
                 "2024-11-22") == ["2024-11-19"]
