"""The red-line ledger: declared red lines and threats, whether each was crossed, whether the threat followed.

Rows come from the curated seed ``redline/data/redlines.csv`` and from threats found in stored articles.
Stages see the ledger only as a ``LedgerView``: a read-only snapshot of what was known on one day.

Matching rules (``crossing`` and ``answer``; docs/ladder.md has the worked examples):

- A later event *crosses* a line when it is asserted or reported, dated on or after the declaration,
  done by someone other than the issuer, and is a material act (AID, ASSAULT, MOBILIZE, or force);
  when the line names weapons, the event must involve one of them; when the line is about the issuer's
  territory, the event must be a use of force located in the issuer's country; a line naming neither
  weapons nor territory is crossed by a material act of its target against the issuer; a line whose
  trigger is about nuclear weapons only by an event whose sentence says "nuclear".
- A later event *answers* a crossed line when the issuer does it within ``FOLLOW_WINDOW_DAYS`` of the
  crossing, against the line's target (by target code or by the country where it happens): at or above
  the threatened rung it is "yes", at rung 3 (sanctions, coercion) or above but below the threatened
  rung it is "partial". Force by the issuer on the named target's own soil counts as rung 8 (direct
  confrontation between the two). A crossed line with no answer after the window counts as "no".

Curated rows are authoritative. What the rules find in stored articles is only a ``Proposal`` ("crossed",
"followed", or "new_line" for a threat found in an article), with its evidence and a confidence; ``propose``
makes them and ``apply`` folds the *reviewed* ones (accepted or edited) into the ledger, so no line changes
status without a review. A row that ``restates`` an earlier line is folded into that line's ``history`` by
``merge`` and is never counted as a line of its own.
"""

from __future__ import annotations

import csv
import hashlib
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
PROPOSAL_KINDS = ("crossed", "followed", "new_line")
ACTIONS = ("accept", "edit", "reject")
FACTUALITY_WEIGHT = {"asserted": 1.0, "reported": 0.8}
MAX_CANDIDATES = 3  # proposals per open line and kind: the earliest events that match
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
    status: str = "accepted"  # "proposed": an extracted line no review has accepted yet (never counted)
    restates: str | None = None  # id of the earlier line this row restates
    history: tuple[str, ...] = ()  # restatements folded in: "<id> <date> <speaker>: <wording>"
    quote: str = ""  # the statement's words, as in the cited source
    speaker_role: str = ""

    @property
    def curated(self) -> bool:
        return self.origin == "seed"

    def known_at(self, day: str) -> LedgerEntry | None:
        """This entry as it was known on ``day`` (ISO date): None if not yet declared."""
        if self.date > day:
            return None
        history = tuple(h for h in self.history if h.split(" ", 2)[1] <= day)
        if history != self.history:
            return replace(self, history=history).known_at(day)
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
            restates=row.get("restates") or None, quote=row.get("quote") or "",
            speaker_role=row.get("speaker_role") or "",
        ))
    return tuple(out)


def seed_view(day: str | None = None) -> LedgerView:
    """The seed ledger alone (restatements merged), as known on ``day``: what analysis uses without a store."""
    return as_of(merge(seed()), day)


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
    if NUCLEAR_USE.search(entry.trigger) and not NUCLEAR_USE.search(event.text):
        return False  # a line drawn at nuclear use is crossed only by a nuclear act
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


@dataclass(frozen=True)
class Proposal:
    """What the rules found in stored articles, for a reviewer to accept, edit or reject.

    ``kind`` "crossed" and "followed" name an existing line (``line_id``) and the ``value`` to set
    ("yes" for crossed; "yes" or "partial" for followed) on ``date``; "new_line" carries the ``entry`` built
    from a threat found in an article (``line_id`` is then the id it gets; ``entry.restates`` names the line it
    seems to repeat, so that accepting it merges the two, and an edit ``restates=-`` keeps it apart). ``span`` is
    the evidence's character span in the article, ``quote`` its text; ``confidence`` in [0, 1]: for an event,
    the coder's confidence weighted by factuality (reported 0.8); for a new line, how complete its record is.
    """

    id: str
    kind: str
    line_id: str
    value: str
    date: str
    article_id: str
    record_id: str  # the event or threat in that article
    span: tuple[int, int]
    quote: str
    confidence: float
    seen: str | None = None
    entry: LedgerEntry | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id, "kind": self.kind, "line_id": self.line_id, "value": self.value, "date": self.date,
            "article_id": self.article_id, "record_id": self.record_id, "span": list(self.span),
            "quote": self.quote, "confidence": round(self.confidence, 3), "seen": self.seen,
        }
        if self.entry is not None:
            out["line"] = line_fields(self.entry)
        return out


