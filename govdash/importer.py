"""Staff import of figures (Nhập dữ liệu): from an uploaded spreadsheet to the curated CSVs.

Pipeline, shared by the page (`pages/import.py`) and `python -m govdash import FILE`:

1. **Read** (`govdash.import_read`): CSV/TSV/TXT in UTF-8 or UTF-16, any of `,` `;` tab, or
   `.xlsx`; legacy Vietnamese encodings, binaries and formulas refused with a reason.
2. **Normalise** each row: locality by code or name (with or without diacritics, NFC or NFD,
   "Tỉnh"/"TP" prefixes, a name shared by two codes settled by the figure's period), indicator
   by id or name, body/status/qualifier/period kind by key or Vietnamese word, numbers and
   dates the Vietnamese way (`govdash.vnparse`, which documents the rule for `1.484`). Unknown
   localities and indicators come with the closest matches (difflib on folded names).
3. **Plan**: a source named by `source_id` or created from `source_title`/`source_publisher`/
   `source_url`/`source_published` (an identical existing source is reused); figure ids
   `<source_id>-<nn>`; a row with the same locality, body, indicator, period (and plan vs
   result) as an existing figure is *unchanged* when identical, else a *conflict* the editor
   resolves (replace / skip); never silently added.
4. **Stage and validate**: the whole data folder is copied with the rows merged in exactly as
   they would be written, and `govdash.validate.validate` (the rules of `python -m govdash
   validate`) runs on it; each problem is mapped back to the uploaded row and column. Problems
   the data already had are not blamed on the upload.
5. **Preview**: new figures, replaced figures (old and new value), pages and charts affected.
6. **Commit**, all rows or none, only with no error and every conflict resolved, under the
   data folder's lock, through `govdash.datastore` (temporary files + fsync, a journal as the
   commit point, `os.replace`, roll-forward recovery: a crash at any moment leaves the old
   data or the new, never a mix). The bytes committed are the bytes validated; if the data
   changed since the preview the commit is refused (`digest`).
7. **Audit**: `imports/<import_id>.json` in the data folder, written in the same atomic change:
   editor, time, file name and SHA-256, every row added, every row replaced (old content and
   position), sources added, file hashes before and after. **Rollback** removes exactly those
   rows and puts the replaced ones back where they were (byte-identical files when nothing
   else changed since), recorded as `imports/<import_id>.rollback.json`.

Issues are `govdash.validate.Problem`s (file = the uploaded file's name, row = its spreadsheet
row, header = 1), with reasons in the editor's language.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import difflib
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from pathlib import Path

from govdash import datastore, fmt, import_read, vnparse
from govdash.db import figure_resources, load_package
from govdash.i18n import t
from govdash.paths import data_dir
from govdash.text import fold
from govdash.validate import Problem, read_table, validate

AUDIT_DIR = "imports"
IMPORT_ID = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")
SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_TEXT = {"quote": 2000, "note": 2000, "source_title": 500, "source_publisher": 300,
            "source_url": 500}
IMPORT_STATUSES = ("reported", "estimated", "planned")

# Canonical upload columns and the other names (folded, `_` for spaces) staff may give them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "locality": ("locality_code", "ma_dia_phuong", "dia_phuong", "tinh", "tinh_thanh_pho",
                 "ten_dia_phuong", "ma_tinh"),
    "body": ("co_quan", "co_quan_thuc_hien", "chu_the"),
    "indicator": ("chi_tieu", "ma_chi_tieu", "ten_chi_tieu", "chi_so"),
    "period_start": ("tu_ngay", "ngay_bat_dau", "bat_dau"),
    "period_end": ("den_ngay", "ngay_ket_thuc", "ket_thuc"),
    "period_kind": ("loai_ky", "ky", "loai_thoi_ky"),
    "value": ("gia_tri", "so_lieu"),
    "qualifier": ("muc_do", "do_chinh_xac", "tinh_chat"),
    "status": ("tinh_trang", "trang_thai"),
    "source_id": ("ma_nguon",),
    "source_title": ("ten_nguon", "tieu_de_nguon", "nguon", "ten_van_ban"),
    "source_publisher": ("noi_ban_hanh", "co_quan_ban_hanh", "don_vi_ban_hanh", "noi_dang"),
    "source_url": ("duong_dan", "url", "link", "lien_ket"),
    "source_published": ("ngay_ban_hanh", "ngay_cong_bo", "ngay_dang"),
    "source_reliability": ("do_tin_cay",),
    "quote": ("trich_dan", "cau_trich", "trich_nguyen_van"),
    "flag": ("danh_dau", "canh_bao"),
    "note": ("ghi_chu",),
}
REQUIRED = ("locality", "body", "indicator", "period_start", "period_end", "period_kind",
            "value", "qualifier", "status", "quote")
SOURCE_FIELDS = ("source_title", "source_publisher", "source_url", "source_published",
                 "source_reliability")
_ALIASES = {alias: col for col, aliases in COLUMNS.items() for alias in (col, *aliases)}

# Words staff write for the coded values (folded); the keys themselves and the catalogue's
# labels are accepted too (see `_choices`).
WORDS = {
    "body": {"hdnd": "council", "hoi dong nhan dan": "council", "ubnd": "people_committee",
             "uy ban nhan dan": "people_committee", "tt hdnd": "standing_committee",
             "thuong truc hdnd": "standing_committee",
             "thuong truc hoi dong nhan dan": "standing_committee",
             "ban hdnd": "council_committees", "cac ban": "council_committees",
             "to dai bieu": "delegate_groups", "to dai bieu hdnd": "delegate_groups",
             "toan tinh": "locality", "toan thanh pho": "locality", "dia phuong": "locality"},
    "status": {"bao cao": "reported", "da bao cao": "reported", "thuc hien": "reported",
               "ket qua": "reported", "chinh thuc": "reported", "uoc": "estimated",
               "uoc tinh": "estimated", "uoc dat": "estimated", "uoc thuc hien": "estimated",
               "ke hoach": "planned", "du kien": "planned", "du toan": "planned",
               "chi tieu": "planned", "muc tieu": "planned", "suy ra": "derived"},
    "qualifier": {"chinh xac": "exact", "dung": "exact", "tren": "over", "hon": "over",
                  "vuot": "over", "khoang": "about", "xap xi": "about", "gan": "under",
                  "duoi": "under", "chua den": "under"},
    "period_kind": {"nam": "year", "quy": "quarter", "thang": "month", "ky hop": "session",
                    "mot phan nam": "part_year", "6 thang": "part_year", "9 thang": "part_year",
                    "luy ke nhiem ky": "term_to_date", "tu dau nhiem ky": "term_to_date",
                    "nhieu nam": "multi_year", "giai doan": "multi_year"},
    "flag": {"": "", "mo ho": "ambiguous", "khong nhat quan": "ambiguous",
             "mau thuan": "conflicting", "khac nguon": "conflicting"},
    "source_reliability": {"cao": "high", "trung binh": "medium", "thap": "low"},
}
LABEL_PREFIX = {"body": "body_", "status": "status_", "qualifier": "qualifier_",
                "period_kind": "imp_kind_", "flag": "imp_flag_",
                "source_reliability": "reliability_"}
DOMAIN_PAGES = {"sessions": "page_sessions", "resolutions": "page_sessions",
                "supervision": "page_supervision", "interpellation": "page_supervision",
                "petitions": "page_voters", "citizen_reception": "page_voters",
                "budget": "page_budget", "economy": "page_budget"}


class Outcome(IntEnum):
    """What an import or rollback came to; the value is the command's exit code."""
    OK = 0
    ERRORS = 1
    CONFLICTS = 3
    SIGN_IN = 4
    BUSY = 5
    CHANGED = 6


