"""The bodies of the verb coder's rules: each reads a verb's draft (``verb_draft.Draft``) and, for a rewrite,
changes it, and answers whether it fired. The table that names, orders and exemplifies them is ``verb_rules``."""

from __future__ import annotations

from redline.events.actors import country, object_tokens, private_people, subject_tokens
from redline.events.crime import DYING_VERBS
from redline.events.grammar import (
    _agentless_passive,
    _announced_measure,
    _assertion,
    _compound_dispute,
    _consequence,
    _defied,
    _force_object,
    _force_posture,
    _forces,
    _governed,
    _grievance,
    _head_actor,
    _in_session,
    _naming,
    _object_pattern,
    _passive_actors,
    _peacekeepers,
    _purpose_clause,
    _refusal,
    _statecraft,
    _stative,
    _to_the_press,
    _unattributed_release,
    _warned,
)
from redline.events.lexicon import NULL_CODE
from redline.events.perpetrator import common_noun_subject
from redline.events.record import _intent
from redline.events.verb_draft import Draft, device
from redline.events.vocab import (
    ASSERTING_DEMANDS,
    CAUTION_CODE,
    DECISION_VERBS,
    DISAPPROVE_ROOT,
    FALLING_VERBS,
    FORCE_ROOTS,
    GATHERING_VERBS,
    GOVERNING_ROOTS,
    MOVEMENT_VERBS,
    PEACEKEEPING_CODE,
    POSTURE_CODE,
    SESSION_VERBS,
    SKIP_LEMMAS,
    SKIP_ROOTS,
    STATIVE_CODES,
    TRANSFER_VERBS,
    VISIT_CODES,
    WARNING_VERBS,
)
from redline.nlp.modality import COMMISSIVE_VERBS, clause_modality, is_infinitive_complement

# -- rules that read the verb alone (before the lookup) ----------------------------------------------------------

def not_a_verb(d: Draft) -> bool:
    """A token that is no verb codes nothing (unless it is a headline verb the tagger misread)."""
    return not d.misread and d.verb.pos_ != "VERB"


def skipped_lemma(d: Draft) -> bool:
    """A light or reporting verb ("say", "have", "make") codes only through a pattern with its object."""
    return not d.misread and d.lemma in SKIP_LEMMAS and not _object_pattern(d.verb, d.lexicon)


def adjectival_participle(d: Draft) -> bool:
    """An adjectival participle describes its noun, it asserts no event."""
    return not d.misread and d.verb.dep_ == "amod"


def transferred_complement(d: Draft) -> bool:
    """The complement of a verb of transfer or of threatening is coded by that verb, unless it is a purpose."""
    verb = d.verb
    return (verb.head.i != verb.i and verb.head.lemma_ in TRANSFER_VERBS | {"threaten"}  # compare tokens by index
            and not _purpose_clause(verb))


def governed(d: Draft) -> bool:
    """The complement of a coded verb of agreement, appeal, demand or threat is that verb's content."""
    return _governed(d.verb, d.lexicon)


def complement_carries(d: Draft) -> bool:
    """A verb of commitment or decision whose infinitive complement codes an event yields to it."""
    verb = d.verb
    if verb.lemma_ in COMMISSIVE_VERBS:
        comps = [c for c in verb.children if c.pos_ == "VERB" and is_infinitive_complement(c)]
    elif verb.lemma_ in DECISION_VERBS:
        comps = [c for c in verb.children if c.pos_ == "VERB" and c.dep_ == "xcomp"]
    else:
        return False
    return any(d.recode(c) is not None for c in comps)


# -- rules on the code ---------------------------------------------------------------------------------------------

def falling(d: Draft) -> bool:
    """A verb of falling with no object or complement is a quantity falling, not a refusal."""
    return not d.arms and d.lemma in FALLING_VERBS and not any(
        c.dep_ in {"dobj", "xcomp", "ccomp", "nsubjpass"} for c in d.verb.children)


def naming(d: Draft) -> bool:
    """A verb of naming codes its object predicative ("called him a liar"), or nothing when it describes."""
    if d.arms:
        return False
    predicative = _naming(d.verb, d.lemma, d.lexicon)
    if predicative is None:
        return False
    d.code = predicative
    return True


def null_pattern(d: Draft) -> bool:
    """A null pattern of the lexicon codes nothing."""
    return not d.arms and d.code == NULL_CODE


def stative_code(d: Draft) -> bool:
    """A stative participle codes its own act ("is opposed to": opposes)."""
    if d.arms or not _stative(d.verb) or d.verb.lemma_ not in STATIVE_CODES:
        return False
    d.code = STATIVE_CODES[d.verb.lemma_]
    return True


def force_posture(d: Draft) -> bool:
    """Preparing to use force is a military posture (152), not an intent to cooperate."""
    posture = None if d.arms else _force_posture(d.verb, d.lexicon)
    if not posture:
        return False
    d.code = posture
    return True


