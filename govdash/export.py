"""Downloads of exactly what is shown: CSV that Excel opens correctly and cannot execute."""
from __future__ import annotations

import re

import pandas as pd

from govdash import fmt

# OWASP's CSV-injection rule: a cell starting with any of these may be run as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d.,]*%?$")  # a signed number is data, never a formula


def inert(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe (every
    export: CSV downloads, templates, `facts`); a plain signed number such as `-2,5` stays."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells are formula-inert; numbers stay numbers."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(inert)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (so Excel reads Vietnamese correctly), formula-safe; numbers written by
    `fmt.plain` (`333000`, never `333000.0`; `81.5` as the figure has it)."""
    out = safe_frame(df)
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]) or out[col].map(lambda v: isinstance(v, float)).any():
            out[col] = out[col].map(lambda v: fmt.plain(v) if isinstance(v, (int, float)) else v)
    return out.to_csv(index=False).encode("utf-8-sig")
