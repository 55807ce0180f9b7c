"""Read text, Markdown, HTML, JSON and JSONL files (or stdin) into RawDocuments.

Sources never parse meaning: they decode bytes, split records and pick out fields.
HTML stays HTML here; extraction happens in ``redline.ingest``.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources.citations import source_of

STDIN_ORIGIN = "<stdin>"
# 50 x the default max_text_bytes: a corpus file may hold many articles
DEFAULT_MAX_BYTES = 100_000_000
HEADLINE_MAX_CHARS = 200
SUPPORTED_HINT = "give a .txt, .md, .html, .json or .jsonl file"
_TOO_DEEP = "JSON nested too deeply to read (records are objects of strings)"

Document = RawDocument | Skip

_BINARY_MAGIC = (
    b"%PDF",  # PDF
    b"PK\x03\x04",  # ZIP, and so .docx, .xlsx, .epub
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"\xd0\xcf\x11\xe0",  # OLE: .doc, .xls
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
)
_SNIFF_BYTES = 8192
# <meta charset=x>, <meta http-equiv content="...; charset=x"> and <?xml encoding="x"?>
_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
    re.IGNORECASE,
)
# WHATWG: browsers read these labels as windows-1252, a superset
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}
_MD_HEADING_RE = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$")
# a headline does not end like a sentence, a lead-in or a hard-wrapped line
_NOT_HEADLINE_END = (".", ":", ",", ";", "-")


def read_path(
    path: str, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Document]:
    """Read one file; every file-level problem raises SourceError before anything is yielded.

    ``path`` is kept as the user gave it in every message and in ``RawDocument.origin``. ``fields`` maps
    redline's field names to those of a JSON or JSONL file's records (``{"text": "body"}``).
    """
    p = Path(path)
    if p.is_dir():
        raise SourceError(f"{path}: is a directory (give a file, or use 'redline ingest' for folders)")
    if not p.exists():
        raise SourceError(f"{path}: no such file")
    suffix = p.suffix.lower()
    parser = _PARSERS.get(suffix)
    if parser is None:
        raise SourceError(f"{path}: unsupported file type '{p.suffix}' ({SUPPORTED_HINT})")
    size = p.stat().st_size
    if size == 0:
        raise SourceError(f"{path}: file is empty")
    _check_size(path, size, max_bytes)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise SourceError(f"{path}: cannot read the file ({e.strerror or e})") from e
    _check_binary(path, data)
    text = _decode(path, data, html=parser is _parse_html)
    if not text.strip():
        raise SourceError(f"{path}: file is empty")
    if fields and parser in (_parse_json, _parse_jsonl):
        return _override(parser(path, text, fields), published)
    return _override(parser(path, text), published)


def read_stream(
    stream: TextIO | BinaryIO, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document]:
    """Read stdin (or any stream) and sniff its format: ``{``/``[`` JSON(L), ``<`` HTML, else text."""
    origin = STDIN_ORIGIN
    binary: BinaryIO | None = getattr(stream, "buffer", None)  # sys.stdin: read bytes for exact offsets
    content: str | bytes = binary.read(max_bytes + 1) if binary is not None else stream.read(max_bytes + 1)
    if isinstance(content, bytes):
        _check_size(origin, len(content), max_bytes)
        _check_binary(origin, content)
        text = _decode(origin, content, html=content.lstrip()[:1] == b"<")
    else:
        _check_size(origin, len(content.encode("utf-8", "surrogatepass")), max_bytes)
        text = content.removeprefix("\ufeff")
    head = text.lstrip()[:1]
    if not head:
        raise SourceError(f"{origin}: file is empty")
    docs: Sequence[Document]
    if head == "[":
        docs = _parse_json(origin, text)
    elif head == "{":
        docs = _parse_json_or_jsonl(origin, text)
    elif head == "<":
        docs = _parse_html(origin, text)
    else:
        docs = _parse_text(origin, text)
    return _override(docs, published)


def _override(docs: Sequence[Document], published: str | None) -> Iterator[Document]:
    if published is None:
        return iter(docs)
    return iter([replace(d, published=published) if isinstance(d, RawDocument) else d for d in docs])


def _check_size(origin: str, size: int, max_bytes: int) -> None:
    if size <= max_bytes:
        return
    # a stream is read only up to the limit, so its true size is unknown
    what = "input is over" if origin == STDIN_ORIGIN else f"file is {size / 1e6:.1f} MB, over"
    raise SourceError(
        f"{origin}: {what} the {max_bytes / 1e6:.1f} MB limit "
        f"(raise it with --setting max_text_bytes N; a file may be 50 times that)"
    )


def _check_binary(origin: str, data: bytes) -> None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 text (PowerShell's default redirection) holds NUL bytes
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:_SNIFF_BYTES]:
        raise SourceError(f"{origin}: binary file, not text ({SUPPORTED_HINT})")


def _decode(origin: str, data: bytes, *, html: bool) -> str:
    """UTF-8 (BOM tolerated) or UTF-16 with a BOM; HTML may declare another charset."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(origin, data, len(codecs.BOM_UTF8))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise SourceError(
                f"{origin}: invalid UTF-16 at byte {e.start} (re-save the file as UTF-8)"
            ) from e
    if html:
        declared = declared_charset(data)
        if declared is not None:
            try:
                return data.decode(declared)
            except UnicodeError:
                pass  # a wrong declaration: UTF-8 is the best remaining guess
    return _decode_utf8(origin, data, 0)


def _decode_utf8(origin: str, data: bytes, start: int) -> str:
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        offset = start + e.start
        line_start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, offset) + 1
        # the bytes before the error decoded cleanly, so the column counts characters
        column = len(data[max(line_start, start) : offset].decode("utf-8")) + 1
        raise SourceError(
            f"{origin}: invalid UTF-8 at byte {offset} (line {line}, column {column}) "
            f"(re-save the file as UTF-8)"
        ) from e


