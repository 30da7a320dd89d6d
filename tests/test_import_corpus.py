"""The import against a corpus of hostile and awkward files: each gets its expected outcome,
nothing is written while checking, and every accepted file commits valid data and rolls back
to the exact bytes it started from."""
import time

import pytest
from import_corpus import CONFLICTS, READY, cases, new_source_rows, row
from import_helpers import GOOD, copy_folder, csv_bytes, import_fixture, snapshot

from govdash import imports
from govdash.validate import validate

CASES = cases()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return import_fixture(tmp_path_factory.mktemp("import_base"))


@pytest.fixture
def folder(base, tmp_path):
    return copy_folder(base, tmp_path / "data")


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


def _explain(plan) -> str:
    return "\n".join(map(str, plan.errors + plan.warnings))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case, folder):
    before = snapshot(folder)
    files_before = sorted(p.name for p in folder.iterdir())
    started = time.monotonic()
    plan = imports.prepare(case.data, case.file_name, folder, lang="en")
    assert time.monotonic() - started < 15, "an upload must be answered quickly"
    result = imports.check(plan)
    assert result.key == case.key, _explain(plan)
    assert result.outcome == case.outcome
    assert snapshot(folder) == before and sorted(p.name for p in folder.iterdir()) == files_before
    assert all(p.file == case.file_name for p in plan.errors + plan.warnings)
    if case.error:
        hits = [p for p in plan.errors if case.error in p.reason
                and (case.row is None or p.row == case.row)
                and (case.column is None or p.column == case.column)]
        assert hits, _explain(plan)
    if case.warning:
        assert any(case.warning in p.reason for p in plan.warnings), _explain(plan)
    if case.added is not None:
        assert len(plan.added) == case.added
    by_row = {c.row: c.figure for c in plan.added}
    for upload_row, value in case.values.items():
        assert by_row[upload_row]["value"] == value
    if case.key == READY:
        _commit_and_roll_back(case, folder, before)


def _commit_and_roll_back(case, folder, before):
    done = imports.commit(case.data, case.file_name, "tester", folder=folder, lang="en")
    assert done.outcome == imports.Outcome.OK, done.message("en")
    assert validate(folder)[0] == []
    assert snapshot(folder) != before
    undo = imports.rollback(done.import_id, "tester", folder, "en")
    assert undo.outcome == imports.Outcome.OK, undo.message("en")
    assert snapshot(folder) == before


def _conflict_file() -> bytes:
    return csv_bytes([row(locality="36", period_start="1/1/2023", period_end="31/12/2023",
                          value="70", quote="thông qua 70 nghị quyết")])


def test_conflict_is_resolved_by_replace_or_skip(folder):
    data = _conflict_file()
    plan = imports.prepare(data, "c.csv", folder, lang="en")
    assert imports.check(plan).key == CONFLICTS and plan.unresolved[0].existing[0]["value"] == "69"
    skip = imports.prepare(data, "c.csv", folder, decisions={2: "skip"}, lang="en")
    assert imports.check(skip).key == "imp_outcome_nothing" and skip.skipped == [2]
    replace = imports.prepare(data, "c.csv", folder, on_conflict="replace", lang="en")
    assert imports.check(replace).key == READY
    assert [o["figure_id"] for o in replace.replaced[0].replaces] == ["fx-a-05"]
    before = snapshot(folder)
    done = imports.commit(data, "c.csv", "tester", on_conflict="replace", folder=folder)
    rows = (folder / "resolutions.csv").read_text(encoding="utf-8")
    assert "fx-a-05," not in rows and "thông qua 70 nghị quyết" in rows
    record = imports.history(folder)[0]
    assert record["replaced"][0]["row"]["value"] == "69" and record["editor"] == "tester"
    assert imports.rollback(done.import_id, "tester", folder).outcome == imports.Outcome.OK
    assert snapshot(folder) == before


def test_commit_refuses_with_errors_or_undecided_conflicts(folder):
    before = snapshot(folder)
    bad = csv_bytes([row(value="abc")])
    assert imports.commit(bad, "b.csv", "t", folder=folder).outcome == imports.Outcome.ERRORS
    assert imports.commit(_conflict_file(), "c.csv", "t", folder=folder).outcome == imports.Outcome.CONFLICTS
    assert snapshot(folder) == before and imports.history(folder) == []


