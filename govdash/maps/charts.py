"""The province map as a Plotly figure, drawn without Plotly's geo or mapbox modules (those load
base layers and fonts from a CDN; the dashboard runs offline).

Each province is one `go.Scatter` of filled polygons (`fill="toself"`, `hoveron="fills"`) on
hidden cartesian axes with a locked 1:1 aspect ratio (the projection in `geometry` makes that
undistorted). The caller prepares everything a province shows — colour (or a tier into a
palette), status, label and hover text — and the words of the chart in `MapText`; this module
formats no numbers and imports no catalogue.

`values` rows (one per locality code; codes not on the era's map are ignored):
    {"code": "01", "value": 12.3, "colour": "#1B5E8C" | "tier": 2, "status": "reported",
     "label": "12,3", "hover": "Hà Nội<br>12,3 tỷ đồng"}
status is "reported", "estimated" (drawn with a dot pattern over its colour), "missing" or
"incomplete" (a sum over merged units lacking a predecessor's figure: pale grey, cross-hatched).
A province absent from `values`, or with status "missing" or value None, is drawn pale grey with
a hatch and hovers as its name and `MapText.no_data`; it never takes a colour of the scale.
"""
from __future__ import annotations

import base64
import html
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go

from govdash import theme
from govdash.figures import SharedFigure
from govdash.maps import geometry

BORDER = "#FFFFFF"                 # province borders: thin white lines between fills
MISSING_FILL = "#ECEBE8"           # pale warm grey, not a colour of any scale
MISSING_PATTERN = {"shape": "/", "fgcolor": "#B9B6B0", "size": 6, "solidity": 0.25, "fillmode": "replace"}
INCOMPLETE_PATTERN = {"shape": "x", "fgcolor": "#9A958D", "size": 7, "solidity": 0.2, "fillmode": "replace"}
ESTIMATED_PATTERN = {"shape": ".", "fgcolor": "#FFFFFF", "size": 4, "solidity": 0.12, "fillmode": "replace"}
LABEL_DARK, LABEL_LIGHT = "#1F1F1F", "#FFFFFF"
ISLET_LINE = 1.2                   # px: outline of the archipelago islets, so they show as dots
PLOT_MARGIN_Y = 110               # px above and below the plot area (title, footer), for label fitting
STATUSES = ("reported", "estimated", "missing", "incomplete")


@dataclass
class MapText:
    """The words a map prints, already in the user's language."""
    lang: str
    title: str = ""
    footer: list[str] = field(default_factory=list)   # source line, boundary credit, notes
    no_data: str = ""                                  # hover of a missing province ("chưa có số")
    legend_missing: str = ""                           # legend key of the hatch ("" = no key)
    legend_estimated: str = ""                         # legend key of the dot pattern
    legend_incomplete: str = ""                        # legend key of the cross-hatch
    scale: list[tuple[str, str]] = field(default_factory=list)  # (colour, label) of each tier
    archipelagos: dict[str, str] = field(default_factory=lambda: {
        key: name for key, (_, name) in geometry.ARCHIPELAGO_CODES.items()})


@dataclass(frozen=True)
class _Style:
    """How one province is filled and what it says on hover."""
    colour: str
    pattern: dict | None
    label: str
    hover: str


def _style(row: Mapping | None, name: str, palette: Sequence[str], text: MapText) -> _Style:
    """A province's fill, pattern, label and hover from its prepared row (None = no row)."""
    status = (row or {}).get("status", "reported")
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of {STATUSES}")
    colour = None if row is None else row.get("colour") or _tier_colour(row, palette)
    if row is None or status in ("missing", "incomplete") or row.get("value", 0) is None or not colour:
        hover = (row or {}).get("hover") or "<br>".join(t for t in (name, text.no_data) if t)
        pattern = INCOMPLETE_PATTERN if status == "incomplete" else MISSING_PATTERN
        return _Style(MISSING_FILL, pattern, "", hover)
    pattern = {**ESTIMATED_PATTERN, "bgcolor": colour} if status == "estimated" else None
    return _Style(colour, pattern, row.get("label", ""), row.get("hover") or name)


def _tier_colour(row: Mapping, palette: Sequence[str]) -> str | None:
    tier = row.get("tier")
    return palette[tier] if tier is not None and 0 <= tier < len(palette) else None


