"""Acts a warning names without a verb of the issuer's own: an act named as the subject of what it would bring
about, and a hostile act another side would suffer.

"Russia warned Finland that joining NATO would have serious consequences", "Ankara warns Washington that a vote on
the resolution will damage relations": the act (a gerund or a nominalised verb) is the threat's trigger, done by
the warned party ("Finland joins NATO"), and what it would bring about is the response ("this would have serious
consequences"). Without this the trigger was left empty and the sentence's whole clause stood as the response.
"Israel would be destroyed if it attacked": the speaker's side would do what the other side would suffer.
Also the consequences a warning names for an act: a penalty for those who do it ("could be charged"), a
catastrophe ("would be catastrophic") or a war ("would lead to a direct conflict with NATO").
"""

from __future__ import annotations

from typing import Any

from redline.assess import clauses
from redline.assess.threat_rules import _codes, _future, _if_clause, _in_if, _issuer_side, _negated
from redline.assess.threat_words import DIRE, HOSTILE_VERBS, PENALTIES, RESPONSE_NOUNS
from redline.models import Analysis

# Verbs of what an act would bring about ("would damage relations", "will lead to war", "would have consequences").
BRINGING = frozenset({"affect", "damage", "harm", "hurt", "jeopardize", "jeopardise", "undermine", "lead", "trigger",
                      "provoke", "spark", "mean", "cost", "result", "bring", "prompt", "endanger", "ruin",
                      "complicate", "poison", "escalate", "destroy", "end", "invite", "draw", "have", "carry"})


def named_act(verb: Any) -> tuple[str, list[Any]]:
    """The act ``verb``'s subject names, as a clause done by "anyone", with the subject's tokens: a gerund
    ("joining NATO" -> "anyone joins NATO") or a nominalised act ("a vote on the bill" -> "anyone votes on the
    bill"); ("", []) when the subject names no act."""
    doing = next((c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"), None)
    if doing is not None and not any(c.dep_ == "nsubj" for c in doing.children):
        return clauses.clause(doing, "anyone"), list(doing.subtree)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_ or any(
            c.dep_ == "poss" and c.lower_ in clauses.OWN_POSSESSIVES for c in subject.children):
        return "", []  # "its strike would destroy ...": the issuer's own act is the response
    said = clauses.nominal(subject, "anyone")
    return (said, list(subject.subtree)) if said else ("", [])


def brought_about(verb: Any) -> tuple[str, str, str] | None:
    """(trigger, response, form) when ``verb`` says, with a future modal, what an act named as its subject would
    bring about: "joining NATO would have serious consequences" -> ("anyone joins NATO", "this would have serious
    consequences", "conditional"); None otherwise."""
    modal = any(c.dep_ == "aux" and c.lower_.replace("\u2019", "'") in {"will", "would", "'ll"} for c in verb.children)
    if not modal or verb.lemma_ not in BRINGING or any(c.dep_ == "neg" for c in verb.children):
        return None
    if verb.lemma_ in {"have", "carry"} and not any(c.dep_ == "dobj" and c.lower_ in RESPONSE_NOUNS
                                                    for c in verb.children):
        return None  # "would have consequences", not "would have a vote"
    trigger, subject = named_act(verb)
    if not trigger:
        return None
    return trigger, "this " + clauses.text_of([t for t in verb.subtree if t not in subject]), "conditional"


def suffered(verb: Any, speaker: list[Any], analysis: Analysis) -> tuple[str, str, str] | None:
    """(trigger, response, form) when a warning says, on a condition, that another side would suffer a hostile act
    no one is named to do: "Iran's commander warned that Israel would be destroyed if it attacked" (the speaker's
    side is the one who would destroy); None otherwise. Without a condition it is a forecast."""
    if verb.lemma_ not in HOSTILE_VERBS | {"wipe", "target", "punish"} or _negated(verb) or not _future(verb):
        return None
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is None or any(c.dep_ == "agent" for c in verb.children):
        return None  # "would be destroyed by the storm": the doer is named, and it is not the speaker
    sufferer = list(passive.subtree)
    if not _codes(sufferer, analysis.mentions) or _issuer_side(sufferer, speaker, analysis):
        return None  # "we will be attacked": a fear of the speaker's side, not a threat
    trigger, form = _if_clause(verb)
    if not trigger:
        return None
    return trigger, clauses.text_of([t for t in verb.subtree if not _in_if(t, verb)]), form


def warned_penalty(verb: Any) -> tuple[str, str, str] | None:
    """ "warned that officials taking part in the vote could be charged": a penalty for those who do an act; the
    act, said in the subject's participle or relative clause, is the trigger."""
    if verb.lemma_ not in PENALTIES or not any(c.dep_ == "auxpass" for c in verb.children) or _negated(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    doing = next((c for c in subj.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"), None) \
        if subj is not None else None
    trigger, form = _if_clause(verb)
    if doing is not None and subj is not None and not trigger:
        who = clauses.text_of([t for t in subj.subtree if t not in set(doing.subtree)])
        trigger = clauses.clause(doing, who, subj.tag_ in {"NNS", "NNPS"}) if doing.tag_ == "VBG" else \
            clauses.text_of([t for t in doing.subtree if t.lower_ not in {"who", "that"} or t.head != doing])
        if doing.tag_ != "VBG":
            trigger = f"{who} {trigger}"
        form = "conditional"
    if not trigger:
        return None
    return trigger, clauses.text_of([t for t in verb.subtree if not _in_if(t, verb)]), form


WAR_OUTCOMES = frozenset({"war", "conflict", "confrontation", "escalation", "retaliation", "response", "clash",
                          "clashes", "hostilities"})


def warned_catastrophe(verb: Any) -> tuple[str, str, str] | None:
    """ "warned that an attack on X would be catastrophic": an act named as a noun, with dire consequences."""
    if verb.lemma_ in {"lead", "trigger", "provoke", "spark", "mean"} and not _negated(verb) and _future(verb):
        return warned_war(verb)
    if verb.lemma_ != "be" or _negated(verb):
        return None
    dire = next((c for c in verb.children if c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in DIRE), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if dire is None or subj is None:
        return None
    act = clauses.nominal(subj, "anyone")
    if not act:
        return None
    return act, f"the consequences will be {clauses.text_of(dire.subtree)}", "conditional"


def warned_war(verb: Any) -> tuple[str, str, str] | None:
    """ "warned that sending troops to Ukraine would lead to a direct conflict with NATO": an act, named as a
    gerund or a noun, that would bring war."""
    outcome = next((o for c in verb.children for o in ([c] if c.dep_ == "dobj" else c.children if c.dep_ == "prep"
                                                       and c.lower_ == "to" else []) if o.dep_ in {"dobj", "pobj"}),
                   None)
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
    if outcome is None or subj is None or outcome.lemma_.lower() not in WAR_OUTCOMES:
        return None
    act = clauses.clause(subj, "anyone") if subj.tag_ == "VBG" else clauses.nominal(subj, "anyone")
    if not act:
        return None
    return act, f"there will be {clauses.text_of(outcome.subtree)}", "conditional"
