"""The brief's JSON Schema (``brief.schema.json``) and the checks built on it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

_MAX_MESSAGE = 200


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("redline.report").joinpath("brief.schema.json").read_text("utf-8")


def brief_schema() -> dict[str, Any]:
    """The packaged JSON Schema (draft 2020-12) of ``Brief.to_dict()``; a fresh copy on each call."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    return Draft202012Validator(brief_schema())


def validate_brief(d: dict[str, Any]) -> None:
    """Raise ``ValueError`` naming the JSON path of the first schema error in ``d``."""
    error = best_match(_validator().iter_errors(d))
    if error is None:
        return
    message = " ".join(str(error.message).split())
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1] + "…"
    raise ValueError(f"brief {error.json_path}: {message} (see redline/report/brief.schema.json)")


def _evidence_items(node: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Yield (JSON path, item) for every item of every ``evidence`` list under ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}"
            if key == "evidence" and isinstance(value, list):
                for i, item in enumerate(value):
                    yield f"{child}[{i}]", item
            else:
                yield from _evidence_items(value, child)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _evidence_items(item, f"{path}[{i}]")


def _span_problem(text: str, start: Any, end: Any, expected: Any) -> str | None:
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or isinstance(start, bool)
        or isinstance(end, bool)
    ):
        return f"span {start!r}..{end!r} is not a pair of integers"
    if not 0 <= start <= end <= len(text):
        return f"span {start}..{end} lies outside the article text (length {len(text)})"
    if text[start:end] != expected:
        return f"quote {expected!r} != article text[{start}:{end}] {text[start:end]!r}"
    return None


def check_evidence(d: dict[str, Any], article_text: str) -> list[str]:
    """Every problem where a span in brief dict ``d`` does not match ``article_text``, one line each.

    Checks each evidence item (quote == text[start:end], article_id == the brief's article id) and
    each entity mention (text == text[start:end]).
    """
    problems: list[str] = []
    article = d.get("article")
    article_id = article.get("id") if isinstance(article, dict) else None
    for path, item in _evidence_items(d, "$"):
        if not isinstance(item, dict):
            problems.append(f"{path}: evidence is not an object")
            continue
        if article_id is not None and item.get("article_id") != article_id:
            problems.append(
                f"{path}: article_id {item.get('article_id')!r} != brief article id {article_id!r}"
            )
        problem = _span_problem(article_text, item.get("start"), item.get("end"), item.get("quote"))
        if problem:
            problems.append(f"{path}: {problem}")
    entities = d.get("entities")
    for i, entity in enumerate(entities if isinstance(entities, list) else []):
        if isinstance(entity, dict):
            problem = _span_problem(article_text, entity.get("start"), entity.get("end"), entity.get("text"))
            if problem:
                problems.append(f"$.entities[{i}]: {problem.replace('quote', 'text', 1)}")
    return problems