def _path(rings: Iterable[geometry.Ring]) -> tuple[list, list]:
    """Projected x and y of several rings, separated by None (each ring is filled on its own)."""
    xs: list = []
    ys: list = []
    for ring in rings:
        for lon, lat in ring:
            x, y = geometry.project(lon, lat)
            xs.append(x)
            ys.append(y)
        xs.append(None)
        ys.append(None)
    return xs[:-1], ys[:-1]


def _array(path: tuple[list, list]) -> tuple[np.ndarray, np.ndarray]:
    """A path as float32 arrays with NaN between rings (Plotly breaks a line at NaN as at None)."""
    return tuple(np.array([np.nan if v is None else v for v in axis], dtype=np.float32) for axis in path)


def _typed(values: np.ndarray) -> dict:
    """A float32 array in Plotly's typed-array form, as `plotly.io` would write it: encoded once
    per era, so a figure holds (and copies, and serialises) two short strings per trace."""
    return {"dtype": "f4", "bdata": base64.b64encode(values.astype("<f4").tobytes()).decode("ascii")}


@lru_cache(maxsize=len(geometry.ERAS))
def _paths(era: str) -> dict[str, tuple]:
    """Each province's projected (mainland, open-sea islets) paths as float32 arrays, made once
    per era: the shapes never change, only their colours."""
    return {s.code: (_array(_path(s.mainland)), _array(_path(s.open_sea)) if s.open_sea else None)
            for s in geometry.shapes(era)}


@lru_cache(maxsize=len(geometry.ERAS))
def _encoded(era: str) -> dict[str, tuple]:
    """`_paths` in Plotly's typed-array form (what the browser receives)."""
    return {code: tuple(None if p is None else (_typed(p[0]), _typed(p[1])) for p in paths)
            for code, paths in _paths(era).items()}


@lru_cache(maxsize=len(geometry.ERAS))
def _points(era: str) -> tuple[tuple[str, float, float, float], ...]:
    """Each province's label point (projected) and the area of its largest ring, in code order."""
    return tuple((s.code, *geometry.project(*s.label_lonlat), geometry.ring_area(s.rings[0]))
                 for s in geometry.shapes(era))


def _province_trace(path: tuple[list, list], style: _Style, name: str, code: str, line: dict) -> dict:
    """One filled trace as a plain dict (the figure is made without Plotly's validation, which
    would cost more than everything else: ~10,000 points); hovering its fill shows its text."""
    trace = {"type": "scatter", "x": path[0], "y": path[1], "mode": "lines", "fill": "toself",
             "fillcolor": style.colour, "line": line, "hoveron": "fills", "hoverinfo": "text",
             "text": style.hover, "name": name, "legendgroup": code, "showlegend": False}
    if style.pattern:
        trace["fillpattern"] = style.pattern
    return trace


def _title_lines(title: str) -> list[str]:
    """A title as lines of at most TITLE_WIDTH characters, broken first at its ` · ` parts."""
    if len(title) <= TITLE_WIDTH:
        return [title] if title else []
    parts = title.split(" · ")
    return [w for i, part in enumerate(parts) for w in textwrap.wrap(("· " if i else "") + part, TITLE_WIDTH)]


def _merged(traces: list[dict]) -> list[dict]:
    """Province traces of one fill, pattern and outline joined into one (rings apart by NaN)."""
    groups: dict[str, dict] = {}
    for tr in traces:
        key = repr((tr["fillcolor"], sorted((tr.get("fillpattern") or {}).items()), sorted(tr["line"].items())))
        if key not in groups:
            groups[key] = {**tr, "x": [tr["x"]], "y": [tr["y"]], "text": "", "name": "", "legendgroup": "",
                           "hoverinfo": "skip"}
        else:
            groups[key]["x"].append(tr["x"])
            groups[key]["y"].append(tr["y"])
    gap = np.array([np.nan], dtype=np.float32)
    for g in groups.values():
        g["x"] = np.concatenate([p for x in g["x"] for p in (x, gap)][:-1])
        g["y"] = np.concatenate([p for y in g["y"] for p in (y, gap)][:-1])
    return list(groups.values())


def label_colour(fill: str) -> str:
    """Dark text on light fills, white on dark ones (relative luminance of a #RRGGBB colour)."""
    if not (fill.startswith("#") and len(fill) == 7):
        return LABEL_DARK
    r, g, b = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return LABEL_DARK if 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2] > 0.18 else LABEL_LIGHT


