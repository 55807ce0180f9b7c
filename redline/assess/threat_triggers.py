"""A threat's condition read from anywhere in its sentence when the threat's own verb has none ("if"/"unless"
clauses, "in response to X", "in the event that", "or else", inverted conditionals), and a response cut free of the
act it answers. Split from ``threat_model``, whose learned finder and generic structure use it."""

from __future__ import annotations

from typing import Any

from redline.assess import clauses
from redline.assess.clause_forms import on_issuer as _on_issuer
from redline.assess.threat_answers import relative_trigger as _relative_trigger
from redline.assess.threat_rules import (
    ISSUER,
    _future,
)

# Verbs whose "if" clause is an indirect question, not a condition ("asked if the U.S. was considering ...").
ASKING = frozenset({"ask", "wonder", "inquire", "enquire", "question", "know", "see", "check", "decide", "doubt"})

# Prepositions that name what a threatened act answers: "in response to X", "in retaliation for X", "in the face
# of X"; the noun they govern is the threat's trigger.
# What is paid or suffered for an act ("severe costs for an invasion"): the act is the trigger.
PAID_FOR = frozenset({"cost", "costs", "price", "consequence", "consequences", "pay", "punish", "penalty", "answer",
                      "retaliate", "revenge", "avenge", "retaliation", "reprisal", "respond", "response"})
ANSWER_NOUNS = frozenset({"response", "retaliation", "reply", "face", "answer", "event", "case"})


def sentence_trigger(sent: Any, issuer: str) -> str:
    """The condition of a threat from anywhere in its sentence, as a clause, when the threat's own verb has none:
    an "if"/"unless" clause, what the threat answers ("in response to the drills", "in the face of Russia's
    harmful activities" -> "Russia carries out harmful activities") or "any X" as an act's object ("against any
    target that threatens ..."). Empty when the sentence has none."""
    for t in sent:
        if t.dep_ == "advcl" and t.head.dep_ != "relcl" and t.head.lemma_ not in ASKING:
            mark = next((m for m in t.children if m.dep_ == "mark" and m.lower_ in {"if", "unless"}), None)
            if mark is not None:
                said = clauses.negated(t) if mark.lower_ == "unless" else clauses.clause(t, ISSUER)
                return said.replace(ISSUER, issuer)
    phrased = _phrased_condition(sent)
    if phrased:
        return phrased.replace(ISSUER, issuer)
    demanded = _or_else(sent)
    if demanded:
        return demanded
    prevented = _prevented(sent) or _warned_against(sent)
    if prevented:
        return prevented
    inverted = _inverted(sent)
    if inverted:
        return inverted
    for t in sent:
        if t.dep_ == "pobj" and t.head.lower_ in {"to", "for", "of"} and t.head.head.lemma_.lower() in ANSWER_NOUNS \
                and t.head.head.head.lower_ in {"in", "as"}:
            said = _as_clause(t) or clauses.done(t)  # "in response to new sanctions": someone imposes them
            if said:
                return _on_issuer(said)
    for t in sent:  # "a strong reply to any misadventure", "face severe costs for an invasion of Ukraine",
        # "retaliation over the killing of its general", "punish those responsible for the attack"
        answers = t.head.lower_ == "to" and t.head.head.lemma_.lower() in ANSWER_NOUNS and (any(
            d.lower_ == "any" for d in t.children) or len(_as_clause(t).split()) > 2)
        if t.dep_ == "pobj" and (answers or t.head.lower_ == "for" and t.head.head.lemma_.lower()
                                 in PAID_FOR | {"responsible"} or t.head.lower_ == "over" and (
                                     _as_clause(t) or clauses.going_on(t))):
            paid = t.head.head  # "retaliate against Israel for the strike": who is answered did the act
            who = next((o for p in paid.children if p.dep_ == "prep" and p.lower_ == "against" for o in p.children
                        if o.dep_ == "pobj"), None)
            said = (clauses.nominal(t, clauses.text_of(who.subtree)) if who is not None and not any(
                c.dep_ in {"poss", "agent"} for c in t.children) else None) or _as_clause(t) or (
                clauses.going_on(t) if t.head.lower_ == "over" else "")  # "over the crackdown": it continues
            if said:
                return _on_issuer(said)
    for t in sent:  # "attacks on its embassy would be considered an act of war": the act regarded, in a passive
        if t.dep_ == "nsubjpass" and t.head.lemma_ in {"consider", "regard", "treat", "view", "deem"} and \
                t.pos_ == "NOUN":
            regarded = clauses.nominal(t, "anyone" if any(d.lower_ == "any" for d in t.children) else "someone")
            if regarded:
                return _on_issuer(regarded)
    for t in sent:  # "would regard any attack on its nuclear facilities as an act of war": the act regarded
        if t.dep_ == "dobj" and t.head.lemma_ in {"consider", "regard", "treat", "view", "deem"} and t.pos_ == "NOUN":
            t = next((c for c in t.children if c.dep_ == "nsubj"), t)  # "consider X a declaration of war"
            regarded = clauses.nominal(t, "anyone" if any(d.lower_ == "any" for d in t.children) else "someone") \
                if t.lemma_ not in {"declaration", "act"} else None  # not what it is regarded as
            if regarded:
                return _on_issuer(regarded)
    for t in sent:  # "warned Beijing of consequences for supplying weapons to Russia"
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in PAID_FOR:
            return clauses.clause(t, _punished(t.head.head) or "someone")
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "for" and t.head.head.pos_ == "VERB" and \
                _punished(t.head.head) and (_future(t.head.head) or t.head.head.dep_ == "xcomp"):
            # "will expel the diplomats for spying on its bases": the punished do what they are punished for
            return clauses.clause(t, _punished(t.head.head), clauses.is_plural(list(_punished_np(t.head.head))))
    for t in sent:  # not in a clause that only describes a noun ("the islands where they have claims dating to
        # ..."): what it says is done by no one the threat is aimed at
        if t.pos_ in {"VERB", "AUX"} and not (t.dep_ in {"relcl", "acl"} and not _future(t)):
            said, _ = _relative_trigger(t)
            if said:
                return said
    return _dangling(sent)


