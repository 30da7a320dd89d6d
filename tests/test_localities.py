"""Data contract for data/localities.csv and data/locality_lineage.csv.

Checks the provincial-level units against the administrative-unit data shipped with the
`vietnamadminunits` package (a required test dependency): the 63 units before the
1 July 2025 reorganisation, the 34 after it (Resolution 202/2025/QH15), and the mapping of
every unit that ceased to exist onto the unit that absorbed it. Only the package's local
data (SQLite table and JSON mapping) is read; none of its address-conversion or geocoding
functions is called.
"""
import csv
import unicodedata
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REORG_DATE = "2025-07-01"
LAST_DAY_BEFORE_REORG = "2025-06-30"
PROVINCIAL_LEVELS = {"province", "central_city"}
NAME_PREFIXES = ("Thành phố ", "Tỉnh ")


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in data/ as dictionaries."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def norm(name: str) -> str:
    """Unit name in NFC without the 'Tỉnh' / 'Thành phố' prefix, for comparison."""
    name = unicodedata.normalize("NFC", name).strip()
    for prefix in NAME_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name.strip()


@pytest.fixture(scope="module")
def localities() -> list[dict[str, str]]:
    return read_csv("localities.csv")


@pytest.fixture(scope="module")
def lineage() -> list[dict[str, str]]:
    return read_csv("locality_lineage.csv")


@pytest.fixture(scope="module")
def package() -> dict:
    """Province lists and the old-to-new province mapping from vietnamadminunits' own data."""
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE
    from vietnamadminunits.database import get_data

    fields = ["provinceCode", "province", "provinceKey"]
    legacy = get_data(fields=fields, table="admin_units_legacy")
    new = get_data(fields=fields, table="admin_units")
    return {
        "legacy_name": {r["provinceCode"]: norm(r["province"]) for r in legacy},
        "legacy_key": {r["provinceCode"]: r["provinceKey"] for r in legacy},
        "new_name": {r["provinceCode"]: norm(r["province"]) for r in new},
        "new_key": {r["provinceCode"]: r["provinceKey"] for r in new},
        "new_key_of_legacy_key": {old: new_key for new_key, olds in DICT_PROVINCE.items() for old in olds},
        "legacy_districts": get_data(fields=["provinceCode", "districtCode", "district"], table="admin_units_legacy"),
    }


