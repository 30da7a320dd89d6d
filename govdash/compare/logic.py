"""The compare page without Streamlit: the view's state and its URL form, picker labels and
diacritic-free search, the rows each view shows, chart inputs, table and download frames.

Rows come from the `compare_figures` query (one row per figure and series; on today's
boundaries sums over merged localities are rows of their own, marked `derived`, or
`complete = false` when a predecessor lacks the figure). Nothing here computes a figure: it
selects, labels and formats what the query returned.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from govdash import fmt, tables
from govdash.i18n import pick, t, t_md
from govdash.localities import unique_labels
from govdash.state import Notice, url_value
from govdash.text import fold, matches

VIEWS = ("lines", "bars", "multiples", "table")
BOUNDS = ("published", "current")
MAX_LOCALITIES = 12
PICKER_LIMIT = 500  # more localities than this are offered an area at a time
COVERAGE_ROWS = 20  # heatmap rows: the chosen localities, then those with most figures
URL_KEYS = ("ind", "body", "locs", "view", "year", "bounds")
_YEAR = re.compile(r"^\d{4}$")


DEFAULT_PEERS = 4  # localities of the same level and region a comparison opens with


@dataclass(frozen=True)
class View:
    """Everything the compare page shows besides the shared years and language."""
    indicator: str
    body: str | None
    localities: tuple[str, ...]
    view: str = "lines"
    bounds: str = "published"
    year: int | None = None  # the ranked year of the bars view

    def to_query(self) -> dict[str, str]:
        """The query-string form; the ranked year only when the bars view shows it."""
        query = {"ind": self.indicator, "locs": ",".join(self.localities), "view": self.view,
                 "bounds": self.bounds}
        if self.body:
            query["body"] = self.body
        if self.view == "bars" and self.year is not None:
            query["year"] = str(self.year)
        return query


# ---------------------------------------------------------------- metadata helpers

def indicator_row(indicators: pd.DataFrame, indicator: str) -> pd.Series:
    """The `compare_indicators` row of `indicator`."""
    return indicators.iloc[int(np.flatnonzero(indicators["indicator"].to_numpy() == indicator)[0])]


def name_of(row: pd.Series, lang: str) -> str:
    """The name of a locality or indicator row in `lang`."""
    return pick(row, "name", lang)


def unit_of(meta: pd.Series, lang: str) -> str:
    """An indicator's unit in `lang`, from metadata."""
    return pick(meta, "unit", lang)


def default_indicator(indicators: pd.DataFrame) -> str:
    """The headline indicator with the most full-year figures (ties: catalogue order)."""
    pool = indicators[indicators["headline"] & (indicators["annual_count"] > 0)]
    if pool.empty:
        pool = indicators
    pool = pool.sort_values(["annual_count", "sort_order"], ascending=[False, True], kind="stable")
    return str(pool.iloc[0]["indicator"])


def bodies_of(indicators: pd.DataFrame, indicator: str) -> list[str]:
    """The bodies an indicator has figures for, the one with most full-year figures first."""
    return [str(b) for b in indicator_row(indicators, indicator)["bodies"]]


def allowed_localities(localities: pd.DataFrame, bounds: str) -> list[str]:
    """Codes a user may pick: every locality as published, today's units on today's boundaries."""
    if bounds == "current":
        return list(localities[localities["is_current"]]["code"])
    return list(localities["code"])


def to_bounds(codes: list[str], localities: pd.DataFrame,
              bounds: str) -> tuple[list[str], list[tuple[str, str | None]]]:
    """The codes valid in `bounds` (a former unit becomes its successor) and what was changed:
    (old, new) pairs, new None for a former unit without a successor in the data."""
    if bounds != "current":
        return list(dict.fromkeys(codes)), []
    rows = localities.set_index("code")
    out, changed = [], []
    for code in codes:
        row = rows.loc[code]
        if not row["is_current"]:
            successor = row["successor_code"] if present(row["successor_code"]) else None
            changed.append((code, successor))
            if successor is None:
                continue
            code = successor
        if code not in out and rows.loc[code]["is_current"]:
            out.append(code)
    return out, changed