@dataclass
class Result:
    """An outcome and its message (catalogue key and values), shared by page and command."""
    outcome: Outcome
    key: str
    values: dict = field(default_factory=dict)
    import_id: str | None = None
    plan: "ImportPlan | None" = None

    def message(self, lang: str) -> str:
        """The message in `lang`."""
        return t(self.key, lang, **self.values)


@dataclass
class Change:
    """One uploaded row that becomes a figure, and the existing figures it replaces."""
    row: int
    resource: str
    figure: dict
    replaces: list[dict] = field(default_factory=list)   # rows with "_index" (position in file)


@dataclass
class Conflict:
    """An uploaded row for which the data already holds a different figure."""
    row: int
    resource: str
    figure: dict
    existing: list[dict]
    decision: str | None = None
    blocked_by: list[str] = field(default_factory=list)   # derived figures that need the old one


@dataclass
class ImportPlan:
    """Everything an import would do, checked, before anything is written."""
    file_name: str
    sha256: str
    size: int
    lang: str
    rows_read: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    added: list[Change] = field(default_factory=list)
    replaced: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    new_sources: list[dict] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)
    digest: str = ""
    paths: dict[str, str] = field(default_factory=dict)   # resource name → file in the folder

    @property
    def unresolved(self) -> list[Conflict]:
        """Conflicts still waiting for a decision."""
        return [c for c in self.conflicts if c.decision is None]

    @property
    def ready(self) -> bool:
        """True when committing would change something and nothing stands in the way."""
        return not self.errors and not self.unresolved and bool(self.added or self.replaced)


# ---------------------------------------------------------------- the data as it is

@dataclass
class Current:
    """The data folder read once: tables, raw bytes, and the problems it already has."""
    folder: Path
    package: dict
    tables: dict
    raw: dict[str, bytes]
    problems: list[Problem]

    @property
    def resources(self) -> dict[str, dict]:
        return {r["name"]: r for r in self.package["resources"]}

    def figure_rows(self):
        """(resource name, index, row) of every figure."""
        for res in figure_resources(self.package):
            for i, row in enumerate(self.tables[res["name"]].rows):
                yield res["name"], i, row


def load_current(folder: Path, check: bool = True) -> Current:
    """Read every resource of the data folder (strictly, as validation does); `check` also
    collects the problems the data already has."""
    package = load_package(folder)
    problems: list[Problem] = []
    tables, raw = {}, {}
    for res in package["resources"]:
        path = folder / res["path"]
        raw[res["name"]] = path.read_bytes() if path.is_file() else b""
        tables[res["name"]] = read_table(path, res, problems)
    base = validate(folder)[0] if check else []
    return Current(folder, package, tables, raw, base)


