"""The events stage: clause-level PLOVER events (CAMEO root beside them) over the dependency parse."""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from redline.events.actors import (
    MentionIndex,
    agent_sectors,
    conjoined,
    country,
    document_speaker,
    object_tokens,
    private_people,
    state_of,
    subject_head,
    subject_tokens,
)
from redline.events.lexicon import NULL_CODE, VerbLexicon
from redline.events.plover import cameo_root, intensity, plover_of
from redline.models import Analysis, Event, Evidence, Mention
from redline.nlp.modality import COMMISSIVE_VERBS, INTENT_ADJECTIVES, clause_modality, is_infinitive_complement

__all__ = ["code"]

# Verbs that hand weapons or permission over: with a weapon in the clause they code as military aid.
TRANSFER_VERBS = frozenset({"allow", "authorize", "authorise", "permit", "approve", "greenlight", "clear",
                            "supply", "provide", "send", "deliver", "give", "transfer", "ship", "pledge"})
# The unspecified threat of a warning ("warned", "cautioned"): with no one threatened and no weapon it is advice;
# "threatened" is a threat even with its target left unnamed.
CAUTION_CODE = "130"
WARNING_VERBS = frozenset({"warn", "caution", "alert"})
# Speech and attitude codes (CAMEO 01, and 02 appeals without a concrete addressee) are claims, not events.
SKIP_ROOTS = frozenset({"01"})
SKIP_LEMMAS = frozenset({"say", "tell", "be", "have", "do", "make", "get", "take", "go", "come", "see",
                         "note", "add", "include", "report", "describe", "continue", "remain", "become",
                         "mark", "begin", "start", "face", "raise", "complicate", "leave", "enter", "lead",
                         "result", "intensify", "increase", "grow", "rise", "fall", "need", "want",
                         "suggest", "believe", "think", "consider", "explain", "argue", "estimate", "predict",
                         "expect", "hope", "contribute", "invest", "speak", "know", "name"})
# Skipped verbs whose object makes the act ("took control of", "began talks", "contributed troops"): they code
# through a lexicon pattern naming that object, never alone ("took note", "contributed to tension").
PATTERN_ONLY_LEMMAS = frozenset({"take", "make", "enter", "contribute", "start", "begin", "continue"})
# Verbs of permission: the party allowed to act is what they concern ("allowed the opposition leader to rally").
PERMISSION_VERBS = frozenset({"allow", "permit", "let", "authorize", "authorise"})
# Verbs of decision: "decided to lift the curfew", "voted to impose sanctions" code the act decided on.
DECISION_VERBS = frozenset({"decide", "vote", "choose", "opt", "elect"})
# A measure a government announces it "will" or "would" take against another (CAMEO 160-163: cut relations or
# aid, deny entry, impose an embargo) is decided by the announcement itself, as PLOVER codes "announced it would
# halt aid"; an announced withdrawal of one's own people or mediation (164-166) is a warning until done.
ANNOUNCING_VERBS = frozenset({"announce", "declare"})
DECIDED_CODES = ("160", "161", "162", "163")
# Peacekeepers who arrive or visit are deployed: CAMEO 074, provide military protection or peacekeeping (AID).
VISIT_CODES = frozenset({"040", "042", "043"})
PEACEKEEPING_WORDS = frozenset({"peacekeeper", "peacekeepers", "peacekeeping", "peace-keeping", "peace-keepers"})
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
                         "reaffirm", "open", "undertake", "initiate", "deliver", "give", "submit", "offer", "tighten",
                         "use", "employ", "enforce"})
# Acts between the members of a compound subject ("A and B agreed", "A and B clashed"); other acts of a
# compound subject are each member's own ("Egypt and Jordan condemned the attack").
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "ASSAULT"})
# Verbs whose compound subject acts on itself whatever the type: "Japan and China have been disputing the
# islands", "China and Malaysia are disagreeing".
SYMMETRIC_VERBS = frozenset({"dispute", "disagree", "quarrel", "clash", "feud", "spar", "bicker", "wrangle",
                             "argue", "differ", "fight", "battle", "compete", "trade"})
# A conversation or negotiation has two parties, each consulting the other (PLOVER codes both directions).
CONVERSATION_VERBS = frozenset({"telephone", "phone", "talk", "converse", "negotiate"})  # not "confer" (an honour)
CONVERSATION_NOUNS = frozenset({"talk", "talks", "conversation", "negotiation", "negotiations", "call"})
# Verbs of gathering whose "for" object is the event the crowd came for ("converged for a rally").
GATHER_VERBS = frozenset({"converge", "gather", "assemble", "congregate", "mass", "rally", "turn"})
# Protest and coercion act within the actor's own country unless a foreign target is named (PLOVER codes
# "protesters in Algiers" and "Turkey imposed a curfew in Cizre" as domestic dyads); 137 threatens repression.
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE"})
DOMESTIC_CODES = frozenset({"137", "082"})  # 082: calling off a strike eases dissent at home
# Reported obligation: "X said that Y must drop its barriers" is X demanding of Y (CAMEO 10), not Y's act.
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
DIRECTIVE_SPEECH = frozenset({"say", "declare", "state", "insist", "stress", "tell", "conclude", "announce", "add",
                              "write", "reiterate", "warn", "argue", "maintain", "emphasize", "emphasise", "assert"})
