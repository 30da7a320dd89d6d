"""Figures of the compare page: lines over years, ranked bars for one year, small multiples per
locality, and the coverage heatmap. Plain functions from prepared frames (see
`govdash.compare.chart_points`) to Plotly figures; no Streamlit, no number formatting here.

Every chart carries its title and a footer (source line, boundary mode, notes) inside the
figure, so a downloaded PNG or SVG still says what it shows and where the numbers come from.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from govdash import theme

# (estimated, derived) → marker symbol: hollow for estimates, diamond for sums over merged units
SYMBOLS = {(False, False): "circle", (True, False): "circle-open",
           (False, True): "diamond", (True, True): "diamond-open"}
COVERAGE_COLOURS = {1: "#D6DEE8", 2: "#F2CC7A", 3: "#8FC79A"}
FOOTER_WIDTH = 150  # characters per footer line: fits a 1200 px export at 11 px


@dataclass
class ChartText:
    """The words a chart prints, already in the user's language."""
    lang: str
    title: str
    y_title: str = ""
    x_title: str = ""
    footer: list[str] = field(default_factory=list)
    legend_reported: str = ""
    legend_estimated: str = ""
    legend_derived: str = ""
    gap: str = ""          # "incomplete, not added"
    no_data: str = ""      # "no data"
    break_year: int | None = None
    break_label: str = ""


def image_config(image_format: str, filename: str, height: int) -> dict:
    """`st.plotly_chart` config: the toolbar's camera button saves PNG or SVG at a fixed size."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": image_format, "filename": filename, "width": 1200,
                                 "height": height, "scale": 2 if image_format == "png" else 1},
    }


def _footer(fig: go.Figure, lines: list[str], below_axis: int = 62) -> None:
    """The footer inside the figure, under the x axis and its title, starting at the figure's
    left edge (annotations are placed relative to the plot area, so shift by the left margin);
    wrapped, with the bottom margin making room."""
    wrapped = [w for line in lines if line for w in textwrap.wrap(line, FOOTER_WIDTH)]
    if not wrapped:
        return
    left = fig.layout.margin.l or 0
    fig.add_annotation(text="<br>".join(wrapped), xref="paper", yref="paper", x=0, y=0,
                       xanchor="left", yanchor="top", xshift=-left + 10, yshift=-below_axis,
                       align="left", showarrow=False, font={"size": 11, "color": theme.MUTED})
    fig.update_layout(margin={"b": below_axis + 20 + 15 * len(wrapped)})


def _year_axis(fig: go.Figure, years: tuple[int, int], title: str, **where) -> None:
    ticks = list(range(years[0], years[1] + 1))
    fig.update_xaxes(tickmode="array", tickvals=ticks, ticktext=[str(y) for y in ticks],
                     range=[years[0] - 0.5, years[1] + 0.5], title_text=title, title_standoff=4, **where)


def _break(fig: go.Figure, text: ChartText, years: tuple[int, int], label: bool = True) -> None:
    """A dashed line between the last year before the reorganisation and the first after it."""
    if text.break_year is None or not (years[0] < text.break_year <= years[1]):
        return
    x = text.break_year - 0.5
    fig.add_vline(x=x, line={"dash": "dash", "color": theme.MUTED, "width": 1.5}, row="all", col="all")
    if label:
        fig.add_annotation(x=x, xref="x", y=1, yref="paper", text=text.break_label, showarrow=False,
                           xanchor="left", yanchor="top", xshift=4, font={"size": 11, "color": theme.MUTED})


def _legend_keys(fig: go.Figure, points: pd.DataFrame, text: ChartText) -> None:
    """Legend entries for the point styles that occur (grey, so they read as keys, not series)."""
    for flag, symbol, label in ((points["estimated"], "circle-open", text.legend_estimated),
                                (points["derived"], "diamond", text.legend_derived)):
        if flag.any() and label:
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=label, hoverinfo="skip",
                                     marker={"symbol": symbol, "size": 10, "color": theme.MUTED,
                                             "line": {"width": 2, "color": theme.MUTED}}))


def _series_trace(pts: pd.DataFrame, code: str, name: str, colour: str, years: tuple[int, int],
                  labels: bool, showlegend: bool = True) -> go.Scatter:
    """One series (the figures of one locality code) over every year of the range: None where a
    year has no figure, so the line breaks there instead of bridging the gap. The trace carries
    its code (`legendgroup`); two localities are never one trace because they share a name."""
    by_year = {int(r["year"]): r for _, r in pts.iterrows()}
    xs = list(range(years[0], years[1] + 1))
    rows = [by_year.get(y) for y in xs]
    return go.Scatter(
        x=xs, y=[None if r is None else r["value"] for r in rows], name=name, legendgroup=code,
        mode="lines+markers+text" if labels else "lines+markers", connectgaps=False,
        line={"color": colour, "width": 2.5}, showlegend=showlegend,
        marker={"size": 11, "color": colour, "line": {"width": 2.5, "color": colour},
                "symbol": ["circle" if r is None else SYMBOLS[(bool(r["estimated"]), bool(r["derived"]))] for r in rows],
                "opacity": [1 if r is None or not r["estimated"] else 0.6 for r in rows]},
        text=["" if r is None else r["label"] for r in rows], textposition="top center",
        textfont={"size": 12, "color": colour},
        hovertext=["" if r is None else r["hover"] for r in rows], hovertemplate="%{hovertext}<extra></extra>",
    )


def _gap_notes(fig: go.Figure, gaps: pd.DataFrame, text: ChartText, xref: str = "x",
               yref: str = "paper", names: bool = True) -> None:
    """At each year with an incomplete sum, a note at the foot of the plot (never a zero)."""
    for year, group in gaps.groupby("year"):
        who = "<br>".join(group["series"]) if names else ""
        fig.add_annotation(x=year, xref=xref, y=0, yref=yref, yanchor="bottom", showarrow=False,
                           text=f"⚠ {text.gap}" + (f"<br>{who}" if who else ""),
                           font={"size": 10, "color": theme.MUTED}, bgcolor="rgba(255,255,255,0.8)")


def _title_room(fig: go.Figure) -> None:
    """Keep the title off the picture's left edge (the theme anchors it at x = 0)."""
    fig.update_layout(title_x=0.01)


