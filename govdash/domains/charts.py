"""Figure builders for the domain pages and the presenter kit: plain functions from figure rows
(the shape of the `domain_figures` query) to `plotly.graph_objects.Figure`. No Streamlit here.

House rules drawn into every figure:
- estimated figures are lighter and hatched, derived ones lighter and dotted, each with a legend key;
- planned figures (targets, estimates, plans) are hollow bars marked "KH", never solid results;
- the caller puts only one period family on an axis (full years, sessions, or other periods);
- "over" / "about" / "under" values keep their mark in the label (`> 103.600`);
- a year without data is a gap with a note, never a zero;
- localities of different levels go on separate panels (tiers), values are never summed;
- each figure carries its source line at the bottom, so an exported image keeps it.

Figures and traces are made with `_validate=False`: the values here are built by this module
(and covered by tests), and Plotly's per-property validation cost ~12 % of the CPU of drawing a
page's charts, for byte-identical JSON (checked over every domain chart of the bundled data).
"""
from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from govdash import fmt, theme
from govdash.i18n import pick, t
from govdash.tables import status_text

# Levels that can be compared on one panel: provincial level, district level, commune level.
TIER = {"region": 0, "central_city": 1, "province": 1, "provincial_city": 2, "district": 2, "commune": 3,
        "unidentified": 4}
ANNUAL = "year"
SESSION = "session"
PLANNED = "planned"
PATTERN = {"reported": "", "estimated": "/", "derived": ".", "planned": ""}
LABEL_WRAP = 34    # characters per line of a category label on a horizontal chart
WIDE, NARROW = 1100, 540  # px: the width a figure expects (full page or half); wraps text to it


@dataclass(eq=False)
class Chart:
    """One chart of a page: the figure, its title, its source line and the rows it shows."""
    key: str
    title: str
    figure: go.Figure | None  # None: nothing to draw (e.g. no session is dated); see `note`
    source_line: str
    rows: pd.DataFrame
    note: str = ""
    kind: str = "figures"  # "figures" (rows shaped like `domain_figures`) or "register"
    wide: bool = False
    section: str = ""
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- small text helpers

present = fmt.is_present  # shared with the other modules


def _esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def _records(rows: pd.DataFrame) -> list[dict]:
    """The rows as plain dicts: row functions read them by key, and building a Series per row
    (`iterrows`, `apply(axis=1)`) costs more than everything else a chart does."""
    return rows.to_dict("records")


def _map_rows(rows: pd.DataFrame, func) -> pd.Series:
    """`func` of every row (as a dict), as a Series on the rows' index."""
    return pd.Series([func(r) for r in _records(rows)], index=rows.index, dtype=object)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False) or [""]


def locality_name(row: pd.Series, lang: str) -> str:
    """The row's locality name in `lang`."""
    return pick(row, "locality_name", lang)


def indicator_name(row: pd.Series, lang: str) -> str:
    """The row's indicator name from metadata."""
    return pick(row, "indicator_name", lang)


def unit(row: pd.Series, lang: str) -> str:
    """The row's unit from metadata."""
    return pick(row, "unit", lang)


def period_label(row: pd.Series, lang: str) -> str:
    """A short period label: `2023`, `Quý I/2023`, `9 tháng/2023`, `Kỳ họp thứ 13 (6/12/2023)`."""
    start, end, kind = pd.Timestamp(row["period_start"]), pd.Timestamp(row["period_end"]), row["period_kind"]
    if kind == "part_year" and start.month == 1 and start.day == 1 and end.is_month_end:
        return t("dom_first_months", lang, n=end.month, year=end.year)
    if kind == "month" and lang == "vi":
        return t("dom_month", lang, month=end.month, year=end.year)
    if kind == "term_to_date":
        return t("dom_term_to", lang, date=fmt.date(end.date(), lang))
    if kind == "as_of":  # a stock at a date, never a flow over a period
        return fmt.period(start.date(), end.date(), kind, lang)
    if kind == SESSION:
        number = row.get("session_number")
        when = fmt.date(start.date(), lang)
        if present(number):
            return t("dom_session_n", lang, n=int(number), date=when)
        return t("dom_session_on", lang, date=when)
    return fmt.period(start.date(), end.date(), kind, lang)


def value_text(row: pd.Series, lang: str, with_unit: bool = False) -> str:
    """A bar's label: plan mark, qualifier mark, number (and unit), estimated/derived mark."""
    kind, decimals = row["unit_kind"], int(row["decimals"])
    if kind == "percent":
        body = fmt.percent(row["value"], lang, decimals)
    elif kind == "change":
        body = fmt.signed(row["value"], lang, decimals)
    else:
        body = fmt.number(row["value"], lang, decimals)
    if with_unit and kind != "percent":
        body = f"{body} {unit(row, lang)}"
    text = fmt.QUALIFIER_PREFIX.get(row["qualifier"], "") + body
    if row["status"] == PLANNED:
        return f"{t('dom_mark_planned', lang)} {text}"
    if row["status"] in ("estimated", "derived"):
        return f"{text} ({t('dom_mark_' + row['status'], lang)})"
    return text