# Adverbial particles the parser may read as prepositions ("cordoned off the roads").
PARTICLES = frozenset({"off", "out", "down", "up", "over", "back", "away"})
# Verbs of demand that also assert: "insisted that X withdraw" demands, "insisted unrest reflected old feuds" (a
# finite indicative complement) states a view, which is a claim, not an event.
ASSERTING_DEMANDS = frozenset({"insist"})
INDICATIVE_TAGS = frozenset({"VBD", "VBZ"})  # not VBP: "insisted the refugees return" may be subjunctive
INDICATIVE_AUX = frozenset({"be", "have", "do", "will"})
# Verbs of refusal that, used intransitively, report a fall: "the population continues to decline".
FALLING_VERBS = frozenset({"decline"})
# Verbs of naming: with an object predicative ("called the allegations baseless", "called them a punishment") they
# describe; only a predicative the lexicon names is an act ("called him a liar": 111 accuse).
NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "term"})
# Verbs that direct an addressee to act ("told Somalia to stop", "wants Pakistan to arrest"): a demand.
DIRECTIVE_VERBS = frozenset({"tell", "want", "instruct", "direct", "wish", "advise", "encourage", "challenge"})
# The demand names what the complement would have the target do: cooperate (101), aid (103), yield (105), meet (106).
DEMAND_CODES = {"COOPERATE": "101", "AGREE": "101", "SUPPORT": "102", "AID": "103", "CONCEDE": "105",
                "RETREAT": "105", "CONSULT": "106"}
# Participles that read as adjectives of attitude after "be" ("is opposed to", "is committed to"): their
# grammatical subject (nsubjpass) is the actor, not the patient.
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "prepare", "resolve", "dedicate", "devote"})
# "X is opposed to Y" rejects Y (CAMEO 120); the active OPPOSE stays the dictionary's 110.
STATIVE_CODES = {"oppose": "120"}
# Readiness that offers something ("is willing to send material"), unlike resolve ("is determined to recover").
OFFERING_WORDS = frozenset({"willing", "ready", "prepared", "committed", "eager", "keen"})
# People held captive whose release is news even when the captors are unnamed (besides the agents dictionary).
HELD_PERSONS = frozenset({"hostage", "captive", "schoolgirl", "schoolboy", "schoolchild", "abductee"})
# Withdrawal and demobilisation: in an agentless passive ("peacekeepers were pulled out") the forces act.
WITHDRAWAL_CODES = frozenset({"0873", "0874", "166", "1661"})
# A negated acceptance is a refusal (CAMEO 120): "would not accept the plan", "did not meet their demands".
ACCEPTING_VERBS = frozenset({"accept", "accede", "comply", "heed", "obey", "agree", "yield", "bow", "submit"})
FULFILLING_VERBS = frozenset({"meet", "satisfy", "grant", "honor", "honour", "fulfil", "fulfill", "respect",
                              "answer", "entertain", "consider"})
DEMAND_NOUNS = frozenset({"demand", "request", "call", "appeal", "condition", "ultimatum", "offer", "proposal",
                          "plan", "invitation", "term", "deadline", "plea"})
# CAMEO 11 (disapprove, criticize, accuse) needs someone disapproved of; without a target it is a statement.
DISAPPROVE_ROOT = "11"
# What a refusal can be made "despite": the demand it rejects names its target.
PRESSURE_NOUNS = frozenset({"pressure", "call", "demand", "appeal", "request", "plea", "urging", "warning"})
GRIEVANCE_PREPS = frozenset({"over", "about", "against"})
# Appeals, demands, disapproval, rejection and threats: their object is what they are about.
SPEECH_ACT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# Quantity and partitive heads whose "of" phrase names the object: "part of the aid", "dozens of diplomats".
PARTITIVES = frozenset({"part", "some", "all", "most", "much", "many", "half", "rest", "portion", "bulk",
                        "majority", "number", "share", "dozen", "dozens", "hundred", "hundreds", "thousand",
                        "thousands", "one", "two", "three", "several", "remainder"})
# Acts between states and their agents: private people ("Chinese tourists visited Vietnam", "Somalis arrived in
# Kenya") who travel, join or help make no consultation, agreement, cooperation, support or aid of their country.
STATECRAFT_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID"})
# Verbs of travel that CAMEO codes as visits (040-043) when officials travel; troops that arrive or fly in are
# deployed, not visiting: peacekeepers provide peacekeeping (074), other forces code no visit.
MOVEMENT_VERBS = frozenset({"arrive", "travel", "fly", "visit", "come", "land", "reach", "return"})
FORCE_NOUNS = frozenset({"troop", "soldier", "force", "peacekeeper", "reinforcement", "marine", "paratrooper",
                         "commando", "gunboat", "warship"})
PEACEKEEPING_CODE = "074"
# Verbs of a body sitting by itself: "the Cabinet met Sunday", "parliament convened" is one party in session, no
# consultation, unless it meets someone ("met with", an object) or a compound subject meets each other.
SESSION_VERBS = frozenset({"meet", "convene", "gather", "assemble", "reconvene", "sit"})
# Nouns whose clause states what someone alleges or rumours, not what happened ("the allegation that X attacked").
ALLEGATION_NOUNS = frozenset({"allegation", "accusation", "claim", "charge", "rumor", "rumour", "suspicion",
                              "speculation"})
