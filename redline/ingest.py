"""Turn a RawDocument into an Article: extracted, cleaned text with a stable id, date, title and language.

The cleaned text is final: every evidence offset in redline points into ``Article.text``.
"""

from __future__ import annotations

import email.utils
import hashlib
import re
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import pycountry

from redline.errors import IngestError
from redline.models import Article, RawDocument, Skip
from redline.settings import Settings

T = TypeVar("T", RawDocument, Skip)
TITLE_MAX_CHARS = 100
LANGUAGE_SAMPLE_CHARS = 5000
# below these the detector is too unsure to refuse a document
LANGUAGE_MIN_CONFIDENCE = 0.9
LANGUAGE_MIN_CHARS = 200
MIN_YEAR = 1900

_BLANK_LINES_RE = re.compile(r"\n{3,}")
# a lone surrogate: a JSON "\ud800" escape, or a file name that is not UTF-8; UTF-8 cannot encode it
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s|\n")
# Titles exported from Markdown or double-encoded JSON: literal "\u2019" escapes, Markdown backslash escapes,
# and "\_" between two words, which page converters write for a non-breaking space ("H.R.\_7108").
_LITERAL_ESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})")
_ESCAPED_SPACE_RE = re.compile(r"(?<=\S)\\_(?=\S)")
_MARKDOWN_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_DATEPARSER_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "PREFER_DAY_OF_MONTH": "first",
    # no relative dates ("yesterday"): they depend on the clock and would make normalize impure
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    # a date without a year would take the current one
    "REQUIRE_PARTS": ["year", "month"],
}


def normalize(raw: RawDocument, settings: Settings, *, published: str | None = None) -> Article:
    """Build the Article for ``raw``, or raise IngestError when it is not analysable.

    Args:
        published: an explicit date override (``--published``); it wins over every other date,
            and an unreadable value raises IngestError instead of being dropped.
    """
    raw = scrub(raw)
    origin = raw.origin
    title, url, date = raw.title, raw.url, raw.published
    text = raw.text
    if raw.html:
        extracted = _extract_html(raw.text, raw.url)
        if extracted is None:
            raise IngestError(f"{origin}: no article text found in the HTML")
        text = _drop_leading_title(extracted.text, extracted.title)
        title = title or extracted.title
        url = url or extracted.url
        date = date or extracted.date
    text = clean_text(text)
    _check_size(origin, text, settings.max_text_bytes)
    if not text:
        raise IngestError(f"{origin}: text is empty")
    if len(text) < settings.min_text_chars:
        raise IngestError(
            f"{origin}: text too short to analyse ({len(text)} characters; "
            f"at least {settings.min_text_chars} needed)"
        )
    language = _check_language(origin, text, settings.languages)
    if published is not None:
        when = parse_date(published)
        if when is None:
            raise IngestError(f"{origin}: cannot read the date '{published}' (use YYYY-MM-DD)")
    else:
        when = parse_date(date) if date else None
    return Article(
        id=article_id(url, text),
        title=_clean_title(title) or first_sentence(text),
        text=text,
        url=url,
        source=raw.source or _host(url),
        published=when,
        language=language,
        origin=origin,
    )


def scrub(item: T) -> T:
    """``item`` (a RawDocument or Skip) with every lone surrogate in its strings replaced by U+FFFD.

    One character for one, so offsets into the text stay the same; the text can then be hashed and stored.
    """
    changes = {f.name: _SURROGATE_RE.sub("\ufffd", v) for f in fields(item)
               if isinstance(v := getattr(item, f.name), str) and _SURROGATE_RE.search(v)}
    return replace(item, **changes) if changes else item  # type: ignore[arg-type]


