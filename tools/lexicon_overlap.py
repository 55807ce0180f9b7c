"""Word lists written more than once: every module-level set, frozenset, tuple or list of words in
``redline/events``, ``redline/assess`` and ``redline/nlp``, and the words two lists of different modules both
write, grouped by concept.

    python tools/lexicon_overlap.py           # the lists that mean one concept and write the same words twice
    python tools/lexicon_overlap.py --area redline/events/vocab.py ...   # only pairs with a list in these files

A list is a literal of strings (``{"a", "b"}``, ``frozenset({...})``, ``("a", "b")``), or a union or difference of
such literals and of lists of this or an imported module (``A | {"c"}``, ``A - {"b"}``). The words a list *writes*
are those of its own literals; a list built from another one shares that one's words without writing them again.
Two lists *overlap* when they both write a word; they mean *one concept* when the smaller is mostly inside the
larger (at least half its words, and two or more) and the two are of a like size (the shared words at least a
fifth of both together, so that a long list of sayers does not join every short list of one kind of sayer). A
concept is a set of lists joined by such pairs: the duplicates a lexicon module should hold once.
"""

from __future__ import annotations

import argparse
import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("redline/events", "redline/assess", "redline/nlp")
SAME_CONCEPT = 0.5  # the share of the smaller list's words the larger must hold
LIKE_SIZE = 0.2  # the share of both lists' words together that they must share


@dataclass(frozen=True)
class WordList:
    module: str
    name: str
    line: int
    words: frozenset[str]  # every word of the list
    written: frozenset[str]  # the words its own literals write

    @property
    def label(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass
class _Module:
    name: str
    path: Path
    imports: dict[str, str]  # local name -> "module.NAME"
    assigned: dict[str, tuple[int, ast.expr]]


def _modules(root: Path) -> dict[str, _Module]:
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).glob("*.py")):
            name = path.relative_to(root).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
            imports, assigned = {}, {}
            for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(stmt, ast.ImportFrom) and stmt.module and stmt.level == 0:
                    imports.update({a.asname or a.name: f"{stmt.module}.{a.name}" for a in stmt.names})
                elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                    assigned[stmt.targets[0].id] = (stmt.lineno, stmt.value)
                elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None and isinstance(stmt.target, ast.Name):
                    assigned[stmt.target.id] = (stmt.lineno, stmt.value)
            found[name] = _Module(name, path, imports, assigned)
    return found


class _Reader:
    """Reads the words of the lists, following names into this and imported modules."""

    def __init__(self, modules: dict[str, _Module]) -> None:
        self.modules = modules
        self.memo: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}

    def named(self, module: _Module, name: str) -> tuple[frozenset[str], frozenset[str]] | None:
        """(every word, the words it writes) of a module's name, or None when it is no word list."""
        if name in module.imports:
            owner, _, attr = module.imports[name].rpartition(".")
            other = self.modules.get(owner)
            found = self.named(other, attr) if other is not None and other is not module else None
            return (found[0], frozenset()) if found is not None else None  # imported: written elsewhere
        key = f"{module.name}.{name}"
        if key not in self.memo:
            self.memo[key] = None  # a cycle reads as no list
            if name in module.assigned:
                self.memo[key] = self.words(module, module.assigned[name][1])
        return self.memo[key]

    def words(self, module: _Module, node: ast.expr) -> tuple[frozenset[str], frozenset[str]] | None:
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            if node.elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                words = frozenset(str(e.value) for e in node.elts if isinstance(e, ast.Constant))
                return words, words
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {
                "frozenset", "set", "tuple", "list"} and len(node.args) == 1 and not node.keywords:
            return self.words(module, node.args[0])
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Sub)):
            left, right = self.words(module, node.left), self.words(module, node.right)
            if left is None or right is None:
                return None
            if isinstance(node.op, ast.Sub):
                return left[0] - right[0], left[1] - right[0]
            return left[0] | right[0], left[1] | right[1]
        if isinstance(node, ast.Name):
            found = self.named(module, node.id)
            return (found[0], frozenset()) if found is not None else None  # a name: its words are written there
        return None


def word_lists(root: Path = ROOT) -> list[WordList]:
    """Every module-level word list of the packages (two words or more), in file order."""
    modules = _modules(root)
    reader = _Reader(modules)
    found = []
    for module in modules.values():
        for name, (line, _) in module.assigned.items():
            read = reader.named(module, name)
            if read is not None and len(read[0]) > 1:
                found.append(WordList(module.name, name, line, read[0], read[1]))
    return found


def overlaps(lists: list[WordList]) -> list[tuple[WordList, WordList, frozenset[str]]]:
    """Pairs of lists that write the same words."""
    pairs = []
    for i, a in enumerate(lists):
        for b in lists[i + 1:]:
            shared = a.written & b.written
            if shared:
                pairs.append((a, b, shared))
    return pairs


def one_concept(a: WordList, b: WordList, shared: frozenset[str]) -> bool:
    """The two lists mean one concept: the smaller is mostly inside the larger, and they are of a like size."""
    return (len(shared) >= 2 and len(shared) >= SAME_CONCEPT * min(len(a.words), len(b.words))
            and len(shared) >= LIKE_SIZE * len(a.words | b.words))


def concepts(pairs: list[tuple[WordList, WordList, frozenset[str]]]) -> list[list[WordList]]:
    """Groups of lists joined by one-concept pairs, the largest first."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    members: dict[str, WordList] = {}
    for a, b, shared in pairs:
        if one_concept(a, b, shared):
            members[a.label], members[b.label] = a, b
            parent[find(a.label)] = find(b.label)
    groups: dict[str, list[WordList]] = {}
    for label, wl in members.items():
        groups.setdefault(find(label), []).append(wl)
    return sorted(groups.values(), key=lambda g: (-len(g), sorted(w.label for w in g)))


def _module_of(path: str) -> str:
    return Path(path).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--area", nargs="*", default=[], help="only pairs with a list in these files")
    args = parser.parse_args(argv)
    lists = word_lists()
    pairs = overlaps(lists)
    if args.area:
        area = {_module_of(p) for p in args.area}
        pairs = [(a, b, s) for a, b, s in pairs if a.module in area or b.module in area]
    groups = concepts(pairs)
    for n, group in enumerate(groups, start=1):
        print(f"concept {n}: {len(group)} lists")
        for wl in sorted(group, key=lambda w: w.label):
            print(f"  {wl.label}:{wl.line} ({len(wl.words)} words)")
        labels = {wl.label for wl in group}
        for a, b, shared in pairs:
            if a.label in labels and b.label in labels and one_concept(a, b, shared):
                print(f"    {a.name} & {b.name}: {', '.join(sorted(shared))}")
    overlapping = {wl.label for a, b, _ in pairs for wl in (a, b)}
    print(f"{len(lists)} word lists in {len({wl.module for wl in lists})} modules; {len(overlapping)} write a word "
          f"another list writes ({len(pairs)} pairs); {sum(len(g) for g in groups)} lists in {len(groups)} concepts "
          f"written more than once")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
