"""Tiny literal data set in the curated schema, for query and page tests with hand-computed results.

The figures are made up for tests only (their sources say so); they never live in `data/`.
"""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOCALITIES = [
    # code, name_vi, name_en, level, parent_code, valid_from, valid_to, note
    ("01", "Hà Nội", "Ha Noi", "central_city", "", "", "", ""),
    ("30", "Hải Dương", "Hai Duong", "province", "", "", "2025-06-30", "merged into 31"),
    ("31", "Hải Phòng", "Hai Phong", "central_city", "", "", "", ""),
    ("35", "Hà Nam", "Ha Nam", "province", "", "", "2025-06-30", ""),
    ("36", "Nam Định", "Nam Dinh", "province", "", "", "2025-06-30", ""),
    ("37", "Ninh Bình", "Ninh Binh", "province", "", "", "", ""),
    ("288", "Thành phố Hải Dương", "Hai Duong city", "provincial_city", "30", "", "2025-06-30", ""),
]
LINEAGE = [
    ("30", "31", "2025-07-01", "merged_into", "Resolution 202/2025/QH15", ""),
    ("35", "37", "2025-07-01", "merged_into", "Resolution 202/2025/QH15", ""),
    ("36", "37", "2025-07-01", "merged_into", "Resolution 202/2025/QH15", ""),
]
SOURCES = [
    ("fx-a", "Tài liệu thử A", "Test publisher", "2024-01-15", "seed_document", "", "", "high", "document", "test fixture"),
    ("fx-b", "Trang thử B", "Test site", "2024-02", "web_page", "", "https://example.invalid/b", "low", "forum", "test fixture"),
]
INDICATOR_HEADER = ["indicator", "domain", "name_vi", "name_en", "unit_vi", "unit_en", "unit_kind",
                    "decimals", "summable", "higher_is_better", "max_value", "share_group",
                    "headline", "sort_order", "description_en"]
INDICATORS = [
    ("council_sessions", "sessions", "Số kỳ họp HĐND", "Council sessions", "kỳ họp", "sessions", "count", 0, "false", "", "", "", "true", 100, ""),
    ("resolutions_passed", "resolutions", "Số nghị quyết thông qua", "Resolutions passed", "nghị quyết", "resolutions", "count", 0, "false", "", "", "", "true", 200, ""),
    ("voter_petitions", "petitions", "Số kiến nghị cử tri", "Voter petitions", "kiến nghị", "petitions", "count", 0, "true", "", "", "", "true", 500, ""),
    ("budget_revenue", "budget", "Tổng thu NSNN", "Budget revenue", "tỷ đồng", "billion VND", "money", 2, "true", "true", "", "", "true", 700, ""),
    ("grdp_growth", "economy", "Tăng trưởng GRDP", "GRDP growth", "%", "%", "percent", 2, "false", "true", "", "", "true", 800, ""),
]
FIGURE_HEADER = ["figure_id", "locality_code", "body", "indicator", "period_start", "period_end",
                 "period_kind", "value", "qualifier", "status", "source_id", "quote",
                 "derived_from", "derivation", "preferred", "flag", "note"]
