"""One clause record per verb: what the parse says about the clause, read once and shared by the coder's rules.

A `Clause` holds the verb's subject, objects, prepositions, complements, negation, voice, modality and the dates
the clause itself names; the status rules (``redline.events.status``) read these fields instead of walking the
parse again. The modality and the dates are read when first asked for: most verbs are vetoed before anyone
does. Pure functions of spaCy tokens; no event is coded here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from redline.events.actors import object_tokens, subject_tokens
from redline.models import Mention
from redline.nlp.modality import clause_modality

# Prepositions whose date is a reference point, not the act's time: "the first time since September 2022",
# "for the first time in a decade", "until 2030".
REFERENCE_PREPS = frozenset({"since", "until", "till", "before", "after", "by"})


@dataclass(frozen=True)
class Clause:
    """The parse of one verb's clause, in the terms the coder's rules use."""

    verb: Any  # spaCy Token heading the clause
    lemma: str
    subject: tuple[Any, ...]
    objects: tuple[Any, ...]
    preps: tuple[str, ...]  # lower-cased prepositions and particles attached to the verb
    complements: tuple[Any, ...]  # heads of clausal complements (xcomp, ccomp)
    negated: bool
    voice: str  # "active" or "passive"
    mentions: tuple[Mention, ...] = field(default=(), repr=False, compare=False)  # the document's, for the dates

    @cached_property
    def modality(self) -> str:
        """asserted, reported, hedged, conditional, negated or future (``redline.nlp.modality``)."""
        return clause_modality(self.verb)

    @cached_property
    def dates(self) -> tuple[str, ...]:
        """ISO values of the dates the clause itself names, not reference points."""
        return clause_dates(self.verb, self.mentions)

    @property
    def text(self) -> str:
        """The sentence the clause stands in."""
        return str(self.verb.sent.text)


def clause_of(verb: Any, mentions: tuple[Mention, ...] = ()) -> Clause:
    """The clause record of ``verb``; ``mentions`` supply the resolved dates (DATE mentions with a value)."""
    children = list(verb.children)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)
    return Clause(
        verb=verb,
        lemma=verb.lemma_.lower(),
        subject=tuple(subject_tokens(verb)),
        objects=tuple(object_tokens(verb)),
        preps=tuple(c.lower_ for c in children if c.dep_ in {"prep", "prt", "agent"}),
        complements=tuple(c for c in children if c.dep_ in {"xcomp", "ccomp"}),
        negated=any(c.dep_ == "neg" for c in children),
        voice="passive" if passive else "active",
        mentions=mentions,
    )


def clause_dates(verb: Any, mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    """ISO values of the dates that time the verb's act: a temporal modifier of the verb ("on Tuesday", "In 2010,
    ...") or the object of a preposition on it; not a date inside an object ("the November 17 elections") nor a
    reference point ("since September 2022")."""
    doc = verb.doc
    found: list[str] = []
    for m in mentions:
        value = m.attr("value")
        if m.type != "DATE" or not value:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not _times(span.root, verb) or value in found:
            continue
        found.append(value)
    return tuple(found)


def _times(root: Any, verb: Any) -> bool:
    """The date's head token modifies the verb directly or through one preposition that is no reference point."""
    if root.head.i == verb.i and root.i != verb.i:
        if verb.pos_ == "NOUN":  # a noun event's own date: "last year's attacks", "the 1943 massacres"
            return root.dep_ in {"poss", "compound", "nummod", "amod", "npadvmod", "nmod"}
        return root.dep_ in {"npadvmod", "tmod", "advmod", "obl", "nmod"}
    prep = root.head
    return (root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == verb.i
            and prep.lower_ not in REFERENCE_PREPS)
