"""The sentence prefilter on the real spaCy pipeline: what it parses, what it leaves, and exact offsets."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from redline.models import Brief, RawDocument
from redline.nlp import prefilter
from redline.pipeline import Context, analyze_many, run_one
from redline.report.schema import check_evidence
from redline.settings import Settings

QUIET = "The weather was mild and sunny for most of the week."
ACT = "Russian forces attacked the city of Kharkiv on Monday."
TEXT = f"KYIV, Ukraine — Officials met on Sunday.\n\n{QUIET} {ACT} {QUIET}\n"


@pytest.fixture(scope="module")
def filtered(context: Context) -> Context:
    return Context(replace(context.settings, prefilter=True), context.nlp, context.gazetteer)


def _sentence(doc: Any, text: str) -> Any:
    start = doc.text.index(text)
    return next(s for s in doc.sents if s.start_char <= start < s.end_char)


def test_prefilter_parses_the_sentence_with_an_actor_and_an_event_verb_and_skips_the_one_without_cues(
        filtered: Context) -> None:
    doc = filtered.parse(TEXT)
    assert doc.text == TEXT
    act = _sentence(doc, ACT)
    assert act.text == ACT
    assert any(t.dep_ == "nsubj" and t.head.lemma_ == "attack" for t in act)
    assert any(e.label_ in {"GPE", "NORP"} for e in doc.ents if act.start <= e.start < act.end)
    for n in (1, 2):  # both copies of the sentence without any cue: tokens only
        start = [i for i in range(len(TEXT)) if TEXT.startswith(QUIET, i)][n - 1]
        quiet = doc.char_span(start, start + len(QUIET))
        assert quiet is not None and quiet.text == QUIET
        assert all(t.dep_ == "" and t.tag_ == "" and t.lemma_ == "" and t.ent_type_ == "" for t in quiet)
    first = _sentence(doc, "Officials met")  # the dateline sentence is parsed whatever it holds
    assert any(t.tag_ for t in first)


def test_prefilter_off_parses_every_sentence(context: Context) -> None:
    doc = Context(replace(context.settings, prefilter=False), context.nlp, context.gazetteer).parse(TEXT)
    quiet = doc.char_span(TEXT.index(QUIET), TEXT.index(QUIET) + len(QUIET))
    assert quiet is not None and all(t.tag_ for t in quiet)


def test_prefilter_keeps_the_sentence_before_a_pronoun_for_the_person_it_stands_for(filtered: Context) -> None:
    text = "Maria Zakharova spoke in Moscow on the subject at length. She warned that Russia would retaliate."
    doc = filtered.parse(text)
    assert any(e.label_ == "PERSON" for e in doc.ents)
    assert all(t.tag_ for t in doc if not t.is_space)


def test_prefilter_plan_covers_the_text_in_order(context: Context) -> None:
    doc = context.nlp.tokenizer(TEXT)
    runs = prefilter.plan(doc, prefilter.cues(context.nlp), context.gazetteer)
    assert runs[0][0] == 0 and runs[-1][1] == len(doc)
    assert all(a[1] == b[0] and a[2] != b[2] for a, b in zip(runs, runs[1:], strict=False))
    assert [p for _a, _b, p in runs] == [True, False, True, False]


@pytest.mark.parametrize("text", ["", "   \n", "No cue here at all.", "attack " * 5,
                                  "\u201cWe will strike,\u201d he said."])
def test_prefilter_gives_back_every_text_exactly(filtered: Context, text: str) -> None:
    doc = filtered.parse(text)
    assert doc.text == text
    assert "".join(s.text_with_ws for s in doc.sents) == text


def test_prefilter_evidence_offsets_are_exact(filtered: Context, sample_records: list[dict[str, Any]]) -> None:
    records = sample_records[:6]
    raws = [RawDocument(origin=r["id"], text=r["text"], title=r["title"], url=r["url"], published=r["published"])
            for r in records]
    from redline.ingest import normalize

    articles = [normalize(raw, filtered.settings) for raw in raws]
    briefs = list(analyze_many(articles, filtered, batch_size=4))
    assert all(isinstance(b, Brief) for b in briefs)
    evidence = 0
    for article, brief in zip(articles, briefs, strict=True):
        assert isinstance(brief, Brief)
        d = brief.to_dict()
        assert check_evidence(d, article.text) == []
        evidence += len(brief.events) + len(brief.claims)
    assert evidence > 10
    single = run_one(raws[0], filtered)  # one article alone parses the same way as in a batch
    assert isinstance(single, Brief) and single.to_dict() == briefs[0].to_dict()


def test_prefilter_is_a_setting_off_by_default() -> None:
    assert Settings().prefilter is False
    assert Settings.load(overrides={"prefilter": "true"}, environ={}).prefilter is True
