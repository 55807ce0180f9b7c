"""Natural disasters and accidents: what they kill or destroy is no political event (issue 10 item 2; the ACLED
codebook leaves them out; the real-news guide's must-not reasons ``disaster`` and ``accident``).

Pure functions of a clause's spaCy tokens, read by the status rules "mishap" and "accident"
(``redline.events.status``).
"""

from __future__ import annotations

import re
from typing import Any

from redline.events.actors import MentionIndex

# Natural disasters and accidents: what they kill or destroy is no political event.
MISHAP_NOUNS = frozenset({"earthquake", "quake", "flood", "flooding", "storm", "hurricane", "cyclone", "typhoon",
                          "tornado", "tsunami", "landslide", "mudslide", "avalanche", "drought", "wildfire",
                          "blaze", "eruption", "heatwave", "crash", "accident", "collision", "derailment",
                          "stampede", "disease", "outbreak", "epidemic", "lightning", "famine", "rain", "rainfall",
                          "downpour", "rainstorm", "monsoon", "snow", "snowstorm", "blizzard", "hailstorm",
                          "sandstorm", "heat", "cold", "frost", "collapse", "crush", "volcano", "snowfall", "hail",
                          "mudflow", "sinkhole"})
# Blasts and fires at a works are accidents unless the sentence names an attack: "a chemical plant explosion and
# fire"; a bare "explosion" in conflict news is as often a bombing, and stays an event.
BLAST_NOUNS = frozenset({"explosion", "fire", "blaze", "blast", "leak"})
FIRE_NOUNS = frozenset({"fire", "blaze", "inferno"})
WORKS_NOUNS = frozenset({"plant", "factory", "chemical", "gas", "fireworks", "firework", "warehouse", "boiler",
                         "pipeline", "refinery", "mill", "workshop", "depot", "kitchen", "cylinder", "mine", "pit",
                         "colliery", "quarry"})
# Words of a deliberate attack: a sentence with one of them tells no accident ("a bomb explosion").
HOSTILE_WORDS = frozenset({"bomb", "bomber", "bombing", "attack", "attacker", "militant", "suicide", "rocket",
                           "missile", "shell", "shelling", "drone", "strike", "airstrike", "gunman", "gunmen",
                           "insurgent", "terrorist", "rebel", "grenade", "explosive", "ied", "sabotage", "arson",
                           "arsonist", "shoot", "gunfire", "ambush", "raid", "mine", "minefield", "landmine", "hijack",
                           "hijacker", "saboteur", "torpedo"})
# Vehicles, and what a vehicle does in an accident: "a bus falls off a bridge", "the aircraft veers off the
# runway and catches fire", "a car hit a group of people".
VEHICLE_NOUNS = frozenset({"bus", "minibus", "coach", "car", "truck", "lorry", "van", "train", "tram", "aircraft",
                           "plane", "airliner", "jet", "helicopter", "ferry", "boat", "ship", "vessel", "tanker",
                           "vehicle", "motorcycle", "airplane", "aeroplane", "chopper", "flight", "glider",
                           "seaplane", "barge", "trawler", "dinghy", "canoe", "yacht", "submarine", "taxi",
                           "locomotive", "railcar", "gondola", "destroyer", "frigate", "warship", "corvette",
                           "cruiser", "minesweeper"})
VEHICLE_MISHAP_VERBS = frozenset({"veer", "capsize", "derail", "sink", "overturn", "plunge", "collide", "crash",
                                  "fall", "skid", "hit", "strike", "catch", "topple", "roll", "run"})
# Structures that fail, and how: "a bridge collapsed in Genoa, killing 43".
STRUCTURE_NOUNS = frozenset({"bridge", "building", "dam", "roof", "tunnel", "wall", "stadium", "hotel", "school",
                             "block", "tower", "house", "apartment", "ceiling", "crane", "scaffolding", "stand"})
COLLAPSE_VERBS = frozenset({"collapse", "cave", "crumble", "burst", "give"})
# Aircraft makers, whose name with a model number is an aircraft ("a Boeing 737 crashes", "a MiG-21 crashed").
AIRCRAFT_MAKERS = frozenset({"boeing", "airbus", "antonov", "tupolev", "ilyushin", "cessna", "embraer", "atr",
                             "bombardier", "mig", "sukhoi", "yakovlev", "lockheed", "beechcraft", "piper", "dornier",
                             "fokker", "sikorsky", "learjet", "gulfstream"})
