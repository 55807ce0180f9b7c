"""Build redline/data/officials_phoenix.csv from the persons of the Phoenix actor dictionaries.

The dictionaries (Open Event Data Alliance 2014, MIT; TABARI format) list thousands of office holders with
date-bounded CAMEO codes up to early 2014:

    GEORGIOS_ANDREAS_PAPANDREOU_  # CountryInfo.txt
    +GEORGE_PAPANDREOU
        [GRCGOV 20091006-20111111]

An entry is a name line (``NAME_``, optionally with its code in brackets on the same line), ``+ALIAS`` lines and
indented ``[CODE date-date]`` role lines; dates are ``YYMMDD`` (two-digit years) or ``YYYYMMDD``, ``>date`` an open
end, ``<date`` an open start, a code without dates a default; ``#`` starts a comment. Only persons are kept: an
entry marked ``# CountryInfo.txt`` (the leader lists) or one whose roles carry dates and a sector, and that is not a
country, place or institution (a bare country code, an ``UNR``/``OCC`` state, a name with an institution word).
Each kept role becomes one row in the format of ``officials.csv`` (one row per term); names are title-cased with
underscores as spaces and accents folded, leading titles ("PRESIDENT_", "GEN._") are stripped from aliases.
Persons whose name a hand row of ``officials.csv`` lists are left out: the hand rows win.

Usage: python tools/build_officials.py [--phoenix /work/shared/data/phoenix] [--out redline/data/officials_phoenix.csv]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
SOURCE = "Phoenix {file}"
# Persons whose every dated term ended before this are left out: redline reads news from 2000 on
CUTOFF = "1990-01-01"
# CAMEO country codes the dictionaries use that are not ISO 3166 alpha-3 today
COUNTRY_MAP = {"TMP": "TLS", "KSV": "XKX", "USR": "RUS", "SUN": "RUS", "DDR": "DEU", "CSK": "CZE", "YUG": "SRB",
               "FRY": "SRB", "SCG": "SRB", "SRP": "BIH", "KRJ": "HRV"}
SKIP_COUNTRIES = frozenset({"KNT", "IMG", "FRN"})  # Kinakuta is the dictionaries' test country
# Phoenix IGO codes -> the codes of redline/data/actors.csv (longest prefix wins); other IGOs are left out
IGO_MAP = {"IGOUNOIAE": "IAEA", "IGOUNOHLHWHO": "WHO", "IGOUNOLABILO": "ILO", "IGOUNOREFHCR": "UNHCR",
           "IGOUNOKID": "UNICEF", "IGOUNODEVWBK": "WB", "IGOUNOJUDICJ": "ICJ", "IGOBUSIMF": "IMF", "IGOBUSOPC": "OPEC",
           "IGOJUDICC": "ICC", "IGOWSTNAT": "NATO", "IGOAFRAFU": "AU", "IGOSEAASN": "ASEAN", "IGOMEAARL": "ARL",
           "IGOWAFWAS": "ECOWAS", "IGOUNO": "UN", "IGOEUREEC": "EU", "IGOEUR": "EU"}
SECTOR_ROLES = {"GOV": "government", "MIL": "military", "JUD": "judiciary", "LEG": "legislature", "ELI": "elite",
                "OPP": "opposition", "REB": "rebel", "INS": "insurgent", "COP": "police", "SPY": "intelligence",
                "BUS": "business", "MED": "media", "EDU": "education", "HLH": "health", "ENV": "environment",
                "LAB": "labour", "AGR": "agriculture", "HRI": "human rights", "DEV": "development",
                "REL": "religious", "REF": "refugees", "CVL": "civilian"}
# sectors whose holder stands for the state (GOVBUS, the business minister, is government)
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})
NOT_PERSON_SECTORS = frozenset({"UNR", "OCC", "AUT", "IGO"})
INSTITUTION_WORDS = frozenset({
    "ASSEMBLY", "PARLIAMENT", "REPUBLIC", "KURDISTAN", "ARMY", "PARTY", "COUNCIL", "FRONT", "MOVEMENT", "MINISTRY",
    "GOVERNMENT", "COURT", "COMMISSION", "UNION", "ORGANIZATION", "ORGANISATION", "FORCES", "COMMITTEE", "BANK",
    "AGENCY", "OFFICE", "CITY", "PROVINCE", "ISLANDS", "STATE", "STATES", "KINGDOM", "SENATE", "CONGRESS", "POLICE",
    "GUARD", "BRIGADE", "BRIGADES", "DEPARTMENT", "FUND", "PROGRAMME", "PROGRAM", "INITIATIVE", "UNIVERSITY",
    "NATIONS", "EMBASSY", "MISSION", "CONTINGENT", "PEACEKEEPER", "PEACEKEEPERS", "TROOPS", "SOLDIERS",
    "VOLKSKAMMER", "BUNDESTAG", "KNESSET", "DUMA", "CABINET", "MINISTER", "INSTITUTE",
})
# Leading words of an alias that are a title, not part of the name
TITLES = frozenset({
    "PRESIDENT", "PRIME", "MINISTER", "GEN.", "GENERAL", "SHEIKH", "SHEIK", "SECRETARY-GENERAL", "SECRETARY",
    "KING", "QUEEN", "PRINCE", "EMIR", "AYATOLLAH", "HOJATOLISLAM", "DR.", "MR.", "MRS.", "MS.", "COL.", "COLONEL",
    "LT.", "MAJ.", "CAPT.", "ADM.", "ADMIRAL", "MARSHAL", "FIELD", "CHANCELLOR", "PREMIER", "SULTAN", "UN",
    "U.N.", "UNITED", "NATIONS", "ASSEMBLY", "LEADER", "ACTING", "FORMER", "SENATOR", "SEN.", "REP.", "GOVERNOR",
    "VICE", "DEPUTY", "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "CHIEF", "JUSTICE", "CROWN", "SIR", "LORD",
    "PRES.", "GEN", "DR", "MR", "MRS", "MS",
})
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "del", "della", "der", "den",
                       "van", "von", "dos", "das", "do", "la", "le", "y", "e", "ul", "ud", "ben"})
CODE_RE = re.compile(r"\[([^\]]*)\]")
DATE_RE = re.compile(r"^(\d{6}|\d{8})$")
HEADER = ("name", "aliases", "country", "terms", "source")


@dataclass
class Entry:
    head: str
    file: str
    marked: bool  # "# CountryInfo.txt": a person of the leader lists
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # the bracket contents, comments removed


def fold(text: str) -> str:
    """Accents off: "Gusmão" -> "Gusmao" (letters with no ASCII base are kept)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def entries(path: Path) -> Iterator[Entry]:
    """The entries of one dictionary file, in order."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    current: Entry | None = None
    for raw in text.splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        codes = CODE_RE.findall(line)
        words = CODE_RE.sub(" ", line).strip()
        if raw[:1] in (" ", "\t"):
            if current is not None:
                current.codes.extend(codes)
        elif raw.startswith("+"):
            if current is not None:
                current.aliases.append(words[1:].strip())
                current.codes.extend(codes)
        else:
            if current is not None:
                yield current
            current = Entry(words, path.name, "CountryInfo" in comment, [], list(codes))
    if current is not None:
        yield current


def parse_date(text: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` -> ISO; two-digit years up to 20 are 20xx (the files date from 2014)."""
    if not DATE_RE.match(text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 20 else 1900 + yy}{text[2:]}"
    y, m, d = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not (1800 <= y <= 2030 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


@dataclass(frozen=True)
class Role:
    code: str  # redline form: "GRC-GOV", "UN"
    role: str
    country: str
    start: str
    end: str
    dated: bool


def parse_code(body: str) -> Role | None:
    """One bracket: "GRCGOV 20091006-20111111", "LIEGOV >891113", "TMPELI". None when unusable."""
    parts = body.replace("> ", ">").replace("< ", "<").split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    raw, dates = parts[0], parts[1:]
    start = end = ""
    if dates:
        span = dates[0]
        if span.startswith(">"):
            start = parse_date(span[1:]) or "?"
        elif span.startswith("<"):
            end = parse_date(span[1:]) or "?"
        elif "-" in span:
            a, _, b = span.partition("-")
            start, end = parse_date(a) or "?", parse_date(b) or "?"
        else:
            start = parse_date(span) or "?"
        if "?" in (start, end) or (start and end and end < start):
            return None
    if raw.startswith("IGO"):
        igo = next((IGO_MAP[k] for k in sorted(IGO_MAP, key=len, reverse=True) if raw.startswith(k)), None)
        if igo is None:
            return None
        return Role(igo, "official of " + igo, "", start, end, bool(dates))
    if len(raw) < 3 or raw == "ELI":
        return None
    country = raw[:3]
    if country in SKIP_COUNTRIES:
        return None
    country = COUNTRY_MAP.get(country, country)
    if pycountry.countries.get(alpha_3=country) is None and country != "XKX":
        return None  # "MNC" (multinationals) and other non-state prefixes
    sector = raw[3:6]
    if sector in NOT_PERSON_SECTORS:
        return None
    code = f"{country}-{sector}" if sector in STATE_SECTORS or sector in {"REB", "OPP", "INS"} else country
    role = SECTOR_ROLES.get(sector, "") if sector else ""
    if sector in ("GOV", "MIL") and raw[6:9] in SECTOR_ROLES:
        role = f"{role} ({SECTOR_ROLES[raw[6:9]]})"
    return Role(code, role, country, start, end, bool(dates))


def clean_name(raw: str) -> str | None:
    """ "PRESIDENT_XI_JINPING" -> "Xi Jinping"; None for what is no person's name."""
    raw = fold(raw).replace("_", " ").strip(" ,")
    if "\ufffd" in raw or "," in raw or "(" in raw or "/" in raw or not raw:
        return None
    words = raw.split()
    while len(words) > 1 and words[0].upper() in TITLES:
        words = words[1:]
    if not words or any(w.upper().strip(".") in INSTITUTION_WORDS for w in words):
        return None
    if not all(re.fullmatch(r"[A-Za-z][A-Za-z.'’-]*", w) for w in words):
        return None
    return " ".join(_title(w, i) for i, w in enumerate(words))


def _title(word: str, i: int) -> str:
    """Title case per hyphen part, particles lower case after the first word: "AL-SISI" -> "al-Sisi"."""
    parts = []
    for k, part in enumerate(word.split("-")):
        low = part.lower()
        if re.fullmatch(r"[ivx]+", low) and i > 0:
            parts.append(low.upper())  # regnal numbers: "Hans Adam II"
            continue
        if low in PARTICLES and (i > 0 or k < len(word.split("-")) - 1):
            parts.append(low)
        else:
            parts.append(low[:1].upper() + low[1:])
            # "O'NEILL" -> "O'Neill", "RAJA'I" stays "Raja'i"; "MCCAIN" -> "McCain"
            if len(low) > 2 and low[1] == "'":
                parts[-1] = low[0].upper() + "'" + low[2:3].upper() + low[3:]
            elif len(low) > 3 and low.startswith("mc"):
                parts[-1] = "Mc" + low[2:3].upper() + low[3:]
    return "-".join(parts)


def is_person(e: Entry, roles: list[Role]) -> bool:
    if not roles or clean_name(e.head) is None:
        return False
    if e.marked:
        return True
    first = CODE_RE.sub("", e.head)  # a code on the name line itself is a country or group, not a person's role
    return first == e.head and any(r.dated and r.code != r.country for r in roles)


def person_rows(entry: Entry, hand: set[str]) -> list[dict[str, str]]:
    roles = [r for r in (parse_code(c) for c in entry.codes) if r is not None]
    if not is_person(entry, roles):
        return []
    name = clean_name(entry.head)
    assert name is not None
    aliases = [name] + [a for a in (clean_name(x) for x in entry.aliases) if a is not None]
    aliases = list(dict.fromkeys(aliases))
    if any(fold(a).lower().replace("-", " ") in hand for a in aliases):
        return []  # a hand row of officials.csv names this person: it wins
    # an undated code is the person's default (often ELI: the country, with no office)
    # the file keeps code and dates (the role text is the code's), so terms that differ only in role are one
    unique = {(r.start, r.end, r.code): r for r in sorted((r for r in roles if r.dated), key=lambda r: r.role)}
    dated = _merged([unique[k] for k in sorted(unique)])
    default = [r for r in roles if not r.dated]
    if not any(not r.end or r.end >= CUTOFF for r in dated):
        return []  # only terms that ended before 1990 (or no dated term at all)
    chosen = dated + default[:1]
    # the person's country: the undated default's, else the latest term's
    country = next((r.country for r in default[:1] + dated[::-1] if r.country), "")
    terms = " ".join(f"{r.code}:{r.start}:{r.end}" for r in chosen)
    return [{"name": name, "aliases": "|".join(aliases[1:]), "country": country, "terms": terms,
             "source": SOURCE.format(file=entry.file.split(".")[1])}]


def _merged(roles: list[Role]) -> list[Role]:
    """Terms of one code that follow each other (a month apart at most) as one: "2003-07-01..2004-03-31" and
    "2004-05-01..2005-10-31" -> "2003-07-01..2005-10-31"."""
    out: list[Role] = []
    for r in roles:
        last = out[-1] if out else None
        if (last is not None and last.code == r.code and last.end and r.start
                and _days(last.end, r.start) <= 62):
            out[-1] = Role(last.code, last.role, last.country, last.start, max(last.end, r.end) if r.end else "",
                           True)
        else:
            out.append(r)
    return out


def _days(a: str, b: str) -> int:
    from datetime import date
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def build(phoenix: Path, hand_csv: Path) -> list[dict[str, str]]:
    with hand_csv.open(encoding="utf-8") as f:
        hand = {fold(a).lower().replace("-", " ") for r in csv.DictReader(f) for a in r["aliases"].split("|")}
    rows: list[dict[str, str]] = []
    for name in FILES:
        for entry in entries(phoenix / name):
            rows.extend(person_rows(entry, hand))
    return list({tuple(r.values()): r for r in rows}.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--phoenix", type=Path, default=ROOT.parent / "shared" / "data" / "phoenix")
    ap.add_argument("--out", type=Path, default=ROOT / "redline" / "data" / "officials_phoenix.csv")
    args = ap.parse_args(argv)
    if not (args.phoenix / FILES[0]).exists():
        print(f"no Phoenix dictionaries in {args.phoenix}", file=sys.stderr)
        return 1
    rows = build(args.phoenix, ROOT / "redline" / "data" / "officials.csv")
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    persons = len({r["name"] for r in rows})
    print(f"{args.out}: {len(rows)} rows, {persons} persons")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