def as_list(value: object) -> list:
    """A list column's value as a list (DuckDB lists arrive as arrays, nulls as None)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return []
    return list(value)


present = fmt.is_present  # shared with the other modules


def by_code(localities: pd.DataFrame) -> dict[str, dict]:
    """Locality rows by code, as plain dicts (looking rows up in a frame costs a Series each)."""
    return {r["code"]: r for r in localities.to_dict("records")}


# ---------------------------------------------------------------- URL parsing

def parse_query(params: dict, indicators: pd.DataFrame, localities: pd.DataFrame,
                default_locality: str, years: tuple[int, int],
                first_allowed: dict[str, str | None] | None = None) -> tuple[View, list[Notice]]:
    """The compare view from URL parameters; a bad value is dropped with a notice, never raised.

    `localities` needs only the rows of the address's codes, of `default_locality` and of the
    units they became part of; `first_allowed` (per boundary mode) is the last resort when none
    of them can be shown (the first locality a user may pick, when `localities` is not all)."""
    notices: list[Notice] = []
    known = set(indicators["indicator"])
    fallback = default_indicator(indicators)
    indicator = url_value(params, "ind") or fallback
    if indicator not in known:
        notices.append(Notice("cmp_notice_bad_indicator", {"value": indicator[:40], "indicator": fallback}))
        indicator = fallback

    bodies = bodies_of(indicators, indicator)
    body = url_value(params, "body")
    if body is not None and body not in bodies:
        if bodies:
            notices.append(Notice("cmp_notice_bad_body", {"value": body[:40], "body": bodies[0]}))
        body = None
    body = body or (bodies[0] if bodies else None)

    bounds = url_value(params, "bounds") or "published"
    if bounds not in BOUNDS:
        notices.append(Notice("cmp_notice_bad_bounds", {"value": bounds[:40]}))
        bounds = "published"

    codes = _parse_localities(params.get("locs"), localities, bounds, notices)
    if not codes:
        codes = to_bounds([default_locality], localities, bounds)[0]
    if not codes:
        first = (first_allowed or {}).get(bounds) or allowed_localities(localities, bounds)[0]
        codes = [first]

    view = url_value(params, "view") or "lines"
    if view not in VIEWS:
        notices.append(Notice("cmp_notice_bad_view", {"value": view[:40]}))
        view = "lines"

    raw_year, year = url_value(params, "year"), None
    if raw_year is not None:
        if _YEAR.match(raw_year) and years[0] <= int(raw_year) <= years[1]:
            year = int(raw_year)
        else:
            notices.append(Notice("cmp_notice_bad_year", {"value": raw_year[:20]}))
    return View(indicator, body, tuple(codes), view, bounds, year), notices


def query_codes(raw: object) -> list[str]:
    """The locality codes written in the address (`locs`), unchecked."""
    if raw is None:
        return []
    text = ",".join(raw) if isinstance(raw, (list, tuple)) else str(raw)
    return [c for c in (c.strip() for c in text.split(",")) if c]


def _parse_localities(raw: object, localities: pd.DataFrame, bounds: str,
                      notices: list[Notice]) -> list[str]:
    known = set(localities["code"])
    codes = []
    for code in query_codes(raw):
        if code not in known:
            notices.append(Notice("cmp_notice_bad_locality", {"value": code[:40]}))
            continue
        codes.append(code)
    codes, mapped = to_bounds(codes, localities, bounds)
    for old, new in mapped:
        if new is None:
            notices.append(Notice("cmp_notice_not_current", {"old_code": old}))
        else:
            notices.append(Notice("cmp_notice_mapped_locality", {"old_code": old, "new_code": new}))
    if len(codes) > MAX_LOCALITIES:
        notices.append(Notice("cmp_notice_too_many", {"n": MAX_LOCALITIES}))
        codes = codes[:MAX_LOCALITIES]
    return codes


def notice_text(notice: Notice, lang: str, localities: pd.DataFrame, indicators: pd.DataFrame) -> str:
    """A notice in words, for a Markdown-rendering element (every value escaped): codes of
    localities, indicators and bodies become their names."""
    values = dict(notice.values)
    names = by_code(localities)
    for key, target in (("old_code", "old"), ("new_code", "new")):
        if key in values:
            values[target] = name_of(names[values.pop(key)], lang)
    if "indicator" in values:
        values["name"] = name_of(indicator_row(indicators, values.pop("indicator")), lang)
    if "body" in values:
        values["name"] = t("body_" + values.pop("body"), lang)
    return t_md(notice.key, lang, **values)


def share_query(view: View, shared: dict[str, str]) -> str:
    """The query string that reopens this exact view (shared selection first)."""
    return urlencode({**shared, **view.to_query()})


# ---------------------------------------------------------------- picker labels and search

def locality_option_label(row: pd.Series, lang: str, bounds: str) -> str:
    """A locality as the picker shows it, findable by its former or new name with or without
    diacritics: `Hải Phòng (gồm Hải Dương) · hai phong hai duong`."""
    name = name_of(row, lang)
    extra, spoken = "", [row["name_vi"]]
    preds_vi = list(row["predecessor_names_vi"])
    if bounds == "current" and preds_vi:
        preds = list(row["predecessor_names_en"]) if lang == "en" else preds_vi
        extra = t("cmp_option_includes", lang, names=", ".join(preds))
        spoken += preds_vi
    elif present(row["successor_code"]):
        successor = pick(row, "successor_name", lang)
        extra = t("cmp_option_now_in", lang, name=successor)
        spoken.append(row["successor_name_vi"])
    if row.get("other_names_vi"):  # code 24, Bắc Ninh today, was Bắc Giang
        former = t("formerly_named", lang, names=pick(row, "other_names", lang))
        extra = f"{extra}; {former}" if extra else former
        spoken.append(row["other_names_vi"])
    label = f"{name} ({extra})" if extra else name
    folded = " ".join(fold(s) for s in spoken)
    return label if fold(label) == label else f"{label} · {folded}"


def locality_options(offered: pd.DataFrame, chosen: pd.DataFrame, codes: tuple[str, ...], bounds: str,
                     lang: str) -> tuple[list[str], dict[str, str]]:
    """The picker's options and their labels: the offered localities in display order, then any
    chosen one they lack (a choice is never dropped because the list shows another area)."""
    rows = {r["code"]: r for r in offered.to_dict("records")}
    known = {r["code"]: r for r in chosen.to_dict("records")}
    options = list(rows) + [c for c in codes if c not in rows and c in known]
    labels = {c: locality_option_label(rows.get(c) or known[c], lang, bounds) for c in options}
    return options, unique_labels(labels)


def area_of(row: pd.Series | dict, bounds: str) -> str:
    """The area (province-level unit) a locality lies in, as published or today."""
    return row["current_area_code"] if bounds == "current" else row["area_code"]


def default_area(chosen: pd.DataFrame, codes: tuple[str, ...], bounds: str) -> str | None:
    """The area a national picker opens on: that of the first chosen locality below province
    level, else none (the province-level list)."""
    rows = {r["code"]: r for r in chosen.to_dict("records")}
    for code in codes:
        if code in rows and area_of(rows[code], bounds) != code:
            return str(area_of(rows[code], bounds))
    return None


def indicator_option_label(row: pd.Series, lang: str) -> str:
    """An indicator as the picker shows it: name, unit, and a mark when it has no figures."""
    label = f"{name_of(row, lang)} ({unit_of(row, lang)})"
    if row["figure_count"] == 0:
        label += " · " + t("no_data_suffix", lang)
    return label


def indicator_matches(text: str, row: pd.Series) -> bool:
    """True when `text` finds the indicator by its Vietnamese or English name, id or unit."""
    return matches(text, row["name_vi"], row["name_en"], row["indicator"], row["unit_vi"],
                   row["unit_en"])


def indicator_options(indicators: pd.DataFrame, domain: str | None, search: str | None) -> list[str]:
    """Indicators of `domain` (all when None) matching `search`, those with figures first."""
    pool = indicators if not domain else indicators[indicators["domain"] == domain]
    if search and search.strip():
        pool = pool[[indicator_matches(search, r) for r in pool.to_dict("records")]]
    pool = pool.assign(empty=pool["figure_count"].eq(0)).sort_values(["empty", "sort_order"], kind="stable")
    return list(pool["indicator"])


# ---------------------------------------------------------------- series and view rows

def series_labels(rows: pd.DataFrame, codes: tuple[str, ...], localities: pd.DataFrame,
                  lang: str) -> dict[str, str]:
    """Legend names of the series (code → label) in display order: chosen localities first, each
    followed by the predecessors shown beside it; a sum over merged units says it is on today's
    boundaries. A series is named as its locality was named in the periods it shows (code 24 is
    "Bắc Giang" for 2023), and no two series ever share a label (the code is added)."""
    names = by_code(localities)
    era_names = _era_names(rows, lang)
    members: dict[str, list[tuple[str, str]]] = {}  # parent code -> (role, series code) of its rows
    for parent, role, series in zip(rows["parent_code"].tolist(), rows["series_role"].tolist(),
                                    rows["series_code"].tolist()):
        members.setdefault(parent, []).append((role, series))
    labels: dict[str, str] = {}
    for code in codes:
        own = members.get(code, [])
        name = era_names.get(code) or name_of(names[code], lang)
        merged = any(role == "merged" for role, _ in own)
        labels[code] = t("cmp_series_merged", lang, name=name) if merged else name
        for pred in dict.fromkeys(series for role, series in own if role == "predecessor"):
            pred_name = era_names.get(pred) or name_of(names[pred], lang)
            labels[pred] = t("cmp_series_predecessor", lang, name=pred_name,
                             successor=name_of(names[code], lang))
    return unique_labels(labels)


def _era_names(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each series' name(s) in the periods of its rows, oldest first: `Bắc Giang → Bắc Ninh`."""
    column = "series_name_en" if lang == "en" else "series_name_vi"
    if rows.empty or column not in rows:
        return {}
    ordered = rows.sort_values("period_end", kind="stable")
    out: dict[str, list[str]] = {}
    for code, name in zip(ordered["series_code"].tolist(), ordered[column].tolist()):
        seen = out.setdefault(code, [])
        if present(name) and name not in seen:
            seen.append(name)
    return {code: " → ".join(seen) for code, seen in out.items() if seen}