# Verbs of preparation: with a complement of force they are a military posture (CAMEO 152).
PREPARATION_VERBS = frozenset({"prepare", "ready", "gear", "mass", "position", "poise"})
POSTURE_CODE = "152"
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
    for tok in sent:  # "shunned work to protest at ...": an act done to protest is the protest
        if tok.i in by_verb and _purpose_clause(tok) and all(e.type == "PROTEST" for e in by_verb[tok.i]):
            by_verb[tok.head.i] = by_verb.pop(tok.i)
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
        noun = _noun_event(tok, index, analysis)
        if noun is not None:
            if carried and at in by_verb:  # "organized a general strike": the noun, not ORGANIZE 050
                verb_events = by_verb[at]
                chosen = [e for e in chosen if not any(e is v for v in verb_events)]
            chosen.append(noun)
    return chosen


def _object_pattern(verb: Any, lexicon: VerbLexicon) -> bool:
    """A pattern-only verb with a lexicon pattern for its object or particle: "took control", "took over"."""
    if verb.lemma_ not in PATTERN_ONLY_LEMMAS:
        return False
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if any((lemma, p, "") in lexicon.entries for p in particles):
        return True
    return any(_has_object_pattern(verb, c, lexicon) for c in verb.children if c.dep_ == "dobj")


def _carrier(noun: Any) -> Any | None:
    """The verb that carries a noun event: a light verb's object ("mounted an invasion") or the purpose of a
    gathering ("thousands converged for a rally")."""
    if noun.dep_ == "dobj" and noun.head.lemma_ in LIGHT_VERBS:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_ in GATHER_VERBS:
        return prep.head
    return None


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
                main.add(c.i)
                stack.extend(x for x in c.children if x.dep_ == "xcomp")
            elif c.dep_ == "dobj":  # "sent a letter accusing Israel": what the text says is a main act
                stack.extend(x for x in c.children if document_speaker(x) is not None)
    return main


def _verb_events(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> list[Event]:
    """The event of a verb, once per member of a compound subject ("A and B agreed" is coded both ways) or of
    a compound object ("defended Iraq and Libya")."""
    frame = _demand_frame(verb)
    if frame is not None:
        return _demand_events(verb, *frame, index, lexicon, analysis)
    if _inside_demand(verb):
        return []  # "must allocate resources to help with the battle": the help is demanded, not given
    if verb.dep_ in {"acl", "relcl", "ccomp"} and verb.head.lemma_.lower() in ALLEGATION_NOUNS:
        return []  # "an allegation that the rebels had taken over the town": alleged, for the allegation's reader
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


def _inside_demand(verb: Any) -> bool:
    """The verb hangs, by complements and purpose clauses, from an act that a speaker demands."""
    tok = verb
    while tok.head.i != tok.i and tok.dep_ in {"xcomp", "advcl", "conj", "ccomp"}:
        tok = tok.head
        if _demand_frame(tok) is not None:
            return True
    return False


def _demand_frame(verb: Any) -> tuple[Any, list[Any]] | None:
    """(demanding verb, addressee heads) when ``verb`` is what a speaker demands rather than an act: a reported
    obligation ("X declared that Y must drop ...") or a directive ("X told Y to stop", "X wants Y to arrest")."""
    head = verb.head
    if head.i == verb.i:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ == "ccomp" and head.lemma_ in DIRECTIVE_SPEECH and aux & OBLIGATION_MODALS:
        return head, subjects
    if verb.dep_ in {"ccomp", "xcomp"} and head.lemma_ in DIRECTIVE_VERBS and "to" in aux:
        addressees = [c for c in head.children if c.dep_ in {"dobj", "dative"}] or subjects
        return (head, addressees) if addressees else None  # "Japan wants to strengthen ties": its own act
    return None


def _demand_events(verb: Any, speaker: Any, addressees: list[Any], index: MentionIndex, lexicon: VerbLexicon,
                   analysis: Analysis) -> list[Event]:
    """A demand (CAMEO 10) from the speaker to each actor the addressee names by its head; the demanded act
    is not asserted, and an obligation the speaker lays on itself ("Britain said it must act") is no demand."""
    source = index.actor(subject_tokens(speaker))
    if source is None:
        return []
    targets = [t for t in _head_actors(addressees, index) if country(t) != country(source)]
    if not targets:
        return []
    preps = [c.lower_ for c in verb.children if c.dep_ in {"prep", "prt"}]
    nouns = [w for c in verb.children if c.dep_ == "dobj" for w in _object_words(c)]
    wanted = lexicon.lookup(verb.lemma_.lower(), preps, nouns)
    try:
        cameo = DEMAND_CODES.get(plover_of(wanted)[0], "100") if wanted else "100"
    except KeyError:
        cameo = "100"
    factuality = clause_modality(speaker)
    events = [_event(analysis, index, verb, cameo, source, t, [], factuality) for t in targets]
    return [e for e in events if e is not None]


def _head_actor(tokens: list[Any], index: MentionIndex) -> str | None:
    """The actor the phrase's head names ("NATO-member Norway" is Norway), if it names one."""
    head = next((t for t in tokens if t.head.i == t.i or t.head not in tokens), None)
    m = index.by_token.get(head.i) if head is not None else None
    return m.code if m is not None and m.type in {"ACTOR", "PERSON"} and m.code else None


def _head_actors(heads: list[Any], index: MentionIndex) -> list[str]:
    """Actors noun phrases name by their heads ("China", "US and British forces"), not actors merely mentioned
    inside them ("immigration to France", "talks with China")."""
    heads = list(heads)
    # "US and British forces": a coordinated modifier names the actors of its head
    heads += [m for h in heads for m in h.children if m.dep_ in {"nmod", "compound", "amod"}
              and any(c.dep_ == "conj" for c in m.children)]
    stack = list(heads)
    while stack:
        tok = stack.pop()
        conj = [c for c in tok.children if c.dep_ == "conj"]
        heads.extend(conj)
        stack.extend(conj)
    found: list[str] = []
    for tok in heads:
        m = index.by_token.get(tok.i)
        if m is not None and m.type in {"ACTOR", "PERSON"} and m.code and m.code not in found:
            found.append(m.code)
    return found


def _reciprocal(verb: Any, event: Event) -> list[Event]:
    """A conversation goes both ways: "X telephoned Y", "X held talks with Y" is also Y consulting X."""
    if event.type != "CONSULT" or event.target is None or country(event.target) == country(event.source):
        return []
    talk = verb.lemma_ in CONVERSATION_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in CONVERSATION_NOUNS for c in verb.children)
    return [replace(event, source=event.target, target=event.source)] if talk and event.source else []


