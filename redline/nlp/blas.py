"""The networks' per-token matrix products by numpy's BLAS (OpenBLAS) on one thread, instead of blis.

en_core_web_sm's two tok2vec networks (the shared one and the NER's own) each end in four residual window layers:
a token's row and its neighbours' (3 x 96 numbers) through a maxout of 3 x 96 pieces, one (tokens x 288) by
(288 x 288) matrix product per layer. Those eight products were more than half of the parse's CPU time, and the
parser's and NER's lower layers (every token's row times each state feature's weights) and the projections to
their width a few percent more. thinc's ``NumpyOps`` computes them with blis, whose kernels here use AVX2, while
numpy's OpenBLAS takes AVX-512 kernels where the CPU has them: a third of the time for the window layers.
``use_fast_gemm`` gives those layers (``token_layers``) an ``Ops`` whose ``gemm`` is ``numpy.matmul``: the same
weights and arithmetic summed in another order, so the numbers differ from blis's in the last bits (about a
millionth, relative) and the tags, parses and entities are the same (``tests/test_nlp_blas.py`` checks them on
real text against spaCy's own; the eval output is unchanged). The parser's and NER's per-step upper layers (a
few rows at a time) keep blis.

Two things keep it predictable:

* one thread: OpenBLAS would otherwise start a thread per core for each product, and their spinning is paid for
  in CPU by every worker of a process pool. ``single_thread`` limits numpy's OpenBLAS to one thread for the
  process (through ``threadpoolctl`` when it is installed, else OpenBLAS's own ``set_num_threads``); when neither
  works the layers keep blis.
* a token's rows never depend on the other tokens in the batch: OpenBLAS takes other kernels for a product of a
  few rows (a single row is a matrix-vector product), so a product of fewer than ``MIN_ROWS`` rows is padded
  with zero rows to ``MIN_ROWS``, and every token's row comes out of the same kernel whatever the batch.

The window maxouts' prediction also takes the maximum over whole blocks of the product (``WindowMaxout``: the same
numbers, bit for bit). Training calls run thinc's own forward; their backward pass goes through the same
``gemm``, which is correct for it too.
"""

from __future__ import annotations

import ctypes
import glob
import importlib
import os
from functools import lru_cache
from typing import Any

import numpy as np
from thinc.api import NumpyOps

from redline.nlp.embed_cache import pipe_models

# products of fewer rows than this are padded to it (OpenBLAS's small-matrix and vector paths sum otherwise)
MIN_ROWS = 64
_THREAD_SYMBOLS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                   "openblas_set_num_threads64_", "openblas_set_num_threads")


class MatmulOps(NumpyOps):  # type: ignore[misc]  # thinc's Cython class has no stub
    """``NumpyOps`` whose ``gemm`` of float32 matrices is ``numpy.matmul`` (see the module docstring)."""

    name = "redline_matmul"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        if x.ndim != 2 or y.ndim != 2 or x.dtype != np.float32 or y.dtype != np.float32:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        rows = a.shape[0]
        if rows < MIN_ROWS:
            padded = np.zeros((MIN_ROWS, a.shape[1]), dtype=np.float32)
            padded[:rows] = a
            product = np.matmul(padded, b)[:rows]
            if out is None:
                return product
            out[...] = product
            return out
        if out is None:
            return np.matmul(a, b)
        np.matmul(a, b, out=out)
        return out


@lru_cache(maxsize=1)
def single_thread() -> bool:
    """Limit numpy's OpenBLAS to one thread for this process; whether that worked."""
    try:
        threadpoolctl: Any = importlib.import_module("threadpoolctl")  # scikit-learn's; not a dependency
    except ImportError:
        return _set_threads_directly()
    if not _openblas(threadpoolctl.threadpool_info()):
        return False
    threadpoolctl.threadpool_limits(limits=1, user_api="blas")
    return all(i.get("num_threads") == 1 for i in _openblas(threadpoolctl.threadpool_info()))


def _openblas(infos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in infos if i.get("user_api") == "blas" and i.get("internal_api") == "openblas"]


