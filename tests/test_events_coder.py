"""The event coder on single sentences through the real pipeline."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current


def _coded(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    """The current events of a sentence: what the situation picture gets."""
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, "2024-01-01", context, "test"))]


def test_events_compound_subject_codes_each_member_both_ways(context: Any) -> None:
    assert _coded("Bosnia and Slovenia agreed to a ceasefire after two days of fighting.", context) == [
        ("AGREE", "BIH", "SVN"), ("AGREE", "SVN", "BIH")]


def test_events_negated_clause_holds_no_event(context: Any) -> None:
    assert _coded("Russia did not attack Ukraine on Tuesday.", context) == []


def test_events_negated_clause_is_kept_with_its_status(context: Any) -> None:
    events = code_sentence("Russia did not attack Ukraine on Tuesday.", "2024-01-01", context, "test")
    assert [(e.type, e.source, e.target, e.status) for e in events] == [("ASSAULT", "RUS", "UKR", "negated")]


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


def test_events_reported_obligation_is_a_demand_of_the_speaker(context: Any) -> None:
    assert _coded("Germany said on Monday that Serbia must withdraw its police from Kosovo.", context) == [
        ("REQUEST", "DEU", "SRB")]


def test_events_negated_acceptance_is_a_refusal(context: Any) -> None:
    assert _coded("Iran did not accept the proposal from France.", context) == [("REJECT", "IRN", "FRA")]


def test_events_stative_participle_of_opposition_is_a_rejection_by_its_subject(context: Any) -> None:
    assert _coded("Turkey is opposed to the Greek proposal.", context) == [("REJECT", "TUR", "GRC")]


def test_events_readiness_for_an_uncoded_act_is_an_intent_to_cooperate(context: Any) -> None:
    assert _coded("Japan is willing to ship medicines to Haiti.", context) == [("AGREE", "JPN", "HTI")]


def test_events_readiness_for_force_is_a_threat(context: Any) -> None:
    assert _coded("Iran is ready to attack Iraq.", context) == [("THREATEN", "IRN", "IRQ")]


def test_events_phrasal_verbs_of_withdrawal_and_transfer(context: Any) -> None:
    assert _coded("Syria pulled out its troops from Lebanon.", context) == [("RETREAT", "SYR", "LBN")]
    assert _coded("Canada handed over tents to Haiti.", context) == [("AID", "CAN", "HTI")]


def test_events_agentless_passive_arrest_is_by_the_state_where_it_happened(context: Any) -> None:
    assert _coded("Two British journalists were detained in Iran on Monday.", context) == [("COERCE", "IRN", "GBR")]


def test_events_agentless_passive_withdrawal_is_by_the_forces_withdrawn(context: Any) -> None:
    assert _coded("Nigerian peacekeepers were pulled out of Liberia.", context) == [("SANCTION", "NGA", "LBR")]


def test_events_purpose_clause_of_a_sending_verb_is_its_own_act(context: Any) -> None:
    assert _coded("France sent six lawyers to Chad to investigate the killings.", context) == [("ACCUSE", "FRA", "TCD")]


def test_events_withdrawing_inspectors_is_a_sanction(context: Any) -> None:
    assert _coded("Sweden withdrew its observers from Sri Lanka.", context) == [("SANCTION", "SWE", "LKA")]


def test_events_returning_property_is_a_retreat(context: Any) -> None:
    assert _coded("Rwanda handed back the land to Uganda.", context) == [("RETREAT", "RWA", "UGA")]
    assert _coded("Liberia announced it will return the weapons to Guinea.", context) == [("AGREE", "LBR", "GIN")]


def test_events_will_not_tolerate_is_a_threat(context: Any) -> None:
    assert _coded("China will not tolerate any interference by Japan.", context) == [("THREATEN", "CHN", "JPN")]


def test_events_skipped_verb_codes_through_its_object_pattern(context: Any) -> None:
    assert _coded("Ethiopia began talks with Eritrea.", context) == [
        ("CONSULT", "ETH", "ERI"), ("CONSULT", "ERI", "ETH")]
    assert _coded("Syria took note of the Israeli offer.", context) == []


def test_events_obligation_of_a_non_actor_subject_is_no_demand(context: Any) -> None:
    assert _coded("Germany said that talks with China must continue.", context) == []


def test_events_decision_codes_the_act_decided_on(context: Any) -> None:
    assert _coded("Serbia decided to lift the curfew in Montenegro.", context) == [("RETREAT", "SRB", "MNE")]


def test_events_commitment_to_an_uncoded_act_is_itself_the_intent(context: Any) -> None:
    assert _coded("Kenya pledged to work with Somalia.", context) == [("AGREE", "KEN", "SOM")]


def test_events_calling_off_a_strike_eases_dissent_at_home(context: Any) -> None:
    assert _coded("Kenyan doctors called off their strike on Friday.", context) == [("CONCEDE", "KEN", "KEN")]


def test_events_rare_past_form_is_read_by_its_regular_stem(context: Any) -> None:
    assert _coded("Soldiers from Ethiopia cordoned off the roads leading into Eritrea.", context) == [
        ("COERCE", "ETH", "ERI")]


def test_events_renewing_ties_is_diplomatic_cooperation(context: Any) -> None:
    assert _coded("Egypt renewed diplomatic ties with Qatar.", context) == [("SUPPORT", "EGY", "QAT")]


def test_events_release_of_hostages_by_unnamed_captors(context: Any) -> None:
    assert _coded("Two French hostages were freed in Mali on Sunday.", context) == [("RETREAT", None, "FRA")]
    assert _coded("The report was released on Monday in Kenya.", context) == []


def test_events_object_noun_of_a_denial_is_not_the_subjects_act(context: Any) -> None:
    assert ("ACCUSE", "EGY", None) not in _coded("Egypt denied accusations of torture.", context)
    assert _coded("Israel tightened the blockade on Gaza.", context) == [("COERCE", "ISR", "PSE")]


def test_events_sharing_intelligence_is_cooperation(context: Any) -> None:
    assert _coded("Pakistan has been sharing intelligence with the United States.", context) == [
        ("COOPERATE", "PAK", "USA")]


def test_events_directive_to_an_addressee_is_a_demand(context: Any) -> None:
    assert _coded("The United States wants Pakistan to arrest the militants.", context) == [
        ("REQUEST", "USA", "PAK")]
    assert _coded("Kenya told Somalia to stop the raids.", context) == [("REQUEST", "KEN", "SOM")]


def test_events_named_official_before_a_later_state_is_the_target(context: Any) -> None:
    assert _coded("Kenyan diplomats held a meeting with President Emmanuel Macron at a dinner hosted by the embassy "
                  "of Ghana.", context) == [("CONSULT", "KEN-GOV", "FRA-GOV")]


def test_events_compound_subject_members_are_its_conjuncts_not_their_setting(context: Any) -> None:
    assert _coded("The Armenian and Azerbaijani delegations in Georgia agreed to exchange prisoners.", context) == [
        ("AGREE", "ARM", "AZE"), ("AGREE", "AZE", "ARM")]


def test_events_compound_object_of_a_complement_codes_each_target(context: Any) -> None:
    assert _coded("The European Union agreed to send food aid to Sudan and Chad.", context) == [
        ("AGREE", "EU", "SDN"), ("AGREE", "EU", "TCD")]


def test_events_sentence_duplicates_fold_into_the_fuller_event(context: Any) -> None:
    assert _coded("Hezbollah threatened to launch rockets at the United States and Saudi Arabia.", context) == [
        ("THREATEN", "LBN-REB-HEZ", "USA"), ("THREATEN", "LBN-REB-HEZ", "SAU")]
    assert _coded("Karim Benali, Algeria's best-known dissident, staged a hunger strike in jail in protest "
                  "against abuses by Algerian security forces.", context) == [("PROTEST", "DZA", "DZA")]


def test_events_unmarked_person_or_group_object_is_domestic(context: Any) -> None:
    assert _coded("A Kenyan court on Monday ordered opposition leader Raila Odinga to appear for questioning.",
                  context) == [("REQUEST", "KEN", "KEN")]
    assert _coded("Egyptian security forces have warned that they will not tolerate a march by students.",
                  context) == [("THREATEN", "EGY", "EGY")]


def test_events_gathering_for_a_protest_is_the_protest(context: Any) -> None:
    assert _coded("Thousands of students gathered for a rally in Dhaka on Friday.", context) == [
        ("PROTEST", "BGD", "BGD")]


def test_events_plural_demonym_is_its_country_but_an_ethnic_community_is_where_it_lives(context: Any) -> None:
    assert _coded("Hundreds of Iraqis marched to protest against the government in Basra.", context) == [
        ("PROTEST", "IRQ", "IRQ")]
    assert _coded("Ethnic Albanians in Macedonia blocked roads on Monday.", context) == [("PROTEST", "MKD", "MKD")]


def test_events_conversation_is_coded_both_ways(context: Any) -> None:
    assert _coded("Iran held talks with Iraq on Monday.", context) == [
        ("CONSULT", "IRN", "IRQ"), ("CONSULT", "IRQ", "IRN")]
    assert _coded("Senegal's president visited Mali on Monday.", context)[0][:2] == ("CONSULT", "SEN-GOV")
    assert len(_coded("Senegal's president visited Mali on Monday.", context)) == 1


def test_events_participle_of_consequence_keeps_its_clause_target(context: Any) -> None:
    assert _coded("Sudanese forces launched artillery, mortar and rocket fire against Chadian rebel camps on "
                  "Monday, killing 30.", context) == [("ASSAULT", "SDN-MIL", "TCD")]


def test_events_countries_of_the_united_kingdom_are_british_places(context: Any) -> None:
    assert _coded("The British army imposed a curfew in Northern Ireland on Monday.", context) == [
        ("COERCE", "GBR-MIL", "GBR")]


def test_events_complaint_to_a_third_party_targets_whom_it_is_about(context: Any) -> None:
    assert _coded("Syria complained to the Arab League on Sunday about Turkish shelling of its border towns.",
                  context) == [("ACCUSE", "SYR", "TUR")]


def test_events_domestic_target_needs_a_state_and_a_party(context: Any) -> None:
    assert _coded("Hezbollah held a rally on Friday.", context) == [("PROTEST", "LBN-REB-HEZ", "LBN")]
    # backing a policy, with no party named but India, is no act done to anyone (``events.dyad``)
    assert [(e.type, e.source, e.target, e.status) for e in code_sentence(
        "Officials point out that India backs the continuation of the military base in Diego Garcia.",
        "2024-01-01", context, "test")] == [("SUPPORT", "IND", None, "undirected")]


def test_events_compound_subject_of_a_one_sided_act_does_not_target_its_members(context: Any) -> None:
    assert _coded("Egypt and Jordan condemned the attack on Monday.", context) == [
        ("ACCUSE", "EGY", None), ("ACCUSE", "JOR", None)]
    assert _coded("China and Malaysia are disagreeing over fishing rights.", context) == [
        ("ACCUSE", "CHN", "MYS"), ("ACCUSE", "MYS", "CHN")]


def test_events_adjectival_participle_asserts_no_event(context: Any) -> None:
    assert _coded("There are 95 bushfires in the drought-hit state of New South Wales.", context) == []


def test_events_people_from_elsewhere_and_sanctions_are_not_domestic(context: Any) -> None:
    assert _coded("Germany deported 100 migrants last week.", context) == [("COERCE", "DEU", None)]
    assert _coded("Switzerland expelled two diplomats on Monday.", context) == [("SANCTION", "CHE", None)]
    assert _coded("Pakistan's envoy said Kabul was failing to rein in Baloch separatists.", context) == [
        ("REJECT", "AFG-GOV", None)]


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
    assert _coded("Russia reduced food supplies to Armenia on Monday.", context) == [("SANCTION", "RUS", "ARM")]
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
    # its own supporters: a domestic appeal, coded with the actor's country as target (PLOVER's domestic dyad)
    assert _coded("The Kenyan opposition mobilized its supporters ahead of the vote.", context) == [
        ("REQUEST", "KEN", "KEN")]
    assert _coded("Armenia mobilized its reserves on Tuesday.", context) == [("MOBILIZE", "ARM", None)]


def test_events_same_threat_as_verb_and_as_claim_is_one_event(context: Any) -> None:
    # the verb event is placed (Benghazi), the threat claim is not: one THREATEN, not two
    assert _coded("Egypt threatened on Monday to bomb Libyan towns in retaliation for a raid on Benghazi.",
                  context) == [("THREATEN", "EGY", "LBY")]


def test_events_force_without_perpetrator_needs_a_victim_or_a_weapon(context: Any) -> None:
    # DIE is CAMEO 190 by default; with no perpetrator, no victim and no weapon it is no attack
    assert _coded("Her father died in 1927 in a village in southern China.", context) == []
    # unidentified gunmen are no named perpetrator: the attack has a victim and no source
    assert _coded("Unidentified gunmen killed three Kenyan soldiers near Mandera on Sunday.", context) == [
        ("ASSAULT", None, "KEN-MIL")]


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


def test_events_private_people_make_no_statecraft(context: Any) -> None:
    assert _coded("Thousands of Kenyan tourists visited Tanzania last year.", context) == []
    assert _coded("A wave of Ethiopians arrived in Djibouti in May.", context) == []
    assert _coded("The Kenyan foreign minister visited Tanzania on Monday.", context) == [("CONSULT", "KEN-GOV", "TZA")]


def test_events_warning_to_no_one_is_a_caution(context: Any) -> None:
    assert _coded("A Kenyan doctor warned against eating raw fish in Kenya.", context) == []
    assert _coded("Iran warned the United States on Monday.", context) == [("THREATEN", "IRN", "USA")]


def test_events_arriving_forces_are_deployed_not_visiting(context: Any) -> None:
    assert _coded("The first contingent of Nepali peacekeeping troops arrived in Lebanon on Monday.", context) == [
        ("AID", "NPL", "LBN")]
    assert _coded("Russian troops arrived in Belarus for exercises.", context) == []


def test_events_joining_others_as_a_class_is_no_meeting(context: Any) -> None:
    assert _coded("Ghana joined Nigeria as a major exporter of cocoa last year.", context) == []


def test_events_insisting_on_a_fact_is_no_demand(context: Any) -> None:
    assert _coded("Kenya insisted that the refugees had returned home.", context) == []
    assert _coded("Egypt insisted that Israel withdraw its troops.", context) == [("REQUEST", "EGY", "ISR")]


def test_events_naming_with_a_predicative_describes(context: Any) -> None:
    assert _coded("Tehran called the smuggling charges baseless.", context) == []
    assert _coded("Iran called the Israeli prime minister a liar.", context) == [("ACCUSE", "IRN", "ISR-GOV")]


def test_events_a_proposal_meeting_with_opposition_is_no_meeting(context: Any) -> None:
    assert _coded("The Ugandan plan met with opposition from Kenya.", context) == []


def test_events_figurative_force_is_no_assault(context: Any) -> None:
    assert _coded("Greek firefighters battled blazes near Athens on Monday.", context) == []
    assert _coded("Cuba is trying to overcome its isolation.", context) == []
    assert _coded("Kenya will engage with Somalia on the refugee camps.", context) == []


def test_events_infinitive_complement_names_the_pattern_object(context: Any) -> None:
    assert _coded("Uganda declined to comment on the report.", context) == []
    assert _coded("Uganda refused to attend the hearing.", context) == [("REJECT", "UGA", None)]


def test_events_containing_a_disease_is_no_restriction(context: Any) -> None:
    assert _coded("Uganda is trying to contain the spread of Ebola.", context) == []


def test_events_serving_a_term_is_no_cooperation(context: Any) -> None:
    assert _coded("Ghanaian presidents serve four-year terms.", context) == []


def test_events_a_body_in_session_consults_no_one(context: Any) -> None:
    assert _coded("The Kenyan cabinet met in Geneva on Monday.", context) == []
    assert _coded("Kenya and Uganda met in Geneva on Monday.", context) == [("CONSULT", "KEN", "UGA"),
                                                                           ("CONSULT", "UGA", "KEN")]


def test_events_easing_is_a_concession_only_to_a_party(context: Any) -> None:
    # a state easing its own measures with no party named acts at home (the real-news guide; events/domestic.py)
    assert _coded("Uganda eased emergency measures on Monday.", context) == []
    assert _coded("Uganda eased sanctions on Kenya on Monday.", context) == [("RETREAT", "UGA", "KEN")]


def test_events_a_state_naming_a_province_is_the_place(context: Any) -> None:
    assert _coded("Russia lifted security controls on Friday in Georgia province, as police in Armenia arrested "
                  "protesters.", context) == [("CONCEDE", "RUS", "GEO")]


def test_events_intransitive_decline_is_a_fall(context: Any) -> None:
    assert _coded("Uganda's population continues to decline.", context) == []
    assert _coded("Uganda declined the invitation.", context) == [("REJECT", "UGA", None)]


def test_events_occupying_a_role_is_no_occupation(context: Any) -> None:
    assert _coded("Kenyan Somalis occupied a gray area under colonial law.", context) == []


def test_events_finding_success_or_filling_a_void_is_no_event(context: Any) -> None:
    assert _coded("Nigeria found success with its cocoa exports in the 1990s.", context) == []
    assert _coded("Kenyan charities are filling the void left by the state.", context) == []
def test_events_announced_sanction_is_enacted_not_threatened(context: Any) -> None:
    assert _coded("Canada announced on Monday that it would suspend all aid to Haiti.", context) == [
        ("SANCTION", "CAN", "HTI")]
    assert _coded("Canada said it would suspend aid to Haiti if the vote is rigged.", context) == [
        ("THREATEN", "CAN", "HTI")]


def test_events_participle_on_an_issued_text_speaks_for_its_issuer(context: Any) -> None:
    assert _coded("Egypt issued a statement condemning Israel for the raid.", context) == [("ACCUSE", "EGY", "ISR")]


def test_events_a_release_frees_someone(context: Any) -> None:
    assert _coded("A study released this week by the United Nations says Chad is poor.",
                  context) == []


def test_events_arriving_peacekeepers_are_deployed(context: Any) -> None:
    assert _coded("A battalion of Kenyan peacekeepers arrived in Haiti on Friday.", context) == [("AID", "KEN", "HTI")]


def test_events_an_act_done_to_protest_is_the_protest(context: Any) -> None:
    assert _coded("Teachers in Kenya shunned classes on Tuesday to protest against the new pay rules.", context) == [
        ("PROTEST", "KEN", "KEN")]


def test_events_titled_official_without_a_country_acts_for_the_country_named(context: Any) -> None:
    assert _coded("Deputy Minister Tomas Varga refused to resign despite pressure from Slovakia's parliament.",
                  context) == [("REJECT", "SVK-GOV", "SVK-GOV")]


def test_events_announced_withdrawal_of_own_personnel_stays_a_warning(context: Any) -> None:
    assert _coded("Canada announced on Monday that it will withdraw its observers from Haiti.", context) == [
        ("THREATEN", "CAN", "HTI")]


def test_events_refusal_despite_pressure_rejects_who_pressed(context: Any) -> None:
    assert _coded("Serbia refused to withdraw its troops despite calls from the United States.", context) == [
        ("REJECT", "SRB", "USA")]


def test_events_permission_to_a_domestic_party_targets_the_home_country(context: Any) -> None:
    assert _coded("The Kenyan government allowed the opposition leader to hold a rally in the capital.", context) == [
        ("CONCEDE", "KEN-GOV", "KEN")]


def test_events_coordinated_act_takes_no_place_from_its_sibling_clause(context: Any) -> None:
    from redline.events.record import _setting_scope

    doc = context.nlp("Washington would halt aid to rebels in Chad and would deny visas to their leaders.")
    halt, deny = (next(t for t in doc if t.lemma_ == lemma) for lemma in ("halt", "deny"))
    assert "Chad" not in [t.text for t in _setting_scope(deny)]  # the visas are not denied in Chad
    assert "Chad" in [t.text for t in _setting_scope(halt)]


def test_events_complement_of_a_refusal_did_not_happen(context: Any) -> None:
    # the release and the landing are what was refused, down a chain of infinitives and conjuncts
    assert [e[0] for e in _coded("Kenya declined to release the prisoners.", context)] == ["REJECT"]
    assert "AID" not in [e[0] for e in _coded(
        "The rebels refused to allow Red Cross planes to land and evacuate the wounded.", context)]


def test_events_act_inside_a_demand_is_demanded_not_done(context: Any) -> None:
    assert _coded("The forum concluded that Japan must allocate more money to help Kenya fight drought.",
                  context) == []  # an unnamed speaker's demand: nothing coded, and Japan helps no one yet


def test_events_content_of_an_allegation_is_not_coded(context: Any) -> None:
    assert _coded("Kenya rejected an allegation that its troops had occupied the Somali town of Kismayo.",
                  context) == []  # denying an accusation is a statement (CAMEO 016); the occupation is alleged


def test_events_preparing_to_use_force_is_a_military_posture(context: Any) -> None:
    assert _coded("Russian forces are preparing to attack Kharkiv.", context) == [("MOBILIZE", "RUS-MIL", "UKR")]
    assert [e[0] for e in _coded("Kenya is preparing to host talks with Somalia.", context)] == ["AGREE"]


def test_events_clash_between_two_sides_is_an_assault_each_way(context: Any) -> None:
    events = _coded("Heavy fighting broke out between Ethiopian troops and Eritrean forces near Badme.", context)
    assert sorted((t, s and s[:3], tg and tg[:3]) for t, s, tg in events) == [
        ("ASSAULT", "ERI", "ETH"), ("ASSAULT", "ETH", "ERI")]


def test_events_clash_side_named_by_no_country_fights_where_the_clash_is(context: Any) -> None:
    events = _coded("Clashes between the army and Tuareg rebels in northern Mali left 20 dead.", context)
    assert {(t, s and s[:3], tg and tg[:3]) for t, s, tg in events} == {("ASSAULT", "MLI", "MLI")}


def test_events_clash_with_is_fought_by_both_sides(context: Any) -> None:
    # "A clashed with B" is also B fighting A, as PLOVER codes a two-sided fight
    assert sorted(_coded("Indian soldiers clashed with Chinese troops in Ladakh.", context)) == [
        ("ASSAULT", "CHN-MIL", "IND-MIL"), ("ASSAULT", "IND-MIL", "CHN-MIL")]
    # a one-sided attack is not made two-sided
    assert _coded("Indian soldiers attacked Chinese troops in Ladakh.", context) == [("ASSAULT", "IND-MIL", "CHN-MIL")]


def test_events_domestic_clash_stays_two_events_not_one(context: Any) -> None:
    # both sides in one country: the two directions differ only by sector, and the merge keeps them apart
    for text in ("Riot police clashed with students in Dhaka.",
                 "Clashes between police and protesters in Tehran left five dead."):
        events = _coded(text, context)
        assert len(events) == 2, (text, events)
        assert {(s, t) for _, s, t in events} == {(events[0][1], events[0][2]), (events[0][2], events[0][1])}
        assert all(e[0] == "ASSAULT" for e in events)
    # the same act reported twice in the same direction is still one event
    assert len(_coded("Police beat students in Dhaka. Police beat students in Dhaka again.", context)) == 1


def test_events_arrest_is_coercion_whoever_is_arrested(context: Any) -> None:
    assert _coded("Iranian police arrested dozens of demonstrators in Tehran.", context) == [("COERCE", "IRN", "IRN")]
