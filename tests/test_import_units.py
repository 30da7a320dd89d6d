"""Units of the import: Vietnamese numbers and dates, legacy encodings, the journaled writer,
editor sign-in with backoff, the template and the command line."""
import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from import_helpers import GOOD, cheap_editor, copy_folder, cp1258, csv_bytes, import_fixture, snapshot, tcvn3, vni

from govdash import imports
from govdash.db import journal
from govdash.imports import auth, read, template, vnenc, vnparse
from govdash.validate import validate

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text,style,vn,en", [
    ("1484", "plain", "1484", "1484"),
    ("1.484,75", "vn", "1484.75", "1484.75"),
    ("1.484.750", "vn", "1484750", "1484750"),
    ("10,34", "vn", "10.34", "10.34"),
    ("0,484", "vn", "0.484", "0.484"),
    ("1,484.75", "en", "1484.75", "1484.75"),
    ("12.38", "en", "12.38", "12.38"),
    ("0.484", "en", "0.484", "0.484"),
    ("1.484", "ambiguous", "1484", "1.484"),
    ("1,484", "ambiguous", "1.484", "1484"),
    ("103.600", "ambiguous", "103600", "103.6"),
    ("1 484,75", "vn", "1484.75", "1484.75"),
    ("−29", "plain", "-29", "-29"),
])
def test_number_styles(text, style, vn, en):
    r = vnparse.read_number(text)
    assert (r.style, vnparse.canonical(r.vn), vnparse.canonical(r.en)) == (style, vn, en)


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12.3.4", "1.484 tỷ 750 triệu", "", "1..2", "5."])
def test_not_numbers(text):
    assert vnparse.read_number(text) is None


def test_percent_and_unit_words():
    r = vnparse.read_number("10,34 %")
    assert r.percent and r.vn == Decimal("10.34")
    assert vnparse.read_number("1.484,75 tỷ đồng").suffix == "tỷ đồng"


def test_column_convention():
    read = vnparse.read_number
    assert vnparse.column_convention([read("1.484"), read("10,5")]) == ("vn", False)
    assert vnparse.column_convention([read("1.484")]) == ("vn", False)
    assert vnparse.column_convention([read("1,484"), read("12.38")]) == ("en", False)
    assert vnparse.column_convention([read("1.484,75"), read("12.38")]) == ("vn", True)


@pytest.mark.parametrize("text,day", [
    ("17/4/2023", dt.date(2023, 4, 17)), ("17-04-2023", dt.date(2023, 4, 17)),
    ("17.4.2023", dt.date(2023, 4, 17)), ("2023-04-17", dt.date(2023, 4, 17)),
    ("2023/4/17", dt.date(2023, 4, 17)), ("2023-04-17 00:00:00", dt.date(2023, 4, 17)),
    ("4/17/2023", None), ("31/2/2023", None), ("17/4/23", None), ("hôm qua", None),
])
def test_dates(text, day):
    assert vnparse.read_date(text) == day


def test_published_dates():
    assert [vnparse.read_published(x) for x in ("15/1/2024", "1/2024", "2024-01", "2024", "x")] == [
        "2024-01-15", "2024-01", "2024-01", "2024", None]


SAMPLE = "Hội đồng nhân dân thành phố Hải Phòng đã ban hành nghị quyết về ngân sách năm"


@pytest.mark.parametrize("encode,name", [(tcvn3, "tcvn3"), (vni, "vni"), (cp1258, "cp1258")])
def test_legacy_bytes_are_named(encode, name):
    assert vnenc.detect_bytes(encode(SAMPLE)) == name
    assert vnenc.decode_tcvn3(tcvn3(SAMPLE)) == SAMPLE
    assert vnenc.decode_vni(vni(SAMPLE)) == SAMPLE


@pytest.mark.parametrize("text", [SAMPLE, "Cà Mau, Bà Rịa, và là mà cá tô xã", "café crème",
                                  "“Hải Phòng” – 10,34% • ông", "Nguyễn Thị Lan, Đà Nẵng"])
def test_unicode_text_is_not_taken_for_legacy(text):
    assert vnenc.detect_garbled(text) is None


def test_syllables():
    assert all(vnenc.is_syllable(w) for w in ("Phòng", "nghiêng", "quốc", "khuyến", "Đường", "giữa"))
    assert not any(vnenc.is_syllable(w) for w in ("Haûi", "Phoøng", "Héi", "Äá", "ááá"))