def refusal(d: Draft) -> bool:
    """A negated acceptance is a refusal (120), a negated tolerance a threat (130): asserted, not negated."""
    found = None if d.arms else _refusal(d.verb, d.nouns)
    if found is None:
        return False
    d.code, d.refused = found or d.code, True
    d.factuality = clause_modality(d.verb, negation=False)
    return True


def no_code(d: Draft) -> bool:
    """A verb the lexicon does not code codes nothing."""
    return not d.code


def gathering_with_object(d: Draft) -> bool:
    """A verb of gathering with an object or a clause with its own subject is no demonstration."""
    verb = d.verb
    return not d.arms and d.root == "14" and d.lemma in GATHERING_VERBS and (bool(d.objects) or any(
        c.dep_ == "ccomp" and any(s.dep_ == "nsubj" for s in c.children) for c in verb.children))


def release_of_nothing(d: Draft) -> bool:
    """A release with no one released is a publication: no one is freed."""
    return not d.arms and d.code[:3] == "084" and not d.objects


def peacekeepers_arrive(d: Draft) -> bool:
    """Peacekeepers arriving are a peacekeeping deployment (074), not a visit."""
    if d.arms or d.code not in VISIT_CODES or not _peacekeepers(d.subj):
        return False
    d.code = "074"
    return True


def _set_target(d: Draft, target: str | None) -> bool:
    """Give the draft a target found by a rule; False (the rule did not fire) when none was found."""
    if target is None:
        return False
    d.target = target
    return True


def posture_target(d: Draft) -> bool:
    """A force posture targets whom its complement's force is for."""
    return not d.arms and d.target is None and d.code == POSTURE_CODE and _set_target(
        d, d.index.actor([t for c in d.verb.children if c.dep_ == "xcomp" for t in c.subtree]))


def purpose_of_transfer_target(d: Draft) -> bool:
    """The purpose of a transfer targets whom the transfer goes to."""
    verb = d.verb
    return not d.arms and d.target is None and _purpose_clause(verb) and verb.head.lemma_ in TRANSFER_VERBS and (
        _set_target(d, d.index.actor(object_tokens(verb.head))))


def governing_xcomp_target(d: Draft) -> bool:
    """A verb that governs an act (appeal, demand, agreement, threat) targets its infinitive's object."""
    return not d.arms and d.target is None and d.root in GOVERNING_ROOTS and _set_target(
        d, d.index.actor([t for c in d.verb.children if c.dep_ == "xcomp" for t in object_tokens(c)]))


def governing_ccomp_target(d: Draft) -> bool:
    """A verb that governs an act targets its that-clause's subject, named by its head."""
    return not d.arms and d.target is None and d.root in GOVERNING_ROOTS and _set_target(
        d, next((a for c in d.verb.children if c.dep_ == "ccomp"
                 if (a := _head_actor(subject_tokens(c), d.index)) is not None), None))


def consequence_gerund_target(d: Draft) -> bool:
    """A gerund that follows an act ("shelled camps of X, killing 50") targets that act's objects."""
    verb = d.verb
    return not d.arms and d.target is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _set_target(
        d, d.index.actor(object_tokens(verb.head)))


def grievance_target(d: Draft) -> bool:
    """A complaint to a third party targets whom it is about."""
    if d.arms or d.root != "11":
        return False
    found = _grievance(d.verb, d.index)
    return found is not None and found != d.target and _set_target(d, found)


def defied_target(d: Draft) -> bool:
    """A refusal despite pressure rejects whoever pressed."""
    return not d.arms and d.target is None and d.root == "12" and _set_target(d, _defied(d.verb, d.index))


# -- rules after the code: the parties --------------------------------------------------------------------------

def to_the_press(d: Draft) -> bool:
    """A statement addressed only to the press addresses no one."""
    return _to_the_press(d.verb, d.code)


def skipped_root(d: Draft) -> bool:
    """A code of a root the coder does not report (01, public statements) codes nothing."""
    return d.root in SKIP_ROOTS


def asserting_demand(d: Draft) -> bool:
    """A verb of insisting whose that-clause states a fact asserts, it demands nothing."""
    return d.verb.lemma_ in ASSERTING_DEMANDS and d.root == "10" and _assertion(d.verb)


def dying_victims(d: Draft) -> bool:
    """The subject of a verb of dying is the victim of the force, not its perpetrator."""
    if d.lemma not in DYING_VERBS or d.root not in FORCE_ROOTS:
        return False
    d.target = d.index.actor(d.subj) or d.target
    d.subj, d.source = [], None
    return True


def place_not_perpetrator(d: Draft) -> bool:
    """A device or a common noun placed by the subject's place ("bombs in Baghdad") says where force struck,
    not who used it."""
    index, subj = d.index, d.subj
    if d.source is None or d.root not in FORCE_ROOTS or index.actor(index.unplaced(subj)) is not None:
        return False
    if not (device(subj) or common_noun_subject(subj)):
        return False
    d.source = None
    return True


