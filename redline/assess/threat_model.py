"""A learned threat/no-threat sentence classifier over the dependency parse, beside the threat rules.

The model is a logistic regression over sparse features of one parsed sentence, trained on the tune half of
the threat set only (``python tools/train_threat_model.py``) and shipped as ``redline/data/threat_model/``
(a JSON table of feature weights, its bias and its threshold). It reads the parse the pipeline has already made,
so it costs a dictionary look-up per feature: no model to load beyond the JSON, no download.

Its features name the form of a statement, not its actors: names, places and numbers are replaced by their
entity type, and besides the lemmas (and lemma pairs) it sees, for each verb, its modal ("will respond"), its
negation, whether it heads an "if"/"unless" clause, whether its subject is the first person, and the
dependency arcs between content words ("warn -ccomp-> respond"), so a new wording of a known form scores as
the form does.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Any

from redline.assess import clauses
from redline.assess.clauses import any_trigger as _any_trigger
from redline.assess.clauses import on_issuer as _on_issuer
from redline.assess.threat_answers import answered as _answered
from redline.assess.threat_answers import relative_trigger as _relative_trigger
from redline.assess.threat_rules import (
    ISSUER,
    Found,
    _absorbed,
    _answers_need,
    _codes,
    _future,
    _if_clause,
    _in_if,
    _issuer_side,
    _speaker_tokens,
    _subject,
    _warned,
    by_warned,
    forecast_effect,
    subject_name,
)
from redline.assess.threat_words import HOSTILE_VERBS, PUNITIVE_NOUNS, RESPONSE_VERBS
from redline.models import Analysis, Claim

MASKED = {"PERSON": "<person>", "GPE": "<place>", "LOC": "<place>", "NORP": "<group>", "ORG": "<org>",
          "FAC": "<place>", "DATE": "<date>", "TIME": "<date>", "CARDINAL": "<num>", "MONEY": "<num>",
          "PERCENT": "<num>", "QUANTITY": "<num>", "ORDINAL": "<num>"}
CONTENT = frozenset({"VERB", "NOUN", "ADJ", "ADV", "PROPN", "AUX"})
FIRST_PERSON = frozenset({"we", "i", "us", "our"})
THREAT_VERBS = frozenset({"threaten", "warn", "vow", "promise", "pledge", "swear"})
THREAT_NOUNS = frozenset({"threat", "warning", "ultimatum", "deadline", "response", "retaliation", "consequence",
                          "red", "line", "action", "measure", "countermeasure"})
# Verbs whose "if" clause is an indirect question, not a condition ("asked if the U.S. was considering ...").
ASKING = frozenset({"ask", "wonder", "inquire", "enquire", "question", "know", "see", "check", "decide", "doubt"})
# Heads of a subject that act (besides names, entities and nouns of people such as "militants", "officials").
AGENTS = frozenset({"government", "ministry", "military", "army", "forces", "force", "group", "country", "nation",
                    "state", "regime", "administration", "navy", "council", "union", "bloc", "alliance", "side",
                    "president", "minister", "leader", "commander", "spokesman", "spokeswoman", "spokesperson",
                    "official", "chief", "envoy", "ambassador", "authorities", "police", "troops", "coalition",
                    "parliament", "cabinet", "office", "embassy", "statement", "party", "movement", "people"})
PERSON_NOUN = re.compile(r"(ers?|ors?|ists?|ants|ians?)$")  # kidnappers, separatists, militants
# Acts whose negation threatens ("will not tolerate", "will not hesitate", "will not sit idly by").
# Acts that give rather than coerce ("had offered a price freeze if ...", "would lift sanctions if ..."): an offer
# on a condition is no threat.
OFFERS = frozenset({"offer", "propose", "lift", "ease", "suspend", "release", "negotiate", "reward", "pardon",
                    "invite", "help", "support", "welcome", "forgive", "compensate"})
NEGATED_THREATS = frozenset({"tolerate", "hesitate", "sit", "allow", "accept", "stand", "permit", "spare", "go"})


@cache
def _classes() -> dict[str, str]:
    """Word classes of the threat rules (``threat_rules``): a feature on a class counts for its every member."""
    out = dict.fromkeys(RESPONSE_VERBS | HOSTILE_VERBS, "<act>")
    out.update(dict.fromkeys(PUNITIVE_NOUNS, "<penalty>"))
    return out


def _word(tok: Any) -> str:
    if tok.ent_type_ in MASKED:
        return MASKED[tok.ent_type_]
    if tok.like_num:
        return "<num>"
    return str(tok.lemma_).lower()


def features(sent: Any) -> list[str]:
    """The sparse features of one parsed sentence (a spaCy Span), each a string."""
    toks = [t for t in sent if not (t.is_punct or t.is_space)]
    words = [_word(t) for t in toks]
    out = [f"w:{w}" for w in words]
    out += [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    for t in toks:
        head = t.head
        if t.pos_ in CONTENT and head is not t and head.pos_ in CONTENT:
            out.append(f"d:{_word(head)}>{t.dep_}>{_word(t)}")
        if t.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = _word(t)
        kids = list(t.children)
        for c in kids:
            if c.tag_ == "MD":
                out.append(f"m:{c.lower_}_{lemma}")
                out.append(f"m:{c.lower_}")
            elif c.dep_ == "neg":
                out.append(f"n:{lemma}")
            elif c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FIRST_PERSON:
                out.append(f"s1:{lemma}")
            elif c.dep_ == "mark" and c.lower_ in {"if", "unless"}:
                out.append(f"if:{c.lower_}>{_word(head)}")
                out.append(f"if:{c.lower_}")
        if t.dep_ in {"ccomp", "xcomp"}:
            out.append(f"c:{_word(head)}>{t.dep_}>{lemma}")
    classes = _classes()
    for f in list(out):
        kind, _, rest = f.partition(":")
        if kind in {"w", "m", "d", "c"}:
            parts = re.split(r"([>_])", rest)
            mapped = [classes.get(x, x) for x in parts]
            if mapped != parts:
                out.append(f"{kind}:" + "".join(mapped))
    return out


Model = tuple[dict[str, float], float, float]  # weights, bias, threshold


@cache
def _model() -> Model | None:
    try:
        text = resources.files("redline.data").joinpath("threat_model/model.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(text)
    return dict(data["weights"]), float(data["bias"]), float(data["threshold"])


_USING: list[Model] = []


@contextmanager
def using(model: Model) -> Iterator[None]:
    """Find threats with ``model`` instead of the shipped one while the block runs (the evaluation scores each tune
    record with a model trained without it: ``redline.eval.threats``)."""
    _USING.append(model)
    try:
        yield
    finally:
        _USING.pop()


def _current() -> Model | None:
    return _USING[-1] if _USING else _model()


def probability(sent: Any) -> float | None:
    """The model's probability that ``sent`` states a threat or warning; None when no model is installed."""
    model = _current()
    if model is None:
        return None
    weights, bias, _ = model
    z = bias + sum(weights.get(f, 0.0) for f in set(features(sent)))
    return 1.0 / (1.0 + math.exp(-z))


