"""Article URLs and files of URLs, read through the fetcher from the test server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.errors import SourceError
from redline.ingest import normalize
from redline.models import RawDocument, Skip
from redline.settings import Settings
from redline.sources import read

PAGES = Path(__file__).parent / "pages"


def one(spec: str, **kwargs: Any) -> RawDocument:
    [doc] = list(read(spec, allow_private=True, **kwargs))
    assert isinstance(doc, RawDocument)
    return doc


def error_of(spec: str, **kwargs: Any) -> str:
    with pytest.raises(SourceError) as err:
        read(spec, **kwargs)
    return str(err.value)


def url_list(http_server: Any, tmp_path: Path, name: str = "frontline.urls") -> str:
    path = tmp_path / name
    path.write_bytes((PAGES / "frontline.urls").read_bytes().replace(b"{{BASE}}", http_server.base.encode()))
    return str(path)


def test_urls_article_page_is_html_to_extract(http_server: Any) -> None:
    url = http_server.url("/kharkiv-strike.html")
    doc = one(url)
    assert (doc.origin, doc.url, doc.html) == (url, url, True)
    article = normalize(doc, Settings())
    assert article.title == "Russian glide bombs hit Kharkiv power station, thousands without heat"
    assert article.text.startswith("Russian aircraft dropped at least four guided aerial bombs")
    assert "All rights reserved" not in article.text and "Related" not in article.text


def test_urls_failed_page_raises_one_line(http_server: Any) -> None:
    url = http_server.url("/missing.html")
    assert error_of(url, allow_private=True) == f"{url}: HTTP 404 Not Found"


def test_urls_private_address_refused_by_default(http_server: Any) -> None:
    url = http_server.url("/kharkiv-strike.html")
    assert error_of(url) == f"{url}: refused: loopback address 127.0.0.1 (use --allow-private to allow)"


def test_urls_other_scheme_is_refused() -> None:
    assert error_of("ftp://files.example/a.txt") == (
        "ftp://files.example/a.txt: unsupported URL scheme 'ftp' (give an http or https URL)"
    )


def test_urls_binary_page_is_refused(http_server: Any) -> None:
    url = http_server.url("/pdf")
    assert error_of(url, allow_private=True) == f"{url}: not a web page (application/pdf)"


def test_urls_malformed_html_still_extracts(http_server: Any) -> None:
    article = normalize(one(http_server.url("/malformed.html")), Settings())
    assert article.title == "Ukraine says it downed 30 drones over Kyiv region"
    assert "Debris from one drone fell on a warehouse in the Obukhiv district & started a fire" in article.text


def test_urls_windows_1251_page(http_server: Any) -> None:
    article = normalize(one(http_server.url("/odesa-port.cp1251.html")), Settings())
    assert "struck the port of Odesa (Одеса) overnight" in article.text
    assert "Chornomorsk (Чорноморськ)" in article.text


def test_urls_same_wire_story_on_two_sites(http_server: Any) -> None:
    a = normalize(one(http_server.url("/site-a/wire-zaporizhzhia.html")), Settings())
    b = normalize(one(http_server.url("/site-b/wire-zaporizhzhia.html")), Settings())
    assert a.id != b.id and a.title != b.title
    assert a.text == b.text  # boilerplate differs, the extracted story does not
    assert a.text.startswith("VIENNA (Continental Press)")
    assert "Winter tyres" not in a.text and "Comments (3)" not in b.text


def test_urls_list_file_reads_pages_and_feeds_in_order(http_server: Any, tmp_path: Path) -> None:
    path = url_list(http_server, tmp_path)
    base = http_server.base
    items = list(read(path, allow_private=True))
    assert [getattr(i, "url", None) or i.origin for i in items] == [
        f"{base}/kharkiv-strike.html",
        f"{base}/missing.html",
        f"{path} line 5",
        f"{base}/news/kurakhove-advance",
        f"{base}/site-a/wire-zaporizhzhia.html",
    ]
    assert items[1] == Skip(f"{base}/missing.html", "source", f"{base}/missing.html: HTTP 404 Not Found")
    assert items[2] == Skip(f"{path} line 5", "source", f"{path}: line 5: not an http or https URL")


def test_urls_txt_file_of_only_urls_is_a_url_list(http_server: Any, tmp_path: Path) -> None:
    path = tmp_path / "reading.txt"
    path.write_text(f"# two pages\n{http_server.url('/kharkiv-strike.html')}\n"
                    f"{http_server.url('/malformed.html')}\n", encoding="utf-8")
    docs = list(read(str(path), allow_private=True))
    assert [d.origin for d in docs] == [http_server.url("/kharkiv-strike.html"), http_server.url("/malformed.html")]


def test_urls_txt_article_that_starts_with_a_url_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("https://example.org/source\nRussian forces shelled Kharkiv overnight, officials said.\n",
                    encoding="utf-8")
    [doc] = list(read(str(path)))
    assert isinstance(doc, RawDocument) and doc.html is False
    assert "Russian forces shelled Kharkiv" in doc.text


def test_urls_empty_url_list_file(tmp_path: Path) -> None:
    path = tmp_path / "none.urls"
    path.write_text("# nothing yet\n\n", encoding="utf-8")
    assert error_of(str(path)) == f"{path}: file has no URLs (one http or https URL a line)"


def test_urls_cli_analyze_refuses_a_private_url(http_server: Any) -> None:
    url = http_server.url("/kharkiv-strike.html")
    result = CliRunner().invoke(main, ["analyze", url, "--no-store"])
    assert result.exit_code == 2
    assert result.output == f"Error: {url}: refused: loopback address 127.0.0.1 (use --allow-private to allow)\n"


@pytest.mark.slow
def test_urls_cli_analyze_a_url(http_server: Any) -> None:
    url = http_server.url("/kharkiv-strike.html")
    result = CliRunner().invoke(main, ["analyze", url, "--allow-private", "--no-store", "-f", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    brief = json.loads(result.output)
    assert brief["article"]["title"] == "Russian glide bombs hit Kharkiv power station, thousands without heat"
    assert brief["article"]["url"] == url
