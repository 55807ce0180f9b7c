"""The rules that find a threat in one sentence, each a general mechanism over the dependency parse.

Each rule takes (sentence, analysis, claim) and returns a ``Found``: the cue token, the issuer's tokens, the
trigger and response as clauses (``redline.assess.clauses``) and the form (conditional, unconditional, red_line,
doctrine, ultimatum); ``redline.assess.rhetoric`` finishes it into a Threat (issuer, target, status). Here: the
threat-verb rule and the parse helpers the rules share (subjects, conditions, the speaker's side); the commitment
rule is in ``redline.assess.threat_commitments``, the others in ``redline.assess.threat_forms``.
"""

from __future__ import annotations

from typing import Any

from redline.assess import clauses
from redline.assess.clause_forms import any_answered as _any_answered
from redline.assess.clauses import ISSUER as ISSUER
from redline.assess.threat_answers import answered as _answered
from redline.assess.threat_answers import relative_trigger as _relative_trigger
from redline.assess.threat_words import (
    AGENT_NOUNS,
    CONDITIONS,
    DOCUMENTS,
    HOSTILE_VERBS,
    ISSUER_PRONOUNS,
    MEDIA_NOUNS,
    OBLIGING,
    OFFICE_NOUNS,
    OFFICE_WORDS,
    PEOPLE,
    PERSON_NOUN,
    PROMISE_VERBS,
    PUNITIVE_NOUNS,
    REPORTING,
    THREATENING,
    VENGEANCE,
)
from redline.events.actors import country
from redline.models import Analysis, Claim, Mention


class Found:
    """What a rule found in one sentence, before the shared finishing (issuer, target, kind, status). ``own``:
    tokens naming the issuer's side in the threat itself ("Pyongyang will not sit idly by"), the issuer when the
    speaker names no state."""

    def __init__(self, cue: Any, subject: list[Any], trigger: str, response: str, form: str,
                 own: list[Any] | None = None, unnamed: bool = False, defier: list[Any] | None = None) -> None:
        self.cue, self.subject, self.trigger, self.response, self.form = cue, subject, trigger, response, form
        self.own = own or []
        self.unnamed = unnamed  # the issuer is not named in the sentence: not the speaker's either
        self.defier = defier or []  # who acts despite the threat ("X will proceed despite threats"): not its issuer


def claim_of(claims: tuple[Claim, ...], sent: Any) -> Claim | None:
    inside = [c for c in claims if c.evidence and sent.start_char <= c.evidence[0].start < sent.end_char]
    return inside[0] if inside else None


def _negated(verb: Any) -> bool:
    """A "not" on the verb, or on the "going" of its "going to" ("we are not going to retaliate")."""
    return any(c.dep_ == "neg" for c in verb.children) or (
        _going_to(verb) and any(c.dep_ == "neg" for c in verb.head.children))


