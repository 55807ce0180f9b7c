"""Whose threat a threat noun names, when no "from" phrase or name in the possessive says it: the agent of the act
threatened is its doer ("threats of a strike by Russia": Russia's, whoever talks of them); the one told to do
something about a threat is the one who does it ("Washington urged Pyongyang to drop its threats of nuclear
strikes": Pyongyang's, not Washington's); and a threat noun that is itself the subject of its verb names no one
("The threat of a full-scale attack remains")."""

from __future__ import annotations

from typing import Any

# Prepositions by which a verb names whom it tells to act ("called on Iran to stand down", "appealed to Moscow to").
TOLD = frozenset({"on", "upon", "to"})


def act_agent(act: Any) -> list[Any]:
    """The "by" phrase of a threatened act ("threats of a strike by Russia" -> "by Russia"); empty without one."""
    by = next((c for c in act.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return list(by.subtree) if by is not None and any(o.dep_ == "pobj" for o in by.children) else []


def told_doer(carrier: Any) -> list[Any]:
    """Who is to do what a verb told them to ("urged Pyongyang to drop its threats" -> Pyongyang): the object of the
    telling verb of an infinitive carrier; empty when the carrier is no such infinitive."""
    if carrier.dep_ != "xcomp" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in carrier.children):
        return []
    teller = carrier.head
    told = next((c for c in teller.children if c.dep_ == "dobj"), None) or next(
        (o for c in teller.children if c.dep_ == "prep" and c.lower_ in TOLD and c.i < carrier.i
         for o in c.children if o.dep_ == "pobj"), None)
    return list(told.subtree) if told is not None else []


def carrier_subject(noun: Any, subject: list[Any]) -> list[Any]:
    """The subject of the verb that carries a threat noun, as its issuer: none when it is the noun's own phrase."""
    return [] if noun in subject else subject
