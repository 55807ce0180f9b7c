"""`redline ledger`: the red-line ledger with each issuer's credibility."""

from __future__ import annotations

import click

from redline.assess.credibility import credibility
from redline.assess.ledger import KINDS, LedgerEntry, LedgerView, as_of
from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError


def ledger(db: str | None, actor: str | None = None, kind: str | None = None, day: str | None = None) -> LedgerView:
    """The ledger (seed plus stored article threats) as known on ``day``, filtered by issuer and kind."""
    from redline.store import open_store

    with open_store(db or None) as store:
        entries = store.ledger_entries()
    view = as_of(entries, day)
    kept = tuple(e for e in view.entries if (actor is None or e.issuer == actor) and (kind is None or e.kind == kind))
    return LedgerView(view.as_of, kept, view.windows)


@click.command("ledger")
@click.option("--actor", "-a", metavar="CODE", default=None,
              help="Only red lines declared by this actor (RUS, USA...).")
@click.option("--kind", "-k", type=click.Choice(KINDS), default=None, help="Only this type of threat.")
@click.option("--as-of", "day", metavar="DATE", default=None,
              help="Show the ledger as it was known on DATE (YYYY-MM-DD): later lines and outcomes are hidden.")
@db_option
@settings_option
def ledger_cli(actor: str | None, kind: str | None, day: str | None, db: str | None,
               settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """List declared red lines and threats: crossed?, followed through?, with sources, then credibility.

    The curated seed (redline/data/redlines.csv) comes first, then threats found in stored articles,
    whose status moves when later stored events cross the line and answer it. Credibility is a Beta(1, 1)
    posterior over follow-through of crossed lines, per issuer and per threat type.

    Example:

        redline ledger --actor RUS --as-of 2024-11-19
    """
    settings = load_settings(settings_pairs, db)
    if day is not None:
        try:
            from datetime import date

            day = date.fromisoformat(day).isoformat()
        except ValueError:
            raise InputError(f"--as-of: {day!r} is not a date (use YYYY-MM-DD)") from None
    try:
        view = ledger(settings.db, actor.upper() if actor else None, kind, day)
    except RedlineError as e:
        raise InputError(str(e)) from None
    if not view.entries:
        click.echo("no red lines match")
        return
    for entry in view.entries:
        click.echo(_line(entry))
    click.echo("")
    click.echo("Credibility (follow-through once crossed; Beta(1, 1) prior; 80% interval)")
    for issuer in dict.fromkeys(x.issuer for x in view.entries):
        for k in (None, *KINDS):
            c = credibility(view, issuer, k)
            if c.crossed == 0:
                continue
            click.echo(f"  {issuer:<5} {k or 'all':<10} {c.followed}/{c.crossed} followed"
                       f"{f' ({c.partial} partly)' if c.partial else ''}: mean {c.mean:.2f}, "
                       f"80% {c.low:.2f}–{c.high:.2f}")


def _line(e: LedgerEntry) -> str:
    crossed = f"crossed {e.crossed_date}" if e.crossed else "not crossed"
    followed = e.followed + (f" {e.followed_date}" if e.followed_date and e.followed in {"yes", "partial"} else "")
    head = f"{e.id}  {e.date}  {e.issuer}→{e.target or '?'}  {e.kind}  {crossed}; followed: {followed}"
    body = f"    if {e.trigger} → {e.response} (rung {e.response_rung}; {e.speaker or 'unnamed'}; {e.source})"
    evidence = "".join(f"\n    {line}" for line in e.evidence)
    return f"{head}\n{body}{evidence}"