@dataclass(frozen=True)
class Review:
    """An audit record: ``who`` decided ``action`` on a proposal ``at`` (ISO time), with the fields changed.

    ``changes`` maps each field the decision changed on the line to its (before, after) values; an edit
    is an acceptance with values the reviewer corrected; a rejection changes nothing.
    """

    proposal_id: str
    line_id: str
    kind: str
    action: str
    who: str
    at: str
    changes: tuple[tuple[str, str | None, str | None], ...]
    proposal: Proposal
    note: str = ""
    id: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "proposal_id": self.proposal_id, "line_id": self.line_id, "kind": self.kind,
                "action": self.action, "who": self.who, "at": self.at, "note": self.note,
                "changes": {f: {"before": a, "after": b} for f, a, b in self.changes},
                "proposal": self.proposal.to_dict()}


EDITABLE = {
    "crossed": ("crossed_date",),
    "followed": ("followed", "followed_date"),
    "new_line": ("issuer", "speaker", "target", "kind", "trigger", "response", "date", "restates"),
}


def line_fields(entry: LedgerEntry) -> dict[str, str | None]:
    """The reviewable fields of a line as text."""
    return {"issuer": entry.issuer, "speaker": entry.speaker, "target": entry.target, "kind": entry.kind,
            "trigger": entry.trigger, "response": entry.response, "date": entry.date, "restates": entry.restates}


