"""The status of a coded clause: is it news (current), or background, hypothetical, a decision about future use,
negated, contested or an interception? And is it a political event at all?

The status is decided by an ordered table of declared rules (`STATUS_RULES`): each has a name, a priority
(lower runs first; the first rule that applies decides), its provenance and example sentences with the
status their events must get, which ``tests/test_events_status.py`` runs through the real pipeline.
`firing()` lists every rule that applies to a clause, so rules that fire together on one example show up
(``redline.events.status.cofiring_report``). Only ``current`` events enter the situation picture and the
escalation assessment; the others stay in the brief with their status.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from redline.events.actors import MentionIndex, country
from redline.events.coded import INTENT_ROOTS, Coded, force
from redline.events.crime import (
    anonymous_violence,
    criminal_force,
    lone_attacker,
    measure_force,
    natural_death,
    policing,
)
from redline.events.defence import fired_at_defender, intercepted
from redline.events.domestic import dismissal, health_measure, inquiry_alone, vote_at_home, yield_alone
from redline.events.frame import earlier_period, generic_present, modal_in_article, opinion, perfect_in_body, question
from redline.events.headings import topic_line
from redline.events.mishap import accident, mishap, no_doer
from redline.events.modality import PERMISSION_WORDS, hangs_from, hypothetical, permitted, planned, purpose
from redline.events.naming import named_noun
from redline.events.origin import origin, titled
from redline.nlp.chunks import heading_sentence

CURRENT = "current"
STATUSES = {
    "current": "reported as happening or as having happened (an act dated in the past month counts)",
    "background": "a past act cited as context: its clause names a date more than a month before the article",
    "hypothetical": "conditional or planned: 'if Russia attacks Poland', 'protesters will march on Friday'",
    "decision": "an act of force that a permission or decision is about: 'allowed Ukraine to strike Russia'",
    "negated": "reported as not having happened: 'Russia did not attack Ukraine'",
    "contested": "one side's claim that the accused side denies nearby: 'Kyiv said Russia shelled X; Moscow denied'",
    "interception": "a defence against an incoming weapon: 'Russia shot down 20 Ukrainian drones'",
    "opinion": "asked, or what a commentator thinks: 'analysts suggest Ankara could be learning diplomacy'",
    "generic": "what is generally so, told in an article's body: 'the U.S. gives military support to its allies'",
    "undirected": "an act done to someone whose sentence names no party but its doer: 'the ministry urged restraint'",
    "doubtful": "an article's clause the rules coded but the learned filter (events/filter.py) doubts reports an act",
}
DROPPED = "not_political"  # accidents and natural disasters: no event at all
# Older than this before publication, a dated act is background to the story, not its news.
BACKGROUND_DAYS = 31
# Sport and elections: "Australia defeat Ireland by a score of 102-92 to win the series", "Macron defeats Le Pen in
# the presidential election" are contests, not battles.
SPORT_VERBS = frozenset({"defeat", "beat", "win", "thrash", "rout", "edge", "overcome", "draw", "lose"})
SPORT_NOUNS = frozenset({"score", "match", "game", "series", "cup", "championship", "tournament", "league",
                         "final", "semifinal", "semi-final", "title", "medal", "goal", "point", "innings", "wicket",
                         "olympics", "race", "run", "cricket", "football", "team", "election", "runoff", "run-off",
                         "primary", "referendum", "poll", "ballot", "vote", "seat"})
# A match's score: "25-4", "27–22" (not a range of years, a date or a decimal).
SCORE = re.compile(r"(?<![\d/–-])(?<!\d[.,])\d{1,3}\s?[–-]\s?\d{1,3}(?![\d/–-]|[.,]\d)")
# Contests named anywhere in the sentence of a defeat: the sentence is about a match or an election.
CONTEST_NOUNS = SPORT_NOUNS - {"run", "point", "title", "race", "team", "goal", "seat"}
# Words of a court's judgement: the act it judges is a past crime cited, not the news ("sentenced for the
# killing of a journalist", "convicted of the 2015 bombing").
JUDGING_WORDS = frozenset({"sentence", "convict", "jail", "imprison", "acquit", "charge", "indict", "try",
                           "prosecute", "fine", "conviction", "trial", "verdict", "acquittal", "sue"})
# A noun's own date naming an earlier period when the resolver leaves it open: "last year's attacks".
EARLIER = re.compile(r"\b(last|previous|past)\s+(year|month|decade|summer|winter|spring|autumn)|\b(1[89]|20)\d\d\b",
                     re.IGNORECASE)
# Tags of a finite verb: a heading holding one with a subject is a headline, which reports its act.
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD"})
# Verbs by which the accused denies a claim ("Moscow denied the claim", "Russia rejected the accusation").
DENYING_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "rebut"})


@dataclass(frozen=True)
class StatusRule:
    """One declared rule: when ``applies`` holds, the clause's events get ``status``."""

    name: str
    status: str
    priority: int
    provenance: str
    examples: tuple[tuple[str, str], ...]  # (sentence, status its force/first event must get), run as tests
    applies: Callable[[Coded, MentionIndex], bool]


