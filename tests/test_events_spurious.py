"""Mechanisms against spurious events and actors from the wrong clause (issue 10), each with sentences of its own,
through the real pipeline."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current


def _coded(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, "2024-01-01", context, "test"))]


def test_events_subject_relative_clause_names_no_actor(context: Any) -> None:
    # the country inside the subject's relative clause is where the man was diagnosed, not who acts
    assert _coded("The first patient who was diagnosed with cholera in Kenya, a Somali trader, dies in Nairobi "
                  "hospital.", context) == []
    assert _coded("A tourist who had travelled through Germany died in Prague.", context) == []


def test_events_the_dead_are_the_victims_not_the_attackers(context: Any) -> None:
    assert _coded("Two Afghan soldiers died in fighting in Helmand.", context) == [("ASSAULT", None, "AFG-MIL")]


def test_events_death_without_violence_is_no_event(context: Any) -> None:
    assert _coded("A Japanese pensioner died in Seoul on Monday.", context) == []
    assert _coded("Two Afghan soldiers died in fighting in Helmand.", context) != []


def test_events_measures_that_target_a_country_use_no_force(context: Any) -> None:
    assert not [e for e in _coded("The European tariffs target Chinese electric cars.", context) if e[0] == "ASSAULT"]
    assert _coded("Chinese warplanes targeted Taiwanese ships.", context) == [("ASSAULT", "CHN-MIL", "TWN")]


def test_events_demonstrating_a_point_is_no_protest(context: Any) -> None:
    coded = _coded("The minister demonstrated why, with her record, she is the right person for the job.", context)
    assert not [e for e in coded if e[0] == "PROTEST"]
    coded = _coded("The Polish minister demonstrated resolve in Brussels.", context)
    assert not [e for e in coded if e[0] == "PROTEST"]
    assert _coded("Thousands demonstrated in Cairo against the government.", context) == [("PROTEST", "EGY", "EGY")]


def test_events_statement_to_the_press_addresses_no_one(context: Any) -> None:
    assert _coded("The Kazakh President assured reporters that the project would go ahead.", context) == []


def test_events_directive_verb_yields_to_the_demand(context: Any) -> None:
    assert _coded("Serbia challenged Croatia to prove the claims.", context) == [("REQUEST", "SRB", "HRV")]


def test_events_capital_modifying_a_place_or_an_act_is_the_city(context: Any) -> None:
    assert _coded("A bomb goes off in a Beirut market, killing eight people.", context) == [("ASSAULT", None, "LBN")]
    assert _coded("The Kabul bombing killed 12 people on Friday.", context) == [("ASSAULT", None, "AFG")]
    assert _coded("Beijing officials condemned the attack on the embassy.", context)[0][1] == "CHN-GOV"


def test_events_ordering_a_closure_is_a_restriction(context: Any) -> None:
    assert _coded("Kenyan officials ordered the closing of two Somali radio stations.", context)[0][0] == "COERCE"


def test_events_rounding_up_people_is_an_arrest(context: Any) -> None:
    assert _coded("Police rounded up dozens of opposition activists in Minsk.", context)[0][0] == "COERCE"