def pre_reorg_provinces(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Provincial-level rows that existed before 1 July 2025."""
    return [r for r in rows if r["level"] in PROVINCIAL_LEVELS and (r["valid_from"] == "" or r["valid_from"] < REORG_DATE)]


def current_provinces(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Provincial-level rows that still exist."""
    return [r for r in rows if r["level"] in PROVINCIAL_LEVELS and r["valid_to"] == ""]


def same_code_renames(lineage_rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Codes kept by a merged unit that took another predecessor's name on 1 July 2025."""
    return {
        r["from_code"]: r
        for r in lineage_rows
        if r["kind"] == "renamed" and r["from_code"] == r["to_code"] and r["effective_date"] == REORG_DATE
    }


def test_files_are_nfc_unique_and_sorted(localities, lineage):
    for row in localities + lineage:
        for value in row.values():
            assert value == unicodedata.normalize("NFC", value)
    codes = [r["code"] for r in localities]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)
    keys = [(r["from_code"], r["to_code"], r["effective_date"]) for r in lineage]
    assert len(keys) == len(set(keys))


def test_references_point_to_existing_localities(localities, lineage):
    codes = {r["code"] for r in localities}
    for r in localities:
        assert r["parent_code"] == "" or r["parent_code"] in codes, r
    for r in lineage:
        assert r["from_code"] in codes and r["to_code"] in codes, r


def test_counts_63_before_and_34_after(localities):
    assert len(pre_reorg_provinces(localities)) == 63
    assert len(current_provinces(localities)) == 34


def test_pre_reorg_codes_and_names_match_package_legacy_list(localities, lineage, package):
    renames = same_code_renames(lineage)
    rows = pre_reorg_provinces(localities)
    assert {r["code"] for r in rows} == set(package["legacy_name"])
    for r in rows:
        legacy_name = package["legacy_name"][r["code"]]
        if r["code"] in renames:
            # one row per code: the row carries today's name, the pre-2025 name is kept in the notes
            assert norm(r["name_vi"]) == package["new_name"][r["code"]], r
            assert legacy_name in renames[r["code"]]["note"], renames[r["code"]]
            assert legacy_name in r["note"], r
        else:
            assert norm(r["name_vi"]) == legacy_name, r


def test_current_codes_and_names_match_package_new_list(localities, package):
    rows = current_provinces(localities)
    assert {r["code"] for r in rows} == set(package["new_name"])
    for r in rows:
        assert norm(r["name_vi"]) == package["new_name"][r["code"]], r


def test_renames_are_exactly_the_codes_whose_name_changed(lineage, package):
    changed = {c for c, name in package["new_name"].items() if package["legacy_name"].get(c) != name}
    assert set(same_code_renames(lineage)) == changed


def test_every_ceased_province_maps_to_its_successor_as_in_package(localities, lineage, package):
    code_of_new_key = {key: code for code, key in package["new_key"].items()}
    merged = {}
    for r in lineage:
        if r["kind"] == "merged_into":
            assert r["effective_date"] == REORG_DATE, r
            assert r["from_code"] not in merged, f"two successors for {r['from_code']}"
            merged[r["from_code"]] = r["to_code"]
    current_codes = {r["code"] for r in current_provinces(localities)}
    for r in pre_reorg_provinces(localities):
        code = r["code"]
        successor = code_of_new_key[package["new_key_of_legacy_key"][package["legacy_key"][code]]]
        if successor == code:
            assert r["valid_to"] == "" and code not in merged, r
        else:
            assert r["valid_to"] == LAST_DAY_BEFORE_REORG, r
            assert merged.get(code) == successor, f"{code}: ours {merged.get(code)}, package {successor}"
            assert successor in current_codes


def test_hai_duong_city_district(localities, lineage, package):
    row = next(r for r in localities if r["code"] == "288")
    assert (row["level"], row["parent_code"], row["valid_to"]) == ("provincial_city", "30", LAST_DAY_BEFORE_REORG)
    in_package = {(d["provinceCode"], d["districtCode"], d["district"]) for d in package["legacy_districts"]}
    assert ("30", "288", row["name_vi"]) in in_package
    moves = [(r["to_code"], r["kind"], r["effective_date"]) for r in lineage if r["from_code"] == "288"]
    assert moves == [("31", "level_abolished", REORG_DATE)]


def test_names_over_time_match_the_units_before_and_after(localities, package):
    """locality_names.csv: every renamed code has its old name until 30/6/2025 and its new one
    from 1/7/2025 (Resolution 202/2025/QH15); the eras of a code never overlap; the current era
    carries the localities.csv name; the old name is the unit's name in the legacy list."""
    names = read_csv("locality_names.csv")
    by_code = {r["code"]: r for r in localities}
    eras: dict[str, list[dict]] = {}
    for r in names:
        assert r["code"] in by_code, r
        eras.setdefault(r["code"], []).append(r)
    renamed = {c for c, r in same_code_renames(read_csv("locality_lineage.csv")).items()}
    assert renamed <= set(eras)
    for code, rows in eras.items():
        rows.sort(key=lambda r: r["valid_from"])
        assert rows[0]["valid_from"] == "" and rows[-1]["valid_to"] == ""
        for before, after in zip(rows, rows[1:]):
            assert before["valid_to"] < after["valid_from"], (code, before, after)
        assert rows[-1]["name_vi"] == by_code[code]["name_vi"]
        if code in renamed:
            assert rows[0]["valid_to"] == LAST_DAY_BEFORE_REORG and rows[1]["valid_from"] == REORG_DATE
            assert norm(rows[0]["name_vi"]) == package["legacy_name"][code], code


def test_every_former_province_lies_in_one_region_and_merged_ones_only_when_all_parts_agree():
    """locality_regions.csv: the 63 former provinces each in one of the six regions until
    30/6/2025; a current unit has a region only when every unit it was made from lay in it."""
    locs = {r["code"]: r for r in read_csv("localities.csv")}
    rows = read_csv("locality_regions.csv")
    old = {r["code"]: r["region_code"] for r in rows if r["valid_to"] == "2025-06-30"}
    assert len(old) == 63 and {locs[c]["level"] for c in old} <= {"province", "central_city"}
    assert {locs[r]["level"] for r in old.values()} == {"region"} and len(set(old.values())) == 6
    lineage = read_csv("locality_lineage.csv")
    for r in rows:
        if r["valid_from"] != "2025-07-01":
            continue
        parts = {x["from_code"] for x in lineage if x["to_code"] == r["code"]} | {r["code"]}
        assert {old[p] for p in parts if p in old} == {r["region_code"]}, r["code"]