def _mishap(coded: Coded, index: MentionIndex) -> bool:
    return force(coded) and mishap(coded.clause.verb, coded.clause.subject)


def _accident(coded: Coded, index: MentionIndex) -> bool:
    return force(coded) and accident(coded.clause.verb, coded.clause.subject, index)


def _no_doer(coded: Coded, index: MentionIndex) -> bool:
    return no_doer(coded.clause.subject)


def _sport(coded: Coded, index: MentionIndex) -> bool:
    """A win or defeat in a match: "Australia defeat Ireland by a score of 102-92 to win the series"."""
    verb = coded.clause.verb
    if not force(coded) or coded.clause.lemma not in SPORT_VERBS:
        return False
    if any(t.lemma_.lower() in SPORT_NOUNS for t in verb.subtree) or SCORE.search(verb.sent.text):
        return True  # "defeated by the Washington Nationals, 25-4"
    # "wins re-election with 51% of the vote, defeating the opposition leader"
    return any(t.lemma_.lower() in CONTEST_NOUNS for t in verb.sent)


def _judged(coded: Coded, index: MentionIndex) -> bool:
    """An act of force that a court's judgement is for: "two men are sentenced for the killing of a journalist"."""
    # "charged with robbing trucks and attacking motorists": conjuncts share the charge
    return force(coded) and hangs_from(coded.clause.verb, JUDGING_WORDS, {"pobj", "prep", "pcomp", "conj"}, 5)


def _crime(coded: Coded, index: MentionIndex) -> bool:
    """Ordinary crime or its policing (``redline.events.crime``): "armed robbers killed two guards", "police
    seized two tonnes of cocaine", "charged a man with murder"."""
    verb = coded.clause.verb
    if coded.cameo[:2] == "11" and policing(verb) and not _named_accused(verb, index):
        return True  # "police charge a man with murder"; "charged Ukraine with the murder" accuses a party
    if not force(coded):
        return False
    if _civil(coded.source) and _civil(coded.target) and lone_attacker(verb, coded.clause.subject):
        return True
    if coded.source is None and _civil(coded.target) and anonymous_violence(verb):
        return True
    return criminal_force(verb, coded.clause.subject) or (coded.cameo[:2] == "17" and policing(verb))


def _named_accused(verb: Any, index: MentionIndex) -> bool:
    """The one charged is named as an actor: a state, a body or an armed group ("two Hamas members")."""
    accused = [t for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree]
    return any(m.type == "ACTOR" and m.code for m in index.mentions_in(accused))


def _civil(target: str | None) -> bool:
    """A target that is no state body: none, a country's people at large, or its civilians."""
    return target is None or "-" not in target or target.endswith("-CVL")


def _death(coded: Coded, index: MentionIndex) -> bool:
    return force(coded) and natural_death(coded.clause.verb, coded.clause.subject)


def _measure(coded: Coded, index: MentionIndex) -> bool:
    return force(coded) and coded.cameo[:2] != "17" and measure_force(coded.clause.verb, coded.clause.subject)


