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