class Lookup:
    """Names to codes for localities, indicators, bodies and the other coded columns."""

    def __init__(self, cur: Current, lang: str):
        self.lang = lang
        self.localities = {r["code"]: r for r in cur.tables["localities"].rows}
        self.indicators = {r["indicator"]: r for r in cur.tables["indicators"].rows}
        self.sources = {r["source_id"]: r for r in cur.tables["sources"].rows}
        self.source_keys = {(fold(r["title"]), fold(r["publisher"]), r["url"] or ""): sid
                            for sid, r in self.sources.items()}
        self.loc_names: dict[str, list[str]] = defaultdict(list)
        for code, r in self.localities.items():
            for name in {fold(r["name_vi"]), fold(r["name_en"])}:
                self.loc_names[name].append(code)
        self.ind_names = {}
        for ind, r in self.indicators.items():
            self.ind_names[fold(r["name_vi"])] = ind
            self.ind_names[fold(r["name_en"])] = ind
        fields = {f["name"]: f for f in figure_resources(cur.package)[0]["schema"]["fields"]}
        self.enums = {col: [v for v in fields[col]["constraints"]["enum"]]
                      for col in ("body", "status", "qualifier", "period_kind", "flag")}
        self.enums["source_reliability"] = ["high", "medium", "low"]

    # -------------------------------------------------------------- localities

    def locality(self, text: str, start: dt.date | None, end: dt.date | None):
        """(code, None) or (None, (reason key, values))."""
        text = text.strip()
        if text in self.localities:
            return text, None
        if text.isdigit():
            hits = sorted({c for c in (text.zfill(2), text.zfill(3), text.zfill(5))
                           if c in self.localities})
            if len(hits) == 1:
                return hits[0], None
        key = fold(text)
        hits = self.loc_names.get(key) or self.loc_names.get(_strip_prefix(key)) or []
        if len(hits) > 1 and start and end:
            hits = [c for c in hits if self._valid(c, start, end)] or hits
        if len(hits) == 1:
            return hits[0], None
        if hits:
            names = "; ".join(f"{c} {self.localities[c]['name_vi']}" for c in hits)
            return None, ("imp_err_locality_ambiguous", {"choices": names})
        return None, ("imp_err_locality_unknown", {"suggestions": self._loc_suggestions(key)})

    def _valid(self, code: str, start: dt.date, end: dt.date) -> bool:
        r = self.localities[code]
        return ((not r["valid_from"] or r["valid_from"] <= start.isoformat())
                and (not r["valid_to"] or end.isoformat() <= r["valid_to"]))

    def _loc_suggestions(self, key: str) -> str:
        close = difflib.get_close_matches(key, list(self.loc_names), n=3, cutoff=0.6)
        seen = []
        for name in close:
            for code in self.loc_names[name]:
                label = f"{self.localities[code]['name_vi']} ({code})"
                if label not in seen:
                    seen.append(label)
        return ", ".join(seen[:4]) or "—"

    def locality_period_problem(self, code: str, start: dt.date, end: dt.date):
        """A reason when the locality did not exist for the whole period, else None."""
        r = self.localities[code]
        if r["valid_to"] and end.isoformat() > r["valid_to"]:
            return "imp_err_locality_ended", {"name": r["name_vi"], "date": r["valid_to"]}
        if r["valid_from"] and start.isoformat() < r["valid_from"]:
            return "imp_err_locality_not_yet", {"name": r["name_vi"], "date": r["valid_from"]}
        return None

    # -------------------------------------------------------------- indicators and codes

    def indicator(self, text: str):
        """(indicator id, None) or (None, (reason key, values))."""
        key = text.strip().lower()
        if key in self.indicators:
            return key, None
        folded = fold(text)
        for candidate in (folded, folded.replace(" ", "_")):
            if candidate in self.indicators:
                return candidate, None
            if candidate in self.ind_names:
                return self.ind_names[candidate], None
        pool = list(self.ind_names) + list(self.indicators)
        close = difflib.get_close_matches(folded, pool, n=3, cutoff=0.55)
        labels = []
        for c in close:
            ind = self.ind_names.get(c, c)
            label = f"{self.indicators[ind]['name_vi']} ({ind})"
            if label not in labels:
                labels.append(label)
        return None, ("imp_err_indicator_unknown", {"suggestions": ", ".join(labels) or "—"})

    def choice(self, column: str, text: str):
        """A coded value (body, status, …) from its key or a word for it; None if unknown."""
        folded = fold(text)
        for value in self.enums[column]:
            if folded == value or folded == fold(value.replace("_", " ")):
                return value
            prefix = LABEL_PREFIX[column]
            for lang in ("vi", "en"):
                label = _label(prefix + (value or "none"), lang)
                if label and folded == fold(label):
                    return value
        return WORDS[column].get(folded)

    def allowed(self, column: str) -> str:
        """The allowed values of a coded column, for messages."""
        values = self.enums[column]
        if column == "status":
            values = list(IMPORT_STATUSES)
        return ", ".join(v for v in values if v)


def _label(key: str, lang: str) -> str | None:
    try:
        return t(key, lang)
    except KeyError:
        return None