def threshold() -> float:
    model = _current()
    return model[2] if model else 1.0


def generic(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    """A threat the model accepts and no rule structured, built from the parse alone.

    The act is the verb with an "if"/"unless" clause, else the first verb with a future modal, else what a threat
    verb (threaten, vow, warn) governs, else the sentence's root. The trigger is, in this order, the act's
    condition, a relative clause on its object ("anyone who ..."), what it answers ("in response to X"), or an
    "any X" subject ("any attack will be met with ..."), as a clause; the response is the act's clause without its
    trigger. The issuer is who says it (the reporting verb's subject, the claim's speaker), else the act's subject.
    """
    verbs = [t for t in sent if t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        return None
    conditional = [v for v in verbs if v.lemma_ not in ASKING and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        and not _asked(c) for c in v.children)]  # "Asked if X, Rubio said ...": a question, not a condition
    future = [v for v in verbs if _future(v) and not _in_if(v, sent.root)]
    governed = [c for v in verbs if v.lemma_ in THREAT_VERBS for c in v.children
                if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}]
    folded = [v for v in verbs if _absorbed(v)]  # "If the United States attacks, Iran will ...": "if" on "will"
    act = (folded or conditional or future or governed or [sent.root])[0]
    if act.lemma_ in THREAT_VERBS and any(c.dep_ == "nsubjpass" for c in act.children):
        return None  # "X was threatened (by Y)": the rules read who threatens; the threatened does not
    subject = _subject(act)
    if not _committed(act, subject, not (conditional or future or governed)):
        return None
    speaker = [t for t in _speaker_tokens(act) if not (t.dep_ == "nsubjpass" or t.head.dep_ == "nsubjpass")]
    # "our partners have been warned that ...": who is warned does not speak
    other = act.lemma_ != "be" and _codes(subject, analysis.mentions) and not _issuer_side(subject, speaker, analysis)
    if speaker and other:
        return None  # "experts warn that Iran could retaliate if ...": a forecast of another's act, as in the rules
    if _answers_need(act):
        return None  # "Russia would respond to the letter": a reply, as in the rules
    first = {t.lower_ for t in subject} & {"we", "i"}
    name = (subject_name(subject) if subject and not first else "") or ISSUER
    trigger, form = _if_clause(act)
    drop = {t for t in act.subtree if _in_if(t, act)}
    if not trigger:
        trigger, form = _relative_trigger(act)
    if not trigger:
        trigger, answered = _answered(act, "anyone")
        drop |= answered
        form = "conditional" if trigger else form
    on_issuer = False  # "any attack will be answered": the attack is on the issuer, not by the act's subject
    if not trigger:
        trigger = _any_trigger(subject)
        form = "conditional" if trigger else form
        on_issuer = bool(trigger)
    acting: set[Any] = set()
    if not trigger:  # "the expulsion of the journalists could affect ...": the act named as the subject
        trigger, acting = _acting_subject(act, subject)
        trigger = by_warned(trigger, _warned(act), speaker, analysis) if trigger else ""
        form = "conditional" if trigger else form
    if not trigger:
        trigger = sentence_trigger(sent, ISSUER)
        form = "conditional" if trigger else form
        on_issuer = trigger.endswith(ISSUER)  # "in response to any attack": an attack on the issuer
    drop |= {x for t in act.children if t.dep_ == "advcl" and t.i < act.i and _inverted_aux(t) for x in t.subtree}
    response = clauses.clause(act, name, clauses.is_plural(subject), drop=frozenset(drop | acting))
    if acting and not any(t.dep_ == "nsubj" and t.head.dep_ == "csubj" and t.head.head == act and t not in acting
                          for t in act.subtree):  # "anybody ... may face prosecution" keeps its subject
        response = f"this {response}"
    cue = speaker[0].head if speaker else act
    if not (conditional or future or governed):  # the threat word itself says when the threat was made
        cue = next((t for t in sent if t.lemma_ in THREAT_VERBS | THREAT_NOUNS), cue)
    who = speaker or (subject if not first else [])
    own = subject if speaker and not first else []
    author = _author(cue, analysis) if not (conditional or future or governed) else []
    if author:  # "rejects a deadline set by Xi Jinping", "after ECOWAS gave an ultimatum": who set it threatens
        who, own = author, []
    if not on_issuer:
        trigger = trigger.replace(ISSUER, "the issuer" if name == ISSUER else name)
    return Found(cue, who, trigger, response, form, own)


