"""Tables of figures as users read them: localized headers and values, status, source, quote."""
from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype

from govdash import fmt
from govdash.i18n import pick, t

# Rows from which a column is boxed once per distinct value: finding them costs ~70 µs a column,
# boxing a Timestamp ~0.7 µs and a str ~0.2 µs (measured on a national budget page's rows).
DATES_ONCE_FROM, TEXT_ONCE_FROM = 64, 512


def records(frame: pd.DataFrame) -> list[dict]:
    """What `frame.to_dict("records")` gives, for a fraction of its cost: read a column at a
    time, boxed as it boxes (Python scalars, Timestamps; a missing value of a nullable column as
    None). In a long frame a text or date column is boxed once per distinct value (they repeat:
    a page's rows name a few localities, indicators, units and periods), so equal values are one
    object, which keeps a page view cached per selection small, and it is faster."""
    dates_once, text_once = len(frame) >= DATES_ONCE_FROM, len(frame) >= TEXT_ONCE_FROM
    columns = []
    for _, column in frame.items():
        boxed = column.dtype == object or isinstance(column.dtype, ExtensionDtype)
        if (text_once and boxed) or (dates_once and column.dtype.kind == "M"):
            columns.append(_boxed_once(column))
        elif boxed:
            columns.append([_box(v) for v in column.tolist()])
        else:
            columns.append(column.tolist())
    names = list(frame.columns)
    return [dict(zip(names, row)) for row in zip(*columns)]


def _box(value):
    return None if value is pd.NA else value.item() if isinstance(value, np.generic) else value


def _boxed_once(column: pd.Series) -> list:
    """A column's values boxed as `tolist` boxes them, one object per distinct value."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    boxes = [_box(v) for v in uniques.tolist()]
    if len(boxes) < len(codes) and (codes < 0).any():  # the missing value as this dtype boxes it
        boxes.append(_box(column[codes < 0].iloc[:1].tolist()[0]))
    return [boxes[c] for c in codes.tolist()]


def display_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Figures (rows of the `facts`-shaped queries) as a localized table, one row per figure.

    Expects columns: locality name, indicator name(s), value, unit_kind, decimals, qualifier,
    status, body, period_*, source title, quote. The value column is text as shown on screen;
    `value_number` keeps the plain number for downloads.
    """
    out = []
    for r in records(df):  # plain dicts: a Series per row would cost more than the rest
        unit = pick(r, "unit", lang)
        out.append({
            t("sidebar_locality", lang): pick(r, "locality_name", lang),
            t("indicator_label", lang): pick(r, "indicator_name", lang),
            t("period_label", lang): fmt.period(r["period_start"], r["period_end"], r["period_kind"], lang),
            t("body_label", lang): t("body_" + r["body"], lang),
            t("value_label", lang): fmt.value_with_unit(r["value"], r["unit_kind"], unit, lang,
                                                        int(r["decimals"]), r["qualifier"]),
            "value_number": r["value"],
            "unit": unit,
            t("status_label", lang): status_text(r, lang),
            t("source_label", lang): r["source_title"],
            t("quote_label", lang): r["quote"],
            "figure_id": r["figure_id"],
        })
    return pd.DataFrame(out)


def status_text(row, lang: str) -> str:
    """A figure's status in words, plus the marks for a figure not preferred or flagged: the one
    status label every table, hover and card uses."""
    parts = [t("status_" + row["status"], lang)]
    if "preferred" in row and row["preferred"] is not None and not bool(row["preferred"]):
        parts.append(t("dom_not_preferred", lang))
    if "flag" in row and fmt.is_present(row["flag"]):
        parts.append(t("dom_flag_" + str(row["flag"]), lang))
    return " · ".join(parts)
