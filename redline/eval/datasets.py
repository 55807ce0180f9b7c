"""Readers for the evaluation sets: sentence-level event sets (JSONL) and the article gold set (a folder).

Shapes read:
- PLOVER gold-standard records (``plover_gsr_dev.jsonl``): PLOVER types, CAMEO country codes (JAP, ROM...)
  normalised to ISO alpha-3, IGO/NGO kept as they are;
- petrarch2 unit-test records (``petrarch2_unittest.jsonl``): CAMEO codes compared through the
  CAMEO -> PLOVER table, fictional actors from ``petrarch2_validate_actors.txt`` beside the file;
- negative sets (``redline_no_event.jsonl``): the same JSONL shape with ``"expected_no_events": true`` and no
  expected events; only the false-event rate is scored on them;
- the article gold set (``tests/gold/``): one JSON file per article, described in its README.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from redline.errors import RedlineError
from redline.events.plover import normalize_cameo_country, plover_of

# PLOVER 2.0 type names in the gold records -> the PLOVER draft-0.8 types redline codes.
PLOVER_TYPE_ALIASES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# TABARI actor codes that stand for "unknown actor": no country to compare.
UNKNOWN_ACTORS = frozenset({"---", "+++", "###"})
# TABARI names match as word prefixes ("ERIADOR" also matches "Eriadorian"): the adjective endings tried.
DEMONYM_ENDINGS = ("", "i", "ian", "an", "n", "ese", "s")
GOLD_KINDS = ("entities", "events", "threats", "claims")


class DatasetError(RedlineError):
    """An evaluation set that cannot be read."""


@dataclass(frozen=True)
class ExpectedEvent:
    type: str  # PLOVER type (draft 0.8 names)
    source: str | None  # country-level code: ISO alpha-3, or an organisation code (IGO, NATO...)
    target: str | None


@dataclass(frozen=True)
class EventRecord:
    id: str
    text: str
    date: str | None
    expected: tuple[ExpectedEvent, ...]
    expects_none: bool  # the record asserts that the sentence holds no event


@dataclass(frozen=True)
class ExtraActor:
    alias: str
    code: str


@dataclass(frozen=True)
class EventSet:
    name: str
    digest: str
    records: tuple[EventRecord, ...]
    extra_actors: tuple[ExtraActor, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    id: str
    title: str
    text: str
    published: str | None
    must: dict[str, tuple[dict[str, Any], ...]]
    must_not: dict[str, tuple[dict[str, Any], ...]]


@dataclass(frozen=True)
class GoldSet:
    name: str
    digest: str
    articles: tuple[GoldArticle, ...]


def first_record(path: str | Path) -> dict[str, Any] | None:
    """The first non-blank record of a ``.jsonl`` file, read without the rest; None when there is none to read."""
    p = Path(path)
    if p.suffix != ".jsonl" or not p.is_file():
        return None
    with p.open(encoding="utf-8", errors="replace") as f:
        first = next((line for line in f if line.strip()), "")
    try:
        record = json.loads(first)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def read_dataset(path: str | Path) -> EventSet | GoldSet:
    """The evaluation set at ``path``: a folder is an article gold set, a .jsonl an event set."""
    p = Path(path)
    if p.is_dir():
        return read_gold(p)
    if not p.is_file():
        raise DatasetError(f"{p}: no such file or folder (give a .jsonl event set or a gold folder)")
    return read_events(p)


def read_events(path: Path) -> EventSet:
    """A sentence-level event set in the PLOVER or petrarch2 JSONL shape."""
    raw = path.read_bytes()
    records: list[EventRecord] = []
    petrarch = False
    for n, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if str(item.get("dataset", "")).startswith("petrarch"):
                petrarch = True
            if item.get("expected_error"):
                continue  # petrarch2 harness cases (dateline, parse failure, discard flag), not event semantics
            records.append(_event_record(item))
        except (ValueError, KeyError, TypeError) as e:
            raise DatasetError(f"{path}:{n}: not an event record ({e}; see docs/cli.md, redline eval)") from None
    if not records:
        raise DatasetError(f"{path}: no records (expected JSON lines with text and expected_events)")
    digest = hashlib.sha256(raw)
    extra: tuple[ExtraActor, ...] = ()
    actors = path.with_name("petrarch2_validate_actors.txt")
    if petrarch and actors.is_file():
        data = actors.read_bytes()
        digest.update(data)
        extra = tuple(read_tabari_actors(data.decode("utf-8", errors="replace")))
    return EventSet(path.stem, digest.hexdigest()[:16], tuple(records), extra)


def _event_record(item: dict[str, Any]) -> EventRecord:
    cameo = str(item.get("dataset", "")).startswith("petrarch")
    expected = []
    for e in item.get("expected_events") or []:
        if cameo:
            try:
                ptype = plover_of(str(e["code"]))[0]
            except KeyError:
                continue  # codes outside CAMEO 1.1 (petrarch2's test-only 224) cannot be compared
        else:
            ptype = PLOVER_TYPE_ALIASES.get(e["code"], e["code"])
        expected.append(ExpectedEvent(ptype, gold_actor(e.get("source")), gold_actor(e.get("target"))))
    none = bool(item.get("expected_no_events")) or not item.get("expected_events")
    return EventRecord(str(item["id"]), str(item["text"]), item.get("date"), tuple(expected), none)


def gold_actor(code: str | None) -> str | None:
    """Country level of a gold actor code: "JAPGOV" -> "JPN", "RUS-MIL" -> "RUS", "IGO" stays."""
    if not code:
        return None
    code = code.strip().upper()
    if code in {"IGO", "NGO", "IMG", "MNC"}:
        return code
    head = code.split("-")[0][:3]
    if head in UNKNOWN_ACTORS:
        return None
    return normalize_cameo_country(head)


def read_tabari_actors(text: str) -> list[ExtraActor]:
    """Names and codes of a TABARI actor dictionary ("GONDOR [GON]", "+MINAS_TIRITH"); undated code, else the last."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out: list[ExtraActor] = []
    names: list[str] = []
    codes: list[str] = []

    def flush() -> None:
        code = next((c for c in codes if not re.search(r"[<>]", c)), codes[-1] if codes else "")
        code = re.sub(r"\s.*", "", code.split("/")[0]).upper()
        if len(code) > 3:
            code = f"{code[:3]}-{code[3:]}"  # redline writes the sector after a hyphen: GONGOV -> GON-GOV
        if code and code[:3] not in UNKNOWN_ACTORS:
            for name in names:
                out.extend(ExtraActor(alias, code) for alias in _aliases(name))

    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        found = re.findall(r"\[([^\]]*)\]", body)
        name = re.sub(r"\[[^\]]*\]|\{[^}]*\}", "", body).strip()
        if body[:1] in " \t" and not name:
            codes.extend(found)
            continue
        if name.startswith("+"):
            names.append(name[1:].strip())
            codes.extend(found)
            continue
        if names:
            flush()
        names, codes = ([name] if name else []), list(found)
    if names:
        flush()
    return out