# Verbs of what an act would bring about ("would damage relations", "could affect its status", "will lead to war").
CONSEQUENCE_VERBS = frozenset({"affect", "damage", "harm", "hurt", "jeopardize", "jeopardise", "undermine", "lead",
                               "trigger", "provoke", "spark", "mean", "cost", "result", "bring", "prompt", "endanger",
                               "ruin", "complicate", "poison", "escalate", "destroy", "end", "invite", "draw"})


def _acting_subject(act: Any, subject: list[Any]) -> tuple[str, set[Any]]:
    """An act named as the subject of what it would bring about, as a trigger with the tokens it takes from the
    response: "deploying troops there would lead to war" -> "anyone deploys troops there", "the expulsion of the
    journalists could affect X" -> "anyone expels the journalists"; ("", set()) otherwise."""
    if not any(c.dep_ == "aux" and c.lower_.replace("\u2019", "'") in {"will", "would", "could", "may", "might", "'ll"}
               for c in act.children):
        return "", set()
    doing = next((c for c in act.children if c.dep_ == "csubj" and c.tag_ == "VBG"), None)
    if doing is not None:  # "anybody violating the law may face prosecution": a gerund subject, any verb; its
        own = next((c for c in doing.children if c.dep_ == "nsubj"), None)  # own subject faces the response
        return clauses.clause(doing, "anyone"), set(doing.subtree) - set(own.subtree if own is not None else ())
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    if act.lemma_ not in CONSEQUENCE_VERBS or head is None or head.pos_ != "NOUN" or head.ent_type_ or any(
            c.dep_ == "poss" and c.lower_ in clauses.OWN_POSSESSIVES for c in head.children):
        return "", set()  # "its strike would destroy ...": the issuer's own act is the response, not its trigger
    said = clauses.nominal(head, "anyone")
    return (said, set(subject)) if said else ("", set())


