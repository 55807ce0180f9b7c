"""tools/build_officials.py: persons out of TABARI-format actor dictionaries."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A made-up dictionary in the Phoenix format: a country block with places, an institution, persons with
# two-digit and four-digit dates, open bounds, a comment, a title on an alias and an IGO term.
SAMPLE = """\
# a comment line
FREEDONIA_  [FRE]
+FREEDONIAN_
+FREEDONIA_CITY_

FREEDONIAN_ARMED_FORCES
+FREEDONIAN_ARMY
\t[GRCMIL]

RUFUS_T._FIREFLY_  # CountryInfo.txt
+PRESIDENT_RUFUS_FIREFLY
\t[GRCELI 450101-891231]
\t[GRCGOV 900101-950630]
\t[GRCGOV 950701-981231]
\t[GRCGOV >20090101]
\t[GRCELI]
AMBASSADOR_TRENTINO_
\t[IGOUNO 20100101-20121231]
\t[GRCGOV <19991231]
OLD_TIMER_  # CountryInfo.txt
\t[GRCGOV 500101-600101]
XANANA_GUSMAO_  # CountryInfo.txt
\t[TMPGOV 020520-070520]
KINAKUTA_MAN_  # CountryInfo.txt
\t[KNTGOV 020520-070520]
"""


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_officials", ROOT / "tools" / "build_officials.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def rows(tool: ModuleType, tmp_path: Path) -> dict[str, dict[str, str]]:
    (tmp_path / "Phoenix.Countries.actors.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "Phoenix.International.actors.txt").write_text("", encoding="utf-8")
    hand = tmp_path / "officials.csv"
    hand.write_text("name,aliases,code,role,affiliation,country,start,end,source\n", encoding="utf-8")
    return {r["name"]: r for r in tool.build(tmp_path, hand)}


def test_dates_two_digit_years_and_bounds(tool: ModuleType) -> None:
    assert tool.parse_date("891231") == "1989-12-31"
    assert tool.parse_date("091006") == "2009-10-06"
    assert tool.parse_date("20111111") == "2011-11-11"
    assert tool.parse_date("2004017") is None
    role = tool.parse_code("GRCGOV >20090101")
    assert (role.code, role.start, role.end) == ("GRC-GOV", "2009-01-01", "")
    role = tool.parse_code("GRCGOV <19991231")
    assert (role.start, role.end) == ("", "1999-12-31")
    assert tool.parse_code("GRCELI").code == "GRC"
    assert tool.parse_code("IGOWSTNAT 20090801-20140930").code == "NATO"
    assert tool.parse_code("TMPGOV 020520-070520").code == "TLS-GOV"


def test_only_persons_are_kept(rows: dict[str, dict[str, str]]) -> None:
    assert "Rufus T. Firefly" in rows
    assert "Freedonia" not in rows and "Freedonian Armed Forces" not in rows
    assert "Old Timer" not in rows  # every term ended before 1990
    assert "Kinakuta Man" not in rows  # the dictionaries' test country


def test_names_titles_terms(rows: dict[str, dict[str, str]]) -> None:
    firefly = rows["Rufus T. Firefly"]
    assert firefly["aliases"] == "Rufus Firefly"  # "PRESIDENT_" is a title, not a name
    assert firefly["country"] == "GRC"
    # consecutive terms of one code merge; the undated ELI is the person's standing
    assert firefly["terms"] == "GRC:1945-01-01:1989-12-31 GRC-GOV:1990-01-01:1998-12-31 GRC-GOV:2009-01-01: GRC::"
    assert rows["Xanana Gusmao"]["terms"] == "TLS-GOV:2002-05-20:2007-05-20"
    assert rows["Ambassador Trentino"]["terms"].split() == ["GRC-GOV::1999-12-31", "UN:2010-01-01:2012-12-31"]


def test_a_hand_row_wins(tool: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "Phoenix.Countries.actors.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "Phoenix.International.actors.txt").write_text("", encoding="utf-8")
    hand = tmp_path / "officials.csv"
    hand.write_text("name,aliases,code,role,affiliation,country,start,end,source\n"
                    "Xanana Gusmão,Xanana Gusmão,TLS-GOV,President,,TLS,2002-05-20,2007-05-20,Wikipedia\n",
                    encoding="utf-8")
    assert "Xanana Gusmao" not in {r["name"] for r in tool.build(tmp_path, hand)}