def test_clean_text_and_sniff():
    assert read.clean_text("  Hà\u00a0 Nội\r\n\u200b ") == "Hà Nội"
    assert read.sniff(b"PK\x03\x04rest") == "zip"
    assert read.sniff("a,b\n".encode("utf-16-le")) == "utf16"
    assert read.sniff(b"a,b\n1,2\n") == "text"


# ---------------------------------------------------------------- journaled writes

@pytest.fixture
def data(tmp_path):
    return import_fixture(tmp_path / "data")


def test_write_files_replaces_all_and_leaves_nothing(data):
    journal.write_files(data, {"a.csv": b"1\n", "imports/x.json": b"{}"})
    assert (data / "a.csv").read_bytes() == b"1\n" and (data / "imports" / "x.json").exists()
    assert not journal.needs_recovery(data)
    with pytest.raises(ValueError):
        journal.write_files(data, {"../escape.csv": b"x"})


def test_crash_after_commit_point_rolls_forward(data, monkeypatch):
    def crash(step):
        if step == "replaced:a.csv":
            raise KeyboardInterrupt  # stands in for a crash between two replacements
    monkeypatch.setattr(journal, "step_hook", crash)
    with pytest.raises(KeyboardInterrupt):
        journal.write_files(data, {"a.csv": b"new a\n", "b.csv": b"new b\n"})
    monkeypatch.setattr(journal, "step_hook", None)
    assert journal.needs_recovery(data) and not (data / "b.csv").exists()
    with journal.reading(data):  # what the dashboard does when it opens the data
        pass
    assert (data / "b.csv").read_bytes() == b"new b\n" and not journal.needs_recovery(data)


def test_crash_before_commit_point_keeps_old(data, monkeypatch):
    (data / "a.csv").write_bytes(b"old\n")
    monkeypatch.setattr(journal, "step_hook", lambda s: (_ for _ in ()).throw(KeyboardInterrupt)
                        if s == "journal-written" else None)
    with pytest.raises(KeyboardInterrupt):
        journal.write_files(data, {"a.csv": b"new\n"})
    monkeypatch.setattr(journal, "step_hook", None)
    assert imports.recover(data) is True
    assert (data / "a.csv").read_bytes() == b"old\n" and not journal.needs_recovery(data)


def test_lock_excludes_a_second_writer(data):
    with journal.locked(data):
        with pytest.raises(journal.Busy):
            with journal.locked(data, timeout=0.2):
                pass
    got = imports.commit(csv_bytes([GOOD[0]]), "a.csv", "t", folder=data)
    assert got.outcome == imports.Outcome.OK


def test_reading_the_bundled_data_writes_nothing():
    before = sorted(p.name for p in (ROOT / "data").iterdir())
    with journal.reading(ROOT / "data"):
        pass
    assert sorted(p.name for p in (ROOT / "data").iterdir()) == before


# ---------------------------------------------------------------- sign-in

def test_editor_file_and_verification(tmp_path):
    path = tmp_path / "editors.toml"
    cheap_editor(path)
    text = path.read_text(encoding="utf-8")
    assert "$argon2id$" in text and "mat-khau-du-dai" not in text
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert auth.verify("lan", "mat-khau-du-dai", path) == auth.Editor("lan", "Nguyễn Thị Lan")
    assert auth.verify("lan", "wrong-password", path) is None
    assert auth.verify("nobody", "mat-khau-du-dai", path) is None
    with pytest.raises(ValueError):
        auth.add_editor("Bad Name", "long-enough-password", path=path)
    with pytest.raises(ValueError):
        auth.add_editor("minh", "short", path=path)
    assert auth.remove_editor("lan", path) and auth.load_editors(path) == {}


