"""The noun coder as an ordered table of declared rules (``redline.events.rules``) over one event noun's draft.

An event noun ("invasion", "protests", "clashes") codes what the event-noun table gives it. `code_noun` reads the
noun (`draft_of`: its code and its owners, the doer its possessive, modifier or "by"/"from" phrase names), runs
`OWNER_RULES` (who does the act when no owner is named), reads the target and the clause that governs the noun
(`look_up`), and runs `PARTY_RULES` (a setting for a noun that merely happens, a noun with no party, the
future). `NOUN_RULES` is the whole table; each rule's examples run as tests (``tests/test_events_rules.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redline.events.actors import MentionIndex, subject_tokens
from redline.events.grammar import _carrier, _object_words
from redline.events.perpetrator import armed_owner
from redline.events.record import _event, _intent
from redline.events.rules import Example, Rule, Trace, apply, codes, find_word, table
from redline.events.vocab import CLASH_NOUNS, INCHOATIVE_VERBS, _event_nouns
from redline.models import Analysis, Event, Mention
from redline.nlp.modality import clause_modality

__all__ = ["NOUN_RULES", "OWNER_RULES", "PARTY_RULES", "NounDraft", "code_noun", "trace_noun", "trace_word"]


@dataclass
class NounDraft:
    """One event noun's event in the making: its code and parties, which the rules veto or rewrite."""

    noun: Any  # spaCy Token
    index: MentionIndex
    analysis: Analysis
    code: str = ""  # the CAMEO code the event-noun table gives; "" for none
    owners: list[Any] = field(default_factory=list)  # the tokens that name the doer
    source: str | None = None
    target: str | None = None
    by_agent: str | None = None  # a doer read from a "by" phrase or an armed modifier, not a named owner
    agent: str | None = None  # a doer coded by the setting of the governing verb's subject
    setting: str | None = None  # the country where a noun that merely happens takes place
    carrier: Any | None = None  # the light verb that carries the noun ("mounted an invasion")
    governor: Any = None  # spaCy Token: the verb whose clause the noun's act belongs to
    scope: list[Any] = field(default_factory=list)
    weapons: list[Mention] = field(default_factory=list)
    factuality: str = ""

    @property
    def domestic(self) -> bool:
        """The doer is coded by its setting, not named."""
        return self.agent is not None or self.by_agent is not None or self.setting is not None

    def event(self) -> Event | None:
        """The event record of the draft as the rules left it."""
        return _event(self.analysis, self.index, self.noun, self.code, self.source, self.target, self.weapons,
                      self.factuality, scope=self.scope, domestic=self.domestic)


def draft_of(noun: Any, index: MentionIndex, analysis: Analysis) -> NounDraft:
    """The draft of a noun: its code in the event-noun table (by its words, not a partitive's), its owners (a
    possessive, compound or adjective modifier, a "by" or "from" phrase; a clash's "with" side), the doer they
    name, and the verb that governs it (a light verb that carries it, else the verb it is an argument of)."""
    d = NounDraft(noun, index, analysis)
    if noun.pos_ != "NOUN":
        return d
    nouns = _event_nouns()
    d.code = next((nouns[w] for w in _object_words(noun, partitive=False) if w in nouns), "")
    owners = [t for c in noun.children if c.dep_ in {"poss", "compound", "amod"} for t in c.subtree]
    owners += [t for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} for t in c.subtree]
    if noun.lemma_.lower() in CLASH_NOUNS:  # "killed in clashes with Hezbollah fighters": the other side
        owners += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree]
    d.owners = owners
    d.source = index.actor(owners)
    d.carrier = _carrier(noun)
    d.governor = d.carrier if d.carrier is not None else noun.head if noun.dep_ in {"dobj", "pobj", "nsubj"} else noun
    return d


def look_up(d: NounDraft) -> None:
    """The target (an "of", "on", "against", "in", "into" or "towards" phrase) and the scope of the noun's act:
    the noun's phrase and, for a noun a verb governs, that verb's clause."""
    noun = d.noun
    targets = [t for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "against", "in", "into",
                                                                             "towards", "toward"}
               for t in c.subtree]
    d.scope = [*noun.subtree, *(d.governor.subtree if d.governor is not noun else [])]
    d.target = d.index.actor(targets)


# -- rules that read the noun and its owners (before the target) ------------------------------------------------

def not_a_noun(d: NounDraft) -> bool:
    """A token that is no noun codes nothing here (verbs have their own table)."""
    return bool(d.noun.pos_ != "NOUN")


def no_event_noun(d: NounDraft) -> bool:
    """A noun the event-noun table does not list codes nothing."""
    return not d.code


def by_agent(d: NounDraft) -> bool:
    """With no named owner, the doer is the armed agent of the setting a "by" phrase names ("an attack by
    suspected Islamist militants"), or the insurgents of the place an armed modifier names ("a separatist rocket
    attack in Donetsk")."""
    if d.source is not None:
        return False
    noun = d.noun
    by = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    agent = d.index.agent(list(by[0].subtree), noun) if by else None
    d.by_agent = agent or armed_owner(noun, d.index)
    d.source = d.by_agent
    return d.source is not None


