"""Reading a clause over the dependency parse: its objects, complements, demands, refusals, passives and
the actors its heads name. Pure functions of spaCy tokens (and the mention index); no event is built here."""

from __future__ import annotations

from typing import Any

from redline.events.actors import (
    MentionIndex,
    agent_sectors,
    conjoined,
    country,
    document_speaker,
    object_tokens,
    subject_head,
    subject_tokens,
)
from redline.events.lexicon import VerbLexicon
from redline.events.plover import plover_of
from redline.events.vocab import (
    ACCEPTING_VERBS,
    ANNOUNCING_VERBS,
    CLASH_NOUNS,
    DECIDED_CODES,
    DECISION_VERBS,
    DEMAND_NOUNS,
    DIRECTIVE_SPEECH,
    DIRECTIVE_VERBS,
    FOR_DEMAND_VERBS,
    FORCE_NOUNS,
    FORCE_ROOTS,
    FULFILLING_VERBS,
    GATHER_VERBS,
    GOVERNING_ROOTS,
    HELD_PERSONS,
    INDICATIVE_AUX,
    INDICATIVE_TAGS,
    LIGHT_VERBS,
    NAMING_VERBS,
    OBLIGATION_MODALS,
    PARTICLES,
    PARTITIVES,
    PATTERN_ONLY_LEMMAS,
    PEACEKEEPING_WORDS,
    POSTURE_CODE,
    PREPARATION_VERBS,
    PRESS_NOUNS,
    PRESSURE_NOUNS,
    SKIP_LEMMAS,
    SPEECH_ACT_ROOTS,
    SPEECH_ROOTS,
    STATECRAFT_TYPES,
    STATIVE_PARTICIPLES,
    SYMMETRIC_VERBS,
    TIME_NOUNS,
    WITHDRAWAL_CODES,
    _event_nouns,
)
from redline.nlp.modality import COMMISSIVE_VERBS, INTENT_ADJECTIVES, is_infinitive_complement


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
    if (head.lemma_ in FOR_DEMAND_VERBS and "to" in aux and subjects and verb.dep_ in {"advcl", "ccomp", "xcomp"}
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)):
        return head, subjects  # "called for Iran to free the prisoners"
    return None


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


def _clash_sides(noun: Any) -> list[list[Any]]:
    """The two sides of a two-sided fight a noun names: "clashes between Kabila and Bemba forces", "fighting
    broke out between the army and rebels" (the preposition may hang on the noun or on its verb), "fighting
    between rival clans" (one plural side: both sides are of that kind). Each side is the tokens that name it; no
    sides when the noun is not one of fighting or names no two sides."""
    gerund = noun.tag_ == "VBG" and noun.dep_ in {"nsubj", "nsubjpass", "pobj"}  # "Fighting between A and B killed"
    if noun.pos_ != "NOUN" and not gerund:
        return []
    if noun.lemma_.lower() not in CLASH_NOUNS and noun.lower_ not in CLASH_NOUNS:
        return []
    holders = [noun, *([noun.head] if noun.dep_ in {"nsubj", "nsubjpass"} else [])]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        conj = [c for c in pobj.children if c.dep_ == "conj"]
        if conj:  # "between the army and rebels"
            first = [pobj, *(t for c in pobj.children if c.dep_ in {"amod", "compound", "nmod", "det"}
                             for t in c.subtree)]
            return [first, *[list(c.subtree) for c in conj[:1]]]
        mods = [c for c in pobj.children if c.dep_ in {"nmod", "amod", "compound"}
                and any(x.dep_ == "conj" for x in c.children)]
        if mods:  # "between Kabila and Bemba forces": the modifiers are the sides
            first = mods[0]
            second = next(x for x in first.children if x.dep_ == "conj")
            return [[first, pobj], [second, pobj]]
        if pobj.tag_ in {"NNS", "NNPS"}:  # "between rival militias": two sides of one kind, each on the other
            side = [pobj, *(t for c in pobj.children if c.dep_ in {"amod", "compound", "nmod", "det"}
                            for t in c.subtree)]
            return [side, side]
    return []


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


def _temporal(prep: Any) -> bool:
    """A preposition that times the act ("for the first time", "for a third day", "over the weekend"), which no
    verb pattern is about: "attacked Kupiansk for the first time" is an attack, not "attack ... for" (criticise)."""
    return prep.dep_ == "prep" and any(p.dep_ == "pobj" and p.lemma_.lower() in TIME_NOUNS for p in prep.children)


def _prep_pattern(verb: Any, lexicon: VerbLexicon) -> str | None:
    """A CAMEO pattern naming a preposition and its object: "accused Y of torture", "called for sanctions"."""
    for prep in (c for c in verb.children if c.dep_ in {"prep", "prt"} and not _temporal(c)):
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



def _to_the_press(verb: Any, cameo: str) -> bool:
    """A statement whose only addressee is the press: "the President assured journalists that work would continue",
    "briefed reporters on the talks" (no one is its target; the act told, if any, is coded on its own clause)."""
    if cameo[:2] not in SPEECH_ROOTS:
        return False
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    return bool(objs) and all(o.lemma_.lower() in PRESS_NOUNS for o in objs)


def _directs(verb: Any) -> list[tuple[Any, list[Any]]]:
    """(complement, addressees) of what a directive verb demands: "challenges Turkey to show evidence" (the demand,
    coded on the complement, is the event; the directive verb codes nothing of its own beside it)."""
    if verb.lemma_ not in DIRECTIVE_VERBS | FOR_DEMAND_VERBS:
        return []
    frames = [(c, _demand_frame(c)) for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl"}]
    return [(c, f[1]) for c, f in frames if f is not None and f[0].i == verb.i]
