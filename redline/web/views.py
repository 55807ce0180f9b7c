"""Page data that is easier to shape in Python than in a template: the SVG index chart and marked search
snippets (the article page's highlighted text is ``redline.report.html``'s, shared with ``--format html``).
Everything returned is plain text and numbers; the templates escape it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from redline.store.search import MARK_END, MARK_START
from redline.web.picture import IndexPoint

CHART_W, CHART_H, PAD = 720, 200, 36


def evidence_key(ev: dict[str, Any]) -> str:
    return f"ev-{int(ev['start'])}-{int(ev['end'])}"


def chart(points: list[IndexPoint], link: str, since: date | None = None, until: date | None = None) -> dict[str, Any]:
    """Coordinates of an SVG chart of ``points`` on a real time axis from ``since`` to ``until`` (else the
    points' own range). Runs of periods with data are separate lines, so nothing is drawn across a period
    without data; those periods are shaded bands. Each point with happenings links to ``link`` with its
    day filled in."""
    dated = [p for p in points if p.has_data]
    if not dated:
        return {"points": [], "path": "", "width": CHART_W, "height": CHART_H, "gaps": []}
    lo = (since or date.fromisoformat(points[0].date)).toordinal()
    hi = (until or date.fromisoformat(points[-1].date)).toordinal()
    top = max(p.total or 0.0 for p in dated) or 1.0
    inner_w, inner_h = CHART_W - 2 * PAD, CHART_H - 2 * PAD

    def x(day: int) -> float:
        return round(PAD + (inner_w * (day - lo) / (hi - lo) if hi > lo else inner_w / 2), 1)

    out: list[dict[str, Any]] = []
    runs: list[list[str]] = [[]]
    gaps: list[list[int]] = []
    for n, p in enumerate(points):
        day = date.fromisoformat(p.date).toordinal()
        if not p.has_data:
            end = date.fromisoformat(points[n + 1].date).toordinal() if n + 1 < len(points) else hi
            if gaps and gaps[-1][1] == day:
                gaps[-1][1] = end
            else:
                gaps.append([day, end])
            if runs[-1]:
                runs.append([])
            continue
        y = round(PAD + inner_h * (1 - (p.total or 0.0) / top), 1)
        runs[-1].append(f"{x(day)},{y}")
        if p.happenings:
            out.append({"x": x(day), "y": y, "date": p.date, "value": p.total, "kinetic": p.kinetic,
                        "rhetorical": p.rhetorical, "happenings": p.happenings, "reports": p.reports,
                        "href": link.replace("{day}", p.date)})
    path = " ".join("M" + " L".join(run) for run in runs if len(run) > 1)
    bands = [{"x": x(a), "w": round(max(1.0, x(b) - x(a)), 1)} for a, b in gaps]
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    return {"points": out, "path": path, "runs": sum(len(r) > 1 for r in runs), "gaps": bands,
            "width": CHART_W, "height": CHART_H, "top": round(top, 1), "first": first.isoformat(),
            "last": last.isoformat(), "ticks": _ticks(first, last, x), "pad": PAD, "base": CHART_H - PAD}


def _ticks(first: date, last: date, x: Callable[[int], float]) -> list[dict[str, Any]]:
    """Month starts (or year starts on long ranges) strictly inside the axis, at most about six."""
    days = (last - first).days
    step = 1 if days <= 200 else 3 if days <= 600 else 12
    ticks = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month > first and (month.month - 1) % step == 0:
            ticks.append({"x": x(month.toordinal()), "label": month.isoformat()[:7]})
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    while len(ticks) > 6:
        ticks = ticks[::2]
    return ticks


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
