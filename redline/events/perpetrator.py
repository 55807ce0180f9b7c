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


def _heads(subject: list[Any]) -> list[Any]:
    """The heads of a subject's phrase, through a passive's "by": "by a gunman in Florence" is the gunman."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    return [p for h in heads for p in ([c for c in h.children if c.dep_ == "pobj"] if h.dep_ == "agent" else [h])]


def common_noun_subject(subject: list[Any]) -> bool:
    """The subject is headed by a common noun ("a gunman in Tulsa", "an airstrike on a market in Rukubi, Nigeria",
    "an explosion in Kabul"), not by a name: the country of a place inside it is where the act happened, not who
    did it (an agent noun of a known sector, "militants in Pattani", is still coded by that country as its
    setting's insurgents, ``MentionIndex.agent``). The real-news guide codes such an attack with no source; the
    PLOVER gold codes the scene's country ("a roadside bombing near Samarra" IRQ)."""
    heads = _heads(subject)
    return bool(heads) and heads[0].pos_ == "NOUN"


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
