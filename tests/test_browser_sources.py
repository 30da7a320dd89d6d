"""Real browser journey on the sources page: sources are listed closed and read nothing until
opened; opening one shows its figures and quotes, and the CSV of the whole source downloads
(made only when clicked)."""
import csv
import io
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_opening_a_source_shows_its_figures_and_downloads_them(app_server, browser):
    page = browser.page
    page.set_viewport_size({"width": 1400, "height": 1400})
    browser.goto(app_server + "/sources?lang=vi")
    page.wait_for_selector('[data-testid="stExpander"]', timeout=60000)
    browser.wait_idle()
    assert page.locator('[data-testid="stDataFrame"]').count() == 0  # every source closed
    source = page.locator('[data-testid="stExpander"]', has_text="Báo cáo Công tác chính quyền năm 2023")
    source.locator("summary").first.click()
    source.locator('[data-testid="stDataFrame"]').wait_for(timeout=30000)
    browser.wait_idle()
    assert page.locator('[data-testid="stDataFrame"]').count() == 1
    button = source.locator('[data-testid="stDownloadButton"] button')
    assert "74" in button.inner_text()
    with page.expect_download(timeout=30000) as info:
        button.click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 74
    browser.screenshot("sources-opened")
    body = page.locator("body").inner_text()
    assert "NaN" not in body and "undefined" not in body
