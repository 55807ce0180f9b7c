import csv
import json
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from redline.events.lexicon import VerbLexicon
from redline.events.plover import (
    CAMEO_NON_STATE,
    PLOVER_INTENSITY,
    PLOVER_TO_CAMEO_ROOT,
    PLOVER_TYPES,
    cameo_root,
    default_root,
    goldstein,
    intensity,
    normalize_cameo_country,
    plover_of,
)

GSR = Path(__file__).parent / "data" / "plover_gsr_dev.jsonl"


def _csv(name: str) -> list[dict[str, str]]:
    text = resources.files("redline").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_plover_types_are_the_sixteen():
    assert sorted(PLOVER_TYPES) == sorted(
        [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
        ]
    )
    assert set(PLOVER_TO_CAMEO_ROOT) == set(PLOVER_TYPES) == set(PLOVER_INTENSITY)


def test_plover_of_fight_is_assault():
    assert plover_of("190") == ("ASSAULT", "", "military")
    assert plover_of("195")[:2] == ("ASSAULT", "heavy-weapons")


def test_plover_of_threat_of_force_is_threaten():
    assert plover_of("138") == ("THREATEN", "violence", "military")


def test_plover_of_uses_longest_prefix():
    assert plover_of("1384") == ("THREATEN", "violence", "military")
    assert plover_of("0357")[0] == "AGREE"  # not in the table; 035 is
    assert plover_of("163")[0] == "COERCE"  # PLOVER maps sanctions to COERCE/restrict
    assert plover_of("023")[0] == "REQUEST"  # 02 APPEAL, the redline supplement row


def test_plover_of_statement_raises():
    with pytest.raises(KeyError, match="CAMEO 01 statements are not coded"):
        plover_of("010")


def test_plover_cameo_root_is_two_digits():
    assert cameo_root("1384") == "13"
    assert cameo_root("02") == "02"
    with pytest.raises(ValueError, match="not a CAMEO event code"):
        cameo_root("x1")


def test_plover_goldstein_values():
    assert goldstein("190") == -10.0
    assert goldstein("138") == -7.0
    assert goldstein("072") == 8.3
    assert goldstein("163") == -8.0  # embargo/sanctions after renumbering to CAMEO 1.1b3
    assert goldstein("1661") == -7.0  # expel peacekeepers
    assert goldstein("1011") == -5.0  # missing in the source: falls back to 101


def test_plover_intensity_orders_assault_below_aid():
    assert intensity("ASSAULT", "190") < 0 < intensity("AID", "072")
    assert intensity("ASSAULT", None) < 0 < intensity("AID", None)
    assert intensity("THREATEN", "9999") == PLOVER_INTENSITY["THREATEN"]


def test_plover_intensity_defaults_are_root_goldstein():
    for ptype, root in PLOVER_TO_CAMEO_ROOT.items():
        assert PLOVER_INTENSITY[ptype] == goldstein(root), ptype


def test_plover_default_roots_agree_with_table():
    for ptype, root in PLOVER_TO_CAMEO_ROOT.items():
        assert plover_of(root)[0] == ptype or ptype == "RETREAT", ptype
    assert default_root("ASSAULT") == "19"
    assert default_root("ASSAULT", "beat") == "18"
    assert default_root("ASSAULT", "massacre") == "20"
    assert default_root("THREATEN", "no-such-mode") == "13"


def test_plover_table_types_are_known():
    assert {r["plover"] for r in _csv("cameo_plover.csv")} == set(PLOVER_TYPES)


def test_plover_normalize_cameo_country_legacy_codes():
    assert normalize_cameo_country("JAP") == "JPN"
    assert normalize_cameo_country("ITL") == "ITA"
    assert normalize_cameo_country("VTN") == "VNM"
    assert normalize_cameo_country("UNO") == "UN"
    assert normalize_cameo_country("JAPGOV") == "JPNGOV"
    assert normalize_cameo_country("usa") == "USA"
    assert normalize_cameo_country("IGO") == "IGO"


def test_plover_normalize_cameo_country_covers_gsr():
    codes: set[str] = set()
    for line in GSR.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for event in record["expected_events"]:
            codes.update(c for c in (event.get("source"), event.get("target")) if c)
        codes.update(a["code"] for a in record["source_actors"] + record["target_actors"] if a.get("code"))
    iso = {c.alpha_3 for c in pycountry.countries}
    unmapped = {c for c in codes if normalize_cameo_country(c) not in iso and c not in CAMEO_NON_STATE}
    assert unmapped == set()
    assert {"JAP", "ITL", "VTN"} <= codes


