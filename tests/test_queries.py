"""Every SQL file runs on fixture data with its columns asserted, and on the real data.

Also: the query loader refuses unknown names and wrong parameters, values are always bound
(an injection attempt stays a value), and the store is sealed against file access.
"""
from pathlib import Path

import duckdb
import pytest
from query_columns import LABELLED

from govdash import db

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "localities": ({}, ["code", "name_vi", "name_en", "level", "parent_code", "valid_from", "valid_to",
                        "figure_count", "first_year", "last_year", "level_order", "other_names_vi",
                        "other_names_en"]),
    "locality_name_eras": ({}, ["code", "name_vi", "name_en", "valid_from", "valid_to"]),
    "data_years": ({"locality": None}, ["year"]),
    "result_years": ({"locality": "31"}, ["year", "annual_count", "result_count"]),
    "overview_kpis": ({"locality": "31", "year": 2023}, LABELLED + [
        "previous_value", "previous_status", "previous_qualifier", "previous_period_start",
        "previous_period_end"]),
    "facts": ({"locality": None, "year": None}, LABELLED),
    "sources_list": ({}, ["source_id", "title", "publisher", "published", "kind", "file", "url",
                          "reliability", "grade", "note", "figure_count"]),
    "coverage": ({"domain": None}, ["locality_code", "year", "figure_count", "reported_count",
                                    "estimated_count", "planned_count", "derived_count"]),
}


def all_cases():
    """These cases and those of every `tests/query_cases_*.py` (one per area of the app)."""
    import importlib
    cases = dict(CASES)
    for path in sorted(Path(__file__).parent.glob("query_cases_*.py")):
        module = importlib.import_module(path.stem)
        overlap = set(cases) & set(module.CASES)
        assert not overlap, f"query cases defined twice: {overlap}"
        cases.update(module.CASES)
    return cases


def test_every_sql_file_has_a_case():
    files = {p.stem for p in (ROOT / "queries").glob("*.sql")}
    assert files == set(all_cases()), files ^ set(all_cases())


@pytest.mark.parametrize("name", sorted(all_cases()))
def test_query_columns_on_fixture(name, fixture_con):
    params, columns = all_cases()[name]
    df = db.run_query(name, fixture_con, **params)
    assert list(df.columns) == columns


@pytest.mark.parametrize("name", sorted(all_cases()))
def test_query_runs_on_real_data(name):
    params, columns = all_cases()[name]
    con = db.open_store(ROOT / "data")
    try:
        assert list(db.run_query(name, con, **params).columns) == columns
    finally:
        con.close()


def test_overview_previous_period_hand_computed(fixture_con):
    df = db.run_query("overview_kpis", fixture_con, locality="31", year=2023).set_index("indicator")
    assert df.loc["council_sessions", "value"] == 4 and df.loc["council_sessions", "previous_value"] == 6
    assert df.loc["resolutions_passed", "previous_value"] == 80
    # the preferred 2022 revenue (98.000, about) is the comparison, not the non-preferred one
    assert df.loc["budget_revenue", "previous_value"] == 98000
    assert df.loc["budget_revenue", "previous_status"] == "estimated"
    assert df.loc["grdp_growth"].isna()["previous_value"]


def test_localities_order_is_vietnamese(fixture_con):
    df = db.run_query("localities", fixture_con)
    provinces = list(df[df["level"] == "province"]["name_vi"])
    # with data first (Hải Dương, Nam Định), then without, each in Vietnamese order
    assert provinces == ["Hải Dương", "Nam Định", "Hà Nam", "Ninh Bình"]


def test_facts_filters(fixture_con):
    df = db.run_query("facts", fixture_con, locality="288", year=2023)
    assert sorted(df["figure_id"]) == ["fx-a-06", "fx-a-11"]
    assert db.run_query("facts", fixture_con, locality="31", year=1999).empty


def test_unknown_query_and_bad_names():
    with pytest.raises(db.QueryError, match="unknown query"):
        db.query_text("no_such_query")
    for bad in ("../data/x", "facts;drop", "", "Facts"):
        with pytest.raises(db.QueryError):
            db.query_text(bad)


def test_missing_and_unexpected_parameters(fixture_con):
    with pytest.raises(db.QueryError, match="missing \\['year'\\]"):
        db.run_query("facts", fixture_con, locality=None)
    with pytest.raises(db.QueryError, match="unexpected \\['sql'\\]"):
        db.run_query("facts", fixture_con, locality=None, year=None, sql="x")


def test_injection_stays_a_value(fixture_con):
    evil = "31' or '1'='1"
    assert db.run_query("facts", fixture_con, locality=evil, year=None).empty
    evil2 = "31'; drop table localities; --"
    assert db.run_query("overview_kpis", fixture_con, locality=evil2, year=2023).empty
    assert len(db.run_query("localities", fixture_con)) == 7


def test_store_is_sealed(fixture_con, tmp_path):
    (tmp_path / "x.csv").write_text("a\n1\n")
    with pytest.raises(duckdb.Error):
        fixture_con.execute("select * from read_csv($p)", {"p": str(tmp_path / "x.csv")}).fetchall()
    with pytest.raises(duckdb.Error):
        fixture_con.execute("set enable_external_access = true")
    settings = dict(fixture_con.execute(
        "select name, value from duckdb_settings() where name in "
        "('autoinstall_known_extensions', 'autoload_known_extensions', 'enable_external_access')").fetchall())
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false",
                        "enable_external_access": "false"}
