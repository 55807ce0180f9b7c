"""The overview's index charts in real headless Chromium: a real time axis over the chosen window, and no
line drawn across a period without data."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.slow

# Every sub-path of the chart line as [min x, max x], and every no-data band as [x, x + width].
RUNS_AND_BANDS = """svg => {
  const d = (svg.querySelector('path.line') || {getAttribute: () => ''}).getAttribute('d') || '';
  const runs = d.split('M').filter(s => s.trim()).map(s => {
    const xs = s.split('L').map(p => parseFloat(p.split(',')[0]));
    return [Math.min(...xs), Math.max(...xs)];
  });
  const bands = [...svg.querySelectorAll('rect.nodata')].map(r => {
    const x = parseFloat(r.getAttribute('x'));
    return [x, x + parseFloat(r.getAttribute('width'))];
  });
  return {runs, bands};
}"""


def newest(web_server: str) -> date:
    first = httpx.get(web_server + "/api/v1/articles", params={"limit": 1}, timeout=30).json()["items"][0]
    return date.fromisoformat(first["published"][:10])


@pytest.fixture
def page(chromium: Any) -> Any:
    context = chromium.new_context(viewport={"width": 1300, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("window", [30, 90, 365])
def test_web_chart_axis_covers_the_chosen_window(web_server: str, page: Any, window: int) -> None:
    until = newest(web_server)
    since = until - timedelta(days=window - 1)
    page.goto(web_server + "/")
    if window != 90:  # 90 days is the default window; the others are chosen by their link
        page.locator(f"a[data-window='{window}']").click()
    page.wait_for_load_state("load")
    assert page.locator(f"strong[data-window='{window}']").count() == 1
    chart = page.locator("svg.chart").first
    assert (chart.get_attribute("data-since"), chart.get_attribute("data-until")) == (since.isoformat(),
                                                                                      until.isoformat())
    assert chart.locator("text.axis-first").text_content() == since.isoformat()
    assert chart.locator("text.axis-last").text_content() == until.isoformat()
    expected = httpx.get(web_server + "/api/v1/index", params={"since": since.isoformat(),
                                                               "until": until.isoformat()}, timeout=30).json()
    dates = [c.get_attribute("data-date") for c in chart.locator("circle.pt").all()]
    assert dates == [p["date"] for p in expected["points"]]
    assert all(since.isoformat() <= d <= until.isoformat() for d in dates)
    width = float((chart.get_attribute("viewBox") or "0 0 0 0").split()[2])
    xs = [float(c.get_attribute("cx") or -1) for c in chart.locator("circle.pt").all()]
    assert all(0 < x < width for x in xs)


def test_web_chart_draws_no_line_across_a_gap(web_server: str, page: Any) -> None:
    page.goto(web_server + "/?window=all&by=week")
    chart = page.locator("svg.chart").first
    shapes = chart.evaluate(RUNS_AND_BANDS)
    assert shapes["bands"], "the sample spans years with empty weeks: there must be no-data bands"
    assert len(shapes["runs"]) == int(chart.get_attribute("data-runs") or -1)
    for lo, hi in shapes["runs"]:
        assert not any(lo < a and b < hi for a, b in shapes["bands"]), (lo, hi)
    first = chart.get_attribute("data-since") or ""
    articles = httpx.get(web_server + "/api/v1/articles", params={"limit": 1000}, timeout=30).json()["items"]
    assert first == min(a["published"][:10] for a in articles if a["published"])
