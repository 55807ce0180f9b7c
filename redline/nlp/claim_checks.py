"""What makes an attributed claim worth reading: a content that says something (a clause with a verb, or a
proposition of a few words, not "an", "$783" or "All right") and a speaker who can speak (a person, a group, an
organisation or a country, not "Plans" or "spring"). The checks of ``redline.nlp.quotes``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from redline.nlp.claim_words import ABSTRACT, SAYERS

# Words a content cannot end on: a clause cut short ("he was ready to", "they will send a", "we and").
DANGLING = frozenset({"to", "a", "an", "the", "and", "or", "but", "that", "if", "because", "whether"})
# Cues that name what they speak of with a word: "called it unacceptable", "described the talks as useful".
NAMING = frozenset({"call", "describe", "brand", "label", "term", "dub", "deem", "consider"})
# Endings of nouns of people ("hijackers", "volunteers", "residents", "Ukrainians", "employees").
PERSON_NOUN = re.compile(r"(er|or|ist|ian|ant|ent|ee|eer|man|woman)$")
# Dependents that come before their head: a content ending on one was cut short.
MODIFIERS = frozenset({"det", "poss", "amod", "compound", "case", "aux", "nummod", "predet"})
SHORT = 2  # a content of this many words or fewer needs a noun or a verb that says something
# Verbs that say nothing by themselves in a short content ("I did", "it is", "we have").
EMPTY_VERBS = frozenset({"do", "be", "have", "get", "go"})
# Nouns of the people and bodies who speak, beside ``SAYERS`` and the agent nouns of ``data/agents.csv``.
BODIES = frozenset({"department", "bureau", "service", "directorate", "secretariat", "agency", "ministry", "staff",
                    "people", "public", "crowd", "member", "participant", "representative", "employee", "family",
                    "relative", "neighbour", "neighbor", "everyone", "someone", "nobody", "colleague", "partner",
                    "ally", "power", "critic", "local", "aide", "insider", "other", "body", "watchdog", "firm",
                    "network", "station", "assembly", "observatory", "campaign", "monitor", "outlet", "broadcaster",
                    "person"})


def fragment(tokens: list[Any], cue: str = "") -> bool:
    """Whether a claim's content says nothing an analyst can read: a clause cut short ("to be ready to"), or a
    short content of three words or fewer with neither a noun nor a verb that says something ("an", "$783",
    "All right", "I did"). One noun is enough: what "condemned Russia" or "claims responsibility" speaks of."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return True
    last = words[-1]  # a stranded preposition ends a clause well: "what you asked for"
    if len(words) <= 6 and last.lower_ in DANGLING and (last.pos_ in {"DET", "CCONJ", "SCONJ"} or last.tag_ == "TO"):
        return True
    owner = last.head if last.dep_ == "case" else last  # "Russia's": the possessor's head is what it lacks
    if len(words) <= 6 and owner.dep_ in MODIFIERS and owner.head.i > last.i:
        return True  # its last word modifies one it lacks: "between our", "concern about Russia's"
    if len(words) > SHORT:
        return False
    naming = {"ADJ"} if cue in NAMING or len(words) > 1 else set()  # "called them 'unlawful'", "it is unlawful"
    return not any(t.pos_ in {"NOUN", "PROPN"} | naming or (t.pos_ == "PRON" and t.dep_ in {"dobj", "pobj"}) or (
        t.pos_ == "VERB" and t.lemma_.lower() not in EMPTY_VERBS) for t in words)  # "denied it", "warned against it"


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    from redline.events.actors import agent_sectors

    return frozenset(n.lower() for n in agent_sectors() if " " not in n)


def can_speak(tokens: list[Any], mentions: list[tuple[int, int]]) -> bool:
    """Whether a speaker phrase names someone who can speak: a pronoun (resolved later), a name or a mention (a
    span of ``mentions`` holds its head word), or a noun of people or of a body ("officials", "the ministry",
    "farmers", "thousands of soldiers"); not a thing or a time ("Plans call for ...", "This spring saw ...") nor
    a clause the parser left as the phrase ("The department has finalized a ...")."""
    toks = [t for t in tokens if not t.is_space and not t.is_punct]
    inner = {x for t in toks if t.dep_ in {"relcl", "acl", "appos"} for x in t.subtree}
    if any(t.tag_ in {"VBD", "VBZ", "VBP"} and t not in inner for t in toks):
        return False  # a finite verb: a clause, not a noun phrase
    heads = [t for t in toks if (t.head not in toks or t.head == t) and t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in toks) and any(t.pos_ in {"DET", "NUM", "ADJ"} for t in toks):
        return True  # a quantifier standing for people: "Both warned ...", "Many fear ...", "Two said ..."
    if not heads:  # a name the parser read as a verb or an interjection ("Trump states that ...", "Oh said")
        return bool(toks) and all(t.is_title or t.is_upper for t in toks)
    return any(_speaks(h, mentions) for h in heads)


def _speaks(head: Any, mentions: list[tuple[int, int]]) -> bool:
    if any(start <= head.idx < end for start, end in mentions) or head.pos_ in {"PRON", "PROPN"} or \
            head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if any(_speaks(o, mentions) for o in of):  # "thousands of soldiers", "a group of farmers"
        return True
    word, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ != "NOUN":
        return False
    if {word, lemma} & (SAYERS | BODIES | _agents()):
        return True
    return not ABSTRACT.search(lemma) and (bool(PERSON_NOUN.search(lemma)) or any(
        lemma.endswith(w) for w in _compounded()))


@lru_cache(maxsize=1)
def _compounded() -> frozenset[str]:
    """Speaking nouns that end a compound written as one word: "coastguard", "policeman", "chairwoman"."""
    return frozenset(w for w in SAYERS | BODIES if len(w) >= 5 and w.isalpha())
