"""The tok2vec's word embedding worked out once per distinct word form, not once per token.

en_core_web_sm's two tok2vec networks (the shared one the tagger and parser listen to, and the NER's own) start
with an embedding stage: hashed lookups of a token's NORM, PREFIX, SUFFIX and SHAPE (and SPACY, IS_SPACE), a maxout
layer and a layer norm. Every step of that stage works row by row, so a token's embedding depends only on those
columns of the token, not on its neighbours: "the" gets the same 96 numbers wherever it occurs. The stage was a
sixth of the whole model's time, and a news article repeats most of its words (a quarter of the tokens of the bench
corpus are distinct forms, and across a corpus the common forms keep coming back). Here the stage runs only on the
forms not seen before, in one batch, and its rows are kept for the process; the window layers after it, which do
read the neighbours, run on every token as before.

The rows are the same numbers, bit for bit: the stage's own layers compute them (blis ``gemm`` gives each row the
same result whatever the other rows of the matrix, which ``tests/test_nlp_embed_cache.py`` checks with the model's
output on real text). ``use_embed_cache`` swaps in the cached forward only for an embedding stage of the exact
shape this reproduces, and only at prediction: a training call runs the stage as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import numpy as np

# distinct forms whose rows are kept per network (96 float32 and the form's columns: under 0.5 kB each, so some
# 50 MB a network at most); past it the table starts again
CACHE_LIMIT = 100_000
_MIX = np.uint64(0x9E3779B97F4A7C15)
_EMBED = re.compile(r"extract_features>>list2ragged>>"
                    r"with_array\(ints-getitem>>hashembed(?:\|ints-getitem>>hashembed)*\)>>"
                    r"with_array\(maxout>>layernorm>>dropout\)>>ragged2list")


class EmbedCache:
    """The rows of one embedding stage by the token columns they come from (see the module docstring)."""

    def __init__(self, embed: Any) -> None:
        self.embed = embed
        self.forward = embed._func  # the stage's own forward, for training calls
        self.extract = embed.layers[0]
        self.rest = embed.layers[1:]
        self.slots: dict[int, int] = {}  # hash of a token's columns -> its row in the tables
        self.keys: np.ndarray[Any, Any] = np.zeros((0, 0), dtype=np.uint64)  # the columns of each row
        self.rows: np.ndarray[Any, Any] = np.zeros((0, 0), dtype=np.float32)
        self.size = 0

    def __call__(self, model: Any, docs: Any, is_train: bool) -> tuple[Any, Any]:
        if is_train:
            return self.forward(model, docs, is_train)  # type: ignore[no-any-return]
        features = self.extract.predict(docs)
        lengths = [len(f) for f in features]
        if not features or sum(lengths) == 0:
            return self.forward(model, docs, is_train)  # type: ignore[no-any-return]
        if self.size > CACHE_LIMIT:  # a bound on memory over a long corpus
            self.slots.clear()
            self.size = 0
        columns = np.ascontiguousarray(np.concatenate(features), dtype=np.uint64)
        found = self._lookup(columns)
        missing = np.flatnonzero(found < 0)
        if missing.size:
            forms, inverse = np.unique(columns[missing], axis=0, return_inverse=True)
            computed = self._embed(forms)
            found[missing] = self._store(forms, computed, inverse.reshape(-1))
            table = self.rows if found.max() < self.size else np.concatenate([self.rows[:self.size], computed])
        else:
            table = self.rows
        out = table[found]
        bounds = np.cumsum(lengths)[:-1].tolist()
        return np.split(out, bounds), _no_backprop

    def _lookup(self, columns: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Each token's row in the tables, or -1 for a form not kept (or a hash shared with another form)."""
        slots = self.slots
        found = np.array([slots.get(h, -1) for h in _hashes(columns).tolist()], dtype=np.int64)
        hit = np.flatnonzero(found >= 0)
        if hit.size:
            same = (self.keys[found[hit]] == columns[hit]).all(axis=1)
            found[hit[~same]] = -1
        return found

    def _embed(self, forms: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """The stage's rows of ``forms`` (one token per row), by the stage's own layers after the extractor."""
        out: Any = [forms]
        for layer in self.rest:
            out = layer.predict(out)
        return np.ascontiguousarray(out[0])

    def _store(self, forms: np.ndarray[Any, Any], computed: np.ndarray[Any, Any],
               inverse: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Keep the rows of new ``forms``; the row of each missing token (``inverse``: its form). A form whose hash
        another kept form has is not kept: its tokens get row ``size + n``, row n of ``computed`` after the kept
        rows."""
        if self.rows.shape[0] < self.size + len(forms):
            needed = self.size + len(forms)
            capacity = max(1024, needed, min(2 * needed, CACHE_LIMIT))
            keys = np.zeros((capacity, forms.shape[1]), dtype=np.uint64)
            rows = np.zeros((capacity, computed.shape[1]), dtype=computed.dtype)
            if self.size:
                keys[:self.size] = self.keys[:self.size]
                rows[:self.size] = self.rows[:self.size]
            self.keys, self.rows = keys, rows
        place = np.empty(len(forms), dtype=np.int64)
        for n, h in enumerate(_hashes(forms).tolist()):
            if h in self.slots:  # a different form with the same hash: not kept
                place[n] = -1 - n
                continue
            self.slots[h] = self.size
            self.keys[self.size] = forms[n]
            self.rows[self.size] = computed[n]
            place[n] = self.size
            self.size += 1
        found: np.ndarray[Any, Any] = place[inverse]
        return np.where(found >= 0, found, self.size - 1 - found)  # -1 - n -> size + n: row n of ``computed``


def _hashes(columns: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """One 64-bit hash per row of token columns (wrapping arithmetic; a clash is checked against the columns)."""
    h = np.zeros(len(columns), dtype=np.uint64)
    for c in range(columns.shape[1]):
        h = (h ^ columns[:, c]) * _MIX
    return h


def _no_backprop(_d: Any) -> Any:
    raise NotImplementedError("the cached embedding stage only predicts")


def embedding_stages(model: Any) -> list[Any]:
    """The embedding stages of the shape ``EmbedCache`` reproduces anywhere inside ``model``."""
    return [node for node in model.walk() if _EMBED.fullmatch(node.name) and len(node.layers) == 5
            and not isinstance(node._func, EmbedCache)]


def pipe_models(nlp: Any) -> Iterator[Any]:
    """The network of each component of ``nlp`` that has one (a parser or NER wrapped in another component too)."""
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None:
            model = getattr(getattr(pipe, "ner", None) or getattr(pipe, "parser", None), "model", None)
        if model is not None:
            yield model


def use_embed_cache(nlp: Any) -> int:
    """Cache the embedding stages of ``nlp``'s tok2vec networks; how many it found."""
    seen: set[int] = set()
    n = 0
    for model in pipe_models(nlp):
        for stage in embedding_stages(model):
            if id(stage) not in seen:
                seen.add(id(stage))
                stage._func = EmbedCache(stage)
                n += 1
    return n
