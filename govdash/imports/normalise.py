"""Normalise an upload: its header to canonical columns, each row's cells to curated values (locality, indicator, body, period, number, status), with the closest matches for unknown names."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal

from govdash.i18n import t
from govdash.imports import vnparse
from govdash.imports.current import _ALIASES, MAX_TEXT, REQUIRED, SOURCE_FIELDS, SOURCE_ID, Lookup
from govdash.text import BIDI_CONTROLS, fold
from govdash.validate import Problem

# ---------------------------------------------------------------- header

def header_key(cell: str) -> str:
    """A header cell as a lookup key: folded, `_` between words (`Giá trị` → `gia_tri`)."""
    return re.sub(r"[^a-z0-9]+", "_", fold(str(cell))).strip("_")


def header_score(cells: list) -> int:
    """How many known columns a candidate header row names."""
    return len({_ALIASES[k] for k in map(header_key, cells) if k in _ALIASES})


def map_header(header: list[str]) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Column name → index, and the problems with the header (unknown, repeated, missing)."""
    columns: dict[str, int] = {}
    problems: list[tuple[str, str, dict]] = []
    for i, cell in enumerate(header):
        key = header_key(cell)
        if not key:
            continue
        col = _ALIASES.get(key)
        if col is None:
            close = difflib.get_close_matches(key, list(_ALIASES), n=1, cutoff=0.6)
            hint = _ALIASES[close[0]] if close else "—"
            problems.append((cell, "imp_err_column_unknown", {"suggestion": hint}))
        elif col in columns:
            problems.append((cell, "imp_err_column_twice", {"column": col}))
        else:
            columns[col] = i
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        problems.append(("", "imp_err_columns_missing", {"columns": ", ".join(missing)}))
    if "source_id" not in columns and not {"source_title", "source_publisher"} <= set(columns):
        problems.append(("", "imp_err_columns_source", {}))
    return columns, problems


# ---------------------------------------------------------------- rows

