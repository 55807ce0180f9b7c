"""The verb coder's record: one verb's clause read once, the code the lexicon gives it, and the parties and
modality the rules of ``verb_rules`` read and rewrite before the event is built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from redline.events.actors import RESULTATIVES, MentionIndex, inherited_patient
from redline.events.clause import Clause, clause_of
from redline.events.grammar import (
    _object_head,
    _object_heads,
    _object_words,
    _particle_object,
    _prep_pattern,
    _stative,
    _temporal,
)
from redline.events.lexicon import VerbLexicon
from redline.events.record import _event
from redline.events.reduced_passive import agent_tokens, patient_tokens, reduced_passive_patient
from redline.events.vocab import EXPLOSIVE_NOUNS, GOVERNING_ROOTS, PERMISSION_VERBS, TRANSFER_VERBS
from redline.models import Analysis, Event, Mention
from redline.nlp.modality import is_infinitive_complement


@dataclass
class Draft:
    """One verb's event in the making. `draft_of` reads the verb; `look_up` builds the clause record once and
    looks up the code; the rules then veto or rewrite the code, the parties and the modality."""

    verb: Any  # spaCy Token
    index: MentionIndex
    lexicon: VerbLexicon
    analysis: Analysis
    recode: Callable[[Any], Event | None]  # the whole verb coder, for rules that read another verb's code
    lemma: str
    misread: bool  # a headline verb the tagger read as a noun or an adjective
    clause: Clause | None = None
    subj: list[Any] = field(default_factory=list)  # the doer's tokens (the subject, or a stative's nsubjpass)
    objs: list[Any] = field(default_factory=list)  # the tokens that name the target
    objects: list[Any] = field(default_factory=list)  # heads of the objects the act is done to
    weapons: list[Mention] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)  # the object words the lexicon's patterns read
    arms: bool = False  # a verb of transfer with a weapon: military aid, coded before any lexicon pattern
    code: str = ""  # the CAMEO code; "" for none
    source: str | None = None
    target: str | None = None
    agent: str | None = None  # a source coded by its setting ("protesters" in Algiers)
    refused: bool = False
    home: bool = False
    abroad: bool = False
    _factuality: str | None = None  # read from the clause record when a rule or the event first asks

    @property
    def factuality(self) -> str:
        """The clause's modality, as the rules have rewritten it."""
        if self._factuality is None:
            if self.clause is None:  # before the lookup: no clause read yet
                return ""
            self._factuality = self.clause.modality
        return self._factuality

    @factuality.setter
    def factuality(self, value: str) -> None:
        self._factuality = value

    @property
    def root(self) -> str:
        """The CAMEO root of the code ("19" for 190)."""
        return self.code[:2]

    def heads(self) -> list[Any]:
        """The heads of the parties the act is done to, with those of a governing verb's complements."""
        verb = self.verb
        heads = _object_heads(verb)
        if self.root in GOVERNING_ROOTS:  # "warned that police will not tolerate rallies"
            heads += [h for c in verb.children if c.dep_ in {"xcomp", "ccomp"} for h in _object_heads(c)]
        if self.root in GOVERNING_ROOTS or verb.lemma_ in PERMISSION_VERBS:  # "allowed the opposition leader to"
            heads += [h for c in verb.children if c.dep_ == "ccomp" for h in c.children if h.dep_ == "nsubj"]
        return heads

    def event(self) -> Event | None:
        """The event record of the draft as the rules left it."""
        return _event(self.analysis, self.index, self.verb, self.code, self.source, self.target, self.weapons,
                      self.factuality, domestic=self.agent is not None, home=self.home, abroad=self.abroad)


def draft_of(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis,
             recode: Callable[[Any], Event | None]) -> Draft:
    """The draft of a verb before its clause is read: its lexicon lemma, or a misread headline verb's."""
    lemma = lexicon.lemma_of(verb.lemma_, verb.text, verb.tag_)
    misread = _misread_verb(verb, lexicon) if verb.pos_ != "VERB" else ""
    return Draft(verb, index, lexicon, analysis, recode, misread or lemma, bool(misread))


