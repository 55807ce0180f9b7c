"""The docs are generated from the code and must not drift from it."""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

from redline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import gen_docs  # noqa: E402


def test_docs_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == gen_docs.cli_reference(), \
        "docs/cli.md is stale: run python tools/gen_docs.py"


def test_docs_settings_reference_is_current_and_complete() -> None:
    text = (ROOT / "docs" / "settings.md").read_text("utf-8")
    assert text == gen_docs.settings_reference(), "docs/settings.md is stale: run python tools/gen_docs.py"
    for f in fields(Settings):
        if f.name != "origins":
            assert f"| `{f.name}` |" in text, f.name


def test_docs_readme_opens_with_the_two_commands() -> None:
    lines = [line for line in (ROOT / "README.md").read_text("utf-8").splitlines() if line.strip()]
    commands = [line for line in lines[:8] if line.startswith(("make ", "    make "))]
    assert [c.strip().split()[:2] for c in commands] == [["make", "demo"], ["make", "test"]]
