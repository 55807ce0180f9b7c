"""Text that reaches the parser clean: a news digest's citations, a portal's section names, list bullets, source tags
and transcript labels are sentences of their own, never part of a report (redline.nlp.bounds, redline.nlp.chunks,
the tokenizer's infixes in redline.nlp.load); a corpus item's citations are its source (redline.sources.citations).
Only the Markdown escapes of an exported page are undone in the text (redline.ingest.clean_text)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from redline.eval import code_sentence
from redline.ingest import normalize
from redline.models import RawDocument
from redline.nlp.chunks import parse
from redline.settings import Settings
from redline.sources import read
from redline.sources.citations import cited, source_of


def sentences(nlp: Any, text: str) -> list[str]:
    doc = parse(nlp, text)
    assert doc.text == text
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_citation_glued_to_the_stop_is_split_from_the_place(nlp: Any) -> None:
    text = "Two soldiers are killed in a mortar attack on Zarqa.(Desert Herald)"
    doc = parse(nlp, text)
    assert [t.text for t in doc][-6:] == ["Zarqa", ".", "(", "Desert", "Herald", ")"]
    assert sentences(nlp, text) == ["Two soldiers are killed in a mortar attack on Zarqa.", "(Desert Herald)"]


def test_glued_citations_are_one_sentence_after_the_report(nlp: Any) -> None:
    text = ("Rebels seize the town of Kidal after a week of fighting.(Daily Planet)(Wire Service)\n"
            "The parliament approves the budget for next year. (Capital Times) (Radio North)")
    assert sentences(nlp, text) == [
        "Rebels seize the town of Kidal after a week of fighting.", "(Daily Planet)(Wire Service)",
        "The parliament approves the budget for next year.", "(Capital Times) (Radio North)"]


@pytest.mark.parametrize(("text", "report"), [
    # no stop before them: a run of two outlets, or one "X via Y", is still a citation
    ("Police arrest twelve smugglers near the port (Coast Times) (Harbor Radio)",
     "Police arrest twelve smugglers near the port"),
    ("The army retakes the airport from the rebels (AFP via Le Monde)", "The army retakes the airport from the rebels"),
])
def test_citation_run_without_a_stop_is_its_own_sentence(nlp: Any, text: str, report: str) -> None:
    assert sentences(nlp, text)[0] == report


def test_a_lone_aside_in_brackets_stays_in_its_sentence(nlp: Any) -> None:
    # "(ECOWAS)" after a name without a stop may be the sentence's own aside, not an outlet
    text = "Leaders of Niger and Mali meet the Economic Community of West African States (ECOWAS)"
    assert sentences(nlp, text) == [text]


def test_section_name_glued_to_a_report_is_its_own_sentence(nlp: Any) -> None:
    text = "Law and crime Police in Lyon arrest three suspects over the bank robbery."
    assert sentences(nlp, text) == ["Law and crime", "Police in Lyon arrest three suspects over the bank robbery."]


def test_section_line_and_topic_line_above_a_report(nlp: Any) -> None:
    text = ("Armed conflicts and attacks\nWar in the Sahel\n"
            "Gunmen kill four villagers in an attack in central Mali. (Radio Sahel)")
    assert sentences(nlp, text) == ["Armed conflicts and attacks", "War in the Sahel",
                                    "Gunmen kill four villagers in an attack in central Mali.", "(Radio Sahel)"]


def test_two_topic_lines_without_a_section_still_run_on(nlp: Any) -> None:
    # a topic heading names the report's country; only a section name is cut from the lines below it
    text = "Somali Civil War\nSiege of the port\nGovernment forces shell the port of Kismayo. (Horn Daily)"
    assert sentences(nlp, text)[0].startswith("Somali Civil War")


def test_topic_before_a_colon_stays_with_its_report(nlp: Any) -> None:
    # "2011 Libyan civil war:" is where the report's country is named: the coder reads it in the same sentence
    text = "2011 Libyan civil war: NATO planes destroy an arms depot on the outskirts of Tripoli. (Wire)"
    assert sentences(nlp, text)[0] == "2011 Libyan civil war: NATO planes destroy an arms depot on the outskirts of " \
                                      "Tripoli."


def test_section_name_lends_the_report_no_actor(context: Any) -> None:
    events = code_sentence("Armed conflicts and attacks Islamist militants kill nine soldiers in an ambush in "
                           "northern Burkina Faso. (Sahel Wire)", "2024-01-01", context, "test")
    assert [(e.type, e.source, e.target) for e in events] == [("ASSAULT", "BFA-REB", "BFA")]  # not "attacks"


def test_press_office_source_tag_is_its_own_sentence(nlp: Any) -> None:
    text = "\\[Statement, 3/4/25\\] The administration condemns the missile launch by North Korea."
    assert sentences(nlp, text) == ["\\[Statement, 3/4/25\\]",
                                    "The administration condemns the missile launch by North Korea."]


def test_source_tag_after_a_quote_parts_it_from_the_next_speaker(nlp: Any) -> None:
    text = ("“We stand with our allies.” \\[Statement, 3/1/22\\] **Jane Roe, President, Union of Welders:** “We "
            "support the sanctions on Moscow.”")
    found = sentences(nlp, text)
    assert found[:2] == ["“We stand with our allies.”", "\\[Statement, 3/1/22\\]"]
    assert found[2].startswith("**Jane Roe")


def test_source_tag_inside_a_sentence_stays(nlp: Any) -> None:
    text = "As the spokesman wrote [Statement, 3/4/25] the launch violates two resolutions."
    assert sentences(nlp, text) == [text]


def test_bullet_is_no_part_of_its_item(nlp: Any) -> None:
    text = "The envoy reported progress.\n- The envoy met the foreign minister in Doha.\n* Talks resume next week."
    assert sentences(nlp, text) == ["The envoy reported progress.", "-", "The envoy met the foreign minister in Doha.",
                                    "*", "Talks resume next week."]


def test_rule_between_parts_is_no_bullet_and_the_heading_after_it_is_its_own(nlp: Any) -> None:
    text = ("The talks ended late in the evening.\n* * *\nRemarks at the launch of two new icebreakers\n"
            "President of Russia Vladimir Putin : Good afternoon, colleagues and friends.")
    assert sentences(nlp, text) == ["The talks ended late in the evening.", "* * *",
                                    "Remarks at the launch of two new icebreakers",
                                    "President of Russia Vladimir Putin :", "Good afternoon, colleagues and friends."]


def test_bullets_of_a_lead_in_complete_its_sentence(nlp: Any) -> None:
    text = "The Treasury imposed:\n- sanctions on three banks;\n- export controls on drone parts."
    assert len(sentences(nlp, text)) == 1


def test_markdown_escapes_are_undone_in_the_text() -> None:
    raw = RawDocument(origin="<test>", text="“\\[Envoy\\] met both sides,” the office said. \\[Statement, 1/5/24\\]\n"
                                         "Congress passed H.R.\\_7108 and the \\*revised\\* budget.")
    article = normalize(raw, Settings(min_text_chars=10))
    assert article.text == ("“[Envoy] met both sides,” the office said. [Statement, 1/5/24]\n"
                            "Congress passed H.R. 7108 and the *revised* budget.")


def test_label_with_a_space_before_the_colon_is_a_turn(nlp: Any) -> None:
    text = ("Dmitry Peskov : We have nothing to add to what was said yesterday.\nQuestion : Will talks resume soon?\n"
            "Governor of the Tula Region Ivan Petrov Petrov Ivan Governor of the Tula Region : Two plants opened.")
    assert sentences(nlp, text) == ["Dmitry Peskov :", "We have nothing to add to what was said yesterday.",
                                    "Question :", "Will talks resume soon?",
                                    "Governor of the Tula Region Ivan Petrov Petrov Ivan Governor of the Tula Region :",
                                    "Two plants opened."]


def test_glued_citation_after_a_closing_quote(nlp: Any) -> None:
    text = 'The minister called the plan "a betrayal of the ceasefire."(Evening Wire)'
    assert sentences(nlp, text) == ['The minister called the plan "a betrayal of the ceasefire."', "(Evening Wire)"]


@pytest.mark.parametrize(("text", "outlets"), [
    ("Rebels shell the city. (Wire One) (Radio Two)", ["Wire One", "Radio Two"]),
    ("Rebels shell the city.(Wire One)(Wire One)", ["Wire One"]),
    ("Rebels shell the city.(Wire One).", ["Wire One"]),
    ("Rebels shell the city (AFP via Le Monde)", ["AFP via Le Monde"]),
    ("Rebels shell the city near the border (DRC)", []),  # a lone aside without a stop: not an outlet
    ("Rebels (Wire One) shell the city.", []),  # not at the end
    ("Rebels shell the city. (Wire One)\nThe mayor flees.", []),  # the last line cites nothing
])
def test_cited_outlets(text: str, outlets: list[str]) -> None:
    assert cited(text) == outlets


def test_record_source_wins_over_citations() -> None:
    assert source_of("Rebels shell the city. (Wire One)", "Kyiv Courier") == "Kyiv Courier"
    assert source_of("Rebels shell the city. (Wire One) (Radio Two)", None) == "Wire One; Radio Two"


def test_corpus_item_keeps_its_citations_as_source(tmp_path: Path) -> None:
    path = tmp_path / "digest.jsonl.gz"
    rows = [{"date": "2024-05-01", "category": "Armed conflicts and attacks", "is_event": True,
             "text": "Militants kill six soldiers in an ambush near Gao.(Sahel Wire) (Radio Niger)"},
            {"date": "2024-05-01", "is_event": True, "source": "Desk", "text": "A court jails two smugglers. (Wire)"},
            {"date": "2024-05-02", "is_event": True, "text": "The parliament approves the budget."}]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    docs = [d for d in read(str(path)) if isinstance(d, RawDocument)]
    assert [d.source for d in docs] == ["Sahel Wire; Radio Niger", "Desk", None]
    assert docs[0].text == rows[0]["text"]  # the text is as written: the citations are their own sentence
    article = normalize(docs[0], Settings(min_text_chars=10))
    assert article.source == "Sahel Wire; Radio Niger"
    assert article.text == rows[0]["text"]


def test_json_file_record_keeps_its_citations_as_source(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"text": "Rebels shell the city of Goma overnight. (Lake Radio)"}]), encoding="utf-8")
    (doc,) = read(str(path))
    assert isinstance(doc, RawDocument)
    assert doc.source == "Lake Radio"