def declared_charset(data: bytes) -> str | None:
    """The Python codec for a charset declared in the first 8 KB, or None for UTF-8 or unknown."""
    m = _CHARSET_RE.search(data[:_SNIFF_BYTES])
    if m is None:
        return None
    name = codec_name((m.group(1) or m.group(2)).decode("ascii"))
    return None if name == "utf-8" else name


def codec_name(label: str) -> str | None:
    """The Python codec for a charset label as browsers read it (latin-1 is windows-1252), or None."""
    label = label.strip().strip("\"'").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # rot13, base64, hex, zlib ... are codecs but not text encodings: bytes.decode refuses them
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _parse_text(origin: str, text: str) -> list[RawDocument]:
    title, body = _split_headline(text)
    return [RawDocument(origin=origin, text=body, title=title)]


def _parse_markdown(origin: str, text: str) -> list[RawDocument]:
    stripped = text.lstrip("\ufeff\r\n\t ")
    first, _, rest = stripped.partition("\n")
    m = _MD_HEADING_RE.match(first.rstrip("\r"))
    if m and m.group(1) and rest.strip():
        return [RawDocument(origin=origin, text=rest.lstrip("\r\n"), title=m.group(1).strip())]
    return _parse_text(origin, text)


def _split_headline(text: str) -> tuple[str | None, str]:
    """Split off a first line that reads like a headline: short, not ending like a sentence, with text after."""
    stripped = text.lstrip("\ufeff\r\n\t ")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    after = rest.lstrip()
    if (
        sep
        and after
        and not after[0].islower()  # a lower-case next line continues a wrapped sentence
        and 0 < len(first) <= HEADLINE_MAX_CHARS
        and not first.endswith(_NOT_HEADLINE_END)
    ):
        return first, rest.lstrip("\r\n")
    return None, text


def _parse_html(origin: str, text: str) -> list[RawDocument]:
    return [RawDocument(origin=origin, text=text, html=True)]