# Conditions said by a phrase of several words rather than by "if": the clause after the phrase is the trigger.
CONDITION_PHRASES = (("in", "the", "event", "that"), ("in", "the", "event"), ("in", "case"), ("as", "long", "as"),
                     ("so", "long", "as"), ("provided", "that"), ("providing", "that"), ("on", "condition", "that"),
                     ("each", "time"), ("every", "time"), ("any", "time"))


def _phrased_condition(sent: Any, spans: bool = False) -> str:
    """ "would respond in the event that NATO deploys troops", "as long as the sales continue", "in case the
    government refuses": the clause after a conditional phrase; empty without one. With ``spans``, the words of
    the text from the phrase to the clause's end, as a response writes them."""
    words = [t.lower_ for t in sent]
    for n in range(len(words)):
        phrase = next((p for p in CONDITION_PHRASES if tuple(words[n:n + len(p)]) == p), None)
        if phrase is None:
            continue
        end = sent[n + len(phrase) - 1].i
        first = sent.doc[end + 1] if end + 1 < sent.end else None
        node = first
        while node is not None and node.head != node and node.head.i > end and node.head.i < sent.end:
            node = node.head
        if node is None or node.pos_ not in {"VERB", "AUX"} or not clauses.has_subject(node):
            continue  # "in case of an attack": a noun, read by the rules of nouns
        if spans:
            last = max(t.i for t in node.subtree)
            return " ".join(sent.doc[n + sent.start:last + 1].text.split()).rstrip(" ,.")
        said = clauses.clause(node, ISSUER, drop=frozenset(t for t in node.subtree if t.i <= end))
        if said:
            return said
    return ""


