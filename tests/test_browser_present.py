"""Real browser over the Trình chiếu page (issue 6): the first chart slide of Hải Phòng 2023 shows
its chart (drawn by the browser: no image is rendered on the server until one is downloaded) and
takeaway; Next moves to the next slide and the URL follows; presenting mode hides the sidebar;
one click on «Tải PowerPoint» downloads a deck that opens, in under 30 s from the click.
Screenshots go to test-artifacts/ to be looked at."""
from __future__ import annotations

import io
import time

import pytest
from pptx import Presentation

from govdash.present import deck, render

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not render.available(), reason="needs /usr/bin/chromium")]

URL = "{base}/present?loc=31&from=2023&to=2023&lang=vi&slide=2"
CHART_DRAWN = "() => { const c = document.querySelector('.st-key-present_slide .js-plotly-plot .main-svg');" \
              " return !!c && c.getBoundingClientRect().width > 1000; }"
SVG_TEXT = "() => Array.from(document.querySelectorAll('.st-key-present_slide svg text')).map(e => e.textContent).join(' ')"


def test_present_page_next_and_one_click_deck(app_server, browser):
    expected = deck.make_deck("31", 2023, "vi")
    tab = browser.page
    tab.set_viewport_size({"width": 1600, "height": 1000})
    browser.goto(f"{app_server}/?lang=vi")
    browser.goto(URL.format(base=app_server))
    tab.wait_for_function(CHART_DRAWN, timeout=90000)
    browser.wait_idle()
    assert tab.locator('[data-testid="stException"]').count() == 0
    body = tab.locator("body").inner_text()
    assert "Trang 2/9" in body
    assert expected.slides[0].title in body
    assert expected.slides[0].chart.title.split(" · ")[0] in tab.evaluate(SVG_TEXT)
    assert tab.locator('[data-testid="stImage"]').count() == 0
    browser.screenshot("present-slide-2")

    tab.get_by_role("button", name="Trang sau ▶").click()
    tab.wait_for_function("() => document.body.innerText.includes('Trang 3/9')", timeout=60000)
    tab.wait_for_function(CHART_DRAWN, timeout=90000)
    browser.wait_idle()
    assert "slide=3" in tab.url
    assert expected.slides[1].title in tab.locator("body").inner_text()
    browser.screenshot("present-slide-3-after-next")

    with tab.expect_download(timeout=60000) as info:
        started = time.perf_counter()
        tab.get_by_role("button", name="Tải PowerPoint").click()
    download = info.value
    data = open(download.path(), "rb").read()
    seconds = time.perf_counter() - started
    assert download.suggested_filename == "govdash-31-2023.pptx"
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 9
    assert seconds < 30, f"deck took {seconds:.1f} s from the click"
    tab.wait_for_function("() => document.body.innerText.includes('Đã tạo xong')", timeout=30000)
    browser.wait_idle()
    browser.screenshot("present-after-deck-download")
    from browser import ARTIFACTS
    (ARTIFACTS / "deck-timing-browser.txt").write_text(f"click to downloaded deck: {seconds:.1f} s\n")

    tab.get_by_text("Chế độ trình chiếu").click()
    browser.wait_idle()
    tab.wait_for_function(CHART_DRAWN, timeout=90000)
    assert tab.locator('[data-testid="stSidebar"]').is_hidden()
    browser.screenshot("present-focus-mode", )
