"""The review table of "Từ văn bản" as plain data (no Streamlit): candidates become rows an
editor ticks and corrects, edits are merged back, high-confidence rows are accepted in one go,
rows missing a required field are held back, and the accepted rows become the import file.

Rows are plain dicts (JSON-like, fit for `st.session_state`); the value stays text written the
Vietnamese way (`1.484,75`), so what the editor types is read by the importer as typed.
"""
from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal

from govdash.extract import template
from govdash.extract.candidates import HIGH_CONFIDENCE
from govdash.imports.template import _vn_number

EDITABLE = ["include", "value", "indicator", "period_start", "period_end", "period_kind", "status",
            "qualifier", "body", "locality"]
SHOWN = ["include", "value", "unit", "indicator", "suggestions", "period_start", "period_end",
         "period_kind", "status", "qualifier", "body", "locality", "confidence", "missing", "quote", "why"]
PERIOD_KINDS = ["year", "quarter", "month", "part_year", "term_to_date", "multi_year", "session", "as_of"]


def rows_of(candidates: list[dict]) -> list[dict]:
    """One review row per candidate (`Candidate.as_json()`), not yet included."""
    out = []
    for i, c in enumerate(candidates):
        row = {"id": i, "include": False, "value": _vn_number(str(Decimal(str(c["value"])))),
               "unit": c["unit"], "indicator": c["indicator"] or "",
               "suggestions": ", ".join(c.get("alternatives", [])[:4]),
               "alternatives": list(c.get("alternatives", [])),
               "period_start": c["period_start"] or "", "period_end": c["period_end"] or "",
               "period_kind": c["period_kind"] or "", "status": c["status"],
               "qualifier": c["qualifier"], "body": c["body"] or "", "locality": c["locality"] or "",
               "confidence": c["confidence"], "quote": c["quote"], "start": c["start"], "end": c["end"],
               "quote_start": c["quote_start"],
               "why": "; ".join(f"{k}: {v}" for k, v in c["reasons"].items())}
        row["missing"] = ", ".join(template.missing(row))
        out.append(row)
    return out


def apply_edits(rows: list[dict], edited: dict) -> list[dict]:
    """`rows` with a data editor's `edited_rows` ({position: {column: value}}) merged in."""
    out = [dict(r) for r in rows]
    for position, change in (edited or {}).items():
        row = out[int(position)]
        for column, value in change.items():
            if column in EDITABLE:
                row[column] = bool(value) if column == "include" else ("" if value is None else str(value).strip())
        row["missing"] = ", ".join(template.missing(row))
    return out


def set_field(rows: list[dict], row_id: int, column: str, value: str) -> list[dict]:
    """`rows` with one field of one row changed (the detail panel's indicator choice)."""
    return apply_edits(rows, {next(i for i, r in enumerate(rows) if r["id"] == row_id): {column: value}})


def indicator_options(row: dict, catalogue: list[str]) -> list[str]:
    """The catalogue with this row's indicator and its closest matches first."""
    first = [row["indicator"]] if row["indicator"] else [""]
    first += [a for a in row.get("alternatives", []) if a not in first]
    return first + sorted(i for i in catalogue if i not in first)


def accept_confident(rows: list[dict]) -> list[dict]:
    """Every row that is confident and complete ticked (others left as they are)."""
    return [{**r, "include": r["include"] or (r["confidence"] >= HIGH_CONFIDENCE and not r["missing"])}
            for r in rows]


def blocked(rows: list[dict]) -> list[dict]:
    """Ticked rows that still lack a required field (they cannot be imported yet)."""
    return [r for r in rows if r["include"] and r["missing"]]


def accepted(rows: list[dict]) -> list[dict]:
    """Ticked rows with every required field."""
    return [r for r in rows if r["include"] and not r["missing"]]


def digest(rows: list[dict]) -> str:
    """A fingerprint of the ticked rows (a preview is valid only for the rows it showed)."""
    keep = [{k: r[k] for k in EDITABLE} for r in accepted(rows)]
    return hashlib.sha256(json.dumps(keep, sort_keys=True).encode()).hexdigest()[:16]


def import_file(rows: list[dict], source: dict) -> bytes:
    """The accepted rows as an import CSV (the template's columns)."""
    return template.csv_bytes(template.rows(accepted(rows), source))


def file_name(title: str) -> str:
    """A plain file name for the import made from a document."""
    from govdash.text import fold
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:50] or "van-ban"
    return f"tu-van-ban-{slug}.csv"


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$<])")


def escape_markdown(text: str) -> str:
    """Text shown through Markdown exactly as written (no formatting, links or HTML)."""
    return _MARKDOWN.sub(r"\\\1", text).replace("\n", " ")


def highlighted(row: dict) -> str:
    """The row's quote as Markdown with its number marked."""
    quote, at = row["quote"], row["start"] - row["quote_start"]
    width = row["end"] - row["start"]
    return (escape_markdown(quote[:at]) + " :orange-background[**" + escape_markdown(quote[at:at + width])
            + "**] " + escape_markdown(quote[at + width:]))
