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
from redline.assess.clause_forms import any_trigger as _any_trigger
from redline.assess.threat_answers import answered as _answered
from redline.assess.threat_answers import relative_trigger as _relative_trigger
from redline.assess.threat_commitments import _answers_need, forecast_effect
from redline.assess.threat_rules import (
    ISSUER,
    Found,
    _absorbed,
    _codes,
    _future,
    _if_clause,
    _in_if,
    _issuer_side,
    _speaker_tokens,
    _subject,
    _warned,
    by_warned,
    subject_name,
)
from redline.assess.threat_triggers import ASKING, _inverted_aux, sentence_trigger
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
