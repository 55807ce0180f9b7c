"""Threat forms beyond the verb threat, and the order all rules are tried in (``RULES``).

Red lines without an "if", ultimatums and deadlines, doctrine changes that lower a threshold, threats named as
nouns, idioms ("will not sit idly by"), "has until Sunday to ... or" and veiled threats ("X is not the privilege
of Y"). Each takes (sentence, analysis, claim) and returns a ``Found``, as the rules of
``redline.assess.threat_rules`` do, with whose helpers they read the parse.
"""

from __future__ import annotations

from typing import Any

from redline.assess import clauses
from redline.assess.clause_forms import any_answered as _any_answered
from redline.assess.clause_forms import any_trigger as _any_trigger
from redline.assess.threat_acts import brought_about, suffered, warned_catastrophe, warned_penalty
from redline.assess.threat_cited import cited_warning
from redline.assess.threat_commitments import _commitment, _promise
from redline.assess.threat_owner import act_agent, carrier_subject, told_doer
from redline.assess.threat_rules import (
    ISSUER,
    Found,
    _agentive,
    _codes,
    _future,
    _if_clause,
    _in_if,
    _negated,
    _participle_subject,
    _speaker_tokens,
    _subject,
    _threat_verb,
    _warned,
    by_warned,
    subject_name,
)
from redline.assess.threat_words import (
    DOCTRINE_VERBS,
    FILLER,
    IDIOMS,
    PUNITIVE_NOUNS,
    RESPONSE_NOUNS,
    SPANS_OF_TIME,
    THIRD_PARTY,
    THRESHOLDS,
)
from redline.models import Analysis, Claim


