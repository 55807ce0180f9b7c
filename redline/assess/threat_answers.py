"""What a threat answers, as its trigger: the relative clause on the threatened act's object ("will sanction
anyone who engages with Damascus"), and the act a response is to ("will respond to a conference held in
Washington", "in response to the exercise"). Helpers of ``redline.assess.threat_rules``.
"""

from __future__ import annotations

from typing import Any

from redline.assess import clause_forms, clauses
from redline.assess.clause_forms import on_issuer as _on_issuer
from redline.assess.threat_words import DEFENDING, RESPONSE_NOUNS, THREATENING


def relative_trigger(verb: Any) -> tuple[str, str]:
    """ "will sanction anyone who engages with Damascus": the relative clause on the act's object is the trigger."""
    for t in verb.subtree:
        if t.dep_ == "relcl" and t.head.dep_ in {"dobj", "pobj"} and not told(t) and not aside(t):
            said = clauses.relative_act(t)  # "any target that enters the zone" -> "a target enters the zone"
            if said:
                return said, "conditional"
        if t.dep_ == "dobj" and t.head == verb and not any(d.lower_ == "any" for d in t.children) and not any(
                c.dep_ == "acl" and c.lemma_ in THREATENING | {"warn"} for c in t.children):  # not the threat itself
            heading = clauses.doing_np(t)  # "will attack ships heading to Israeli ports": ships that do so
            if heading:
                return heading, "conditional"
        if t.dep_ in {"dobj", "pobj"} and any(d.lower_ == "any" and d.dep_ == "det" for d in t.children):
            sent_np = clauses.passive_np(t) or clauses.doing_np(t)  # "any Western troops sent to Ukraine"
            if sent_np:
                return sent_np.removeprefix("any ").removeprefix("Any "), "conditional"
            if t.dep_ == "dobj" and t.head == verb:  # "threatens to fight any foreign intervention"
                acted = clauses.nominal(t, "anyone")
                if acted:
                    return _on_issuer(acted), "conditional"
        if t.dep_ == "nsubj" and t.head != verb and any(d.lower_ == "any" and d.dep_ == "det" for d in t.children):
            caught = clauses.reduced_passive(t)  # "jail any spies caught spying", read as "spies caught ..."
            if caught:
                return caught, "conditional"
    return "", "unconditional"


def aside(rel: Any) -> bool:
    """A relative clause set off by a comma ("sanctions on the banks, which fund the army"): it says more about
    nouns already named, not which ones the act is done to ("any bank that funds the army"), so it is no condition."""
    first = min(t.i for t in rel.subtree)
    return first > 0 and bool(rel.doc[first - 1].text == ",")


def told(verb: Any) -> bool:
    """A relative clause that tells a fact about its noun ("the nomination which caused deadlock", "the cease-fire
    that has been in place"), not a condition on whoever does it: past or perfect."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ in {"VBD", "VBN"} or bool(aux & {"has", "have", "had", "was", "were"})


def answered(verb: Any, agent: str = "") -> tuple[str, set[Any]]:
    """What a response answers, as its trigger: "will respond to a conference held in Washington" -> "a
    conference is held in Washington"; "in response to the exercise" -> its clause. With the tokens to drop
    from the response."""
    near = [*verb.children, *(x for c in verb.children if c.lower_ == "with" for x in c.children)]  # "with X"
    objects = [o for o in near if o.dep_ in {"dobj", "pobj"} and {o.lemma_.lower(), o.lower_} & RESPONSE_NOUNS]
    answering = [c for o in objects for c in o.children]  # "will take retaliatory measures against the deployment"
    for c in [*verb.children, *answering]:
        if c.dep_ != "prep":
            continue
        if c.lower_ in {"to", "against"} and (verb.lemma_ in {"respond", "retaliate", "react"} or bool(objects)) or (
                c.lower_ == "at" and clause_forms.hits_back(verb)) or (  # "will hit back at any attack"
                c.lower_ in {"from", "against"} and verb.lemma_ in DEFENDING):  # "defend its air space from incursions"
            noun = next((o for o in c.children if o.dep_ == "pobj"), None)
        elif c.lower_ == "in" and any(o.lemma_ in {"response", "retaliation"} for o in c.children):
            inner = next(o for o in c.children if o.lemma_ in {"response", "retaliation"})
            noun = next((o for p in inner.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"), None)
        else:
            continue
        if noun is None or noun.pos_ == "PROPN":  # "retaliate against the United States": whom, not what
            continue
        anyone = "anyone" if any(d.lower_ == "any" for d in noun.children) else agent or "someone"
        rel = next((r for r in noun.children if r.dep_ == "relcl" and not told(r)), None)
        said = (clauses.relative_act(rel) if rel is not None else "") or clauses.nominal(noun, anyone) or \
            clauses.passive_np(noun) or clauses.carried_out(noun) or \
            clauses.done(noun, hostile=noun.lower_ not in clauses.NOUN_ACTS)  # "respond to the missile barrage":
        # someone carries it out; "respond to the sanctions": someone imposes them
        guarded = next((o for o in verb.children if o.dep_ == "dobj"), None) if verb.lemma_ in DEFENDING else None
        if said and guarded is not None and len(said.split()) == 2:  # "defend its air space from incursions":
            # "anyone intrudes" becomes "anyone intrudes into its air space"
            said = clause_forms.on_object(said, clauses.text_of(guarded.subtree))
        if said and clause_forms.says_something(_on_issuer(said)):
            return _on_issuer(said), set(c.subtree) - clauses.instrument(noun)
    return "", set()
