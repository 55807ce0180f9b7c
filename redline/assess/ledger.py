"""The red-line ledger: declared red lines and threats, whether each was crossed, whether the threat followed.

Rows come from the curated seed ``redline/data/redlines.csv`` and from threats found in stored articles.
Stages see the ledger only as a ``LedgerView``: a read-only snapshot of what was known on one day.

Matching rules (``crossing`` and ``answer``; docs/ladder.md has the worked examples):

- A later event *crosses* a line when it is asserted or reported, dated on or after the declaration,
  done by someone other than the issuer, and is a material act (AID, ASSAULT, MOBILIZE, or force);
  when the line names weapons, the event must involve one of them; when the line is about the issuer's
  territory, the event must be a use of force located in the issuer's country; a line naming neither
  weapons nor territory is crossed by a material act of its target against the issuer.
- A later event *answers* a crossed line when the issuer does it within ``FOLLOW_WINDOW_DAYS`` of the
  crossing, against the line's target (by target code or by the country where it happens): at or above
  the threatened rung it is "yes", at rung 3 (sanctions, coercion) or above but below the threatened
  rung it is "partial". Force by the issuer on the named target's own soil counts as rung 8 (direct
  confrontation between the two). A crossed line with no answer after the window counts as "no".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from redline.assess.escalation import COUNTED, DyadWindow, event_rung
from redline.events.actors import country
from redline.models import Event, Threat

FOLLOW_WINDOW_DAYS = 90
FOLLOWED = ("yes", "partial", "no", "pending")
KINDS = ("nuclear", "military", "economic", "diplomatic")
MATERIAL = frozenset({"AID", "ASSAULT", "MOBILIZE"})
FORCE = frozenset({"ASSAULT"})
TERRITORY = re.compile(r"\bterritor\w*|\binside (russia|the country)|\bdeep into\b|\bhomeland\b", re.I)
NUCLEAR_USE = re.compile(r"\bnuclear\b", re.I)
THIRD_PARTY = re.compile(r"\bdirect (involvement|participation|confrontation)|\bat war with\b|\bwar with (nato|the)\b",
                         re.I)


@dataclass(frozen=True)
class LedgerEntry:
    """One declared red line or threat with its status.

    ``crossed_seen`` and ``followed_seen`` are the days the evidence became known (publication of the
    article that reported it); for curated rows they equal the event days.
    """

    id: str
    date: str
    issuer: str
    speaker: str
    target: str | None
    kind: str
    trigger: str
    response: str
    response_rung: int
    trigger_weapons: tuple[str, ...]
    trigger_territory: bool
    crossed: bool
    crossed_date: str | None
    followed: str
    followed_date: str | None
    source: str
    origin: str = "seed"  # seed, or the id of the article the threat was found in
    crossed_seen: str | None = None
    followed_seen: str | None = None
    evidence: tuple[str, ...] = ()  # one line per status move: "<article id> <event id>: <quote>"

    def known_at(self, day: str) -> LedgerEntry | None:
        """This entry as it was known on ``day`` (ISO date): None if not yet declared."""
        if self.date > day:
            return None
        crossed = self.crossed and (self.crossed_seen or self.crossed_date or "9999") <= day
        if not crossed:
            return replace(self, crossed=False, crossed_date=None, followed="pending", followed_date=None)
        followed = "pending"
        if self.followed in {"yes", "partial"} and (self.followed_seen or self.followed_date or "9999") <= day:
            followed = self.followed
        elif self.crossed_date and _plus(self.crossed_date, FOLLOW_WINDOW_DAYS) <= day:
            followed = "no"  # the window passed with no answer known on that day
        return replace(self, followed=followed,
                       followed_date=self.followed_date if followed in {"yes", "partial"} else None)


@dataclass(frozen=True)
class LedgerView:
    """The ledger as known on ``as_of`` (None: everything), plus the escalation windows of the store."""

    as_of: str | None
    entries: tuple[LedgerEntry, ...]
    windows: tuple[DyadWindow, ...] = ()

    def by_issuer(self, issuer: str, kind: str | None = None) -> tuple[LedgerEntry, ...]:
        return tuple(e for e in self.entries if e.issuer == issuer and (kind is None or e.kind == kind))

    def window(self, source: str | None, target: str | None) -> DyadWindow | None:
        for w in self.windows:
            if w.source == source and w.target == target:
                return w
        return None


def as_of(entries: Iterable[LedgerEntry], day: str | None, windows: tuple[DyadWindow, ...] = ()) -> LedgerView:
    """A view of ``entries`` holding only what was known on ``day`` (None keeps everything)."""
    if day is None:
        return LedgerView(None, tuple(entries), windows)
    known = (e.known_at(day) for e in entries)
    return LedgerView(day, tuple(e for e in known if e is not None), windows)


@lru_cache(maxsize=1)
def seed() -> tuple[LedgerEntry, ...]:
    """The curated red lines of ``redline/data/redlines.csv``."""
    text = resources.files("redline").joinpath("data/redlines.csv").read_text("utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        crossed = row["crossed"] == "yes"
        out.append(LedgerEntry(
            id=row["id"], date=row["date"], issuer=row["issuer"], speaker=row["speaker"],
            target=row["target"] or None, kind=row["kind"], trigger=row["trigger"], response=row["response"],
            response_rung=int(row["response_rung"]),
            trigger_weapons=tuple(w for w in row["trigger_weapons"].split("|") if w),
            trigger_territory=row["trigger_territory"] == "true", crossed=crossed,
            crossed_date=row["crossed_date"] or None, followed=row["followed"],
            followed_date=row["followed_date"] or None, source=row["source"],
            crossed_seen=row["crossed_date"] or None, followed_seen=row["followed_date"] or None,
        ))
    return tuple(out)


def seed_view(day: str | None = None) -> LedgerView:
    """The seed ledger alone, as known on ``day``: what analysis uses when there is no store."""
    return as_of(seed(), day)


def threatened_rung(threat: Threat) -> int:
    """The ladder rung of the response a threat promises."""
    text = f"{threat.response}"
    if threat.kind == "nuclear" or NUCLEAR_USE.search(text):
        return 11
    if THIRD_PARTY.search(text):
        return 8
    if threat.kind == "military":
        return 7 if threat.target else 6
    return 3 if threat.kind == "economic" else 1


def entry_from_threat(threat: Threat, article_id: str, weapons: tuple[str, ...]) -> LedgerEntry | None:
    """A ledger entry for a conditional threat found in an article; None when it has no trigger or issuer.

    ``weapons``: canonical names of the weapons the article names inside the threat's evidence.
    """
    if not threat.trigger or not threat.actor or not threat.date:
        return None
    return LedgerEntry(
        id=f"{article_id}:{threat.id}", date=threat.date, issuer=threat.actor, speaker=threat.speaker or "",
        target=threat.target, kind=threat.kind, trigger=threat.trigger, response=threat.response,
        response_rung=threatened_rung(threat), trigger_weapons=weapons,
        trigger_territory=bool(TERRITORY.search(threat.trigger)), crossed=False, crossed_date=None,
        followed="pending", followed_date=None, source=f"article {article_id}", origin=article_id,
    )


def crossing(entry: LedgerEntry, event: Event) -> bool:
    """Whether ``event`` crosses the line (rule in the module docstring)."""
    if event.factuality not in COUNTED or not event.date or event.date[:10] < entry.date:
        return False
    source = country(event.source)
    if source is None or source == entry.issuer:
        return False
    material = event.type in MATERIAL or event.cameo in {"18", "19", "20"}
    if not material:
        return False
    if entry.trigger_weapons:
        names = {w.lower() for w in event.weapons}
        if not names & {w.lower() for w in entry.trigger_weapons}:
            return False
    if entry.trigger_territory:
        located = event.geo.country if event.geo else None
        return (event.type in FORCE or event.cameo in {"18", "19", "20"}) and located == entry.issuer
    if entry.trigger_weapons:
        return True
    return entry.target is not None and source == entry.target and country(event.target) == entry.issuer


def answer(entry: LedgerEntry, event: Event) -> str | None:
    """"yes" or "partial" when ``event`` answers the crossed line, else None."""
    if not entry.crossed or not entry.crossed_date or event.factuality not in COUNTED or not event.date:
        return None
    day = event.date[:10]
    if not entry.crossed_date <= day <= _plus(entry.crossed_date, FOLLOW_WINDOW_DAYS):
        return None
    if country(event.source) != entry.issuer:
        return None
    if entry.target is not None:
        located = event.geo.country if event.geo else None
        if entry.target not in {country(event.target), located}:
            return None
    rung = event_rung(event, None)
    located = event.geo.country if event.geo else None
    if (event.type in FORCE or event.cameo in {"18", "19", "20"}) and entry.target and \
            located == entry.target == country(event.target):
        rung = max(rung, 8)  # force on the named target's own soil: the two are in direct confrontation
    if rung >= entry.response_rung:
        return "yes"
    return "partial" if rung >= 3 else None


def update(entry: LedgerEntry, events: Iterable[tuple[str, str | None, Event]]) -> LedgerEntry:
    """Move ``entry``'s status with ``events`` (article id, publication day, event), oldest first.

    Curated outcomes (yes, partial, no) are kept; only open questions move.
    """
    events = sorted(events, key=lambda x: (x[2].date or "", x[0], x[2].id))
    current = entry
    for article_id, seen, event in events:
        if article_id == entry.origin:
            continue
        if not current.crossed and crossing(current, event):
            current = replace(current, crossed=True, crossed_date=(event.date or "")[:10],
                              crossed_seen=max(seen or "", (event.date or "")[:10]),
                              evidence=(*current.evidence, f"crossed: {article_id} {event.id}: {_quote(event)}"))
            continue
        if current.crossed and current.followed in {"pending", "partial"} and current.followed != "no":
            result = answer(current, event)
            if result and (current.followed == "pending" or result == "yes"):
                current = replace(current, followed=result, followed_date=(event.date or "")[:10],
                                  followed_seen=max(seen or "", (event.date or "")[:10]),
                                  evidence=(*current.evidence,
                                            f"followed ({result}): {article_id} {event.id}: {_quote(event)}"))
    return current


def _quote(event: Event) -> str:
    quote = event.evidence[0].quote if event.evidence else event.text
    return " ".join(quote.split())[:200]


def _plus(day: str, days: int) -> str:
    return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
