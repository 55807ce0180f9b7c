"""The word classes of the threat rules (``redline.assess.threat_rules``): lemmas of response, promise, reporting
and office words, set phrases (``redline/data/threat_idioms.csv``), each a frozenset or tuple the rules key on."""

import re

from redline.nlp.places import read_data

# Verbs of a promised coercive act; with the issuer as subject and a future modal they make a threat.
RESPONSE_VERBS = frozenset({
    "respond", "retaliate", "react", "hit", "strike", "destroy", "annihilate", "neutralize", "neutralise",
    "punish", "restrict", "cut", "impose", "sanction", "escalate", "attack", "avenge", "defend",
    "eliminate", "crush", "shut", "halt", "expel", "target", "spare", "eat", "veto", "block", "close", "kill",
    "behead", "resume", "burn", "launch", "fire", "bomb", "invade", "break", "end", "review", "ban", "report",
    "withdraw", "suspend", "reimpose", "recall", "downgrade", "boycott", "seize", "mobilize", "mobilise", "deploy",
    "station", "quit", "exit", "trigger", "nationalize", "confiscate", "sever",
})
RESPONSE_NOUNS = frozenset({"destruction", "consequences", "consequence", "action", "response", "retaliation", "blow",
                            "retribution",
                            "measures", "countermeasures", "steps", "war", "catastrophe", "sanctions", "punishment",
                            "force"})
# Nouns a threat names as its act ("threatens X with a strike", "threatens sanctions").
PUNITIVE_NOUNS = RESPONSE_NOUNS | frozenset({"strike", "strikes", "attack", "attacks", "bombings", "bombing",
                                             "tariffs", "tariff", "ban", "bans", "embargo", "restrictions",
                                             "invasion", "suit", "action", "visa", "expulsion", "intervention",
                                             "arrest", "prosecution", "reprisals", "reprisal", "closure"})
# Heads of a subject that can issue a threat when no gazetteer mention covers it.
AGENT_NOUNS = frozenset({"government", "ministry", "military", "army", "forces", "group", "militants",
                         "rebels", "demonstrators", "protesters", "president", "minister", "leader", "commander",
                         "spokesman", "spokeswoman", "spokesperson", "kremlin", "cartel", "statement", "official",
                         "officials", "regime", "guards", "navy", "diplomat", "supporters", "administration",
                         "secretary", "chief", "gunmen", "insurgents", "council", "bloc", "union"})
PERSON_NOUN = re.compile(r"(ers?|ors?|ists?|ants|ians?)$")  # kidnappers, separatists, militants: people who act
ISSUER_PRONOUNS = frozenset({"we", "i", "it", "they", "he", "she"})
DOCTRINE_VERBS = frozenset({"approve", "sign", "update", "revise", "change", "amend", "lower", "expand",
                            "broaden", "adopt", "unveil", "publish"})
# Acts that are hostile whatever their object: a vow or pledge to do one is a threat.
HOSTILE_VERBS = frozenset({"retaliate", "avenge", "strike", "destroy", "punish", "respond", "attack", "annihilate",
                           "crush", "eliminate", "hit", "bomb", "invade", "neutralize", "neutralise", "behead", "kill",
                           "hunt"})
VENGEANCE = frozenset({"vengeance", "revenge", "retaliation", "retribution", "action", "response"})
PROMISE_VERBS = frozenset({"vow", "promise", "pledge", "swear"})
LEAD_VERBS = frozenset({"lead", "result", "mean", "provoke", "trigger", "cause", "draw"})
BENIGN_OBJECTS = frozenset({"challenge", "question", "need", "concern", "call", "request", "crisis", "epidemic",
                            "pandemic", "demand", "letter", "invitation", "inquiry", "query", "comment", "disaster"})
# Measures or steps taken with or for others, or against a danger, not against a party: "joint measures",
# "preventive measures to ensure that none of the athletes use doping".
BENIGN_MEASURES = frozenset({"joint", "preventive", "preventative", "precautionary", "protective", "sanitary",
                             "quarantine", "support", "relief", "stimulus", "humanitarian", "safety", "health"})
