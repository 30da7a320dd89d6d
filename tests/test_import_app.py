"""AppTest of the Nhập dữ liệu page on a copy of the real data: sign in (and be slowed down
after a wrong password), upload a file with an error, fix it, preview, commit, see the figure
on the Overview page, resolve a duplicate, undo."""
from pathlib import Path

import pytest
from import_helpers import cheap_editor, copy_folder, csv_bytes, snapshot
from streamlit.testing.v1 import AppTest

from govdash import db, ui
from govdash.imports import auth

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["locality", "body", "indicator", "period_start", "period_end", "period_kind", "value",
          "qualifier", "status", "source_id", "quote", "source_title", "source_publisher",
          "source_url"]
SOURCE = ["Báo cáo tình hình kinh tế - xã hội năm 2023", "UBND tỉnh Nam Định",
          "https://example.org/nam-dinh-2023"]


def nd_row(value: str, quote_value: str | None = None) -> list[str]:
    return ["nam dinh", "Toàn địa phương", "Tổng thu ngân sách nhà nước trên địa bàn", "1/1/2023",
            "31/12/2023", "năm", value, "chính xác", "đã báo cáo", "",
            f"Tổng thu ngân sách nhà nước trên địa bàn năm 2023 đạt {quote_value or value} tỷ đồng",
            *SOURCE]


@pytest.fixture
def env(tmp_path, monkeypatch):
    data = copy_folder(ROOT / "data", tmp_path / "data")
    editors = tmp_path / "editors.toml"
    cheap_editor(editors)
    monkeypatch.setenv("GOVDASH_DATA_DIR", str(data))
    monkeypatch.setenv("GOVDASH_EDITORS_FILE", str(editors))
    clock = [0.0]
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle(clock=lambda: clock[0]))
    ui.reload_data()
    yield data, clock
    ui.reload_data()  # other tests read the bundled data through the same caches
    db.reset()


def page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update({"lang": "vi", **params})
    at.run()
    return at.switch_page("pages/import.py").run()


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="import_user").input("lan")
    at.text_input(key="import_password").input(password)
    return at.button(key="import_signin_submit").click().run()


def test_import_journey(env):
    data, clock = env
    before = snapshot(data)
    at = page()
    assert not at.exception
    assert at.title[0].value == "Nhập dữ liệu"
    assert not at.get("file_uploader")  # no upload before signing in
    at = sign_in(at, "sai-mat-khau")
    assert any("không đúng" in e.value for e in at.error)
    at = sign_in(at, "mat-khau-du-dai")
    assert any("chờ" in e.value for e in at.error), "a retry right after a failure is refused"
    clock[0] += 2
    at = sign_in(at, "mat-khau-du-dai")
    assert any("Nguyễn Thị Lan" in s.value for s in at.success)

    at.file_uploader(key="import_file_0").set_value(("nd.csv", csv_bytes([nd_row("25.640,5", "25.460,5")],
                                                                         HEADER, ";"), "text/csv"))
    at.run()
    assert not at.exception
    assert any("1 lỗi" in e.value for e in at.error)
    table = at.table[0].value
    assert "trích dẫn" in " ".join(table["Lý do"]) and list(table.index) == ["2"]
    assert at.button(key="import_commit").disabled

    at.file_uploader(key="import_file_0").set_value(("nd.csv", csv_bytes([nd_row("25.640,5")], HEADER, ";"),
                                                     "text/csv"))
    at.run()
    assert any("1 số liệu mới" in i.value for i in at.info)
    assert any("Ngân sách" in c.value for c in at.caption)  # pages affected
    assert not at.button(key="import_commit").disabled
    at.button(key="import_commit").click().run()
    assert not at.exception
    assert any("Đã ghi: 1 số liệu mới" in s.value for s in at.success)
    assert snapshot(data) != before

    at.button(key="import_see_overview").click().run()
    assert not at.exception
    assert at.title[0].value.startswith("Nam Định — năm 2023")
    assert any(m.value == "25.640,5 tỷ đồng" for m in at.metric), [m.value for m in at.metric]

    at.switch_page("pages/import.py").run()
    assert at.selectbox(key="import_rollback_pick").value  # the latest import
    at.checkbox(key="import_rollback_sure_0").check().run()
    at.button(key="import_rollback").click().run()
    assert any("Đã hoàn tác" in s.value for s in at.success)
    assert snapshot(data) == before


def test_duplicate_needs_a_decision(env):
    data, _ = env
    at = sign_in(page(), "mat-khau-du-dai")
    dup = [["31", "council", "council_sessions", "1/1/2023", "31/12/2023", "year", "5", "exact",
            "reported", "web-anhp-2023-08-hp-session11", "năm 2023 tổ chức 5 kỳ họp"]]
    at.file_uploader(key="import_file_0").set_value(("dup.csv", csv_bytes(dup, HEADER[:11]), "text/csv"))
    at.run()
    assert any("trùng" in w.value for w in at.warning)
    assert at.button(key="import_commit").disabled
    radios = [r for r in at.radio if r.key and r.key.startswith("import_decide_")]
    assert len(radios) == 1 and radios[0].value is None
    at.button(key="import_skip_all").click().run()
    assert any("Không có gì để ghi" in i.value for i in at.info)


@pytest.mark.parametrize("name,content", [
    ("evil.csv", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))),
    ("tcvn3.csv", "locality,quote\nH\xb6i Ph\xdfng,Héi ®ång nh©n d©n\n".encode("latin-1")),
    ("x.xlsx", b"locality,value\n31,1\n"),
    ("empty.csv", b""),
])
def test_hostile_uploads_show_a_reason_not_a_traceback(env, name, content):
    at = sign_in(page(lang="en"), "mat-khau-du-dai")
    at.file_uploader(key="import_file_0").set_value((name, content, "text/csv"))
    at.run()
    assert not at.exception
    assert at.error and at.button(key="import_commit").disabled


def test_commit_refuses_when_data_changed_after_the_preview(env):
    from govdash import imports
    data, _ = env
    at = sign_in(page(), "mat-khau-du-dai")
    at.file_uploader(key="import_file_0").set_value(("nd.csv", csv_bytes([nd_row("25.640,5")], HEADER, ";"),
                                                     "text/csv"))
    at.run()
    assert not at.button(key="import_commit").disabled
    other = csv_bytes([["Hà Nam", "locality", "budget_revenue", "1/1/2019", "31/12/2019", "year", "9,5",
                        "exact", "reported", "", "thu 9,5 tỷ đồng", *SOURCE]], HEADER)
    assert imports.commit(other, "other.csv", "minh", folder=data).outcome == imports.Outcome.OK
    at.button(key="import_commit").click().run()
    assert any("thay đổi sau khi bạn xem trước" in e.value for e in at.error)
    assert len(imports.history(data)) == 1
