"""Meetings and readouts (redline.events.meetings) through the real pipeline: the parties of a meeting that are not
the subject and object of one verb. The sentences are written for these tests."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events import current

PUBLISHED = "2024-11-20"


def _pairs(text: str, context: Any, kind: str) -> set[tuple[str | None, str | None]]:
    """(source country, target country) of the current events of one type."""
    return {((e.source or "")[:3] or None, (e.target or "")[:3] or None)
            for e in current(code_sentence(text, PUBLISHED, context, "test")) if e.type == kind}


def test_meetings_the_leaders_are_the_pair_named_before(context: Any) -> None:
    text = ("Chancellor Olaf Scholz met with President Emmanuel Macron of France in Berlin on Monday. "
            "The leaders discussed energy prices and the situation in the Sahel.")
    assert {("DEU", "FRA"), ("FRA", "DEU")} <= _pairs(text, context, "CONSULT")


def test_meetings_the_presidents_agree_each_way(context: Any) -> None:
    text = ("Prime Minister Fumio Kishida held talks with President Yoon Suk Yeol of South Korea in Tokyo. "
            "The presidents agreed to resume regular shuttle diplomacy.")
    assert {("JPN", "KOR"), ("KOR", "JPN")} <= _pairs(text, context, "AGREE")


def test_meetings_a_party_phrase_that_names_its_own_actors_is_not_the_pair(context: Any) -> None:
    text = ("President Biden spoke today with Prime Minister Rishi Sunak of the United Kingdom. "
            "The Chinese leaders criticised the new export controls.")
    assert ("USA", "GBR") in _pairs(text, context, "CONSULT")
    assert not any(src in {"USA", "GBR"} for src, _ in _pairs(text, context, "ACCUSE"))


def test_meetings_a_readout_that_opens_with_the_leaders_takes_the_pair_named_after(context: Any) -> None:
    text = ("The leaders discussed grain exports through the Black Sea. "
            "In addition, Vladimir Putin and Recep Tayyip Erdogan discussed the situation in Syria.")
    assert {("RUS", "TUR"), ("TUR", "RUS")} <= _pairs(text, context, "CONSULT")


def test_meetings_speaking_with_someone_consults_them(context: Any) -> None:
    assert ("TUR", "FRA") in _pairs("Erdogan spoke by video link on Friday with his French counterpart Emmanuel "
                                    "Macron.", context, "CONSULT")
    assert {("MEX", "USA"), ("CAN", "USA")} <= _pairs(
        "Mexican President Claudia Sheinbaum and Canadian Prime Minister Justin Trudeau spoke by phone with "
        "President Trump on Monday.", context, "CONSULT")


def test_meetings_speaking_to_reporters_is_no_consultation(context: Any) -> None:
    assert not _pairs("Erdogan spoke with reporters in Ankara on Friday.", context, "CONSULT")


def test_meetings_a_planned_meeting_is_no_news(context: Any) -> None:
    text = ("President Ramaphosa will meet President Tinubu of Nigeria next week. "
            "The leaders will discuss trade and security.")
    assert not _pairs(text, context, "CONSULT")


def test_meetings_the_leaders_act_on_a_third_party_from_each_side(context: Any) -> None:
    text = ("President Biden spoke today with Prime Minister Fumio Kishida of Japan. "
            "The leaders condemned North Korea's launch of a ballistic missile over Japan.")
    assert {("USA", "PRK"), ("JPN", "PRK")} <= _pairs(text, context, "ACCUSE")


def test_meetings_a_pair_conjoined_as_a_subject_names_the_parties(context: Any) -> None:
    text = ("The heads of state discussed cooperation in energy and trade. "
            "Later Mr Putin and Mr Lukashenko answered questions from journalists in Minsk.")
    assert {("RUS", "BLR"), ("BLR", "RUS")} <= _pairs(text, context, "CONSULT")