def full_value(row: pd.Series, lang: str) -> str:
    """The value with its qualifier and unit, as a hover or a card shows it."""
    return fmt.value_with_unit(row["value"], row["unit_kind"], unit(row, lang), lang,
                               int(row["decimals"]), row["qualifier"])


def source_name(row: pd.Series) -> str:
    """A source's short name: its publisher, or its title when the publisher is unknown."""
    publisher = row.get("source_publisher")
    if present(publisher) and str(publisher).lower() != "unknown":
        return str(publisher)
    return textwrap.shorten(str(row["source_title"]), width=70, placeholder="…")


def hover_text(row: pd.Series, lang: str) -> str:
    """Hover text of one figure: locality and period, indicator and value, status, source document."""
    body = t("body_" + row["body"], lang)
    source = "<br>".join(_esc(s) for s in _wrap(f"{row['source_title']} ({source_name(row)})", 70))
    return (f"<b>{_esc(locality_name(row, lang))}</b> · {_esc(period_label(row, lang))}<br>"
            f"{_esc(indicator_name(row, lang))} ({_esc(body)}): <b>{_esc(full_value(row, lang))}</b><br>"
            f"{_esc(status_text(row, lang))}<br>{t('source_label', lang)}: {source}")


def source_line(rows: pd.DataFrame, lang: str, limit: int = 6) -> str:
    """`Nguồn: A; B; C` naming the documents the rows come from (the rest counted, not dropped)."""
    pairs = zip(rows["source_publisher"], rows["source_title"]) if len(rows) else ()
    names = list(dict.fromkeys(source_name({"source_publisher": p, "source_title": t_})
                               for p, t_ in dict.fromkeys(pairs)))
    shown = "; ".join(names[:limit])
    if len(names) > limit:
        shown += " " + t("dom_more_sources", lang, n=len(names) - limit)
    return f"{t('source_label', lang)}: {shown}" if names else ""


# ---------------------------------------------------------------- colours and styles

def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _fill(colour: str, status: str) -> str:
    return colour if status == "reported" else _rgba(colour, 0.35)


def _legend_keys(statuses: set[str], lang: str) -> list[go.Bar]:
    """Legend entries that explain the styles used: estimated, derived, planned."""
    keys = []
    for status in ("estimated", "derived", PLANNED):
        if status not in statuses:
            continue
        hollow = status == PLANNED
        keys.append(go.Bar(_validate=False,
            x=[None], y=[None], name=t("dom_key_" + status, lang), showlegend=True,
            hoverinfo="skip", legendgroup="key_" + status, meta={"role": "key", "status": status},
            marker={"color": "rgba(0,0,0,0)" if hollow else _rgba(theme.KEY, 0.35),
                    "line": {"color": theme.KEY, "width": 2 if hollow else 1},
                    "pattern": {"shape": PATTERN[status], "fgcolor": theme.KEY, "solidity": 0.4}},
        ))
    return keys


# ---------------------------------------------------------------- series and panels

def tiers(rows: pd.DataFrame) -> list[int]:
    """The level tiers present in `rows`, in order."""
    return sorted({TIER.get(level, 4) for level in rows["level"]})


def _series_keys(rows: pd.DataFrame, axis: str, lang: str) -> pd.Series:
    """A series key per row: locality × indicator × body for time axes; locality × period otherwise."""
    if axis == "indicator":
        return rows["locality_code"] + "|" + _map_rows(rows, lambda r: period_label(r, lang))
    return rows["locality_code"] + "|" + rows["indicator"] + "|" + rows["body"]


def _series_labels(rows: pd.DataFrame, keys: pd.Series, axis: str, lang: str) -> dict[str, str]:
    """Series labels naming only what differs between series (locality, indicator, body, period)."""
    first = rows.groupby(keys, sort=False).head(1)
    first_keys = keys.loc[first.index]
    if axis == "indicator":
        parts = {"loc": _map_rows(first, lambda r: locality_name(r, lang)),
                 "per": _map_rows(first, lambda r: period_label(r, lang))}
    else:
        parts = {"loc": _map_rows(first, lambda r: locality_name(r, lang)),
                 "ind": _map_rows(first, lambda r: indicator_name(r, lang)),
                 "body": first["body"].map(lambda b: t("body_" + b, lang))}
    # one locality: it is named in the subtitle (see `bar_chart`), not in every legend entry
    varying = [name for name, col in parts.items() if col.nunique() > 1] or ["loc"]
    labels = {}
    for idx, key in zip(first.index, first_keys):
        labels[key] = " · ".join(str(parts[name].loc[idx]) for name in varying)
    return labels


