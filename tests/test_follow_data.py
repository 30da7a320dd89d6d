"""Every process notices a data change made by another (issue 17, item 4; issue 16's workers):
two long-lived processes on one data folder see each other's imports and rollbacks within
`db.CHECK_EVERY`, and a running page shows a figure imported from the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from import_helpers import GOOD, copy_folder, csv_bytes, import_fixture
from streamlit.testing.v1 import AppTest

from govdash import db, ui

ROOT = Path(__file__).resolve().parent.parent


class Worker:
    """`tests/follow_worker.py` in its own interpreter."""

    def __init__(self, env: dict):
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "follow_worker.py")],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env=env, cwd=ROOT)

    def ask(self, line: str) -> dict:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def count_becomes(self, expected: int, within: float = 10.0) -> int:
        deadline = time.monotonic() + within
        while (n := self.ask("count")["figures"]) != expected and time.monotonic() < deadline:
            time.sleep(0.2)
        return n

    def stop(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    data = import_fixture(tmp_path / "data")
    monkeypatch.setenv("GOVDASH_DATA_DIR", str(data))
    monkeypatch.setenv("GOVDASH_STORE_DIR", str(tmp_path / "store"))
    (tmp_path / "good.csv").write_bytes(csv_bytes(GOOD))
    yield data
    ui.reload_data()
    db.reset()


def test_two_processes_see_each_others_imports(folder):
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    a, b = Worker(env), Worker(env)
    try:
        before = a.ask("count")["figures"]
        assert b.ask("count")["figures"] == before
        done = a.ask(f"import {folder.parent / 'good.csv'}")
        assert done["outcome"] == "OK"
        assert b.count_becomes(before + len(GOOD)) == before + len(GOOD)
        assert a.ask("count")["figures"] == before + len(GOOD)
        assert b.ask(f"rollback {done['id']}")["outcome"] == "OK"
        assert a.count_becomes(before) == before
    finally:
        a.stop()
        b.stop()


def test_unchanged_files_are_looked_at_once_a_second(folder, monkeypatch):
    db.reset()
    db.connection()
    assert not db.data_changed()
    calls = []
    monkeypatch.setattr(db, "files_stamp", lambda f: calls.append(f) or ())
    for _ in range(1000):
        db.data_changed()
    assert len(calls) <= 1


def test_a_running_page_shows_a_command_line_import(tmp_path, monkeypatch):
    data = copy_folder(ROOT / "data", tmp_path / "data")
    monkeypatch.setenv("GOVDASH_DATA_DIR", str(data))
    monkeypatch.setenv("GOVDASH_STORE_DIR", str(tmp_path / "store"))
    ui.reload_data()
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
        at.query_params.update({"lang": "vi", "loc": "36", "from": "2023", "to": "2023"})
        at.run()
        assert not at.exception
        assert at.slider(key="sel_years").min == 2020  # the first year with figures
        row = ["Nam Định", "council", "resolutions_passed", "1/1/2004", "31/12/2004", "year", "55",
               "exact", "reported", "", "Năm 2004 HĐND tỉnh ban hành 55 nghị quyết",
               "Báo cáo thử", "UBND tỉnh Nam Định", "https://example.org/nd-2004"]
        header = ["locality", "body", "indicator", "period_start", "period_end", "period_kind",
                  "value", "qualifier", "status", "source_id", "quote", "source_title",
                  "source_publisher", "source_url"]
        (tmp_path / "nd.csv").write_bytes(csv_bytes([row], header))
        editors = tmp_path / "editors.toml"
        from import_helpers import cheap_editor
        cheap_editor(editors)
        out = subprocess.run([sys.executable, "-m", "govdash", "import", str(tmp_path / "nd.csv"),
                              "--editor", "lan"], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "GOVDASH_EDITORS_FILE": str(editors)},
                             input="mat-khau-du-dai\n")
        assert out.returncode == 0, out.stdout + out.stderr
        time.sleep(db.CHECK_EVERY + 0.1)
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)  # another session
        at.query_params.update({"lang": "vi", "loc": "36", "from": "2023", "to": "2023"})
        at.run()
        assert not at.exception
        assert at.slider(key="sel_years").min == 2004
    finally:
        ui.reload_data()
        db.reset()
