"""Issue 12's staff file against a copy of the bundled data: nothing the sources support is
refused; names by period, a region, estimate and final, another publisher beside, 81,5 %, new
indicators in the same file; the preview shows both sides; rollback restores `data/` exactly."""
from pathlib import Path

import pytest
from import_helpers import copy_folder, snapshot
from issue12_file import FIGURES, build

from govdash import db, imports
from govdash.compare import logic
from govdash.validate import validate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def committed(tmp_path_factory):
    data = copy_folder(ROOT / "data", tmp_path_factory.mktemp("issue12") / "data")
    before = snapshot(data)
    plan = imports.prepare(build(), "issue12.xlsx", data, lang="vi")
    done = imports.commit(build(), "issue12.xlsx", "lan", folder=data, lang="vi")
    return data, before, plan, done


def test_nothing_the_sources_support_is_refused(committed):
    _, _, plan, done = committed
    assert not plan.errors, "\n".join(map(str, plan.errors))
    assert done.outcome == imports.Outcome.OK, done.message("en")
    assert len(plan.added) == len(FIGURES) and not plan.conflicts
    assert {i["indicator"] for i in plan.new_indicators} == {
        "planned_investment_capital", "confidence_votes", "voter_petitions_resolved",
        "session_reports_considered"}
    assert "4 chỉ tiêu mới" in done.message("vi") and "4 bên cạnh" in done.message("vi")


def test_rows_become_the_figures_the_sources_say(committed):
    _, _, plan, _ = committed
    by_row = {c.row: c.figure for c in plan.added}
    assert [by_row[r]["locality_code"] for r in (2, 3, 4, 5, 7)] == ["24", "24", "27", "27", "V-DBSH"]
    assert by_row[6]["value"] == "81.5"  # as written, though the indicator shows 0 decimals
    assert (by_row[12]["value"], by_row[12]["qualifier"]) == ("120", "over")
    assert [by_row[r]["preferred"] for r in (2, 3, 4, 5)] == ["false", "false", "false", "true"]
    estimate = [d for d in plan.demoted if d.row == 5]
    assert len(estimate) == 1 and estimate[0].old["status"] == "estimated" and estimate[0].new["preferred"] == "false"
    assert {c.row for c in plan.added if c.beside} == {2, 3, 4, 5}


def test_the_data_after_is_valid_and_drawn_as_two_named_lines(committed):
    data, _, _, _ = committed
    assert validate(data)[0] == []
    con = db.open_store(data)
    try:
        rows = db.run_query("compare_figures", con, indicator="grdp_growth", body=None,
                            localities=["24", "27"], year_from=2022, year_to=2023, bounds="published")
        locs = db.run_query("compare_localities", con, codes=["24", "27"])
        charted = rows[rows["chartable"]]
        points = set(zip(charted["series_code"], charted["year"], charted["value"]))
        assert points == {("24", 2022, 19.3), ("24", 2023, 13.45), ("27", 2022, 7.39), ("27", 2023, -9.28)}
        assert logic.series_labels(rows, ("24", "27"), locs, "vi") == {"24": "Bắc Giang", "27": "Bắc Ninh"}
        region = con.execute("select level, value from labelled_figures where locality_code = 'V-DBSH'").fetchall()
        assert region == [("region", 6.5)]
    finally:
        con.close()


def test_history_says_what_the_message_said(committed):
    data, _, _, done = committed
    record = next(r for r in imports.history(data) if r["import_id"] == done.import_id)
    counts = imports.record_counts(record)
    assert (counts["added"], counts["replaced"], counts["indicators"]) == (len(FIGURES), 0, 4)


def test_rollback_restores_data_byte_for_byte(committed):
    data, before, _, done = committed
    undone = imports.rollback(done.import_id, "lan", folder=data, lang="en")
    assert undone.outcome == imports.Outcome.OK, undone.message("en")
    assert snapshot(data) == before
