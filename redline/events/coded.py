"""A coded clause as the status rules read it: the clause, its CAMEO code, actors, factuality and the article's
date; and the code roots the rules share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redline.events.clause import Clause

# Force (CAMEO 18-20), mass violence, and coercion by seizure or interception (17) are acts of force here.
FORCE_ROOTS = ("17", "18", "19", "20")
# Codes of an intent, a rejection or a threat: a future act announced ("will not meet their demands") is
# itself the current event.
INTENT_ROOTS = ("03", "12", "13")


@dataclass(frozen=True)
class Coded:
    """A clause with the code and actors the coder gave it: what the status rules read."""

    clause: Clause
    cameo: str
    source: str | None
    target: str | None
    factuality: str
    published: date | None


def force(coded: Coded) -> bool:
    """The clause is coded as an act of force."""
    return coded.cameo[:2] in FORCE_ROOTS
