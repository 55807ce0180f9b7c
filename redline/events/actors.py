"""Mentions to actor codes over spaCy tokens: who is the source, who the target, where it happened."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

from redline.events.vocab import _event_nouns
from redline.models import Mention
from redline.nlp.doctext import text_of
from redline.nlp.places import dateline_spans

RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# News outlets and think tanks report and assess; they are not parties to the events they describe.
REPORTERS = frozenset({"media", "expert_body"})
# Nouns of a frontier: the country "the border with X" names is across it.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# Resultative words the parser may hang a verb's object on: "shot dead a policeman".
RESULTATIVES = frozenset({"dead"})
LOCATIVE = frozenset({"in", "inside", "within", "across", "near", "into", "at", "throughout"})
# Phoenix agent sectors -> the sectors redline codes (GOV, MIL, SPY, and REB for insurgents, rebels and
# separatists: "insurgents in Anbar" are IRQ-REB, CAMEO's IRQREB); other agents code as their country.
AGENT_SECTORS = {"GOV": "GOV", "COP": "GOV", "JUD": "GOV", "LEG": "GOV", "MIL": "MIL", "SPY": "SPY", "REB": "REB"}
# Individuals ("man", "person"), reporters, and unidentified armed men ("gunmen", "militants", "attackers":
# Phoenix UAF) are not a named actor: an attack by them has no source.
AGENT_SKIPPED = frozenset({"PPL", "MED", "UAF"})
REBEL_SECTOR = "REB"
# Militants, terrorists and insurgents left unnamed are the insurgents of the country they act in (real-news
# annotation guide, the CAMEO way: "militants in Mali" MLI-REB); a bomber or gunman alone names no one.
ARMED_NOUNS = frozenset({"militant", "terrorist", "insurgent", "jihadist", "islamist", "extremist"})
ATTACKER_NOUNS = frozenset({"bomber", "gunman", "gunmen", "assailant", "attacker", "shooter"})
# Sectors of armed agents, the only ones a passive's "by" phrase codes by its setting ("shot dead by police").
ARMED_SECTORS = frozenset({"MIL", "REB", "SPY", "COP"})
# Transnational armed networks with no home country of their own: the CAMEO way codes their fighters by the
# country they act in ("ISIL in Libya" LBY-REB, as CAMEO's IRQINS for ISIL in Iraq); gold README conventions.
TRANSNATIONAL = frozenset({"IS", "AQ"})
GROUP_NOUNS = frozenset({"group", "organization", "organisation", "cell", "faction", "movement", "network"})
# People who are, as a rule, from another country than the one acting on them.
OUTSIDERS = frozenset({"diplomat", "ambassador", "envoy", "migrant", "immigrant", "refugee", "seeker", "expatriate",
                       "tourist", "foreigner", "alien", "visitor", "expat"})
# Heads that count their members ("hundreds of workers", "a group of students"): the members are the party.
COLLECTIVES = frozenset({"group", "groups", "member", "members", "hundred", "hundreds", "thousand", "thousands",
                         "dozen", "dozens", "score", "scores", "number", "crowd", "crowds", "band", "delegation"})
# Numbers that name a crowd on their own: "Thousands protest in Tbilisi".
CROWD_NUMBERS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozens", "million", "millions",
                           "ten", "tens"})
STATE_KINDS = frozenset({"state", "government", "military"})
# Private people (Phoenix sectors: civilians, people, refugees, and a few roles of private life the agents
# dictionary files elsewhere): when they travel, visit, join or help, no state consults or cooperates.
PRIVATE_SECTORS = frozenset({"CVL", "PPL", "REF"})
PRIVATE_NOUNS = frozenset({"student", "foreigner", "visitor", "expat", "pilgrim", "fan", "dweller", "shopper",
                           "holidaymaker", "vacationer", "backpacker", "customer", "buyer", "consumer"})
# Heads that count or gather the people named in their "of" phrase: "a wave of Somalis", "a group of tourists".
GATHERINGS = frozenset({"wave", "influx", "flood", "stream", "flow", "busload", "planeload", "boatload", "batch",
                        "contingent", "deployment", "detachment", "patch", "unit"})
# Texts an actor issues, sends or adopts: a participle on one speaks for the actor ("issued a statement
# condemning X", "sent a letter accusing Y") - its subject is whoever issued the text.
DOCUMENT_NOUNS = frozenset({"statement", "declaration", "letter", "communique", "communiqué", "message",
                            "resolution", "note", "memorandum", "petition", "decree", "notice", "proclamation"})


def conjuncts(tok: Any) -> list[Any]:
    """Every member of the coordination ``tok`` belongs to ("Iraq and Libya", "US and British"), the first
    conjunct first; a token in no coordination is its own only member."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members, stack = [], [first]
    while stack:
        member = stack.pop()
        members.append(member)
        stack.extend(c for c in member.children if c.dep_ == "conj")
    return members


