"""Parse only what can matter: a cheap first pass picks the sentences the tagger, parser and NER must see.

    docs = pipe(nlp, texts, gazetteer, batch_size=32)  # one Doc per text; doc.text == text
    doc = parse(nlp, text, gazetteer)

The first pass is the tokenizer alone. It cuts the text into sentences at ". ! ?" and line breaks and keeps a
sentence for the full pipeline when it

* holds a cue word: a form of a verb of the event lexicon, an event noun, a reporting verb of the claim finder
  or a word of the event and threat coders' word lists (so it can hold an event, a threat or a claim), and
* holds someone to do or say it: a gazetteer name (the gazetteer's own PhraseMatchers), a personal pronoun, or a
  capitalised word after the first (a name the gazetteer does not know, for NER);

plus the context the resolvers read: the first sentence (dateline, the article's place and date) and the
sentence before a kept sentence with a pronoun in it (the person the pronoun stands for).

Runs of kept sentences go through ``nlp.pipe`` together, batched across the articles of a call; the sentences
between them are tokens only (no tags, lemmas, dependencies or entities, so no stage finds anything in them).
The pieces concatenate to the text exactly and ``Doc.from_docs`` joins them without adding whitespace, so every
character offset into the Doc is an offset into the article text. ``doc.sents`` gives the parser's sentences
inside parsed runs and the first pass's sentences elsewhere.

The cue lists are the coders' own, imported read-only and compiled once per process and vocabulary.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from redline.iterutil import batched
from redline.nlp import chunks
from redline.nlp.gazetteer import Gazetteer, _matchers
from redline.nlp.load import set_sentences

# Words that hold nothing alone: a verb of the lexicon that only codes through a pattern with another cue word.
WEAK_CUES = frozenset({"be", "have", "do", "make", "get", "take", "go", "come", "see", "will", "would"})
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "his", "her", "their", "its", "our"})
SENTENCE_ENDS = (".", "!", "?")


@dataclass(frozen=True)
class Cues:
    """LOWER hashes of the first pass's word lists, as sorted arrays for ``numpy.isin``."""

    words: np.ndarray[Any, Any]
    pronouns: np.ndarray[Any, Any]
    ends: np.ndarray[Any, Any]


def cue_words() -> frozenset[str]:
    """Lemmas the coders key on: event lexicon verbs, event nouns, reporting verbs, the coders' word lists."""
    from redline.assess import threat_rules, threat_words
    from redline.events import vocab
    from redline.events.lexicon import VerbLexicon
    from redline.nlp import quotes

    words = set(VerbLexicon.load().lemmas)
    rows = csv.DictReader(resources.files("redline").joinpath("data", "event_nouns.csv").read_text("utf-8")
                          .splitlines())
    words.update(r["noun"] for r in rows)
    words.update(quotes.CUE_VERBS)
    words.update({"according", "testify", "read", "clear"})
    for module in (vocab, threat_rules, threat_words, quotes):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, frozenset) and all(isinstance(w, str) for w in value):
                words.update(value)
    return frozenset(p for w in words for p in w.lower().split() if p.isalpha()) - WEAK_CUES


def inflections(word: str) -> set[str]:
    """Regular inflected forms of a verb or noun (over-generating is harmless: it only parses more)."""
    forms = {word, f"{word}s", f"{word}es", f"{word}ed", f"{word}d", f"{word}ing"}
    if word.endswith("e"):
        forms.add(f"{word[:-1]}ing")
    if word.endswith("y"):
        forms.update({f"{word[:-1]}ies", f"{word[:-1]}ied"})
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms.update({f"{word}{word[-1]}ed", f"{word}{word[-1]}ing"})
    return forms


@lru_cache(maxsize=4)
def cues(nlp: Any) -> Cues:
    """The cue arrays for ``nlp``'s vocabulary: regular forms plus the lemmatizer's own irregular ones."""
    base = cue_words()
    forms = {f for w in base for f in inflections(w)}
    if "lemmatizer" in nlp.pipe_names:
        exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc", {})
        for pos in ("verb", "noun"):
            forms.update(form for form, lemmas in exceptions.get(pos, {}).items() if set(lemmas) & base)
    strings = nlp.vocab.strings

    def hashes(words: Iterable[str]) -> np.ndarray[Any, Any]:
        return np.array(sorted({strings.add(w) for w in words}), dtype="uint64")

    return Cues(hashes(forms - WEAK_CUES), hashes(PRONOUNS), hashes(SENTENCE_ENDS))


