"""The escalation ladder and the 0-100 escalation score of an article.

The ladder condenses Herman Kahn's 44 rungs ("On Escalation", 1965) into twelve that news can evidence.
Each event maps to one rung; only asserted or reported events and issued threats count toward the
current rung (a hypothetical strike is not a strike).

Score = 60 * rung / 11            (how far up the ladder the worst evidenced act is)
      + 20 * mean hostility       (mean of -intensity / 10 over hostile events, 0..1)
      + 2 per hostile event, at most 10
      + 5 per threat, at most 10, clipped to 0..100.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from redline.events.actors import country
from redline.models import Analysis, Event, Threat

LADDER: tuple[str, ...] = (
    "no hostile activity",
    "verbal protest and accusation",
    "threats and ultimatums",
    "sanctions and coercion",
    "mobilisation and force posture",
    "fighting on contested territory",
    "strikes deep into territory and on cities",
    "strikes on the other side's own territory",
    "direct involvement of a third power",
    "nuclear signalling",
    "nuclear threat with ultimatum",
    "nuclear use",
)
COUNTED = frozenset({"asserted", "reported"})
CITY_WORDS = re.compile(r"\bcit(y|ies)\b|\bcapital\b|\btowns?\b", re.I)
ESCALATING = re.compile(r"\bescalat\w*|\bintensif\w*|\bramped up\b|\bstepped up\b|\bsurge\w*|\bincreas\w*|"
                        r"\bdeeper\b|\bexpand\w*", re.I)
DEESCALATING = re.compile(r"\bceasefire\b|\btruce\b|\bde-?escalat\w*|\bwithdr[ae]w\w*|\bpeace\b|\btalks\b|"
                          r"\breleased?\b|\bagreement\b", re.I)
# The wording only speaks of the conflict when its sentence does: "the death toll from the wildfires increases"
# and "the club withdraws from the league" say nothing of escalation.
SECURITY = re.compile(r"\b(wars?|warfare|attack\w*|strikes?|struck|shell\w*|troops|forces|military|milita\w*|"
                      r"missiles?|rockets?|drones?|bomb\w*|fight\w*|battle\w*|front ?lines?|offensive|hostilit\w*|"
                      r"conflict|violence|clash\w*|tensions?|sanction\w*|threat\w*|army|armies|soldiers|"
                      r"invasion|invad\w*|occupation|ceasefire|truce|peace|hostages?|weapons?|arms|air defen[cs]e|"
                      r"de-?escalat\w*)\b", re.I)
BIG_CITY = 100_000
# CAMEO roots of material force; PLOVER files "occupy territory" (192) under COERCE, the ladder does not.
FORCE_ROOTS = frozenset({"18", "19", "20"})


@dataclass(frozen=True)
class Rung:
    level: int
    label: str
    event_ids: tuple[str, ...]


def event_rung(event: Event, theatre: str | None, city_population: int = 0,
               belligerents: frozenset[str] = frozenset()) -> int:
    """Rung of one event; ``theatre`` is the country where the article's fighting mostly happens.

    ``belligerents``: the two states of the main fighting pair; force used by or against a state outside
    it (a third power's forces engaged directly) is rung 8.
    """
    weapons = " ".join(event.weapons).lower()
    if event.type == "THREATEN":
        if event.cameo == "13" and "nuclear" in (event.text.lower() + weapons):
            return 10 if "ultimatum" in event.text.lower() else 9
        return 2
    if event.type in {"ACCUSE", "PROTEST", "REJECT"}:
        return 1
    if event.type in {"SANCTION", "COERCE"} and event.cameo not in FORCE_ROOTS:
        return 3
    if event.type == "MOBILIZE":
        return 9 if "nuclear" in weapons else 4
    if event.type == "ASSAULT" or event.cameo in FORCE_ROOTS:
        if "nuclear" in weapons:
            return 11
        pair = {country(event.source), country(event.target)}
        if len(belligerents) == 2 and None not in pair and len(pair) == 2 and pair & belligerents \
                and not pair <= belligerents:
            return 8
        loc_country = event.geo.country if event.geo else None
        if theatre and loc_country and loc_country != theatre and country(event.source) == theatre:
            return 7
        if city_population >= BIG_CITY or CITY_WORDS.search(event.text):
            return 6
        return 5
    return 0


def theatre_of(analysis: Analysis) -> str | None:
    """The country most places in the article lie in."""
    counts = Counter(m.geo.country for m in analysis.mentions if m.type == "PLACE" and m.geo)
    return counts.most_common(1)[0][0] if counts else None


def belligerents_of(events: Iterable[Event]) -> frozenset[str]:
    """The pair of states that most often use force against each other in ``events`` (empty if none)."""
    pairs = Counter(frozenset((country(e.source), country(e.target))) for e in events
                    if e.factuality in COUNTED and (e.type == "ASSAULT" or e.cameo in FORCE_ROOTS))
    for pair, _ in pairs.most_common():
        if None not in pair and len(pair) == 2:
            return frozenset(str(c) for c in pair)
    return frozenset()


def current_rung(events: tuple[Event, ...], analysis: Analysis) -> Rung:
    theatre = theatre_of(analysis)
    populations = {m.canonical: int(m.attr("population") or 0) for m in analysis.mentions if m.type == "PLACE"}
    main_pair = belligerents_of(events)
    best, ids = 0, []
    for e in events:
        if e.factuality not in COUNTED:
            continue
        pop = max((populations.get(p.strip(), 0) for p in (e.location or "").split(",")), default=0)
        level = event_rung(e, theatre, pop, main_pair)
        if level > best:
            best, ids = level, [e.id]
        elif level == best and level > 0:
            ids.append(e.id)
    return Rung(best, LADDER[best], tuple(ids))


def score(events: tuple[Event, ...], threats: tuple[Threat, ...], rung: Rung) -> float:
    hostile = [e for e in events if e.intensity < 0 and e.factuality in COUNTED]
    hostility = sum(-e.intensity / 10 for e in hostile) / len(hostile) if hostile else 0.0
    total = 60 * rung.level / (len(LADDER) - 1) + 20 * hostility + min(2 * len(hostile), 10)
    total += min(5 * len(threats), 10)
    return round(max(0.0, min(100.0, total)), 1)


def direction(analysis: Analysis) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Escalating, de-escalating or stable from the article's own wording, with the sentences that say so."""
    text = analysis.article.text
    up: list[tuple[int, int]] = []
    down: list[tuple[int, int]] = []
    for s in analysis.sentences:
        chunk = text[s.start:s.end]
        if s.modality in {"negated"} or not SECURITY.search(chunk):
            continue
        if ESCALATING.search(chunk):
            up.append((s.start, s.end))
        if DEESCALATING.search(chunk):
            down.append((s.start, s.end))
    if len(up) > len(down):
        return "escalating", tuple(up)
    if len(down) > len(up):
        return "de-escalating", tuple(down)
    return "stable", tuple(up + down)


@dataclass(frozen=True)
class DyadWindow:
    """One (source, target) pair of countries over a window of days, against the window before it."""

    source: str
    target: str
    start: str  # first day of the window (ISO)
    end: str  # day after the window
    rung: int
    score: float
    events: int
    previous_rung: int
    previous_score: float
    direction: str  # escalating, de-escalating, stable: score change of more than DIRECTION_MARGIN points


DIRECTION_MARGIN = 5.0


def windows(events: Iterable[Event], end: str, days: int = 30) -> tuple[DyadWindow, ...]:
    """Rung and score per pair of countries over the ``days`` before ``end`` and the ``days`` before that.

    Each event counts on its own date; the theatre is the country where most located events happen.
    """
    stop = date.fromisoformat(end[:10])
    mid, first = stop - timedelta(days=days), stop - timedelta(days=2 * days)
    dated = [e for e in events if e.date and e.factuality in COUNTED and first.isoformat() <= e.date[:10] < end[:10]]
    located = Counter(e.geo.country for e in dated if e.geo)
    theatre = located.most_common(1)[0][0] if located else None
    main_pair = belligerents_of(dated)
    groups: dict[tuple[str, str], tuple[list[Event], list[Event]]] = {}
    for e in dated:
        src, tgt = country(e.source), country(e.target)
        if not src or not tgt or src == tgt:
            continue
        now, before = groups.setdefault((src, tgt), ([], []))
        (now if e.date and e.date[:10] >= mid.isoformat() else before).append(e)
    out = []
    for (src, tgt), (now, before) in sorted(groups.items()):
        if not now:
            continue
        rung, prev = (max((event_rung(e, theatre, 0, main_pair) for e in part), default=0) for part in (now, before))
        cur_score = score(tuple(now), (), Rung(rung, LADDER[rung], ()))
        prev_score = score(tuple(before), (), Rung(prev, LADDER[prev], ()))
        change = cur_score - prev_score
        trend = "escalating" if change > DIRECTION_MARGIN else "de-escalating" if change < -DIRECTION_MARGIN \
            else "stable"
        out.append(DyadWindow(src, tgt, mid.isoformat(), stop.isoformat(), rung, cur_score, len(now), prev,
                              prev_score, trend))
    return tuple(out)
