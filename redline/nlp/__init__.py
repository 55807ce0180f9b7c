"""The nlp stage: sentences, gazetteer mentions, attributed claims, modality and conditionals."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redline.models import Analysis, Article, Mention, Sentence
from redline.nlp.chunks import parse
from redline.nlp.dates import find_dates
from redline.nlp.gazetteer import Gazetteer, find_mentions
from redline.nlp.modality import find_conditionals, sentence_modality
from redline.nlp.quotes import find_claims

__all__ = ["analyze"]


def analyze(article: Article, nlp: Any, gazetteer: Gazetteer) -> Analysis:
    """Run the spaCy pipeline over the article text and resolve what it mentions."""
    doc = parse(nlp, article.text)  # a text over spaCy's max_length in paragraph chunks, one Doc
    mentions = _with_dates(find_mentions(doc, article.id, gazetteer, article.published), doc, article)
    sentences = tuple(
        Sentence(s.start_char, s.end_char, sentence_modality(s)) for s in doc.sents if s.text.strip()
    )
    return Analysis(
        article=article,
        sentences=sentences,
        mentions=mentions,
        claims=find_claims(doc, article, mentions),
        conditionals=find_conditionals(doc, article),
        doc=doc,
    )


def _with_dates(mentions: tuple[Mention, ...], doc: Any, article: Article) -> tuple[Mention, ...]:
    """Gazetteer mentions plus resolved DATE mentions that overlap none of them, numbered in text order."""
    countries = [m.geo.country for m in mentions if m.geo is not None]
    dates = [d for d in find_dates(doc, article.published, countries, 0)
             if not any(d.start < m.end and m.start < d.end for m in mentions)]
    ordered = sorted([*mentions, *dates], key=lambda m: (m.start, m.end))
    return tuple(replace(m, id=f"m{n + 1}") for n, m in enumerate(ordered))