def sentence_starts(doc: Any, cue: Cues) -> list[int]:
    """Token starts of the first pass's sentences: after ". ! ?" (and closing punctuation) or a line break."""
    if len(doc) == 0:
        return []
    arr = doc.to_array(["ORTH", "IS_PUNCT", "IS_SPACE"])
    ends = np.isin(arr[:, 0], cue.ends)
    for i in np.flatnonzero(arr[:, 2]):
        if "\n" in doc[int(i)].text:
            ends[i] = True
    starts = [0]
    after_end = False
    for j in np.flatnonzero(ends | (arr[:, 1] == 0)).tolist():  # only ends and non-punctuation can decide
        if after_end and not arr[j, 1] and not arr[j, 2]:
            starts.append(int(j))
            after_end = False
        if ends[j]:
            after_end = True
    return starts


def plan(doc: Any, cue: Cues, gazetteer: Gazetteer) -> list[tuple[int, int, bool]]:
    """Runs of sentences as (first token, end token, parse?) covering ``doc``, in order."""
    starts = sentence_starts(doc, cue)
    if not starts:
        return []
    bounds = list(zip(starts, [*starts[1:], len(doc)], strict=True))
    lower = doc.to_array("LOWER")
    is_cue = np.isin(lower, cue.words)
    is_pron = np.isin(lower, cue.pronouns)
    named = np.zeros(len(doc), dtype=bool)
    matchers = _matchers(gazetteer, doc.vocab)
    for matcher in (matchers.exact, matchers.folded):
        for _id, start, end in matcher(doc):
            named[start:end] = True
    keep = [False] * len(bounds)
    keep[0] = True  # dateline, and the first sentence that sets the article's place and time
    for n, (a, b) in enumerate(bounds):
        if not is_cue[a:b].any():
            continue
        pronoun = bool(is_pron[a:b].any())
        if pronoun or named[a:b].any() or any(t.text[:1].isupper() for t in doc[a + 1:b]):
            keep[n] = True
            if pronoun and n > 0:
                keep[n - 1] = True
    runs: list[tuple[int, int, bool]] = []
    for (a, b), parse_it in zip(bounds, keep, strict=True):
        if runs and runs[-1][2] == parse_it:
            runs[-1] = (runs[-1][0], b, parse_it)
        else:
            runs.append((a, b, parse_it))
    return runs


def pipe(nlp: Any, texts: Iterable[str], gazetteer: Gazetteer, batch_size: int = 32) -> Iterator[Any]:
    """One Doc per text, in order, with only the kept sentences through the full pipeline (``chunks.pipe``)."""
    cue = cues(nlp)
    for batch in batched(texts, batch_size):
        yield from _batch(nlp, batch, gazetteer, cue, batch_size)


def parse(nlp: Any, text: str, gazetteer: Gazetteer) -> Any:
    """The Doc of one text, with only the kept sentences through the full pipeline."""
    return next(pipe(nlp, [text], gazetteer, batch_size=1))


def _batch(nlp: Any, texts: list[str], gazetteer: Gazetteer, cue: Cues, batch_size: int) -> Iterator[Any]:
    pieces: list[list[tuple[str, bool]]] = []
    for text in texts:
        first = nlp.tokenizer(text)
        runs = plan(first, cue, gazetteer)
        if all(parse_it for _a, _b, parse_it in runs):
            pieces.append([(text, True)])
            continue
        cuts = [first[a].idx if a else 0 for a, _b, _p in runs] + [len(text)]
        pieces.append([(text[cuts[n]:cuts[n + 1]], parse_it) for n, (_a, _b, parse_it) in enumerate(runs)])
    parsed = iter(chunks.pipe(nlp, [t for p in pieces for t, parse_it in p if parse_it], batch_size=batch_size))
    for text, parts in zip(texts, pieces, strict=True):
        docs = [next(parsed) if parse_it else nlp.tokenizer(t) for t, parse_it in parts]
        yield docs[0] if len(docs) == 1 and parts[0][1] else _join(docs, parts, text, cue)


def _join(docs: list[Any], parts: list[tuple[str, bool]], text: str, cue: Cues) -> Any:
    from spacy.tokens import Doc

    bounds: list[tuple[int, int]] = []
    offset = 0
    for doc, (_t, parse_it) in zip(docs, parts, strict=True):
        if parse_it:
            bounds.extend((offset + s.start, offset + s.end) for s in doc.sents)
        else:
            starts = sentence_starts(doc, cue)
            bounds.extend((offset + a, offset + b) for a, b in zip(starts, [*starts[1:], len(doc)], strict=True))
        offset += len(doc)
    # the parsed runs carry tok2vec tensors and the others none; nothing downstream reads them
    joined = Doc.from_docs([d for d in docs if len(d)], ensure_whitespace=False,
                           exclude=["tensor"])  # type: ignore[call-arg]  # spaCy's stub lacks ``exclude``
    if len(joined) == 0 or joined[-1].idx + len(joined[-1].text_with_ws) != len(text):
        raise ValueError("the parsed and unparsed runs of a text did not join back into the text")
    set_sentences(joined, tuple(bounds))
    return joined