# Soviet and Russian aircraft designations: "an Su-34", "an An-26", "a Mi-8" (the token itself carries the number).
AIRCRAFT_CODE = re.compile(r"^(su|tu|il|an|mi|ka|yak|mig|b|f)-\d", re.IGNORECASE)
# Weapon classes that are crewed aircraft: one that crashes with no attack named had an accident.
AIRCRAFT_CLASSES = frozenset({"fighter_aircraft", "bomber"})
# What a vehicle does in an accident, whatever the tagger makes of the word (wire headlines put "collide",
# "overturns", "bursts" where the small model reads a noun): "two trains collide", "a tanker overturns".
CRASH_VERBS = frozenset({"crash", "collide", "capsize", "derail", "sink", "overturn", "plunge", "skid", "veer",
                         "topple", "ditch", "careen", "flip", "fall", "plummet", "tumble"})
# Irregular forms of those verbs, and of a structure's failure.
IRREGULAR_FORMS = {"sank": "sink", "sunk": "sink", "burst": "burst", "gave": "give", "given": "give", "fell": "fall",
                   "fallen": "fall"}
# Fuel a vehicle or a container carries: one that explodes with no attack named is an accident ("a fuel tanker
# explodes", "a gas cylinder blew up").
FUEL_WORDS = frozenset({"fuel", "oil", "gas", "petrol", "gasoline", "diesel", "tanker", "cylinder", "boiler", "lpg",
                        "propane", "kerosene", "firework", "fireworks"})
BLAST_VERBS = frozenset({"explode", "blow", "ignite"})
# Minerals and mining words: "a coal mine", "a gold mine collapses" is a pit, not a landmine.
MINING_WORDS = frozenset({"coal", "gold", "copper", "jade", "diamond", "tin", "salt", "iron", "silver", "lithium",
                          "cobalt", "uranium", "zinc", "nickel", "phosphate", "bauxite", "mining", "miner", "pit",
                          "shaft", "quarry", "colliery"})
# How far before its verb a vehicle may be named ("a Boeing 737 operated by a local airline crashes").
CRASH_WINDOW = 12
# Adverbs of an act nobody meant: "accidentally detonates a grenade".
ACCIDENT_ADVERBS = frozenset({"accidentally", "accidently", "inadvertently", "unintentionally"})
# Counts: a verb whose subject is one ("the death toll passes 1,800", "the number of dead rises") tells no act.
COUNT_NOUNS = frozenset({"toll", "tally", "count", "number", "total"})
# Prepositions that give an act's cause after the fact: "killed after a fire at a mine", "following a storm".
AFTER_PREPS = frozenset({"after", "following", "amid"})
# Animals: what one of them kills ("killed in a shark attack", "mauled by a bear") is no one's act.
ANIMAL_NOUNS = frozenset({"shark", "bear", "crocodile", "alligator", "tiger", "lion", "leopard", "elephant", "dog",
                          "snake", "wolf", "hippo", "hippopotamus", "jaguar", "cougar", "puma", "boar", "bee",
                          "hornet", "buffalo", "rhino", "rhinoceros", "cheetah", "hyena", "jellyfish", "stingray"})
# Pronouns that stand for a thing: "It had earlier killed 550 people", said of the typhoon the sentence before named.
THING_PRONOUNS = frozenset({"it", "its"})
# Quantifiers whose "of" phrase is the cause itself: "killed in some of the heaviest rainfall in 25 years".
PART_WORDS = frozenset({"some", "one", "part", "parts", "much", "many", "most", "all"})
# Adjectives of the same: "killed in an accidental shooting", "an accidental explosion".
ACCIDENT_ADJECTIVES = frozenset({"accidental", "inadvertent", "unintentional", "unintended"})


def coordinated(verb: Any) -> list[Any]:
    """The verb and the verbs coordinated with it, which share its adjuncts: in "eight are killed, 14 are injured
    and two are missing during floods" the floods are the cause of all three."""
    top = verb
    while top.head.i != top.i and top.head.pos_ in {"VERB", "AUX"} and (top.dep_ == "conj" or _listed(top)):
        top = top.head
    found = [top]
    for tok in found:
        found += [c for c in tok.children if c.pos_ in {"VERB", "AUX"} and (c.dep_ == "conj" or _listed(c))]
    return found if verb in found else [verb, *found]


def _listed(verb: Any) -> bool:
    """A passive the parser hung as the complement of the next one in a list ("eight are killed, 14 are injured
    and two missing": "killed" a complement of "injured")."""
    return (verb.dep_ == "ccomp" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN"
            and not any(c.dep_ == "mark" for c in verb.children))


def _causes(verb: Any) -> list[Any]:
    """The nouns an act happened in, by or during, its coordinated verbs' too ("eight are killed and 14 injured
    during floods": the floods are the cause of both), with their coordinated nouns ("an explosion and fire")."""
    causes = [p for v in coordinated(verb) for c in v.children
              if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by", "during"}
              for p in c.children if p.dep_ == "pobj"]
    causes += [q for p in causes if p.lower_ in PART_WORDS for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
               for q in c.children if q.dep_ == "pobj"]  # "in some of the heaviest rainfall"
    return causes + [c for p in causes for c in p.children if c.dep_ == "conj"]


