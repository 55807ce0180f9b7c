"""Checks on scenario text: well formed, not one template with actors swapped, specific to its article.

Used by the test on the bundled sample and by ``bench/scenario_quality.py`` on other corpora.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redline.assess import name
from redline.events.actors import country
from redline.models import Brief
from redline.scenarios import long_date

ILL_FORMED = (
    re.compile(r"\bof to\b"),  # "its threat of to use force"
    re.compile(r"\bIf \w+ happens\b"),  # a one-word trigger
    re.compile(r"\b(is|are|was|were|will|would|has|have)\b[^,]* happens,"),  # a clause made to "happen"
    re.compile(r"\b(\w+) \1\b", re.I),  # doubled word
    re.compile(r"\(\s*\)|\s[,.]|,,|  "),  # empty brackets, space before punctuation, doubled commas or spaces
)


def ill_formed(text: str) -> list[str]:
    """What is wrong with a scenario sentence (empty when nothing)."""
    problems = [p.pattern for p in ILL_FORMED if p.search(text)]
    if not text[:1].isupper() or not text.endswith("."):
        problems.append("sentence shape")
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        problems.append("unbalanced brackets")
    return problems


def masked(text: str, brief: Brief) -> str:
    """The text with every actor name of the brief replaced by X."""
    names = {name(c) for c in (a for s in brief.scenarios for a in s.actors)}
    names |= {m.text for m in brief.entities if m.type == "ACTOR"} | {name(m.code) for m in brief.entities if m.code}
    for n in sorted(names, key=len, reverse=True):
        text = text.replace(n, "X").replace(n[:1].upper() + n[1:], "X")
    return text


def specific(text: str, brief: Brief) -> bool:
    """Whether the text names a weapon, place or date of the article, or states one of its threats' triggers."""
    kinds = {"WEAPON", "PLACE", "DATE"}
    things = {m.text for m in brief.entities if m.type in kinds} | {m.canonical for m in brief.entities
                                                                     if m.type in kinds}
    things |= {e.location for e in brief.events if e.location}
    things |= {w for e in brief.events for w in e.weapons}
    things |= {long_date(e.date[:10]) for e in brief.events if e.date and len(e.date) >= 10
               and re.fullmatch(r"\d{4}-\d\d-\d\d", e.date[:10])}
    triggers = {t.trigger for t in brief.threats if len(t.trigger.split()) >= 2}
    return any(t and t in text for t in things | triggers)


def unrelated(actors: Sequence[str], brief: Brief) -> tuple[str, ...]:
    """Actors of a scenario that no event or threat of its brief links to another of the scenario's actors."""
    sides = [{country(a) for a in pair if a} for pair in
             [*((e.source, e.target) for e in brief.events), *((t.actor, t.target) for t in brief.threats)]]
    own = {country(a) for a in actors}
    return tuple(a for a in actors if len(own) > 1
                 and not any(country(a) in pair and pair & (own - {country(a)}) for pair in sides))


@dataclass(frozen=True)
class Quality:
    scenarios: int
    ill_formed: tuple[str, ...]
    repeated: int  # scenarios whose masked text equals another's
    specific: int
    unrelated: tuple[str, ...] = ()  # scenario texts naming an actor the article never links to the others

    def line(self) -> str:
        n = max(1, self.scenarios)
        return (f"{self.scenarios} scenarios: {len(self.ill_formed)} ill-formed, {self.repeated} "
                f"({self.repeated / n:.0%}) identical to another after masking actors, {self.specific} "
                f"({self.specific / n:.0%}) specific, {len(self.unrelated)} naming an unrelated actor")


def quality(briefs: Sequence[Brief]) -> Quality:
    """The three checks over every scenario of ``briefs``."""
    made = [(s, b) for b in briefs for s in b.scenarios]
    forms = [masked(s.text, b) for s, b in made]
    return Quality(len(made), tuple(s.text for s, _ in made if ill_formed(s.text)),
                   sum(1 for f in forms if forms.count(f) > 1), sum(1 for s, b in made if specific(s.text, b)),
                   tuple(s.text for s, b in made if unrelated(s.actors, b)))
