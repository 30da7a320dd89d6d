"""The map slide of the presenter deck and PDF report: for a year, the indicator that most
provinces have a full-year figure of, drawn as on the map page (quartile tiers, the year's
boundaries), with a takeaway placing the deck's locality among the provinces with a figure.

`plan` only reads the coverage counts (cheap: the deck lists slides without drawing them);
`draw` makes the figure, the takeaway and the rows behind it (shaped like `domain_figures`, so
the deck's notes, the PDF's table and its sources read them as any chart's).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from govdash.db import Fetch
from govdash.i18n import pick, t
from govdash.maps import charts, view

MIN_PROVINCES = 5      # fewer provinces with a figure make a map that says little
SLIDE_HEIGHT = 760


@dataclass(frozen=True)
class MapPlan:
    """A map slide to be: indicator, body, year, how many provinces have the figure."""
    indicator: str
    body: str
    year: int
    provinces: int


def plan(year: int, fetch: Fetch) -> MapPlan | None:
    """The best-covered indicator of `year` (at least MIN_PROVINCES provinces), or None."""
    cov = fetch("map_coverage")
    offered = view.map_indicators(cov, fetch("compare_indicators"))
    mine = cov[(cov["year"] == year) & cov["indicator"].isin(offered)]
    mine = mine[mine["province_count"] >= MIN_PROVINCES]
    if mine.empty:
        return None
    order = {i: n for n, i in enumerate(offered)}
    best = sorted(mine.to_dict("records"), key=lambda r: (-int(r["province_count"]), order[r["indicator"]]))[0]
    return MapPlan(str(best["indicator"]), str(best["body"]), year, int(best["province_count"]))


def label(p: MapPlan, fetch: Fetch, lang: str) -> str:
    """The slide's chart title in the deck's list."""
    meta = _meta(p.indicator, fetch)
    return t("pres_map_label", lang, indicator=pick(meta, "name", lang), year=p.year)


def _meta(indicator: str, fetch: Fetch) -> dict:
    inds = fetch("compare_indicators")
    return inds[inds["indicator"] == indicator].iloc[0].to_dict()


def draw(p: MapPlan, code: str, lang: str, fetch: Fetch) -> tuple[go.Figure, str, str, pd.DataFrame]:
    """The map figure, the takeaway, the source line and the figures drawn (`domain_figures` rows)."""
    meta = _meta(p.indicator, fetch)
    v = view.View(p.indicator, p.body, p.year)
    names = view.names_at(fetch("map_localities"), dt.date(p.year, 12, 31), lang)
    sources = fetch("sources_list")
    titles = dict(zip(sources["source_id"].tolist(), sources["title"].tolist()))
    rows = fetch("map_figures", indicator=p.indicator, body=p.body, year_from=p.year, year_to=p.year)
    data = view.map_data(rows, v, meta, names, lang, titles=titles)
    text = view.map_text(v, data, meta, lang)
    fig = charts.map_figure(view.map_rows(data, meta, lang, names), data.era, text, names=names,
                            height=SLIDE_HEIGHT, static=True)
    return fig, takeaway(data, code, meta, lang, p.year), view.source_line(data.table, lang), \
        _figure_rows(data, p, fetch, lang)


def takeaway(data: view.MapData, code: str, meta, lang: str, year: int) -> str:
    """`Hải Phòng đứng thứ 5 trong 52/63 tỉnh có số về … năm 2023.` (or that it has none yet)."""
    table = data.table.set_index("code")
    name = table.loc[code, "name"] if code in table.index else ""
    words = {"indicator": pick(meta, "name", lang), "year": year, "n": data.with_figure, "total": data.total}
    if name and pd.notna(table.loc[code, "rank"]):
        return t("pres_map_takeaway", lang, locality=name, rank=int(table.loc[code, "rank"]), **words)
    if name:
        return t("pres_map_takeaway_missing", lang, locality=name, **words)
    return data.coverage


def _figure_rows(data: view.MapData, p: MapPlan, fetch: Fetch, lang: str) -> pd.DataFrame:
    """The drawn figures as `domain_figures` rows, each named `<province>: <indicator>` (a deck's
    figure table has no locality column: it is about one locality)."""
    drawn = data.table[data.table["value"].notna()]
    ids = set(drawn["figure_id"])
    meta = _meta(p.indicator, fetch)
    rows = fetch("domain_figures", localities=sorted(drawn["code"]), domains=[meta["domain"]],
                 year_from=p.year, year_to=p.year)
    rows = rows[rows["figure_id"].isin(ids)].copy()
    names = dict(zip(drawn["code"], drawn["name"]))
    for lang_ in ("vi", "en"):
        col = f"indicator_name_{lang_}"
        rows[col] = [f"{names.get(c, c)}: {n}" for c, n in zip(rows["locality_code"], rows[col])]
    return rows