class MentionIndex:
    """Token index -> mention, built once per document."""

    def __init__(self, doc: Any, mentions: tuple[Mention, ...]) -> None:
        self.by_token: dict[int, Mention] = {}
        self._tokens: dict[int, Any] = {}  # a mention's start offset -> its first token
        datelines = dateline_spans(text_of(doc))
        for m in mentions:
            if any(start <= m.start < end for start, end in datelines):
                continue  # "KYIV, Ukraine — ...": the reporter's city is no place or actor of the act
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token[tok.i] = m
            self._tokens[m.start] = span[0]

    def mentions_in(self, tokens: Iterable[Any]) -> list[Mention]:
        seen: list[Mention] = []
        for tok in sorted(tokens, key=lambda t: t.i):
            m = self.by_token.get(tok.i)
            if m is not None and m not in seen:
                seen.append(m)
        return seen

    def actor(self, tokens: Iterable[Any]) -> str | None:
        """The first actor code among the tokens in text order (an actor, or an official's affiliation), else a
        place's country: "a meeting with President Obama at a lunch hosted by the ambassador of Morocco" is
        with Obama, whose name comes first, not with the state named further on."""
        found = [m for m in self.mentions_in(tokens) if m.attr("kind") not in REPORTERS and not self._town(m)]
        for m in found:
            if m.type in {"ACTOR", "PERSON"} and m.code:
                return self.localised(m)
        for m in found:
            if m.type == "PLACE" and m.geo is not None:
                return m.geo.country
        return None

    def localised(self, mention: Mention) -> str:
        """A transnational network's code (IS, al-Qaeda) as the insurgents of the one country its sentence places
        things in ("an airstrike against ISIL in southwest Libya" LBY-REB); any other actor keeps its code."""
        code = str(mention.code)
        if code not in TRANSNATIONAL or mention.start not in self._tokens:
            return code
        sent = self._tokens[mention.start].sent
        where = {c for p in self.places(sent) if p is not mention and (c := place_country(p)) is not None}
        where = {c for c in where if len(c) == 3 and c not in TRANSNATIONAL}
        return f"{where.pop()}-{REBEL_SECTOR}" if len(where) == 1 else code

    def members(self, tokens: list[Any]) -> list[str]:
        """The actors of a coordination among the tokens, one per conjunct, in text order (by country).

        Only the conjuncts count: "the Turkish and Greek sides of Cyprus" are Turkey and Greece, and Cyprus,
        which the phrase names as the place of both, is not a third member.
        """
        cc = next((t for t in tokens if t.dep_ == "cc" and t.lower_ in {"and", "&"}), None)
        if cc is None:
            return []
        found: list[str] = []
        for tok in sorted(conjuncts(cc.head), key=lambda t: t.i):
            own = [t for c in tok.children if c.dep_ not in {"conj", "cc"} for t in c.subtree]
            code = self.actor([tok, *own]) if self.mentions_in([tok, *own]) else None
            if code is not None and all(country(c) != country(code) for c in found):
                found.append(code)
        return found

    def coordinated(self, tokens: list[Any], code: str | None) -> list[str]:
        """The actors coordinated with ``code``'s mention among the tokens ("Iraq and Libya"), in text order."""
        if code is None:
            return []
        first = next((t for t in tokens if (m := self.by_token.get(t.i)) is not None and m.code
                      and self.localised(m) == code), None)
        if first is None:
            return []
        mention = self.by_token[first.i]
        while first.head.i != first.i and self.by_token.get(first.head.i) is mention:  # "United" -> "States"
            first = first.head
        found: list[str] = []
        for m in self.mentions_in(conjuncts(first)):
            if m.type in {"ACTOR", "PERSON"} and m.code and m.attr("kind") not in REPORTERS:
                if (code_ := self.localised(m)) not in found:
                    found.append(code_)
        return found

    def places(self, tokens: Iterable[Any]) -> list[Mention]:
        """Places among the tokens: gazetteer places, and states named after a locative preposition."""
        toks = list(tokens)
        located = {t.i for t in toks if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE}
        # "in Kagara, Niger State, Nigeria", "in Kocevje, Slovenia": the place's apposition and its list
        for _ in range(3):
            located |= {t.i for t in toks if t.dep_ in {"appos", "conj"} and t.head.i in located}
        # "in Montenegro province", "in Saudi Arabia's capital": a state naming the place's common-noun head
        # (not "in the U.S. Congress"), "in the Yemeni port of Al Hudaydah"; not "killed in a Russian strike on
        # Orikhiv": the state owning an act's noun did the act, it is not where the act happened
        located |= {t.i for t in toks if t.dep_ in {"compound", "poss", "amod"} and t.head.i in located
                    and t.head.pos_ == "NOUN" and t.head.lemma_.lower() not in _event_nouns()}
        found = [m for m in self.mentions_in(toks) if m.type == "PLACE" or self._town(m)
                 or (m.type == "ACTOR" and m.code and m.attr("kind") == "state"
                     and any(self.by_token.get(i) is m for i in located))]
        # a place after a locative preposition first: "in response to the attack on Tel Aviv, airstrikes hit
        # refineries in the Yemeni port of Al Hudaydah" happened in Yemen
        at = {id(self.by_token[i]) for i in located if i in self.by_token}
        return sorted(found, key=lambda m: (id(m) not in at, m.geo is None))

    def _town(self, m: Mention) -> bool:
        """A capital that modifies the noun of a place or of an act names the city, not its government: "a bomb
        goes off in a Moscow market", "the Ankara bombing" ("Moscow officials" stay the government)."""
        tok = self._tokens.get(m.start)
        if tok is None or m.type != "ACTOR" or m.attr("kind") != "government" or tok.dep_ != "compound":
            return False
        head = tok.head
        located = head.dep_ == "pobj" and head.head.lower_ in LOCATIVE
        return head.pos_ == "NOUN" and (located or head.lemma_.lower() in _event_nouns())  # "bombing", "attack"

    def unplaced(self, tokens: Iterable[Any]) -> list[Any]:
        """The tokens less the places among them: "militants in Pattani" name no one by "Pattani"."""
        toks = list(tokens)
        placed = {id(m) for m in self.places(toks)}
        return [t for t in toks if id(self.by_token.get(t.i)) not in placed]

    def setting(self, verb: Any) -> str | None:
        """The country an unnamed agent acts in: the clause's place, else the one country its sentence names, else,
        in a sentence that names no country, where the sentence before it in the same paragraph is set (its one
        place's country, else the one country it names): "Gunmen attacked a school in Yala, Thailand. Two of them
        were later shot dead by police" (Thai police)."""
        for p in self.places(verb.subtree):
            if (where := place_country(p)) is not None:
                return where
        own = self._named_country(verb.sent)
        if own is not None:
            return own
        before = _previous_sentence(verb.sent)  # "Two insurgents were later killed by the police"
        if before is None or self._named_country(verb.sent, any_country=True):
            return None
        wheres = {c for p in self.places(before) if (c := place_country(p)) is not None and len(c) == 3}
        return wheres.pop() if len(wheres) == 1 else self._named_country(before)

    def _named_country(self, sent: Any, any_country: bool = False) -> str | None:
        """The one country a sentence names by a state, its bodies or its officials (with ``any_country``: whether
        it names any)."""
        beyond = beyond_border(sent)  # "near the border with Lebanon" is not in Lebanon
        named = {country(m.code) for m in self.mentions_in(t for t in sent if t.i not in beyond) if m.code and (
            (m.type == "ACTOR" and m.attr("kind") in STATE_KINDS) or (m.type == "PERSON" and m.attr("country")))}
        if any_country:
            return named.pop() if named else None
        return named.pop() if len(named) == 1 else None

    def agent(self, subject: list[Any], verb: Any) -> str | None:
        """A subject that names an agent without a country ("protesters", "riot police") coded by its setting."""
        heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
        if heads and heads[0].dep_ == "agent":  # "killed by suspected militants": an armed agent's noun
            heads = [c for c in heads[0].children if c.dep_ == "pobj"]
            sector = _agent_sector(heads[0]) if heads and heads[0].pos_ == "NOUN" else None
            if sector is None or sector[:3] not in ARMED_SECTORS:
                return None  # "managed by the government and local communities" names no one acting
        if heads and heads[0].pos_ == "PROPN":  # "Vice-President Moody Awori", "the Federal Minister for ..."
            title = heads[0].lower_ in agent_sectors()
            if title and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in heads[0].children):
                return None  # a title alone ("the president" misread as a name) is no one in particular
            sector = _title_sector(heads[0])
            return self._in_setting(sector, verb) if sector is not None else None
        if not heads or heads[0].pos_ != "NOUN":
            return None
        sector = _agent_sector(heads[0])
        if sector is None:  # "hundreds of protesters", "a group of students"
            sector = next((_agent_sector(t) for c in heads[0].children if c.dep_ == "prep" and c.lower_ == "of"
                           for t in c.children if t.dep_ == "pobj"), None)
        if sector is None and heads[0].lemma_.lower() in CROWD_NUMBERS and not any(
                c.dep_ == "prep" for c in heads[0].children):
            sector = "CVL"  # "thousands protest in Tbilisi": a crowd of the place
        return self._in_setting(sector, verb)

    def _in_setting(self, sector: str | None, verb: Any) -> str | None:
        """An agent of ``sector`` coded by the country it acts in (with the sector, for the state's agents)."""
        if sector is None or sector in AGENT_SKIPPED:
            return None
        place = self.setting(verb)
        if place is None or len(place) != 3:
            return None
        suffix = AGENT_SECTORS.get(sector[:3])
        return f"{place}-{suffix}" if suffix else place

    def outsiders(self, heads: Iterable[Any]) -> bool:
        """A head names people from elsewhere with no country given ("deported 100 migrants")."""
        return any(_outsiders(h) and self.actor(h.subtree) is None for h in heads)

    def unmarked_party(self, heads: Iterable[Any]) -> bool:
        """A head names a person or group with no country of its own: an agent noun ("workers", "the
        opposition leader") or an uncoded person with a title ("former president Carlos Menem"); a noun
        event counts by its agent ("rallies by the group"). Such a party is a domestic one (PLOVER codes it
        by the country it lives in)."""
        for head in heads:
            if self.actor(head.subtree) is not None:
                continue
            if _outsiders(head):
                return False
            if head.pos_ == "PROPN":
                person = self.by_token.get(head.i)
                titles = [c for c in head.children if c.dep_ in {"compound", "appos"} and c.pos_ in {"NOUN", "PROPN"}]
                if person is not None and person.type == "PERSON" and any(_agent_sector(t) for t in titles):
                    return True
                continue
            if head.pos_ != "NOUN" or any(c.dep_ in {"amod", "compound"} and c.text[:1].isupper() and c.i > 0
                                          for c in head.children):
                continue  # "Baloch separatists": a named identity the gazetteer does not know
            preps = {"of", "by"} if head.lemma_.lower() in COLLECTIVES or head.like_num else {"by"}
            inner = [t for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                     for t in c.children if t.dep_ == "pobj"]
            if _agent_sector(head) or any(_agent_sector(t) for t in inner if t.pos_ == "NOUN"):
                return True
        return False

    def weapons(self, tokens: Iterable[Any]) -> list[Mention]:
        return [m for m in self.mentions_in(tokens) if m.type == "WEAPON"]


