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

The builders read their rows once (a DataFrame is turned into dicts at entry, or a list of dicts
is taken as it is), do the rest in plain Python, write the figure as a plain dict and make it a
figure once at the end (`finish`), unvalidated and read-only (a `figures.SharedFigure`, which pages
send without copying it again). Pandas steps per series and Plotly's object model
(`update_layout`, `add_traces`, `make_subplots`, validation) made drawing a page's open section
~12 times slower (national scale, `benchmarks/charts_draw.py`). The figures were those the
object-model code made, key for key and value for value (`benchmarks/charts_equal.py`, over every
domain chart of the bundled data and ~200 national-scale selections), until each series' legend
entry moved from an invisible legend-only trace onto its first drawn trace (issue 16: those
dummies were half the traces of a busy chart and cost the browser ~19 % of its drawing time).
"""
from __future__ import annotations

import html
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from govdash import figures, fmt, theme
from govdash.i18n import pick, t
from govdash.tables import records, status_text

# Levels that can be compared on one panel: provincial level, district level, commune level.
TIER = {"region": 0, "central_city": 1, "province": 1, "provincial_city": 2, "district": 2, "commune": 3,
        "unidentified": 4}
ANNUAL = "year"
SESSION = "session"
PLANNED = "planned"
PATTERN = {"reported": "", "estimated": "/", "derived": ".", "planned": ""}
LABEL_WRAP = 34    # characters per line of a category label on a horizontal chart
WIDE, NARROW = 1100, 540  # px: the width a figure expects (full page or half); wraps text to it
Rows = pd.DataFrame | list[dict]  # figure rows: a query result, or its records


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


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False) or [""]


@lru_cache(maxsize=8192)
def _wrapped(text: str, width: int, lines: int | None = None) -> str:
    """`text` wrapped to `width` characters a line (at most `lines` lines), each line escaped, joined
    by `<br>`; cached, since the same names, titles and periods recur across rows and reruns."""
    return "<br>".join(_esc(s) for s in _wrap(text, width)[:lines])


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
    source = _wrapped(f"{row['source_title']} ({source_name(row)})", 70)
    return (f"<b>{_esc(locality_name(row, lang))}</b> · {_esc(period_label(row, lang))}<br>"
            f"{_esc(indicator_name(row, lang))} ({_esc(body)}): <b>{_esc(full_value(row, lang))}</b><br>"
            f"{_esc(status_text(row, lang))}<br>{t('source_label', lang)}: {source}")


def source_line(rows: Rows, lang: str, limit: int = 6) -> str:
    """`Nguồn: A; B; C` naming the documents the rows come from (the rest counted, not dropped)."""
    if isinstance(rows, pd.DataFrame):
        pairs = zip(rows["source_publisher"], rows["source_title"]) if len(rows) else ()
    else:
        pairs = ((r["source_publisher"], r["source_title"]) for r in rows)
    names = list(dict.fromkeys(source_name({"source_publisher": p, "source_title": t_})
                               for p, t_ in dict.fromkeys(pairs)))
    shown = "; ".join(names[:limit])
    if len(names) > limit:
        shown += " " + t("dom_more_sources", lang, n=len(names) - limit)
    return f"{t('source_label', lang)}: {shown}" if names else ""


# ---------------------------------------------------------------- rows read once

def _records(rows: Rows) -> list[dict]:
    """The rows as plain dicts, read once at a builder's entry (a list of dicts is taken as it is,
    never changed). Everything after is plain Python: a pandas step per series or panel cost more
    than the rest of a chart."""
    return list(rows) if not isinstance(rows, pd.DataFrame) else records(rows)


def _ranker(codes: list[str] | None):
    """A sort key: the position of a locality code in `codes`, the rest after them."""
    rank = {c: i for i, c in enumerate(codes or [])}
    return lambda code: rank.get(code, 10_000)


def _groups(items: list, key) -> dict:
    """`items` grouped by `key(item)`, groups in first-appearance order, items in their order."""
    out: dict = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


def _sum(values: list[float]) -> float:
    """The sum of the present values, compensated as pandas' grouped sum does (same floats)."""
    total = compensation = 0.0
    for value in values:
        if value != value:  # NaN: skipped
            continue
        y = value - compensation
        t_ = total + y
        compensation = t_ - total - y
        if compensation != compensation:  # an infinite value
            compensation = 0.0
        total = t_
    return total


# ---------------------------------------------------------------- colours and styles

def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _fill(colour: str, status: str) -> str:
    return colour if status == "reported" else _rgba(colour, 0.35)