def _subject(verb: Any) -> list[Any]:
    """The subject of ``verb`` or of the clause it continues; a relative pronoun's antecedent ("militants, who
    threatened ..." -> militants); for "a resolution threatening ...", who passes the resolution."""
    node = verb
    for _ in range(3):
        folded = _absorbed(node)
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"} and c not in folded]
        if subj and subj[0].dep_ == "nsubjpass" and node != verb and verb.tag_ == "VBG" and node.dep_ == "ccomp":
            node = node.head  # "X says fighters were killed, while vowing to respond": X vows, not the killed
            continue
        if subj and verb.dep_ == "conj" and verb.head == node and node.dep_ == "ccomp" and \
                node.head.lemma_ in REPORTING and verb.lemma_ in THREATENING | {"warn"} and not _agentive(subj[:1], ()):
            node = node.head  # "X says the resolution is an act of war and threatens to ...": X threatens
            continue
        if subj:
            if subj[0].lower_ in {"who", "which", "that"} and node.dep_ == "relcl" and node.head != node:
                antecedent = node.head
                if not (_agentive([antecedent], ()) or antecedent.ent_type_):
                    return []  # "any rocket that threatens it": a thing endangers, it does not threaten
                return [t for t in antecedent.subtree if t.i <= antecedent.i and not t.is_punct]
            split = len(subj) > 1 and subj[1].pos_ == "PROPN" and subj[1].i == subj[0].right_edge.i + 1
            return [*subj[0].subtree, *(subj[1].subtree if split else [])]  # "Leaders from the bloc ECOWAS"
        told = next((c for c in node.head.children if c.dep_ == "dobj" and c.ent_type_), None) \
            if node.dep_ == "xcomp" and node.lemma_ in THREATENING else None
        if told is not None:  # "a move that prompted China to threaten sanctions": China threatens
            return list(told.subtree)
        if node.dep_ in {"conj", "xcomp", "advcl"} and node.head != node:
            node = node.head
        elif node.dep_ == "acomp" and node.lemma_ in {"ready", "prepared"} and node.head != node:
            node = node.head  # "Russia is ready to use ...": the subject of "is"
        elif node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in DOCUMENTS \
                and node.head.dep_ == "dobj":
            node = node.head.head  # "passes a resolution threatening sanctions": who passes it
        else:
            break
    return []


def _agentive(subject: list[Any], mentions: tuple[Mention, ...]) -> bool:
    if not subject:
        return False
    start, end = subject[0].idx, subject[-1].idx + len(subject[-1].text)
    if any(start <= m.start < end and m.type in {"ACTOR", "PERSON"} for m in mentions):
        return True
    head = next((t for t in subject if t.head not in subject or t.head == t), subject[0])
    return head.lower_ in AGENT_NOUNS | ISSUER_PRONOUNS or head.lemma_.lower() in AGENT_NOUNS or head.ent_type_ in {
        "PERSON", "ORG", "GPE", "NORP"} or bool(PERSON_NOUN.search(head.lower_))


def subject_name(subject: list[Any]) -> str:
    """The subject as a clause subject: a person by name ("U.S. President Donald Trump" -> "Donald Trump"), else
    the text without trailing appositions."""
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    if head is None:
        return ""
    if head.ent_type_ == "PERSON":
        return clauses.text_of([t for t in subject if t.ent_type_ == "PERSON" and t.ent_iob_ in {"B", "I"}
                                and t.i <= head.i and (t.i == head.i or t.head.i <= head.i)])
    keep = [t for t in subject if not (t.dep_ in {"appos", "relcl", "acl"} and t.head == head)]
    drop = {x for t in subject if t.dep_ in {"appos", "relcl", "acl"} and t.head == head for x in t.subtree}
    return clauses.text_of([t for t in keep if t not in drop])


def _if_clause(verb: Any) -> tuple[str, str]:
    """(trigger, form) of an "if" / "unless" clause on ``verb`` or its head: the trigger as a clause."""
    nodes = (verb, verb.head, verb.head.head) if verb.dep_ == "acl" else (verb, verb.head)
    folded = _absorbed(verb)
    if folded:
        return clauses.text_of(folded), "conditional"
    for node in nodes:  # "adopts a resolution threatening sanctions if ...": the condition of the carrier
        for c in node.children:
            if c.dep_ == "advcl":
                mark = next((m for m in c.children if m.dep_ in {"mark", "advmod"} and m.lower_ in CONDITIONS
                             and m.i < c.i), None)
                if mark is not None:
                    if mark.lower_ in {"unless", "until"}:  # "until X ends its policy": X does not end it
                        return clauses.negated(c), "ultimatum"
                    return clauses.clause(c, ISSUER), "conditional"  # "if provoked": the issuer is provoked
    return "", "unconditional"