def is_gap(rows: pd.DataFrame) -> pd.Series:
    """Rows that mark an incomplete sum of a full-year result (drawn as a gap with a note)."""
    return (~rows["complete"]) & (rows["period_kind"] == "year") & (rows["status"] != "planned")


def view_rows(rows: pd.DataFrame, view: View) -> pd.DataFrame:
    """Exactly the rows a view shows: charted full years (and incomplete sums) for the charts,
    one year for the bars, every figure for the table."""
    if view.view == "table":
        return rows
    shown = rows[rows["chartable"] | is_gap(rows)]
    if view.view == "bars":
        shown = shown[shown["year"] == view.year]
    return shown


def bar_year(rows: pd.DataFrame, wanted: int | None, years: tuple[int, int]) -> int:
    """The ranked year: the one asked for, else the year in which most series have a charted
    figure (the latest of those), else the last year of the range."""
    if wanted is not None and years[0] <= wanted <= years[1]:
        return wanted
    charted = rows[rows["chartable"]].groupby("year")["series_code"].nunique()
    if charted.empty:
        return years[1]
    return int(charted[charted == charted.max()].index.max())


# ---------------------------------------------------------------- values in words

def value_text(value: object, qualifier: str, meta: pd.Series, lang: str, unit: bool = True) -> str:
    """A value as shown: qualifier mark, number, unit (`> 103.600 tỷ đồng`)."""
    return fmt.value_with_unit(None if not present(value) else float(value), meta["unit_kind"],
                               unit_of(meta, lang) if unit else "", lang, int(meta["decimals"]),
                               qualifier)


