"""Frozen dataclasses traded between the pipeline stages.

Flow: RawDocument -> (ingest) Article -> (nlp) Analysis -> (events) Event[] and Threat[]
-> (assess) Assessment -> (scenarios) Scenario[] -> (report) Brief.
Every span is a character offset into ``Article.text``.

Serialisation: ``to_dict(obj)`` and ``from_dict(cls, d)`` are the one way a brief (and each record in it)
becomes JSON and comes back. Both walk the dataclass fields and their type hints, so a field added with a
default flows into the JSON, the store rows and the JSON Schema (``redline.report.schema.generate``) with
no other edit. Field metadata steers the few exceptions: ``INTERNAL`` fields stay out of the brief,
``FLATTEN`` spreads ``(key, value)`` pairs into the parent object (a pair whose key is a field name is
left out: it cannot come back), ``schema(...)`` adds JSON Schema keywords.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Mapping
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from datetime import datetime
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

SCHEMA_VERSION = 1

INTERNAL: Mapping[str, Any] = {"brief": False}  # kept in the dataclass, not written to the brief
FLATTEN: Mapping[str, Any] = {"flatten": True}  # (key, value) pairs spread into the parent object

T = TypeVar("T")


def schema(**keywords: Any) -> dict[str, Any]:
    """Field metadata adding JSON Schema keywords (minimum, maximum, enum, format...) to the generated schema."""
    return {"schema": keywords}


def in_brief(f: Field[Any]) -> bool:
    """Whether field ``f`` is part of the brief's JSON."""
    return bool(f.metadata.get("brief", True))


def has_default(f: Field[Any]) -> bool:
    return f.default is not MISSING or f.default_factory is not MISSING


@cache
def type_hints(cls: type) -> dict[str, Any]:
    """The resolved type of each field of dataclass ``cls`` (annotations are strings here)."""
    return get_type_hints(cls, vars(sys.modules[cls.__module__]))


