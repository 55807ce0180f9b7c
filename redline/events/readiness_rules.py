"""Readiness for an act as an ordered table of declared rules (``redline.events.rules``).

An adjective or participle of readiness governing an act ("is willing to send material to Saudi Arabia", "is
committed to opening talks") is coded before the verb table: `code_readiness` reads the word, its act and the
doer (`draft_of`), runs `READINESS_RULES` in order and, when no veto fires, codes an intent to cooperate (CAMEO
030) from the doer to the party the act names. Each rule's examples run as tests (``tests/test_events_rules.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from redline.events.actors import MentionIndex, object_tokens, subject_tokens
from redline.events.grammar import _head_actor, _readiness_complement
from redline.events.record import _event
from redline.events.rules import Example, Rule, Trace, apply, codes, find_word, table
from redline.events.vocab import OFFERING_WORDS
from redline.models import Analysis, Event
from redline.nlp.modality import clause_modality

__all__ = ["INTENT_CODE", "READINESS_RULES", "ReadinessDraft", "code_readiness", "trace_word"]

INTENT_CODE = "030"  # express intent to cooperate


@dataclass
class ReadinessDraft:
    """A word of readiness, the act it governs and the doer's tokens."""

    word: Any  # spaCy Token: "willing", "ready", "committed"
    act: Any  # spaCy Token: the verb of the act
    index: MentionIndex
    analysis: Analysis
    recode: Callable[[Any], Event | None]  # the whole verb coder: does the act code its own event?
    subj: list[Any] = field(default_factory=list)
    source: str | None = None

    def event(self) -> Event | None:
        """The intent to cooperate, towards the party the act's object (else its clause) names."""
        word, act, index = self.word, self.act, self.index
        target = index.actor(object_tokens(act)) or index.actor([t for t in act.subtree if t not in self.subj])
        factuality = clause_modality(word.head if word.pos_ == "ADJ" else word)
        return _event(self.analysis, index, word, INTENT_CODE, self.source, target, [], factuality)


def draft_of(word: Any, act: Any, index: MentionIndex, analysis: Analysis,
             recode: Callable[[Any], Event | None]) -> ReadinessDraft:
    """The draft of a word of readiness: the doer is its subject (or a stative's nsubjpass)."""
    d = ReadinessDraft(word, act, index, analysis, recode)
    d.subj = subject_tokens(word) or [t for c in word.children if c.dep_ == "nsubjpass" for t in c.subtree]
    return d


def not_offering(d: ReadinessDraft) -> bool:
    """Readiness that offers nothing (resolve: "is determined to recover the territory") codes no intent."""
    return bool(d.word.lower_ not in OFFERING_WORDS)


def coded_act(d: ReadinessDraft) -> bool:
    """An act that codes its own event carries its own intent or threat ("is ready to attack")."""
    return d.recode(d.act) is not None


def unnamed_doer(d: ReadinessDraft) -> bool:
    """Readiness whose subject names no actor codes nothing."""
    d.source = _head_actor(d.subj, d.index) or d.index.actor(d.subj)
    return d.source is None


def code_readiness(word: Any, act: Any, index: MentionIndex, analysis: Analysis,
                   recode: Callable[[Any], Event | None]) -> Event | None:
    """The intent a word of readiness codes, or None when a veto fires."""
    d = draft_of(word, act, index, analysis, recode)
    return d.event() if apply(READINESS_RULES, d) else None


def trace_word(analysis: Analysis, word: str) -> tuple[str, Trace]:
    """Trace the readiness rules on the first token of the analysed text that reads ``word``; an empty trace when
    the word governs no act of readiness."""
    from redline.events import _verb_event  # the whole coder, for the act's own code

    tok = find_word(analysis.doc, word)
    trace = Trace()
    act = _readiness_complement(tok)
    if act is None:
        return "", trace
    index = MentionIndex(analysis.doc, analysis.mentions)
    from redline.events.lexicon import VerbLexicon

    lexicon = VerbLexicon.load()
    d = draft_of(tok, act, index, analysis, lambda other: _verb_event(other, index, lexicon, analysis))
    event = d.event() if apply(READINESS_RULES, d, trace) else None
    return codes([event] if event else []), trace


_READINESS = "commit 538c48b: Coder: adjectival predicates of attitude - 'is willing/ready/prepared/committed to..."

READINESS_RULES = table(
    Rule("not-offering", 3010, "veto", _READINESS,
         (Example("Georgia is determined to recover the territory.", "determined", ""),),
         not_offering),
    Rule("coded-act", 3020, "veto", _READINESS,
         (Example("Russia is ready to attack Ukraine.", "ready", ""),),
         coded_act),
    Rule("unnamed-doer", 3030, "veto", _READINESS,
         (Example("Someone is willing to send material to Saudi Arabia.", "willing", ""),),
         unnamed_doer),
)
