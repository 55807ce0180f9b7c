"""REST routes under /api/v1. Reads are open; writes need ``Authorization: Bearer <api_token>``.

Lists take ``limit`` and ``offset`` and answer ``{"items": [...], "limit", "offset", "next_offset"}``;
``next_offset`` is null on the last page. Errors use the shape in ``redline.web.errors``.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from redline.errors import RedlineError
from redline.models import Brief, RawDocument, Skip
from redline.settings import Settings
from redline.web import picture

router = APIRouter(prefix="/api/v1", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="REDLINE_API_TOKEN; without one set, writes are refused")

MAX_OFFSET = 1_000_000_000
Limit = Annotated[int, Query(ge=1, le=1000, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Day = Annotated[date | None, Query(lt=date.max, description="inclusive day, YYYY-MM-DD, before 9999-12-31")]
Body = TypeVar("Body", bound=BaseModel)
Code = Annotated[str | None, Query(max_length=40, description="actor code such as RUS or RUS-MIL")]


def services(request: Request) -> Any:
    return request.app.state.services


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None}


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes need the server's token; a server without one refuses every write."""
    token = services(request).settings.api_token
    if not token:
        raise HTTPException(403, "writes are disabled on this server (start it with REDLINE_API_TOKEN set)")
    given = credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "Authorization: missing or wrong bearer token (send Authorization: Bearer "
                                 "$REDLINE_API_TOKEN)", headers={"WWW-Authenticate": "Bearer"})


