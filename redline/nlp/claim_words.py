"""The words of attributed claims (cue verbs, nouns of speakers and statements) and what a claim's speaker is
(an official, an expert, a witness ...) and its stance (threat, warning, denial ...): the word lists and
classifiers of ``redline.nlp.quotes``."""

from __future__ import annotations

import re
from typing import Any

from redline.models import Mention

CUE_VERBS = frozenset({
    "say", "tell", "warn", "threaten", "note", "state", "claim", "add", "argue", "vow", "pledge", "insist",
    "announce", "declare", "accuse", "deny", "write", "report", "believe", "suggest", "caution", "stress",
    "emphasize", "emphasise", "urge", "confirm", "predict", "estimate", "assess", "conclude", "promise",
    "reiterate", "allege", "acknowledge", "admit", "explain", "observe", "contend", "signal", "condemn",
    "criticize", "call", "demand", "hail", "describe", "recall", "indicate", "maintain", "assert",
    "tweet", "post", "dismiss", "reject", "rebuff", "communicate", "convey", "blame", "welcome", "express",
    "denounce", "decry", "slam", "praise", "brand", "label", "ask", "request", "appeal", "propose", "recommend",
    "advise", "hope", "expect", "fear", "think", "apologize", "apologise", "question", "inform", "notify",
    "brief", "assure", "reassure", "remind", "disclose", "rule", "agree", "concede", "complain", "lament", "protest",
    "guarantee", "proclaim", "affirm", "forecast", "reply", "retort", "respond", "counter", "defend", "justify",
    "plead", "implore", "criticise", "reaffirm", "underline", "underscore", "remark", "comment", "answer", "recount",
    "mention", "repeat", "hint", "swear", "clarify", "speculate", "charge", "boast", "voice",
})
# Cue verbs whose object, however short, is what they speak of ("condemns the attack", "claims responsibility",
# "expresses concern"); other cues need a longer object to say something ("told reporters" says nothing).
OBJECT_CUES = frozenset({"condemn", "deny", "reject", "dismiss", "rebuff", "accuse", "criticize", "criticise",
                         "claim", "blame", "express", "voice", "denounce", "decry", "slam",
                         "brand", "label", "describe", "threaten", "announce", "confirm", "acknowledge", "admit", "ask",
                         "request", "propose"})
EXPERT_WORDS = frozenset({"expert", "experts", "analyst", "analysts", "researcher", "researchers", "professor",
                          "scholar", "scholars", "economist", "fellow", "specialist", "observers", "institute"})
OFFICIAL_WORDS = frozenset({"official", "officials", "minister", "ministry", "spokesman", "spokeswoman",
                            "spokesperson", "president", "prime", "government", "military", "army", "commander",
                            "envoy", "ambassador", "diplomat", "diplomats", "secretary", "chief", "general",
                            "kremlin", "pentagon", "authorities", "governor", "mayor", "police", "spokesmen",
                            "lawmaker", "lawmakers", "legislator", "senator", "parliamentarian", "mp", "adviser",
                            "advisor"})
WITNESS_WORDS = frozenset({"witness", "witnesses", "eyewitness", "eyewitnesses", "resident", "residents",
                           "survivor", "survivors", "passenger", "passengers", "villagers", "parent", "parents"})
# Activists and campaigners speak as private persons, whatever office they hold in their own groups.
ACTIVIST_WORDS = frozenset({"activist", "activists", "campaigner", "campaigners", "advocate", "advocates"})
MEDIA_WORDS = frozenset({"newspaper", "agency", "media", "outlet", "broadcaster", "television", "tv", "reports"})
THREAT_WORDS = frozenset({"retaliate", "retaliation", "response", "respond", "consequences", "punish", "strike",
                          "destroy", "war", "escalation", "escalate", "involvement", "attack", "nuclear"})
# Cues any speaker can use, a thing too ("the report says", "it said").
SPEECH = frozenset({"say", "tell", "add", "write", "state", "tweet", "post", "report", "announce", "declare",
                    "read", "note", "reveal", "show", "find", "conclude", "estimate", "predict", "indicate"})
