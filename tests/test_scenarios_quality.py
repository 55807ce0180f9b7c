"""Scenario text on the bundled sample: well formed, not one template with actors swapped, specific."""

from __future__ import annotations

import re
from typing import Any

from redline.assess import name
from redline.scenarios import long_date

ILL_FORMED = (
    re.compile(r"\bof to\b"),  # "its threat of to use force"
    re.compile(r"\bIf \w+ happens\b"),  # a one-word trigger
    re.compile(r"\b(is|are|was|were|will|would|has|have)\b[^,]* happens,"),  # a clause made to "happen"
    re.compile(r"\b(\w+) \1\b", re.I),  # doubled word
    re.compile(r"\(\s*\)|\s[,.]|,,|  "),  # empty brackets, space before punctuation, doubled commas or spaces
)


def ill_formed(text: str) -> list[str]:
    problems = [p.pattern for p in ILL_FORMED if p.search(text)]
    if not text[:1].isupper() or not text.endswith("."):
        problems.append("sentence shape")
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        problems.append("unbalanced brackets")
    return problems


def masked(text: str, brief: Any) -> str:
    names = {name(c) for c in (a for s in brief.scenarios for a in s.actors)}
    names |= {m.text for m in brief.entities if m.type == "ACTOR"} | {name(m.code) for m in brief.entities if m.code}
    for n in sorted(names, key=len, reverse=True):
        text = text.replace(n, "X").replace(n[:1].upper() + n[1:], "X")
    return text


def specific(text: str, brief: Any) -> bool:
    """Names a weapon, place or date of the article, or states one of its threats' triggers."""
    things = {m.text for m in brief.entities if m.type in {"WEAPON", "PLACE", "DATE"}}
    things |= {m.canonical for m in brief.entities if m.type in {"WEAPON", "PLACE", "DATE"}}
    things |= {e.location for e in brief.events if e.location}
    things |= {w for e in brief.events for w in e.weapons}
    things |= {long_date(e.date[:10]) for e in brief.events if e.date and len(e.date) >= 10}
    triggers = {t.trigger for t in brief.threats if len(t.trigger.split()) >= 2}
    return any(t and t in text for t in things | triggers)


def test_scenarios_quality_on_the_bundled_sample(sample_briefs: list[Any]) -> None:
    made = [(s, b) for b in sample_briefs for s in b.scenarios]
    assert len(made) >= 8
    bad = [(s.text, ill_formed(s.text)) for s, _ in made if ill_formed(s.text)]
    assert bad == []
    forms = [masked(s.text, b) for s, b in made]
    repeated = sum(1 for f in forms if forms.count(f) > 1)
    assert repeated / len(made) <= 0.20, sorted(f for f in forms if forms.count(f) > 1)
    named = sum(1 for s, b in made if specific(s.text, b))
    assert named / len(made) >= 0.80, [s.text for s, b in made if not specific(s.text, b)]


def test_scenarios_quality_checks_catch_the_old_failures() -> None:
    assert ill_formed("If hit by sanctions happens, Turkey may follow through on its threat of to use force.")
    assert ill_formed("If necessary happens, the United States may follow through on its threat of to use force.")
    assert not ill_formed("If Turkey is hit by sanctions, Turkey may carry out its threat to use force.")
