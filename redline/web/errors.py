"""One JSON error shape for the API: ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``.

Validation errors add ``"details"``: a list of ``{"where": "query.limit", "problem": "..."}``. HTML pages
get the same message in a small page instead.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from redline.errors import RedlineError, StoreError

log = logging.getLogger("redline.web")


def error_body(status: int, message: str, details: list[dict[str, str]] | None = None) -> dict[str, Any]:
    code = HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def error_response(request: Request, status: int, message: str, details: list[dict[str, str]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    if not request.url.path.startswith("/api/"):
        from html import escape

        page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} · redline</title>"
                f"<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><main><h1>{status}</h1>"
                f"<p>{escape(message)}</p><p><a href=\"/\">Overview</a></p></main></body></html>")
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(status, message, details), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI, security_headers: dict[str, str]) -> None:
    """One error shape for every error; ``security_headers`` go on 500s, which are answered outside the
    middleware that sets them on every other response."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "problem": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{d['where']}: {d['problem']}" for d in details) or "invalid request"
        return error_response(request, 422, summary, details)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, str(exc))

    @app.exception_handler(RedlineError)
    async def redline_error(request: Request, exc: RedlineError) -> Response:
        return error_response(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal error (see the server log)", headers=security_headers)
