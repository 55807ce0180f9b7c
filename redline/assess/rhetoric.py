"""Threats and red lines: who threatens what response if which trigger happens, against whom.

A threat is found in a sentence by one of these mechanisms (``redline.assess.threat_rules``), each over the
dependency parse:

- a threatening verb with an agent and a threatened act: "X threatens to <act>", "X threatens Y with <noun>";
  "X vows to retaliate";
- a warning that promises the issuer's own act or a response noun: "X warns (Y) that it will <act>",
  "X warns Y of consequences if ...", or forbids an act: "X warns Y against <doing>" (a red line);
- a commitment to respond in what the issuer says: a clause whose subject is the issuer ("we", "it", the
  issuer's name) with a future modal and a response verb ("will respond", "will retaliate", "will hit"),
  "X will be met with Y", "there will be consequences", "will not sit idly by", "react accordingly";
  "any country that attacks us will ..." (a conditional in the subject);
- a red line declared or crossed ("this is the red line", "the last red line has been crossed");
- an ultimatum: "or face <sanctions>", "unless <demand>";
- a doctrine changed to lower a threshold; a threat named as a noun with its act ("threats of strikes").

The trigger and response become short clauses (``redline.assess.clauses``); the issuer is the country of the
speaker (first person converted: "we will retaliate" said by Turkey's minister -> TUR); a threat cited as
past context ("had threatened", "after X threatened", "in past tensions") has status ``background``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from redline.assess import clauses, threat_model, threat_triggers
from redline.assess.threat_forms import RULES
from redline.assess.threat_rules import ISSUER, Found, claim_of, reporter, subject_name
from redline.assess.threat_words import ISSUER_PRONOUNS, PROMISE_VERBS
from redline.events.actors import country, place_country
from redline.models import Analysis, Claim, Evidence, Mention, Threat
from redline.nlp.doctext import text_of
from redline.nlp.gazetteer import lookup_code
from redline.nlp.places import read_data
from redline.nlp.speakers import posted_to

NUCLEAR = re.compile(r"\bnuclear|atomic\b", re.I)
ECONOMIC = re.compile(r"\bsanction|tariff|embargo|export|trade|oil|gas|electricity|surcharge|energy|market\b", re.I)
MILITARY = re.compile(r"\bstrike|attack|military|force|war|involvement|missile|retaliat|troops|destroy|"
                      r"response|respond|target|hit|bomb\b", re.I)
ANAPHOR = re.compile(r"\b(these|those|such|the|this|that)\s+(missiles?|weapons?|rockets?|jets?|tanks?|"
                     r"drones?|systems?|arms)\b", re.I)
# Hostile acts a threat's issuer suffers in a passive trigger ("if it is attacked"), stems without "-ed".
SUFFERED = frozenset({"attack", "strik", "struck", "invad", "provok", "threaten", "punish", "sanction", "target",
                      "harm", "bomb", "hit", "assault"})
SIDE = re.compile(r"\bthe ([A-Z][\w.-]+(?: [A-Z][\w.-]+)*) side\b")
# Sites where a government publishes its own statements: their unnamed "we" and "the President" are its voice
# (redline/data/government_hosts.csv).
GOVERNMENT_HOSTS = {r["host"]: r["country"] for r in read_data("government_hosts.csv")}
PAST_MARKERS = re.compile(r"\b(previously|earlier|in (?:the )?(?:recent |distant )?past|once|formerly|had threatened|"
                          r"had warned|in past)\b", re.I)
SUBORDINATE_PAST = frozenset({"after", "because", "since", "despite", "as"})
# Penalties and legal steps taken for an act ("arrested for threatening"): the act came before.
PUNISHING = frozenset({"arrest", "charge", "convict", "sentence", "jail", "imprison", "detain", "indict", "fine",
                       "prosecute", "sue", "punish", "expel", "deport", "suspend", "fire", "ban", "investigate",
                       "try", "acquit", "condemn"})
# What is done to a threat made before: "ignored the warnings", "defied the ultimatum" (rejecting one is news of it:
# "Pakistan rejects India's threat to ..." stays current).
DEFIED = frozenset({"ignore", "defy", "disregard", "heed"})
THREAT_VERBS = frozenset({"threaten", "warn"}) | PROMISE_VERBS
# Prepositions naming where a speaker is or what a sentence is about ("Speaking in Qatar", "On Ukraine, ..."): not
# whom the speaker speaks for.
SETTINGS_OF_A_SAYING = frozenset({"in", "at", "near", "into", "to", "on"})
TIME_BEFORE = frozenset({"after", "despite"})  # a threat in such a clause came before what the sentence says


def find_threats(analysis: Analysis) -> tuple[Threat, ...]:
    """Every threat and red line of the article, in text order, one per sentence and issuer."""
    doc = analysis.doc
    if doc is None:
        return ()
    found: list[Threat] = []
    for sent in doc.sents:
        if sent.text.rstrip().endswith("?"):
            continue  # a question about a threat is not one
        claim = claim_of(analysis.claims, sent)
        for make in RULES:
            got = make(sent, analysis, claim)
            if got is not None:
                if not got.trigger and got.form == "unconditional":  # its condition may sit elsewhere in the sentence
                    got.trigger = threat_triggers.sentence_trigger(sent, ISSUER)
                    got.form = "conditional" if got.trigger else got.form
                    got.response = threat_triggers.without_answered(got.response, sent) if got.trigger else got.response
                found.append(_finish(got, analysis, sent, _saying(analysis.claims, got.cue) or claim, len(found)))
                break
        else:  # no rule: the learned model may still accept the sentence, with a structure read off the parse
            p = threat_model.probability(sent)
            if p is not None and p >= threat_model.threshold():
                got = threat_model.generic(sent, analysis, claim)
                if got is not None:
                    found.append(_finish(got, analysis, sent, _saying(analysis.claims, got.cue) or claim, len(found)))
    return tuple(found)


def _saying(claims: tuple[Claim, ...], cue: Any) -> Claim | None:
    """The claim whose content holds the threat's cue: who says the threat, when a sentence has several claims
    ("Reuters reports that Rouhani added that ..." -> Rouhani's, the innermost)."""
    holding = [c for c in claims if c.content_start is not None and c.content_end is not None
               and c.content_start <= cue.idx < c.content_end]
    return min(holding, key=lambda c: c.content_end - c.content_start) if holding else None


def _finish(got: Found, analysis: Analysis, sent: Any, claim: Claim | None, n: int) -> Threat:
    speaker_code = None if got.unnamed else _speaker_code(got.subject, analysis, claim)
    if speaker_code is None and got.own:  # the speaker names no state, the threat does: "Pyongyang will not ..."
        speaker_code = _named_code(got.own, analysis, None)
    threat = f"{got.trigger} {got.response}"
    defiers = {country(m.code) for m in analysis.mentions if m.code and any(
        t.idx <= m.start < t.idx + len(t.text) for t in got.defier)}
    actor = country(speaker_code) or _sole_party(sent, analysis, threat, got.subject, defiers) or _first_party(
        sent, analysis, threat, got.cue, defiers)
    person = _person(got.subject, analysis.mentions)
    named = claim.speaker if claim and not got.subject else subject_name(got.subject)
    speaker = person.canonical if person else named
    start = sent.start_char
    end = sent.end_char
    while end > start and text_of(analysis.doc)[end - 1].isspace():
        end -= 1
    issuer = lookup_code(actor) if actor else "the issuer"
    trigger = _resolve_user(_resolve_anaphor(got.trigger.replace(ISSUER, issuer), analysis.mentions, start),
                            analysis, start, actor)
    trigger = _resolve_pronoun(trigger, sent, analysis.mentions, actor)
    trigger = _resolve_side(trigger, analysis.mentions, (sent.start_char, sent.end_char))
    response = _as_issuer(got.response, actor)
    scope = (start, end)
    return Threat(
        id=f"t{n + 1}",
        actor=actor,
        speaker=speaker or None,
        trigger=trigger,
        response=response,
        target=_target(analysis.mentions, scope, actor),
        date=analysis.article.published.date().isoformat() if analysis.article.published else None,
        kind=_kind(f"{trigger} {response}"),
        evidence=(Evidence.of(analysis.article, start, end),),
        form=got.form,
        status=_status(got.cue, sent),
        role=_role(got.subject, person),
    )


def _sole_party(sent: Any, analysis: Analysis, threat: str, subject: list[Any], defiers: set[str | None]) -> str | None:
    """The one country a sentence names outside the threat's own clauses, as the issuer of a threat whose speaker
    names none ("gunmen threatened to attack Israel" names only the threatened; "ambassador to the UN" is where
    the speaker is posted, not whom they speak for)."""
    named = [m for m in analysis.mentions if sent.start_char <= m.start < sent.end_char and m.code
             and m.type in {"ACTOR", "PERSON"} and not reporter(m) and not (subject and posted_to(analysis.doc, m,
                                                                                                subject))]
    parties = {country(m.code) for m in named if m.text not in threat} - {None} - defiers
    return parties.pop() if len(parties) == 1 else None


def _first_party(sent: Any, analysis: Analysis, threat: str, cue: Any, defiers: set[str | None]) -> str | None:
    """The party a sentence names first, before the threat's cue and outside its clauses and places, as the issuer
    of a threat whose speaker names no state, in a sentence that names several parties: a sentence names its subject
    or its forum first ("In a meeting of the African Union, regional leaders refused to recognise the junta in Mali
    and threatened sanctions if ...": the African Union)."""
    for m in analysis.mentions:
        if not (sent.start_char <= m.start < cue.idx) or not m.code or m.type not in {"ACTOR", "PERSON"} or \
                reporter(m) or m.text in threat or country(m.code) in defiers:
            continue
        token = next((t for t in sent if t.idx <= m.start < t.idx + len(t.text)), None)
        root = token
        while root is not None and root.dep_ in {"compound", "amod", "poss", "det"} and root.head != root:
            root = root.head  # "the strikes on the Lebanese capital": up to the noun the place names
        if root is not None and root.head.dep_ == "prep" and root.head.lower_ in SETTINGS_OF_A_SAYING:
            continue  # "Speaking in Qatar, ...": where the speaker is; "on Ukraine, ...": what it is about
        return country(m.code)
    return None


def _as_issuer(response: str, actor: str | None) -> str:
    """First person converted to the issuer: "we will retaliate" said for Turkey -> "Turkey will retaliate"."""
    issuer = lookup_code(actor) if actor else "the issuer"
    response = response.rpartition(": ")[2].lstrip(" ,")  # "I made it very clear: there will be ..."
    response = response.replace(ISSUER, issuer)
    for own in ("we ", "i ", "it ", "the country "):
        if actor and response.lower().startswith(own):
            return f"{issuer} {response[len(own):]}"
    pronoun, _, rest = response.partition(" ")
    if actor and pronoun.lower() in clauses.OWN_POSSESSIVES and rest.lower().startswith("country "):
        return f"{issuer} {rest[len('country '):]}"  # "his country would use force" said for Iran -> "Iran would ..."
    if actor and pronoun.lower() in clauses.OWN_POSSESSIVES and {w.lower() for w in rest.split(" ")[:2]} & \
            clauses.OWN_FORCES:
        return f"{issuer}'s {rest}"  # "its forces would strike ..." -> "Russia's forces would strike ..."
    return response


def publisher_code(analysis: Analysis) -> str | None:
    """The government that publishes the article (a transcript on whitehouse.gov speaks for the USA)."""
    host = urlsplit(analysis.article.url or "").hostname or ""
    return next((code for suffix, code in GOVERNMENT_HOSTS.items() if host == suffix or host.endswith("." + suffix)),
                None)


def _speaker_code(subject: list[Any], analysis: Analysis, claim: Claim | None) -> str | None:
    code = _named_code(subject, analysis, claim)
    if code is None and (not subject or {t.lower_ for t in subject} & {"president", "we", "i", "our", "us"}):
        return publisher_code(analysis)  # "we", "I", "the President" in a government's own transcript
    return code


def _named_code(subject: list[Any], analysis: Analysis, claim: Claim | None) -> str | None:
    if subject:
        start, end = min(t.idx for t in subject), max(t.idx + len(t.text) for t in subject)
        inside = [m for m in analysis.mentions if start <= m.start < end and m.code and not reporter(m)
                  and not (m.type == "ACTOR" and posted_to(analysis.doc, m, subject))]  # "KCNA" speaks for no state
        for kind in ("PERSON", "ACTOR"):
            for m in inside:
                if m.type == kind:
                    return m.code
        if {t.lower_ for t in subject} & ISSUER_PRONOUNS or not inside:
            if claim is not None and claim.speaker_code and not _relayed(claim.speaker_code, analysis.mentions):
                return claim.speaker_code
        return _located(subject, analysis.mentions)
    elif claim is not None and not _relayed(claim.speaker_code, analysis.mentions):
        return claim.speaker_code
    return None


def _relayed(code: str | None, mentions: tuple[Mention, ...]) -> bool:
    """Whether a claim's speaker code is a news outlet's, which relays and speaks for no state."""
    return any(m.code == code and reporter(m) for m in mentions)


def _located(subject: list[Any], mentions: tuple[Mention, ...]) -> str | None:
    """The country of a speaker named by where they are: "officials in Tehran", "tribal elders from Darfur" ->
    the place's country, when the speaker's phrase names one place and no actor."""
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    where = {t for p in (head.children if head is not None else ()) if p.dep_ == "prep" and p.lower_ in {"in", "from"}
             for t in p.subtree}
    places = {place_country(m) for m in mentions if m.type == "PLACE" and any(
        t.idx <= m.start < t.idx + len(t.text) for t in where)} - {None}
    return places.pop() if len(places) == 1 else None


def _person(subject: list[Any], mentions: tuple[Mention, ...]) -> Mention | None:
    if not subject:
        return None
    start, end = min(t.idx for t in subject), max(t.idx + len(t.text) for t in subject)
    people = [m for m in mentions if start <= m.start < end and m.type == "PERSON"]
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    return next((m for m in people if head is not None and m.start <= head.idx < m.end), None) or next(
        iter(people), None)  # the person the subject is headed by, else the first named


def _role(subject: list[Any], person: Mention | None) -> str | None:
    if person is None:
        return None
    before = [t for t in subject if t.idx < person.start]
    words: list[str] = []
    for t in reversed(before):  # the title written right before the name: "Foreign Ministry spokeswoman"
        if t.pos_ not in {"NOUN", "PROPN", "ADJ"} or t.ent_type_ == "PERSON":
            break
        words.insert(0, t.text)
    return " ".join(words) or None


def _status(cue: Any, sent: Any) -> str:
    """``background`` for a threat cited as past context: "had threatened", "after X threatened", "in past
    tensions, Ankara has threatened"."""
    while cue.dep_ == "xcomp" and cue.head != cue and cue.head.lemma_ in THREAT_VERBS:
        cue = cue.head  # "who threatened to blow up ...": the tense is the threatening verb's
    aux = {c.lower_ for c in cue.children if c.dep_ == "aux"}
    if _punished(cue):
        return "background"  # "arrested for threatening to bomb ...": the threat is what was done before
    if cue.pos_ == "NOUN" and cue.dep_ == "dobj" and cue.head.lemma_ in DEFIED:
        return "background"  # "defied the ultimatum", "ignored the warnings": cited, not made here
    if cue.pos_ == "NOUN" and cue.head.lower_ in SUBORDINATE_PAST | {"amid"}:
        return "background"  # "despite threats from X", "amid threats": cited, not made here
    if "had" in aux or (cue.dep_ in {"advcl", "relcl"} and cue.tag_ == "VBD" and any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATE_PAST for c in cue.children)):
        return "background"
    if any((a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_BEFORE for c in a.children)) or (
            a.dep_ == "pcomp" and a.head.lower_ in TIME_BEFORE) for a in [cue, *cue.ancestors]):
        return "background"  # "..., after Maduro rejects the European ultimatum", "despite Ankara threatening ..."
    if cue.dep_ == "ccomp" and cue.tag_ == "VBD" and cue.lemma_ in THREAT_VERBS and cue.head.tag_ in {"VBZ", "VBP"}:
        return "background"  # "cables reveal that New Zealand threatened ...": told now, made before
    if cue.dep_ == "relcl" and (cue.tag_ == "VBD" or aux & {"has", "have"}):
        return "background"  # "militants, who threatened / have threatened to kill ...": said of the actor before
    # "once" as a conjunction ("Once Ukraine joins NATO, Russia will respond") is a condition, not "formerly", and
    # "once again" / "once more" is "one more time" ("Russia once again threatened to ...": said now, again)
    words = [t.text for t in sent if not _once_now(t)]
    before = " ".join(t.text for t in sent if t.i < cue.i and not _once_now(t))
    if PAST_MARKERS.search(before) or (aux & {"has", "have"} and PAST_MARKERS.search(" ".join(words))):
        return "background"
    return "current"


