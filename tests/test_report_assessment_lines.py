"""The brief's assessment lines read as an analyst would write them (found by reading briefs of unseen documents).

Each test runs the real pipeline (spaCy, gazetteer) on sentences written for it, or builds the event the line
is rendered from, and asserts on the line's text.
"""

from __future__ import annotations

from typing import Any

from redline import nlp as nlp_stage
from redline.assess import _event_sentence, _expert_views, _rhetoric, _uncertainty, past
from redline.assess.escalation import direction
from redline.ingest import normalize
from redline.models import Analysis, Event, RawDocument
from redline.scenarios.probability import escalation


def _analysis(text: str, context: Any) -> Analysis:
    article = normalize(RawDocument(origin="test", text=text, published="2024-06-01"), context.settings)
    return nlp_stage.analyze(article, context.nlp, context.gazetteer)


def _event(source: str | None, target: str | None, location: str | None, kind: str = "ASSAULT") -> Event:
    return Event(id="e1", type=kind, mode="", cameo="19", source=source, target=target, location=location,
                 geo=None, weapons=(), factuality="asserted", intensity=-10.0, confidence=0.9, evidence=())


def test_development_line_drops_a_place_that_only_repeats_a_side() -> None:
    assert _event_sentence(_event("ARM", "AZE", "Azerbaijan")) == \
        "Armenia used force against Azerbaijan (PLOVER ASSAULT, asserted)."
    assert _event_sentence(_event(None, "MLI", "Mali, Gao")) == \
        "An attack against Mali in Gao is reported without a named perpetrator (PLOVER ASSAULT, asserted)."
    # a place that is not a side stays
    assert _event_sentence(_event("ARM", "AZE", "Shusha")) == \
        "Armenia used force against Azerbaijan in Shusha (PLOVER ASSAULT, asserted)."


def test_development_line_never_has_a_state_act_against_itself() -> None:
    # a side's own state as its target names no opponent: the line says where, not "against Sudan"
    assert _event_sentence(_event("SDN", "SDN", "El Fasher")) == \
        "Sudan used force in El Fasher (PLOVER ASSAULT, asserted)."
    assert _event_sentence(_event("SDN-MIL", "SDN", "Omdurman")) == \
        "The Sudanese military used force in Omdurman (PLOVER ASSAULT, asserted)."
    assert _event_sentence(_event("KEN-GOV", "KEN", None, kind="AGREE")) == \
        "The Kenyan government reached an agreement (PLOVER AGREE, asserted)."
    # two sectors of different states keep their target
    assert "against Ethiopia" in _event_sentence(_event("SOM-MIL", "ETH", None))


def test_reporting_verbs_take_their_past_tense() -> None:
    assert [past(v) for v in ("condemn", "accuse", "deny", "criticize", "warn", "according to")] == \
        ["condemned", "accused", "denied", "criticized", "warned", "said"]


def test_rhetoric_line_from_a_condemnation_is_grammatical(context: Any) -> None:
    a = _analysis("Georgia's foreign ministry condemned the border incursion as a breach of its sovereignty.",
                  context)
    lines = [s.text for s in _rhetoric(a, ())]
    assert lines, "the condemnation should give a rhetoric line"
    assert " condemned the border incursion" in lines[0]
    assert " condemn that" not in lines[0] and " condemned that" not in lines[0]


def test_rhetoric_line_skips_a_claim_whose_speaker_is_not_the_accuser(context: Any) -> None:
    # "He is accused of ...": the accused is no accuser; a line "X accused of ..." would be false
    a = _analysis("The militia commander was arrested on Monday. He is accused of ordering attacks on a convoy.",
                  context)
    assert all(" accused of " not in s.text and " accuse that" not in s.text for s in _rhetoric(a, ()))


def test_uncertainty_phrase_cut_at_a_line_break_loses_its_dangling_word(context: Any) -> None:
    a = _analysis("The shelling raised the risk of a radiation leak that\ncould reach the river towns.", context)
    [line] = _uncertainty(a, ())
    assert "risk of a radiation leak." in line.text
    assert "leak that" not in line.text


def test_uncertainty_does_not_count_one_hedged_sentence_among_many(context: Any) -> None:
    plain = " ".join(f"The delegation visited factory number {i} on Tuesday." for i in range(1, 12))
    a = _analysis(plain + " The talks might resume next week.", context)
    assert _uncertainty(a, ()) == []


def test_direction_reads_only_sentences_about_the_conflict(context: Any) -> None:
    calm = _analysis("The club withdraws from the league after the flood. Ticket prices increased sharply. "
                     "Retail sales surged in May.", context)
    assert direction(calm)[0] == "stable"
    tense = _analysis("The army intensified its shelling of the border villages. Ticket prices fell.", context)
    assert direction(tense)[0] == "escalating"
    calming = _analysis("Both armies withdrew from the ridge under the truce. Rents increased in the capital.",
                        context)
    assert direction(calming)[0] == "de-escalating"


def test_rationale_names_the_home_state_dyad_of_an_armed_group_fighting_another_state() -> None:
    # a group based in one state fighting another: the question is that pair of states, not a civil war
    across = escalation("LBN-REB-HEZ", "ISR", 6, "2024-02-01", (5,))
    assert across is not None
    assert "the dyad of the group's home state" in across.rationale
    assert "internal conflict" not in across.rationale
    # a group fighting its own state: that state's internal conflict
    home = escalation("PAK-REB-BLA", "PAK", 6, "2024-02-01", (5,))
    assert home is not None and "the state's internal conflict" in home.rationale


def test_expert_view_only_when_the_expert_speaks_of_the_conflict(context: Any) -> None:
    prices = _analysis("According to an energy analyst, the average price of diesel across the region today is "
                       "$4.10.", context)
    assert [c.speaker_type for c in prices.claims] == ["expert"]
    assert _expert_views(prices) == []
    shelling = _analysis("Defence analysts at the International Institute for Strategic Studies said the shelling "
                         "of the border villages was likely to intensify.", context)
    assert [s.text for s in _expert_views(shelling)] == [
        "Defence analysts at the International Institute for Strategic Studies said that the shelling of the "
        "border villages was likely to intensify."]
