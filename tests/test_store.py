"""The persistent store: built once per content of the CSVs, reused while they are unchanged
(even when touched), rebuilt when one changes, read-only and sealed, and in memory when no
store can be written."""
import os
import shutil

import duckdb
import pytest

from govdash import db
from govdash.db import store


@pytest.fixture
def data(fixture_dir, tmp_path):
    """A private copy of the fixture data, free to change."""
    return shutil.copytree(fixture_dir, tmp_path / "data")


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    path = tmp_path / "store"
    monkeypatch.setenv("GOVDASH_STORE_DIR", str(path))
    return path


def _stores(path):
    return sorted(p.name for p in path.glob("*.duckdb"))


def test_built_once_then_reused(data, store_dir):
    con = db.open_store(data)
    built = _stores(store_dir)
    assert len(built) == 1
    inode = (store_dir / built[0]).stat().st_ino
    con.close()
    con = db.open_store(data)
    assert _stores(store_dir) == built and (store_dir / built[0]).stat().st_ino == inode
    assert len(db.run_query("localities", con)) == 7
    con.close()


def test_touch_does_not_rebuild_but_a_change_does(data, store_dir):
    db.open_store(data).close()
    first = _stores(store_dir)
    os.utime(data / "sessions.csv")  # same bytes, new mtime
    db.open_store(data).close()
    assert _stores(store_dir) == first
    with (data / "sources.csv").open("a", encoding="utf-8") as f:
        f.write("fx-new,Một nguồn mới,Nhà xuất bản,2024,web_page,,,low,newspaper,\n")
    con = db.open_store(data)
    assert len(_stores(store_dir)) == 2
    assert "fx-new" in set(db.run_query("sources_list", con)["source_id"])
    con.close()


def test_store_is_read_only_and_sealed(data, store_dir, tmp_path):
    con = db.open_store(data)
    other = db.open_store(data)  # a second connection to the same sealed database
    try:
        with pytest.raises(duckdb.Error):
            con.execute("create table x (i integer)")
        with pytest.raises(duckdb.Error):
            other.execute("select * from read_csv($p)", {"p": str(data / "sources.csv")}).fetchall()
        with pytest.raises(duckdb.Error):
            other.execute("set enable_external_access = true")
        assert con.execute("select current_setting('autoload_known_extensions')").fetchone()[0] is False
    finally:
        con.close()
        other.close()


def test_models_match_the_figures(data, store_dir):
    con = db.open_store(data)
    try:
        direct = con.execute("select locality_code, year(period_end) as year, count(*) as n "
                             "from figures group by all order by all").fetchall()
        model = con.execute("select locality_code, year, figure_count from figure_counts_all "
                            "order by all").fetchall()
        assert direct == model
        by_domain = con.execute("select sum(figure_count) from figure_counts").fetchone()[0]
        by_source = con.execute("select sum(figure_count) from source_figure_counts").fetchone()[0]
        by_indicator = con.execute("select sum(figure_count) from indicator_body_counts").fetchone()[0]
        assert by_domain == by_source == by_indicator == sum(n for *_, n in direct)
        annual = con.execute("select count(*) from figures where period_kind = 'year'").fetchone()[0]
        assert con.execute("select sum(annual_count) from figure_counts_all").fetchone()[0] == annual
    finally:
        con.close()


def test_in_memory_when_store_folder_is_not_writable(data, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GOVDASH_STORE_DIR", str(blocked / "store"))
    con = db.open_store(data)
    try:
        assert con.execute("select current_database()").fetchone()[0] == "memory"
        assert len(db.run_query("localities", con)) == 7
    finally:
        con.close()


def test_old_stores_are_pruned(data, store_dir):
    for i in range(store.KEEP + 2):
        with (data / "sources.csv").open("a", encoding="utf-8") as f:
            f.write(f"fx-prune-{i},Nguồn {i},Nhà xuất bản,2024,web_page,,,low,newspaper,\n")
        db.open_store(data).close()
    assert len(_stores(store_dir)) == store.KEEP


def test_models_are_built_after_the_models_they_read():
    import re

    from govdash.db import store
    order = list(store.model_sql())
    assert order.index("locality_order") < order.index("locality_rows") < order.index("cmp_localities")
    for name, sql in store.model_sql().items():
        for other in order:
            if other != name and re.search(rf"\b{other}\b", sql):
                assert order.index(other) < order.index(name), (other, name)


def test_a_worker_may_hold_fewer_store_blocks_in_memory(data, store_dir, monkeypatch):
    """`GOVDASH_DUCKDB_MEMORY` bounds what DuckDB keeps of the store in each process (issue 16's
    memory budget with several workers); a value that is not a size is refused, by name."""
    from govdash import paths
    monkeypatch.setenv(paths.ENV_DUCKDB_MEMORY, "96MB")
    con = db.open_store(data)
    limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert limit.replace(" ", "").lower() in ("96.0mib", "96mib", "91.5mib", "91.5mb", "96.0mb", "96mb"), limit
    assert len(db.run_query("localities", con)) == 7
    con.close()
    monkeypatch.setenv(paths.ENV_DUCKDB_MEMORY, "lots")
    with pytest.raises(ValueError, match="GOVDASH_DUCKDB_MEMORY"):
        paths.duckdb_memory()
    monkeypatch.delenv(paths.ENV_DUCKDB_MEMORY)
    assert paths.duckdb_memory() is None


def test_a_worker_runs_duckdb_on_its_share_of_the_cores(data, store_dir, monkeypatch):
    """`GOVDASH_DUCKDB_THREADS` sets DuckDB's threads in each process; `govdash.serve` gives
    each worker its share of the cores (at least one); a value that is not a count is refused."""
    from govdash import paths, serve
    monkeypatch.setenv(paths.ENV_DUCKDB_THREADS, "1")
    con = db.open_store(data)
    assert con.execute("select current_setting('threads')").fetchone()[0] == 1
    assert len(db.run_query("localities", con)) == 7
    con.close()
    assert [serve.duckdb_threads(n, cores=4) for n in (1, 2, 3, 4, 8)] == [4, 2, 1, 1, 1]
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv(paths.ENV_DUCKDB_THREADS, bad)
        with pytest.raises(ValueError, match="GOVDASH_DUCKDB_THREADS"):
            paths.duckdb_threads()
    monkeypatch.delenv(paths.ENV_DUCKDB_THREADS)
    assert paths.duckdb_threads() is None
