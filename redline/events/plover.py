"""PLOVER event types and the CAMEO tables behind them.

The CAMEO -> PLOVER (type, mode, context) mapping is PLOVER draft 0.8 (`data/cameo_plover.csv`); the
Goldstein scores are the CAMEO codebook's (`data/cameo_goldstein.csv`). Both are built by
`tools/build_event_tables.py`; codes follow CAMEO 1.1b3 numbering. CAMEO 01 (public statements) has
no PLOVER type: `plover_of` raises KeyError for it.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

PLOVER_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "AGREE": "agree to, or express intent to, cooperate, meet, settle, yield or provide aid",
        "CONSULT": "meet, visit, telephone, mediate or negotiate",
        "SUPPORT": "praise, endorse, defend verbally, recognise, apologise, forgive, sign an agreement",
        "CONCEDE": "yield: ease restrictions or dissent, accede to demands for reform",
        "COOPERATE": "engage in economic, military, judicial or intelligence cooperation",
        "AID": "provide economic, military or humanitarian aid, protection or asylum",
        "RETREAT": "release, return, withdraw, ease sanctions or blockades, allow access, cease fire",
        "REQUEST": "appeal for or demand cooperation, aid, change, yielding or a meeting",
        "ACCUSE": "criticise, accuse, complain, sue or investigate",
        "REJECT": "reject cooperation, demands, proposals or mediation; defy norms; veto",
        "THREATEN": "threaten force, sanctions, reduced relations, repression or give an ultimatum",
        "PROTEST": "demonstrate, strike, boycott, obstruct passage or riot",
        "SANCTION": "reduce or break relations, stop aid, halt talks, expel or withdraw",
        "MOBILIZE": "raise the alert status of, or mobilize, police or armed forces",
        "COERCE": "seize property, restrict, arrest, deport, impose blockades or occupy territory",
        "ASSAULT": "use violence: assault, abduct, bomb, assassinate, fight, mass violence",
    }
)

# The CAMEO root coded beside a PLOVER type when no finer code is known; ASSAULT defaults to 19 (fight).
PLOVER_TO_CAMEO_ROOT: Mapping[str, str] = MappingProxyType(
    {
        "AGREE": "03",
        "CONSULT": "04",
        "SUPPORT": "05",
        "CONCEDE": "08",
        "COOPERATE": "06",
        "AID": "07",
        "RETREAT": "08",
        "REQUEST": "02",
        "ACCUSE": "11",
        "REJECT": "12",
        "THREATEN": "13",
        "PROTEST": "14",
        "SANCTION": "16",
        "MOBILIZE": "15",
        "COERCE": "17",
        "ASSAULT": "19",
    }
)

# Intensity when the CAMEO code is unknown: the Goldstein score of the default root above.
PLOVER_INTENSITY: Mapping[str, float] = MappingProxyType(
    {
        "AGREE": 4.0,
        "CONSULT": 1.0,
        "SUPPORT": 3.5,
        "CONCEDE": 5.0,
        "COOPERATE": 6.0,
        "AID": 7.0,
        "RETREAT": 5.0,
        "REQUEST": 3.0,
        "ACCUSE": -2.0,
        "REJECT": -4.0,
        "THREATEN": -6.0,
        "PROTEST": -6.5,
        "SANCTION": -4.0,
        "MOBILIZE": -7.2,
        "COERCE": -7.0,
        "ASSAULT": -10.0,
    }
)

# CAMEO country codes that are not ISO 3166 alpha-3 (older CAMEO releases, the PLOVER gold records).
CAMEO_COUNTRY_TO_ISO: Mapping[str, str] = MappingProxyType(
    {
        "JAP": "JPN",
        "ITL": "ITA",
        "VTN": "VNM",
        "ROM": "ROU",
        "ZAR": "COD",
        "TMP": "TLS",
        "GMY": "DEU",
        "UKG": "GBR",
        "USR": "SUN",
        "FRY": "YUG",
        "KSV": "XKX",
        "KOS": "XKX",
        "UNO": "UN",
    }
)

# CAMEO actor codes that are not states; they pass through unchanged.
CAMEO_NON_STATE: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UIS"})


def cameo_root(code: str) -> str:
    """The two-digit CAMEO root of a code ("1384" -> "13")."""
    code = code.strip()
    if len(code) < 2 or not code.isdigit():
        raise ValueError(f"{code!r}: not a CAMEO event code (expected 2-4 digits)")
    return code[:2]


def plover_of(cameo: str) -> tuple[str, str, str]:
    """(PLOVER type, mode, context) of a CAMEO code by longest-prefix lookup; KeyError when unmapped."""
    table = _plover_table()
    code = cameo.strip()
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    raise KeyError(f"{cameo!r}: no PLOVER type for this CAMEO code (CAMEO 01 statements are not coded)")


def goldstein(cameo: str) -> float:
    """Goldstein score (-10..+10) of a CAMEO code by longest prefix, falling back to its root."""
    table = _goldstein_table()
    code = cameo.strip()
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    raise KeyError(f"{cameo!r}: no Goldstein score for this CAMEO code")


def intensity(plover_type: str, cameo: str | None = None) -> float:
    """-10..+10 intensity: the Goldstein score of `cameo` if known, else PLOVER_INTENSITY[plover_type]."""
    if cameo:
        try:
            return max(-10.0, min(10.0, goldstein(cameo)))
        except KeyError:
            pass
    return PLOVER_INTENSITY[plover_type]


def default_root(plover_type: str, mode: str = "") -> str:
    """CAMEO root for a PLOVER type, refined by mode (ASSAULT/beat -> "18", ASSAULT/massacre -> "20")."""
    if mode:
        root = _root_by_mode().get((plover_type, mode))
        if root is not None:
            return root
    return PLOVER_TO_CAMEO_ROOT[plover_type]


def normalize_cameo_country(code: str) -> str:
    """ISO alpha-3 for a CAMEO country code ("JAP" -> "JPN"); the rest of a compound code is kept."""
    code = code.strip().upper()
    if code in CAMEO_COUNTRY_TO_ISO:
        return CAMEO_COUNTRY_TO_ISO[code]
    head, rest = code[:3], code[3:]
    return CAMEO_COUNTRY_TO_ISO.get(head, head) + rest


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("redline").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@functools.lru_cache(maxsize=1)
def _plover_table() -> Mapping[str, tuple[str, str, str]]:
    rows = _rows("cameo_plover.csv")
    return MappingProxyType({r["cameo"]: (r["plover"], r["mode"], r["context"]) for r in rows})


@functools.lru_cache(maxsize=1)
def _goldstein_table() -> Mapping[str, float]:
    return MappingProxyType({r["cameo"]: float(r["goldstein"]) for r in _rows("cameo_goldstein.csv")})


@functools.lru_cache(maxsize=1)
def _root_by_mode() -> Mapping[tuple[str, str], str]:
    # The lowest CAMEO code with a given (type, mode) names the root; the table is sorted by code.
    found: dict[tuple[str, str], str] = {}
    for code, (ptype, mode, _) in sorted(_plover_table().items()):
        if mode:
            found.setdefault((ptype, mode), code[:2])
    return MappingProxyType(found)
