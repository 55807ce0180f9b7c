from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess.rhetoric import find_threats
from redline.eval.threats import usable_clause
from redline.ingest import normalize
from redline.models import RawDocument, Threat


def _threats(text: str, context: Any, url: str | None = None) -> tuple[Threat, ...]:
    article = normalize(RawDocument(origin="test", text=text, url=url, published="2024-06-01"), context.settings)
    return find_threats(nlp_stage.analyze(article, context.nlp, context.gazetteer))


def _one(text: str, context: Any, url: str | None = None) -> Threat:
    [threat] = _threats(text, context, url)
    return threat


def test_rhetoric_threatens_to_act_gives_the_act_as_a_clause(context: Any) -> None:
    t = _one("Hezbollah threatened to launch rockets at northern Israel.", context)
    assert (t.actor, t.form, t.status) == ("LBN", "unconditional", "current")
    assert t.response == "Hezbollah will launch rockets at northern Israel"


def test_rhetoric_threatens_with_a_noun_names_who_is_threatened(context: Any) -> None:
    t = _one("Iran threatened Britain with sanctions over the seizure of the tanker.", context)
    assert t.actor == "IRN"
    assert t.response.startswith("Iran will impose sanctions on Britain")


def test_rhetoric_if_clause_is_the_trigger_and_the_issuer_speaks_in_the_first_person(context: Any) -> None:
    t = _one('Turkey\'s defence minister said: "If they take negative steps toward us, then we will retaliate."',
             context)
    assert (t.actor, t.form) == ("TUR", "conditional")
    assert t.trigger == "they take negative steps toward us"
    assert t.response.startswith("Turkey will retaliate")


def test_rhetoric_unconditional_commitment_to_respond(context: Any) -> None:
    assert _one("Iran's foreign ministry said Tehran will respond to any aggression.", context).actor == "IRN"
    t = _one("Russian Foreign Minister Sergei Lavrov said Moscow would react accordingly.", context)
    assert (t.actor, t.form) == ("RUS", "unconditional")


def test_rhetoric_will_not_sit_idly_by(context: Any) -> None:
    t = _one("China's defence ministry said it will not sit idly by while Taiwan's independence forces grow.",
             context)
    assert t.actor == "CHN"


def test_rhetoric_any_x_will_be_met_with_y(context: Any) -> None:
    t = _one("The Japanese defence minister said any attack on the islands will be met with a firm response.",
             context)
    assert t.actor == "JPN" and t.form == "conditional"
    assert t.trigger == "anyone attacks the islands"


def test_rhetoric_warns_of_consequences_if(context: Any) -> None:
    t = _one("Germany warned Belarus of serious consequences if it lets migrants cross the border.", context)
    assert (t.actor, t.form) == ("DEU", "conditional")
    assert t.trigger == "Belarus lets migrants cross the border"  # "it" is the warned party
    assert usable_clause(t.trigger, context.nlp) and usable_clause(t.response, context.nlp)


def test_rhetoric_warns_against_an_act_is_a_red_line(context: Any) -> None:
    t = _one("Russia warned Finland against joining NATO.", context)
    assert (t.actor, t.form, t.response) == ("RUS", "red_line", "")
    assert t.trigger == "Finland joins NATO"


def test_rhetoric_unless_is_an_ultimatum_with_the_negated_demand_as_trigger(context: Any) -> None:
    t = _one("The kidnappers threatened to kill the hostages unless the government pays a ransom.", context)
    assert t.form == "ultimatum"
    assert t.trigger == "the government does not pay a ransom"


def test_rhetoric_or_face_sanctions_is_an_ultimatum(context: Any) -> None:
    t = _one("The junta was given two weeks to hand over power or face sanctions.", context)
    assert t.form == "ultimatum"
    assert t.response == "The junta faces sanctions"


def test_rhetoric_nominal_trigger_gets_the_weapon_user_named_before(context: Any) -> None:
    text = ("Washington allowed Kyiv to fire ATACMS missiles. Russian officials warned that any use of these "
            "missiles against Russian territory would lead to a direct conflict.")
    t = [x for x in _threats(text, context) if x.actor == "RUS"][0]
    assert t.trigger == "Kyiv uses these missiles [ATACMS] against Russian territory"


def test_rhetoric_past_threat_cited_as_background(context: Any) -> None:
    t = _one("In past bilateral tensions, Ankara has threatened to close the Incirlik air base.", context)
    assert (t.actor, t.status) == ("TUR", "background")
    t = _one("The talks resumed after Seoul had threatened to cut off aid.", context)
    assert t.status == "background"


def test_rhetoric_government_transcript_speaks_for_its_government(context: Any) -> None:
    t = _one("We will respond decisively to any attack on our troops.", context,
             url="https://www.whitehouse.gov/briefings-statements/2024/01/01/remarks/")
    assert t.actor == "USA"
    assert t.response.startswith("the United States will respond decisively") or "will respond" in t.response


@pytest.mark.parametrize("text", [
    "The European Union pledged to cut emissions by 55 percent by 2030.",
    "The United Nations called on both sides to exercise restraint.",
    "Russia notified the United States ahead of the missile launch, as required by treaty.",
    "Scientists warned that the drought could threaten crops across the region.",
    "The navy fired warning shots at a fishing boat that crossed the line.",
    "Israel struck targets in Gaza in retaliation for rocket fire.",
    "The president did not threaten to withdraw from the alliance.",
    "Is there a red line that would make you act?",
    "That was the red line that was not crossed.",
    "We will respond to the challenges of the digital economy together.",
    "If two clinics close, there will be no consequences for patients.",
    "The regime faced the consequences of its own decisions.",
    "There would be consequences of making that choice, she said.",
])
def test_rhetoric_hard_negatives_are_not_threats(text: str, context: Any) -> None:
    assert _threats(text, context) == ()


