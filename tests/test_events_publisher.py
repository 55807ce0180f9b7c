"""An official page's titled readout (redline.events.publisher) through the real pipeline: the meeting its title
names, between the publishing government and the counterpart. The titles and sentences are written for these
tests."""

from __future__ import annotations

from typing import Any

from redline import events as events_stage
from redline import nlp as nlp_stage
from redline.events import current
from redline.events.publisher import title_parties
from redline.ingest import normalize
from redline.models import RawDocument

KREMLIN = "http://en.kremlin.ru/events/president/news/99999"
WHITE_HOUSE = "https://www.whitehouse.gov/briefing-room/statements-releases/2031/03/02/readout/"


def _consults(title: str, text: str, url: str | None, context: Any) -> set[tuple[str | None, str | None]]:
    raw = RawDocument(origin="test", text=text, title=title, url=url, published="2031-03-02")
    events = events_stage.code(nlp_stage.analyze(normalize(raw, context.settings), context.parse,
                                                 context.gazetteer))
    return {((e.source or "")[:3] or None, (e.target or "")[:3] or None)
            for e in current(events) if e.type == "CONSULT"}


def test_publisher_title_talks_are_mutual(context: Any) -> None:
    text = ("The discussion covered trade in grain and fertiliser and the situation in the Caspian region. "
            "Several intergovernmental documents were signed.")
    assert {("RUS", "KAZ"), ("KAZ", "RUS")} <= _consults("Russian-Kazakh talks", text, KREMLIN, context)


def test_publisher_title_conversation_with_x_is_one_way(context: Any) -> None:
    text = "The discussion focused on the supply of natural gas to Europe over the winter."
    found = _consults("Telephone conversation with Federal Chancellor of Germany Angela Merkel", text, KREMLIN,
                      context)
    assert ("RUS", "DEU") in found
    assert ("DEU", "RUS") not in found


def test_publisher_readout_of_a_call_on_the_white_house_page(context: Any) -> None:
    text = "The President underlined the importance of freedom of navigation in the Red Sea."
    title = "Readout of President Biden’s Call with Prime Minister Benjamin Netanyahu"
    assert ("USA", "ISR") in _consults(title, text, WHITE_HOUSE, context)


def test_publisher_title_on_a_news_site_is_no_event(context: Any) -> None:
    text = "The discussion covered trade in grain and fertiliser and the situation in the Caspian region."
    assert not _consults("Russian-Kazakh talks", text, "https://www.example-news.com/world/123", context)


def test_publisher_domestic_meeting_and_sentence_titles_are_no_event() -> None:
    assert title_parties("Meeting with Kirov Region Governor Nikita Belykh", "RUS") is None
    assert title_parties("Vladimir Putin will meet with Federal Chancellor of Germany Angela Merkel on Monday",
                         "RUS") is None
    assert title_parties("Greetings to participants of a youth festival", "RUS") is None


def test_publisher_title_parties() -> None:
    assert title_parties("Talks with President of France Emmanuel Macron", "RUS") == ("FRA-GOV", True)
    assert title_parties("News conference following Russian-North Korean talks", "RUS") == ("PRK-GOV", True)
    assert title_parties("Readout of President Biden’s Meeting with Republic of Korea President", "USA") \
        == ("KOR-GOV", False)
    assert title_parties("Readout of the Vice President’s Call with President Anatol Vrenk", "USA",
                         {"Anatol Vrenk": "MDA-GOV"}) == ("MDA-GOV", False)
