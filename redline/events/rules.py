"""Declared rules: a coder as an ordered table of named vetoes and rewrites over one record.

A `Rule` has a name, a priority (its place in the table), a kind, a provenance (the issue, guide line or commit
that introduced it) and example sentences with the outcome they code; its ``fire`` function reads the record
and, for a rewrite, changes it, and answers whether the rule fired. A veto that fires ends the coding: the
record codes nothing. `apply` runs a table in order; with a `Trace` it goes on past a veto, so that a report can
show every rule that fires on one example (``tools/rule_report.py``). The verb coder's table is
``redline.events.verb_rules.RULES``; ``docs/rules.md`` tells how to add a rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["veto", "rewrite"]


@dataclass(frozen=True)
class Example:
    """A sentence on which the rule fires, the word it fires on, and what that word then codes: the event as
    "ROOT SOURCE TARGET" (its two-digit CAMEO root; "-" for a missing party), or "" when it codes nothing."""

    sentence: str
    word: str
    codes: str


@dataclass(frozen=True)
class Rule:
    """One declared rule of a coder's table."""

    name: str
    priority: int
    kind: Kind
    provenance: str
    examples: tuple[Example, ...]
    fire: Callable[[Any], bool] = field(repr=False)

    @property
    def doc(self) -> str:
        """What the rule does, in one line: the first line of its function's docstring."""
        return (self.fire.__doc__ or "").strip().splitlines()[0] if self.fire.__doc__ else ""


@dataclass
class Trace:
    """What a traced run saw: the rules that fired in order up to and with the first veto (``fired``), the veto
    that stopped the coding (``vetoed_by``) and the rules that would have fired after it (``after_veto``)."""

    fired: list[str] = field(default_factory=list)
    vetoed_by: str = ""
    after_veto: list[str] = field(default_factory=list)

    @property
    def together(self) -> list[str]:
        """Every rule that fires on the example, whether or not a veto came first."""
        return [*self.fired, *self.after_veto]


def codes(events: Sequence[Any]) -> str:
    """What a word codes, as an `Example` writes it: "ROOT SOURCE TARGET" per event ("-" for a missing party),
    joined by "; ", or "" for nothing."""
    return "; ".join(f"{e.cameo} {e.source or '-'} {e.target or '-'}" for e in events)


def find_word(doc: Any, word: str) -> Any:
    """The first token of the document that reads ``word``."""
    tok = next((t for t in doc if t.text == word), None)
    if tok is None:
        raise ValueError(f"no token {word!r} in {doc.text!r}")
    return tok


def table(*rules: Rule) -> tuple[Rule, ...]:
    """The rules in order of priority; names and priorities must be unique, every rule needs a provenance and at
    least one example."""
    ordered = tuple(sorted(rules, key=lambda r: r.priority))
    for kind, values in (("name", [r.name for r in ordered]), ("priority", [str(r.priority) for r in ordered])):
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise ValueError(f"rule {kind}s must be unique: {', '.join(dupes)}")
    for r in ordered:
        if not r.provenance or not r.examples:
            raise ValueError(f"rule {r.name} needs a provenance and at least one example")
    return ordered


def apply(rules: Sequence[Rule], record: Any, trace: Trace | None = None) -> bool:
    """Run the rules in order on the record; False when a veto fires (the record codes nothing). With a trace,
    every rule runs and is recorded, also past a veto (the outcome is still False), and a veto recorded by an
    earlier table of the same run counts here too."""
    vetoed = trace is not None and bool(trace.vetoed_by)
    for rule in rules:
        if not rule.fire(record):
            continue
        if trace is None:
            if rule.kind == "veto":
                return False
            continue
        if vetoed:
            trace.after_veto.append(rule.name)
            continue
        trace.fired.append(rule.name)
        if rule.kind == "veto":
            vetoed = True
            trace.vetoed_by = rule.name
    return not vetoed
