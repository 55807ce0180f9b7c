"""spaCy's NER decoded in numpy, the documents of a batch in step: the same entities, a fraction of the time.

spaCy's greedy transition loop (``Parser._parseC``) runs without the GIL, but each validity test of the NER's
74 moves reads tokens through ``StateC.safe_get``, which takes the GIL back (``PyGILState_Ensure``): some 200
lock round trips per token, which made the NER's decoding (not its network) 55% of the whole model's time.

Every NER move consumes exactly one token, so the documents of a batch advance in step: at step ``t`` every
unfinished document scores its token ``t``. Each step is the same arithmetic as spaCy's ``predict_states``, in
the same order: the three precomputed feature rows of the state (the token, the first token of the open entity
and the token before, or the padding row) summed left to right, plus the bias, maxout, the upper layer through
the same blis ``gemm`` plus its bias, unseen classes set to the step's minimum, then the first best move among
the valid ones. Validity is spaCy's BILUO rules for a document without preset entities (all that
``ner.pipe`` ever sees in redline): Begin needs no open entity, a next token that does not start a sentence and
a token that is not whitespace; In the open entity's label and a next token inside the sentence; Last the open
entity's label; Unit no open entity and a non-whitespace token; Out no open entity.

``use_fast_ner`` swaps the pipeline's ``ner`` for this decoder when the model is of the kind it reproduces (three
state features, an upper layer, maxout); a batch with preset entities goes through spaCy's own loop.
``tests/test_nlp_ner.py`` checks both give the same entities on real text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from redline.iterutil import batched
from redline.nlp.swap import replace_pipe

BEGIN, IN, LAST, UNIT, OUT = "B", "I", "L", "U", "O"


class FastNER:
    """The ``ner`` pipe's model and moves with its greedy decoding done in numpy (see the module docstring)."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner
        self.name = "ner"
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        kinds = [n.split("-", 1)[0] for n in names]
        labels = sorted({n.split("-", 1)[1] for n in names if "-" in n and n.split("-", 1)[1]})
        self.labels = [ner.vocab.strings[label] for label in labels]
        label_of = [labels.index(n.split("-", 1)[1]) if "-" in n and n.split("-", 1)[1] else -1 for n in names]
        self.kind = np.array(["MBILUO".index(k) for k in kinds], dtype=np.int8)
        self.label = np.array(label_of, dtype=np.int64)
        n_labels = len(labels)
        # valid moves by (open entity's label, or n_labels for none) x (token is whitespace) x (Begin/In allowed
        # by the next token: there is one and it does not start a sentence)
        valid = np.zeros((n_labels + 1, 2, 2, len(names)), dtype=bool)
        labelled = self.label >= 0
        for space in (0, 1):
            for go_on in (0, 1):
                closed = valid[n_labels, space, go_on]
                closed |= self.kind == "MBILUO".index(OUT)
                if not space:
                    closed |= (self.kind == "MBILUO".index(UNIT)) & labelled
                    if go_on:
                        closed |= (self.kind == "MBILUO".index(BEGIN)) & labelled
                for open_label in range(n_labels):
                    row = valid[open_label, space, go_on]
                    same = self.label == open_label
                    row |= (self.kind == "MBILUO".index(LAST)) & same
                    if go_on:
                        row |= (self.kind == "MBILUO".index(IN)) & same
        self.valid = valid
        self.none = n_labels

    @classmethod
    def supports(cls, ner: Any) -> bool:
        """Whether ``ner`` is a greedy NER of the kind this decoder reproduces."""
        model = ner.model
        try:
            lower = model.get_ref("lower")
            return (ner.cfg.get("beam_width", 1) == 1 and bool(model.attrs.get("has_upper"))
                    and lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2 and not ner.postprocesses
                    and all(ner.moves.get_class_name(i)[0] in "BILUO" for i in range(ner.moves.n_moves)))
        except (KeyError, ValueError, AttributeError):
            return False

    def __call__(self, doc: Doc) -> Doc:
        return self._batch([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in batched(stream, batch_size):
            yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        if not any(len(d) for d in docs):
            return docs
        if any(d.has_annotation("ENT_IOB") for d in docs):  # preset entities: spaCy's own loop
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return docs
        found = self._decode(docs)
        for doc, ents in zip(docs, found, strict=True):
            doc.set_ents([Span(doc, s, e, label=self.labels[k]) for s, e, k in ents], default="outside")
        return docs

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """(start, end, label index) of each document's entities, by greedy decoding in step."""
        model = self.ner.model  # what spaCy's ParserStepModel computes before its loop, without the wrapper
        tok2vec, lower, upper = model.layers[0], model.layers[1], model.layers[-1]
        cached = lower.predict(tok2vec.predict(docs))  # (tokens + 1, nF, nH, nP): row 0 the padding
        n_rows, n_f, n_h, n_p = cached.shape
        feature = [np.ascontiguousarray(cached[:, f]).reshape(n_rows, n_h * n_p) for f in range(n_f)]
        bias = lower.get_param("b").reshape(n_h * n_p)
        weights, upper_bias = upper.get_param("W"), upper.get_param("b")
        ops = upper.ops
        unseen = np.array(sorted(model.attrs.get("unseen_classes", ())), dtype=np.int64)
        lengths = np.array([len(d) for d in docs], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]) + 1  # row of each doc's token 0
        order = np.argsort(-lengths, kind="stable")  # longest first: the unfinished ones are a prefix
        lengths, offsets = lengths[order], offsets[order]
        space = np.zeros(n_rows, dtype=np.int64)  # per row: whitespace token; next token in sentence
        go_on = np.zeros(n_rows, dtype=np.int64)
        for doc, first in zip(docs, np.concatenate([[0], np.cumsum([len(d) for d in docs])[:-1]]) + 1,
                              strict=True):
            if len(doc):
                arr = doc.to_array(["IS_SPACE", "SENT_START"]).astype(np.int64)
                space[first:first + len(doc)] = arr[:, 0]
                nxt = np.zeros(len(doc), dtype=np.int64)
                nxt[:-1] = arr[1:, 1] != 1
                go_on[first:first + len(doc)] = nxt
        n = len(docs)
        open_label = np.full(n, self.none, dtype=np.int64)
        start = np.zeros(n, dtype=np.int64)
        ents: list[list[tuple[int, int, int]]] = [[] for _ in range(n)]
        kind, label, valid = self.kind, self.label, self.valid
        k_begin, k_last, k_unit = "MBILUO".index(BEGIN), "MBILUO".index(LAST), "MBILUO".index(UNIT)
        active = n
        for t in range(int(lengths[0])):
            while lengths[active - 1] <= t:
                active -= 1
            rows = offsets[:active] + t
            is_open = open_label[:active] != self.none
            ent_rows = np.where(is_open, offsets[:active] + start[:active], 0)
            prev_rows = np.where(is_open, rows - 1, 0)
            unmaxed = feature[0][rows] + feature[1][ent_rows]
            unmaxed += feature[2][prev_rows]
            unmaxed += bias
            hidden = _maxout(unmaxed, n_p)
            scores = ops.gemm(hidden, weights, trans2=True)
            scores += upper_bias
            if unseen.size:
                scores[:, unseen] = scores.min()
            ok = valid[open_label[:active], space[rows], go_on[rows]]
            guess = np.where(ok, scores, -np.inf).argmax(axis=1)
            moved = kind[guess]
            chosen = label[guess]
            ends = (moved == k_last) | (moved == k_unit)
            for i in np.flatnonzero(ends).tolist():  # an entity ends here: from its Begin, or this token alone
                first = t if moved[i] == k_unit else int(start[i])
                ents[int(order[i])].append((first, t + 1, int(chosen[i])))
            begins = moved == k_begin
            open_label[:active][ends] = self.none
            open_label[:active][begins] = chosen[begins]
            start[:active][begins] = t
        return ents


def _maxout(unmaxed: Any, pieces: int) -> Any:
    """The largest piece of each hidden unit (rows of units x pieces, flattened): ``reshape(..).max(axis=2)``, in
    a few whole-row maxima instead of one small reduction per unit (max is exact either way)."""
    hidden = np.maximum(unmaxed[:, 0::pieces], unmaxed[:, 1::pieces])
    for piece in range(2, pieces):
        np.maximum(hidden, unmaxed[:, piece::pieces], out=hidden)
    return hidden


@Language.factory("redline_ner")
def make_fast_ner(nlp: Language, name: str) -> FastNER:
    """The decoder of the pipeline's ``ner`` (added after it, which ``use_fast_ner`` then removes)."""
    return FastNER(nlp.get_pipe("ner"))


def use_fast_ner(nlp: Any) -> bool:
    """Replace ``ner`` by its FastNER when the model is of the kind it reproduces; whether it did."""
    return replace_pipe(nlp, "ner", "redline_ner", FastNER.supports)
