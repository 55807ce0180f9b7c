"""Interception and defence (the status rule "interception", ``redline.events.status``): force against an
incoming munition or an unmanned craft is the defender's act, not an assault by the defender ("shot down drones",
"intercepted the rockets fired by Hamas", "repelled the attackers"); a manned aircraft shot down is an attack
on its crew.

Pure functions of spaCy tokens and the article's mentions.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from redline.events.actors import MentionIndex
from redline.models import Mention

# Verbs of defence against incoming weapons.
INTERCEPTING_VERBS = frozenset({"intercept", "down", "repel", "repulse", "neutralize", "neutralise", "destroy",
                                "thwart", "foil", "shoot"})
# Verbs of repelling an attack: the defender's act is no assault, whatever it repels ("repelled the attackers").
REPELLING_VERBS = frozenset({"repel", "repulse", "fend"})
# What is intercepted: munitions and unmanned craft (a manned aircraft shot down is an attack on its crew).
MUNITION_NOUNS = frozenset({"drone", "missile", "rocket", "projectile", "shell", "uav", "warhead", "munition",
                            "bomb", "glide", "shahed", "loitering"})
# Weapon classes that carry a crew: shooting one down is no interception, whatever the gazetteer calls it.
MANNED_CLASSES = frozenset({"fighter_aircraft", "bomber", "tank", "ifv"})

def intercepted(verb: Any, lemma: str, preps: Collection[str], index: MentionIndex) -> bool:
    """Whether an act of force (``verb``, its lexicon ``lemma`` and prepositions) is against an incoming
    munition: "shot down drones", "intercepted three missiles", "repelled the attackers"."""
    if lemma in REPELLING_VERBS:  # "the attackers were repelled by a NATO mission"
        return True
    if fired_at_defender(verb, index):  # "intercepted the rockets fired by Hamas"
        return True
    if lemma not in INTERCEPTING_VERBS:
        return False
    if lemma == "shoot" and "down" not in preps and not any(
            c.lower_ == "down" for c in verb.children):  # "shot down", "down" parsed as an adverb
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    # "destroyed 50 of the 70 drones Russia launched", the object misread as a complement's subject
    objects += [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    return any(t.lemma_.lower() in MUNITION_NOUNS or _unmanned_weapon(index.by_token.get(t.i))
               for c in objects for t in c.subtree if t.pos_ in {"NOUN", "PROPN"})


def _unmanned_weapon(mention: Mention | None) -> bool:
    """A weapon mention that can be intercepted: a munition or an unmanned craft, not a jet or a tank."""
    return mention is not None and mention.type == "WEAPON" and mention.attr("class") not in MANNED_CLASSES


def fired_at_defender(verb: Any, index: MentionIndex) -> bool:
    """The act describes a munition that a defender intercepted: "intercepted most of the rockets fired by
    Hamas", "shot down drones launched from Iran" (the launch is at most the attacker's attempt)."""
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in MUNITION_NOUNS:
        return False
    tok = verb.head
    for _ in range(3):  # "most of the rockets", "30 of 40 drones"
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok.lemma_.lower() in INTERCEPTING_VERBS and (tok.lemma_.lower() != "shoot" or any(
                c.lower_ == "down" for c in tok.children))
    return False
