"""The persistent store: one DuckDB file per version of the curated CSVs, built once, read-only after.

Reading ~1 GB of national CSVs on every start would take seconds and hold everything in memory;
instead `ensure(folder, create_tables)` returns the path of a DuckDB file holding exactly what
`create_tables` makes of the folder, building it when it does not exist yet. The file name is a
checksum of every file the store is made from (`datapackage.json` and each resource it lists)
and of the code that makes it (`db.py`, this module, `models/*.sql`), so the store is rebuilt
exactly when one of them changes, and never otherwise: a touched but unchanged CSV gives the
same checksum. Per-file checksums are remembered by (size, mtime, inode), like git's index, so
an unchanged folder is not re-read on every start.

The files live outside git, in `GOVDASH_STORE_DIR` or `.store/` at the repository root; the few
most recently used are kept. Builds go to a temporary file renamed into place, under a lock, so
two processes never build the same store twice nor read one half-written. When the folder
cannot be written, `ensure` returns None and the caller keeps its store in memory.

Models (`govdash/models/<name>.sql`, one `select` each) are small tables derived from the
figures at build time — counts per locality, domain and year (`figure_counts`, and over all
domains `figure_counts_all`), per source, per indicator and body — so that the queries behind
every page never scan the millions of figures to answer "which years have data". They exist in
every store (also in memory and in the test fixtures), so queries may rely on them.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from govdash import paths

MODELS_DIR = paths.MODELS_DIR
KEEP = 6  # store files kept; older ones (by last use) are deleted
ROW_GROUP_SIZE = 16_384  # rows per row group of the store's tables (see `build`)
_CODE = [Path(__file__).resolve(), Path(__file__).resolve().parent / "__init__.py"]
_DIGESTS = "checksums.json"


store_dir = paths.store_dir  # where store files live (govdash.paths)


def model_sql() -> dict[str, str]:
    """Every model's name and `select` statement, each after the models it reads (a model reads
    another when it names it as a word), otherwise in name order."""
    import re
    sql = {p.stem: p.read_text(encoding="utf-8") for p in sorted(MODELS_DIR.glob("*.sql"))}
    reads = {name: {other for other in sql if other != name and re.search(rf"\b{other}\b", text)}
             for name, text in sql.items()}
    ordered: dict[str, str] = {}
    while len(ordered) < len(sql):
        ready = [n for n in sql if n not in ordered and reads[n] <= set(ordered)]
        if not ready:
            raise ValueError(f"models read each other in a cycle: {sorted(set(sql) - set(ordered))}")
        ordered.update((n, sql[n]) for n in ready)
    return ordered


def create_models(con: duckdb.DuckDBPyConnection) -> None:
    """Materialise every model as a table, or as a view when its file starts with `-- view`
    (names are file names: ours, checked identifiers)."""
    for name, sql in model_sql().items():
        if not name.isidentifier():
            raise ValueError(f"bad model name {name!r}")
        kind = "view" if sql.startswith("-- view") else "table"
        con.execute(f"create {kind} {name} as {sql}")


def source_files(folder: Path) -> list[Path]:
    """The files a store is made from: the descriptor and every resource it lists."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return [folder / "datapackage.json"] + [folder / r["path"] for r in package["resources"]]


def _file_digest(path: Path, known: dict) -> str:
    st = path.stat()
    stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
    entry = known.get(str(path))
    if entry and entry[:3] == stamp:
        return entry[3]
    with path.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    known[str(path)] = stamp + [digest]
    return digest


def _load_digests(root: Path) -> dict:
    try:
        return json.loads((root / _DIGESTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_digests(root: Path, known: dict) -> None:
    known = {p: v for p, v in known.items() if Path(p).exists()}
    tmp = root / f"{_DIGESTS}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(known), encoding="utf-8")
    os.replace(tmp, root / _DIGESTS)


def content_key(folder: Path, root: Path | None = None) -> str:
    """Checksum of every source file of `folder`, the store-making code and DuckDB's version."""
    root = root or store_dir()
    known = _load_digests(root)
    before = json.dumps(known, sort_keys=True)
    h = hashlib.sha256(f"duckdb {duckdb.__version__}\n".encode())
    for path in _CODE + sorted(MODELS_DIR.glob("*.sql")):
        h.update(f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    for path in source_files(folder):
        h.update(f"{path.name} {_file_digest(path, known)}\n".encode())
    if json.dumps(known, sort_keys=True) != before:
        _save_digests(root, known)
    return h.hexdigest()[:32]


def _writable(root: Path) -> bool:
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(root, os.W_OK)


def ensure(folder: Path, create_tables: Callable[[duckdb.DuckDBPyConnection, Path], None]) -> Path | None:
    """The store file for the current contents of `folder`, built if missing; None if unwritable."""
    root = store_dir()
    if not _writable(root):
        return None
    path = root / f"{content_key(folder, root)}.duckdb"
    if not path.is_file():
        with _build_lock(root):
            if not path.is_file():  # another process may have built it while we waited
                build(folder, path, create_tables)
                prune(root)
    os.utime(path)  # last use, for pruning
    return path


class _build_lock:
    """An exclusive lock on `<root>/.build.lock` for the duration of a build."""

    def __init__(self, root: Path):
        self.path = root / ".build.lock"

    def __enter__(self):
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc):
        os.close(self.fd)


def build(folder: Path, path: Path, create_tables: Callable) -> None:
    """Write the store of `folder` to `path` (through a temporary file renamed into place)."""
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(config={"autoinstall_known_extensions": False,
                                 "autoload_known_extensions": False})
    try:
        # small row groups: a page reads the figures of a few localities, and the figures are
        # sorted by locality, so each one's lie in one small group (zone maps skip the rest);
        # DuckDB's default of 122,880 rows would read ~100 times more than needed
        con.execute("attach $path as store (row_group_size $size)", {"path": str(tmp), "size": ROW_GROUP_SIZE})
        con.execute("use store")
        con.execute("load icu")  # built into the wheel: the `vi` collation of locality_order
        create_tables(con, folder)
        con.execute("checkpoint")
    finally:
        con.close()
    os.replace(tmp, path)


def prune(root: Path, keep: int = KEEP) -> None:
    """Delete all but the `keep` most recently used stores, and stale temporaries."""
    stores = sorted(root.glob("*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in stores[keep:]:
        old.unlink(missing_ok=True)  # a process still reading it keeps its open file
    for tmp in root.glob("*.tmp"):
        if time.time() - tmp.stat().st_mtime > 3600:
            tmp.unlink(missing_ok=True)