def _target_scope(verb: Any) -> list[Any]:
    """Where a verb's target is named: its objects, then those of its complement ("threatened to deliver
    blows to the United States and Israel") and the subject of a that-clause ("demanded that X and Y ...")."""
    toks = object_tokens(verb)
    for c in verb.children:
        if c.dep_ == "xcomp":
            toks += object_tokens(c)
        elif c.dep_ == "ccomp":
            toks += subject_tokens(c)
    return toks


def _named_target(verb: Any, subj: list[Any], index: MentionIndex, target: str | None) -> bool:
    """The target is an actor the clause names outside its subject, not the place where it acted: the
    Armenian and Azerbaijani delegations "in Georgia" agreed with each other, not with Georgia."""
    if target is None:
        return False
    inside = {t.i for t in subj}
    toks = [t for t in verb.subtree if t.i not in inside]
    places = {m.id for m in index.places(toks)}
    return any(m.code and country(m.code) == country(target) and m.id not in places
               for m in index.mentions_in(toks) if m.type in {"ACTOR", "PERSON"})


def _governed(verb: Any, lexicon: VerbLexicon) -> bool:
    """The verb is the complement of a coded verb of agreement, appeal, demand or threat ("offered to negotiate",
    "demanded that Turkey provide"), or is coordinated with one ("called on Arabs to unite and mobilize")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.head.pos_ != "VERB":  # "is ready to attack": an adjective of readiness governs nothing here
        return False
    clausal = verb.dep_ == "ccomp" and verb.head.pos_ == "VERB"  # "demanding that Turkey provide information"
    transparent = SKIP_LEMMAS | COMMISSIVE_VERBS | DECISION_VERBS
    if not (is_infinitive_complement(verb) or clausal) or verb.head.lemma_ in transparent:
        return False
    preps = [c.lower_ for c in verb.head.children if c.dep_ in {"prep", "prt"}]  # "called on Arabs to unite"
    code = lexicon.lookup(verb.head.lemma_.lower(), preps)
    return code is not None and code[:2] in GOVERNING_ROOTS


def _complement_carries(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> bool:
    """A verb of commitment or decision whose infinitive complement codes an event yields to it; with an
    uncoded complement ("pledged to work with Somalia") it codes itself."""
    if verb.lemma_ in COMMISSIVE_VERBS:
        comps = [c for c in verb.children if c.pos_ == "VERB" and is_infinitive_complement(c)]
    elif verb.lemma_ in DECISION_VERBS:
        comps = [c for c in verb.children if c.pos_ == "VERB" and c.dep_ == "xcomp"]
    else:
        return False
    return any(_verb_event(c, index, lexicon, analysis) is not None for c in comps)


def _force_posture(verb: Any, lexicon: VerbLexicon) -> str | None:
    """Preparing to use force ("forces are preparing to attack Kharkiv", "prepared to resume shelling") is a
    military posture, CAMEO 152 (increase military alert status), not PREPARE's default intent to cooperate."""
    if verb.lemma_ not in PREPARATION_VERBS:
        return None
    nouns = _event_nouns()
    for act in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        for t in act.subtree:
            code = lexicon.lookup(t.lemma_.lower()) if t.pos_ == "VERB" else nouns.get(t.lemma_.lower())
            if code is not None and code[:2] in FORCE_ROOTS:
                return POSTURE_CODE
    return None


