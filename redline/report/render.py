"""Render a Brief as terminal text, Markdown, JSON or a self-contained HTML page.

Evidence is numbered once per brief (statements, scenarios, threats, events, claims; identical spans
share a number), so ``[3]`` means the same span in every format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC
from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from redline.models import Article, Brief, Event, Evidence, Mention, Scenario, Threat

FORMATS = ("text", "md", "json", "html")
_ENTITY_ORDER = ("PERSON", "ACTOR", "PLACE", "WEAPON", "DATE")
_NONE = "none found"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
_MD_BLOCK_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=])")
_SpanKey = tuple[str, int, int]


def render(brief: Brief, fmt: str, *, color: bool = False) -> str:
    """Render ``brief`` as ``fmt`` (text, md, json or html); ``color`` adds ANSI styles to text only."""
    if fmt == "json":
        return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "text":
        return _render_text(brief, color)
    if fmt == "md":
        return _render_md(brief)
    if fmt == "html":
        from redline.report.html import html_page

        return html_page(brief)
    raise ValueError(f"unknown format {fmt!r} (choose one of: {', '.join(FORMATS)})")


class Numbering:
    """Evidence numbering shared by all formats (the HTML views included): statements, scenarios, threats,
    events, claims in that order; the first occurrence of a span gets the next number."""

    def __init__(self, brief: Brief) -> None:
        self.items: list[Evidence] = []
        self._numbers: dict[_SpanKey, int] = {}
        groups: list[Iterable[Evidence]] = [s.evidence for s in brief.assessment.statements]
        groups += [s.evidence for s in brief.scenarios]
        groups += [t.evidence for t in brief.threats]
        groups += [e.evidence for e in brief.events]
        groups += [c.evidence for c in brief.claims]
        for group in groups:
            self.numbers(group)

    def numbers(self, evidence: Iterable[Evidence]) -> list[int]:
        out: list[int] = []
        for ev in evidence:
            key = (ev.article_id, ev.start, ev.end)
            if key not in self._numbers:
                self.items.append(ev)
                self._numbers[key] = len(self.items)
            if self._numbers[key] not in out:
                out.append(self._numbers[key])
        return out


def _flat(text: str | None) -> str:
    """Article-derived text on one line (quotes may span paragraphs)."""
    return " ".join((text or "").split())


def _or(value: str | None, default: str = "?") -> str:
    return _flat(value) or default


def _published(article: Article) -> str | None:
    if article.published is None:
        return None
    when = article.published
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when.strftime("%Y-%m-%d %H:%M UTC")


def _article_meta(article: Article) -> list[tuple[str, str]]:
    pairs = [("published", _published(article)), ("source", article.source), ("url", article.url)]
    return [(label, value) for label, value in pairs if value]


def _assessment_line(brief: Brief) -> str:
    a = brief.assessment
    rung = f"ladder rung {a.ladder_rung}" + (f": {_flat(a.ladder_label)}" if a.ladder_label else "")
    return f"Escalation score {a.escalation_score:.0f}/100 · {_or(a.direction)} · {rung}"


def _scenario_head(s: Scenario) -> tuple[str, str]:
    """(the scenario sentence, "(p=0.35, 90 days)"); falls back to "If <condition>, <outcome>"."""
    condition = re.sub(r"^if\s+", "", _flat(s.condition), flags=re.IGNORECASE).rstrip(" ,.;")
    outcome = _flat(s.outcome).rstrip(" .;")
    fallback = f"If {condition}, {outcome}" if condition else outcome
    head = _flat(s.text).rstrip(" .") or fallback
    days = "1 day" if s.horizon_days == 1 else f"{s.horizon_days} days"
    return head, f"(p={s.probability:.2f}, {days})"


def _threat_parts(t: Threat) -> list[str]:
    return [f"if {_or(t.trigger)}", f"→ {_or(t.response)}"]


def _threat_tail(t: Threat) -> str:
    """The parenthesised tail, e.g. " (target USA, military threat, said by Maria Zakharova)"."""
    tail = [f"target {_flat(t.target)}"] if t.target else []
    if t.kind:
        tail.append(f"{t.kind} threat")
    if t.speaker and t.speaker != t.actor:
        tail.append(f"said by {_flat(t.speaker)}")
    if t.date:
        tail.append(t.date)
    return f" ({', '.join(tail)})" if tail else ""


def _event_line(e: Event) -> tuple[str, str]:
    """(head, details) of an event: "PLOVER (mode, CAMEO 19)", "RUS → UKR at Sumy; weapons …"."""
    mode = f"{e.mode}, " if e.mode else ""
    head = f"{e.type} ({mode}CAMEO {e.cameo})"
    details = f"{_or(e.source)} → {_or(e.target)}"
    if e.location:
        details += f" at {_flat(e.location)}"
    if e.weapons:
        details += f"; weapons: {', '.join(_flat(w) for w in e.weapons)}"
    details += f"; {e.factuality}, intensity {e.intensity:+.1f}"
    if e.date:
        details += f", {e.date}"
    return head, details


def _entity_groups(entities: Iterable[Mention]) -> list[tuple[str, list[tuple[Mention, int]]]]:
    """Mentions grouped by type (PERSON, ACTOR, PLACE, WEAPON, DATE, others) and by canonical name."""
    groups: dict[str, dict[str, list[Mention]]] = {}
    for m in entities:
        groups.setdefault(m.type, {}).setdefault(m.canonical or m.text, []).append(m)
    order = [t for t in _ENTITY_ORDER if t in groups] + sorted(set(groups) - set(_ENTITY_ORDER))
    return [(t, [(ms[0], len(ms)) for ms in groups[t].values()]) for t in order]


def _entity_details(m: Mention) -> str:
    """Type-specific facts: code, role, country and coordinates, weapon class and range."""
    facts = [m.code] if m.code else []
    attrs = dict(m.attrs)
    for key in ("role", "affiliation", "kind", "class", "origin"):
        if attrs.get(key):
            facts.append(_flat(attrs[key]))
    if attrs.get("range_km"):
        facts.append(f"range {_flat(attrs['range_km'])} km")
    if attrs.get("nuclear_capable", "").lower() in ("1", "true", "yes"):
        facts.append("nuclear-capable")
    if m.geo is not None:
        country = "" if m.geo.country == m.code else f"{m.geo.country} "
        facts.append(f"{country}{m.geo.lat:.4f}, {m.geo.lon:.4f}")
    return ", ".join(facts)


def _kind(kind: str) -> str:
    return kind.replace("_", " ")


def _span(ev: Evidence) -> str:
    return f"chars {ev.start}–{ev.end}"


# ---- text (rich) ----


def _render_text(brief: Brief, color: bool) -> str:
    out = StringIO()
    console = Console(
        file=out,
        width=100,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    refs = Numbering(brief)

    def cite(evidence: Iterable[Evidence]) -> Text:
        nums = refs.numbers(evidence)
        return Text(" " + "".join(f"[{n}]" for n in nums), style="cyan") if nums else Text("")

    def section(title: str) -> None:
        console.print()
        console.print(Text(title, style="bold underline"))

    def bullet(*parts: str | Text, sub: Iterable[str] = ()) -> None:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right")
        grid.add_column()
        grid.add_row("•", Text.assemble(*parts))
        for line in sub:
            grid.add_row("", Text(line, style="dim"))
        console.print(grid)

    def empty() -> None:
        console.print(Text(f"  {_NONE}", style="dim"))

    a = brief.article
    console.print(Text(_or(a.title, "(untitled)"), style="bold"))
    meta = _article_meta(a)
    if meta:
        console.print(Text(" · ".join(f"{k} {_flat(v)}" for k, v in meta), style="dim"))

    section("Assessment")
    console.print(Text("  " + _assessment_line(brief)))
    for st in brief.assessment.statements:
        bullet(Text(f"({_kind(st.kind)}) ", style="italic magenta"), _flat(st.text), cite(st.evidence))

    section("Scenarios")
    for sc in brief.scenarios:
        head, odds = _scenario_head(sc)
        sub = [f"signposts: {'; '.join(_flat(p) for p in sc.signposts)}"] if sc.signposts else []
        if sc.rationale:
            sub.append(f"rationale: {_flat(sc.rationale)}")
        bullet(head + " ", Text(odds, style="bold yellow"), cite(sc.evidence), sub=sub)
    if not brief.scenarios:
        empty()

    section("Threats")
    for t in brief.threats:
        bullet(
            Text(_or(t.actor, "unknown actor"), style="bold"),
            ": " + " ".join(_threat_parts(t)),
            _threat_tail(t),
            cite(t.evidence),
        )
    if not brief.threats:
        empty()

    section("Events")
    for e in brief.events:
        head, details = _event_line(e)
        bullet(Text(head, style="bold"), ": " + details, cite(e.evidence))
    if not brief.events:
        empty()

    section("Claims")
    for c in brief.claims:
        bullet(
            Text(_or(c.speaker, "unknown"), style="bold"),
            f" ({c.speaker_type}, {c.stance}): ",
            f"\u201c{_flat(c.content)}\u201d",
            cite(c.evidence),
        )
    if not brief.claims:
        empty()

    section("Entities")
    for etype, members in _entity_groups(brief.entities):
        console.print(Text(f"  {etype}", style="bold"))
        for m, count in members:
            details = _entity_details(m)
            bullet(
                _or(m.canonical or m.text),
                f" ({details})" if details else "",
                Text(f" ×{count}", style="dim") if count > 1 else "",
            )
    if not brief.entities:
        empty()

    section("Evidence")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="cyan")
    grid.add_column()
    for n, ev in enumerate(refs.items, 1):
        grid.add_row(
            f"  [{n}]", Text.assemble(f"\u201c{_flat(ev.quote)}\u201d ", Text(f"({_span(ev)})", style="dim"))
        )
    if refs.items:
        console.print(grid)
    else:
        empty()
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


# ---- Markdown ----


def _md(text: str | None) -> str:
    """Article-derived text as one line of Markdown: inline syntax escaped, and list/heading starts."""
    escaped = _MD_SPECIAL.sub(r"\\\1", _flat(text))
    return _MD_BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _render_md(brief: Brief) -> str:
    refs = Numbering(brief)
    lines: list[str] = []

    def cite(evidence: Iterable[Evidence]) -> str:
        return "".join(f"[^{n}]" for n in refs.numbers(evidence))

    def section(title: str, items: list[str]) -> None:
        lines.extend(["", f"## {title}", ""])
        lines.extend(items or [f"_{_NONE}_"])

    a = brief.article
    lines.append(f"# {_md(a.title) or '(untitled)'}")
    meta = _article_meta(a)
    if meta:
        lines.extend(["", " · ".join(f"**{k}** {_md(v)}" for k, v in meta)])

    statements = [
        f"- _{_md(_kind(st.kind))}_: {_md(st.text)}{cite(st.evidence)}" for st in brief.assessment.statements
    ]
    section("Assessment", [_md(_assessment_line(brief)), "", *statements])

    scenarios: list[str] = []
    for sc in brief.scenarios:
        head, odds = _scenario_head(sc)
        scenarios.append(f"- {_md(head)} **{_md(odds)}**{cite(sc.evidence)}")
        if sc.signposts:
            scenarios.append(f"  - signposts: {'; '.join(_md(p) for p in sc.signposts)}")
        if sc.rationale:
            scenarios.append(f"  - rationale: {_md(sc.rationale)}")
    section("Scenarios", scenarios)

    section(
        "Threats",
        [
            f"- **{_md(_or(t.actor, 'unknown actor'))}**: {_md(' '.join(_threat_parts(t)) + _threat_tail(t))}"
            f"{cite(t.evidence)}"
            for t in brief.threats
        ],
    )
    events = []
    for e in brief.events:
        head, details = _event_line(e)
        events.append(f"- **{_md(head)}**: {_md(details)}{cite(e.evidence)}")
    section("Events", events)
    section(
        "Claims",
        [
            f"- **{_md(_or(c.speaker, 'unknown'))}** ({_md(c.speaker_type)}, {_md(c.stance)}): "
            f"\u201c{_md(c.content)}\u201d{cite(c.evidence)}"
            for c in brief.claims
        ],
    )

    entities: list[str] = []
    for etype, members in _entity_groups(brief.entities):
        entities.append(f"- **{etype}**")
        for m, count in members:
            details = _entity_details(m)
            extra = (f" ({_md(details)})" if details else "") + (f" ×{count}" if count > 1 else "")
            entities.append(f"  - {_md(_or(m.canonical or m.text))}{extra}")
    section("Entities", entities)

    if refs.items:
        lines.append("")
        lines.extend(
            f"[^{n}]: \u201c{_md(ev.quote)}\u201d ({_span(ev)})" for n, ev in enumerate(refs.items, 1)
        )
    return "\n".join(lines) + "\n"
