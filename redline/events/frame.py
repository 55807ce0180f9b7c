"""The time frame and the voice of an article: which of its clauses report the news, and which are context.

A wire summary is one or two sentences of news; an article-length story (a VOA report, a Kremlin readout, a
White House briefing) tells its news in the lede and then cites the past, quotes analysts and states what is
generally so. These predicates read a clause against its document, for the status rules
(``redline.events.status``): a question, a clause its own date places in an earlier period, a past perfect in
an article's body, an analyst's opinion, a modal act and a generic present in an article's body.
Pure functions of spaCy tokens and the document's mentions.
"""

from __future__ import annotations

import re
from typing import Any

from redline.events.actors import MentionIndex

# An article has at least this many sentences; a wire summary has fewer.
ARTICLE_SENTENCES = 15
# A clause's own date that names an earlier period, whatever the resolver made of it: "last year", "two years
# ago", "in 2017", "as far back as 2005", "earlier this year"; not "last month", which may be within the month
# an act still counts as news (``status.BACKGROUND_DAYS``).
EARLIER_PERIOD = re.compile(
    r"\b(last|previous|past)\s+(year|decade|summer|winter|spring|autumn|fall)\b"
    r"|\b(years|months|decades)\s+ago\b|\b(a|one|two|three|four|five|several|many|\d+)\s+(year|month|decade)s?\s+ago\b"
    r"|\bearlier\s+this\s+year\b|\bin\s+(1[89]|20)\d\d\b|\bback\s+(in|to|as)\b",
    re.IGNORECASE)
# Verbs of opinion or estimate: their complement is what someone thinks, not an act reported ("analysts suggest
# Ankara could be learning", "groups estimate that a million people have been confined").
OPINION_VERBS = frozenset({"suggest", "argue", "believe", "think", "reckon", "contend", "estimate", "speculate",
                           "predict", "expect", "guess", "feel", "assume", "surmise", "opine", "hope", "fear"})
# Speakers whose words are commentary, not a state's act: "analysts say", "said a professor".
COMMENTATOR_NOUNS = frozenset({"analyst", "expert", "observer", "professor", "researcher", "scholar", "academic",
                               "commentator", "critic", "economist", "historian", "pundit", "specialist",
                               "think-tank", "fellow", "lecturer", "strategist", "consultant"})
# Modals of possibility, obligation or wish: the act is possible, due or wanted, not done.
MODALS = frozenset({"can", "could", "may", "might", "should", "must", "would", "ought"})


def is_article(tok: Any) -> bool:
    """The token's document is article-length, not a wire summary."""
    doc = tok.doc
    cached = doc.user_data.get("redline_article")
    if cached is None:
        cached = sum(1 for _ in doc.sents) >= ARTICLE_SENTENCES
        doc.user_data["redline_article"] = cached
    return bool(cached)


def _verb_of(tok: Any) -> Any | None:
    """The verb a clause's act is told by: the verb itself, or the verb a noun act hangs from."""
    if tok.pos_ in {"VERB", "AUX"}:
        return tok
    return next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def question(tok: Any) -> bool:
    """The clause stands in a question: "How much longer is the White House willing to go for these talks?"."""
    return str(tok.sent.text).rstrip().rstrip("\"'”’)").endswith("?")


def earlier_period(tok: Any, index: MentionIndex) -> bool:
    """The clause's own date names an earlier period: "Cairo last year signed an agreement with Greece",
    "It was possible as far back as 2005, when the United States and North Korea signed the treaty"."""
    verb = _verb_of(tok)
    if verb is None:
        return False
    heads = [verb, *([verb.head] if verb.dep_ in {"relcl", "advcl"} and verb.head.i != verb.i else [])]
    for head in heads:
        for child in head.children:
            if child.dep_ not in {"npadvmod", "tmod", "advmod", "prep", "obl", "nmod"}:
                continue
            if EARLIER_PERIOD.search(" ".join(t.text for t in child.subtree)):
                return True
    dates = [m for m in index.mentions_in(list(verb.subtree)) if m.type == "DATE"]
    return any(EARLIER_PERIOD.search(m.text) and _modifies(verb.doc, m, verb) for m in dates)


def _modifies(doc: Any, mention: Any, verb: Any) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return bool(root.head.i == verb.i or (root.dep_ == "pobj" and root.head.head.i == verb.i))


def perfect_in_body(tok: Any) -> bool:
    """A past perfect in an article's body, past its lede: "the leaders had been exchanging angry barbs", "Egypt
    had recalled its ambassador": a past cited, not the news told."""
    verb = _verb_of(tok)
    if verb is None or not is_article(verb) or _lede(verb):
        return False
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(a.lower_ in {"had", "'d"} and a.dep_ == "aux" for a in aux) and verb.tag_ in {"VBN", "VBG"}


def _lede(tok: Any) -> bool:
    """The token stands in the article's first two sentences."""
    for n, sent in enumerate(tok.doc.sents):
        if n >= 2:
            return False
        if sent.start <= tok.i < sent.end:
            return True
    return False


def opinion(tok: Any) -> bool:
    """The clause is the complement of a verb of opinion, or of anything a commentator says: "analysts suggest
    Erdogan is looking for a way back", "a professor said it is a strategic window"."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if node.dep_ in {"ccomp", "xcomp", "parataxis"} or (node.dep_ == "conj" and node.head.pos_ == "VERB"):
            head = node.head
            if head.lemma_.lower() in OPINION_VERBS and node.dep_ != "conj":
                return True
            speakers = [t for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
            if node.dep_ != "conj" and any(t.lemma_.lower() in COMMENTATOR_NOUNS for t in speakers):
                return True
        node = node.head
    return False


def modal_in_article(tok: Any) -> bool:
    """An act an article says can, could, may or should be done: "Brazil can provide the eggs Cameroon needs",
    "Malaysia's challenge could tease out more aid from Beijing": possible or due, not done."""
    verb = _verb_of(tok)
    if verb is None or not is_article(verb):
        return False
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    aux = {c.lower_ for n in (verb, node) for c in n.children if c.dep_ == "aux"}
    return bool(aux & MODALS) and "have" not in aux


def generic_present(tok: Any, index: MentionIndex) -> bool:
    """A simple present the writer states with no date, in an article's body past its lede: "The United States
    gives military support to Chinese rivals in Asia", "Beijing cites historic records to back its claims": what
    is generally so, not a happening (the news is dated, told in the past or the progressive, or reported)."""
    verb = _verb_of(tok)
    if verb is None or verb.tag_ not in {"VBZ", "VBP"} or not is_article(verb) or _lede(verb):
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ROOT":  # "Putin said Thursday that Russia supports the proposal": a stance reported, news
        return False
    return not [m for m in index.mentions_in(list(verb.sent)) if m.type == "DATE"]