def _dismissal(coded: Coded, index: MentionIndex) -> bool:
    return force(coded) and dismissal(coded.clause.verb, index)


def _health(coded: Coded, index: MentionIndex) -> bool:
    return coded.cameo[:2] in {"16", "17"} and health_measure(coded.clause.verb)


def _office(coded: Coded, index: MentionIndex) -> bool:
    """A yield or a vote at home ("the minister resigns", "Greeks vote"); a permission ("the court decided to allow
    the candidate to run") concedes something to someone even when the coder finds no target."""
    if vote_at_home(coded.cameo, coded.clause.lemma, coded.source, coded.target):
        return True
    return (coded.clause.lemma not in PERMISSION_WORDS
            and yield_alone(coded.cameo, coded.source, coded.target, coded.clause.verb, index))


def _inquiry(coded: Coded, index: MentionIndex) -> bool:
    return inquiry_alone(coded.cameo, coded.source, coded.target, coded.clause.verb, index)


def _negated(coded: Coded, index: MentionIndex) -> bool:
    return coded.factuality == "negated"



def _intercepted(coded: Coded, index: MentionIndex) -> bool:
    """Force against an incoming munition: "shot down drones", "intercepted three missiles"."""
    return force(coded) and intercepted(coded.clause.verb, coded.clause.lemma, coded.clause.preps, index)


def _contested(coded: Coded, index: MentionIndex) -> bool:
    """A reported act that the accused denies in the same or the next sentence."""
    if coded.factuality != "reported" or coded.source is None:
        return False
    sent = coded.clause.verb.sent
    doc = sent.doc
    nxt = doc[sent.end].sent if sent.end < len(doc) else None
    scope = [*sent, *(nxt or [])]
    accused = country(coded.source)
    for tok in scope:
        if tok.lemma_.lower() not in DENYING_VERBS or tok.pos_ != "VERB" or tok.i == coded.clause.verb.i:
            continue
        subj = [t for c in tok.children if c.dep_ == "nsubj" for t in c.subtree]
        if any(country(m.code) == accused for m in index.mentions_in(subj) if m.code):
            return True
    return False


def _background(coded: Coded, index: MentionIndex) -> bool:
    """The clause writes the year of its own date, more than a month before the article: "In 2010, commandos ..."."""
    if coded.published is None:
        return False
    if _earlier_noun(coded, index):
        return True
    for value in coded.clause.dates:
        try:
            when = date.fromisoformat(value[:10])
        except ValueError:
            continue
        age = (coded.published - when).days
        # only a date whose year the sentence writes: "On September 29" or "last year" is a dated report of a
        # recent act (an event in its own right), "In 2010" or "since September 2022" is context; a noun's own
        # date ("the 1943 massacres") dates the act it names
        noun = coded.clause.verb.pos_ == "NOUN"
        if age > BACKGROUND_DAYS and (noun or str(when.year) in coded.clause.text):
            return True
    return False


def _reference_clause(coded: Coded, index: MentionIndex) -> bool:
    """The act is a reference point or a description of someone's past, not the news: a "since" clause ("the
    first such discovery since the Intifada began"), or a past relative clause beside a present-tense report
    ("Robin Cook, who resigned in protest before the Iraq war, publishes his diaries")."""
    verb = coded.clause.verb
    if verb.pos_ != "VERB":  # a noun act is placed by the verb it hangs from ("resigned in protest against")
        verb = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)
        if verb is None:
            return False
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return True
    if verb.dep_ != "relcl" or verb.tag_ not in {"VBD", "VBN"}:
        return False
    main = verb.sent.root
    return main.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" for c in main.children)


def _origin(coded: Coded, index: MentionIndex) -> bool:
    return force(coded) and not _recent(coded) and origin(coded.clause.verb)


def _recent(coded: Coded) -> bool:
    """The clause names a date within the past month of the article."""
    if coded.published is None:
        return False
    for value in coded.clause.dates:
        try:
            when = date.fromisoformat(value[:10])
        except ValueError:
            continue
        if (coded.published - when).days <= BACKGROUND_DAYS:
            return True
    return False