def _previous_sentence(sent: Any) -> Any | None:
    """The sentence before ``sent`` in the same paragraph (no line break between them), else None."""
    doc = sent.doc
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    words = [t for t in before if not t.is_space]
    first = next((t for t in sent if not t.is_space), None)
    if not words or first is None or "\n" in text_of(doc)[words[-1].idx + len(words[-1]):first.idx]:
        return None
    return before


def beyond_border(tokens: Iterable[Any]) -> set[int]:
    """The indices of the tokens that name the country across a frontier ("near the border with Lebanon", "on
    its frontier with Iraq"): an unnamed agent acting there acts on this side of it."""
    return {t.i for p in tokens if p.dep_ == "pobj" and p.head.lower_ == "with"
            and p.head.head.lemma_.lower() in BORDER_NOUNS for t in p.subtree}


def subject_head(subject: list[Any]) -> Any | None:
    """The noun a subject names, through a head that counts or gathers it: "a wave of Somalis" is Somalis,
    "the first contingent of Nepali troops" is troops."""
    heads = [t for t in subject if t.head.i == t.i or t.head not in subject]
    if not heads:
        return None
    head = heads[0]
    if head.lemma_.lower() in COLLECTIVES | GATHERINGS or head.like_num:  # "thousands of Kenyans"
        head = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), head)
    return head


