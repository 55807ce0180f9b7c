"""`redline whatif --dyad A:B --given TEXT --horizon DAYS`: the escalation model with and without an event."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from redline.cli._options import InputError

DYAD = re.compile(r"^[A-Za-z]{3}:[A-Za-z]{3}$")


@click.command("whatif")
@click.option("--dyad", required=True, metavar="A:B", help="Two ISO alpha-3 state codes, e.g. RUS:UKR.")
@click.option("--given", required=True, metavar="TEXT", help="The event to inject, as a one-line report.")
@click.option("--horizon", type=click.IntRange(1, 365), default=90, show_default=True, help="Days ahead.")
@click.option("--paths", type=click.IntRange(100, 1_000_000), default=10_000, show_default=True,
              help="Monte Carlo paths.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (same seed, same numbers).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--plot", metavar="PNG", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Write a bar chart of both runs to this PNG file (needs pip install 'redline[plot]').")
def whatif_cli(dyad: str, given: str, horizon: int, paths: int, seed: int, fmt: str, plot: Path | None) -> None:
    """Simulate a dyad's escalation with and without an injected event, over the fitted escalation model.

    The event is coded like a Current Events item (states named, ladder rung from its words); when it names
    a state of the dyad it enters the dyad's last 30 days. Each path draws the model's coefficients from
    their estimated uncertainty; both runs share the random numbers. Needs pip install 'redline[forecast]'.

    Example:

        redline whatif --dyad RUS:UKR --given "USA permits ATACMS strikes on Russian territory" --horizon 90
    """
    if not DYAD.match(dyad):
        raise InputError(f"--dyad: {dyad!r} is not two alpha-3 state codes joined by ':' (e.g. RUS:UKR)")
    if not given.strip():
        raise InputError("--given: the event text is empty")
    try:
        import numpy  # noqa: F401
    except ImportError:
        raise InputError("whatif needs numpy (pip install 'redline[forecast]')") from None
    from redline.scenarios import whatif

    result = whatif.simulate(dyad, given, horizon, paths, seed)
    click.echo(json.dumps(result.to_dict(), indent=2) if fmt == "json" else whatif.text(result))
    if plot is not None:
        try:
            whatif.write_plot(result, str(plot))
        except ImportError:
            raise InputError("--plot: matplotlib is not installed (pip install 'redline[plot]')") from None
        except OSError as e:
            raise InputError(f"--plot: cannot write {plot} ({e.strerror or e})") from None
