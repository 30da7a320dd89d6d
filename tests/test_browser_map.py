"""Real browser journey on the map page: a shared link opens the exact map with the coverage
line, both archipelagos named and provinces without a figure hatched; zero requests leave
localhost with the map on screen; hovering a province; the scale switch writes the URL; today's
boundaries; downloads (CSV, Excel, the map as SVG and PNG with title, legend and source inside);
the same page in English."""
import re
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser import ARTIFACTS
from openpyxl import load_workbook

from govdash.maps import geometry

pytestmark = pytest.mark.browser

LINK = "/map?loc=31&from=2021&to=2024&lang=vi&ind=grdp_growth&body=locality&year=2023&bounds=published&scale=tiers"


# page pixel of a point in the map's drawing coordinates (axes constrained to their domain)
PIXEL = """([x, y]) => { const gd = document.querySelector('.js-plotly-plot');
  const r = gd.getBoundingClientRect(), fl = gd._fullLayout;
  return [r.left + fl.xaxis._offset + fl.xaxis.l2p(x), r.top + fl.yaxis._offset + fl.yaxis.l2p(y)]; }"""


def params(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def wait_map(browser) -> None:
    browser.page.wait_for_selector(".js-plotly-plot", timeout=60000)
    browser.wait_idle()


def option(page, text: str):
    return page.locator('[data-testid="stButtonGroup"] button', has_text=text).first


def download(page, trigger) -> bytes:
    with page.expect_download(timeout=30000) as info:
        trigger()
    return Path(info.value.path()).read_bytes()


def toolbar_image(page) -> bytes:
    page.hover(".js-plotly-plot >> nth=0")
    return download(page, lambda: page.locator(".js-plotly-plot >> nth=0").locator(
        '.modebar-btn[data-title^="Download plot"]').click())


def test_map_offline_link_hover_switches_and_downloads(app_server, browser):
    page = browser.page
    page.set_viewport_size({"width": 1500, "height": 2400})
    browser.goto(app_server + LINK)
    wait_map(browser)
    assert page.locator("h1").first.inner_text() == "Bản đồ & Xếp hạng"
    assert params(page.url) == params(LINK)
    text = page.locator(".js-plotly-plot").first.inner_text()
    assert "Quần đảo Hoàng Sa" in text and "Quần đảo Trường Sa" in text
    assert "chưa có số" in text and "Nguồn:" in text and re.search(r"\d+/63 tỉnh có số năm 2023", text)
    line = page.locator('[data-testid="stMarkdownContainer"] strong', has_text=re.compile(r"^\d+/63 tỉnh có số năm 2023$"))
    assert line.count() == 1   # the coverage line above the map
    browser.screenshot("map-grdp-2023-vi")
    assert browser.external == []          # nothing left localhost with the map on screen

    # hovering a province fill shows its name and value the Vietnamese way
    x, y = geometry.project(*geometry.by_code("63")["38"].label_lonlat)   # Thanh Hóa
    point = page.evaluate(PIXEL, [x, y])
    page.mouse.move(point[0], point[1])
    page.locator(".hoverlayer .hovertext").first.wait_for(timeout=10000)
    hover = page.locator(".hoverlayer .hovertext").first.text_content()
    assert "Thanh Hóa" in hover and "%" in hover and "Nguồn:" in hover, hover

    # the scale switch writes the URL; a reload reproduces it
    option(page, "Thang đều").click()
    page.wait_for_url(re.compile(r"scale=steps"), timeout=15000)
    wait_map(browser)
    steps_url = page.url
    browser.goto(steps_url)
    wait_map(browser)
    assert params(page.url) == params(steps_url)

    # downloads of exactly what is shown
    csv = download(page, lambda: page.get_by_role("button", name="Tải CSV").click())
    assert csv.startswith(b"\xef\xbb\xbf") and csv.decode("utf-8-sig").count("\n") == 64  # header + 63
    book = load_workbook(BytesIO(download(page, lambda: page.get_by_role("button", name="Tải Excel").click())))
    sheet = book["Bản đồ"]
    header = [c.value for c in sheet[1]]
    values = [r[header.index("Giá trị")] for r in sheet.iter_rows(min_row=2)]
    assert len(values) == 63 and all(c.data_type == "n" for c in values if c.value is not None)

    # the map as SVG and PNG, title, legend and source line inside the picture
    option(page, "SVG").click()
    browser.wait_idle()
    svg = toolbar_image(page)
    assert svg.lstrip().startswith(b"<svg")
    for words in ("Tăng trưởng GRDP", "Nguồn:", "chưa có số", "Quần đảo Trường Sa", "Ranh giới"):
        assert words.encode() in svg, words
    option(page, "PNG").click()
    browser.wait_idle()
    png = toolbar_image(page)
    assert png.startswith(b"\x89PNG")
    (ARTIFACTS / "map-export.png").write_bytes(png)
    assert browser.external == []


def test_map_today_boundaries_in_english(app_server, browser):
    page = browser.page
    page.set_viewport_size({"width": 1500, "height": 2400})
    browser.goto(app_server + "/map?lang=en&from=2022&to=2024&ind=budget_revenue&year=2024&bounds=current")
    wait_map(browser)
    assert page.locator("h1").first.inner_text() == "Map & rankings"
    text = page.locator(".js-plotly-plot").first.inner_text()
    assert "on today's boundaries" in text and "incomplete (merged)" in text and "Hoàng Sa archipelago" in text
    line = page.locator('[data-testid="stMarkdownContainer"] strong',
                        has_text=re.compile(r"^\d+/34 units \(today's boundaries\) have a figure for 2024$"))
    assert line.count() == 1
    browser.screenshot("map-revenue-2024-current-en")
    assert browser.external == []


def test_clicking_a_province_opens_its_overview(app_server, browser):
    """Plotly sends no click for a filled area: the invisible marker at each province's label
    point does, and the page turns it into that province's Overview for the map's year."""
    page = browser.page
    page.set_viewport_size({"width": 1500, "height": 2400})
    browser.goto(app_server + LINK)
    wait_map(browser)
    x, y = geometry.project(*geometry.by_code("63")["38"].label_lonlat)   # Thanh Hóa
    point = page.evaluate(PIXEL, [x, y])
    page.mouse.move(point[0], point[1])
    page.locator(".hoverlayer .hovertext").first.wait_for(timeout=10000)
    hover = page.locator(".hoverlayer .hovertext").first.text_content()
    # the marker's hover is the province's own: name, value, status, period, source
    assert "Thanh Hóa" in hover and "%" in hover and "2023" in hover and "Nguồn:" in hover, hover
    page.mouse.click(point[0], point[1])
    page.locator("h1", has_text="Thanh Hóa — năm 2023").first.wait_for(timeout=20000)   # the Overview
    browser.wait_idle()
    query = params(page.url)
    assert query["loc"] == "38" and query["to"] == "2023"
    browser.screenshot("map-click-overview")
    assert browser.external == []
