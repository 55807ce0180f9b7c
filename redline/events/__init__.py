"""The events stage: clause-level PLOVER events (CAMEO root beside them) over the dependency parse."""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from redline.events.actors import MentionIndex, conjoined, country, object_tokens, subject_tokens
from redline.events.lexicon import NULL_CODE, VerbLexicon
from redline.events.plover import cameo_root, intensity, plover_of
from redline.models import Analysis, Event, Evidence, Mention
from redline.nlp.modality import COMMISSIVE_VERBS, clause_modality, is_infinitive_complement

__all__ = ["code"]

# Verbs that hand weapons or permission over: with a weapon in the clause they code as military aid.
TRANSFER_VERBS = frozenset({"allow", "authorize", "authorise", "permit", "approve", "greenlight", "clear",
                            "supply", "provide", "send", "deliver", "give", "transfer", "ship", "pledge"})
# Speech and attitude codes (CAMEO 01, and 02 appeals without a concrete addressee) are claims, not events.
SKIP_ROOTS = frozenset({"01"})
SKIP_LEMMAS = frozenset({"say", "tell", "be", "have", "do", "make", "get", "take", "go", "come", "see",
                         "note", "add", "include", "report", "describe", "continue", "remain", "become",
                         "mark", "begin", "start", "face", "raise", "complicate", "leave", "enter", "lead",
                         "result", "intensify", "increase", "grow", "rise", "fall", "need", "want",
                         "suggest", "believe", "think", "consider", "explain", "argue", "estimate", "predict",
                         "expect", "hope", "contribute", "invest", "speak", "know", "name"})
# Force is often reported without a named perpetrator ("gunmen attacked"); other verbs need a source actor.
FORCE_ROOTS = frozenset({"18", "19", "20"})
THREAT_KINDS = {"nuclear": "1385", "military": "138"}
# A cooperative act announced for the future is an intent (CAMEO 03x), a forceful one a threat (CAMEO 13x).
INTENT_CODES = {"COOPERATE": "031", "SUPPORT": "032", "AID": "033", "CONCEDE": "034", "RETREAT": "035",
                "CONSULT": "036", "ASSAULT": "138", "COERCE": "137", "SANCTION": "131"}
# Verbs whose complement names the act itself ("agreed to cooperate"): the head codes the event.
GOVERNING_ROOTS = frozenset({"02", "03", "05", "10", "11", "12", "13"})
# Verbs that carry a noun event as their object: "launched an attack", "mounted an invasion".
LIGHT_VERBS = frozenset({"launch", "mount", "carry", "conduct", "stage", "begin", "start", "hold", "wage",
                         "step", "ramp", "continue", "resume", "make", "unleash", "intensify", "escalate",
                         "impose", "announce", "order", "call", "organize", "organise", "declare", "end",
                         "complete", "express", "voice", "lodge", "issue", "file", "extend", "renew", "reiterate",
                         "reaffirm", "open", "undertake", "initiate", "deliver", "give", "submit", "offer"})
# Protest and coercion act within the actor's own country unless a foreign target is named (PLOVER codes
# "protesters in Algiers" and "Turkey imposed a curfew in Cizre" as domestic dyads); 137 threatens repression.
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE"})
DOMESTIC_CODES = frozenset({"137"})
# CAMEO 11 (disapprove, criticize, accuse) needs someone disapproved of; without a target it is a statement.
DISAPPROVE_ROOT = "11"
GRIEVANCE_PREPS = frozenset({"over", "about", "against"})
# Appeals, demands, disapproval, rejection and threats: their object is what they are about.
SPEECH_ACT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# A decision to act reports the act ("the court decided to allow X to run" allowed it): the complement codes.
DECISION_VERBS = frozenset({"decide", "opt", "choose", "elect"})
# "X said Y must/should Z" demands Z of Y (CAMEO 100); the speech verbs that carry such a demand.
DEMAND_CODE = "100"
OBLIGATION_MODALS = frozenset({"must", "should"})
DEMAND_CUES = frozenset({"say", "tell", "declare", "state", "insist", "stress", "conclude", "add", "announce",
                         "write", "argue", "warn", "reiterate", "emphasize", "emphasise"})
