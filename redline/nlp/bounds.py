"""Where pasted news text starts sentences that no punctuation marks: source citations, section names, list bullets,
rules and bracketed source tags (``chunks.lines`` applies them before the parser runs).

A news digest (Wikipedia's Current Events portal, a wire round-up) and a press office's pages carry text that is not
part of any sentence: the outlets a report cites ("... kills 12.(Reuters)", "(Reuters) (AP)", "(AFP via France 24)"),
the portal's section names ("Armed conflicts and attacks Russian forces shell Kharkiv"), list bullets, rules between
a page's parts ("* * *") and source tags ("[Statement, 1/26/24]"). Glued to a report, a section name becomes its
subject and a citation its object; each of them is a sentence of its own here. The text itself never changes: every
offset still points into ``Article.text``.

A topic heading keeps its place: glued to the report after it ("2011 Libyan civil war: NATO planes strike ... Tripoli")
it is the only place the report's country is named, and the event coder reads a sentence, not the heading above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.sources.citations import CITATIONS

# The news portal's section names (Wikipedia's Current Events categories, old and new spellings): a page pasted
# without its line breaks glues them to the first report ("Armed conflicts and attacks Russian forces shell ...").
# Only names of two words or more: a lone "Sports" or "Politics" may open a sentence ("Sports Minister X said").
SECTIONS = ("Armed conflicts and attacks", "Armed conflict and attacks", "Arts and culture", "Business and economy",
            "Business and economics", "Disasters and accidents", "Health and environment", "International relations",
            "Law and crime", "Politics and elections", "Science and technology")
SECTION_WORDS = ("Disasters", "Sports", "Sport", "Politics", "Science", "Health")
# A line that is only a section's name (any spelling, one word too: "Sports"): the next line starts a sentence, and
# may be a topic heading above a report ("Armed conflicts and attacks\nRussian invasion of Ukraine\nRussian ...").
SECTION_LINE = re.compile(r"^[ \t]*(?:" + "|".join(re.escape(s) for s in (*SECTIONS, *SECTION_WORDS))
                          + r")[ \t]*\n\s*(?=\S)", re.MULTILINE)
_SECTION_NAMES = frozenset((*SECTIONS, *SECTION_WORDS))
SECTION = re.compile(r"^[ \t]*(?:" + "|".join(re.escape(s) for s in SECTIONS) + r")[ \t]+(?=[A-Z0-9\"\u201c])",
                     re.MULTILINE)
# A list bullet that opens a line ("- Passport number;", "* The President met ...", "• ..."), not a rule.
BULLET = re.compile(r"^[ \t]*[-*\u2022\u2013][ \t]+(?=[^\s*_=\u2022\u2013\u2014-])", re.MULTILINE)
# A rule between a page's parts: a line of three or more dashes, stars or underscores ("* * *", "-----").
RULE = re.compile(r"^[ \t]*(?:[-*_=\u2022\u2013\u2014][ \t]*){3,}$", re.MULTILINE)
# A press office's source tag opening or closing a line or after a sentence's end: "[Statement, 1/26/24]",
# "... history.” \[Tweet, 3/2/24\] **Name, Title:** ...".
SOURCE_TAG = re.compile(r"\\?\[[A-Z][^\]\n]{0,60}?,?[ \t]+\d{1,2}/\d{1,2}/\d{2,4}\\?\]")
_ENDS = frozenset(".!?\"'\u201d\u2019")
_SPACE = re.compile(r"\s*")
_LINES = re.compile(r"^[^\n]*", re.MULTILINE)


def starts(text: str) -> Iterator[tuple[int, int]]:
    """``(at, inside)`` for each sentence these marks start: a sentence starts at character ``at`` of ``text`` and
    runs on (no start) before character ``inside``; ``at == inside`` when nothing need run on."""
    for m in CITATIONS.finditer(text):
        group = "after_end" if m.group("after_end") else "run"
        yield m.start(group), m.end(group)
    for m in SECTION.finditer(text):
        yield m.start(), m.start()
        yield m.end(), m.end()
    for m in SECTION_LINE.finditer(text):
        if m.end() < len(text):
            yield m.end(), m.end()
    listed = _listed(text)
    for m in BULLET.finditer(text):
        if m.start() not in listed:
            yield m.start(), m.start()
            yield m.end(), m.end()
    for m in SOURCE_TAG.finditer(text):
        before, after = _line(text, m.start(), m.end())
        if before.strip() and before.rstrip()[-1] not in _ENDS and after.strip():
            continue  # a tag inside a sentence is the sentence's own
        yield m.start(), m.end()
        if after.strip():
            at = m.end() + len(after) - len(after.lstrip())
            yield at, at
    for m in RULE.finditer(text):
        yield m.start(), m.start()
        nxt = _SPACE.match(text, m.end())
        if nxt is not None and nxt.end() < len(text):
            yield nxt.end(), nxt.end()


def is_break(line: str) -> bool:
    """``line`` is only a news portal's section name or a rule: the line after it may be a heading."""
    return line.strip() in _SECTION_NAMES or RULE.fullmatch(line) is not None


def _line(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the line before ``start`` and after ``end``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:len(text) if line_end < 0 else line_end]


def _listed(text: str) -> set[int]:
    """Where the bullets start that are items of a list a lead-in line introduces ("The sanctions target:\n- three
    banks;"): the items complete its sentence. The lead-in is the last line before the bullet that is neither blank
    nor a bullet."""
    found: set[int] = set()
    lead = False
    for line in _LINES.finditer(text):
        if BULLET.match(text, line.start()):
            if lead:
                found.add(line.start())
        elif line.group().strip():
            lead = line.group().rstrip().endswith(":")
    return found
