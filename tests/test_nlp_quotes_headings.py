"""Claims of issue #11 (stop 9): a digest's topic heading before a colon is not the speaker; a political body whose
noun ends like an abstract one ("the opposition") can speak; who gives an ultimatum speaks it ("issues X with an
ultimatum to ...", "gave the rebels 48 hours to leave"); who reveals that ... says it. Sentences written for these
tests."""

from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.ingest import normalize
from redline.models import Analysis, RawDocument


def _analysis(text: str, context: Any) -> Analysis:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    return nlp_stage.analyze(article, context.nlp, context.gazetteer)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Civil war in Yemen: The governments of Saudi Arabia and Oman announce that they will reopen the border "
     "crossing.", "The governments of Saudi Arabia and Oman"),
    ("Drought in East Africa: The aid agencies of Kenya and Uganda say that the harvest has failed.",
     "The aid agencies of Kenya and Uganda"),
])
def test_a_topic_heading_before_the_colon_is_not_the_speaker(text: str, speaker: str, context: Any) -> None:
    assert [c.speaker for c in _analysis(text, context).claims][:1] == [speaker]


@pytest.mark.parametrize("text", [
    "The Venezuelan opposition warns that the government is preparing to arrest its leaders.",
    "2019 protests: The Bolivian opposition says that the count was rigged.",
])
def test_the_opposition_speaks(text: str, context: Any) -> None:
    assert [c.speaker for c in _analysis(text, context).claims] == [text.split(": ")[-1].split(" warns")[0]
                                                                   .split(" says")[0]]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("The rebels presented the governor with an ultimatum to release the prisoners by Friday.", "The rebels",
     "to release the prisoners by Friday"),
    ("The army gave the rebels 48 hours to leave the city or face an assault.", "The army",
     "to leave the city or face an assault"),
])
def test_who_gives_an_ultimatum_speaks_it(text: str, speaker: str, content: str, context: Any) -> None:
    assert [(c.speaker, c.content) for c in _analysis(text, context).claims] == [(speaker, content)]


def test_a_span_of_time_given_for_no_act_is_no_claim(context: Any) -> None:
    assert _analysis("The festival gave the town two days of music.", context).claims == ()


@pytest.mark.parametrize(("text", "speaker"), [
    ("A senior defence official, speaking on condition of anonymity, reveals that the navy is tracking two "
     "submarines.", "A senior defence official"),
    ("The minister revealed that the army had lost two jets.", "The minister"),
])
def test_who_reveals_that_says_it(text: str, speaker: str, context: Any) -> None:
    assert [c.speaker for c in _analysis(text, context).claims] == [speaker]