def private_people(subject: list[Any], index: MentionIndex) -> bool:
    """The subject names private people of a country, not the state or its agents: "Chinese tourists", "a wave
    of Somalis" (a plural demonym), "80,000 foreigners". Their travel, visits and help are no diplomacy."""
    head = subject_head(subject)
    if head is None:
        return False
    mention = index.by_token.get(head.i)
    if mention is not None and mention.type == "ACTOR":  # "Somalis", not "Somalia" or "the Somali army"
        return (mention.attr("kind") == "state" and mention.geo is None and head.tag_ in {"NNS", "NNPS"}
                and mention.text.endswith("s"))
    if head.pos_ != "NOUN":
        return False
    return head.lemma_.lower() in PRIVATE_NOUNS or _agent_sector(head) in PRIVATE_SECTORS


@lru_cache(maxsize=1)
def agent_sectors() -> Mapping[str, str]:
    """Agent noun -> CAMEO sector ("police" -> COP), from the Phoenix agents dictionary (`data/agents.csv`)."""
    text = resources.files("redline").joinpath("data/agents.csv").read_text("utf-8")
    return {row["noun"]: row["sector"] for row in csv.DictReader(text.splitlines())}


def _outsiders(head: Any) -> bool:
    """The noun names people from elsewhere ("two diplomats", "migrants", "foreign journalists"): a party of
    another country, which the sentence leaves unnamed."""
    lemma = head.lemma_.lower()
    foreign = any(c.lower_ in {"foreign", "overseas"} for c in head.children if c.dep_ in {"amod", "compound"})
    return foreign or lemma in OUTSIDERS or _agent_sector(head) == "REF"


