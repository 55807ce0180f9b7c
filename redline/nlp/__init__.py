"""The nlp stage: sentences, gazetteer mentions, attributed claims, modality and conditionals."""

from __future__ import annotations

from typing import Any

from redline.models import Analysis, Article, Sentence
from redline.nlp.gazetteer import Gazetteer, find_mentions
from redline.nlp.modality import find_conditionals, sentence_modality
from redline.nlp.quotes import find_claims

__all__ = ["analyze"]


def analyze(article: Article, nlp: Any, gazetteer: Gazetteer) -> Analysis:
    """Run the spaCy pipeline over the article text and resolve what it mentions."""
    doc = nlp(article.text)
    mentions = find_mentions(doc, article.id, gazetteer)
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
