"""redline.nlp.load: the pipeline as loaded once per process, with its sentence cache."""

from __future__ import annotations

import pickle
from typing import Any


def test_nlp_load_sentence_cache_gives_the_parser_sentences(nlp: Any, founding_text: str) -> None:
    doc = nlp(founding_text)
    assert nlp.pipe_names[-1] == "redline_sentence_cache"
    cached = [(s.start, s.end) for s in doc.sents]
    del doc.user_hooks["sents"]
    own = [(s.start, s.end) for s in doc.sents]
    assert cached == own and len(own) > 5


def test_nlp_load_sentence_cache_answers_token_sent(nlp: Any) -> None:
    doc = nlp("Russia fired missiles at Kyiv. Ukraine said it shot down most of them.")
    assert doc[7].sent.text == "Ukraine said it shot down most of them."
    assert [s.text for s in pickle.loads(pickle.dumps(doc)).sents] == [s.text for s in doc.sents]


def test_nlp_load_sentence_hooks_give_spacys_token_and_span_sentences(nlp: Any, founding_text: str) -> None:
    doc = nlp(founding_text)
    hooked = [(t.sent.start, t.sent.end) for t in doc]
    spans = [(doc[i:i + 3].sent.start, doc[i:i + 3].sent.end) for i in range(0, len(doc) - 3, 7)]
    del doc.user_token_hooks["sent"], doc.user_span_hooks["sent"]  # spaCy's walk over the ``sents`` hook
    assert hooked == [(t.sent.start, t.sent.end) for t in doc]
    assert spans == [(doc[i:i + 3].sent.start, doc[i:i + 3].sent.end) for i in range(0, len(doc) - 3, 7)]
    assert len(set(hooked)) > 5


def test_paused_gc_restores_the_collector_state() -> None:
    import gc

    from redline.nlp.load import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block leaves the outer one's pause alone
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a collector that was off stays off
    finally:
        gc.enable()