def _once_now(token: Any) -> bool:
    """ "once" that does not mean "formerly": a conjunction ("once Ukraine joins NATO") or "once again"."""
    return token.lower_ == "once" and (token.dep_ == "mark" or token.i + 1 < len(token.doc) and token.nbor(
        1).lower_ in {"again", "more"})


def _punished(cue: Any) -> bool:
    """A threat that is the reason for a penalty or a legal step: "arrested for threatening ...", "charged with
    threatening ...", "jailed over threats to ..."."""
    for node in [cue, *list(cue.ancestors)[:3]]:
        if node.dep_ in {"pcomp", "pobj"} and node.head.lower_ in {"for", "with", "over"} and \
                node.head.head.lemma_.lower() in PUNISHING:
            return True
    return False


def _target(mentions: tuple[Mention, ...], scope: tuple[int, int], actor: str | None) -> str | None:
    for m in mentions:
        if scope[0] <= m.start < scope[1] and m.type in {"ACTOR", "PERSON"} and m.code:
            if country(m.code) != actor:
                return country(m.code)
    return None


def _resolve_anaphor(trigger: str, mentions: tuple[Mention, ...], before: int) -> str:
    """"these missiles" -> "these missiles [ATACMS]" when the last weapon named before the threat is clear."""
    match = ANAPHOR.search(trigger)
    if not match:
        return trigger
    weapons = [m for m in mentions if m.type == "WEAPON" and m.end <= before]
    if not weapons:
        return trigger
    return f"{trigger[:match.end()]} [{weapons[-1].canonical}]{trigger[match.end():]}"


