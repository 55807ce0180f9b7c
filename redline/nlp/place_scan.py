"""The capitalised n-grams of a document that the place index holds a place for, looked up once per document.

The gazetteer (``redline.nlp.gazetteer``) resolves each key against the article's country context, once for the
context itself and once for the mentions; the scan is shared by both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.tokens import Doc

from redline.nlp.places import STOP_NAMES, Place, PlaceIndex

PLACE_SUFFIXES = frozenset({"region", "oblast", "province"})
NAME_PREFIXES = frozenset({"anti", "pro", "non", "ex", "neo", "post", "pre", "counter"})
MAX_PLACE_TOKENS = 6
# Particles of four letters or more that place names write in lower case ("Newcastle upon Tyne")
NAME_PARTICLES = frozenset({"upon", "over", "under", "near", "della", "delle", "dello", "degli"})
# Nouns of an administrative unit, written in lower case after its name ("Anbar province", "Kunar state")
UNIT_NOUNS = PLACE_SUFFIXES | {"state", "county", "district", "governorate", "prefecture", "municipality"}


def title_lines(doc: Doc) -> set[int]:
    """Token indices on headline-style lines, where capitals say nothing about names.

    A line ends with a whitespace token (a newline is a token of its own) or the doc; it is headline-style when at
    least 3 of its words (alphabetic, not in STOP_NAMES) are, and 70% of them start in upper case. Read as arrays:
    a Token object per token would cost more than the test. A word starts in upper case when its shape does
    ("X": spaCy's shape keeps the case of each letter)."""
    if not len(doc):
        return set()
    strings = doc.vocab.strings
    alpha, space, lower, shape = doc.to_array(["IS_ALPHA", "IS_SPACE", "LOWER", "SHAPE"]).T
    word = (alpha != 0) & ~np.isin(lower, _stop_hashes(strings))
    shapes = np.unique(shape[word])
    upper_shapes = shapes[[strings[int(h)][:1] == "X" for h in shapes.tolist()]] if shapes.size else shapes
    upper = word & np.isin(shape, upper_shapes)
    line = np.cumsum(space) - space  # the line of each token: whitespace tokens before it
    words = np.bincount(line, weights=word)
    uppers = np.bincount(line, weights=upper)
    titled = (words >= 3) & (uppers >= 0.7 * words)
    return set(np.flatnonzero(titled[line]).tolist())


@lru_cache(maxsize=4)
def _stop_hashes(strings: Any) -> Any:
    """The LOWER hashes of STOP_NAMES."""
    return np.array(sorted({strings[w] for w in STOP_NAMES}), dtype=np.uint64)


@dataclass(frozen=True)
class PlaceKey:
    """A capitalised n-gram that can name a place: what the index holds for it, whatever the article's context."""

    start: int
    end: int
    places: tuple[Place, ...]  # the index's places for the whole n-gram
    cities: tuple[Place, ...]  # for an n-gram ending in a place suffix ("Anbar province"): the places before it
    suffix: str


@dataclass(frozen=True)
class PlaceScan:
    keys: list[PlaceKey]
    titles: set[int]


def scan_places(doc: Doc, index: PlaceIndex) -> PlaceScan:
    """Capitalised n-grams (1-6 tokens, within one line) the index holds a place for, in the order
    the gazetteer's place candidates tries them; looked up once per document, resolved per context."""
    keys: list[PlaceKey] = []
    # plain lists: a Token object per look-up would cost more than the look-up itself
    strings = doc.vocab.strings
    texts = [strings[o] for o in doc.to_array("ORTH").tolist()]  # Token.text
    spaces = [" " if s else "" for s in doc.to_array("SPACY").tolist()]  # Token.whitespace_
    n_tokens = len(texts)
    firsts = index.first_words
    for i in range(n_tokens):
        if not texts[i][:1].isupper() or not _may_start_name(texts, spaces, i, firsts) or _prefixed(doc, i):
            continue
        for j in range(min(n_tokens, i + MAX_PLACE_TOKENS), i, -1):
            if not texts[j - 1][-1:].isalnum() or any("\n" in spaces[k] for k in range(i, j - 1)):
                continue
            key = " ".join(("".join(texts[k] + spaces[k] for k in range(i, j - 1)) + texts[j - 1]).split())
            places = index.lookup(key)
            if places and _lower_case_word(texts, spaces, i, j):
                places = ()  # "The city of Lanzhou" is not Oakville ("The City")
            cities: tuple[Place, ...] = ()
            suffix = ""
            if not places and j - i >= 2 and texts[j - 1].lower() in PLACE_SUFFIXES:
                cities = index.lookup(" ".join(doc[i:j - 1].text.split()))
                suffix = doc[j - 1].lower_
            if places or cities:
                keys.append(PlaceKey(i, j, places, cities, suffix))
    return PlaceScan(keys, title_lines(doc) if keys else set())


def _lower_case_word(texts: list[str], spaces: list[str], start: int, end: int) -> bool:
    """A name of several words one of which the text writes in lower case is no place name: "The city of Lanzhou"
    is not Oakville ("The City"), "the bottom of the river" not The Bottom. Short particles ("Dar es Salaam",
    "Frankfurt am Main"), the parts of a hyphenated name ("Stratford-upon-Avon") and the noun of a unit ("Anbar
    province", "California state") are written so in names."""
    for k in range(start + 1, end):
        word = texts[k]
        joined = k >= 2 and texts[k - 1] == "-" and not spaces[k - 1] and not spaces[k - 2]  # "Stratford-upon-Avon"
        if (len(word) >= 4 and word.isalpha() and word[:1].islower() and not joined
                and word not in NAME_PARTICLES and word not in UNIT_NOUNS):
            return True
    return False


def _may_start_name(texts: list[str], spaces: list[str], i: int, firsts: frozenset[str]) -> bool:
    """Whether a name can start at token ``i``: the first word of every key tried from ``i`` (its tokens up to
    the first whitespace, or fewer) is the first word of some place name."""
    word = ""
    for k in range(i, min(len(texts), i + MAX_PLACE_TOKENS)):
        word += texts[k]
        if word.lower() in firsts:
            return True
        if spaces[k]:
            return False
    return False


def _prefixed(doc: Doc, i: int) -> bool:
    """The word is the stem of a prefixed compound ("anti-Balaka", "pro-Kremlin"): a group or a stance named after
    a place or actor, not the place."""
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
            and doc[i - 2].lower_ in NAME_PREFIXES)
