"""``create_app(settings, store) -> FastAPI``: the dashboard, the REST API, and their safety rails.

Every response, errors and 500s included, carries a Content-Security-Policy that allows only this origin's
own scripts, styles, images and fetches (so the pages work with no network and stored text cannot run script),
``X-Content-Type-Options: nosniff`` and ``X-Frame-Options: DENY``. Request bodies above
``settings.max_request_bytes`` are refused with 413 (by Content-Length or while streaming a chunked body),
after the route's token check; CORS is off (no CORS headers).
"""

from __future__ import annotations

import json
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redline import __version__
from redline.settings import Settings
from redline.store import Store, schema
from redline.web import api, dashboard, picture, review
from redline.web.errors import error_body, install_error_handlers
from redline.web.picture import IndexPoint

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
INDEX_CACHE_SIZE = 256
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Services:
    """What the routes need: settings, the store and the pipeline context, loaded on first analysis."""

    def __init__(self, settings: Settings, store: Store, context: Any = None) -> None:
        self.settings = settings
        self.store = store
        self._context = context
        self.lock = threading.Lock()  # one analysis at a time: the spaCy pipeline is not shared safely
        self._cache_lock = threading.Lock()
        self._index_cache: dict[tuple[Any, ...], list[IndexPoint]] = {}

    def index(self, dyad: str | None, since: str | None, until: str | None, by: str) -> list[IndexPoint]:
        """``picture.index_series``, cached until the store's articles change (every save touches one)."""
        a = schema.articles
        version = tuple(self.store.select(select(func.max(a.c.updated_at), func.count()).select_from(a))[0])
        key = (version, dyad, since, until, by)
        with self._cache_lock:
            if key in self._index_cache:
                return self._index_cache[key]
        points = picture.index_series(self.store, dyad, since, until, by)
        with self._cache_lock:
            if len(self._index_cache) >= INDEX_CACHE_SIZE:
                self._index_cache.pop(next(iter(self._index_cache)))
            self._index_cache[key] = points
        return points

    def context(self) -> Any:
        with self.lock:
            if self._context is None:
                from redline.pipeline import Context

                self._context = Context.load(self.settings)
            return self._context


def create_app(settings: Settings, store: Store, *, context: Any = None) -> FastAPI:
    """The FastAPI app serving ``store``: HTML pages at /, the REST API at /api/v1.

    Args:
        context: a loaded ``pipeline.Context`` to analyse with; loaded on the first analysis when None.
    """
    app = FastAPI(
        title="redline",
        version=__version__,
        description="Escalation intelligence from conflict news: briefs, events, index, ledger, scenarios.",
        docs_url=None,  # the Swagger UI loads its assets from a CDN; the spec is at /api/v1/openapi.json
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.services = Services(settings, store, context)
    install_error_handlers(app, {k.decode(): v.decode() for k, v in SECURITY_HEADERS})
    app.include_router(api.router)
    app.include_router(dashboard.router)
    app.include_router(review.router)
    static = Path(str(resources.files("redline.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Sets the CSP and related headers on every HTTP response (replacing any the app set itself)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(message.get("headers", []))
            await send(message)

        await self.app(scope, receive, with_headers)


def with_security_headers(headers: Any) -> list[tuple[bytes, bytes]]:
    names = {name for name, _ in SECURITY_HEADERS}
    return [*((k, v) for k, v in headers if k.lower() not in names), *SECURITY_HEADERS]


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413, by Content-Length or while streaming.

    Both checks happen when the route reads the body, so a route's own checks (the bearer token) come first
    and a route that reads no body never refuses one.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length", b"").decode("latin-1") or None
        too_large = declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes)
        seen = 0
        started = False

        async def counting() -> Message:
            nonlocal seen
            if too_large:
                raise BodyTooLarge
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting, tracking)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            error_body(413, f"request body: larger than {self.max_bytes} bytes (send less; the limit is the "
                       "max_request_bytes setting)")
        ).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
