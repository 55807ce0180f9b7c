"""spaCy's rule lemmatizer with every lemma it works out kept per (word, part of speech, morphology).

The rule lemmatizer's lemma of a token depends only on the token's text, coarse part of speech and morphology, and
spaCy keeps a cache by exactly that key, but only for the lemmas that come out of its suffix rules: a base form (a
singular noun, an infinitive, a positive adjective: "army", "attack", "new") or a word of a part of speech without
rules ("the", "in") returns before the cache, after turning the morphology into a dict, so most tokens of a news
article are worked out again each time. Here each key is looked up once and the lemma set for the whole Doc at
once; a token whose lemma is already set (by the attribute rules) keeps it, as with spaCy's component.
``tests/test_nlp_lemmas.py`` checks the lemmas equal spaCy's on real text.

A key seen for the first time goes through spaCy's ``rule_lemmatize``, which tests each form its suffix rules make
with ``form in index``, where the index of a part of speech is a list of up to 57,000 words: each test a scan. The
lists are given a set for ``in`` (``WordList``), so a new key costs a few microseconds instead of about a hundred;
the answers are the same, and nothing else of the lists changes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.language import Language

from redline.nlp.swap import replace_pipe

COLUMNS = ["ORTH", "POS", "MORPH", "LEMMA"]
SEEN_LIMIT = 200_000  # distinct keys whose lemma is kept


class WordList(list[str]):
    """A list of words whose ``in`` is a set look-up; the same words in the same order otherwise."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self.members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self.members


def index_sets(lookups: Any) -> None:
    """Turn each list of ``lookups``' ``lemma_index`` table (words of a part of speech) into a ``WordList``."""
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = WordList(words)


class CachedLemmatizer:
    """The ``lemmatizer`` pipe answering from a per-process table (see the module docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.lookups = lemmatizer.lookups  # read by the prefilter's cue lists
        self.seen: dict[tuple[int, int, int], int] = {}
        index_sets(self.lookups)  # the index's words as sets for spaCy's ``form in index`` on a new key
        if not getattr(lemmatizer, "_validated", True):
            lemmatizer._validate_tables()  # as spaCy's component does on its first call

    @classmethod
    def supports(cls, lemmatizer: Any) -> bool:
        """Whether ``lemmatizer`` is spaCy's rule lemmatizer that leaves set lemmas alone."""
        return getattr(lemmatizer, "mode", None) == "rule" and not getattr(lemmatizer, "overwrite", True)

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        columns = doc.to_array(COLUMNS)
        unset = np.flatnonzero(columns[:, 3] == 0)
        if unset.size == 0:
            return doc
        seen = self.seen
        if len(seen) > SEEN_LIMIT:
            seen.clear()
        strings = doc.vocab.strings
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph) in zip(unset.tolist(), columns[unset, :3].tolist(), strict=True):
            key = (orth, pos, morph)
            lemma = seen.get(key)
            if lemma is None:
                lemma = seen[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array(["LEMMA"], lemmas)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


@Language.factory("redline_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """The table of the pipeline's ``lemmatizer`` (added beside it, which ``use_cached_lemmas`` then removes)."""
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def use_cached_lemmas(nlp: Any) -> bool:
    """Replace ``lemmatizer`` by its CachedLemmatizer, under the same name, when it is spaCy's rule lemmatizer."""
    return replace_pipe(nlp, "lemmatizer", "redline_lemmatizer", CachedLemmatizer.supports, keep_name=True)
