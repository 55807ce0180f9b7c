"""The demand coder as an ordered table of declared rules (``redline.events.rules``) over one demand's draft.

A verb a speaker demands of others ("X said that Y must drop its barriers", "X told Y to stop") is no act of its
own: it is the speaker's demand (CAMEO 10) on each addressee. `code_demand` reads the speaker, the addressees
and the demanded act (`draft_of`), runs `DEMAND_RULES` in order and builds one event per addressee. Each rule's
examples run as tests (``tests/test_events_rules.py``). `GATE_RULES` decide, before a verb is coded as an act
of its own, that it is not one: a demanded act, the act a directive demands, an allegation's content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redline.events.actors import MentionIndex, country, subject_tokens
from redline.events.grammar import _demand_frame, _directs, _head_actors, _inside_demand, _object_words
from redline.events.lexicon import VerbLexicon
from redline.events.plover import plover_of
from redline.events.record import _event
from redline.events.rules import Example, Rule, Trace, apply, codes, find_word, table
from redline.events.vocab import ALLEGATION_NOUNS, DEMAND_CODES
from redline.models import Analysis, Event
from redline.nlp.modality import clause_modality

__all__ = ["DEMAND_CODE", "DEMAND_RULES", "GATE_RULES", "DemandDraft", "Gate", "code_demand", "gated", "trace_demand",
           "trace_gate", "trace_word"]

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


@dataclass
class Gate:
    """A verb about to be coded as an act of its own."""

    verb: Any  # spaCy Token
    index: MentionIndex
    lexicon: VerbLexicon
    analysis: Analysis


def inside_demand(g: Gate) -> bool:
    """An act that hangs by complements or purpose clauses from a demanded act is demanded too, not done ("must
    allocate resources to help with the battle")."""
    return _inside_demand(g.verb)


def directed_complement(g: Gate) -> bool:
    """A directive verb whose complement codes a demand codes nothing of its own beside it ("challenges Turkey to
    show evidence": the demand on the complement is the event)."""
    return any(code_demand(c, g.verb, addressees, g.index, g.lexicon, g.analysis) for c, addressees in _directs(g.verb))


def alleged_clause(g: Gate) -> bool:
    """The clause of an allegation, accusation, claim, charge or rumour is alleged, for the allegation's reader
    ("an allegation that the rebels had taken over the town")."""
    return bool(g.verb.dep_ in {"acl", "relcl", "ccomp"} and g.verb.head.lemma_.lower() in ALLEGATION_NOUNS)


def gated(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> bool:
    """Whether the verb may be coded as an act of its own (no gate vetoes it)."""
    return apply(GATE_RULES, Gate(verb, index, lexicon, analysis))


def trace_gate(analysis: Analysis, word: str) -> tuple[str, Trace]:
    """Trace the gates on the first token of the analysed text that reads ``word``: "" when a gate vetoes it, else
    what the verb coder codes, as an `Example` writes it."""
    from redline.events import _verb_event

    tok = find_word(analysis.doc, word)
    index, lexicon = MentionIndex(analysis.doc, analysis.mentions), VerbLexicon.load()
    trace = Trace()
    if not apply(GATE_RULES, Gate(tok, index, lexicon, analysis), trace):
        return "", trace
    event = _verb_event(tok, index, lexicon, analysis)
    return codes([event] if event else []), trace


GATE_RULES = table(
    Rule("inside-demand", 2110, "veto",
         "commit d9b3561: Coder: an act hanging by complements or purpose clauses from a demanded act is...",
         (Example("Germany said Russia must withdraw its troops to end the war.", "end", ""),),
         inside_demand),
    Rule("directed-complement", 2120, "veto",
         "commit be0cc7c: events: the subject's relative clause names no actor; ... (directives)",
         (Example("France told Iran to negotiate with the inspectors.", "told", ""),),
         directed_complement),
    Rule("alleged-clause", 2130, "veto",
         "commit ee7ddf5: Coder: the clause of an allegation, accusation, claim, charge or rumour is alleged...",
         (Example("Serbia rejected the allegation that its troops had attacked Kosovo.", "attacked", ""),
          Example("There were allegations that Russian troops had shelled the town.", "shelled", "")),
         alleged_clause),
)
