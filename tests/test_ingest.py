from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from redline.errors import IngestError
from redline.ingest import canonical_url, clean_text, normalize, parse_date
from redline.models import RawDocument
from redline.settings import Settings
from redline.sources import read

SETTINGS = Settings()

ENGLISH = (
    "Ukraine fired US-made ATACMS missiles at a military facility in Russia's Bryansk region on Tuesday, "
    "the Russian defence ministry said, a day after Washington lifted restrictions on their use.\n"
    "\n"
    "Kremlin spokesman Dmitry Peskov said the strike would mark a qualitatively new phase of the war."
)

GERMAN = (
    "Die Ukraine hat nach russischen Angaben erstmals amerikanische Raketen vom Typ ATACMS auf Ziele in "
    "Russland abgefeuert. Das Verteidigungsministerium in Moskau teilte mit, fünf von sechs Raketen seien "
    "abgefangen worden. Trümmer der sechsten Rakete hätten auf dem Gelände einer Militäreinrichtung einen "
    "Brand ausgelöst, der schnell gelöscht worden sei. Der Kreml sprach von einer neuen Phase des Krieges "
    "und kündigte eine angemessene Antwort an. Die Bundesregierung rief beide Seiten zur Zurückhaltung auf."
)

FRENCH = (
    "L'Ukraine a tiré pour la première fois des missiles américains ATACMS sur le territoire russe, selon "
    "le ministère russe de la Défense. Cinq des six missiles auraient été abattus par la défense "
    "antiaérienne. Les débris du sixième seraient tombés sur une installation militaire et auraient "
    "provoqué un incendie, rapidement maîtrisé. Le Kremlin a dénoncé une nouvelle phase de la guerre."
)

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ukraine fires US-made ATACMS missiles into Russia for the first time | World News Daily</title>
<meta property="og:title" content="Ukraine fires US-made ATACMS missiles into Russia for the first time">
<meta property="article:published_time" content="2024-11-19T10:00:00+02:00">
<link rel="canonical" href="https://www.worldnewsdaily.example/europe/ukraine-atacms-russia/">
</head>
<body>
<header>
  <nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
    <li><a href="/subscribe">Subscribe for unlimited access today</a></li>
  </ul></nav>
  <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies to continue.</div>
</header>
<main>
<article>
  <h1>Ukraine fires US-made ATACMS missiles into Russia for the first time</h1>
  <p class="byline">By Jane Doe, Kyiv correspondent</p>
  <p>Ukraine fired US-made ATACMS missiles at a military facility in Russia's Bryansk region on Tuesday,
  the Russian defence ministry said, a day after Washington lifted restrictions on their use against
  targets inside Russia.</p>
  <p>The ministry said air defences shot down five of the six missiles and that fragments of the sixth
  fell on the territory of the facility, starting a fire that was quickly extinguished.</p>
  <p>Kremlin spokesman Dmitry Peskov said the use of the missiles would mark a qualitatively new phase of
  the war, and warned that Moscow would respond appropriately.</p>
  <p>Western governments have been divided over whether to allow Kyiv to strike deeper into Russia, with
  some fearing that it could draw NATO into direct conflict with a nuclear-armed power.</p>
</article>
<aside class="related"><h3>Related stories</h3>
  <ul><li><a href="/a">Oil prices climb as markets weigh supply risks</a></li>
  <li><a href="/b">Ten recipes for the perfect autumn soup</a></li></ul>
</aside>
</main>
<footer>
  <p>Copyright 2024 World News Daily Ltd. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
</footer>
</body>
</html>
"""

CYRILLIC_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Kyiv under fire</title></head><body>
<nav><a href="/">Главная</a> <a href="/news">Новости</a> <a href="/sport">Спорт</a></nav>
<article><h1>Kyiv under fire</h1>
<p>Russian forces launched a large missile and drone attack on Kyiv overnight, the city administration
said on Sunday morning. Air defence units were active across the capital for several hours.</p>
<p>По словам мэра Киева Виталия Кличко, в результате атаки пострадали по меньшей мере три человека.</p>
<p>Ukraine's air force said it had shot down most of the incoming drones, while officials warned
residents to stay in shelters until the all-clear was given.</p>
</article><footer>Все права защищены</footer></body></html>"""