def _fit_labels(candidates: list[tuple[float, float, str, float, str]], size: int,
                px_per_unit: float) -> list[tuple[float, float, str, str]]:
    """Labels that do not overlap, larger provinces first: a label whose box (estimated from its
    length and the font size) would touch one already placed is left to the hover instead."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for x, y, label, _, colour in sorted(candidates, key=lambda c: -c[3]):
        half_w = (0.3 * size * len(label) + 2) / px_per_unit
        half_h = (0.6 * size + 1) / px_per_unit
        box = (x - half_w, y - half_h, x + half_w, y + half_h)
        if all(box[2] < b[0] or b[2] < box[0] or box[3] < b[1] or b[3] < box[1] for b in placed):
            placed.append(box)
            out.append((x, y, label, colour))
    return out


def _labels_trace(points: list[tuple[float, float, str, str]], size: int) -> dict:
    """All province labels in one text-only trace that never takes the hover."""
    return {"type": "scatter", "x": [p[0] for p in points], "y": [p[1] for p in points], "mode": "text",
            "text": [p[2] for p in points], "textfont": {"size": size, "color": [p[3] for p in points]},
            "hoverinfo": "skip", "showlegend": False}


def _legend(traces: list[dict], text: MapText, used: set[str]) -> None:
    """Swatches for the scale's tiers, then the estimated and missing patterns if they occur."""
    keys = [(label, colour, None) for colour, label in text.scale if label]
    if "estimated" in used and text.legend_estimated:
        keys.append((text.legend_estimated, theme.MUTED, {**ESTIMATED_PATTERN, "bgcolor": theme.MUTED}))
    if "missing" in used and text.legend_missing:
        keys.append((text.legend_missing, MISSING_FILL, MISSING_PATTERN))
    if "incomplete" in used and text.legend_incomplete:
        keys.append((text.legend_incomplete, MISSING_FILL, INCOMPLETE_PATTERN))
    for label, colour, pattern in keys:
        key = {"type": "scatter", "x": [None], "y": [None], "mode": "lines", "fill": "toself",
               "fillcolor": colour, "line": {"width": 0.5, "color": theme.MUTED}, "name": label,
               "hoverinfo": "skip"}
        if pattern:
            key["fillpattern"] = pattern
        traces.append(key)


def _archipelagos(era: str, text: MapText, size: int) -> tuple[list[dict], list[dict]]:
    """Both archipelagos framed with a dotted box and named beside their islets: the layout's
    shapes and annotations."""
    shapes, notes = [], []
    for arch in geometry.archipelagos(era):
        x0, y0 = geometry.project(arch.bounds[0] - 0.25, arch.bounds[1] - 0.25)
        x1, y1 = geometry.project(arch.bounds[2] + 0.25, arch.bounds[3] + 0.25)
        shapes.append({"type": "rect", "x0": x0, "y0": y0, "x1": x1, "y1": y1, "layer": "below",
                       "line": {"color": theme.MUTED, "width": 0.8, "dash": "dot"}})
        # Hoàng Sa's label goes under its box, Trường Sa's over it: both stay clear of the coast
        above = arch.key == "truong_sa"
        notes.append({"x": (x0 + x1) / 2, "y": y1 if above else y0, "showarrow": False,
                      "text": text.archipelagos.get(arch.key, arch.name_vi),
                      "yanchor": "bottom" if above else "top", "font": {"size": size, "color": theme.MUTED}})
    return shapes, notes


FOOTER_WIDTH = 105                # characters of a footer line before it wraps
TITLE_WIDTH = 60                  # characters of a title line (the map sits in a column)


def _footer_note(lines: list[str], below: int = 8) -> tuple[dict | None, int]:
    """The source and credit lines (wrapped) as one annotation at the foot of the figure, so an
    exported PNG still carries them, and the bottom margin they need; `below` is the room (px)
    left under the plot area (an x axis needs some)."""
    lines = [w for line in lines if line for w in textwrap.wrap(line, FOOTER_WIDTH)]
    if not lines:
        return None, 0
    return ({"text": "<br>".join(html.escape(line) for line in lines), "xref": "paper", "yref": "paper",
             "x": 0, "y": 0, "xanchor": "left", "yanchor": "top", "yshift": -below, "align": "left",
             "showarrow": False, "font": {"size": 11, "color": theme.MUTED}},
            16 + below + 15 * len(lines))


def _footer(fig: go.Figure, lines: list[str], below: int = 8) -> None:
    """`_footer_note` added to a figure."""
    note, bottom = _footer_note(lines, below)
    if note:
        fig.add_annotation(**note)
        fig.update_layout(margin={"b": bottom})