def _value_axis(fig: go.Figure, points: pd.DataFrame, title: str, **where) -> None:
    nonneg = points.empty or (points["value"] >= 0).all()
    fig.update_yaxes(title_text=title, tickformat=",~f", rangemode="tozero" if nonneg else "normal",
                     **where)


def lines_figure(points: pd.DataFrame, gaps: pd.DataFrame, series: dict[str, str],
                 years: tuple[int, int], text: ChartText) -> go.Figure:
    """One line per series (code → legend label) over the years; estimates hollow and light,
    sums as diamonds, gaps left open with a note, a dashed line at the reorganisation."""
    fig = go.Figure()
    colours = theme.palette()
    labels = len(series) <= 4
    for i, (code, name) in enumerate(series.items()):
        pts = points[points["series_code"] == code]
        if not pts.empty:
            fig.add_trace(_series_trace(pts, code, name, colours[i % len(colours)], years, labels))
    _legend_keys(fig, points, text)
    theme.apply(fig, text.lang, text.title)
    _year_axis(fig, years, text.x_title)
    _value_axis(fig, points, text.y_title)
    _break(fig, text, years)
    _gap_notes(fig, gaps, text)
    fig.update_yaxes(automargin=False, title_standoff=8)
    _title_room(fig)
    fig.update_layout(height=520, margin={"t": 110, "l": 95}, showlegend=True,
                      legend={"y": 1.0, "yanchor": "bottom"})
    _footer(fig, text.footer)
    return fig


