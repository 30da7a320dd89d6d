"""Validation: the real data passes; each rule catches a deliberately broken file."""
import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

from govdash.validate import number_in_quote, validate

ROOT = Path(__file__).resolve().parent.parent


def test_real_data_is_valid():
    problems, summary = validate(ROOT / "data")
    assert problems == [], "\n".join(map(str, problems))
    assert summary["figures"] > 0 and summary["localities"] >= 63 and summary["sources"] >= 3


def test_fixture_is_valid(fixture_dir):
    problems, _ = validate(fixture_dir)
    assert problems == [], "\n".join(map(str, problems))


@pytest.fixture
def broken(fixture_dir, tmp_path):
    """A writable copy of the fixture and an editor for one cell of one file."""
    folder = tmp_path / "data"
    shutil.copytree(fixture_dir, folder)

    def edit(file_name: str, row_index: int, **changes):
        path = folder / file_name
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        header = list(rows[0].keys()) if rows else []
        rows[row_index].update(changes)
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, header, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        return folder
    edit.folder = folder
    return edit


def problems_of(folder):
    problems, _ = validate(folder)
    return problems


def only(problems, **expected):
    """The problems matching every expected attribute (reason as a substring)."""
    reason = expected.pop("reason", "")
    return [p for p in problems if reason in p.reason and all(getattr(p, k) == v for k, v in expected.items())]


@pytest.mark.parametrize("file,row,changes,column,reason", [
    ("resolutions.csv", 1, {"figure_id": "fx-a-03"}, "figure_id", "duplicate key"),
    ("resolutions.csv", 0, {"locality_code": "99"}, "locality_code", "unknown in localities.csv"),
    ("resolutions.csv", 0, {"indicator": "no_such"}, "indicator", "unknown in indicators.csv"),
    ("resolutions.csv", 0, {"source_id": "nowhere"}, "source_id", "unknown in sources.csv"),
    ("resolutions.csv", 0, {"period_start": "2024-01-01"}, "period_end", "ends before it starts"),
    ("resolutions.csv", 0, {"period_start": "17/4/2023"}, "period_start", "not an ISO date"),
    ("resolutions.csv", 0, {"value": "-3", "quote": "ban hành -3 nghị quyết"}, "value", "non-negative whole"),
    ("resolutions.csv", 0, {"value": "69.5", "quote": "ban hành 69,5 nghị quyết"}, "value", "non-negative whole"),
    ("resolutions.csv", 0, {"value": "1.484,75"}, "value", "not a plain number"),
    ("resolutions.csv", 0, {"value": "96"}, "quote", "does not appear in the quote"),
    ("resolutions.csv", 0, {"status": "final"}, "status", "not an allowed value"),
    ("resolutions.csv", 0, {"qualifier": ""}, "qualifier", "required value is empty"),
    ("resolutions.csv", 0, {"quote": "ban hành 69 nghi\u0323 quyết"}, "quote", "not Unicode NFC"),
    ("budget.csv", 2, {"preferred": "true"}, "preferred", "all preferred"),
    ("budget.csv", 0, {"status": "derived", "derivation": "", "derived_from": ""}, "derivation", "must say how"),
    ("budget.csv", 0, {"status": "derived", "derivation": "x", "derived_from": "fx-zz"}, "derived_from", "unknown figure"),
    ("economy.csv", 0, {"indicator": "voter_petitions"}, "indicator", "belongs to domain petitions"),
])
def test_rule_catches_broken_row(broken, file, row, changes, column, reason):
    folder = broken(file, row, **changes)
    found = only(problems_of(folder), file=file, column=column, reason=reason)
    assert found, "\n".join(map(str, problems_of(folder)))
    assert found[0].row == row + 2  # CSV line: header is line 1


def test_percent_above_limit_and_shares(broken):
    folder = broken.folder
    ind = folder / "indicators.csv"
    ind.write_text(ind.read_text(encoding="utf-8") +
                   "a_pct,petitions,A,A,%,%,percent,0,false,,100,grp,false,1,\n"
                   "b_pct,petitions,B,B,%,%,percent,0,false,,100,grp,false,2,\n", encoding="utf-8")
    pet = folder / "petitions.csv"
    pet.write_text(pet.read_text(encoding="utf-8") +
                   "fx-a-20,31,council,a_pct,2023-01-01,2023-12-31,year,140,exact,reported,fx-a,a 140%,,,true,,\n"
                   "fx-a-21,31,council,b_pct,2023-01-01,2023-12-31,year,28,exact,reported,fx-a,b 28%,,,true,,\n",
                   encoding="utf-8")
    problems = problems_of(folder)
    assert only(problems, file="petitions.csv", row=5, column="value", reason="above 100")
    assert only(problems, file="petitions.csv", column="value", reason="add up to 168")