def mishap(verb: Any, subject: tuple[Any, ...]) -> bool:
    """The act's subject or cause is a disaster or an accident: "a bus crash killed 12", "killed in a flood",
    "Hurricane Tomas lashes the islands", "killed in a flood and landslide"."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    if not heads and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp"}:
        heads = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "a volcano erupts, killing 11 climbers"
    heads += [c for h in heads for c in h.children if c.dep_ == "compound"]  # "Hurricane Tomas"
    causes = _causes(verb)
    # "a tourist injured in the crash dies from her injuries": the cause of the subject's own participle
    causes += [p for h in heads for a in h.children if a.dep_ == "acl" for p in _causes(a)]
    if any(_word(t) in MISHAP_NOUNS and not _figure(t) for t in [*heads, *causes]):
        return True
    if any(_word(t) in ANIMAL_NOUNS for c in [*heads, *causes] for t in [c, *c.children] if t.pos_ == "NOUN"):
        return True  # "killed in a shark attack", "mauled by a bear"
    return _disaster_before(heads)


def _disaster_before(heads: list[Any]) -> bool:
    """The subject is "it", and the sentence before names a disaster and no attack: "... as a result of Typhoon
    Durian. It had earlier killed over 550 people in the Philippines"."""
    if not any(t.lower_ in THING_PRONOUNS and t.dep_ in {"nsubj", "poss"} for t in heads):
        return False
    sent = heads[0].sent
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    if any(_hostile(t) for t in [*before, *sent]):
        return False
    return any(_word(t) in MISHAP_NOUNS and not _figure(t) for t in before)


def no_doer(subject: tuple[Any, ...]) -> bool:
    """The clause's subject is a count or a disaster, not a doer, whatever the act: "the death toll from the heat
    wave passes 1,800", "flash flooding claims two victims", "Wildfires in Attica kill 76"."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    heads += [c for h in heads for c in h.children if c.dep_ in {"compound", "conj"}]
    if any(_word(t) in COUNT_NOUNS and t.dep_ in {"nsubj", "nsubjpass"} for t in heads):
        return True
    return any(_word(t) in MISHAP_NOUNS and not _figure(t) for t in heads)


def _word(tok: Any) -> str:
    """A noun's lemma; a capitalised plural the tagger left whole as a proper noun ("Wildfires") in the singular."""
    lemma = str(tok.lemma_.lower())
    if tok.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in MISHAP_NOUNS:
        return lemma[:-1]
    return lemma