def _extent(era: str) -> tuple[float, float, float, float]:
    """Projected x0, y0, x1, y1 of the whole country, archipelagos included, with a margin."""
    lon0, lat0, lon1, lat1 = geometry.bounds(era)
    return (*geometry.project(lon0 - 0.4, lat0 - 0.6), *geometry.project(lon1 + 0.4, lat1 + 0.3))


def _axes(era: str) -> dict:
    """Hidden axes spanning the whole country, archipelagos included, at a 1:1 aspect ratio."""
    x0, y0, x1, y1 = _extent(era)
    hidden = {"visible": False, "showgrid": False, "zeroline": False, "gridcolor": theme.GRID,
              "zerolinecolor": theme.GRID, "constrain": "domain"}
    return {"xaxis": {"range": [x0, x1], **hidden},
            "yaxis": {"range": [y0, y1], "scaleanchor": "x", "scaleratio": 1, **hidden}}


def _draw_provinces(traces: list[dict], era: str, rows: Mapping[str, Mapping], names: Mapping[str, str],
                    palette: Sequence[str], text: MapText, static: bool) -> tuple[set[str], list, list[str]]:
    """One filled trace per province (two for 48 and 56: mainland, archipelago islets); returns
    the statuses drawn, the label candidates (x, y, label, area, text colour) and each
    province's hover, in code order. A picture (`static`) gets arrays it can merge; the page
    gets the typed arrays encoded once per era."""
    used: set[str] = set()
    labelled: list[tuple[float, float, str, float, str]] = []
    hovers: list[str] = []
    paths = _paths(era) if static else _encoded(era)
    for shape, (code, x, y, area) in zip(geometry.shapes(era), _points(era)):
        name = names.get(code, shape.geo_name)
        row = rows.get(code)
        style = _style(row, name, palette, text)
        used.add("missing" if style.pattern is MISSING_PATTERN else row.get("status", "reported"))
        mainland, open_sea = paths[code]
        traces.append(_province_trace(mainland, style, name, code, {"color": BORDER, "width": 0.6}))
        if open_sea:
            # the islets are far below a pixel: outline them in their own colour so they show
            edge = MISSING_PATTERN["fgcolor"] if style.colour == MISSING_FILL else style.colour
            traces.append(_province_trace(open_sea, style, name, code, {"color": edge, "width": ISLET_LINE}))
        if style.label:
            labelled.append((x, y, style.label, area, label_colour(style.colour)))
        hovers.append(style.hover)
    return used, labelled, hovers


TARGET_SIZE = 18                   # px: the invisible disc at a province's label point a click selects


def _targets_trace(era: str, hovers: list[str]) -> dict:
    """One invisible marker per province at its label point, carrying its code: Plotly sends no
    click or selection for a filled area, but does for a point, so clicking the middle of a
    province (its label) selects it; hovering there shows the province's own hover."""
    points = _points(era)
    clear = {"marker": {"opacity": 0}}
    return {"type": "scatter", "mode": "markers", "x": [p[1] for p in points], "y": [p[2] for p in points],
            "customdata": [p[0] for p in points], "text": hovers, "hoverinfo": "text", "name": "",
            "marker": {"size": TARGET_SIZE, "color": "rgba(0,0,0,0)", "line": {"width": 0}},
            "selected": clear, "unselected": clear, "showlegend": False}


def _layout(era: str, text: MapText, height: int, label_size: int) -> dict:
    """The map's whole layout as one dict: the house style, title, hidden 1:1 axes, legend
    box, both archipelagos and the footer (made without Plotly's object model, which costs
    more per figure than the rest of the map)."""
    title_lines = _title_lines(text.title)
    title = "<br>".join(html.escape(line) for line in title_lines) or None
    layout = theme.layout(text.lang, title)
    if title:
        # off the picture's left edge (the theme anchors at 0); a long title wraps, not cropped
        layout["title"] = {**layout["title"], "x": 0.01}
    shapes, notes = _archipelagos(era, text, label_size + 2)
    footer, bottom = _footer_note(text.footer)
    margin = {**layout["margin"], "l": 10, "r": 10}
    if title:
        margin["t"] = 70 + 24 * (len(title_lines) - 1)
    if footer:
        notes.append(footer)
        margin["b"] = bottom
    legend = {**layout["legend"], "orientation": "v", "x": 0.99, "xanchor": "right", "y": 0.99, "yanchor": "top",
              "bgcolor": "rgba(255,255,255,0.85)", "itemclick": False, "itemdoubleclick": False}  # keys, not series
    return {**layout, **_axes(era), "height": height, "hovermode": "closest", "dragmode": "pan",
            "margin": margin, "legend": legend, "shapes": shapes, "annotations": notes}


