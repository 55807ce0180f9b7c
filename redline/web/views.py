"""Page data that is easier to shape in Python than in a template: the SVG index chart, the highlighted
article text and marked search snippets. Everything returned is plain text and numbers; the templates
escape it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from redline.store.search import MARK_END, MARK_START
from redline.web.picture import IndexPoint

CHART_W, CHART_H, PAD = 720, 200, 36


def evidence_key(ev: dict[str, Any]) -> str:
    return f"ev-{int(ev['start'])}-{int(ev['end'])}"


def chart(points: list[IndexPoint], link: str) -> dict[str, Any]:
    """Coordinates of an SVG line chart of ``points``; each point links to ``link`` with its day filled in."""
    if not points:
        return {"points": [], "path": "", "width": CHART_W, "height": CHART_H}
    days = [date.fromisoformat(p.date).toordinal() for p in points]
    lo, hi = min(days), max(days)
    top = max(p.value for p in points) or 1.0
    inner_w, inner_h = CHART_W - 2 * PAD, CHART_H - 2 * PAD
    out = []
    for p, d in zip(points, days, strict=True):
        x = PAD + (inner_w * (d - lo) / (hi - lo) if hi > lo else inner_w / 2)
        y = PAD + inner_h * (1 - p.value / top)
        out.append({"x": round(x, 1), "y": round(y, 1), "date": p.date, "value": p.value, "kinetic": p.kinetic,
                    "rhetorical": p.rhetorical, "events": p.events, "href": link.replace("{day}", p.date)})
    path = "M" + " L".join(f"{q['x']},{q['y']}" for q in out)
    return {"points": out, "path": path, "width": CHART_W, "height": CHART_H, "top": round(top, 1),
            "first": points[0].date, "last": points[-1].date, "pad": PAD, "base": CHART_H - PAD}


@dataclass(frozen=True)
class Segment:
    text: str
    classes: str
    anchors: tuple[str, ...]  # evidence keys starting here: rendered as empty elements with that id
    title: str


def numbering(brief: dict[str, Any]) -> dict[str, int]:
    """Evidence keys numbered once per brief: statements, scenarios, threats, events, claims."""
    groups = [st.get("evidence", []) for st in brief.get("assessment", {}).get("statements", [])]
    for key in ("scenarios", "threats", "events", "claims"):
        groups += [item.get("evidence", []) for item in brief.get(key, [])]
    numbers: dict[str, int] = {}
    for group in groups:
        for ev in group:
            numbers.setdefault(evidence_key(ev), len(numbers) + 1)
    return numbers


def highlight(text: str, brief: dict[str, Any]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece carries the classes of the spans covering it.

    Mentions get ``m m-<type>``; the evidence of events, threats and claims gets ``hl-event``,
    ``hl-threat`` and ``hl-claim``; every evidence span also gets its key ``ev-<start>-<end>``, which
    statement and scenario links point at.
    """
    aid = brief["article"]["id"]
    spans: list[tuple[int, int, str, str]] = []
    for m in brief.get("entities", []):
        spans.append((m["start"], m["end"], f"m m-{str(m['type']).lower()}", f"{m['type']}: {m['canonical']}"))
    groups = (("events", "hl-event"), ("threats", "hl-threat"), ("claims", "hl-claim"))
    evidence: list[dict[str, Any]] = []
    for key, cls in groups:
        for item in brief.get(key, []):
            for ev in item.get("evidence", []):
                spans.append((ev["start"], ev["end"], cls, ""))
                evidence.append(ev)
    for st in brief.get("assessment", {}).get("statements", []):
        evidence.extend(st.get("evidence", []))
    for sc in brief.get("scenarios", []):
        evidence.extend(sc.get("evidence", []))
    for ev in evidence:
        if ev.get("article_id") == aid:
            spans.append((ev["start"], ev["end"], f"ev {evidence_key(ev)}", ""))
    n = len(text)
    spans = [(max(0, min(s, n)), max(0, min(e, n)), c, t) for s, e, c, t in spans]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({0, n} | {s[0] for s in spans} | {s[1] for s in spans})
    anchored: set[str] = set()
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= lo and hi <= s[1]]
        classes = sorted({c for s in covering for c in s[2].split()})
        anchors = []
        for s in covering:
            ev_key = next((c for c in s[2].split() if c.startswith("ev-")), None)
            if ev_key and ev_key not in anchored:
                anchored.add(ev_key)
                anchors.append(ev_key)
        titles = "; ".join(dict.fromkeys(s[3] for s in covering if s[3]))
        out.append(Segment(text[lo:hi], " ".join(classes), tuple(anchors), titles))
    return out


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while MARK_START in rest:
        before, _, after = rest.partition(MARK_START)
        word, _, rest = after.partition(MARK_END)
        if before:
            parts.append((before, False))
        parts.append((word, True))
    if rest:
        parts.append((rest, False))
    return parts
