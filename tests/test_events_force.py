"""The event coder on acts of force (issue 10): who fights whom when a clause names a fight, not a doer."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current


def _current(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, "2024-01-01", context, "test"))]


def test_events_force_a_killing_in_a_two_sided_fight_is_each_side_s_assault(context: Any) -> None:
    """Deaths told with no killer but a fight between two sides as their cause are the fight: each side on the
    other (the guide's two-sided acts), not an assault by no one."""
    both = [("ASSAULT", "MLI-MIL", "MLI-REB"), ("ASSAULT", "MLI-REB", "MLI-MIL")]
    assert _current("Two villagers were killed during fighting between the army and Tuareg rebels in northern "
                    "Mali.", context) == both
    # the fight as the subject of the killing, told with a gerund the tagger reads as a verb
    assert _current("Fighting between the army and Tuareg rebels killed 15 soldiers in northern Mali.",
                    context) == both
    # one plural side: the factions fight each other, in the country where they fight
    assert _current("Twelve people were killed in fighting between rival clans in central Somalia.", context) == [
        ("ASSAULT", "SOM", "SOM")] * 2


def test_events_force_a_named_killer_keeps_the_killing(context: Any) -> None:
    """A killing whose doer the clause names stays that doer's, whatever fight it happened in."""
    assert _current("Police shot dead two protesters during clashes between rival gangs in Nairobi.", context) == [
        ("ASSAULT", "KEN-GOV", "KEN")]


def test_events_force_two_sides_coded_alike_are_still_two_assaults(context: Any) -> None:
    """A fight between two sides the text names by no country is each side's assault on the other, as any
    two-sided fight: the merge keeps both directions although both read "the country where they fight"."""
    assert _current("Clashes broke out between Hindu and Muslim groups in Gujarat, India.", context) == [
        ("ASSAULT", "IND", "IND")] * 2
    # one side's act told twice in one sentence stays one event
    assert _current("Syrian troops shelled and stormed the town of Rastan.", context) == [
        ("ASSAULT", "SYR-MIL", "SYR")]
