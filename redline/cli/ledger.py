"""`redline ledger`: the red-line ledger (crossed, never crossed, pending) with the credibility model's figures."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from redline.assess.credibility import Credibility, credibility, speakers
from redline.assess.ledger import KINDS, LedgerEntry, LedgerView, Proposal, as_of
from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError


def ledger(db: str | None, actor: str | None = None, kind: str | None = None,
           day: str | None = None) -> tuple[LedgerView, tuple[Proposal, ...], list[Credibility]]:
    """The ledger as known on ``day`` (curated rows, reviewed moves, extracted lines), filtered, with open
    proposals and the credibility figures of the issuers shown (pooled over the whole ledger)."""
    from redline.review import desk
    from redline.store import open_store

    with open_store(db or None) as store:
        current = desk(store)
    view = as_of(current.lines, day)
    kept = tuple(e for e in view.entries if (actor is None or e.issuer == actor) and (kind is None or e.kind == kind))
    ids = {e.id for e in kept}
    shown = tuple(p for p in current.proposals if p.line_id in ids)
    issuers = tuple(dict.fromkeys(e.issuer for e in kept))
    return LedgerView(view.as_of, kept, view.windows), shown, figures(view, issuers)


def figures(view: LedgerView, issuers: tuple[str, ...]) -> list[Credibility]:
    """Credibility of ``issuers``: overall, per kind with crossed lines, per speaker where several differ."""
    reviewed = LedgerView(view.as_of, tuple(e for e in view.entries if e.status == "accepted"), view.windows)
    out = []
    for issuer in issuers:
        out.append(credibility(reviewed, issuer))
        out.extend(c for k in KINDS if (c := credibility(reviewed, issuer, k)).crossed)
        by_speaker = speakers(reviewed, issuer)
        if len(by_speaker) > 1:
            out.extend(by_speaker)
    return out


def line_dict(e: LedgerEntry, proposals: tuple[Proposal, ...]) -> dict[str, Any]:
    return {
        "id": e.id, "origin": "curated" if e.curated else "extracted", "issuer": e.issuer, "declared": e.date,
        "crossed": "yes" if e.crossed else "no", "crossed_date": e.crossed_date or "",
        "followed": e.followed if e.status == "accepted" else "", "followed_date": e.followed_date or "",
        "status": e.status, "speaker": e.speaker, "target": e.target, "kind": e.kind, "trigger": e.trigger,
        "response": e.response, "response_rung": e.response_rung, "quote": e.quote, "source": e.source,
        "article": None if e.curated else e.origin, "history": list(e.history), "evidence": list(e.evidence),
        "proposals": [p.to_dict() for p in proposals if p.line_id == e.id],
    }


@click.command("ledger")
@click.option("--actor", "-a", metavar="CODE", default=None,
              help="Only red lines declared by this actor (RUS, USA...).")
@click.option("--kind", "-k", type=click.Choice(KINDS), default=None, help="Only this type of threat.")
@click.option("--as-of", "day", metavar="DATE", default=None,
              help="Show the ledger as it was known on DATE (YYYY-MM-DD): later lines and outcomes are hidden.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@db_option
@settings_option
def ledger_cli(actor: str | None, kind: str | None, day: str | None, fmt: str, db: str | None,
               settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """List red lines (crossed, never crossed, pending) with their proposals, then the credibility model.

    Curated rows (redline/data/redlines.csv) are authoritative; what stored articles suggest (a crossing,
    an answer, a new red line) is listed as a proposal and moves nothing until `redline review` accepts it.
    Credibility is a hierarchical Beta-binomial over graded follow-through (yes 1, partial 0.5, no 0) of
    crossed lines, pooled across issuers, threat kinds and speakers; each figure shows its prior and data.

    Example:

        redline ledger --actor RUS --as-of 2024-11-19
    """
    settings = load_settings(settings_pairs, db)
    if day is not None:
        try:
            day = date.fromisoformat(day).isoformat()
        except ValueError:
            raise InputError(f"--as-of: {day!r} is not a date (use YYYY-MM-DD)") from None
    try:
        view, proposals, scores = ledger(settings.db, actor.upper() if actor else None, kind, day)
    except RedlineError as e:
        raise InputError(str(e)) from None
    if fmt == "json":
        click.echo(json.dumps({"as_of": view.as_of, "lines": [line_dict(e, proposals) for e in view.entries],
                               "credibility": [c.to_dict() for c in scores]}, indent=2, ensure_ascii=False))
        return
    if not view.entries:
        click.echo("no red lines match")
        return
    groups = (
        ("Crossed", [e for e in view.entries if e.status == "accepted" and e.crossed and e.followed != "pending"]),
        ("Never crossed", [e for e in view.entries if e.status == "accepted" and not e.crossed]),
        ("Pending (crossed, outcome not known yet; or extracted, awaiting review)",
         [e for e in view.entries if e.status != "accepted" or (e.crossed and e.followed == "pending")]),
    )
    for title, entries in groups:
        click.echo(f"{title}: {len(entries)}")
        for entry in entries:
            click.echo(_line(entry, proposals))
        click.echo("")
    click.echo("Credibility: follow-through once crossed (hierarchical Beta-binomial; 80% interval)")
    for c in scores:
        who = c.issuer + (f" {c.kind}" if c.kind else "") + (f" ({c.speaker})" if c.speaker else "")
        click.echo(f"  {who}: {c.explain()}")


def _line(e: LedgerEntry, proposals: tuple[Proposal, ...]) -> str:
    crossed = f"crossed {e.crossed_date}" if e.crossed else "not crossed"
    followed = e.followed + (f" {e.followed_date}" if e.followed_date and e.followed in {"yes", "partial"} else "")
    origin = "curated" if e.curated else f"extracted from {e.origin}" + (" (proposed)" if e.status != "accepted"
                                                                         else "")
    head = f"  {e.id}  {e.date}  {e.issuer}→{e.target or '?'}  {e.kind}  {crossed}; followed: {followed}  [{origin}]"
    body = f"      if {e.trigger} → {e.response} (rung {e.response_rung}; {e.speaker or 'unnamed'}; {e.source})"
    lines = [head, body]
    lines += [f"      restated: {h}" for h in e.history]
    lines += [f"      {x}" for x in e.evidence]
    lines += [f"      proposal {p.id}: {p.kind} {p.value} {p.date} (confidence {p.confidence:.2f}) from {p.article_id} "
              f"{p.record_id} [{p.span[0]}:{p.span[1]}]: {p.quote[:160]}" for p in proposals if p.line_id == e.id
              and p.kind != "new_line"]
    return "\n".join(lines)
