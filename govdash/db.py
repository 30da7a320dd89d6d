"""DuckDB access: one connection per process over the curated CSVs, named SQL files, bound values.

The CSVs are read with the column types declared in `data/datapackage.json` (never guessed),
then external access is switched off and the configuration locked. Every query is a file in
`queries/`, run on its own cursor with `$named` parameters that must match exactly.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from govdash import datastore
from govdash.paths import QUERIES_DIR, data_dir

_TYPES = {"string": "VARCHAR", "number": "DOUBLE", "integer": "BIGINT", "date": "DATE",
          "boolean": "BOOLEAN"}
_PARAM = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


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


def _create_tables(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    package = load_package(folder)
    for res in package["resources"]:
        path = str(folder / res["path"])
        # Table names come from the package descriptor, which is ours; values are bound.
        con.execute(
            f"create table {res['name']} as select * from read_csv($path, header = true, "
            f"auto_detect = false, columns = {_columns_sql(res)}, delim = ',', quote = '\"', "
            f"escape = '\"', nullstr = '', encoding = 'utf-8')",
            {"path": path},
        )
    unions = " union all ".join(
        f"select '{r['name']}' as domain, * from {r['name']}" for r in figure_resources(package)
    )
    con.execute(f"create view figures as {unions}")


def open_store(folder: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB holding the curated files of `folder`, sealed against file access."""
    folder = folder or data_dir()
    con = duckdb.connect(":memory:", config={
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    })
    con.execute("load icu")  # built into the wheel: Vietnamese collation, never downloaded
    with datastore.reading(folder):  # finish an interrupted import; never read one half-done
        _create_tables(con, folder)
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
    return con


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(folder: str) -> duckdb.DuckDBPyConnection:
    return open_store(Path(folder))


def connection() -> duckdb.DuckDBPyConnection:
    """The process-wide connection for the current data folder (opened once, shared by sessions)."""
    return _store(str(data_dir()))


def reset() -> None:
    """Forget the open stores (after the data changed on disk) and the cached query texts."""
    _store.clear()
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
    cursor = (con or connection()).cursor()
    try:
        return cursor.execute(query_text(name), params).df()
    finally:
        cursor.close()