Y = lambda y: (f"{y}-01-01", f"{y}-12-31", "year")  # noqa: E731
FIGURES = {
    "sessions": [
        ("fx-a-01", "31", "council", "council_sessions", *Y(2023), 4, "exact", "reported", "fx-a", "tổ chức 4 kỳ họp", "", "", "true", "", ""),
        ("fx-a-02", "31", "council", "council_sessions", *Y(2022), 6, "exact", "reported", "fx-a", "tổ chức 6 kỳ họp", "", "", "true", "", ""),
    ],
    "resolutions": [
        ("fx-a-03", "31", "council", "resolutions_passed", *Y(2023), 69, "exact", "reported", "fx-a", "ban hành 69 nghị quyết", "", "", "true", "", ""),
        ("fx-a-04", "31", "council", "resolutions_passed", *Y(2022), 80, "exact", "reported", "fx-a", "ban hành 80 nghị quyết", "", "", "true", "", ""),
        ("fx-a-05", "36", "council", "resolutions_passed", *Y(2023), 69, "exact", "reported", "fx-a", "thông qua 69 nghị quyết", "", "", "true", "", ""),
        ("fx-a-06", "288", "council", "resolutions_passed", *Y(2023), 20, "exact", "reported", "fx-a", "thông qua 20 nghị quyết", "", "", "true", "", ""),
        # compare: with 31 (69), 36 (69) and 288 (20) a competition ranking 1, 2, 2, 4
        ("fx-a-c01", "30", "council", "resolutions_passed", *Y(2023), 100, "exact", "reported", "fx-a", "thông qua 100 nghị quyết", "", "", "true", "", ""),
    ],
    "petitions": [
        ("fx-a-07", "31", "council", "voter_petitions", *Y(2024), 100, "exact", "reported", "fx-a", "100 kiến nghị", "", "", "true", "", ""),
        ("fx-a-08", "30", "council", "voter_petitions", *Y(2024), 50, "exact", "reported", "fx-a", "50 kiến nghị", "", "", "true", "", ""),
        ("fx-a-09", "31", "council", "voter_petitions", *Y(2023), 150, "exact", "reported", "fx-a", "150 kiến nghị", "", "", "true", "", ""),
    ],
    "budget": [
        ("fx-a-10", "31", "locality", "budget_revenue", *Y(2023), 103600, "over", "reported", "fx-a", "đạt trên 103.600 tỷ đồng", "", "", "true", "", ""),
        ("fx-b-01", "31", "locality", "budget_revenue", *Y(2022), 98000, "about", "estimated", "fx-b", "ước khoảng 98.000 tỷ đồng", "", "", "true", "", ""),
        ("fx-b-02", "31", "locality", "budget_revenue", *Y(2022), 97500.5, "exact", "estimated", "fx-b", "ước đạt 97.500,5 tỷ đồng", "", "", "false", "conflicting", "older estimate"),
        ("fx-a-11", "288", "locality", "budget_revenue", *Y(2023), 1484.75, "exact", "estimated", "fx-a", "ước đạt 1.484 tỷ 750 triệu đồng", "", "", "true", "", ""),
        # compare on today's boundaries: 31 in 2022 = 98.000 (about, est.) + 20.000 (about, est.);
        # 37 = 37 + 35 + 36 lacks 37 and 35 in 2023 (incomplete); 31 in 2025 is published after
        # the merger (never a sum)
        ("fx-a-c06", "30", "locality", "budget_revenue", *Y(2022), 20000, "about", "estimated", "fx-a", "ước khoảng 20.000 tỷ đồng", "", "", "true", "", ""),
        ("fx-a-c03", "36", "locality", "budget_revenue", *Y(2023), 7000, "exact", "reported", "fx-a", "đạt 7.000 tỷ đồng", "", "", "true", "", ""),
        ("fx-a-c07", "31", "locality", "budget_revenue", *Y(2025), 120000, "exact", "reported", "fx-a", "đạt 120.000 tỷ đồng", "", "", "true", "", ""),
    ],
    "economy": [
        ("fx-a-12", "31", "locality", "grdp_growth", *Y(2023), 10.34, "exact", "reported", "fx-a", "tăng 10,34%", "", "", "true", "", ""),
        ("fx-a-13", "30", "locality", "grdp_growth", *Y(2023), 8.5, "exact", "reported", "fx-a", "tăng 8,5%", "", "", "true", "", ""),
    ],
}