def multiples_figure(points: pd.DataFrame, gaps: pd.DataFrame, series: dict[str, str],
                     years: tuple[int, int], text: ChartText) -> go.Figure:
    """One small panel per series (code → label), sharing both axes so heights compare honestly."""
    n = max(len(series), 1)
    cols = min(n, 3)
    rows = (n + cols - 1) // cols
    # One explicit range for every panel (rather than Plotly's axis matching), so heights compare.
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=list(series.values()) or [""],
                        vertical_spacing=0.16 if rows > 1 else 0.1, horizontal_spacing=0.06)
    colours = theme.palette()
    for i, (code, name) in enumerate(series.items()):
        row, col = i // cols + 1, i % cols + 1
        pts = points[points["series_code"] == code]
        if not pts.empty:
            fig.add_trace(_series_trace(pts, code, name, colours[i % len(colours)], years, True, False),
                          row=row, col=col)
        own = gaps[gaps["series_code"] == code]
        axis = "" if i == 0 else str(i + 1)
        _gap_notes(fig, own, text, xref=f"x{axis}", yref=f"y{axis} domain", names=False)
        if pts.empty:  # an empty trace, so Plotly draws the panel's axes
            fig.add_trace(go.Scatter(x=[years[0]], y=[None], mode="markers", showlegend=False,
                                     hoverinfo="skip"), row=row, col=col)
        if pts.empty and own.empty:
            fig.add_annotation(x=0.5, y=0.5, xref=f"x{axis} domain", yref=f"y{axis} domain",
                               text=text.no_data, showarrow=False, font={"size": 12, "color": theme.MUTED})
    _legend_keys(fig, points, text)
    theme.apply(fig, text.lang, text.title)
    for i in range(n):
        _year_axis(fig, years, "", row=i // cols + 1, col=i % cols + 1)
    _value_axis(fig, points, "")
    if not points.empty:
        low, high = min(0.0, float(points["value"].min())), float(points["value"].max())
        fig.update_yaxes(range=[low, high * 1.25 if high > 0 else 1], autorange=False)
    fig.update_yaxes(title_text=text.y_title, row=1, col=1)
    _break(fig, text, years, label=False)
    fig.update_yaxes(automargin=False, title_standoff=8)
    _title_room(fig)
    fig.update_layout(height=150 + 260 * rows, margin={"t": 120, "l": 95}, showlegend=True,
                      legend={"y": 1.0 + 40 / (260 * rows), "yanchor": "bottom"})
    footer = list(text.footer)
    if text.break_year is not None and years[0] < text.break_year <= years[1]:
        footer.insert(0, "┆ " + text.break_label)
    _footer(fig, footer)
    return fig


def bars_figure(points: pd.DataFrame, gaps: pd.DataFrame, missing: list[str], series: dict[str, str],
                text: ChartText) -> go.Figure:
    """Ranked horizontal bars for one year: `rank · name`, value at the bar's end, estimates
    hatched; localities without a figure (`missing`: their labels) listed below the bars with
    the reason, never as 0. Colours follow the series' codes (code → label in `series`)."""
    colours = theme.palette()
    colour_of = {code: colours[i % len(colours)] for i, code in enumerate(series)}
    ranked = points.sort_values(["rank", "series"], kind="stable")
    cats = [f"{int(r['rank'])} · {r['series']}" for _, r in ranked.iterrows()]
    fig = go.Figure(go.Bar(
        orientation="h", x=list(ranked["value"]), y=cats, showlegend=False,
        marker={"color": [colour_of.get(s, colours[0]) for s in ranked["series_code"]],
                "opacity": [0.6 if e else 1 for e in ranked["estimated"]],
                "pattern": {"shape": ["/" if e else "" for e in ranked["estimated"]],
                            "fillmode": "overlay", "fgcolor": "#FFFFFF", "size": 8}},
        text=list(ranked["label"]), textposition="outside", cliponaxis=False,
        textfont={"size": 13}, hovertext=list(ranked["hover"]), hovertemplate="%{hovertext}<extra></extra>",
    ))
    empty = [(f"– · {r['series']}", f"⚠ {text.gap}") for _, r in gaps.iterrows()]
    empty += [(f"– · {name}", text.no_data) for name in missing]
    if empty:
        fig.add_trace(go.Bar(orientation="h", x=[None] * len(empty), y=[c for c, _ in empty],
                             showlegend=False, hoverinfo="skip"))
        for cat, note in empty:
            fig.add_annotation(x=0, y=cat, xref="x", yref="y", text=note, showarrow=False,
                               xanchor="left", xshift=6, font={"size": 12, "color": theme.MUTED})
    if ranked["estimated"].any() and text.legend_estimated:
        fig.add_trace(go.Bar(x=[None], y=[None], name=text.legend_estimated, orientation="h",
                             marker={"color": theme.MUTED, "opacity": 0.6,
                                     "pattern": {"shape": "/", "fgcolor": "#FFFFFF", "fillmode": "overlay"}}))
    theme.apply(fig, text.lang, text.title)
    longest = max((len(c) for c in cats + [c for c, _ in empty]), default=10)
    fig.update_yaxes(autorange="reversed", type="category", gridcolor="rgba(0,0,0,0)", automargin=False)
    fig.update_layout(margin={"l": min(40 + 8 * longest, 360)})
    top = float(ranked["value"].max()) if len(ranked) else 1.0
    fig.update_xaxes(title_text=text.y_title, tickformat=",~f", range=[0, top * 1.22 if top > 0 else 1],
                     title_standoff=4)
    _title_room(fig)
    fig.update_layout(height=170 + 46 * (len(cats) + len(empty)), bargap=0.35,
                      showlegend=bool(ranked["estimated"].any()), margin={"t": 90})
    _footer(fig, text.footer)
    return fig


def coverage_figure(cells: pd.DataFrame, rows: list[str], years: list[int], labels: dict[int, str],
                    text: ChartText) -> go.Figure:
    """Localities × years: each cell the number of figures and their statuses, coloured by
    whether they are final, include estimates, or are plans only; blank where there are none."""
    grid = {(r["row"], int(r["year"])): r for r in cells.to_dict("records")}
    z, cell_text, hover = [], [], []
    for row in rows:
        z.append([grid[(row, y)]["category"] if (row, y) in grid else None for y in years])
        cell_text.append([f"<b>{grid[(row, y)]['total']}</b><br>{grid[(row, y)]['text']}" if (row, y) in grid else ""
                          for y in years])  # `text` holds one status per line
        hover.append([grid[(row, y)]["hover"] if (row, y) in grid else "" for y in years])
    scale = [[0, COVERAGE_COLOURS[1]], [1 / 3, COVERAGE_COLOURS[1]], [1 / 3, COVERAGE_COLOURS[2]],
             [2 / 3, COVERAGE_COLOURS[2]], [2 / 3, COVERAGE_COLOURS[3]], [1, COVERAGE_COLOURS[3]]]
    fig = go.Figure(go.Heatmap(
        z=z, x=[str(y) for y in years], y=rows, text=cell_text, texttemplate="%{text}",
        textfont={"size": 12}, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        colorscale=scale, zmin=0.5, zmax=3.5, xgap=3, ygap=3,
        colorbar={"tickvals": [1, 2, 3], "ticktext": [labels[1], labels[2], labels[3]],
                  "thickness": 14, "len": 0.9 if len(rows) > 3 else 1.2, "outlinewidth": 0},
    ))
    theme.apply(fig, text.lang, text.title)
    longest = max((len(r) for r in rows), default=10)
    fig.update_yaxes(autorange="reversed", type="category", showgrid=False, automargin=False)
    fig.update_xaxes(type="category", showgrid=False, side="top", title_text="")
    fig.update_layout(margin={"l": min(30 + 8 * longest, 380)})
    _title_room(fig)
    fig.update_layout(height=130 + 58 * max(len(rows), 1), margin={"t": 110}, plot_bgcolor="#FFFFFF")
    _footer(fig, text.footer, below_axis=12)
    return fig