_HTML = re.compile(r"<\s*[a-zA-Z/!?]|\]\(|!\[|&#|javascript:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Markdown that would be active if a text were ever shown unescaped: emphasis, code, KaTeX,
# Streamlit's `:red[...]` directives and `:material/...:` icons, link reference definitions.
_MARKDOWN = re.compile(r"\*\*|__|~~|`|\$[^$\s][^$]*\$|:[a-z][a-z-]*\[|:material/|^\s*\[[^\]]*\]:",
                       re.IGNORECASE | re.MULTILINE)
# In names (a source's title and publisher) also no address: Streamlit links `www.x` on its own.
_NAME_LINK = re.compile(r"www\.|://|\w@\w", re.IGNORECASE)
NAME_FIELDS = ("source_title", "source_publisher")
_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


@dataclass
class Draft:
    """An uploaded row read into the figure columns (source still to be settled)."""
    row: int
    figure: dict
    source: dict | None = None   # fields of a source to find or create
    preferred_given: bool = False  # the row says whether it is the preferred figure


class RowReader:
    """Normalises uploaded rows; collects problems in the upload's terms."""

    def __init__(self, look: Lookup, file_name: str, columns: dict[str, int], lang: str):
        self.look, self.file, self.columns, self.lang = look, file_name, columns, lang
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.convention, self.mixed = "vn", False

    def error(self, row: int | None, column: str | None, value, key: str, **values) -> None:
        self.errors.append(Problem(self.file, row, column, _shown(value), t(key, self.lang, **values)))

    def warn(self, row: int | None, column: str | None, value, key: str, **values) -> None:
        self.warnings.append(Problem(self.file, row, column, _shown(value), t(key, self.lang, **values)))

    def cells(self, cells: list) -> dict:
        """Column name → raw cell ('' when absent)."""
        return {col: (cells[i] if i < len(cells) else "") for col, i in self.columns.items()}

    def set_convention(self, rows: list[tuple[int, list]]) -> None:
        """Decide how ambiguous numbers of the value column are read (see govdash.vnparse)."""
        readings = [(n, vnparse.read_number(self.cells(c).get("value", ""))) for n, c in rows]
        self.convention, self.mixed = vnparse.column_convention([r for _, r in readings])
        ambiguous = [n for n, r in readings if r is not None and r.style == "ambiguous"]
        if self.mixed:
            examples = {s: next(n for n, r in readings if r and r.style == s) for s in ("vn", "en")}
            self.warn(None, "value", None, "imp_warn_mixed_convention", vn=examples["vn"],
                      en=examples["en"])
        elif ambiguous:
            key = "imp_warn_ambiguous_en" if self.convention == "en" else "imp_warn_ambiguous_vn"
            self.warn(None, "value", None, key, rows=_row_list(ambiguous))

    def read(self, number: int, raw_cells: list) -> Draft | None:
        """One row as a Draft, or None (its problems recorded) when it cannot be used."""
        cells = self.cells(raw_cells)
        before = len(self.errors)
        if len(raw_cells) > len(self.columns) and any(
                str(c) for i, c in enumerate(raw_cells) if i not in self.columns.values()):
            self.error(number, None, None, "imp_err_extra_cells")
        for col, value in cells.items():
            if isinstance(value, str):
                self._text_check(number, col, value)
        if len(self.errors) > before:
            return None
        figure = self._figure(number, cells)
        source = self._source(number, cells)
        if len(self.errors) > before or figure is None:
            return None
        given = str(cells.get("preferred", "")).strip() != ""
        return Draft(number, figure, source, given)

    def _text_check(self, number: int, col: str, value: str) -> None:
        if value.startswith(("=", "@")):
            self.error(number, col, value, "imp_err_formula")
        elif _HTML.search(value):
            self.error(number, col, value, "imp_err_html")
        elif _CONTROL.search(value):
            self.error(number, col, value, "imp_err_control")
        elif _BIDI.search(value):
            self.error(number, col, value, "imp_err_bidi")
        elif _MARKDOWN.search(value) or (col in NAME_FIELDS and _NAME_LINK.search(value)):
            self.error(number, col, value, "imp_err_markdown")
        elif len(value) > MAX_TEXT.get(col, 300):
            self.error(number, col, value, "imp_err_too_long", limit=MAX_TEXT.get(col, 300))

    def _figure(self, n: int, cells: dict) -> dict | None:
        empty = [col for col in REQUIRED if str(cells.get(col, "")).strip() == ""]
        for col in empty:
            self.error(n, col, "", "imp_err_required")
        if empty:
            return None
        indicator, why = self.look.indicator(str(cells["indicator"]))
        if why:
            self.error(n, "indicator", cells["indicator"], why[0], **why[1])
        start, end = self._dates(n, cells)
        kind = self._coded(n, cells, "period_kind")
        if start and end and kind:
            self._period_shape(n, cells, kind, start, end)
        code, why = self.look.locality(str(cells["locality"]), start, end)
        if why:
            self.error(n, "locality", cells["locality"], why[0], **why[1])
        elif start and end:
            wrong = self.look.locality_period_problem(code, start, end)
            if wrong:
                self.error(n, "locality", cells["locality"], wrong[0], **wrong[1])
        body = self._coded(n, cells, "body")
        qualifier = self._coded(n, cells, "qualifier")
        status = self._coded(n, cells, "status")
        if status == "derived":
            self.error(n, "status", cells["status"], "imp_err_derived")
        flag = self._coded(n, cells, "flag") if cells.get("flag", "") != "" else ""
        preferred = self._coded(n, cells, "preferred") if str(cells.get("preferred", "")).strip() else "true"
        value, said = self._value(n, cells, indicator)
        if said and qualifier and said != qualifier:
            if qualifier == "exact":
                qualifier = said  # "> 120%" in the value cell says "over" itself
            else:
                self.error(n, "qualifier", cells["qualifier"], "imp_err_qualifier_clash",
                           value=cells["value"])
                return None
        if any(v is None for v in (indicator, start, end, kind, code, body, qualifier, status,
                                   flag, preferred, value)) or status == "derived":
            return None
        if status == "reported" and end > dt.date.today():
            self.warn(n, "period_end", cells["period_end"], "imp_warn_future_result")
        return {"figure_id": "", "locality_code": code, "body": body, "indicator": indicator,
                "period_start": start.isoformat(), "period_end": end.isoformat(),
                "period_kind": kind, "value": value, "qualifier": qualifier, "status": status,
                "source_id": "", "quote": str(cells["quote"]), "derived_from": "",
                "derivation": "", "preferred": preferred, "flag": flag,
                "note": str(cells.get("note", ""))}

    def _dates(self, n: int, cells: dict):
        days = []
        for col in ("period_start", "period_end"):
            day = vnparse.read_date(cells[col])
            if day is None:
                self.error(n, col, cells[col], "imp_err_date")
            elif not 1975 <= day.year <= dt.date.today().year + 10:
                self.error(n, col, cells[col], "imp_err_date_range")
                day = None
            days.append(day)
        start, end = days
        if start and end and start > end:
            self.error(n, "period_end", cells["period_end"], "imp_err_period_order")
            return None, None
        return start, end

    def _period_shape(self, n: int, cells: dict, kind: str, start: dt.date, end: dt.date) -> None:
        """A year/quarter/month must cover exactly that calendar period."""
        ok = True
        if kind == "year":
            ok = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
        elif kind == "quarter":
            ok = start.day == 1 and start.month in (1, 4, 7, 10) and end == _month_end(start, 2)
        elif kind == "month":
            ok = start.day == 1 and end == _month_end(start, 0)
        elif kind == "as_of":  # a stock at one date (or within one month when the day is unknown)
            ok = start == end or (start.day == 1 and end == _month_end(start, 0))
        if not ok:
            self.error(n, "period_kind", cells["period_kind"], "imp_err_period_shape",
                       kind=t("imp_kind_" + kind, self.lang))

    def _coded(self, n: int, cells: dict, column: str):
        value = self.look.choice(column, str(cells.get(column, "")))
        if value is None:
            self.error(n, column, cells.get(column), "imp_err_choice",
                       allowed=self.look.allowed(column))
        return value

    def _value(self, n: int, cells: dict, indicator: str | None) -> tuple[str | None, str | None]:
        """The value as the data files write it, and the qualifier its cell says ("> 120%",
        "trên 120%", "khoảng 5.000"), None when it says none."""
        said, raw = split_qualifier(cells["value"])
        reading = vnparse.read_number(raw)
        if reading is None:
            self.error(n, "value", cells["value"], "imp_err_number")
            return None, said
        if reading.style == "ambiguous" and self.mixed:
            self.error(n, "value", raw, "imp_err_ambiguous", vn=vnparse.canonical(reading.vn),
                       en=vnparse.canonical(reading.en))
            return None, said
        ind = self.look.indicators.get(indicator or "")
        if ind and reading.percent and ind["unit_kind"] != "percent":
            self.error(n, "value", raw, "imp_err_percent_sign", unit=ind["unit_vi"])
            return None, said
        if ind and reading.suffix and fold(reading.suffix) not in {
                fold(ind["unit_vi"]), fold(ind["unit_en"]), "%"}:
            self.error(n, "value", raw, "imp_err_unit_text", unit=ind["unit_vi"])
            return None, said
        return vnparse.canonical(vnparse.value_of(reading, self.convention)), said

    def _source(self, n: int, cells: dict) -> dict | None:
        """The source fields of a row (to find or create a source); None when it names an id."""
        given = {col: str(cells.get(col, "")).strip() for col in SOURCE_FIELDS}
        sid = str(cells.get("source_id", "")).strip()
        if not any(given.values()):
            if not sid:
                self.error(n, "source_id", "", "imp_err_source_missing")
            elif sid not in self.look.sources:
                close = difflib.get_close_matches(sid, list(self.look.sources), n=3, cutoff=0.5)
                self.error(n, "source_id", sid, "imp_err_source_unknown",
                           suggestions=", ".join(close) or "—")
            return {"source_id": sid} if sid else None
        for col in ("source_title", "source_publisher"):
            if not given[col]:
                self.error(n, col, "", "imp_err_source_field")
        if sid and not SOURCE_ID.match(sid):
            self.error(n, "source_id", sid, "imp_err_source_id_pattern")
        if given["source_url"] and not _URL.match(given["source_url"]):
            self.error(n, "source_url", given["source_url"], "imp_err_url")
        published = ""
        if given["source_published"]:
            published = vnparse.read_published(given["source_published"]) or ""
            if not published:
                self.error(n, "source_published", given["source_published"], "imp_err_published")
        reliability = "medium"
        if given["source_reliability"]:
            reliability = self.look.choice("source_reliability", given["source_reliability"])
            if reliability is None:
                self.error(n, "source_reliability", given["source_reliability"], "imp_err_choice",
                           allowed="high, medium, low")
        return {"source_id": sid, "title": given["source_title"],
                "publisher": given["source_publisher"], "url": given["source_url"],
                "published": published, "reliability": reliability}


# A value cell may carry its qualifier in front: a mark (`> 120%`, `≈ 5.000`) or a word.
_QUALIFIER_WORDS = [("tren", "over"), ("hon", "over"), ("vuot", "over"), ("khoang", "about"),
                    ("xap xi", "about"), ("gan", "under"), ("duoi", "under"), ("chua den", "under"),
                    ("over", "over"), ("about", "about"), ("under", "under")]
_QUALIFIER_MARKS = {">": "over", "≥": "over", "<": "under", "≤": "under", "≈": "about", "~": "about"}


def split_qualifier(cell) -> tuple[str | None, object]:
    """(qualifier said in front of the number or None, the rest of the cell)."""
    if not isinstance(cell, str):
        return None, cell
    text = cell.strip()
    if text[:1] in _QUALIFIER_MARKS:
        return _QUALIFIER_MARKS[text[:1]], text[1:].strip()
    folded = fold(text)
    for word, qualifier in _QUALIFIER_WORDS:
        if folded.startswith(word + " ") and folded[len(word) + 1:][:1].isdigit():
            return qualifier, text[len(word) + 1:].strip()
    return None, cell


def _month_end(start: dt.date, months_after: int) -> dt.date:
    month = start.month + months_after
    first_next = dt.date(start.year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _shown(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return vnparse.canonical(value)
    return str(value)[:200]


def _row_list(rows: list[int]) -> str:
    shown = ", ".join(map(str, rows[:10]))
    return shown + (f" (+{len(rows) - 10})" if len(rows) > 10 else "")


