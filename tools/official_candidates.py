"""Count the persons named with an office in the news redline reads, 2016-2024, that no hand row of officials.csv
covers and the Phoenix dictionaries know with no term reaching 2016 or not at all: who to add next.

A candidate is a run of capitalised words after a role word ("President Emmanuel Macron", "Foreign Minister Wang
Yi", "Hezbollah leader Hassan Nasrallah", "spokesman Zabihullah Mujahid"); a candidate is ranked by how many texts
name it anywhere (the full name), in Wikipedia Current Events items and White House and Kremlin documents of
2016-2024. Gold documents are not read: who is added follows the corpus, not the errors.

Usage: python tools/official_candidates.py [--data /work/shared/data] [--top 400] [--min-role 3]
Prints: count (texts naming it), role count (texts naming it after a role word), name, the role words seen, and
whether Phoenix lists the name (with its last term's end).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST, LAST = "2016-01-01", "2024-12-31"

ROLE = (r"(?:President|Vice President|Prime Minister|Deputy Prime Minister|Chancellor|King|Crown Prince|Emir|"
        r"Sheikh|Supreme Leader|Foreign Minister|Defen[cs]e Minister|Interior Minister|Finance Minister|"
        r"Minister|Secretary of State|Secretary|Secretary-General|Secretary General|Ambassador|Envoy|envoy|"
        r"Speaker|spokesman|spokeswoman|spokesperson|Spokesman|leader|Leader|commander|Commander|General|Gen\.|"
        r"Chief of Staff|chief|Chief|Governor|Senator|Mayor|Premier|Chairman|chairman|head|Head|cleric|"
        r"Ayatollah|Marshal|Admiral|Colonel|Field Marshal|Minister of \w+(?: \w+)?)")
# One to four capitalised words (with particles such as al-, bin, de, von) after the role word
NAME = r"((?:(?:al-|el-|bin |ibn |de |da |von |van |der |le |la )?[A-Z][\w'\u00c0-\u024f-]+\.?\s?){2,4})"
PATTERN = re.compile(rf"\b{ROLE}\s+{NAME}")
NOT_NAME = {"Minister", "President", "Prime", "Foreign", "Defense", "Defence", "The", "Of", "And", "For", "In",
            "On", "Party", "Army", "Forces", "Council", "Ministry", "Government", "State", "States", "United",
            "Nations", "Republic", "Islamic", "National", "People", "Security", "General", "Staff", "Affairs",
            "Deputy", "Vice", "Chief", "Secretary", "Assembly", "Court", "Front", "Office", "Union", "Guard",
            "Russian", "Federation", "En", "Route", "Trade", "Education", "Protection", "Executive", "We"}


def texts(data: Path) -> Iterator[tuple[str, str]]:
    """(date, text) of every Current Events item and White House and Kremlin document of 2016-2024."""
    with gzip.open(data / "wcep" / "wcep_items_2002_2024.jsonl.gz", "rt") as f:
        for line in f:
            r = json.loads(line)
            if FIRST <= r["date"] <= LAST:
                yield r["date"], r["text"]
    with gzip.open(data / "whitehouse" / "wh_conflict_docs.jsonl.gz", "rt") as f:
        for line in f:
            r = json.loads(line)
            if FIRST <= r["date"] <= LAST:
                yield r["date"], r["title"] + "\n" + r["text"]
    with gzip.open(data / "kremlin" / "kremlin_en_pages.jsonl.gz", "rt") as f:
        for line in f:
            r = json.loads(line)
            if FIRST <= r["date"] <= LAST:
                yield r["date"], r["title"] + "\n" + "\n".join(r["paragraphs"])


def clean(name: str) -> str | None:
    """The name in a role match, trimmed of role and institution words and of a Kremlin caption's repeat
    ("Sergei Shoigu Shoigu Sergei" -> "Sergei Shoigu"); None when no name of two words is left."""
    words: list[str] = []
    for w in name.split():
        if w in words:
            break
        words.append(w)
    while words and words[-1].rstrip(".") in NOT_NAME | {"Jr", "Sr"}:
        words.pop()
    while words and words[0] in NOT_NAME:
        words.pop(0)
    if len(words) < 2 or any(w in NOT_NAME for w in words):
        return None
    name = " ".join(words)
    return name[:-2] if name.endswith("'s") else name


def key(name: str) -> str:
    """A name as compared with the officials' aliases: accents, case and hyphens aside."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded.lower().replace("-", " ")


def covered() -> tuple[set[str], dict[str, str]]:
    """The hand rows' aliases, and the Phoenix aliases with the end of their latest term."""
    hand: set[str] = set()
    with open(ROOT / "redline" / "data" / "officials.csv") as f:
        for r in csv.DictReader(f):
            hand.update(key(a) for a in r["aliases"].split("|"))
    listed: dict[str, str] = {}
    with open(ROOT / "redline" / "data" / "officials_phoenix.csv") as f:
        for r in csv.DictReader(f):
            ends = [t.split(":")[2] for t in r["terms"].split()]
            last = max(ends, default="")
            for a in [r["name"], *filter(None, r["aliases"].split("|"))]:
                listed[key(a)] = max(listed.get(key(a), ""), last)
    return hand, listed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--min-role", type=int, default=3)
    args = ap.parse_args()
    hand, listed = covered()
    after_role: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    corpus = list(texts(args.data))
    for _, text in corpus:
        seen = set()
        for m in PATTERN.finditer(text):
            name = clean(m.group(1))
            if name and name not in seen:
                seen.add(name)
                after_role[name] += 1
                roles[name][m.group(0)[: len(m.group(0)) - len(m.group(1))].strip()] += 1
    wanted = {n for n, c in after_role.items() if c >= args.min_role and key(n) not in hand
              and not (listed.get(key(n), "") >= FIRST)}
    # surnames of the hand rows: "Foreign Minister Sergey Lavrov" is covered by the row of "Sergei Lavrov"
    wanted = {n for n in wanted if not any(key(n).endswith(" " + h) and " " not in h for h in hand)}
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(wanted, key=len, reverse=True)) + r")\b")
    total: Counter[str] = Counter()
    for _, text in corpus:
        total.update(set(pattern.findall(text)))
    for name, n in sorted(total.items(), key=lambda x: -x[1])[: args.top]:
        phoenix = listed.get(key(name))
        where = "phoenix to " + (phoenix or "open") if phoenix is not None else "-"
        top_roles = ", ".join(r for r, _ in roles[name].most_common(3))
        print(f"{n}\t{after_role[name]}\t{name}\t{top_roles}\t{where}")


if __name__ == "__main__":
    main()
