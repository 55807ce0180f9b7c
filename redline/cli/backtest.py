"""`redline backtest --from D --to D`: walk-forward scores of the question families (or, with --articles, a
replay of the stored articles' scenarios)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError
from redline.scenarios.backtest import MODELS, BacktestResult, backtest, day_of, format_number
from redline.scenarios.questions import FAMILIES


@click.command("backtest")
@click.option("--from", "start", metavar="DATE", required=True, help="First forecast day scored (YYYY-MM-DD).")
@click.option("--to", "end", metavar="DATE", required=True, help="Last forecast day scored (YYYY-MM-DD).")
@click.option("--family", type=click.Choice(FAMILIES), default=None,
              help="Score one question family (default: all three).")
@click.option("--outcomes", "outcome_dir", metavar="DIR", default=None,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder laid out like redline/data/outcomes, for series newer than the shipped ones.")
@click.option("--history", "history_path", metavar="TABLE", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Coded escalation history (day,dyad,rung .csv.gz, as `python -m redline.scenarios.history` writes) "
                   "instead of the shipped one.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--plot", metavar="PNG", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Write a reliability diagram to this PNG file (needs pip install 'redline[plot]').")
@click.option("--articles", is_flag=True,
              help="Instead, replay the stored articles' scenarios and resolve them against later stored events.")
@db_option
@settings_option
def backtest_cli(start: str, end: str, family: str | None, outcome_dir: Path | None, history_path: Path | None,
                 fmt: str, plot: Path | None,
                 articles: bool, db: str | None, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Score the question families walk-forward: each forecast made only with data settled before its day.

    Families (docs/forecasting.md): escalation (dyad reaches a ladder rung within 30 days, from coded
    Wikipedia Current Events), intensity (Ukraine's air-raid alert hours or claimed losses over the next 30
    days exceed the last 30, from the outcome series) and followthrough (red lines crossed and followed
    through, from the curated ledger). Prints the Brier and log score of redline's fitted model beside the
    base rate, persistence and per-subject climatology, the skill against each, and reliability tables.
    Fitting needs pip install 'redline[forecast]'.

    Example:

        redline backtest --from 2015-01-01 --to 2024-12-31 --format json --plot calibration.png
    """
    settings = load_settings(settings_pairs, db)
    try:
        start, end = day_of(start), day_of(end)
    except ValueError:
        raise InputError(f"--from/--to: {start!r} or {end!r} is not a date (use YYYY-MM-DD)") from None
    if outcome_dir is not None and not outcome_dir.is_dir():
        raise InputError(f"--outcomes: {outcome_dir}: not a folder (lay it out like redline/data/outcomes)")
    if history_path is not None:
        _check_history(history_path)
    if plot is not None:
        _check_matplotlib()
        _check_writable(plot)
    if articles:
        from redline.store import open_store

        try:
            with open_store(settings.db or None) as store:
                result = backtest(store, start, end)
        except RedlineError as e:
            raise InputError(str(e)) from None
        click.echo(report(result))
        if plot is not None:
            write_plot(result, plot)
            click.echo(f"calibration plot: {plot}")
        return
    from redline.scenarios import evaluate

    try:
        result_q = evaluate.run(start, end, (family,) if family else FAMILIES, outcome_dir, history_path)
    except RedlineError as e:
        raise InputError(str(e)) from None
    if fmt == "json":
        click.echo(json.dumps(result_q.to_dict(), indent=2))
    else:
        click.echo(evaluate.text(result_q))
    if plot is not None:
        try:
            evaluate.write_plot(result_q, plot)
        except OSError as e:
            raise InputError(f"--plot: cannot write {plot} ({e.strerror or e})") from None
        if fmt == "text":
            click.echo(f"reliability diagram: {plot}")


def _check_history(path: Path) -> None:
    """Fail before the long run when the history table is missing or not a day,dyad,rung gzip CSV."""
    import gzip

    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            header = f.readline().strip()
    except (OSError, EOFError, UnicodeDecodeError) as e:
        raise InputError(f"--history: {path}: cannot read a gzip CSV ({getattr(e, 'strerror', None) or e})") from None
    if header != "day,dyad,rung":
        raise InputError(f"--history: {path}: expected the columns day,dyad,rung, found {header[:60]!r}")


def _check_writable(path: Path) -> None:
    """Fail before the long run when the plot cannot be written: open it for appending, then undo."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"--plot: {path}: the folder {parent} does not exist")
    existed = path.exists()
    try:
        with open(path, "ab"):
            pass
    except OSError as e:
        raise InputError(f"--plot: cannot write {path} ({e.strerror or e})") from None
    if not existed:
        path.unlink()


def report(result: BacktestResult) -> str:
    """The backtest as text: counts, scores beside the baselines, reliability tables."""
    lines = [
        f"Backtest {result.start} .. {result.end}: {result.articles} articles, {result.forecasts} forecasts; "
        f"{len(result.scored)} scored, {result.void} void (condition never happened), {result.open} still open, "
        f"{result.unresolvable} without an event rule",
    ]
    if not result.scored:
        lines.append("nothing to score yet (store articles whose horizons have passed)")
        return "\n".join(lines)
    happened = sum(s.outcome for s in result.scored)
    lines.append(f"outcomes: {happened} of {len(result.scored)} happened")
    lines.append("")
    lines.append(f"{'model':<12} {'Brier':>8} {'log score':>10}")
    for model, s in result.scores().items():
        lines.append(f"{model:<12} {format_number(s['brier']):>8} {format_number(s['log']):>10}")
    for model, bins in result.reliability().items():
        lines.append("")
        lines.append(f"reliability: {model}")
        lines.append(f"  {'bin':<11} {'n':>4} {'mean p':>7} {'observed':>9}")
        for b in bins:
            lines.append(f"  {b.low:.1f}–{b.high:.1f}    {b.count:>4} {b.mean_forecast:>7.3f} {b.frequency:>9.3f}")
    return "\n".join(lines)


def _check_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise InputError("--plot: matplotlib is not installed (pip install 'redline[plot]')") from None


def write_plot(result: BacktestResult, path: Path) -> None:
    """A reliability diagram: observed frequency against mean forecast per bin, for each model."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 5.5), dpi=100)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    markers = dict(zip(MODELS, ("o", "s", "^"), strict=True))
    for model, bins in result.reliability().items():
        if bins:
            ax.plot([b.mean_forecast for b in bins], [b.frequency for b in bins], marker=markers[model],
                    label=f"{model} (Brier {format_number(result.scores()[model]['brier'])})")
            for b in bins:
                ax.annotate(str(b.count), (b.mean_forecast, b.frequency), textcoords="offset points",
                            xytext=(4, 4), fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("forecast probability (bin mean)")
    ax.set_ylabel("observed frequency")
    ax.set_title(f"redline backtest {result.start} .. {result.end}: {len(result.scored)} forecasts")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
