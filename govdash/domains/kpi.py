"""KPI cards as plain data: value text, delta against the previous comparable period, colour, help.

No Streamlit here, so the wording and the arithmetic are unit-tested; `govdash.ui` renders them.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from govdash import fmt
from govdash.i18n import pick, t
from govdash.tables import records


@dataclass(frozen=True)
class Card:
    """One KPI card."""
    label: str
    value: str
    delta: str | None
    delta_color: str  # "green" / "red" by whether the change is good, "gray" when neutral
    delta_arrow: str  # "up", "down" or "off"
    caption: str
    help: str


def _unit(row: pd.Series, lang: str) -> str:
    return pick(row, "unit", lang)


def value_text(row: pd.Series, lang: str) -> str:
    """The figure as a card shows it: qualifier mark, number, unit."""
    return fmt.value_with_unit(row["value"], row["unit_kind"], _unit(row, lang), lang,
                               int(row["decimals"]), row["qualifier"])


def delta_text(row: pd.Series, lang: str) -> str | None:
    """Change against the previous comparable figure, or None when there is none.

    Percentages change in percentage points. A change involving a bound or an approximation
    ("trên 103.600", "khoảng") is itself approximate and says so with ≈.
    """
    prev = row.get("previous_value")
    if fmt.is_missing(prev) or row["unit_kind"] == "change":
        return None
    diff = _diff(row)
    unit = ("điểm %" if lang == "vi" else "pp") if row["unit_kind"] == "percent" else _unit(row, lang)
    inexact = row["qualifier"] != "exact" or (row.get("previous_qualifier") or "exact") != "exact"
    text = f"{'≈ ' if inexact else ''}{fmt.signed(diff, lang, int(row['decimals']))} {unit}".rstrip()
    period = fmt.period(row["previous_period_start"], row["previous_period_end"], row["period_kind"], lang)
    text = f"{text} {t('delta_vs', lang, period=period)}"
    if row.get("previous_status") not in (None, "reported"):
        text += f" ({t('status_' + row['previous_status'], lang)})"
    return text


def _diff(row: pd.Series) -> float:
    return round(float(row["value"]) - float(row["previous_value"]), 6)


def delta_style(row: pd.Series) -> tuple[str, str]:
    """(colour, arrow) of the change: green when it goes the way metadata says is better."""
    if fmt.is_missing(row.get("previous_value")) or row["unit_kind"] == "change":
        return "gray", "off"
    diff = _diff(row)
    if diff == 0:
        return "gray", "off"
    arrow = "up" if diff > 0 else "down"
    better = str(row.get("higher_is_better") or "")
    if better not in ("true", "false"):
        return "gray", arrow
    good = (diff > 0) == (better == "true")
    return ("green" if good else "red"), arrow


def card_value(row: pd.Series, lang: str) -> str:
    """The big number of a card: qualifier mark and number; `%` for shares; units go in the label."""
    unit = _unit(row, lang) if row["unit_kind"] == "money" else ""
    return fmt.value_with_unit(row["value"], row["unit_kind"], unit, lang, int(row["decimals"]),
                               row["qualifier"])


def card_label(row: pd.Series, lang: str, show_body: bool = False) -> str:
    """Indicator name; the body when cards of one indicator differ by body; the unit for money."""
    label = pick(row, "indicator_name", lang)
    if show_body:
        label += f" — {t('body_' + row['body'], lang)}"
    if row["unit_kind"] == "ratio":
        label += f" ({_unit(row, lang)})"
    return label


def cards(rows: pd.DataFrame, lang: str) -> list[Card]:
    """Cards for figure rows; the body is named where one indicator appears for several bodies."""
    repeated = set(rows["indicator"][rows["indicator"].duplicated()])
    return [card(r, lang, show_body=r["indicator"] in repeated) for _, r in rows.iterrows()]


def card(row: pd.Series, lang: str, show_body: bool = False) -> Card:
    """The card of one figure row from the `overview_kpis` query."""
    period = fmt.period(row["period_start"], row["period_end"], row["period_kind"], lang)
    status = t("status_" + row["status"], lang)
    caption = f"{period} · {t('body_' + row['body'], lang)}"
    if row["status"] != "reported":
        caption += f" · {status}"
    source = f"{t('source_label', lang)}: {row['source_title']} ({row['source_publisher']})"
    help_text = f"{source}\n\n{t('quote_label', lang)}: “{row['quote']}”\n\n{t('status_label', lang)}: {status}"
    colour, arrow = delta_style(row)
    return Card(label=card_label(row, lang, show_body), value=card_value(row, lang),
                delta=delta_text(row, lang), delta_color=colour, delta_arrow=arrow,
                caption=caption, help=help_text)


def headline_rows(results: pd.DataFrame, minimum: int = 4, maximum: int = 8) -> pd.DataFrame:
    """The figures worth a card: headline indicators first, topped up by sort order to `minimum`.

    One card per indicator and body (the first period), so a year never shows two cards that
    look alike (`headline_positions` on the frame's rows).
    """
    return results.iloc[headline_positions(records(results), list(range(len(results))), minimum, maximum)]


def headline_positions(recs: list[dict], positions: list[int], minimum: int = 4,
                       maximum: int = 8) -> list[int]:
    """The positions (of `recs`, among `positions`) of the figures worth a card, in card
    order: headline indicators first, then by sort order and period start; one per indicator
    and body; the headline ones up to `maximum` when there are `minimum` of them, else the
    first `minimum` (or every headline one). On plain dicts, so a page takes only those rows."""
    ordered = sorted(positions, key=lambda i: (not recs[i]["headline"], recs[i]["sort_order"],
                                               recs[i]["period_start"]))
    seen: set[tuple] = set()
    unique = [i for i in ordered
              if (key := (recs[i]["indicator"], recs[i]["body"])) not in seen and not seen.add(key)]
    headline = [i for i in unique if recs[i]["headline"]]
    if len(headline) >= minimum:
        return headline[:maximum]
    return unique[:max(minimum, len(headline))]