def _warning(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A warning that promises the issuer's act or a response noun, or forbids an act (a red line)."""
    for verb in sent:
        if verb.lemma_ not in {"warn", "caution"} or verb.pos_ != "VERB" or _negated(verb):
            continue
        subject = _subject(verb) or _participle_subject(verb)
        if not _agentive(subject, analysis.mentions):
            continue
        name = subject_name(subject)
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        said = that_clause(verb)
        if said is not None:
            found = _promise(said, subject, analysis) or _warned_party(said, dobj, analysis) or \
                warned_penalty(said) or warned_catastrophe(said) or suffered(said, subject, analysis)
            if dobj is not None and (found is None or not found[0]):  # "warns Finland that joining NATO would
                found = brought_about(said) or found  # have consequences": Finland's act is the trigger
            if found is not None:
                return Found(verb, subject, by_warned(found[0], dobj, subject, analysis), *found[1:],
                             own=_subject(said))  # "the spokesman warned that Beijing would ...": Beijing's
        for c in [*verb.children, *(dobj.children if dobj is not None else [])]:
            if c.dep_ == "prep" and c.lower_ in {"of", "about"}:
                noun = next((o for o in c.children if o.dep_ == "pobj"), None)
                if noun is None or not {noun.lemma_.lower(), noun.lower_} & (RESPONSE_NOUNS | {"consequence", "war"}):
                    continue
                trigger, form = _if_clause(verb)
                if not trigger:  # "warned of countermeasures against the visit": the act they answer
                    trigger = _countered(noun)
                    form = "conditional" if trigger else form
                if not trigger and noun.lemma_.lower() not in {"consequence", "action", "response", "retaliation"}:
                    continue
                target = clauses.text_of([t for t in dobj.subtree if t not in set(c.subtree)]) \
                    if dobj is not None else None
                answered, prep = _any_answered(noun)  # "warns of a crushing response to any aggression"
                if not trigger and answered:
                    trigger, form = answered, "conditional"
                response = _consequence(noun, name, target, prep)
                return Found(verb, subject, trigger, response, form if trigger else "unconditional")
            told = dobj if c.dep_ == "xcomp" else next((x for x in c.children if x.dep_ == "nsubj"), dobj) if (
                c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                and not any(x.dep_ == "conj" for x in c.children)) else None  # "..., or face X": an ultimatum
            if told is not None and c.dep_ in {"xcomp", "ccomp"} and _negated(c) and \
                    _codes(list(told.subtree), analysis.mentions) - _codes(subject, analysis.mentions):
                # "warns Iran not to use its embassy", "warns Russia to not interfere" (parsed as a clause): a red line
                who = clauses.text_of(told.subtree)
                act = clauses.text_of([t for t in c.subtree if (t.dep_ not in {"neg", "aux"} or t.head != c)
                                       and t not in set(told.subtree)])
                return Found(verb, subject, f"{who} {clauses.third_person(c.lemma_)}{act[len(c.text):]}"
                              if act.startswith(c.text) else f"{who} {act}", "", "red_line")
            if c.dep_ == "prep" and c.lower_ in {"against", "over"} and dobj is not None and \
                    _codes(list(dobj.subtree), analysis.mentions) - _codes(subject, analysis.mentions):
                obj = next((o for o in c.children if o.dep_ in {"pcomp", "pobj"}), None)
                if obj is None:
                    continue
                who = clauses.text_of(dobj.subtree)
                if obj.tag_ == "VBG":
                    trigger = clauses.clause(obj, who, clauses.is_plural(list(dobj.subtree)))
                else:  # "against any military adventure in the region": a hostile act no verb says
                    trigger = clauses.nominal(obj, who) or clauses.done(obj, hostile=True).replace("someone", who, 1)
                if trigger:
                    return Found(verb, subject, trigger, _added_promise(verb, subject, analysis), "red_line")
    return None


def _countered(noun: Any) -> str:
    """The act a response noun is set against, as a clause: "countermeasures against the visit" -> "someone
    carries out the visit", "retaliation for the strike on X" -> "someone strikes X"; empty without one."""
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in {"against", "for", "over"}:
            o = next((x for x in p.children if x.dep_ == "pobj"), None)
            if o is not None and not o.ent_type_ and o.pos_ == "NOUN":
                said = clauses.nominal(o, "someone") or clauses.passive_np(o) or (
                    clauses.done(o) if p.lower_ != "for" else "")  # "consequences for the economy": who suffers
                if said:
                    return said
    return ""


def _added_promise(verb: Any, subject: list[Any], analysis: Analysis) -> str:
    """The response a warning adds in a participle: "warns Israel against storming the mosque, saying it would
    respond with rockets" -> "Hamas would respond with rockets"; empty without one."""
    for c in verb.children:
        if c.dep_ in {"advcl", "xcomp", "conj"} and c.tag_ == "VBG" and c.lemma_ in {"say", "add", "vow", "warn"}:
            said = next((x for x in c.children if x.dep_ == "ccomp"), None)
            promised = _promise(said, subject, analysis) if said is not None else None
            if promised is not None:
                response = promised[1]
                first = response.split(" ", 1)
                if first[0].lower() in {"it", "we", "they"} and len(first) > 1:
                    response = f"{subject_name(subject)} {first[1]}"
                return response
    return ""


def that_clause(verb: Any) -> Any | None:
    """The clause a reporting verb introduces: its complement, or a "that" clause with its own subject the parser
    hung on a noun of the verb's phrase ("warns in a letter to Poroshenko that Moscow will ...")."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            return c
    for t in verb.subtree:
        if t.dep_ in {"acl", "relcl", "ccomp"} and t != verb and clauses.has_subject(t) and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in t.children):
            return t
    return None


def _warned_party(verb: Any, warned: Any, analysis: Analysis) -> tuple[str, str, str] | None:
    """ "X warns Y (that) it could lose Z if it fails to ...": a consequence for the warned party, on a condition."""
    if warned is None:
        return None
    trigger, form = _if_clause(verb)
    subject = _subject(verb)
    if not trigger or not subject:
        return None
    theirs = _codes(list(warned.subtree), analysis.mentions)
    pronoun = bool({t.lower_ for t in subject} & {"it", "they"})
    if not (pronoun or theirs & _codes(subject, analysis.mentions)):
        return None
    who = clauses.text_of(warned.subtree)
    body = clauses.text_of([t for t in verb.subtree if not _in_if(t, verb) and t not in subject])
    suffers = who if pronoun else clauses.text_of(subject)  # "..., Beirut would be destroyed": not the warned
    return trigger.replace("it ", f"{who} ", 1) if trigger.startswith("it ") else trigger, f"{suffers} {body}", form


def _consequence(noun: Any, name: str, target: str | None, drop: frozenset[Any] = frozenset()) -> str:
    if noun.lemma_.lower() in {"consequence", "catastrophe", "war"} or noun.lower_ == "consequences":
        who = target or name
        said = clauses.text_of([t for t in noun.subtree if t not in drop])
        return f"{who} will face {said}" if target else f"there will be {said}"
    return clauses.act_of_noun(noun, name, target, drop=drop)



def _red_line(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A red line declared or crossed: "this is the red line we have set", "the last red line has been crossed"."""
    for tok in sent:
        if tok.lemma_ == "line" and any(c.lower_ == "red" for c in tok.children):
            verb = tok.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
                verb = verb.head
            near = [verb, *(c for c in tok.children if c.dep_ in {"relcl", "acl"})]
            if any(_negated(v) or any(c.lower_ in {"would", "could"} for c in v.children) for v in near):
                continue  # "the red line that was not crossed", "what would be a red line"
            if _talked_about(tok, verb):
                continue  # "I'm not here to set new red lines", "was asked about red lines"
            subject = _subject(verb) or _speaker_tokens(verb)
            if not subject:
                continue
            trigger, _ = _if_clause(verb)  # "there's a red line if Russia invades Ukraine"
            act = clauses.act_np(subject).replace("someone", "anyone", 1) if verb.lemma_ == "be" else ""
            if act and not trigger:  # "declared that the use of chemical weapons is a red line": the act is the
                trigger, subject = act, _speaker_tokens(verb)  # line, who declares it draws it
                if not subject:
                    continue
            if verb.lemma_ == "cross":
                trigger = clauses.text_of(verb.subtree)
                subject = _speaker_tokens(verb)  # "Syria has crossed a red line, Obama said": who crosses a line
                # (or the line itself, "has been crossed") is not who drew it; the one who says so is
            if verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "once"} for m in verb.children) \
                    and _future(verb.head):  # "If the red line is crossed, Turkey will act": a conditional threat
                main = verb.head
                said = clauses.text_of([t for t in main.subtree if t not in set(verb.subtree)])
                return Found(verb, _speaker_tokens(main), trigger, said, "conditional", _subject(main))
            main = verb.head if verb.dep_ in {"ccomp", "advcl"} else None
            response = ""
            if main is not None and main != verb and main.lemma_ in {"order", "launch", "announce", "vow"}:
                response = clauses.text_of([t for t in main.subtree if t not in set(verb.subtree)
                                            and t.dep_ != "punct" and not (t.head == main and t.dep_ == "advcl")])
                subject = _subject(main) or subject  # "X orders a military response, saying the line was crossed"
            return Found(verb, subject, trigger, response, "red_line")
    return None


