"""Natural disasters and accidents: what they kill or destroy is no political event (issue 10 item 2; the ACLED
codebook leaves them out; the real-news guide's must-not reasons ``disaster`` and ``accident``).

Pure functions of a clause's spaCy tokens, read by the status rules "mishap" and "accident"
(``redline.events.status``).
"""

from __future__ import annotations

from typing import Any

from redline.events.actors import MentionIndex

# Natural disasters and accidents: what they kill or destroy is no political event.
MISHAP_NOUNS = frozenset({"earthquake", "quake", "flood", "flooding", "storm", "hurricane", "cyclone", "typhoon",
                          "tornado", "tsunami", "landslide", "mudslide", "avalanche", "drought", "wildfire",
                          "blaze", "eruption", "heatwave", "crash", "accident", "collision", "derailment",
                          "stampede", "disease", "outbreak", "epidemic", "lightning", "famine", "rain", "rainfall",
                          "downpour", "rainstorm", "monsoon", "snow", "snowstorm", "blizzard", "hailstorm",
                          "sandstorm", "heat", "cold", "frost", "collapse"})
# Blasts and fires at a works are accidents unless the sentence names an attack: "a chemical plant explosion and
# fire"; a bare "explosion" in conflict news is as often a bombing, and stays an event.
BLAST_NOUNS = frozenset({"explosion", "fire", "blaze", "blast", "leak"})
FIRE_NOUNS = frozenset({"fire", "blaze", "inferno"})
WORKS_NOUNS = frozenset({"plant", "factory", "chemical", "gas", "fireworks", "firework", "warehouse", "boiler",
                         "pipeline", "refinery", "mill", "workshop", "depot", "kitchen", "cylinder"})
# Words of a deliberate attack: a sentence with one of them tells no accident ("a bomb explosion").
HOSTILE_WORDS = frozenset({"bomb", "bomber", "bombing", "attack", "attacker", "militant", "suicide", "rocket",
                           "missile", "shell", "shelling", "drone", "strike", "airstrike", "gunman", "gunmen",
                           "insurgent", "terrorist", "rebel", "grenade", "explosive", "ied", "sabotage", "arson",
                           "arsonist", "shoot", "gunfire", "ambush", "raid", "mine", "minefield", "landmine"})
# Vehicles, and what a vehicle does in an accident: "a bus falls off a bridge", "the aircraft veers off the
# runway and catches fire", "a car hit a group of people".
VEHICLE_NOUNS = frozenset({"bus", "minibus", "coach", "car", "truck", "lorry", "van", "train", "tram", "aircraft",
                           "plane", "airliner", "jet", "helicopter", "ferry", "boat", "ship", "vessel", "tanker",
                           "vehicle", "motorcycle"})
VEHICLE_MISHAP_VERBS = frozenset({"veer", "capsize", "derail", "sink", "overturn", "plunge", "collide", "crash",
                                  "fall", "skid", "hit", "strike", "catch", "topple", "roll", "run"})
# Structures that fail, and how: "a bridge collapsed in Genoa, killing 43".
STRUCTURE_NOUNS = frozenset({"bridge", "building", "dam", "roof", "tunnel", "wall", "stadium", "hotel", "school",
                             "block", "tower", "house", "apartment", "ceiling", "crane", "scaffolding", "stand"})
COLLAPSE_VERBS = frozenset({"collapse", "cave", "crumble", "burst", "give"})
# Adverbs of an act nobody meant: "accidentally detonates a grenade".
ACCIDENT_ADVERBS = frozenset({"accidentally", "accidently", "inadvertently", "unintentionally"})


def mishap(verb: Any, subject: tuple[Any, ...]) -> bool:
    """The act's subject or cause is a disaster or an accident: "a bus crash killed 12", "killed in a flood",
    "Hurricane Tomas lashes the islands", "killed in a flood and landslide"."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    heads += [c for h in heads for c in h.children if c.dep_ == "compound"]  # "Hurricane Tomas"
    causes = [p for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by", "during"}
              for p in c.children if p.dep_ == "pobj"]
    causes += [c for p in causes for c in p.children if c.dep_ == "conj"]  # "an explosion and fire"
    return any(t.lemma_.lower() in MISHAP_NOUNS and not _figure(t) for t in [*heads, *causes])


def _figure(noun: Any) -> bool:
    """A disaster word said of weapons: "a rain of mortar shells", "a storm of rockets" is an attack."""
    of = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    return any(t.lemma_.lower() in HOSTILE_WORDS or t.lemma_.lower() in {"bullet", "fire", "mortar", "artillery"}
               for t in of)


def accident(verb: Any, subject: tuple[Any, ...], index: MentionIndex) -> bool:
    """Harm nobody meant: "accidentally detonates a grenade", "injured in a chemical plant explosion", "killed
    when a bus falls off a bridge"; a blast or a vehicle in a sentence that names an attack is no accident."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    causes = [p for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by", "during"}
              for p in c.children if p.dep_ == "pobj"]
    causes += [c for p in causes for c in p.children if c.dep_ == "conj"]
    if any(t.lower_ in ACCIDENT_ADVERBS for v in (verb, verb.head) for t in v.children):
        return True
    sent = verb.sent
    if any(t.lemma_.lower() in HOSTILE_WORDS for t in sent) or index.weapons(sent):
        return False
    blasts = [t for t in [*heads, *causes] if t.lemma_.lower() in BLAST_NOUNS]
    if any(m.lemma_.lower() in WORKS_NOUNS for b in blasts for m in b.subtree):
        return True
    if any(t.lemma_.lower() in FIRE_NOUNS for t in [*heads, *causes]):
        return True  # "a fire at a nightclub kills 27": a fire with no attack named
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
