"""The HTML brief: one set of Jinja templates (``redline/report/templates``) for ``--format html`` and the
dashboard's article page, over one view of the brief, so a number like ``[3]`` means the same span in both.

    page = html_page(brief)                       # a self-contained page (inline CSS, no script)
    view = BriefView(brief, foreign="/articles/{article_id}#{key}")   # what the dashboard's page renders

Evidence of the brief's own article links to its span in the article text (``#ev-<start>-<end>``, an id that
stays the same across pages); evidence from other articles links to ``foreign`` (on the standalone page,
to its line in the evidence list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from redline.models import Brief, Evidence

__all__ = ["BriefView", "Ref", "Segment", "environment", "html_page", "web_url"]

_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+\Z", re.IGNORECASE)


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL, else None: only those become links (never ``javascript:``)."""
    return value if value and _WEB_URL.match(value.strip()) and value == value.strip() else None


@dataclass(frozen=True)
class Ref:
    """One numbered piece of evidence: its number, its span and where a reference to it links."""

    number: int
    evidence: Evidence
    key: str  # "ev-<start>-<end>": the id of the span in its article's text
    local: bool  # in the brief's own article
    href: str


@dataclass(frozen=True)
class Segment:
    """A piece of the article text with the classes of the spans covering it."""

    text: str
    classes: str
    anchors: tuple[str, ...]  # evidence keys starting here: rendered as empty elements with that id
    title: str


def span_key(ev: Evidence) -> str:
    return f"ev-{int(ev.start)}-{int(ev.end)}"


class BriefView:
    """The brief as the templates show it: evidence numbered once (statements, scenarios, threats, events,
    claims; the first occurrence of a span gets the next number) and the article text cut into segments.

    Args:
        foreign: link of evidence from another article, with ``{article_id}``, ``{key}`` and ``{number}``.
    """

    def __init__(self, brief: Brief, foreign: str = "#ref-{number}") -> None:
        from redline.report.render import Numbering

        self.brief = brief
        self.numbering = Numbering(brief)
        self._foreign = foreign
        self.refs: list[Ref] = []
        self._extend()

    def _extend(self) -> None:
        for number, ev in enumerate(self.numbering.items[len(self.refs):], len(self.refs) + 1):
            key = span_key(ev)
            local = ev.article_id == self.brief.article.id
            href = "#" + key if local else self._foreign.format(article_id=ev.article_id, key=key, number=number)
            self.refs.append(Ref(number, ev, key, local, href))

    def cite(self, evidence: Iterable[Evidence]) -> list[Ref]:
        """The refs of ``evidence`` in order, each number once."""
        numbers = self.numbering.numbers(evidence)
        self._extend()
        return [self.refs[n - 1] for n in numbers]

    def segments(self) -> list[Segment]:
        """The article text cut at every span boundary; each piece carries the classes of the spans covering it.

        Mentions get ``m m-<type>`` (and their name as title); the evidence of events, threats and claims gets
        ``hl-event``, ``hl-threat`` and ``hl-claim``; every numbered span of this article gets ``ev <key>``
        and an anchor with id ``<key>`` where it starts (empty spans too).
        """
        brief, text = self.brief, self.brief.article.text
        n = len(text)
        spans: list[tuple[int, int, str, str]] = []
        for m in brief.entities:
            spans.append((m.start, m.end, f"m m-{m.type.lower()}", f"{m.type}: {m.canonical}"))
        for items, cls in ((brief.events, "hl-event"), (brief.threats, "hl-threat"), (brief.claims, "hl-claim")):
            spans += [(ev.start, ev.end, cls, "") for item in items for ev in item.evidence
                      if ev.article_id == brief.article.id]
        starts: dict[int, list[str]] = {}
        for ref in self.refs:
            if ref.local:
                spans.append((ref.evidence.start, ref.evidence.end, f"ev {ref.key}", ""))
                starts.setdefault(max(0, min(ref.evidence.start, n)), []).append(ref.key)
        spans = [(max(0, min(s, n)), max(0, min(e, n)), c, t) for s, e, c, t in spans]
        spans = [s for s in spans if s[0] < s[1]]
        cuts = sorted({0, n} | {s[0] for s in spans} | {s[1] for s in spans} | set(starts))
        out: list[Segment] = []
        anchored: set[str] = set()
        for lo, hi in zip(cuts, [*cuts[1:], n], strict=True):
            anchors = tuple(k for k in dict.fromkeys(starts.get(lo, [])) if k not in anchored)
            anchored.update(anchors)
            if lo == hi and not anchors:
                continue
            covering = [s for s in spans if s[0] <= lo and hi <= s[1]] if lo < hi else []
            classes = " ".join(sorted({c for s in covering for c in s[2].split()}))
            title = "; ".join(dict.fromkeys(s[3] for s in covering if s[3]))
            out.append(Segment(text[lo:hi], classes, anchors, title))
        return out


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment of the brief templates: autoescaped, undefined names are errors."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("redline.report", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    install(env)
    return env


def install(env: jinja2.Environment) -> None:
    """Adds the helpers the brief templates use to ``env`` (the dashboard's environment gets them too)."""
    from redline.report import render

    env.globals.update(
        flat=render._flat, kind_label=render._kind, assessment_line=render._assessment_line,
        scenario_head=render._scenario_head, threat_text=lambda t: " ".join(render._threat_parts(t))
        + render._threat_tail(t), event_line=render._event_line, entity_groups=render._entity_groups,
        entity_details=render._entity_details, article_meta=render._article_meta, web_url=web_url,
        none_found=render._NONE,
    )


def html_page(brief: Brief) -> str:
    """``brief`` as a self-contained HTML page: inline CSS, no script, a CSP that allows nothing else."""
    view = BriefView(brief)
    return environment().get_template("page.html").render(view=view, brief=brief) + "\n"


def context(brief: Brief, **extra: Any) -> dict[str, Any]:
    """What the templates need to render ``brief`` (the dashboard adds its own keys)."""
    return {"brief": brief, "view": BriefView(brief, foreign="/articles/{article_id}#{key}"), **extra}
