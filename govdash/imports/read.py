"""Reading an uploaded spreadsheet into a header and rows of cells, as staff really save them.

Accepted: `.csv`, `.txt`, `.tsv` text in UTF-8 (with or without BOM) or UTF-16 (Excel's
"Unicode text"), delimited by `,`, `;` or tab (an Excel `sep=` line is honoured), and `.xlsx`
workbooks (the sheet named "Số liệu"/"figures", else the first). The extension and the content
must agree. Refused with a reason: empty files, binary files, `.xls`/`.ods`, formulas, legacy
Vietnamese encodings (TCVN3, VNI, Windows-1258, text converted to UTF-8 twice), files over
`MAX_BYTES` or `MAX_ROWS`. Cells come back as stripped NFC text, except `.xlsx` numbers
(`Decimal`, percent-formatted cells already multiplied by 100) and dates (`datetime.date`).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from govdash.imports import vnenc

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
MAX_XLSX_UNPACKED = 40 * 1024 * 1024
# Work per workbook is bounded by what a file of MAX_BYTES of text can hold: the shared strings
# (read whole by openpyxl, ~0.4 s and 6 MB of memory per MB) and each sheet's XML.
MAX_SHARED_STRINGS = 8 * 1024 * 1024
MAX_SHEET_XML = 16 * 1024 * 1024
MAX_SHEET_ROWS = MAX_ROWS + 1000  # rows of a sheet read at all (blank rows included)
MAX_LINE = 200_000  # characters in one line of a text file (a cell is limited far lower)
TEXT_EXTENSIONS = ("csv", "txt", "tsv")
EXTENSIONS = (*TEXT_EXTENSIONS, "xlsx")
SHEET_NAMES = ("so lieu", "figures", "data")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


class ReadError(Exception):
    """The file as a whole cannot be read; `key` and `values` name the reason in the catalogue."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass
class Sheet:
    """What was read: the header, and each non-empty row with its spreadsheet row number."""
    kind: str                       # "csv" or "xlsx"
    header: list[str]
    header_row: int
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    formulas: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column index, text)


def clean_text(value: str) -> str:
    """NFC, no zero-width characters, inner runs of white space (newlines too) as one space."""
    value = unicodedata.normalize("NFC", value).translate(_ZERO_WIDTH)
    return _SPACES.sub(" ", value).strip()


def extension(file_name: str) -> str:
    """The lower-case extension of an uploaded file's name ('' when none)."""
    name = file_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_upload(data: bytes, file_name: str, header_hint=None) -> Sheet:
    """The header and rows of an uploaded file; ReadError when the file cannot be used at all.

    `header_hint(cells) -> int` scores a candidate header row (known columns it names); the
    first row scoring at least 3 within the first ten rows is taken as the header.
    """
    ext = extension(file_name)
    if ext in ("xls", "ods", "numbers"):
        raise ReadError("imp_err_old_spreadsheet", ext=ext)
    if ext not in EXTENSIONS:
        raise ReadError("imp_err_extension", ext=ext or "—", allowed=", ".join(EXTENSIONS))
    if len(data) > MAX_BYTES:
        raise ReadError("imp_err_too_big", size=_mb(len(data)), limit=_mb(MAX_BYTES))
    kind = sniff(data)
    if ext == "xlsx":
        if kind != "zip":
            raise ReadError("imp_err_not_xlsx")
        return read_xlsx(data, header_hint)
    if kind == "zip":
        raise ReadError("imp_err_xlsx_renamed", ext=ext)
    if kind in ("ole", "binary"):
        raise ReadError("imp_err_binary", ext=ext)
    text, encoding = decode(data)
    return read_text(text, encoding, header_hint)


def _mb(n: int) -> float:
    """Bytes as megabytes (the message formats the number in the reader's language)."""
    return n / 1024 / 1024


# ---------------------------------------------------------------- what the bytes are