# Quantity and partitive heads whose "of" phrase names the object: "part of the aid", "dozens of diplomats".
PARTITIVES = frozenset({"part", "some", "all", "most", "much", "many", "half", "rest", "portion", "bulk",
                        "majority", "number", "share", "dozen", "dozens", "hundred", "hundreds", "thousand",
                        "thousands", "one", "two", "three", "several", "remainder"})
NUCLEAR_WORDS = frozenset({"nuclear", "atomic"})
MILITARY_WORDS = frozenset({"strike", "attack", "military", "force", "war", "involvement", "response",
                            "missile", "missiles", "retaliate", "retaliation", "troops", "destroy"})


@lru_cache(maxsize=1)
def _event_nouns() -> dict[str, str]:
    text = resources.files("redline").joinpath("data/event_nouns.csv").read_text("utf-8")
    return {row["noun"]: row["cameo"] for row in csv.DictReader(text.splitlines())}


def code(analysis: Analysis) -> tuple[Event, ...]:
    """Every event the article's clauses assert, report or threaten, merged per (type, source, target, place)."""
    doc = analysis.doc
    index = MentionIndex(doc, analysis.mentions)
    lexicon = VerbLexicon.load()
    found: list[Event] = []
    for sent in doc.sents:
        found.extend(e for e in _sentence_events(sent, index, lexicon, analysis) if e.factuality != "negated")
    found.extend(_threat_events(analysis))
    return _merge(found)


def _sentence_events(sent: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> list[Event]:
    """The events a sentence reports: those of its main clauses, the way news event coders read a sentence.

    Verbs of the root clause, its coordinated verbs and (under an uncoded verb such as "said") their
    complements come first; verbs in relative, adverbial and purpose clauses only when the main clauses code
    nothing. A noun event ("invasion", "strike") counts when a light verb of a main clause carries it
    ("mounted an invasion", "began a hunger strike") or when no verb in the sentence codes an event.
    """
    by_verb = {tok.i: evs for tok in sent if (evs := _verb_events(tok, index, lexicon, analysis))}
    main = _main_verbs(sent, set(by_verb))
    chosen = [e for i, evs in by_verb.items() if i in main for e in evs]
    chosen = _with_nouns(chosen, sent, main, by_verb, index, lexicon, analysis, carried_only=True)
    if chosen:  # a main clause codes an event: subordinate and purpose clauses are its background
        return chosen
    chosen = [e for evs in by_verb.values() for e in evs]
    return _with_nouns(chosen, sent, main, by_verb, index, lexicon, analysis, carried_only=False)


def _with_nouns(chosen: list[Event], sent: Any, main: set[int], by_verb: dict[int, list[Event]],
                index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis, carried_only: bool) -> list[Event]:
    """`chosen` with the sentence's noun events: those a main light verb carries ("began a hunger strike"),
    or, when `carried_only` is false, every noun event; a carried noun replaces its light verb's own code."""
    chosen = list(chosen)
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.i in by_verb:
            continue
        carried = tok.dep_ == "dobj" and tok.head.i in main and tok.head.lemma_ in LIGHT_VERBS
        # a light verb's pattern with this object ("lodged a protest": 110) is more specific than the noun
        if carried and tok.head.i in by_verb and _has_object_pattern(tok.head, tok, lexicon):
            continue
        if carried_only and not carried:
            continue
        if not carried and _content_of_speech_act(tok, lexicon):  # "opposed the deployment", "called for sanctions"
            continue
        noun = _noun_event(tok, index, analysis)
        if noun is not None:
            if carried and tok.head.i in by_verb:  # "organized a general strike": the noun, not ORGANIZE 050
                verb_events = by_verb[tok.head.i]
                chosen = [e for e in chosen if not any(e is v for v in verb_events)]
            chosen.append(noun)
    return chosen


def _content_of_speech_act(noun: Any, lexicon: VerbLexicon) -> bool:
    """The noun is the object of a verb of appeal, demand, disapproval, rejection or threat: it names what is
    asked for or opposed ("opposed the deployment", "called for sanctions"), not an event that took place."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    if verb.pos_ != "VERB" or (noun.dep_ == "dobj" and verb.lemma_ in LIGHT_VERBS):
        return False
    preps = [c.lower_ for c in verb.children if c.dep_ in {"prep", "prt"}]
    code = lexicon.lookup(verb.lemma_.lower(), preps)
    return code is not None and code[:2] in SPEECH_ACT_ROOTS


def _has_object_pattern(verb: Any, noun: Any, lexicon: VerbLexicon) -> bool:
    lemma = verb.lemma_.lower()
    preps = ["", *(c.lower_ for c in verb.children if c.dep_ in {"prep", "prt"})]
    return any((lemma, p, w) in lexicon.entries for p in preps for w in _object_words(noun))


def _main_verbs(sent: Any, coded: set[int]) -> set[int]:
    """Token indices of the sentence's main clauses: the root, its conjuncts, and complements of uncoded heads."""
    main: set[int] = set()
    stack = [sent.root]
    while stack:
        verb = stack.pop()
        if verb.i in main:
            continue
        main.add(verb.i)
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}:
                stack.append(c)
            elif c.dep_ in {"ccomp", "xcomp"} and verb.i not in coded:
                stack.append(c)
            elif verb.lemma_ in COMMISSIVE_VERBS | DECISION_VERBS and is_infinitive_complement(c):
                stack.append(c)
            elif c.dep_ == "acomp" and verb.lemma_ == "be":  # "is ready to send": the adjective's complement
                stack.extend(x for x in c.children if x.dep_ == "xcomp")
    return main


