"""Verb forms a threat's clauses are read from: what "any X" is declared to become, "hit back", what "will not
allow X to do Y" forbids, and "any X" as a trigger ("any attack" -> "anyone attacks <issuer>"). Split from
``clauses`` (which builds the clauses these read into)."""

from __future__ import annotations

from typing import Any

from redline.assess.clauses import ISSUER, carried_out, clause, is_plural, nominal, relative_act, text_of, third_person
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


def any_trigger(subject: list[Any]) -> str:
    """ "Any threat to the United States" -> "anyone threatens the United States" (the subject of "be met")."""
    det = next((t for t in subject if t.lower_ == "any"), None)
    if det is None:  # "those who attack our soldiers will pay": whoever does it
        head = next((t for t in subject if t.lower_ in {"those", "whoever", "anyone", "anybody"}), None)
        rel = next((c for c in head.children if c.dep_ == "relcl"), None) if head is not None else None
        if rel is None or rel.tag_ not in {"VBP", "VBZ", "VB"}:
            return ""
        rest = text_of([t for t in rel.subtree if t.i > rel.i])
        return f"anyone {third_person(rel.lemma_)} {rest}".strip()
    head = det.head
    said = nominal(head, "anyone")
    if said:
        return on_issuer(said)
    rel = next((c for c in head.children if c.dep_ == "relcl"), None)
    if rel is None:  # "any ship entering the zone": a ship enters the zone
        doing = next((c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
        if doing is not None:
            return clause(doing, f"a {head.text}")
        done_to = next((c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if done_to is None:
            return carried_out(head) or ""  # "any sanctions": anyone imposes sanctions
        # "any Western troops sent to Ukraine" -> "Western troops are sent to Ukraine"
        np = text_of([t for t in head.subtree if t != det and t not in set(done_to.subtree)])
        return clause(done_to, np, plural=head.tag_ in {"NNS", "NNPS"})
    return relative_act(rel) or clause(rel, f"a {head.text}")  # "any country that hosts X": a country hosts X


def any_answered(noun: Any) -> tuple[str, frozenset[Any]]:
    """ "a response to any attack" -> ("anyone attacks", the "to" phrase): what a response noun answers, as a
    trigger, when it is any act of a kind."""
    for p in noun.children:
        if p.dep_ != "prep" or p.lower_ not in {"to", "against"}:
            continue
        for o in p.children:
            if o.dep_ == "pobj" and any(d.lower_ == "any" for d in o.children):
                said = nominal(o, "anyone")
                if said:
                    return on_issuer(said), frozenset(p.subtree)
    return "", frozenset()


# The preposition by which an act that takes no direct object reaches what it is done to.
ACT_PREPOSITIONS = {"intrudes": "into", "intrude": "into", "encroaches": "on", "encroach": "on", "interferes": "in",
                    "interfere": "in", "intervenes": "in", "intervene": "in", "escalates": "in", "escalate": "in"}


def on_object(said: str, thing: str) -> str:
    """ "anyone intrudes" done to "its air space" -> "anyone intrudes into its air space"; "anyone attacks" ->
    "anyone attacks its air space"."""
    verb = said.split()[-1]
    return f"{said} {ACT_PREPOSITIONS[verb]} {thing}" if verb in ACT_PREPOSITIONS else f"{said} {thing}"


def on_issuer(said: str) -> str:
    """ "anyone attacks" -> "anyone attacks <issuer>": a response to any attack answers an attack on the issuer."""
    if said.split()[-1] in {"attacks", "strikes", "invades", "provokes"}:  # "the Indian side attacks": whom unsaid
        return f"{said} {ISSUER}"
    return said


def says_something(trigger: str) -> bool:
    """A trigger that names who acts or what is acted on: "NATO expands", "anyone attacks Israel"; not "anyone
    deploys" or "someone acts" ("respond to the deployment")."""
    return len(trigger.split()) >= 3 or trigger.split()[0].lower() not in {"anyone", "someone"}
