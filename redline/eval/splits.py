"""The fixed tune / validation halves of an evaluation set.

A set that rules are fitted to is split once, by a rule blind to its content: the SHA-256 of the record id,
read as a hexadecimal integer, even for *tune* and odd for *validation*. Records with the same text (the PLOVER
records repeat four sentences under two codes) go together, to the half of the smallest id among them, so a
validation sentence is never also a tune sentence. The halves are stored beside the set
(``realnews.jsonl`` -> ``realnews_split.json``) so that the split is part of the data under review; reading it
checks that it covers the set exactly and follows the rule, so no record can move between halves unnoticed.
Rules are written from tune errors; validation only accepts or rejects a change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from redline.errors import RedlineError

HALVES = ("tune", "validation")
RULE = ("sha256(id as UTF-8) read as a hexadecimal integer: even -> tune, odd -> validation; records with the "
        "same text follow the smallest id among them")


class SplitError(RedlineError):
    """A split file that does not match its set or its rule."""


@dataclass(frozen=True)
class Split:
    tune: frozenset[str]
    validation: frozenset[str]
    digest: str  # of the split file, folded into each half's digest

    def ids(self, half: str) -> frozenset[str]:
        return self.tune if half == "tune" else self.validation


def half_of(record_id: str) -> str:
    """The half a record id belongs to under the fixed rule."""
    return HALVES[int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % 2]


def split_path(dataset: Path) -> Path:
    """Where the split of ``dataset`` lives: ``<stem>_split.json`` beside it."""
    return dataset.with_name(f"{dataset.stem}_split.json")


def halves_of(records: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The half of each record of ``records`` ((id, text) pairs): its id's, or that of the smallest id with the
    same text."""
    pairs = list(records)
    first: dict[str, str] = {}
    for rid, text in sorted(pairs):
        first.setdefault(text, rid)
    return {rid: half_of(first[text]) for rid, text in pairs}


def make_split(name: str, records: Iterable[tuple[str, str]]) -> dict[str, object]:
    """The split file's content for a set of (id, text) ``records`` (used once, when a set is created)."""
    halves = halves_of(records)
    return {"dataset": name, "rule": RULE,
            **{half: sorted(i for i, h in halves.items() if h == half) for half in HALVES}}


def read_split(path: Path, records: Iterable[tuple[str, str]]) -> Split:
    """The split at ``path``, checked against the set's (id, text) ``records`` and against the rule."""
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
        halves = {h: frozenset(str(i) for i in data[h]) for h in HALVES}
    except (ValueError, KeyError, TypeError) as e:
        raise SplitError(f"{path}: not a split file ({e}; expected 'tune' and 'validation' id lists)") from None
    rule = halves_of(records)
    wanted = set(rule)
    listed = halves["tune"] | halves["validation"]
    if halves["tune"] & halves["validation"]:
        raise SplitError(f"{path}: {len(halves['tune'] & halves['validation'])} ids are in both halves")
    if listed != wanted:
        missing, extra = sorted(wanted - listed), sorted(listed - wanted)
        raise SplitError(f"{path}: the split does not cover its set ({len(missing)} records not in a half, e.g. "
                         f"{missing[:3]}; {len(extra)} unknown ids, e.g. {extra[:3]})")
    moved = sorted(i for h in HALVES for i in halves[h] if rule[i] != h)
    if moved:
        raise SplitError(f"{path}: {len(moved)} ids are not in the half the rule puts them in (e.g. {moved[:3]}); "
                         f"the split is fixed: {RULE}")
    return Split(halves["tune"], halves["validation"], hashlib.sha256(raw).hexdigest()[:16])
