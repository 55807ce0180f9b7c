"""Noun acts that a sentence names rather than reports (the status rule "named act", ``events.status``).

A noun event ("attack", "invasion", "support") is reported when it is a verb's subject, object or circumstance
("a car bombing wounds 16", "mounted an invasion", "killed in an airstrike"); it is only named, as a topic or a
reference, when it is the object of a verb about it ("discussed U.S. support") or hangs from another noun by a
preposition ("the response to Russia's invasion"). Pure functions of spaCy tokens.
"""

from __future__ import annotations

from typing import Any

# Prepositions of a topic: a noun act after one is what a verb is about ("spoke about the attacks").
TOPIC_PREPS = frozenset({"about", "on", "upon", "over", "regarding", "concerning", "into"})
# Verbs whose object is a topic: "discussed U.S. support", "commemorate the massacres", "investigate the bombing".
TOPIC_VERBS = frozenset({"discuss", "address", "debate", "examine", "review", "investigate", "probe", "study",
                         "commemorate", "remember", "recall", "mention", "cite", "raise", "describe", "explain",
                         "analyse", "analyze", "assess", "touch", "recount", "revisit", "reference"})
# Nouns of a count or collection whose "of" or "from" act is reported through them: "a list of the demands",
# "the death toll from a rocket attack", "a wave of air strikes".
CONTAINER_NOUNS = frozenset({"list", "series", "wave", "spate", "string", "round", "barrage", "number", "dozen",
                             "hundred", "thousand", "toll", "set", "volley", "salvo", "flurry", "surge"})


def named_noun(tok: Any) -> bool:
    """A noun act the sentence names rather than reports: the object or topic of a verb about it ("the President
    discussed U.S. support for Gaza", "addressed the nation on Hamas' attacks"), or the object of a preposition on
    another noun ("a response to Russia's invasion", "the investigation into the bombing"), unless that noun only
    counts or lists the acts ("the death toll from a rocket attack", "a list of the demands"). A noun reports its
    act as a verb's subject ("a car bombing wounds 16"), object ("mounted an invasion") or circumstance ("killed
    in an Israeli airstrike"). Copula complements, appositions and headings were tried and cost validation recall."""
    noun = tok
    for _ in range(4):
        if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":  # "airstrikes and shelling": as the first conjunct
            noun = noun.head
        elif (noun.dep_ == "pobj" and noun.head.lower_ in {"of", "from"} and noun.head.head.pos_ == "NOUN"
              and noun.head.head.lemma_.lower() in CONTAINER_NOUNS):
            noun = noun.head.head  # "a list of the demands", "the death toll from a rocket attack": as the list
        else:
            break
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":  # "the investigation into the bombing", "spoke on the attacks"
        return bool(head.head.pos_ != "VERB" or head.lower_ in TOPIC_PREPS)
    # "mounted an invasion", "completed their withdrawal" do the act; "discussed U.S. support" names it; a subject
    # ("a bombing wounds 16") reports it
    return bool(noun.dep_ == "dobj" and head.lemma_.lower() in TOPIC_VERBS)