def _earlier_noun(coded: Coded, index: MentionIndex) -> bool:
    """A noun event whose own date modifier names an earlier year or month: "last year's Paris attacks"."""
    noun = coded.clause.verb
    if noun.pos_ != "NOUN":
        return False
    mods = [t for c in noun.children if c.dep_ in {"poss", "compound", "nummod", "amod"} for t in c.subtree]
    dates = {m.id: m for m in index.mentions_in(mods) if m.type == "DATE"}
    return any(not m.attr("value") and EARLIER.search(m.text) for m in dates.values())


def _heading(coded: Coded, index: MentionIndex) -> bool:
    """A topic line names a story ("Attacks in Russia during the invasion of Ukraine"); a headline with a finite
    verb and its subject ("Biden meets King Abdullah in Amman") reports an act. A topic line anywhere else, even one
    the tagger gave a verb ("Northern Rakhine State clashes"), is one too (`headings.topic_line`)."""
    sent = coded.clause.verb.sent
    return topic_line(sent) or heading_sentence(sent) and not any(
        t.tag_ in FINITE_TAGS and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children) for t in sent)


def _titled(coded: Coded, index: MentionIndex) -> bool:
    return titled(coded.clause.verb, coded.published.year if coded.published else None)


def _named_act(coded: Coded, index: MentionIndex) -> bool:
    # a planned or judged act's own rule decides ("the plan envisages air strikes", "jailed for the killing")
    return (coded.clause.verb.pos_ == "NOUN" and named_noun(coded.clause.verb) and not planned(coded, index)
            and not _judged(coded, index))


# Neutral sentences that make an example an article's body: the article-level rules read a clause against them.
ARTICLE_BODY = " ".join(["The talks opened in Geneva on Monday.", "Officials met for six hours."] + [
    f"The delegates discussed item {n} of the agenda." for n in range(1, 14)])


def in_article(sentence: str) -> str:
    """An example sentence as the last sentence of an article-length story."""
    return f"{ARTICLE_BODY} {sentence}"


def _question(coded: Coded, index: MentionIndex) -> bool:
    return question(coded.clause.verb)


def _opinion(coded: Coded, index: MentionIndex) -> bool:
    return opinion(coded.clause.verb)


def _modal(coded: Coded, index: MentionIndex) -> bool:
    return modal_in_article(coded.clause.verb)


def _earlier(coded: Coded, index: MentionIndex) -> bool:
    # what the "background" rule leaves: a period no resolved date places ("last year", "as far back as 2005")
    return not _background(coded, index) and earlier_period(coded.clause.verb, index)


def _perfect(coded: Coded, index: MentionIndex) -> bool:
    return perfect_in_body(coded.clause.verb)


def _generic(coded: Coded, index: MentionIndex) -> bool:
    return coded.cameo[:2] not in INTENT_ROOTS and generic_present(coded.clause.verb, index)