def _aliases(name: str) -> list[str]:
    exact = name.endswith("_")
    words = name.strip("_").replace("_", " ").split()
    if not words:
        return []
    base = " ".join(w.capitalize() if not re.search(r"[.\-]", w) else w for w in words)
    if exact or len(words) > 1:
        return [base]
    return [base + ending for ending in DEMONYM_ENDINGS]


def read_gold(folder: Path) -> GoldSet:
    """The article gold set: every ``*.json`` in ``folder``, articles taken from the packaged sample corpus."""
    files = sorted(folder.glob("*.json"))
    if not files:
        raise DatasetError(f"{folder}: no *.json gold files (see tests/gold/README.md for the format)")
    digest = hashlib.sha256()
    articles = []
    for f in files:
        data = f.read_bytes()
        digest.update(f.name.encode() + b"\0" + data)
        try:
            item = json.loads(data)
            article = _sample_article(str(item["article"]))
            must = {k: tuple(item.get("must", {}).get(k, ())) for k in GOLD_KINDS}
            must_not = {k: tuple(item.get("must_not", {}).get(k, ())) for k in GOLD_KINDS}
        except (ValueError, KeyError, TypeError) as e:
            raise DatasetError(f"{f}: not a gold article ({e}; see tests/gold/README.md)") from None
        digest.update(article["text"].encode())
        articles.append(GoldArticle(str(item["article"]), article["title"], article["text"],
                                    item.get("published") or article.get("published"), must, must_not))
    return GoldSet(folder.name, digest.hexdigest()[:16], tuple(articles))


def _sample_article(ref: str) -> dict[str, Any]:
    """A packaged sample article by reference: "voa_articles.jsonl#voa-8010694" or "ukraine-1000th-day.txt"."""
    name, _, record_id = ref.partition("#")
    text = resources.files("redline").joinpath("data", "sample", name).read_text("utf-8")
    if not record_id:
        title, _, body = text.partition("\n")
        published = re.search(r"\d{4}-\d{2}-\d{2}", name)
        return {"title": title.strip(), "text": body.strip(), "published": published and published.group()}
    for line in text.splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec.get("id") == record_id:
                published = rec.get("published") or rec.get("date")
                return {"title": rec["title"], "text": rec["text"], "published": published}
    raise KeyError(f"no record {record_id!r} in {name}")