def _talked_about(line: Any, verb: Any) -> bool:
    """A red line named but not drawn: talked about ("asked about red lines", "get into red lines"), drawn under a
    negation ("I'm not here to set new red lines", "not standing up here to draw red lines") or asked after ("what
    his red lines were"); "will not hesitate to strike if the red line is crossed" still draws one."""
    if line.dep_ == "pobj" and line.head.lower_ in {"about", "into", "on", "over", "around"} or line.dep_ in {
            "compound", "nmod"}:  # "Obama's red line policy": a red line named to name something else
        return True
    if line.dep_ in {"dobj", "pobj"} and any(_negated(a) and a.lemma_ != "hesitate" for a in line.ancestors):
        return True
    return any(c.tag_ in {"WP", "WDT"} and c.dep_ in {"attr", "dobj"} for c in verb.children)


def _ultimatum(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """ "X is given ten days to <demand> or face <sanctions>", "X warns Y to <demand> or face <noun>", "... not to
    <act>, or face <noun>": the demand unmet (the forbidden act done) is the trigger; who is told faces the noun."""
    for verb in sent:
        if verb.lemma_ != "face" or verb.dep_ != "conj" or not (any(c.lower_ == "or" for c in verb.head.children)
                                                                or verb.i > 0 and verb.nbor(-1).lower_ == "or"):
            continue  # "<demand> or face <sanctions>" ("or" may hang on the demand's object)
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if noun is None or not {noun.lemma_.lower(), noun.lower_} & (PUNITIVE_NOUNS | {"sanction"}):
            continue
        demand = verb.head
        if demand.dep_ == "dobj" and demand.pos_ in {"NOUN", "PROPN"}:
            demand = demand.head  # "must stop enrichment or face ...": "face" hung on the object, not its verb
        infinitive = demand.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in demand.children)
        told = demand.head if (demand.dep_ in {"xcomp", "ccomp"} or infinitive) and demand.head.lemma_ in TELLING \
            else None  # "pleads with Y to step aside or face ...": the parser hangs the demand as an adverbial
        own = next((c for c in demand.children if c.dep_ == "nsubj"), None)  # "says Iran must stop X or face Y"
        warned = own if own is not None else _addressee(told) if told is not None else None
        if warned is not None:
            who = clauses.text_of(warned.subtree)
            skip = set(verb.subtree) | set(warned.subtree) | {
                c for c in demand.children if c.dep_ in {"aux", "neg", "cc"} or c.is_punct}
            rest = clauses.text_of([t for t in demand.subtree if t not in skip and t != demand])
            plural = clauses.is_plural(list(warned.subtree))
            verb_form = clauses.third_person(demand.lemma_, plural) if _negated(demand) else \
                f"{'do' if plural else 'does'} not {demand.lemma_}"
            teller = [] if told is None else [t for c in told.children if c.dep_ == "agent" for o in c.children
                                              if o.dep_ == "pobj" for t in o.subtree] if any(
                c.dep_ == "nsubjpass" for c in told.children) else _subject(told)  # "was given ... by ECOWAS"
            return Found(verb, teller, f"{who} {verb_form} {rest}".strip(),
                         f"{who} {'face' if plural else 'faces'} {clauses.text_of(noun.subtree)}", "ultimatum")
        subj = _subject(demand.head if demand.dep_ in {"xcomp", "relcl", "acl"} else demand)
        who = subject_name(subj) or "the target"
        trigger = f"{who} does not {clauses.text_of([t for t in demand.subtree if t not in set(verb.subtree)])}"
        return Found(verb, [], trigger.replace(" not to ", " not "), f"{who} faces {clauses.text_of(noun.subtree)}",
                      "ultimatum")
    return None


