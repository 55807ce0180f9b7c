"""The place scan's headline lines, read from arrays, are those a token-by-token reading finds, on real text."""

from __future__ import annotations

from typing import Any

from redline.nlp.place_scan import title_lines
from redline.nlp.places import STOP_NAMES


def _title_lines_by_token(doc: Any) -> set[int]:
    """The reference: every line's words read through spaCy's Token objects."""
    out: set[int] = set()
    line: list[int] = []
    for tok in doc:
        line.append(tok.i)
        if "\n" in tok.whitespace_ or tok.is_space or tok.i == len(doc) - 1:
            words = [w.text for w in (doc[k] for k in line) if w.is_alpha and w.lower_ not in STOP_NAMES]
            if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
                out.update(line)
            line = []
    return out


def test_title_lines_equal_a_token_by_token_reading(nlp: Any, sample_records: list[dict[str, Any]]) -> None:
    made_up = ("Rebels Shell Border Town As Talks Stall\n\nThe rebels shelled the town on Monday, officials said.\n\n"
               "Army Chief Vows Swift Response\n\nIn Kherson, residents fled.\n\nGenerals Warn Of Wider War")
    docs = [nlp(made_up), nlp(""), nlp("Kyiv"), *nlp.pipe(r["text"] for r in sample_records[:8])]
    for doc in docs:
        assert title_lines(doc) == _title_lines_by_token(doc), doc.text[:60]
    lines = title_lines(docs[0])
    words = {t.text for t in docs[0] if t.i in lines}
    assert {"Rebels", "Shell", "Chief", "Response", "Generals", "Wider"} <= words  # headline lines, the last too
    assert not {"rebels", "shelled", "Kherson", "residents"} & words  # sentences are no headlines
