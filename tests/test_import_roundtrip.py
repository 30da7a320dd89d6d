"""Property: any file the import accepts round-trips to exactly the figures it was made from,
whatever the encoding, delimiter, number and date style, name spelling or format (CSV/XLSX).
Files written the Vietnamese way are always accepted."""
import datetime as dt
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_helpers import copy_folder, csv_bytes, import_fixture, snapshot, xlsx_bytes

from govdash import imports
from govdash.db import load_package
from govdash.text import fold
from govdash.validate import read_table

LOCALITIES = {"36": "Nam Định", "35": "Hà Nam", "37": "Ninh Bình", "31": "Hải Phòng", "01": "Hà Nội"}
INDICATORS = {  # id: (decimals, lowest, highest, unit words)
    "resolutions_passed": (0, 0, 10**7, "nghị quyết"),
    "voter_petitions": (0, 0, 10**6, "kiến nghị"),
    "budget_revenue": (2, 0, 10**6, "tỷ đồng"),
    "grdp_growth": (2, -50, 200, "%"),
}
HEADER = ["locality", "body", "indicator", "period_start", "period_end", "period_kind", "value",
          "qualifier", "status", "source_id", "quote"]


def vn(value: Decimal) -> str:
    whole, _, frac = f"{abs(value):f}".partition(".")
    return ("-" if value < 0 else "") + f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def en(value: Decimal) -> str:
    whole, _, frac = f"{abs(value):f}".partition(".")
    return ("-" if value < 0 else "") + f"{int(whole):,}" + ("." + frac if frac else "")


@st.composite
def figure(draw):
    indicator = draw(st.sampled_from(sorted(INDICATORS)))
    decimals, low, high, _ = INDICATORS[indicator]
    cents = draw(st.integers(low * 10**decimals, high * 10**decimals))
    value = (Decimal(cents) / 10**decimals).normalize()
    return {"locality_code": draw(st.sampled_from(sorted(LOCALITIES))), "indicator": indicator,
            "body": draw(st.sampled_from(["council", "people_committee", "locality", "standing_committee"])),
            "year": draw(st.integers(2005, 2019)), "value": value,
            "qualifier": draw(st.sampled_from(["exact", "over", "about", "under"])),
            "status": draw(st.sampled_from(["reported", "estimated", "planned"]))}


def _key(f):
    return (f["locality_code"], f["indicator"], f["body"], f["year"], f["status"] == "planned")


@st.composite
def upload(draw):
    figures = draw(st.lists(figure(), min_size=1, max_size=8, unique_by=_key))
    style = draw(st.sampled_from(["vn", "vn", "en"]))
    dates = draw(st.sampled_from(["dmy", "dd/mm", "iso"]))
    names = draw(st.sampled_from(["code", "name", "folded", "nfd"]))
    kind = draw(st.sampled_from(["csv", "csv", "xlsx"]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    return figures, style, dates, names, kind, delimiter, encoding


def _cells(f, style, dates, names):
    y = f["year"]
    start, end = {"dmy": (f"1/1/{y}", f"31/12/{y}"), "dd/mm": (f"01/01/{y}", f"31/12/{y}"),
                  "iso": (f"{y}-01-01", f"{y}-12-31")}[dates]
    name = LOCALITIES[f["locality_code"]]
    locality = {"code": f["locality_code"], "name": name, "folded": fold(name),
                "nfd": unicodedata.normalize("NFD", name)}[names]
    number = (vn if style == "vn" else en)(f["value"])
    unit = INDICATORS[f["indicator"]][3]
    value = number + ("%" if unit == "%" else "")
    quote = f"đạt {vn(f['value'])}{'' if unit == '%' else ' '}{unit} trong năm"
    return [locality, f["body"], f["indicator"], start, end, "year", value, f["qualifier"],
            f["status"], "fx-a", quote]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return import_fixture(tmp_path_factory.mktemp("roundtrip_base"))


def _written(folder, ids):
    package = load_package(folder)
    rows = {}
    for res in package["resources"]:
        table = read_table(folder / res["path"], res, [])
        rows.update({r["figure_id"]: r for r in table.rows if r.get("figure_id") in ids})
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(upload())
def test_accepted_files_round_trip(base, tmp_path_factory, case):
    figures, style, dates, names, kind, delimiter, encoding = case
    rows = [_cells(f, style, dates, names) for f in figures]
    if kind == "xlsx":
        data, name = xlsx_bytes(rows, HEADER), "f.xlsx"
    else:
        data, name = csv_bytes(rows, HEADER, delimiter=delimiter, encoding=encoding), "f.csv"
    folder = copy_folder(base, tmp_path_factory.mktemp("rt") / "data")
    before = snapshot(folder)
    done = imports.commit(data, name, "tester", folder=folder, lang="en")
    if style == "vn":
        assert done.outcome == imports.Outcome.OK, done.message("en") + "\n" + "\n".join(
            map(str, done.plan.errors if done.plan else []))
    if done.outcome != imports.Outcome.OK:
        assert snapshot(folder) == before
        return
    by_row = {c.row: c.figure["figure_id"] for c in done.plan.added}
    written = _written(folder, set(by_row.values()))
    for i, f in enumerate(figures, start=2):
        w = written[by_row[i]]
        assert Decimal(w["value"]) == f["value"]
        assert (w["locality_code"], w["indicator"], w["body"], w["qualifier"], w["status"]) == (
            f["locality_code"], f["indicator"], f["body"], f["qualifier"], f["status"])
        assert (w["period_start"], w["period_end"]) == (dt.date(f["year"], 1, 1).isoformat(),
                                                        dt.date(f["year"], 12, 31).isoformat())
    assert imports.rollback(done.import_id, "tester", folder).outcome == imports.Outcome.OK
    assert snapshot(folder) == before
