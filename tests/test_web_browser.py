"""The dashboard in real headless Chromium, with every request off 127.0.0.1 refused (the network cut)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

pytestmark = pytest.mark.slow


class Offline:
    """A page whose requests to anywhere but 127.0.0.1 are aborted, recording errors and refusals."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1300, "height": 900})
        self.page = self.context.new_page()
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlparse(url).hostname == "127.0.0.1" or url.startswith("data:"):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def offline(chromium: Any) -> Any:
    tab = Offline(chromium)
    yield tab
    tab.close()


def test_web_browser_every_page_renders_offline(web_server: str, offline: Any, founding_brief: Any,
                                                 screenshot_dir: Path) -> None:
    page = offline.page
    pages = {
        "overview": "/", "map": "/map", "article": f"/articles/{founding_brief.article.id}",
        "scenarios": "/scenarios", "ledger": "/ledger", "review": "/review", "search": "/search?q=ATACMS",
    }
    for name, path in pages.items():
        response = page.goto(web_server + path)
        assert response is not None and response.status == 200, name
        if name == "map":
            page.wait_for_selector("#map[data-markers]", timeout=20_000)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(screenshot_dir / f"{name}.png"))
        assert page.locator("footer").inner_text().startswith("Borders as recognised by the United Nations")
    print(f"screenshots in {screenshot_dir}")
    assert offline.refused == []
    assert offline.errors == []


def test_web_browser_chart_has_points(web_server: str, offline: Any) -> None:
    page = offline.page
    page.goto(web_server + "/?window=all")
    chart = page.locator("svg.chart").first
    span = {"since": chart.get_attribute("data-since"), "until": chart.get_attribute("data-until")}
    index = httpx.get(web_server + "/api/v1/index", params=span).json()
    overall = page.locator("svg.chart").first.locator("circle.pt")
    assert overall.count() == len(index["points"]) > 0
    assert overall.first.get_attribute("data-date") == index["points"][0]["date"]
    assert page.locator("svg.chart").count() == 1 + min(4, len(index["dyads"]))


def test_web_browser_map_shows_markers_and_filters(web_server: str, offline: Any, screenshot_dir: Path) -> None:
    page = offline.page
    page.goto(web_server + "/map")
    page.wait_for_selector("#map[data-markers]", timeout=20_000)
    located = httpx.get(web_server + "/api/v1/events", params={"located": "true", "limit": 1000}).json()["items"]
    assert int(page.locator("#map").get_attribute("data-markers") or 0) == len(located) > 0
    assert page.locator("path.event-marker").count() == len(located)
    assert page.locator("#map-status").inner_text() == f"{len(located)} located events shown."
    assert page.locator("#map").get_attribute("data-outlines") == "loaded"
    assert page.locator(".leaflet-overlay-pane path").count() > 200  # country outlines + markers

    page.goto(web_server + "/map?actor=PAK&type=ASSAULT")
    page.wait_for_selector("#map[data-markers]", timeout=20_000)
    pak = [e for e in located if e["type"] == "ASSAULT" and "PAK" in {(e["source"] or "")[:3], (e["target"] or "")[:3]}]
    assert page.locator("path.event-marker").count() == len(pak) > 0
    page.locator("path.event-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    assert popup.inner_text().startswith("ASSAULT")
    page.screenshot(path=str(screenshot_dir / "map-filtered.png"))
    assert offline.errors == [] and offline.refused == []


def test_web_browser_statement_links_to_its_evidence(web_server: str, offline: Any, founding_brief: Any,
                                                      screenshot_dir: Path) -> None:
    page = offline.page
    page.goto(f"{web_server}/articles/{founding_brief.article.id}")
    statement = founding_brief.assessment.statements[0]
    evidence = statement.evidence[0]
    link = page.locator("li.statement").first.locator("a.evref").first
    assert link.get_attribute("data-ev") == f"ev-{evidence.start}-{evidence.end}"
    link.click()
    active = page.locator(".ev.active")
    assert active.count() >= 1
    assert "".join(active.all_inner_texts()) == evidence.quote
    assert active.first.is_visible()
    assert page.evaluate("location.hash") == f"#ev-{evidence.start}-{evidence.end}"
    page.screenshot(path=str(screenshot_dir / "article-evidence.png"))


def test_web_browser_stored_payloads_do_not_run(web_server: str, offline: Any) -> None:
    articles = httpx.get(web_server + "/api/v1/articles", params={"limit": 1000}).json()["items"]
    xss = [a for a in articles if a["title"].startswith("XSS test")]
    assert xss
    page = offline.page
    for article in xss:
        page.goto(f"{web_server}/articles/{article['id']}")
        assert page.locator("h1").inner_text() == article["title"]
    page.goto(web_server + "/search?q=XSS")
    page.goto(web_server + "/")
    assert offline.dialogs == []
    assert offline.refused == []
