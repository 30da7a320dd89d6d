"""Nhập từ văn bản (issue 13): each rule of the extractor on small sentences of our own, the
readers (.txt, .docx, .pdf, scanned PDF), the command line, and the seed documents' quotes."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from import_helpers import tcvn3

from govdash.extract import cues, extract, match, read, template
from govdash.extract.numbers import find_numbers
from govdash.imports import vnparse

ROOT = Path(__file__).resolve().parent.parent
NOUNS = cues.unit_words([i.unit_vi for i in match.catalogue()])


def numbers(text: str) -> list[tuple[str, Decimal, str]]:
    return [(s.text, s.value, s.unit) for s in find_numbers(text, NOUNS)]


def one(text: str, **kw):
    found = extract(text, **kw)
    assert len(found) == 1, [(c.text, c.unit) for c in found]
    return found[0]


# ---------------------------------------------------------------- number forms

@pytest.mark.parametrize("text, value, unit", [
    ("Huyện tiếp nhận 103.600 lượt hồ sơ.", Decimal("103600"), "lượt"),
    ("Tỷ lệ đạt 10,34%.", Decimal("10.34"), "%"),
    ("Đã ban hành 07 nghị quyết.", Decimal("7"), "nghị quyết"),
    ("Thu ngân sách đạt 1.484 tỷ 750 triệu đồng.", Decimal("1484.75"), "tỷ đồng"),
    ("Tổng thu đạt 8,967 nghìn tỷ đồng.", Decimal("8967"), "tỷ đồng"),
    ("Tổng mức đầu tư 345,250 tỷ đồng.", Decimal("345.25"), "tỷ đồng"),
    ("Tăng trưởng bình quân 8,8%/năm.", Decimal("8.8"), "%/năm"),
    ("Thu ngân sách gấp 1,5 lần.", Decimal("1.5"), "lần"),
    ("Tổ chức hai kỳ họp.", Decimal("2"), "kỳ họp"),
    ("Tiến hành một cuộc giám sát.", Decimal("1"), "cuộc giám sát"),
    ("Tiếp nhận mười lăm đơn.", Decimal("15"), "đơn"),
    ("Số kỳ họp: 4", Decimal("4"), "kỳ họp"),
    ("Kỳ họp | 6", Decimal("6"), "kỳ họp"),
])
def test_number_forms(text, value, unit):
    assert [(v, u) for _, v, u in numbers(text)] == [(value, unit)]


def test_part_of_a_whole_gives_both_numbers():
    found = find_numbers("Có 109/139 xã đạt chuẩn, chiếm 78,4%.", NOUNS)
    assert [(s.value, s.role) for s in found] == [(109, "part"), (139, "whole"), (Decimal("78.4"), None)]


def test_range_gives_both_bounds():
    found = find_numbers("Phấn đấu tăng trưởng 7,5-8%.", NOUNS)
    assert [(s.value, s.role, s.unit) for s in found] == [(Decimal("7.5"), "lower", "%"), (8, "upper", "%")]


def test_decrease_is_a_negative_change_and_giam_con_a_level():
    assert one("Năm 2023 thu ngân sách giảm 9,28% so với năm 2022.").value == Decimal("-9.28")
    assert one("Năm 2023 tiếp 50 lượt công dân, giảm 4 lượt so cùng kỳ.".split(", ")[1]
               .join(["Năm 2023 tiếp công dân ", ""])).value == -4
    assert one("Năm 2023 tỷ lệ hộ nghèo giảm còn 0,97%.").value == Decimal("0.97")


def test_published_ranks_are_figures_other_ordinals_are_not():
    found = extract("Năm 2023 GRDP tăng 7,03%, xếp thứ 28/63 tỉnh, thành phố cả nước; đứng thứ 3 vùng Bắc Trung Bộ.")
    assert [(c.value, c.unit, c.indicator) for c in found] == [
        (Decimal("7.03"), "%", "grdp_growth"), (28, "hạng", "grdp_growth_rank_national"),
        (3, "hạng", "grdp_growth_rank_region")]
    assert numbers("Kỳ họp thứ 28 HĐND tỉnh khóa XVI.") == []


def test_scale_words_are_whole_words():
    assert [u for _, _, u in numbers("Có 9/14 tỉnh đạt chuẩn, thu 12 tỉ đồng.")] == ["tỷ đồng"]


def test_vnparse_number_words_and_amounts():
    assert vnparse.read_number_words("hai mươi lăm") == 25
    assert vnparse.read_number_words("một trăm linh năm") == 105
    assert vnparse.read_number_words("mười") == 10
    assert vnparse.read_number_words("một số") is None
    assert vnparse.read_prose_number("1.484") == 1484  # prose: `.` always groups thousands
    assert vnparse.read_amount([(Decimal(633), "tỷ"), (Decimal(900), "triệu")]) == Decimal("633900000000")
    assert vnparse.read_amount([(Decimal(5), "triệu"), (Decimal(2), "tỷ")]) is None


# ---------------------------------------------------------------- what is not a figure

@pytest.mark.parametrize("text", [
    "Ngày 17/4/2023, hội nghị được tổ chức.",
    "Sáng 12/3 khai mạc hội nghị.",
    "Print Thứ Ba, 12/03/2024 18:58",
    "Kỳ họp thứ 12 HĐND tỉnh khóa XVI.",
    "Đại hội lần thứ 2 của hội.",
    "Thực hiện Nghị quyết số 146/NQ-HĐND của HĐND thành phố.",
    "Theo Nghị quyết 202/2025/QH15 của Quốc hội.",
    "Kết luận số 92-KL/TU của Thành ủy.",
    "Nhiệm kỳ 2021-2026 của HĐND các cấp.",
    "Năm 2023 là năm bản lề.",
    "Điện thoại: 0912 345 678 hoặc 0225.384.2123.",
    "1. Công tác chỉ đạo điều hành",
    "(2) Đôn đốc thường xuyên việc triển khai.",
    "Lập quy hoạch phân khu (tỉ lệ 1/2000).",
    "Phòng chống dịch COVID-19 hiệu quả.",
    "Đồ án quy hoạch giai đoạn 1 đã xong.",
    "Hoãn họp sang tháng 4/2023.",
    "Số liệu tính đến 20/6 của Sở Tài chính.",
    "Kỷ niệm 70 năm ngày Giải phóng.",
    "Thường trực HĐND giải quyết công việc giữa 2 kỳ họp.",
])
def test_never_figures(text):
    assert numbers(text) == []


# ---------------------------------------------------------------- status and qualifier

@pytest.mark.parametrize("text, status", [
    ("Năm 2023 tổng thu ngân sách ước đạt 1.200 tỷ đồng.", "estimated"),
    ("Năm 2023 tổng thu ngân sách ước 1.200 tỷ đồng.", "estimated"),
    ("Năm 2023 dự kiến thu ngân sách đạt 1.200 tỷ đồng.", "estimated"),
    ("Năm 2023 dự kiến tổ chức 3 kỳ họp chuyên đề.", "planned"),
    ("Kế hoạch năm 2023 thu ngân sách 1.200 tỷ đồng.", "planned"),
    ("Năm 2023 chỉ tiêu giảm tỷ lệ hộ nghèo còn 1,2%.", "planned"),
    ("Mục tiêu năm 2025 có 20 xã đạt chuẩn.", "planned"),
    ("Dự toán năm 2023 là 900 tỷ đồng.", "planned"),
    ("Năm 2024 phấn đấu tăng trưởng GRDP 8%.", "planned"),
    ("Năm 2023 giải ngân đạt 95% kế hoạch.", "reported"),
    ("Năm 2023 thu ngân sách đạt 1.000 tỷ đồng, bằng 105% dự toán.", "reported"),
    ("Theo kế hoạch năm 2023, UBND đã xác định giá đất 12 dự án.", "reported"),
    ("Năm 2023 HĐND tỉnh thông qua 40 nghị quyết.", "reported"),
])
def test_status_cues(text, status):
    assert extract(text)[0].status == status


def test_estimate_covers_the_amounts_of_its_paragraph():
    found = extract("Năm 2023 tổng thu ngân sách ước đạt 900 tỷ đồng. Trong đó thu nội địa 600 tỷ đồng.")
    assert [c.status for c in found] == ["estimated", "estimated"]


def test_whole_of_a_fraction_under_a_plan_is_planned():
    found = extract("Năm 2023, theo kế hoạch, xác định giá đất 25/35 dự án.")
    assert [(c.value, c.status) for c in found] == [(25, "reported"), (35, "planned")]


def test_period_not_ended_at_the_document_date_is_estimated():
    c = one("Năm 2023, HĐND thành phố ban hành 60 nghị quyết.", doc_date=dt.date(2023, 11, 20))
    assert c.status == "estimated" and "had not ended" in c.reasons["status"]


@pytest.mark.parametrize("text, qualifier", [
    ("Năm 2023 ban hành trên 8.000 văn bản.", "over"),
    ("Năm 2023 ban hành hơn 8.000 văn bản.", "over"),
    ("Năm 2023 phải ban hành tối thiểu 20 văn bản.", "over"),
    ("Năm 2023 ban hành khoảng 400 kế hoạch.", "about"),
    ("Năm 2023 giải quyết gần 9.000 hồ sơ.", "under"),
    ("Năm 2023 giải quyết dưới 100 hồ sơ.", "under"),
    ("Năm 2023 thu nội địa vượt 2,3% dự toán.", "exact"),  # `vượt N%` states the excess exactly
    ("Năm 2023 ban hành 8.000 văn bản.", "exact"),
])
def test_qualifier_cues(text, qualifier):
    assert extract(text)[0].qualifier == qualifier


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize("text, start, end, kind", [
    ("Năm 2023, HĐND ban hành 60 nghị quyết.", "2023-01-01", "2023-12-31", "year"),
    ("Quý I/2023, HĐND ban hành 6 nghị quyết.", "2023-01-01", "2023-03-31", "quarter"),
    ("Trong quý III năm 2024 tiếp 40 lượt công dân.", "2024-07-01", "2024-09-30", "quarter"),
    ("6 tháng đầu năm 2023, tiếp 40 lượt công dân.", "2023-01-01", "2023-06-30", "part_year"),
    ("9 tháng năm 2022, tiếp 40 lượt công dân.", "2022-01-01", "2022-09-30", "part_year"),
    ("Tháng 5/2023 tiếp 40 lượt công dân.", "2023-05-01", "2023-05-31", "month"),
    ("Giai đoạn 2021-2025 có 120 xã đạt chuẩn.", "2021-01-01", "2025-12-31", "multi_year"),
    ("Từ đầu nhiệm kỳ 2021-2026 đến nay, HĐND tỉnh ban hành 409 nghị quyết.", "2021-01-01",
     "2024-03-22", "term_to_date"),
    ("Năm 2023, tính đến ngày 30/11 giải ngân đạt 900 tỷ đồng.", "2023-11-30", "2023-11-30", "as_of"),
    ("Thu ngân sách đến 20/6/2023 đạt 900 tỷ đồng.", "2023-06-20", "2023-06-20", "as_of"),
    ("Đến nay, toàn tỉnh có 197/204 xã đạt chuẩn nông thôn mới nâng cao.", "2024-03-22", "2024-03-22", "as_of"),
    ("Năm 2023 GRDP quý I tăng 6,1%.", "2023-01-01", "2023-03-31", "quarter"),
    ("Báo cáo năm 2023: ước cả năm GRDP tăng 6,1%.", "2023-01-01", "2023-12-31", "year"),
])
def test_period_phrases(text, start, end, kind):
    c = extract(text, doc_date=dt.date(2024, 3, 22))[0]
    assert (c.period_start, c.period_end, c.period_kind) == (start, end, kind)


def test_price_base_year_is_not_the_period():
    c = one("Năm 2024 GRDP (theo giá so sánh năm 2010) ước đạt 63.249 tỷ đồng.")
    assert c.period_start == "2024-01-01"


def test_comparison_base_is_not_the_period():
    c = extract("Năm 2023 tổ chức 50 phiên họp UBND, tăng 29 phiên họp so với năm 2022.")[1]
    assert (c.value, c.period_start, c.indicator) == (29, "2023-01-01", "committee_meetings_change")


def test_a_session_s_dates_are_the_period_of_its_figures():
    text = ("Trong 2 ngày 13-14/8/2021, HĐND tỉnh tổ chức Kỳ họp thứ 3.\n"
            "Tại kỳ họp, HĐND tỉnh đã thông qua 17 nghị quyết. Năm 2021 HĐND tỉnh ban hành 60 nghị quyết.")
    found = extract(text.replace("Trong 2 ngày 13-14/8/2021, HĐND tỉnh tổ chức Kỳ họp thứ 3",
                                 "HĐND tỉnh tổ chức Kỳ họp thứ 3 trong 2 ngày 13-14/8/2021"))
    assert [(c.value, c.period_start, c.period_end, c.period_kind) for c in found] == [
        (17, "2021-08-13", "2021-08-14", "session"), (60, "2021-01-01", "2021-12-31", "year")]
    c = one("Kỳ họp thứ 7 (từ ngày 7/12 đến ngày 9/12/2022) đã thông qua 25 nghị quyết.")
    assert (c.period_start, c.period_end, c.period_kind) == ("2022-12-07", "2022-12-09", "session")


def test_past_years_count_back_from_the_document_date():
    c = one("Trong 3 năm qua, thu ngân sách gấp 1,6 lần.", doc_date=dt.date(2024, 3, 22))
    assert (c.period_start, c.period_end) == ("2021-01-01", "2023-12-31")


def test_document_opening_names_the_period_reported():
    text = ("BÁO CÁO\nCông tác năm 2023 và nhiệm vụ năm 2024\n\n"
            "UBND thành phố đã tổ chức 50 phiên họp.\n\nIII. NHIỆM VỤ NĂM 2024\n\nTổ chức 52 phiên họp.")
    found = extract(text)
    assert [(c.value, c.period_end, c.status) for c in found] == [
        (50, "2023-12-31", "reported"), (52, "2024-12-31", "planned")]


def test_to_date_in_a_document_dated_by_month_only_is_that_month():
    text = "Hải Dương, ngày    tháng 01 năm 2024\n\nBÁO CÁO năm 2023\n\nĐến nay đã phê duyệt 2 đồ án."
    c = one(text)
    assert (c.period_start, c.period_end, c.period_kind, c.status) == (
        "2024-01-01", "2024-01-31", "as_of", "reported")


def test_chosen_year_when_the_text_names_none():
    c = one("UBND tổ chức 50 phiên họp.", year=2022)
    assert c.period_start == "2022-01-01"


def test_no_period_stays_empty_and_flagged():
    c = one("UBND tổ chức 50 phiên họp.")
    assert c.period_start is None and "period" in c.flags


# ---------------------------------------------------------------- bodies, indicators, locality

@pytest.mark.parametrize("text, body", [
    ("Năm 2023 HĐND tỉnh ban hành 40 nghị quyết.", "council"),
    ("Năm 2023 Thường trực HĐND tỉnh tiếp 40 lượt công dân.", "standing_committee"),
    ("Năm 2023 các Ban HĐND tổ chức 12 cuộc giám sát.", "council_committees"),
    ("Năm 2023 UBND tỉnh tổ chức 30 phiên họp.", "people_committee"),
    ("Năm 2023 HĐND các cấp tổ chức 55 kỳ họp chuyên đề.", "all_councils"),
    ("Năm 2023 thu ngân sách trên địa bàn đạt 900 tỷ đồng.", "locality"),
])
def test_body_cues(text, body):
    assert extract(text)[0].body == body


@pytest.mark.parametrize("text, indicator", [
    ("Năm 2023 HĐND tỉnh tổ chức 4 kỳ họp.", "council_sessions"),
    ("Năm 2023 HĐND tỉnh tổ chức 2 kỳ họp chuyên đề.", "council_sessions_thematic"),
    ("Năm 2023 tổng thu ngân sách trên địa bàn đạt 900 tỷ đồng.", "budget_revenue"),
    ("Năm 2023 thu nội địa đạt 600 tỷ đồng.", "domestic_revenue"),
    ("Năm 2023 tỷ lệ hộ nghèo còn 1,2%.", "poverty_rate"),
    ("Năm 2023 GRDP tăng 7,5%.", "grdp_growth"),
    ("Năm 2023 tỷ lệ hồ sơ trực tuyến đạt 80%.", "admin_procedures_online_pct"),
])
def test_indicator_from_metadata(text, indicator):
    assert extract(text)[0].indicator == indicator


def test_a_share_is_not_a_growth_and_negative_cues_rule_out():
    c = one("Năm 2023 khu vực dịch vụ chiếm 48,3% GRDP.")
    assert c.indicator != "trade_services_output_growth" and "chiếm" in c.reasons["change"]
    assert one("Năm 2023 dư nợ tín dụng trên địa bàn đạt 44.300 tỷ đồng.").indicator != "budget_revenue"


def test_unknown_indicator_stays_empty_with_reasons():
    c = one("Năm 2023 trồng 300 cây xanh trên 12 tuyến phố.".replace(" trên 12 tuyến phố", "")) \
        if numbers("Năm 2023 trồng 300 cây xanh.") else None
    c = c or one("Năm 2023 đón 300 doanh nghiệp.")
    assert c.indicator is None and "indicator" in c.flags


def test_locality_named_in_the_text():
    assert one("Năm 2023 HĐND thành phố Hải Phòng ban hành 69 nghị quyết.").locality == "31"
    assert one("Năm 2023 HĐND ban hành 69 nghị quyết.", locality="36").locality == "36"


def test_cue_file_names_known_indicators_and_compiles():
    with (ROOT / "data" / "indicators.csv").open(encoding="utf-8") as f:
        known = {r["indicator"] for r in csv.DictReader(f)}
    with (ROOT / "data" / "indicator_cues.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and {r["indicator"] for r in rows} <= known
    for r in rows:
        re.compile(r["cue"])
        assert float(r["weight"]) != 0 and r["role"] in ("", "part", "whole")


# ---------------------------------------------------------------- quotes

def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "seeds").glob("*.txt"))]


def test_every_quote_is_verbatim_and_holds_the_number_as_written():
    for text in _seed_texts():
        for c in extract(text):
            assert text[c.quote_start:c.quote_end] == c.quote
            assert c.quote_start <= c.start < c.end <= c.quote_end
            assert text[c.start:c.end] == c.text and c.text in c.quote
            assert "\n" not in c.quote


def test_every_candidate_says_why():
    for c in extract(_seed_texts()[0]):
        assert c.reasons.get("unit") or c.reasons.get("value") or c.kind != "count"
        if c.indicator:
            assert "score" in c.reasons["indicator"]


def test_json_numbers_are_exact():
    c = one("Năm 2023 tổng thu ngân sách đạt 1.484 tỷ 750 triệu đồng.")
    assert c.as_json()["value"] == 1484.75 and json.dumps(c.as_json(), ensure_ascii=False)


# ---------------------------------------------------------------- readers

def _docx_bytes() -> bytes:
    import docx
    document = docx.Document()
    document.add_paragraph("Năm 2023, HĐND tỉnh tổ chức 4 kỳ họp.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Chỉ tiêu", "Năm 2023"
    table.cell(1, 0).text, table.cell(1, 1).text = "Số nghị quyết", "69"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    font = next((p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                             "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf") if Path(p).is_file()), None)
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    if font:
        pdfmetrics.registerFont(TTFont("VN", font))
        pdf.setFont("VN", 11)
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 16 * i, line)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_docx_paragraphs_and_tables():
    doc = read.read_document(_docx_bytes(), "bao-cao.docx")
    assert "Số nghị quyết | 69" in doc.text
    found = extract(doc.text)
    assert [(c.value, c.indicator) for c in found] == [(4, "council_sessions"), (69, "resolutions_passed")]


def test_docx_table_columns_give_the_period():
    import docx
    document = docx.Document()
    document.add_paragraph("Báo cáo kết quả hoạt động của HĐND tỉnh")
    table = document.add_table(rows=3, cols=3)
    for r, cells in enumerate([("Chỉ tiêu", "Năm 2022", "Năm 2023"), ("Số kỳ họp", "4", "5"),
                               ("Số nghị quyết", "60", "69")]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    found = extract(read.read_document(out.getvalue(), "bang.docx").text)
    assert [(c.value, c.indicator, c.period_end) for c in found] == [
        (4, "council_sessions", "2022-12-31"), (5, "council_sessions", "2023-12-31"),
        (60, "resolutions_passed", "2022-12-31"), (69, "resolutions_passed", "2023-12-31")]


def test_pdf_with_a_text_layer():
    doc = read.read_document(_pdf_bytes(["Năm 2023, HĐND tỉnh tổ chức 4 kỳ họp."]), "bao-cao.pdf")
    assert doc.pages == 1
    assert [c.value for c in extract(doc.text)] == [4]


def test_scanned_pdf_says_so():
    from reportlab.pdfgen import canvas
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.rect(72, 500, 300, 200, fill=1)  # an image-like page with no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(read.ExtractError) as e:
        read.read_document(out.getvalue(), "scan.pdf")
    assert e.value.key == "ext_err_scanned"


def test_unreadable_files_are_refused_with_a_reason():
    cases = [(b"", "a.txt", "ext_err_empty"), (b"abc", "a.doc", "ext_err_extension"),
             (b"not a zip", "a.docx", "ext_err_not_docx"), (b"%PDF-1.4 garbage", "a.pdf", "ext_err_not_pdf"),
             (tcvn3("Báo cáo của Hội đồng nhân dân thành phố Hải Phòng năm 2023"), "a.txt", None)]
    for data, name, key in cases:
        with pytest.raises(read.ExtractError) as e:
            read.read_document(data, name)
        if key:
            assert e.value.key == key
        else:
            assert e.value.key.startswith(("imp_err_legacy", "ext_err_encoding"))


def test_utf16_text_is_read():
    doc = read.read_document("Năm 2023 tổ chức 4 kỳ họp.".encode("utf-16"), "a.txt")
    assert [c.value for c in extract(doc.text)] == [4]


# ---------------------------------------------------------------- template and command line

def test_template_rows_use_the_import_columns():
    c = one("Năm 2023 tổng thu ngân sách đạt 1.484 tỷ 750 triệu đồng.", locality="31")
    table = template.rows([c.as_json()], template.source_columns("Báo cáo năm 2023"))
    assert list(table[0]) == template.COLUMNS
    assert table[0]["value"] == "1.484,75" and table[0]["period_start"] == "1/1/2023"
    assert template.missing(c.as_json()) == []


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govdash", *args], cwd=ROOT, capture_output=True,
                          text=True)


def test_cli_json(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Năm 2023, HĐND thành phố Hải Phòng tổ chức 4 kỳ họp và ban hành 69 nghị quyết.",
                    encoding="utf-8")
    out = _cli("extract", str(path), "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["value"], r["indicator"], r["locality"]) for r in rows] == [
        (4, "council_sessions", "31"), (69, "resolutions_passed", "31")]
    for key in ("value", "unit", "indicator", "status", "qualifier", "period_start", "period_end", "body",
                "locality", "quote", "start", "end", "confidence", "reasons"):
        assert key in rows[0]


def test_cli_out_then_import_dry_run(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Năm 2021, HĐND tỉnh Nam Định ban hành 55 nghị quyết.", encoding="utf-8")
    out = _cli("extract", str(path), "--out", str(tmp_path / "t.csv"))
    assert out.returncode == 0, out.stderr
    check = _cli("import", str(tmp_path / "t.csv"), "--dry-run")
    assert "55" in (tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert check.returncode == 0 and "1 số liệu mới" in check.stdout, check.stdout + check.stderr


def test_cli_refuses_a_scan(tmp_path):
    from reportlab.pdfgen import canvas
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.showPage()
    pdf.save()
    out = _cli("extract", str(tmp_path / "scan.pdf"))
    assert out.returncode == 1 and "OCR" in out.stderr


def test_thirty_pages_under_two_seconds():
    import time
    text = ("\n\n".join(_seed_texts()) * 5)[:90000]
    extract(text[:1000])
    start = time.perf_counter()
    extract(text)
    assert time.perf_counter() - start < 2.0


def test_million_dong_converted_to_billions_and_said_so():
    c = one("Năm 2023 huyện hỗ trợ 500 triệu đồng cho hộ nghèo.")
    assert (c.value, c.unit) == (Decimal("0.5"), "tỷ đồng") and "tỷ đồng" in c.reasons["value"]


# ---------------------------------------------------------------- the review table (no Streamlit)

def test_review_rows_edits_acceptance_and_import_file():
    from govdash.extract import review
    found = extract("Năm 2023, HĐND tỉnh Nam Định tổ chức 4 kỳ họp. Có 12 doanh nghiệp.", locality="36")
    rows = review.rows_of([c.as_json() for c in found])
    assert [r["include"] for r in rows] == [False, False] and rows[1]["missing"] == "indicator"
    rows = review.accept_confident(rows)
    assert [r["include"] for r in rows] == [True, False]  # the incomplete one is left for the editor
    rows = review.apply_edits(rows, {1: {"include": True}})
    assert [r["id"] for r in review.blocked(rows)] == [1]
    rows = review.set_field(rows, 1, "indicator", "art_competitions")
    assert review.blocked(rows) == [] and len(review.accepted(rows)) == 2
    assert review.indicator_options(rows[0], ["a", "council_sessions", "z"])[0] == "council_sessions"
    data = review.import_file(rows, template.source_columns("Báo cáo năm 2023"))
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].split(",") == template.COLUMNS and "4 kỳ họp" in text
    assert review.digest(rows) != review.digest(review.apply_edits(rows, {0: {"value": "5"}}))


def test_highlight_escapes_markdown():
    from govdash.extract import review
    row = {"quote": "Đạt *50%* [link](x)", "quote_start": 10, "start": 15, "end": 18}
    shown = review.highlighted(row)
    assert "\\*" in shown and "\\[" in shown and ":orange-background[**" in shown
