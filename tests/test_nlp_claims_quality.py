"""Claims an analyst can read: a content that says something, a speaker who can speak, and in a transcript the
turn's labelled speaker for "I" and "we" (redline.nlp.claim_checks, redline.nlp.quotes). Sentences written for
these tests."""

from __future__ import annotations

from typing import Any

import pytest

from redline.models import Article
from redline.nlp import quotes
from redline.nlp.chunks import parse
from redline.nlp.quotes import find_claims


@pytest.fixture
def drop_fragments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Claims with a fragment content dropped (off by default: see DROP_FRAGMENTS)."""
    monkeypatch.setattr(quotes, "DROP_FRAGMENTS", True)


def _claims(nlp: Any, text: str) -> list[tuple[str, str]]:
    article = Article("t", "t", text, None, None, None, "en")
    return [(c.speaker, c.content) for c in find_claims(parse(nlp, text), article, ())]


@pytest.mark.parametrize("text", [
    '"All right," the colonel said.',  # no noun, no verb that says something
    '"I did," the envoy said.',  # an answer cut from its question
    "He said: Yes.",
    "The governor said she was ready to.",  # a clause cut short
])
def test_a_content_that_says_nothing_is_no_claim(nlp: Any, drop_fragments: None, text: str) -> None:
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("The ministry condemned the shelling.", "the shelling"),  # one noun: what the cue speaks of
    ("The general said the convoy would turn back.", "the convoy would turn back"),
    ('Lisbon called the raids "unlawful".', "unlawful"),  # a naming cue: the word is the claim
    ("What the mayor said was that the bridge stays shut.", "the bridge stays shut"),  # "what X said is Y"
])
def test_a_content_with_a_noun_or_a_clause_is_a_claim(nlp: Any, drop_fragments: None, text: str, content: str) -> None:
    assert [c for _, c in _claims(nlp, text)] == [content]


@pytest.mark.parametrize("text", [
    "Plans call for building as many as 40 new shelters along the coast.",  # a thing
    "The department has finalized a rule that requires new safety checks.",  # a clause, not a noun phrase
])
def test_a_thing_or_a_clause_is_no_speaker(nlp: Any, text: str) -> None:
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Hijackers threatened to blow up the plane.", "Hijackers"),  # a noun of people
    ("Thousands of dock workers warned that the port would close.", "Thousands of dock workers"),
    ("The coastguard said the boat had sunk overnight.", "The coastguard"),  # a compound of a speaking noun
    ("The administration warned that the talks could collapse.", "The administration"),
    ("The statement said the strikes would continue.", "The statement"),  # a statement speaks for its issuer
])
def test_people_bodies_and_statements_speak(nlp: Any, text: str, speaker: str) -> None:
    assert [s for s, _ in _claims(nlp, text)] == [speaker]


def test_a_first_person_speaker_in_a_labelled_turn_is_the_label(nlp: Any) -> None:
    text = ("THE PRESIDENT: Thank you all for coming. We have a lot of work ahead.\n"
            "And I think we can finish the bridge this year.\n"
            "Q Will the bridge open in May?\n"
            "I believe it will open in June.")
    claims = _claims(nlp, text)
    assert ("THE PRESIDENT", "we can finish the bridge this year") in claims
    assert ("I", "it will open in June") in claims  # a question's turn: its asker is unnamed


def test_a_first_person_speaker_without_a_label_stays_first_person(nlp: Any) -> None:
    assert _claims(nlp, "I think the ceasefire will hold.") == [("I", "the ceasefire will hold")]


def test_a_paragraph_wrapped_at_a_fixed_width_keeps_the_whole_content(nlp: Any) -> None:
    text = ("Early on Tuesday, the Minister of Agriculture Maria Lopez announced the\n"
            "following new steps to support farmers in the flooded northern region.")
    assert [c for _, c in _claims(nlp, text)] == [
        "the following new steps to support farmers in the flooded northern region"]


def test_a_heading_above_a_sentence_is_not_wrapped_into_it(nlp: Any) -> None:
    text = "Reaction\nOfficials said the talks would resume on Monday."
    assert _claims(nlp, text) == [("Officials", "the talks would resume on Monday")]


def test_a_content_ending_on_a_modifier_without_its_noun_was_cut_short(nlp: Any, drop_fragments: None) -> None:
    assert _claims(nlp, "The envoy expressed concern about Moscow's\nbuildup.") == []  # a short line: no wrap


def test_a_text_may_say_what_a_thing_may_not_threaten(nlp: Any) -> None:
    # a verb of saying takes any speaker ("the bill states"); another cue needs one who can speak
    assert _claims(nlp, "The bill states that the fuel tax will rise in May.") == [
        ("The bill", "the fuel tax will rise in May")]
    assert _claims(nlp, "Droughts threaten the harvest in the southern provinces.") == []
    assert _claims(nlp, "Every ticket salesperson warned that the trains would be late.") == [
        ("Every ticket salesperson", "the trains would be late")]  # a compound of "person"


def test_fragment_claims_are_kept_unless_dropping_is_on(nlp: Any) -> None:
    assert _claims(nlp, '"All right," the colonel said.') != []