def _plain_first(items: list, status) -> list:
    """`items` with the first plain ("reported") one moved to the front, the rest in their order.

    A series' legend entry is its first drawn trace, and Plotly draws a bar trace's legend swatch
    from the style of its FIRST point (fill, pattern): so a series with a reported figure gets a
    plain swatch of its colour. A series with only estimated or derived figures keeps a hatched or
    dotted swatch, which is true of every bar it has. The order of points inside a trace moves no
    bar: each is placed by its category (axes with a fixed `categoryarray`) and, on the grouped
    charts, its own slot (offset, width); every per-point list is built from the reordered items,
    so values, labels, hovers, figure ids and statuses stay aligned."""
    for i, item in enumerate(items):
        if status(item) == "reported":
            return [item, *items[:i], *items[i + 1:]] if i else items
    return items


def _legend_keys(statuses: set[str], lang: str) -> list[dict]:
    """Legend entries (bar traces) that explain the styles used: estimated, derived, planned."""
    keys = []
    for status in ("estimated", "derived", PLANNED):
        if status not in statuses:
            continue
        hollow = status == PLANNED
        keys.append({
            "type": "bar", "x": [None], "y": [None], "name": t("dom_key_" + status, lang), "showlegend": True,
            "hoverinfo": "skip", "legendgroup": "key_" + status, "meta": {"role": "key", "status": status},
            "marker": {"color": "rgba(0,0,0,0)" if hollow else _rgba(theme.KEY, 0.35),
                       "line": {"color": theme.KEY, "width": 2 if hollow else 1},
                       "pattern": {"shape": PATTERN[status], "fgcolor": theme.KEY, "solidity": 0.4}},
        })
    return keys


# ---------------------------------------------------------------- series and panels

class _Bar:
    """One figure row as a bar: the row, its category and series, whether it is a plan, its label
    and hover, and its slot (offset and width, in category units) once `_slots` has placed it."""
    __slots__ = ("row", "cat", "series", "plan", "text", "hover", "offset", "width")

    def __init__(self, row: dict, cat: str, series: str, text: str, hover: str):
        self.row, self.cat, self.series, self.text, self.hover = row, cat, series, text, hover
        self.plan = row["status"] == PLANNED
        self.offset = self.width = 0.0


def tiers(rows: Rows) -> list[int]:
    """The level tiers present in `rows`, in order."""
    levels = rows["level"] if isinstance(rows, pd.DataFrame) else (r["level"] for r in rows)
    return sorted({TIER.get(level, 4) for level in levels})


def _series_key(row: dict, axis: str, lang: str) -> str:
    """A row's series: locality × indicator × body for time axes; locality × period otherwise."""
    if axis == "indicator":
        return f"{row['locality_code']}|{period_label(row, lang)}"
    return f"{row['locality_code']}|{row['indicator']}|{row['body']}"


def _series_labels(bars: list[_Bar], axis: str, lang: str) -> dict[str, str]:
    """Series labels naming only what differs between series (locality, indicator, body, period)."""
    first = {key: own[0].row for key, own in _groups(bars, lambda b: b.series).items()}
    rows = list(first.values())
    if axis == "indicator":
        parts = {"loc": [locality_name(r, lang) for r in rows], "per": [period_label(r, lang) for r in rows]}
    else:
        parts = {"loc": [locality_name(r, lang) for r in rows], "ind": [indicator_name(r, lang) for r in rows],
                 "body": [t("body_" + r["body"], lang) for r in rows]}
    # one locality: it is named in the subtitle (see `bar_chart`), not in every legend entry
    varying = [name for name, col in parts.items() if len(set(col)) > 1] or ["loc"]
    return {key: " · ".join(str(parts[name][i]) for name in varying) for i, key in enumerate(first)}


def _category(row: pd.Series, axis: str, lang: str, mixed_bodies: bool) -> str:
    if axis == ANNUAL:
        return str(int(row["year"]))
    if axis == "indicator":
        label = indicator_name(row, lang)
        if mixed_bodies:
            label += f" ({t('body_' + row['body'], lang)})"
        return _wrapped(label, LABEL_WRAP)
    if axis == SESSION:
        return session_tick(row, lang)
    # periods: two short lines, so labels never need rotating
    return _wrapped(period_label(row, lang), 13, 3)


def session_tick(row: pd.Series, lang: str) -> str:
    """A session's axis label on two lines: `K13` and its first day."""
    number = row.get("session_number")
    head = t("dom_reg_short", lang, n=int(number)) if present(number) else t("dom_reg_session", lang)
    return f"{head}<br>{fmt.date(pd.Timestamp(row['period_start']).date(), lang)}"


