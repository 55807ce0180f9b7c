"""Topic headings (``nlp.chunks.heading_sentence`` and the status rule "topic heading") through the real pipeline:
a digest's topic line or an article's subheading names a story; the report under it is the news."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events.lexicon import VerbLexicon
from redline.ingest import normalize
from redline.models import RawDocument
from redline.nlp import analyze
from redline.nlp.chunks import heading_sentence

PUBLISHED = "2024-11-20"


def _events(text: str, context: Any) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source, e.target, e.status) for e in code_sentence(text, PUBLISHED, context, "test")]


def _headings(text: str, context: Any) -> list[str]:
    article = normalize(RawDocument(origin="test", text=text, published=PUBLISHED), context.settings)
    doc = analyze(article, context.parse, context.gazetteer).doc
    return [sent.text.strip() for sent in doc.sents if heading_sentence(sent)]


def test_events_status_heading_line_is_found_above_a_report(context: Any) -> None:
    text = ("Armed conflicts and attacks\nSudanese civil war\nThe Sudanese army says it retook the town of Sinja "
            "from the Rapid Support Forces on Saturday.\nKurdish clashes in Syria\nTurkish drones strike a "
            "village near Kobani, killing four people.")
    assert _headings(text, context) == ["Sudanese civil war", "Kurdish clashes in Syria"]


def test_events_status_heading_needs_a_line_of_its_own_and_a_report_after(context: Any) -> None:
    # a last line, a line that ends a sentence and a hard-wrapped line are no headings
    assert _headings("Turkish drones strike a village near Kobani.\nKurdish clashes in Syria", context) == []
    assert _headings("Kurdish clashes in Syria.\nTurkish drones strike a village near Kobani.", context) == []
    assert _headings("Turkish drones strike a village near Kobani in the\nnorth of Syria on Friday morning.",
                     context) == []


def test_events_status_heading_act_is_background_and_report_under_it_current(context: Any) -> None:
    events = _events("Russian invasion of Ukraine\nRussian forces shell Kharkiv, killing three civilians.", context)
    assert ("ASSAULT", "RUS", "UKR", "background") in events
    assert [e for e in events if e[3] == "current"] == [("ASSAULT", "RUS-MIL", "UKR", "current")]


def test_events_status_same_words_in_a_report_line_stay_current(context: Any) -> None:
    heading = _events("Turkish airstrikes in northern Iraq\nThe Iraqi foreign ministry summons the Turkish "
                      "ambassador in Baghdad.", context)
    report = _events("Turkish airstrikes in northern Iraq killed four PKK fighters on Friday.", context)
    assert ("ASSAULT", "TUR", "IRQ", "background") in heading
    assert [e[3] for e in report if e[0] == "ASSAULT"] == ["current"]


def test_events_status_headline_with_a_finite_verb_reports_its_act(context: Any) -> None:
    events = _events("Turkey strikes Kurdish positions in Iraq\nThe Iraqi foreign ministry summons the Turkish "
                     "ambassador in Baghdad.", context)
    assert ("ASSAULT", "TUR", "IRQ", "current") in events


def test_events_lexicon_fixed_lemma_is_not_restemmed_to_another_verb() -> None:
    lexicon = VerbLexicon.load()
    assert "rage" not in lexicon.lemmas and "rag" in lexicon.lemmas  # the trap: "raged" minus "ed" is a pattern verb
    assert lexicon.lemma_of("rage", "raged", "VBD") == "rage"
    assert lexicon.lemma_of("cordone", "cordoned", "VBD") == "cordon"  # a lemmatizer's guess is still re-stemmed


def test_events_fighting_that_rages_is_each_side_assault_not_a_protest(context: Any) -> None:
    for verb in ("raged", "continued"):
        events = _events(f"Fighting between the army and the RSF {verb} in Khartoum.", context)
        assert sorted(events) == [("ASSAULT", "SDN-MIL", "SDN-REB-RSF", "current"),
                                  ("ASSAULT", "SDN-REB-RSF", "SDN-MIL", "current")], verb