def _verb_events(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> list[Event]:
    """The event of a verb, once per member of a compound subject ("A and B agreed" is coded both ways) or of
    a compound object ("defended Iraq and Libya")."""
    demands = _demand_events(verb, index, analysis)
    if demands is not None:
        return demands
    event = _verb_event(verb, index, lexicon, analysis)
    if event is None:
        return []
    targets = index.coordinated(object_tokens(verb), event.target)  # "defended Iraq and Libya"
    if len(targets) > 1:
        return [replace(event, target=t) for t in targets if country(t) != country(event.source)]
    subj = subject_tokens(verb)
    sources = index.actors(subj) if conjoined(subj) else []
    if len(sources) < 2:
        return [event]
    events = []
    for source in sources:
        others = [s for s in sources if s != source]
        target = event.target if event.target and country(event.target) not in map(country, sources) else None
        for t in ([target] if target else others):
            events.append(replace(event, source=source, target=t))
    return events


def _demand_events(verb: Any, index: MentionIndex, analysis: Analysis) -> list[Event] | None:
    """A "must"/"should" complement of a speech verb is the speaker's demand on its subject (CAMEO 100):
    "Britain said Sudan and the rebels must reach an agreement" is a REQUEST from Britain to each, not an
    agreement. None when the verb is no such complement, or when the speaker obliges itself ("it must")."""
    report = _obliging_report(verb)
    if report is None:
        return None
    subj = subject_tokens(verb)
    targets = index.actors(subj) if conjoined(subj) else [t for t in [index.actor(subj)] if t]
    source = index.actor(subject_tokens(report))
    if not targets or any(country(t) == country(source) for t in targets):
        return None
    if source is None:  # an obligation stated by someone we cannot code is no act of its subject either
        return []
    factuality = clause_modality(report)
    events = [_event(analysis, index, verb, DEMAND_CODE, source, t, [], factuality) for t in targets]
    return [e for e in events if e is not None]


def _obliging_report(verb: Any) -> Any | None:
    """The speech verb whose complement ``verb`` states an obligation ("said that X must drop..."), or None."""
    if verb.pos_ != "VERB":
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    clause = verb
    if verb.dep_ == "xcomp" and verb.head.lemma_ in {"have", "need"} and "to" in aux:  # "X has to leave"
        clause = verb.head
        aux = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}} | {"must"}
    if not aux & OBLIGATION_MODALS or any(c.dep_ == "neg" for c in clause.children):
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in DEMAND_CUES:
        return None
    return clause.head