def test_failed_attempts_are_slowed_down(tmp_path):
    path = tmp_path / "editors.toml"
    cheap_editor(path)
    now = [1000.0]
    throttle = auth.Throttle(clock=lambda: now[0])
    first = auth.sign_in("lan", "wrong", "s1", path, throttle, client="10.0.0.1")
    assert first.reason == "wrong" and first.wait == 1.0
    blocked = auth.sign_in("lan", "mat-khau-du-dai", "s2", path, throttle, client="10.0.0.1")
    assert blocked.reason == "throttled" and blocked.editor is None  # per user and client, any session
    now[0] += 1.1
    assert auth.sign_in("lan", "wrong", "s1", path, throttle).wait == 2.0
    now[0] += 2.1
    assert auth.sign_in("minh", "x", "s1", path, throttle).reason == "wrong"  # unknown name
    assert auth.sign_in("lan", "mat-khau-du-dai", "s1", path, throttle).reason == "throttled"  # session
    now[0] += 300
    ok = auth.sign_in("LAN ", "mat-khau-du-dai", "s1", path, throttle)
    assert ok.editor and ok.editor.name == "lan"
    assert auth.sign_in("lan", "mat-khau-du-dai", "s3", tmp_path / "none.toml", throttle).reason == "no_editors"


# ---------------------------------------------------------------- template and command line

def test_templates_round_trip_to_nothing(data):
    for name, content in (("t.csv", template.template_csv(data)),
                          ("t.xlsx", template.template_xlsx(data, "vi")),
                          ("t.xlsx", template.template_xlsx(data, "en"))):
        plan = imports.prepare(content, name, data)
        assert imports.check(plan).key == "imp_outcome_nothing", [str(p) for p in plan.errors]
        assert plan.unchanged == [2]
    assert template.template_csv(data).startswith(b"\xef\xbb\xbf")


def test_template_workbook_lists_allowed_values(data):
    from io import BytesIO

    from openpyxl import load_workbook
    book = load_workbook(BytesIO(template.template_xlsx(data, "vi")))
    assert book.sheetnames == ["Số liệu", "Hướng dẫn", "Địa phương", "Chỉ tiêu", "Chỉ tiêu mới", "Danh mục"]
    assert [c.value for c in book["Chỉ tiêu mới"][1]][:3] == ["indicator", "name_vi", "name_en"]
    codes = [c.value for c in book["Địa phương"]["A"]][1:]
    assert "31" in codes and "288" in codes
    units = {r[0].value: r[3].value for r in book["Chỉ tiêu"].iter_rows(min_row=2)}
    assert units["budget_revenue"] == "tỷ đồng"
    lists = [c.value for c in book["Danh mục"][1]]
    assert {"body", "status", "qualifier", "period_kind", "preferred"} <= set(lists)


