"""Article-length stories through the real pipeline: the lede's news stays current, while the body's cited past,
generic present, modal acts, analysts' views and questions are kept with their own status (redline.events.frame)."""

from __future__ import annotations

from typing import Any

from redline.eval import code_sentence
from redline.events.frame import ARTICLE_SENTENCES, EARLIER_PERIOD
from redline.events.status import ARTICLE_BODY, in_article

PUBLISHED = "2024-11-20"


def _statuses(text: str, context: Any) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source, e.target, e.status) for e in code_sentence(text, PUBLISHED, context, "test")]


def test_events_article_body_is_long_enough_to_be_an_article() -> None:
    assert ARTICLE_BODY.count(".") >= ARTICLE_SENTENCES


def test_events_article_generic_present_is_no_happening_but_a_wire_summary_is(context: Any) -> None:
    sentence = "Japan supplies Vietnam with patrol boats."
    # a one-line wire summary tells its news in the present
    assert [s for *_, s in _statuses(sentence, context)] == ["current"]
    # the same present in an article's body is what is generally so
    assert "generic" in [s for *_, s in _statuses(in_article(sentence), context)]


def test_events_article_dated_present_stays_news(context: Any) -> None:
    events = _statuses(in_article("On Tuesday Japan supplies Vietnam with patrol boats."), context)
    assert "generic" not in [s for *_, s in events]


def test_events_article_lede_act_stays_current(context: Any) -> None:
    text = "Russia has imposed sanctions on Moldova. " + ARTICLE_BODY
    events = _statuses(text, context)
    assert any(s == "current" and src == "RUS" for _t, src, _tg, s in events), events


def test_events_article_pluperfect_in_the_body_is_background(context: Any) -> None:
    events = _statuses(in_article("France had been recalling its ambassador from Turkey."), context)
    assert [s for *_, s in events] and all(s == "background" for *_, s in events), events


def test_events_article_modal_act_is_not_done(context: Any) -> None:
    events = _statuses(in_article("India could sell fighter jets to the Philippines."), context)
    assert [s for *_, s in events] and all(s == "hypothetical" for *_, s in events), events


def test_events_article_analyst_view_is_an_opinion(context: Any) -> None:
    for sentence in ("Analysts believe Iran sold missiles to Russia.",
                     "Several experts said Iran will expel the inspectors."):
        events = _statuses(sentence, context)
        assert [s for *_, s in events] and all(s == "opinion" for *_, s in events), (sentence, events)
    # an official's report is news
    events = _statuses("Iran's foreign ministry said Iran expelled the inspectors.", context)
    assert "opinion" not in [s for *_, s in events], events


def test_events_article_question_reports_no_act(context: Any) -> None:
    events = _statuses("Did Israel strike Iranian air defences near Isfahan?", context)
    assert [s for *_, s in events] and "current" not in [s for *_, s in events], events


def test_events_article_earlier_period_words() -> None:
    for phrase in ("last year", "two years ago", "as far back as 2005", "in 2017", "months ago", "earlier this year"):
        assert EARLIER_PERIOD.search(phrase), phrase
    for phrase in ("on Tuesday", "this week", "yesterday", "in March", "last month"):
        assert not EARLIER_PERIOD.search(phrase), phrase


def test_events_article_earlier_period_is_background(context: Any) -> None:
    events = _statuses("Last year Morocco signed a gas agreement with Nigeria.", context)
    assert [s for *_, s in events] and all(s == "background" for *_, s in events), events


def test_events_article_reported_present_stays_news(context: Any) -> None:
    events = _statuses(in_article("Putin said Thursday that Russia supports the American ceasefire proposal."), context)
    assert any(t == "SUPPORT" and src == "RUS" and s == "current" for t, src, _tg, s in events), events


def test_events_article_commentator_named_after_the_quote_gives_an_opinion(context: Any) -> None:
    text = '"China sees a window to send more development aid to Malaysia," said a professor at a Tokyo university.'
    events = _statuses(text, context)
    assert [s for *_, s in events] and all(s == "opinion" for *_, s in events), events


def test_events_article_an_expectation_by_the_way_is_no_opinion(context: Any) -> None:
    # "expecting" here is what the authorities did while troops acted, not a view the act is the object of
    text = ("Authorities sent coffins to the station on Wednesday, expecting casualties as Pakistani troops moved "
            "to arrest the Baloch rebels.")
    events = _statuses(text, context)
    assert "opinion" not in [s for *_, s in events], events
