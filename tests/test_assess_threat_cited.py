"""Threat mechanisms of issue #11 (stop 9): the status of a threat that was the reason for a penalty or that a
relative clause reports as done, and the author of a threat named as a noun ("an ultimatum by X", "a deadline
set by X", "after X gave an ultimatum"); each with sentences written for these tests (not from the threat set)."""

from __future__ import annotations

from typing import Any

import pytest

from redline import nlp as nlp_stage
from redline.assess import threat_model
from redline.assess.rhetoric import find_threats
from redline.ingest import normalize
from redline.models import Analysis, RawDocument, Threat


def _analysis(text: str, context: Any) -> Analysis:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    return nlp_stage.analyze(article, context.nlp, context.gazetteer)


def _one(text: str, context: Any) -> Threat:
    [threat] = find_threats(_analysis(text, context))
    return threat


@pytest.mark.parametrize("text", [
    "A student was charged with threatening to shoot his teachers.",
    "Police arrest a farmer who threatened to burn down the ministry.",
    "The rebels, who have threatened to storm the capital, are massing troops.",
])
def test_a_threat_punished_or_told_of_the_actor_is_background(text: str, context: Any) -> None:
    assert _one(text, context).status == "background"


@pytest.mark.parametrize("text", [
    "Leaked documents show that the minister threatened to expel the reporters.",
    "Iran says the United States threatened to strike its ports.",
])
def test_a_past_threat_told_in_the_present_is_background(text: str, context: Any) -> None:
    assert _one(text, context).status == "background"


@pytest.mark.parametrize("text", [
    "Iran said the United States threatened to strike its ports.",
    "The rebels have threatened to storm the capital if the talks fail.",
    "The rebels threaten to storm the capital.",
])
def test_a_threat_made_in_the_main_clause_stays_current(text: str, context: Any) -> None:
    assert _one(text, context).status == "current"


@pytest.mark.parametrize(("text", "author"), [
    ("The rebel commander defied an ultimatum issued by the Malian army.", "the Malian army"),
    ("Kenya refuses to recall its troops despite being given a 72 hour ultimatum by Somalia.", "Somalia"),
    ("The opposition leader rejected Russia's ultimatum to withdraw.", "Russia"),
    ("Mali's junta expelled the envoy, two days after ECOWAS gave an ultimatum for elections.", "ECOWAS"),
    ("The villagers ignored threats from the separatists to burn their fields.", "the separatists"),
])
def test_who_sets_an_ultimatum_named_as_a_noun_makes_the_threat(text: str, author: str, context: Any) -> None:
    analysis = _analysis(text, context)
    assert analysis.doc is not None
    noun = next(t for t in analysis.doc if t.lemma_ in threat_model.CITED_NOUNS)
    assert " ".join(t.text for t in threat_model._author(noun, analysis)).replace(" 's", "") == author


def test_a_threat_noun_given_by_its_speaker_has_no_other_author(context: Any) -> None:
    analysis = _analysis("The president set a deadline for the talks.", context)
    assert analysis.doc is not None
    noun = next(t for t in analysis.doc if t.lemma_ == "deadline")
    assert threat_model._author(noun, analysis) == []  # the speaker's own: the root's subject is no cited author
