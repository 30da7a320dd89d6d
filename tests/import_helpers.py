"""Helpers for the import tests: a small writable data folder, file writers in every format
staff produce (encodings, delimiters, legacy Vietnamese code pages, .xlsx), cheap editors."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
import unicodedata
from pathlib import Path

from fixture_data import write_fixture

from govdash.imports import vnenc

HEADER = ["locality", "body", "indicator", "period_start", "period_end", "period_kind", "value",
          "qualifier", "status", "source_id", "quote"]
# Three good rows for keys the fixture does not have (so: three new figures).
GOOD = [
    ["Nam Định", "council", "resolutions_passed", "1/1/2020", "31/12/2020", "year", "55", "exact",
     "reported", "fx-a", "Năm 2020 HĐND tỉnh ban hành 55 nghị quyết"],
    ["Hà Nam", "locality", "budget_revenue", "1/1/2020", "31/12/2020", "year", "1.484,75", "exact",
     "estimated", "fx-a", "Tổng thu ngân sách ước đạt 1.484,75 tỷ đồng"],
    ["Ninh Bình", "locality", "grdp_growth", "1/1/2020", "31/12/2020", "year", "10,34%", "exact",
     "reported", "fx-a", "GRDP tăng 10,34% so với năm trước"],
]
EXPECTED = [  # what GOOD becomes in the data files
    {"locality_code": "36", "indicator": "resolutions_passed", "value": "55"},
    {"locality_code": "35", "indicator": "budget_revenue", "value": "1484.75"},
    {"locality_code": "37", "indicator": "grdp_growth", "value": "10.34"},
]
EXTRA_INDICATORS = (
    "poverty_rate,economy,Tỷ lệ hộ nghèo,Poverty rate,%,%,percent,2,false,false,100,,true,900,\n"
)
CHEAP = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


def import_fixture(folder: Path) -> Path:
    """The literal fixture data set plus a percent indicator with a 100 limit."""
    write_fixture(folder)
    with (folder / "indicators.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(EXTRA_INDICATORS)
    return folder


def copy_folder(source: Path, target: Path) -> Path:
    """A fresh copy of a data folder (its CSVs, package, seeds and audit records)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".import.lock"))
    return target


def snapshot(folder: Path) -> dict[str, str]:
    """SHA-256 of every CSV in a data folder."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def text_table(rows: list[list[str]], header: list[str] | None = None, delimiter: str = ",",
               newline: str = "\r\n") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header or HEADER)
    writer.writerows(rows)
    return out.getvalue()


def csv_bytes(rows: list[list[str]], header: list[str] | None = None, delimiter: str = ",",
              encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    """Rows as a delimited file in `encoding` (utf-8-sig and utf-16 add their BOM)."""
    return text_table(rows, header, delimiter, newline).encode(encoding)


def xlsx_bytes(rows: list[list], header: list[str] | None = None, title_row: str | None = None,
               percent_columns: tuple[int, ...] = ()) -> bytes:
    """Rows as a workbook; cells keep their Python types (numbers, dates, text, '=formulas')."""
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    if title_row:
        sheet.append([title_row])
    sheet.append(header or HEADER)
    for row in rows:
        sheet.append(row)
        for i in percent_columns:
            sheet.cell(sheet.max_row, i + 1).number_format = "0.00%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- legacy encodings

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def tcvn3(text: str) -> bytes:
    """Text as a TCVN3 (.VnTime font) file would hold it."""
    inverse = {c: b for b, c in vnenc.TCVN3.items()}
    return bytes(inverse[c] if c in inverse else ord(c) for c in unicodedata.normalize("NFC", text))


def vni(text: str) -> bytes:
    """Text as a VNI-Times file would hold it."""
    inverse = {v: k for k, v in vnenc.VNI.items()}
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text)).encode("cp1252")


def cp1258(text: str) -> bytes:
    """Text in Windows-1258 (base letters precomposed, tones as combining marks)."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += (base + tones).encode("cp1258")
    return out


def as_if_opened_in_excel(data: bytes) -> bytes:
    """Legacy bytes read with the Windows code page and saved again as UTF-8 (garbled)."""
    return vnenc._latin(data).encode("utf-8")


def cheap_editor(path: Path, name: str = "lan", password: str = "mat-khau-du-dai",
                 display: str = "Nguyễn Thị Lan") -> None:
    """An editor whose argon2 hash is quick to check (tests only)."""
    from argon2 import PasswordHasher

    from govdash.imports import auth
    auth.add_editor(name, password, display, path=path, hasher=PasswordHasher(**CHEAP))


def iso(day: str) -> str:
    d, m, y = map(int, day.split("/"))
    return dt.date(y, m, d).isoformat()