def test_lexicon_accuse_is_112():
    assert VerbLexicon.load().lookup("accuse") == "112"


def test_lexicon_verb_prep_object_is_most_specific():
    lex = VerbLexicon.load()
    # CAMEO.2.0.txt: `- * (OF GENOCIDE) [1124] # ACCUSE`
    assert lex.lookup("accuse", preps=["of"], objects=["genocide"]) == "1124"
    assert lex.lookup("accuse", preps=["of"], objects=["lunch"]) == "112"


def test_lexicon_verb_prep():
    lex = VerbLexicon.load()
    # CAMEO.2.0.txt: `- * (WITH) [030] # AGREE` under AGREE [050]; verbs_extra.csv codes bare "agree" 030
    # as PLOVER does, and "accuse" keeps its CAMEO code when the preposition has no row
    assert lex.lookup("agree") == "030"
    assert lex.lookup("agree", preps=["with"]) == "030"
    assert lex.lookup("accuse", preps=["with"]) == "112"


def test_lexicon_verb_object_from_synonym_set():
    lex = VerbLexicon.load()
    # CAMEO.2.0.txt: `- * &STRONGHOLD [192] # STORM`, &STRONGHOLD includes BASTION
    assert lex.lookup("storm", objects=["bastion"]) == "192"
    assert lex.lookup("launch", objects=["airstrike"]) == "195"
    assert lex.lookup("open", objects=["fire"]) == "193"


def test_lexicon_modern_conflict_verbs():
    lex = VerbLexicon.load()
    assert lex.lookup("shell") == "194"
    assert lex.lookup("bomb") == "195"
    assert lex.lookup("sanction") == "163"
    assert lex.lookup("impose", objects=["tariff"]) == "163"
    assert lex.lookup("shoot", preps=["down"]) == "190"
    assert lex.lookup("advance") == "192"
    assert lex.lookup("deploy", objects=["troop"]) == "154"
    assert lex.lookup("threaten", preps=["with"], objects=["attack"]) == "138"
    assert lex.lookup("authorize", objects=["missile"]) == "072"


def test_lexicon_extra_rows_override_dictionary():
    lex = VerbLexicon.load()
    assert lex.lookup("mobilize") == "154"  # the dictionary says 150
    assert lex.lookup("seize") == "171"  # dictionary default kept
    assert lex.lookup("seize", objects=["village"]) == "192"


def test_lexicon_is_case_insensitive():
    assert VerbLexicon.load().lookup("Accuse", preps=["OF"], objects=["Genocide"]) == "1124"


def test_lexicon_unknown_lemma_is_none():
    assert VerbLexicon.load().lookup("frobnicate", preps=["with"], objects=["attack"]) is None


def test_lexicon_load_is_cached():
    assert VerbLexicon.load() is VerbLexicon.load()


def test_lexicon_every_code_has_a_plover_type():
    # CAMEO 01 (public statements) is the documented exception: PLOVER does not code statements;
    # "---" is the dictionary's null pattern (no event).
    unmapped = set()
    for name in ("cameo_verbs.csv", "verbs_extra.csv"):
        for row in _csv(name):
            if row["cameo"] == "---" or cameo_root(row["cameo"]) == "01":
                continue
            try:
                plover_of(row["cameo"])
            except KeyError:
                unmapped.add(row["cameo"])
    assert unmapped == set()


def test_lexicon_every_code_has_a_goldstein_score():
    codes = {r["cameo"] for name in ("cameo_verbs.csv", "verbs_extra.csv") for r in _csv(name)} - {"---"}
    assert all(-10.0 <= goldstein(c) <= 10.0 for c in codes)


def test_lexicon_null_pattern_stops_the_lookup() -> None:
    lex = VerbLexicon.load()
    assert lex.lookup("seize") == "171"
    assert lex.lookup("seize", objects=["heroin"]) is None
    assert lex.lookup("kill", preps=["in"], objects=["accident"]) is None


def test_lexicon_pattern_named_for_one_spelling_covers_the_other() -> None:
    # CAMEO.2.0 writes "# MOBILISE" and "# ORGANISE" on patterns of blocks that list both spellings
    lex = VerbLexicon.load()
    assert lex.lookup("mobilize", objects=["supporter"]) == "022"
    assert lex.lookup("organize", objects=["meeting"]) == "026"
