"""Excel downloads (.xlsx) of exactly what is shown: one sheet per frame, numbers stay numbers,
text stays text. A text cell starting with = + - @ is stored as a string, never as a formula,
so a quote like "-6 vụ việc" or "=HYPERLINK(…)" cannot run when the file is opened."""
from __future__ import annotations

import datetime as dt
import math
import re
from io import BytesIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from govdash import fmt

FORMULA_START = ("=", "+", "-", "@")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
WRAP_WIDTH = 60


def _plain(value: object) -> object:
    """A cell value openpyxl writes as itself: None for missing, Python numbers and text."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars
    if isinstance(value, (bool, int, float, dt.date)):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _sheet_title(title: str) -> str:
    return _SHEET_BAD.sub(" ", title)[:31] or "Sheet"


def write_sheet(ws, frame: pd.DataFrame, number_formats: dict[str, str] | None = None) -> None:
    """Header row in bold, frozen and filtered; text kept as text; column widths from content."""
    number_formats = number_formats or {}
    columns = [str(c) for c in frame.columns]
    ws.append(columns)
    for cell in ws[1]:
        cell.data_type = TYPE_STRING
        cell.font = Font(bold=True)
    widths = [len(c) for c in columns]
    for row in frame.itertuples(index=False, name=None):
        cells = [_plain(v) for v in row]
        ws.append(cells)
        for j, value in enumerate(cells):
            cell = ws.cell(row=ws.max_row, column=j + 1)
            if isinstance(value, str):
                cell.data_type = TYPE_STRING  # never a formula, whatever it starts with
                widths[j] = max(widths[j], min(len(value), WRAP_WIDTH))
                if len(value) > WRAP_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                if columns[j] in number_formats:
                    cell.number_format = number_formats[columns[j]]
                widths[j] = max(widths[j], len(f"{value:,}"))
    for j, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(j + 1)].width = min(width + 2, WRAP_WIDTH + 2)
    ws.freeze_panes = "A2"
    if len(frame):
        ws.auto_filter.ref = ws.dimensions


def to_xlsx_bytes(sheets: list[tuple[str, pd.DataFrame]],
                  number_formats: dict[str, str] | None = None) -> bytes:
    """An .xlsx workbook with one sheet per (title, frame), as bytes for a download button."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, frame in sheets:
        write_sheet(wb.create_sheet(title=_sheet_title(title)), frame, number_formats)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def number_format(values) -> str:
    """Excel number format of a column of figures: grouped whole numbers when every value is
    whole; General (the stored value, never rounded) when any has decimals, as `#,##0.##` would
    print `150.` for whole values and `#,##0` would round `81.5` to `82`."""
    whole = all(not fmt.is_present(v) or float(v).is_integer() for v in values)
    return "#,##0" if whole else "General"
