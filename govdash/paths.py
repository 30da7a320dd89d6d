"""Where govdash finds its files: everything is relative to this package, never to the cwd."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
BUNDLED_DATA_DIR = ROOT / "data"


def data_dir() -> Path:
    """The curated data folder: `GOVDASH_DATA_DIR` when set (benchmarks, tests), else `data/`."""
    override = os.environ.get("GOVDASH_DATA_DIR")
    return Path(override).resolve() if override else BUNDLED_DATA_DIR
