"""Number, percentage, money and date formatting, the Vietnamese way or the English way.

Every figure the dashboard prints goes through this module, so `1.484,75 tỷ đồng` and
`1,484.75 billion VND` are written in one place. Babel does the locale work.
"""
from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pandas as pd
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

LANGS = ("vi", "en")
# Plotly `separators`: decimal mark first, then the thousands mark.
PLOTLY_SEPARATORS = {"vi": ",.", "en": ".,"}
QUALIFIER_PREFIX = {"exact": "", "over": "> ", "about": "≈ ", "under": "< "}
_DATE_PATTERN = {"vi": "d/M/yyyy", "en": "d MMM yyyy"}
_MISSING = {"vi": "không có số liệu", "en": "no data"}


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return lang


def is_missing(value: object) -> bool:
    """True for None and NaN: values that must be shown as missing, never as 0."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def is_present(value: object) -> bool:
    """True for a real value: not None, NaN or pd.NA, and not an empty string.

    DuckDB nulls reach pandas as None, NaN or NA depending on the column type."""
    if value is None or value is pd.NA:
        return False
    try:
        if pd.isna(value):
            return False
    except (TypeError, ValueError):
        pass
    return str(value) != ""


MAX_DECIMALS = 6  # a figure's own decimals are kept up to here (beyond: float noise of sums)


def own_decimals(value: float | int) -> int:
    """How many decimals a figure has as written (`81.5` → 1, `333000` → 0), up to MAX_DECIMALS."""
    text = f"{float(value):.{MAX_DECIMALS}f}".rstrip("0")
    return len(text.split(".")[1])


def number(value: float | int | None, lang: str = "vi", decimals: int = 2, exact: bool = True) -> str:
    """`1484.75` → `1.484,75` (vi) or `1,484.75` (en), no trailing zeros.

    `decimals` is a display default, not a limit: a figure keeps the decimals it was written
    with (`81,5 %` of an indicator shown with 0 decimals stays `81,5 %`). `exact=False` rounds
    to at most `decimals` (for numbers we compute, such as a total of shares)."""
    _check_lang(lang)
    if is_missing(value):
        return _MISSING[lang]
    if exact:
        decimals = max(decimals, own_decimals(value))
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return _babel_decimal(Decimal(str(value)), format=pattern, locale=lang)


def plain(value: float | int | None) -> str:
    """A number as machines read it, the one way every file we write spells it: `.` decimals, no
    grouping, no exponent, no `.0` on whole numbers (`333000`, `81.5`, `-9.28`); '' when missing."""
    if not is_present(value):
        return ""
    text = f"{float(value):.{MAX_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(value: float | None, lang: str = "vi", decimals: int = 2, exact: bool = True) -> str:
    """`10.34` → `10,34 %` (vi) or `10.34%` (en). The value is already in percent."""
    if is_missing(value):
        return _MISSING[_check_lang(lang)]
    text = number(value, lang, decimals, exact)
    return f"{text} %" if lang == "vi" else f"{text}%"


def money(value: float | None, lang: str = "vi", decimals: int = 2) -> str:
    """Billions of đồng: `103600` → `103.600 tỷ đồng` (vi) or `103,600 billion VND` (en)."""
    if is_missing(value):
        return _MISSING[_check_lang(lang)]
    unit = "tỷ đồng" if lang == "vi" else "billion VND"
    return f"{number(value, lang, decimals)} {unit}"


def signed(value: float | None, lang: str = "vi", decimals: int = 2) -> str:
    """A change with its sign: `+29`, `−4`, `+2,3` (a true minus sign, not a hyphen)."""
    if is_missing(value):
        return _MISSING[_check_lang(lang)]
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return sign + number(abs(value), lang, decimals)


def date(value: dt.date | str | None, lang: str = "vi") -> str:
    """`2023-04-17` → `17/4/2023` (vi) or `17 Apr 2023` (en)."""
    _check_lang(lang)
    if value is None or value == "":
        return _MISSING[lang]
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return _babel_date(value, _DATE_PATTERN[lang], locale=lang)


def value_with_unit(value: float | None, unit_kind: str, unit: str, lang: str = "vi",
                    decimals: int = 2, qualifier: str = "exact") -> str:
    """A figure as shown on a card: qualifier mark, number, unit (`> 103.600 tỷ đồng`)."""
    if is_missing(value):
        return _MISSING[_check_lang(lang)]
    if unit_kind == "percent":
        body = percent(value, lang, decimals)
    elif unit_kind == "change":
        body = f"{signed(value, lang, decimals)} {unit}".rstrip()
    else:
        body = f"{number(value, lang, decimals)} {unit}".rstrip()
    return QUALIFIER_PREFIX.get(qualifier, "") + body


def period(start: dt.date | str, end: dt.date | str, kind: str, lang: str = "vi") -> str:
    """A human label for a figure's period: `2023`, `Quý I/2023`, `1/2021 – 22/3/2024`, and for a
    stock at a date (`as_of`) `đến 22/3/2024` / `as of 22 Mar 2024`."""
    start = dt.date.fromisoformat(start) if isinstance(start, str) else start
    end = dt.date.fromisoformat(end) if isinstance(end, str) else end
    if kind == "year" and start.year == end.year:
        return str(start.year)
    if kind == "quarter":
        q = (start.month - 1) // 3 + 1
        roman = ["I", "II", "III", "IV"][q - 1]
        return f"Quý {roman}/{start.year}" if lang == "vi" else f"Q{q} {start.year}"
    if kind == "month":
        return f"{start.month}/{start.year}" if lang == "vi" else _babel_date(start, "MMM yyyy", locale="en")
    if kind == "as_of":  # a stock at a date (or some day of a month: the month is shown)
        if start != end:
            month = f"{end.month}/{end.year}" if lang == "vi" else _babel_date(end, "MMM yyyy", locale="en")
            return f"đến tháng {month}" if lang == "vi" else f"as of {month}"
        return f"đến {date(end, lang)}" if lang == "vi" else f"as of {date(end, lang)}"
    if kind == "multi_year" and start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return f"{start.year}–{end.year}"
    return f"{date(start, lang)} – {date(end, lang)}"
