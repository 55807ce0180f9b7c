"""Word lists and codes the event coder reads clauses by (each list says what it is for)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

# Verbs of permission: the party allowed to act is what they concern ("allowed the opposition leader to rally").
PERMISSION_VERBS = frozenset({"allow", "permit", "let", "authorize", "authorise"})
# Verbs that hand weapons or permission over: with a weapon in the clause they code as military aid.
TRANSFER_VERBS = (PERMISSION_VERBS - {"let"}) | {"approve", "greenlight", "clear", "supply", "provide", "send",
                                                 "deliver", "give", "transfer", "ship", "pledge"}
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
# Appeals, demands, disapproval, rejection and threats: their object is what they are about.
SPEECH_ACT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# Verbs whose complement names the act itself ("agreed to cooperate"): the head codes the event.
GOVERNING_ROOTS = SPEECH_ACT_ROOTS | {"03", "05"}
# Verbal and cooperative roots (CAMEO 01-05): a statement, appeal, promise, meeting or praise addressed to the press.
SPEECH_ROOTS = frozenset({"01", "02", "03", "04", "05"})
# Verbs that carry a noun event as their object: "launched an attack", "mounted an invasion".
LIGHT_VERBS = frozenset({"launch", "mount", "carry", "conduct", "stage", "begin", "start", "hold", "wage",
                         "step", "ramp", "continue", "resume", "make", "unleash", "intensify", "escalate",
                         "impose", "announce", "order", "call", "organize", "organise", "declare", "end",
                         "complete", "express", "voice", "lodge", "issue", "file", "extend", "renew", "reiterate",
                         "reaffirm", "open", "undertake", "initiate", "deliver", "give", "submit", "offer", "tighten",
                         "use", "employ", "enforce"})
# Acts between the members of a compound subject ("A and B agreed", "A and B clashed"); other acts of a
# compound subject are each member's own ("Egypt and Jordan condemned the attack").
# The peaceful ones are what the parties of a meeting do with each other ("the leaders agreed", "discussed").
ACCORD_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
MUTUAL_TYPES = ACCORD_TYPES | {"ASSAULT"}
# Verbs whose compound subject acts on itself whatever the type: "Japan and China have been disputing the
# islands", "China and Malaysia are disagreeing".
# Verbs of a two-sided fight: "A clashed with B" is also B fighting A (PLOVER codes both directions).
CLASH_VERBS = frozenset({"clash", "fight", "battle", "skirmish"})
# Nouns of a two-sided fight: "clashes between A and B" is A fighting B and B fighting A.
CLASH_NOUNS = (CLASH_VERBS - {"fight"}) | {"fighting", "gunfight", "firefight", "violence", "confrontation"}
SYMMETRIC_VERBS = (CLASH_VERBS - {"skirmish"}) | {"dispute", "disagree", "quarrel", "feud", "spar", "bicker",
                                                  "wrangle", "argue", "differ", "compete", "trade"}
# A conversation or negotiation has two parties, each consulting the other (PLOVER codes both directions).
TELEPHONE_WORDS = frozenset({"telephone", "phone"})
CONVERSATION_VERBS = TELEPHONE_WORDS | {"talk", "converse", "negotiate"}  # not "confer" (an honour)
# Words of a call's medium: "spoke by phone with", "in a telephone call".
CALL_WORDS = TELEPHONE_WORDS | {"call"}
CONVERSATION_NOUNS = frozenset({"talk", "talks", "conversation", "negotiation", "negotiations", "call"})
# Verbs of a crowd coming together.
CROWD_VERBS = frozenset({"gather", "mass", "rally"})
# Verbs of gathering whose "for" object is the event the crowd came for ("converged for a rally").
GATHER_VERBS = CROWD_VERBS | {"converge", "assemble", "congregate", "turn"}
# Verbs of a demonstration that mean something else with a direct object or a clause ("rallied support",
# "demonstrated why he is the right person").
GATHERING_VERBS = CROWD_VERBS | {"march", "parade", "demonstrate"}
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
# Verbs of asking whose demand is a clause of its own, "for" + subject + "to" ("called for Iran to free them").
FOR_DEMAND_VERBS = frozenset({"call", "appeal", "press", "push", "plead", "ask", "lobby"})
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
# What one party asks of another: the demand a refusal meets, or the pressure it is made despite.
REQUEST_NOUNS = frozenset({"demand", "request", "call", "appeal", "plea"})
DEMAND_NOUNS = REQUEST_NOUNS | {"condition", "ultimatum", "offer", "proposal", "plan", "invitation", "term",
                                "deadline"}
# CAMEO 11 (disapprove, criticize, accuse) needs someone disapproved of; without a target it is a statement.
DISAPPROVE_ROOT = "11"
# What a refusal can be made "despite": the demand it rejects names its target.
PRESSURE_NOUNS = REQUEST_NOUNS | {"pressure", "urging", "warning"}
# Quantity and partitive heads whose "of" phrase names the object: "part of the aid", "dozens of diplomats".
PARTITIVES = frozenset({"part", "some", "all", "most", "much", "many", "half", "rest", "portion", "bulk",
                        "majority", "number", "share", "dozen", "dozens", "hundred", "hundreds", "thousand",
                        "thousands", "one", "two", "three", "several", "remainder"})
# Acts between states and their agents: private people ("Chinese tourists visited Vietnam", "Somalis arrived in
# Kenya") who travel, join or help make no consultation, agreement, cooperation, support or aid of their country.
STATECRAFT_TYPES = ACCORD_TYPES | {"AID"}
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
# Nouns of time: a preposition governing one times the act ("for the first time", "over the weekend").
TIME_NOUNS = frozenset({"time", "second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
                        "decade", "morning", "evening", "afternoon"})
NUCLEAR_WORDS = frozenset({"nuclear", "atomic"})
MILITARY_WORDS = frozenset({"strike", "attack", "military", "force", "war", "involvement", "response",
                            "missile", "missiles", "retaliate", "retaliation", "troops", "destroy"})

# What two sides reach or sign together: "Hamas reached a truce with Israel" is Israel's agreement too.
ACCORD_NOUNS = frozenset({"truce", "ceasefire", "armistice", "deal", "agreement", "accord", "pact", "treaty"})
# Verbs by which an event noun happens: "protests erupted in Tehran", "a general strike starts in Guinea".
INCHOATIVE_VERBS = frozenset({"start", "begin", "erupt", "break", "continue", "spread", "resume", "flare", "escalate",
                              "intensify", "rage", "enter", "occur", "grip", "sweep", "hit", "paralyse", "paralyze"})
# Verbs by which a body adopts a text.
ADOPTING_VERBS = frozenset({"approve", "adopt", "pass", "endorse", "issue", "publish", "sign"})
# Prepositions that name the cause of a killing: "killed in airstrikes", "injured during shelling by X".
CAUSE_PREPS = frozenset({"in", "during", "by", "with", "from"})
# Addressees that are the press: what an official says to them is a statement, not an act towards anyone.
PRESS_NOUNS = frozenset({"journalist", "reporter", "press", "correspondent", "media", "newsman", "audience"})
# Nouns of a device that is itself the subject of a bombing: "a bomb goes off in a market", "a car bomb exploded".
EXPLOSIVE_NOUNS = frozenset({"bomb", "explosive", "device", "ied", "mine", "landmine", "grenade", "shell", "rocket",
                             "missile", "bomber"})
# Nouns of a plural subject that stands for the parties of a meeting: "the leaders", "the heads of state".
PARTY_NOUNS = frozenset({"leader", "side", "party", "president", "head", "minister", "official", "delegation",
                         "counterpart", "participant", "premier", "chancellor", "interlocutor", "delegate"})


@lru_cache(maxsize=1)
def _event_nouns() -> dict[str, str]:
    text = resources.files("redline").joinpath("data/event_nouns.csv").read_text("utf-8")
    return {row["noun"]: row["cameo"] for row in csv.DictReader(text.splitlines())}

