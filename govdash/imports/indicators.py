"""New indicators through an import: the template's "Chỉ tiêu mới" sheet, read into rows of
`indicators.csv`. They are staged and validated with the figures (the rules of
`datapackage.json`: id pattern, allowed domain and unit kind), written in the same atomic change
and removed by the import's rollback.

An id already in the data with the same meaning is reused silently; with another meaning it is
refused (an indicator's meaning never changes under its figures).
"""
from __future__ import annotations

import re

from govdash.i18n import t
from govdash.imports import read
from govdash.imports.current import WORDS, Current, ImportPlan, Lookup
from govdash.imports.normalise import header_key
from govdash.text import fold
from govdash.validate import Problem

SHEET_NAMES = {"chi tieu moi", "new indicators", "new_indicators", "chi_tieu_moi"}
COLUMNS = {  # canonical column → other names (folded, `_` for spaces)
    "indicator": ("ma_chi_tieu", "ma"),
    "name_vi": ("ten_tieng_viet", "ten_chi_tieu", "ten"),
    "name_en": ("ten_tieng_anh", "english_name"),
    "unit_vi": ("don_vi", "don_vi_tinh"),
    "unit_en": ("don_vi_tieng_anh", "english_unit"),
    "unit_kind": ("loai_don_vi", "kieu_don_vi"),
    "summable": ("cong_duoc", "cong_don", "cong_duoc_khong"),
    "higher_is_better": ("cang_cao_cang_tot", "cao_la_tot"),
    "domain": ("linh_vuc", "nhom"),
    "decimals": ("so_chu_so_thap_phan", "chu_so_thap_phan"),
    "description_en": ("mo_ta", "description", "ghi_chu"),
}
REQUIRED = ("indicator", "name_vi", "name_en", "unit_vi", "unit_kind", "summable", "domain")
_ALIASES = {alias: col for col, aliases in COLUMNS.items() for alias in (col, *aliases)}
UNIT_KINDS = {"so luong": "count", "dem": "count", "so": "count", "phan tram": "percent",
              "%": "percent", "tien": "money", "ty dong": "money", "ty le": "ratio",
              "thay doi": "change", "tang giam": "change"}
DOMAINS = {"ky hop": "sessions", "nghi quyet": "resolutions", "giam sat": "supervision",
           "chat van": "interpellation", "kien nghi": "petitions", "kien nghi cu tri": "petitions",
           "tiep cong dan": "citizen_reception", "ngan sach": "budget", "kinh te": "economy",
           "hanh chinh": "administration", "khen thuong": "awards"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def header_score(cells: list) -> int:
    """How many new-indicator columns a candidate header row names."""
    return len({_ALIASES[k] for k in map(header_key, cells) if k in _ALIASES})


def read_new_indicators(plan: ImportPlan, data: bytes, cur: Current, look: Lookup) -> None:
    """The upload's new indicators (xlsx only) into `plan.new_indicators`, problems into
    `plan.errors`; `look` learns them, so the figure rows may use them."""
    if read.extension(plan.file_name) != "xlsx":
        return
    try:
        sheet = read.read_xlsx_sheet(data, SHEET_NAMES, header_score)
    except read.ReadError:
        return  # the figures sheet's reading reports what is wrong with the workbook
    if sheet is None or not sheet.rows:
        return
    columns = {_ALIASES[k]: i for i, k in enumerate(map(header_key, sheet.header)) if k in _ALIASES}
    enums = _enums(cur)
    order = max((int(r["sort_order"] or 0) for r in cur.tables["indicators"].rows), default=0)
    for number, cells in sheet.rows:
        raw = {c: str(cells[i]).strip() if i < len(cells) else "" for c, i in columns.items()}
        row = _row(plan, number, raw, enums, order + 10 * (len(plan.new_indicators) + 1))
        if row is None:
            continue
        known = look.indicators.get(row["indicator"])
        if known is not None:
            if any(known[c] != row[c] for c in ("domain", "unit_vi", "unit_kind", "summable")):
                _error(plan, number, "indicator", row["indicator"], "imp_err_indicator_exists")
            continue
        plan.new_indicators.append(row)
    look.add_indicators(plan.new_indicators)


def _enums(cur: Current) -> dict[str, list[str]]:
    res = cur.resources["indicators"]
    return {f["name"]: f["constraints"]["enum"] for f in res["schema"]["fields"]
            if "enum" in f.get("constraints", {})}


def _row(plan: ImportPlan, n: int, raw: dict, enums: dict, sort_order: int) -> dict | None:
    """One sheet row as an indicators.csv row, or None (its problems recorded)."""
    before = len(plan.errors)
    for col in REQUIRED:
        if not raw.get(col):
            _error(plan, n, col, "", "imp_err_required")
    if len(plan.errors) > before:
        return None
    ident = re.sub(r"[^a-z0-9]+", "_", fold(raw["indicator"])).strip("_")
    if not _ID.match(ident):
        _error(plan, n, "indicator", raw["indicator"], "imp_err_indicator_id")
    kind = _choice(raw["unit_kind"], enums["unit_kind"], UNIT_KINDS)
    domain = _choice(raw["domain"], enums["domain"], DOMAINS)
    summable = WORDS["preferred"].get(fold(raw["summable"]), fold(raw["summable"]))
    better = raw.get("higher_is_better", "")
    better = WORDS["preferred"].get(fold(better), fold(better)) if better else ""
    decimals = raw.get("decimals") or "0"
    for col, value, allowed in (("unit_kind", kind, enums["unit_kind"]), ("domain", domain, enums["domain"]),
                                ("summable", summable, ["true", "false"]),
                                ("higher_is_better", better, ["true", "false", ""])):
        if value not in allowed:
            _error(plan, n, col, raw.get(col, ""), "imp_err_choice", allowed=", ".join(a for a in allowed if a))
    if not decimals.isdigit():
        _error(plan, n, "decimals", decimals, "imp_err_number")
    if len(plan.errors) > before:
        return None
    return {"indicator": ident, "domain": domain, "name_vi": raw["name_vi"], "name_en": raw["name_en"],
            "unit_vi": raw["unit_vi"], "unit_en": raw.get("unit_en") or raw["unit_vi"],
            "unit_kind": kind, "decimals": decimals, "summable": summable, "higher_is_better": better,
            "max_value": "", "share_group": "", "headline": "false",
            "sort_order": str(sort_order), "description_en": raw.get("description_en", ""),
            "_row": n}


def _choice(text: str, allowed: list[str], words: dict[str, str]) -> str:
    folded = fold(text)
    key = folded.replace(" ", "_")
    return key if key in allowed else words.get(folded, folded)


def _error(plan: ImportPlan, row: int, column: str, value: str, key: str, **values) -> None:
    plan.errors.append(Problem(plan.file_name, row, f"{column} ({t('imp_tpl_sheet_new_indicators', plan.lang)})",
                               value, t(key, plan.lang, **values)))