def _cli(*args, stdin="", env=None):
    return subprocess.run([sys.executable, "-m", "govdash", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_command_line_import_and_editor(data, tmp_path, monkeypatch, capsys):
    import io

    from govdash.__main__ import main
    editors = tmp_path / "editors.toml"
    env = {"GOVDASH_EDITORS_FILE": str(editors)}
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(csv_bytes(GOOD, delimiter=";"))
    bad.write_bytes(csv_bytes([GOOD[0][:6] + ["5,5,5"] + GOOD[0][7:]]))
    before = snapshot(data)
    # one real process: `python -m govdash import FILE --dry-run` (the rest runs in-process)
    dry = _cli("--data", str(data), "import", str(good), "--dry-run", "--lang", "en", env=env)
    assert dry.returncode == 0 and "3 new" in dry.stdout and snapshot(data) == before
    monkeypatch.setenv("GOVDASH_EDITORS_FILE", str(editors))
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle())

    def run(*argv, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data", str(data), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err
    code, out, _ = run("editor", "add", "lan", "--display-name", "Lan", stdin="mat-khau-du-dai\n")
    assert code == 0 and "lan" in out and "$argon2id$" in editors.read_text(encoding="utf-8")
    code, _, err = run("import", str(bad), "--dry-run", "--lang", "en")
    assert code == 1 and "bad.csv:2 [value] '5,5,5': Not a number" in err
    assert run("import", str(good))[0] == 4                                  # no --editor
    assert run("import", str(good), "--editor", "lan", stdin="nope\n")[0] == 4 and snapshot(data) == before
    code, out, err = run("import", str(good), "--editor", "lan", "--lang", "en", stdin="mat-khau-du-dai\n")
    assert code == 0 and "Written: 3 new" in out, err
    assert validate(data)[0] == []
    import_id = imports.history(data)[0]["import_id"]
    assert run("rollback", import_id, "--editor", "lan", stdin="mat-khau-du-dai\n")[0] == 0
    assert snapshot(data) == before


def test_editor_command_refuses_short_password_and_lists(tmp_path, monkeypatch, capsys):
    import argparse
    import io

    from govdash.imports import cli as import_cli
    monkeypatch.setenv("GOVDASH_EDITORS_FILE", str(tmp_path / "e.toml"))
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    args = argparse.Namespace(editor_command="add", name="minh", display_name="", lang="en")
    assert import_cli.cmd_editor(args) == 1 and "at least 10" in capsys.readouterr().err
    cheap_editor(tmp_path / "e.toml")
    assert import_cli.cmd_editor(argparse.Namespace(editor_command="list")) == 0
    assert "lan" in capsys.readouterr().out


def test_imports_command_lists_history(data, capsys):
    import argparse

    from govdash.imports import cli as import_cli
    done = imports.commit(csv_bytes([GOOD[0]]), "a.csv", "lan", folder=data)
    assert import_cli.cmd_imports(argparse.Namespace(data=str(data), lang="en")) == 0
    out = capsys.readouterr().out
    assert done.import_id in out and "in effect" in out


def test_every_import_catalogue_key_exists():
    import re

    from govdash.i18n import CATALOGUE
    used = set()
    for path in (ROOT / "govdash" / "imports").glob("*.py"):
        used |= set(re.findall(r'"(imp_[a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    used |= {f"imp_err_legacy_{x}" for x in ("tcvn3", "vni", "cp1258", "utf8_twice")}
    used |= {f"imp_kind_{k}" for k in ("year", "quarter", "month", "session", "part_year",
                                        "term_to_date", "multi_year", "as_of")}
    used |= {f"imp_tpl_help_{c}" for c in template.COLUMNS}
    used -= {"imp_kind_", "imp_flag_", "imp_err_legacy_", "imp_preferred_"}
    assert used - set(CATALOGUE) == set()


def test_copy_of_real_data_accepts_a_province_year(tmp_path):
    data = copy_folder(ROOT / "data", tmp_path / "data")
    rows = [["Nam Định", "locality", "budget_revenue", "1/1/2023", "31/12/2023", "year", "25.640,5",
             "exact", "reported", "", "Thu ngân sách nhà nước năm 2023 đạt 25.640,5 tỷ đồng",
             "Báo cáo tình hình kinh tế - xã hội tỉnh Nam Định năm 2023", "UBND tỉnh Nam Định"]]
    header = ["locality", "body", "indicator", "period_start", "period_end", "period_kind", "value",
              "qualifier", "status", "source_id", "quote", "source_title", "source_publisher"]
    plan = imports.prepare(csv_bytes(rows, header=header), "nd.csv", data, lang="en")
    assert imports.check(plan).key == "imp_outcome_ready", [str(p) for p in plan.errors]


def test_file_name_is_stored_as_plain_text(tmp_path):
    """The upload's name goes into a new source's note (shown on the public Sources page)."""
    folder = import_fixture(tmp_path / "data")
    plan = imports.prepare(csv_bytes(GOOD), "C:\\tmp\\![i](https:evil.example)\u202e**x**.csv", folder=folder)
    assert plan.file_name == "__i_(https_evil.example)__x__.csv"


def test_a_sign_in_token_keeps_an_editor_signed_in_until_it_expires(tmp_path):
    editors = tmp_path / "editors.toml"
    cheap_editor(editors)
    lan = auth.Editor("lan", "Nguyễn Thị Lan")
    token = auth.session_token(lan, editors, now=1000.0)
    assert auth.editor_from_token(token, editors, now=1000.0 + auth.SESSION_SECONDS - 1) == lan
    assert auth.editor_from_token(token, editors, now=1000.0 + auth.SESSION_SECONDS + 1) is None
    name, expires, sig = token.split(":")
    assert auth.editor_from_token(f"{name}:{int(expires) + 3600}:{sig}", editors, now=1000.0) is None
    assert auth.editor_from_token("lan:9999999999:" + "0" * 64, editors) is None
    assert auth.editor_from_token("", editors) is None and auth.editor_from_token(None, editors) is None
    assert (tmp_path / "editors.toml.session-key").stat().st_mode & 0o077 == 0
    auth.remove_editor("lan", editors)
    assert auth.editor_from_token(token, editors, now=1000.0) is None