def raw(text: str, **kwargs: object) -> RawDocument:
    return RawDocument(origin="story.txt", text=text, **kwargs)  # type: ignore[arg-type]


def error_of(document: RawDocument, settings: Settings = SETTINGS, **kwargs: str) -> str:
    with pytest.raises(IngestError) as info:
        normalize(document, settings, **kwargs)
    return str(info.value)


def test_ingest_text_article_fields() -> None:
    article = normalize(raw(ENGLISH, title="ATACMS strike", source="VOA"), SETTINGS)
    assert article.title == "ATACMS strike"
    assert article.text == ENGLISH
    assert article.source == "VOA"
    assert article.language == "en"
    assert article.published is None
    assert article.url is None
    assert article.origin == "story.txt"


def test_ingest_cleans_text_only_in_whitespace() -> None:
    messy = "\r\n  First line.  \r\nSecond\tline\t\r\r\n\n\n\nThird line — «quoted» ünïcode.   \n\n"
    assert clean_text(messy) == "First line.\nSecond\tline\n\nThird line — «quoted» ünïcode."


def test_ingest_html_extracts_article_not_nav(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    [document] = read(str(path))
    article = normalize(document, SETTINGS)
    assert article.title == "Ukraine fires US-made ATACMS missiles into Russia for the first time"
    assert article.text.startswith("Ukraine fired US-made ATACMS missiles at a military facility")
    assert "qualitatively new phase of the war" in article.text
    assert "draw NATO into direct conflict" in article.text
    for junk in ("Subscribe", "cookies", "Related stories", "autumn soup", "Copyright", "Privacy policy"):
        assert junk not in article.text
    assert article.url == "https://www.worldnewsdaily.example/europe/ukraine-atacms-russia/"
    assert article.source == "worldnewsdaily.example"
    assert article.published == datetime(2024, 11, 19, tzinfo=UTC)
    assert (
        article.id
        == "a"
        + hashlib.sha1(b"https://www.worldnewsdaily.example/europe/ukraine-atacms-russia").hexdigest()[:15]
    )


def test_ingest_html_windows_1251(tmp_path: Path) -> None:
    path = tmp_path / "cp.html"
    path.write_bytes(CYRILLIC_PAGE.encode("cp1251"))
    [document] = read(str(path))
    article = normalize(document, SETTINGS)
    assert "мэра Киева Виталия Кличко" in article.text
    assert "shot down most of the incoming drones" in article.text
    assert "Главная" not in article.text
    assert article.title == "Kyiv under fire"


def test_ingest_html_without_article_text() -> None:
    page = "<html><head><title>Menu</title><script>var x = 1;</script></head><body>\n</body></html>"
    assert error_of(raw(page, html=True)) == "story.txt: no article text found in the HTML"


def test_ingest_html_with_only_a_menu_is_too_short() -> None:
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    assert error_of(raw(page, html=True)) == (
        "story.txt: text too short to analyse (4 characters; at least 20 needed)"
    )


def test_ingest_empty_text() -> None:
    assert error_of(raw(" \r\n\n\t ")) == "story.txt: text is empty"


def test_ingest_text_too_short() -> None:
    assert error_of(raw("Kyiv shelled.")) == (
        "story.txt: text too short to analyse (13 characters; at least 20 needed)"
    )


def test_ingest_text_over_size_limit() -> None:
    text = (ENGLISH + "\n\n") * 300
    size = len(clean_text(text).encode("utf-8"))
    assert error_of(raw(text), SETTINGS.with_(max_text_bytes=1000)) == (
        f"story.txt: text is {size / 1e6:.1f} MB, over the 0.0 MB limit (raise it with --setting max_text_bytes N)"
    )


def test_ingest_size_counts_utf8_bytes() -> None:
    text = "Київ " * 120_000  # 600,000 characters, 1,080,000 bytes before cleaning
    assert error_of(raw(text), SETTINGS.with_(max_text_bytes=1_000_000)) == (
        "story.txt: text is 1.1 MB, over the 1.0 MB limit (raise it with --setting max_text_bytes N)"
    )


def test_ingest_german_is_refused() -> None:
    assert error_of(raw(GERMAN)) == "story.txt: text is in German (de), not English (redline analyses: en)"


def test_ingest_french_is_refused() -> None:
    assert error_of(raw(FRENCH)) == "story.txt: text is in French (fr), not English (redline analyses: en)"


def test_ingest_language_error_lists_every_allowed_language() -> None:
    settings = SETTINGS.with_(languages=("en", "fr"))
    assert error_of(raw(GERMAN), settings) == (
        "story.txt: text is in German (de), not English or French (redline analyses: en, fr)"
    )


def test_ingest_allowed_other_language_is_kept() -> None:
    article = normalize(raw(FRENCH), SETTINGS.with_(languages=("en", "fr")))
    assert article.language == "fr"


def test_ingest_short_foreign_text_is_not_refused() -> None:
    article = normalize(raw("Die Ukraine hat Raketen abgefeuert."), SETTINGS)
    assert article.language == "en"


def test_ingest_id_from_canonical_url() -> None:
    a = normalize(raw(ENGLISH, url="https://www.example.org/news/strike/?id=7"), SETTINGS)
    b = normalize(
        raw(
            ENGLISH + " Updated.",
            url="HTTPS://WWW.Example.org/news/strike?utm_source=x&id=7&UTM_medium=y#top",
        ),
        SETTINGS,
    )
    assert a.id == b.id
    assert a.id == "a" + hashlib.sha1(b"https://www.example.org/news/strike?id=7").hexdigest()[:15]
    assert a.source == "example.org"


def test_ingest_canonical_url() -> None:
    assert canonical_url("HTTPS://News.Example.COM:443/a/b/?utm_campaign=z&q=1%202&utm_source=rss#frag") == (
        "https://news.example.com/a/b?q=1%202"
    )
    assert canonical_url("http://example.com/") == "http://example.com"
    assert canonical_url("http://example.com:8080/Path/") == "http://example.com:8080/Path"


def test_ingest_id_from_text_is_stable() -> None:
    a = normalize(raw(ENGLISH), SETTINGS)
    b = normalize(RawDocument(origin="other.txt", text=ENGLISH.replace("\n", "\r\n") + "\n\n"), SETTINGS)
    c = normalize(raw(ENGLISH + " More."), SETTINGS)
    assert a.id == b.id
    assert a.id != c.id
    assert len(a.id) == 16 and a.id.startswith("a")


def test_ingest_title_falls_back_to_first_sentence() -> None:
    article = normalize(raw(ENGLISH), SETTINGS)
    assert article.title == (
        "Ukraine fired US-made ATACMS missiles at a military facility in Russia's Bryansk region on…"
    )
    assert len(article.title) <= 100
    short = normalize(raw("Kyiv was shelled overnight. Two people were hurt."), SETTINGS)
    assert short.title == "Kyiv was shelled overnight."


def test_ingest_published_iso_date() -> None:
    article = normalize(raw(ENGLISH, published="2024-11-19"), SETTINGS)
    assert article.published == datetime(2024, 11, 19, tzinfo=UTC)


def test_ingest_published_rfc2822_to_utc() -> None:
    article = normalize(raw(ENGLISH, published="Tue, 19 Nov 2024 10:00:00 +0200"), SETTINGS)
    assert article.published == datetime(2024, 11, 19, 8, 0, tzinfo=UTC)


def test_ingest_published_free_text() -> None:
    assert parse_date("19 November 2024, 10:00 CET") == datetime(2024, 11, 19, 9, 0, tzinfo=UTC)
    assert parse_date("2025-03-14 14:23:08Z") == datetime(2025, 3, 14, 14, 23, 8, tzinfo=UTC)


def test_ingest_published_unreadable_or_ancient_is_dropped() -> None:
    assert normalize(raw(ENGLISH, published="the 1000th day"), SETTINGS).published is None
    assert normalize(raw(ENGLISH, published="1000-11-19"), SETTINGS).published is None
    assert normalize(raw(ENGLISH, published="yesterday"), SETTINGS).published is None


def test_ingest_published_override_wins() -> None:
    article = normalize(raw(ENGLISH, published="2020-01-01"), SETTINGS, published="2024-11-19")
    assert article.published == datetime(2024, 11, 19, tzinfo=UTC)


def test_ingest_published_override_unreadable() -> None:
    assert error_of(raw(ENGLISH), published="next week") == (
        "story.txt: cannot read the date 'next week' (use YYYY-MM-DD)"
    )
    assert error_of(raw(ENGLISH), published="1000-01-01") == (
        "story.txt: cannot read the date '1000-01-01' (use YYYY-MM-DD)"
    )


def test_ingest_sources_published_option_reaches_the_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Strike on Bryansk\n" + ENGLISH, encoding="utf-8")
    [document] = read(str(path), published="Tue, 19 Nov 2024 10:00:00 +0200")
    article = normalize(document, SETTINGS)
    assert (article.title, article.text) == ("Strike on Bryansk", ENGLISH)
    assert article.published == datetime(2024, 11, 19, 8, 0, tzinfo=UTC)


def test_ingest_jsonl_records_from_stdin() -> None:
    record = '{"title": "%s", "text": "%s", "url": "https://voanews.com/a/%s.html", "date": "2025-03-14"}\n'
    body = ENGLISH.replace("\n", "\\n")
    stream = io.StringIO(record % ("One", body, 1) + record % ("Two", body, 2))
    articles = [normalize(d, SETTINGS) for d in read("-", stdin=stream)]
    assert [a.origin for a in articles] == ["<stdin> line 1", "<stdin> line 2"]
    assert [a.title for a in articles] == ["One", "Two"]
    assert articles[0].id != articles[1].id
    article = articles[0]
    assert article.source == "voanews.com"
    assert article.published == datetime(2025, 3, 14, tzinfo=UTC)


def test_ingest_founding_sample(founding_text: str) -> None:
    founding = (
        Path(__file__).resolve().parent.parent / "redline" / "data" / "sample" / "ukraine-1000th-day.txt"
    )
    [document] = read(str(founding))
    article = normalize(document, SETTINGS)
    assert article.title == "Escalation Fears Rise as Ukraine War Enters 1000th Day"
    assert article.language == "en"
    assert article.text == clean_text(founding_text.partition("\n")[2])


@pytest.mark.parametrize(("title", "expected"), [
    ("Remarks by President\\_Biden Before a Meeting with Congressional\\_Leaders\\",
     "Remarks by President Biden Before a Meeting with Congressional Leaders"),
    ("Bills Signed: H.R. 6968 and H.R.\\_7108", "Bills Signed: H.R. 6968 and H.R. 7108"),
    ("Support for the President\\u2019s Pursuit of Peace \\u2014 Again",
     "Support for the President’s Pursuit of Peace — Again"),
    ("Strike on \\[redacted\\] base \\*confirmed\\*", "Strike on [redacted] base *confirmed*"),
    ("A null \\u0000 and a half pair \\ud83d stay as written",
     "A null \\u0000 and a half pair \\ud83d stay as written"),
    ("snake_case and C:\\path stay", "snake_case and C:\\path stay"),
])
def test_ingest_title_undoes_markdown_and_json_escapes(title: str, expected: str) -> None:
    article = normalize(raw(ENGLISH, title=title), SETTINGS)
    assert article.title == expected
