"""AppTest of "Từ văn bản" on the Nhập dữ liệu page, on a copy of the real data: only for a
signed-in editor; paste a paragraph, review, fix one indicator, accept the confident rows,
check, import (the document kept under seeds/), see the figure in the data, undo."""
from pathlib import Path

import pytest
from import_helpers import cheap_editor, copy_folder, snapshot
from streamlit.testing.v1 import AppTest

from govdash import db, ui
from govdash.extract import review
from govdash.imports import auth

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Năm 2021, HĐND tỉnh Nam Định đã tổ chức 5 kỳ họp, trong đó 2 kỳ họp chuyên đề, "
        "thông qua 57 nghị quyết.")


@pytest.fixture
def env(tmp_path, monkeypatch):
    data = copy_folder(ROOT / "data", tmp_path / "data")
    editors = tmp_path / "editors.toml"
    cheap_editor(editors)
    monkeypatch.setenv("GOVDASH_DATA_DIR", str(data))
    monkeypatch.setenv("GOVDASH_EDITORS_FILE", str(editors))
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle(clock=lambda: 0.0))
    ui.reload_data()
    yield data
    ui.reload_data()
    db.reset()


def page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update({"lang": "vi"})
    at.run()
    return at.switch_page("pages/import.py").run()


def edit(at: AppTest, changes: dict) -> AppTest:
    """What a data-editor edit does: the edited rows, then its on_change merge."""
    n = at.session_state["extract_editor_n"] if "extract_editor_n" in at.session_state else 0
    rows = review.apply_edits(at.session_state["extract_rows"]["rows"], changes)
    at.session_state["extract_rows"] = {**at.session_state["extract_rows"], "rows": rows}
    at.session_state["extract_editor_n"] = n + 1
    return at.run()


def test_from_document_journey(env):
    data = env
    before = snapshot(data)
    at = page()
    assert not at.exception
    assert not [t for t in at.text_area if t.key == "extract_text_0"], "editors only"
    at.text_input(key="import_user").input("lan")
    at.text_input(key="import_password").input("mat-khau-du-dai")
    at = at.button(key="import_signin_submit").click().run()
    assert [t.label for t in at.tabs] == ["Từ bảng tính (mẫu)", "Từ văn bản"]

    at.text_area(key="extract_text_0").input(TEXT).run()
    assert not at.exception
    rows = at.session_state["extract_rows"]["rows"]
    assert [(r["value"], r["indicator"]) for r in rows] == [
        ("5", "council_sessions"), ("2", "council_sessions_thematic"), ("57", "resolutions_passed")]
    assert any("57" in m.value for m in at.markdown)  # the chosen figure marked in its sentence

    # the editor fixes one indicator and one period on the first row, then accepts the rest
    at = edit(at, {0: {"indicator": "council_sessions_regular"}})
    assert at.session_state["extract_rows"]["rows"][0]["indicator"] == "council_sessions_regular"
    key = f"extract_indicator_{at.session_state['extract_editor_n']}_0"
    assert at.selectbox(key=key).options[0].endswith("(council_sessions_regular)")
    at = at.selectbox(key=key).select("council_sessions").run()  # fixed back in the detail panel
    assert at.session_state["extract_rows"]["rows"][0]["indicator"] == "council_sessions"
    at = at.button(key="extract_accept_all").click().run()
    assert all(r["include"] for r in at.session_state["extract_rows"]["rows"])

    # a ticked row with an empty required field blocks the import until filled
    at = edit(at, {1: {"period_start": ""}})
    assert at.button(key="extract_check_button").disabled
    assert any("thiếu" in w.value for w in at.warning)
    at = edit(at, {1: {"period_start": "2021-01-01"}})

    at = at.button(key="extract_check_button").click().run()
    assert not at.exception
    assert not at.button(key="extract_commit").disabled, [e.value for e in at.error]
    at = at.button(key="extract_commit").click().run()
    assert not at.exception
    assert any("Đã nhập" in s.value or "đã ghi" in s.value.lower() for s in at.success), \
        [s.value for s in at.success]
    resolutions = (data / "resolutions.csv").read_text(encoding="utf-8")
    assert "57" in resolutions and "thông qua 57 nghị quyết" in resolutions
    seeds = [p for p in (data / "seeds").glob("*.txt") if TEXT in p.read_text(encoding="utf-8")]
    assert len(seeds) == 1, "the document is kept as a source text"
    sources = (data / "sources.csv").read_text(encoding="utf-8")
    assert f"seeds/{seeds[0].name}" in sources

    # undo: the data files are exactly as before
    at.checkbox(key="import_rollback_sure_0").check().run()
    at = at.button(key="import_rollback").click().run()
    assert not at.exception
    assert snapshot(data) == before


def test_from_document_in_english(env):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update({"lang": "en"})
    at.run()
    at = at.switch_page("pages/import.py").run()
    at.text_input(key="import_user").input("lan")
    at.text_input(key="import_password").input("mat-khau-du-dai")
    at = at.button(key="import_signin_submit").click().run()
    assert [t.label for t in at.tabs] == ["From a spreadsheet (template)", "From a document"]
    at.text_area(key="extract_text_0").input(TEXT).run()
    assert not at.exception
    assert any("3 candidate figures" in c.value for c in at.caption)
    assert at.button(key="extract_accept_all").label == "Accept all high-confidence figures"
