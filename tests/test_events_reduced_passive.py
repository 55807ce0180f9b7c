"""Headline passives without their auxiliary (redline.events.reduced_passive) through the real pipeline: the noun
before a bare past participle is the victim, the "by" phrase or the weapon's owner the doer; active clauses with
an object keep their subject as the doer. The sentences are written for these tests."""

from __future__ import annotations

from typing import Any

from redline import events as events_stage
from redline import nlp as nlp_stage
from redline.events import current
from redline.ingest import normalize
from redline.models import RawDocument


def _parties(text: str, context: Any, kind: str) -> set[tuple[str | None, str | None]]:
    raw = RawDocument(origin="test", text=text, published="2031-03-02")
    events = events_stage.code(nlp_stage.analyze(normalize(raw, context.settings), context.parse,
                                                 context.gazetteer))
    return {(e.source, e.target) for e in current(events) if e.type == kind}


def test_victims_before_a_bare_participle_are_not_the_doers(context: Any) -> None:
    found = _parties("Two Hezbollah fighters killed in an Israeli drone strike near Nabatieh", context, "ASSAULT")
    assert found
    assert all(not (s or "").startswith("LBN") for s, _ in found)
    assert any((s or "").startswith("ISR") for s, _ in found)


def test_soldiers_killed_in_a_bomb_attack_did_not_attack(context: Any) -> None:
    found = _parties("Three Afghan soldiers killed in roadside bomb attack in Helmand", context, "ASSAULT")
    assert found
    assert all(s != "AFG-MIL" for s, _ in found)


def test_the_by_phrase_of_a_bare_participle_is_the_doer(context: Any) -> None:
    found = _parties("Protester shot dead by Nigerian police in Lagos", context, "ASSAULT")
    assert any((s or "").startswith("NGA") for s, _ in found)


def test_an_active_clause_with_an_object_keeps_its_subject(context: Any) -> None:
    assert any((s or "").startswith("RUS") for s, _ in
               _parties("Russian forces killed three civilians in Kharkiv", context, "ASSAULT"))
    assert any((s or "").startswith("NGA") for s, _ in
               _parties("Nigerian police arrested 12 protesters in Lagos", context, "COERCE"))


def test_shooting_at_a_target_stays_active(context: Any) -> None:
    found = _parties("Syrian troops shot at a convoy near Idlib", context, "ASSAULT")
    assert any((s or "").startswith("SYR") for s, _ in found)
