"""The token shortcut of event coding (``_may_code``) passes over only tokens that no rule codes."""

from __future__ import annotations

from typing import Any

from redline.events import _coded_verb_events, _may_code
from redline.events.actors import MentionIndex
from redline.events.lexicon import VerbLexicon
from redline.ingest import normalize
from redline.models import RawDocument
from redline.nlp import analyze


def test_tokens_the_shortcut_passes_over_code_nothing(context: Any, sample_records: list[dict[str, Any]]) -> None:
    lexicon = VerbLexicon.load()
    skipped = coded = 0
    for record in sample_records[:12]:
        article = normalize(RawDocument(origin=record["id"], text=record["text"], published=record["published"]),
                            context.settings)
        analysis = analyze(article, context.nlp, context.gazetteer)
        index = MentionIndex(analysis.doc, analysis.mentions)
        for tok in analysis.doc:
            if _may_code(tok):
                coded += bool(_coded_verb_events(tok, index, lexicon, analysis))
            else:
                skipped += 1
                assert _coded_verb_events(tok, index, lexicon, analysis) == [], (tok.text, tok.sent.text)
    assert skipped > 3 * coded > 0  # most tokens are passed over; the rest still code events