def test_new_source_is_created_once_and_removed_by_rollback(folder):
    before = snapshot(folder)
    plan = imports.prepare(new_source_rows(), "n.csv", folder, lang="en")
    assert imports.check(plan).key == READY, _explain(plan)
    assert len(plan.new_sources) == 1
    source = plan.new_sources[0]
    assert source["kind"] == "web_page" and source["published"] == "2021-01-15"
    assert {c.figure["figure_id"] for c in plan.added} == {f"{source['source_id']}-01",
                                                            f"{source['source_id']}-02"}
    done = imports.commit(new_source_rows(), "n.csv", "tester", folder=folder)
    assert source["source_id"] in (folder / "sources.csv").read_text(encoding="utf-8")
    again = imports.prepare(new_source_rows(), "n.csv", folder, lang="en")
    assert imports.check(again).key == "imp_outcome_nothing" and not again.new_sources
    imports.rollback(done.import_id, "tester", folder)
    assert snapshot(folder) == before


def test_stale_preview_is_refused(folder):
    plan = imports.prepare(csv_bytes([row()]), "a.csv", folder)
    other = csv_bytes([row(locality="Hà Nam")])
    assert imports.commit(other, "o.csv", "t", folder=folder).outcome == imports.Outcome.OK
    late = imports.commit(csv_bytes([row()]), "a.csv", "t", expected_digest=plan.digest, folder=folder)
    assert late.outcome == imports.Outcome.CHANGED


def test_rollback_refuses_when_later_import_built_on_it(folder):
    first = imports.commit(new_source_rows(), "n.csv", "t", folder=folder)
    sid = first.plan.new_sources[0]["source_id"]
    later = csv_bytes([row(locality="Ninh Bình", source_id=sid)])
    assert imports.commit(later, "l.csv", "t", folder=folder).outcome == imports.Outcome.OK
    refused = imports.rollback(first.import_id, "t", folder, "en")
    assert refused.outcome == imports.Outcome.ERRORS and sid in refused.message("en")
    assert imports.rollback("../../etc/passwd", "t", folder).outcome == imports.Outcome.ERRORS
    assert imports.rollback(first.import_id[:-1] + "0", "t", folder).outcome == imports.Outcome.ERRORS


def test_committed_figures_reach_the_dashboard_store(folder):
    from govdash import db
    done = imports.commit(csv_bytes([row()]), "a.csv", "t", folder=folder)
    con = db.open_store(folder)
    facts = db.run_query("facts", con, locality="36", year=2020)
    assert list(facts["value"]) == [55.0] and done.outcome == imports.Outcome.OK
    con.close()


def test_replacing_every_figure_of_an_imported_source_leaves_no_empty_source(folder):
    """Issue 12: a replaced row left its source behind with "0 số liệu". The source an earlier
    import created goes with its last figure, and rollback puts it back where it was."""
    first = snapshot(folder)
    done = imports.commit(new_source_rows(), "n.csv", "tester", folder=folder)
    source = done.plan.new_sources[0]["source_id"]
    after_first = snapshot(folder)
    replacing = csv_bytes([row(value="56", quote="Năm 2020 HĐND tỉnh ban hành 56 nghị quyết"),
                           GOOD[1][:6] + ["1.484,76"] + GOOD[1][7:10] + ["Tổng thu ngân sách ước đạt 1.484,76 tỷ đồng"]])
    plan = imports.prepare(replacing, "r.csv", folder, on_conflict="replace", lang="en")
    assert imports.check(plan).key == READY, _explain(plan)
    assert [s["source_id"] for s in plan.retired_sources] == [source]
    again = imports.commit(replacing, "r.csv", "tester", folder=folder, on_conflict="replace")
    assert source not in (folder / "sources.csv").read_text(encoding="utf-8")
    assert validate(folder)[0] == []
    assert imports.rollback(again.import_id, "tester", folder).outcome == imports.Outcome.OK
    assert snapshot(folder) == after_first
    assert imports.rollback(done.import_id, "tester", folder).outcome == imports.Outcome.OK
    assert snapshot(folder) == first
