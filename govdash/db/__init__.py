"""DuckDB access: one connection per process over the curated CSVs, named SQL files, bound values.

The CSVs are read with the column types declared in `data/datapackage.json` (never guessed)
into a persistent store file, built once per version of the files and opened read-only after
(`govdash.db.store`; in memory when no store can be written), then external access is switched off
and the configuration locked. Every query is a file in `queries/`, run on its own cursor with
`$named` parameters that must match exactly.

Every process notices when the data folder changes under it (an import or rollback through
another session, another worker or the command line, or a hand edit): `data_changed()` looks at
the size, modification time and inode of the store's source files at most once a second and,
when they differ from what the open store was made of, forgets that store so the next
`connection()` reopens (and if need be rebuilds) it. `generation()` numbers the opened stores,
so caches keyed by it are never served from an older one.

A store file that is damaged (it does not open, a block's checksum does not match, a read
fails) is never a traceback: it is set aside as `<name>.corrupt`, rebuilt from the CSVs, and
`take_rebuild_notice()` says so once (the dashboard shows it; the command line prints it).
This is checked when the store is opened and again when a page's query meets the damage.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from govdash import paths
from govdash.db import journal, store
from govdash.paths import QUERIES_DIR, data_dir

_TYPES = {"string": "VARCHAR", "number": "DOUBLE", "integer": "BIGINT", "date": "DATE",
          "boolean": "BOOLEAN"}
_PARAM = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def _config() -> dict:
    """Settings of a read-only store connection: no extension fetched or loaded unasked;
    DuckDB's memory limit when `GOVDASH_DUCKDB_MEMORY` sets one (fewer cached blocks per
    worker, slower queries) and its threads when `GOVDASH_DUCKDB_THREADS` does (`govdash.serve`
    sets each worker's share of the cores). Builds and in-memory stores keep DuckDB's default."""
    limit, threads = paths.duckdb_memory(), paths.duckdb_threads()
    return {**_CONFIG, **({"memory_limit": limit} if limit else {}), **({"threads": threads} if threads else {})}


_OPENING = threading.Lock()
_CONNECTING = threading.Lock()


class QueryError(ValueError):
    """A query was asked for by a name that does not exist, or with the wrong parameters."""


def load_package(folder: Path | None = None) -> dict:
    """The data package descriptor (`datapackage.json`) of the data folder."""
    folder = folder or data_dir()
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def figure_resources(package: dict) -> list[dict]:
    """The resources that hold figures (one per domain)."""
    return [r for r in package["resources"] if r["schema"]["fields"][0]["name"] == "figure_id"]


def _columns_sql(resource: dict) -> str:
    cols = ", ".join(f"'{f['name']}': '{_TYPES[f['type']]}'" for f in resource["schema"]["fields"])
    return "{" + cols + "}"


def _read_csv_sql(resource: dict, param: str) -> str:
    """`read_csv` of one resource with its declared column types; the path is bound as `$param`."""
    return (f"read_csv(${param}, header = true, auto_detect = false, "
            f"columns = {_columns_sql(resource)}, delim = ',', quote = '\"', escape = '\"', "
            f"nullstr = '', encoding = 'utf-8')")


def _create_tables(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    package = load_package(folder)
    domains = figure_resources(package)
    # Table names come from the package descriptor, which is ours; values are bound.
    for res in package["resources"]:
        if res not in domains:
            con.execute(f"create table {res['name']} as select * from {_read_csv_sql(res, 'path')}",
                        {"path": str(folder / res["path"])})
    # Every domain's figures in one table sorted by locality and period: a query for one
    # locality is planned over one table and reads only the row groups holding that locality
    # (DuckDB's zone maps). Each domain keeps its name as a view.
    unions = " union all ".join(f"select '{r['name']}' as domain, * from {_read_csv_sql(r, f'p{i}')}"
                                for i, r in enumerate(domains))
    con.execute(f"create table figures as {unions} order by locality_code, period_end",
                {f"p{i}": str(folder / r["path"]) for i, r in enumerate(domains)})
    for r in domains:
        con.execute(f"create view {r['name']} as select * exclude (domain) from figures "
                    f"where domain = '{r['name']}'")
    store.create_models(con)  # counts per locality/year and per source (govdash/models/)


def _seal(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")


def _memory_store(folder: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:", config=dict(_CONFIG))
    con.execute("load icu")  # built into the wheel: Vietnamese collation, never downloaded
    _create_tables(con, folder)
    return con


_REBUILT: dict[str, str] = {}  # data folder -> why its store was rebuilt (until told)
log = logging.getLogger("govdash.db")


def is_damage(exc: BaseException) -> bool:
    """True when a DuckDB error means the store file itself is damaged (not a bad query)."""
    text = str(exc)
    return isinstance(exc, duckdb.Error) and (
        isinstance(exc, duckdb.IOException) or "checksum" in text or "Corrupt" in text
        or "not a valid DuckDB database" in text)


def _set_aside(path: Path, folder: Path, exc: BaseException) -> None:
    """Move a damaged store out of the way (so it is rebuilt) and remember to say so."""
    try:
        os.replace(path, path.with_suffix(".corrupt"))
    except FileNotFoundError:
        pass  # another process set it aside first
    reason = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    _REBUILT[str(folder)] = reason
    log.warning("damaged store %s set aside and rebuilt from the CSVs (%s)", path.name, reason)


def take_rebuild_notice(folder: Path | None = None) -> str | None:
    """Why the current data folder's store was rebuilt, once; None when it was not."""
    return _REBUILT.pop(str(folder or data_dir()), None)


def _probe(con: duckdb.DuckDBPyConnection) -> None:
    """Read a little of every table, so a store damaged where it begins fails here."""
    tables = con.execute("select table_name from information_schema.tables "
                         "where table_type = 'BASE TABLE'").fetchall()
    for (name,) in tables:
        con.execute(f'select * from "{name}" limit 1').fetchall()  # names from the catalogue


def _file_store(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a built build. DuckDB shares one database per file within a
    process, so it is sealed by whoever opens it first; later connections find it sealed."""
    with _OPENING:
        con = duckdb.connect(str(path), read_only=True, config=_config())
        if not con.execute("select current_setting('lock_configuration')").fetchone()[0]:
            con.execute("load icu")
            _seal(con)
    return con


def files_stamp(folder: Path) -> tuple:
    """What changes when any file a store is made from is replaced or edited: the (name, size,
    modification time, inode) of each, and whether an import is half-way (its journal exists).
    A few `stat` calls: cheap enough to take once a second."""
    try:
        stamp = [(p.name, st.st_size, st.st_mtime_ns, st.st_ino)
                 for p in store.source_files(folder) for st in [p.stat()]]
    except (OSError, ValueError):
        return ("unreadable",)  # a file missing mid-change: different from any stamp of a store
    return (*stamp, (folder / journal.JOURNAL_NAME).exists())


def _open(folder: Path, attempts: int = 2) -> tuple[duckdb.DuckDBPyConnection, tuple]:
    """The store of `folder` and the stamp of the files it was made of (taken first, under the
    readers' lock: a change after it is then always seen as a change). A damaged store file is
    set aside and rebuilt; if that fails too, the store is made in memory."""
    with journal.reading(folder):  # finish an interrupted import; never read one half-done
        stamp = files_stamp(folder)
        path = store.ensure(folder, _create_tables) if attempts > 0 else None
        con = _memory_store(folder) if path is None else None
    if con is None:
        try:
            con = _file_store(path)
            _probe(con)
            return con, stamp
        except duckdb.Error as exc:
            if con is not None:
                con.close()
            if not is_damage(exc):
                raise
            _set_aside(path, folder, exc)
            return _open(folder, attempts - 1)
    _seal(con)
    return con, stamp


def open_store(folder: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection holding the curated files of `folder`, sealed against file access.

    Read-only over the persistent store of the files' current contents (built when they
    changed); a fresh in-memory database when no store can be written.
    """
    return _open(folder or data_dir())[0]


_STORES: dict[str, duckdb.DuckDBPyConnection] = {}  # data folder -> its open store, per process
_STAMPS: dict[str, tuple] = {}  # data folder -> files_stamp its open store was made of
_GENERATIONS: dict[str, int] = {}  # data folder -> number of its open store (see generation)
_LOOKED: dict[str, float] = {}  # data folder -> when data_changed last looked at its files
_MAX_STORES = 4
CHECK_EVERY = 1.0  # seconds between two looks at a data folder's files, per process
_opened = 0


def connection() -> duckdb.DuckDBPyConnection:
    """The process-wide connection for the current data folder (opened once, shared by sessions)."""
    global _opened
    folder = str(data_dir())
    con = _STORES.get(folder)
    if con is None:
        with _CONNECTING:
            con = _STORES.get(folder)
            if con is None:
                if len(_STORES) >= _MAX_STORES:
                    _forget(next(iter(_STORES)))
                con, _STAMPS[folder] = _open(Path(folder))
                _opened += 1
                _GENERATIONS[folder] = _opened
                _STORES[folder] = con
    return con


def generation() -> int:
    """A number that changes whenever the current data folder's store is (re)opened in this
    process: a cache keyed by it never serves what an older store returned."""
    connection()
    return _GENERATIONS.get(str(data_dir()), 0)


def _forget(folder: str) -> None:
    _STORES.pop(folder, None)
    _STAMPS.pop(folder, None)


def data_changed() -> bool:
    """True (once per change, in one caller per process) when the current data folder's files
    differ from those its open store was made of; that store is then forgotten, and the next
    `connection()` opens the new one. Looks at the files at most every `CHECK_EVERY` seconds."""
    folder = str(data_dir())
    now = time.monotonic()
    if now - _LOOKED.get(folder, float("-inf")) < CHECK_EVERY:
        return False
    _LOOKED[folder] = now
    opened = _STAMPS.get(folder)
    if opened is None or files_stamp(Path(folder)) == opened:
        return False
    with _CONNECTING:
        if _STAMPS.get(folder) is not opened:  # another thread reopened it meanwhile
            return False
        _forget(folder)
    return True


def reset() -> None:
    """Forget the open stores (after the data changed on disk) and the cached query texts."""
    with _CONNECTING:
        _STORES.clear()
        _STAMPS.clear()
        _LOOKED.clear()
    query_text.cache_clear()


@functools.cache
def query_text(name: str) -> str:
    """The SQL of `queries/<name>.sql`; the name must be a plain identifier of an existing file."""
    if not _NAME.match(name or ""):
        raise QueryError(f"invalid query name {name!r}")
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.sql")))
        raise QueryError(f"unknown query {name!r}; known queries: {known}")
    return path.read_text(encoding="utf-8")


def query_params(name: str) -> set[str]:
    """The `$named` parameters a query expects."""
    sql = re.sub(r"--[^\n]*", "", query_text(name))
    sql = re.sub(r"'(?:[^']|'')*'", "''", sql)
    return set(_PARAM.findall(sql))


def run_query(name: str, con: duckdb.DuckDBPyConnection | None = None, **params) -> pd.DataFrame:
    """Run `queries/<name>.sql` with exactly its named parameters bound; return a DataFrame."""
    expected = query_params(name)
    missing, extra = expected - params.keys(), params.keys() - expected
    if missing or extra:
        raise QueryError(
            f"query {name!r} expects parameters {sorted(expected)}; "
            f"missing {sorted(missing)}, unexpected {sorted(extra)}"
        )
    try:
        return _execute(con or connection(), name, params)
    except duckdb.Error as exc:
        if con is not None or not is_damage(exc):
            raise
        _store_damaged(exc)  # met by a page: set it aside, rebuild, answer from the new one
        return _execute(connection(), name, params)


def _execute(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> pd.DataFrame:
    cursor = con.cursor()
    try:
        return cursor.execute(query_text(name), params).df()
    finally:
        cursor.close()


def _store_damaged(exc: BaseException) -> None:
    """The process's store of the current folder turned out damaged while in use."""
    folder = str(data_dir())
    with _CONNECTING:
        con = _STORES.get(folder)
        if con is None:
            return
        path = con.execute("select path from duckdb_databases() where database_name = "
                           "current_database()").fetchone()[0]
        _forget(folder)
        con.close()
    if path:
        _set_aside(Path(path), Path(folder), exc)


Fetch = Callable[..., pd.DataFrame]  # (query name, **params) -> rows: `run_query` or a cached wrapper


def fetcher(fetch: Fetch | None = None, con: duckdb.DuckDBPyConnection | None = None) -> Fetch:
    """`fetch` when given (a page passes its cached query), else `run_query` on `con`."""
    if fetch is not None:
        return fetch
    return lambda name, **params: run_query(name, con, **params)
