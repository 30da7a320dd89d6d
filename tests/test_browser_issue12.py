"""Real browser journey over issue 12's staff file (tests/issue12_file.py): sign in, upload,
see both sides of the figures kept beside existing ones and the new indicators in the preview,
commit; Compare draws Bắc Giang and Bắc Ninh as two correctly named lines of their own four
points; the history says what the message said; undo restores data/ byte for byte."""
from pathlib import Path

import pytest
from browser import streamlit_server
from import_helpers import cheap_editor, copy_folder, snapshot
from issue12_file import build

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def import_server(tmp_path):
    data = copy_folder(ROOT / "data", tmp_path / "data")
    editors = tmp_path / "editors.toml"
    cheap_editor(editors)
    with streamlit_server(env={"GOVDASH_DATA_DIR": str(data), "GOVDASH_EDITORS_FILE": str(editors)}) as base:
        yield base, data


def body(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def sign_in(browser) -> None:
    page = browser.page
    if "Đã đăng nhập" in body(page):
        return
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu").fill("mat-khau-du-dai")
    page.get_by_role("button", name="Đăng nhập").click()
    browser.wait_idle()
    assert "Đã đăng nhập: Nguyễn Thị Lan" in body(page)


def test_issue12_file_import_compare_undo(import_server, browser):
    base, data = import_server
    before = snapshot(data)
    page = browser.page
    page.set_viewport_size({"width": 1400, "height": 2400})
    browser.goto(base + "/import?lang=vi")
    sign_in(browser)
    # the uploader speaks Vietnamese: Streamlit's own "Upload" / "5MB per file" are hidden
    dropzone = page.locator('[data-testid="stFileUploaderDropzone"]').first
    assert not dropzone.locator('[data-testid="stFileUploaderDropzoneInstructions"] span').first.is_visible()
    assert not dropzone.locator('[data-testid="stBaseButton-secondary"] p').first.is_visible()
    words = dropzone.evaluate("""e => [...e.querySelectorAll('[data-testid="stMarkdownContainer"], '
                              + '[data-testid="stFileUploaderDropzoneInstructions"] > div')]
                              .map(x => getComputedStyle(x, '::after').content).join(' ')""")
    assert "Chọn tệp" in words and "tối đa 5 MB một tệp" in words, words

    page.locator('input[type="file"][accept*=".csv"]').set_input_files(
        files=[{"name": "issue12.xlsx", "mimeType": XLSX, "buffer": build()}])
    page.wait_for_timeout(500)
    browser.wait_idle()
    text = body(page)
    assert "Tệp có" not in text, text[:3000]  # no error: nothing the sources support is refused
    assert "11 số liệu mới (4 bên cạnh số liệu đã có)" in text and "4 chỉ tiêu mới" in text, text[:3000]
    assert "Số liệu giữ bên cạnh số liệu đã có" in text
    assert "Bắc Giang, Bắc Ninh" in text  # code 24 named as it was in 2022-2023, beside 27
    assert "Kế hoạch vốn đầu tư công" in text  # a new indicator, named before it exists
    browser.screenshot("issue12-preview")
    page.get_by_role("button", name="Ghi vào dữ liệu").click()
    browser.wait_idle()
    done = body(page)
    assert "Đã ghi: 11 số liệu mới" in done, done[:2000]
    assert snapshot(data) != before

    browser.goto(base + "/compare?lang=vi&loc=24&from=2022&to=2023&ind=grdp_growth&locs=24,27&view=lines")
    page.wait_for_selector(".js-plotly-plot", timeout=60000)
    browser.wait_idle()
    chart = page.locator(".js-plotly-plot").first.evaluate("e => e.textContent")
    legend = page.locator(".js-plotly-plot .legendtext").evaluate_all("els => els.map(e => e.textContent)")
    assert "Bắc Giang" in legend and "Bắc Ninh" in legend, legend
    for label in ("19,3", "13,45", "7,39", "−9,28"):
        assert label in chart or label.replace("−", "-") in chart, (label, chart[:800])
    assert "−6,18" not in chart and "-6,18" not in chart  # the estimate is kept, not drawn
    browser.screenshot("issue12-compare-two-lines")

    browser.goto(base + "/import?lang=vi")  # a page opened by its address: still signed in
    assert "Đã đăng nhập: Nguyễn Thị Lan" in body(page)
    page.get_by_text("Tôi hiểu").click()
    browser.wait_idle()
    page.get_by_role("button", name="Hoàn tác").click()
    browser.wait_idle()
    assert "Đã hoàn tác" in body(page)
    assert snapshot(data) == before
    browser.screenshot("issue12-undone")