STATUS_RULES: tuple[StatusRule, ...] = tuple(sorted((
    StatusRule("mishap", DROPPED, 0, "issue 10 item 2; ACLED codebook: accidents and disasters are not events",
               (("A bus crash killed 12 passengers in Kenya.", DROPPED),
                ("Two villagers were killed in a landslide in Nepal.", DROPPED),
                ("Hurricane Ida lashes the coast of Cuba.", DROPPED),
                ("Heavy rains killed 15 people in northern Brazil.", DROPPED),
                ("Eight soldiers were killed in a rain of rockets on their base near Kandahar.", CURRENT)), _mishap),
    StatusRule("no doer", DROPPED, 0, "issue 10: a count or a disaster as the subject does no political act",
               (("The death toll from the heat wave in India passes 1,800.", DROPPED),
                ("Flash flooding in southern France claims two victims.", DROPPED)), _no_doer),
    StatusRule("accident", DROPPED, 1, "issue 10: accidents are not political events",
               (("Ten people are killed when a bus falls off a bridge into a river in Sri Lanka.", DROPPED),
                ("Four workers are injured in a chemical plant explosion and fire in Slovenia.", DROPPED),
                ("A Kenyan soldier accidentally detonated a grenade at a base near Garissa.", DROPPED),
                ("A passenger train collides with a freight train in Odisha, India, killing 288 people.", DROPPED),
                ("A fire at a nightclub in Bucharest, Romania, kills 27 people.", DROPPED),
                ("A road bridge collapsed in Genoa, killing 43 people.", DROPPED)), _accident),
    StatusRule("sport", DROPPED, 2, "issue 10: a match is no political event",
               (("Argentina defeat France by a score of 4-2 to win the World Cup.", DROPPED),
                ("Emmanuel Macron defeats Marine Le Pen in the French presidential election.", DROPPED),
                ("The Indian cricket team defeats Pakistan by 89 runs.", DROPPED),
                ("In rugby, the All Blacks beat Australia 33-14 in Sydney.", DROPPED),
                ("Lula wins a third term with 51% of the vote, defeating Jair Bolsonaro.", DROPPED)), _sport),
    StatusRule("crime", DROPPED, 3, "issue 10 item 2; real-news guide must-not 'crime': ordinary crime is no event",
               (("Armed robbers killed two guards at a gold mine in Ghana.", DROPPED),
                ("Two teenagers were stabbed to death in a gang fight in London.", DROPPED),
                ("Thieves stole paintings worth millions from a museum in Paris.", DROPPED),
                ("Police seized two tonnes of cocaine in Colombia.", DROPPED),
                ("Police arrested a man suspected of robbing a bank in Lyon.", DROPPED),
                ("A court in Uganda sentences a poacher to 11 years in prison.", DROPPED),
                ("Police in Minneapolis charge a man with third-degree murder.", DROPPED)), _crime),
    StatusRule("natural death", DROPPED, 4, "issue 10: a death with no act of violence named is no event",
               (("A French tourist dies in Bangkok, Thailand.", DROPPED),
                ("The Chilean writer who won a prize in Spain died in Madrid on Sunday.", DROPPED),
                ("The 92-year-old President of Tunisia dies.", DROPPED)), _death),
    StatusRule("measure", DROPPED, 5, "issue 10: tariffs or laws that 'target' a country use no force",
               (("The new sanctions target Russian banks.", DROPPED),
                ("Beijing's new law hits Hong Kong activists hard.", DROPPED)), _measure),
    StatusRule("dismissal", DROPPED, 6, "issue 10: 'fired' said of an office holder is a dismissal, no shooting",
               (("Two judges are fired in China over a wrongful conviction.", DROPPED),
                ("The football club fired its coach after a string of defeats.", DROPPED)), _dismissal),
    StatusRule("health measure", DROPPED, 7, "real-news guide: domestic measures are no events; public health",
               (("Romania imposes a nightly curfew as coronavirus infections rise.", DROPPED),
                ("China outlaws smoking in public places.", DROPPED)), _health),
    StatusRule("negated", "negated", 10, "issue 10 item 2; PLOVER codes no event for a negated act",
               (("Russia did not attack Ukraine on Tuesday.", "negated"),), _negated),
    StatusRule("hypothetical", "hypothetical", 20, "issue 10 item 2; CAMEO codes a conditional act as no event",
               (("If Russia attacks Poland, NATO will respond.", "hypothetical"),
                ("Russia wants to capture the Ukrainian city of Pokrovsk.", "hypothetical"),
                ("Ukraine can now strike Russian territory with American missiles.", "hypothetical"),
                ("A strike on Iran's nuclear sites could trigger a regional war.", "hypothetical"),
                ("Three villages near Kherson have to be evacuated by the Ukrainian army.", "hypothetical")),
               hypothetical),
    StatusRule("permission", "decision", 30, "issue 10 item 2: permission to use a weapon is no assault",
               (("Washington let Ukraine strike targets inside Russia.", "decision"),
                ("The Senate voted to authorize strikes on Iran.", "decision"),
                ("The decision to let Kyiv strike Russian airfields angered Moscow.", "decision")), permitted),
    StatusRule("planned", "hypothetical", 35, "real-news guide: a plot or plan is no act (must-not reason 'plan')",
               (("Two men plotted an attack on the French embassy in Kabul.", "hypothetical"),
                ("Police foiled a plot to bomb the Israeli embassy in Baku.", "hypothetical"),
                ("Moscow warned that Kyiv was preparing a strike on the Zaporizhzhia plant.", "hypothetical"),
                ("The plan envisages air strikes on Hezbollah positions in Lebanon.", "hypothetical")), planned),
    StatusRule("purpose", "hypothetical", 37, "real-news guide must-not 'future': an act announced or intended",
               (("Chad's army enters Cameroon to assist in fighting against Boko Haram.", "hypothetical"),
                ("Iran sent advisers to Iraq to fight the Islamic State.", "hypothetical")), purpose),
    StatusRule("interception", "interception", 40, "issue 10 item 2: the defender does not assault",
               (("Russia shot down 20 Ukrainian drones over the Bryansk region.", "interception"),
                ("Polish air defences intercepted two missiles near Rzeszow.", "interception"),
                ("The attackers were repelled by French troops at the base near Gao.", "interception"),
                ("Ukrainian forces repulsed a Russian assault near Pokrovsk.", "interception"),
                ("Israeli air defences intercepted most of the rockets fired by Hezbollah.", "interception"),
                ("Ukrainian air defences shot down 30 of 40 Russian drones overnight.", "interception"),
                ("Ukraine's air force said it destroyed 50 of the 70 drones Russia launched.", "interception")),
               _intercepted),
    StatusRule("contested", "contested", 50, "issue 10 item 2: a claim the other side denies",
               (("Ukraine said Russia shelled Kherson, but Moscow denied it.", "contested"),), _contested),
    StatusRule("judged", "background", 55, "issue 10: ordinary crime is no political event; a trial cites it",
               (("Two men were sentenced to life imprisonment for the killing of a Kenyan journalist.", "background"),
                ("A former officer was jailed for the killing of a Kenyan protester.", "background")), _judged),
    StatusRule("reference clause", "background", 58, "issue 10: a past act cited as context (must-not 'background')",
               (("It is the first such attack on Kyiv since Russian troops shelled the city in the spring.",
                 "background"),
                ("Britain's former foreign secretary, who resigned in protest against the Iraq war, publishes his "
                 "diaries.", "background")), _reference_clause),
    StatusRule("origin", "background", 59, "issue 10: an act cited as the origin of a thing or a point counted from",
               (("The war that began when Russia invaded Ukraine has displaced millions.", "background"),
                ("Scholz spoke about the energy crisis stemming from Russia's invasion of Ukraine.", "background"),
                ("Food prices in Egypt have doubled since the invasion of Ukraine.", "background"),
                ("The crisis that erupted after Hamas attacked Israel has reached the Red Sea.", "background")),
               _origin),
    StatusRule("background", "background", 60, "issue 10 item 2: a past act cited as context",
               (("In 2010, Israeli commandos raided a Turkish aid ship.", "background"),
                ("Three people linked to last year's Paris attacks by Islamic State are in custody.", "background")),
               _background),
    StatusRule("titled act", "background", 61, "issue 10: an act named by its year is a known one, cited",
               (("2023–2024 Georgian protests", "background"),
                ("2024 Solingen stabbing attack", "background")), _titled),
    StatusRule("topic heading", "background", 56, "issue 10: a digest's topic line names a story, not an act",
               (("Turkish airstrikes in northern Iraq\nThe Iraqi foreign ministry summons the Turkish ambassador in "
                 "Baghdad.", "background"),
                ("Israeli strikes on Lebanon\nThe Lebanese health ministry reports 12 deaths in the south.",
                 "background"),
                ("Troops shelled the border villages overnight, Armenia says.\nBorder clashes between Armenia and "
                 "Azerbaijan", "background")), _heading),
    StatusRule("named act", "background", 57, "issue 10: a noun act named as a topic is cited, not reported",
               (("The two presidents discussed Russia's invasion of Ukraine.", "background"),
                ("The president addressed the nation on the Hamas attacks against Israel.", "background"),
                ("The deal is a response to Russia's invasion of Ukraine.", "background"),
                ("Ten soldiers were killed in a Taliban attack on a checkpoint in Kandahar.", CURRENT),
                ("A car bombing in Mogadishu wounds 16 people.", CURRENT),
                ("The death toll from a Russian missile strike on Dnipro rose to 40.", CURRENT)), _named_act),
    StatusRule("question", "opinion", 22, "issue 10: a question asks, it reports no act",
               (("Will Russia and China sign the gas agreement this year?", "opinion"),
                ("Why did Israel strike Iranian air defences near Isfahan?", "opinion")), _question),
    StatusRule("opinion", "opinion", 24, "issue 10: an analyst's view is a claim, not a state's act",
               (("Analysts suggest Iran supplied drones to Russia.", "opinion"),
                ("Experts say Malaysia will sign a new gas agreement with China.", "opinion")), _opinion),
    StatusRule("modal", "hypothetical", 26, "issue 10: in an article, what can or could be done is not done",
               ((in_article("Brazil can supply Cameroon with chicks and eggs."), "hypothetical"),
                (in_article("China could give more economic aid to Malaysia."), "hypothetical")),
               _modal),
    StatusRule("earlier period", "background", 62, "issue 10: a clause its own date places in an earlier period",
               (("Cairo last year signed an agreement with Greece on the Mediterranean.", "background"),
                ("Two years ago, Turkey recalled its ambassador from Egypt.", "background")), _earlier),
    StatusRule("pluperfect in body", "background", 64, "issue 10: a past perfect past an article's lede is context",
               ((in_article("Turkey had imposed sanctions on Egypt."), "background"),
                (in_article("Egypt had recalled its ambassador from Turkey."), "background")), _perfect),
    StatusRule("generic present", "generic", 66, "issue 10: an undated simple present past the lede is habitual",
               ((in_article("The United States gives military aid to the Philippines."), "generic"),
                (in_article("Beijing supplies Pakistan with fighter jets."), "generic")), _generic),
    StatusRule("office", "undirected", 68, "real-news guide: resignations, domestic legislation, elections",
               (("Ireland's junior health minister resigns after a dispute with the health minister.", "undirected"),
                ("Malta legalises divorce.", "undirected"),
                ("Citizens of Greece go to the polls to vote for a new parliament.", "undirected")), _office),
    StatusRule("inquiry", "undirected", 69, "CAMEO 09: one investigates a party; PETRARCH codes complete triples",
               (("British police are investigating the cause of the fire.", "undirected"),
                ("Japanese police investigate allegations of match fixing in sumo wrestling.", "undirected")),
               _inquiry),
), key=lambda r: r.priority))