def _category(row: pd.Series, axis: str, lang: str, mixed_bodies: bool) -> str:
    if axis == ANNUAL:
        return str(int(row["year"]))
    if axis == "indicator":
        label = indicator_name(row, lang)
        if mixed_bodies:
            label += f" ({t('body_' + row['body'], lang)})"
        return "<br>".join(_esc(s) for s in _wrap(label, LABEL_WRAP))
    if axis == SESSION:
        return session_tick(row, lang)
    # periods: two short lines, so labels never need rotating
    return "<br>".join(_esc(s) for s in _wrap(period_label(row, lang), 13)[:3])


def session_tick(row: pd.Series, lang: str) -> str:
    """A session's axis label on two lines: `K13` and its first day."""
    number = row.get("session_number")
    head = t("dom_reg_short", lang, n=int(number)) if present(number) else t("dom_reg_session", lang)
    return f"{head}<br>{fmt.date(pd.Timestamp(row['period_start']).date(), lang)}"


def _ordered_categories(rows: pd.DataFrame, cats: pd.Series, axis: str,
                        years: list[int] | None, order: list[str] | None) -> list[str]:
    if axis == ANNUAL:
        present_years = sorted(int(y) for y in rows["year"])
        span = years or list(range(present_years[0], present_years[-1] + 1))
        return [str(y) for y in span]
    frame = rows.assign(_cat=cats)
    if axis == "indicator":
        rank = {ind: i for i, ind in enumerate(order or [])}
        frame = frame.assign(_rank=frame["indicator"].map(lambda i: rank.get(i, 10_000)))
        frame = frame.sort_values(["_rank", "sort_order", "body"], kind="stable")
    else:
        frame = frame.sort_values(["period_end", "period_start"], kind="stable")
    return list(dict.fromkeys(frame["_cat"]))


def _single_unit(rows: pd.DataFrame, lang: str) -> str | None:
    units = set(rows["unit_en" if lang == "en" else "unit_vi"])  # units come from indicators.csv
    return units.pop() if len(units) == 1 else None


# ---------------------------------------------------------------- the general bar builder

