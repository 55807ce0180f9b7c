"""Event records: place, target defaults, evidence and confidence of one coded act; threat claims as
events; the merge of an article's events."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redline.events import filter as event_filter
from redline.events.actors import MentionIndex, country, place_country, rebels, state_of
from redline.events.clause import REFERENCE_PREPS, clause_of
from redline.events.coded import Coded
from redline.events.plover import cameo_root, intensity, plover_of
from redline.events.status import CURRENT, DROPPED, firing, intercepted_attack
from redline.events.vocab import (
    DOMESTIC_CODES,
    DOMESTIC_TYPES,
    INTENT_CODES,
    MILITARY_WORDS,
    NUCLEAR_WORDS,
    THREAT_KINDS,
)
from redline.models import Analysis, Event, Evidence, Mention
from redline.nlp.dates import act_day, present_tense

NOUN_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod"})  # a date naming its noun: "the 2003 bombings"
CLAUSAL = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis", "csubj"})  # a clause under a verb's clause


def _intent(cameo: str) -> str:
    """An act announced with "will" is an intent to cooperate or a threat, not the act itself."""
    try:
        ptype = plover_of(cameo)[0]
    except KeyError:
        return cameo
    return INTENT_CODES.get(ptype, cameo)


def _event(analysis: Analysis, index: MentionIndex, head: Any, cameo: str, source: str | None,
           target: str | None, weapons: list[Mention], factuality: str,
           scope: list[Any] | None = None, domestic: bool = False, home: bool = False,
           abroad: bool = False) -> Event | None:
    """The event record; an unnamed agent coded by its setting ("gunmen in Somalia") targets that country, and
    an act on a person or group with no country of its own (``home``) targets the actor's country, unless
    they are people from elsewhere (``abroad``: migrants, diplomats)."""
    try:
        ptype, mode, _context = plover_of(cameo)
    except KeyError:
        return None
    tokens = scope if scope is not None else list(head.subtree)
    places = index.places(tokens)
    if head.dep_ == "relcl" and index.places([head.head]):
        places = index.places(head.sent)  # "around Kurakhovo in Donetsk, where forces advance"
    places = places or index.places(_setting_scope(head))
    # the first place whose country is known (`MentionIndex.places` puts located gazetteer places first)
    place = next((p for p in places if place_country(p) is not None), places[0] if places else None)
    where = place_country(place) if place is not None else None
    if target is None and where is not None:
        if domestic or rebels(source) or country(source) != where:
            target = where
    if target is None and (home or (not abroad and (ptype in DOMESTIC_TYPES or cameo in DOMESTIC_CODES))):
        own = state_of(source)
        if own is not None:
            target = own  # a protest, curfew or ban with no foreign target names the actor's own country
    if source is None and target is None:
        return None
    article = analysis.article
    clause = clause_of(head, analysis.mentions)
    coded = Coded(clause, cameo, source, target, factuality, article.published.date() if article.published else None)
    fired = firing(coded, index)
    status = fired[0].status if fired else CURRENT
    if status == DROPPED:
        return None
    if status == "interception":  # "shot down Ukrainian drones": at most the attacker's attempted assault
        source, target = intercepted_attack(coded, index)
        cameo = "190"
        ptype, mode, _context = plover_of(cameo)
    rules = tuple(r.name for r in fired)
    if status == CURRENT and not event_filter.keep(coded, ptype, index):
        rules += (event_filter.MARK,)  # the learned filter's doubt: dropped after the merge (`filter.drop`)
    sent = head.sent
    end = sent.end_char
    while end > sent.start_char and article.text[end - 1].isspace():
        end -= 1
    published = act_day(clause.dates, _sentence_date(analysis, head, end),
                        article.published.date().isoformat() if article.published else None,
                        current=status == CURRENT, present=present_tense(head))
    locations = [p.canonical for p in places if p.type == "PLACE"]
    return Event(
        id="",
        type=ptype,
        mode=mode.strip(),
        cameo=cameo_root(cameo),
        source=source,
        target=target,
        location=", ".join(dict.fromkeys(locations)) or (place.canonical if place else None),
        geo=place.geo if place else None,
        weapons=tuple(dict.fromkeys(w.canonical for w in weapons)),
        factuality=factuality,
        intensity=intensity(ptype, cameo),
        confidence=_confidence(source, target, factuality),
        evidence=(Evidence.of(article, sent.start_char, end),),
        date=published,
        text=" ".join(head.text.split()) if scope is not None else _clause_text(head, article.text),
        status=status,
        status_rules=rules,
    )


def _setting_scope(head: Any) -> list[Any]:
    """Where an act with no place of its own is set: its sentence, less the clause of a verb it is coordinated
    with ("would prohibit aid to rebels in Macedonia and would deny entry to the US": the denial is not in
    Macedonia)."""
    if head.dep_ != "conj" or head.head.pos_ not in {"VERB", "AUX"}:
        return list(head.sent)
    own = {t.i for t in head.subtree}
    sibling = {t.i for t in head.head.subtree} - own
    return [t for t in head.sent if t.i not in sibling]


def _sentence_date(analysis: Analysis, head: Any, end: int) -> str | None:
    """The first resolved date named in the sentence ("on Tuesday", "the war's 1000th day"), leaving out
    reference points ("for the first time since September 2022" does not date the act)."""
    sent = head.sent
    for m in analysis.mentions:
        if m.type == "DATE" and sent.start_char <= m.start < end and m.attr("value"):
            span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and any(a.dep_ == "prep" and a.lower_ in REFERENCE_PREPS for a in span.root.ancestors):
                continue
            if span is not None and _names_another_thing(span, head):
                continue
            return m.attr("value")
    return None


def _names_another_thing(span: Any, head: Any) -> bool:
    """Whether a date of the sentence belongs to something other than the act or the report: a date naming a
    noun ("for their roles in the 2003 bombings", "the Act of 2012", "the Act for Fiscal Year 2013"), a date of
    another verb's clause ("who was sentenced in 2010", "found guilty of assassinating him in 1991") or one
    reached through two nouns ("in response to the sinking of a warship in March"). A date of a verb above the
    act ("officials said on Friday that rebels attacked") is the report's and may stand for it. (spaCy makes a
    new Token on each access, so tokens are compared with == or by index, never with ``is``.)"""
    root = span.root
    if root.dep_ in NOUN_MODIFIERS and root.head.pos_ in {"NOUN", "PROPN"} and root.head != head:
        return True
    above = _governing(head)
    nouns = 0
    node = root
    while node.head != node:
        up = node.head
        if up == head:
            return False
        if span.start <= up.i < span.end:
            node = up
            continue
        if up.pos_ == "ADP":
            owner = up.head
            if owner.pos_ in {"NOUN", "PROPN"} and owner != head and up.lower_ in {"of", "for"}:
                return True  # "the Act of 2012", "the events of 1989", "the Act for Fiscal Year 2013"
        elif up.pos_ in {"VERB", "AUX"}:
            return up.i not in above
        elif up.pos_ in {"NOUN", "PROPN"}:
            nouns += 1
            if nouns > 1:
                return True
        node = up
    return False


def _governing(head: Any) -> set[int]:
    """Indexes of the verbs whose clause holds the act's as a complement or a coordinate ("officials said that
    rebels attacked", "decides to free"), up to the first noun the chain passes: a clause describing a noun
    ("an op-ed called treasonous") is not reported by the verb over that noun ("who in 2018 wrote an op-ed")."""
    found: set[int] = set()
    node = head
    while node.dep_ in CLAUSAL and node.head != node:
        node = node.head
        found.add(node.i)
    return found


def _clause_text(verb: Any, text: str) -> str:
    toks = sorted((t for t in verb.subtree if not t.is_space), key=lambda t: t.i)
    if not toks:
        return str(verb.text)
    clause = text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
    return " ".join(clause.split())[:240]


def _confidence(source: str | None, target: str | None, factuality: str) -> float:
    score = 0.5 + (0.2 if source else 0.0) + (0.15 if target else 0.0)
    if factuality in {"hedged", "conditional", "negated"}:
        score -= 0.2
    return round(min(score, 0.95), 2)


def _threat_events(analysis: Analysis) -> list[Event]:
    """A threatening claim is itself an event: THREATEN from the speaker's actor to whom it names."""
    index = MentionIndex(analysis.doc, analysis.mentions)
    events: list[Event] = []
    for claim in analysis.claims:
        if claim.stance != "threat" or not claim.speaker_code:
            continue
        words = set(claim.content.lower().split())
        cameo = THREAT_KINDS["nuclear"] if words & NUCLEAR_WORDS else (
            THREAT_KINDS["military"] if words & MILITARY_WORDS else "130")
        span = analysis.doc.char_span(claim.content_start, claim.content_end, alignment_mode="expand")
        targets = [m for m in index.mentions_in(span or []) if m.type in {"ACTOR", "PERSON"} and m.code
                   and country(m.code) != country(claim.speaker_code)]
        ptype, mode, _ = plover_of(cameo)
        events.append(Event(
            id="", type=ptype, mode=mode.strip(), cameo=cameo_root(cameo), source=claim.speaker_code,
            target=targets[0].code if targets else None, location=None, geo=None,
            weapons=tuple(dict.fromkeys(w.canonical for w in index.weapons(span or []))),
            factuality="asserted", intensity=intensity(ptype, cameo), confidence=0.8,
            evidence=claim.evidence,
            date=analysis.article.published.date().isoformat() if analysis.article.published else None,
            text=claim.content[:240],
        ))
    return events


