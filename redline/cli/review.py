"""`redline review`: the review queue of ledger proposals; accept, edit or reject them with an audit record."""

from __future__ import annotations

import getpass
import json

import click

from redline.assess.ledger import EDITABLE, Proposal, Review
from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError


def _edits(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--set {pair!r}: not FIELD=VALUE (for example --set crossed_date=2024-11-21)")
        out[name.strip()] = value.strip()
    return out


def show(p: Proposal) -> str:
    """A proposal with its evidence, as the queue lists it."""
    if p.kind == "new_line" and p.entry is not None:
        e = p.entry
        what = (f"new red line {e.id}: {e.issuer}→{e.target or '?'} {e.kind}, declared {e.date} by "
                f"{e.speaker or 'unnamed'}: if {e.trigger} → {e.response}"
                + (f"; seems to restate {e.restates} (accept merges it there; --set restates=- keeps it apart)"
                   if e.restates else ""))
    else:
        what = f"{p.line_id}: {p.kind} {p.value} on {p.date}"
    return (f"{p.id}  {what}  (confidence {p.confidence:.2f})\n"
            f"    evidence: article {p.article_id} {p.record_id} [{p.span[0]}:{p.span[1]}]: {p.quote}")


def _review_line(r: Review) -> str:
    changed = "; ".join(f"{f}: {a or '-'} → {b or '-'}" for f, a, b in r.changes) or "nothing changed"
    note = f"  ({r.note})" if r.note else ""
    return f"#{r.id} {r.at[:19]} {r.who} {r.action} {r.proposal_id} ({r.kind} {r.line_id}): {changed}{note}"


@click.command("review")
@click.option("--accept", "accept", metavar="ID", default=None, help="Accept the proposal with this id.")
@click.option("--edit", "edit", metavar="ID", default=None, help="Accept the proposal with corrected --set values.")
@click.option("--reject", "reject", metavar="ID", default=None, help="Reject the proposal with this id.")
@click.option("--set", "sets", metavar="FIELD=VALUE", multiple=True,
              help="A corrected value for --edit: crossed_date; followed, followed_date; or for a new line issuer, "
                   "speaker, target, kind, trigger, response, date, restates (id of the line it repeats; - for none).")
@click.option("--reviewer", "who", metavar="NAME", default=None,
              help="Who decides, for the audit record. Default: the login name.")
@click.option("--note", default="", help="Why, for the audit record.")
@click.option("--history", is_flag=True, help="List the audit records (every decision) instead of the queue.")
@click.option("--interactive", "-i", is_flag=True, help="Go through the queue one proposal at a time.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@db_option
@settings_option
def review_cli(accept: str | None, edit: str | None, reject: str | None, sets: tuple[str, ...], who: str | None,
               note: str, history: bool, interactive: bool, fmt: str, db: str | None,
               settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """List ledger proposals with their evidence; accept, edit or reject one (each decision is audited).

    Stored articles only propose: a crossing of a line, an answer to a crossed line, or a new red line
    found in an article. Nothing moves in the ledger until a proposal is accepted here (or on the
    dashboard's Review page); every decision records who, when and which fields changed.

    Example:

        redline review --edit 3f2a9c01be --set crossed_date=2024-11-19 --reviewer analyst --note "ATACMS strike"
    """
    from redline.review import decide, desk, pending
    from redline.store import open_store

    settings = load_settings(settings_pairs, db)
    chosen = [(a, pid) for a, pid in (("accept", accept), ("edit", edit), ("reject", reject)) if pid]
    if len(chosen) > 1:
        raise InputError("--accept, --edit, --reject: give one at a time")
    reviewer = who if who is not None else getpass.getuser()
    try:
        with open_store(settings.db or None) as store:
            if history:
                records = desk(store).reviews
                if fmt == "json":
                    click.echo(json.dumps([r.to_dict() for r in records], indent=2, ensure_ascii=False))
                else:
                    for r in records:
                        click.echo(_review_line(r))
                return
            if chosen:
                action, pid = chosen[0]
                review = decide(store, pid, action, reviewer, _edits(sets), note)
                click.echo(json.dumps(review.to_dict(), ensure_ascii=False) if fmt == "json" else _review_line(review))
                return
            if sets:
                raise InputError("--set: only with --edit (or --accept) ID")
            queue = pending(store)
            if interactive:
                _interactive(store, queue, reviewer, note)
                return
            if fmt == "json":
                click.echo(json.dumps([p.to_dict() for p in queue], indent=2, ensure_ascii=False))
                return
            if not queue:
                click.echo("no proposals to review")
            for p in queue:
                click.echo(show(p))
    except RedlineError as e:
        raise InputError(str(e)) from None


def _interactive(store: object, queue: tuple[Proposal, ...], reviewer: str, note: str) -> None:
    from redline.review import ReviewError, decide
    from redline.store import Store

    assert isinstance(store, Store)
    if not queue:
        click.echo("no proposals to review")
    for p in queue:
        click.echo(show(p))
        choice = click.prompt("  [a]ccept, [e]dit, [r]eject, [s]kip, [q]uit", type=click.Choice(list("aersq")),
                              default="s", show_choices=False)
        if choice == "q":
            return
        if choice == "s":
            continue
        edits: dict[str, str] = {}
        if choice == "e":
            for name in EDITABLE[p.kind]:
                value = click.prompt(f"    {name} (empty: keep)", default="", show_default=False)
                if value:
                    edits[name] = value
        why = click.prompt("    note", default=note, show_default=False)
        action = {"a": "accept", "e": "edit", "r": "reject"}[choice]
        try:
            review = decide(store, p.id, action if edits or action != "edit" else "accept", reviewer, edits, why)
        except ReviewError as e:
            click.echo(f"  not saved: {e}")
            continue
        click.echo("  " + _review_line(review))
