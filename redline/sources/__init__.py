"""Readers that yield RawDocuments; they never parse meaning.

``read(spec)`` dispatches on the spec: ``-`` is stdin, anything else a file path read by extension.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from redline.models import RawDocument
from redline.sources.files import DEFAULT_MAX_BYTES, read_path, read_stream

__all__ = ["DEFAULT_MAX_BYTES", "read"]


def read(
    spec: str,
    *,
    stdin: TextIO | BinaryIO | None = None,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[RawDocument]:
    """Read a file path, or stdin for ``-``, into RawDocuments.

    Raises ``SourceError`` before yielding anything when the input cannot be read.

    Args:
        stdin: the stream read for ``-``; defaults to ``sys.stdin``.
        published: a date that overrides the date of every document (``--published``).
        max_bytes: the largest input read; callers pass ``50 * settings.max_text_bytes``.
    """
    if spec == "-":
        stream = sys.stdin if stdin is None else stdin
        return read_stream(stream, published=published, max_bytes=max_bytes)
    return read_path(spec, published=published, max_bytes=max_bytes)