def _stative(verb: Any) -> bool:
    """A participle of attitude after "be" with no agent: "Israel is opposed to", "Vietnam is committed to"."""
    return (verb.lemma_ in STATIVE_PARTICIPLES and verb.tag_ == "VBN"
            and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children)
            and not any(c.dep_ == "agent" for c in verb.children))


def _readiness_complement(word: Any) -> Any | None:
    """The act an adjective or participle of readiness governs: "is ready to send", "is committed to opening"."""
    if not ((word.pos_ == "ADJ" and word.lower_ in INTENT_ADJECTIVES and word.dep_ == "acomp") or _stative(word)):
        return None
    for c in word.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            return c
        if c.dep_ == "prep" and c.lower_ == "to":
            return next((v for v in c.children if v.dep_ == "pcomp" and v.pos_ == "VERB"), None)
    return None


def _readiness_event(word: Any, act: Any, index: MentionIndex, lexicon: VerbLexicon,
                     analysis: Analysis) -> Event | None:
    """Readiness for an act the lexicon does not code ("is willing to send material to Saudi Arabia") is an
    intent to cooperate (CAMEO 030); a coded act carries its own intent or threat."""
    if word.lower_ not in OFFERING_WORDS or _verb_event(act, index, lexicon, analysis) is not None:
        return None
    subj = subject_tokens(word) or [t for c in word.children if c.dep_ == "nsubjpass" for t in c.subtree]
    source = _head_actor(subj, index) or index.actor(subj)
    if source is None:
        return None
    target = index.actor(object_tokens(act)) or index.actor([t for t in act.subtree if t not in subj])
    factuality = clause_modality(word.head if word.pos_ == "ADJ" else word)
    return _event(analysis, index, word, "030", source, target, [], factuality)