def _punished_np(verb: Any) -> list[Any]:
    """Whom an act of punishment or retaliation is done to: its object ("expel the diplomats"), or its "against"
    phrase ("retaliate against Washington"); empty without one."""
    who = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (o for c in verb.children if c.dep_ == "prep" and c.lower_ == "against" for o in c.children
         if o.dep_ == "pobj"), None)
    return list(who.subtree) if who is not None else []


def _punished(verb: Any) -> str:
    return clauses.text_of(_punished_np(verb))


def _warned_against(sent: Any) -> str:
    """ "warned the United States against attacking its sites, threatening to close the strait": the act a warning
    forbids, when the threat itself is said beside it; "the United States attacks its sites"."""
    for t in sent:
        if t.lemma_ not in {"warn", "caution"} or t.pos_ != "VERB":
            continue
        told = next((c for c in t.children if c.dep_ == "dobj"), None)
        act = next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "against" for o in c.children
                    if o.dep_ in {"pcomp", "pobj"}), None)
        if told is None or act is None:
            continue
        who = clauses.text_of(told.subtree)
        if act.tag_ == "VBG":
            return clauses.clause(act, who, clauses.is_plural(list(told.subtree)))
        return clauses.nominal(act, who) or ""
    return ""


def _prevented(sent: Any) -> str:
    """ "will use force to stop the militia from establishing a corridor": the act a threatened act is to prevent,
    done by whom it is to be prevented, is the trigger ("the militia establishes a corridor"); empty otherwise."""
    for t in sent:
        if t.lemma_ not in {"prevent", "stop", "block", "deter", "keep"} or t.pos_ != "VERB" or t.dep_ not in {
                "advcl", "xcomp", "acl", "relcl"}:
            continue
        who = next((c for c in t.children if c.dep_ == "dobj"), None)
        act = next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children
                    if o.dep_ == "pcomp" and o.tag_ == "VBG"), None)
        if who is not None and act is not None:
            return clauses.clause(act, clauses.text_of(who.subtree), clauses.is_plural(list(who.subtree)))
    return ""


def _or_else(sent: Any) -> str:
    """ "X must leave the city or we will attack", "X must stop, otherwise we will respond": a demand with "must" /
    "should" and the threat joined by "or" or "otherwise"; the demand unmet is the trigger. Empty otherwise."""
    for t in sent:
        if t.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in t.children):
            continue
        threat = next((c for c in t.children if c.dep_ == "conj" and _future(c)), None) if any(
            c.dep_ == "cc" and c.lower_ == "or" for c in t.children) else None
        if threat is None and t.dep_ in {"ccomp", "advcl", "parataxis"} and _future(t.head) and any(
                c.lower_ == "otherwise" and c.dep_ == "advmod" for c in t.head.children):
            threat = t.head
        if threat is not None:
            return clauses.unmet(t)
    return ""


def _dangling(sent: Any) -> str:
    """The condition the parser split off as a sentence of its own ("X threatens to revoke Y (guaranteed by Z)" |
    "if the United States moves its embassy."): the next sentence, when it is only an "if" / "unless" clause."""
    if sent.end >= len(sent.doc):
        return ""
    root = next(iter(sent.doc[sent.end:].sents)).root
    mark = next((m for m in root.children if m.dep_ == "mark" and m.lower_ in {"if", "unless"} and m.i < root.i), None)
    if mark is None or root.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "advcl" for c in root.children):
        return ""
    return clauses.negated(root) if mark.lower_ == "unless" else clauses.clause(root, "")


