"""One serialisation of the brief: to_dict/from_dict over dataclass fields, and the schema generated from them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from redline.models import Brief, Evidence, Geo, from_dict, schema, to_dict
from redline.report.schema import generate, schema_text, validate_brief
from redline.store import open_store


def _without_origin(brief: Brief) -> Brief:
    """The brief as JSON keeps it: without the article's origin (a file path) and without mention attributes
    named like a contract field (an official's term ``start``/``end``), which the flat JSON cannot hold."""
    contract = {"id", "text", "type", "canonical", "code", "start", "end", "geo"}
    entities = tuple(replace(m, attrs=tuple((k, v) for k, v in m.attrs if k not in contract)) for m in brief.entities)
    return replace(brief, article=replace(brief.article, origin=""), entities=entities)


def test_models_brief_round_trips_through_json(founding_brief: Any) -> None:
    d = json.loads(json.dumps(founding_brief.to_dict()))
    assert founding_brief.article.origin
    assert Brief.from_dict(d, founding_brief.article.text) == _without_origin(founding_brief)


def test_models_brief_round_trips_through_the_store(founding_brief: Any, sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        store.save_brief(founding_brief)
        d = store.get_brief(founding_brief.article.id)
    assert d is not None
    assert Brief.from_dict(d, founding_brief.article.text) == _without_origin(founding_brief)


def test_models_packaged_schema_is_the_generated_one() -> None:
    from importlib import resources

    packaged = resources.files("redline.report").joinpath("brief.schema.json").read_text("utf-8")
    assert packaged == schema_text(), "run: python -m redline.report.schema"


def test_models_schema_requires_fields_without_default_only() -> None:
    defs = generate()["$defs"]
    assert "confidence" in defs["event"]["required"]
    assert "date" not in defs["event"]["required"] and "text" not in defs["event"]["required"]
    assert defs["scenario"]["properties"]["probability"] == {"type": "number", "minimum": 0, "maximum": 1}
    assert "text" not in generate()["properties"]["article"] and "text" not in defs["article"]["properties"]


@dataclass(frozen=True)
class _Later:
    """A record as another stage would extend it: a new field with a default at the end."""

    id: str
    geo: Geo | None
    evidence: tuple[Evidence, ...]
    score: float = field(default=0.5, metadata=schema(minimum=0))
    status: str = "current"


def test_models_a_field_added_with_a_default_flows_through() -> None:
    rec = _Later("x", Geo(1.0, 2.0, "UKR"), (Evidence("a", 0, 3, "abc"),), 0.75, "background")
    d = to_dict(rec)
    assert d == {"id": "x", "geo": {"lat": 1.0, "lon": 2.0, "country": "UKR"},
                 "evidence": [{"article_id": "a", "start": 0, "end": 3, "quote": "abc"}],
                 "score": 0.75, "status": "background"}
    assert from_dict(_Later, d) == rec
    old = {"id": "x", "geo": None, "evidence": []}  # written before the new fields existed
    assert from_dict(_Later, old) == _Later("x", None, ())


def test_models_from_dict_names_the_missing_field(founding_brief: Any) -> None:
    d = founding_brief.to_dict()
    del d["events"][0]["type"]
    with pytest.raises(ValueError, match="^Event: the field 'type' is missing$"):
        Brief.from_dict(d)


def test_models_from_dict_rejects_another_schema_version(founding_brief: Any) -> None:
    d = founding_brief.to_dict()
    d["schema_version"] = 2
    with pytest.raises(ValueError, match="schema_version 2"):
        Brief.from_dict(d)
    validate_brief(founding_brief.to_dict())