def _verb_event(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis) -> Event | None:
    act = _readiness_complement(verb)
    if act is not None:
        return _readiness_event(verb, act, index, lexicon, analysis)
    lemma = lexicon.lemma_of(verb.lemma_, verb.text, verb.tag_)
    if verb.pos_ != "VERB" or (lemma in SKIP_LEMMAS and not _object_pattern(verb, lexicon)) or verb.dep_ == "amod":
        return None  # an adjectival participle ("the drought-hit state") describes, it asserts no event
    if (verb.head.i != verb.i and verb.head.lemma_ in TRANSFER_VERBS | {"threaten"}  # spaCy tokens: compare by index
            and not _purpose_clause(verb)):
        return None
    if _governed(verb, lexicon):
        return None
    if _complement_carries(verb, index, lexicon, analysis):
        return None  # "vowed to fight", "decided to lift the curfew": the complement carries the event
    subj = subject_tokens(verb)
    objs = object_tokens(verb)
    if _stative(verb):  # "Israel is opposed to French mediation": Israel opposes
        subj = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        objs = [t for t in objs if t not in subj]
    weapons = index.weapons([*objs, *verb.subtree])
    refused = False
    objects = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and not _stative(verb))]
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
        nouns += [c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp" and is_infinitive_complement(c)
                  and (lemma, "", c.lemma_.lower()) in lexicon.entries]  # CAMEO's "DECLINE * JOIN", "REFUSE * COMMENT"
        found = _prep_pattern(verb, lexicon) or lexicon.lookup(lemma, preps, nouns)
        if lemma in FALLING_VERBS and not any(c.dep_ in {"dobj", "xcomp", "ccomp", "nsubjpass"} for c in verb.children):
            return None  # "Japan's population continues to decline": no one refused anything
        predicative = _naming(verb, lemma, lexicon)
        if predicative is not None:
            found = predicative or None  # "" when the verb merely describes
        if found == NULL_CODE:  # "killed in an accident": a null pattern codes nothing
            return None
        found = STATIVE_CODES.get(verb.lemma_, found) if _stative(verb) else found
        found = _force_posture(verb, lexicon) or found
        refusal = _refusal(verb, nouns)
        refused = refusal is not None
        found = refusal or found
        if found is None:
            return None
        cameo = found
        if cameo[:3] == "084" and not objects:  # "a report, released this month by the OECD": no one freed
            return None
        if cameo in VISIT_CODES and _peacekeepers(subj):  # "UN peacekeeping troops arrived in Bosnia"
            cameo = "074"
        target = index.actor(objs) or _particle_object(verb, lemma, index, lexicon)
        if target is None and cameo == POSTURE_CODE:  # "preparing to attack Kharkiv": whom the force is for
            target = index.actor([t for c in verb.children if c.dep_ == "xcomp" for t in c.subtree])
        if target is None and _purpose_clause(verb) and verb.head.lemma_ in TRANSFER_VERBS:
            target = index.actor(object_tokens(verb.head))  # "sent experts to Bosnia to investigate"
        if target is None and cameo[:2] in GOVERNING_ROOTS:  # "offered to negotiate with Armenia"
            target = index.actor([t for c in verb.children if c.dep_ == "xcomp" for t in object_tokens(c)])
        if target is None and cameo[:2] in GOVERNING_ROOTS:  # "demanded that China drop its barriers"
            # the that-clause's subject must name the actor by its head: "that half of all Kenyans are poor" does not
            target = next((a for c in verb.children if c.dep_ == "ccomp"
                           if (a := _head_actor(subject_tokens(c), index)) is not None), None)
        if target is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "shelled camps of X, killing 50"
            target = index.actor(object_tokens(verb.head))
        if cameo[:2] == "11":
            target = _grievance(verb, index) or target
        if target is None and cameo[:2] == "12":  # "declined to resign despite pressure by X" rejects X
            target = _defied(verb, index)
    if cameo[:2] in SKIP_ROOTS or (verb.lemma_ in ASSERTING_DEMANDS and cameo[:2] == "10" and _assertion(verb)):
        return None
    source = index.actor(subj)
    agent = index.agent(subj, verb) if source is None else None  # "protesters blocked roads in Algiers"
    source = source or agent
    if source is not None and _statecraft(cameo) and private_people(subj, index):
        return None
    if cameo[:2] == "04" and verb.lemma_ in MOVEMENT_VERBS and _forces(subj):
        if not any(t.lemma_.lower().startswith("peacekeep") for t in subj):
            return None  # "Russian troops arrived in Belarus": a deployment, no visit
        cameo = PEACEKEEPING_CODE  # "NATO peacekeeping troops arrived in Bosnia"
    if source is None and not subj and _agentless_passive(verb):
        source, target = _passive_actors(verb, cameo, index, target)
    if source is None and not _unattributed_release(verb, cameo, index) and (
            cameo[:2] not in FORCE_ROOTS or (target is None and not weapons and not objects)):
        return None  # force needs no named perpetrator, but a victim, an object or a weapon ("her father died")
    if (cameo[:2] == DISAPPROVE_ROOT and target is None and not index.places(list(verb.subtree))
            and not _compound_dispute(verb, subj) and not _force_object(objects)):
        # "claimed that 55 percent are illiterate", "opposed the deployment": a statement, no one accused;
        # "condemned the attack" accuses whoever attacked, even unnamed
        return None
    factuality = clause_modality(verb, negation=not refused)
    if _announced_measure(verb, cameo, factuality):
        factuality = "asserted"
    elif factuality == "future" or (factuality in {"hedged", "conditional"} and _consequence(verb)):
        cameo = _intent(cameo)  # "may halt mediation if cooperation founders" threatens, it does not halt
    heads = _object_heads(verb)
    if cameo[:2] in GOVERNING_ROOTS:  # "warned that police will not tolerate rallies"
        heads += [h for c in verb.children if c.dep_ in {"xcomp", "ccomp"} for h in _object_heads(c)]
    if cameo[:2] in GOVERNING_ROOTS or verb.lemma_ in PERMISSION_VERBS:  # "allowed the opposition leader to ..."
        heads += [h for c in verb.children if c.dep_ == "ccomp" for h in c.children if h.dep_ == "nsubj"]
    relations = cameo[:2] == "16"  # sanctions and expulsions (CAMEO 16) concern foreign relations
    if relations and target is not None and country(target) == country(source):
        target = None  # "deny entry to the United States to ...": the actor's own country is the destination
    home = target is None and not relations and index.unmarked_party(heads)  # "ordered former president Menem"
    abroad = target is None and (relations or index.outsiders(heads))  # "deported 100 migrants"
    if cameo[:2] == "04" and verb.lemma_ in SESSION_VERBS and target is None and _in_session(verb, subj):
        return None  # "Israel's Cabinet met Sunday": a session, no consultation
    if cameo == CAUTION_CODE and verb.lemma_ in WARNING_VERBS and not (home or weapons or _warned(objs, index)):
        return None  # "warned against hospital care (in Vietnam)": a caution to no one, no threat
    return _event(analysis, index, verb, cameo, source, target, weapons, factuality, domestic=agent is not None,
                  home=home, abroad=abroad)


def _naming(verb: Any, lemma: str, lexicon: VerbLexicon) -> str | None:
    """For a verb of naming with an object predicative, the code the lexicon gives the predicative ("called him a
    liar": 111), or "" when it names none ("called the allegations baseless" describes); None otherwise."""
    if lemma not in NAMING_VERBS:
        return None
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if not predicates or not any(c.dep_ == "dobj" for c in verb.children):  # "called Thursday on Arabs to unite"
        return None
    words = [w for c in predicates for w in _object_words(c)]
    return next((code for w in words if (code := lexicon.entries.get((lemma, "", w))) is not None), "")


