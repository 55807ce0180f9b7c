"""Meetings and readouts: the parties of a meeting that are not the subject and object of one verb.

A readout names its two parties once ("President Biden spoke today with President Al-Sisi of Egypt") and then
tells the meeting with a plural subject that stands for both ("The leaders discussed ...", "The presidents
reviewed ..."). This module finds the document's meeting pair and codes such clauses for both parties:

- the pair of a sentence is the last one established before it (or in it) by a consultation between two
  countries (a current CONSULT event, "A spoke with B") or by two actors of two countries conjoined as a
  subject ("Mr Putin and Mr Kuchma answered questions"), else the first one established after it;
- a clause whose subject is a definite plural party noun with no modifier of its own ("the leaders", "the
  presidents", "the heads of state", "the parties") is coded by the ordinary verb coder once per party
  (``PartyIndex`` names the party for the subject); a mutual act (CONSULT, AGREE, SUPPORT, COOPERATE) is one
  event each way, any other act one event from each party to its target outside the pair (the guide's
  two-sided acts);
- "A spoke with B", "A spoke by video link with B" (a verb of speech the general coder skips,
  ``vocab.SKIP_LEMMAS``) is one CONSULT, A->B, as the guide codes "A spoke with B".

Status rules apply as to any clause (``record._event``): a planned, hypothetical or denied meeting is no news.
Tried and rejected on validation (docs/evaluation_log.md, sixth batch): "the two leaders" / "both sides", "they"
after a party clause, conversation nouns ("the discussion focused on"), meeting nouns with a with-phrase,
agentless passives ("it was agreed"), "told B in a phone call".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from redline.events.actors import MentionIndex, country, subject_tokens
from redline.events.lexicon import VerbLexicon
from redline.events.record import _event
from redline.events.vocab import ACCORD_TYPES, CALL_WORDS, PARTY_NOUNS
from redline.models import Analysis, Event
from redline.nlp.modality import clause_modality

CONSULT_CODE = "040"
CALL_CODE = "041"

CodeVerb = Callable[[Any, MentionIndex, VerbLexicon, Analysis], Event | None]


class PartyIndex(MentionIndex):
    """A document's mention index that reads the tokens of a party phrase as one party's actor code."""

    def __init__(self, base: MentionIndex, party: set[int], code: str) -> None:
        self.__dict__.update(base.__dict__)
        self._party = party
        self._code = code

    def actor(self, tokens: Any) -> str | None:
        toks = list(tokens)
        found = super().actor(toks)
        if found is None and any(t.i in self._party for t in toks):
            return self._code
        return found


def meeting_events(sentences: Sequence[tuple[Any, list[Event]]], index: MentionIndex, lexicon: VerbLexicon,
                   analysis: Analysis, code_verb: CodeVerb) -> list[Event]:
    """The meeting events of a document's sentences (each with the events the general coder found in it)."""
    pairs: list[tuple[int, tuple[str, str]]] = []
    events: list[Event] = []
    for k, (sent, found) in enumerate(sentences):
        spoken = _speech_events(sent, index, analysis)
        events.extend(spoken)
        for pair in [*map(_pair_of, [*found, *spoken]), *_conjoined_pairs(sent, index)]:
            if pair is not None:
                pairs.append((k, pair))
    for k, (sent, _found) in enumerate(sentences):
        pair = _pair_at(pairs, k)
        if pair is not None:
            events.extend(_party_clause_events(sent, pair, index, lexicon, analysis, code_verb))
    return events


def _pair_of(event: Event) -> tuple[str, str] | None:
    """The two parties of a consultation the document reports (not one it cites as context or denies)."""
    if event.type != "CONSULT" or not event.source or not event.target or event.status != "current" \
            or event.factuality != "asserted":
        return None
    if country(event.source) == country(event.target):
        return None
    return event.source, event.target