def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON object of a dataclass record: its brief fields in declaration order, nested records as objects."""
    out: dict[str, Any] = {}
    flat: list[tuple[str, Any]] = []
    for name, flatten in _brief_fields(type(obj)):
        value = getattr(obj, name)
        if flatten:
            flat.extend(value)
        else:
            out[name] = _encode(value)
    out.update({k: v for k, v in flat if k not in out})  # flattened attributes never shadow contract fields
    return out


_BRIEF_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def _brief_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """(name, flattened) of each brief field of dataclass ``cls`` in declaration order, read once per class (a
    stored brief encodes some ten thousand records)."""
    found = _BRIEF_FIELDS.get(cls)
    if found is None:
        found = _BRIEF_FIELDS[cls] = tuple((f.name, bool(f.metadata.get("flatten"))) for f in fields(cls)
                                           if in_brief(f))
    return found


_PLAIN = frozenset({str, int, float, bool, type(None)})  # JSON values as they are, without the checks below


def _encode(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def from_dict(cls: type[T], d: Mapping[str, Any], **given: Any) -> T:
    """The record of dataclass ``cls`` from its JSON object ``d``; ``given`` supplies fields the JSON lacks.

    A missing field takes its default; ValueError names the first missing field that has none.
    """
    hints = type_hints(cls)  # type: ignore[arg-type]
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in given:
            kwargs[f.name] = given[f.name]
        elif f.metadata.get("flatten"):
            kwargs[f.name] = tuple((k, str(v)) for k, v in d.items() if k not in names and v is not None)
        elif in_brief(f) and f.name in d:
            kwargs[f.name] = _decode(hints[f.name], d[f.name])
        elif not has_default(f):
            raise ValueError(f"{cls.__name__}: the field {f.name!r} is missing")
    return cls(**kwargs)


def _decode(tp: Any, value: Any) -> Any:
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        if value is None:
            return None
        tp = next(a for a in get_args(tp) if a is not type(None))
        origin = get_origin(tp)
    if value is None:
        return None
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(tp, type) and is_dataclass(tp):
        return from_dict(tp, value)
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is float:
        return float(value)
    return value


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
    id: str = field(metadata=schema(minLength=1))
    title: str
    text: str = field(metadata=INTERNAL)  # the brief carries spans into it, not the text itself
    url: str | None
    source: str | None
    published: datetime | None = field(metadata=schema(format="date-time"))  # UTC
    language: str
    origin: str = field(default="", metadata=INTERNAL)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Evidence:
    article_id: str
    start: int = field(metadata=schema(minimum=0))
    end: int = field(metadata=schema(minimum=0))
    quote: str

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Evidence:
        return cls(article.id, start, end, article.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Geo:
    lat: float = field(metadata=schema(minimum=-90, maximum=90))
    lon: float = field(metadata=schema(minimum=-180, maximum=180))
    country: str  # ISO-3166 alpha-3


@dataclass(frozen=True)
class Mention:
    """An entity mention resolved against the gazetteers.

    ``type`` is one of PERSON, ACTOR (states, organisations, groups), PLACE, WEAPON, DATE.
    ``attrs`` holds type-specific facts: role, affiliation, class, range_km, nuclear...
    """

    id: str
    text: str
    type: str = field(metadata=schema(enum=["PERSON", "ACTOR", "PLACE", "WEAPON", "DATE"]))
    canonical: str
    code: str | None
    start: int = field(metadata=schema(minimum=0))
    end: int = field(metadata=schema(minimum=0))
    geo: Geo | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=(), metadata=FLATTEN)

    def attr(self, key: str) -> str | None:
        return dict(self.attrs).get(key)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


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
    content_start: int = 0  # span of ``content`` in the article text
    content_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


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
    intensity: float = field(metadata=schema(minimum=-10, maximum=10))  # -10..+10, Goldstein-style
    confidence: float = field(metadata=schema(minimum=0, maximum=1))
    evidence: tuple[Evidence, ...]
    date: str | None = None
    text: str = ""  # short description built from the clause
    # current (reported as happening or happened), background, hypothetical, decision, negated, contested,
    # interception: only current acts enter the situation picture (redline.events.STATUSES says what each means)
    status: str = "current"
    status_rules: tuple[str, ...] = ()  # every status rule that fired on the clause, the deciding one first

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


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
    form: str = field(default="conditional", metadata=schema(
        enum=["conditional", "unconditional", "red_line", "doctrine", "ultimatum"]))
    status: str = field(default="current", metadata=schema(enum=["current", "background"]))  # background: cited past
    role: str | None = None  # the speaker's office as the text gives it ("foreign minister")

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Statement:
    kind: str = field(metadata=schema(enum=["rhetoric", "expert_view", "uncertainty", "development", "credibility"]))
    text: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Assessment:
    escalation_score: float = field(metadata=schema(minimum=0, maximum=100))
    direction: str  # escalating, de-escalating, stable
    ladder_rung: int = field(metadata=schema(minimum=0))
    ladder_label: str
    statements: tuple[Statement, ...]

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Scenario:
    id: str
    condition: str
    outcome: str
    actors: tuple[str, ...]
    probability: float = field(metadata=schema(minimum=0, maximum=1))
    horizon_days: int = field(metadata=schema(minimum=0))
    signposts: tuple[str, ...]
    text: str
    rationale: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


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
        """The brief's JSON contract (``redline/report/brief.schema.json``)."""
        return {"schema_version": SCHEMA_VERSION, **to_dict(self)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], article_text: str = "") -> Brief:
        """The brief back from its JSON; the article's text is not in the JSON and comes as ``article_text``."""
        version = d.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(f"brief: schema_version {version!r} is not {SCHEMA_VERSION}")
        article = from_dict(Article, d["article"], text=article_text)
        return from_dict(cls, d, article=article)


@dataclass(frozen=True)
class Skip:
    """A document the pipeline could not analyse, kept as data."""

    origin: str
    stage: str
    reason: str
    article_id: str | None = None