def _assertion(verb: Any) -> bool:
    """The verb's that-clause states a fact (finite indicative, no modal of obligation): "insisted unrest reflected
    old feuds", "insists it is committed to peace"; a subjunctive ("insisted that Israel withdraw") demands.
    "Insist" takes no direct object: a parsed one is the subject of a that-less clause whose verb the parser
    hung on the verb as a conjunct ("insisted [that] unrest reflected ...")."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(c.dep_ == "dobj" for c in verb.children):
        kin = [*verb.children, *(verb.head.children if verb.dep_ == "conj" else [])]
        comps += [c for c in kin if c.dep_ == "conj" and c.i > verb.i
                  and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)]
    for comp in comps:
        aux = [a for a in comp.children if a.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in OBLIGATION_MODALS | {"shall"} for a in aux):
            return False
        if comp.tag_ in INDICATIVE_TAGS or any(a.lemma_ in INDICATIVE_AUX for a in aux):
            return True
    return False


def _in_session(verb: Any, subj: list[Any]) -> bool:
    """A single body meets by itself: no object, no one met "with", no compound subject meeting each other."""
    return not conjoined(subj) and not any(
        c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ in {"with", "between", "among"})
        for c in verb.children)


def _warned(objs: list[Any], index: MentionIndex) -> bool:
    """A warning names whom it warns (an actor, not merely a place where the danger lies): "warned Russia"."""
    places = {m.id for m in index.places(objs)}
    return any(m.type in {"ACTOR", "PERSON"} and m.code and m.id not in places for m in index.mentions_in(objs))


def _forces(subj: list[Any]) -> bool:
    """The subject names armed forces: "NATO peacekeeping troops", "the first contingent of Nepali soldiers"."""
    head = subject_head(subj)
    return head is not None and head.pos_ == "NOUN" and (
        head.lemma_.lower() in FORCE_NOUNS or agent_sectors().get(head.lemma_.lower()) == "MIL")


def _statecraft(cameo: str) -> bool:
    """The code is an act of statecraft (consult, agree, support, cooperate, aid), which private people do not
    perform for their country."""
    try:
        return plover_of(cameo)[0] in STATECRAFT_TYPES
    except KeyError:
        return False
def _announced_measure(verb: Any, cameo: str, factuality: str) -> bool:
    """A sanction announced as what the actor will do ("announced it would prohibit all aid to X and would deny
    entry to ..."): the announcement enacts it; a threat needs a condition or a verb of threatening."""
    if not cameo.startswith(DECIDED_CODES) or factuality not in {"future", "conditional"} or _consequence(verb):
        return False
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "... and would deny entry"
        verb = verb.head
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.dep_ == "ccomp" and verb.head.lemma_ in ANNOUNCING_VERBS and bool(aux & {"will", "would"})


def _peacekeepers(subj: list[Any]) -> bool:
    """The subject names peacekeepers: "peacekeeping troops", "a first batch of UN peacekeepers"."""
    return any(t.lower_ in PEACEKEEPING_WORDS for t in subj)


def _defied(verb: Any, index: MentionIndex) -> str | None:
    """Whose pressure or calls a refusal goes against: "despite pressure by the Kenya Anti-Corruption
    Commission", "despite calls from Washington", "despite Moscow's demands"."""
    for prep in (t for t in verb.subtree if t.lower_ == "despite"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in PRESSURE_NOUNS):
            owners = [t for c in noun.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"by", "from"})
                      for t in c.subtree]
            if (found := index.actor(owners)) is not None:
                return found
    return None


def _force_object(objects: list[Any]) -> bool:
    """An object that names an act of force ("condemned the attack"): its condemnation accuses whoever did it."""
    nouns = _event_nouns()
    return any(nouns[w][:2] in FORCE_ROOTS for c in objects for w in _object_words(c) if w in nouns)


def _compound_dispute(verb: Any, subj: list[Any]) -> bool:
    """"China and Malaysia are disagreeing": the members of the compound subject are each other's targets."""
    return verb.lemma_ in SYMMETRIC_VERBS and conjoined(subj)


def _object_heads(verb: Any) -> list[Any]:
    """The heads of the verb's object and of its targeting prepositional objects."""
    heads = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    heads += [t for c in verb.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "at", "to", "with"}
              for t in c.children if t.dep_ == "pobj"]
    return heads


def _grievance(verb: Any, index: MentionIndex) -> str | None:
    """A complaint addressed to a third party targets whom it is about: "Lebanon complained to the United
    Nations over Israeli air raids" accuses Israel. A direct object ("accused Israel") comes first."""
    if any(c.dep_ in {"dobj", "dative"} and index.actor(c.subtree) for c in verb.children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return None
    return index.actor([t for c in verb.children if c.dep_ == "prep" and c.lower_ in {"over", "about"}
                        for t in c.subtree])


def _unattributed_release(verb: Any, cameo: str, index: MentionIndex) -> bool:
    """Hostages "were freed" or "released" by unnamed captors: like force, a release of persons is reported
    without its agent, and codes against the freed or the place ("the film was released" is no release)."""
    if cameo[:3] != "084" or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    freed = [c for c in verb.children if c.dep_ == "nsubjpass"][:1]
    return any(t.lemma_.lower() in HELD_PERSONS or t.lemma_.lower() in agent_sectors()
               or (t.i in index.by_token and index.by_token[t.i].type in {"ACTOR", "PERSON"}) for t in freed)


def _agentless_passive(verb: Any) -> bool:
    return (any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "nsubjpass" for c in verb.children)
            and not any(c.dep_ == "agent" for c in verb.children))


def _passive_actors(verb: Any, cameo: str, index: MentionIndex, target: str | None) -> tuple[str | None, str | None]:
    """Who acted in an agentless passive: forces that "were pulled out" withdrew themselves (the patient is the
    source); a person "arrested in Lebanon" was arrested by the state where it happened."""
    patient = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
    if cameo in WITHDRAWAL_CODES:
        owner = index.actor(patient)
        return owner, index.actor([t for t in verb.subtree if t not in patient])  # "pulled out of Liberia"
    if cameo[:2] == "17":
        scene = [t for t in verb.subtree if t not in patient]  # "a missionary from Calgary was arrested in Lebanon"
        state = next((p.geo.country for p in index.places(scene) if p.geo is not None), None)
        if state is not None and len(state) == 3 and state != country(target):
            return state, target
    return None, target