def _title_sector(name: Any) -> str | None:
    """The sector of an official named without a country: by the title heading the name ("the Federal Minister
    for Interior") or compounded with it ("Vice-President Moody Awori"); a bare name has none."""
    titles = [name, *(c for c in name.children if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"})]
    sector = next((s for t in titles if (s := agent_sectors().get(t.lower_)) is not None), None)
    return sector if sector is not None and AGENT_SECTORS.get(sector[:3]) == "GOV" else None


def _agent_sector(head: Any) -> str | None:
    lemma = head.lemma_.lower()
    armed = [c for c in head.children if c.dep_ in {"compound", "amod"} and c.lower_ in ARMED_NOUNS]
    if lemma in ARMED_NOUNS or (armed and lemma in ATTACKER_NOUNS | GROUP_NOUNS):  # "Islamist suicide bombers"
        return REBEL_SECTOR
    if lemma in ATTACKER_NOUNS:  # "a suicide bomber", "gunmen": the text names no one
        return "UAF"
    mods = [c.lower_ for c in head.children if c.dep_ in {"compound", "amod"} and c.i == head.i - 1]
    sectors = agent_sectors()
    lemma = head.lemma_.lower()
    return next((sectors[w] for w in [*(f"{m} {lemma}" for m in mods), lemma] if w in sectors), None)


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    text = resources.files("redline").joinpath("data/actors.csv").read_text("utf-8")
    listed = {row["code"] for row in csv.DictReader(text.splitlines()) if row["kind"] == "state"}
    return frozenset(listed | {c.alpha_3 for c in pycountry.countries})


@lru_cache(maxsize=1)
def _group_homes() -> Mapping[str, str]:
    """An armed group's own code -> its home country, from the groups coded the CAMEO way ("AFG-REB-TAL")."""
    text = resources.files("redline").joinpath("data/actors.csv").read_text("utf-8")
    parts = [row["code"].split("-") for row in csv.DictReader(text.splitlines())]
    return {p[-1]: p[0] for p in parts if len(p) == 3 and p[1] == REBEL_SECTOR}


def home_country(code: str | None) -> str | None:
    """The country an actor code stands for: its own head ("RUS-MIL" -> "RUS"), or, for a group's short code
    ("TAL", "SHB"), the home country the gazetteer gives the group ("AFG-REB-TAL" -> "AFG")."""
    head = country(code)
    return _group_homes().get(head, head) if head else None


def place_country(place: Mention) -> str | None:
    """The country of a place mention: its gazetteer country, or the state a located state's name or
    adjective names ("in the Yemeni port of Al Hudaydah")."""
    if place.geo is not None:
        return place.geo.country
    return country(place.code) if place.type == "ACTOR" and place.code else None


def state_of(code: str | None) -> str | None:
    """The state an actor code belongs to ("RUS-MIL" -> "RUS"), or None for an organisation ("HEZ", "PKK")."""
    head = country(code)
    return head if head in _state_codes() else None


def rebels(code: str | None) -> bool:
    """The code names insurgents of a country ("SOM-REB-SHB", "IRQ-REB"), who fight that country's state."""
    return bool(code) and REBEL_SECTOR in str(code).split("-")[1:2]


def country(code: str | None) -> str | None:
    """Country part of an actor code: RUS-MIL -> RUS; organisations keep their code."""
    return code.split("-")[0] if code else None


def subject_tokens(verb: Any) -> list[Any]:
    """Tokens of the clause's subject, following relative pronouns and conjoined verbs to their antecedent."""
    node = verb
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in {"nsubj", "csubj"}]
        agent = [t for c in node.children if c.dep_ == "agent" for t in c.subtree]
        if agent:
            return agent
        if subj:
            head = subj[0]
            if head.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return [node.head, *[c for c in node.head.children if c.dep_ in {"compound", "amod", "poss"}]]
            if head.lower_ in PERSONAL_PRONOUNS and not list(head.children):
                return _antecedent(node) or [head]
            return _own_phrase(head)
        if node is verb and node.dep_ == "conj" and any(c.dep_ == "auxpass" for c in node.children):
            return []  # "22 insurgents believed to be Taliban are killed in Zabul": the subject is the victim
        if node.dep_ in {"conj", "xcomp", "advcl", "acomp"} and node.head is not node:
            node = node.head
            continue
        if node.dep_ == "acl" and document_speaker(node) is not None:
            node = node.head.head  # "issued a declaration demanding that ...": the issuer demands
            continue
        if node.dep_ == "acl" and node.head is not node:
            return [node.head, *[c for c in node.head.children if c.dep_ in {"compound", "amod", "poss"}]]
        break
    return []


def inherited_patient(verb: Any) -> list[Any]:
    """The subject a passive verb shares with the verb it is conjoined to, which is its victim, not its agent:
    "Russian troops entered the village and were ambushed" (the troops were ambushed)."""
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


def document_speaker(verb: Any) -> Any | None:
    """The verb that issues the text a participle speaks in: "issued" in "issued a statement condemning X"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    noun = verb.head
    if noun.lemma_.lower() not in DOCUMENT_NOUNS or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    return noun.head


def _antecedent(verb: Any) -> list[Any]:
    """Reported speech: "Switzerland said it had expelled ..." - the pronoun is the reporting verb's subject."""
    node = verb
    while node.dep_ in {"ccomp", "xcomp", "conj", "advcl"} and node.head is not node:
        node = node.head
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj and subj[0].lower_ not in PERSONAL_PRONOUNS | RELATIVE_PRONOUNS:
            return _own_phrase(subj[0])
    return []


def _own_phrase(head: Any) -> list[Any]:
    """The noun phrase of ``head`` without its relative clauses: "the first person who was diagnosed in the United
    States" names no American actor. A participle (acl) stays ("militants linked to al-Qaeda"), less its verb."""
    inside = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in head.subtree if t.i not in inside and not _is_clause(t, head)]


