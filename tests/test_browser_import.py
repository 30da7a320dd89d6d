"""Real browser journey of the import: sign in, upload a file with an error, see the error,
fix it and upload again, preview, commit, see the figure on the Overview page, undo."""
import re
from pathlib import Path

import pytest
from browser import streamlit_server
from import_helpers import cheap_editor, copy_folder, csv_bytes, snapshot

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
HEADER = ["locality", "body", "indicator", "period_start", "period_end", "period_kind", "value",
          "qualifier", "status", "quote", "source_title", "source_publisher", "source_url"]


def nam_dinh(quote_value: str) -> bytes:
    row = ["Nam Định", "locality", "budget_revenue", "1/1/2023", "31/12/2023", "year", "25.640,5",
           "exact", "reported", f"Tổng thu ngân sách nhà nước năm 2023 đạt {quote_value} tỷ đồng",
           "Báo cáo kinh tế - xã hội năm 2023", "UBND tỉnh Nam Định", "https://example.org/nd-2023"]
    return csv_bytes([row], HEADER, delimiter=";", encoding="utf-8-sig")


@pytest.fixture
def import_server(tmp_path):
    data = copy_folder(ROOT / "data", tmp_path / "data")
    editors = tmp_path / "editors.toml"
    cheap_editor(editors)
    with streamlit_server(env={"GOVDASH_DATA_DIR": str(data), "GOVDASH_EDITORS_FILE": str(editors)}) as base:
        yield base, data


def upload(browser, name: str, content: bytes) -> None:
    browser.page.locator('input[type="file"][accept*=".csv"]').set_input_files(  # the spreadsheet one
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    browser.page.wait_for_timeout(500)
    browser.wait_idle()


def body(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_import_sign_in_error_fix_commit_overview_undo(import_server, browser):
    base, data = import_server
    before = snapshot(data)
    page = browser.page
    browser.goto(base + "/import?lang=vi")
    assert page.locator("h1").first.inner_text().startswith("Nhập dữ liệu")
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu").fill("mat-khau-du-dai")
    page.get_by_role("button", name="Đăng nhập").click()
    browser.wait_idle()
    assert "Đã đăng nhập: Nguyễn Thị Lan" in body(page)

    upload(browser, "nam-dinh-2023.csv", nam_dinh("25.460,5"))   # the quote has another number
    text = body(page)
    assert "Tệp có 1 lỗi" in text and "không xuất hiện trong trích dẫn" in text, text[:2000]
    browser.screenshot("import-error")
    assert page.get_by_role("button", name="Ghi vào dữ liệu").is_disabled()

    upload(browser, "nam-dinh-2023.csv", nam_dinh("25.640,5"))
    text = body(page)
    assert "1 số liệu mới" in text and "25.640,5 tỷ đồng" in text, text[:2000]
    browser.screenshot("import-preview")
    page.get_by_role("button", name="Ghi vào dữ liệu").click()
    browser.wait_idle()
    assert "Đã ghi: 1 số liệu mới" in body(page)
    assert snapshot(data) != before

    page.get_by_role("button", name="Xem trên trang Tổng quan").click()
    browser.wait_idle()
    page.wait_for_url(re.compile(r"loc=36"), timeout=15000)
    assert "Nam Định — năm 2023" in page.locator("h1").first.inner_text()
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert any("25.640,5" in m for m in metrics), metrics
    browser.screenshot("import-overview-nam-dinh-2023")

    page.get_by_role("link", name=re.compile("Nhập dữ liệu")).first.click()
    browser.wait_idle()
    assert "Đã đăng nhập" in body(page)
    page.get_by_text("Tôi hiểu").click()
    browser.wait_idle()
    page.get_by_role("button", name="Hoàn tác").click()
    browser.wait_idle()
    assert "Đã hoàn tác" in body(page)
    browser.screenshot("import-undone")
    assert snapshot(data) == before
