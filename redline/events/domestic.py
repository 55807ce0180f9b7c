"""Acts of a polity on itself that event data leaves out (the status rules "office", "inquiry", "dismissal" and
"health measure", ``redline.events.status``; the real-news guide: "elections, appointments, resignations, domestic
legislation ... are not events").

- A plain yield with no one yielded to, in a sentence that names no party of another country: "the health
  minister resigns", "Malta legalises divorce", "the Senate passes a bill legalising same-sex marriage". CAMEO's
  YIELD (080) is a concession *to* someone; alone, it is an act of office or law at home.
- A vote or an election with no counterpart but the voters' own country: "Greeks go to the polls to vote",
  "Belgian lawmakers vote to extend euthanasia".
- "Fire" said of an office holder with no weapon and no one fired at: "two judges are fired", "the club fired its
  coach" is a dismissal, not a shooting.
- An investigation of no one, in a sentence that names no party of another country: "health officials are
  investigating an outbreak", "police investigate allegations of match fixing", "an inquiry into the death of X".
  CAMEO's INVESTIGATE (09) is done to a party; what it codes alone is an administrative act at home.
- A restriction told with an epidemic: "Romania imposes a nightly curfew as coronavirus cases rise", "China
  outlaws smoking in public places" is public health, no coercion of a party.

Pure functions of spaCy tokens and the article's mentions.
"""

from __future__ import annotations

from typing import Any

from redline.events.actors import MentionIndex, country, place_country

# CAMEO's YIELD (080), easing of administrative sanctions (081: "legalise") and accession to political reform or
# a change of leaders (083: "resign"); not a release, a withdrawal or a ceasefire (084-087), which stand alone.
YIELD_CODES = ("080", "081", "083")
# Verbs of voting and election: with no counterpart abroad, the vote is domestic politics.
VOTE_WORDS = frozenset({"vote", "elect", "poll", "ballot", "referendum", "legislate"})
# Office holders and staff, who are dismissed when they are "fired" ("two judges are fired").
OFFICE_HOLDERS = frozenset({"judge", "coach", "manager", "minister", "official", "chief", "director", "head",
                            "executive", "ceo", "editor", "employee", "staff", "worker", "prosecutor", "governor",
                            "secretary", "adviser", "advisor", "aide", "spokesman", "spokeswoman", "spokesperson",
                            "commissioner", "president", "chairman", "chairwoman", "general", "commander", "deputy",
                            "teacher", "player", "anchor", "presenter", "he", "she", "him", "her", "they", "them"})
# Prepositions of a shot's direction: "fired on protesters", "fired at the police" is shooting.
FIRING_PREPS = frozenset({"at", "on", "upon", "into", "toward", "towards"})
# Epidemics and public health: a restriction told with one of them protects health, it coerces no party.
HEALTH_WORDS = frozenset({"covid", "covid-19", "coronavirus", "pandemic", "epidemic", "virus", "infection",
                          "outbreak", "quarantine", "lockdown", "vaccine", "vaccination", "ebola", "flu", "influenza",
                          "measles", "cholera", "smoking", "tobacco", "disease", "sars", "mers", "mpox"})
# Verbs of a restriction imposed or extended, and the restrictions they impose ("imposes a curfew").
RESTRICTING_WORDS = frozenset({"impose", "reimpose", "ban", "outlaw", "close", "shut", "restrict", "extend",
                               "order", "declare", "introduce", "tighten", "enforce", "lock", "suspend", "bar",
                               "halt", "curfew", "lockdown", "restriction", "closure", "quarantine"})


def yield_alone(cameo: str, source: str | None, target: str | None, verb: Any, index: MentionIndex) -> bool:
    """A yield, an easing or an accession (CAMEO 080, 081, 083) with no target, in a sentence that names no party
    of another country than its doer: "the minister resigns", "Malta legalises divorce". "Gollum allowed that
    Mordor ..." names Mordor, and stays (the coder missed the link, not the counterpart)."""
    return cameo.startswith(YIELD_CODES) and target is None and not second_party(source, verb.sent, index)


def vote_at_home(cameo: str, lemma: str, source: str | None, target: str | None) -> bool:
    """An intent (CAMEO 03) that is a vote or an election, with no target or the voters' own country: "citizens of
    Greece go to the polls to vote", "Belgian lawmakers vote to extend euthanasia"."""
    return (cameo[:2] == "03" and lemma in VOTE_WORDS
            and (target is None or country(target) == country(source)))


def inquiry_alone(cameo: str, source: str | None, target: str | None, verb: Any, index: MentionIndex) -> bool:
    """An investigation (CAMEO 09) with no target, in a sentence that names no party of another country than its
    doer: "health officials are investigating an outbreak"; "a hearing into interrogation techniques used against
    Palestinian detainees" names the Palestinians, and stays."""
    return cameo[:2] == "09" and target is None and not second_party(source, verb.sent, index)


def second_party(source: str | None, tokens: Any, index: MentionIndex) -> bool:
    """Whether the tokens name an actor, a person or a place of another country than ``source``."""
    own = country(source)
    for m in index.mentions_in(list(tokens)):
        if m.type in {"ACTOR", "PERSON"} and m.code:
            other = country(index.localised(m))
        elif m.type == "PLACE":
            other = place_country(m)
        else:
            continue
        if other is not None and other != own:
            return True
    return False


def dismissal(verb: Any, index: MentionIndex) -> bool:
    """"Fire" said of office holders or named people, with no weapon in the sentence and no one fired at: "two
    judges are fired", "the club fired its coach"; "fired two rockets", "fired on protesters" stay shooting."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "fire" or index.weapons(verb.sent):
        return False
    if any(c.dep_ == "prep" and c.lower_ in FIRING_PREPS and not _when(c, index) for c in verb.children):
        return False  # "fired on protesters"; "fired his minister on Tuesday" is a dismissal
    patients = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return bool(patients) and all(
        p.lemma_.lower() in OFFICE_HOLDERS or p.lower_ in OFFICE_HOLDERS
        or any(m.type == "PERSON" for m in index.mentions_in(list(p.subtree))) for p in patients)


def _when(prep: Any, index: MentionIndex) -> bool:
    """The preposition's object is a date: "on Tuesday", "at the weekend"."""
    return any(m.type == "DATE" for m in index.mentions_in(list(prep.subtree)))


def health_measure(act: Any) -> bool:
    """A restriction imposed in a sentence that names an epidemic or a health matter: "Romania imposes a nightly
    curfew as coronavirus cases rise" (the verb and its noun), "China outlaws smoking in public places"."""
    return act.lemma_.lower() in RESTRICTING_WORDS and any(
        t.lemma_.lower() in HEALTH_WORDS or t.lower_ in HEALTH_WORDS for t in act.sent)
