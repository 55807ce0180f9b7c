"""The review queue of the red-line ledger: a dashboard page and its API.

``GET /review`` lists open proposals with their evidence and the audit trail; ``GET /api/v1/review`` gives
the same as JSON; ``POST /api/v1/review/{proposal_id}`` decides one, and like every write of the API it needs
``Authorization: Bearer <api_token>`` (the page's ``static/review.js`` sends the token typed into the page).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from redline.assess.ledger import EDITABLE
from redline.web.api import require_token, services
from redline.web.dashboard import _page

router = APIRouter()


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["accept", "edit", "reject"]
    reviewer: str = Field(min_length=1, max_length=200, description="who decides, kept in the audit record")
    changes: dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=dict, description="corrected field values for an edit")
    note: str = Field("", max_length=2000)


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request) -> HTMLResponse:
    from redline.review import desk

    current = desk(services(request).store)
    lines = {e.id: e for e in current.lines}
    items = [{"p": p, "line": lines.get(p.line_id), "editable": EDITABLE[p.kind]} for p in current.proposals]
    return _page(request, "review.html", items=items, reviews=list(reversed(current.reviews)))


@router.get("/api/v1/review", tags=["api"], summary="Open ledger proposals with their evidence, and the audit trail")
def list_review(request: Request) -> dict[str, Any]:
    from redline.review import desk

    current = desk(services(request).store)
    return {"items": [p.to_dict() for p in current.proposals], "reviews": [r.to_dict() for r in current.reviews]}


@router.post("/api/v1/review/{proposal_id}", tags=["api"], dependencies=[Depends(require_token)],
             summary="Accept, edit or reject a ledger proposal (needs the bearer token)")
def decide_proposal(request: Request, proposal_id: str, body: Decision) -> dict[str, Any]:
    from redline.review import ReviewError, decide

    try:
        review = decide(services(request).store, proposal_id, body.action, body.reviewer, body.changes, body.note)
    except ReviewError as e:
        raise HTTPException(409 if "already reviewed" in str(e) else 422, str(e)) from None
    return review.to_dict()
