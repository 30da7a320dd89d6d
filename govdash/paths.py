"""Every path and every environment variable the product reads, in one place (as OWID's
`etl/paths.py`): everything is relative to this package, never to the working directory."""
from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
MODELS_DIR = QUERIES_DIR / "models"          # build-time SQL of the store's tables and views
BUNDLED_DATA_DIR = ROOT / "data"
PAGES_DIR = ROOT / "pages"
STREAMLIT_CONFIG = ROOT / ".streamlit" / "config.toml"
DEFAULT_EDITORS_FILE = ROOT / ".streamlit" / "editors.toml"
DEFAULT_STORE_DIR = ROOT / ".store"
FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu"))

# Environment variables: the only ones govdash reads.
ENV_DATA_DIR = "GOVDASH_DATA_DIR"          # another data folder (benchmarks, tests)
ENV_STORE_DIR = "GOVDASH_STORE_DIR"        # where store files live
ENV_EDITORS_FILE = "GOVDASH_EDITORS_FILE"  # the editor accounts file
ENV_CHROMIUM = "GOVDASH_CHROMIUM"          # the Chromium kaleido draws chart images with
ENV_PICKER_LIMIT = "GOVDASH_PICKER_LIMIT"  # localities above which the sidebar picks an area first
ENV_DUCKDB_MEMORY = "GOVDASH_DUCKDB_MEMORY"  # DuckDB's memory limit per process, e.g. "128MB"
ENV_DUCKDB_THREADS = "GOVDASH_DUCKDB_THREADS"  # DuckDB's threads per process (serve.py: cores / workers)
DEFAULT_PICKER_LIMIT = 500


def data_dir() -> Path:
    """The curated data folder: `GOVDASH_DATA_DIR` when set (benchmarks, tests), else `data/`."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override).resolve() if override else BUNDLED_DATA_DIR


def store_dir() -> Path:
    """Where store files live: `GOVDASH_STORE_DIR`, else `.store/` at the repository root."""
    override = os.environ.get(ENV_STORE_DIR)
    return Path(override).resolve() if override else DEFAULT_STORE_DIR


def editors_file() -> Path:
    """The editors file: `$GOVDASH_EDITORS_FILE` or `.streamlit/editors.toml`."""
    override = os.environ.get(ENV_EDITORS_FILE)
    return Path(override).expanduser() if override else DEFAULT_EDITORS_FILE


def chromium() -> Path:
    """Debian's Chromium (`$GOVDASH_CHROMIUM` to use another binary)."""
    return Path(os.environ.get(ENV_CHROMIUM, "/usr/bin/chromium"))


def duckdb_memory() -> str | None:
    """DuckDB's memory limit for each process (`GOVDASH_DUCKDB_MEMORY`, e.g. `128MB`), or None for
    DuckDB's default. A lower limit keeps fewer of the store's blocks in memory: less memory per
    worker, slower queries (see the README's serving section)."""
    value = os.environ.get(ENV_DUCKDB_MEMORY, "").strip()
    if not value:
        return None
    if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)", value, flags=re.IGNORECASE):
        raise ValueError(f"{ENV_DUCKDB_MEMORY}={value!r}: expected a size such as 128MB or 1GB")
    return value


def duckdb_threads() -> int | None:
    """DuckDB's threads for each process (`GOVDASH_DUCKDB_THREADS`), or None for DuckDB's default
    (one per core). `govdash.serve` gives each of its workers its share of the cores: several
    workers each running a query on every core only take turns, and every thread keeps memory."""
    value = os.environ.get(ENV_DUCKDB_THREADS, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{ENV_DUCKDB_THREADS}={value!r}: expected a whole number of threads, 1 or more")
    return int(value)


def picker_limit() -> int:
    """How many localities the sidebar lists in one box; above it, an area box comes first, and a
    domain page's "compare with" box offers only the near ones (`$GOVDASH_PICKER_LIMIT`, for
    tests and benchmarks of the two-box picker on small data)."""
    value = os.environ.get(ENV_PICKER_LIMIT, "")
    return int(value) if value.strip().isdigit() else DEFAULT_PICKER_LIMIT
