"""Texts longer than spaCy's ``max_length``, parsed in chunks cut on paragraph boundaries and joined into one Doc.

    doc = parse(nlp, article.text)          # one Doc whatever the length; doc.text == article.text
    docs = pipe(nlp, texts, batch_size=32)  # nlp.pipe, with the long texts chunked

The chunks concatenate to the text exactly and ``Doc.from_docs`` joins them without adding whitespace, so
every character offset a later stage reads from the Doc points into ``Article.text``. A text up to
``max_length`` is parsed whole, as before; a longer one (up to ``max_text_bytes``) in chunks of at most
``CHUNK_CHARS``, because the parser's memory grows with the length of one Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from redline.nlp import bounds
from redline.nlp.doctext import text_of

CHUNK_CHARS = 100_000
# A line ending in one of these ends its sentence: "... killing 12. (Reuters)\nThe Security Council ...". A
# line ending in anything else runs on into the next: "He said:\n'We will ...'", a hard-wrapped "promises of a\n".
ENDING = frozenset({".", "!", "?", ")", "]", "\u201d", '"', "\u2019", "'"})
_LINE_BREAK = re.compile(r"\S[ \t]*\n\s*(?=\S)")
# A transcript's turn opens its own sentence, whatever the line before ends in, and the label is a sentence of its
# own: a speaker label ("THE PRESIDENT:", "MS. PSAKI:", "Vladimir Putin:", "Question:", "Q"; one to five upper-case
# or Title-case words, "of" / "the" / "for" / "and" between them) or a time-of-day dateline ("1:35 P.M. IDT").
_WORD = r"[A-Z][\w.'\u2019-]*"
LABEL = re.compile(rf"(?:{_WORD}(?:[ \t]+(?:(?:of|the|for|and)[ \t]+)?{_WORD}){{0,4}}:|Q\.?)(?=[ \t]+\S)")
# The Kremlin's transcripts write the speaker's name, title and a repeated name tag before a spaced colon: "Accounts
# Chamber Chairperson Tatyana Golikova Golikova Tatyana Deputy Prime Minister : We are ...". A colon after a space
# is no punctuation of English prose, so the label may run to SPACED_LABEL_WORDS words of any case.
SPACED_LABEL_WORDS = 14
SPACED_LABEL = re.compile(rf"{_WORD}(?:[ \t]+[\w.'\u2019-]+){{0,{SPACED_LABEL_WORDS - 1}}}[ \t]:(?=[ \t]+\S)")
# A heading: a short line with no sentence end, between lines, on its own ("Military aid to Ukraine during the
# Russo-Ukrainian War", a news digest's topic line) runs into no report; the next line starts a sentence. A line
# ending in a function word or a comma is a hard wrap ("promises of a"), and runs on.
HEADING_WORDS = 12
REPORT_WORDS = 5  # the line after a heading is a report of its own: "Netanyahu on Tuesday." is a wrapped tail
RUN_ON_ENDS = frozenset({"of", "a", "an", "the", "to", "and", "or", "but", "in", "on", "for", "with", "by", "at",
                         "from", "that", "as", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                         "said", "says", "its", "their", "his", "her", "mr.", "ms.", "mrs.", "dr."})
DATELINE = re.compile(r"\d{1,2}:\d{2}[ \t]*[AaPp]\.?[ \t]?[Mm]\.?(?:[ \t]+[A-Z]{2,5}\b)?")
_LINE = re.compile(r"^[ \t]*(\S[^\n]*)", re.MULTILINE)  # a line's first non-blank character to its end
_SPACES = re.compile(r"\s*")
_SENTENCE_END = re.compile(r"[.!?][\"')\]\u201d\u2019]*\s")  # a sentence ends inside a line
# where a chunk may end, best first: after a blank line, a line break, a sentence, a space
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


def parse(nlp: Any, text: str) -> Any:
    """``nlp(text)``; a text over ``nlp.max_length`` is parsed in chunks and joined into one Doc."""
    limit = getattr(nlp, "max_length", None)
    if limit is None or len(text) <= limit:
        return nlp(lines(nlp, text))
    return _join(list(nlp.pipe(lines(nlp, t) for t in split(text, min(limit, CHUNK_CHARS)))), text)


def lines(nlp: Any, text: str) -> Any:
    """The tokens of ``text`` with a sentence starting after every line that ends one (`ENDING`), so a news
    digest's source tag ("(Reuters)") never runs into the next line's report; a line ending in a colon
    ("The statement said:") or mid-phrase (hard-wrapped text) runs on into the next. Plain strings (a stand-in
    pipeline in tests) are passed through."""
    make = getattr(nlp, "make_doc", None)
    if make is None:
        return text
    doc = make(text)
    starts: dict[int, bool] = {}  # token index -> starts a sentence; set once, as each setter scans the Doc
    for brk in _LINE_BREAK.finditer(text):  # a line's last character and the next line's first
        if (text[brk.start()] in ENDING or _heading(text, brk.start())) and brk.end() < len(text):
            _start(doc, starts, brk.end())
    for at, inside in bounds.starts(text):  # citations, section names, bullets and source tags
        if at < len(text):
            _start(doc, starts, at, inside)
    for line in _LINE.finditer(text):
        turn = (LABEL.match(text, line.start(1)) or SPACED_LABEL.match(text, line.start(1))
                or DATELINE.match(text, line.start(1)))
        if turn is not None and (turn.re is not DATELINE or not text[turn.end():line.end()].strip()):
            _start(doc, starts, line.start(1), inside=turn.end())
            after = _SPACES.match(text, turn.end())
            if after is not None and after.end() < len(text):  # the turn's words, or the line after a dateline
                _start(doc, starts, after.end())
    if starts:
        marks = doc.to_array(["SENT_START"]).astype("int64").reshape(-1, 1)  # -1 no start, 0 unknown, 1 a start
        for i, value in starts.items():
            marks[i, 0] = 1 if value else -1
        doc.from_array(["SENT_START"], marks.astype("uint64"))
    return doc


def _heading(text: str, last: int) -> bool:
    """The line whose last character is ``text[last]`` is a heading: a whole line of at most ``HEADING_WORDS``
    words after a sentence's end, a news portal's section name or a rule (``bounds.is_break``) or at the top,
    with no sentence end inside, not ending in a function word, a comma or a colon, before a line of at least
    ``REPORT_WORDS`` words that starts in upper case and ends a sentence."""
    start = text.rfind("\n", 0, last) + 1
    line = text[start:last + 1].strip()
    words = line.split()
    if not words or len(words) > HEADING_WORDS or line[-1] in ",;:-—" or words[-1].lower() in RUN_ON_ENDS:
        return False
    if _SENTENCE_END.search(line):
        return False
    before = text[:start].rstrip()
    if before and before[-1] not in ENDING and not bounds.is_break(before[before.rfind("\n") + 1:]):
        return False
    nxt = text[last + 1:].lstrip()
    end = nxt.find("\n")
    following = (nxt if end < 0 else nxt[:end]).rstrip()
    return len(following.split()) >= REPORT_WORDS and following[0].isupper() and following[-1] in ENDING


def heading_sentence(sent: Any) -> bool:
    """The sentence is a whole heading line (``_heading``): a digest's topic line or a subheading, which names a
    story ("Attacks on shipping in the Red Sea") and reports no act of its own."""
    text = text_of(sent.doc)
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == start or text[end - 1] in ENDING or text[text.rfind("\n", 0, start) + 1:start].strip():
        return False  # a sentence's end, or the line holds words before the sentence
    after = text.find("\n", end)
    return after >= 0 and not text[end:after].strip() and _heading(text, end - 1)


def _start(doc: Any, starts: dict[int, bool], at: int, inside: int = 0) -> None:
    """A sentence starts at character ``at`` of the Doc, and runs on (no start) before character ``inside``: the
    marks go into ``starts`` (token index -> value), a later mark overriding an earlier one."""
    span = doc.char_span(at, max(at + 1, inside), alignment_mode="expand")
    if span is None:
        return
    if span[0].i > 0:
        starts[span[0].i] = True
    for tok in span[1:]:
        if tok.idx < inside:
            starts[tok.i] = False


def pipe(nlp: Any, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
    """``nlp.pipe(texts)`` in order, with every text over ``nlp.max_length`` parsed by ``parse``."""
    limit = getattr(nlp, "max_length", None)
    batch: list[Any] = []
    for text in texts:
        if limit is None or len(text) <= limit:
            batch.append(lines(nlp, text))
            if len(batch) < batch_size:
                continue
        if batch:
            yield from nlp.pipe(batch, batch_size=batch_size)
            batch = []
        if limit is not None and len(text) > limit:
            yield parse(nlp, text)
    if batch:
        yield from nlp.pipe(batch, batch_size=batch_size)


def split(text: str, size: int) -> list[str]:
    """Pieces of at most ``size`` characters that concatenate to ``text``, each ending at the best cut."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the chunk that starts at ``start``: the last good cut before ``limit``, in its second half."""
    floor = start + (limit - start) // 2
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, floor, limit)]
        if ends:
            return ends[-1]
    return limit


def _join(docs: list[Any], text: str) -> Any:
    from spacy.tokens import Doc

    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # the offsets every stage relies on would be wrong
        raise ValueError("chunks of a long text did not join back into the text")
    return doc
