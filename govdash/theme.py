"""One look for every chart: palette (shared with .streamlit/config.toml), fonts, separators."""
from __future__ import annotations

import tomllib
from functools import cache

import plotly.graph_objects as go

from govdash.fmt import PLOTLY_SEPARATORS
from govdash.paths import STREAMLIT_CONFIG

# Fonts that carry Vietnamese diacritics; Noto Sans is installed by the set-up scripts.
FONT_FAMILY = "Noto Sans, DejaVu Sans, Arial, sans-serif"
# Categorical palette after the primary colour: distinct, colour-blind tolerant, print-safe.
SERIES = ["#B3261E", "#1B5E8C", "#E0A100", "#2E7D32", "#6A4C93", "#00838F", "#8D6E63", "#546E7A"]
GRID = "#E3DED6"
# Greys: notes, source lines, reference lines and markers (MUTED); legend keys of statuses (KEY).
MUTED = "#5F6368"
KEY = "#8A8A8A"
MUTED_RGB = (0x5F, 0x63, 0x68)  # MUTED for python-pptx and reportlab


@cache
def streamlit_theme() -> dict:
    """The [theme] table of .streamlit/config.toml."""
    with STREAMLIT_CONFIG.open("rb") as f:
        return tomllib.load(f)["theme"]


def palette() -> list[str]:
    """Series colours, the app's primary colour first."""
    primary = streamlit_theme()["primaryColor"]
    return [primary] + [c for c in SERIES if c.lower() != primary.lower()]


def layout(lang: str = "vi", title: str | None = None) -> dict:
    """The house style as a layout dict: fonts, colours, separators for `lang`, a readable title."""
    theme = streamlit_theme()
    out = {
        "separators": PLOTLY_SEPARATORS[lang],
        "font": {"family": FONT_FAMILY, "size": 14, "color": theme["textColor"]},
        "colorway": palette(),
        "paper_bgcolor": theme["backgroundColor"],
        "plot_bgcolor": theme["backgroundColor"],
        "margin": {"l": 60, "r": 30, "t": 70 if title else 30, "b": 60},
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    }
    if title:
        out["title"] = {"text": title, "x": 0, "xanchor": "left", "font": {"size": 18}}
    return out


def style_axes(fig: go.Figure) -> go.Figure:
    """The house grid colours on every axis of `fig`."""
    fig.update_xaxes(gridcolor=GRID, zerolinecolor=GRID)
    fig.update_yaxes(gridcolor=GRID, zerolinecolor=GRID)
    return fig


def apply(fig: go.Figure, lang: str = "vi", title: str | None = None) -> go.Figure:
    """Give `fig` the house style: fonts, colours, separators for `lang`, a readable title."""
    fig.update_layout(**layout(lang, title))
    return style_axes(fig)
