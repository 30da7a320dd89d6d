"""The import template: the columns a figure needs, one filled example row, the allowed values.

`template_csv` is UTF-8 with BOM (Excel then reads the Vietnamese letters right);
`template_xlsx` has the figures sheet first (with drop-downs that warn but allow the
Vietnamese words the importer also accepts), then help, localities with codes, indicators
with units, decimals and limits, and the lists of bodies, statuses, qualifiers, period kinds,
flags and reliabilities. The example row is a real preferred figure from the data, so a
template uploaded unchanged imports nothing ("already in the data").
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from govdash.export import inert
from govdash.i18n import t
from govdash.imports.current import IMPORT_STATUSES, REQUIRED, Current, Lookup, load_current
from govdash.paths import data_dir

COLUMNS = ["locality", "body", "indicator", "period_start", "period_end", "period_kind", "value",
           "qualifier", "status", "source_id", "source_title", "source_publisher", "source_url",
           "source_published", "source_reliability", "quote", "flag", "preferred", "note"]
LISTS = [("body", "body_"), ("period_kind", "imp_kind_"), ("qualifier", "qualifier_"),
         ("status", "status_"), ("flag", "imp_flag_"), ("source_reliability", "reliability_"),
         ("preferred", "imp_preferred_")]


def _vn_number(value: str) -> str:
    """`1484.75` → `1.484,75` (how staff write it)."""
    number = Decimal(value)
    whole, _, frac = f"{abs(number):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return ("-" if number < 0 else "") + grouped + ("," + frac if frac else "")


def _vn_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day}/{day.month}/{day.year}"


def example(cur: Current) -> dict:
    """One real figure written the way staff write it (the template's filled row)."""
    headline = {r["indicator"] for r in cur.tables["indicators"].rows if r["headline"] == "true"}
    rows = [r for _, _, r in cur.figure_rows()
            if r["status"] == "reported" and r["period_kind"] == "year" and r["preferred"] == "true"
            and r["qualifier"] == "exact" and r["indicator"] in headline and r["body"] == "council"]
    rows = rows or [r for _, _, r in cur.figure_rows()]
    if not rows:
        return {c: "" for c in COLUMNS}
    r = sorted(rows, key=lambda r: (r["locality_code"] != "31", r["figure_id"]))[0]
    return {"locality": r["locality_code"], "body": r["body"], "indicator": r["indicator"],
            "period_start": _vn_date(r["period_start"]), "period_end": _vn_date(r["period_end"]),
            "period_kind": r["period_kind"], "value": _vn_number(r["value"]),
            "qualifier": r["qualifier"], "status": r["status"], "source_id": r["source_id"],
            "source_title": "", "source_publisher": "", "source_url": "", "source_published": "",
            "source_reliability": "", "quote": r["quote"], "flag": r["flag"], "preferred": "",
            "note": ""}


def template_csv(folder: Path | None = None) -> bytes:
    """The CSV template: header and the example row, UTF-8 with BOM."""
    cur = load_current(folder or data_dir(), check=False)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    row = example(cur)
    writer.writerow([inert(row[c]) for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(folder: Path | None = None, lang: str = "vi") -> bytes:
    """The workbook template: figures sheet with the example, help and allowed values."""
    from openpyxl import Workbook
    cur = load_current(folder or data_dir(), check=False)
    book = Workbook()
    sheet = book.active
    sheet.title = t("imp_tpl_sheet_figures", lang)
    _figures_sheet(sheet, cur)
    _help_sheet(book.create_sheet(t("imp_tpl_sheet_help", lang)), lang)
    _localities_sheet(book.create_sheet(t("imp_tpl_sheet_localities", lang)), cur)
    _indicators_sheet(book.create_sheet(t("imp_tpl_sheet_indicators", lang)), cur)
    _new_indicators_sheet(book.create_sheet(t("imp_tpl_sheet_new_indicators", lang)), lang)
    lists = book.create_sheet(t("imp_tpl_sheet_lists", lang))
    ranges = _lists_sheet(lists, cur, lang)
    _dropdowns(sheet, lists.title, ranges)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet, names: list[str]) -> None:
    from openpyxl.styles import Font, PatternFill
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F4F1EC")
    sheet.freeze_panes = "A2"


def _figures_sheet(sheet, cur: Current) -> None:
    _header(sheet, COLUMNS)
    row = example(cur)
    values = []
    for col in COLUMNS:
        if col in ("period_start", "period_end") and row[col]:
            d, m, y = map(int, row[col].split("/"))
            values.append(dt.date(y, m, d))
        else:
            values.append(row[col])
    sheet.append(values)
    for i, col in enumerate(COLUMNS, start=1):
        letter = sheet.cell(1, i).column_letter
        sheet.column_dimensions[letter].width = 60 if col == "quote" else 18
        for r in range(2, 502):
            cell = sheet.cell(r, i)
            if col in ("period_start", "period_end"):
                cell.number_format = "d/m/yyyy"
            elif col in ("locality", "value", "source_id"):
                cell.number_format = "@"  # keep codes like 01 and numbers as typed


def _help_sheet(sheet, lang: str) -> None:
    _header(sheet, [t("imp_tpl_column", lang), t("imp_tpl_required", lang), t("imp_tpl_meaning", lang)])
    for col in COLUMNS:
        required = t("imp_tpl_yes" if col in REQUIRED else "imp_tpl_no", lang)
        sheet.append([col, required, t(f"imp_tpl_help_{col}", lang)])
    sheet.append([t("imp_tpl_sheet_new_indicators", lang), "", t("imp_tpl_new_indicators_help", lang)])
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["C"].width = 100


def _localities_sheet(sheet, cur: Current) -> None:
    _header(sheet, ["code", "name_vi", "name_en", "level", "parent_code", "valid_from", "valid_to"])
    for r in cur.tables["localities"].rows:
        sheet.append([r["code"], r["name_vi"], r["name_en"], r["level"], r["parent_code"],
                      r["valid_from"], r["valid_to"]])
    for letter, width in (("A", 14), ("B", 40), ("C", 40)):
        sheet.column_dimensions[letter].width = width


def _indicators_sheet(sheet, cur: Current) -> None:
    _header(sheet, ["indicator", "name_vi", "name_en", "unit_vi", "unit_en", "unit_kind",
                    "decimals", "max_value", "domain"])
    rows = sorted(cur.tables["indicators"].rows, key=lambda r: int(r["sort_order"] or 0))
    for r in rows:
        sheet.append([r["indicator"], r["name_vi"], r["name_en"], r["unit_vi"], r["unit_en"],
                      r["unit_kind"], int(r["decimals"] or 0), r["max_value"], r["domain"]])
    for letter, width in (("A", 45), ("B", 50), ("C", 50), ("D", 16)):
        sheet.column_dimensions[letter].width = width


def _new_indicators_sheet(sheet, lang: str) -> None:
    """An empty sheet for indicators the file adds (see `govdash.imports.indicators`)."""
    from govdash.imports.indicators import COLUMNS as NEW_COLUMNS
    _header(sheet, list(NEW_COLUMNS))
    for i in range(1, len(NEW_COLUMNS) + 1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = 24


def _lists_sheet(sheet, cur: Current, lang: str) -> dict[str, str]:
    """Each list in two columns (value, meaning); returns column → cell range of its values."""
    look = Lookup(cur, lang)
    ranges = {}
    for i, (col, prefix) in enumerate(LISTS):
        values = list(IMPORT_STATUSES) if col == "status" else [v for v in look.enums[col] if v]
        first = 1 + 3 * i
        sheet.cell(1, first, col)
        sheet.cell(1, first + 1, t("imp_tpl_label", lang))
        for r, value in enumerate(values, start=2):
            sheet.cell(r, first, value)
            sheet.cell(r, first + 1, t(prefix + value, lang) or value)
        letter = sheet.cell(1, first).column_letter
        sheet.column_dimensions[letter].width = 28
        sheet.column_dimensions[sheet.cell(1, first + 1).column_letter].width = 30
        ranges[col] = f"${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _dropdowns(sheet, lists_title: str, ranges: dict[str, str]) -> None:
    """Drop-downs on the coded columns that warn but accept other words (the importer reads them)."""
    from openpyxl.worksheet.datavalidation import DataValidation
    for col, cells in ranges.items():
        if col not in COLUMNS:
            continue
        letter = sheet.cell(1, COLUMNS.index(col) + 1).column_letter
        rule = DataValidation(type="list", formula1=f"'{lists_title}'!{cells}", allow_blank=True,
                              errorStyle="information", showErrorMessage=True)
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}501")
