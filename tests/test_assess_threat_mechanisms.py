"""The threat mechanisms added for issue #11: set phrases, deadlines, lowered thresholds, noun warnings with their
condition, responses to "any X"; each with sentences written for these tests (not from the threat set)."""

from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess.rhetoric import GOVERNMENT_HOSTS, find_threats
from redline.eval.threats import usable_clause
from redline.ingest import normalize
from redline.models import RawDocument, Threat


def _threats(text: str, context: Any, url: str | None = None) -> tuple[Threat, ...]:
    article = normalize(RawDocument(origin="test", text=text, url=url, published="2024-06-01"), context.settings)
    return find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))


def _one(text: str, context: Any, url: str | None = None) -> Threat:
    [threat] = _threats(text, context, url)
    return threat


@pytest.mark.parametrize(("text", "actor"), [
    ("Beijing warned that those who play with fire will get burned.", "CHN"),
    ("The Turkish government said the militants would pay dearly for the bombing.", "TUR"),
    ("A Kremlin spokesman said the organisers of the raid will pay a heavy price.", "RUS"),
    ("Iran's foreign ministry said the assassination will not go unanswered.", "IRN"),
    ("Tehran's envoy said the perpetrators would regret their decision.", "IRN"),
])
def test_set_phrases_of_threat_are_threats_of_the_speaker(text: str, actor: str, context: Any) -> None:
    t = _one(text, context)
    assert (t.actor, t.status) == (actor, "current")
    assert usable_clause(t.response, context.nlp)


def test_a_self_phrase_takes_its_state_from_its_subject_when_the_speaker_names_none(context: Any) -> None:
    t = _one("The minister said Pyongyang will not sit idly by while the drills go on.", context)
    assert t.actor == "PRK"


