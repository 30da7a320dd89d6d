"""The sidebar's locality picker at national scale lists one area (province-level unit) at a
time, so a change never makes the browser filter ~15,000 options; the area follows the
selection (URL, buttons), a new area opens on itself, and the choice stays in the URL. Tested on
the bundled data with the threshold lowered."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from govdash import ui

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def national(monkeypatch):
    monkeypatch.setattr(ui, "PICKER_LIMIT", 10)


def open_app(**params) -> AppTest:
    from run import _entry_on_every_rerun  # benchmarks/run.py: rerun the entry (sidebar) each time
    _entry_on_every_rerun()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update({"lang": "vi", **params})
    return at.run()


def test_one_area_at_a_time(national):
    at = open_app(loc="288")
    assert not at.exception
    area, locality = at.selectbox(key=ui.K_AREA), at.selectbox(key=ui.K_LOC)
    assert area.value == "30" and locality.value == "288"
    assert "30" in locality.options[0] and len(locality.options) < len(area.options) + 10
    assert all("Hải Phòng" not in o for o in locality.options)

    at.selectbox(key=ui.K_AREA).set_value("31").run()
    assert not at.exception
    assert at.selectbox(key=ui.K_LOC).value == "31"
    assert at.query_params["loc"] in ("31", ["31"])


def test_the_area_follows_the_selection(national):
    at = open_app(loc="31")
    at.session_state["selection_locality"] = "288"  # as a button or a deep link does
    at.run()
    assert not at.exception
    assert at.selectbox(key=ui.K_AREA).value == "30"
    assert at.selectbox(key=ui.K_LOC).value == "288"


def test_small_lists_keep_one_picker():
    at = open_app(loc="288")
    assert not at.exception
    assert [s.key for s in at.selectbox if s.key in (ui.K_AREA, ui.K_LOC)] == [ui.K_LOC]


def _choose_by_keyboard(page, key: str, typed: str, option_name: str) -> None:
    """Focus the sidebar box `key`, type `typed` (no diacritics), ArrowDown until the option
    starting with `option_name` is the active one, then Enter."""
    import re
    page.locator(f'[data-testid="stSidebar"] .st-key-{key} input').first.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(typed)
    option = page.get_by_role("option", name=re.compile("^" + re.escape(option_name) + " ·")).first
    option.wait_for(timeout=15000)
    for _ in range(10):  # the first match is active as soon as one types
        if option.evaluate("o => o.hasAttribute('data-focused')"):
            break
        page.keyboard.press("ArrowDown")
    assert option.evaluate("o => o.hasAttribute('data-focused')"), "ArrowDown never reached it"
    page.keyboard.press("Enter")


@pytest.mark.browser
def test_keyboard_without_diacritics_lands_in_the_url(app_server, browser):
    """One box (the bundled data): type "thanh hoa", arrow to it, Enter; then "ha noi"."""
    import re
    page = browser.page
    browser.goto(app_server + "/?loc=31&from=2023&to=2023&lang=vi")
    for typed, name, code in (("thanh hoa", "Thanh Hóa", "38"), ("ha noi", "Hà Nội", "01")):
        _choose_by_keyboard(page, ui.K_LOC, typed, name)
        page.wait_for_url(re.compile(rf"[?&]loc={code}(&|$)"), timeout=15000)
        browser.wait_idle()
        assert name in page.locator("h1").first.inner_text()


@pytest.mark.browser
def test_two_boxes_by_keyboard(browser):
    """Two boxes (GOVDASH_PICKER_LIMIT lowered, as at national scale): the province by
    keyboard, then a locality of it; each choice in the URL, the page names it."""
    import re

    from browser import streamlit_server
    with streamlit_server(env={"GOVDASH_PICKER_LIMIT": "10"}) as base:
        page = browser.page
        browser.goto(base + "/?loc=31&from=2023&to=2023&lang=vi")
        assert page.locator(f'[data-testid="stSidebar"] .st-key-{ui.K_AREA} input').count() == 1
        _choose_by_keyboard(page, ui.K_AREA, "hai duong", "Hải Dương")
        page.wait_for_url(re.compile(r"[?&]loc=30(&|$)"), timeout=15000)
        browser.wait_idle()
        _choose_by_keyboard(page, ui.K_LOC, "thanh pho hai duong", "Thành phố Hải Dương")
        page.wait_for_url(re.compile(r"[?&]loc=288(&|$)"), timeout=15000)
        browser.wait_idle()
        assert "Thành phố Hải Dương" in page.locator("h1").first.inner_text()
        assert page.locator('[data-testid="stException"]').count() == 0
        browser.screenshot("sidebar-two-boxes-keyboard")


def test_picker_limit_from_the_environment(monkeypatch):
    from govdash import paths
    monkeypatch.setenv(paths.ENV_PICKER_LIMIT, "10")
    assert paths.picker_limit() == 10
    monkeypatch.setenv(paths.ENV_PICKER_LIMIT, "many")
    assert paths.picker_limit() == paths.DEFAULT_PICKER_LIMIT
    monkeypatch.delenv(paths.ENV_PICKER_LIMIT)
    assert paths.picker_limit() == paths.DEFAULT_PICKER_LIMIT
