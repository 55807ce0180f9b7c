"""Headings: a news digest's topic line ("Military aid to Ukraine during the war") has no sentence end, but it is
no part of the report on the next line; the report starts a sentence of its own (redline.nlp.chunks)."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.nlp.chunks import parse

DIGEST = ("Chad's president dissolves the government. (Reuters)\n"
          "Sanctions against Belarus during the migrant crisis\n"
          "Militants kill nine soldiers in an ambush in northern Burkina Faso. (AFP)")


def test_chunks_heading_line_is_a_sentence_of_its_own(nlp: Any) -> None:
    assert [s.text.strip() for s in parse(nlp, DIGEST).sents] == [
        "Chad's president dissolves the government.", "(Reuters)",
        "Sanctions against Belarus during the migrant crisis",
        "Militants kill nine soldiers in an ambush in northern Burkina Faso.", "(AFP)"]


@pytest.mark.parametrize("text", [
    "The minister made promises of a\nbetter future for the region.",  # a wrap after a function word
    "The President met the Prime Minister\nof Italy on Tuesday in Rome for talks.",  # the next line in lower case
    "The President met with Prime Minister\nNetanyahu on Tuesday.",  # a wrapped tail, not a report
    "Officials in the capital, speaking on condition of anonymity,\nSaid the talks had failed.",  # a comma
])
def test_chunks_wrapped_lines_still_run_on(nlp: Any, text: str) -> None:
    assert len(list(parse(nlp, text).sents)) == 1


def test_chunks_heading_lends_the_report_no_place_or_actor(context: Any) -> None:
    # the heading's Belarus is not the ambush's target
    events = code_sentence(DIGEST, "2024-01-01", context, "test")
    assert [(e.source, e.target) for e in events if e.type == "ASSAULT"] == [("BFA-REB", "BFA")]
