"""A parsed document's text, read once.

spaCy builds ``Doc.text`` anew from every token on each call (a few milliseconds for a long article), and several
stages read it per sentence or per mention. ``text_of`` keeps the string in the document's ``user_data`` on first
use; a ``Doc``'s tokens do not change after parsing, so neither does its text.
"""

from __future__ import annotations

from typing import Any

KEY = "redline_text"


def text_of(doc: Any) -> str:
    """``doc.text``, built once per document."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return str(text)