def _conjoined_pairs(sent: Any, index: MentionIndex) -> list[tuple[str, str]]:
    """Two actors of two countries conjoined as a subject: "Mr Putin and Mr Kuchma answered questions"."""
    pairs = []
    for tok in sent:
        if tok.dep_ == "nsubj" and any(c.dep_ == "cc" for c in tok.children):
            members = index.members(list(tok.subtree))
            if len(members) == 2 and country(members[0]) != country(members[1]):
                pairs.append((members[0], members[1]))
    return pairs


def _pair_at(pairs: list[tuple[int, tuple[str, str]]], k: int) -> tuple[str, str] | None:
    before = [p for at, p in pairs if at <= k]
    if before:
        return before[-1]
    return pairs[0][1] if pairs else None


def party_head(subject: list[Any], index: MentionIndex) -> Any | None:
    """The head of a subject that stands for the parties of a meeting: a definite plural party noun with no
    modifier of its own ("the leaders", "the presidents", "the heads of state"); None for a phrase that names
    its own actors ("the Russian and Ukrainian leaders" is coded by its members) or narrows the noun ("the new
    ministers", "their leaders", "the officials who spoke")."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    if len(heads) != 1:
        return None
    head = heads[0]
    if head.lemma_.lower() not in PARTY_NOUNS or head.tag_ not in {"NNS", "NNPS"}:
        return None
    if any(m.type in {"ACTOR", "PERSON"} and m.code for m in index.mentions_in(subject)):
        return None
    if {t.lower_ for t in subject} & {"two", "both"}:
        return None  # "the two leaders", "both sides": tried, and rejected on validation (docs/evaluation_log.md)
    if any(c.dep_ in {"amod", "compound", "nummod", "poss", "relcl", "acl"} for c in head.children):
        return None
    return head if any(c.lower_ == "the" for c in head.children) else None


def _party_clause_events(sent: Any, pair: tuple[str, str], index: MentionIndex, lexicon: VerbLexicon,
                         analysis: Analysis, code_verb: CodeVerb) -> list[Event]:
    events: list[Event] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.dep_ in {"xcomp", "advcl", "acl", "relcl", "amod", "pcomp"}:
            continue  # "agreed to remain coordinated": the complement is what they agreed to
        subj = subject_tokens(verb)
        if party_head(subj, index) is None:
            continue
        party = {t.i for t in subj}
        first, second = (code_verb(verb, PartyIndex(index, party, p), lexicon, analysis) for p in pair)
        if first is not None and second is not None:
            events.extend(_sides(first, second, pair))
    return events


def _sides(first: Event, second: Event, pair: tuple[str, str]) -> list[Event]:
    """The events of an act the two parties did together: a mutual act is one event each way (what it names
    further on is its topic); any other act one from each party to its target outside the pair."""
    a, b = pair
    if first.type in ACCORD_TYPES:  # "the leaders discussed developments in Gaza": each other, not Gaza
        return [replace(first, source=a, target=b), replace(second, source=b, target=a)]
    outside = [e.target for e in (first, second) if e.target and country(e.target) not in {country(a), country(b)}]
    if not outside:
        return []
    return [replace(first, source=a, target=outside[0]), replace(second, source=b, target=outside[0])]


def _speech_events(sent: Any, index: MentionIndex, analysis: Analysis) -> list[Event]:
    """ "A spoke with B", "A spoke by video link with B": A consults B (each member of a conjoined A)."""
    events: list[Event] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != "speak":
            continue
        preps = [c for c in verb.children if c.dep_ == "prep"]
        addressee = [t for p in preps if p.lower_ == "with" for c in p.children if c.dep_ == "pobj"
                     for t in c.subtree]
        target = index.actor(addressee)
        if target is None:
            continue
        subj = subject_tokens(verb)
        members = index.members(subj) or ([s] if (s := index.actor(subj)) else [])
        cameo = CALL_CODE if any(t.lower_ in CALL_WORDS for p in preps for t in p.subtree) else CONSULT_CODE
        for source in members:
            if country(source) == country(target):
                continue
            event = _event(analysis, index, verb, cameo, source, target, [], clause_modality(verb))
            if event is not None:
                events.append(event)
    return events
