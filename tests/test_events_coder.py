"""The event coder on single sentences through the real pipeline."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence


def _coded(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code_sentence(text, "2024-01-01", context, "test")]


def test_events_compound_subject_codes_each_member_both_ways(context: Any) -> None:
    assert _coded("Bosnia and Slovenia agreed to a ceasefire after two days of fighting.", context) == [
        ("AGREE", "BIH", "SVN"), ("AGREE", "SVN", "BIH")]


def test_events_negated_clause_holds_no_event(context: Any) -> None:
    assert _coded("Russia did not attack Ukraine on Tuesday.", context) == []


def test_events_future_cooperation_is_an_intent(context: Any) -> None:
    assert _coded("Portugal will support Turkey in the talks.", context) == [("AGREE", "PRT", "TUR")]


def test_events_complement_of_an_agreement_verb_is_not_coded_twice(context: Any) -> None:
    assert _coded("Putin offered to negotiate with Armenia.", context) == [("AGREE", "RUS-GOV", "ARM")]


def test_events_relative_clause_background_is_not_coded_beside_the_main_event(context: Any) -> None:
    assert _coded("Serbia lifted a night curfew in Montenegro where 28 people have been killed in riots.",
                  context) == [("RETREAT", "SRB", "MNE")]


def test_events_domestic_dyad_keeps_its_same_country_target(context: Any) -> None:
    assert _coded("The Sudanese government accused Darfur rebels of violating the ceasefire.", context) == [
        ("ACCUSE", "SDN-GOV", "SDN")]


def test_events_pronoun_subject_of_reported_speech_is_the_reporting_subject(context: Any) -> None:
    assert _coded("Switzerland said today it had expelled two Russian diplomats for spying.", context) == [
        ("SANCTION", "CHE", "RUS-GOV")]


def test_events_transfer_verb_at_the_root_codes_its_own_pattern(context: Any) -> None:
    assert _coded("Norway gave Kenya 5 million dollars of aid on Monday.", context) == [("AID", "NOR", "KEN")]


def test_events_readiness_adjective_makes_its_complement_an_intent(context: Any) -> None:
    assert _coded("Britain is willing to provide aid to Liberia.", context) == [("AGREE", "GBR", "LBR")]


def test_events_pattern_with_a_preposition_and_its_object(context: Any) -> None:
    assert _coded("The Kenyan foreign minister resigned in protest.", context) == [
        ("PROTEST", "KEN-GOV", "KEN")]


def test_events_1990s_head_of_state_is_an_actor(context: Any) -> None:
    assert _coded("President Yoweri Museveni threatened to ban opposition rallies.", context)[0][:2] == (
        "THREATEN", "UGA-GOV")


def test_events_unnamed_agent_is_coded_by_the_country_it_acts_in(context: Any) -> None:
    assert _coded("Hundreds of protesters blocked roads in Algiers on Monday.", context) == [
        ("PROTEST", "DZA", "DZA")]


def test_events_human_rights_ngo_is_an_actor(context: Any) -> None:
    assert _coded("Amnesty International accused Sudan of torturing detainees.", context) == [
        ("ACCUSE", "AMN", "SDN")]


def test_events_object_compound_carries_the_pattern(context: Any) -> None:
    assert _coded("Germany suspended aid deliveries to Sudan.", context) == [("SANCTION", "DEU", "SDN")]


def test_events_light_verb_carries_its_noun_event(context: Any) -> None:
    assert _coded("Italy announced a suspension of flights to Serbia.", context) == [("SANCTION", "ITA", "SRB")]


def test_events_light_verb_pattern_with_the_noun_beats_the_noun(context: Any) -> None:
    assert [e.type for e in code_sentence("Japan lodged a protest with China over the incident.", "2024-01-01",
                                          context, "t")] == ["ACCUSE"]


def test_events_vow_to_fight_is_a_threat(context: Any) -> None:
    assert _coded("Armenian rebels have sworn to fight Azerbaijan until they win.", context)[0][0] == "THREATEN"


def test_events_hedged_consequence_of_a_condition_is_a_threat(context: Any) -> None:
    assert _coded("Germany may halt talks with Serbia if the fighting continues.", context) == [
        ("THREATEN", "DEU", "SRB")]


def test_events_future_noun_event_is_a_threat(context: Any) -> None:
    assert _coded("NATO said it would tighten the naval blockade of Serbia.", context) == [
        ("THREATEN", "NATO", "SRB")]


def test_events_demand_targets_the_subject_of_its_that_clause(context: Any) -> None:
    assert _coded("The United States demanded that North Korea abandon its nuclear programme.", context) == [
        ("REQUEST", "USA", "PRK")]


def test_events_curfew_without_a_foreign_target_is_domestic(context: Any) -> None:
    assert _coded("Turkish authorities imposed a curfew in the town of Cizre.", context) == [
        ("COERCE", "TUR-GOV", "TUR")]


def test_events_compound_object_codes_each_target(context: Any) -> None:
    assert _coded("Egypt praised Jordan and Qatar for their mediation.", context) == [
        ("SUPPORT", "EGY", "JOR"), ("SUPPORT", "EGY", "QAT")]


def test_events_noun_carried_by_the_main_verb_keeps_background_clauses_out(context: Any) -> None:
    # the boycott is the news; the attack two days earlier is its background
    assert _coded("Ghana announced a boycott of Togolese goods on Monday, two days after Togolese soldiers "
                  "attacked a Ghanaian border post.", context) == [("PROTEST", "GHA", "TGO")]


def test_events_purpose_clause_of_a_carried_noun_is_not_a_second_event(context: Any) -> None:
    assert _coded("Kenyan activists began a hunger strike to demand the release of Ugandan prisoners.",
                  context) == [("PROTEST", "KEN", "KEN")]


def test_events_partitive_object_is_looked_up_by_the_noun_it_quantifies(context: Any) -> None:
    # "dozens of diplomats" and "part of its aid" match the diplomat and aid patterns (161, 162)
    assert _coded("Germany expelled dozens of Russian diplomats on Monday.", context) == [
        ("SANCTION", "DEU", "RUS-GOV")]
    assert _coded("Canada suspended part of its military aid to Ethiopia.", context) == [("SANCTION", "CAN", "ETH")]


def test_events_expelling_monitors_or_cutting_supplies_is_a_sanction(context: Any) -> None:
    # CAMEO 1662 (expel inspectors, observers) and 162 (reduce aid), not 174 deportation of individuals
    assert _coded("Eritrea expelled the United Nations ceasefire monitors on Tuesday.", context) == [
        ("SANCTION", "ERI", "UN")]
    assert _coded("Russia reduced food supplies to Armenia last month.", context) == [("SANCTION", "RUS", "ARM")]
    # announced for the future, the sanction is a threat
    assert _coded("Sudan will expel foreign aid workers from Darfur.", context) == [("THREATEN", "SDN", "SDN")]


def test_events_cameo_null_pattern_blocks_the_verb_default(context: Any) -> None:
    # CAMEO codes "seize heroin" and "killed in an accident" as no event ("---"), not 171 / 190
    assert _coded("Mexican police seized heroin near the border with Guatemala.", context) == []
    assert _coded("Two Ghanaian soldiers were killed in an accident on Monday.", context) == []


def test_events_must_complement_of_a_speech_verb_is_the_speakers_demand(context: Any) -> None:
    assert _coded("Germany said on Monday that Serbia and Montenegro must withdraw their troops from Kosovo.",
                  context) == [("REQUEST", "DEU", "SRB"), ("REQUEST", "DEU", "MNE")]
    assert _coded("Serbia must withdraw its troops from Kosovo, the German foreign minister said.", context) == [
        ("REQUEST", "DEU-GOV", "SRB")]


def test_events_preventing_or_dispersing_a_protest_is_repression(context: Any) -> None:
    # CAMEO 1721 (restrict freedom of expression) and 175 (violent repression), not PREVENT's default 112
    assert _coded("Belarusian police prevented a march by opposition supporters in Minsk on Sunday.", context) == [
        ("COERCE", "BLR", "BLR")]
    assert _coded("Egyptian riot police dispersed the crowd in Cairo with tear gas.", context) == [
        ("ASSAULT", "EGY", "EGY")]


def test_events_coordinated_complements_of_an_appeal_are_not_events(context: Any) -> None:
    # "called on X to unite and mobilize": the appeal (CAMEO 020 via "call on") is the event, not its content
    assert _coded("An official Iranian newspaper called Monday on Muslims to unite and mobilize against Israel.",
                  context) == [("REQUEST", "IRN", None)]


def test_events_staged_is_lemmatised_as_stage_so_it_carries_its_noun(context: Any) -> None:
    # the rule lemmatizer reads "staged" as "stag"; the light verb must still carry the strike
    assert _coded("Kenyan activists staged a hunger strike on Friday to demand the release of Ugandan prisoners.",
                  context) == [("PROTEST", "KEN", "KEN")]


def test_events_clausal_complement_of_a_demand_is_not_the_act(context: Any) -> None:
    # the speaker is not coded, so the demand has no event; its content is no withdrawal either
    assert _coded("An editorial in the newspaper demanded that Russia withdraw its troops from Crimea.", context) == []


def test_events_issuing_a_declaration_is_a_statement_not_cooperation(context: Any) -> None:
    # ISSUE alone is CAMEO 060; "issued a declaration" is a statement (010), not coded
    assert _coded("The Kenyan government issued a declaration on Tuesday.", context) == []


def test_events_a_decision_to_act_codes_the_act(context: Any) -> None:
    # DECIDE alone is an intent to cooperate (030); "decided to release" reports the release (CAMEO 0841)
    assert _coded("The Kenyan government decided on Monday to release 200 Somali prisoners.", context) == [
        ("RETREAT", "KEN-GOV", "SOM")]


def test_events_mobilizing_civilians_is_not_military_mobilization(context: Any) -> None:
    assert _coded("The Kenyan opposition mobilized its supporters ahead of the vote.", context) == [
        ("REQUEST", "KEN", None)]
    assert _coded("Armenia mobilized its reserves on Tuesday.", context) == [("MOBILIZE", "ARM", None)]


def test_events_same_threat_as_verb_and_as_claim_is_one_event(context: Any) -> None:
    # the verb event is placed (Benghazi), the threat claim is not: one THREATEN, not two
    assert _coded("Egypt threatened on Monday to bomb Libyan towns in retaliation for a raid on Benghazi.",
                  context) == [("THREATEN", "EGY", "LBY")]


def test_events_force_without_perpetrator_needs_a_victim_or_a_weapon(context: Any) -> None:
    # DIE is CAMEO 190 by default; with no perpetrator, no victim and no weapon it is no attack
    assert _coded("Her father died in 1927 in a village in southern China.", context) == []
    assert _coded("Unidentified gunmen killed three Kenyan soldiers near Mandera on Sunday.", context) == [
        ("ASSAULT", "KEN", "KEN-MIL")]


def test_events_engage_in_codes_force_only_for_fighting_words(context: Any) -> None:
    assert _coded("The Japanese company hopes to engage in business in Kenya.", context) == []
    assert [e[:2] for e in _coded("Sudanese troops engaged in fierce fighting with rebels near Kadugli.",
                                  context)] == [("ASSAULT", "SDN-MIL")]


def test_events_disapproval_of_no_one_is_a_statement(context: Any) -> None:
    # CLAIM defaults to CAMEO 110; with no one disapproved of and no place, nothing is coded
    assert _coded("The Kenyan finance minister claimed that half of all Kenyans are poor.", context) == []
    assert _coded("Kenya sharply criticized Uganda on Monday.", context) == [("ACCUSE", "KEN", "UGA")]


def test_events_noun_opposed_or_asked_for_is_not_an_event(context: Any) -> None:
    # "deployment" is what the rebels oppose, not a deployment they made
    assert _coded("Ghanaian rebels opposed the deployment of a regional peacekeeping force.", context) == []


def test_events_complaint_targets_its_grievance_not_its_addressee(context: Any) -> None:
    assert _coded("Uganda complained to the United Nations on Monday over Kenyan border raids.", context) == [
        ("ACCUSE", "UGA", "KEN")]
    assert _coded("Palestinians blamed Israel for the killing of a Hamas leader in Nablus.", context) == [
        ("ACCUSE", "PSE", "ISR")]


def test_events_unsourced_attack_on_an_object_is_kept(context: Any) -> None:
    # no perpetrator actor and no victim actor, but an object attacked in a named place: still an attack
    assert _coded("Someone attacked a passenger train near Sibi in Balochistan on Tuesday.", context) == [
        ("ASSAULT", None, "PAK")]
