"""spaCy's dependency parser with its state scoring done in numpy: the same parses, without spaCy's GIL round trips.

spaCy's greedy loop (``Parser._parseC``) runs without the GIL, but scoring a state (``predict_states``) takes the
GIL back for each of its 64 hidden units (``Vec.arg_max`` of the maxout is compiled with an exception check), which
made the parser's loop several times its arithmetic. Here the loop runs in Python over the batch's unfinished
states: spaCy's own ``get_token_ids`` gives each state's features and spaCy's own ``transition_states`` checks the
moves' validity and takes the best valid move (the arc-eager system is spaCy's, unchanged). A state's hidden layer
is spaCy's own ``precompute_hiddens.predict`` of the step model (the path spaCy takes outside ``_parseC``, one C
call for the batch): the precomputed feature rows of the lower layer (or the padding row) summed left to right,
plus the bias, maxout, the same arithmetic in the same order as ``predict_states``; then the upper layer through
the same blis ``gemm`` plus its bias, unseen classes set to the step's minimum.

``use_fast_parser`` swaps the pipeline's ``parser`` for this one when the model is of the kind it reproduces
(greedy, an upper layer, maxout); ``tests/test_nlp_parser.py`` checks both give the same parses on real text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from redline.iterutil import batched
from redline.nlp.swap import replace_pipe


class FastParser:
    """The ``parser`` pipe with its state scoring in numpy (see the module docstring)."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.name = "parser"

    @classmethod
    def supports(cls, parser: Any) -> bool:
        """Whether ``parser`` is a greedy transition parser of the kind this loop reproduces."""
        model = parser.model
        try:
            lower = model.get_ref("lower")
            return (parser.cfg.get("beam_width", 1) == 1 and bool(model.attrs.get("has_upper"))
                    and lower.get_dim("nP") >= 2)
        except (KeyError, ValueError, AttributeError):
            return False

    def __call__(self, doc: Doc) -> Doc:
        return self._batch([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in batched(stream, batch_size):
            yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        parser = self.parser
        if not any(len(d) for d in docs):
            parser.set_annotations(docs, parser.moves.init_batch(docs))
            return docs
        batch = parser.moves.init_batch(docs)
        step = parser.model.predict(docs)  # the features' tokens and spaCy's precomputed lower layer
        try:
            model = parser.model
            upper = model.layers[-1]
            hiddens = step.state2vec  # the lower layer's rows of every token, computed once above
            weights, upper_bias = upper.get_param("W"), upper.get_param("b")
            unseen = np.array(sorted(model.attrs.get("unseen_classes", ())), dtype=np.int64)
            states = [s for s in batch if not s.is_final()]
            while states:
                hidden = hiddens.predict(step.get_token_ids(states))  # features summed, bias, maxout: in C
                scores = upper.ops.gemm(hidden, weights, trans2=True)
                scores += upper_bias
                if unseen.size:
                    scores[:, unseen] = scores.min()
                states = parser.transition_states(states, np.ascontiguousarray(scores, dtype=np.float32))
        finally:
            step.clear_memory()
        parser.set_annotations(docs, batch)
        return docs


@Language.factory("redline_parser")
def make_fast_parser(nlp: Language, name: str) -> FastParser:
    """The loop of the pipeline's ``parser`` (added after it, which ``use_fast_parser`` then removes)."""
    return FastParser(nlp.get_pipe("parser"))


def use_fast_parser(nlp: Any) -> bool:
    """Replace ``parser`` by its FastParser when the model is of the kind it reproduces; whether it did."""
    return replace_pipe(nlp, "parser", "redline_parser", FastParser.supports)
