"""The commitment rules: a promise to respond or act, told with a future, a readiness or a right ("we will
respond", "any X will be met with Y", "there will be consequences", "reserves the right to retaliate").

``_commitment`` is one of the sentence rules of ``redline.assess.threat_forms``; ``_promise`` reads one clause's
promise of a coercive act by the speaker's side, and the other rules reuse it for the clause a cue reports. The
parse helpers they share live in ``redline.assess.threat_rules``.
"""

from __future__ import annotations

import re
from typing import Any

from redline.assess import clause_forms, clauses
from redline.assess.clause_forms import any_trigger as _any_trigger
from redline.assess.clause_forms import on_issuer as _on_issuer
from redline.assess.threat_answers import answered as _answered
from redline.assess.threat_answers import relative_trigger as _relative_trigger
from redline.assess.threat_rules import (
    ISSUER,
    Found,
    _codes,
    _future,
    _going_to,
    _if_clause,
    _in_if,
    _issuer_side,
    _negated,
    _speaker_tokens,
    _subject,
    _warned,
    by_warned,
    said_on_noun,
    subject_name,
)
from redline.assess.threat_words import (
    AIMED_NOUNS,
    ARMS,
    BENIGN_MEASURES,
    BENIGN_OBJECTS,
    EFFECT_NOUNS,
    HEDGES,
    LEAD_VERBS,
    OPEN_ACTS,
    PUNITIVE_NOUNS,
    RESPONSE_NOUNS,
    RESPONSE_VERBS,
)
from redline.models import Analysis, Claim


