"""Shared pytest fixtures: the literal fixture data set and a DuckDB store over it."""
from __future__ import annotations

from pathlib import Path

import pytest
from fixture_data import write_fixture

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory) -> Path:
    """A data folder holding the fixture data set."""
    return write_fixture(tmp_path_factory.mktemp("fixture_data"))


@pytest.fixture(scope="session")
def fixture_con(fixture_dir):
    """A sealed DuckDB store over the fixture data."""
    from govdash import db
    con = db.open_store(fixture_dir)
    yield con
    con.close()


@pytest.fixture(scope="session")
def app_server():
    """A real `streamlit run dashboard.py` on the bundled data, for browser tests."""
    from browser import streamlit_server
    with streamlit_server() as base:
        yield base


@pytest.fixture
def browser():
    """Debian's Chromium through Playwright; fails the test if a request left localhost."""
    from browser import Browser
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = Browser(p)
        yield b
        external = list(b.external)
        b.close()
        assert external == [], f"requests left localhost: {external}"


@pytest.fixture(scope="session")
def era_dir(tmp_path_factory) -> Path:
    """The fixture data with issue 12's renamed code (24 Bắc Giang → Bắc Ninh), 27 and a region."""
    return write_fixture(tmp_path_factory.mktemp("era_data"), eras=True)


@pytest.fixture(scope="session")
def era_con(era_dir):
    """A sealed DuckDB store over the era fixture."""
    from govdash import db
    con = db.open_store(era_dir)
    yield con
    con.close()
