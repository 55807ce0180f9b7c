"""The events stage: clause-level PLOVER events (CAMEO root beside them) over the dependency parse.

This module chooses the clauses of a sentence and codes them; ``grammar`` reads a clause (objects, complements,
demands, refusals, passives), ``record`` builds and merges the event records, ``vocab`` holds the word lists.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redline.events import filter as event_filter
from redline.events.actors import (
    DOCUMENT_NOUNS,
    MentionIndex,
    conjoined,
    country,
    subject_tokens,
)
from redline.events.demand_rules import code_demand, gated
from redline.events.dyad import at_home, undirected
from redline.events.grammar import (
    _carrier,
    _clash_sides,
    _content_of_speech_act,
    _demand_frame,
    _has_object_pattern,
    _main_verbs,
    _named_target,
    _purpose_clause,
    _readiness_complement,
    _target_scope,
)
from redline.events.lexicon import VerbLexicon
from redline.events.meetings import meeting_events
from redline.events.noun_rules import code_noun
from redline.events.publisher import title_events
from redline.events.readiness_rules import code_readiness
from redline.events.record import _event, _merge, _threat_events
from redline.events.status import CURRENT, STATUSES
from redline.events.verb_rules import code_verb
from redline.events.vocab import (
    ACCORD_NOUNS,
    ADOPTING_VERBS,
    CAUSE_PREPS,
    CLASH_VERBS,
    CONVERSATION_NOUNS,
    CONVERSATION_VERBS,
    FORCE_ROOTS,
    MUTUAL_TYPES,
    SYMMETRIC_VERBS,
)
from redline.models import Analysis, Event
from redline.nlp.modality import clause_modality

__all__ = ["STATUSES", "code", "current"]


def current(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events reported as happening or having happened: what the situation picture and assessment count."""
    return tuple(e for e in events if e.status == CURRENT)


def code(analysis: Analysis) -> tuple[Event, ...]:
    """Every event the article's clauses assert, report, threaten or deny, merged per (type, source, target, place,
    status). Only events of status ``current`` are news (`current`); the others are kept with their status."""
    doc = analysis.doc
    index = MentionIndex(doc, analysis.mentions)
    lexicon = VerbLexicon.load()
    sentences = [(sent, _sentence_events(sent, index, lexicon, analysis)) for sent in doc.sents]
    found = [e for _, evs in sentences for e in evs]
    found.extend(meeting_events(sentences, index, lexicon, analysis, _verb_event))  # readouts: "the leaders discussed"
    found.extend(title_events(analysis, index, found))  # an official page's titled readout: "Talks with X"
    found.extend(_threat_events(analysis))
    return undirected(at_home(event_filter.drop(_merge(found))), index, doc)


