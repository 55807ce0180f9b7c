"""Who speaks when the parse splits the speaker or misreads the cue: a name cut at its hyphen, a number opening
the sentence ("one, as I mentioned, the President has said"), a headline's cue verb read as a plural noun, a cue
noun with a participle ("an ultimatum asking ..."), a one-word transcript label, "voices concern", the object
of a verb of causing ("forced Iran to warn"), "with X threatening". Sentences written for these tests (not from
the threat set)."""

from __future__ import annotations

from typing import Any

from redline import nlp as nlp_stage
from redline.ingest import normalize
from redline.models import RawDocument


def _speakers(text: str, context: Any) -> list[str]:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    return [c.speaker for c in nlp_stage.analyze(article, context.nlp, context.gazetteer).claims]


def test_a_name_cut_at_its_hyphen_speaks_whole(context: Any) -> None:
    assert "Ben-Gurion" in _speakers("We will keep building, as Ben-Gurion said, the homes of our children.", context)


def test_a_number_opening_the_sentence_is_not_the_speaker(context: Any) -> None:
    text = "Well, one, as I said, the minister has said many times that the border will stay open."
    assert _speakers(text, context) == ["the minister"]


def test_a_headline_cue_read_as_a_noun_still_speaks(context: Any) -> None:
    assert _speakers("NATO pledges to investigate itself amid reports of civilian deaths in the north.",
                     context) == ["NATO"]


def test_a_headline_verb_read_as_a_noun_leaves_its_subject_as_a_compound(context: Any) -> None:
    # "Judge X fines ..." parsed as one noun phrase headed by "fines": the conjoined cue's speaker is the judge
    for text in ("Judge Pedro Ortega fines Donald Trump $2,000 for contempt of court, and threatens to jail Trump if "
                 "he keeps attacking witnesses.",
                 "Judge Lina Park fines Donald Trump $9,000 for contempt, and warns that she could jail him."):
        assert any(s.endswith(("Ortega", "Park")) for s in _speakers(text, context))


def test_an_ultimatum_asking_for_an_act_is_its_givers_statement(context: Any) -> None:
    text = "Finance Minister Carlos Mendes reportedly gives an ultimatum to the Prime Minister asking to dismiss " \
           "the head of the central bank."
    assert any("Carlos Mendes" in s for s in _speakers(text, context))


def test_a_one_word_label_with_a_spaced_colon_speaks_words_to_you(context: Any) -> None:
    assert _speakers("Petrov : This is exactly what you asked for, and we will deliver it.", context)[:1] == ["Petrov"]


def test_voicing_a_view_is_a_statement(context: Any) -> None:
    assert _speakers("The minister voices concern over the arrests.", context) == ["The minister"]


def test_the_object_of_a_verb_of_causing_speaks_its_infinitive(context: Any) -> None:
    # "prompted / forced X to warn": X warns, not what prompted it
    assert _speakers("The strikes forced Iran to warn that it would retaliate.", context) == ["Iran"]
    assert _speakers("The minister used the occasion to warn that the talks would fail.", context) == ["The minister"]


def test_with_a_noun_and_a_participle_the_noun_speaks(context: Any) -> None:
    text = "The army resumes shelling of the town with the rebels threatening to retaliate against civilians."
    assert _speakers(text, context) == ["the rebels"]