def test_file_level_problems(broken):
    folder = broken.folder
    (folder / "awards.csv").write_text("figure_id,locality\n", encoding="utf-8")
    (folder / "sessions.csv").write_bytes(b"figure_id\n"[:0] + b"\xff\xfe\x00x")
    (folder / "economy.csv").unlink()
    problems = problems_of(folder)
    assert only(problems, file="awards.csv", row=1, reason="header does not match")
    assert only(problems, file="sessions.csv", reason="not UTF-8")
    assert only(problems, file="economy.csv", reason="file is missing")


def test_quote_must_be_verbatim_in_document(broken):
    folder = broken.folder
    (folder / "seeds").mkdir()
    (folder / "seeds" / "a.txt").write_text("Năm 2023 tổ chức 4 kỳ họp và ban hành 69 nghị quyết.", encoding="utf-8")
    broken("sources.csv", 0, file="seeds/a.txt")
    problems = problems_of(folder)
    # fx-a quotes "tổ chức 4 kỳ họp" and "ban hành 69 nghị quyết" are in the text; others are not
    bad_ids = {p.row for p in only(problems, file="resolutions.csv", column="quote", reason="not found verbatim")}
    assert 2 not in bad_ids and 3 in bad_ids


@pytest.mark.parametrize("value,quote,ok", [
    (103600, "đạt trên 103.600 tỷ đồng", True),
    (10.34, "tăng 10,34% so với năm 2022", True),
    (1484.75, "ước đạt 1.484 tỷ 750 triệu đồng", True),
    (633.9, "tiền thu sử dụng đất 633 tỷ 900 triệu đồng", True),
    (7, "ban hành 07 nghị quyết", True),
    (6.8, "27/393 đơn chậm = 6,8%", True),
    (90421.01, "ước đạt 90.421,01 tỷ đồng", True),
    (12.38, "GRDP growth of 12.38% in 2021", True),
    (103.6, "đạt trên 103.600 tỷ đồng", False),
    (10, "tăng 10,34%", False),
    (4, "tổ chức 14 kỳ họp", False),
    (600, "đạt 1.600 tỷ", False),
])
def test_number_in_quote(value, quote, ok):
    assert number_in_quote(value, quote) is ok


def test_issue12_audit_rows_are_modelled_as_the_sources_say():
    """Stocks at a date are stored at that date (never a flow from an invented start); a figure
    the data flags as implausible is not preferred; the exact figure is preferred to the bound it
    agrees with; two different counts are two indicators."""
    import csv

    from govdash.paths import data_dir

    def rows(name):
        with open(data_dir() / name, encoding="utf-8", newline="") as f:
            return {r["figure_id"]: r for r in csv.DictReader(f)}
    economy, admin, budget, reception = (rows(n) for n in ("economy.csv", "administration.csv",
                                                            "budget.csv", "citizen_reception.csv"))
    for i in (5, 6, 7, 8):
        r = economy[f"nd-baond-2024-03-22-0{i}"]
        assert (r["period_start"], r["period_end"], r["period_kind"]) == ("2024-03-22", "2024-03-22", "as_of")
    for i in (66, 68, 69, 70):
        r = admin[f"hd-city-ubnd-2023-report-{i}"]
        assert (r["period_start"], r["period_end"], r["period_kind"]) == ("2024-01-01", "2024-01-31", "as_of")
    assert budget["hd-city-ubnd-2023-report-46"]["preferred"] == "false"
    assert budget["web-cafef-2024-02-hp-revenue-01"]["preferred"] == "true"
    assert budget["hp-ubnd-2023-speech-20"]["preferred"] == "false"
    assert reception["tp-unnamed-2023-q1-notice-16"]["indicator"] == "reception_sessions_attended"


def test_a_stock_is_at_one_date():
    from govdash.validate import _as_of_shape
    assert _as_of_shape(dt.date(2024, 3, 22), dt.date(2024, 3, 22))
    assert _as_of_shape(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert not _as_of_shape(dt.date(2021, 1, 1), dt.date(2024, 3, 22))


def test_the_data_description_is_what_its_generator_writes():
    """data/datapackage.json is written by scripts/make_datapackage.py: a change made by hand to
    one and not the other is lost at the next regeneration."""
    import importlib.util
    import json
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("make_datapackage", root / "scripts" / "make_datapackage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(module.PACKAGE, ensure_ascii=False))