def _fuller(k: tuple[str | None, ...], key: tuple[str | None, ...], kept: Event, e: Event) -> bool:
    """Event ``kept`` (key ``k``) says what ``e`` says and more, so ``e`` folds into it: a named target, a
    location, or (for the same sentence) a named source ("staged a hunger strike in protest against ...")."""
    if k[0] != key[0] or k[4:] != key[4:]:
        return False
    if key[2] is None and k[1] == key[1] and k[2] is not None and (key[3] is None or k[3] in {None, key[3]}):
        return True
    if key[3] is None and k[1:3] == key[1:3] and k[3] is not None:
        return True
    return (key[1] is None and k[1] is not None and k[2:4] == key[2:4]
            and any(x in kept.evidence for x in e.evidence))


def _mirror(a: Event, b: Event) -> bool:
    """Two events of one clause with the same two actors each way round, told apart only by their sectors: the
    two sides of a domestic clash (IRN-COP on IRN-CVL, IRN-CVL on IRN-COP) are two events, as in PLOVER; so are
    two sides of a fight coded alike ("clashes between rival clans in Somalia": SOM on SOM, both ways)."""
    if a.source is None or a.target is None or (a.source, a.target) != (b.target, b.source):
        return False
    return a.evidence[:1] == b.evidence[:1] and (a.source != a.target or a.type == "ASSAULT")


def _merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per (type, source country, target country, location, status); evidence and weapons are pooled."""
    merged: dict[tuple[str, str | None, str | None, str | None, str], Event] = {}
    for e in events:
        key = (e.type, country(e.source), country(e.target), e.location, e.status)
        if key in merged and _mirror(merged[key], e):  # "police clashed with protesters": both sides act
            key = (*key[:4], e.status + "/mirror")
        if key in merged:
            old = merged[key]
            evidence = old.evidence + tuple(x for x in e.evidence if x not in old.evidence)
            merged[key] = replace(old, evidence=evidence,
                                  weapons=tuple(dict.fromkeys(old.weapons + e.weapons)),
                                  source=old.source or e.source, target=old.target or e.target)
        else:
            merged[key] = e
    for key, e in list(merged.items()):
        fuller = [k for k in merged if k != key and _fuller(k, key, merged[k], e)]
        if fuller:
            old = merged[fuller[0]]
            merged[fuller[0]] = replace(old, evidence=old.evidence + tuple(
                x for x in e.evidence if x not in old.evidence))
            del merged[key]
    return tuple(replace(e, id=f"e{n + 1}") for n, e in enumerate(merged.values()))
