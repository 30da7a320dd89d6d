"""A staff file like issue 12's (localities across time, conflicts, new indicators, precision as
written), as an Excel workbook against the bundled data: every case the issue names, in one
upload. The figures are made up for tests (the source says so); they live only in a temporary
copy of `data/`.

    .venv/bin/python tests/issue12_file.py /tmp/issue12.xlsx   # write it to look at
"""
from __future__ import annotations

import datetime as dt
import io
import sys

SOURCE = ("Tệp thử issue 12: báo cáo tổng hợp (số liệu thử, không phải số liệu thật)",
          "Văn phòng thử nghiệm govdash", "https://example.invalid/issue12")
HEADER = ["locality", "body", "indicator", "period_start", "period_end", "period_kind", "value",
          "qualifier", "status", "quote", "source_title", "source_publisher", "source_url",
          "preferred", "note"]
Y = lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31), "year")  # noqa: E731
FIGURES = [  # (row 2 onwards) what the row is for is in its note
    ["Bắc Giang", "locality", "grdp_growth", *Y(2022), "19,3%", "exact", "reported",
     "Năm 2022, tăng trưởng kinh tế tỉnh Bắc Giang đạt 19,3%", *SOURCE, "không",
     "name of code 24 before 1/7/2025; a second publisher's figure kept beside, not preferred"],
    ["Bắc Giang", "locality", "grdp_growth", *Y(2023), "13,45%", "exact", "reported",
     "Năm 2023, tăng trưởng kinh tế tỉnh Bắc Giang đạt 13,45%", *SOURCE, "không", ""],
    ["Bắc Ninh", "locality", "grdp_growth", *Y(2022), "7,39%", "exact", "reported",
     "Năm 2022, GRDP tỉnh Bắc Ninh tăng 7,39%", *SOURCE, "không",
     "Bắc Ninh in 2022 is code 27 (code 24 took the name only on 1/7/2025)"],
    ["Bắc Ninh", "locality", "grdp_growth", *Y(2023), "-9,28%", "exact", "reported",
     "Năm 2023, GRDP tỉnh Bắc Ninh giảm 9,28%", *SOURCE, "",
     "the final after the data's estimate (-6,18 %): both kept, the final preferred"],
    ["Bắc Giang", "council", "voter_petitions_resolved_pct", *Y(2023), "81,5%", "exact", "reported",
     "đã giải quyết xong 81,5% kiến nghị cử tri", *SOURCE, "", "more decimals than the indicator shows"],
    ["Vùng Đồng bằng sông Hồng", "locality", "grdp_growth", *Y(2023), "6,5%", "exact", "reported",
     "Vùng Đồng bằng sông Hồng tăng trưởng 6,5%", *SOURCE, "", "a region's own figure"],
    ["Bắc Giang", "locality", "planned_investment_capital", *Y(2023), "5.000", "exact", "planned",
     "kế hoạch vốn đầu tư công năm 2023 là 5.000 tỷ đồng", *SOURCE, "", "new indicator"],
    ["Bắc Giang", "council", "confidence_votes", *Y(2023), "30", "exact", "reported",
     "lấy phiếu tín nhiệm đối với 30 người giữ chức vụ do HĐND bầu", *SOURCE, "", "new indicator"],
    ["Bắc Giang", "people_committee", "voter_petitions_resolved", *Y(2023), "245", "exact", "reported",
     "đã giải quyết 245 kiến nghị cử tri", *SOURCE, "", "new indicator: the count beside the %"],
    ["Bắc Giang", "council", "session_reports_considered", *Y(2023), "42", "exact", "reported",
     "các kỳ họp đã xem xét 42 báo cáo", *SOURCE, "", "new indicator"],
    ["Bắc Giang", "locality", "budget_revenue_pct_of_estimate", *Y(2023), "> 120%", "exact", "estimated",
     "ước thu ngân sách vượt trên 120% dự toán", *SOURCE, "", "the qualifier written in the value cell"],
]
INDICATOR_HEADER = ["indicator", "name_vi", "name_en", "unit_vi", "unit_en", "unit_kind", "summable",
                    "higher_is_better", "domain", "decimals", "description_en"]
INDICATORS = [
    ["planned_investment_capital", "Kế hoạch vốn đầu tư công", "Planned public investment capital",
     "tỷ đồng", "billion VND", "money", "có", "", "budget", "0", "Public investment capital planned for the period"],
    ["confidence_votes", "Số người được lấy phiếu tín nhiệm", "People given a confidence vote",
     "người", "people", "count", "không", "", "sessions", "0", ""],
    ["voter_petitions_resolved", "Số kiến nghị cử tri đã giải quyết", "Voter petitions resolved",
     "kiến nghị", "petitions", "count", "có", "có", "petitions", "0", ""],
    ["session_reports_considered", "Số báo cáo xem xét tại kỳ họp", "Reports considered at sessions",
     "báo cáo", "reports", "count", "có", "", "sessions", "0", ""],
]


def build() -> bytes:
    """The workbook: "Số liệu" (figures) and "Chỉ tiêu mới" (new indicators)."""
    from openpyxl import Workbook
    book = Workbook()
    figures = book.active
    figures.title = "Số liệu"
    figures.append(HEADER)
    for row in FIGURES:
        figures.append(row)
    for r in range(2, len(FIGURES) + 2):
        figures.cell(r, HEADER.index("value") + 1).number_format = "@"
    new = book.create_sheet("Chỉ tiêu mới")
    new.append(INDICATOR_HEADER)
    for row in INDICATORS:
        new.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(build())
