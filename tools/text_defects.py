"""Count the text defects that break sentences before any rule runs, in the shared corpora, and how many of them
still reach the parser inside a sentence.

    nice -n 5 python tools/text_defects.py ../shared/data            # counts in the text, and a parsed sample
    nice -n 5 python tools/text_defects.py ../shared/data --sample 0 # counts in the text only

For each corpus (Wikipedia Current Events items and day pages, White House pages, Kremlin pages, VOA stories) and
each kind of defect, ``items`` is the number of documents holding one and ``marks`` the number of defects;
``parsed`` the defects of a fixed sample (the first ``--sample`` documents of each kind, in a stable hashed order)
run through redline's sentence bounds and spaCy, and ``inside`` those of them still inside a sentence with other
words (a citation in its report's sentence, a heading in the sentence after it, a bullet before its item's words).
Run it from another checkout (``PYTHONPATH=/path/to/checkout``) to compare two versions of the sentence bounds.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

# A defect: the character span of the mark, and the character where the words it must not join begin (or end).
Finder = Callable[[str], Iterator[tuple[int, int]]]

_CITE = r"\([A-Za-z0-9][^()\n]{0,80}\)"
CITATION = re.compile(rf"(?<=\S)[ \t]*((?:{_CITE}[ \t]*)+)$", re.MULTILINE)
GLUED = re.compile(r"(?<=[.!?\"\u201d])\((?=[A-Z])")
GLUED_RUN = re.compile(r"(?<=\))\((?=[A-Z])")
TOKEN_ONLY = -2  # a mark whose defect is only to be glued into a token
SECTIONS = ("Armed conflicts and attacks", "Armed conflict and attacks", "Arts and culture", "Business and economy",
            "Business and economics", "Disasters and accidents", "Health and environment", "International relations",
            "Law and crime", "Politics and elections", "Science and technology")
TOPIC = re.compile(r"^([A-Z0-9][^\n:.!?\"\u201c\u201d]{2,80}?(?<=[A-Za-z)])):[ \t]+(?=[A-Z0-9])", re.MULTILINE)
SOURCE_TAG = re.compile(r"\\?\[[A-Z][^\]\n]{0,60}?,?[ \t]+\d{1,2}/\d{1,2}/\d{2,4}\\?\]")
BULLET = re.compile(r"^[ \t]*[-*\u2022][ \t]+(?=[A-Za-z])", re.MULTILINE)
MD_ESCAPE = re.compile(r"\\[\[\]_*.#()!-]")
SPACED_LABEL = re.compile(r"^[A-Z][\w.'\u2019-]*(?:[ \t]+[\w.'\u2019-]+){0,12}[ \t]:[ \t]+(?=\S)", re.MULTILINE)
NAME_TAG = re.compile(r"\b([A-Z][a-z]+)[ \t]+\1[ \t]+[A-Z][a-z]+\b")
DATELINE = re.compile(r"\A[A-Z][A-Z .'-]{2,40}(?:,[ \t]*[A-Z][A-Za-z .]{1,30})?[ \t]*[\u2014\u2013-][ \t]+")


def citations(text: str) -> Iterator[tuple[int, int]]:
    """Each citation run that ends a line: it must not share a sentence with the report before it."""
    for m in CITATION.finditer(text):
        yield m.start(1), m.start(1)


def glued_citations(text: str) -> Iterator[tuple[int, int]]:
    """A citation glued to the sentence end before it: ".(Reuters)"."""
    for m in GLUED.finditer(text):
        yield m.start(), m.start()


def glued_runs(text: str) -> Iterator[tuple[int, int]]:
    """A citation glued to the citation before it: "(AP)(BBC)" (a defect when one token holds both)."""
    for m in GLUED_RUN.finditer(text):
        yield m.start(), TOKEN_ONLY


def topics(text: str) -> Iterator[tuple[int, int]]:
    """A topic heading before a colon that opens an item: the report after it starts a sentence."""
    for m in TOPIC.finditer(text):
        yield m.start(1), m.end()


def source_tags(text: str) -> Iterator[tuple[int, int]]:
    for m in SOURCE_TAG.finditer(text):
        yield m.start(), m.start()


def bullets(text: str) -> Iterator[tuple[int, int]]:
    for m in BULLET.finditer(text):
        yield m.start(), m.end()


def spaced_labels(text: str) -> Iterator[tuple[int, int]]:
    for m in SPACED_LABEL.finditer(text):
        yield m.start(), m.end()


def headings(text: str) -> Iterator[tuple[int, int]]:
    """Marked by the day-page builder: a heading line, whose next line must start a sentence."""
    for m in re.finditer(r"^\u2063([^\n]*)\n(?=\S)", text, re.MULTILINE):
        yield m.start(1), m.end()


def section_glued(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"^\u2064(" + "|".join(map(re.escape, SECTIONS)) + r") ", text, re.MULTILINE):
        yield m.start(1), m.end()


def text_only(pattern: re.Pattern[str]) -> Finder:
    """A defect counted in the text only (the sentence bounds do not touch it)."""
    def find(text: str) -> Iterator[tuple[int, int]]:
        for m in pattern.finditer(text):
            yield m.start(), -1
    return find


@dataclass
class Kind:
    corpus: str
    name: str
    find: Finder
    items: int = 0
    marks: int = 0
    sample: list[str] = field(default_factory=list)
    parsed: int = 0
    inside: int = 0


def wcep_items(data: Path) -> Iterator[str]:
    with gzip.open(data / "wcep" / "wcep_items_2002_2024.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def wcep_pages(data: Path, glue: bool) -> Iterator[str]:
    """Day pages as pasted from the portal: each section's name on a line, then its items, topic headings
    (``is_event`` false) on lines of their own. Heading lines are marked for the finder by U+2063 (removed before
    parsing); ``glue`` pastes each section's name and its first line onto one line instead, marked by U+2064."""
    with gzip.open(data / "wcep" / "wcep_items_2002_2024.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for _day, day_rows in groupby(rows, key=lambda r: r["date"]):
        lines: list[str] = []
        for category, group in groupby(day_rows, key=lambda r: r["category"]):
            if category not in SECTIONS:
                continue
            items = [r["text"] if r["is_event"] else "\u2063" + r["text"] for r in group]
            if glue:
                lines += [f"\u2064{category} {items[0].lstrip(chr(0x2063))}", *items[1:]]
            else:
                lines += [f"\u2063{category}", *items]
        if lines:
            yield "\n".join(lines)


def whitehouse(data: Path) -> Iterator[str]:
    with gzip.open(data / "whitehouse" / "wh_conflict_docs.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def kremlin(data: Path) -> Iterator[str]:
    with gzip.open(data / "kremlin" / "kremlin_en_pages.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            yield "\n".join(json.loads(line).get("paragraphs") or [])


def voa(data: Path) -> Iterator[str]:
    for name in ("voa_articles_dev.jsonl", "voa_more.jsonl"):
        with open(data / name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)["text"]


def corpora(data: Path) -> list[tuple[str, Callable[[], Iterator[str]], list[tuple[str, Finder]]]]:
    return [
        ("wcep items", lambda: wcep_items(data), [("citation at line end", citations),
                                                  ("citation glued to a stop (no space)", glued_citations),
                                                  ("citation glued to a citation", glued_runs),
                                                  ("topic heading before a colon", topics)]),
        ("wcep day pages", lambda: wcep_pages(data, glue=False), [("heading line before a report", headings)]),
        ("wcep pages, no line breaks", lambda: wcep_pages(data, glue=True),
         [("section name glued to a report", section_glued)]),
        ("whitehouse", lambda: whitehouse(data), [("source tag [Statement, 1/26/24]", source_tags),
                                                  ("list bullet", bullets),
                                                  ("Markdown escape (text)", text_only(MD_ESCAPE))]),
        ("kremlin", lambda: kremlin(data), [("speaker label with a space before the colon", spaced_labels),
                                            ("repeated name tag (text)", text_only(NAME_TAG)),
                                            ("list bullet", bullets)]),
        ("voa", lambda: voa(data), [("dateline (text)", text_only(DATELINE))]),
    ]


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def survey(data: Path, sample: int) -> list[Kind]:
    kinds: list[Kind] = []
    for corpus, read, finders in corpora(data):
        own = [Kind(corpus, name, find) for name, find in finders]
        best: dict[str, list[tuple[str, str]]] = {k.name: [] for k in own}
        for text in read():
            for kind in own:
                found = list(kind.find(text))
                if found:
                    kind.items += 1
                    kind.marks += len(found)
                    if sample and found[0][1] != -1:
                        best[kind.name].append((_key(text), text))
        for kind in own:
            kind.sample = [t for _k, t in sorted(best[kind.name])[:sample]]
        kinds += own
    return kinds


def inside(doc: Any, start: int, end: int) -> bool:
    """The mark at character ``start`` shares a sentence with words beyond it: the words that start at ``end``
    (a heading, a label, a bullet) or, when ``end == start``, the words before it (a citation, a tag); when
    ``end == TOKEN_ONLY``, the mark is glued into a token with the character before it."""
    if end in (start, TOKEN_ONLY):
        tok = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
        if tok is None:
            return False
        if tok.idx != start:
            return True  # glued into a token
        if end == TOKEN_ONLY:
            return False
        return any(not t.is_space for t in doc[tok.sent.start:tok.i])
    first = next((t for t in doc if t.idx >= end and not t.is_space), None)
    return first is not None and first.sent.start_char <= start


def parse_samples(kinds: list[Kind]) -> None:
    from redline.nlp.chunks import parse
    from redline.nlp.load import load_pipeline
    from redline.settings import Settings

    nlp = load_pipeline(Settings())
    for kind in kinds:
        for text in kind.sample:
            clean = text.replace("\u2063", "").replace("\u2064", "")
            marks = [(_shift(text, a), b if b == TOKEN_ONLY else _shift(text, b)) for a, b in kind.find(text)]
            doc = parse(nlp, clean)
            for a, b in marks:
                kind.parsed += 1
                kind.inside += inside(doc, a, b)


def _shift(text: str, at: int) -> int:
    """Character ``at`` of ``text`` once the U+2063 / U+2064 markers are removed."""
    return at - text.count("\u2063", 0, at) - text.count("\u2064", 0, at)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the shared data folder (wcep/, whitehouse/, kremlin/, voa_*.jsonl)")
    parser.add_argument("--sample", type=int, default=100, help="documents of each kind to parse (0: none)")
    parser.add_argument("--json", action="store_true", help="one JSON object per kind")
    args = parser.parse_args(argv)
    kinds = survey(args.data, args.sample)
    if args.sample:
        parse_samples(kinds)
    for k in kinds:
        row = {"corpus": k.corpus, "defect": k.name, "items": k.items, "marks": k.marks, "parsed": k.parsed,
               "inside": k.inside}
        if args.json:
            print(json.dumps(row))
        else:
            share = f"{k.inside}/{k.parsed}" if k.parsed else "-"
            print(f"{k.corpus:28} {k.name:46} items {k.items:7}  marks {k.marks:7}  inside a sentence {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
