"""Ordinary crime and its policing: no political event (issue 10 item 2; the real-news guide's must-not reason
``crime``; ACLED and POLECAT leave out criminal violence and routine policing).

Two mechanisms, pure functions of the clause's spaCy tokens:

- force done by criminals, or in a crime: "armed robbers killed two guards", "two teenagers were stabbed in a
  gang fight";
- policing of a crime: an arrest or seizure for a robbery, a theft or drugs ("police seized two tonnes of
  cocaine", "arrested on suspicion of robbing a bank").

Political or armed groups are never criminals here (a cartel, a gang of kidnappers or hackers may act for a
state or a cause; they stay events).
"""

from __future__ import annotations

from typing import Any

from redline.events.mishap import coordinated

# Who does ordinary crime: their violence is no political event.
# Bandits, gangs and mobs are left out: in Nigeria's north-west or in Haiti they are armed groups that event data
# codes, and a mob's violence is often communal.
CRIMINAL_NOUNS = frozenset({"robber", "thief", "burglar", "mugger", "carjacker", "shoplifter", "fraudster",
                            "poacher", "smuggler", "trafficker", "looter", "dealer", "pickpocket", "mafia",
                            "mafioso", "burglary", "robbery"})
# Crimes: force done in one ("stabbed in a gang fight"), or an arrest or seizure for one, is ordinary crime.
CRIME_NOUNS = frozenset({"robbery", "burglary", "theft", "heist", "mugging", "carjacking", "shoplifting", "fraud",
                         "brawl", "feud", "poaching", "looting", "drug", "cocaine", "heroin",
                         "narcotic", "narcotics", "marijuana", "cannabis", "methamphetamine", "meth", "fentanyl",
                         "opium", "hashish", "contraband", "counterfeit", "rob", "steal", "burgle", "loot",
                         "embezzle", "embezzlement", "bribery", "extortion"})
# Words that make a fight a crime: "a gang fight", "a drunken brawl", "a family dispute".
CRIME_MARKERS = frozenset({"gang", "drunken", "domestic", "family", "neighbour", "neighbor", "bar", "street",
                           "criminal"})
FIGHT_NOUNS = frozenset({"fight", "dispute", "quarrel", "row", "argument", "brawl", "altercation", "shootout",
                         "shooting", "stabbing"})
# A "mass shooting" or "mass stabbing" with no political word in its sentence is a crime (ACLED leaves it out).
CRIME_MARKERS = CRIME_MARKERS | {"mass"}
# One unnamed person who does violence: with no political word in the sentence and no named actor behind them,
# "a gunman opens fire at a bank", "a man armed with a knife attacks shoppers" is ordinary crime.
LONE_NOUNS = frozenset({"gunman", "shooter", "assailant", "attacker", "knifeman", "man", "woman", "teenager",
                        "teen", "youth", "boy", "girl", "student", "pupil", "driver", "suspect", "person"})
# Words of a political or armed cause: a sentence with one of them tells no ordinary crime.
POLITICAL_WORDS = frozenset({"militant", "insurgent", "terrorist", "rebel", "jihadist", "separatist", "army",
                             "troops", "soldier", "militia", "opposition", "protester", "activist", "journalist",
                             "politician", "ambassador", "minister", "president", "candidate", "lawmaker", "senator",
                             "governor", "mayor", "official", "diplomat", "embassy", "election", "war",
                             "airstrike", "bomb", "bombing", "suicide", "cartel", "kidnapper", "hacker"})
ARREST_VERBS = frozenset({"arrest", "detain", "seize", "confiscate", "intercept", "raid", "bust", "nab", "capture",
                          "apprehend", "hold", "charge"})
# A court's or a prosecutor's verbs: a sentence or a charge for an ordinary crime is its policing too ("jailed
# for tax evasion", "charged with murder").
JUDGING_VERBS = frozenset({"sentence", "convict", "jail", "imprison", "indict", "fine", "prosecute"})
# Ordinary crimes a court tries, besides the thefts and drugs of CRIME_NOUNS.
TRIED_CRIMES = frozenset({"murder", "manslaughter", "homicide", "rape", "evasion", "fixing", "doping", "laundering",
                          "poacher", "smuggling", "stealing", "bribe", "corruption"})
# Holders of office: one who dies with no other political word in the sentence dies a natural death ("the
# 92-year-old President of Tunisia dies").
OFFICE_WORDS = frozenset({"president", "minister", "governor", "senator", "lawmaker", "politician", "mayor",
                          "ambassador", "diplomat", "official", "candidate", "prince", "king", "queen", "leader"})


