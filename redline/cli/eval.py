"""`redline eval DATASET...`: score the pipeline on gold sets and defend the floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from redline.cli._options import InputError, load_settings, settings_option
from redline.errors import RedlineError
from redline.eval import EvalResult, check_floors, evaluate_all, evaluate_baseline, load_floors, update_floors
from redline.eval.floors import save_floors
from redline.eval.news import NewsScores
from redline.eval.scoring import EventScores, GoldScores
from redline.eval.threats import ThreatScores
from redline.pipeline import Context


@click.command("eval")
@click.argument("datasets", nargs=-1, required=True, metavar="DATASET...")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--by-type", is_flag=True, help="Add the per-type confusion table (expected row, predicted column).")
@click.option("--errors", "n_errors", type=int, default=0, metavar="N",
              help="Show up to N failing records (predicted vs expected) per dataset.")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Floors file (tests/gold_floors.json): exit 1 when a score breaks its floor.")
@click.option("--baseline", is_flag=True,
              help="Also score the learned event-type baseline (tools/train_baseline.py) on each set and half.")
@click.option("--update-floors", "update", is_flag=True, help="Raise the floors in --floors to the scores now.")
@click.option("--allow-regression", is_flag=True, help="With --update-floors, accept lowering a floor.")
@settings_option
def eval_cli(datasets: tuple[str, ...], as_json: bool, by_type: bool, n_errors: int, floors_path: Path | None,
             baseline: bool, update: bool, allow_regression: bool, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Run the pipeline on evaluation sets and print precision, recall and F1.

    DATASET is a sentence-level event set (.jsonl in the PLOVER gold-record or petrarch2 unit-test
    shape; a petrarch2 set loads petrarch2_validate_actors.txt from beside it), the real-news set
    (tests/data/realnews.jsonl: whole documents annotated exhaustively, with the clauses that must not become
    events) or a folder of hand-annotated articles (tests/gold/; formats in tests/gold/README.md). Event sets
    report event-type and (type, source, target) precision, recall and F1, source and target accuracy, and the
    false-event rate on records that expect none; the real-news set adds the ASSAULTs drawn from a permission,
    decision, interception, hypothetical or plot (forbidden_assaults) and all events drawn from must-not clauses;
    the article set reports recall and precision of entities, events, threats and claims.

    A set with a split file beside it (NAME_split.json) is scored per fixed half, NAME/tune and
    NAME/validation, with NAME/gap (how much better each rate is on tune). --errors lists failing records of
    the tune half only: rules come from tune errors, validation only accepts or rejects a change.

    Example:

        redline eval tests/data/realnews.jsonl tests/data/plover_gsr_dev.jsonl --floors tests/gold_floors.json
    """
    if update and floors_path is None:
        raise InputError("--update-floors: no floors file given (add --floors tests/gold_floors.json)")
    settings = load_settings(settings_pairs)
    try:
        ctx = Context.load(settings)
        results: list[EvalResult] = []
        for d in datasets:
            results += evaluate_all(d, ctx)
            results += evaluate_baseline(d) if baseline else []
        floors = load_floors(floors_path) if floors_path is not None else None
    except RedlineError as e:
        raise InputError(str(e)) from None
    if as_json:
        payload = {r.name: {"digest": r.digest, "scores": r.scores, **({"note": r.note} if r.note else {}),
                            **({"confusion": r.detail.confusion} if by_type and isinstance(r.detail, EventScores)
                               and r.half != "validation" else {})} for r in results}
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
    else:
        for r in results:
            click.echo(_render(r, by_type, n_errors))
    if floors is None or floors_path is None:
        return
    if update:
        changes: list[str] = []
        for r in results:
            try:
                floors, changed = update_floors(floors, r.name, r.digest, r.scores, allow_regression)
            except RedlineError as e:
                raise InputError(str(e)) from None
            changes += changed
        save_floors(floors_path, floors)
        click.echo("\n".join(changes) if changes else "floors unchanged", err=True)
        return
    failures = [f for r in results for f in check_floors(floors, r.name, r.digest, r.scores).failures]
    unpinned = [r.name for r in results if r.name not in floors["datasets"]]
    for name in unpinned:
        click.echo(f"{name}: no floors pinned (run with --update-floors)", err=True)
    for f in failures:
        click.echo(f"below floor: {f}", err=True)
    if failures:
        sys.exit(1)
    click.echo(f"floors held ({floors_path})", err=True)


def _render(r: EvalResult, by_type: bool, n_errors: int) -> str:
    lines = [f"{r.name}{f' [{r.note}]' if r.note else ''}  (digest {r.digest}"
             f"{f', {r.skipped} records skipped' if r.skipped else ''})"]
    if r.kind == "gap":
        lines[0] = f"{r.name}  (tune minus validation; positive: tune is better)"
        lines += [f"  {name:<24} {value:+.4f}" for name, value in r.scores.items()]
        return "\n".join(lines)
    lines += [f"  {name:<24} {value:.4f}" for name, value in r.scores.items()]
    detail = r.detail
    if r.half == "validation":
        if n_errors:
            lines.append("  (validation errors are not listed: write rules from the tune half)")
        return "\n".join(lines)
    if isinstance(detail, EventScores):
        if by_type:
            lines += _confusion(detail.confusion)
        if isinstance(detail, NewsScores):
            lines += _news_errors(detail, n_errors)
        else:
            for rec in detail.errors()[:n_errors]:
                lines.append(f"  ✗ {rec.id}: {rec.text[:160]}")
                lines.append(f"      expected  {_events(rec.expected)}")
                lines.append(f"      predicted {_events(rec.predicted)}")
    elif isinstance(detail, GoldScores):
        for miss in detail.misses[:n_errors]:
            facts = ", ".join(f"{k}={v}" for k, v in miss.fact.items())
            lines.append(f"  ✗ {miss.article} {miss.kind} {miss.polarity}: {facts}")
    elif isinstance(detail, ThreatScores):
        lines += [f"  ✗ {error}" for error in detail.errors()[:n_errors]]
    return "\n".join(lines)


def _news_errors(detail: NewsScores, n_errors: int) -> list[str]:
    lines: list[str] = []
    failing = [c for c in detail.coded if not c.result.ok or c.must_not_hits]
    for c in failing[:n_errors]:
        lines.append(f"  ✗ {c.result.id}: {c.result.text[:100]}")
        for exp, quote in c.missed:
            lines.append(f"      missed    {_events([exp])}  « {quote[:110]} »")
        for pred, sentence in c.wrong:
            lines.append(f"      wrong     {_events([pred])}  « {' '.join(sentence.split())[:110]} »")
        for reason, pred in c.must_not_hits:
            lines.append(f"      from a must-not clause ({reason}): {_events([pred])}")
    return lines


def _events(events: Any) -> str:
    return "; ".join(f"{e.type} {e.source or '-'}→{e.target or '-'}" for e in events) or "(none)"


def _confusion(table: dict[str, dict[str, int]]) -> list[str]:
    cols = sorted({c for row in table.values() for c in row})
    width = max(len(c) for c in [*cols, *table, "expected"]) + 1
    out = ["  confusion (rows expected, columns predicted)",
           "  " + "expected".ljust(width) + "".join(c[:8].rjust(9) for c in cols)]
    for row, counts in table.items():
        out.append("  " + row.ljust(width) + "".join(str(counts.get(c, "")).rjust(9) for c in cols))
    return out