def _promise(verb: Any, speaker: list[Any], analysis: Analysis) -> tuple[str, str, str] | None:
    """(trigger, response, form) when the clause of ``verb`` promises a coercive act by the speaker's side."""
    words = {t.lower_ for t in verb.subtree}
    subject = _subject(verb)
    if words & HEDGES and not words & {"will", "'ll"}:
        return None
    if any(c.dep_ == "advmod" and c.lower_ in {"likely", "probably", "possibly", "perhaps"} for c in verb.children):
        return None  # "he will likely withdraw the nomination": a forecast, not a commitment
    future = _future(verb) or _ready(verb) or (_obliged(verb) and {t.lower_ for t in subject} & {"we", "i"})
    if verb.lemma_ == "hesitate" and _negated(verb):  # "will not hesitate to shut the electricity off"
        act = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if act is not None and future and _issuer_side(subject, speaker, analysis):
            trigger, form = _if_clause(verb) if _if_clause(verb)[0] else _if_clause(act)
            done = clauses.text_of([t for t in act.subtree if not _in_if(t, act)])  # not "... if X attacks"
            return trigger, f"{subject_name(subject)} will {done}", form
    right = _right_to(verb)
    if right is not None and _issuer_side(subject, speaker, analysis):  # "reserves the right to respond"
        trigger, form = _if_clause(verb)
        if not trigger:
            trigger, form = _if_clause(right)
        answered: set[Any] = set()
        if not trigger:  # "reserves the right to respond to any aggression"
            trigger, answered = _answered(right, "anyone")
            form = "conditional" if trigger else form
        conditions = frozenset(t for c in right.children if c.dep_ == "advcl" for t in c.subtree) | answered
        return trigger, clauses.clause(right, subject_name(subject), clauses.is_plural(subject), drop=conditions), form
    acting = verb.lemma_ in RESPONSE_VERBS or (verb.lemma_ in {"take", "launch", "carry", "increase", "raise"} and any(
        c.dep_ == "dobj" and {c.lemma_.lower(), c.lower_} & (PUNITIVE_NOUNS | {"tariff"}) and not any(
            a.dep_ in {"amod", "compound"} and a.lower_ in BENIGN_MEASURES for a in c.children)  # "joint measures"
        for c in verb.children)) or (
        verb.lemma_ == "use" and any(c.dep_ == "dobj" and c.lemma_.lower() in ARMS for c in verb.children))
    if acting and (_answers_need(verb) or any(c.lower_ in {"how", "whether"} for c in verb.children)):
        return None  # "respond to its challenges", "how we will respond": not a coercive act
    if future and acting and _issuer_side(subject, speaker, analysis):
        if _negated(verb) and verb.lemma_ != "spare":
            return None
        trigger, form = _if_clause(verb)
        if not trigger and verb.lemma_ in OPEN_ACTS and not _aimed(verb, subject, analysis):
            return None  # "we will launch production", "it will impose a lockdown": a plan aimed at no one
        if not trigger:
            trigger, form = _relative_trigger(verb)
        drop = {x for c in verb.children if c.dep_ in {"conj", "cc"} for x in c.subtree}
        if not trigger:
            trigger, cause = _answered(verb, "anyone")
            form = "conditional" if trigger else form
            drop |= cause
        response = clauses.text_of([t for t in verb.subtree if not _in_if(t, verb) and t not in drop])
        if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.lemma_ == "continue":
            response = f"{verb.head.lemma_} {response}"  # "will continue striking X": not "will striking X"
        if not clauses.has_subject(verb) and subject:
            modal = response.split(" ", 1)[0].lower() in {"will", "would", "shall", "must", "should"}
            response = f"{subject_name(subject)} {response}" if modal else f"{subject_name(subject)} will {response}"
        return trigger, response, form
    if future and verb.lemma_ in LEAD_VERBS and any(t.lower_ == "any" for t in subject):
        trigger = _any_trigger(subject)
        if trigger:
            return trigger, "this " + clauses.text_of([t for t in verb.subtree if t not in subject]), "conditional"
    doing = next((c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"), None)
    if future and verb.lemma_ in LEAD_VERBS and doing is not None and words & (RESPONSE_NOUNS | PUNITIVE_NOUNS):
        # "deploying missiles in Germany would trigger a response": the act named as a gerund is the trigger
        rest = [t for t in verb.subtree if t not in set(doing.subtree)]
        return clauses.clause(doing, "anyone"), "this " + clauses.text_of(rest), "conditional"
    designated = clause_forms.designated(verb, subject)
    if future and designated:  # "any troops sent there would become legitimate targets": the issuer will treat
        trigger = _any_trigger(subject)  # them so
        if trigger:
            head = next((t for t in subject if t.head not in subject or t.head == t), None)
            plural = head is not None and head.tag_ in {"NNS", "NNPS"} or clauses.is_plural(subject)
            return _on_issuer(trigger), f"{ISSUER} will treat {'them' if plural else 'it'} as {designated}", \
                "conditional"
    if future and verb.lemma_ in {"face", "have", "be", "receive", "get", "suffer"} and (
            words & RESPONSE_NOUNS or "met" in words) and not forecast_effect(verb):
        trigger, form = _if_clause(verb)
        any_subject = next((t for t in subject if t.lower_ == "any"), None)
        if any_subject is not None and not trigger:
            rel = next((c for t in subject for c in t.children if c.dep_ == "relcl"), None)
            if rel is not None:  # "any country that joins the sanctions" -> "a country joins the sanctions"
                trigger = clauses.relative_act(rel) or clauses.clause(rel, "a " + any_subject.head.text)
                form = "conditional"
            elif _any_trigger(subject):  # "any aggression would receive ...": anyone attacks the issuer
                trigger, form = _on_issuer(_any_trigger(subject)), "conditional"
        response = clauses.text_of([t for t in verb.subtree if not _in_if(t, verb) and t not in subject]
                                   ) if any_subject is not None else \
            clauses.text_of([t for t in verb.subtree if not _in_if(t, verb)])
        if any_subject is not None:
            response = f"the attacker {response}" if not response.startswith(("will", "would")) else \
                f"the attacker {response}"
        return trigger, response, form
    return None


def _aimed(verb: Any, subject: list[Any], analysis: Analysis) -> bool:
    """Whether the act of ``verb`` is aimed at someone: its own clause (not its subject, condition or clauses said
    in it) names a party, takes a pronoun for whom it is done to, or names a hostile act, arms or ties."""
    skip = {t for c in verb.children if c.dep_ in {"ccomp", "advcl", "conj", "csubj", "parataxis", "mark"}
            for t in c.subtree} | set(subject)
    own = [t for t in verb.subtree if t not in skip and t is not verb]
    if _codes(own, analysis.mentions):
        return True
    return any(t.lemma_.lower() in AIMED_NOUNS or t.lower_ in AIMED_NOUNS or (
        t.pos_ == "PRON" and t.lower_ not in {"we", "us", "i", "me", "our", "my", "it", "its"} and (
            t.dep_ in {"dobj", "dative"} or (t.dep_ == "pobj" and t.head.lower_ in {"against", "on", "at", "upon"})))
        for t in own)


def _right_to(verb: Any) -> Any | None:
    """The act in "<have / reserve> the right to <act>" when it is a coercive act, else None."""
    if verb.lemma_ not in {"have", "reserve", "retain"}:
        return None
    right = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ == "right"), None)
    act = next((c for c in right.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"), None) \
        if right is not None else None
    if act is None:
        return None
    acting = act.lemma_ in RESPONSE_VERBS or any(c.dep_ == "dobj" and {c.lemma_.lower(), c.lower_} & PUNITIVE_NOUNS
                                                 for c in act.children)
    return act if acting else None


def _ready(verb: Any) -> bool:
    """ "is ready / prepared to use nuclear weapons": a declared readiness to act, as a future commits."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in {"ready", "prepared"} and verb.head.dep_ == "acomp" and \
        not _negated(verb.head.head)


def _answers_need(verb: Any) -> bool:
    """ "respond to challenges / questions / the epidemic": answering a need, not retaliating."""
    return any(o.lemma_.lower() in BENIGN_OBJECTS for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
               for o in c.children if o.dep_ == "pobj")


def _will(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_.replace("\u2019", "'") in {"will", "'ll", "shall", "wo"}
               for c in verb.children) or _going_to(verb)


def _obliged(verb: Any) -> bool:
    """ "we should / must respond": an obligation the speaker's side puts on itself."""
    return any(c.dep_ == "aux" and c.lower_ in {"should", "must"} for c in verb.children)


def _commitment(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A commitment to respond: "<issuer> will respond / retaliate / hit", "any X will be met with Y", "there
    will be consequences", "will not sit idly by", "react accordingly" (in a claim or in direct speech)."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        speaker_tokens = _speaker_tokens(verb)
        subject = _subject(verb)
        future = _future(verb) or _ready(verb) or (_obliged(verb) and bool({t.lower_ for t in subject} & {"we", "i"})) \
            or _right_to(verb) is not None
        if not future:
            continue
        words = {t.lower_ for t in verb.subtree}
        if verb.lemma_ == "meet" and any(c.dep_ == "auxpass" for c in verb.children) and "with" in words:
            trig = by_warned(_any_trigger(subject), _warned(verb), speaker_tokens, analysis) or clauses.act_np(
                subject)  # "the drills would be met with a strong response": someone holds the drills
            met = "" if trig else clauses.text_of(subject)  # "North Korea will be met with fire if it ...": the
            cond = next((t for t in verb.subtree if t.dep_ in {"advcl", "ccomp"} and any(  # issuer meets the one its
                m.dep_ == "mark" and m.lower_ == "if" for m in t.children)), None)  # condition names, wherever hung
            trig = trig or (clauses.clause(cond, "") if cond is not None else "")
            said_if = set(cond.subtree) if cond is not None else set()
            response = clauses.text_of([t for t in verb.subtree if t not in subject and t not in said_if])
            rest = re.sub(r'^(will|would|shall) be met ', '', response)
            said = (f"{ISSUER} responds {rest}" if not met else f"{ISSUER} meets {met} {rest}") if trig else response
            who = speaker_tokens if met else speaker_tokens or subject  # the one met does not threaten
            return Found(verb, who, trig, said, "conditional" if trig else "unconditional")
        if verb.lemma_ == "sit" and _negated(verb) and "idly" in words:
            return Found(verb, speaker_tokens or subject, *_if_clause(verb)[:1],
                          f"{subject_name(subject)} will act", "unconditional", subject)
        expl = next((c for c in verb.children if c.dep_ == "expl"), None)
        if verb.lemma_ == "be" and expl is not None and words & RESPONSE_NOUNS and "no" not in words:
            trigger, form = _if_clause(verb)
            if not trigger and not _will(verb):
                continue  # "there would be consequences" without a condition is an assessment
            response = clauses.text_of([t for t in verb.subtree if not _in_if(t, verb) and t.i >= expl.i])
            return Found(verb, speaker_tokens, trigger, response, form)
        if verb.lemma_ in {"accept", "tolerate", "allow", "permit"} and _negated(verb) and _will(verb) and (
                {t.lower_ for t in subject} & {"we", "i"} or (speaker_tokens and _issuer_side(
                    subject, speaker_tokens, analysis))):
            dobj = next((c for c in verb.children if c.dep_ in {"dobj", "ccomp", "xcomp"}), None)
            stated = _codes(speaker_tokens or subject, analysis.mentions) or _codes(subject, analysis.mentions) or (
                claim is not None and claim.speaker_code) or _publisher_first_person(subject, analysis)
            if dobj is not None and stated:  # "we will not accept / tolerate X": X is a red line of a state
                line = clause_forms.allowed(verb) or (clauses.nominal(dobj, "anyone") or clauses.carried_out(dobj)
                                          if dobj.pos_ == "NOUN" else None) or clauses.text_of(dobj.subtree)
                return Found(verb, speaker_tokens or subject, line, "", "red_line", subject)
        if verb.lemma_ == "react" and "accordingly" in words:
            return Found(verb, speaker_tokens or subject, "", clauses.text_of(verb.subtree), "unconditional", subject)
        if verb.lemma_ == "face" and words & RESPONSE_NOUNS and not _negated(verb):
            trigger, form = _if_clause(verb)
            response = clauses.text_of([t for t in verb.subtree if not _in_if(t, verb)])
            return Found(verb, speaker_tokens, trigger, response, form)
        if verb.lemma_ in RESPONSE_VERBS | {"hesitate", "increase", "raise", "take", "launch", "carry", "receive",
                                            "reserve", "have", "retain", "use"}:
            speaker = speaker_tokens or subject
            first_person = bool({t.lower_ for t in subject} & {"we", "i"})
            if not first_person and verb.dep_ not in {"ccomp", "conj", "xcomp"} and said_on_noun(verb) is None:
                continue  # reported acts are events; only first-person speech commits without a cue verb
            found = _promise(verb, speaker, analysis)
            if found is not None:
                trigger, response, form = found
                return Found(verb, speaker, trigger, response, form, subject)
    return None


def forecast_effect(act: Any) -> bool:
    """Whether ``act`` says what something will have as its effect ("that would have an impact on the public",
    "the measures should have a positive impact", "it will have consequences or an effect at home"): a forecast of
    an outcome, which no one does to anyone, and so no threat, whoever says it and on whatever condition."""
    if act.lemma_ != "have":
        return False
    objects = [c for c in act.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return any(o.lemma_.lower() in EFFECT_NOUNS or o.lower_ in EFFECT_NOUNS for o in objects)


def _publisher_first_person(subject: list[Any], analysis: Analysis) -> bool:
    """ "we" in a page a government publishes (kremlin.ru, whitehouse.gov): the government speaks."""
    from redline.assess.rhetoric import publisher_code  # the hosts table lives with the issuer rules

    return bool({t.lower_ for t in subject} & {"we", "i"}) and publisher_code(analysis) is not None
