"""The document text read once: equal to spaCy's, kept on the document."""

from __future__ import annotations

import spacy

from redline.nlp.doctext import KEY, text_of


def test_doctext_is_the_documents_text_and_is_kept_on_it() -> None:
    doc = spacy.blank("en")("KYIV, Ukraine (AP) — Russia launched drones overnight.\n\nOfficials said  two died.")
    assert KEY not in doc.user_data
    assert text_of(doc) == doc.text
    assert doc.user_data[KEY] == doc.text
    assert text_of(doc[3:6].doc) is doc.user_data[KEY]  # a span's document is the same one: no rebuild
