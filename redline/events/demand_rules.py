"""The demand coder as an ordered table of declared rules (``redline.events.rules``) over one demand's draft.

A verb a speaker demands of others ("X said that Y must drop its barriers", "X told Y to stop") is no act of its
own: it is the speaker's demand (CAMEO 10) on each addressee. `code_demand` reads the speaker, the addressees
and the demanded act (`draft_of`), runs `DEMAND_RULES` in order and builds one event per addressee. Each rule's
examples run as tests (``tests/test_events_rules.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redline.events.actors import MentionIndex, country, subject_tokens
from redline.events.grammar import _demand_frame, _head_actors, _object_words
from redline.events.lexicon import VerbLexicon
from redline.events.plover import plover_of
from redline.events.record import _event
from redline.events.rules import Example, Rule, Trace, apply, codes, find_word, table
from redline.events.vocab import DEMAND_CODES
from redline.models import Analysis, Event
from redline.nlp.modality import clause_modality

__all__ = ["DEMAND_CODE", "DEMAND_RULES", "DemandDraft", "code_demand", "trace_demand", "trace_word"]

DEMAND_CODE = "100"  # a demand that names no act the table knows


@dataclass
class DemandDraft:
    """One demand in the making: the demanded verb, the speaker's verb and the addressees' heads."""

    verb: Any  # spaCy Token: the act demanded
    speaker: Any  # spaCy Token: the verb of the one who demands
    addressees: list[Any]
    index: MentionIndex
    lexicon: VerbLexicon
    analysis: Analysis
    source: str | None = None
    targets: list[str] = field(default_factory=list)
    code: str = DEMAND_CODE

    def events(self) -> list[Event]:
        """One demand on each target, in the speaker's modality."""
        factuality = clause_modality(self.speaker)
        events = [_event(self.analysis, self.index, self.verb, self.code, self.source, t, [], factuality)
                  for t in self.targets]
        return [e for e in events if e is not None]


def draft_of(verb: Any, speaker: Any, addressees: list[Any], index: MentionIndex, lexicon: VerbLexicon,
             analysis: Analysis) -> DemandDraft:
    """The draft of a demand: the speaker's actor is its source; the actors the addressees name by their heads
    are its targets."""
    d = DemandDraft(verb, speaker, addressees, index, lexicon, analysis)
    d.source = index.actor(subject_tokens(speaker))
    d.targets = _head_actors(addressees, index)
    return d


def unnamed_speaker(d: DemandDraft) -> bool:
    """A demand whose speaker names no actor codes nothing."""
    return d.source is None


def own_obligation(d: DemandDraft) -> bool:
    """An obligation the speaker lays on itself ("Britain said it must act") is no demand: the addressees of the
    speaker's own country are dropped, and a demand with none left codes nothing."""
    d.targets = [t for t in d.targets if country(t) != country(d.source)]
    return not d.targets


def demanded_act(d: DemandDraft) -> bool:
    """The demand names what the addressee is to do: cooperate (101), support (102), aid (103), yield (105),
    meet (106), by the lexicon's code of the demanded verb with its prepositions and objects."""
    verb = d.verb
    preps = [c.lower_ for c in verb.children if c.dep_ in {"prep", "prt"}]
    nouns = [w for c in verb.children if c.dep_ == "dobj" for w in _object_words(c)]
    wanted = d.lexicon.lookup(verb.lemma_.lower(), preps, nouns)
    try:
        code = DEMAND_CODES.get(plover_of(wanted)[0], DEMAND_CODE) if wanted else DEMAND_CODE
    except KeyError:
        code = DEMAND_CODE
    changed = code != d.code
    d.code = code
    return changed


def code_demand(verb: Any, speaker: Any, addressees: list[Any], index: MentionIndex, lexicon: VerbLexicon,
                analysis: Analysis) -> list[Event]:
    """The demand events of a demanded verb: none when a veto fires."""
    d = draft_of(verb, speaker, addressees, index, lexicon, analysis)
    return d.events() if apply(DEMAND_RULES, d) else []


def trace_demand(verb: Any, index: MentionIndex, lexicon: VerbLexicon,
                 analysis: Analysis) -> tuple[list[Event], Trace]:
    """`code_demand` on a verb in a demand frame, with every rule run and recorded; no events and an empty trace
    when the verb is in no demand frame."""
    trace = Trace()
    frame = _demand_frame(verb)
    if frame is None:
        return [], trace
    d = draft_of(verb, *frame, index, lexicon, analysis)
    coded = apply(DEMAND_RULES, d, trace)
    return (d.events() if coded else []), trace


def trace_word(analysis: Analysis, word: str) -> tuple[str, Trace]:
    """Trace the demand coder on the first token of the analysed text that reads ``word`` (the demanded verb):
    what it codes, as an `Example` writes it, and the trace of the rules that fired."""
    tok = find_word(analysis.doc, word)
    events, trace = trace_demand(tok, MentionIndex(analysis.doc, analysis.mentions), VerbLexicon.load(), analysis)
    return codes(events), trace


_DEMANDS = "commit c477688: Coder: a reported obligation ('X declared that Y must drop ...') is a demand..."

DEMAND_RULES = table(
    Rule("unnamed-speaker", 2010, "veto", _DEMANDS,
         (Example("Someone said that Iran must stop enriching uranium.", "stop", ""),),
         unnamed_speaker),
    Rule("own-obligation", 2020, "veto", _DEMANDS,
         (Example("Britain said it must act.", "act", ""),),
         own_obligation),
    Rule("demanded-act", 2030, "rewrite", _DEMANDS,
         (Example("France told Iran to negotiate with the inspectors.", "negotiate", "10 FRA IRN"),),
         demanded_act),
)
