"""Numbers and dates as Vietnamese staff type them, read without guessing.

Numbers. `.` groups thousands and `,` marks decimals (`1.484,75`, `10,34%`, `103.600`); the
English convention (`1,484.75`, `12.38`) is recognised too. Each cell is classified:

- *plain* `1484`; *vn* `1.484,75`, `1.484.750`, `10,34`, `0,484`; *en* `1,484.75`,
  `1,484,750`, `12.38`, `0.484`; a space may group thousands (`1 484,75`).
- *ambiguous*: exactly one group of three digits after a single separator and nothing else:
  `1.484` (Vietnamese: 1484; English: 1.484) and `1,484` (Vietnamese: 1.484; English: 1484).

A column is read in one convention. **Rule:** if its unambiguous cells are all English, the
column is English; otherwise (all Vietnamese, or no unambiguous cell) it is Vietnamese, so
`1.484` is 1484. If a column holds both Vietnamese and English cells, its ambiguous cells are
refused (the reader must write `1484` or `1,484`), since nothing says which was meant. The
number-in-quote and decimals rules catch the rest: a value read as 1.484 has three decimals,
more than any count, money or percent indicator shows.

Dates. `17/4/2023`, `17-4-2023`, `17.4.2023` (day first, always: Vietnamese order) and ISO
`2023-04-17` (or `2023/04/17`); `.xlsx` date cells as they are.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"^([-+\u2212\u2013]?)\s*(\d[\d.,\s\u00a0\u202f]*?)\s*(%?)\s*([^\d%]*)$")
_SPACED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$")
_FORMS = (  # (pattern, style, thousands separator, decimal mark)
    (re.compile(r"^\d+$"), "plain", "", ""),
    (re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$"), "vn", ".", ","),
    (re.compile(r"^\d{1,3}(?:,\d{3})+\.\d+$"), "en", ",", "."),
    (re.compile(r"^[1-9]\d{0,2}\.\d{3}$"), "ambiguous", ".", ","),
    (re.compile(r"^\d{1,3}(?:\.\d{3}){2,}$"), "vn", ".", ","),
    (re.compile(r"^[1-9]\d{0,2},\d{3}$"), "ambiguous", ",", "."),
    (re.compile(r"^\d{1,3}(?:,\d{3}){2,}$"), "en", ",", "."),
    (re.compile(r"^\d+,\d+$"), "vn", "", ","),
    (re.compile(r"^\d+\.\d+$"), "en", "", "."),
)


@dataclass(frozen=True)
class Reading:
    """One cell read as a number: its value in each convention, style, percent sign, unit text."""
    vn: Decimal
    en: Decimal
    style: str        # plain, vn, en, ambiguous, cell (a typed spreadsheet number)
    percent: bool = False
    suffix: str = ""


def read_number(cell: object) -> Reading | None:
    """The cell as a number, or None when it is not one (`abc`, `1,2,3`, `12.3.4`)."""
    if isinstance(cell, Decimal):
        return Reading(cell, cell, "cell")
    match = _NUMBER.match(str(cell).strip())
    if not match:
        return None
    sign, digits, percent, suffix = match.groups()
    digits, suffix = digits.strip(), suffix.strip()
    if suffix and not suffix[0].isalpha():
        return None  # `5.`, `12,3.4`: not a number followed by a unit
    negative = sign in ("-", "\u2212", "\u2013")
    if _SPACED.match(digits):
        digits = re.sub(r"[ \u00a0\u202f]", "", digits)
        style = "vn" if "," in digits else ("en" if "." in digits else "plain")
        return _reading(digits, style, negative, percent, suffix)
    for pattern, style, _, _ in _FORMS:
        if pattern.match(digits):
            return _reading(digits, style, negative, percent, suffix)
    return None


def _reading(digits: str, style: str, negative: bool, percent: str, suffix: str) -> Reading:
    def as_vn(text: str) -> Decimal:
        return Decimal(text.replace(".", "").replace(",", "."))

    def as_en(text: str) -> Decimal:
        return Decimal(text.replace(",", ""))
    vn = as_vn(digits) if style != "en" else as_en(digits)
    en = as_en(digits) if style != "vn" else as_vn(digits)
    if negative:
        vn, en = -vn, -en
    return Reading(vn, en, style, bool(percent), suffix.strip())


def column_convention(readings: list[Reading | None]) -> tuple[str, bool]:
    """("vn" or "en", mixed): how a column's ambiguous cells are read, and whether it mixes."""
    styles = {r.style for r in readings if r is not None}
    mixed = {"vn", "en"} <= styles
    return ("en" if "en" in styles and not mixed else "vn"), mixed


def value_of(reading: Reading, convention: str) -> Decimal:
    """The reading's value in the column's convention."""
    return reading.en if convention == "en" else reading.vn


def canonical(value: Decimal) -> str:
    """The plain text the data files use: `1484.75`, `103600`, `-3` (no exponent, no zeros)."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def decimals_of(value: Decimal) -> int:
    """How many decimals `value` needs."""
    text = canonical(value)
    return len(text.split(".")[1]) if "." in text else 0


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?$")


def read_date(cell: object) -> dt.date | None:
    """A date from `17/4/2023`, `2023-04-17` or a spreadsheet date cell; None otherwise."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = _MIDNIGHT.sub("", str(cell).strip())
    iso, dmy = _ISO.match(text), _DMY.match(text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return dt.date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    except ValueError:
        return None
    return None


def read_published(cell: object) -> str | None:
    """A source's publication date as the data keeps it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""
    day = read_date(cell)
    if day:
        return day.isoformat()
    text = str(cell).strip()
    if re.match(r"^\d{4}$", text):
        return text
    month = re.match(r"^(\d{1,2})[/.-](\d{4})$", text) or re.match(r"^(\d{4})-(\d{1,2})$", text)
    if month:
        a, b = month.groups()
        year, mon = (b, a) if len(b) == 4 else (a, b)
        return f"{year}-{int(mon):02d}" if 1 <= int(mon) <= 12 else None
    return None


def safe_decimal(text: str) -> Decimal | None:
    """A Decimal from plain text, or None."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