def _governed(verb: Any, lexicon: VerbLexicon) -> bool:
    """The verb is the complement of a coded verb of agreement, appeal, demand or threat ("offered to negotiate",
    "demanded that Turkey provide"), or is coordinated with one ("called on Arabs to unite and mobilize")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        verb = verb.head
    clausal = verb.dep_ == "ccomp" and verb.head.pos_ == "VERB"  # "demanding that Turkey provide information"
    transparent = SKIP_LEMMAS | COMMISSIVE_VERBS | DECISION_VERBS
    if not (is_infinitive_complement(verb) or clausal) or verb.head.lemma_ in transparent:
        return False
    preps = [c.lower_ for c in verb.head.children if c.dep_ in {"prep", "prt"}]  # "called on Arabs to unite"
    code = lexicon.lookup(verb.head.lemma_.lower(), preps)
    return code is not None and code[:2] in GOVERNING_ROOTS


def _verb_event(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> Event | None:
    if verb.pos_ != "VERB" or verb.lemma_ in SKIP_LEMMAS:
        return None
    if verb.head.i != verb.i and verb.head.lemma_ in TRANSFER_VERBS | {"threaten"}:  # spaCy tokens: compare by index
        return None
    if _governed(verb, lexicon):
        return None
    if verb.lemma_ in COMMISSIVE_VERBS | DECISION_VERBS and any(c.pos_ == "VERB" and is_infinitive_complement(c)
                                               for c in verb.children):
        return None  # the complement carries the event
    subj = subject_tokens(verb)
    objs = object_tokens(verb)
    weapons = index.weapons([*objs, *verb.subtree])
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.lemma_ in TRANSFER_VERBS and weapons:
        cameo = "072"
        target_toks = [t for c in verb.children if c.dep_ in {"ccomp", "xcomp", "dative", "dobj"}
                       for t in c.subtree if t.dep_ in {"nsubj", "pobj", "dobj", "dative"}]
        target = index.actor(target_toks) or index.actor(objs)
    else:
        preps = [c.lower_ for c in verb.children if c.dep_ in {"prep", "prt", "agent"}]
        nouns = [w for c in objects for w in _object_words(c)]
        nouns += [m.lemma_.lower() for c in objects for m in _object_head(c).children
                  if m.dep_ == "compound" and m.pos_ == "NOUN"]
        found = _prep_pattern(verb, lexicon) or lexicon.lookup(verb.lemma_.lower(), preps, nouns)
        if found is None or found == NULL_CODE:  # "killed in an accident": a null pattern codes nothing
            return None
        cameo = found
        target = index.actor(objs)
        if cameo[:2] == DISAPPROVE_ROOT and not any(c.dep_ == "dobj" for c in verb.children):
            # "complained to the UN over Israeli raids": the grievance names the target, "to" the addressee
            target = index.actor([t for c in verb.children if c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS
                                  for t in c.subtree]) or target
        if target is None and cameo[:2] in GOVERNING_ROOTS:  # "offered to negotiate with Armenia"
            target = index.actor([t for c in verb.children if c.dep_ == "xcomp" for t in object_tokens(c)])
        if target is None and cameo[:2] in GOVERNING_ROOTS:  # "demanded that China drop its barriers"
            target = index.actor([t for c in verb.children if c.dep_ == "ccomp" for t in subject_tokens(c)])
    if cameo[:2] in SKIP_ROOTS:
        return None
    source = index.actor(subj)
    agent = index.agent(subj, verb) if source is None else None  # "protesters blocked roads in Algiers"
    source = source or agent
    if source is None and (cameo[:2] not in FORCE_ROOTS or (target is None and not weapons and not objects)):
        return None  # force needs no named perpetrator, but a victim, an object or a weapon ("her father died")
    if cameo[:2] == DISAPPROVE_ROOT and target is None and not index.places(list(verb.subtree)):
        return None  # "claimed that 55 percent are illiterate", "opposed the deployment": a statement, no one accused
    factuality = clause_modality(verb)
    if factuality == "future" or (factuality in {"hedged", "conditional"} and _consequence(verb)):
        cameo = _intent(cameo)  # "may halt mediation if cooperation founders" threatens, it does not halt
    return _event(analysis, index, verb, cameo, source, target, weapons, factuality, domestic=agent is not None)


def _consequence(verb: Any) -> bool:
    """The verb is the consequence of a condition it states: "X may halt mediation if Y founders"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in verb.children)