HEDGES = frozenset({"likely", "may", "might", "could", "possibly", "perhaps"})
# Set phrases that threaten without a response verb (redline/data/threat_idioms.csv): who the clause's subject is
# (``self``: the issuer, "we will not sit idly by"; ``target``: the threatened, "they will pay a heavy price";
# ``event``: the act to be answered, "this attack will not go unanswered") and whether the phrase threatens only
# when negated.
IDIOMS = tuple((tuple(r["phrase"].split()), r["role"], r["negation"]) for r in read_data("threat_idioms.csv"))
FILLER = frozenset({"a", "an", "the", "it"})
# Time given to meet a demand: "gave the rebels 48 hours to ...", "a deadline of Friday to ...".
SPANS_OF_TIME = frozenset({"hour", "day", "week", "month", "minute", "deadline", "ultimatum"})
THRESHOLDS = frozenset({"threshold", "bar"})
# Makers of attacks other than the issuer: a warning of their attacks is an advisory, not a threat.
THIRD_PARTY = frozenset({"terror", "terrorist", "militant", "insurgent", "jihadist", "extremist", "criminal"})
# People a threat may be aimed at when the parse names no act ("militants threatened candidates").
PEOPLE = frozenset({"candidate", "voter", "journalist", "resident", "civilian", "villager", "official", "judge",
                    "witness", "neighbour", "neighbor", "country", "state", "minority", "critic", "opponent",
                    "diplomat", "worker", "student", "teacher", "activist", "reporter", "family", "leader"})
# Penalties a warning may promise to those who act ("could be charged"), and consequences it may call dire.
PENALTIES = frozenset({"charge", "prosecute", "arrest", "punish", "sanction", "jail", "imprison", "expel", "target",
                       "shoot", "detain", "fine", "ban"})
# Nouns of an effect that something has, good or bad: "would have an impact on the public", "should have a positive
# effect": what an act or a measure brings about is a forecast, not a coercive act (the act a threat promises is done).
EFFECT_NOUNS = frozenset({"impact", "impacts", "effect", "effects", "influence", "implications", "bearing"})
DIRE = frozenset({"catastrophic", "disastrous", "devastating", "catastrophe", "disaster", "fatal", "suicidal"})
DOCUMENTS = frozenset({"resolution", "statement", "letter", "message", "decree", "communique", "declaration",
                       "note", "video", "post", "document"})
# Subordinators that make a clause on a threatened act its condition ("will use force when Taiwan declares
# independence", "once they cross the line", "until the United States ends its policy").
CONDITIONS = frozenset({"if", "unless", "once", "when", "whenever", "until"})
# What "use" takes to be a coercive act ("will use force", "ready to use nuclear weapons").
ARMS = frozenset({"force", "weapon", "missile", "bomb", "arm", "army", "military"})
# Act verbs as often a plan of one's own as a response ("will launch production", "will review the proposals",
# "will impose a lockdown", "will close the plant", "will end the program"): with no condition, a response only when
# aimed at someone (``threat_commitments._aimed``).
OPEN_ACTS = frozenset({"launch", "review", "report", "resume", "ban", "impose", "break", "cut", "seize", "suspend",
                       "close", "end", "shut"})
# What such an act is aimed at when no party is named: a hostile act or arms, or ties with another.
AIMED_NOUNS = PUNITIVE_NOUNS | ARMS | frozenset({"operation", "offensive", "test", "testing", "hostility", "fighting",
                                                 "relation", "relations", "tie", "ties", "ceasefire", "truce"})
# Verbs that report what someone says.
REPORTING = frozenset({"say", "tell", "warn", "state", "add", "declare", "announce", "write", "insist", "stress",
                       "caution", "reiterate", "confirm", "note", "signal", "emphasize", "emphasise", "assert"})
# Words of an office's name that name no state ("the Foreign Ministry", "the Defence Ministry press office").
OFFICE_WORDS = frozenset({"the", "foreign", "defence", "defense", "interior", "ministry", "ministries", "office",
                          "press", "service", "of", "affairs", "department", "national", "security", "council"})
# Who relays what a state says without speaking for one: "state media said North Korea would ...".
MEDIA_NOUNS = frozenset({"media", "agency", "newspaper", "broadcaster", "television", "radio", "outlet"})
OFFICE_NOUNS = frozenset({"ministry", "spokesman", "spokeswoman", "spokesperson", "official", "government", "general",
                          "commander", "minister", "embassy", "military", "army", "office", "presidency", "statement"})
# Verbs that pass a future modal on to the act they govern: "will be forced to / will have to take measures".
OBLIGING = frozenset({"force", "compel", "oblige", "have", "need"})
# Verbs that declare what "any X" will be taken for ("would become legitimate targets", "be regarded as a declaration
# of war").
DESIGNATING = frozenset({"become", "be", "regard", "consider", "treat", "view", "see", "deem"})
# Verbs of defending something from an act: the act it is defended from is the trigger.
DEFENDING = frozenset({"defend", "protect", "guard", "shield", "safeguard"})
# Verbs whose subject makes a threat or a vow ("a move that prompted China to threaten ...": China does).
THREATENING = frozenset({"threaten"}) | PROMISE_VERBS