def _committed(act: Any, subject: list[Any], fallback: bool) -> bool:
    """Whether the model's threat reads as one someone makes: its threat verb not negated ("did not threaten to
    ..."), its response not "no consequences", its act done by an agent and not by a thing ("the drought would be
    catastrophic"); and, when the sentence has no conditional, future or threat-verb act (``fallback``), a threat
    word that is not said of a thing ("any missile that threatens its territory")."""
    chain = [act, act.head] if act.dep_ in {"xcomp", "ccomp"} else [act]
    if any(v.lemma_ in OFFERS and not any(c.dep_ == "neg" for c in v.children) for v in chain):
        return False  # an offer on a condition gives, it does not coerce
    if any(c.dep_ == "neg" for v in chain if v.lemma_ in THREAT_VERBS for c in v.children):
        return False
    if _future(act) and any(c.dep_ == "neg" for c in act.children) and act.lemma_ not in NEGATED_THREATS:
        return False  # "North Korea says it will not retaliate": a promise not to act
    if any(t.lower_ == "no" and t.dep_ == "det" and t.head.head == act for t in act.subtree):
        return False
    if forecast_effect(act):
        return False
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    lone = not any(c.dep_ in {"dobj", "auxpass", "prep", "xcomp", "ccomp", "prt"} for c in act.children)
    if (act.lemma_ == "be" or lone) and head is not None and head.pos_ == "NOUN" and not any(
            t.ent_type_ for t in subject) and head.lemma_.lower() not in AGENTS and not PERSON_NOUN.search(head.lower_):
        return False  # a state of a thing ("the drought would be catastrophic") or what a thing does with no
        # object ("the talks will resume next week"), not an act of an agent
    if fallback:
        return any((t.lemma_ in THREAT_VERBS | THREAT_NOUNS or t.lower_ in PUNITIVE_NOUNS) and not (
            t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in t.children))
            and not _asked(t) for t in act.sent)
    return True


CITED_NOUNS = frozenset({"ultimatum", "deadline", "threat", "warning"})
GIVING = frozenset({"give", "issue", "set", "deliver", "send", "impose", "make", "present", "serve"})


def _author(noun: Any, analysis: Analysis) -> list[Any]:
    """Who makes a threat named as a noun, when the sentence says so beside the noun and not as its speaker: "an
    ultimatum by Iraq", "a deadline set by Xi Jinping", "being given an ultimatum by Iraq", "after ECOWAS gave an
    ultimatum", "China's ultimatum", "threats from Pyongyang"; empty otherwise."""
    if noun.lemma_.lower() not in CITED_NOUNS or noun.pos_ != "NOUN":
        return []
    carriers = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    if noun.dep_ in {"dobj", "dative"} and noun.head.lemma_ in GIVING:
        carriers.append(noun.head)
    for node in carriers:  # "by X" on the noun, on its participle or on the passive verb it is given by
        for c in node.children:
            if (c.dep_ == "agent" or c.lower_ == "by" or (c.lower_ == "from" and node is noun)) and c.dep_ != "pobj":
                by = next((o for o in c.children if o.dep_ == "pobj"), None)
                if by is not None and _actor_like(by, analysis):
                    return [t for t in by.subtree if t.i <= by.i or t.dep_ in {"compound", "appos"}]
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and _actor_like(owner, analysis):
        return [t for t in owner.subtree if t.dep_ != "case"]
    if noun.dep_ == "dobj" and noun.head.lemma_ in GIVING and noun.head.dep_ != "ROOT":
        subject = [c for c in noun.head.children if c.dep_ == "nsubj"]  # "..., after ECOWAS gave an ultimatum"
        if subject and _actor_like(subject[0], analysis):
            return list(subject[0].subtree)
    return []


def _actor_like(token: Any, analysis: Analysis) -> bool:
    return bool(_codes([token], analysis.mentions)) or token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or \
        token.lemma_.lower() in AGENTS or bool(PERSON_NOUN.search(token.lower_))


def _asked(token: Any) -> bool:
    """Whether ``token`` lies in an indirect question ("Asked if the U.S. was considering any punitive action,
    Rubio said ...": an "if" or "whether" clause in a sentence with a verb of asking, wherever the parse hangs it)."""
    return any(t.lemma_ in ASKING and t.pos_ == "VERB" for t in token.sent) and any(
        any(m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in a.children)
        for a in [token, *token.ancestors] if a.dep_ in {"advcl", "ccomp"})


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
    for t in sent:
        if t.pos_ in {"VERB", "AUX"}:
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