def object_tokens(verb: Any) -> list[Any]:
    """Tokens of direct objects, passive subjects and targeting prepositions of the verb."""
    toks: list[Any] = []
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass", "dative", "attr"}:
            toks.extend(c.subtree)
        elif c.lower_ in RESULTATIVES:  # "shot dead a policeman", the object parsed on "dead"
            toks.extend(t for o in c.children if o.dep_ in {"dobj", "pobj"} for t in o.subtree)
        elif c.dep_ == "prep" and c.lower_ in {"against", "on", "at", "into", "toward", "towards", "to", "of",
                                                "with", "upon"}:
            toks.extend(c.subtree)
    for c in verb.children:  # "withdraw troops from Chad", "expelled inspectors from Yongbyon": a last resort
        if c.dep_ == "prep" and c.lower_ == "from":
            toks.extend(c.subtree)
        elif c.dep_ == "prt":
            for p in c.children:
                toks.extend(p.subtree)
    return toks


def conjoined(tokens: list[Any]) -> bool:
    """The tokens hold a coordination ("Hungarian and Romanian officials", "the U.S. and Jordan")."""
    return any(t.dep_ == "cc" and t.lower_ in {"and", "&"} for t in tokens)


def _is_clause(tok: Any, head: Any) -> bool:
    return tok.i != head.i and tok.dep_ in {"relcl", "acl"} and tok.head.i == head.i
