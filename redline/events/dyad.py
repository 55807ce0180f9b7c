"""Acts that need a counterpart: a meeting, cooperation, help, backing or a request is done *to* someone.

An event of such a type whose clause the coder gave no target, in a sentence that names no party but its source,
or whose only target is the source's own country named bare (``_at_home``), has no counterpart in the text
("Police said they had found an explosives belt in a mosque", "Hezbollah confirms the drone was supplied by
Iran", "the ministry urged restraint", "the Spanish government held talks in Madrid"): what it codes is a
statement about the source, not an interaction between two parties, which is what an event of the CAMEO/PLOVER
kind records (PETRARCH codes only complete source-verb-target triples). Such an event keeps its clause with the
status ``undirected`` (out of the situation picture, still citable by a brief). A sentence that names another
party keeps the event: the coder may have missed the link ("granted asylum to five Panamanian officers"), and its
type is still right. Read after the merge, so that a target-less event another clause completes has already
merged into the fuller one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redline.events.actors import MentionIndex, country
from redline.events.domestic import second_party
from redline.events.status import CURRENT

UNDIRECTED = "undirected"
# Types whose act is done to someone: one meets, works with, helps, backs or asks a party. Not here: acts that may
# stand alone ("agreed to lay down arms", "decided to allow a candidate to run", "completed their withdrawal",
# "raised its alert", "denied wrongdoing", "protests erupted"), and acts on a party the text leaves unnamed or
# to the place ("expelled two diplomats", "threatened to ban opposition rallies", "clashes in Rakhine"); PLOVER's
# gold gives several of these no target.
DIRECTED_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "REQUEST"})
# Types of force: one done in the doer's own country with no party named is done to that country.
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def at_home(events: tuple[Any, ...]) -> tuple[Any, ...]:
    """The merged events, one of force by a named doer in its own country, with no target, given that country as
    target: "government forces launched an offensive in eastern Ghouta" (SYR-MIL on SYR), "a Ukrainian strike
    kills three in Luhansk" (UKR on UKR), the way the real-news guide and CAMEO code violence at home (the
    target is the country's people or rebels the text leaves unnamed). Read after the merge, so that a
    target-less act another clause names the victim of ("kidnapped Russian advisers and exploded bombs in
    Kabul") has already merged into the fuller event."""
    return tuple(replace(e, target=own) if (own := _home_scene(e)) is not None else e for e in events)


def _home_scene(event: Any) -> str | None:
    if event.status != CURRENT or event.type not in FORCE_TYPES or event.target is not None:
        return None
    own = country(event.source)
    if own is None or event.geo is None or event.geo.country != own:
        return None
    return own


def undirected(events: tuple[Any, ...], index: MentionIndex, doc: Any) -> tuple[Any, ...]:
    """The merged events, a current one of a directed type with no target and no second party named in its
    sentence given the status ``undirected``."""
    return tuple(replace(e, status=UNDIRECTED) if _lone(e, index, doc) else e for e in events)


def _lone(event: Any, index: MentionIndex, doc: Any) -> bool:
    if event.status != CURRENT or event.type not in DIRECTED_TYPES:
        return False
    if event.target is not None:
        return _at_home(event)
    for ev in event.evidence:
        span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
        if span is None or second_party(event.source, span, index):
            return False
    return True


def _at_home(event: Any) -> bool:
    """The act's only counterpart is the doer's own country named bare, the doer one of its bodies (a government, a
    ministry, an army): "the Spanish government held climate talks in Madrid" (ESP-GOV on ESP: the place of the
    meeting), "Scholz expressed Germany's support to Ukraine" (DEU-GOV on DEU: the support's owner read as its
    addressee). A country acting on itself as a whole ("America is fortunate to have ...": USA on USA) is left as
    it is. Lost with them: a party at home that the coder codes only by the country ("the Kenyan president met
    opposition leaders in Nairobi", KEN-GOV on KEN; the guide codes KEN-GOV on KEN-OPP)."""
    own = country(event.source)
    return event.source is not None and event.target == own and event.source != own
