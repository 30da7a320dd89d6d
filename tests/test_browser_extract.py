"""Real browser journey of "Từ văn bản": sign in, paste a paragraph, review the candidates, fix
one indicator, accept the confident ones, check, import, see the figure on the Overview page
with its quote, undo."""
import re
from pathlib import Path

import pytest
from browser import streamlit_server
from import_helpers import cheap_editor, copy_folder, snapshot

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
TEXT = "Năm 2021, HĐND tỉnh Nam Định đã tổ chức 5 kỳ họp, thông qua 57 nghị quyết."


@pytest.fixture
def extract_server(tmp_path):
    data = copy_folder(ROOT / "data", tmp_path / "data")
    editors = tmp_path / "editors.toml"
    cheap_editor(editors)
    with streamlit_server(env={"GOVDASH_DATA_DIR": str(data), "GOVDASH_EDITORS_FILE": str(editors)}) as base:
        yield base, data


def body(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def pick(browser, label: str, typed: str) -> None:
    """Choose in the Streamlit select box labelled `label` by typing to filter, then Enter."""
    page = browser.page
    page.get_by_label(label, exact=True).last.click()
    page.keyboard.type(typed)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    browser.wait_idle()


def test_extract_paste_review_fix_import_overview_undo(extract_server, browser):
    base, data = extract_server
    before = snapshot(data)
    page = browser.page
    browser.goto(base + "/import?lang=vi")
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu").fill("mat-khau-du-dai")
    page.get_by_role("button", name="Đăng nhập").click()
    browser.wait_idle()
    page.get_by_text("Đã đăng nhập").first.wait_for(timeout=15000)
    browser.wait_idle()
    box = page.get_by_label("Dán văn bản")
    for _ in range(3):  # the sign-in may rerun the page once more (its cookie) and reset the tabs
        page.get_by_role("tab", name="Từ văn bản").click()
        browser.wait_idle()
        if box.is_visible():
            break
        page.wait_for_timeout(1000)
    box.fill(TEXT)
    box.press("Control+Enter")
    browser.wait_idle()
    page.wait_for_timeout(500)
    browser.wait_idle()
    assert "2 số liệu đề xuất" in body(page), body(page)[:1500]
    browser.screenshot("extract-review")

    # the first figure (5 kỳ họp) is fixed to regular sessions in the detail panel
    pick(browser, "Chỉ tiêu", "council_sessions_regular")
    page.get_by_role("button", name="Chọn tất cả số liệu tin cậy cao").click()
    browser.wait_idle()
    page.get_by_role("button", name=re.compile("Kiểm tra và xem trước 2")).click()
    browser.wait_idle()
    text = body(page)
    assert "2 số liệu mới" in text, text[:2500]
    browser.screenshot("extract-preview")
    page.get_by_role("button", name="Ghi vào dữ liệu").click()
    browser.wait_idle()
    assert "Đã ghi: 2 số liệu mới" in body(page)
    assert "council_sessions_regular" in (data / "sessions.csv").read_text(encoding="utf-8")

    page.get_by_role("button", name="Xem trên trang Tổng quan").click()
    browser.wait_idle()
    page.wait_for_url(re.compile(r"loc=36"), timeout=15000)
    metrics = page.locator('[data-testid="stMetric"]').filter(has_text="57")
    assert metrics.count() >= 1, page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    metrics.first.locator('[data-testid="stTooltipHoverTarget"]').first.hover()
    tooltip = page.locator('[data-testid="stTooltipContent"]').first
    tooltip.wait_for(timeout=10000)
    assert "thông qua 57 nghị quyết" in tooltip.inner_text()
    browser.screenshot("extract-overview-nam-dinh-2021")

    page.get_by_role("link", name=re.compile("Nhập dữ liệu")).first.click()
    browser.wait_idle()
    page.get_by_text("Tôi hiểu").click()
    browser.wait_idle()
    page.get_by_role("button", name="Hoàn tác").click()
    browser.wait_idle()
    assert "Đã hoàn tác" in body(page)
    assert snapshot(data) == before