def _prep_pattern(verb: Any, lexicon: VerbLexicon) -> str | None:
    """A CAMEO pattern naming a preposition and its object: "accused Y of torture", "called for sanctions"."""
    for prep in (c for c in verb.children if c.dep_ in {"prep", "prt"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for word in _object_words(pobj):
                code = lexicon.entries.get((verb.lemma_.lower(), prep.lower_, word))
                if code is not None:
                    return code
    return None


def _object_head(noun: Any) -> Any:
    """The noun a partitive or quantity names: "part of a military aid program" is the program."""
    while noun.lemma_.lower() in PARTITIVES:
        inner = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if not inner:
            break
        noun = inner[0]
    return noun


def _object_words(noun: Any, partitive: bool = True) -> list[str]:
    """Lexicon keys for an object, most specific first: "diplomatic tie", then "tie"."""
    noun = _object_head(noun) if partitive else noun
    lemma = noun.lemma_.lower()
    mods = [c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1]
    return [f"{mods[0]} {lemma}", lemma] if mods else [lemma]


def _intent(cameo: str) -> str:
    """An act announced with "will" is an intent to cooperate or a threat, not the act itself."""
    try:
        ptype = plover_of(cameo)[0]
    except KeyError:
        return cameo
    return INTENT_CODES.get(ptype, cameo)


def _noun_event(noun: Any, index: MentionIndex, analysis: Analysis) -> Event | None:
    if noun.pos_ != "NOUN":
        return None
    nouns = _event_nouns()
    cameo = next((nouns[w] for w in _object_words(noun, partitive=False) if w in nouns), None)
    if cameo is None:
        return None
    owners = [t for c in noun.children if c.dep_ in {"poss", "compound", "amod"} for t in c.subtree]
    owners += [t for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} for t in c.subtree]
    source = index.actor(owners)
    governor = noun.head if noun.dep_ in {"dobj", "pobj", "nsubj"} else noun
    agent = None
    if source is None and noun.dep_ == "dobj":
        subj = subject_tokens(governor)
        source = index.actor(subj)
        agent = index.agent(subj, governor) if source is None else None
        source = source or agent
    targets = [t for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "against", "in", "into"}
               for t in c.subtree]
    scope = [*noun.subtree, *(governor.subtree if governor is not noun else [])]
    target = index.actor(targets)
    if source is None and target is None:
        return None
    weapons = index.weapons(scope)
    factuality = clause_modality(governor)
    if factuality == "future":  # "it would tighten the blockade": a threat, not the blockade
        cameo = _intent(cameo)
    return _event(analysis, index, noun, cameo, source, target, weapons, factuality,
                  scope=scope, domestic=agent is not None)


def _event(analysis: Analysis, index: MentionIndex, head: Any, cameo: str, source: str | None,
           target: str | None, weapons: list[Mention], factuality: str,
           scope: list[Any] | None = None, domestic: bool = False) -> Event | None:
    """The event record; an unnamed agent coded by its setting ("gunmen in Somalia") targets that country."""
    try:
        ptype, mode, _context = plover_of(cameo)
    except KeyError:
        return None
    tokens = scope if scope is not None else list(head.subtree)
    places = index.places(tokens)
    if head.dep_ == "relcl" and index.places([head.head]):
        places = index.places(head.sent)  # "around Kurakhovo in Donetsk, where forces advance"
    places = places or index.places(head.sent)
    place = next((p for p in places if p.type == "PLACE"), places[0] if places else None)
    if target is None and place is not None and place.geo is not None:
        if domestic or country(source) != place.geo.country:
            target = place.geo.country
    if target is None and (ptype in DOMESTIC_TYPES or cameo in DOMESTIC_CODES):
        home = country(source)
        if home is not None and len(home) == 3 and home.isalpha() and home.isupper():
            target = home  # a protest, curfew or ban with no foreign target names the actor's own country
    if source is None and target is None:
        return None
    sent = head.sent
    article = analysis.article
    end = sent.end_char
    while end > sent.start_char and article.text[end - 1].isspace():
        end -= 1
    published = _sentence_date(analysis, sent.start_char, end) or (
        article.published.date().isoformat() if article.published else None)
    locations = [p.canonical for p in places if p.type == "PLACE"]
    return Event(
        id="",
        type=ptype,
        mode=mode.strip(),
        cameo=cameo_root(cameo),
        source=source,
        target=target,
        location=", ".join(dict.fromkeys(locations)) or (place.canonical if place else None),
        geo=place.geo if place else None,
        weapons=tuple(dict.fromkeys(w.canonical for w in weapons)),
        factuality=factuality,
        intensity=intensity(ptype, cameo),
        confidence=_confidence(source, target, factuality),
        evidence=(Evidence.of(article, sent.start_char, end),),
        date=published,
        text=" ".join(head.text.split()) if scope is not None else _clause_text(head, article.text),
    )