def status_text(row: pd.Series, lang: str) -> str:
    """Status in words; sums say they are sums and whether an estimate went into them."""
    if not row["complete"]:
        return t("cmp_status_incomplete", lang)
    if row["derived"] and row["status"] != "planned":
        return t("cmp_status_sum_estimated" if row["includes_estimate"] else "cmp_status_sum", lang)
    return tables.status_text(row, lang)


def components_text(row: pd.Series, meta: pd.Series, lang: str, names: dict[str, dict]) -> str:
    """The figures a sum is made of, and what it lacks: `Hải Phòng ≈ 98.000 (fx-b-01) + …`."""
    if not row["derived"]:
        return ""
    parts = []
    for code, value, qual, fid in zip(as_list(row["component_codes"]), as_list(row["component_values"]),
                                      as_list(row["component_qualifiers"]), as_list(row["component_ids"])):
        parts.append(f"{name_of(names[code], lang)} {value_text(value, qual, meta, lang, unit=False)} ({fid})")
    text = " + ".join(parts)
    if not row["complete"]:
        text += " · " + t("cmp_why_incomplete", lang, missing=missing_names(row, names, lang))
    return text


def missing_names(row: pd.Series, names: dict[str, dict], lang: str) -> str:
    """The localities whose figure an incomplete sum lacks."""
    codes = as_list(row["missing_codes"])
    return ", ".join(name_of(names[c], lang) for c in codes)


