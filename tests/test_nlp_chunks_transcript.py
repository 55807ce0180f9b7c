"""Transcripts: a speaker label or a time-of-day dateline at the start of a line is a sentence of its own, so it is
no actor of the turn's words, and the label still names who speaks them (redline.nlp.chunks, redline.nlp.quotes)."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.models import Article
from redline.nlp.chunks import parse
from redline.nlp.quotes import find_claims

TRANSCRIPT = ("Naval Station Norfolk, Virginia\n11:20 A.M. EDT\nTHE PRESIDENT: Madam Secretary, thank you.\n"
              "Q Will you send more troops to Poland?\nMS. HARRIS: We are not planning that.\n"
              "Question: Is a ceasefire possible?\nSergei Lavrov: Our forces will keep fighting.\n"
              "Minister of Defence Anna Berg: The border stays closed.")


def test_chunks_transcript_labels_and_datelines_are_sentences_of_their_own(nlp: Any) -> None:
    assert [s.text.strip() for s in parse(nlp, TRANSCRIPT).sents] == [
        "Naval Station Norfolk, Virginia", "11:20 A.M. EDT", "THE PRESIDENT:", "Madam Secretary, thank you.",
        "Q", "Will you send more troops to Poland?", "MS. HARRIS:", "We are not planning that.",
        "Question:", "Is a ceasefire possible?", "Sergei Lavrov:", "Our forces will keep fighting.",
        "Minister of Defence Anna Berg:", "The border stays closed."]


@pytest.mark.parametrize("text", [
    "He said:\nwe will respond.",  # a colon not after a label runs on, as before
    "Officials said on Monday that talks at 10:30 a.m. failed.",  # a time inside a sentence
    "Foreign Minister Sergei Lavrov told reporters: the talks failed.",  # words in lower case are no label
])
def test_chunks_transcript_leaves_other_lines_alone(nlp: Any, text: str) -> None:
    assert len(list(parse(nlp, text).sents)) == 1


def test_chunks_transcript_label_still_speaks_the_turn(nlp: Any) -> None:
    article = Article("t", "t", TRANSCRIPT, None, None, None, "en")
    speakers = {c.speaker for c in find_claims(parse(nlp, TRANSCRIPT), article, ())}
    assert {"MS. HARRIS", "Sergei Lavrov"} <= speakers


@pytest.mark.parametrize("text", [
    "Naval Station Norfolk, Virginia\n11:20 A.M. EDT\nTHE PRESIDENT: Madam Secretary, thank you.",
    "Ankara, Turkey\n9:15 A.M. TRT\nMODERATOR: Welcome the Prime Minister of Japan.",
])
def test_chunks_transcript_label_and_dateline_make_no_event(context: Any, text: str) -> None:
    assert code_sentence(text, "2024-11-20", context, "test") == ()
