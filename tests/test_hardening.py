"""Hardening (issue 17): what a hostile or unlucky visitor found, each as a test. Server
settings (upload limit, allowed hosts), URL values that once raised, and more below."""
from __future__ import annotations

import base64
import os
import socket
import tomllib
from pathlib import Path

import pytest

from govdash.imports import read
from govdash.present import ui as present_ui

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_server_upload_limit_is_the_apps_limit():
    from govdash.extract import read as extract_read
    limit = CONFIG["server"]["maxUploadSize"] * 1024 * 1024
    assert limit == max(read.MAX_BYTES, extract_read.MAX_BYTES)  # documents 20 MB, sheets 5 MB


def test_allowed_hosts_are_localhost_by_default():
    assert set(CONFIG["server"]["allowedHosts"]) == {"localhost", "127.0.0.1", "::1"}


def _upgrade(port: int, host: str) -> bytes:
    """The status line answering a WebSocket upgrade of the session stream sent as `host`."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        key = base64.b64encode(os.urandom(16)).decode()
        s.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                   f"Sec-WebSocket-Protocol: streamlit\r\nOrigin: http://{host}\r\n\r\n").encode())
        return s.recv(200).split(b"\r\n")[0]


def test_a_foreign_host_header_is_refused(app_server):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 cannot open a session."""
    port = int(app_server.rsplit(":", 1)[1])
    assert b" 101 " in _upgrade(port, f"localhost:{port}")
    assert b" 403 " in _upgrade(port, "evil.example")
    assert b" 403 " in _upgrade(port, f"evil.example:{port}")


@pytest.mark.parametrize("raw", ["²", "١", "1²", "9" * 5000, "-1", "+2", " 3 ", "0x2"])
def test_slide_numbers_that_are_not_ascii_digits_fall_back(raw):
    n, bad = present_ui.parse_slide(raw, 9)
    assert n == (3 if raw == " 3 " else 1)
    assert (bad is None) == (raw == " 3 ")


# ---------------------------------------------------------------- the command line

def govdash(*args, env=None, stdin=None, shell_tail=None, timeout=120):
    """`python -m govdash ARGS` (optionally piped into `shell_tail`, e.g. `head -1`)."""
    import shlex
    import subprocess
    import sys
    cmd = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "govdash", *args))
    if shell_tail:
        cmd = f"set -o pipefail; {cmd} | {shell_tail}"
    return subprocess.run(["bash", "-c", cmd], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, input=stdin)


@pytest.fixture
def editors_env(tmp_path):
    from import_helpers import cheap_editor
    path = tmp_path / "editors.toml"
    cheap_editor(path)
    return {"GOVDASH_EDITORS_FILE": str(path)}


@pytest.mark.parametrize("args,tail", [(("facts",), "head -1"), (("validate",), "head -c 0"),
                                       (("editor", "list"), "true")])
def test_a_closed_pipe_ends_quietly(args, tail, editors_env):
    out = govdash(*args, shell_tail=tail, env=editors_env)
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr, out.stderr
    assert out.returncode in (0, 141)


@pytest.mark.parametrize("args", [("--data", "/tmp", "facts"), ("--data", "/nonexistent", "imports"),
                                  ("--data", "/nonexistent", "validate"), ("--data", "/tmp", "deck",
                                   "--locality", "31", "--year", "2023", "--out", "/tmp/x.pptx")])
def test_a_missing_or_wrong_data_folder_is_an_error(args):
    out = govdash(*args)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "data folder" in out.stderr


def test_deck_refuses_to_replace_a_symlink_or_a_device(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "deck.pptx"
    link.symlink_to(victim)
    for out_path in (link, Path("/dev/null")):
        out = govdash("deck", "--locality", "31", "--year", "2023", "--out", str(out_path))
        assert out.returncode == 1 and "not a regular file" in out.stderr, out.stderr
    assert link.is_symlink() and victim.read_text() == "keep me"


def test_write_atomic_refuses_irregular_targets(tmp_path):
    from govdash.present import powerpoint
    link = tmp_path / "a.pdf"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(powerpoint.NotRegularFile):
        powerpoint.write_atomic(link, lambda: b"x")
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]  # no temporary left behind