def _sentence_events(sent: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> list[Event]:
    """The events a sentence reports: those of its main clauses, the way news event coders read a sentence.

    Verbs of the root clause, its coordinated verbs and (under an uncoded verb such as "said") their
    complements come first; verbs in relative, adverbial and purpose clauses only when the main clauses code
    nothing. A noun event ("invasion", "strike") counts when a light verb of a main clause carries it
    ("mounted an invasion", "began a hunger strike") or when no verb in the sentence codes an event.
    """
    by_verb = {tok.i: evs for tok in sent if (evs := _verb_events(tok, index, lexicon, analysis))}
    for tok in sent:  # "shunned work to protest at ...": an act done to protest is the protest
        if tok.i in by_verb and _purpose_clause(tok) and all(e.type == "PROTEST" for e in by_verb[tok.i]):
            by_verb[tok.head.i] = by_verb.pop(tok.i)
    for i, evs in list(by_verb.items()):  # "seven are killed in clashes between A and B": each side's assault
        fight = _fought_in(sent.doc[i], evs)
        by_verb[i] = (fight and _clash_events(fight, index, analysis)) or evs
    main = _main_verbs(sent, set(by_verb))
    for i in [i for i in by_verb if _adopts_coded_text(sent.doc[i], by_verb)]:
        del by_verb[i]  # "approves a resolution demanding a ceasefire": the resolution's demand is the act
    chosen = [e for i, evs in by_verb.items() if i in main for e in evs]
    chosen = _with_nouns(chosen, sent, main, by_verb, index, lexicon, analysis, carried_only=True)
    if chosen:  # a main clause codes an event: subordinate and purpose clauses are its background
        return _with_causes(chosen, sent, main, by_verb, index, analysis)
    # a relative clause in the present describes its noun ("companies that benefit both nations"), it reports no act
    chosen = [e for i, evs in by_verb.items() if not _description(sent.doc[i]) for e in evs]
    clashes = [e for tok in sent for e in _clash_events(tok, index, analysis)]  # the sentence's only news
    return _with_nouns(chosen, sent, main, by_verb, index, lexicon, analysis, carried_only=False) + clashes


def _with_causes(chosen: list[Event], sent: Any, main: set[int], by_verb: dict[int, list[Event]],
                 index: MentionIndex, analysis: Analysis) -> list[Event]:
    """Force with no named perpetrator takes the one its cause names in the same sentence: "39 Palestinians are
    killed in Israeli airstrikes" (a noun), "71 people were killed after terrorists stormed a base" (a clause)."""
    if not any(e.source is None and e.cameo[:2] in FORCE_ROOTS for e in chosen):
        return chosen
    causes = [e for i, evs in by_verb.items() if i not in main for e in evs]
    causes += [e for tok in sent if tok.pos_ == "NOUN" and tok.i not in by_verb and tok.dep_ == "pobj"
               and tok.head.lower_ in CAUSE_PREPS and (e := code_noun(tok, index, analysis)) is not None]
    sources = {e.source for e in causes if e.source is not None and e.cameo[:2] in FORCE_ROOTS
               and e.status == CURRENT}
    if len(sources) != 1:
        return chosen
    source = sources.pop()
    return [replace(e, source=source) if e.source is None and e.cameo[:2] in FORCE_ROOTS else e for e in chosen]


def _adopts_coded_text(verb: Any, by_verb: dict[int, list[Event]]) -> bool:
    """The verb adopts a text whose own participle codes the act: "the Council approves a resolution demanding a
    ceasefire" is the Council's demand, not a concession besides it."""
    return verb.lemma_.lower() in ADOPTING_VERBS and any(
        x.i in by_verb for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS
        for x in c.children if x.dep_ in {"acl", "relcl"})


def _description(verb: Any) -> bool:
    """A relative clause in the simple present: "ventures with U.S. companies that benefit both our nations"."""
    return verb.dep_ == "relcl" and verb.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _fought_in(verb: Any, events: list[Event]) -> Any | None:
    """The two-sided fight a verb's force is: its subject ("violence between the army and rebels kills dozens")
    or, when no doer is named, its cause ("are killed in fighting between rival clans"); None for any other."""
    if not all(e.cameo[:2] in FORCE_ROOTS for e in events):
        return None
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    if all(e.source is None for e in events):
        nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS
                  for p in c.children if p.dep_ == "pobj"]
    return next((n for n in nouns if len(_clash_sides(n)) == 2), None)


def _clash_events(noun: Any, index: MentionIndex, analysis: Analysis) -> list[Event]:
    """A two-sided fight ("clashes between Kabila and Bemba forces") is two assaults, each side on the other, as
    in the PLOVER gold records; a side the text names by no country fights in the country where the clash is."""
    sides = _clash_sides(noun)
    if len(sides) != 2:
        return []
    governor = noun.head if noun.dep_ in {"nsubj", "nsubjpass"} else noun
    setting = index.setting(governor)
    # each side by its own name, else as an agent of the setting ("police" IRN-COP, "protesters" IRN-CVL), so
    # that the two directions of a domestic clash stay two events
    codes = [index.actor(side) or index.agent(side, governor) or setting for side in sides]
    if codes[0] is None or codes[1] is None:
        return []
    scope = list(governor.subtree)
    weapons = index.weapons(scope)
    factuality = clause_modality(governor)
    events = [_event(analysis, index, noun, "190", a, b, weapons, factuality, scope=scope)
              for a, b in ((codes[0], codes[1]), (codes[1], codes[0]))]
    return [e for e in events if e is not None]


def _with_nouns(chosen: list[Event], sent: Any, main: set[int], by_verb: dict[int, list[Event]],
                index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis, carried_only: bool) -> list[Event]:
    """`chosen` with the sentence's noun events: those a main light verb carries ("began a hunger strike"),
    or, when `carried_only` is false, every noun event; a carried noun replaces its light verb's own code."""
    chosen = list(chosen)
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.i in by_verb:
            continue
        carrier = _carrier(tok)
        at = carrier.i if carrier is not None else -1
        carried = at in main
        # a light verb's pattern with this object ("lodged a protest": 110) is more specific than the noun
        if carried and at in by_verb and _has_object_pattern(carrier, tok, lexicon):
            continue
        if carried_only and not carried:
            continue
        if not carried and _content_of_speech_act(tok, lexicon):  # "opposed the deployment", "called for sanctions"
            continue
        if not carried and tok.dep_ == "dobj" and tok.head.i in by_verb:  # "investigate the killings": the content
            continue
        noun = code_noun(tok, index, analysis)
        if noun is not None:
            if carried and at in by_verb:  # "organized a general strike": the noun, not ORGANIZE 050
                verb_events = by_verb[at]
                chosen = [e for e in chosen if not any(e is v for v in verb_events)]
            chosen.extend(_each_owner(noun, tok, index))
    return chosen