@router.get("/articles", summary="Articles without their text, newest first")
def list_articles(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return page(services(request).store.articles(limit=limit, offset=offset), limit, offset)


@router.get("/articles/{article_id}", summary="One article with its text")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    article = services(request).store.article(article_id)
    if article is None:
        raise HTTPException(404, f"article {article_id!r}: not found")
    return dict(article)


@router.get("/briefs", summary="Latest briefs: score, direction and ladder rung per article")
def list_briefs(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return page(picture.latest_briefs(services(request).store, limit, offset), limit, offset)


@router.get("/briefs/{article_id}", summary="The brief of one article (the JSON brief contract)")
def get_brief(request: Request, article_id: str) -> dict[str, Any]:
    brief = services(request).store.get_brief(article_id)
    if brief is None:
        raise HTTPException(404, f"brief of article {article_id!r}: not found")
    return dict(brief)


@router.get("/events", summary="Coded events, oldest first, filtered")
def list_events(
    request: Request,
    since: Day = None,
    until: Day = None,
    actor: Code = None,
    source: Code = None,
    target: Code = None,
    type: Annotated[str | None, Query(max_length=20, description="PLOVER type such as ASSAULT")] = None,
    weapon: Annotated[str | None, Query(max_length=100, description="weapon name, e.g. ATACMS")] = None,
    located: Annotated[bool | None, Query(description="only events with (true) or without (false) coordinates")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    items = services(request).store.events(
        since=since, until=until, actor=actor, source=source, target=target, type=type, weapon=weapon,
        located=located, article_id=article_id, limit=limit, offset=offset,
    )
    return page(items, limit, offset)


@router.get("/index", summary="Escalation index over time for a dyad (or all hostile events)")
def get_index(
    request: Request,
    dyad: Annotated[str | None, Query(pattern=picture.DYAD.pattern, description="e.g. RUS-UKR")] = None,
    since: Day = None,
    until: Day = None,
    by: Literal["day", "week", "month"] = "day",
) -> dict[str, Any]:
    svc = services(request)
    points = svc.index(dyad, since.isoformat() if since else None, until.isoformat() if until else None, by)
    return {"dyad": dyad, "by": by, "points": [p.to_dict() for p in points],
            "dyads": [{"dyad": d, "events": n} for d, n in picture.dyads(svc.store)]}


@router.get("/ledger", summary="The red-line ledger: red lines with status, and credibility per issuer")
def get_ledger(
    request: Request,
    actor: Code = None,
    kind: Literal["nuclear", "military", "economic", "diplomatic"] | None = None,
    as_of: Day = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    entries, scores = picture.ledger(services(request).store, actor, kind, as_of.isoformat() if as_of else None)
    return {**page(entries[offset:offset + limit], limit, offset), "credibility": scores}


@router.get("/scenarios", summary="Scenarios, most probable first")
def list_scenarios(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return page(picture.scenarios(services(request).store, limit, offset), limit, offset)


@router.get("/search", summary="Full-text search over article titles and texts")
def search(
    request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    return page(services(request).store.search(q, limit, offset), limit, offset)


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="article text; give text or url")
    url: str | None = Field(None, max_length=2000, description="http(s) URL of an article; give text or url")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="publication date, YYYY-MM-DD")
    store: bool = Field(True, description="store the brief (replacing the article's earlier brief)")


ANALYZE_BODY = {"required": True, "content": {"application/json": {"schema": AnalyzeRequest.model_json_schema()}}}


@router.post("/analyze", summary="Analyse an article text or URL into a brief (needs the bearer token)",
             dependencies=[Depends(require_token)], openapi_extra={"requestBody": ANALYZE_BODY})
async def analyze(request: Request) -> dict[str, Any]:
    svc = services(request)
    body = await read_body(request, AnalyzeRequest)
    if (body.text is None) == (body.url is None):
        raise HTTPException(422, "body: give exactly one of text or url")
    if body.url is not None:
        raw = await run_in_threadpool(_read_url, body.url, svc.settings)
        raw = RawDocument(raw.origin, raw.text, body.title or raw.title, raw.url, raw.published, raw.source,
                          raw.html)
    else:
        raw = RawDocument(origin="request body", text=body.text or "", title=body.title)
    result = await run_in_threadpool(_run, svc, raw, body.published)
    if not isinstance(result, Brief):
        raise HTTPException(422, result.reason)
    if body.store:
        await run_in_threadpool(svc.store.save_brief, result)
    return result.to_dict()


async def read_body(request: Request, model: type[Body]) -> Body:
    """The request body as ``model``, read only now: after the token check, through the size limit.

    Bytes that are not UTF-8 JSON (a lone surrogate escape included) or do not fit ``model`` raise
    RequestValidationError (422) naming where the body is wrong.
    """
    data = await request.body()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RequestValidationError([{"loc": ("body",), "msg": f"not UTF-8 (byte 0x{data[e.start]:02x} at "
                                                                   f"offset {e.start}; send UTF-8 JSON)"}]) from None
    if not data.strip():
        raise RequestValidationError([{"loc": ("body",), "msg": "empty (send a JSON object)"}])
    try:
        return model.model_validate_json(data)
    except ValidationError as e:
        raise RequestValidationError(
            [{"loc": ("body", *err["loc"]), "msg": err["msg"]} for err in e.errors(include_url=False)]
        ) from None


def _run(svc: Any, raw: RawDocument, published: str | None) -> Brief | Skip:
    from redline.pipeline import run_one

    context = svc.context()
    with svc.lock:
        return run_one(raw, context, published=published)


def _read_url(url: str, settings: Settings) -> RawDocument:
    """The article at ``url``, fetched with the settings' fetcher (private addresses refused)."""
    if not url.lower().startswith(("http://", "https://")):
        raise HTTPException(422, f"url {url!r}: not an http(s) URL (give an http:// or https:// address)")
    from redline.sources import open_fetcher, read

    try:
        with open_fetcher(settings) as fetcher:
            documents = list(read(url, max_bytes=settings.max_page_bytes, fetcher=fetcher))
    except RedlineError as e:
        raise HTTPException(422, str(e)) from None
    if len(documents) != 1:
        raise HTTPException(422, f"url {url!r}: expected one article, found {len(documents)}")
    document = documents[0]
    if isinstance(document, Skip):
        raise HTTPException(422, document.reason)
    return document