def _parse_json(origin: str, text: str, fields: Mapping[str, str] | None = None) -> list[Document]:
    data = _loads_file(origin, text)
    if isinstance(data, dict):
        return [_record(origin, mapped(data, fields), origin)]
    if not isinstance(data, list):
        raise SourceError(f"{origin}: expected a JSON object or a list of objects, got {type(data).__name__}")
    if not data:
        raise SourceError(f"{origin}: file has no records (the JSON list is empty)")
    docs: list[Document] = []
    for i, item in enumerate(data, start=1):
        where, name = f"{origin}: record {i}", f"{origin} record {i}"
        if not isinstance(item, dict):
            docs.append(Skip(name, "source", f"{where}: not a JSON object"))
            continue
        docs.append(_record_or_skip(where, mapped(item, fields), name))
    return _usable(origin, docs)


def _usable(origin: str, docs: list[Document]) -> list[Document]:
    """``docs`` when one record is usable; else the file is the problem and its first reason a SourceError."""
    if any(isinstance(d, RawDocument) for d in docs):
        return docs
    first = next((d for d in docs if isinstance(d, Skip)), None)
    raise SourceError(first.reason if first is not None else f"{origin}: file is empty")


def _parse_jsonl(origin: str, text: str, fields: Mapping[str, str] | None = None) -> list[Document]:
    """One record a line; a line that is not a usable record is a Skip and the others are read."""
    docs: list[Document] = []
    for n, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        where, name = f"{origin}: line {n}", f"{origin} line {n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            docs.append(Skip(name, "source", f"{where}: invalid JSON: {e.msg}"))
            continue
        except RecursionError:
            docs.append(Skip(name, "source", f"{where}: {_TOO_DEEP}"))
            continue
        if not isinstance(item, dict):
            docs.append(Skip(name, "source", f"{where}: not a JSON object"))
            continue
        docs.append(_record_or_skip(where, mapped(item, fields), name))
    return _usable(origin, docs)


def mapped(record: dict[str, Any], fields: Mapping[str, str] | None) -> dict[str, Any]:
    """``record`` with the field map applied: a mapped key takes redline's name; the field it replaces goes."""
    if not fields:
        return record
    out = {k: v for k, v in record.items() if k not in fields}
    for name, key in fields.items():
        if key in record:
            out[name] = record[key]
    return out


def _parse_json_or_jsonl(origin: str, text: str) -> list[Document]:
    """A stream starting with ``{`` is one object, or JSONL when a second value follows."""
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":
            return _parse_jsonl(origin, text)
    except RecursionError:
        pass  # _parse_json says so
    return _parse_json(origin, text)


def _loads_file(origin: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceError(f"{origin}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from e
    except RecursionError:
        raise SourceError(f"{origin}: {_TOO_DEEP}") from None


def _record_or_skip(where: str, item: dict[str, Any], origin: str) -> Document:
    try:
        return _record(where, item, origin)
    except SourceError as e:
        return Skip(origin, "source", str(e))


def _record(where: str, item: dict[str, Any], origin: str) -> RawDocument:
    text = item.get("text")
    if text is None:
        raise SourceError(f'{where}: record has no "text" field')
    if not isinstance(text, str):
        raise SourceError(f'{where}: "text" is a {type(text).__name__}, not a string')
    published = item.get("published")
    if published is None:
        published = item.get("date")
    return RawDocument(
        origin=origin,
        text=text,
        title=_field(item, "title"),
        url=_field(item, "url"),
        published=None if published is None else str(published),
        source=source_of(text, _field(item, "source")),
    )


def _field(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


_PARSERS: dict[str, Callable[[str, str], Sequence[Document]]] = {
    "": _parse_text,
    ".txt": _parse_text,
    ".text": _parse_text,
    ".md": _parse_markdown,
    ".markdown": _parse_markdown,
    ".html": _parse_html,
    ".htm": _parse_html,
    ".xhtml": _parse_html,
    ".json": _parse_json,
    ".jsonl": _parse_jsonl,
    ".ndjson": _parse_jsonl,
}
