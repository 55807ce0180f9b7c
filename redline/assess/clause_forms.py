"""Verb forms a threat's clauses are read from: what "any X" is declared to become, "hit back", and what "will not
allow X to do Y" forbids. Split from ``clauses`` (which builds the clauses these read into)."""

from __future__ import annotations

from typing import Any

from redline.assess.clauses import is_plural, text_of, third_person
from redline.assess.threat_words import DESIGNATING


def designated(verb: Any, subject: list[Any]) -> str:
    """What "any X" is declared to become or to be regarded as, when it marks it for attack: "would become
    legitimate targets", "would be regarded as a declaration of war", "will be considered an act of aggression";
    empty otherwise."""
    if not any(t.lower_ == "any" for t in subject) or verb.lemma_ not in DESIGNATING:
        return ""
    said = [c for c in verb.children if c.dep_ in {"attr", "oprd", "acomp"}] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"]
    for noun in said:
        words = {t.lemma_.lower() for t in noun.subtree}
        if noun.lemma_.lower() == "target" or words & {"war", "aggression"} and noun.lemma_.lower() in {
                "declaration", "act", "belli", "cause"}:
            return text_of(noun.subtree)
    return ""


def hits_back(verb: Any) -> bool:
    """ "hit back", "strike back", "fight back": a verb of answering with its particle."""
    return verb.lemma_ in {"hit", "strike", "fight"} and any(  # "hit back hard": "back" hung on "hard"
        t.lower_ == "back" and t.dep_ in {"prt", "advmod"} for c in verb.children for t in c.subtree)


def allowed(verb: Any) -> str:
    """What "will not allow X to do Y" forbids, as a clause: "Iran obtains nuclear weapons"; empty when ``verb``
    takes no one and an infinitive (parsed as "X to do" or as "X" and "to do")."""
    act = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"} and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if act is None:
        return ""
    who = next((c for c in act.children if c.dep_ == "nsubj"), None) or next(
        (c for c in verb.children if c.dep_ == "dobj" and c.i < act.i), None)
    if who is None:
        return ""
    rest = text_of([t for t in act.subtree if t.i > act.i])
    return " ".join(w for w in (text_of(who.subtree), third_person(
        act.lemma_, is_plural(list(who.subtree))), rest) if w)
