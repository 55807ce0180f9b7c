"""Assemble the Brief from the stage outputs."""

from __future__ import annotations

from redline.models import Analysis, Assessment, Brief, Event, Scenario, Threat


def build_brief(analysis: Analysis, events: tuple[Event, ...], threats: tuple[Threat, ...],
                assessment: Assessment, scenarios: tuple[Scenario, ...]) -> Brief:
    """The brief of one article; drops any scenario or statement that has no evidence."""
    statements = tuple(s for s in assessment.statements if s.evidence)
    return Brief(
        article=analysis.article,
        entities=analysis.mentions,
        claims=analysis.claims,
        events=events,
        threats=threats,
        assessment=Assessment(assessment.escalation_score, assessment.direction, assessment.ladder_rung,
                              assessment.ladder_label, statements),
        scenarios=tuple(s for s in scenarios if s.evidence),
    )
