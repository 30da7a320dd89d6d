"""Shared pytest fixtures: the literal fixture data set and a DuckDB store over it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixture_data import write_fixture  # noqa: E402


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