def _inverted(sent: Any) -> str:
    """An inverted condition as a clause: "should Finland join NATO" -> "Finland joins NATO", "were it to attack
    its sites" -> "it attacks its sites"; empty without one. The auxiliary comes before its subject, after the
    clause it conditions."""
    for t in sent:
        if t.lower_ not in {"should", "were"} or t.pos_ != "AUX" or t.i + 1 >= sent.end or (
                t.i == sent.start and "advcl" not in {t.dep_, t.head.dep_}):  # "Were X to strike, Y would ..."
            continue
        head = t if t.lemma_ == "be" else t.head
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > t.i), None)
        if subject is None or any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < t.i for c in head.children):
            continue  # "Iran should respond": a subject before it, not an inversion
        verb = next((c for c in head.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children))), None) if t.lemma_ == "be" else head
        if verb is None or verb.pos_ not in {"VERB", "AUX"}:
            continue
        said = set(subject.subtree) | {t} | {c for c in verb.children if c.dep_ == "aux"}
        rest = clauses.text_of([x for x in verb.subtree if x not in said and x != verb and x.i > verb.i])
        plural = clauses.is_plural(list(subject.subtree))
        return " ".join(w for w in (clauses.text_of(subject.subtree), clauses.third_person(verb.lemma_, plural),
                                    rest) if w)
    return ""


def _inverted_aux(clause: Any) -> bool:
    """Whether an adverbial clause is an inverted condition: "Should Finland join NATO, ...", "Were X to ..."."""
    first = min(clause.subtree, key=lambda t: t.i)
    return first.lower_ in {"should", "were"} and first.pos_ == "AUX" and (first == clause or first.head == clause)


def without_answered(response: str, sent: Any) -> str:
    """``response`` without the phrase that names what it answers, once that phrase is the trigger: "X will target
    U.S. bases in the event of an American attack" -> "X will target U.S. bases"."""
    if _or_else(sent) and ", otherwise " in response:  # "X must stop, otherwise we will respond"
        return response.split(", otherwise ", 1)[1]
    phrased = _phrased_condition(sent, spans=True)
    if phrased and f" {phrased}" in response:  # "will impose sanctions as long as the sales continue"
        return response.replace(f" {phrased}", "", 1).rstrip(" ,")
    for t in sent:
        if t.dep_ == "advcl" and _inverted_aux(t):  # "Should Finland join NATO, Russia will respond"
            phrase = clauses.text_of(t.subtree)
            if response.startswith(phrase):
                return response.removeprefix(phrase).strip(" ,")
        if t.lemma_.lower() in ANSWER_NOUNS and t.dep_ == "pobj" and t.head.lower_ in {"in", "as"}:
            phrase = clauses.text_of(t.head.subtree)
            phrase = f"{t.head.text} {phrase}" if not phrase.lower().startswith(t.head.lower_) else phrase
            if phrase and f" {phrase}" in response:
                return response.replace(f" {phrase}", "", 1).rstrip(" ,")
            bare = phrase.removeprefix(f"{t.head.text} ")  # a response that opens with the phrase: "in case of X it
            if response.startswith(bare) and response[len(bare):][:1] in {" ", ","}:  # would strike" is read
                return response.removeprefix(bare).strip(" ,")  # without its leading "in"
            if bare and response.endswith(f" {bare}"):  # "will impose sanctions case of a takeover"
                return response.removesuffix(f" {bare}").rstrip(" ,")
    return response


def _as_clause(noun: Any) -> str:
    """A noun phrase naming an act as a clause: a nominalisation ("the use of X" -> "anyone uses X"), a noun with a
    participle ("a conference held in X" -> "a conference is held in X"), or an act its possessor carries out
    ("Russia's harmful activities" -> "Russia carries out harmful activities")."""
    anyone = "anyone" if any(d.lower_ == "any" for d in noun.children) else "someone"
    said = clauses.nominal(noun, anyone) or clauses.passive_np(noun) or clauses.carried_out(noun) or clauses.done(
        noun, hostile=True)
    if said:
        return str(said)
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ not in {"its", "their", "his", "her", "our", "my", "your"}:
        owner = clauses.text_of(poss.subtree).removesuffix("'s").removesuffix("’s").rstrip("'’ ")
        rest = clauses.text_of([t for t in noun.subtree if t not in set(poss.subtree)])
        return f"{owner} {clauses.third_person('carry', clauses.is_plural([poss]))} out {rest}".replace("carrys",
                                                                                                       "carries")
    return ""
