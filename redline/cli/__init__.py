"""The `redline` command: a thin layer over importable functions."""

from __future__ import annotations

import click

from redline import __version__
from redline.cli._options import load_settings, settings_option
from redline.cli.analyze import analyze_cli
from redline.cli.backtest import backtest_cli
from redline.cli.batch import batch_cli
from redline.cli.eval import eval_cli
from redline.cli.ingest import ingest_cli, skips_cli
from redline.cli.ledger import ledger_cli
from redline.cli.review import review_cli
from redline.cli.serve import serve_cli
from redline.cli.situation import events_cli, export_cli, index_cli
from redline.cli.watch import watch_cli
from redline.cli.whatif import whatif_cli


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="redline")
def main() -> None:
    """redline: conflict news in, grounded escalation intelligence out.

    Every statement in a brief cites the sentence it rests on.

    Example:

        redline analyze redline/data/sample/ukraine-1000th-day.txt
    """


@main.command("settings")
@settings_option
def settings_cli(settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Print every setting, its effective value and where it came from.

    Layers: packaged defaults < ./redline.toml < REDLINE_<NAME> environment < --setting NAME VALUE.

    Example:

        redline settings -s max_text_bytes 500000
    """
    settings = load_settings(settings_pairs)
    for name, value, origin in settings.items():
        shown = list(value) if isinstance(value, tuple) else value
        if name == "api_token" and value:
            shown = "***"
        click.echo(f"{name} = {shown!r}  ({origin})")


main.add_command(analyze_cli)
main.add_command(ingest_cli)
main.add_command(batch_cli)
main.add_command(skips_cli)
main.add_command(index_cli)
main.add_command(events_cli)
main.add_command(export_cli)
main.add_command(watch_cli)
main.add_command(eval_cli)
main.add_command(ledger_cli)
main.add_command(review_cli)
main.add_command(backtest_cli)
main.add_command(whatif_cli)
main.add_command(serve_cli)