# Inquiries whose findings are attributed statements ("an FBI investigation found that ...").
FINDINGS = frozenset({"investigation", "inquiry", "probe", "study", "report", "review", "audit", "survey",
                      "analysis", "assessment", "commission", "panel", "cable", "document"})
# Statements named as nouns ("issued a warning that ...") and the verbs that carry them.
CUE_NOUNS = {"warning": "warn", "threat": "threaten", "pledge": "pledge", "promise": "promise", "vow": "vow",
             "ultimatum": "threaten", "call": "call", "appeal": "urge", "demand": "demand", "assurance": "promise",
             "denial": "deny", "accusation": "accuse"}
CARRIER_VERBS = frozenset({"issue", "contain", "give", "deliver", "send", "make", "repeat", "voice", "include",
                           "reiterate", "renew", "sound", "post", "publish", "release", "serve", "present", "hand"})
# What a speaker issues, releases or posts that then "says" something: its issuer is the speaker.
STATEMENT_NOUNS = frozenset({"statement", "letter", "message", "post", "video", "address", "note", "communique",
                             "declaration", "warning", "tweet", "communiqué", "report", "speech", "notice",
                             "resolution", "document", "decree"})
# Cue verbs with a sense that says nothing, told by their object: "maintain dialogue", "counter ransomware",
# "dismissed the chief of staff", "dismissed the case", "defend itself", "defends his title". What each must have
# to say something, besides a clause or a quotation: an object among the words it names.
SAID_OBJECTS = {
    "maintain": frozenset({"innocence", "position", "stance", "view", "claim", "line", "silence", "denial"}),
    "counter": frozenset({"claim", "argument", "narrative", "criticism", "accusation", "allegation", "charge",
                          "assertion", "statement", "report", "suggestion", "propaganda", "disinformation"}),
}
# Objects after which "dismiss", "defend" or "claim" do not speak: an office holder or a case dismissed; a title, a
# place, a people or what they hold dear defended ("defend their freedom", "defending our allies"); a prize won, a
# sum paid out or a life taken claimed ("claimed his third title", "claiming expenses", "claimed 30 lives").
UNSAID_OBJECTS = {
    "dismiss": frozenset({"case", "lawsuit", "suit", "appeal", "petition", "complaint", "chief", "head", "director",
                          "commander", "governor", "minister", "official", "officer", "judge", "cabinet",
                          "government", "general", "staff", "employee", "worker", "coach"}),
    "defend": frozenset({"itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself", "title",
                         "crown", "seat", "championship", "territory", "country", "border", "homeland", "airspace",
                         "city", "town", "capital", "position", "freedom", "liberty", "democracy", "sovereignty",
                         "independence", "nation", "people", "citizen", "civilian", "population", "ally", "partner",
                         "home", "family", "child", "order", "right", "value", "interest", "way", "integrity",
                         "land", "soil", "space", "water", "coast", "base", "embassy", "community", "region"}),
    "claim": frozenset({"life", "lives", "title", "crown", "throne", "seat", "medal", "prize", "trophy", "cup",
                        "championship", "gold", "silver", "bronze", "win", "expense", "benefit", "refund",
                        "allowance", "compensation", "victim"}),
}
# What an act follows, not who says something: "going according to plan", "according to accounting standards".
NORMS = frozenset({"plan", "schedule", "timetable", "standard", "rule", "procedure", "norm", "tradition", "custom",
                   "protocol", "practice", "script", "principle", "regulation", "guideline"})
