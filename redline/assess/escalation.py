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
from dataclasses import dataclass

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
BIG_CITY = 100_000
# CAMEO roots of material force; PLOVER files "occupy territory" (192) under COERCE, the ladder does not.
FORCE_ROOTS = frozenset({"18", "19", "20"})


@dataclass(frozen=True)
class Rung:
    level: int
    label: str
    event_ids: tuple[str, ...]


def event_rung(event: Event, theatre: str | None, city_population: int = 0) -> int:
    """Rung of one event; ``theatre`` is the country where the article's fighting mostly happens."""
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


def current_rung(events: tuple[Event, ...], analysis: Analysis) -> Rung:
    theatre = theatre_of(analysis)
    populations = {m.canonical: int(m.attr("population") or 0) for m in analysis.mentions if m.type == "PLACE"}
    best, ids = 0, []
    for e in events:
        if e.factuality not in COUNTED:
            continue
        pop = max((populations.get(p.strip(), 0) for p in (e.location or "").split(",")), default=0)
        level = event_rung(e, theatre, pop)
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
        if s.modality in {"negated"}:
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