def setting_agent(d: Draft) -> bool:
    """A subject that names an agent with no country ("protesters", "riot police") is coded by its setting."""
    if d.source is not None:
        return False
    d.agent = d.index.agent(d.subj, d.verb)
    d.source = d.agent
    return d.agent is not None


def private_statecraft(d: Draft) -> bool:
    """Private people do not consult, agree, support, cooperate or aid for their country."""
    return d.source is not None and _statecraft(d.code) and bool(private_people(d.subj, d.index))


def troops_arrive(d: Draft) -> bool:
    """Troops arriving are a deployment, not a visit."""
    return (d.root == "04" and d.verb.lemma_ in MOVEMENT_VERBS and _forces(d.subj)
            and not _peacekeepers(d.subj))


def peacekeepers_deploy(d: Draft) -> bool:
    """Peacekeeping troops arriving are a peacekeeping deployment."""
    if not (d.root == "04" and d.verb.lemma_ in MOVEMENT_VERBS and _forces(d.subj) and _peacekeepers(d.subj)):
        return False
    d.code = PEACEKEEPING_CODE
    return True


def agentless_passive(d: Draft) -> bool:
    """An agentless passive names its doer by the patient (forces "were pulled out") or the place (a person
    "arrested in Lebanon" by that state)."""
    if d.source is not None or d.subj or not _agentless_passive(d.verb):
        return False
    d.source, d.target = _passive_actors(d.verb, d.code, d.index, d.target)
    return True


def no_source(d: Draft) -> bool:
    """An act other than force, or a release, needs a named doer."""
    return (d.source is None and d.root not in FORCE_ROOTS
            and not _unattributed_release(d.verb, d.code, d.index))


def force_needs_a_victim(d: Draft) -> bool:
    """Force needs no named perpetrator, but a victim, an object or a weapon."""
    return (d.source is None and d.root in FORCE_ROOTS and d.target is None and not d.weapons and not d.objects
            and not device(d.subj) and not _unattributed_release(d.verb, d.code, d.index))


def statement_accuses_no_one(d: Draft) -> bool:
    """A disapproval with no target, no place and no act of force as its object is a statement, no accusation."""
    return (d.root == DISAPPROVE_ROOT and d.target is None and not d.index.places(list(d.verb.subtree))
            and not _compound_dispute(d.verb, d.subj) and not _force_object(d.objects))


# -- rules on the modality -----------------------------------------------------------------------------------------

def hedged_will(d: Draft) -> bool:
    """A hedged act with "will" is an intent, hedged, not an act."""
    if d.factuality != "hedged" or not any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"}
                                           for c in d.verb.children):
        return False
    d.factuality = "future"
    return True


def announced_measure(d: Draft) -> bool:
    """A sanction announced as what the actor will do is enacted by the announcement."""
    if not _announced_measure(d.verb, d.code, d.factuality):
        return False
    d.factuality = "asserted"
    return True


def intent(d: Draft) -> bool:
    """An act in the future, or the hedged consequence of a condition, is an intent or a threat, not the act."""
    if not (d.factuality == "future" or (d.factuality in {"hedged", "conditional"} and _consequence(d.verb))):
        return False
    d.code = _intent(d.code)
    return True


# -- rules on the parties of the event record ----------------------------------------------------------------------

def own_country_relations(d: Draft) -> bool:
    """Sanctions and expulsions concern foreign relations: the actor's own country is no target."""
    if d.root != "16" or d.target is None or country(d.target) != country(d.source):
        return False
    d.target = None
    return True


def home_party(d: Draft) -> bool:
    """An act on a person or group with no country of its own targets the actor's country."""
    d.home = d.target is None and d.root != "16" and bool(d.index.unmarked_party(d.heads()))
    return d.home


def home_victims(d: Draft) -> bool:
    """Force by an armed agent of the setting on people of no country targets the setting."""
    if d.home or not (d.agent is not None and d.target is None and d.root in FORCE_ROOTS and bool(d.objects)):
        return False
    d.home = True
    return True


def abroad_party(d: Draft) -> bool:
    """An act on people from elsewhere (migrants, diplomats) does not target the actor's country."""
    d.abroad = d.target is None and (d.root == "16" or d.index.outsiders(d.heads()))
    return d.abroad


def session(d: Draft) -> bool:
    """A body meeting by itself holds a session, no consultation."""
    return (d.root == "04" and d.verb.lemma_ in SESSION_VERBS and d.target is None
            and _in_session(d.verb, d.subj))


def caution_to_no_one(d: Draft) -> bool:
    """A warning that names no one warned, no weapon and no home party is a caution, no threat."""
    return (d.code == CAUTION_CODE and d.verb.lemma_ in WARNING_VERBS
            and not (d.home or d.weapons or _warned(d.objs, d.index)))
