"""The attribute ruler's rules looked up per distinct token instead of run through spaCy's token Matcher.

en_core_web_sm's ``attribute_ruler`` maps tags to coarse parts of speech, morphology and a few lemmas with some
190 rules. spaCy runs them through its general Matcher, which tests every predicate of every rule on every token:
on the bench corpus that cost as much as the parser. Every rule of the model is a conjunction of equality, IN,
NOT_IN or REGEX tests on TAG, LOWER, DEP or IS_SPACE, and all but a few span one token, so what a one-token rule
does to a token depends only on the token's (TAG, LOWER, DEP, IS_SPACE): it is worked out once per distinct
tuple and kept for the process in rows of an array, with whether the tuple passes the tests of each token of the
few two-token rules; those rules are then array comparisons over the Doc's rows, and the values the winners set are
taken from arrays by rule number. Later rules win per attribute, as in spaCy (its matches are sorted by rule number
and applied in turn), and every predicate reads the values from before the ruler ran.

``use_table`` keeps spaCy's component when a rule is not of these kinds; ``tests/test_nlp_attributes.py`` checks
both give the same arrays on real text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.language import Language

COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
BULK = ("POS", "MORPH", "LEMMA")  # set for every token at once through Doc.from_array
SINGLE = ("TAG", "DEP")  # set token by token: from_array would rebuild the parse from DEP alone
ATTRS = (*BULK, *SINGLE)
SEEN_LIMIT = 200_000  # distinct tokens whose outcome is kept
FIRST_ROWS = 1024  # rows of the outcome arrays before they first grow (doubling)


@dataclass(frozen=True)
class _Test:
    col: int
    op: str  # eq, in, not_in, regex
    value: Any

    def one(self, row: tuple[int, ...], strings: Any) -> bool:
        v = row[self.col]
        if self.op == "eq":
            return bool(v == self.value)
        if self.op == "in":
            return v in self.value
        if self.op == "not_in":
            return v not in self.value
        return self.value.search(strings[v]) is not None


@dataclass(frozen=True)
class _Rule:
    number: int
    patterns: tuple[tuple[tuple[_Test, ...], ...], ...]  # per pattern, per token: that token's tests
    index: int
    attrs: tuple[tuple[int, int], ...]  # (position in ATTRS, value)


@dataclass
class AttributeTable:
    """Compiled rules of one AttributeRuler, with the outcome of the one-token rules per distinct token."""

    single: list[_Rule]  # rules whose every pattern is one token
    multi: list[_Rule]
    values: list[dict[int, int]]  # rule number -> position in ATTRS -> value
    strings: Any
    by_tag: dict[int, list[_Rule]] = field(init=False, default_factory=dict)  # rules needing that TAG (no LOWER)
    any_tag: list[_Rule] = field(init=False, default_factory=list)  # one-token rules for any TAG
    by_lower: dict[int, list[_Rule]] = field(init=False, default_factory=dict)  # rules that need that LOWER
    seen: dict[tuple[int, ...], int] = field(default_factory=dict)  # token columns -> row of _won and _fit
    steps: list[tuple[_Test, ...]] = field(init=False)
    _won: Any = field(init=False, default=None)  # per row of the kept outcomes, the winner of each attribute
    _fit: Any = field(init=False, default=None)  # per row, whether a token of it passes each of ``steps``
    _values: list[Any] = field(init=False)  # per BULK attribute, its value by rule number (0: none)

    @classmethod
    def from_ruler(cls, ruler: Any) -> AttributeTable | None:
        """The table of ``ruler``, or None when it has a rule of another kind."""
        strings = ruler.vocab.strings
        positions = {strings[name]: n for n, name in enumerate(ATTRS)}  # attribute ids are their symbols
        single: list[_Rule] = []
        multi: list[_Rule] = []
        values: list[dict[int, int]] = []
        for number, rule in enumerate(ruler.patterns):
            attrs = ruler.attrs[number]
            if any(key not in positions for key in attrs):
                return None
            patterns = []
            for pattern in rule["patterns"]:
                tokens = []
                for token in pattern:
                    tests = [_test(key, value, strings) for key, value in token.items()]
                    if any(t is None for t in tests):
                        return None
                    tokens.append(tuple(t for t in tests if t is not None))
                patterns.append(tuple(tokens))
            compiled = _Rule(number, tuple(patterns), int(rule["index"]),
                             tuple((positions[k], int(v)) for k, v in attrs.items()))
            values.append(dict(compiled.attrs))
            (single if all(len(p) == 1 for p in patterns) else multi).append(compiled)
        return cls(single, multi, values, strings)

    def __post_init__(self) -> None:
        # the tests of each token of each pattern of the multi-token rules, in rule, pattern, token order
        self.steps = [tests for r in self.multi for p in r.patterns for tests in p]
        self._values = [np.array([v.get(p, 0) for v in self.values], dtype=np.uint64) for p in range(len(BULK))]
        # what of a token's outcome does not read its LOWER, kept per (TAG, DEP, IS_SPACE): few distinct keys
        self._lowerless: dict[tuple[int, int, int], tuple[tuple[int, ...], tuple[bool, ...]]] = {}
        self._step_by_lower: dict[int, list[int]] = {}  # steps with an equality test on LOWER, by its value
        self._steps_lowerless: list[int] = []
        self._steps_lower: list[int] = []  # the other steps that read LOWER
        for k, tests in enumerate(self.steps):
            equal = [t.value for t in tests if t.col == 1 and t.op == "eq"]
            if equal:
                self._step_by_lower.setdefault(equal[0], []).append(k)
            else:
                (self._steps_lower if _reads_lower(tests) else self._steps_lowerless).append(k)
        self._index()

    def _index(self) -> None:
        """Each one-token rule under its most selective equality test, so a token tries few rules."""
        for r in self.single:
            equal = {t.col: t.value for t in r.patterns[0][0] if t.op == "eq"} if len(r.patterns) == 1 else {}
            if 1 in equal:
                self.by_lower.setdefault(equal[1], []).append(r)
            elif 0 in equal:
                self.by_tag.setdefault(equal[0], []).append(r)
            else:
                self.any_tag.append(r)
        # per TAG, the one-token rules a token of that TAG tries (by_lower aside): those that read no LOWER, the others
        self._tag_rules: dict[int | None, tuple[list[_Rule], list[_Rule]]] = {}
        for tag in [*self.by_tag, None]:
            rules = [*self.by_tag.get(tag, ()), *self.any_tag] if tag is not None else self.any_tag
            self._tag_rules[tag] = ([r for r in rules if not _reads_lower(_tests(r))],
                                    [r for r in rules if _reads_lower(_tests(r))])

    def _winners(self, row: tuple[int, ...]) -> tuple[int, ...]:
        """Per attribute, the last one-token rule that sets it on a token with these columns (-1: none)."""
        return _won(row, [*self.by_tag.get(row[0], ()), *self.by_lower.get(row[1], ()), *self.any_tag], self.strings)

    def _fits(self, row: tuple[int, ...]) -> tuple[bool, ...]:
        """Per token of every multi-token pattern (``steps``), whether a token with these columns passes its
        tests."""
        return tuple(all(t.one(row, self.strings) for t in tests) for tests in self.steps)

    def _outcome(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[bool, ...]]:
        """``_winners`` and ``_fits`` of a row: the rules and steps that read no LOWER worked out once per
        (TAG, DEP, IS_SPACE), the others for the row (a winner is the highest-numbered rule that matches, so the
        two parts combine by maximum)."""
        lowerless, lower = self._tag_rules.get(row[0]) or self._tag_rules[None]
        key = (row[0], row[2], row[3])
        part = self._lowerless.get(key)
        if part is None:
            fits = [False] * len(self.steps)
            for k in self._steps_lowerless:
                fits[k] = all(t.one(row, self.strings) for t in self.steps[k])
            part = self._lowerless[key] = (_won(row, lowerless, self.strings), tuple(fits))
        won = _won(row, [*self.by_lower.get(row[1], ()), *lower], self.strings)
        fits = list(part[1])
        for k in (*self._step_by_lower.get(row[1], ()), *self._steps_lower):
            fits[k] = all(t.one(row, self.strings) for t in self.steps[k])
        return tuple(max(a, b) for a, b in zip(part[0], won, strict=True)), tuple(fits)

    def _ids(self, rows: list[tuple[int, ...]]) -> list[int]:
        """The number of each row's outcome in the kept tables, working out (and keeping) those not seen."""
        seen = self.seen
        if len(seen) > SEEN_LIMIT:  # a bound on memory over a long corpus; the common words come back at once
            seen.clear()
            self._lowerless.clear()
        get = seen.get
        ids = [get(row, -1) for row in rows]
        if -1 in ids:
            for k, row in enumerate(rows):
                if ids[k] < 0:
                    n = get(row, -1)
                    if n < 0:
                        n = seen[row] = len(seen)
                        self._keep(n, *self._outcome(row))
                    ids[k] = n
        return ids

    def _keep(self, n: int, won: tuple[int, ...], fits: tuple[bool, ...]) -> None:
        if n == 0 or n >= len(self._won):  # a fresh table (after a clear), or a full one: twice the room
            size = FIRST_ROWS if n == 0 else 2 * len(self._won)
            grown = np.full((size, len(ATTRS)), -1, dtype=np.int64)
            grown_fits = np.zeros((size, len(self.steps)), dtype=bool)
            if n:
                grown[:n] = self._won[:n]
                grown_fits[:n] = self._fit[:n]
            self._won, self._fit = grown, grown_fits
        self._won[n] = won
        self._fit[n] = fits

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if n == 0:
            return doc
        columns = doc.to_array(list(COLUMNS))
        ids = np.array(self._ids(list(map(tuple, columns.tolist()))), dtype=np.intp)
        winner = self._won[ids]  # a copy: the multi-token rules change it for this doc only
        if self.multi:
            fits = self._fit[ids]
            step = 0
            for rule in self.multi:
                step = self._apply_multi(rule, fits, step, winner)
        bulk = [name for p, name in enumerate(BULK) if (winner[:, p] >= 0).any()]
        if bulk:
            current = doc.to_array(bulk).reshape(n, len(bulk))
            for c, name in enumerate(bulk):
                p = BULK.index(name)
                column = winner[:, p]
                current[:, c] = np.where(column >= 0, self._values[p][column], current[:, c])
            doc.from_array(bulk, current)
        for name in SINGLE:
            p = ATTRS.index(name)
            for i in np.flatnonzero(winner[:, p] >= 0).tolist():
                setattr(doc[i], name.lower(), self.values[int(winner[i, p])][p])
        return doc

    def _apply_multi(self, rule: _Rule, fits: Any, step: int, winner: Any) -> int:
        """Raise the winners of the tokens ``rule`` sets to its number where one of its patterns matches;
        ``fits[:, step + k]`` says which tokens pass the tests of the pattern's k-th token. The next step."""
        n = len(fits)
        for pattern in rule.patterns:
            width = len(pattern)
            if width <= n:
                start = np.ones(n - width + 1, dtype=bool)
                for offset in range(width):
                    start &= fits[offset:offset + n - width + 1, step + offset]
                targets = np.flatnonzero(start) + (rule.index if rule.index >= 0 else width + rule.index)
                for position, _value in rule.attrs:
                    winner[targets, position] = np.maximum(winner[targets, position], rule.number)
            step += width
        return step


