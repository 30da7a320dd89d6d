"""The data as it is: the canonical upload columns, the words staff write for coded values, and the curated data an import is checked against (Current, Lookup)."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from govdash import fmt
from govdash.db import figure_resources, load_package
from govdash.i18n import t, t_md
from govdash.localities import Resolver, era_text
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
    "preferred": ("uu_tien", "duoc_uu_tien", "so_lieu_chinh", "chon", "ua_chuong"),
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
                    "nhieu nam": "multi_year", "giai doan": "multi_year",
                    "den nay": "as_of", "tinh den": "as_of", "den ngay": "as_of",
                    "tai thoi diem": "as_of", "den cuoi nam": "as_of", "so du": "as_of"},
    "flag": {"": "", "mo ho": "ambiguous", "khong nhat quan": "ambiguous",
             "mau thuan": "conflicting", "khac nguon": "conflicting"},
    "source_reliability": {"cao": "high", "trung binh": "medium", "thap": "low"},
    "preferred": {"co": "true", "x": "true", "1": "true", "dung": "true", "yes": "true",
                  "uu tien": "true", "khong": "false", "0": "false", "sai": "false", "no": "false"},
}
LABEL_PREFIX = {"body": "body_", "status": "status_", "qualifier": "qualifier_",
                "period_kind": "imp_kind_", "flag": "imp_flag_",
                "source_reliability": "reliability_", "preferred": "imp_preferred_"}
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
    WRITE_FAILED = 7  # the data folder could not be written (read-only, full disk)


@dataclass
class Result:
    """An outcome and its message (catalogue key and values), shared by page and command."""
    outcome: Outcome
    key: str
    values: dict = field(default_factory=dict)
    import_id: str | None = None
    plan: ImportPlan | None = None

    def message(self, lang: str, markdown: bool = False) -> str:
        """The message in `lang`; for a Markdown-rendering element (`markdown`) its values
        (file names, rows, values from the upload) are escaped."""
        return (t_md if markdown else t)(self.key, lang, **self.values)


@dataclass
class Change:
    """One uploaded row that becomes a figure, and the existing figures it replaces."""
    row: int
    resource: str
    figure: dict
    replaces: list[dict] = field(default_factory=list)   # rows with "_index" (position in file)
    beside: list[dict] = field(default_factory=list)     # existing figures it is kept beside


@dataclass
class Demotion:
    """An existing figure that stops being preferred because an uploaded one is preferred
    beside it (an estimate followed by its final, or another publisher's figure)."""
    row: int              # the uploaded row that takes the preference
    resource: str
    old: dict             # the row as it is, with "_index"
    new: dict             # the same row with preferred false


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
    new_indicators: list[dict] = field(default_factory=list)   # with "_row": the sheet's row
    retired_sources: list[dict] = field(default_factory=list)  # with "_index": left without figures
    demoted: list[Demotion] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)
    digest: str = ""
    paths: dict[str, str] = field(default_factory=dict)   # resource name → file in the folder
    document: bytes | None = None  # the text of the document the rows come from (extract)
    documents: dict[str, bytes] = field(default_factory=dict)  # seeds/<source>.txt → its text

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
        names = cur.tables.get("locality_names")
        self.resolver = Resolver(self.localities.values(), names.rows if names else [])
        self.ind_names = {}
        for ind, r in self.indicators.items():
            self.ind_names[fold(r["name_vi"])] = ind
            self.ind_names[fold(r["name_en"])] = ind
        fields = {f["name"]: f for f in figure_resources(cur.package)[0]["schema"]["fields"]}
        self.enums = {col: [v for v in fields[col]["constraints"]["enum"]]
                      for col in ("body", "status", "qualifier", "period_kind", "flag")}
        self.enums["source_reliability"] = ["high", "medium", "low"]
        self.enums["preferred"] = ["true", "false"]

    def add_indicators(self, rows: list[dict]) -> None:
        """Indicators an import adds: figure rows of the same upload may name them."""
        for r in rows:
            self.indicators[r["indicator"]] = r
            self.ind_names[fold(r["name_vi"])] = r["indicator"]
            self.ind_names[fold(r["name_en"])] = r["indicator"]

    # -------------------------------------------------------------- localities

    def locality(self, text: str, start: dt.date | None, end: dt.date | None):
        """(code, None) or (None, (reason key, values)): the code `text` names in the period
        (`govdash.localities.Resolver`: "Bắc Giang", 2023 → 24; "Bắc Ninh", 2023 → 27)."""
        match = self.resolver.find(text, start, end)
        if match.code:
            return match.code, None
        day = lambda d: fmt.date(d, self.lang)  # noqa: E731
        if match.choices:
            names = "; ".join(era_text(e, day) for e in match.choices)
            return None, ("imp_err_locality_ambiguous", {"choices": names})
        shown = ", ".join(f"{e.name_vi} ({e.code})" for e in match.suggestions)
        return None, ("imp_err_locality_unknown", {"suggestions": shown or "—"})

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
