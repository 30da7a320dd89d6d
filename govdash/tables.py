"""Tables of figures as users read them: localized headers and values, status, source, quote."""
from __future__ import annotations

import pandas as pd

from govdash import fmt
from govdash.i18n import t


def display_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Figures (rows of the `facts`-shaped queries) as a localized table, one row per figure.

    Expects columns: locality name, indicator name(s), value, unit_kind, decimals, qualifier,
    status, body, period_*, source title, quote. The value column is text as shown on screen;
    `value_number` keeps the plain number for downloads.
    """
    out = []
    for r in df.to_dict("records"):  # plain dicts: a Series per row would cost more than the rest
        unit = r["unit_en"] if lang == "en" else r["unit_vi"]
        out.append({
            t("sidebar_locality", lang): r["locality_name_en"] if lang == "en" else r["locality_name"],
            t("indicator_label", lang): r["indicator_name_en"] if lang == "en" else r["indicator_name"],
            t("period_label", lang): fmt.period(r["period_start"], r["period_end"], r["period_kind"], lang),
            t("body_label", lang): t("body_" + r["body"], lang),
            t("value_label", lang): fmt.value_with_unit(r["value"], r["unit_kind"], unit, lang,
                                                        int(r["decimals"]), r["qualifier"]),
            "value_number": r["value"],
            "unit": unit,
            t("status_label", lang): _status(r, lang),
            t("source_label", lang): r["source_title"],
            t("quote_label", lang): r["quote"],
            "figure_id": r["figure_id"],
        })
    return pd.DataFrame(out)


def _status(row, lang: str) -> str:
    """Status, marked when the figure is not the preferred one or is flagged."""
    text = t("status_" + row["status"], lang)
    if "preferred" in row and row["preferred"] is not None and not bool(row["preferred"]):
        text += " · " + t("dom_not_preferred", lang)
    if "flag" in row and isinstance(row["flag"], str) and row["flag"]:
        text += " · " + t("dom_flag_" + row["flag"], lang)
    return text
