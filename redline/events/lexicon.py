"""Verb lexicon: (verb lemma, particle or preposition, object noun) -> CAMEO code.

Rows come from the CAMEO verb-pattern dictionary (`data/cameo_verbs.csv`, compiled by
`tools/build_event_tables.py` from CAMEO.2.0.txt) and from hand-written rows for modern conflict news
(`data/verbs_extra.csv`), which win where both have the same key. All words are lower-case lemmas;
objects may be compounds ("air strike"). The code "---" is CAMEO's null pattern: the verb with that object or
preposition reports no event ("killed in an accident", "seized heroin"), so the lookup stops there.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from types import MappingProxyType

from redline.nlp.load import VERB_LEMMA_FIXES

LEXICON_FILES = ("cameo_verbs.csv", "verbs_extra.csv")

Key = tuple[str, str, str]
NULL_CODE = "---"


@dataclass(frozen=True)
class VerbLexicon:
    """Most-specific-match lookup over (lemma, particle_or_prep, object_word) keys."""

    entries: Mapping[Key, str]

    @classmethod
    def load(cls) -> VerbLexicon:
        """The packaged lexicon, read once per process."""
        return _load()

    def lookup(self, lemma: str, preps: Sequence[str] = (), objects: Sequence[str] = ()) -> str | None:
        """CAMEO code of the most specific match, or None when the lemma is unknown or the match is null.

        Order: verb+prep+object, verb+prep, verb+object, verb alone; within a level the first of
        `preps` / `objects` that matches wins, so pass them nearest-first. A null pattern ("---") matched
        first means no event: the verb's default code does not apply.
        """
        lemma = lemma.lower()
        preps = [p.lower() for p in preps]
        objects = [o.lower() for o in objects]
        candidates = [(lemma, p, o) for p in preps for o in objects]
        candidates += [(lemma, p, "") for p in preps]
        candidates += [(lemma, "", o) for o in objects]
        candidates.append((lemma, "", ""))
        for key in candidates:
            code = self.entries.get(key)
            if code is not None:
                return None if code == NULL_CODE else code
        return None

    @cached_property
    def lemmas(self) -> frozenset[str]:
        """Every verb lemma with at least one pattern."""
        return frozenset(key[0] for key in self.entries)

    def lemma_of(self, lemma: str, word: str, tag: str) -> str:
        """``lemma``, or the regular stem of ``word`` when the tagger's lemma is unknown and the stem is known:
        lemmatizers guess at rare past forms ("cordoned" -> "cordone", "staged" -> "stag"). A lemma the pipeline
        fixes before the lemmatizer runs (``nlp.load.VERB_LEMMA_FIXES``) is never re-stemmed: "raged" with no
        pattern of its own is not the pattern verb "rag" (to protest), "bided" not "bid"."""
        lemma = lemma.lower()
        if lemma in self.lemmas or lemma in VERB_LEMMA_FIXES:  # a fixed lemma is the verb's own: "raged" is "rage"
            return lemma
        word = word.lower()
        if tag not in {"VBD", "VBN"} or not word.endswith("ed"):
            return lemma
        stems = [word[:-2], word[:-1], word[:-3] if word[-3:-2] == word[-4:-3] else word[:-2]]
        stems += [word[:-3] + "y"] if word.endswith("ied") else []
        return next((s for s in stems if s in self.lemmas), lemma)

    def __len__(self) -> int:
        return len(self.entries)


@functools.lru_cache(maxsize=1)
def _load() -> VerbLexicon:
    entries: dict[Key, str] = {}
    for name in LEXICON_FILES:
        text = resources.files("redline").joinpath("data", name).read_text(encoding="utf-8")
        for row in csv.DictReader(text.splitlines()):
            entries[(row["lemma"], row["particle_or_prep"], row["object_word"])] = row["cameo"]
    return VerbLexicon(MappingProxyType(entries))