def map_figure(values: Iterable[Mapping], era: str, text: MapText, *,
               names: Mapping[str, str] | None = None, palette: Sequence[str] = (),
               labels: bool = True, label_size: int = 9, height: int = 820, static: bool = False,
               shared: bool = False) -> go.Figure:
    """A province map of `era` ("63" or "34") coloured by the caller's prepared `values`.

    `static=True` (a picture for a slide or report: no hover) draws the provinces of one style as
    one trace, which a renderer paints several times faster (patterns are costly to paint);
    otherwise an invisible marker at each province's label point (its code in `customdata`)
    makes the province clickable. `names` gives each code's display name for the hover of
    provinces without a row (default: the boundary file's own name); `palette[tier]` colours
    rows that carry a tier, not a colour. `shared=True` returns a `SharedFigure` (a cached,
    read-only figure sent on many reruns).
    """
    traces: list[dict] = []
    rows = {str(r["code"]): r for r in values}
    used, labelled, hovers = _draw_provinces(traces, era, rows, names or {}, palette, text, static)
    if static:
        traces = _merged(traces)
    if labels and labelled:
        # the map is as tall as the plot area when the figure is at least ~0.9 × height wide
        _, y0, _, y1 = _extent(era)
        px_per_unit = (height - PLOT_MARGIN_Y) / (y1 - y0)
        traces.append(_labels_trace(_fit_labels(labelled, label_size, px_per_unit), label_size))
    if not static:
        traces.append(_targets_trace(era, hovers))
    _legend(traces, text, used)
    # one unvalidated figure from plain dicts: every value above is of a known, fixed shape
    # (the tests check the result)
    kind = SharedFigure if shared else go.Figure
    return kind({"data": traces, "layout": _layout(era, text, height, label_size)}, _validate=False)


def _spread(ends: list[tuple[int, float, str, str]], gap: float) -> list[tuple[int, float, str, str]]:
    """End labels moved apart (in rank units) where two series end close together in one year."""
    out = []
    for year in sorted({e[0] for e in ends}):
        previous = None
        for e in sorted((e for e in ends if e[0] == year), key=lambda e: e[1]):
            y = e[1] if previous is None else max(e[1], previous + gap)
            out.append((year, y, e[2], e[3]))
            previous = y
    return out


@dataclass
class BumpText:
    """The words of the bump chart, already in the user's language."""
    lang: str
    title: str = ""
    y_title: str = ""
    footer: list[str] = field(default_factory=list)


def bump_figure(points, series: Sequence[str], years: Sequence[int], text: BumpText,
                height: int = 440) -> go.Figure:
    """Rank by year for a few provinces (rank 1 on top); `points` has series, year, rank, hover.
    Each series ends in its name, so no legend is needed."""
    fig = go.Figure()
    colours = theme.palette()
    ends: list[tuple[int, float, str, str]] = []
    for i, name in enumerate(series):
        mine = points[points["series"] == name].sort_values("year")
        if mine.empty:
            continue
        colour = colours[i % len(colours)]
        fig.add_trace(go.Scatter(x=mine["year"].tolist(), y=mine["rank"].tolist(), mode="lines+markers",
                                 name=name, line={"color": colour, "width": 2.5},
                                 marker={"size": 9, "color": colour}, text=mine["hover"].tolist(),
                                 hoverinfo="text", showlegend=False))
        last = mine.iloc[-1]
        ends.append((int(last["year"]), float(last["rank"]), name, colour))
    worst = int(points["rank"].max()) if len(points) else 1
    for year, y, name, colour in _spread(ends, gap=max(0.6, worst * (15 / height))):
        fig.add_annotation(x=year, y=y, text=html.escape(name), xanchor="left", xshift=8, showarrow=False,
                           font={"size": 12, "color": colour})
    theme.apply(fig, text.lang, text.title or None)
    fig.update_yaxes(autorange=False, range=[worst + 0.7, 0.3], tick0=1, dtick=max(1, round(worst / 6)),
                     title=text.y_title)
    fig.update_xaxes(tickmode="array", tickvals=list(years), ticktext=[str(y) for y in years],
                     range=[min(years) - 0.3, max(years) + 0.9])
    fig.update_layout(height=height, margin={"r": 140}, hovermode="closest")
    _footer(fig, text.footer, below=36)
    return fig
