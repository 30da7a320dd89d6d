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