def _pid(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


def _confidence(event: Event) -> float:
    return round(max(0.0, min(1.0, event.confidence * FACTUALITY_WEIGHT.get(event.factuality, 0.5))), 3)


def _completeness(entry: LedgerEntry) -> float:
    """Confidence of a new-line proposal: how much of a red line the threat's record names (not a probability)."""
    named = (bool(entry.speaker), bool(entry.target), bool(entry.trigger_weapons or entry.trigger_territory))
    return round(0.4 + 0.2 * sum(named), 2)


def _span(event: Event) -> tuple[int, int]:
    return (event.evidence[0].start, event.evidence[0].end) if event.evidence else (0, 0)


def propose(entries: Iterable[LedgerEntry], threats: Iterable[tuple[str, str | None, Threat, tuple[str, ...]]],
            events: Iterable[tuple[str, str | None, Event]]) -> tuple[Proposal, ...]:
    """Proposals from stored articles: new lines from ``threats``, crossings and answers from ``events``.

    Args:
        entries: the reviewed ledger (``apply`` and ``merge`` already done); only accepted lines get
            crossing or answer proposals, and only while open (not crossed; crossed with no outcome).
        threats: (article id, publication day, threat, weapons named inside the threat's evidence).
        events: (article id, publication day, event), any order.
    """
    out: list[Proposal] = []
    known = {e.id for e in entries}
    for aid, seen, threat, weapons in threats:
        entry = entry_from_threat(threat, aid, weapons)
        if entry is None or entry.id in known:
            continue
        entry = replace(entry, restates=restated(entry, entries))
        said = threat.evidence[0] if threat.evidence else None
        out.append(Proposal(
            id=_pid("new_line", entry.id), kind="new_line", line_id=entry.id, value="yes", date=entry.date,
            article_id=aid, record_id=threat.id, span=(said.start, said.end) if said else (0, 0),
            quote=" ".join((said.quote if said else "").split())[:400], confidence=_completeness(entry),
            seen=seen, entry=replace(entry, status="proposed"),
        ))
    ordered = sorted(events, key=lambda x: (x[2].date or "", x[0], x[2].id))
    for entry in entries:
        if entry.status != "accepted":
            continue
        if not entry.crossed:
            hits = [(aid, seen, ev) for aid, seen, ev in ordered if aid != entry.origin and crossing(entry, ev)]
            kind = "crossed"
        elif entry.followed == "pending":
            hits = [(aid, seen, ev) for aid, seen, ev in ordered if aid != entry.origin and answer(entry, ev)]
            kind = "followed"
        else:
            continue
        for aid, seen, ev in hits[:MAX_CANDIDATES]:
            value = "yes" if kind == "crossed" else str(answer(entry, ev))
            out.append(Proposal(
                id=_pid(kind, entry.id, aid, ev.id), kind=kind, line_id=entry.id, value=value,
                date=(ev.date or "")[:10], article_id=aid, record_id=ev.id, span=_span(ev), quote=_quote(ev),
                confidence=_confidence(ev), seen=max(seen or "", (ev.date or "")[:10]),
            ))
    return tuple(out)


WORD = re.compile(r"[a-z]{4,}")


def restated(entry: LedgerEntry, lines: Iterable[LedgerEntry]) -> str | None:
    """The id of the accepted line ``entry`` most likely restates, or None: same issuer, declared no later,
    and the same weapons, or the same territory and target, or most of the trigger's words."""
    words = set(WORD.findall(entry.trigger.lower()))
    best: tuple[float, str, str] | None = None
    for line in lines:
        if line.status != "accepted" or line.issuer != entry.issuer or line.date > entry.date or line.restates:
            continue
        shared = {w.lower() for w in line.trigger_weapons} & {w.lower() for w in entry.trigger_weapons}
        theirs = set(WORD.findall(line.trigger.lower()))
        overlap = len(words & theirs) / len(words | theirs) if words | theirs else 0.0
        territory = entry.trigger_territory and line.trigger_territory and entry.target == line.target
        if not (shared or territory or overlap >= 0.5):
            continue
        score = 2.0 * bool(shared) + territory + (line.kind == entry.kind) + (line.target == entry.target) + overlap
        if best is None or (score, line.date) > (best[0], best[1]):
            best = (score, line.date, line.id)
    return best[2] if best else None


def apply(entries: Iterable[LedgerEntry], reviews: Iterable[Review]) -> tuple[LedgerEntry, ...]:
    """The ledger after the accepted and edited ``reviews`` (oldest first); rejections change nothing."""
    lines = {e.id: e for e in entries}
    for r in reviews:
        if r.action == "reject":
            continue
        after = {f: b for f, _, b in r.changes}
        p = r.proposal
        if r.kind == "new_line" and p.entry is not None:
            fields = {**line_fields(p.entry), **after}
            e = replace(p.entry, status="accepted", issuer=fields["issuer"] or p.entry.issuer,
                        speaker=fields["speaker"] or "", target=fields["target"] or None,
                        kind=fields["kind"] or p.entry.kind, trigger=fields["trigger"] or p.entry.trigger,
                        response=fields["response"] or p.entry.response, date=fields["date"] or p.entry.date,
                        restates=fields["restates"] or None,
                        evidence=(f"declared: {p.article_id} {p.record_id}: {p.quote}",))
            lines[e.id] = e
            continue
        line = lines.get(r.line_id)
        if line is None:
            continue
        cite = f"{p.article_id} {p.record_id}: {p.quote} (reviewed by {r.who} {r.at[:10]})"
        if r.kind == "crossed":
            day = after.get("crossed_date") or p.date
            lines[line.id] = replace(line, crossed=True, crossed_date=day, crossed_seen=max(p.seen or "", day),
                                     evidence=(*line.evidence, f"crossed: {cite}"))
        elif r.kind == "followed":
            value = after.get("followed") or p.value
            day = after.get("followed_date") or p.date
            lines[line.id] = replace(line, followed=value, followed_date=day if value in {"yes", "partial"} else None,
                                     followed_seen=max(p.seen or "", day),
                                     evidence=(*line.evidence, f"followed ({value}): {cite}"))
    return tuple(lines.values())


def changes(proposal: Proposal, line: LedgerEntry | None, action: str,
            edits: dict[str, str]) -> tuple[tuple[str, str | None, str | None], ...]:
    """The (field, before, after) triples a decision makes; raises ValueError on a field that cannot be edited."""
    allowed = EDITABLE[proposal.kind]
    for name in edits:
        if name not in allowed:
            raise ValueError(f"{name}: not editable on a {proposal.kind} proposal (editable: {', '.join(allowed)})")
    if action == "reject":
        return ()
    if edits.get("restates", "").lower() in {"-", "none"}:
        edits = {**edits, "restates": ""}  # keep the line apart from the one it seemed to restate
    if "followed" in edits and edits["followed"] not in FOLLOWED:
        raise ValueError(f"followed: {edits['followed']!r} is not one of {', '.join(FOLLOWED)}")
    if "kind" in edits and edits["kind"] not in KINDS:
        raise ValueError(f"kind: {edits['kind']!r} is not one of {', '.join(KINDS)}")
    for name in ("crossed_date", "followed_date", "date"):
        if name in edits:
            try:
                date.fromisoformat(edits[name])
            except ValueError:
                raise ValueError(f"{name}: {edits[name]!r} is not a date (use YYYY-MM-DD)") from None
    if proposal.kind == "new_line":
        before: dict[str, str | None] = dict.fromkeys(allowed)
        after = {**line_fields(proposal.entry), **edits} if proposal.entry else dict(edits)
        return tuple((k, before[k], after.get(k)) for k in allowed if after.get(k) is not None)
    if line is None:
        raise ValueError(f"{proposal.line_id}: no such line in the ledger")
    if proposal.kind == "crossed":
        return (("crossed", "yes" if line.crossed else "no", "yes"),
                ("crossed_date", line.crossed_date, edits.get("crossed_date", proposal.date)))
    value = edits.get("followed", proposal.value)
    return (("followed", line.followed, value),
            ("followed_date", line.followed_date, edits.get("followed_date", proposal.date)))


def merge(entries: Iterable[LedgerEntry]) -> tuple[LedgerEntry, ...]:
    """Fold each row that ``restates`` an earlier line into that line's ``history`` (chains followed)."""
    rows = list(entries)
    by_id = {e.id: e for e in rows}

    def root(e: LedgerEntry) -> str:
        seen = {e.id}
        while e.restates and e.restates in by_id and e.restates not in seen:
            seen.add(e.restates)
            e = by_id[e.restates]
        return e.id

    history: dict[str, list[str]] = {}
    for e in rows:
        r = root(e)
        if r != e.id:
            history.setdefault(r, []).append(f"{e.id} {e.date} {e.speaker or 'unnamed'}: {e.trigger} → {e.response}")
    return tuple(replace(e, history=(*e.history, *sorted(history.get(e.id, []), key=lambda h: h.split(" ", 2)[1])))
                 for e in rows if root(e) == e.id)