def why_not_charted(row: pd.Series, lang: str, names: dict[str, dict]) -> str:
    """Why a figure is not on the yearly chart ('' when it is)."""
    if row["chartable"]:
        return ""
    if not row["complete"]:
        return t("cmp_why_incomplete", lang, missing=missing_names(row, names, lang))
    if row["status"] == "planned":
        return t("cmp_why_planned", lang)
    if not row["preferred"]:
        return t("cmp_why_not_preferred", lang)
    return t("cmp_why_period", lang, kind=t("cmp_kind_" + row["period_kind"], lang))


def _sources(row: pd.Series, titles: dict[str, str]) -> list[str]:
    if row["derived"]:
        return [titles.get(s, s) for s in dict.fromkeys(as_list(row["component_sources"]))]
    return [row["source_title"]] if present(row["source_title"]) else []


def _flag_text(row: pd.Series, lang: str) -> str:
    flags = [f for f in str(row["flag"]).split(";") if f] if present(row["flag"]) else []
    return ", ".join(t("cmp_flag_" + f, lang) for f in flags)


# ---------------------------------------------------------------- tables and downloads

def export_frame(rows: pd.DataFrame, meta: pd.Series, lang: str, labels: dict[str, str],
                 localities: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """The rows as a download: localized headers, values as plain numbers with their qualifier
    and unit in columns of their own, status, notes, components, sources and quotes."""
    names = by_code(localities)
    out = []
    for r in rows.to_dict("records"):
        notes = [n for n in (why_not_charted(r, lang, names), _flag_text(r, lang),
                             r["derivation"] if present(r["derivation"]) else "") if n]
        out.append({
            t("cmp_col_locality", lang): labels.get(r["series_code"], r["series_code"]),
            t("cmp_col_code", lang): r["series_code"],
            t("indicator_label", lang): name_of(meta, lang),
            t("body_label", lang): t("body_" + r["body"], lang),
            t("period_label", lang): fmt.period(r["period_start"], r["period_end"], r["period_kind"], lang),
            t("cmp_col_year", lang): int(r["year"]),
            t("value_label", lang): float(r["value"]) if present(r["value"]) else None,
            t("cmp_col_qualifier", lang): t("qualifier_" + r["qualifier"], lang) if r["complete"] else "",
            t("cmp_col_unit", lang): unit_of(meta, lang),
            t("status_label", lang): status_text(r, lang),
            t("cmp_col_rank", lang): int(r["rank"]) if present(r["rank"]) else None,
            t("cmp_col_charted", lang): t("cmp_yes" if r["chartable"] else "cmp_no", lang),
            t("cmp_col_note", lang): "; ".join(notes),
            t("cmp_col_components", lang): components_text(r, meta, lang, names),
            t("source_label", lang): "; ".join(_sources(r, titles)),
            t("quote_label", lang): r["quote"] if present(r["quote"]) else "",
            t("cmp_col_figure_id", lang): r["figure_id"] if present(r["figure_id"])
            else " + ".join(as_list(r["component_ids"])),
        })
    frame = pd.DataFrame(out)
    if not frame.empty:
        frame[t("cmp_col_rank", lang)] = frame[t("cmp_col_rank", lang)].astype("Int64")
    return frame


def display_frame(export: pd.DataFrame, rows: pd.DataFrame, meta: pd.Series, lang: str,
                  links: list[str], view: str) -> pd.DataFrame:
    """The download frame as the screen shows it: the value in words (qualifier, number, unit),
    a link to each figure's source; columns that say nothing in this view are left out."""
    shown = export.copy()
    shown.insert(shown.columns.get_loc(t("value_label", lang)), "value_text", [
        value_text(r["value"], r["qualifier"], meta, lang) if r["complete"]
        else t("cmp_incomplete_short", lang) for r in rows.to_dict("records")])
    shown = shown.drop(columns=[t("value_label", lang), t("cmp_col_qualifier", lang),
                                t("cmp_col_unit", lang), t("cmp_col_code", lang),
                                t("indicator_label", lang)])
    shown = shown.rename(columns={"value_text": t("value_label", lang)})
    shown[t("cmp_col_link", lang)] = links
    if view != "bars":
        shown = shown.drop(columns=[t("cmp_col_rank", lang)])
    if view != "table":
        shown = shown.drop(columns=[t("cmp_col_charted", lang)])
    if not shown.empty and (shown[t("cmp_col_components", lang)] == "").all():
        shown = shown.drop(columns=[t("cmp_col_components", lang)])
    return shown


def sources_frame(rows: pd.DataFrame, meta: pd.Series, lang: str, labels: dict[str, str],
                  localities: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per figure behind the rows (each component of a sum too): the source document,
    its publisher, date, reliability and address, and the quote the figure is read from."""
    names = by_code(localities)
    by_id = sources.set_index("source_id")
    out = []
    for r in rows.to_dict("records"):
        period = fmt.period(r["period_start"], r["period_end"], r["period_kind"], lang)
        used_for = f"{labels.get(r['series_code'], r['series_code'])}, {period}"
        if r["derived"]:
            items = zip(*(as_list(r[c]) for c in ("component_ids", "component_codes", "component_values",
                                                  "component_qualifiers", "component_statuses",
                                                  "component_sources", "component_quotes")))
        elif present(r["figure_id"]):
            items = [(r["figure_id"], r["locality_code"], r["value"], r["qualifier"], r["status"],
                      r["source_id"], r["quote"])]
        else:
            items = []
        for fid, code, value, qual, status, source_id, quote in items:
            src = by_id.loc[source_id]
            out.append({
                t("cmp_col_figure_id", lang): fid,
                t("cmp_col_locality", lang): name_of(names[code], lang),
                t("period_label", lang): period,
                t("value_label", lang): float(value),
                t("cmp_col_qualifier", lang): t("qualifier_" + qual, lang),
                t("cmp_col_unit", lang): unit_of(meta, lang),
                t("status_label", lang): t("status_" + status, lang),
                t("cmp_src_col_used_for", lang): used_for,
                t("cmp_src_col_source_id", lang): source_id,
                t("source_label", lang): src["title"],
                t("cmp_col_publisher", lang): src["publisher"],
                t("cmp_src_col_published", lang): src["published"] if present(src["published"]) else "",
                t("cmp_src_col_reliability", lang): t("reliability_" + src["reliability"], lang),
                t("cmp_src_col_url", lang): src["url"] if present(src["url"]) else "",
                t("quote_label", lang): quote,
            })
    return pd.DataFrame(out).drop_duplicates(subset=[t("cmp_col_figure_id", lang)]) if out else pd.DataFrame(out)


def about_frame(lang: str, title: str, meta: pd.Series, view: View, link: str) -> pd.DataFrame:
    """The third sheet of the Excel file: what the data sheet holds and how to reopen it."""
    rows = [
        (t("cmp_about_title", lang), title),
        (t("cmp_about_indicator", lang), f"{name_of(meta, lang)} ({unit_of(meta, lang)})"),
        (t("cmp_about_description", lang), meta["description_en"] if present(meta["description_en"]) else ""),
        (t("cmp_about_bounds", lang), t("cmp_bounds_" + view.bounds, lang)),
        (t("cmp_about_view", lang), t("cmp_view_" + view.view, lang)),
        (t("cmp_about_rules_label", lang), t("cmp_about_rules", lang)),
        (t("cmp_about_link", lang), link),
    ]
    return pd.DataFrame(rows, columns=["", " "])


# ---------------------------------------------------------------- chart inputs

def chart_points(rows: pd.DataFrame, meta: pd.Series, lang: str, labels: dict[str, str],
                 localities: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Charted figures as chart points: series, year, value, short label, style and hover text
    naming the source document (escaped: quotes are data, never markup)."""
    names = by_code(localities)
    charted = rows[rows["chartable"]]
    out = []
    for r in charted.to_dict("records"):
        series = labels.get(r["series_code"], r["series_code"])
        sources = _sources(r, titles)
        hover = [f"<b>{html.escape(series)}</b> · {int(r['year'])}",
                 html.escape(value_text(r["value"], r["qualifier"], meta, lang)),
                 html.escape(status_text(r, lang))]
        if r["derived"]:
            hover.append(html.escape(components_text(r, meta, lang, names)))
        hover.append(f"{t('cmp_hover_source', lang)}: " + html.escape("; ".join(sources))[:200])
        if present(r["quote"]) and not r["derived"]:
            hover.append("<i>“" + html.escape(_shorten(r["quote"], 140)) + "”</i>")
        out.append({
            "series": series, "series_code": r["series_code"], "year": int(r["year"]),
            "value": float(r["value"]), "rank": int(r["rank"]),
            "label": value_text(r["value"], r["qualifier"], meta, lang, unit=False),
            "estimated": bool(r["status"] == "estimated" or r["includes_estimate"]),
            "derived": bool(r["derived"]), "hover": "<br>".join(hover),
        })
    return pd.DataFrame(out, columns=["series", "series_code", "year", "value", "rank", "label",
                                      "estimated", "derived", "hover"])


def _shorten(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def chart_gaps(rows: pd.DataFrame, lang: str, labels: dict[str, str], localities: pd.DataFrame) -> pd.DataFrame:
    """Incomplete sums of a full year: where a chart leaves a gap and says why."""
    names = by_code(localities)
    gaps = rows[is_gap(rows)]
    out = [{"series": labels.get(r["series_code"], r["series_code"]), "series_code": r["series_code"],
            "year": int(r["year"]), "missing": missing_names(r, names, lang)} for r in gaps.to_dict("records")]
    return pd.DataFrame(out, columns=["series", "series_code", "year", "missing"])


def missing_years(points: pd.DataFrame, gaps: pd.DataFrame, labels: dict[str, str],
                  years: tuple[int, int]) -> dict[str, list[int]]:
    """For each series, the years of the range with neither a charted figure nor a gap note."""
    out = {}
    for code, label in labels.items():
        have = set(points[points["series_code"] == code]["year"]) | set(gaps[gaps["series_code"] == code]["year"])
        lacking = [y for y in range(years[0], years[1] + 1) if y not in have]
        if lacking:
            out[label] = lacking
    return out


def year_span(years: list[int]) -> str:
    """`2021–2023, 2025` from a list of years."""
    runs, start = [], None
    for y in sorted(years):
        if start is None:
            start = prev = y
        elif y == prev + 1:
            prev = y
        else:
            runs.append((start, prev))
            start = prev = y
    if start is not None:
        runs.append((start, prev))
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def source_line(points_rows: pd.DataFrame, titles: dict[str, str], lang: str, limit: int = 3) -> str:
    """`Nguồn: A; B; C và 2 nguồn khác`: the documents behind the charted figures, most used first."""
    counts: dict[str, int] = {}
    for r in points_rows[points_rows["chartable"]].to_dict("records"):
        for title in _sources(r, titles):
            counts[title] = counts.get(title, 0) + 1
    ordered = sorted(counts, key=lambda k: -counts[k])
    if not ordered:
        return ""
    shown = "; ".join(_shorten(s, 70) for s in ordered[:limit])
    if len(ordered) > limit:
        shown += " " + t("cmp_more_sources", lang, n=len(ordered) - limit)
    return t("cmp_source_line", lang, sources=shown)


def mode_line(view: View, meta: pd.Series, lang: str, localities: pd.DataFrame) -> str:
    """What the boundary mode did, in one sentence for the chart's footer."""
    if view.bounds != "current":
        return t("cmp_footer_mode_published", lang)
    names = by_code(localities)
    groups = []
    for code in view.localities:
        row = names[code]
        preds = list(pick(row, "predecessor_names", lang))
        if not preds:
            continue
        if meta["summable"]:
            parts = " + ".join([name_of(row, lang)] + preds)
            groups.append(t("cmp_group_sum", lang, name=name_of(row, lang), parts=parts))
        else:
            groups.append(t("cmp_group_separate", lang, name=name_of(row, lang), parts=", ".join(preds)))
    if not groups:
        return t("cmp_footer_mode_published", lang)
    return t("cmp_footer_mode_current", lang, groups="; ".join(groups))


def chart_title(meta: pd.Series, view: View, years: tuple[int, int], lang: str) -> str:
    """The title printed inside a chart (so a picture sent alone still says what it shows)."""
    name, unit = name_of(meta, lang), unit_of(meta, lang)
    if view.view == "bars":
        return t("cmp_chart_title_bars", lang, indicator=name, unit=unit, year=view.year)
    span = str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
    return t("cmp_chart_title", lang, indicator=name, unit=unit, years=span)


# ---------------------------------------------------------------- coverage

def coverage_cells(coverage: pd.DataFrame, localities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Coverage counts as heatmap cells: row label, year, total, status category, text, hover.

    Category 3 = final only (reported/derived), 2 = includes estimates, 1 = plans only.
    """
    names = by_code(localities)
    labels: dict[str, str] = {}
    out = []
    for c in coverage.to_dict("records"):  # plain dicts: a national heatmap has hundreds of cells
        label = labels.get(c["locality_code"])
        if label is None:
            row = names[c["locality_code"]]
            label = name_of(row, lang)
            if present(row["successor_code"]):
                successor = pick(row, "successor_name", lang)
                label += f" ({t('cmp_option_now_in', lang, name=successor)})"
            elif row.get("other_names_vi"):  # code 24 (Bắc Ninh) was Bắc Giang in earlier years
                label += f" ({t('formerly_named', lang, names=pick(row, 'other_names', lang))})"
            labels[c["locality_code"]] = label
        counts = {s: int(c[f"{s}_count"]) for s in ("reported", "derived", "estimated", "planned")}
        results = counts["reported"] + counts["derived"]
        category = 2 if counts["estimated"] else (3 if results else 1)
        parts = [f"{n} {t('cmp_abbr_' + s, lang)}" for s, n in counts.items() if n]
        out.append({"locality_code": c["locality_code"], "row": label, "year": int(c["year"]),
                    "total": int(c["figure_count"]), "category": category,
                    "text": "<br>".join(" · ".join(parts[i:i + 2]) for i in range(0, len(parts), 2)),
                    "hover": html.escape(f"{label}, {int(c['year'])}: ") + "<br>".join(
                        html.escape(f"{n} {t('status_' + s, lang)}") for s, n in counts.items() if n)})
    return pd.DataFrame(out, columns=["locality_code", "row", "year", "total", "category", "text", "hover"])
