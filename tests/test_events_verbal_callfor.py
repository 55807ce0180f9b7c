"""A demand told as "X calls for Y to do Z" (issue #10, ``grammar._demand_frame``), through the real pipeline on
sentences written for the purpose: the clause "for Y to ..." names the addressee and the demanded act; the verb of
asking codes no visit or appeal of its own beside it, and the demanded act is not done."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence

PUBLISHED = "2024-11-20"


def _events(text: str, context: Any) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.cameo, e.type, e.source, e.target) for e in code_sentence(text, PUBLISHED, context, "test")]


@pytest.mark.parametrize(("text", "dyad"), [
    ("France called for Iran to free the prisoners.", ("FRA", "IRN")),
    ("The European Union called for Russia to withdraw its troops from Georgia.", ("EU", "RUS")),
    ("Japan asked for China to return the fishing boat.", ("JPN", "CHN")),
])
def test_events_verbal_callfor_is_a_demand_on_the_clause_subject(text: str, dyad: tuple[str, str],
                                                                 context: Any) -> None:
    events = _events(text, context)
    assert [(src, tgt) for code, _t, src, tgt in events if code.startswith("10")] == [dyad], events
    # "called" is no visit (CAMEO 04) and "asked" no appeal without its addressee beside the demand
    assert not [e for e in events if e[0][:2] in {"02", "04"}], events


def test_events_verbal_callfor_demanded_act_is_not_done(context: Any) -> None:
    # the act asked for is not reported as happening: no release by Iran
    events = _events("France called for Iran to free the prisoners.", context)
    assert not [e for e in events if e[2] == "IRN"], events


@pytest.mark.parametrize("text", [
    # waiting for someone to act demands nothing
    "The Taliban waited for Pakistan to reopen the border.",
    # a noun asked for names no addressee clause
    "Turkey called for talks with Greece.",
])
def test_events_verbal_callfor_other_for_clauses_are_no_demands(text: str, context: Any) -> None:
    assert not [e for e in _events(text, context) if e[0].startswith("10")], _events(text, context)
