"""Who did an act of force when the text names no one: the scene is not the perpetrator.

News names attackers the text does not know by what they are ("a gunman", "an airstrike", "a car bomb",
"assailants") and where they struck ("in Florence, South Carolina", "in Mogadishu"). The real-news annotation
guide (``tests/gold/README.md``) codes such an attack with no source, "not the country where it happened";
only an agent noun of a known sector ("militants", "troops", "police") is coded by the country it acts in
(``MentionIndex.agent``). Pure functions of spaCy tokens and the document's mentions.
"""

from __future__ import annotations

from typing import Any

from redline.events.actors import REBEL_SECTOR, MentionIndex, _agent_sector


def armed_owner(noun: Any, index: MentionIndex) -> str | None:
    """An act noun whose modifier names insurgents but no group ("a separatist rocket attack on a position in
    Donetsk Oblast", "militant attacks in Afghanistan", "an Islamist ambush in Mali"): the insurgents of the
    country where it happened (the guide: unnamed militants take the country where they act), as the noun
    "militants" is coded (``MentionIndex.agent``)."""
    armed = any(c.dep_ in {"amod", "compound"} and _agent_sector(c) == REBEL_SECTOR for c in noun.children)
    if not armed:
        return None
    place = index.setting(noun)
    return f"{place}-{REBEL_SECTOR}" if place is not None and len(place) == 3 else None
