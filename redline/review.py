"""The review desk of the red-line ledger: proposals from stored articles, and decisions on them.

It sits above the store and the rules, as the CLI and the dashboard do: it reads stored threats and events,
asks ``assess.ledger.propose`` what they suggest, and saves a reviewer's decision as an audit record
(``store.save_review``). Only an accepted or edited review moves a line; curated rows never move otherwise.

    with open_store(url) as store:
        for p in pending(store):
            decide(store, p.id, "accept", who="analyst")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from redline.assess import ledger as rules
from redline.assess.ledger import ACTIONS, LedgerEntry, Proposal, Review
from redline.errors import RedlineError
from redline.store import Store


class ReviewError(RedlineError):
    """A review decision cannot be made: unknown proposal, bad action, field or value."""


@dataclass(frozen=True)
class Desk:
    """The ledger with its proposals: reviewed lines, extracted lines awaiting review, open proposals."""

    lines: tuple[LedgerEntry, ...]  # reviewed ledger, then extracted lines still proposed
    proposals: tuple[Proposal, ...]  # not yet reviewed
    reviews: tuple[Review, ...]

    def proposals_for(self, line_id: str) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if p.line_id == line_id)


def desk(store: Store) -> Desk:
    """The ledger, its open proposals and the review history of ``store``."""
    reviews = store.ledger_reviews()
    lines = store.ledger_entries()
    threats, events = store.ledger_inputs()
    decided = {r.proposal_id for r in reviews}
    proposals = tuple(p for p in rules.propose(lines, threats, events) if p.id not in decided)
    proposed_lines = tuple(p.entry for p in proposals if p.kind == "new_line" and p.entry is not None)
    return Desk(lines + proposed_lines, proposals, reviews)


def pending(store: Store) -> tuple[Proposal, ...]:
    """Proposals no one has reviewed yet: new lines first, then crossings and answers, by date."""
    order = {k: i for i, k in enumerate(rules.PROPOSAL_KINDS[::-1])}
    return tuple(sorted(desk(store).proposals, key=lambda p: (order[p.kind], p.date, p.line_id, p.id)))


def decide(store: Store, proposal_id: str, action: str, who: str, edits: dict[str, str] | None = None,
           note: str = "", at: datetime | None = None) -> Review:
    """Accept, edit or reject an open proposal; saves and returns the audit record.

    Args:
        edits: corrected field values ("edit" needs at least one; see ``assess.ledger.EDITABLE``).
        who: the reviewer's name, kept in the audit record.
    """
    edits = dict(edits or {})
    if action not in ACTIONS:
        raise ReviewError(f"action {action!r}: not one of {', '.join(ACTIONS)}")
    if not who.strip():
        raise ReviewError("reviewer: empty (give the name that goes into the audit record)")
    if action == "edit" and not edits:
        raise ReviewError(f"proposal {proposal_id}: an edit needs at least one field=value")
    if action != "edit" and edits:
        action = "edit" if action == "accept" else action
    current = desk(store)
    proposal = next((p for p in current.proposals if p.id == proposal_id), None)
    if proposal is None:
        done = next((r for r in current.reviews if r.proposal_id == proposal_id), None)
        if done is not None:
            raise ReviewError(f"proposal {proposal_id}: already reviewed ({done.action} by {done.who} {done.at[:16]})")
        raise ReviewError(f"proposal {proposal_id}: not an open proposal (list them with `redline review`)")
    line = next((e for e in current.lines if e.id == proposal.line_id), None)
    try:
        changed = rules.changes(proposal, line, action, edits)
    except ValueError as e:
        raise ReviewError(f"proposal {proposal_id}: {e}") from None
    target = {f: b for f, _, b in changed}.get("restates") if proposal.kind == "new_line" else None
    if target:
        if target not in {e.id for e in current.lines if e.status == "accepted"}:
            raise ReviewError(f"proposal {proposal_id}: restates {target!r}: no such line in the ledger")
    review = Review(proposal_id=proposal.id, line_id=proposal.line_id, kind=proposal.kind, action=action,
                    who=who.strip(), at=(at or datetime.now(UTC)).isoformat(), changes=changed, proposal=proposal,
                    note=note)
    review_id = store.save_review(review)
    return Review(**{**review.__dict__, "id": review_id})
