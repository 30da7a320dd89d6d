"""The cross-page selection (locality, years, language) and its mirror in the URL query string.

Pure functions: parsing a query string never raises; a bad value falls back to a default and
produces a notice for the user. Streamlit wiring lives in `govdash.ui`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdash.i18n import LANGS

DEFAULT_LOCALITY = "31"  # Hải Phòng: the locality with the most curated figures
DEFAULT_LANG = "vi"
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Selection:
    """What the user is looking at: one locality, a year range (inclusive), a language."""
    locality: str
    year_from: int
    year_to: int
    lang: str = DEFAULT_LANG

    def to_query(self) -> dict[str, str]:
        """The query-string form of the selection."""
        return {"loc": self.locality, "from": str(self.year_from), "to": str(self.year_to),
                "lang": self.lang}


@dataclass
class Notice:
    """A value from the URL that could not be used: catalogue key and its values."""
    key: str
    values: dict = field(default_factory=dict)


def url_value(params, key: str) -> str | None:
    """The value of `key` in the address, as text, or None. The one URL-parameter reader: when a
    key is given twice it takes the last value, as Streamlit's `st.query_params[key]` does."""
    value = params.get(key) if params is not None else None
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return None if value is None else str(value)


def most_complete_year(result_years: list[dict]) -> int | None:
    """The year with the most complete data: the most full-year results (then the most results),
    the latest of equals. `result_years` are rows of the `result_years` query."""
    if not result_years:
        return None
    best = max(result_years, key=lambda r: (int(r["annual_count"]), int(r["result_count"]), int(r["year"])))
    return int(best["year"])


def default_years(years: list[int], default_to: int | None = None) -> tuple[int, int]:
    """The default range: three years up to `default_to` (else the latest year with data)."""
    if not years:
        return (2023, 2023)
    last = default_to if default_to in years else max(years)
    return (max(min(years), last - 2), last)


def parse_query(params: dict, locality_codes: list[str], years: list[int],
                default_locality: str = DEFAULT_LOCALITY,
                default_to=None) -> tuple[Selection, list[Notice]]:
    """Read a selection from URL parameters; unknown or malformed values fall back with a notice.
    `default_to`: the last year of the default range, or a function of the chosen locality's
    code giving it (the year with the most complete data for that locality)."""
    notices: list[Notice] = []
    lang = url_value(params, "lang") or DEFAULT_LANG
    if lang not in LANGS:
        notices.append(Notice("notice_bad_lang", {"value": lang[:40]}))
        lang = DEFAULT_LANG

    fallback = default_locality if default_locality in locality_codes else locality_codes[0]
    loc = url_value(params, "loc")
    if loc is None:
        loc = fallback
    elif loc not in locality_codes:
        notices.append(Notice("notice_bad_locality", {"value": loc[:40], "code": fallback}))
        loc = fallback

    lo, hi = (min(years), max(years)) if years else (2000, 2100)
    d_from, d_to = default_years(years, default_to(loc) if callable(default_to) else default_to)
    raw_from, raw_to = url_value(params, "from"), url_value(params, "to")
    y_from, y_to = d_from, d_to
    if raw_from is not None or raw_to is not None:
        ok = all(r is None or (_YEAR.match(r) and lo <= int(r) <= hi) for r in (raw_from, raw_to))
        cand_from = int(raw_from) if ok and raw_from else d_from
        cand_to = int(raw_to) if ok and raw_to else d_to
        if ok and cand_from <= cand_to:
            y_from, y_to = cand_from, cand_to
        else:
            bad = raw_from if raw_from and not (_YEAR.match(raw_from) and lo <= int(raw_from) <= hi) else raw_to
            notices.append(Notice("notice_bad_years", {"value": str(bad)[:20], "start": d_from, "end": d_to}))
    return Selection(loc, y_from, y_to, lang), notices