def test_ctrl_c_ends_without_a_traceback(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    env = {**os.environ, "GOVDASH_EDITORS_FILE": str(tmp_path / "e.toml")}
    proc = subprocess.Popen([sys.executable, "-m", "govdash", "editor", "add", "lan"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    time.sleep(3)  # waiting for the password on stdin
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in err and "interrupted" in err


def test_facts_makes_formula_cells_inert(tmp_path):
    """OWASP: a cell starting with = + - @ tab or CR is prefixed with an apostrophe."""
    import csv
    import io

    from fixture_data import write_fixture
    folder = write_fixture(tmp_path / "data")
    path = folder / "resolutions.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    quote = rows[0].index("quote")
    rows[1][quote] = "+cmd|' /C calc'!A0 " + rows[1][quote]
    rows[2][quote] = "-2+3 " + rows[2][quote]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    result = govdash("--data", str(folder), "facts")
    assert result.returncode == 0, result.stderr
    quotes = [r["quote"] for r in csv.DictReader(io.StringIO(result.stdout))]
    assert not [q for q in quotes if q.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(q.startswith("'+cmd|") for q in quotes) and any(q.startswith("'-2+3") for q in quotes)


def test_export_rule_keeps_signed_numbers():
    from govdash.export import inert
    assert [inert(v) for v in ("=1", "+a", "-a", "@a", "\ta", "\ra", "-2,5", "+3%", "12", 5)] == \
        ["'=1", "'+a", "'-a", "'@a", "'\ta", "'\ra", "-2,5", "+3%", "12", 5]


# ---------------------------------------------------------------- editors and sign-in

def test_a_display_name_with_control_characters_is_refused(tmp_path):
    env = {"GOVDASH_EDITORS_FILE": str(tmp_path / "e.toml")}
    out = govdash("editor", "add", "lan", "--display-name", "A\x7fB", stdin="mat-khau-du-dai\n", env=env)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert not (tmp_path / "e.toml").exists()


def test_editors_file_round_trips_every_character(tmp_path):
    from govdash.imports import auth
    path = tmp_path / "e.toml"
    auth.save_editors({"lan": {"display_name": "A\x7fB\x85\"\\", "password_hash": "$argon2id$x"}}, path)
    assert auth.load_editors(path)["lan"]["display_name"] == "A\x7fB\x85\"\\"


def test_a_broken_editors_file_refuses_sign_in_without_crashing(tmp_path):
    from govdash.imports import auth
    path = tmp_path / "e.toml"
    path.write_text('[editors.lan]\ndisplay_name = "A\x7fB"\npassword_hash = "x"\n', encoding="utf-8")
    answer = auth.sign_in("lan", "whatever-password", "s1", path=path, throttle=auth.Throttle())
    assert answer.editor is None and answer.reason == "broken_file"
    out = govdash("editor", "list", env={"GOVDASH_EDITORS_FILE": str(path)})
    assert out.returncode == 1 and "Traceback" not in out.stderr


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_stranger_cannot_lock_an_editor_out(tmp_path):
    """Failures count per (name, client): another address signing in as `lan` is not held up."""
    from import_helpers import cheap_editor

    from govdash.imports import auth
    path = tmp_path / "e.toml"
    cheap_editor(path)
    throttle = auth.Throttle(clock=Clock())
    for _ in range(12):
        auth.sign_in("lan", "wrong-password!", "attacker-session", path, throttle, client="10.0.0.9")
    assert auth.sign_in("lan", "x", "attacker-session", path, throttle, client="10.0.0.9").reason == "throttled"
    ok = auth.sign_in("lan", "mat-khau-du-dai", "lan-session", path, throttle, client="10.0.0.2")
    assert ok.editor is not None


def test_throttle_entries_expire_and_are_bounded():
    from govdash.imports import auth
    clock = Clock()
    throttle = auth.Throttle(clock=clock, forget_after=900, max_entries=100)
    for i in range(1000):
        throttle.failed(f"user:x{i}|client:c")
    assert len(throttle) <= 101
    clock.now += auth.MAX_WAIT + 901
    throttle.failed("user:new|client:c")
    assert len(throttle) == 1


def test_a_huge_sign_in_name_is_cut(tmp_path):
    from govdash.imports import auth
    throttle = auth.Throttle(clock=Clock())
    answer = auth.sign_in("x" * 1_000_000, "pw", "s", tmp_path / "none.toml", throttle)
    assert answer.reason == "no_editors"
    assert all(len(k) < 200 for k in throttle._failures)


# ---------------------------------------------------------------- writing and recovery

@pytest.fixture
def folder(tmp_path):
    from import_helpers import import_fixture
    return import_fixture(tmp_path / "data")


def test_a_full_disk_is_not_errors_in_the_file(folder, monkeypatch):
    import errno

    from import_helpers import GOOD, csv_bytes, snapshot

    from govdash import imports
    from govdash.db import journal
    before = snapshot(folder)

    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(journal, "write_files", full)
    done = imports.commit(csv_bytes(GOOD), "a.csv", "lan", folder=folder, lang="en")
    assert done.outcome == imports.Outcome.WRITE_FAILED and int(done.outcome) == 7
    assert "No space left" in done.message("en") and snapshot(folder) == before


class Killed(BaseException):
    """As if the process died: no `except Exception` runs."""


def test_an_import_killed_past_its_commit_point_is_finished_at_the_next_open(folder, monkeypatch):
    from import_helpers import GOOD, csv_bytes

    from govdash import imports
    from govdash.db import journal

    def die(step):
        if step == "committed":
            raise Killed
    monkeypatch.setattr(journal, "step_hook", die)
    with pytest.raises(Killed):
        imports.commit(csv_bytes(GOOD), "a.csv", "lan", folder=folder)
    monkeypatch.setattr(journal, "step_hook", None)
    assert (folder / journal.JOURNAL_NAME).exists()
    listed = govdash("--data", str(folder), "imports")
    assert listed.returncode == 0 and "finished an import" in listed.stderr
    assert "a.csv" in listed.stdout  # the import is listed, not omitted
    assert not (folder / journal.JOURNAL_NAME).exists()
    assert govdash("--data", str(folder), "validate").stdout.startswith("OK")


def test_rollback_says_a_row_was_removed_by_hand(folder):
    from import_helpers import GOOD, csv_bytes

    from govdash import imports
    done = imports.commit(csv_bytes(GOOD), "a.csv", "lan", folder=folder)
    assert done.outcome == imports.Outcome.OK
    added = done.plan.added[0].figure["figure_id"]
    path = next(p for p in folder.glob("*.csv") if added in p.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if added not in line), encoding="utf-8")
    undo = imports.rollback(done.import_id, "lan", folder=folder, lang="en")
    assert undo.outcome == imports.Outcome.ERRORS
    message = undo.message("en")
    assert "no longer in" in message and added in message and "later imports" not in message


# ---------------------------------------------------------------- a damaged store

def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "header":
        data[:4096] = b"\0" * 4096
    elif how == "garbage":
        data = bytearray(b"not a database" * 100)
    else:  # flipped bytes all through: checksums no longer match
        for offset in range(12288, len(data), 7919):
            data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["header", "garbage", "flip"])
def test_a_damaged_store_is_rebuilt_and_said(how, tmp_path, monkeypatch):
    from fixture_data import write_fixture

    from govdash import db
    monkeypatch.setenv("GOVDASH_STORE_DIR", str(tmp_path / "store"))
    folder = write_fixture(tmp_path / "data")
    expected = db.run_query("facts", db.open_store(folder), locality=None, year=None)
    path = next((tmp_path / "store").glob("*.duckdb"))
    _damage(path, how)
    con = db.open_store(folder)
    assert db.run_query("facts", con, locality=None, year=None).equals(expected)
    assert db.take_rebuild_notice(folder) and db.take_rebuild_notice(folder) is None
    assert (tmp_path / "store" / f"{path.stem}.corrupt").exists()


def test_the_command_line_says_it_rebuilt_a_damaged_store(tmp_path):
    from fixture_data import write_fixture
    folder = write_fixture(tmp_path / "data")
    env = {"GOVDASH_STORE_DIR": str(tmp_path / "store")}
    assert govdash("--data", str(folder), "facts", env=env).returncode == 0
    _damage(next((tmp_path / "store").glob("*.duckdb")), "flip")
    out = govdash("--data", str(folder), "facts", env=env)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert "rebuilt" in out.stderr


def test_a_page_meeting_a_damaged_store_rebuilds_it(tmp_path, monkeypatch):
    """Damage found by a page's query (after the store opened): set aside, reopened, answered."""
    from fixture_data import write_fixture

    from govdash import db
    monkeypatch.setenv("GOVDASH_STORE_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("GOVDASH_DATA_DIR", str(write_fixture(tmp_path / "data")))
    db.reset()
    try:
        expected = db.run_query("facts", locality=None, year=None)
        real = db._execute
        calls = []

        def damaged_once(con, name, params):
            if not calls:
                calls.append(name)
                raise duckdb_error("Corrupt database file: computed checksum 1 does not match")
            return real(con, name, params)
        monkeypatch.setattr(db, "_execute", damaged_once)
        assert db.run_query("facts", locality=None, year=None).equals(expected)
        assert db.take_rebuild_notice()
    finally:
        db.reset()


def duckdb_error(text: str):
    import duckdb
    return duckdb.Error(text)


# ---------------------------------------------------------------- uploads

def _xlsx(build) -> bytes:
    import io

    from openpyxl import Workbook
    book = Workbook()
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _far_row(book):
    from import_helpers import GOOD, HEADER
    ws = book.active
    ws.append(HEADER)
    ws.append(GOOD[0])
    ws.cell(row=1_048_576, column=1, value="x")


def _many_strings(data: bytes) -> bytes:
    """A small workbook carrying 9 MB of shared strings (they compress to almost nothing)."""
    import io
    import zipfile
    out = io.BytesIO(data)
    strings = "".join(f"<si><t>{'x' * 2000}{i}</t></si>" for i in range(4500))
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="x" count="4500">{strings}</sst>')
    return out.getvalue()


def _no_sheets(data: bytes) -> bytes:
    import io
    import re
    import zipfile
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            if not info.filename.startswith("xl/worksheets/"):
                part = src.read(info.filename)
                if info.filename == "xl/workbook.xml":
                    part = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", part)
                z.writestr(info, part)
    return out.getvalue()


@pytest.mark.parametrize("name,make,key", [
    ("a.xlsx", lambda: _xlsx(_far_row), "imp_err_too_many_rows"),
    ("a.xlsx", lambda: _many_strings(_xlsx(_far_row)), "imp_err_too_big"),
    ("a.xlsx", lambda: _no_sheets(_xlsx(_far_row)), "imp_err_no_sheet"),
    ("a.csv", lambda: ("a,b\n" + "x" * 140_000 + ",1\n").encode(), "imp_err_bad_text"),
    ("a.csv", lambda: ("a,b\n" + ",".join(["1"] * 1_000_000) + "\n").encode(), "imp_err_line_too_long"),
])
def test_hostile_files_are_refused_quickly(name, make, key):
    import time
    data = make()
    started = time.perf_counter()
    with pytest.raises(read.ReadError) as refused:
        read.read_upload(data, name)
    assert refused.value.key == key
    assert time.perf_counter() - started < 1.5


def test_hostile_files_are_errors_of_the_import_not_tracebacks(tmp_path):
    from import_helpers import import_fixture

    from govdash import imports
    folder = import_fixture(tmp_path / "data")
    for name, data in (("a.xlsx", _no_sheets(_xlsx(_far_row))), ("a.csv", b"a,b\n" + b"x" * 140_000)):
        plan = imports.prepare(data, name, folder=folder)
        assert plan.errors and imports.check(plan).outcome == imports.Outcome.ERRORS


class _Runtime:
    """Just enough of Streamlit's runtime for the upload gate."""

    def __init__(self):
        from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
        self.manager = MemoryUploadedFileManager("/_stcore/upload_file")


def test_no_file_is_kept_for_a_session_without_an_editor(monkeypatch):
    from streamlit.runtime.uploaded_file_manager import UploadedFileRec

    from govdash import ui
    fake = _Runtime()
    monkeypatch.setattr(ui, "_upload_manager", lambda: fake.manager)
    ui.gate_uploads()
    rec = lambda i: UploadedFileRec(file_id=f"f{i}", name="a.csv", type="text/csv", data=b"x" * 1000)  # noqa: E731
    fake.manager.add_file("visitor", rec(0))
    assert fake.manager.get_files("visitor", ["f0"]) == []
    monkeypatch.setattr(ui, "_session_id", lambda: "editor")
    ui.allow_uploads(True)
    for i in range(5):
        fake.manager.add_file("editor", rec(i))
    assert list(fake.manager.file_storage["editor"]) == ["f3", "f4"]  # only the latest few
    ui.allow_uploads(False)
    assert not fake.manager.file_storage.get("editor")


def test_an_upload_is_read_once(monkeypatch, tmp_path):
    """The page reruns on every click; the file in the uploader is read and checked once."""
    import streamlit as st
    from import_helpers import GOOD, csv_bytes, import_fixture

    from govdash import imports
    from govdash.imports import ui as import_ui
    monkeypatch.setenv("GOVDASH_DATA_DIR", str(import_fixture(tmp_path / "data")))
    calls = []
    real = imports.prepare
    monkeypatch.setattr(imports, "prepare", lambda *a, **k: calls.append(1) or real(*a, **k))
    data = csv_bytes(GOOD)
    st.session_state.pop(import_ui.K_PLAN, None)
    first = import_ui._plan(data, "a.csv", "sha", "vi")
    assert import_ui._plan(data, "a.csv", "sha", "vi") is first and len(calls) == 1
    import_ui._plan(data, "a.csv", "sha", "en")
    assert len(calls) == 2


# ---------------------------------------------------------------- dependencies

def _lock(name: str) -> dict[str, tuple[str, list[str]]]:
    """Package (normalised) -> (version, hashes) of a lock file."""
    import re
    text = (ROOT / name).read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9._-]+)==([^\s\\]+)", block)
        if match:
            entries[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = (
                match.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def _pins(name: str) -> dict[str, str]:
    import re
    pins = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9._-]+)==(\S+)", line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return pins


@pytest.mark.parametrize("reqs,lock", [("requirements.txt", "requirements.lock"),
                                       ("requirements-dev.txt", "requirements-dev.lock")])
def test_the_whole_tree_is_locked_with_hashes(reqs, lock):
    entries = _lock(lock)
    pins = _pins(reqs) | (_pins("requirements.txt") if reqs != "requirements.txt" else {})
    assert {p: entries.get(p, ("missing",))[0] for p in pins} == pins  # direct pins as written
    assert all(hashes for _, hashes in entries.values())  # every package, direct or pulled in
    text = (ROOT / lock).read_text(encoding="utf-8")
    assert not [line for line in text.splitlines()
                if line.startswith(("-i", "--index", "--extra-index", "-f", "--find-links"))
                or "file:" in line]  # PyPI only, never a local mirror
    assert set(_lock("requirements.lock")) <= set(_lock("requirements-dev.lock"))


def test_setup_installs_the_lock_with_required_hashes():
    script = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in script and '"${REQS%.txt}.lock"' in script
