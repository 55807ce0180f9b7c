"""HTML pages: overview (index chart, latest briefs, ladder rung), map, article view, scenarios, ledger, search.

Pages are server-rendered Jinja templates with autoescaping; the only scripts are the vendored Leaflet
and topojson-client plus ``static/map.js`` and ``static/article.js``.
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from redline.events.plover import PLOVER_TYPES
from redline.models import Brief
from redline.report import html as brief_html
from redline.web import picture, views

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("redline.web").joinpath("templates")))
templates.env.loader = jinja2.ChoiceLoader([  # the page's own templates, then the brief's (shared with --format html)
    jinja2.FileSystemLoader(str(resources.files("redline.web").joinpath("templates"))),
    jinja2.PackageLoader("redline.report", "templates"),
])
templates.env.globals["evidence_key"] = views.evidence_key
brief_html.install(templates.env)
BORDERS_NOTE = ("Borders as recognised by the United Nations (General Assembly resolution 68/262): Crimea is "
                "shown as part of Ukraine. Outlines: Natural Earth 1:50m.")
MAX_CHARTS = 4
WINDOWS = (("30", "30 days"), ("90", "90 days"), ("365", "365 days"), ("all", "everything"))


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"borders_note": BORDERS_NOTE, **context})


def _store(request: Request) -> Any:
    return request.app.state.services.store


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, by: Literal["day", "week", "month"] = "day",
             window: Literal["30", "90", "365", "all"] = "90") -> HTMLResponse:
    """The index charts over the chosen window, which ends at the newest stored article's day."""
    store = _store(request)
    until = picture.newest_day(store)
    if until is None:
        since = None
    elif window == "all":
        since = picture.oldest_day(store)
    else:
        since = until - timedelta(days=int(window) - 1)
    span = {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None}
    top = picture.dyads(store, MAX_CHARTS)
    overall_points, *series = picture.index_many(store, [None, *(d for d, _ in top)], since, until, by)
    charts = []
    for (dyad, count), points in zip(top, series, strict=True):
        a, _ = picture.parse_dyad(dyad)
        link = "/map?" + urlencode({"since": "{day}", "until": "{day}", "actor": a}).replace("%7Bday%7D", "{day}")
        charts.append({"dyad": dyad, "events": count, "chart": views.chart(points, link, since, until)})
    overall = views.chart(overall_points, "/map?since={day}&until={day}", since, until)
    return _page(request, "overview.html", charts=charts, overall=overall, by=by, window=window, span=span,
                 windows=WINDOWS, briefs=picture.latest_briefs(store, 12), rung=picture.current_rung(store))


@router.get("/map", response_class=HTMLResponse)
def event_map(
    request: Request,
    since: date | None = None,
    until: date | None = None,
    actor: Annotated[str | None, Query(max_length=40)] = None,
    type: Annotated[str | None, Query(max_length=20)] = None,
    weapon: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    filters = {"since": since.isoformat() if since else "", "until": until.isoformat() if until else "",
               "actor": actor or "", "type": type or "", "weapon": weapon or ""}
    return _page(request, "map.html", filters=filters, types=sorted(PLOVER_TYPES))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_view(request: Request, article_id: str) -> HTMLResponse:
    store = _store(request)
    article = store.article(article_id)
    brief = store.get_brief(article_id)
    if article is None or brief is None:
        raise HTTPException(404, f"article {article_id!r}: not found")
    return _page(request, "article.html", **brief_html.context(Brief.from_dict(brief, article["text"])))


@router.get("/scenarios", response_class=HTMLResponse)
def scenario_cards(request: Request, dyad: Annotated[str | None, Query(max_length=7)] = None,
                   given: Annotated[str | None, Query(max_length=300)] = None) -> HTMLResponse:
    from redline.scenarios import model, whatif

    return _page(request, "scenarios.html", scenarios=picture.scenarios(_store(request), 200),
                 models=model.load_models(), whatif=whatif.for_page(dyad, given), dyad=dyad or "", given=given or "")


@router.get("/ledger", response_class=HTMLResponse)
def ledger(request: Request, actor: Annotated[str | None, Query(max_length=40)] = None,
           as_of: date | None = None) -> HTMLResponse:
    entries, scores = picture.ledger(_store(request), actor or None, None, as_of.isoformat() if as_of else None)
    return _page(request, "ledger.html", entries=entries, scores=scores, actor=actor or "",
                 as_of=as_of.isoformat() if as_of else "")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    results = _store(request).search(q, 50) if q.strip() else []
    for r in results:
        r["parts"] = views.snippet_parts(r["snippet"] or "")
    return _page(request, "search.html", q=q, results=results)