# Verbs that tell someone to do something, with an ultimatum: "warns Y to stop X or face Z", "presses Y to ...",
# "calls on Y to ...", "pleads with Y to ...": the one told is their object.
TELLING = frozenset({"warn", "tell", "order", "urge", "caution", "call", "demand", "give", "press", "ask", "appeal",
                     "plead", "implore", "beg", "pressure", "push", "instruct", "command", "direct", "require",
                     "force", "compel", "advise", "challenge"})


def _addressee(told: Any) -> Any:
    """Who a verb of telling addresses: its object ("presses Iran to"), or the object of its "on", "with", "to"
    ("calls on Syria to", "pleads with Jammeh to", "appeals to the junta to"); None when it names no one."""
    told_one = next((c for c in told.children if c.dep_ in {"nsubjpass", "dative"}), None)
    if told_one is not None:  # "Iran was given ten days to", "gave the junta a week to"
        return told_one
    direct = next((c for c in told.children if c.dep_ == "dobj" and c.lemma_.lower() not in SPANS_OF_TIME), None)
    if direct is not None:
        return direct
    return next((o for p in told.children if p.dep_ == "prep" and p.lower_ in {"on", "upon", "with", "to"}
                 for o in p.children if o.dep_ == "pobj"), None)


def _doctrine(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A doctrine changed to lower a threshold: "Putin approved an updated nuclear doctrine that allows a nuclear
    response to a conventional attack"; the response is what the new doctrine allows."""
    for noun in sent:
        if noun.lemma_.lower() in THRESHOLDS and noun.dep_ == "dobj" and noun.head.lemma_ in {"lower", "reduce"} \
                and not _negated(noun.head):
            found = _lowered_threshold(noun, analysis)
            if found is not None:
                return found
        if noun.lemma_.lower() != "doctrine" or noun.dep_ not in {"dobj", "nsubjpass", "nsubj"}:
            continue
        verb = noun.head
        changed = verb.lemma_ in DOCTRINE_VERBS or any(c.lemma_ in {"update", "revise", "new", "amend"}
                                                         for c in noun.children)
        if not changed or _negated(verb):
            continue
        subject = _subject(verb) if noun.dep_ == "dobj" else []
        allows = next((c for c in noun.children if c.dep_ in {"relcl", "acl"} and c.pos_ == "VERB"), None)
        if allows is None:
            allows = next((c for c in verb.children if c.dep_ in {"advcl", "xcomp", "ccomp"}
                           and c.lemma_ in {"allow", "permit", "lower", "expand", "broaden", "enable"}), None)
        if allows is None:
            allows = next((t for t in noun.subtree if t.lemma_ in {"lower", "reduce", "expand", "broaden"}
                           and any(o.dep_ == "dobj" for o in t.children)), None)
        if allows is None:
            continue
        body = clauses.text_of([t for t in allows.subtree if t.lower_ not in {"that", "which"} or t.head != allows])
        return Found(verb, subject, "", f"the doctrine {body}" if not clauses.has_subject(allows) or any(
            c.lower_ in {"that", "which"} for c in allows.children) else body, "doctrine")
    return None


def _lowered_threshold(noun: Any, analysis: Analysis) -> Found | None:
    """ "<doctrine / decree / X> lowers the threshold for <using nuclear weapons>", "signed a decree lowering the
    threshold for ...": the act the threshold guards becomes more likely; the issuer is who signs or owns it."""
    verb = noun.head
    if not {t.lower_ for t in verb.subtree} & {"nuclear", "atomic", "force", "weapons", "strike", "retaliation"}:
        return None
    body = clauses.text_of([t for t in verb.subtree if t.lower_ not in {"that", "which"} or t.head != verb])
    if verb.dep_ in {"acl", "relcl"}:  # "signed a decree lowering ...": the signer issues it
        holder = verb.head
        owner = _subject(holder.head) if holder.dep_ in {"dobj", "nsubjpass"} else []
        said = body[len(verb.text):] if body.startswith(verb.text) else " " + body
        response = f"the {holder.text} {clauses.third_person(verb.lemma_)}{said}"
    else:
        owner = _subject(verb)
        response = clauses.text_of(verb.subtree)
    if not (_agentive(owner, analysis.mentions) or _codes(owner, analysis.mentions)):
        return None
    return Found(verb, owner, "", response, "doctrine")


def _privilege(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """ "the use of armed force is not the privilege of the U.S. only": a claim to the same means, a veiled threat
    to use them; said by a speaker (the issuer) of force, strikes or nuclear weapons."""
    for verb in sent:
        if verb.lemma_ != "be" or not _negated(verb):
            continue
        attr = next((c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in {"privilege", "monopoly",
                                                                                           "prerogative"}), None)
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
        if attr is None or subj is None or not {t.lower_ for t in subj.subtree} & {
                "force", "forces", "strike", "strikes", "weapons", "nuclear", "military", "missiles", "attack"}:
            continue
        speaker = _speaker_tokens(verb)
        if not speaker and (claim is None or not claim.speaker_code):
            continue
        return Found(verb, speaker, "", f"{ISSUER} may resort to {clauses.text_of(subj.subtree)}", "unconditional")
    return None


def _threat_noun(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A threat named as a noun with its act: "threats from North Korea of merciless strikes", "a warning about
    possible retaliatory measures"; the issuer is the "from" phrase or the subject of the verb that carries it."""
    for noun in sent:
        if noun.lemma_.lower() not in {"threat", "warning", "ultimatum"} or noun.pos_ != "NOUN":
            continue
        said = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        carrier = noun.head if noun.dep_ in {"dobj", "nsubj"} else None
        if said is not None and carrier is not None:  # "issues a warning that it would end the agreement"
            promised = _promise(said, _subject(carrier), analysis)
            if promised is not None:
                return Found(noun, _subject(carrier), *promised)
        act = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "about"}
                    for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in PUNITIVE_NOUNS | {"measure"}),
                   None)
        source = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in {"from", "by"}
                  for o in p.children if o.dep_ == "pobj" for t in o.subtree] or [
            t for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN" for t in c.subtree if t.dep_ != "case"]
        doing = next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if act is None and doing is not None and noun.lemma_.lower() == "threat" and \
                _agentive(source, analysis.mentions):
            # "amid threats from Iran to close the Strait", "India's threat to stop the flow of the Indus"
            name = subject_name(source)
            return Found(noun, source, "", clauses.clause(doing, name, clauses.is_plural(source)), "unconditional")
        if act is None or any(c.lower_ in THIRD_PARTY for c in act.children if c.dep_ in {"amod", "compound"}):
            continue  # "a warning of possible terror attacks": others' acts, an advisory
        carrier = noun.head if noun.dep_ in {"dobj", "nsubj"} else None
        agent = act_agent(act)  # "threats of a strike by Russia": Russia's, whoever carries the noun
        issuer = source or agent[1:] or (told_doer(carrier) or carrier_subject(noun, _subject(carrier))
                                         if carrier is not None else [])
        cited = noun.dep_ == "pobj" and noun.head.lower_ in {"despite", "amid"}
        if not _agentive(issuer, analysis.mentions) and not cited:
            continue  # "despite threats of retaliation": a threat cited as context, its issuer unnamed
        trigger, form = _if_clause(carrier) if carrier is not None else ("", "unconditional")
        defied = noun.head.head if cited and noun.head.lower_ == "despite" else None
        if not trigger and defied is not None and defied.pos_ in {"VERB", "AUX"}:
            # "they will proceed with the drills despite threats of retaliation": what is done despite it
            trigger = clauses.clause(defied, "", drop=frozenset(noun.head.subtree))
            form = "conditional" if trigger else form
        answered, prep = _any_answered(act)
        if not trigger and answered:
            trigger, form = answered, "conditional"
        defier = [*_subject(defied), *_speaker_tokens(defied)] if defied is not None and not issuer else []
        return Found(noun, issuer, trigger, clauses.act_of_noun(act, subject_name(issuer) or "the issuer", None,
                                                                 drop=prep | frozenset(agent)), form,
                     unnamed=not issuer, defier=defier)
    return None


def _idiom(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A set phrase of threat (``IDIOMS``) said by a speaker or in the first person: "we will not sit idly by",
    "those who play with fire will get burned", "X will pay a heavy price", "this will not go unanswered"."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        for phrase, role, negation in IDIOMS:
            if verb.lemma_ not in phrase or not _has_phrase(verb, phrase):
                continue
            if (negation == "required") != _negated(verb) and negation != "any":
                continue
            progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
            if not (_future(verb) or (progressive and role == "target")):
                continue
            subject = _subject(verb)
            words = {t.lower_ for t in subject}
            speaker = _speaker_tokens(verb) or (subject if words & {"we", "i"} else [])
            if not speaker and claim is not None and claim.speaker_code:
                speaker = []  # the claim names the speaker; _finish reads it
            elif not speaker:
                continue
            if role == "target" and (words & {"we", "i", "country"} or _codes(subject, analysis.mentions) & _codes(
                    speaker, analysis.mentions)):
                continue  # "we / the country will pay a heavy price" is a fear, not a threat
            trigger, form = _if_clause(verb)
            if not trigger and role == "target":  # "those who attack our soldiers will pay a heavy price"
                trigger = _any_trigger(subject)
                form = "conditional" if trigger else form
            if not trigger:  # "strikes on Russian territory will not go unanswered": the act named as the subject
                trigger = by_warned(clauses.act_np(subject).replace("someone", "anyone", 1), _warned(verb), speaker,
                                    analysis)
                form = "conditional" if trigger else form
            response = clauses.text_of([t for t in verb.subtree if not _in_if(t, verb)])
            own = subject if role == "self" else []
            return Found(verb, speaker, trigger, response, form, own)
    return None


def _has_phrase(verb: Any, phrase: tuple[str, ...]) -> bool:
    """Whether the words of ``phrase`` other than ``verb`` are in its phrase (its children's subtrees, its
    auxiliaries), articles aside: "will not sit idly by", "will make them pay a heavy price", "get burned"."""
    own = {w for t in verb.subtree if t not in _subject(verb) for w in (t.lower_, t.lemma_.lower())}
    return all(w in own for w in phrase if w not in FILLER)


def _until(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """ "X gave Y until Sunday to <demand>", "Y has until Sunday to <demand>, (X said,) or <consequence>": the
    demand unmet by the date is the trigger; the issuer is who gives the time or who says it."""
    for verb in sent:
        if verb.lemma_ not in {"give", "have"} or verb.pos_ not in {"VERB", "AUX"} or _negated(verb):
            continue
        until = next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "until"
                      for o in c.children if o.dep_ == "pobj"), None)
        demand = next((c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB"
                       and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        if until is None or demand is None:
            continue
        if verb.lemma_ == "give":
            addressee = next((c for c in verb.children if c.dep_ in {"dative", "dobj", "iobj"}), None)
            issuer = _subject(verb)
        else:
            addressee = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            issuer = _speaker_tokens(verb) or _reporter(verb)
        if addressee is None or not issuer or _status_past(verb):
            continue
        who = clauses.text_of(addressee.subtree)
        body = clauses.text_of([t for t in demand.subtree if not (t.dep_ == "aux" and t.head == demand)])
        rest = body[len(demand.text):] if body.startswith(demand.text) else " " + body
        plural = addressee.tag_ in {"NNS", "NNPS"}
        trigger = f"{who} {'do' if plural else 'does'} not {demand.lemma_}{rest} by {clauses.text_of(until.subtree)}"
        heads = [verb, *(c for c in verb.children if c.dep_ == "parataxis")]  # "..., X said, or ..."
        orelse = next((c for h in heads for c in h.children if c.dep_ == "conj" and any(
            x.lower_ == "or" for x in h.children if x.dep_ == "cc")), None)
        response = clauses.text_of(orelse.subtree) if orelse is not None else ""
        return Found(verb, issuer, trigger, response, "ultimatum")
    return None


def _reporter(verb: Any) -> list[Any]:
    """The subject of a reporting verb set into the clause: "Hamas has until Sunday, Trump said, or ..."."""
    said = next((c for c in verb.children if c.dep_ in {"parataxis", "ccomp"} and c.lemma_ in {
        "say", "warn", "tell", "add", "declare", "write", "post"} and c.i > verb.i), None)
    return _subject(said) if said is not None else []


def _status_past(verb: Any) -> bool:
    return verb.tag_ in {"VBD", "VBN"} and verb.lemma_ == "have"


def _deadline(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A demand with a time limit: "X gave Y 48 hours to <demand> (or face Z)", "X set a deadline of Friday for Y
    to <demand>", "an ultimatum to <demand> within a week"; the demand unmet is the trigger."""
    for span in sent:
        if span.lemma_.lower() not in SPANS_OF_TIME or span.pos_ not in {"NOUN", "PROPN"}:
            continue
        giver = span.head if span.dep_ in {"dobj", "npadvmod", "attr", "nsubjpass"} else None
        if giver is None or giver.lemma_ not in {"give", "set", "issue", "impose", "deliver", "grant"} or \
                _negated(giver) or any(a.lower_ in {"despite", "after", "since"} for a in giver.ancestors):
            continue  # "refuses despite being given 48 hours": the ultimatum is context, not said here
        demand = next((c for h in (span, giver) for c in h.children if c.dep_ in {"advcl", "xcomp", "acl", "relcl"}
                       and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children)), None)
        if demand is None:
            demand = next((o for p in span.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.subtree
                           if o.pos_ == "VERB" and any(a.lower_ == "to" for a in o.children)), None)
        if demand is None:
            continue
        addressee = next((c for c in giver.children if c.dep_ in {"dative", "iobj"}), None)
        agent = next((c for c in demand.children if c.dep_ == "nsubj"), None)
        who = clauses.text_of(addressee.subtree) if addressee is not None else \
            clauses.text_of(agent.subtree) if agent is not None else "the addressee"
        face = next((c for c in demand.children if c.dep_ == "conj" and c.lemma_ == "face"), None)
        drop = set(face.subtree) if face is not None else set()
        drop |= {c for c in demand.children if c.dep_ == "cc"} | (set(agent.subtree) if agent is not None else set())
        body = [t for t in demand.subtree if t not in drop and not (t.dep_ in {"aux", "mark"} and t.head == demand)]
        limit = clauses.text_of([t for t in span.subtree if t.i < span.i or t == span or t.dep_ == "nummod"]) \
            if span.lemma_.lower() not in {"deadline", "ultimatum"} else ""
        rest = clauses.text_of(body)
        verb_rest = rest[len(demand.text):] if rest.startswith(demand.text) else " " + rest
        named = addressee if addressee is not None else agent
        plural = named is not None and (named.tag_ in {"NNS", "NNPS"} or clauses.is_plural(list(named.subtree)))
        trigger = f"{who} {'do' if plural else 'does'} not {demand.lemma_}{verb_rest}" + (
            f" within {limit}" if limit else "")
        response = f"{who} will face {clauses.text_of([t for t in face.subtree if t != face])}" \
            if face is not None else ""
        return Found(giver, _subject(giver), trigger, response, "ultimatum")
    return None


def _declared_target(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """ "The Houthis say American ships are legitimate targets", "its warships will become targets if it joins":
    another side's people or things declared targets by a speaker, a threat to strike them."""
    for tok in sent:
        if tok.lemma_.lower() != "target" or tok.dep_ != "attr" or tok.head.lemma_ not in {"be", "become"}:
            continue
        verb = tok.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or _negated(verb) or any(c.lower_ in {"could", "might", "may"} for c in verb.children):
            continue
        said = list(subject.subtree)
        speaker = _speaker_tokens(verb)
        if not speaker and (claim is None or not claim.speaker_code):
            continue  # a target named by nobody in particular
        if {t.lower_ for t in said} & {"we", "i", "us", "our", "country"} or _codes(said, analysis.mentions) & _codes(
                speaker, analysis.mentions) or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "we are a target", "the country is a target of cyber attacks": a fear, not a threat
        trigger, form = _if_clause(verb)
        who = clauses.text_of(said)
        return Found(tok, speaker, trigger, f"{ISSUER} will target {who}", form if trigger else "unconditional")
    return None


# In the order they are tried: the first rule that finds a threat in a sentence wins.
RULES = (_threat_verb, _warning, _commitment, _red_line, _ultimatum, _doctrine, _threat_noun, _idiom, _deadline,
         _until, _privilege, _declared_target, cited_warning)
