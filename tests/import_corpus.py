"""A corpus of hostile and awkward upload files, each with the outcome it must have.

Built against the import fixture (`import_helpers.import_fixture`). Reasons are matched in
English (`lang="en"`) by a distinctive substring.
"""
from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from import_helpers import GOOD, HEADER, as_if_opened_in_excel, cp1258, csv_bytes, tcvn3, text_table, vni, xlsx_bytes

from govdash.imports import Outcome

READY, NOTHING = "imp_outcome_ready", "imp_outcome_nothing"
ERRORS, CONFLICTS = "imp_outcome_errors", "imp_outcome_conflicts"


@dataclass
class Case:
    """One file and what the import must make of it."""
    name: str
    file_name: str
    data: bytes
    key: str                                   # the outcome's catalogue key
    added: int | None = None                   # new figures, when ready
    error: str | None = None                   # substring of some error's reason
    row: int | None = None                     # …on this row
    column: str | None = None                  # …in this column
    warning: str | None = None                 # substring of some warning
    values: dict = field(default_factory=dict)  # upload row → value written

    @property
    def outcome(self) -> Outcome:
        return {ERRORS: Outcome.ERRORS, CONFLICTS: Outcome.CONFLICTS}.get(self.key, Outcome.OK)


def row(**changes) -> list[str]:
    """The first good row with some cells changed (by column name)."""
    r = list(GOOD[0])
    for col, value in changes.items():
        r[HEADER.index(col)] = value
    return r


def _nfd(rows):
    return [[unicodedata.normalize("NFD", c) for c in r] for r in rows]


def _folded_names(rows):
    names = {"Nam Định": "nam dinh", "Hà Nam": "ha nam", "Ninh Bình": "NINH BINH"}
    return [[names.get(r[0], r[0])] + r[1:] for r in rows]


def _xlsx_typed():
    """Typed workbook cells: numbers, real dates, a percent-formatted 0.1034."""
    rows = []
    for r in GOOD:
        cells: list = list(r)
        cells[3], cells[4] = dt.date(2020, 1, 1), dt.datetime(2020, 12, 31)
        rows.append(cells)
    rows[0][6], rows[1][6], rows[2][6] = 55, 1484.75, 10.34
    return xlsx_bytes(rows)


def _xlsx_percent():
    cells = list(GOOD[2])
    cells[6] = 0.1034
    from openpyxl import load_workbook
    data = xlsx_bytes([cells])
    book = load_workbook(io.BytesIO(data))
    book.active.cell(2, 7).number_format = "0.00%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _zip_named_csv():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "x")
    return out.getvalue()


def _big(n: int) -> bytes:
    lines = [text_table([], HEADER)]
    body = ",".join(GOOD[0]) + "\r\n"
    return (lines[0] + body * n).encode("utf-8")


def _many_short_rows(n: int) -> bytes:
    return ("locality,value\r\n" + "31,1\r\n" * n).encode("utf-8")


LEGACY_TEXT = text_table([row(quote="Hội đồng nhân dân tỉnh đã ban hành 55 nghị quyết trong năm"),
                          row(locality="Hải Phòng", period_start="1/1/2019", period_end="31/12/2019",
                              quote="Tổng hợp ý kiến cử tri, ban hành 55 nghị quyết")])