def _each_owner(event: Event, noun: Any, index: MentionIndex) -> list[Event]:
    """A noun event once per member of a coordinated owner: "the demands from Saudi Arabia, Bahrain and Egypt
    towards Qatar" are three demands."""
    owners = [t for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} for t in c.subtree]
    members = index.members(owners) if conjoined(owners) else []
    if len(members) < 2 or event.source not in members:
        return [event]
    target = event.target
    if target is None:  # "towards Qatar" parsed on the last member
        target = next((a for p in noun.subtree if p.dep_ == "prep" and p.lower_ in {"towards", "toward", "against"}
                       if (a := index.actor(p.subtree)) is not None and a not in members), None)
    return [replace(event, source=m, target=target) for m in members if country(m) != country(target)]


def _verb_events(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> list[Event]:
    """The event of a verb, once per member of a compound subject ("A and B agreed" is coded both ways) or of
    a compound object ("defended Iraq and Libya")."""
    return _coded_verb_events(verb, index, lexicon, analysis) if _may_code(verb) else []


def _coded_verb_events(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> list[Event]:
    frame = _demand_frame(verb)
    if frame is not None:
        return code_demand(verb, *frame, index, lexicon, analysis)
    if not gated(verb, index, lexicon, analysis):  # demanded, directed or alleged (``demand_rules.GATE_RULES``)
        return []
    event = _verb_event(verb, index, lexicon, analysis)
    if event is None:
        return []
    targets = index.coordinated(_target_scope(verb), event.target)  # "defended Iraq and Libya"
    if len(targets) > 1:
        return [replace(event, target=t) for t in targets if country(t) != country(event.source)]
    subj = subject_tokens(verb)
    sources = index.members(subj) if conjoined(subj) else []
    if len(sources) < 2:
        return [event, *_reciprocal(verb, event)]
    named = _named_target(verb, subj, index, event.target)
    mutual = event.type in MUTUAL_TYPES or verb.lemma_ in SYMMETRIC_VERBS
    events = []
    for source in sources:
        others = [s for s in sources if s != source]
        own = event.target if (named or not mutual) and country(event.target) not in map(country, sources) else None
        for t in ([own] if own or not mutual else others):
            events.append(replace(event, source=source, target=t))
    return events


def _may_code(tok: Any) -> bool:
    """Whether a branch of ``_verb_events`` can code the token: a demand frame needs a ccomp or xcomp, and
    ``_verb_event`` a verb, an adjective of readiness (acomp), a stative participle (VBN) or a headline verb the
    tagger misread as a root noun or adjective (``_misread_verb``). A shortcut only (most tokens are none of these,
    and trying every token was 70% of event coding): a rule that codes another kind of token must widen it."""
    return tok.pos_ == "VERB" or tok.tag_ == "VBN" or tok.dep_ in {"ccomp", "xcomp"} or (
        tok.pos_ == "ADJ" and tok.dep_ == "acomp") or (tok.dep_ == "ROOT" and tok.pos_ in {"NOUN", "ADJ"})


def _reciprocal(verb: Any, event: Event) -> list[Event]:
    """A conversation goes both ways: "X telephoned Y", "X held talks with Y" is also Y consulting X; so does a
    fight: "riot police clashed with protesters" is also the protesters fighting the police."""
    if (event.type == "ASSAULT" and verb.lemma_.lower() in CLASH_VERBS and event.source and event.target
            and event.source != event.target and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)):
        return [replace(event, source=event.target, target=event.source)]
    if (event.type == "AGREE" and event.source and event.target and country(event.target) != country(event.source)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in ACCORD_NOUNS for c in verb.children)
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)):
        return [replace(event, source=event.target, target=event.source)]  # "reached a truce with Israel"
    if event.type != "CONSULT" or event.target is None or country(event.target) == country(event.source):
        return []
    talk = verb.lemma_ in CONVERSATION_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in CONVERSATION_NOUNS for c in verb.children)
    return [replace(event, source=event.target, target=event.source)] if talk and event.source else []


def _verb_event(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> Event | None:
    """The event one verb codes: readiness for an act codes its own intent; any other verb is coded by the rule
    table of ``verb_rules`` (its clause record built once, its code looked up, the vetoes and rewrites applied
    in order)."""
    def recode(other: Any) -> Event | None:
        return _verb_event(other, index, lexicon, analysis)

    act = _readiness_complement(verb)
    if act is not None:  # ``readiness_rules.READINESS_RULES``
        return code_readiness(verb, act, index, analysis, recode)
    return code_verb(verb, index, lexicon, analysis, recode)