def _after_causes(verb: Any) -> list[Any]:
    """What an act followed, as its cause: "killed after a fire at a mine", "the storm ... after killing 17 people"
    (the subject of the clause the act's "after" hangs from)."""
    causes = [p for v in coordinated(verb) for c in v.children if c.dep_ == "prep" and c.lower_ in AFTER_PREPS
              for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ == "pcomp" and verb.head.lower_ in AFTER_PREPS:
        causes += [c for c in verb.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return causes + [c for p in causes for c in p.children if c.dep_ in {"compound", "conj"}]


def _figure(noun: Any) -> bool:
    """A disaster word said of weapons: "a rain of mortar shells", "a storm of rockets" is an attack."""
    of = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    return any(t.lemma_.lower() in HOSTILE_WORDS or t.lemma_.lower() in {"bullet", "fire", "mortar", "artillery"}
               for t in of)


def accident(verb: Any, subject: tuple[Any, ...], index: MentionIndex) -> bool:
    """Harm nobody meant: "accidentally detonates a grenade", "injured in a chemical plant explosion", "killed
    when a bus falls off a bridge"; a blast or a vehicle in a sentence that names an attack is no accident."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    causes = _causes(verb)
    if any(t.lower_ in ACCIDENT_ADVERBS for v in (verb, verb.head) for t in v.children):
        return True
    if any(c.dep_ == "amod" and c.lower_ in ACCIDENT_ADJECTIVES for t in [*heads, *causes] for c in t.children):
        return True  # "killed in an accidental shooting at a base"
    sent = verb.sent
    if any(_hostile(t) for t in sent):
        return False
    weapons = index.weapons(sent)
    if weapons:  # a crewed aircraft that crashes had an accident; any other weapon names an attack
        return all(w.attr("class") in AIRCRAFT_CLASSES for w in weapons) and crashed(sent)
    if crashed(sent):
        return True
    after = _after_causes(verb)
    blasts = [t for t in [*heads, *causes, *after] if t.lemma_.lower() in BLAST_NOUNS]
    if any(m.lemma_.lower() in WORKS_NOUNS for b in blasts for m in b.subtree):
        return True
    if any(t.lemma_.lower() in FIRE_NOUNS for t in [*heads, *causes, *after]):
        return True  # "a fire at a nightclub kills 27": a fire with no attack named
    if any(_word(t) in MISHAP_NOUNS and not _figure(t) for t in after):
        return True  # "killed after heavy floods", "the storm arrived after killing 17"
    return any(_verb_word(t) in VEHICLE_MISHAP_VERBS and any(s.lemma_.lower() in VEHICLE_NOUNS for s in _subject_of(t))
               or _verb_word(t) in COLLAPSE_VERBS and any(s.lemma_.lower() in STRUCTURE_NOUNS for s in _subject_of(t))
               for t in sent)


def _verb_word(tok: Any) -> str:
    """The verb a token is, or "": a headline verb the tagger read as a noun ("a train collides") counts."""
    if tok.pos_ == "VERB":
        return str(tok.lemma_.lower())
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.lower_.endswith("s"):
        return str(tok.lower_[:-2] if tok.lower_.endswith("es") and tok.lower_[:-2] in VEHICLE_MISHAP_VERBS
                   else tok.lower_[:-1])
    return ""


def _subject_of(verb: Any) -> list[Any]:
    """The head nouns of a verb's subject, a conjoined verb sharing its subject with the first ("veers off the
    runway and catches fire")."""
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj and verb.pos_ == "NOUN":  # "a passenger train collides", the verb read as a noun
        subj = [c for c in verb.children if c.dep_ == "compound"]
    if not subj and verb.dep_ == "conj":
        subj = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subj


def _hostile(tok: Any) -> bool:
    """A word of a deliberate attack; "mine" only when no mining word names a pit ("a coal mine", "20 miners")."""
    lemma = tok.lemma_.lower()
    if lemma not in HOSTILE_WORDS:
        return False
    if lemma == "mine":
        return not any(t.lemma_.lower() in MINING_WORDS for t in tok.sent)
    if lemma == "bomber" and tok.i > tok.sent.start:
        return not _craft(tok.nbor(-1))  # "an Su-34 bomber", "a B-52 bomber" is an aircraft
    return True


def _verb_forms(tok: Any) -> set[str]:
    """The verbs a word may be, read off its form as well as its lemma: "collide", "overturns", "bursts", "sank"."""
    word = tok.lower_
    forms = {tok.lemma_.lower(), word, IRREGULAR_FORMS.get(word, word)}
    for ending in ("s", "es", "d", "ed", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            forms |= {stem, stem + "e"}
        if word.endswith(ending) and len(word) > len(ending) + 3 and word[-len(ending) - 1] == word[-len(ending) - 2]:
            forms.add(word[:-len(ending) - 1])  # "flipped", "skidding"
    return forms


def _craft(tok: Any) -> bool:
    """A word naming a vehicle or an aircraft: "bus", "ferry", "a Boeing 737", "an Su-34"."""
    word = tok.lower_
    return (tok.lemma_.lower() in VEHICLE_NOUNS or word in VEHICLE_NOUNS or word in AIRCRAFT_MAKERS
            or word.split("-")[0] in AIRCRAFT_MAKERS or bool(AIRCRAFT_CODE.match(word)))


def crashed(sent: Any) -> bool:
    """The sentence tells of a vehicle's accident or a structure's failure, read off the order of its words (a
    craft named, then within a few words what it did): "two trains collide near Larissa", "a Boeing 737 operated
    by a local airline crashes", "a fuel tanker overturns and explodes", "a gold mine collapses". The small
    parser often reads a headline's verb as a noun, so the words are read whatever their tags."""
    toks = [t for t in sent if not t.is_punct]
    for n, tok in enumerate(toks):
        craft = _craft(tok)
        structure = tok.lemma_.lower() in STRUCTURE_NOUNS or tok.lower_ in {"mine", "pit", "shaft", "quarry"}
        fuel = tok.lemma_.lower() in FUEL_WORDS
        if not (craft or structure or fuel):
            continue
        for later in toks[n + 1:n + 1 + CRASH_WINDOW]:
            forms = _verb_forms(later)
            if later.pos_ in {"ADJ", "ADP", "DET"}:
                continue
            if craft and forms & CRASH_VERBS:
                return True
            if later.i > 0 and later.nbor(-1).lemma_ == "be" and later.tag_ == "VBN":
                continue  # "a patrol ship was sunk", "a train was derailed": someone did it
            if structure and forms & (COLLAPSE_VERBS - {"give"}):
                return True
            if (fuel or craft) and forms & BLAST_VERBS and any(t.lemma_.lower() in FUEL_WORDS
                                                                for t in toks[max(n - 3, 0):n + 1]):
                return True
    return False