def bar_chart(rows: pd.DataFrame, lang: str, title: str, *, axis: str = ANNUAL,
              years: list[int] | None = None, order: list[str] | None = None,
              reference: float | None = None, extra_notes: list[str] | None = None,
              series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """Grouped bars of figure rows against `axis` ("year", "session", "period" or "indicator").

    Time axes ("year", "session", "period") are vertical with one series per locality ×
    indicator × body; "indicator" is horizontal with one series per locality × period. Each
    category holds only the bars it has (no empty slots); planned rows are hollow bars beside
    their series' result; localities of different tiers get separate panels. `reference` draws a
    line (e.g. 100 % of an estimate). Rows must be preferred figures.
    """
    rows = rows.copy()
    horizontal = axis == "indicator"
    loc_rank = {c: i for i, c in enumerate(series_order or [])}
    rows["_loc_rank"] = rows["locality_code"].map(lambda c: loc_rank.get(c, 10_000))
    rows = rows.sort_values(["_loc_rank", "locality_code", "sort_order", "body", "period_end"], kind="stable")
    mixed_bodies = rows.groupby("indicator")["body"].nunique().gt(1).any()
    records = _records(rows)  # once: every per-row text below reads these
    rows["_cat"] = [_category(r, axis, lang, mixed_bodies) for r in records]
    rows["_series"] = _series_keys(rows, axis, lang)
    rows["_role"] = rows["status"].map(lambda s: "plan" if s == PLANNED else "result")
    labels = _series_labels(rows, rows["_series"], axis, lang)
    shared_unit = _single_unit(rows, lang)
    rows["_text"] = [value_text(r, lang, shared_unit is None) for r in records]
    rows["_hover"] = [hover_text(r, lang) for r in records]
    palette = theme.palette()
    colours = {key: palette[i % len(palette)] for i, key in enumerate(labels)}
    panel_tiers = tiers(rows)
    n = len(panel_tiers)
    panels = []
    for tier in panel_tiers:
        part = rows[rows["level"].map(lambda lv: TIER.get(lv, 4)) == tier].copy()
        categories = _ordered_categories(part, part["_cat"], axis, years, order)
        _slots(part, list(labels), categories)
        bars = part.groupby("_cat").size()
        height = (max(150, 24 + sum(26 * int(bars.get(c, 1)) + 18 for c in categories))
                  if horizontal else (240 if len(part) <= 2 else 300))
        panels.append((part, categories, height))
    heights = [p[2] for p in panels]
    gap = 80
    # one panel (the usual case) needs no subplot grid, which costs more than the rest of the layout
    fig = go.Figure(_validate=False) if n == 1 else make_subplots(
        rows=n, cols=1, row_heights=heights, subplot_titles=[t(f"dom_tier_{tier}", lang) for tier in panel_tiers],
        vertical_spacing=gap / (sum(heights) + gap * (n - 1)), shared_xaxes=(axis == ANNUAL))
    notes: list[str] = list(extra_notes or [])
    # everything is collected first and added in one go: plotly re-validates on every update
    new_traces, trace_rows, layout, shapes, marks = [], [], {}, [], []
    for panel, (part, categories, _) in enumerate(panels, start=1):
        rotate = not horizontal and _crowded(part, len(categories), width)
        for key, own in part.groupby("_series", sort=False):  # first-appearance order
            made = _series_traces(own, labels[key], colours[key], key, lang, horizontal, rotate)
            new_traces += made
            trace_rows += [panel] * len(made)
        layout.update(_axes(panel, categories, horizontal, shared_unit, part, reference, lang, rotate))
        shapes += _reference_line(panel, horizontal, reference)
        if axis == ANNUAL:
            panel_marks, panel_notes = _gaps(part, categories, labels, panel, lang)
            marks += panel_marks
            notes += panel_notes
    keys = _legend_keys(set(rows["status"]), lang)
    if n == 1:
        fig.add_traces(new_traces + keys)
    else:
        fig.add_traces(new_traces + keys, rows=trace_rows + [1] * len(keys), cols=1)
    fig.update_layout(barmode="overlay", showlegend=True, **({"shapes": shapes} if shapes else {}),
                      annotations=list(fig.layout.annotations) + marks, **layout)
    if reference is not None:
        notes.insert(0, t("dom_reference_note", lang, value=fmt.percent(reference, lang, 0)))
    below = 62 if horizontal else (58 if axis in ("period", SESSION) else 36)
    left = 60
    if horizontal:  # room for the longest category label line, so notes can start at the left edge
        longest = max((len(line) for c in rows["_cat"] for line in html.unescape(c).split("<br>")), default=10)
        left = int(min(380, 24 + 7.6 * longest))
    return finish(fig, lang, title, notes, source_line(rows, lang), legend_labels=list(labels.values()),
                  plot_height=sum(heights) + gap * (n - 1), below=below, panels=n, width=width,
                  subtitle=localities_line(rows, lang), left=left)


def _axis_names(panel: int) -> tuple[str, str, str, str]:
    """Layout keys and trace references of a panel's axes: (`xaxis2`, `yaxis2`, `x2`, `y2`)."""
    suffix = "" if panel == 1 else str(panel)
    return f"xaxis{suffix}", f"yaxis{suffix}", f"x{suffix}", f"y{suffix}"


def localities_line(rows: pd.DataFrame, lang: str) -> str:
    """The localities a chart shows, named once under its title (with their level)."""
    first = rows.drop_duplicates("locality_code")
    names = first["locality_name_en" if lang == "en" else "locality_name_vi"]
    return "; ".join(f"{name} ({t('level_' + level, lang)})" for name, level in zip(names, first["level"]))


def _slots(part: pd.DataFrame, series: list[str], categories: list[str]) -> None:
    """Offset and width (in category units) of every bar: each category packs only its own bars,
    results before plans, series in legend order."""
    rank = {key: i for i, key in enumerate(series)}
    part["_slot_rank"] = part["_series"].map(rank) * 2 + (part["_role"] == "plan").astype(int)
    ordered = part.sort_values(["_cat", "_slot_rank"], kind="stable")
    position = ordered.groupby("_cat", sort=False).cumcount()
    count = ordered.groupby("_cat", sort=False)["_cat"].transform("size")
    slot = (0.8 / count).clip(upper=0.34)
    part["_offset"] = (-slot * count / 2 + position * slot + slot * 0.05).reindex(part.index)
    part["_width"] = (slot * 0.9).reindex(part.index)


def _crowded(part: pd.DataFrame, n_categories: int, width: int) -> bool:
    """True when some vertical bar's label is much wider than the bar (labels then turn upright)."""
    per_category = (width - 140) / max(n_categories, 1)
    return any(6.8 * len(text) > w * per_category + 16 for text, w in zip(part["_text"], part["_width"]))


def _series_traces(own: pd.DataFrame, label: str, colour: str, key: str, lang: str,
                   horizontal: bool, rotate: bool) -> list[go.Bar]:
    """A series' legend swatch, its result bars (styled by status) and its plans as hollow bars."""
    # the legend entry is a plain swatch of the series colour: a series' first bar may be hatched
    out = [go.Bar(_validate=False, x=[None], y=[None], name=label, legendgroup=key, showlegend=True, hoverinfo="skip",
                  marker={"color": colour, "line": {"color": colour, "width": 1}},
                  meta={"role": "legend", "series": label})]
    for role in ("result", "plan"):
        part = own[own["_role"] == role]
        if part.empty:
            continue
        cats, values = list(part["_cat"]), [float(v) for v in part["value"]]
        hovers = list(part["_hover"])
        if role == "result":
            marker = {"color": [_fill(colour, s) for s in part["status"]],
                      "line": {"color": colour, "width": 1},
                      "pattern": {"shape": [PATTERN[s] for s in part["status"]], "fgcolor": colour,
                                  "solidity": 0.4}}
        else:
            marker = {"color": "rgba(255,255,255,0)", "line": {"color": colour, "width": 2}}
        xy = {"x": values, "y": cats} if horizontal else {"x": cats, "y": values}
        out.append(go.Bar(_validate=False,
            **xy, orientation="h" if horizontal else "v", name=label, legendgroup=key,
            showlegend=False, offset=list(part["_offset"]), width=list(part["_width"]),
            marker=marker, text=list(part["_text"]), textposition="outside", cliponaxis=False,
            constraintext="none", textangle=-90 if rotate else 0,
            textfont={"size": 12, "color": theme.MUTED if role == "plan" else None},
            hovertext=hovers, hovertemplate="%{hovertext}<extra></extra>",
            meta={"role": role, "series": label, "figure_ids": list(part["figure_id"]),
                  "statuses": list(part["status"])},
        ))
    return out


def _axes(panel: int, categories: list[str], horizontal: bool, shared_unit: str | None,
          part: pd.DataFrame, reference: float | None, lang: str, rotate: bool = False) -> dict:
    """Layout of one panel's axes: fixed category order, zero-based value range, units."""
    values = [float(v) for v in part["value"]]
    top = max(values + ([reference] if reference is not None else [])) if values else 1
    low = min(values + [0.0])
    headroom = 1.32 if horizontal else (1.55 if rotate else 1.2)
    value_range = [low * 1.25 if low < 0 else 0, top * headroom if top > 0 else 1]
    is_percent = set(part["unit_kind"]) == {"percent"}
    whole = set(part["unit_kind"]) <= {"count", "change"} and value_range[1] <= 10
    value_axis = {"range": value_range, "tickformat": ",~f", "automargin": True,
                  "ticksuffix": (" %" if lang == "vi" else "%") if is_percent else "",
                  "title": {"text": "" if is_percent else (shared_unit or "")}}
    if whole:
        value_axis["dtick"] = 1
    category_axis = {"type": "category", "categoryorder": "array", "categoryarray": categories,
                     "automargin": True}
    x_name, y_name, _, _ = _axis_names(panel)
    if horizontal:
        category_axis.update(range=[len(categories) - 0.5, -0.5], autorange=False, ticklabelstandoff=6)
        return {x_name: value_axis, y_name: category_axis}
    category_axis.update(range=[-0.5, len(categories) - 0.5], tickangle=0)
    return {x_name: category_axis, y_name: value_axis}


def _reference_line(panel: int, horizontal: bool, reference: float | None) -> list[dict]:
    """A dashed line at `reference` across one panel (e.g. 100 % of an estimate)."""
    if reference is None:
        return []
    _, _, x_ref, y_ref = _axis_names(panel)
    line = {"type": "line", "line": {"color": theme.MUTED, "width": 1.5, "dash": "dash"}}
    if horizontal:
        return [{**line, "x0": reference, "x1": reference, "xref": x_ref, "y0": 0, "y1": 1,
                 "yref": f"{y_ref} domain"}]
    return [{**line, "y0": reference, "y1": reference, "yref": y_ref, "x0": 0, "x1": 1,
             "xref": f"{x_ref} domain"}]


def _gaps(part: pd.DataFrame, categories: list[str], labels: dict[str, str], panel: int,
          lang: str) -> tuple[list[dict], list[str]]:
    """Years without a result: an in-plot mark where nothing at all is drawn, a note naming the
    series that lack one, and a note for years that have only plans."""
    results = part[part["status"] != PLANNED]
    with_data, with_rows = set(results["_cat"]), set(part["_cat"])
    _, _, x_ref, y_ref = _axis_names(panel)
    marks = [{"x": position, "xref": x_ref, "y": 0, "yref": f"{y_ref} domain", "yanchor": "bottom",
              "text": t("dom_no_data_short", lang), "showarrow": False, "name": "gap",
              "font": {"size": 11, "color": theme.MUTED}}
             for position, cat in enumerate(categories) if cat not in with_rows]
    notes = []
    plan_only = [c for c in categories if c in with_rows and c not in with_data]
    if plan_only:
        notes.append(t("dom_plans_only_note", lang, years=", ".join(plan_only)))
    for key, label in labels.items():
        if key not in set(results["_series"]):  # absent here, or only plans: nothing is missing
            continue
        have = set(results[results["_series"] == key]["_cat"])
        missing = [c for c in categories if c not in have and c in with_data]
        if missing:
            notes.append(t("dom_gap_note", lang, series=label, years=", ".join(missing)))
    return marks, notes


# ---------------------------------------------------------------- layout finishing

def _legend_rows(labels: list[str], width: int) -> int:
    rows, used = 1, 0
    for label in labels:
        item = 40 + 7.5 * len(label)
        if used and used + item > width - 90:
            rows, used = rows + 1, 0
        used += item
    return rows


def finish(fig: go.Figure, lang: str, title: str, notes: list[str], source: str, *,
           legend_labels: list[str], plot_height: int, below: int = 36, panels: int = 1,
           width: int = WIDE, subtitle: str = "", left: int = 60) -> go.Figure:
    """House style, the title, the legend under the title, notes and the source line below the plot.

    `below` is the room the bottom axis needs (tick labels, title); the notes start under it.
    `width` is the width the figure is expected to get: titles and notes wrap to it.
    """
    title_lines = _wrap(title, max(30, int(width / 10.5))) if title else []
    style = theme.layout(lang, "<br>".join(_esc(x) for x in title_lines) if title else None)
    wrap = max(50, int(width / 6.6))
    keys = [tr.name for tr in fig.data if isinstance(tr.meta, dict) and tr.meta.get("role") == "key"]
    labels = list(legend_labels) + keys
    legend_rows = _legend_rows(labels, width) if labels else 0
    lines: list[str] = []
    for note in notes:
        lines += _wrap(note, wrap)
    if source:
        lines += _wrap(source, wrap)
    subtitle_lines = _wrap(subtitle, max(40, int(width / 7.5))) if subtitle else []
    title_room = (26 + 24 * len(title_lines) + 18 * len(subtitle_lines)) if title else 12
    top = title_room + 24 * legend_rows + (26 if panels > 1 else 8)
    bottom = below + 16 * len(lines) + 12
    height = int(plot_height + top + bottom)
    # the house style and this figure's frame in one update: plotly re-validates on every update
    fig.update_layout({
        **style,
        "height": height,
        "margin": {"l": left, "r": 30, "t": top, "b": bottom},
        "legend": {"orientation": "h", "yanchor": "top", "y": 1 - title_room / height, "x": 0,
                   "xanchor": "left", "yref": "container", "font": {"size": 12}, "traceorder": "normal"},
        "title": {**style.get("title", {}), "y": 1 - 14 / height, "yanchor": "top", "yref": "container",
                  "subtitle": {"text": "<br>".join(_esc(x) for x in subtitle_lines),
                               "font": {"size": 13, "color": theme.MUTED}}},
    })
    theme.style_axes(fig)
    if lines:
        fig.add_annotation(
            text="<br>".join(_esc(line) for line in lines), xref="paper", yref="paper", x=0, y=0,
            xanchor="left", yanchor="top", yshift=-below, xshift=10 - left, align="left", showarrow=False,
            font={"size": 11, "color": theme.MUTED}, name="notes",
        )
    return fig


# ---------------------------------------------------------------- specialised builders

def years_chart(rows: pd.DataFrame, lang: str, title: str, years: list[int],
                series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """Full-year figures over every year of `years` (gaps noted), one bar per series and year."""
    _require(rows, {ANNUAL})
    return bar_chart(rows, lang, title, axis=ANNUAL, years=years, series_order=series_order, width=width)


def sessions_chart(rows: pd.DataFrame, lang: str, title: str,
                   series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """Figures of single council sessions, one category per session in date order."""
    _require(rows, {SESSION})
    return bar_chart(rows, lang, title, axis=SESSION, series_order=series_order, width=width)


def periods_chart(rows: pd.DataFrame, lang: str, title: str,
                  series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """Quarters, months, parts of a year, terms to date, multi-year periods: each its own category,
    never beside full years, with a note saying so."""
    if (rows["period_kind"].isin({ANNUAL, SESSION})).any():
        raise ValueError("periods_chart takes neither full years nor sessions")
    note = t("dom_periods_note", lang)
    return bar_chart(rows, lang, title, axis="period", extra_notes=[note], series_order=series_order,
                     width=width)


def breakdown_chart(rows: pd.DataFrame, lang: str, title: str, order: list[str] | None = None,
                    reference: float | None = None, series_order: list[str] | None = None,
                    width: int = WIDE) -> go.Figure:
    """Several indicators side by side (horizontal bars), one series per locality and period."""
    notes = [t("dom_periods_note", lang)] if (rows["period_kind"] != ANNUAL).any() else []
    return bar_chart(rows, lang, title, axis="indicator", order=order, reference=reference,
                     extra_notes=notes, series_order=series_order, width=width)


def shares_chart(rows: pd.DataFrame, lang: str, title: str, order: list[str] | None = None,
                 series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """100 % stacked bars of the shares of one share group (e.g. petitions resolved / partly /
    pending), one bar per locality and period; shares that do not add up to 100 are noted."""
    rows = rows[rows["status"] != PLANNED].copy()
    rank = {ind: i for i, ind in enumerate(order or [])}
    loc_rank = {c: i for i, c in enumerate(series_order or [])}
    rows["_bar"] = _map_rows(rows, lambda r: f"{locality_name(r, lang)} · {period_label(r, lang)}")
    rows["_rank"] = rows["locality_code"].map(lambda c: loc_rank.get(c, 10_000))
    rows = rows.sort_values(["_rank", "locality_code", "period_end"], kind="stable")
    bars = list(dict.fromkeys(rows["_bar"]))
    indicators = sorted(rows["indicator"].unique(), key=lambda i: (rank.get(i, 10_000), i))
    colours = {"true": theme.SERIES[3], "": theme.SERIES[2], "false": theme.SERIES[0]}
    fig = go.Figure(_validate=False)
    for i, ind in enumerate(indicators):
        part = rows[rows["indicator"] == ind]
        better = str(part["higher_is_better"].iloc[0]) if present(part["higher_is_better"].iloc[0]) else ""
        colour = colours.get(better, theme.palette()[i % 8])
        fig.add_trace(go.Bar(_validate=False, x=[None], y=[None], orientation="h", name=indicator_name(part.iloc[0], lang),
                             legendgroup=ind, showlegend=True, hoverinfo="skip", marker={"color": colour},
                             meta={"role": "legend", "series": ind}))
        fig.add_trace(go.Bar(_validate=False,
            x=[float(v) for v in part["value"]], y=list(part["_bar"]), orientation="h",
            name=indicator_name(part.iloc[0], lang), legendgroup=ind, showlegend=False,
            marker={"color": [_fill(colour, s) for s in part["status"]], "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": [PATTERN[s] for s in part["status"]], "fgcolor": colour, "solidity": 0.4}},
            text=[value_text(r, lang) for r in _records(part)], textposition="inside",
            insidetextanchor="middle", textfont={"size": 13},
            hovertext=[hover_text(r, lang) for r in _records(part)],
            hovertemplate="%{hovertext}<extra></extra>",
            meta={"role": "result", "series": ind, "figure_ids": list(part["figure_id"]),
                  "statuses": list(part["status"])},
        ))
    notes = []
    for bar, total in rows.groupby("_bar", sort=False)["value"].sum().items():
        if abs(total - 100) > 1.0:
            notes.append(t("dom_shares_total", lang, bar=bar, total=fmt.percent(total, lang, 1, exact=False)))
    if (rows["period_kind"] != ANNUAL).any():
        notes.append(t("dom_periods_note", lang))
    for key_trace in _legend_keys(set(rows["status"]) - {"reported"}, lang):
        fig.add_trace(key_trace)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(range=[0, 100], ticksuffix=" %" if lang == "vi" else "%", tickformat=",~f")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=bars, autorange="reversed",
                     automargin=True)
    return finish(fig, lang, title, notes, source_line(rows, lang), below=40,
                  legend_labels=[tr.name for tr in fig.data if tr.meta.get("role") == "legend"],
                  plot_height=max(110, 64 * len(bars)), width=width)


REGISTER_SYMBOL = {"held": "circle", "planned": "circle-open", "postponed": "x-thin-open"}


def register_timeline(register: pd.DataFrame, lang: str, title: str, year_from: int, year_to: int,
                      series_order: list[str] | None = None, width: int = WIDE) -> go.Figure | None:
    """The session register on a date axis: one lane per locality, a mark per dated session
    (number, resolutions passed; hollow if planned, a cross if postponed), a bar over its days.
    Sessions no source dates are named in a note, not placed; None when no session is dated."""
    reg = register.copy()
    loc_rank = {c: i for i, c in enumerate(series_order or [])}
    reg["_rank"] = reg["locality_code"].map(lambda c: loc_rank.get(c, 10_000))
    reg = reg.sort_values(["_rank", "locality_code", "known_date"], kind="stable")
    reg["_loc"] = _map_rows(reg, lambda r: locality_name(r, lang))
    dated = reg[reg["known_date"].map(present)].copy()
    undated = reg[~reg["known_date"].map(present)]
    if dated.empty:
        return None
    # labels alternate above and below the mark along each lane, so close sessions stay legible
    dated["_pos"] = dated.groupby("_loc").cumcount().map(lambda i: "top center" if i % 2 == 0 else "bottom center")
    lanes = list(dict.fromkeys(dated["_loc"]))
    palette = theme.palette()
    kind_colour = {"regular": palette[1], "thematic": palette[0], "extraordinary": palette[2],
                   "unknown": theme.KEY}
    fig = go.Figure(_validate=False)
    for kind in ("regular", "thematic", "extraordinary", "unknown"):
        part = dated[dated["kind"] == kind]
        if part.empty:
            continue
        spans = part[part["start_date"].map(present) & part["end_date"].map(present)]
        for r in _records(spans):
            fig.add_shape(type="line", x0=r["start_date"], x1=r["end_date"], y0=r["_loc"], y1=r["_loc"],
                          line={"color": kind_colour[kind], "width": 8}, layer="below")
        fig.add_trace(go.Scatter(_validate=False,
            x=list(part["known_date"]), y=list(part["_loc"]), mode="markers+text",
            name=t("dom_kind_" + kind, lang),
            marker={"size": 15, "color": kind_colour[kind],
                    "symbol": [REGISTER_SYMBOL.get(s, "circle") for s in part["status"]],
                    "line": {"width": 2, "color": kind_colour[kind]}},
            text=[register_label(r, lang) for r in _records(part)], textposition=list(part["_pos"]),
            textfont={"size": 12}, cliponaxis=False,
            hovertext=[register_hover(r, lang) for r in _records(part)],
            hovertemplate="%{hovertext}<extra></extra>",
            meta={"role": "result", "series": kind, "session_ids": list(part["session_id"])},
        ))
    for status in ("planned", "postponed"):
        if status in set(dated["status"]):
            fig.add_trace(go.Scatter(_validate=False, x=[None], y=[None], mode="markers", name=t("dom_reg_key_" + status, lang),
                                     marker={"size": 12, "symbol": REGISTER_SYMBOL[status], "color": theme.KEY,
                                             "line": {"width": 2, "color": theme.KEY}},
                                     hoverinfo="skip", meta={"role": "key", "status": status}))
    notes = []
    if not undated.empty:
        items = [f"{r['_loc']}: {register_name(r, lang)}" for r in _records(undated)]
        notes.append(t("dom_reg_undated", lang, sessions="; ".join(items)))
    fig.update_xaxes(type="date", range=[f"{year_from}-01-01", f"{year_to}-12-31"],
                     tickformat="%-m/%Y" if lang == "vi" else "%b %Y", automargin=True)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=lanes, automargin=True,
                     range=[len(lanes) - 0.4, -0.6], autorange=False, ticklabelstandoff=8)
    return finish(fig, lang, title, notes, source_line(reg, lang),
                  legend_labels=[tr.name for tr in fig.data if tr.meta.get("role") != "key"],
                  plot_height=40 + 110 * len(lanes), width=width)


def register_name(row: pd.Series, lang: str) -> str:
    """`Kỳ họp thứ 11 (hoãn)`: the session's number (or kind) and a status other than held."""
    number = row.get("session_number")
    name = (t("dom_reg_number", lang, n=int(number)) if present(number)
            else t("dom_kind_" + row["kind"], lang))
    if row["status"] != "held":
        name += f" ({t('dom_reg_status_' + row['status'], lang)})"
    return name


def register_label(row: pd.Series, lang: str) -> str:
    """The text beside a session's mark: number and resolutions (plan-marked when announced)."""
    number = row.get("session_number")
    label = t("dom_reg_short", lang, n=int(number)) if present(number) else "?"
    if present(row.get("resolutions_passed")):
        mark = fmt.QUALIFIER_PREFIX.get(row.get("resolutions_qualifier") or "exact", "")
        count = f"{mark}{fmt.number(int(row['resolutions_passed']), lang, 0)}"
        planned = row.get("resolutions_status") == PLANNED
        label += "<br>" + t("dom_reg_resolutions_planned" if planned else "dom_reg_resolutions", lang, n=count)
    return label


def _dates(row: pd.Series, lang: str) -> str:
    start, end = row.get("start_date"), row.get("end_date")
    if present(start) and present(end) and start != end:
        return f"{fmt.date(start, lang)} – {fmt.date(end, lang)}"
    if present(start):
        return fmt.date(start, lang)
    if present(end):
        return t("dom_reg_closed_on", lang, date=fmt.date(end, lang))
    return t("dom_reg_no_date", lang)


def register_hover(row: pd.Series, lang: str) -> str:
    """Hover text of a session: name, kind, dates, resolutions, source."""
    res = "—"
    if present(row.get("resolutions_passed")):
        res = fmt.number(int(row["resolutions_passed"]), lang, 0)
        if present(row.get("resolutions_status")):
            res += f" ({t('status_' + row['resolutions_status'], lang)})"
    source = "<br>".join(_esc(s) for s in _wrap(f"{row['source_title']} ({source_name(row)})", 70))
    return (f"<b>{_esc(locality_name(row, lang))}</b> · {_esc(register_name(row, lang))}<br>"
            f"{t('dom_reg_kind', lang)}: {t('dom_kind_' + row['kind'], lang)} · {_esc(_dates(row, lang))}<br>"
            f"{t('dom_reg_resolutions_label', lang)}: {res}<br>{t('source_label', lang)}: {source}")


def register_table(register: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The session register as a table users read (localized headers and values)."""
    out = []
    for r in _records(register):
        res = ""
        if present(r.get("resolutions_passed")):
            res = fmt.QUALIFIER_PREFIX.get(r.get("resolutions_qualifier") or "exact", "") + \
                fmt.number(int(r["resolutions_passed"]), lang, 0)
            if present(r.get("resolutions_status")) and r["resolutions_status"] != "reported":
                res += f" ({t('status_' + r['resolutions_status'], lang)})"
        out.append({
            t("sidebar_locality", lang): locality_name(r, lang),
            t("dom_reg_session", lang): register_name(r, lang),
            t("dom_reg_kind", lang): t("dom_kind_" + r["kind"], lang),
            t("dom_reg_dates", lang): _dates(r, lang),
            t("dom_reg_resolutions_label", lang): res,
            t("source_label", lang): r["source_title"],
            t("quote_label", lang): r["quote"],
            "session_id": r["session_id"],
        })
    return pd.DataFrame(out)


def _require(rows: pd.DataFrame, kinds: set[str]) -> None:
    bad = set(rows["period_kind"]) - kinds
    if bad:
        raise ValueError(f"rows of period kinds {sorted(bad)} do not belong on this axis")