def _refusal(verb: Any, nouns: list[str]) -> str | None:
    """The code a negation asserts: a negated acceptance ("would not accept", "did not meet their demands") is a
    refusal (120); "will not tolerate" threatens (130)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if lemma == "tolerate":
        return "130"
    if lemma in ACCEPTING_VERBS or (lemma in FULFILLING_VERBS and any(n in DEMAND_NOUNS for n in nouns)):
        return "120"
    return None


def _particle_object(verb: Any, lemma: str, index: MentionIndex, lexicon: VerbLexicon) -> str | None:
    """The object of a particle the parser read as a preposition ("cordoned off the roads into X"): the
    lexicon knows the verb with that particle."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in PARTICLES
             and (lemma, c.lower_, "") in lexicon.entries]
    return index.actor([t for c in preps for t in c.subtree])


def _purpose_clause(verb: Any) -> bool:
    """An infinitive of purpose ("sent experts to Bosnia to investigate"): its own act, unlike the complement of
    a verb of permission ("allowed Ukraine to strike"), which the transfer verb codes."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _consequence(verb: Any) -> bool:
    """The verb is the consequence of a condition it states: "X may halt mediation if Y founders"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in verb.children)


def _prep_pattern(verb: Any, lexicon: VerbLexicon) -> str | None:
    """A CAMEO pattern naming a preposition and its object: "accused Y of torture", "called for sanctions"."""
    for prep in (c for c in verb.children if c.dep_ in {"prep", "prt"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for word in _object_words(pobj):
                code = lexicon.entries.get((lexicon.lemma_of(verb.lemma_, verb.text, verb.tag_), prep.lower_, word))
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
    carrier = _carrier(noun)
    governor = carrier if carrier is not None else noun.head if noun.dep_ in {"dobj", "pobj", "nsubj"} else noun
    agent = None
    if source is None and carrier is not None:  # "made allegations", not "denied accusations"
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
           scope: list[Any] | None = None, domestic: bool = False, home: bool = False,
           abroad: bool = False) -> Event | None:
    """The event record; an unnamed agent coded by its setting ("gunmen in Somalia") targets that country, and
    an act on a person or group with no country of its own (``home``) targets the actor's country, unless
    they are people from elsewhere (``abroad``: migrants, diplomats)."""
    try:
        ptype, mode, _context = plover_of(cameo)
    except KeyError:
        return None
    tokens = scope if scope is not None else list(head.subtree)
    places = index.places(tokens)
    if head.dep_ == "relcl" and index.places([head.head]):
        places = index.places(head.sent)  # "around Kurakhovo in Donetsk, where forces advance"
    places = places or index.places(_setting_scope(head))
    place = next((p for p in places if p.type == "PLACE"), places[0] if places else None)
    if target is None and place is not None and place.geo is not None:
        if domestic or country(source) != place.geo.country:
            target = place.geo.country
    if target is None and (home or (not abroad and (ptype in DOMESTIC_TYPES or cameo in DOMESTIC_CODES))):
        own = state_of(source)
        if own is not None:
            target = own  # a protest, curfew or ban with no foreign target names the actor's own country
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


def _setting_scope(head: Any) -> list[Any]:
    """Where an act with no place of its own is set: its sentence, less the clause of a verb it is coordinated
    with ("would prohibit aid to rebels in Macedonia and would deny entry to the US": the denial is not in
    Macedonia)."""
    if head.dep_ != "conj" or head.head.pos_ not in {"VERB", "AUX"}:
        return list(head.sent)
    own = {t.i for t in head.subtree}
    sibling = {t.i for t in head.head.subtree} - own
    return [t for t in head.sent if t.i not in sibling]


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


def _fuller(k: tuple[str | None, ...], key: tuple[str | None, ...], kept: Event, e: Event) -> bool:
    """Event ``kept`` (key ``k``) says what ``e`` says and more, so ``e`` folds into it: a named target, a
    location, or (for the same sentence) a named source ("staged a hunger strike in protest against ...")."""
    if k[0] != key[0]:
        return False
    if key[2] is None and k[1] == key[1] and k[2] is not None and (key[3] is None or k[3] in {None, key[3]}):
        return True
    if key[3] is None and k[1:3] == key[1:3] and k[3] is not None:
        return True
    return (key[1] is None and k[1] is not None and k[2:] == key[2:]
            and any(x in kept.evidence for x in e.evidence))


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
        fuller = [k for k in merged if k != key and _fuller(k, key, merged[k], e)]
        if fuller:
            old = merged[fuller[0]]
            merged[fuller[0]] = replace(old, evidence=old.evidence + tuple(
                x for x in e.evidence if x not in old.evidence))
            del merged[key]
    return tuple(replace(e, id=f"e{n + 1}") for n, e in enumerate(merged.values()))