def _sentence_date(analysis: Analysis, start: int, end: int) -> str | None:
    """The first resolved date named in the sentence ("on Tuesday", "the war's 1000th day")."""
    for m in analysis.mentions:
        if m.type == "DATE" and start <= m.start < end and m.attr("value"):
            return m.attr("value")
    return None


def _clause_text(verb: Any, text: str) -> str:
    toks = sorted((t for t in verb.subtree if not t.is_space), key=lambda t: t.i)
    if not toks:
        return str(verb.text)
    clause = text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
    return " ".join(clause.split())[:240]


def _confidence(source: str | None, target: str | None, factuality: str) -> float:
    score = 0.5 + (0.2 if source else 0.0) + (0.15 if target else 0.0)
    if factuality in {"hedged", "conditional", "negated"}:
        score -= 0.2
    return round(min(score, 0.95), 2)


def _threat_events(analysis: Analysis) -> list[Event]:
    """A threatening claim is itself an event: THREATEN from the speaker's actor to whom it names."""
    index = MentionIndex(analysis.doc, analysis.mentions)
    events: list[Event] = []
    for claim in analysis.claims:
        if claim.stance != "threat" or not claim.speaker_code:
            continue
        words = set(claim.content.lower().split())
        cameo = THREAT_KINDS["nuclear"] if words & NUCLEAR_WORDS else (
            THREAT_KINDS["military"] if words & MILITARY_WORDS else "130")
        span = analysis.doc.char_span(claim.content_start, claim.content_end, alignment_mode="expand")
        targets = [m for m in index.mentions_in(span or []) if m.type in {"ACTOR", "PERSON"} and m.code
                   and country(m.code) != country(claim.speaker_code)]
        ptype, mode, _ = plover_of(cameo)
        events.append(Event(
            id="", type=ptype, mode=mode.strip(), cameo=cameo_root(cameo), source=claim.speaker_code,
            target=targets[0].code if targets else None, location=None, geo=None,
            weapons=tuple(dict.fromkeys(w.canonical for w in index.weapons(span or []))),
            factuality="asserted", intensity=intensity(ptype, cameo), confidence=0.8,
            evidence=claim.evidence,
            date=analysis.article.published.date().isoformat() if analysis.article.published else None,
            text=claim.content[:240],
        ))
    return events


def _merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per (type, source country, target country, location); evidence and weapons are pooled."""
    merged: dict[tuple[str, str | None, str | None, str | None], Event] = {}
    for e in events:
        key = (e.type, country(e.source), country(e.target), e.location)
        if key in merged:
            old = merged[key]
            evidence = old.evidence + tuple(x for x in e.evidence if x not in old.evidence)
            merged[key] = replace(old, evidence=evidence,
                                  weapons=tuple(dict.fromkeys(old.weapons + e.weapons)),
                                  source=old.source or e.source, target=old.target or e.target)
        else:
            merged[key] = e
    for key, e in list(merged.items()):
        if e.target is None:
            fuller = [k for k in merged if k != key and k[:2] == key[:2] and k[2] is not None
                      and (key[3] is None or k[3] in {None, key[3]})]
        elif key[3] is None:  # "threatened to shell Iraqi towns" as a verb and as a threat claim, one placed
            fuller = [k for k in merged if k != key and k[:3] == key[:3] and k[3] is not None]
        else:
            continue
        if fuller:
            old = merged[fuller[0]]
            merged[fuller[0]] = replace(old, evidence=old.evidence + tuple(
                x for x in e.evidence if x not in old.evidence))
            del merged[key]
    return tuple(replace(e, id=f"e{n + 1}") for n, e in enumerate(merged.values()))