def firing(coded: Coded, index: MentionIndex) -> list[StatusRule]:
    """Every rule that applies to the clause, in priority order."""
    return [r for r in STATUS_RULES if r.applies(coded, index)]


def status_of(coded: Coded, index: MentionIndex) -> str:
    """The status the first applicable rule gives, else current."""
    return next((r.status for r in STATUS_RULES if r.applies(coded, index)), CURRENT)


def intercepted_attack(coded: Coded, index: MentionIndex) -> tuple[str | None, str | None]:
    """(attacker, defender) of an interception: the owner the munition's phrase names, if any, and the
    defender's country. "Russia shot down Ukrainian drones" is at most Ukraine's attempted attack on Russia."""
    if fired_at_defender(coded.clause.verb, index):  # "rockets fired by Hamas": Hamas attempted, at someone
        return coded.source, None
    objects = [t for c in coded.clause.verb.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree]
    owners = [m.code for m in index.mentions_in(objects) if m.type in {"ACTOR", "PERSON"} and m.code]
    attacker = next((o for o in owners if country(o) != country(coded.source)), None)
    return attacker, country(coded.source)


def cofiring_report(fired: list[tuple[str, tuple[str, ...]]]) -> list[str]:
    """One line per example on which more than one rule fired: ``fired`` pairs a sentence with the rule names
    its events carry (``Event.status_rules``), so a newcomer sees which rules overlap and which one decided."""
    return [f"{text!r}: {' > '.join(names)}" for text, names in fired if len(names) > 1]