def carrier_subject(d: NounDraft) -> bool:
    """With no owner, a noun a light verb carries is done by that verb's subject ("Russia mounted an invasion",
    "made allegations"), named or coded by its setting ("protesters staged a rally in Algiers")."""
    if d.source is not None or d.carrier is None:
        return False
    subj = subject_tokens(d.governor)
    d.source = d.index.actor(subj)
    if d.source is None:
        d.agent = d.index.agent(subj, d.governor)
        d.source = d.agent
    return d.source is not None


# -- rules that read the parties and the governing clause -------------------------------------------------------

def inchoative_setting(d: NounDraft) -> bool:
    """A noun that merely happens, with no party named ("protests erupted in Tehran", "fighting raged in Gaza"),
    takes place in its setting: it targets that country, and a protest there is its people's."""
    noun = d.noun
    if d.source is not None or d.target is not None or noun.dep_ != "nsubj" or (
            noun.head.lemma_.lower() not in INCHOATIVE_VERBS):
        return False
    d.setting = d.index.setting(noun.head)
    if d.setting is not None and d.code[:2] in {"14"}:
        d.source = d.setting
    d.target = d.setting
    return d.setting is not None


def no_party(d: NounDraft) -> bool:
    """A noun event with neither a doer nor a target named codes nothing."""
    return d.source is None and d.target is None


def future_intent(d: NounDraft) -> bool:
    """A noun act in a clause about the future is an intent or a threat ("it would tighten the blockade")."""
    d.weapons = d.index.weapons(d.scope)
    d.factuality = clause_modality(d.governor)
    if d.factuality != "future":
        return False
    d.code = _intent(d.code)
    return True


def code_noun(noun: Any, index: MentionIndex, analysis: Analysis) -> Event | None:
    """The event a noun codes, or None when a veto fires."""
    d = draft_of(noun, index, analysis)
    if not apply(OWNER_RULES, d):
        return None
    look_up(d)
    return d.event() if apply(PARTY_RULES, d) else None


def trace_noun(noun: Any, index: MentionIndex, analysis: Analysis) -> tuple[Event | None, Trace]:
    """`code_noun` with every rule run and recorded, also past a veto."""
    trace = Trace()
    d = draft_of(noun, index, analysis)
    apply(OWNER_RULES[:2], d, trace)  # the vetoes on the noun itself: past them there is no noun to read
    if trace.vetoed_by:
        return None, trace
    apply(OWNER_RULES[2:], d, trace)
    look_up(d)
    coded = apply(PARTY_RULES, d, trace)
    return (d.event() if coded else None), trace


def trace_word(analysis: Analysis, word: str) -> tuple[str, Trace]:
    """Trace the noun coder on the first token of the analysed text that reads ``word``: what it codes, as an
    `Example` writes it, and the trace of the rules that fired."""
    tok = find_word(analysis.doc, word)
    event, trace = trace_noun(tok, MentionIndex(analysis.doc, analysis.mentions), analysis)
    return codes([event] if event else []), trace


_NOUNS = "commit 8c5776e: nlp claims/modality/conditionals, event coder, threats,..."

OWNER_RULES = table(
    Rule("not-a-noun", 1010, "veto", _NOUNS,
         (Example("Russia invaded Ukraine.", "invaded", ""),),
         not_a_noun),
    Rule("no-event-noun", 1020, "veto", _NOUNS,
         (Example("The invasion of Ukraine was a catastrophe for Russia.", "catastrophe", ""),),
         no_event_noun),
    Rule("by-agent", 1030, "rewrite",
         "commits cd0960d (a \"by\" agent of the setting) and 0c5d05c (an armed modifier: \"a separatist...\")",
         (Example("A separatist rocket attack in Donetsk killed two people.", "attack", "19 UKR-REB UKR"),),
         by_agent),
    Rule("carrier-subject", 1040, "rewrite",
         "commit b6f1899: Coder: a gathering's purpose carries the event ('thousands gathered for a...",
         (Example("Russia launched an invasion of Ukraine.", "invasion", "19 RUS UKR"),
          Example("Protesters staged a rally in Algiers.", "rally", "14 DZA DZA")),
         carrier_subject),
)

PARTY_RULES = table(
    Rule("inchoative-setting", 1110, "rewrite",
         "commit 4368d3e: events: an event noun that erupts, starts or sweeps a place is coded there...",
         (Example("Protests erupted in Tehran.", "Protests", "14 IRN IRN"),),
         inchoative_setting),
    Rule("no-party", 1120, "veto", _NOUNS,
         (Example("The invasion was a mistake.", "invasion", ""),),
         no_party),
    Rule("future-intent", 1130, "rewrite",
         _NOUNS,
         (Example("Israel said it would impose a blockade on Gaza.", "blockade", "13 ISR PSE"),),
         future_intent),
)

NOUN_RULES = OWNER_RULES + PARTY_RULES