def _tests(rule: _Rule) -> list[_Test]:
    return [t for p in rule.patterns for tokens in p for t in tokens]


def _reads_lower(tests: Any) -> bool:
    return any(t.col == 1 for t in tests)


def _won(row: tuple[int, ...], rules: Any, strings: Any) -> tuple[int, ...]:
    """Per attribute, the highest number of the one-token ``rules`` that match the row and set it (-1: none)."""
    won = [-1] * len(ATTRS)
    for r in rules:
        if any(all(t.one(row, strings) for t in p[0]) for p in r.patterns):
            for position, _value in r.attrs:
                won[position] = max(won[position], r.number)
    return tuple(won)


def _test(key: str, value: Any, strings: Any) -> _Test | None:
    """One token predicate, or None when it is not one the table can express."""
    if key not in COLUMNS:
        return None
    col = COLUMNS.index(key)
    if key == "IS_SPACE":
        return _Test(col, "eq", int(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _Test(col, "eq", strings.add(value))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in {"IN", "NOT_IN"} and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        return _Test(col, op.lower(), frozenset(strings.add(a) for a in arg))
    if op == "REGEX" and isinstance(arg, str):
        return _Test(col, "regex", re.compile(arg))
    return None


@Language.factory("redline_attributes")
def make_attributes(nlp: Language, name: str) -> AttributeTable:
    """The table of the pipeline's ``attribute_ruler`` (added after it, which ``use_table`` then removes)."""
    table = AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler"))
    if table is None:
        raise ValueError("attribute_ruler has a rule the attribute table cannot express")
    return table


def use_table(nlp: Any) -> bool:
    """Replace ``attribute_ruler`` by its AttributeTable when every rule compiles; whether it did."""
    if "attribute_ruler" not in nlp.pipe_names or AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler")) is None:
        return False
    nlp.add_pipe("redline_attributes", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return True
