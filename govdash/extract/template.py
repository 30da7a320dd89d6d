"""Candidates as rows of the import template (`govdash.imports.template.COLUMNS`, numbers and
dates written the way staff write them), with the document as their source, ready for
`python -m govdash import` or the page's own import. The document's text travels with the rows
(`imports.prepare(..., document=…)`) and is kept as `seeds/<source_id>.txt`.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal

from govdash.export import inert
from govdash.imports import template as import_template

COLUMNS = import_template.COLUMNS
REQUIRED_FIELDS = ("value", "indicator", "period_start", "period_end", "period_kind", "status",
                   "qualifier", "body", "locality", "quote")


def title_of(text: str, fallback: str) -> str:
    """A document's title: its first line of words (not a number, date or `Số: …` line)."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line) >= 12 and not re.match(r"^(số|ngày|print|url|date)\b", line, re.I):
            return line[:200]
    return fallback


def source_columns(title: str, publisher: str = "", published: str = "", url: str = "") -> dict:
    """The template's source columns for a new source."""
    return {"source_id": "", "source_title": title, "source_publisher": publisher or "unknown",
            "source_url": url, "source_published": published, "source_reliability": "high"}


def _date(iso: str | None) -> str:
    if not iso:
        return ""
    day = dt.date.fromisoformat(str(iso)[:10])
    return f"{day.day}/{day.month}/{day.year}"


def _value(value) -> str:
    """A number the way staff write it; text (already typed that way) is kept as typed."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    return import_template._vn_number(str(Decimal(str(value))))


def missing(candidate: dict) -> list[str]:
    """The required fields a candidate (as a dict) still lacks."""
    return [f for f in REQUIRED_FIELDS if candidate.get(f) in (None, "")]


def rows(candidates: list[dict], source: dict) -> list[dict]:
    """One template row per candidate dict (`Candidate.as_json()` or an edited table row)."""
    out = []
    for c in candidates:
        row = {"locality": c.get("locality") or "", "body": c.get("body") or "",
               "indicator": c.get("indicator") or "", "period_start": _date(c.get("period_start")),
               "period_end": _date(c.get("period_end")), "period_kind": c.get("period_kind") or "",
               "value": _value(c.get("value")), "qualifier": c.get("qualifier") or "exact",
               "status": c.get("status") or "", **source, "quote": c.get("quote") or "",
               "note": c.get("note") or ""}
        out.append({col: row.get(col, "") for col in COLUMNS})  # every column the template has
    return out


def csv_bytes(table: list[dict]) -> bytes:
    """The rows as the CSV template (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in table:
        writer.writerow([inert(r.get(c, "")) for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(table: list[dict]) -> bytes:
    """The rows as a one-sheet workbook with the template's columns (all cells text)."""
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "figures"
    sheet.append(COLUMNS)
    for r in table:
        sheet.append([r.get(c, "") for c in COLUMNS])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.number_format = "@"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
