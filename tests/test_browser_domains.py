"""Real browser over the four domain pages (issue 4): each page opens for a few selections, draws
its charts, shows no `NaN` / `undefined` in the page text nor in the Plotly SVG text, raises no
exception, and is saved as a full-page screenshot in test-artifacts/ to be looked at."""
from __future__ import annotations

import pytest

from govdash import db
from govdash.domains import build

pytestmark = pytest.mark.browser

CASES = [
    ("sessions", "31", 2021, 2024, "vi"),
    ("sessions", "288", 2022, 2023, "en"),
    ("supervision", "31", 2023, 2023, "vi"),
    ("supervision", "X-TP1", 2023, 2023, "en"),
    ("voters", "31", 2023, 2023, "vi"),
    ("voters", "X-TP1", 2022, 2023, "vi"),
    ("budget", "31", 2021, 2025, "vi"),
    ("budget", "288", 2023, 2023, "en"),
]
SVG_TEXT = "() => Array.from(document.querySelectorAll('svg text')).map(e => e.textContent || '')"
PLOTS_DRAWN = ("(n) => document.querySelectorAll('[data-testid=stPlotlyChart]').length >= n && "
               "document.querySelectorAll('.js-plotly-plot .main-svg').length >= "
               "document.querySelectorAll('[data-testid=stPlotlyChart]').length")


@pytest.mark.parametrize("page,loc,year_from,year_to,lang", CASES)
def test_domain_page_in_a_real_browser(app_server, browser, page, loc, year_from, year_to, lang):
    tab = browser.page
    tab.set_viewport_size({"width": 1400, "height": 9000 if page == "budget" else 5200})  # whole page
    browser.goto(f"{app_server}/?lang={lang}")  # the app's entry first, as a visitor arrives
    browser.goto(f"{app_server}/{page}?loc={loc}&from={year_from}&to={year_to}&lang={lang}")
    coverage = db.run_query("domain_coverage", domains=build.page_spec(page).domains, year_from=year_from,
                            year_to=year_to, locality=loc)
    shown = (loc, *build.default_compare(coverage, loc))  # what the page compares unasked
    data = build.load(page, shown, year_from, year_to)
    sections = [s for s in build.build(page, data, shown, year_from, year_to, lang).sections if s.has_content()]
    assert sum(c.figure is not None for s in sections for c in s.charts) > 0
    for number, section in enumerate(sections):  # each section is a tab: open it, see its charts
        if number:
            tab.get_by_role("tab", name=section.title).click()
            browser.wait_idle()
        drawn = sum(c.figure is not None for c in section.charts)
        tab.wait_for_function(PLOTS_DRAWN, arg=drawn, timeout=60000)
        browser.wait_idle()
        browser.screenshot(f"domain-{page}-{loc}-{year_from}-{year_to}-{lang}-{number + 1}")
        assert tab.locator('[data-testid="stException"]').count() == 0
        assert tab.locator('[data-testid="stPlotlyChart"]').count() == drawn, section.title
        body = tab.locator("body").inner_text()
        svg = " ".join(tab.evaluate(SVG_TEXT))
        for bad in ("NaN", "undefined"):
            assert bad not in body, bad
            assert bad not in svg, bad
    assert build.page_spec(page).title  # the page title comes from the catalogue
    title = tab.locator("h1").first.inner_text()
    assert title.split(" — ")[0] in {"Kỳ họp & Nghị quyết", "Giám sát & Chất vấn", "Cử tri & Tiếp công dân",
                                     "Ngân sách & Kinh tế", "Sessions & resolutions",
                                     "Supervision & interpellation", "Voters & citizen reception",
                                     "Budget & economy"}
