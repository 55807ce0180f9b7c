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


# Whether a country outline is filled at a point of the map (outlines take no pointer events, so each path is
# asked whether the point is inside its fill).
DRAWN_AT = """([lat, lon]) => {
  const el = document.getElementById('map');
  const p = el.leafletMap.latLngToContainerPoint([lat, lon]);
  const box = el.getBoundingClientRect();
  const x = box.left + p.x, y = box.top + p.y;
  if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) return 'off the map';
  for (const path of el.querySelectorAll('path.outline')) {
    const at = new DOMPoint(x, y).matrixTransform(path.getScreenCTM().inverse());
    if (path.isPointInFill(at)) return 'land';
  }
  return 'sea';
}"""


def test_web_browser_map_outlines_split_at_the_antimeridian(web_server: str, offline: Any,
                                                             screenshot_dir: Path) -> None:
    page = offline.page
    page.goto(web_server + "/map")
    page.wait_for_selector("#map[data-markers]", timeout=20_000)
    assert 0 < float(page.locator("#map").get_attribute("data-widest-outline") or -1) <= 180

    def view(lat: float, lon: float, zoom: int) -> None:
        page.evaluate(f"document.getElementById('map').leafletMap.setView([{lat}, {lon}], {zoom}, "
                      "{animate: false}) && null")

    view(62, 0, 2)
    page.screenshot(path=str(screenshot_dir / "map-world.png"))
    # Sea on the latitudes of Chukotka's and Fiji's cuts, far from both: a band across the world would cover it.
    for lat, lon in [(67.0, -20.0), (-16.5, -120.0), (-16.5, 60.0)]:
        assert page.evaluate(DRAWN_AT, [lat, lon]) == "sea", (lat, lon)
    assert page.evaluate(DRAWN_AT, [67.0, 100.0]) == "land"  # Siberia
    view(-80, 0, 2)
    for lat, lon in [(-80.0, 0.0), (-80.0, 90.0), (-80.0, -90.0)]:  # Antarctica, cut in two halves, both filled
        assert page.evaluate(DRAWN_AT, [lat, lon]) == "land", (lat, lon)
    # Both sides of the antimeridian are still drawn: Chukotka east of 180, Russia west of it, Fiji on both.
    for lat, lon, zoom, points in [(66, -175, 4, [(66.5, -173.0)]), (66, 175, 4, [(67.0, 175.0), (65.0, 170.0)]),
                                   (-17, 179, 6, [(-16.5, 179.5), (-17.5, 178.2)])]:
        view(lat, lon, zoom)
        for point in points:
            assert page.evaluate(DRAWN_AT, list(point)) == "land", point
    assert offline.errors == [] and offline.refused == []