# Issue 12's case, added by `write_era_fixture` only (the shared fixture keeps its counts): code
# 24 was Bắc Giang until 30/6/2025 and took the name of Bắc Ninh (27) when 27 merged into it;
# one localities row per code carries the current name, the old one is in locality_names.
ERA_LOCALITIES = [
    ("24", "Bắc Ninh", "Bac Ninh", "province", "", "", "", "code 24 was Bắc Giang until 2025-06-30"),
    ("27", "Bắc Ninh", "Bac Ninh", "province", "", "", "2025-06-30", "merged into 24"),
    ("V-DBSH", "Vùng Đồng bằng sông Hồng", "Red River Delta region", "region", "", "", "", ""),
]
ERA_NAMES = [
    # code, name_vi, name_en, valid_from, valid_to, legal_basis, note
    ("24", "Bắc Giang", "Bac Giang", "", "2025-06-30", "Resolution 202/2025/QH15", ""),
    ("24", "Bắc Ninh", "Bac Ninh", "2025-07-01", "", "Resolution 202/2025/QH15", ""),
]
ERA_LINEAGE = [
    ("27", "24", "2025-07-01", "merged_into", "Resolution 202/2025/QH15", ""),
    ("24", "24", "2025-07-01", "renamed", "Resolution 202/2025/QH15", "Bắc Giang -> Bắc Ninh"),
]
ERA_FIGURES = [
    ("fx-a-g01", "24", "locality", "grdp_growth", *Y(2022), 19.3, "exact", "reported", "fx-a", "tăng 19,3%", "", "", "true", "", ""),
    ("fx-a-g02", "24", "locality", "grdp_growth", *Y(2023), 13.45, "exact", "reported", "fx-a", "tăng 13,45%", "", "", "true", "", ""),
    ("fx-a-g03", "27", "locality", "grdp_growth", *Y(2022), 2.2, "exact", "reported", "fx-a", "tăng 2,2%", "", "", "true", "", ""),
    ("fx-a-g04", "27", "locality", "grdp_growth", *Y(2023), -9.28, "exact", "reported", "fx-a", "giảm -9,28%", "", "", "true", "", ""),
    ("fx-a-g05", "24", "locality", "grdp_growth", *Y(2025), 8.1, "exact", "reported", "fx-a", "tăng 8,1%", "", "", "true", "", ""),
    ("fx-a-g06", "V-DBSH", "locality", "grdp_growth", *Y(2023), 6.5, "exact", "reported", "fx-a", "tăng 6,5%", "", "", "true", "", ""),
]


def _write(path: Path, header: list[str], rows: list[tuple]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_fixture(folder: Path, eras: bool = False) -> Path:
    """Write the fixture data set (with the real datapackage.json) into `folder`; return it.
    `eras`: with issue 12's renamed code 24 (Bắc Giang → Bắc Ninh), Bắc Ninh 27 and a region."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data" / "datapackage.json", folder / "datapackage.json")
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    headers = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in package["resources"]}
    _write(folder / "localities.csv", headers["localities"], LOCALITIES + (ERA_LOCALITIES if eras else []))
    _write(folder / "locality_lineage.csv", headers["locality_lineage"], LINEAGE + (ERA_LINEAGE if eras else []))
    _write(folder / "locality_regions.csv", headers["locality_regions"], [])  # no region localities here
    _write(folder / "locality_names.csv", headers["locality_names"], ERA_NAMES if eras else [])
    _write(folder / "sources.csv", headers["sources"], SOURCES)
    _write(folder / "indicators.csv", INDICATOR_HEADER, INDICATORS)
    _write(folder / "session_register.csv", headers["session_register"], [
        ("fx-31-k11", "31", "2021-2026", 11, "thematic", "held", "2023-04-10", "2023-04-10", 6,
         "exact", "reported", "fx-a", "Kỳ họp thứ 11 thông qua 6 nghị quyết", ""),
    ])
    for res in package["resources"]:
        if headers[res["name"]][0] == "figure_id":
            extra = ERA_FIGURES if eras and res["name"] == "economy" else []
            _write(folder / res["path"], FIGURE_HEADER, FIGURES.get(res["name"], []) + extra)
    return folder
