"""Real browser journey on the compare and sources pages: a shared link opens the exact view,
switching views writes the URL, reloading it reproduces the view, the downloads (CSV, Excel,
the chart as PNG and SVG from Plotly's toolbar with the source line inside), today's
boundaries and search by a former name, a bad link, and a link to one figure's source."""
import re
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser import ARTIFACTS
from openpyxl import load_workbook

pytestmark = pytest.mark.browser

LINK = ("/compare?loc=31&from=2021&to=2024&lang=vi&ind=budget_revenue&body=locality"
        "&locs=31%2C30%2C36&view=lines&bounds=published")


def params(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def wait_chart(browser) -> None:
    browser.page.wait_for_selector(".js-plotly-plot", timeout=60000)
    browser.wait_idle()


def option(page, text: str):
    """A segmented-control option by its visible text."""
    return page.locator('[data-testid="stButtonGroup"] button', has_text=text).first


def download(page, trigger) -> bytes:
    with page.expect_download(timeout=30000) as info:
        trigger()
    return Path(info.value.path()).read_bytes()


def test_compare_link_views_downloads_and_reload(app_server, browser):
    page = browser.page
    page.set_viewport_size({"width": 1400, "height": 2400})
    browser.goto(app_server + LINK)
    wait_chart(browser)
    assert page.locator("h1").first.inner_text() == "So sánh"
    assert params(page.url) == params(LINK)
    svg_text = page.locator(".js-plotly-plot").first.inner_text()
    assert "> 90.400" in svg_text and "Nguồn:" in svg_text
    browser.screenshot("compare-lines-hai-phong-revenue")

    # switch to the ranking: the URL follows, the selection stays
    option(page, "Xếp hạng").click()
    page.wait_for_url(re.compile(r"view=bars"), timeout=15000)
    wait_chart(browser)
    bars_url = page.url
    # the ranked year: the latest in which most localities have a figure (2023: Hải Phòng, Hải Dương)
    assert params(bars_url)["locs"] == "31,30,36" and params(bars_url)["year"] == "2023"
    chart = page.locator(".js-plotly-plot").first.inner_text()
    assert "1 · Hải Phòng" in chart and "2 · Hải Dương" in chart and "– · Nam Định" in chart
    browser.screenshot("compare-bars-2023")

    # the copied address reopens the same view in a new session
    browser.goto(bars_url)
    wait_chart(browser)
    assert params(page.url) == params(bars_url)
    assert option(page, "Xếp hạng").get_attribute("aria-checked") == "true"

    # downloads of exactly what is shown
    csv = download(page, lambda: page.get_by_role("button", name="Tải CSV").click())
    assert csv.startswith(b"\xef\xbb\xbf") and "Hải Dương".encode() in csv
    book = load_workbook(BytesIO(download(page, lambda: page.get_by_role("button", name="Tải Excel").click())))
    data = book["Số liệu"]
    header = [c.value for c in data[1]]
    values = [r[header.index("Giá trị")] for r in data.iter_rows(min_row=2)]
    assert values and all(c.data_type == "n" for c in values if c.value is not None)
    assert "Nguồn và trích dẫn" in book.sheetnames

    # the chart as SVG and PNG from Plotly's own toolbar, the source line inside the picture
    option(page, "SVG").click()
    browser.wait_idle()
    page.hover(".js-plotly-plot >> nth=0")
    svg = download(page, lambda: page.locator('.js-plotly-plot >> nth=0').locator(
        '.modebar-btn[data-title^="Download plot"]').click())
    assert svg.lstrip().startswith(b"<svg") and "Nguồn:".encode() in svg and "xếp hạng".encode() in svg
    option(page, "PNG").click()
    browser.wait_idle()
    page.hover(".js-plotly-plot >> nth=0")
    png = download(page, lambda: page.locator('.js-plotly-plot >> nth=0').locator(
        '.modebar-btn[data-title^="Download plot"]').click())
    assert png.startswith(b"\x89PNG")
    (ARTIFACTS / "compare-chart-export.png").write_bytes(png)


def test_today_boundaries_and_search_by_former_name(app_server, browser):
    page = browser.page
    page.set_viewport_size({"width": 1400, "height": 2400})
    browser.goto(app_server + "/compare?loc=31&from=2021&to=2025&ind=budget_revenue&locs=30&view=lines")
    wait_chart(browser)
    option(page, "Theo địa giới hiện nay").click()
    page.wait_for_url(re.compile(r"bounds=current"), timeout=15000)
    wait_chart(browser)
    assert params(page.url)["locs"] == "31"
    chart = page.locator(".js-plotly-plot").first.inner_text()
    assert "Hải Phòng (địa giới hiện nay)" in chart and "1/7/2025" in chart
    assert "123.938" in chart  # 103.619 + 20.319, the only year both have
    browser.screenshot("compare-today-boundaries")

    # searching the former name finds the province it merged into
    page.locator('[data-testid="stMultiSelect"] input').first.click()
    page.keyboard.type("nam dinh")
    found = page.get_by_role("option", name=re.compile(r"^Ninh Bình \(gồm Hà Nam, Nam Định\)")).first
    found.wait_for(timeout=10000)
    others = [t for t in page.get_by_role("option").all_inner_texts() if "·" in t]
    assert len(others) == 1, others  # only the merged province, not every fuzzy match
    page.keyboard.press("Escape")
    page.locator("h1").first.click()  # close the list

    # the table says which sums were made and which could not be
    option(page, "Bảng").click()
    page.wait_for_url(re.compile(r"view=table"), timeout=15000)
    browser.wait_idle()
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30000)
    browser.screenshot("compare-table-today")


def test_bad_link_gives_notices_not_a_traceback(app_server, browser):
    page = browser.page
    browser.goto(app_server + "/compare?ind=nope&locs=31,QQ&view=pie&bounds=x&year=19")
    wait_chart(browser)
    alerts = " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())
    for bad in ("nope", "QQ", "pie", "«x»", "«19»"):
        assert bad in alerts
    assert page.locator('[data-testid="stException"]').count() == 0
    assert params(page.url)["view"] == "lines" and params(page.url)["locs"] == "31"
    browser.screenshot("compare-bad-link")


def test_link_to_one_figure_of_a_source(app_server, browser):
    page = browser.page
    page.set_viewport_size({"width": 1400, "height": 1800})
    browser.goto(app_server + "/sources?src=hp-hdnd-2024-03-12-review&fig=hp-hdnd-2024-03-12-review-02&lang=vi")
    page.wait_for_selector('[data-testid="stExpander"]', timeout=60000)
    browser.wait_idle()
    first = page.locator('[data-testid="stExpander"]').first
    assert "HĐND thành phố Hải Phòng khóa 16" in first.inner_text()
    assert "55 kỳ họp" in page.locator('[data-testid="stAlert"]').first.inner_text()
    browser.screenshot("sources-linked-figure")
    body = page.locator("body").inner_text()
    assert "NaN" not in body and "undefined" not in body