def look_up(d: Draft) -> None:
    """Build the clause record once, read the doer, objects and weapons from it, and look up the code: military
    aid for a verb of transfer with a weapon, else the lexicon's pattern for the lemma, its prepositions and
    object words; the source is the subject's actor, the target the objects'."""
    verb, index, lexicon = d.verb, d.index, d.lexicon
    d.clause = clause_of(verb, d.analysis.mentions)
    subj, objs = list(d.clause.subject), list(d.clause.objects)
    if _stative(verb):  # "Israel is opposed to French mediation": Israel opposes
        subj = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        objs = [t for t in objs if t not in subj]
    d.weapons = index.weapons([*objs, *verb.subtree])
    objects = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and not _stative(verb))]
    objects += [o for c in verb.children if c.lower_ in RESULTATIVES for o in c.children if o.dep_ in {"dobj", "pobj"}]
    patient = inherited_patient(verb)  # "troops entered the village and were ambushed": the troops
    objects += patient
    objs += [t for c in patient for t in c.subtree]
    victim = reduced_passive_patient(verb)  # "Two militants killed in an airstrike": the militants were killed
    if victim:
        subj = agent_tokens(verb)
        objects += victim
        objs += patient_tokens(verb, victim)
    d.subj, d.objs, d.objects = subj, objs, objects
    d.source = index.actor(subj)
    if verb.lemma_ in TRANSFER_VERBS and d.weapons:
        d.arms, d.code = True, "072"
        target_toks = [t for c in verb.children if c.dep_ in {"ccomp", "xcomp", "dative", "dobj"}
                       for t in c.subtree if t.dep_ in {"nsubj", "pobj", "dobj", "dative"}]
        d.target = index.actor(target_toks) or index.actor(objs)
        return
    preps = [c.lower_ for c in verb.children if c.dep_ in {"prep", "prt", "agent"} and not _temporal(c)]
    nouns = [w for c in objects for w in _object_words(c)]
    nouns += [m.lemma_.lower() for c in objects for m in _object_head(c).children
              if m.dep_ == "compound" and m.pos_ == "NOUN"]
    nouns += [c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp" and is_infinitive_complement(c)
              and (d.lemma, "", c.lemma_.lower()) in lexicon.entries]  # CAMEO's "DECLINE * JOIN", "REFUSE * COMMENT"
    d.nouns = nouns
    d.code = _prep_pattern(verb, lexicon) or lexicon.lookup(d.lemma, preps, nouns) or ""
    d.target = index.actor(objs) or _particle_object(verb, d.lemma, index, lexicon)


def _misread_verb(tok: Any, lexicon: VerbLexicon) -> str:
    """The verb lemma of a headline verb the tagger read as a noun or an adjective, else "": a sentence's root
    with a subject and a direct object is a clause ("Protesters stage demonstrations", "Gunmen open fire")."""
    if tok.pos_ not in {"NOUN", "ADJ"} or tok.dep_ != "ROOT":
        return ""
    kids = {c.dep_ for c in tok.children}
    if not {"nsubj", "dobj"} <= kids:
        return ""
    word = str(tok.lower_)
    for stem in (word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word):
        if stem in lexicon.lemmas:
            return stem
    return ""


def device(subj: list[Any]) -> bool:
    """The subject is a device, not a perpetrator: "a bomb", "killed by a roadside bomb"."""
    heads = [t for t in subj if t.head.i == t.i or t.head not in subj]
    heads = [p for h in heads for p in ([c for c in h.children if c.dep_ == "pobj"] if h.dep_ == "agent" else [h])]
    return any(t.lemma_.lower() in EXPLOSIVE_NOUNS for t in heads)
