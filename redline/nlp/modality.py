"""Modality of clauses (asserted, reported, hedged, conditional, negated, future) and conditional clauses."""

from __future__ import annotations

from typing import Any

from redline.models import Article, Conditional, Evidence

HEDGES = frozenset({"may", "might", "could", "possibly", "perhaps", "likely", "unlikely", "reportedly",
                    "allegedly", "apparently", "probably", "seem", "appear", "suggest"})
FUTURE = frozenset({"will", "shall", "would"})
CONDITION_MARKS = frozenset({"if", "unless", "should"})
# Verbs that link a hypothetical trigger to its consequence: "any X would lead to Y".
CONSEQUENCE_VERBS = frozenset({"lead", "result", "trigger", "provoke", "mean", "prompt", "draw", "constitute",
                               "cross", "invite", "bring", "cause", "entail", "warrant"})
# Adjectives of readiness and intent: "is ready to send", "is prepared to impose" ("is about to restore" is
# the imminent act itself, as PETRARCH codes it).
INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "poised", "set", "determined", "eager",
                               "keen", "resolved"})
# Verbs of commitment: their complement is an intent ("rebels have sworn to fight" threatens force).
COMMISSIVE_VERBS = frozenset({"vow", "swear", "pledge", "promise"})
# Verbs whose infinitive complement did not happen: "refused to allow planes to land and evacuate observers".
REFUSAL_VERBS = frozenset({"refuse", "decline", "fail", "reject", "balk", "neglect"})
REPORT_CUES = frozenset({"say", "tell", "report", "claim", "warn", "state", "note", "add", "announce",
                         "accord", "allege", "write", "insist", "argue", "declare", "threaten", "vow"})


def clause_modality(verb: Any, negation: bool = True) -> str:
    """Modality of the clause headed by ``verb`` (a spaCy Token), looking up to the sentence root.

    ``negation=False`` reads a negated clause for its other modality: "would not accept" asserts a refusal.
    """
    children = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "advmod", "mark"}}
    if negation and (any(c.dep_ == "neg" for c in verb.children) or _refused(verb)):
        return "negated"
    if children & CONDITION_MARKS or _under_condition(verb):
        return "conditional"
    if children & HEDGES or verb.lemma_ in HEDGES:
        return "hedged"
    if "would" in children and _has_any_subject(verb):
        return "conditional"
    if children & FUTURE or _going_to(verb) or intent_predicate(verb):
        return "future"
    if _reported(verb):
        return "reported"
    return "asserted"


def sentence_modality(sent: Any) -> str:
    return clause_modality(sent.root)


def _refused(verb: Any) -> bool:
    """The clause is, or hangs by infinitives and conjuncts from, the complement of a refusal."""
    tok = verb
    while tok.head.i != tok.i and tok.dep_ in {"xcomp", "conj", "ccomp"}:
        if tok.dep_ == "xcomp" and tok.head.lemma_ in REFUSAL_VERBS:
            return True
        tok = tok.head
    return False


def _under_condition(verb: Any) -> bool:
    for anc in [verb, *verb.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in anc.children):
            return True
        if anc.dep_ not in {"conj", "xcomp", "advcl"}:
            break
    return False


def _has_any_subject(verb: Any) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and any(g.lower_ == "any" for g in c.children)
               for c in verb.children)


def intent_predicate(verb: Any) -> bool:
    """The verb completes an adjective of readiness ("France is ready to contribute troops") or a verb of
    commitment ("rebels have sworn to fight")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "promised to democratize Serbia and establish..."
        verb = verb.head
    head = verb.head
    if head.i == verb.i:
        return False
    if head.lemma_ in COMMISSIVE_VERBS:
        return is_infinitive_complement(verb)
    if verb.dep_ != "xcomp":
        return False
    return head.lower_ in INTENT_ADJECTIVES and head.dep_ in {"acomp", "amod", "xcomp", "ROOT"}


def is_infinitive_complement(verb: Any) -> bool:
    """A "to"-infinitive under its head: xcomp, or advcl as the parser often reads "sworn to fight"."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in verb.children))


def _going_to(verb: Any) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ in {"is", "are", "am"}
                                                                    for c in head.children)


def _reported(verb: Any) -> bool:
    node = verb
    while node.dep_ in {"ccomp", "conj", "xcomp"} and node.head is not node:
        node = node.head
        if node.lemma_ in REPORT_CUES:
            return True
    return any(c.dep_ == "prep" and c.lower_ == "according" for c in verb.children)


def find_conditionals(doc: Any, article: Article) -> tuple[Conditional, ...]:
    """Every "if X, Y" and "any X would lead to Y" in the doc, with spans into the article text."""
    found: list[Conditional] = []
    for token in doc:
        if token.dep_ == "mark" and token.lower_ in {"if", "unless"} and token.head.dep_ == "advcl":
            cond_verb = token.head
            main = cond_verb.head
            trig = _span(cond_verb.subtree, skip=token)
            cons = _span([t for t in main.subtree if t not in set(cond_verb.subtree)
                          and not t.is_punct and t.dep_ != "cc"], skip=None)
            if trig and cons:
                found.append(_make(doc, article, token.sent, trig, cons))
        elif token.lemma_ in CONSEQUENCE_VERBS and token.pos_ == "VERB" and _would(token):
            subj = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            obj = [c for c in token.children if c.dep_ in {"prep", "dobj", "attr"}]
            if subj and obj:
                trig = _span(subj[0].subtree, skip=None)
                cons_tokens = [t for o in obj for t in (o.subtree if o.dep_ != "prep" else
                               [x for c in o.children if c.dep_ == "pobj" for x in c.subtree])]
                tail = _after(token, obj[-1])
                cons = _span([*cons_tokens, *tail], skip=None)
                if trig and cons:
                    found.append(_make(doc, article, token.sent, trig, cons))
    return tuple(found)


def _would(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"would", "will", "could"} for c in verb.children)


def _after(verb: Any, last_obj: Any) -> list[Any]:
    """Prepositional tails like ", with promises of a tangible response" that belong to the consequence."""
    return [t for c in verb.children if c.dep_ == "prep" and c.i > last_obj.i and c.lower_ == "with"
            for t in c.subtree]


def _span(tokens: Any, skip: Any) -> tuple[int, int] | None:
    toks = [t for t in tokens if (skip is None or t.i != skip.i) and not t.is_space]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks:
        return None
    toks.sort(key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _make(doc: Any, article: Article, sent: Any, trig: tuple[int, int], cons: tuple[int, int]) -> Conditional:
    text = article.text
    return Conditional(
        trigger=" ".join(text[trig[0]:trig[1]].split()),
        consequence=" ".join(text[cons[0]:cons[1]].split()),
        trigger_span=trig,
        consequence_span=cons,
        evidence=Evidence.of(article, sent.start_char, _sent_end(sent)),
    )


def _sent_end(sent: Any) -> int:
    end: int = sent.end_char
    text = sent.text  # Doc.text joins every token on each access
    while end > sent.start_char and text[end - sent.start_char - 1].isspace():
        end -= 1
    return end
