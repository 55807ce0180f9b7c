"""Frozen dataclasses traded between the pipeline stages.

Flow: RawDocument -> (ingest) Article -> (nlp) Analysis -> (events) Event[] and Threat[]
-> (assess) Assessment -> (scenarios) Scenario[] -> (report) Brief.
Every span is a character offset into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class RawDocument:
    """A document as a source yields it, before any normalisation."""

    origin: str  # file path, URL or "<stdin>", used in error messages
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    html: bool = False  # text is HTML that still needs extraction


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    url: str | None
    source: str | None
    published: datetime | None  # UTC
    language: str
    origin: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
        }


@dataclass(frozen=True)
class Evidence:
    article_id: str
    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Evidence:
        return cls(article.id, start, end, article.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Geo:
    lat: float
    lon: float
    country: str  # ISO-3166 alpha-3


@dataclass(frozen=True)
class Mention:
    """An entity mention resolved against the gazetteers.

    ``type`` is one of PERSON, ACTOR (states, organisations, groups), PLACE, WEAPON, DATE.
    ``attrs`` holds type-specific facts: role, affiliation, class, range_km, nuclear...
    """

    id: str
    text: str
    type: str
    canonical: str
    code: str | None
    start: int
    end: int
    geo: Geo | None = None
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, key: str) -> str | None:
        return dict(self.attrs).get(key)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "type": self.type,
            "canonical": self.canonical,
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "geo": asdict(self.geo) if self.geo else None,
        }
        d.update({k: v for k, v in self.attrs if k not in d})  # attributes never shadow contract fields
        return d


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    modality: str  # asserted, reported, hedged, conditional, negated, future


@dataclass(frozen=True)
class Claim:
    """Attributed speech: who said what, with which cue verb."""

    id: str
    speaker: str
    speaker_type: str  # official, expert, media, organization, witness, unknown
    speaker_code: str | None
    cue: str
    content: str
    stance: str  # threat, warning, assessment, statement, denial, appeal
    evidence: tuple[Evidence, ...]
    content_start: int = 0
    content_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "speaker_type": self.speaker_type,
            "speaker_code": self.speaker_code,
            "cue": self.cue,
            "content": self.content,
            "stance": self.stance,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Conditional:
    """A conditional clause: "if X, Y" or "any X would lead to Y"."""

    trigger: str
    consequence: str
    trigger_span: tuple[int, int]
    consequence_span: tuple[int, int]
    evidence: Evidence


@dataclass(frozen=True)
class Analysis:
    """What the nlp stage knows about one article. ``doc`` is the spaCy Doc (not serialised)."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    conditionals: tuple[Conditional, ...]
    doc: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Event:
    id: str
    type: str  # PLOVER event type
    mode: str
    cameo: str  # CAMEO root code, two digits
    source: str | None
    target: str | None
    location: str | None
    geo: Geo | None
    weapons: tuple[str, ...]
    factuality: str  # asserted, reported, hedged, conditional, negated, future
    intensity: float  # -10..+10, Goldstein-style
    confidence: float
    evidence: tuple[Evidence, ...]
    date: str | None = None
    text: str = ""  # short description built from the clause
    # current (reported as happening or happened), background, hypothetical, decision, negated, contested,
    # interception: only current acts enter the situation picture (redline.events.STATUSES says what each means)
    status: str = "current"
    status_rules: tuple[str, ...] = ()  # every status rule that fired on the clause, the deciding one first

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "source": self.source,
            "target": self.target,
            "location": self.location,
            "geo": asdict(self.geo) if self.geo else None,
            "weapons": list(self.weapons),
            "factuality": self.factuality,
            "intensity": self.intensity,
            "confidence": self.confidence,
            "date": self.date,
            "text": self.text,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Threat:
    """A threat or red line: if <trigger>, <actor> will <response> against <target>."""

    id: str
    actor: str | None
    speaker: str | None
    trigger: str
    response: str
    target: str | None
    date: str | None
    kind: str  # nuclear, military, economic, diplomatic
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "actor": self.actor,
            "speaker": self.speaker,
            "trigger": self.trigger,
            "response": self.response,
            "target": self.target,
            "date": self.date,
            "kind": self.kind,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Statement:
    kind: str  # rhetoric, expert_view, uncertainty, development, credibility
    text: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class Assessment:
    escalation_score: float  # 0..100
    direction: str  # escalating, de-escalating, stable
    ladder_rung: int
    ladder_label: str
    statements: tuple[Statement, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "escalation_score": self.escalation_score,
            "direction": self.direction,
            "ladder_rung": self.ladder_rung,
            "ladder_label": self.ladder_label,
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass(frozen=True)
class Scenario:
    id: str
    condition: str
    outcome: str
    actors: tuple[str, ...]
    probability: float
    horizon_days: int
    signposts: tuple[str, ...]
    text: str
    rationale: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "condition": self.condition,
            "outcome": self.outcome,
            "actors": list(self.actors),
            "probability": self.probability,
            "horizon_days": self.horizon_days,
            "signposts": list(self.signposts),
            "text": self.text,
            "rationale": self.rationale,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Brief:
    article: Article
    entities: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    threats: tuple[Threat, ...]
    assessment: Assessment
    scenarios: tuple[Scenario, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "entities": [m.to_dict() for m in self.entities],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
            "threats": [t.to_dict() for t in self.threats],
            "assessment": self.assessment.to_dict(),
            "scenarios": [s.to_dict() for s in self.scenarios],
        }


@dataclass(frozen=True)
class Skip:
    """A document the pipeline could not analyse, kept as data."""

    origin: str
    stage: str
    reason: str
    article_id: str | None = None
