"""Validation of the curated data against `datapackage.json` and the rules of the data model.

Every problem is reported with file, row (the CSV line number, header = 1), column, value and
reason. Used by `python -m govdash validate`, the tests, and the import of new figures.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from govdash.db import figure_resources, load_package
from govdash.paths import data_dir

SHARE_TOLERANCE = 1.0  # shares are printed as whole percents; allow rounding


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located precisely."""
    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file + (f":{self.row}" if self.row else "")
        col = f" [{self.column}]" if self.column else ""
        val = f" {self.value!r}" if self.value is not None else ""
        return f"{where}{col}{val}: {self.reason}"


@dataclass
class Table:
    """A CSV file read as text rows; `line` maps each row to its line number."""
    name: str
    path: str
    rows: list[dict]
    lines: list[int]


# ---------------------------------------------------------------- reading

def read_table(path: Path, resource: dict, problems: list[Problem]) -> Table | None:
    """Read a CSV strictly: UTF-8, NFC, header exactly as described. None if unreadable."""
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, None, None, "file is missing"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(name, 1, None, None, "file starts with a byte-order mark; save as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problems.append(Problem(name, line, None, None, f"not UTF-8 (byte {raw[e.start]:#x} at offset {e.start})"))
        return None
    return parse_rows(name, text, resource, problems)


def parse_rows(name: str, text: str, resource: dict, problems: list[Problem]) -> Table | None:
    """Parse CSV text against the resource's declared header."""
    expected = [f["name"] for f in resource["schema"]["fields"]]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(name, 1, None, None, "file is empty; expected a header row"))
        return None
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = (f"missing {missing}" if missing else "") + (f" unexpected {extra}" if extra else "")
        problems.append(Problem(name, 1, None, ",".join(header)[:200],
                                f"header does not match datapackage.json: {detail or 'wrong order'}"))
        return None
    rows, lines = [], []
    for record in reader:
        line = reader.line_num
        if not record or record == [""]:
            continue
        if len(record) != len(expected):
            problems.append(Problem(name, line, None, ",".join(record)[:120],
                                    f"has {len(record)} fields, expected {len(expected)}"))
            continue
        row = dict(zip(expected, record))
        for col, value in row.items():
            if value != unicodedata.normalize("NFC", value):
                problems.append(Problem(name, line, col, value, "text is not Unicode NFC"))
        rows.append(row)
        lines.append(line)
    return Table(resource["name"], name, rows, lines)


# ---------------------------------------------------------------- field-level checks

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _typed(value: str, type_: str):
    """The value converted to its declared type; raises ValueError with a reason."""
    if type_ == "string":
        return value
    if type_ == "number":
        if not _NUMBER.match(value):
            raise ValueError("not a plain number (use . as decimal point, no thousands separator)")
        return float(value)
    if type_ == "integer":
        if not re.match(r"^-?\d+$", value):
            raise ValueError("not a whole number")
        return int(value)
    if type_ == "date":
        if not _DATE.match(value):
            raise ValueError("not an ISO date (YYYY-MM-DD)")
        return dt.date.fromisoformat(value)
    if type_ == "boolean":
        if value not in ("true", "false"):
            raise ValueError("not true or false")
        return value == "true"
    raise ValueError(f"unknown type {type_}")


def check_fields(table: Table, resource: dict, problems: list[Problem]) -> None:
    """Types, required values, allowed values, patterns, bounds."""
    for row, line in zip(table.rows, table.lines):
        for f in resource["schema"]["fields"]:
            col, value, cons = f["name"], row[f["name"]], f.get("constraints", {})
            if value == "":
                if cons.get("required"):
                    problems.append(Problem(table.path, line, col, value, "required value is empty"))
                continue
            try:
                typed = _typed(value, f["type"])
            except ValueError as e:
                problems.append(Problem(table.path, line, col, value, str(e)))
                continue
            if "enum" in cons and value not in cons["enum"]:
                allowed = ", ".join(x for x in cons["enum"] if x)
                problems.append(Problem(table.path, line, col, value, f"not an allowed value ({allowed})"))
            if "pattern" in cons and not re.match(cons["pattern"], value):
                problems.append(Problem(table.path, line, col, value, f"does not match {cons['pattern']}"))
            if "minimum" in cons and typed < cons["minimum"]:
                problems.append(Problem(table.path, line, col, value, f"below the minimum {cons['minimum']}"))
            if "maximum" in cons and typed > cons["maximum"]:
                problems.append(Problem(table.path, line, col, value, f"above the maximum {cons['maximum']}"))


def check_keys(tables: dict[str, Table], package: dict, problems: list[Problem]) -> None:
    """Unique primary keys (figure ids unique across every figure file) and foreign keys."""
    figure_names = {r["name"] for r in figure_resources(package)}
    seen_figures: dict[str, str] = {}
    for res in package["resources"]:
        table = tables.get(res["name"])
        if table is None:
            continue
        key = res["schema"].get("primaryKey", [])
        seen: set = set()
        for row, line in zip(table.rows, table.lines):
            k = tuple(row[c] for c in key)
            if k in seen:
                problems.append(Problem(table.path, line, ",".join(key), ",".join(k), "duplicate key"))
            seen.add(k)
            if res["name"] in figure_names:
                fid = row["figure_id"]
                if fid in seen_figures and seen_figures[fid] != table.path:
                    problems.append(Problem(table.path, line, "figure_id", fid,
                                            f"duplicate key (also in {seen_figures[fid]})"))
                seen_figures.setdefault(fid, table.path)
        for fk in res["schema"].get("foreignKeys", []):
            ref = tables.get(fk["reference"]["resource"])
            if ref is None:
                continue
            targets = {tuple(r[c] for c in fk["reference"]["fields"]) for r in ref.rows}
            for row, line in zip(table.rows, table.lines):
                k = tuple(row[c] for c in fk["fields"])
                if all(v == "" for v in k):
                    continue
                if k not in targets:
                    problems.append(Problem(table.path, line, ",".join(fk["fields"]), ",".join(k),
                                            f"unknown in {ref.path}"))


# ---------------------------------------------------------------- numbers in quotes

def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def number_spellings(value: float) -> set[str]:
    """The ways a document may write `value`: `103.600`, `10,34`, `07`, `1.484 tỷ 750 triệu`."""
    v = abs(value)
    out: set[str] = set()
    if float(v).is_integer():
        n = int(v)
        out |= {str(n), _group(n, "."), f"{n:02d}", f"{n:03d}", f"{_group(n, '.')},0", f"{n},0"}
        out.add(_group(n, ","))  # English pages
    else:
        text = f"{v:.6f}".rstrip("0")
        whole, frac = text.split(".")
        n = int(whole)
        fracs = {frac} | {frac.ljust(k, "0") for k in (2, 3) if k > len(frac)}  # 345,250
        for sep, dec in ((".", ","), (",", ".")):
            for fr in (fracs if dec == "," else {frac}):
                out.add(f"{_group(n, sep)}{dec}{fr}")
                out.add(f"{n}{dec}{fr}")
        millions = round((v - n) * 1000, 6)
        if millions.is_integer():
            out.add(f"{_group(n, '.')} tỷ {int(millions)} triệu")
            out.add(f"{n} tỷ {int(millions)} triệu")
    return out


def number_in_quote(value: float, quote: str) -> bool:
    """True when `value` appears in `quote` as a whole number token, in some spelling."""
    for s in number_spellings(value):
        if re.search(rf"(?<![\d.,]){re.escape(s)}(?![\d]|[.,]\d)", quote):
            return True
    return False


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# ---------------------------------------------------------------- rules across files

def check_figures(tables: dict[str, Table], package: dict, folder: Path,
                  problems: list[Problem]) -> None:
    """The data model's rules for figures: periods, counts, shares, quotes, derivations."""
    indicators = {r["indicator"]: r for r in tables["indicators"].rows} if "indicators" in tables else {}
    sources = {r["source_id"]: r for r in tables["sources"].rows} if "sources" in tables else {}
    documents: dict[str, str] = {}
    all_ids = {r["figure_id"] for res in figure_resources(package)
               for r in (tables.get(res["name"]).rows if tables.get(res["name"]) else [])}
    shares: dict[tuple, list] = defaultdict(list)
    preferred: dict[tuple, list] = defaultdict(list)
    for res in figure_resources(package):
        table = tables.get(res["name"])
        if table is None:
            continue
        for row, line in zip(table.rows, table.lines):
            def bad(col: str, reason: str) -> None:
                problems.append(Problem(table.path, line, col, row.get(col), reason))
            ind = indicators.get(row["indicator"])
            try:
                value = float(row["value"])
                start = dt.date.fromisoformat(row["period_start"])
                end = dt.date.fromisoformat(row["period_end"])
            except ValueError:
                continue  # already reported by check_fields
            if start > end:
                bad("period_end", f"period ends before it starts ({row['period_start']})")
            elif row["period_kind"] == "as_of" and not _as_of_shape(start, end):
                bad("period_start", "a stock (as_of) is at one date: start = end, or a whole month "
                                    "when only the month is known")
            if ind is None:
                continue
            if ind["domain"] != res["name"]:
                bad("indicator", f"belongs to domain {ind['domain']}, so to {ind['domain']}.csv")
            kind = ind["unit_kind"]
            # no rule on decimals: a figure keeps the decimals its quote has (the indicator's
            # `decimals` is a display default, see govdash.fmt.number)
            if kind == "count" and (value < 0 or not value.is_integer()):
                bad("value", "a count must be a non-negative whole number")
            if kind in ("money", "ratio") and value < 0:
                bad("value", f"a {kind} figure cannot be negative")
            if ind["max_value"] and value > float(ind["max_value"]):
                bad("value", f"above {ind['max_value']}, the limit for {row['indicator']}")
            if kind == "percent" and ind["max_value"] and value < 0:
                bad("value", "a share cannot be negative")
            if row["status"] == "derived":
                if not row["derivation"]:
                    bad("derivation", "a derived figure must say how it is derived")
                for ref in filter(None, row["derived_from"].split(";")):
                    if ref.strip() not in all_ids:
                        bad("derived_from", f"unknown figure {ref.strip()!r}")
                if not row["derived_from"]:
                    bad("derived_from", "a derived figure must name the figures it comes from")
            elif not number_in_quote(value, row["quote"]):
                bad("quote", f"the value {row['value']} does not appear in the quote as written")
            src = sources.get(row["source_id"])
            if src and src["file"]:
                if src["file"] not in documents:
                    doc = folder / src["file"]
                    documents[src["file"]] = _squash(doc.read_text(encoding="utf-8")) if doc.is_file() else ""
                if _squash(row["quote"]) not in documents[src["file"]]:
                    bad("quote", f"not found verbatim in {src['file']}")
            if ind["share_group"] and row["status"] != "derived":
                key = (row["locality_code"], row["body"], row["period_start"], row["period_end"],
                       row["source_id"], ind["share_group"])
                shares[key].append((value, table.path, line))
            pkey = (row["locality_code"], row["body"], row["indicator"], row["period_start"],
                    row["period_end"], row["status"] == "planned")
            preferred[pkey].append((row["preferred"] == "true", table.path, line, row["figure_id"],
                                    row["flag"] == "ambiguous"))
    for key, items in shares.items():
        total = sum(v for v, _, _ in items)
        if len(items) > 1 and abs(total - 100) > SHARE_TOLERANCE:
            _, path, line = items[0]
            problems.append(Problem(path, line, "value", f"{total:g}",
                                    f"shares of {key[5]} add up to {total:g}, not 100"))
    for key, items in preferred.items():
        chosen = [i for i in items if i[0]]
        if not chosen and all(i[4] for i in items):
            continue  # every reading is flagged ambiguous: none may be preferred (none is shown)
        if len(chosen) != 1:
            _, path, line, _, _ = items[-1]
            ids = ", ".join(i[3] for i in items)
            reason = ("several figures for the same indicator, locality, body and period are all "
                      "preferred" if chosen else "none of these figures is preferred")
            problems.append(Problem(path, line, "preferred", None, f"{reason}: {ids}"))


def _as_of_shape(start: dt.date, end: dt.date) -> bool:
    """A stock's date: one day, or the whole month it lies in when the day is not known."""
    if start == end:
        return True
    month_end = (end + dt.timedelta(days=1)).day == 1
    return start.day == 1 and month_end and (start.year, start.month) == (end.year, end.month)


def check_register(tables: dict[str, Table], problems: list[Problem]) -> None:
    """Session register: dates in order, and the resolutions count appears in its quote."""
    table = tables.get("session_register")
    if table is None:
        return
    for row, line in zip(table.rows, table.lines):
        if row["start_date"] and row["end_date"] and row["start_date"] > row["end_date"]:
            problems.append(Problem(table.path, line, "end_date", row["end_date"], "ends before it starts"))
        n = row["resolutions_passed"]
        if n and re.match(r"^\d+$", n) and not number_in_quote(float(n), row["quote"]):
            problems.append(Problem(table.path, line, "quote", row["quote"][:80],
                                    f"resolutions_passed {n} does not appear in the quote"))


def check_names(tables: dict[str, Table], problems: list[Problem]) -> None:
    """Names over time (`locality_names`): the eras of a code never overlap, and each ends
    no earlier than it starts."""
    table = tables.get("locality_names")
    if table is None:
        return
    eras: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for row, line in zip(table.rows, table.lines):
        start, end = row["valid_from"] or "0001-01-01", row["valid_to"] or "9999-12-31"
        if start > end:
            problems.append(Problem(table.path, line, "valid_to", row["valid_to"], "ends before it starts"))
        eras[row["code"]].append((start, end, line))
    for code, spans in eras.items():
        spans.sort()
        for (_, end, _), (start, _, line) in zip(spans, spans[1:]):
            if start <= end:
                problems.append(Problem(table.path, line, "valid_from", start,
                                        f"overlaps another name of {code} (a code has one name at a time)"))


# ---------------------------------------------------------------- entry points

def validate(folder: Path | None = None) -> tuple[list[Problem], dict]:
    """Validate every file of a data folder; return the problems and a summary of what was read."""
    folder = folder or data_dir()
    problems: list[Problem] = []
    try:
        package = load_package(folder)
    except (FileNotFoundError, ValueError) as e:
        return [Problem("datapackage.json", None, None, None, f"cannot read: {e}")], {}
    tables: dict[str, Table] = {}
    for res in package["resources"]:
        table = read_table(folder / res["path"], res, problems)
        if table is not None:
            check_fields(table, res, problems)
            tables[res["name"]] = table
    check_keys(tables, package, problems)
    check_figures(tables, package, folder, problems)
    check_register(tables, problems)
    check_names(tables, problems)
    figure_count = sum(len(tables[r["name"]].rows) for r in figure_resources(package) if r["name"] in tables)
    summary = {
        "files": len(tables),
        "figures": figure_count,
        "localities": len(tables["localities"].rows) if "localities" in tables else 0,
        "sources": len(tables["sources"].rows) if "sources" in tables else 0,
        "indicators": len(tables["indicators"].rows) if "indicators" in tables else 0,
    }
    return problems, summary
