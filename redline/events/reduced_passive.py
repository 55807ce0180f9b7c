"""Headline passives told without their auxiliary: "Three soldiers killed in roadside bomb attack", "Protester
shot dead by police in Lagos". The noun before the bare past participle is its victim, not its doer; the doer is
the "by" phrase, if any. Pure functions of spaCy tokens.
"""

from __future__ import annotations

from typing import Any

# Verbs of force, coercion and capture that take their victim as object: with a subject before them and no
# object after, told as a bare past tense, they are passives ("Two militants killed in Tyre").
VICTIM_VERBS = frozenset({
    "kill", "wound", "injure", "shoot", "stab", "behead", "execute", "murder", "slay", "massacre", "assassinate",
    "abduct", "kidnap", "arrest", "detain", "jail", "imprison", "capture", "torture", "hang", "lynch",
})
AIM_PREPS = frozenset({"at", "on", "upon", "into"})


def _bare(verb: Any) -> bool:
    """No auxiliary, no object, no aim ("Gunmen shot at a bus" is active): nothing marks the clause as active."""
    return not any(c.dep_ in {"aux", "auxpass", "dobj", "dative", "ccomp", "xcomp"}
                   or (c.dep_ == "prep" and c.lower_ in AIM_PREPS) for c in verb.children)


def reduced_passive_patient(verb: Any) -> list[Any]:
    """The victim of a bare past participle heading its sentence, else []: the noun a participle modifies when
    that noun is the sentence's root ("Two Hezbollah militants killed in an Israeli airstrike"), or the subject
    of a root verb of force told in the past with no auxiliary and no object ("Protester shot dead by police")."""
    if verb.lemma_.lower() not in VICTIM_VERBS or verb.tag_ not in {"VBN", "VBD"} or not _bare(verb):
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i:
        return [verb.head]
    if verb.dep_ == "ROOT":
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        return subjects[:1]
    return []


def patient_tokens(verb: Any, patient: list[Any]) -> list[Any]:
    """The victim's phrase, without the participle's own clause ("in an Israeli airstrike" is not the victim)."""
    inner = {t.i for t in verb.subtree}
    return [t for h in patient for t in h.subtree if t.i not in inner]


def agent_tokens(verb: Any) -> list[Any]:
    """The "by" phrase of a passive, the doer."""
    return [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
