"""A government's own pages: the meeting a readout's title names, between the publisher and its counterpart.

An official page often tells its meeting only in its title ("Telephone conversation with Federal Chancellor of
Germany Angela Merkel", "Russian-Vietnamese talks", "Readout of President Biden's Call with President X") and
its body goes straight to the topics ("The discussion focused on the Syrian settlement"). The nlp stage does not
parse the title, so no clause of the body carries the meeting. This module reads such a title on a page whose
publisher is a government (``assess.rhetoric.publisher_code``: the page's address, ``government_hosts.csv``):

- "<meeting noun> with X" (conversation, call, meeting; "Readout of A's call with X") is one CONSULT, the
  publisher's government -> X, as the guide codes "A spoke with B" or "A met with B";
- "talks with X", "A-B talks" (talks, negotiations, consultations: a noun of a mutual act) is one CONSULT each way;
- X is the longest name in the phrase that the gazetteer knows (an official, else a state or organisation;
  a state with a leader's title is its government); a domestic counterpart (same country) is no event.

Only a reported meeting: a title that is a sentence ("Putin will meet with X on Monday") is left to the clause
coder. A direction the body already codes (a CONSULT between the same two countries) is not added again. The
event's evidence is the first body sentence that tells the meeting (names the counterpart's country or a word of
meeting: "discussion", "talks", "conversation"...); a page with no such sentence gets none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from redline.events.actors import MentionIndex, country
from redline.events.meetings import CONSULT_CODE
from redline.events.record import _event
from redline.models import Analysis, Event
from redline.nlp.gazetteer import Gazetteer

# Nouns of a meeting one side holds with another: one event, publisher -> counterpart.
MEETING_NOUNS = r"(?:(?:tele)?phone (?:conversation|call|talk)|conversation|call|video call|video conference|" \
                r"meeting|working meeting|bilateral meeting|visit)"
# Nouns of a mutual act: one event each way.
TALKS_NOUNS = r"(?:talks|negotiations|consultations|summit)"
_WITH = re.compile(rf"^(?:readout of .{{1,80}}?['’‘]s? )?(?P<noun>{MEETING_NOUNS}|{TALKS_NOUNS}) with (?P<x>.+)$",
                   re.I)
_PAIR = re.compile(rf"\b(?P<a>[A-Z][a-z]+(?: [A-Z][a-z]+)?)[-–](?P<b>[A-Z][a-z]+(?: [A-Z][a-z]+)?) "
                   rf"(?P<noun>{TALKS_NOUNS})\b")
# Words of a body sentence that tells the meeting.
TELLING_LEMMAS = frozenset({"discussion", "talk", "conversation", "meeting", "consultation", "negotiation", "call",
                            "discuss", "meet", "talks", "leader", "president", "side"})
LEADER_WORDS = frozenset({"president", "prime", "minister", "chancellor", "king", "emir", "premier", "leader",
                          "secretary", "chairman", "director", "advisor", "adviser", "head", "sultan", "crown"})


def title_events(analysis: Analysis, index: MentionIndex, found: Sequence[Event]) -> list[Event]:
    """The CONSULT events of a readout's title on a government's page (none on any other page)."""
    from redline.assess.rhetoric import publisher_code  # assess imports the events stage: read at call time

    publisher = publisher_code(analysis)
    if publisher is None or analysis.doc is None:
        return []
    named = {m.text: m.code for m in analysis.mentions if m.code and m.type in {"PERSON", "ACTOR"}}
    parties = title_parties(analysis.article.title or "", publisher, named)
    if parties is None:
        return []
    counterpart, mutual = parties
    own = f"{publisher}-GOV"
    coded = {(country(e.source), country(e.target)) for e in found
             if e.type == "CONSULT" and e.status == "current" and e.source and e.target}
    directions = [(own, counterpart), (counterpart, own)] if mutual else [(own, counterpart)]
    anchor = _telling_sentence(analysis, index, country(counterpart))
    if anchor is None:
        return []
    events = []
    for source, target in directions:
        if (country(source), country(target)) in coded:
            continue
        event = _event(analysis, index, anchor.root, CONSULT_CODE, source, target, [], "asserted", scope=[])
        if event is not None:
            events.append(replace(event, location=None, geo=None, factuality="asserted", status="current",
                                  status_rules=(), text=" ".join(analysis.article.title.split())))
    return events


def title_parties(title: str, publisher: str, named: Mapping[str, str] | None = None) -> tuple[str, bool] | None:
    """The counterpart a readout title names and whether the act is mutual; None for any other title. ``named``:
    the body's actor names and their codes, for a counterpart the gazetteer does not list by the title's name."""
    title = " ".join(title.split())
    gaz = Gazetteer.built()  # the pipeline's own: a second threshold's gazetteer would be built for nothing
    match = _WITH.match(title)
    if match is not None:
        counterpart = _named(match.group("x"), gaz) or _body_named(match.group("x"), named or {})
        mutual = re.fullmatch(TALKS_NOUNS, match.group("noun"), re.I) is not None
    else:
        pair = _PAIR.search(title)
        if pair is None:
            return None
        sides = [_named(pair.group(k), gaz) for k in ("a", "b")]
        others = [s for s in sides if s is not None and country(s) != publisher]
        if len(others) != 1 or publisher not in {country(s) for s in sides if s}:
            return None
        counterpart, mutual = f"{others[0]}-GOV" if "-" not in others[0] else others[0], True
    if counterpart is None or country(counterpart) == publisher:
        return None
    return counterpart, mutual


def _named(phrase: str, gaz: Gazetteer) -> str | None:
    """The code of the longest gazetteer name in ``phrase``: an official first, else a state or organisation (a
    state with a leader's title is its government: "Republic of Korea President")."""
    words = re.findall(r"[\w’'.-]+", phrase)
    best: tuple[int, int, str] | None = None  # (length, kind rank, code)
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            alias = " ".join(words[i:j])
            official = gaz.officials.get(alias)
            actor = gaz.actors.get(alias)
            if official is not None:
                cand = (j - i, 1, official.code)
            elif actor is not None:
                code = actor.code
                if actor.kind == "state" and {w.lower() for w in words} & LEADER_WORDS:
                    code = f"{code}-GOV"
                cand = (j - i, 0, code)
            else:
                continue
            if best is None or cand[:2] > best[:2]:
                best = cand
            break
    return best[2] if best is not None else None


def _body_named(phrase: str, named: Mapping[str, str]) -> str | None:
    """The code of the longest body name that the phrase holds as whole words."""
    held = [(len(text), code) for text, code in named.items()
            if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", phrase)]
    return max(held)[1] if held else None


def _telling_sentence(analysis: Analysis, index: MentionIndex, where: str | None) -> Any | None:
    """The first sentence of the body that tells the meeting: it names the counterpart's country or has a word
    of meeting."""
    for sent in analysis.doc.sents:
        codes = {country(m.code) for m in index.mentions_in(list(sent)) if m.code}
        if where in codes or any(t.lemma_.lower() in TELLING_LEMMAS or t.lower_ in TELLING_LEMMAS for t in sent):
            return sent
    return None
