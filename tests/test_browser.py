"""Real browser journey: sidebar selection → URL → reload → same view; bogus URL → notice."""
import re

import pytest

pytestmark = pytest.mark.browser


def test_locality_change_url_reload_and_bogus_url(app_server, browser):
    page = browser.page
    browser.goto(app_server + "/?loc=31&from=2023&to=2023&lang=vi")
    assert "Hải Phòng — năm 2023" in page.locator("h1").first.inner_text()
    page.locator('[data-testid="stMetric"]').nth(3).wait_for(timeout=30000)
    browser.screenshot("overview-hai-phong-2023")

    # change the locality in the sidebar: type without diacritics, pick the match
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    box.click()
    page.keyboard.type("hai duong")
    option = page.get_by_role("option", name=re.compile("Thành phố Hải Dương")).first
    option.click()
    browser.wait_idle()
    page.wait_for_url(re.compile(r"loc=288"), timeout=15000)
    assert "Thành phố Hải Dương" in page.locator("h1").first.inner_text()
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert any("1.484,75" in m for m in metrics), metrics  # Hải Dương city's revenue estimate
    url = page.url
    browser.screenshot("overview-hai-duong-city-2023")

    # reload the copied address: same view
    browser.goto(url)
    assert "Thành phố Hải Dương" in page.locator("h1").first.inner_text()
    assert "loc=288" in page.url

    # a bogus locality in the URL: visible notice, default view, no traceback
    browser.goto(app_server + "/?loc=NOPE42&lang=vi")
    alert = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "NOPE42" in alert
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "loc=31" in page.url
    browser.screenshot("overview-bogus-locality")
    body = page.locator("body").inner_text()
    assert "NaN" not in body and "undefined" not in body


def test_figure_table_download_is_made_on_click(app_server, browser):
    """The figures table's CSV is made when its button is pressed (not on every rerun): the
    file that arrives holds exactly the figures shown, with a BOM for Excel."""
    import csv
    import io
    from pathlib import Path

    from govdash import db

    page = browser.page
    browser.goto(app_server + "/?loc=288&from=2023&to=2023&lang=vi")
    page.get_by_text("Bảng số liệu và trích dẫn").first.click()
    button = page.locator('[data-testid="stExpander"] [data-testid="stDownloadButton"] button').first
    button.wait_for(timeout=30000)
    with page.expect_download(timeout=30000) as info:
        button.click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    expected = db.run_query("facts", locality="288", year=2023)
    assert sorted(r["figure_id"] for r in rows) == sorted(expected["figure_id"])
