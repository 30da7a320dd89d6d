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


# ---------------------------------------------------------------- numbers in running text

# Number words of running prose (`hai kỳ họp`, `một cuộc`, `mười`). `tư` (four) and `lăm`/`nhăm`
# (five after a ten) only occur inside a compound; `năm` alone is also "year", so callers accept a
# number word only before a counted noun.
_UNITS_WORDS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
                "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_TEN_WORDS = ("mười", "mươi")
NUMBER_WORD = re.compile(
    r"(?<!\w)(?:(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)\s+trăm(?:\s+(?:linh|lẻ))?\s+)?"
    r"(?:(?:hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)\s+mươi(?:\s+(?:mốt|một|hai|ba|bốn|tư|lăm|nhăm|sáu|bảy|bẩy|tám|chín))?"
    r"|mười(?:\s+(?:một|hai|ba|bốn|lăm|nhăm|sáu|bảy|bẩy|tám|chín))?"
    r"|một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)(?!\w)", re.IGNORECASE)
SCALES = {"nghìn": Decimal(1000), "ngàn": Decimal(1000), "triệu": Decimal(10) ** 6,
          "tỷ": Decimal(10) ** 9, "tỉ": Decimal(10) ** 9}


def read_number_words(text: str) -> Decimal | None:
    """`hai` → 2, `mười hai` → 12, `hai mươi lăm` → 25, `một trăm linh năm` → 105; None otherwise."""
    words = text.lower().split()
    if not words or NUMBER_WORD.fullmatch(" ".join(words)) is None:
        return None
    total = 0
    if len(words) >= 2 and words[1] == "trăm":
        total, words = 100 * _UNITS_WORDS[words[0]], [w for w in words[2:] if w not in ("linh", "lẻ")]
    if not words:
        return Decimal(total)
    if words[0] == "mười":
        return Decimal(total + 10 + (_UNITS_WORDS[words[1]] if len(words) > 1 else 0))
    if len(words) >= 2 and words[1] in _TEN_WORDS:
        return Decimal(total + 10 * _UNITS_WORDS[words[0]]
                       + (_UNITS_WORDS[words[2]] if len(words) > 2 else 0))
    return Decimal(total + _UNITS_WORDS[words[0]])


def read_prose_number(token: str) -> Decimal | None:
    """A number token of Vietnamese prose: `.` groups thousands and `,` marks decimals always
    (`1.484` is 1484, `345,250` is 345.25, `07` is 7); None when `token` is not one number."""
    reading = read_number(token)
    if reading is None or reading.suffix or reading.percent:
        return None
    return reading.vn


def read_amount(parts: list[tuple[Decimal, str]]) -> Decimal | None:
    """A compound amount from (number, scale word) pairs, in units: `1.484 tỷ 750 triệu` is
    [(1484, "tỷ"), (750, "triệu")] → 1 484 750 000 000; `8,967 nghìn tỷ` is [(8.967, "nghìn tỷ")].
    Each later part must be of a smaller scale than the one before (else None: not one amount)."""
    total, last = Decimal(0), None
    for number, scale_words in parts:
        scale = Decimal(1)
        for word in scale_words.lower().split():
            if word not in SCALES:
                return None
            scale *= SCALES[word]
        if last is not None and scale >= last:
            return None
        total += number * scale
        last = scale
    return total