def sniff(data: bytes) -> str:
    """"zip", "ole" (old Office), "utf16", "binary" or "text", from the content alone."""
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_order(data):
        return "utf16"
    head = data[:65536]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return "binary" if b"\x00" in head or controls > len(head) / 200 else "text"


def _utf16_order(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for BOM-less UTF-16 (every other byte zero in ASCII text)."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Unicode text and the encoding it was in; ReadError naming a legacy encoding if one is used."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    elif _utf16_order(data):
        encoding = _utf16_order(data)
        text = _strict(data, encoding)
    else:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            legacy = vnenc.detect_bytes(data)
            raise ReadError(f"imp_err_legacy_{legacy}" if legacy else "imp_err_encoding") from None
    garbled = vnenc.detect_garbled(text[:200000])
    if garbled:
        raise ReadError(f"imp_err_legacy_{garbled.replace('-', '_')}")
    return text, encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ReadError("imp_err_encoding") from None


# ---------------------------------------------------------------- delimited text

def read_text(text: str, encoding: str, header_hint=None) -> Sheet:
    """Rows of delimited text; the delimiter is the one whose header names the most columns."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ReadError("imp_err_empty")
    lines = text.splitlines()
    if max(map(len, lines)) > MAX_LINE:
        raise ReadError("imp_err_line_too_long", limit=MAX_LINE)
    skip = 0
    delimiter = None
    match = re.match(r"^\s*sep=(.)\s*$", lines[0])
    if match:
        delimiter, skip = match.group(1), 1
    if delimiter is None:
        delimiter = _choose_delimiter(lines[skip:skip + 10], header_hint)
    reader = csv.reader(io.StringIO("\n".join(lines[skip:]), newline=""), delimiter=delimiter)
    records: list[tuple[int, list]] = []
    try:
        for number, record in enumerate(reader, start=1 + skip):
            if len(records) > MAX_ROWS + 10:
                raise ReadError("imp_err_too_many_rows", limit=MAX_ROWS)
            cells = _trim([clean_text(c) for c in record[:MAX_COLUMNS + 1]])
            if any(cells):
                records.append((number, cells))
    except csv.Error as exc:  # a cell over the csv module's limit, a quote left open
        raise ReadError("imp_err_bad_text", reason=str(exc)[:120]) from None
    return _with_header(Sheet("csv", [], 0, encoding=encoding, delimiter=delimiter), records,
                        header_hint)


def _trim(cells: list) -> list:
    """Without the empty cells at the end of a row (trailing delimiters, formatted blanks)."""
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def _choose_delimiter(lines: list[str], header_hint) -> str:
    """`,`, `;` or tab: the one giving the best header, then the most cells."""
    def quality(delim: str) -> tuple[int, int]:
        best = (0, 0)
        for line in lines:
            try:
                cells = [clean_text(c) for c in next(csv.reader([line], delimiter=delim), [])]
            except csv.Error:
                continue
            hint = header_hint(cells) if header_hint else 0
            best = max(best, (hint, len(cells)))
        return best
    return max(("\t", ";", ","), key=quality)


def _with_header(sheet: Sheet, records: list[tuple[int, list]], header_hint) -> Sheet:
    """Find the header among the first rows; the rows after it are the data."""
    if not records:
        raise ReadError("imp_err_empty")
    index = 0
    if header_hint:
        scores = [header_hint(cells) for _, cells in records[:10]]
        good = [i for i, s in enumerate(scores) if s >= 3]
        index = good[0] if good else scores.index(max(scores))
    sheet.header_row, header = records[index]
    sheet.header = [c if isinstance(c, str) else str(c) for c in header]
    sheet.rows = records[index + 1:]
    if len(sheet.header) > MAX_COLUMNS:
        raise ReadError("imp_err_too_many_columns", limit=MAX_COLUMNS)
    if len(sheet.rows) > MAX_ROWS:
        raise ReadError("imp_err_too_many_rows", limit=MAX_ROWS)
    return sheet


# ---------------------------------------------------------------- xlsx

def read_xlsx(data: bytes, header_hint=None) -> Sheet:
    """Rows of the figures sheet of a workbook; formulas are recorded (and refused later)."""
    return _read_book(data, _figures_sheet, header_hint)


def read_xlsx_sheet(data: bytes, names: set[str], header_hint=None) -> Sheet | None:
    """Rows of the sheet of a workbook named one of `names` (folded); None when it has none."""
    from govdash.text import fold
    return _read_book(data, lambda book: next((ws for ws in book.worksheets
                                               if fold(ws.title) in names), None), header_hint)


def _read_book(data: bytes, choose, header_hint) -> Sheet | None:
    """The rows of the sheet `choose(book)` picks (None: no such sheet)."""
    import openpyxl  # only needed for workbooks
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                raise ReadError("imp_err_not_xlsx")
            if sum(i.file_size for i in infos) > MAX_XLSX_UNPACKED or len(infos) > 500:
                raise ReadError("imp_err_too_big", size=_mb(sum(i.file_size for i in infos)),
                                limit=_mb(MAX_XLSX_UNPACKED))
            _check_parts(infos)
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except ReadError:
        raise
    except Exception:  # noqa: BLE001 - any parser failure means "not a workbook we can read"
        raise ReadError("imp_err_not_xlsx") from None
    try:
        sheet = choose(book)
        if sheet is None:
            return None
        result = Sheet("xlsx", [], 0)
        records = []
        if _has_rows_beyond(sheet, MAX_SHEET_ROWS):
            raise ReadError("imp_err_too_many_rows", limit=MAX_ROWS)
        rows = sheet.iter_rows(max_col=MAX_COLUMNS + 1, max_row=MAX_SHEET_ROWS)
        for number, row in enumerate(rows, start=1):
            if len(records) > MAX_ROWS + 10:
                raise ReadError("imp_err_too_many_rows", limit=MAX_ROWS)
            cells = _trim([_xlsx_cell(c, number, i, result) for i, c in enumerate(row)])
            if any(c != "" for c in cells):
                records.append((number, cells))
        return _with_header(result, records, header_hint)
    finally:
        book.close()


def _check_parts(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a workbook whose shared strings or sheets unpack to more than a file of
    `MAX_BYTES` of text can need (a 138 KB file can hold 52 MB of repeated strings)."""
    for info in infos:
        name = info.filename.lower()
        limit = (MAX_SHARED_STRINGS if name.endswith("sharedstrings.xml")
                 else MAX_SHEET_XML if name.startswith("xl/worksheets/") else None)
        if limit is not None and info.file_size > limit:
            raise ReadError("imp_err_too_big", size=_mb(info.file_size), limit=_mb(limit))


def _has_rows_beyond(sheet, last: int) -> bool:
    """True when the sheet has a non-empty row after row `last`: its rows are looked at as they
    are stored (openpyxl's `iter_rows` would make every blank row up to row 1,048,576)."""
    from openpyxl.worksheet._reader import WorkSheetParser
    with sheet._get_source() as src:
        for idx, cells in WorkSheetParser(src, sheet._shared_strings).parse():
            if idx > last and any(c.get("value") not in (None, "") for c in cells):
                return True
    return False


def _figures_sheet(book):
    from govdash.text import fold
    if not book.worksheets:
        raise ReadError("imp_err_no_sheet")
    for ws in book.worksheets:
        if fold(ws.title) in SHEET_NAMES:
            return ws
    return book.worksheets[0]


def _xlsx_cell(cell, row: int, col: int, sheet: Sheet):
    """One workbook cell as text, Decimal or date; formulas are noted and read as ''."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if getattr(cell, "data_type", None) == "f":
        sheet.formulas.append((row, col, str(value)[:80]))
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (getattr(cell, "number_format", "") or ""):
            number *= 100
        return number
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else clean_text(value.isoformat(" "))
    if isinstance(value, dt.date):
        return value
    return clean_text(str(value))