def _threat_verb(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """ "X threatens to <act>", "X threatens Y with <noun>", "X threatens <sanctions>", "X vows to retaliate"."""
    for verb in sent:
        if verb.lemma_ not in {"threaten"} | PROMISE_VERBS or verb.pos_ != "VERB" or _negated(verb):
            continue
        if verb.dep_ == "relcl" and any(d.lower_ in {"any", "every"} for d in verb.head.children) or \
                verb.dep_ == "relcl" and verb.head.lower_ in {"anyone", "anybody", "whoever", "those"}:
            continue  # "will strike any group that threatens its borders": a condition of another threat
        subject = _subject(verb)
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:  # "Ukraine was threatened with a nuclear strike by Russia": Russia threatens
            by = next((o for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                       for o in c.children if o.dep_ == "pobj"), None)  # "with a strike by Russia" too
            if by is None:
                continue  # "it was threatened": who threatens is not said
            subject = list(by.subtree)
        headless = not subject and verb.tag_ == "VBG" and verb.dep_ in {"conj", "advcl", "ROOT"}
        if not _agentive(subject, analysis.mentions) and not headless:
            continue  # "..., asking X for talks and threatening consequences if ...": the issuer is not named here
        name = subject_name(subject) or "the issuer"
        plural = clauses.is_plural(subject)
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
        if xcomp is not None:
            avenging = any(c.dep_ == "dobj" and c.lemma_.lower() in VENGEANCE for c in xcomp.children)
            if verb.lemma_ in PROMISE_VERBS and xcomp.lemma_ not in HOSTILE_VERBS and not avenging:
                continue  # "pledged to cut emissions" is no threat; "vowed to seek vengeance" is
            trigger, form = _if_clause(xcomp)
            if not trigger:
                trigger, form = _relative_trigger(xcomp)
            answered: set[Any] = set()
            if not trigger:  # "threatens to attack X in response to the use of Y"
                trigger, answered = _answered(xcomp, "anyone")
                form = "conditional" if trigger else form
            conditions = frozenset(t for c in xcomp.children if c.dep_ == "advcl" and any(
                m.lower_ in {"if", "unless"} for m in c.children) for t in c.subtree) | answered
            response = clauses.clause(xcomp, name, plural, drop=conditions)
            return Found(verb, subject, trigger if answered else trigger.replace(ISSUER, name), response, form)
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if verb.lemma_ in PROMISE_VERBS:  # "vowed a swift response", "promised retaliation"
            if dobj is not None and dobj.lemma_.lower() in {"response", "retaliation", "revenge", "punishment"}:
                trigger, form = _if_clause(verb)
                any_act, prep = _any_answered(dobj)
                if not trigger and any_act:
                    trigger, form = any_act, "conditional"
                return Found(verb, subject, trigger, clauses.act_of_noun(dobj, name, None, drop=prep), form)
            continue
        heads = [verb, *([dobj] if dobj is not None else [])]
        with_np = next((o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                        for o in c.children if o.dep_ == "pobj"), None)
        trigger, form = _if_clause(verb)
        if not trigger:
            trigger = _answered(verb)[0]
            form = "conditional" if trigger else form
        if with_np is not None and with_np.lemma_.lower() in PUNITIVE_NOUNS | {"sanction"}:
            target = clauses.text_of(dobj.subtree) if dobj is not None else clauses.text_of(passive.subtree) \
                if passive is not None else None
            any_act, prep = _any_answered(with_np)  # "threatens X with a crushing response to any attack"
            if not trigger and any_act:
                trigger, form = any_act, "conditional"
            prep |= frozenset(t for t in subject if passive is not None) | frozenset(
                t.head for t in subject[:1] if passive is not None and t.head.lower_ == "by")
            return Found(verb, subject, trigger, clauses.act_of_noun(with_np, name, target, drop=prep), form)
        if dobj is not None and dobj.lower_ in PUNITIVE_NOUNS:
            return Found(verb, subject, trigger, clauses.act_of_noun(dobj, name, None), form)
        named = [t for t in dobj.subtree if t.i <= dobj.i] if dobj is not None else []  # the noun, not its "of"
        if dobj is not None and not headless and (_agentive(named, analysis.mentions) or dobj.lemma_.lower() in PEOPLE):
            return Found(verb, subject, trigger, "", form)  # "China threatens the United States over ...": act unsaid
    return None


def _participle_subject(verb: Any) -> list[Any]:
    """The subject of the clause a participle cue hangs on: "X orders ..., warning that ..." -> X."""
    if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.tag_ == "VBG":
        return _subject(verb.head)
    return []


def _issuer_side(subject: list[Any], speaker: list[Any], analysis: Analysis) -> bool:
    """Whether a clause's subject is the speaker's own side: a pronoun, the same actor, "the country", or "you"
    said back to speakers addressed as "you" ("you said that ... you will escalate")."""
    if not subject:
        return False
    words = {t.lower_ for t in subject}
    if len(subject) <= 3 and words & (ISSUER_PRONOUNS | {"country"}) or clauses.own_force(subject) and (
            _codes(speaker, analysis.mentions) or _unnamed_official(speaker)):
        return True  # "its forces would strike ...", "the group will ...": the speaker's side (not an analyst's)
    if words == {"you"} and any(t.lower_ == "you" for t in speaker):
        return True
    mine = _codes(speaker, analysis.mentions, relayed=False)
    if not mine and (_unnamed_official(speaker) or _relays(speaker, analysis.mentions)) and _codes(
            subject, analysis.mentions):
        return True  # "Iran will respond, the foreign ministry spokesman said": he speaks for Iran; "KCNA said North
        # Korea would retaliate": the agency relays the North's threat
    return bool(mine & _codes(subject, analysis.mentions))


def _unnamed_official(speaker: list[Any]) -> bool:
    """A speaker who speaks for an office but whose state the phrase does not name: "the defence ministry",
    "a government spokesman"."""
    head = next((t for t in speaker if t.head not in speaker or t.head == t), None)
    return head is not None and head.lemma_.lower() in OFFICE_NOUNS and not any(
        t.ent_type_ in {"PERSON", "GPE", "NORP"} or (t.ent_type_ == "ORG" and t.lower_ not in OFFICE_WORDS)
        for t in speaker)  # "the foreign ministry" is an ORG to the parser, but names no state


def _codes(tokens: list[Any], mentions: tuple[Mention, ...], relayed: bool = True) -> set[str]:
    """The countries the mentions in ``tokens`` name; without the news outlets when not ``relayed``."""
    if not tokens:
        return set()
    start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
    return {c for m in mentions if start <= m.start < end and m.code and (relayed or not reporter(m))
            for c in [country(m.code)] if c}


def reporter(m: Mention) -> bool:
    """A news outlet ("KCNA", "Xinhua", "Reuters"): it relays what a state says and speaks for none."""
    return m.attr("kind") == "media"


def _relays(speaker: list[Any], mentions: tuple[Mention, ...]) -> bool:
    """A speaker that only relays: a news outlet or the media ("KCNA said", "state media reported")."""
    head = next((t for t in speaker if t.head not in speaker or t.head == t), None)
    if head is not None and head.lemma_.lower() in MEDIA_NOUNS and not any(
            t.ent_type_ in {"PERSON", "GPE", "NORP"} for t in speaker):
        return True
    start, end = (min(t.idx for t in speaker), max(t.idx + len(t.text) for t in speaker)) if speaker else (0, 0)
    inside = [m for m in mentions if start <= m.start < end and m.code]
    return bool(inside) and all(reporter(m) for m in inside)


def _future(verb: Any) -> bool:
    """A future or conditional modal on ``verb`` ("will", "would", "'ll", "shall"), or "going to", or on the verb
    that obliges it ("will be forced to take", "will have to respond")."""
    modals = {c.lower_.replace("’", "'") for c in verb.children if c.dep_ == "aux"}
    if verb.dep_ == "xcomp" and verb.head.lemma_ in OBLIGING | {"continue"} and verb.head != verb and \
            _future(verb.head):  # "will have to respond", "will continue to target ships"
        return True
    return bool(modals & {"will", "would", "'ll", "shall", "wo"}) or _going_to(verb)


def _going_to(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.lower_ == "going"


def _absorbed(verb: Any) -> list[Any]:
    """A condition the parser folded into the clause it conditions, from "if" to the comma ("if the United States
    attacks, Iran will retaliate": "attacks" read as a noun, "if" as the mark of "retaliate")."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "if" and c.i < verb.i), None)
    comma = next((t for t in verb.doc[mark.i + 1:verb.i] if t.text == "," and t.head == verb), None) if (
        mark is not None and _future(verb)) else None
    return list(verb.doc[mark.i + 1:comma.i]) if mark is not None and comma is not None else []


def _in_if(token: Any, verb: Any) -> bool:
    if token in _absorbed(verb):
        return True
    node = token
    while node != verb and node.head != node:
        if node.dep_ == "advcl" and any(m.lower_ in CONDITIONS and m.i < node.i for m in node.children):
            return True
        node = node.head
    return False


def _speaker_tokens(verb: Any) -> list[Any]:
    """The subject of the reporting verb a clause hangs on ("X says it will respond" -> X)."""
    node = verb
    for _ in range(3):
        reporter = said_on_noun(node)
        if (node.dep_ in {"ccomp", "xcomp"} or node.dep_ == "advcl" and _absorbed(node)) and node.head != node or \
                reporter is not None:  # "If X attacks, Iran will ..., he said": an "if" folded in made it an advcl
            node = reporter if reporter is not None else node.head
            subj = _subject(node) or _participle_subject(node)
            if subj and not (len(subj) == 1 and subj[0].lower_ == "you"):  # the addressee does not speak
                return subj
        else:
            break
    return []


def said_on_noun(verb: Any) -> Any | None:
    """The reporting verb of a "that" clause the parser hung on a noun of its phrase: "told a briefing that China
    would take countermeasures", "said in a statement that ..." -> told, said; None otherwise."""
    if verb.dep_ not in {"acl", "relcl"} or not clauses.has_subject(verb) or not any(
            m.dep_ == "mark" and m.lower_ == "that" for m in verb.children):
        return None
    node = verb.head
    while node.head != node and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
    return node if node.lemma_ in REPORTING and node is not verb else None


def by_warned(trigger: str, warned: Any, subject: list[Any], analysis: Analysis) -> str:
    """ "X warns Y that any attack on Z ..." -> "Y attacks Z": the act of an unnamed "anyone" in a warning is the
    warned party's, when the warned party is another actor than the one who warns."""
    if not trigger.startswith("anyone ") or warned is None:
        return trigger
    theirs = _codes(list(warned.subtree), analysis.mentions)
    if not theirs or theirs & _codes(subject, analysis.mentions):
        return trigger
    who = clauses.text_of(warned.subtree)
    plural = clauses.is_plural(list(warned.subtree))
    first, _, rest = trigger.removeprefix("anyone ").partition(" ")
    verb = first.removesuffix("es") if plural and first.endswith(("shes", "ches", "xes", "sses")) else \
        first[:-1] if plural and first.endswith("s") else first
    return f"{who} {verb} {rest}".strip()


def _warned(verb: Any) -> Any | None:
    """Who is warned, told or cautioned in the reporting clause ``verb`` hangs on: "X warned Israel that ..."."""
    node = verb
    for _ in range(3):
        reporter = said_on_noun(node)
        if not ((node.dep_ in {"ccomp", "xcomp"} and node.head != node) or reporter is not None):
            return None
        node = reporter if reporter is not None else node.head
        if node.lemma_ in {"warn", "tell", "caution", "remind"}:
            return next((c for c in node.children if c.dep_ in {"dobj", "dative"}), None)
    return None