def cases() -> list[Case]:
    """Every case of the corpus (at least thirty)."""
    return [
        # encodings, BOM, delimiters
        Case("utf8_comma", "a.csv", csv_bytes(GOOD), READY, added=3,
             values={2: "55", 3: "1484.75", 4: "10.34"}),
        Case("utf8_bom_semicolon", "a.csv", csv_bytes(GOOD, delimiter=";", encoding="utf-8-sig"),
             READY, added=3),
        Case("utf16_excel_unicode_text", "a.txt", csv_bytes(GOOD, delimiter="\t", encoding="utf-16"),
             READY, added=3),
        Case("utf16le_without_bom", "a.txt", text_table(GOOD, delimiter="\t").encode("utf-16-le"),
             READY, added=3),
        Case("utf16be_with_bom", "a.csv", b"\xfe\xff" + csv_bytes(GOOD, delimiter=";",
                                                                  encoding="utf-16-be"), READY, added=3),
        Case("tab_tsv_lf", "a.tsv", csv_bytes(GOOD, delimiter="\t", newline="\n"), READY, added=3),
        Case("excel_sep_line", "a.csv", b"sep=;\r\n" + csv_bytes(GOOD, delimiter=";"), READY, added=3),
        Case("xlsx_typed_cells", "a.xlsx", _xlsx_typed(), READY, added=3,
             values={2: "55", 3: "1484.75"}),
        Case("xlsx_text_cells", "a.xlsx", xlsx_bytes(GOOD), READY, added=3, values={3: "1484.75"}),
        Case("xlsx_percent_format", "a.xlsx", _xlsx_percent(), READY, added=1, values={2: "10.34"}),
        Case("xlsx_title_row_above_header", "a.xlsx", xlsx_bytes(GOOD, title_row="BÁO CÁO SỐ LIỆU 2020"),
             READY, added=3),
        Case("iso_dates", "a.csv", csv_bytes([row(period_start="2020-01-01", period_end="2020-12-31")]),
             READY, added=1),
        Case("nfd_names_and_quotes", "a.csv", csv_bytes(_nfd(GOOD)), READY, added=3),
        Case("names_without_diacritics", "a.csv", csv_bytes(_folded_names(GOOD)), READY, added=3),
        Case("vietnamese_words_for_codes", "a.csv", csv_bytes([row(body="HĐND", period_kind="năm",
                                                                    qualifier="chính xác",
                                                                    status="đã báo cáo")]),
             READY, added=1),
        Case("locality_by_code_and_prefix", "a.csv", csv_bytes([
            row(locality="36"), row(locality="Tỉnh Hà Nam", indicator="council_sessions",
                                    quote="tổ chức 55 kỳ họp")]), READY, added=2),
        Case("number_with_unit_words", "a.csv", csv_bytes([
            GOOD[1][:6] + ["1.484,75 tỷ đồng"] + GOOD[1][7:]]), READY, added=1, values={2: "1484.75"}),
        Case("multiline_quote_cell", "a.csv", csv_bytes([row(quote="Năm 2020 HĐND tỉnh\nban hành 55 nghị quyết")]),
             READY, added=1),
        Case("ambiguous_1484_read_vietnamese", "a.csv", csv_bytes([row(value="1.484",
                                                                        quote="ban hành 1.484 nghị quyết")]),
             READY, added=1, warning="read the Vietnamese way", values={2: "1484"}),
        Case("identical_to_existing", "a.csv", csv_bytes([row(locality="36", period_start="1/1/2023",
                                                              period_end="31/12/2023", value="69",
                                                              quote="thông qua 69 nghị quyết")]),
             NOTHING),
        Case("template_sample_unchanged", "a.csv", csv_bytes([row(locality="31", period_start="1/1/2023",
                                                                  period_end="31/12/2023", value="69",
                                                                  quote="ban hành 69 nghị quyết")]),
             NOTHING),
        # duplicates of existing figures
        Case("conflict_with_existing", "a.csv", csv_bytes([row(locality="36", period_start="1/1/2023",
                                                               period_end="31/12/2023", value="70",
                                                               quote="thông qua 70 nghị quyết")]),
             CONFLICTS),
        # refused files
        Case("empty_file", "a.csv", b"", ERRORS, error="empty"),
        Case("bom_and_blank_lines_only", "a.csv", b"\xef\xbb\xbf\r\n\r\n  \r\n", ERRORS, error="empty"),
        Case("header_only", "a.csv", csv_bytes([]), ERRORS, error="header but no figures"),
        Case("wrong_columns", "a.csv", csv_bytes([["31", "69", "2023"]], header=["province", "amount", "year"]),
             ERRORS, error="Required columns missing", row=1),
        Case("binary_renamed_csv", "a.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
             ERRORS, error="is not text"),
        Case("pdf_renamed_csv", "a.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02" * 20,
             ERRORS, error="is not text"),
        Case("xlsx_renamed_csv", "a.csv", _zip_named_csv(), ERRORS, error="zip/Excel"),
        Case("csv_renamed_xlsx", "a.xlsx", csv_bytes(GOOD), ERRORS, error="not a readable Excel"),
        Case("old_xls", "a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ERRORS, error="Save As"),
        Case("wrong_extension", "a.exe", csv_bytes(GOOD), ERRORS, error="not accepted"),
        Case("rows_100000", "a.csv", _big(100_000), ERRORS, error="too large"),
        Case("rows_over_limit", "a.csv", _many_short_rows(6000), ERRORS, error="more than 5,000 rows"),
        Case("tcvn3_bytes", "a.csv", tcvn3(LEGACY_TEXT), ERRORS, error="TCVN3"),
        Case("vni_bytes", "a.csv", vni(LEGACY_TEXT), ERRORS, error="VNI"),
        Case("cp1258_bytes", "a.csv", cp1258(LEGACY_TEXT), ERRORS, error="Windows-1258"),
        Case("tcvn3_saved_as_utf8", "a.csv", as_if_opened_in_excel(tcvn3(LEGACY_TEXT)), ERRORS, error="TCVN3"),
        Case("vni_saved_as_utf8", "a.csv", as_if_opened_in_excel(vni(LEGACY_TEXT)), ERRORS, error="VNI"),
        Case("utf8_converted_twice", "a.csv", as_if_opened_in_excel(LEGACY_TEXT.encode("utf-8")),
             ERRORS, error="converted twice"),
        # rows with errors
        Case("formula_text", "a.csv", csv_bytes([row(quote='=HYPERLINK("http://evil.example","55")')]),
             ERRORS, error="formula", row=2, column="quote"),
        Case("xlsx_formula_cell", "a.xlsx", xlsx_bytes([row()[:6] + ["=50+5"] + row()[7:]]),
             ERRORS, error="formula", row=2, column="value"),
        Case("script_in_note", "a.csv", csv_bytes([row() + ["<script>alert(1)</script>"]], header=HEADER + ["note"]),
             ERRORS, error="HTML", row=2, column="note"),
        Case("html_in_quote", "a.csv", csv_bytes([row(quote="ban hành <b>55</b> nghị quyết")]),
             ERRORS, error="HTML", row=2, column="quote"),
        Case("markdown_image_in_title", "a.csv", csv_bytes(
            [row(source_id="")[:9] + ["", row()[10], "![x](http://evil.example/x.png)", "Báo"]],
            header=HEADER + ["source_title", "source_publisher"]), ERRORS, error="HTML"),
        Case("bold_title", "a.csv", csv_bytes(
            [row(source_id="")[:9] + ["", row()[10], "**Báo cáo** :red[giả]", "Báo"]],
            header=HEADER + ["source_title", "source_publisher"]), ERRORS, error="Markdown",
            column="source_title"),
        Case("autolink_publisher", "a.csv", csv_bytes(
            [row(source_id="")[:9] + ["", row()[10], "Báo cáo", "www.evil.example"]],
            header=HEADER + ["source_title", "source_publisher"]), ERRORS, error="Markdown",
            column="source_publisher"),
        Case("katex_in_quote", "a.csv", csv_bytes([row(quote="ban hành 55 nghị quyết $x^2$")]),
             ERRORS, error="Markdown", row=2, column="quote"),
        Case("bidi_override_in_title", "a.csv", csv_bytes(
            [row(source_id="")[:9] + ["", row()[10], "Báo cáo \u202eabc", "Báo"]],
            header=HEADER + ["source_title", "source_publisher"]), ERRORS, error="text-direction",
            column="source_title"),
        Case("control_characters", "a.csv", csv_bytes([row(quote="ban hành 55\x07 nghị quyết")]),
             ERRORS, error="control"),
        Case("quote_too_long", "a.csv", csv_bytes([row(quote="ban hành 55 nghị quyết " + "x" * 5000)]),
             ERRORS, error="Too long"),
        Case("percent_140_over_limit", "a.csv", csv_bytes([row(locality="36", body="locality",
                                                               indicator="poverty_rate", value="140%",
                                                               quote="tỷ lệ hộ nghèo 140%")]),
             ERRORS, error="Above 100", row=2, column="value"),
        Case("ambiguous_in_mixed_column", "a.csv", csv_bytes([
            row(value="1.484", quote="ban hành 1.484 nghị quyết"),
            GOOD[2][:6] + ["12.38"] + GOOD[2][7:10] + ["GRDP tăng 12.38%"],
            GOOD[1][:6] + ["1.484,75"] + GOOD[1][7:]]),
             ERRORS, error="Ambiguous", row=2, column="value", warning="mixes"),
        Case("number_not_in_quote", "a.csv", csv_bytes([row(quote="HĐND tỉnh ban hành nhiều nghị quyết")]),
             ERRORS, error="does not appear in the quote", row=2, column="quote"),
        # precision as written (issue 12): more decimals than the indicator's display default
        Case("decimals_as_written", "a.csv", csv_bytes([GOOD[1][:6] + ["1.484,755"] + GOOD[1][7:10]
                                                        + ["ước đạt 1.484,755 tỷ đồng"]]),
             READY, added=1, values={2: "1484.755"}),
        Case("negative_count", "a.csv", csv_bytes([row(value="-55", quote="giảm -55 nghị quyết")]),
             ERRORS, error="non-negative whole number", row=2, column="value"),
        Case("not_a_number", "a.csv", csv_bytes([row(value="năm mươi lăm")]), ERRORS, error="Not a number"),
        Case("percent_sign_on_count", "a.csv", csv_bytes([row(value="55%")]), ERRORS, error="% sign"),
        Case("us_date", "a.csv", csv_bytes([row(period_end="12/31/2020")]), ERRORS, error="Not a valid date",
             column="period_end"),
        Case("year_kind_half_year_dates", "a.csv", csv_bytes([row(period_end="30/6/2020")]),
             ERRORS, error="calendar", column="period_kind"),
        Case("unknown_locality_with_suggestion", "a.csv", csv_bytes([row(locality="Hai Phongg")]),
             ERRORS, error="Hải Phòng (31)", column="locality"),
        Case("unknown_indicator_with_suggestion", "a.csv", csv_bytes([row(indicator="resolutions passd")]),
             ERRORS, error="resolutions_passed", column="indicator"),
        Case("locality_that_had_ceased", "a.csv", csv_bytes([row(locality="Hải Dương", period_start="1/1/2026",
                                                                 period_end="31/12/2026")]),
             ERRORS, error="ceased to exist", column="locality"),
        Case("duplicate_rows_in_file", "a.csv", csv_bytes([row(), row()]), ERRORS, error="Same figure as row 2", row=3),
        Case("derived_status", "a.csv", csv_bytes([row(status="derived")]), ERRORS, error="Derived"),
        Case("unknown_source", "a.csv", csv_bytes([row(source_id="fx-z")]), ERRORS, error="Unknown source"),
        Case("new_source_without_publisher", "a.csv", csv_bytes(
            [row()[:9] + ["", row()[10], "Báo cáo 2020", ""]], header=HEADER + ["source_title", "source_publisher"]),
             ERRORS, error="title and a publisher", column="source_publisher"),
        Case("javascript_url", "a.csv", csv_bytes(
            [row()[:9] + ["", row()[10], "Báo cáo 2020", "UBND", "javascript:alert(1)"]],
            header=HEADER + ["source_title", "source_publisher", "source_url"]), ERRORS),
        Case("more_cells_than_header", "a.csv", csv_bytes([row() + ["extra"]]), ERRORS, error="more cells"),
        Case("missing_required_cell", "a.csv", csv_bytes([row(quote="")]), ERRORS, error="Required",
             column="quote"),
    ]


def new_source_rows() -> bytes:
    """Two figures citing one new source given by its fields (a web page)."""
    header = HEADER + ["source_title", "source_publisher", "source_url", "source_published"]
    extra = ["Báo cáo tình hình kinh tế - xã hội năm 2020", "UBND tỉnh Nam Định",
             "https://example.org/bao-cao-2020", "15/1/2021"]
    rows = [row(source_id="") + extra, GOOD[1][:9] + [""] + GOOD[1][10:] + extra]
    return csv_bytes(rows, header=header)