def _ordered_categories(part: list[_Bar], axis: str, years: list[int] | None,
                        order: list[str] | None) -> list[str]:
    if axis == ANNUAL:
        present_years = sorted(int(b.row["year"]) for b in part)
        span = years or list(range(present_years[0], present_years[-1] + 1))
        return [str(y) for y in span]
    if axis == "indicator":
        rank = {ind: i for i, ind in enumerate(order or [])}
        ordered = sorted(part, key=lambda b: (rank.get(b.row["indicator"], 10_000), b.row["sort_order"],
                                              b.row["body"]))
    else:
        ordered = sorted(part, key=lambda b: (b.row["period_end"], b.row["period_start"]))
    return list(dict.fromkeys(b.cat for b in ordered))


def _mixed_bodies(rows: list[dict]) -> bool:
    """Whether some indicator comes from more than one body (its labels then name the body)."""
    bodies: dict[str, set] = {}
    for r in rows:
        bodies.setdefault(r["indicator"], set()).add(r["body"])
    return any(len(b) > 1 for b in bodies.values())


def _single_unit(rows: list[dict], lang: str) -> str | None:
    units = {r["unit_en" if lang == "en" else "unit_vi"] for r in rows}  # units come from indicators.csv
    return units.pop() if len(units) == 1 else None


# ---------------------------------------------------------------- the general bar builder