def _lemma(tok: Any) -> str:
    return str(tok.lemma_.lower())


def _political(sent: Any) -> bool:
    return any(_lemma(t) in POLITICAL_WORDS or t.lower_ in POLITICAL_WORDS for t in sent)


def _heads(tokens: Any) -> list[Any]:
    """The head nouns of a phrase, with their coordinated nouns and compounds ("drug traffickers")."""
    found = []
    for t in tokens:
        found.append(t)
        found += [c for c in t.children if c.dep_ in {"compound", "conj", "amod"}]
    return found


def criminal_force(verb: Any, subject: tuple[Any, ...]) -> bool:
    """Force done by criminals or in a crime: "armed robbers killed two guards", "stabbed in a gang fight",
    "a man was shot dead in a robbery"."""
    sent = verb.sent
    if _political(sent):
        return False
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if any(_lemma(t) in CRIMINAL_NOUNS for t in _heads([*heads, *agents])):
        return True
    causes = [p for v in coordinated(verb) for c in v.children
              if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "during", "after"}
              for p in c.children if p.dep_ == "pobj"]  # "two are killed and seven injured in a stabbing"
    causes += [c for p in causes for c in p.children if c.dep_ in {"acl", "appos"} and c.pos_ == "NOUN"]
    for cause in causes:
        if _lemma(cause) in CRIME_NOUNS:
            return True
        # "a gang fight"; "a mass stabbing" with "mass" parsed apart as a noun of its own
        markers = [*cause.children, *([cause.nbor(-1)] if cause.i > sent.start else [])]
        if _lemma(cause) in FIGHT_NOUNS and any(_lemma(c) in CRIME_MARKERS for c in markers):
            return True
    return False


# Agents of a state among the victims: an unnamed gunman who kills police officers may be an insurgent.
STATE_AGENTS = frozenset({"police", "policeman", "policemen", "policewoman", "officer", "guard", "checkpoint",
                          "patrol", "base", "barracks", "station"})


def lone_attacker(verb: Any, subject: tuple[Any, ...]) -> bool:
    """Force done by one unnamed person, in a sentence with no political word: "a gunman killed four people at a
    supermarket", "four people were killed by a gunman", "a man opens fire at a bank, killing two" (the doer of a
    participle is its head verb's subject)."""
    if _political(verb.sent) or any(_lemma(t) in STATE_AGENTS for t in verb.sent):
        return False
    doers = list(subject)
    head = verb
    while not doers and head.dep_ in {"advcl", "conj", "xcomp"} and head.head.i != head.i:
        head = head.head
        doers = [t for c in head.children if c.dep_ == "nsubj" for t in c.subtree]
    doers += [t for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
              for t in p.subtree]
    heads = [t for t in doers if t.head.i == t.i or t.head not in doers or t.dep_ == "pobj"]
    heads = [t for t in heads if t.dep_ in {"nsubj", "nsubjpass", "pobj"}]
    if verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children):
        # "one is killed when a man wielding a machete breaks into a church": its subject is the victim, the doer
        # is the "when" clause's subject (or that clause itself, where the parser reads its verb as a noun)
        heads += [s for c in verb.children if c.dep_ == "advcl" and _marked(c, {"when", "as"})
                  for s in ([c] if c.pos_ == "NOUN" else [s for s in c.children if s.dep_ == "nsubj"])]
    return any(_lemma(t) in LONE_NOUNS and t.tag_ == "NN" and not any(c.dep_ == "conj" for c in t.children)
               for t in heads)


# Weapons of ordinary violence, as verbs or nouns: "shot dead", "a shooting", "stabbed", "a knife".
GUN_BLADE_WORDS = frozenset({"shoot", "shooting", "shot", "stab", "stabbing", "knife", "gun", "gunfire", "gunshot",
                             "handgun", "rifle", "machete"})
# Places of private life: an anonymous shooting at one, with no political word, is ordinary crime.
PRIVATE_SETTINGS = frozenset({"party", "bar", "pub", "nightclub", "club", "restaurant", "cafe", "supermarket",
                              "mall", "store", "shop", "school", "university", "college", "campus", "home", "house",
                              "apartment", "concert", "festival", "parade", "cinema", "theater", "theatre", "casino",
                              "gym", "office", "workplace", "wedding", "birthday", "funeral", "hotel", "street",
                              "hostel", "motel", "park", "playground", "pool", "beach"})


