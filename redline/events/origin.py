"""Acts a sentence cites rather than reports (the status rule "origin", ``events.status``).

- The origin of something a noun names, or a point counted from: "the war that began when Russia invaded
  Ukraine", "the energy crisis stemming from Russia's invasion", "prices have doubled since the invasion". The
  act is told to say where the war, the crisis or the count started: background, not the news.

Pure functions of spaCy tokens.
"""

from __future__ import annotations

from typing import Any

# Verbs of a thing's origin: a relative or participial clause of one tells where a noun came from ("the war that
# began when Russia invaded", "the crisis resulting from the invasion").
ORIGIN_VERBS = frozenset({"begin", "start", "erupt", "break", "ignite", "flare", "originate", "stem", "result", "arise",
                          "date", "follow", "trace", "spring"})
# Marks of a clause that dates another by an act ("when Russia invaded", "after Hamas attacked").
TIME_MARKS = frozenset({"when", "after", "since", "as", "before", "once"})
# Prepositions of a reference point: a noun act after one is the point counted from ("since the invasion").
SINCE_PREPS = frozenset({"since", "until", "till"})


def origin(act: Any) -> bool:
    """The act is the origin of something a noun names, or a point counted from: "the war that began when Russia
    invaded Ukraine", "the crisis stemming from Russia's invasion", "the crackdown that followed the coup",
    "prices have risen since the invasion"."""
    if act.pos_ == "NOUN":
        while act.dep_ == "conj" and act.head.pos_ == "NOUN":
            act = act.head
        if act.dep_ == "pobj" and act.head.lower_ in SINCE_PREPS:
            return True
        if act.dep_ not in {"pobj", "dobj"}:
            return False
        up = act.head.head if act.dep_ == "pobj" and act.head.dep_ in {"prep", "agent"} else act.head
        return _describes_origin(up)
    return act.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS
                                       for c in act.children) and _describes_origin(act.head)


def _describes_origin(verb: Any) -> bool:
    """A verb of origin in a clause that describes a noun: "(the war) that began", "(the crisis) stemming"."""
    return (verb.pos_ == "VERB" and verb.lemma_.lower() in ORIGIN_VERBS and verb.dep_ in {"relcl", "acl"}
            and verb.head.pos_ in {"NOUN", "PROPN"})