@pytest.mark.parametrize("text", [
    "The Turkish president said the country will pay a heavy price for the drought.",  # a fear, not a threat
    "Analysts said the farmers paid dearly for the floods last year.",  # past, no commitment
    "The ministry said it will sit and wait for the report.",  # no idiom
    "Russia's ambassador said Moscow did not sit idly by in 2014.",  # past
])
def test_set_phrases_without_a_commitment_by_the_speaker_are_not_threats(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


def test_a_time_limit_on_a_demand_is_an_ultimatum_whose_trigger_is_the_demand_unmet(context: Any) -> None:
    t = _one("The Sudanese army gave the paramilitaries 72 hours to leave the capital or face an assault.", context)
    assert (t.actor, t.form) == ("SDN", "ultimatum")
    assert t.trigger == "the paramilitaries do not leave the capital within 72 hours"
    assert t.response == "the paramilitaries will face an assault"
    t = _one("The Houthis set a deadline for foreign warships to leave the Red Sea.", context)
    assert t.form == "ultimatum" and t.trigger == "foreign warships do not leave the Red Sea"


def test_an_ultimatum_cited_as_context_is_not_one(context: Any) -> None:
    assert _threats("Armenia kept its troops in the area despite being given a week by Baku to leave.",
                    context) == ()


def test_lowering_the_threshold_for_nuclear_use_is_a_doctrine_threat(context: Any) -> None:
    t = _one("Putin signed a decree lowering the threshold for the use of nuclear weapons.", context)
    assert (t.actor, t.form) == ("RUS", "doctrine")
    assert t.response == "the decree lowers the threshold for the use of nuclear weapons"
    t = _one("Russia's revised doctrine lowers the threshold for a nuclear strike.", context)
    assert (t.actor, t.form) == ("RUS", "doctrine")
    assert _threats("The central bank lowered the threshold for mortgage loans.", context) == ()


def test_a_warning_noun_takes_the_condition_of_its_verb(context: Any) -> None:
    t = _one("The Russian foreign ministry issued a warning of a swift response if Finland hosts the weapons.",
             context)
    assert (t.actor, t.form) == ("RUS", "conditional")
    assert t.trigger == "Finland hosts the weapons"


def test_a_response_to_any_act_is_conditional_on_that_act(context: Any) -> None:
    t = _one("Iran's army chief vowed a crushing response to any attack on its nuclear sites.", context)
    assert (t.actor, t.form) == ("IRN", "conditional")
    assert t.trigger.startswith("anyone attacks its nuclear sites")
    assert "to any" not in t.response
    t = _one("Chinese Foreign Ministry spokesperson Lin Jian said Beijing will take resolute countermeasures.",
             context)
    assert t.actor == "CHN"


def test_government_hosts_come_from_the_data_file() -> None:
    assert GOVERNMENT_HOSTS["kremlin.ru"] == "RUS" and GOVERNMENT_HOSTS["whitehouse.gov"] == "USA"
    assert all(len(code) == 3 and code.isupper() for code in GOVERNMENT_HOSTS.values())


def test_a_title_before_a_name_does_not_make_another_speaker() -> None:
    from redline.eval.threats import same_speaker

    assert same_speaker("President Putin", "Vladimir Putin") and same_speaker("Senator Graham", "Lindsey Graham")
    assert same_speaker("the President", "The President")
    assert not same_speaker("the President", "Joe Biden") and not same_speaker("President Putin", "Joe Biden")
    assert same_speaker("Andrés Manuel López Obrador", "Andres Manuel Lopez Obrador")


def test_an_unnamed_office_speaks_for_the_state_its_clause_commits(context: Any) -> None:
    t = _one("Egypt will respond to any violation of its waters, the foreign ministry spokesman said.", context)
    assert (t.actor, t.form) == ("EGY", "conditional") and t.trigger == "anyone violates its waters"
    assert _threats("Israel will strike again, an analyst said.", context) == ()


def test_a_future_passes_to_the_act_an_obligation_governs(context: Any) -> None:
    t = _one("Serbia will be forced to take countermeasures if Kosovo sends police to the north, Vucic said.",
             context)
    assert t.form == "conditional" and t.trigger == "Kosovo sends police to the north"
    assert t.response == "Serbia will take countermeasures"


def test_a_response_received_by_any_aggressor_is_a_threat(context: Any) -> None:
    t = _one("The Venezuelan defence minister said any invasion would receive a devastating response.", context)
    assert t.actor == "VEN"


def test_time_until_a_date_to_meet_a_demand_is_an_ultimatum(context: Any) -> None:
    t = _one("The junta gave the French ambassador until Friday to leave the country.", context)
    assert t.form == "ultimatum" and t.trigger == "the French ambassador does not leave the country by Friday"
    t = _one("The rebels have until Monday to hand over the town, Aliyev said, or the army will move in.", context)
    assert (t.actor, t.form) == ("AZE", "ultimatum")
    assert t.trigger == "The rebels do not hand over the town by Monday" and t.response == "the army will move in"


def test_a_threat_in_a_relative_clause_is_its_antecedents_and_cited_when_past(context: Any) -> None:
    t = _one("The kidnappers, who threatened to kill the engineers unless a ransom was paid, have freed them.",
             context)
    assert t.form == "ultimatum" and t.status == "background" and t.response.startswith("The kidnappers will kill")


def test_a_resolution_threatening_sanctions_is_a_threat_of_who_passes_it(context: Any) -> None:
    t = _one("The European Union adopts a resolution threatening sanctions if the junta does not free the "
             "president.", context)
    assert (t.actor, t.form) == ("EU", "conditional") and t.trigger == "the junta does not free the president"


def test_reserving_the_right_to_respond_is_a_commitment(context: Any) -> None:
    t = _one("Pakistan said it reserves the right to respond if India strikes again.", context)
    assert (t.actor, t.form) == ("PAK", "conditional") and t.trigger == "India strikes again"
    assert _threats("The court said citizens have the right to appeal the ruling.", context) == ()


def test_a_warning_of_a_penalty_for_those_who_act(context: Any) -> None:
    t = _one("Turkish prosecutors warned that journalists covering the protests could be arrested.", context)
    assert (t.actor, t.form) == ("TUR", "conditional")
    assert t.trigger == "journalists cover the protests"


def test_a_warning_that_an_act_would_be_catastrophic(context: Any) -> None:
    t = _one("The Chinese defence ministry warned that an invasion of the islands would be catastrophic.", context)
    assert (t.actor, t.form) == ("CHN", "conditional") and t.trigger == "anyone invades the islands"
    assert _threats("The ministry warned that the drought would be catastrophic for farmers.", context) == ()


def test_a_threat_answering_an_act_takes_it_as_trigger(context: Any) -> None:
    t = _one("Iran threatens to close the strait in response to the seizure of its tanker.", context)
    assert t.form == "conditional" and t.trigger == "anyone seizes its tanker"
    assert t.response == "Iran will close the strait"


def test_threats_cited_as_context_without_an_issuer(context: Any) -> None:
    t = _one("The navy held the exercise despite threats of retaliation.", context)
    assert (t.actor, t.status) == (None, "background")


def test_a_pronoun_subject_of_a_trigger_takes_the_actor_it_stands_for(context: Any) -> None:
    t = _one("The Iraqi foreign minister demanded the withdrawal of all Turkish troops and warned that Iraq will "
             "respond if they stay.", context)
    assert (t.actor, t.trigger) == ("IRQ", "all Turkish troops stay")


def test_threatening_an_actor_without_a_named_act(context: Any) -> None:
    t = _one("Gang leaders threatened journalists covering the trial.", context)
    assert t.actor is None and t.response == ""
    t = _one("Russia threatens Moldova over the transit ban.", context)
    assert t.actor == "RUS"
    assert _threats("The drought threatens the existence of farms in Iraq.", context) == ()
    assert _threats("The rebels' advance threatens the security of Iraq.", context) == ()


def test_force_is_not_one_states_privilege(context: Any) -> None:
    t = _one("Iran's foreign ministry said the use of missiles is not the privilege of Israel alone.", context)
    assert (t.actor, t.form) == ("IRN", "unconditional") and t.response.startswith("Iran may resort to")
    assert _threats("The minister said education is not the privilege of the rich.", context) == ()


def test_will_not_tolerate_is_a_red_line_of_a_state(context: Any) -> None:
    t = _one("We will not tolerate the deployment of foreign troops in Belarus, Lukashenko said.", context)
    assert (t.actor, t.form) == ("BLR", "red_line") and t.trigger == "anyone deploys foreign troops in Belarus"
    assert _threats("The coach said he will not allow the players to rest.", context) == ()


def test_a_vow_after_a_passive_report_is_the_reporters(context: Any) -> None:
    t = _one("A spokesman for the Houthis says 12 of its fighters were killed in the raid, while vowing to respond.",
             context)
    assert t.actor == "YEM" and t.response.endswith("respond")


def test_a_thing_that_threatens_and_a_warning_of_others_attacks_are_not_threats(context: Any) -> None:
    assert _threats("Japan orders its navy to shoot down any missile that threatens its territory.", context) == ()
    assert _threats("The interior minister issued a warning of possible terror attacks during the holidays.",
                    context) == ()


def test_groups_and_the_recent_past(context: Any) -> None:
    t = _one("Armed groups threaten to kill aid workers in the province.", context)
    assert t.status == "current"
    t = _one("The group, which in the recent past has threatened to attack shipping, seized a tanker.", context)
    assert t.status == "background"


def test_a_response_to_any_attack_answers_an_attack_on_the_issuer(context: Any) -> None:
    t = _one("The Venezuelan army vowed a crushing response to any attack.", context)
    assert t.trigger == "anyone attacks Venezuela" and usable_clause(t.trigger, context.nlp)
    t = _one("Cuba's defence minister said any aggression would receive a firm response.", context)
    assert (t.actor, t.trigger) == ("CUB", "anyone attacks Cuba")


@pytest.mark.parametrize(("text", "actor"), [
    ("Russia said it would treat Western troops in Ukraine as legitimate targets.", "RUS"),
    ("Moscow warned that foreign instructors would become legitimate targets.", "RUS"),
])
def test_declaring_legitimate_targets_is_a_threat(text: str, actor: str, context: Any) -> None:
    assert _one(text, context).actor == actor


@pytest.mark.parametrize("text", ["The stadium became a target of vandals last year, police said.",
                                  "The company said it will treat customers as partners."])
def test_targets_without_the_set_phrase_are_no_threat(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


def test_a_warning_that_an_act_would_lead_to_war_is_a_conditional_threat(context: Any) -> None:
    t = _one("The Kremlin warned that sending troops to Ukraine would lead to a direct conflict with NATO.", context)
    assert (t.actor, t.form, t.trigger) == ("RUS", "conditional", "anyone sends troops to Ukraine")
    assert _threats("Economists warned that the tariffs would lead to a recession.", context) == ()


def test_a_commitment_to_continue_attacks_is_a_threat(context: Any) -> None:
    t = _one("The ministry said Russia will continue to strike military infrastructure in Ukraine.", context)
    assert (t.actor, t.response) == ("RUS", "Russia will strike military infrastructure in Ukraine")
    assert _threats("The minister said the government will continue to support farmers.", context) == ()


@pytest.mark.parametrize("text", ["The president said he would not rule out military action against the cartels.",
                                  "The prime minister vowed to hunt down the gunmen."])
def test_not_ruling_out_force_and_a_vow_to_hunt_down_are_threats(text: str, context: Any) -> None:
    assert len(_threats(text, context)) == 1


def test_not_ruling_out_talks_is_no_threat(context: Any) -> None:
    assert _threats("The minister said the government would not rule out talks with the rebels.", context) == ()


@pytest.mark.parametrize("text", [
    "The senator said that if Russia invades and we impose sanctions, that would have consequences or an impact here "
    "at home.",
    "At the same time, the measures we have taken to reform the customs service should have a positive impact on "
    "revenue.",
    "The governor made clear that if the war goes on, that will have an effect on fuel prices.",
    "Officials said the new measures would have serious implications for exporters.",
])
def test_what_something_will_have_as_its_effect_is_a_forecast_not_a_threat(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


@pytest.mark.parametrize("text", [
    "Russia warned that any strike on its territory would have grave consequences.",
    "The minister said any country that joins the blockade will face consequences.",
])
def test_consequences_promised_to_an_act_are_still_threats(text: str, context: Any) -> None:
    assert len(_threats(text, context)) == 1