def bar_chart(rows: Rows, lang: str, title: str, *, axis: str = ANNUAL,
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
    horizontal = axis == "indicator"
    rank = _ranker(series_order)
    records = sorted(_records(rows), key=lambda r: (rank(r["locality_code"]), r["locality_code"],
                                                    r["sort_order"], r["body"], r["period_end"]))
    mixed_bodies = _mixed_bodies(records)
    shared_unit = _single_unit(records, lang)
    bars = [_Bar(r, _category(r, axis, lang, mixed_bodies), _series_key(r, axis, lang),
                 value_text(r, lang, shared_unit is None), hover_text(r, lang)) for r in records]
    labels = _series_labels(bars, axis, lang)
    palette = theme.palette()
    colours = {key: palette[i % len(palette)] for i, key in enumerate(labels)}
    panel_tiers = tiers(records)
    panels = []
    for tier in panel_tiers:
        part = [b for b in bars if TIER.get(b.row["level"], 4) == tier]
        categories = _ordered_categories(part, axis, years, order)
        _slots(part, list(labels))
        panels.append((part, categories, _panel_height(part, categories, horizontal)))
    heights = [p[2] for p in panels]
    n, gap = len(panels), 80
    # one panel (the usual case) needs no subplot grid
    layout = {} if n == 1 else _grid(heights, gap, [t(f"dom_tier_{tier}", lang) for tier in panel_tiers],
                                     shared_x=axis == ANNUAL)
    annotations = layout.pop("annotations", [])
    notes: list[str] = list(extra_notes or [])
    data, shapes = [], []
    for panel, (part, categories, _) in enumerate(panels, start=1):
        rotate = not horizontal and _crowded(part, len(categories), width)
        for key, own in _groups(part, lambda b: b.series).items():
            data += _series_traces(own, labels[key], colours[key], key, lang, horizontal, rotate,
                                   panel if n > 1 else None)
        for name, axis_layout in _axes(panel, categories, horizontal, shared_unit, part, reference, lang,
                                       rotate).items():
            layout[name] = {**layout.get(name, {}), **axis_layout}
        shapes += _reference_line(panel, horizontal, reference)
        if axis == ANNUAL:
            panel_marks, panel_notes = _gaps(part, categories, labels, panel, lang)
            annotations += panel_marks
            notes += panel_notes
    keys = _legend_keys({r["status"] for r in records}, lang)
    if n > 1:  # in a grid every trace names its panel's axes, the keys the first panel's
        keys = [{**k, "xaxis": "x", "yaxis": "y"} for k in keys]
    layout.update(barmode="overlay", showlegend=True, **({"shapes": shapes} if shapes else {}),
                  annotations=annotations)
    if reference is not None:
        notes.insert(0, t("dom_reference_note", lang, value=fmt.percent(reference, lang, 0)))
    below = 62 if horizontal else (58 if axis in ("period", SESSION) else 36)
    if horizontal:  # room for the longest category label line, so notes can start at the left edge
        left = label_room(b.cat for b in bars)
    else:  # room for the widest value tick label and the unit, on every panel
        value_axes = [a for name, a in layout.items() if name.startswith("yaxis")]
        left = max(60, *(value_room(a["range"], a["ticksuffix"], bool(a["title"]["text"])) for a in value_axes))
    return finish({"data": data + keys, "layout": layout}, lang, title, notes, source_line(records, lang),
                  legend_labels=list(labels.values()), plot_height=sum(heights) + gap * (n - 1), below=below,
                  panels=n, width=width, subtitle=localities_line(records, lang), left=left)


def _panel_height(part: list[_Bar], categories: list[str], horizontal: bool) -> int:
    """A panel's plot height: a row of bars per category when horizontal, fixed when vertical."""
    if not horizontal:
        return 240 if len(part) <= 2 else 300
    per_category = Counter(b.cat for b in part)
    return max(150, 24 + sum(26 * per_category.get(c, 1) + 18 for c in categories))


def _axis_names(panel: int) -> tuple[str, str, str, str]:
    """Layout keys and trace references of a panel's axes: (`xaxis2`, `yaxis2`, `x2`, `y2`)."""
    suffix = "" if panel == 1 else str(panel)
    return f"xaxis{suffix}", f"yaxis{suffix}", f"x{suffix}", f"y{suffix}"


def _clamp(y: float) -> float:
    """A domain end rounded onto [0, 1] when float noise puts it just outside (as plotly does)."""
    if y < 0.0 and y > -0.01:
        return 0.0
    if y > 1.0 and y < 1.01:
        return 1.0
    return y


def _grid(heights: list[int], gap: int, titles: list[str], shared_x: bool) -> dict:
    """The layout of panels stacked in one column, as `make_subplots(rows=n, cols=1,
    row_heights=heights, subplot_titles=titles, vertical_spacing=…, shared_xaxes=shared_x)` writes
    it (same arithmetic, so the same floats): each panel's axes anchored to each other with their
    domains, shared x axes matching the bottom one (whose tick labels alone show), and the panel
    titles as annotations (under `annotations`)."""
    n = len(heights)
    spacing = gap / (sum(heights) + gap * (n - 1))
    total = float(sum(heights))
    fractions = [(1.0 - spacing * (n - 1)) * (h / total) for h in heights][::-1]  # bottom panel first
    layout: dict = {"annotations": []}
    for row in range(n):  # row 0 is the top panel
        x_name, y_name, x_ref, y_ref = _axis_names(row + 1)
        start = sum(fractions[:n - 1 - row]) + (n - 1 - row) * spacing
        y_domain = [_clamp(start + 0.0), _clamp(start + fractions[-1 - row] - 0.0)]
        layout[x_name] = {"anchor": y_ref, "domain": [0.0, 1.0]}
        layout[y_name] = {"anchor": x_ref, "domain": y_domain}
        if shared_x and row < n - 1:
            layout[x_name].update(matches=_axis_names(n)[2], showticklabels=False)
        if titles[row]:
            layout["annotations"].append({"y": y_domain[1], "xref": "paper", "x": 0.5, "yref": "paper",
                                          "text": titles[row], "showarrow": False, "font": {"size": 16},
                                          "xanchor": "center", "yanchor": "bottom"})
    return layout


def localities_line(rows: Rows, lang: str) -> str:
    """The localities a chart shows, named once under its title (with their level)."""
    first = {}
    for r in _records(rows):
        first.setdefault(r["locality_code"], r)
    name = "locality_name_en" if lang == "en" else "locality_name_vi"
    return "; ".join(f"{r[name]} ({t('level_' + r['level'], lang)})" for r in first.values())


def _slots(part: list[_Bar], series: list[str]) -> None:
    """Offset and width (in category units) of every bar: each category packs only its own bars,
    results before plans, series in legend order."""
    rank = {key: i for i, key in enumerate(series)}
    ordered = sorted(part, key=lambda b: rank[b.series] * 2 + b.plan)
    for members in _groups(ordered, lambda b: b.cat).values():
        count = len(members)
        slot = min(0.8 / count, 0.34)
        for position, b in enumerate(members):
            b.offset = -slot * count / 2 + position * slot + slot * 0.05
            b.width = slot * 0.9


def _crowded(part: list[_Bar], n_categories: int, width: int) -> bool:
    """True when some vertical bar's label is much wider than the bar (labels then turn upright)."""
    per_category = (width - 140) / max(n_categories, 1)
    return any(6.8 * len(b.text) > b.width * per_category + 16 for b in part)


def _series_traces(own: list[_Bar], label: str, colour: str, key: str, lang: str, horizontal: bool,
                   rotate: bool, panel: int | None = None) -> list[dict]:
    """A series' result bars (styled by status) and its plans as hollow bars, in one legend group
    whose first trace carries the series' legend entry; with `panel`, each trace names that
    panel's axes."""
    out: list[dict] = []
    for role in ("result", "plan"):
        part = [b for b in own if b.plan == (role == "plan")]
        if not part:
            continue
        if role == "result":  # the swatch comes from the first point: a plain bar when there is one
            part = _plain_first(part, lambda b: b.row["status"])
        # the first trace carries the legend entry: the results, or the plans of a series that has
        # only plans (a hollow swatch outlined in the series colour, as its bars are)
        cats, values = [b.cat for b in part], [float(b.row["value"]) for b in part]
        statuses = [b.row["status"] for b in part]
        if role == "result":
            marker = {"color": [_fill(colour, s) for s in statuses],
                      "line": {"color": colour, "width": 1},
                      "pattern": {"shape": [PATTERN[s] for s in statuses], "fgcolor": colour, "solidity": 0.4}}
        else:
            marker = {"color": "rgba(255,255,255,0)", "line": {"color": colour, "width": 2}}
        xy = {"x": values, "y": cats} if horizontal else {"x": cats, "y": values}
        out.append({
            "type": "bar", **xy, "orientation": "h" if horizontal else "v", "name": label, "legendgroup": key,
            "showlegend": not out, "offset": [b.offset for b in part], "width": [b.width for b in part],
            "marker": marker, "text": [b.text for b in part], "textposition": "outside", "cliponaxis": False,
            "constraintext": "none", "textangle": -90 if rotate else 0,
            "textfont": {"size": 12, **({"color": theme.MUTED} if role == "plan" else {})},
            "hovertext": [b.hover for b in part], "hovertemplate": "%{hovertext}<extra></extra>",
            "meta": {"role": role, "series": label, "figure_ids": [b.row["figure_id"] for b in part],
                     "statuses": statuses},
        })
    if panel is not None:
        _, _, x_ref, y_ref = _axis_names(panel)
        for trace in out:
            trace.update(xaxis=x_ref, yaxis=y_ref)
    return out


def _axes(panel: int, categories: list[str], horizontal: bool, shared_unit: str | None,
          part: list[_Bar], reference: float | None, lang: str, rotate: bool = False) -> dict:
    """Layout of one panel's axes: fixed category order, zero-based value range, units."""
    values = [float(b.row["value"]) for b in part]
    top = max(values + ([reference] if reference is not None else [])) if values else 1
    low = min(values + [0.0])
    headroom = 1.32 if horizontal else (1.55 if rotate else 1.2)
    value_range = [low * 1.25 if low < 0 else 0, top * headroom if top > 0 else 1]
    kinds = {b.row["unit_kind"] for b in part}
    is_percent = kinds == {"percent"}
    whole = kinds <= {"count", "change"} and value_range[1] <= 10
    value_axis = {"range": value_range, "tickformat": ",~f", "automargin": False,
                  "ticksuffix": (" %" if lang == "vi" else "%") if is_percent else "",
                  "title": {"text": "" if is_percent else (shared_unit or "")}}
    if whole:
        value_axis["dtick"] = 1
    category_axis = {"type": "category", "categoryorder": "array", "categoryarray": categories,
                     "automargin": False}
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


def _gaps(part: list[_Bar], categories: list[str], labels: dict[str, str], panel: int,
          lang: str) -> tuple[list[dict], list[str]]:
    """Years without a result: an in-plot mark where nothing at all is drawn, a note naming the
    series that lack one, and a note for years that have only plans."""
    results = [b for b in part if b.row["status"] != PLANNED]
    with_data, with_rows = {b.cat for b in results}, {b.cat for b in part}
    _, _, x_ref, y_ref = _axis_names(panel)
    marks = [{"x": position, "xref": x_ref, "y": 0, "yref": f"{y_ref} domain", "yanchor": "bottom",
              "text": t("dom_no_data_short", lang), "showarrow": False, "name": "gap",
              "font": {"size": 11, "color": theme.MUTED}}
             for position, cat in enumerate(categories) if cat not in with_rows]
    notes = []
    plan_only = [c for c in categories if c in with_rows and c not in with_data]
    if plan_only:
        notes.append(t("dom_plans_only_note", lang, years=", ".join(plan_only)))
    have = {key: {b.cat for b in own} for key, own in _groups(results, lambda b: b.series).items()}
    for key, label in labels.items():
        if key not in have:  # absent here, or only plans: nothing is missing
            continue
        missing = [c for c in categories if c not in have[key] and c in with_data]
        if missing:
            notes.append(t("dom_gap_note", lang, series=label, years=", ".join(missing)))
    return marks, notes


# ---------------------------------------------------------------- layout finishing

CHAR_PX = 7.6      # px a character of a 12 px tick label takes at most (Noto Sans), with slack
DIGIT_PX = 8.6     # px a digit or mark of a 14 px value tick label takes at most, with slack


def label_room(labels, standoff: int = 0) -> int:
    """The left margin the longest line of the category labels (`<br>`-wrapped, escaped) needs:
    their width, the tick standoff and a safety allowance (proven by `benchmarks/chart_margins.py`)."""
    longest = max((len(line) for text in labels for line in html.unescape(str(text)).split("<br>")), default=10)
    return int(min(380, 24 + standoff + CHAR_PX * longest))


def value_room(value_range: list[float], suffix: str, titled: bool) -> int:
    """The left margin a vertical value axis needs: its widest tick label (the range's ends with
    thousands marks, two more characters for decimal ticks, the suffix) and its rotated title."""
    chars = 0
    for end in value_range:
        digits = len(str(int(abs(end)))) if abs(end) >= 1 else 1
        chars = max(chars, digits + (digits - 1) // 3 + (end < 0) + (2 if abs(end) < 100 else 0))
    return int(40 + DIGIT_PX * chars + 19 * len(suffix) + (26 if titled else 0))


def _legend_rows(labels: list[str], width: int) -> int:
    rows, used = 1, 0
    for label in labels:
        item = 40 + 7.5 * len(label)
        if used and used + item > width - 90:
            rows, used = rows + 1, 0
        used += item
    return rows


def finish(fig: dict, lang: str, title: str, notes: list[str], source: str, *,
           legend_labels: list[str], plot_height: int, below: int = 36, panels: int = 1,
           width: int = WIDE, subtitle: str = "", left: int = 60, right: int = 30) -> go.Figure:
    """The figure dict (`{"data": [...], "layout": {...}}`) with the house style, the title, the
    legend under the title, notes and the source line below the plot, made a figure once (a
    `figures.SharedFigure`: not to be changed, build another instead).

    `below` is the room the bottom axis needs (tick labels, title); the notes start under it.
    `width` is the width the figure is expected to get: titles and notes wrap to it.
    """
    title_lines = _wrap(title, max(30, int(width / 10.5))) if title else []
    style = theme.layout(lang, "<br>".join(_esc(x) for x in title_lines) if title else None)
    wrap = max(50, int(width / 6.6))
    keys = [tr["name"] for tr in fig["data"] if isinstance(tr.get("meta"), dict) and tr["meta"].get("role") == "key"]
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
    layout = fig["layout"]
    layout.update({
        **style,
        "height": height,
        "margin": {"l": left, "r": right, "t": top, "b": bottom},
        "legend": {"orientation": "h", "yanchor": "top", "y": 1 - title_room / height, "x": 0,
                   "xanchor": "left", "yref": "container", "font": {"size": 12}, "traceorder": "normal"},
        "title": {**style.get("title", {}), "y": 1 - 14 / height, "yanchor": "top", "yref": "container",
                  "subtitle": {"text": "<br>".join(_esc(x) for x in subtitle_lines),
                               "font": {"size": 13, "color": theme.MUTED}}},
    })
    for name, axis in layout.items():  # the house grid colours (`theme.style_axes`) on every axis
        if name.startswith(("xaxis", "yaxis")):
            axis.update(gridcolor=theme.GRID, zerolinecolor=theme.GRID)
    if lines:
        layout.setdefault("annotations", []).append({
            "text": "<br>".join(_esc(line) for line in lines), "xref": "paper", "yref": "paper", "x": 0, "y": 0,
            "xanchor": "left", "yanchor": "top", "yshift": -below, "xshift": 10 - left, "align": "left",
            "showarrow": False, "font": {"size": 11, "color": theme.MUTED}, "name": "notes",
        })
    # one object at the end, unvalidated (the values are built here and covered by tests), and
    # read-only: pages share it between reruns and sessions, its dict form made once
    return figures.SharedFigure(fig, _validate=False)


# ---------------------------------------------------------------- specialised builders

def years_chart(rows: Rows, lang: str, title: str, years: list[int],
                series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """Full-year figures over every year of `years` (gaps noted), one bar per series and year."""
    records = _records(rows)
    _require(records, {ANNUAL})
    return bar_chart(records, lang, title, axis=ANNUAL, years=years, series_order=series_order, width=width)


def sessions_chart(rows: Rows, lang: str, title: str,
                   series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """Figures of single council sessions, one category per session in date order."""
    records = _records(rows)
    _require(records, {SESSION})
    return bar_chart(records, lang, title, axis=SESSION, series_order=series_order, width=width)


def periods_chart(rows: Rows, lang: str, title: str,
                  series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """Quarters, months, parts of a year, terms to date, multi-year periods: each its own category,
    never beside full years, with a note saying so."""
    records = _records(rows)
    if any(r["period_kind"] in (ANNUAL, SESSION) for r in records):
        raise ValueError("periods_chart takes neither full years nor sessions")
    note = t("dom_periods_note", lang)
    return bar_chart(records, lang, title, axis="period", extra_notes=[note], series_order=series_order,
                     width=width)


def breakdown_chart(rows: Rows, lang: str, title: str, order: list[str] | None = None,
                    reference: float | None = None, series_order: list[str] | None = None,
                    width: int = WIDE) -> go.Figure:
    """Several indicators side by side (horizontal bars), one series per locality and period;
    above `MAX_INDICATOR_SERIES` series (five localities over five years drew 250 bars on a
    6,000 px chart), each locality's latest period only, said in a note: the chart's table
    lists every row."""
    records = _records(rows)
    notes = [t("dom_periods_note", lang)] if any(r["period_kind"] != ANNUAL for r in records) else []
    if len({_series_key(r, "indicator", lang) for r in records}) > MAX_INDICATOR_SERIES:
        records = latest_periods(records)
        notes.append(t("dom_latest_only", lang))
    return bar_chart(records, lang, title, axis="indicator", order=order, reference=reference,
                     extra_notes=notes, series_order=series_order, width=width)


MAX_INDICATOR_SERIES = 10  # bars per indicator on a side-by-side chart before it keeps the latest


def latest_periods(records: list[dict]) -> list[dict]:
    """The rows of each locality's latest period with a result (its latest period when it has
    only plans), in their order."""
    latest: dict[str, tuple] = {}
    for r in records:
        key = (r["status"] != PLANNED, r["period_end"], r["period_start"])
        if r["locality_code"] not in latest or key > latest[r["locality_code"]]:
            latest[r["locality_code"]] = key
    return [r for r in records if (r["period_end"], r["period_start"]) == latest[r["locality_code"]][1:]]


def shares_chart(rows: Rows, lang: str, title: str, order: list[str] | None = None,
                 series_order: list[str] | None = None, width: int = WIDE) -> go.Figure:
    """100 % stacked bars of the shares of one share group (e.g. petitions resolved / partly /
    pending), one bar per locality and period; shares that do not add up to 100 are noted."""
    rank = {ind: i for i, ind in enumerate(order or [])}
    loc_rank = _ranker(series_order)
    records = sorted((r for r in _records(rows) if r["status"] != PLANNED),
                     key=lambda r: (loc_rank(r["locality_code"]), r["locality_code"], r["period_end"]))
    pairs = [(f"{locality_name(r, lang)} · {period_label(r, lang)}", r) for r in records]  # (bar, row)
    bars = list(dict.fromkeys(bar for bar, _ in pairs))
    by_indicator = _groups(pairs, lambda p: p[1]["indicator"])
    colours = {"true": theme.SERIES[3], "": theme.SERIES[2], "false": theme.SERIES[0]}
    data = []
    for i, ind in enumerate(sorted(by_indicator, key=lambda i: (rank.get(i, 10_000), i))):
        # the trace is the indicator's legend entry, its swatch the first point's (see `_plain_first`)
        own = _plain_first(by_indicator[ind], lambda p: p[1]["status"])
        part = [r for _, r in own]
        better = str(part[0]["higher_is_better"]) if present(part[0]["higher_is_better"]) else ""
        colour = colours.get(better, theme.palette()[i % 8])
        name = indicator_name(part[0], lang)
        statuses = [r["status"] for r in part]
        data.append({
            "type": "bar", "x": [float(r["value"]) for r in part], "y": [bar for bar, _ in own],
            "orientation": "h", "name": name, "legendgroup": ind, "showlegend": True,
            "marker": {"color": [_fill(colour, s) for s in statuses], "line": {"color": "#FFFFFF", "width": 1},
                       "pattern": {"shape": [PATTERN[s] for s in statuses], "fgcolor": colour, "solidity": 0.4}},
            "text": [value_text(r, lang) for r in part], "textposition": "inside",
            "insidetextanchor": "middle", "textfont": {"size": 13},
            "hovertext": [hover_text(r, lang) for r in part], "hovertemplate": "%{hovertext}<extra></extra>",
            "meta": {"role": "result", "series": ind, "figure_ids": [r["figure_id"] for r in part],
                     "statuses": statuses},
        })
    notes = []
    for bar, own in _groups(pairs, lambda p: p[0]).items():
        total = _sum([float(r["value"]) for _, r in own])
        if abs(total - 100) > 1.0:
            notes.append(t("dom_shares_total", lang, bar=bar, total=fmt.percent(total, lang, 1, exact=False)))
    if any(r["period_kind"] != ANNUAL for r in records):
        notes.append(t("dom_periods_note", lang))
    data += _legend_keys({r["status"] for r in records} - {"reported"}, lang)
    layout = {"barmode": "stack",
              "xaxis": {"range": [0, 100], "ticksuffix": " %" if lang == "vi" else "%", "tickformat": ",~f",
                        "automargin": False},
              "yaxis": {"type": "category", "categoryorder": "array", "categoryarray": bars,
                        "autorange": "reversed", "automargin": False}}
    return finish({"data": data, "layout": layout}, lang, title, notes, source_line(records, lang), below=40,
                  left=label_room(bars), right=36,
                  legend_labels=[tr["name"] for tr in data if tr["meta"].get("role") == "result"],
                  plot_height=max(110, 64 * len(bars)), width=width)


REGISTER_SYMBOL = {"held": "circle", "planned": "circle-open", "postponed": "x-thin-open"}


def _missing_last(value) -> tuple:
    """A sort key that puts missing values (None, NaT) after the rest, as pandas sorts."""
    return (1, 0) if not present(value) else (0, value)


def register_timeline(register: Rows, lang: str, title: str, year_from: int, year_to: int,
                      series_order: list[str] | None = None, width: int = WIDE) -> go.Figure | None:
    """The session register on a date axis: one lane per locality, a mark per dated session
    (number, resolutions passed; hollow if planned, a cross if postponed), a bar over its days.
    Sessions no source dates are named in a note, not placed; None when no session is dated."""
    rank = _ranker(series_order)
    reg = sorted(_records(register), key=lambda r: (rank(r["locality_code"]), r["locality_code"],
                                                    _missing_last(r["known_date"])))
    named = [(locality_name(r, lang), r) for r in reg]  # (lane, row)
    undated = [(lane, r) for lane, r in named if not present(r["known_date"])]
    dated, seen = [], {}  # (lane, text position, row)
    for lane, r in named:
        if present(r["known_date"]):
            # labels alternate above and below the mark along each lane, so close sessions stay legible
            i = seen[lane] = seen.get(lane, -1) + 1
            dated.append((lane, "top center" if i % 2 == 0 else "bottom center", r))
    if not dated:
        return None
    lanes = list(dict.fromkeys(lane for lane, _, _ in dated))
    palette = theme.palette()
    kind_colour = {"regular": palette[1], "thematic": palette[0], "extraordinary": palette[2],
                   "unknown": theme.KEY}
    by_kind = _groups(dated, lambda d: d[2]["kind"])
    data, shapes = [], []
    for kind in ("regular", "thematic", "extraordinary", "unknown"):
        part = by_kind.get(kind)
        if not part:
            continue
        shapes += [{"type": "line", "x0": r["start_date"], "x1": r["end_date"], "y0": lane, "y1": lane,
                    "line": {"color": kind_colour[kind], "width": 8}, "layer": "below"}
                   for lane, _, r in part if present(r["start_date"]) and present(r["end_date"])]
        data.append({
            "type": "scatter", "x": [r["known_date"] for _, _, r in part], "y": [lane for lane, _, _ in part],
            "mode": "markers+text", "name": t("dom_kind_" + kind, lang),
            "marker": {"size": 15, "color": kind_colour[kind],
                       "symbol": [REGISTER_SYMBOL.get(r["status"], "circle") for _, _, r in part],
                       "line": {"width": 2, "color": kind_colour[kind]}},
            "text": [register_label(r, lang) for _, _, r in part], "textposition": [p for _, p, _ in part],
            "textfont": {"size": 12}, "cliponaxis": False,
            "hovertext": [register_hover(r, lang) for _, _, r in part],
            "hovertemplate": "%{hovertext}<extra></extra>",
            "meta": {"role": "result", "series": kind, "session_ids": [r["session_id"] for _, _, r in part]},
        })
    statuses = {r["status"] for _, _, r in dated}
    for status in ("planned", "postponed"):
        if status in statuses:
            data.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                         "name": t("dom_reg_key_" + status, lang),
                         "marker": {"size": 12, "symbol": REGISTER_SYMBOL[status], "color": theme.KEY,
                                    "line": {"width": 2, "color": theme.KEY}},
                         "hoverinfo": "skip", "meta": {"role": "key", "status": status}})
    notes = []
    if undated:
        items = [f"{lane}: {register_name(r, lang)}" for lane, r in undated]
        notes.append(t("dom_reg_undated", lang, sessions="; ".join(items)))
    layout = {"xaxis": {"type": "date", "range": [f"{year_from}-01-01", f"{year_to}-12-31"],
                        "tickformat": "%-m/%Y" if lang == "vi" else "%b %Y", "automargin": False},
              "yaxis": {"type": "category", "categoryorder": "array", "categoryarray": lanes, "automargin": False,
                        "range": [len(lanes) - 0.4, -0.6], "autorange": False, "ticklabelstandoff": 8},
              **({"shapes": shapes} if shapes else {})}
    return finish({"data": data, "layout": layout}, lang, title, notes, source_line(reg, lang),
                  legend_labels=[tr["name"] for tr in data if tr["meta"].get("role") != "key"],
                  plot_height=40 + 110 * len(lanes), width=width, left=label_room(lanes, 12), right=40)


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
    source = _wrapped(f"{row['source_title']} ({source_name(row)})", 70)
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


def _require(rows: list[dict], kinds: set[str]) -> None:
    bad = {r["period_kind"] for r in rows} - kinds
    if bad:
        raise ValueError(f"rows of period kinds {sorted(bad)} do not belong on this axis")
