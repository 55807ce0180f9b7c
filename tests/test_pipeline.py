"""The whole pipeline on the founding example and on the 22 bundled sample articles."""

from __future__ import annotations

from typing import Any

import pytest

from redline.models import Brief
from redline.pipeline import STAGES, Stage, check_stages
from redline.report.schema import check_evidence, validate_brief


def test_pipeline_stages_are_declared_in_order() -> None:
    check_stages()
    assert [s.name for s in STAGES][:3] == ["ingest", "nlp", "events"]


def test_pipeline_stage_order_check_fails_on_missing_input() -> None:
    with pytest.raises(ValueError, match="stage 'assess' requires events before it is produced"):
        check_stages((Stage("nlp", ("raw",), ("analysis",)), Stage("assess", ("analysis", "events"), ())))


def _entities(brief: Brief, type_: str) -> dict[str, Any]:
    return {m.canonical: m for m in brief.entities if m.type == type_}


def test_pipeline_founding_example_entities(founding_brief: Brief) -> None:
    people = _entities(founding_brief, "PERSON")
    zakharova = people["Maria Zakharova"]
    assert zakharova.code == "RUS-GOV"
    assert "spokeswoman" in (zakharova.attr("role") or "")
    places = {m.text: m for m in founding_brief.entities if m.type == "PLACE"}
    for name in ("Kurakhovo", "Kupiansk", "Sumy", "Odessa", "Donetsk"):
        geo = places[name].geo
        assert geo is not None and geo.country == "UKR", name
        assert 44 < geo.lat < 53 and 22 < geo.lon < 41, name
    assert any(m.type == "PLACE" and m.text.startswith("Kharkiv") and m.geo and m.geo.country == "UKR"
               for m in founding_brief.entities)
    atacms = _entities(founding_brief, "WEAPON")["ATACMS"]
    assert atacms.attr("origin") == "USA"
    assert 250 <= float(atacms.attr("range_km") or 0) <= 310


def _has_event(brief: Brief, type_: str, source: str, target: str, where: str = "") -> bool:
    return any(e.type in type_.split("|") and (e.source or "").startswith(source)
               and (e.target or "").startswith(target)
               and where in (e.location or "") + " ".join(x.quote for x in e.evidence) for e in brief.events)


def test_pipeline_founding_example_events(founding_brief: Brief) -> None:
    assert _has_event(founding_brief, "ASSAULT", "RUS", "UKR", "Sumy")
    assert _has_event(founding_brief, "ASSAULT|COERCE", "RUS", "UKR", "Kurakhovo")  # 192 occupy: COERCE
    assert _has_event(founding_brief, "ASSAULT", "RUS", "UKR", "Kupiansk")
    assert _has_event(founding_brief, "AID", "USA", "UKR", "ATACMS")
    assert _has_event(founding_brief, "THREATEN", "RUS", "USA")


def test_pipeline_founding_example_threat(founding_brief: Brief) -> None:
    [threat] = [t for t in founding_brief.threats if t.actor == "RUS"]
    assert threat.speaker == "Maria Zakharova"
    assert threat.trigger == "Ukraine uses these missiles [ATACMS] against Russian territory"
    assert (threat.form, threat.status, threat.role) == ("conditional", "current", "Foreign Ministry spokeswoman")
    assert "direct involvement of the U.S. and its allies" in threat.response
    assert "tangible response" in threat.response
    assert threat.target == "USA"
    assert threat.kind == "military"


def test_pipeline_founding_example_assessment_and_scenarios(founding_brief: Brief) -> None:
    kinds = {s.kind for s in founding_brief.assessment.statements}
    assert "rhetoric" in kinds
    assert kinds & {"expert_view", "uncertainty"}
    assert len(founding_brief.scenarios) >= 3
    assert all(s.evidence and 0 < s.probability < 1 and len(s.signposts) >= 2 for s in founding_brief.scenarios)
    assert founding_brief.assessment.ladder_rung >= 5
    assert founding_brief.assessment.direction == "escalating"


def test_pipeline_founding_brief_validates_and_quotes_match(founding_brief: Brief) -> None:
    d = founding_brief.to_dict()
    validate_brief(d)
    assert check_evidence(d, founding_brief.article.text) == []


def test_pipeline_all_samples_analyse_without_skip(sample_briefs: list[Any]) -> None:
    assert [type(b).__name__ for b in sample_briefs] == ["Brief"] * 22


def test_pipeline_sample_briefs_are_valid_and_grounded(sample_briefs: list[Brief]) -> None:
    for brief in sample_briefs:
        d = brief.to_dict()
        validate_brief(d)
        assert check_evidence(d, brief.article.text) == [], brief.article.id
        for m in brief.entities:
            assert brief.article.text[m.start:m.end] == m.text, (brief.article.id, m)
        for s in brief.assessment.statements:
            assert s.evidence, (brief.article.id, s.text)


def test_pipeline_sample_briefs_differ_in_substance(sample_briefs: list[Brief]) -> None:
    texts = [tuple(s.text for s in b.assessment.statements) + tuple(s.text for s in b.scenarios)
             for b in sample_briefs]
    nonempty = [t for t in texts if t]
    assert len(nonempty) >= 18
    assert len(set(nonempty)) == len(nonempty)
    scores = {b.assessment.escalation_score for b in sample_briefs}
    assert len(scores) >= 8


def test_pipeline_public_api_is_pinned() -> None:
    import redline

    assert sorted(redline.__all__) == ["Brief", "RedlineError", "Settings", "Skip", "Store", "__version__",
                                       "analyze", "open_store"]


def test_pipeline_library_analyze_matches_the_cli_path(founding_brief: Brief, founding_text: str) -> None:
    import redline

    title, _, body = founding_text.partition("\n")
    brief = redline.analyze(body, title=title, published="2024-11-19")
    assert brief.to_dict() == founding_brief.to_dict()
    assert brief.article.id == founding_brief.article.id


def test_run_many_gives_what_run_one_gives_in_order(context: Any, sample_records: list[dict[str, Any]]) -> None:
    from redline.models import Brief, RawDocument, Skip
    from redline.pipeline import run_many, run_one

    raws: list[RawDocument | Skip] = [
        RawDocument(origin=r["id"], text=r["text"], title=r["title"], published=r["published"])
        for r in sample_records[:5]]
    raws.insert(2, RawDocument(origin="empty", text="   "))  # an ingest Skip inside a batch
    raws.insert(4, Skip("unreadable.html", "source", "unreadable.html: cannot read"))
    many = list(run_many(raws, context, batch_size=3))
    one = [r if isinstance(r, Skip) else run_one(r, context) for r in raws]
    assert [type(r) for r in many] == [Brief, Brief, Skip, Brief, Skip, Brief, Brief]
    assert many == one