def anonymous_violence(verb: Any) -> bool:
    """Violence with a gun or a blade by no one named, at a place of private life, in a sentence with no political
    word: "three people are shot dead at a party in Chicago", "ten are killed in a shooting at a school"."""
    sent = verb.sent
    if _political(sent) or any(_lemma(t) in STATE_AGENTS for t in sent):
        return False
    if any(c.dep_ == "agent" or c.dep_ == "nsubj" and _lemma(c) not in GUN_BLADE_WORDS for c in verb.children):
        return False  # a doer named, whoever it is, is read by the other rules; "a shooting kills" names none
    scope = list(verb.subtree)
    if not any(_lemma(t) in GUN_BLADE_WORDS or t.lower_ in GUN_BLADE_WORDS for t in scope):
        return False
    # "at a party", or the setting compounded with the act: "a school shooting", "a nightclub stabbing"
    return any(_lemma(t) in PRIVATE_SETTINGS and (t.dep_ == "pobj" or t.dep_ == "compound"
                                                   and _lemma(t.head) in GUN_BLADE_WORDS) for t in scope)


def _marked(clause: Any, marks: set[str]) -> bool:
    """Whether a subordinate clause opens with one of ``marks`` ("when", "as")."""
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in marks for c in clause.children)


def policing(verb: Any) -> bool:
    """An arrest, seizure, charge or sentence for an ordinary crime: "police seized two tonnes of cocaine",
    "arrested a man suspected of robbing a bank", "detained for theft", "jailed for tax evasion"."""
    if _lemma(verb) not in ARREST_VERBS | JUDGING_VERBS or _political(verb.sent):
        return False
    scope = [t for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "prep", "advcl", "acl"} for t in c.subtree]
    scope += [t for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for a in c.children if a.dep_ == "acl"
              for t in a.subtree]
    return any(_lemma(t) in CRIME_NOUNS | TRIED_CRIMES for t in scope)


# Verbs of a death told without its cause: "a Liberian man dies in Dallas" is no act of anyone.
DYING_VERBS = frozenset({"die", "perish"})
# Words of a violent death: a death told with one of them ("died in clashes", "died of his wounds", "died as a
# result of torture", "died when a bomb exploded") stays an event.
VIOLENT_DEATH_WORDS = frozenset({"wound", "injury", "torture", "custody", "clash", "attack", "strike", "airstrike",
                                 "bombing", "bomb", "shelling", "shell", "gunfire", "fire", "shooting", "shot",
                                 "explosion", "blast", "violence", "fighting", "fight", "battle", "combat", "war",
                                 "raid", "ambush", "execution", "assault", "beating", "hunger", "massacre", "siege",
                                 "rocket", "missile", "drone", "mine", "grenade", "detention", "prison", "jail"})
# Measures that "target" a country: economic and legal instruments, not weapons ("tariffs targeting Canada").
MEASURE_NOUNS = frozenset({"tariff", "duty", "sanction", "tax", "levy", "law", "bill", "legislation", "regulation",
                           "rule", "policy", "measure", "restriction", "ban", "embargo", "campaign", "ad", "advert",
                           "advertisement", "program", "programme", "reform", "lawsuit", "investigation", "probe",
                           "report", "inquiry", "order", "decree", "visa", "quota", "subsidy", "fee"})


def natural_death(verb: Any, subject: tuple[Any, ...] = ()) -> bool:
    """A death told with no cause of violence and no political actor in the sentence: "Thomas Eric Duncan, the first
    person diagnosed with ebola in the United States, dies in Dallas"; "a soldier died in clashes" stays. An office
    holder who dies, with no other political word, dies a natural death ("the President of Tunisia dies")."""
    if _lemma(verb) not in DYING_VERBS or any(_lemma(t) in VIOLENT_DEATH_WORDS for t in verb.subtree):
        return False
    if not _political(verb.sent):
        return True
    own = {t.i for t in subject}
    return any(_lemma(t) in OFFICE_WORDS for t in subject) and not any(
        t.i not in own and (_lemma(t) in POLITICAL_WORDS or t.lower_ in POLITICAL_WORDS) for t in verb.sent)


def measure_force(verb: Any, subject: tuple[Any, ...]) -> bool:
    """Force whose doer is a measure, not an armed actor: "the tariffs targeting Canada and Mexico", "a law that
    hits migrants"."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    return bool(heads) and all(_lemma(t) in MEASURE_NOUNS for t in heads)