def _strip_prefix(name: str) -> str:
    for prefix in ("tinh ", "thanh pho ", "tp. ", "tp ", "t.p. ", "t.p "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


@dataclass
class Draft:
    """An uploaded row read into the figure columns (source still to be settled)."""
    row: int
    figure: dict
    source: dict | None = None   # fields of a source to find or create


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
        return Draft(number, figure, source)

    def _text_check(self, number: int, col: str, value: str) -> None:
        if value.startswith(("=", "@")):
            self.error(number, col, value, "imp_err_formula")
        elif _HTML.search(value):
            self.error(number, col, value, "imp_err_html")
        elif _CONTROL.search(value):
            self.error(number, col, value, "imp_err_control")
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
        value = self._value(n, cells, indicator)
        if any(v is None for v in (indicator, start, end, kind, code, body, qualifier, status,
                                   flag, value)) or status == "derived":
            return None
        if status == "reported" and end > dt.date.today():
            self.warn(n, "period_end", cells["period_end"], "imp_warn_future_result")
        return {"figure_id": "", "locality_code": code, "body": body, "indicator": indicator,
                "period_start": start.isoformat(), "period_end": end.isoformat(),
                "period_kind": kind, "value": value, "qualifier": qualifier, "status": status,
                "source_id": "", "quote": str(cells["quote"]), "derived_from": "",
                "derivation": "", "preferred": "true", "flag": flag,
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
        if not ok:
            self.error(n, "period_kind", cells["period_kind"], "imp_err_period_shape",
                       kind=t("imp_kind_" + kind, self.lang))

    def _coded(self, n: int, cells: dict, column: str):
        value = self.look.choice(column, str(cells.get(column, "")))
        if value is None:
            self.error(n, column, cells.get(column), "imp_err_choice",
                       allowed=self.look.allowed(column))
        return value

    def _value(self, n: int, cells: dict, indicator: str | None) -> str | None:
        raw = cells["value"]
        reading = vnparse.read_number(raw)
        if reading is None:
            self.error(n, "value", raw, "imp_err_number")
            return None
        if reading.style == "ambiguous" and self.mixed:
            self.error(n, "value", raw, "imp_err_ambiguous", vn=vnparse.canonical(reading.vn),
                       en=vnparse.canonical(reading.en))
            return None
        ind = self.look.indicators.get(indicator or "")
        if ind and reading.percent and ind["unit_kind"] != "percent":
            self.error(n, "value", raw, "imp_err_percent_sign", unit=ind["unit_vi"])
            return None
        if ind and reading.suffix and fold(reading.suffix) not in {
                fold(ind["unit_vi"]), fold(ind["unit_en"]), "%"}:
            self.error(n, "value", raw, "imp_err_unit_text", unit=ind["unit_vi"])
            return None
        return vnparse.canonical(vnparse.value_of(reading, self.convention))

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


# ---------------------------------------------------------------- planning

def figure_key(figure: dict) -> tuple:
    """Same figure: locality, body, indicator, period, and whether it is a plan or a result."""
    return (figure["locality_code"], figure["body"], figure["indicator"], figure["period_start"],
            figure["period_end"], figure["status"] == "planned")


def _same(a: dict, b: dict) -> bool:
    """True when an uploaded figure says exactly what an existing one says."""
    try:
        equal = Decimal(a["value"]) == Decimal(b["value"])
    except ArithmeticError:
        equal = False
    return equal and all(a[c] == b[c] for c in ("qualifier", "status", "source_id", "quote"))


def prepare(data: bytes, file_name: str, folder: Path | None = None,
            decisions: dict[int, str] | None = None, on_conflict: str | None = None,
            lang: str = "vi", locked: bool = False) -> ImportPlan:
    """Read, normalise, plan and validate an upload; nothing is written.

    `locked`: the caller already holds the folder's write lock (the commit re-plans under it).
    """
    folder = folder or data_dir()
    name = _safe_name(file_name)
    plan = ImportPlan(name, hashlib.sha256(data).hexdigest(), len(data), lang)
    try:
        sheet = import_read.read_upload(data, name, header_score)
    except import_read.ReadError as e:
        values = {k: fmt.number(v, lang, 1) if isinstance(v, (int, float)) else v
                  for k, v in e.values.items()}
        plan.errors.append(Problem(name, None, None, None, t(e.key, lang, **values)))
        return plan
    with contextlib.nullcontext() if locked else datastore.reading(folder):
        cur = load_current(folder)
    if any(table is None for table in cur.tables.values()):
        plan.errors.append(Problem(name, None, None, None, t("imp_err_data_unreadable", lang)))
        return plan
    if cur.problems:
        plan.warnings.append(Problem(name, None, None, None,
                                     t("imp_warn_data_problems", lang, count=len(cur.problems))))
    plan.paths = {n: r["path"] for n, r in cur.resources.items()}
    look = Lookup(cur, lang)
    drafts = _read_rows(plan, sheet, look)
    if drafts is None:
        return plan
    reader = RowReader(look, name, {}, lang)
    _settle_sources(plan, drafts, cur, look, reader)
    _assign_ids(drafts, cur)
    _find_conflicts(plan, drafts, cur, decisions or {}, on_conflict, reader)
    plan.errors.extend(reader.errors)
    plan.warnings.extend(reader.warnings)
    _stage(plan, cur)
    return plan


def _safe_name(file_name: str) -> str:
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    return import_read.clean_text(name)[:120] or "upload"


def _read_rows(plan: ImportPlan, sheet: import_read.Sheet, look: Lookup) -> list[Draft] | None:
    """Header and rows to drafts; None (errors recorded) when the header is unusable."""
    columns, header_problems = map_header(sheet.header)
    for cell, key, values in header_problems:
        plan.errors.append(Problem(plan.file_name, sheet.header_row, cell or None, None,
                                   t(key, plan.lang, **values)))
    if header_problems:
        return None
    if not sheet.rows:
        plan.errors.append(Problem(plan.file_name, None, None, None, t("imp_err_no_rows", plan.lang)))
        return None
    reader = RowReader(look, plan.file_name, columns, plan.lang)
    for row, col, text in sheet.formulas:
        name = next((c for c, i in columns.items() if i == col), None)
        reader.error(row, name, text, "imp_err_formula")
    formula_rows = {r for r, _, _ in sheet.formulas}
    reader.set_convention(sheet.rows)
    drafts = []
    seen: dict[tuple, int] = {}
    for number, cells in sheet.rows:
        draft = reader.read(number, cells)
        if draft is None or number in formula_rows:
            continue
        key = figure_key(draft.figure)
        if key in seen:
            reader.error(number, None, None, "imp_err_duplicate_row", other=seen[key])
            continue
        seen[key] = number
        drafts.append(draft)
    plan.rows_read = len(sheet.rows)
    plan.errors.extend(reader.errors)
    plan.warnings.extend(reader.warnings)
    return drafts


def _settle_sources(plan: ImportPlan, drafts: list[Draft], cur: Current, look: Lookup,
                    reader: RowReader) -> None:
    """Give every draft a source id: named, an identical existing source, or a new one."""
    created: dict[tuple, dict] = {}
    taken = set(look.sources)
    for d in drafts:
        spec = d.source or {}
        if set(spec) == {"source_id"}:
            d.figure["source_id"] = spec["source_id"]
            continue
        if spec.get("source_id") in look.sources:
            existing = look.sources[spec["source_id"]]
            if fold(existing["title"]) != fold(spec["title"]):
                reader.error(d.row, "source_title", spec["title"], "imp_err_source_mismatch",
                             source=spec["source_id"])
            d.figure["source_id"] = spec["source_id"]
            continue
        same = look.source_keys.get((fold(spec["title"]), fold(spec["publisher"]), spec["url"]))
        if same:
            d.figure["source_id"] = same
            continue
        key = (fold(spec["title"]), fold(spec["publisher"]), spec["url"], spec["published"])
        if key not in created:
            sid = spec["source_id"] or _new_source_id(spec["title"], taken)
            taken.add(sid)
            created[key] = {"source_id": sid, "title": spec["title"], "publisher": spec["publisher"],
                            "published": spec["published"],
                            "kind": "web_page" if spec["url"] else "seed_document",
                            "file": "", "url": spec["url"], "reliability": spec["reliability"],
                            "note": f"Added by a staff import of {plan.file_name}.",
                            "_row": d.row}
        d.figure["source_id"] = created[key]["source_id"]
    plan.new_sources = list(created.values())


def _new_source_id(title: str, taken: set[str]) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    base = ("imp-" + words)[:48].rstrip("-")
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    return sid


def _assign_ids(drafts: list[Draft], cur: Current) -> None:
    """`<source_id>-<nn>`, continuing the numbering the source already has."""
    highest: dict[str, int] = defaultdict(int)
    for _, _, row in cur.figure_rows():
        sid, _, tail = row["figure_id"].rpartition("-")
        if tail.isdigit():
            highest[sid] = max(highest[sid], int(tail))
    for d in drafts:
        sid = d.figure["source_id"]
        highest[sid] += 1
        d.figure["figure_id"] = f"{sid}-{highest[sid]:02d}"


def _find_conflicts(plan: ImportPlan, drafts: list[Draft], cur: Current,
                    decisions: dict[int, str], on_conflict: str | None, reader: RowReader) -> None:
    """Sort drafts into added, unchanged and conflicts (with their decisions)."""
    domain = {r["indicator"]: r["domain"] for r in cur.tables["indicators"].rows}
    existing: dict[tuple, list[dict]] = defaultdict(list)
    derived_users: dict[str, list[str]] = defaultdict(list)
    for res, i, row in cur.figure_rows():
        existing[figure_key(row)].append({**row, "_index": i, "_resource": res})
        for ref in filter(None, row["derived_from"].split(";")):
            derived_users[ref.strip()].append(row["figure_id"])
    for d in drafts:
        resource = domain[d.figure["indicator"]]
        olds = existing.get(figure_key(d.figure), [])
        if not olds:
            plan.added.append(Change(d.row, resource, d.figure))
            continue
        preferred = next((o for o in olds if o["preferred"] == "true"), olds[0])
        if _same(d.figure, preferred):
            plan.unchanged.append(d.row)
            continue
        decision = decisions.get(d.row, on_conflict)
        blocked = [u for o in olds for u in derived_users.get(o["figure_id"], [])]
        conflict = Conflict(d.row, resource, d.figure, olds, decision, blocked)
        plan.conflicts.append(conflict)
        if decision == "replace" and blocked:
            reader.error(d.row, "value", d.figure["value"], "imp_err_replace_derived",
                         figures=", ".join(blocked))
        elif decision == "replace":
            plan.replaced.append(Change(d.row, resource, d.figure, olds))
        elif decision == "skip":
            plan.skipped.append(d.row)


# ---------------------------------------------------------------- staging and validation

def _csv_bytes(header: list[str], rows: list[dict]) -> tuple[bytes, list[int]]:
    """The file as the data folder writes it, and the line number each row ends on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    lines, line = [], out.getvalue().count("\n")
    for row in rows:
        start = out.tell()
        writer.writerow([row[c] for c in header])
        line += out.getvalue()[start:].count("\n")
        lines.append(line)
    return out.getvalue().encode("utf-8"), lines


def merged_tables(plan: ImportPlan, cur: Current, staging: bool) -> dict[str, list[tuple[dict, tuple]]]:
    """Each changed resource's rows after the import, with their origin ("old", i) or ("new", row).

    For staging, undecided conflicts count as replacements (so the new rows are checked too).
    """
    changes = list(plan.added) + list(plan.replaced)
    if staging:
        decided = {c.row for c in plan.replaced}
        changes += [Change(c.row, c.resource, c.figure, c.existing) for c in plan.unresolved
                    if c.row not in decided and not c.blocked_by]
    out: dict[str, list[tuple[dict, tuple]]] = {}
    for resource in sorted({c.resource for c in changes}):
        rows = cur.tables[resource].rows
        first: dict[int, Change] = {}
        dropped: set[int] = set()
        for ch in (c for c in changes if c.resource == resource and c.replaces):
            idx = sorted(o["_index"] for o in ch.replaces)
            first[idx[0]] = ch
            dropped |= set(idx[1:])
        merged = []
        for i, row in enumerate(rows):
            if i in first:
                merged.append((first[i].figure, ("new", first[i].row)))
            elif i not in dropped:
                merged.append((row, ("old", i)))
        merged += [(c.figure, ("new", c.row)) for c in changes
                   if c.resource == resource and not c.replaces]
        out[resource] = merged
    if plan.new_sources:
        rows = [(r, ("old", i)) for i, r in enumerate(cur.tables["sources"].rows)]
        rows += [({k: v for k, v in s.items() if not k.startswith("_")}, ("new", s["_row"]))
                 for s in plan.new_sources]
        out["sources"] = rows
    return out


def _stage(plan: ImportPlan, cur: Current) -> None:
    """Validate the data as it would be after the import; map problems back to the upload."""
    merged = merged_tables(plan, cur, staging=True)
    if not merged:
        return
    origins: dict[str, dict[int, tuple]] = {}
    staged_bytes: dict[str, bytes] = {}
    for resource, rows in merged.items():
        res = cur.resources[resource]
        header = [f["name"] for f in res["schema"]["fields"]]
        content, lines = _csv_bytes(header, [r for r, _ in rows])
        staged_bytes[resource] = content
        origins[res["path"]] = {line: (origin, row) for line, (row, origin) in zip(lines, rows)}
    with tempfile.TemporaryDirectory(prefix="govdash-stage-") as tmp:
        staged = Path(tmp)
        _copy_folder(cur, staged, staged_bytes)
        problems, _ = validate(staged)
    base = _identities(cur.problems, cur)
    for p in problems:
        _map_problem(plan, p, origins, base, cur)
    if not plan.errors and not plan.unresolved:
        _finish(plan, cur)


def _copy_folder(cur: Current, staged: Path, replaced: dict[str, bytes]) -> None:
    shutil.copy2(cur.folder / "datapackage.json", staged / "datapackage.json")
    for name, res in cur.resources.items():
        if name in replaced or (cur.folder / res["path"]).is_file():
            (staged / res["path"]).write_bytes(replaced.get(name, cur.raw[name]))
    if (cur.folder / "seeds").is_dir():
        os.symlink(cur.folder / "seeds", staged / "seeds")


def _identities(problems: list[Problem], cur: Current) -> set[tuple]:
    """Problems of the current data, named by row key (lines move when rows are added)."""
    keyed = set()
    by_path = {res["path"]: name for name, res in cur.resources.items()}
    for p in problems:
        table = cur.tables.get(by_path.get(p.file, ""))
        pk = None
        if table is not None and p.row in table.lines:
            pk = _pk(cur.resources[table.name], table.rows[table.lines.index(p.row)])
        keyed.add((p.file, pk or p.row, p.column, p.reason))
    return keyed


def _pk(resource: dict, row: dict) -> tuple:
    return tuple(row[c] for c in resource["schema"].get("primaryKey", []))


_UPLOAD_COLUMN = {"locality_code": "locality", "title": "source_title",
                  "publisher": "source_publisher", "url": "source_url",
                  "published": "source_published", "reliability": "source_reliability"}


def _map_problem(plan: ImportPlan, p: Problem, origins: dict, base: set, cur: Current) -> None:
    """One staged problem as an upload problem, unless the data already had it."""
    origin = origins.get(p.file, {}).get(p.row)
    reason = rule_reason(p.reason, plan.lang)
    if origin and origin[0][0] == "new":
        column = _UPLOAD_COLUMN.get(p.column, p.column)
        plan.errors.append(Problem(plan.file_name, origin[0][1], column, p.value, reason))
        return
    if origin:
        res = next(r for r in cur.package["resources"] if r["path"] == p.file)
        ident = (p.file, _pk(res, origin[1]), p.column, p.reason)
    else:
        ident = (p.file, p.row, p.column, p.reason)
    if ident in base or (p.file, p.row, p.column, p.reason) in base:
        return
    where = f"{p.file}:{p.row}" if p.row else p.file
    plan.errors.append(Problem(plan.file_name, None, p.column, p.value,
                               t("imp_err_existing", plan.lang, where=where, reason=reason)))


def _finish(plan: ImportPlan, cur: Current) -> None:
    """The exact bytes the commit will write, their hashes before, and the digest of it all."""
    for resource, rows in merged_tables(plan, cur, staging=False).items():
        res = cur.resources[resource]
        header = [f["name"] for f in res["schema"]["fields"]]
        plan.files[res["path"]], _ = _csv_bytes(header, [r for r, _ in rows])
        plan.before[res["path"]] = hashlib.sha256(cur.raw[resource]).hexdigest()
    digest = hashlib.sha256()
    for path in sorted(plan.files):
        digest.update(path.encode() + b"\0" + plan.files[path] + b"\0")
    plan.digest = digest.hexdigest()


_RULES = [  # validate's English reasons → catalogue keys (named groups become values)
    (r"^the value (?P<value>\S+) does not appear in the quote as written$", "imp_rule_quote_number"),
    (r"^above (?P<limit>\S+), the limit for (?P<indicator>\S+)$", "imp_rule_above_limit"),
    (r"^has (?P<n>\d+) decimals but (?P<indicator>\S+) shows (?P<m>\d+): the screen would round it$",
     "imp_rule_decimals"),
    (r"^a count must be a non-negative whole number$", "imp_rule_count"),
    (r"^a (?P<kind>\w+) figure cannot be negative$", "imp_rule_negative"),
    (r"^a share cannot be negative$", "imp_rule_negative_share"),
    (r"^not found verbatim in (?P<file>\S+)$", "imp_rule_verbatim"),
    (r"^shares of (?P<group>\S+) add up to (?P<total>\S+), not 100$", "imp_rule_shares"),
    (r"^required value is empty$", "imp_rule_required"),
    (r"^duplicate key", "imp_rule_duplicate"),
    (r"^several figures .* are all preferred", "imp_rule_preferred"),
    (r"^not an allowed value", "imp_rule_allowed"),
    (r"^does not match", "imp_rule_pattern"),
]


def rule_reason(reason: str, lang: str) -> str:
    """A validation reason in the editor's language (the English text when not translated)."""
    for pattern, key in _RULES:
        m = re.match(pattern, reason)
        if m:
            return t(key, lang, **m.groupdict())
    return reason


# ---------------------------------------------------------------- outcome, commit, audit

def check(plan: ImportPlan) -> Result:
    """The outcome of a plan without writing (the dry run's answer)."""
    counts = {"added": len(plan.added), "replaced": len(plan.replaced),
              "unchanged": len(plan.unchanged), "skipped": len(plan.skipped)}
    if plan.errors:
        return Result(Outcome.ERRORS, "imp_outcome_errors", {"count": len(plan.errors)}, plan=plan)
    if plan.unresolved:
        return Result(Outcome.CONFLICTS, "imp_outcome_conflicts", {"count": len(plan.unresolved)},
                      plan=plan)
    if not plan.ready:
        return Result(Outcome.OK, "imp_outcome_nothing", counts, plan=plan)
    return Result(Outcome.OK, "imp_outcome_ready", counts, plan=plan)


def commit(data: bytes, file_name: str, editor: str, decisions: dict[int, str] | None = None,
           on_conflict: str | None = None, expected_digest: str | None = None,
           folder: Path | None = None, lang: str = "vi") -> Result:
    """Import for real: re-plan under the lock, refuse unless ready, write everything at once."""
    folder = folder or data_dir()
    try:
        with datastore.locked(folder):
            datastore.recover(folder)
            plan = prepare(data, file_name, folder, decisions, on_conflict, lang, locked=True)
            result = check(plan)
            if result.outcome != Outcome.OK or not plan.ready:
                return result
            if expected_digest and plan.digest != expected_digest:
                return Result(Outcome.CHANGED, "imp_outcome_changed", plan=plan)
            import_id = _new_import_id()
            record = _audit_record(plan, import_id, editor)
            files = dict(plan.files)
            files[f"{AUDIT_DIR}/{import_id}.json"] = _json_bytes(record)
            datastore.write_files(folder, files)
    except datastore.Busy:
        return Result(Outcome.BUSY, "imp_outcome_busy")
    values = {"added": len(plan.added), "replaced": len(plan.replaced), "id": import_id}
    return Result(Outcome.OK, "imp_outcome_committed", values, import_id, plan)


def _new_import_id() -> str:
    now = dt.datetime.now(dt.timezone.utc)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


def _json_bytes(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _clean(row: dict) -> dict:
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _audit_record(plan: ImportPlan, import_id: str, editor: str) -> dict:
    paths = plan.paths
    return {
        "import_id": import_id, "kind": "import", "editor": editor,
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "file_name": plan.file_name, "file_sha256": plan.sha256, "file_size": plan.size,
        "rows_in_file": plan.rows_read,
        "added": [{"file": paths[c.resource], "upload_row": c.row,
                   "row": c.figure, "replaces": [o["figure_id"] for o in c.replaces]}
                  for c in plan.added + plan.replaced],
        "replaced": [{"file": paths[o["_resource"]], "index": o["_index"], "row": _clean(o),
                      "replaced_by": c.figure["figure_id"]}
                     for c in plan.replaced for o in c.replaces],
        "sources_added": [_clean(s) for s in plan.new_sources],
        "unchanged_rows": plan.unchanged, "skipped_rows": plan.skipped,
        "files_before": plan.before,
        "files_after": {p: hashlib.sha256(b).hexdigest() for p, b in plan.files.items()},
    }


def recover(folder: Path | None = None) -> bool:
    """Finish (or clean up after) an import that was interrupted; True if there was one."""
    folder = folder or data_dir()
    if not datastore.needs_recovery(folder):
        return False
    with datastore.locked(folder):
        return datastore.recover(folder)


def history(folder: Path | None = None) -> list[dict]:
    """Every import recorded in the folder, newest first, with whether it was rolled back."""
    folder = folder or data_dir()
    audit = folder / AUDIT_DIR
    if not audit.is_dir():
        return []
    records = []
    for path in audit.glob("*.json"):
        if path.name.endswith(".rollback.json") or not IMPORT_ID.match(path.stem):
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        undo = audit / f"{path.stem}.rollback.json"
        record["rolled_back"] = json.loads(undo.read_text(encoding="utf-8")) if undo.exists() else None
        records.append(record)
    return sorted(records, key=lambda r: r["at"] + r["import_id"], reverse=True)


def rollback(import_id: str, editor: str, folder: Path | None = None, lang: str = "vi") -> Result:
    """Undo one import exactly: its rows removed, the rows it replaced put back where they were."""
    folder = folder or data_dir()
    if not IMPORT_ID.match(import_id or ""):
        return Result(Outcome.ERRORS, "imp_rb_unknown", {"id": str(import_id)[:40]})
    try:
        with datastore.locked(folder):
            datastore.recover(folder)
            record_path = folder / AUDIT_DIR / f"{import_id}.json"
            if not record_path.is_file():
                return Result(Outcome.ERRORS, "imp_rb_unknown", {"id": import_id})
            if (folder / AUDIT_DIR / f"{import_id}.rollback.json").exists():
                return Result(Outcome.ERRORS, "imp_rb_already", {"id": import_id})
            record = json.loads(record_path.read_text(encoding="utf-8"))
            cur = load_current(folder)
            files, refusal = _reverted_files(record, cur, lang)
            refusal = refusal or _check_reverted(record, cur, files, lang)
            if refusal:
                return refusal
            by_path = {res["path"]: name for name, res in cur.resources.items()}
            undo = {"import_id": import_id, "kind": "rollback", "editor": editor,
                    "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "files_before": {p: hashlib.sha256(cur.raw[by_path[p]]).hexdigest()
                                     for p in files},
                    "files_after": {p: hashlib.sha256(b).hexdigest() for p, b in files.items()}}
            files[f"{AUDIT_DIR}/{import_id}.rollback.json"] = _json_bytes(undo)
            datastore.write_files(folder, files)
    except datastore.Busy:
        return Result(Outcome.BUSY, "imp_outcome_busy")
    return Result(Outcome.OK, "imp_rb_done", {"id": import_id, "count": len(record["added"])},
                  import_id)


def _check_reverted(record: dict, cur: Current, files: dict[str, bytes], lang: str) -> Result | None:
    """Refuse a rollback whose result would break a rule, or would not be the exact old files."""
    by_path = {res["path"]: name for name, res in cur.resources.items()}
    staged = {by_path[p]: b for p, b in files.items()}
    with tempfile.TemporaryDirectory(prefix="govdash-stage-") as tmp:
        _copy_folder(cur, Path(tmp), staged)
        problems, _ = validate(Path(tmp))
    known = {(p.file, p.column, p.reason) for p in cur.problems}
    fresh = [p for p in problems if (p.file, p.column, p.reason) not in known]
    if fresh:
        reason = f"{fresh[0]} ({rule_reason(fresh[0].reason, lang)})"
        return Result(Outcome.ERRORS, "imp_rb_invalid", {"reason": reason})
    untouched_since = all(hashlib.sha256(cur.raw[by_path[p]]).hexdigest() == h
                          for p, h in record["files_after"].items() if p in by_path)
    exact = all(hashlib.sha256(b).hexdigest() == record["files_before"].get(p)
                for p, b in files.items())
    if untouched_since and not exact:
        return Result(Outcome.ERRORS, "imp_rb_invalid", {"reason": "not byte-identical"})
    return None


def _reverted_files(record: dict, cur: Current, lang: str) -> tuple[dict[str, bytes], Result | None]:
    """The files without the import's rows; a refusal when later changes stand in the way."""
    by_path = {res["path"]: name for name, res in cur.resources.items()}
    rows = {p: [dict(r) for r in cur.tables[by_path[p]].rows]
            for p in {a["file"] for a in record["added"]} | {r["file"] for r in record["replaced"]}}
    for a in record["added"]:
        table = rows[a["file"]]
        at = next((i for i, r in enumerate(table) if r["figure_id"] == a["row"]["figure_id"]), None)
        if at is None or table[at] != a["row"]:
            return {}, Result(Outcome.ERRORS, "imp_rb_changed", {"figure": a["row"]["figure_id"]})
        del table[at]
    untouched = [r for res, _, r in cur.figure_rows() if cur.resources[res]["path"] not in rows]
    present = {r["figure_id"] for r in untouched}
    present |= {r["figure_id"] for table in rows.values() for r in table}
    for r in sorted(record["replaced"], key=lambda r: r["index"]):
        if r["row"]["figure_id"] in present:
            return {}, Result(Outcome.ERRORS, "imp_rb_changed", {"figure": r["row"]["figure_id"]})
        table = rows[r["file"]]
        table.insert(min(r["index"], len(table)), r["row"])
    files = {}
    for path, table in rows.items():
        header = [f["name"] for f in cur.resources[by_path[path]]["schema"]["fields"]]
        files[path], _ = _csv_bytes(header, table)
    if record["sources_added"]:
        gone = {s["source_id"] for s in record["sources_added"]}
        users = {r["source_id"] for r in untouched}
        users |= {r["source_id"] for table in rows.values() for r in table}
        if gone & users:
            return {}, Result(Outcome.ERRORS, "imp_rb_source_in_use",
                              {"sources": ", ".join(sorted(gone & users))})
        header = [f["name"] for f in cur.resources["sources"]["schema"]["fields"]]
        kept = [r for r in cur.tables["sources"].rows if r["source_id"] not in gone]
        files["sources.csv"], _ = _csv_bytes(header, kept)
    return files, None