def test_rhetoric_usable_clause_rejects_fragments(context: Any) -> None:
    assert not usable_clause("if necessary", context.nlp)
    assert not usable_clause("a direct involvement of the U.S.", context.nlp)
    assert usable_clause("Ukraine strikes Russian territory with ATACMS", context.nlp)


@pytest.mark.parametrize("text", ["Putin escalates", "Iran retaliates", "we respond", "Russia invades",
                                  "Israel attacks Iran", "Beijing will act"])
def test_rhetoric_usable_clause_is_subject_and_verb_not_length(text: str, context: Any) -> None:
    # A two-word clause has a subject and a verb: the measure tests the clause, not its length.
    assert usable_clause(text, context.nlp)


@pytest.mark.parametrize("text", ["if so", "if needed", "any attack", "Russian aggression", "the deployment",
                                  "retaliation", "nuclear war", "necessary measures", "the attack on Iran"])
def test_rhetoric_usable_clause_refuses_short_phrases_without_a_verb(text: str, context: Any) -> None:
    assert not usable_clause(text, context.nlp)


def test_rhetoric_promised_response_noun(context: Any) -> None:
    t = _one("Russian senator Andrei Klimov promised a swift response to any strike on Crimea.", context)
    assert t.actor == "RUS" and t.response == "Andrei Klimov will respond swiftly"


def test_rhetoric_warning_of_a_coercive_step_by_the_warner(context: Any) -> None:
    t = _one("Britain warned that it would trigger the snapback of UN sanctions on Iran.", context)
    assert t.actor == "GBR"
    assert t.response.startswith("the United Kingdom would trigger") or t.response.startswith("Britain would trigger") \
        or "would trigger the snapback" in t.response


def test_rhetoric_doctrine_that_lowers_the_threshold(context: Any) -> None:
    t = _one("Putin approved an updated nuclear doctrine that allows a nuclear response to a conventional attack.",
             context)
    assert (t.actor, t.form, t.kind) == ("RUS", "doctrine", "nuclear")
    assert t.response == "the doctrine allows a nuclear response to a conventional attack"


def test_rhetoric_warns_not_to_is_a_red_line(context: Any) -> None:
    t = _one("Australia warned China not to use its fishing fleet to harass Australian boats.", context)
    assert (t.actor, t.form) == ("AUS", "red_line")
    assert t.trigger.startswith("China uses its fishing fleet")


def test_rhetoric_bare_participle_condition_is_the_issuer_passive(context: Any) -> None:
    t = _one("Pakistan threatened to strike back if attacked.", context)
    assert t.trigger == "Pakistan is attacked"
    assert t.response == "Pakistan will strike back"


def test_rhetoric_take_action_and_vow_vengeance(context: Any) -> None:
    t = _one("Egypt warned it will take military action if Ethiopia fills the dam.", context)
    assert (t.actor, t.trigger) == ("EGY", "Ethiopia fills the dam")
    assert _one("The Indian prime minister vowed to seek revenge on the attackers.", context).actor == "IND"
    assert _threats("The Indian prime minister vowed to seek new markets for rice.", context) == ()


def test_rhetoric_warning_noun_with_a_that_clause(context: Any) -> None:
    t = _one("Serbia issued a warning that it would expel the envoy if the report is published.", context)
    assert (t.actor, t.trigger) == ("SRB", "the report is published")
    assert t.response.startswith("Serbia would expel the envoy")


def test_rhetoric_negated_participle_condition(context: Any) -> None:
    t = _one("The hijacker threatened to blow up the plane if not given fuel.", context)
    assert t.trigger == "The hijacker is not given fuel"


def test_rhetoric_red_line_with_its_condition(context: Any) -> None:
    t = _one("The minister said there is a red line if Serbia moves troops to the border.", context)
    assert (t.form, t.trigger) == ("red_line", "Serbia moves troops to the border")


def test_rhetoric_third_person_on_a_government_site_is_not_the_government(context: Any) -> None:
    t = _one("He is now threatening to launch an offensive in Rafah.", context,
             url="https://www.whitehouse.gov/briefing-room/press-briefings/2024/03/01/briefing/")
    assert t.actor is None


def test_rhetoric_first_person_conditional_coercion(context: Any) -> None:
    t = _one('"If the province escalates, I will not hesitate to cut the gas off completely," the governor said.',
             context)
    assert t.trigger == "the province escalates" and t.response.endswith("cut the gas off completely")
    t = _one('"If the duties are not dropped, I will substantially increase the tariffs on cars," the president said.',
             context)
    assert t.trigger == "the duties are not dropped"


@pytest.mark.parametrize("text", ["Turkey attacks", "the United States attacks", "Pakistan attacks", "Japan sanctions"])
def test_rhetoric_usable_clause_reads_a_name_and_an_act_verb_as_a_clause(text: str, context: Any) -> None:
    # The parser reads "Turkey attacks" as a noun compound in every carrier; "if Turkey attacks" is a clause.
    assert usable_clause(text, context.nlp)


@pytest.mark.parametrize("text", ["Turkish attacks", "Israeli strikes", "Russian Federation forces", "the attacks",
                                  "Russia will so", "the United States will so", "the army will not"])
def test_rhetoric_usable_clause_refuses_noun_phrases_and_pro_verbs(text: str, context: Any) -> None:
    # A nationality before a plural noun is a noun phrase; "will so" / "will not" stand for a clause said elsewhere.
    assert not usable_clause(text, context.nlp)
