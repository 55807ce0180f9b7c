"""The modal and planning tests of the status rules: an act of force that is conditional, able, wanted, the purpose
of another act, permitted or decided on, or planned is not done (``redline.events.status``)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from redline.events.actors import MentionIndex
from redline.events.coded import INTENT_ROOTS, Coded, force

# Verbs and nouns of permission or decision whose complement is an act allowed or decided on, not one done.
PERMISSION_WORDS = frozenset({"allow", "permit", "let", "authorize", "authorise", "approve", "greenlight", "clear",
                              "decide", "vote", "decision", "permission", "authorization", "authorisation",
                              "approval", "go-ahead", "green", "plan", "proposal", "request", "right", "license",
                              "licence"})
# Words of plotting: an act of force that is their object or complement is planned, not done ("suspects who were
# planning attacks", "a plot to bomb the embassy"); an attempt ("tried to storm") is an act, and is not here.
PLAN_WORDS = frozenset({"plan", "plot", "scheme", "conspire", "conspiracy", "intend", "intention", "plotter",
                        "prepare", "preparation", "envisage", "envision", "contemplate", "consider", "mull", "weigh"})
# Modals of ability or permission: an act of force someone can or may do is not done.
ABILITY_MODALS = frozenset({"can", "may", "might", "could"})
# Verbs of wish or need: their infinitive complement is wanted, not done ("wants to strengthen ties", "have to be
# evacuated"); an attempt ("tried to storm") is an act, and is not here.
DESIRE_VERBS = frozenset({"want", "wish", "hope", "seek", "aim", "need", "have", "desire", "long", "yearn",
                          "aspire", "intend", "expect"})
# Verbs whose "to"-infinitive is the act itself, done, not a purpose: "tried to storm", "used drones to strike Kyiv",
# "continued to shell the city", "managed to kill".
ACCOMPLISHING_VERBS = frozenset({"try", "attempt", "begin", "start", "continue", "resume", "use", "employ",
                                 "manage", "succeed", "proceed", "go", "come", "help"})


def hypothetical(coded: Coded, index: MentionIndex) -> bool:
    """Conditional, future, able or wanted: "if Russia attacks Poland", "Ukraine can now strike Russia"."""
    if coded.factuality == "conditional":
        return True
    if force(coded) and able(coded.clause.verb):  # "Ukraine can now strike Russian territory"
        return True
    if wanted(coded.clause.verb):
        return True
    return coded.factuality == "future" and coded.cameo[:2] not in INTENT_ROOTS


def able(verb: Any) -> bool:
    """The act is one the actor can or may do, not one done: "Ukraine can now strike Russia", "a strike on Iran
    could trigger a war"; "may have killed" is a hedged report of an act, and is not here."""
    if verb.pos_ == "NOUN" and verb.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        verb = verb.head  # a noun act is as able as the verb it is the subject or object of
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & ABILITY_MODALS) and "have" not in aux


def wanted(verb: Any) -> bool:
    """The act is the complement of a wish or a need: "Japan wants to strengthen ties", "the towns have to be
    evacuated", "Russia seeks to capture the city": wanted or needed, not done."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in DESIRE_VERBS and tok.head.i != tok.i


def purpose(coded: Coded, index: MentionIndex) -> bool:
    """An act of force in the purpose clause of another act: "Chad's army enters Cameroon to fight Boko Haram",
    "sent troops to Ukraine to fight alongside the separatists": what the troops are there for, not what they did
    ("used drones to strike Kyiv" did strike); a plot's own rule decides "foiled a plot to bomb the embassy"."""
    if not force(coded) or planned(coded, index):
        return False
    tok = coded.clause.verb
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in ACCOMPLISHING_VERBS | DESIRE_VERBS
        if tok.dep_ not in {"pobj", "pcomp", "prep", "conj"}:
            return False
        tok = tok.head
    return False


def permitted(coded: Coded, index: MentionIndex) -> bool:
    """An act of force that hangs, through complements, from a word of permission or decision."""
    # "voted to authorize strikes on Iran": a noun act as the object of the permission
    return force(coded) and hangs_from(coded.clause.verb, PERMISSION_WORDS, PERMISSION_LINKS, 4)


PERMISSION_LINKS = frozenset({"xcomp", "ccomp", "acl", "advcl", "conj", "pcomp", "pobj", "prep", "dobj"})


def hangs_from(tok: Any, words: Collection[str], links: Collection[str], steps: int) -> bool:
    """``tok`` hangs, by at most ``steps`` links of the kinds ``links``, from a word whose lemma is in ``words``."""
    for _ in range(steps):
        if tok.head.i == tok.i or tok.dep_ not in links:
            return False
        tok = tok.head
        if tok.lemma_.lower() in words:
            return True
    return False


def planned(coded: Coded, index: MentionIndex) -> bool:
    """An act of force that hangs, as object or complement, from a word of plotting."""
    if not force(coded):
        return False
    tok = coded.clause.verb
    if tok.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lemma_.lower() in PLAN_WORDS for c in tok.head.children):
        return True  # "foiled a plot to bomb the embassy", the infinitive parsed on the verb
    for _ in range(3):
        if tok.head.i == tok.i or tok.dep_ not in {"dobj", "xcomp", "ccomp", "acl", "pobj", "prep", "pcomp"}:
            return False
        tok = tok.head
        if tok.lemma_.lower() in PLAN_WORDS:
            return True
    return False