def _set_threads_directly() -> bool:
    """``openblas_set_num_threads(1)`` on the OpenBLAS numpy ships (``numpy.libs``), found by its file name."""
    libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    paths = glob.glob(os.path.join(libs, "lib*openblas*.so*"))
    if len(paths) != 1:
        return False
    try:
        lib = ctypes.CDLL(paths[0])
    except OSError:
        return False
    for symbol in _THREAD_SYMBOLS:
        setter = getattr(lib, symbol, None)
        if setter is not None:
            setter(ctypes.c_int(1))
            getter = getattr(lib, symbol.replace("set_num_threads", "get_num_threads"), None)
            return getter is None or getter() == 1
    return False


def token_layers(model: Any) -> list[Any]:
    """The layers of ``model`` that multiply one row per token: the window encoders' maxouts (input 3 x output: a
    token and its two neighbours), the projection of the tok2vec's rows to the parser's width (``list2array >>
    linear``) and the parser's and NER's lower layer (``precomputable_affine``, every feature of every token)."""
    found: dict[int, Any] = {}
    for node in model.walk():
        if node.name == "maxout":
            n_out, n_in = node.maybe_get_dim("nO"), node.maybe_get_dim("nI")
            if n_out and n_in == 3 * n_out:
                found[id(node)] = node
        elif node.name == "precomputable_affine":
            found[id(node)] = node
        elif node.name.endswith("list2array>>linear") and node.layers and node.layers[-1].name == "linear":
            found[id(node.layers[-1])] = node.layers[-1]
    return list(found.values())


class WindowMaxout:
    """A window maxout's prediction with its pieces side by side: the weight rows ordered piece by piece (all the
    units' first pieces, then all their second ...), so that the product's row holds each piece as a contiguous
    block and the maximum is taken over whole blocks, not over each unit's three numbers (thinc's ``maxout`` took
    a third as long as the product). Each number of the product is the same dot product of the same row as in
    thinc's order, so the output is bit for bit the same (``tests/test_nlp_blas.py``). Training calls, and a layer
    without ``MatmulOps``, run thinc's own forward."""

    def __init__(self, forward: Any) -> None:
        self.forward = forward

    def __call__(self, model: Any, X: Any, is_train: bool) -> tuple[Any, Any]:
        if is_train or not isinstance(model.ops, MatmulOps):
            return self.forward(model, X, is_train)  # type: ignore[no-any-return]
        n_out, n_pieces, n_in = model.get_dim("nO"), model.get_dim("nP"), model.get_dim("nI")
        weights = np.ascontiguousarray(model.get_param("W").transpose(1, 0, 2)).reshape(n_pieces * n_out, n_in)
        bias = np.ascontiguousarray(model.get_param("b").T).reshape(n_pieces * n_out)
        product = model.ops.gemm(X, weights, trans2=True)
        product += bias
        best = np.maximum(product[:, :n_out], product[:, n_out:2 * n_out])
        for piece in range(2, n_pieces):
            np.maximum(best, product[:, piece * n_out:(piece + 1) * n_out], out=best)
        return best, _no_backprop


def _no_backprop(_d: Any) -> Any:
    raise NotImplementedError("the window maxout's fast forward only predicts")


def use_fast_gemm(nlp: Any) -> int:
    """Give the per-token layers of ``nlp``'s networks (``token_layers``) ``MatmulOps``; how many layers (0 when
    numpy's OpenBLAS cannot be kept to one thread, and the layers keep blis)."""
    if not single_thread():
        return 0
    ops = MatmulOps()
    seen: set[int] = set()
    for model in pipe_models(nlp):
        for node in token_layers(model):
            if id(node) not in seen and not isinstance(node.ops, MatmulOps):
                seen.add(id(node))
                node.ops = ops
                if node.name == "maxout" and node.maybe_get_dim("nP") and not isinstance(node._func, WindowMaxout):
                    node._func = WindowMaxout(node._func)
    return len(seen)
