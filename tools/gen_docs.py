"""Write docs/cli.md from the commands' --help and docs/settings.md from default_settings.toml.

Run `python tools/gen_docs.py` after changing a command or a setting; tests/test_docs.py fails when
the committed files differ from what this prints.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from click.testing import CliRunner

from redline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def cli_reference() -> str:
    from redline.cli import main

    out = ["# redline command reference", "", "Generated from `--help` by `tools/gen_docs.py`; do not edit.", ""]
    runner = CliRunner()
    names = [[]] + [[name] for name in sorted(main.commands)]
    for args in names:
        title = " ".join(["redline", *args])
        text = runner.invoke(main, [*args, "--help"], terminal_width=100).output
        out += [f"## `{title}`", "", "```", text.rstrip(), "```", ""]
    return "\n".join(out)


def settings_reference() -> str:
    text = resources.files("redline").joinpath("default_settings.toml").read_text("utf-8")
    out = ["# redline settings", "", "Generated from `redline/default_settings.toml` by `tools/gen_docs.py`.",
           "Layers: packaged defaults < `./redline.toml` < `REDLINE_<NAME>` environment < `--setting NAME VALUE`.",
           "`redline settings` prints the effective values and where each came from.", "",
           "Every value is checked when its layer is read; a bad one fails with the layer, the setting and what is "
           "allowed.", "",
           "| setting | default | allowed | environment | meaning |", "|---|---|---|---|---|"]
    comment: list[str] = []
    for line in text.splitlines()[1:]:
        if not line.strip():
            comment = []  # a comment standing alone above a blank line heads a block of settings
        elif line.startswith("#"):
            comment.append(line.lstrip("# "))
        elif "=" in line:
            name, value = (p.strip() for p in line.split("=", 1))
            out.append(f"| `{name}` | `{value}` | {Settings.allowed(name)} | `REDLINE_{name.upper()}` | "
                       f"{' '.join(comment)} |")
            comment = []
    return "\n".join(out) + "\n"


def main() -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "cli.md").write_text(cli_reference(), encoding="utf-8")
    (docs / "settings.md").write_text(settings_reference(), encoding="utf-8")
    print("wrote docs/cli.md and docs/settings.md", file=sys.stderr)


if __name__ == "__main__":
    main()