# Endings of abstract nouns, which name no one who could speak ("action", "disunity", "escalation", "agreement").
ABSTRACT = re.compile(r"(tion|sion|ment|ity|ness|ism|ance|ence|ure|ship|dom|age|ing)$")
# Nouns of those who speak, beside names and nouns of people ("protesters", "officials"): a cue other than
# "say" with another noun as its subject is no statement ("Coordinated action promised to strengthen ...").
SAYERS = OFFICIAL_WORDS | EXPERT_WORDS | WITNESS_WORDS | ACTIVIST_WORDS | MEDIA_WORDS | STATEMENT_NOUNS | FINDINGS | \
    frozenset({"group", "government", "country", "state", "side", "party", "union", "council", "court", "coalition",
               "alliance", "bloc", "regime", "administration", "movement", "organization", "organisation", "office",
               "committee", "board", "company", "family", "leader", "leadership", "president", "parliament",
               "cabinet", "nation", "community", "force", "forces", "militia", "junta", "kingdom", "republic",
               "embassy", "consulate", "head", "chief", "man", "woman", "mother", "father", "source", "sources",
               "prosecutor", "prosecutors", "judge", "guard", "guards", "navy", "authority", "team",
               "opposition", "delegation", "federation", "confederation", "association", "foundation", "mission"})
# Coercive words that make a conditional promise a threat ("if X, I will shut the electricity off").
COERCIVE_WORDS = THREAT_WORDS | frozenset({"tariff", "tariffs", "sanction", "sanctions", "embargo", "shut",
                                           "cut", "halt", "expel", "ban", "punishment", "hesitate"})
CONDITION_RE = re.compile(r"\b(if|unless)\b[^.;]*?,?\s*(?:\w+\s+){0,3}(will|would|shall)\b", re.I)


def speaker_titles(doc: Any, mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Speaker type of each person from the title they are introduced with ("lawmaker Dahir Jesow",
    "Kabiru Adamu, a security analyst"), so that a later bare "Jesow said" keeps it."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.type != "PERSON" or m.canonical in found:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        words = {t.lower_ for t in root.subtree if t.dep_ in {"compound", "amod", "nmod"} or t.head == root}
        words |= {t.lower_ for c in root.children if c.dep_ == "appos" for t in c.subtree}
        if root.dep_ == "appos":
            words |= {t.lower_ for t in root.head.subtree if t.i < span.start or t.head == root.head}
        if words & ACTIVIST_WORDS:
            continue
        stype = "official" if words & OFFICIAL_WORDS - {"military"} else speaker_type(words, [m], None)
        if stype != "unknown":
            found[m.canonical] = stype
    return found



def speaker_type(words: set[str], inside: list[Mention], person: Mention | None) -> str:
    kinds = {m.attr("kind") for m in inside}
    if words & EXPERT_WORDS or "expert_body" in kinds:
        return "expert"
    if "media" in kinds or words & MEDIA_WORDS:
        return "media"
    if words & WITNESS_WORDS:
        return "witness"
    if words & ACTIVIST_WORDS:
        return "unknown"
    if (person is not None and person.attr("role")) or words & OFFICIAL_WORDS or kinds & {
            "government", "military"}:
        return "official"
    if kinds & {"igo", "ngo", "armed_group", "state"}:
        return "organization"
    if person is not None:
        return "official" if person.code else "unknown"
    return "unknown"


def stance(cue: str, content: str, speaker_type: str) -> str:
    words = set(content.lower().replace(",", " ").split())
    if cue == "threaten" or (cue == "warn" and words & THREAT_WORDS):
        return "threat"
    if cue == "vow" and words & (COERCIVE_WORDS | {"avenge", "revenge", "vengeance", "crush", "kill"}):
        return "threat"  # "vowed to retaliate"; "vowed not to return the Golan" is a refusal, not a threat
    if CONDITION_RE.search(content) and words & COERCIVE_WORDS and speaker_type in {"official", "organization"}:
        return "threat"  # a conditional commitment to coerce: "if the U.S. escalates, I will ..."
    if cue in {"warn", "caution"}:
        return "warning"
    if cue in {"deny", "reject", "dismiss", "rebuff"}:
        return "denial"
    if cue in {"urge", "call", "demand"}:
        return "appeal"
    if cue in {"accuse", "condemn", "criticize", "criticise", "blame", "denounce", "decry", "slam"}:
        return "accusation"
    if speaker_type == "expert":
        return "assessment"
    return "statement"