def _resolve_user(trigger: str, analysis: Analysis, before: int, issuer: str | None) -> str:
    """"the issuer uses ATACMS" has no user in the threat itself: the user of a weapon is the actor named last
    before the weapon's earlier mention (" allowing Ukraine to deploy ATACMS")."""
    if not trigger.startswith("anyone "):
        return trigger
    weapons = [m for m in analysis.mentions if m.type == "WEAPON" and m.end <= before and m.canonical in trigger]
    if not weapons:
        return trigger
    actors = [m for m in analysis.mentions if m.type == "ACTOR" and m.end <= weapons[-1].start and m.code
              and country(m.code) != issuer and m.start >= weapons[-1].start - 200]
    if not actors:
        return trigger
    return actors[-1].text + trigger.removeprefix("anyone")


def _resolve_pronoun(trigger: str, sent: Any, mentions: tuple[Mention, ...], issuer: str | None) -> str:
    """ "they refuse" -> "all U.S. and Turkish troops refuse": a trigger whose subject is "they" or "it" takes the
    last noun phrase before the condition that names another actor than the issuer and agrees in number."""
    word, _, rest = trigger.partition(" ")
    if word.lower() not in {"they", "it"} or not rest:
        return trigger
    cut = text_of(sent.doc).find(" if ", sent.start_char, sent.end_char)
    cut = sent.end_char if cut < 0 else cut
    plural = word.lower() == "they"
    suffered = rest.split()
    if issuer and word.lower() == "it" and len(suffered) >= 2 and suffered[0] in {"is", "was", "were"} and \
            suffered[1].removesuffix("ed").removesuffix("d") in SUFFERED:
        return f"{lookup_code(issuer)} {rest}"  # "Iran would retaliate if it were attacked": the issuer is attacked
    for verb in sent:  # "X warns Hezbollah that it will bomb Beirut if it fires rockets": the warned party acts
        warned = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None) \
            if verb.lemma_ in {"warn", "tell", "caution"} else None
        if warned is None or warned.idx > cut:
            continue
        codes = {country(m.code) for m in mentions if warned.idx <= m.start < warned.idx + len(warned.text) and m.code
                 and m.type == "ACTOR"}
        if codes and issuer not in codes and (warned.tag_ in {"NNS", "NNPS"}) == plural:
            return f"{clauses.text_of(warned.subtree)} {rest}"
    for chunk in reversed(list(sent.noun_chunks)):
        if chunk.end_char > cut or chunk.root.lower_ in {"they", "it", "we", "i", "you", "he", "she"}:
            continue
        codes = {country(m.code) for m in mentions if chunk.start_char <= m.start < chunk.end_char and m.code
                 and m.type == "ACTOR"}
        many = chunk.root.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "conj" for t in chunk)
        owner = next((c for c in chunk.root.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None and not chunk.root.ent_type_ and not plural:
            # "Sweden's NATO bid ... if it does not extradite": the owner acts, not the thing owned
            said = "".join(t.text_with_ws for t in owner.subtree if t.dep_ != "case").strip()
            if {country(m.code) for m in mentions if owner.idx <= m.start < owner.idx + len(owner.text) and m.code
                    and m.type == "ACTOR"} - {issuer}:
                return f"{said} {rest}"
            continue
        if codes and issuer not in codes and many == plural:
            return f"{chunk.text} {rest}"
    return trigger


def _resolve_side(trigger: str, mentions: tuple[Mention, ...], scope: tuple[int, int]) -> str:
    """"the Indian side attacks" -> "India attacks": a nationality named as the agent of an act
    (``clauses.actor_modifier``) becomes the country the gazetteer gives it, when it gives one."""
    match = SIDE.search(trigger)
    if not match:
        return trigger
    code = next((country(m.code) for m in mentions if scope[0] <= m.start < scope[1] and m.code
                 and m.text == match.group(1)), None)
    return trigger.replace(match.group(0), lookup_code(code), 1) if code else trigger


def _kind(text: str) -> str:
    if NUCLEAR.search(text):
        return "nuclear"
    if MILITARY.search(text):
        return "military"
    if ECONOMIC.search(text):
        return "economic"
    return "diplomatic"