def clean_text(text: str) -> str:
    """Normalise newlines, strip trailing spaces, keep at most one blank line, and undo the backslash escapes of a
    Markdown export ("\\[Statement, 1/26/24\\]", "“\\[Witkoff\\] said", "H.R.\\_7108", as titles do); nothing else
    changes. The tokenizer would otherwise glue the backslash to the word ("\\[President" is one token)."""
    text = _MARKDOWN_ESCAPE_RE.sub(r"\1", _ESCAPED_SPACE_RE.sub(" ", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def canonical_url(url: str) -> str:
    """The URL that identifies an article: lower-case scheme and host, no fragment, utm_* or trailing slash."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    netloc = parts.netloc.lower()
    try:
        port = parts.port
    except ValueError:  # a malformed port: keep the netloc as written
        port = None
    if port is not None and _DEFAULT_PORTS.get(scheme) == port:
        netloc = netloc.rsplit(":", 1)[0]
    # filter the raw pairs so the remaining ones keep their exact encoding
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, query, ""))


def article_id(url: str | None, text: str) -> str:
    """``a`` + 15 hex digits of SHA-1 over the canonical URL, or over the text with whitespace collapsed."""
    key = canonical_url(url) if url else " ".join(text.split())
    return "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def parse_date(value: str) -> datetime | None:
    """A date as an aware UTC datetime, or None when unreadable or before 1900; naive times are UTC."""
    value = value.strip()
    if not value:
        return None
    when = _parse_known_formats(value)
    if when is None:
        import dateparser  # 0.5 s to import: only for dates the fast paths cannot read

        # languages=['en']: without it one string can take over a second
        when = dateparser.parse(value, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if when is None or when.year < MIN_YEAR:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def first_sentence(text: str) -> str:
    """The first sentence (or line) of ``text``, cut at a word boundary to fit the title length."""
    sentence = _SENTENCE_END_RE.split(text.strip(), maxsplit=1)[0].strip()
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    cut = sentence[: TITLE_MAX_CHARS - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def language_name(code: str) -> str:
    """The English name of an ISO 639 code ("de" -> "German"), or the code itself."""
    found: Any = None
    try:
        found = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    except (KeyError, LookupError):
        found = None
    if found is None:
        return code
    # "Modern Greek (1453-)" -> "Modern Greek"
    return str(getattr(found, "common_name", None) or found.name).split(" (")[0]


def _parse_known_formats(value: str) -> datetime | None:
    """ISO 8601 and RFC 2822 (feeds, e-mail) without dateparser."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # an unknown zone name ("CET") comes back naive: dateparser knows more of them
    return when if when.tzinfo is not None else None


def _check_size(origin: str, text: str, limit: int) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise IngestError(
            f"{origin}: text is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit "
            f"(raise it with --setting max_text_bytes N)"
        )


def _check_language(origin: str, text: str, languages: tuple[str, ...]) -> str:
    """The detected language code; refuse only a confident detection of a language not in ``languages``."""
    default = languages[0] if languages else "en"
    code, confidence = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    code = str(code)
    if float(confidence) < LANGUAGE_MIN_CONFIDENCE:
        return default
    if code in languages or not languages:
        return code
    if len(text) < LANGUAGE_MIN_CHARS:
        return default
    wanted = " or ".join(language_name(c) for c in languages)
    raise IngestError(
        f"{origin}: text is in {language_name(code)} ({code}), not {wanted} "
        f"(redline analyses: {', '.join(languages)})"
    )


@cache
def _identifier() -> Any:
    """py3langid's model with probabilities normalised, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@dataclass(frozen=True)
class _Extracted:
    text: str
    title: str | None
    url: str | None
    date: str | None


def _extract_html(html: str, url: str | None) -> _Extracted | None:
    """Main text and metadata from an HTML page, or None when trafilatura finds no article text."""
    import trafilatura  # 0.3 s to import: only for HTML
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        include_tables=True,
        favor_precision=True,  # related links and teasers cost more than a lost paragraph
    )
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        return None
    return _Extracted(text=doc.text or "", title=doc.title, url=doc.url, date=doc.date)


def _drop_leading_title(text: str, title: str | None) -> str:
    """Remove the headline trafilatura repeats as the first line, as text files lose theirs."""
    first, sep, rest = text.lstrip().partition("\n")
    if title and sep and rest.strip() and _clean_title(first) == _clean_title(title):
        return rest
    return text


def _clean_title(title: str | None) -> str:
    """The title on one line, with the escapes of Markdown exports and double-encoded JSON undone."""
    if not title:
        return ""
    title = _LITERAL_ESCAPE_RE.sub(_unescape, title)
    title = _MARKDOWN_ESCAPE_RE.sub(r"\1", _ESCAPED_SPACE_RE.sub(" ", title))
    return " ".join(title.rstrip("\\").split())


def _unescape(match: re.Match[str]) -> str:
    """A literal "\\u2019" as its character; control characters and lone surrogates stay as they were written."""
    code = int(match.group(1) or match.group(2), 16)
    return match.group(0) if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF else chr(code)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
