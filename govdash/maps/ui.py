"""Streamlit glue of the map page (Bản đồ & Xếp hạng): its state (read once per session from the
URL, then kept under a plain session key), its pickers, the map beside the ranking, the bump
chart, the downloads, the way to a province's Overview, and the mirror of the view in the URL.

Logic lives in `govdash.maps.view`, figures in `govdash.maps.charts`; the rows come from the
`compare_figures` query (Compare's reorganisation logic) for the codes of the map's era.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from govdash import db, export, ui, xlsx
from govdash.i18n import pick, t, t_md
from govdash.maps import charts, geometry, view
from govdash.maps.view import View
from govdash.text import fold, md_escape

K_STATE, K_NOTICES, K_PICKED = "map_state", "map_notices", "map_picked_row"
W_IND, W_BODY, W_YEAR, W_SCALE = "map_indicator", "map_body", "map_year", "map_scale"
W_BOUNDS, W_BUMP, W_OPEN, W_IMAGE, W_TABLE = "map_bounds", "map_bump", "map_open", "map_image", "map_ranking"
MAP_HEIGHT = 700


# ---------------------------------------------------------------- data and state

def coverage() -> pd.DataFrame:
    """Province counts per indicator, body and year (cached query)."""
    return ui.query("map_coverage")


def indicators() -> pd.DataFrame:
    """Indicator metadata (cached query shared with Compare)."""
    return ui.query("compare_indicators")


def meta_of(indicator: str) -> dict:
    """The metadata row of an indicator, as a plain dict."""
    inds = indicators()
    return inds[inds["indicator"] == indicator].iloc[0].to_dict()


def provinces() -> pd.DataFrame:
    """Province-level units with their former names (cached query)."""
    return ui.query("map_localities")


def state() -> View | None:
    """The map view: from the URL on the page's first run in a session, then as changed."""
    if K_STATE not in st.session_state:
        params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
        codes = set(geometry.codes("63")) | set(geometry.codes("34"))
        v, notices = view.parse_query(params, coverage(), indicators(), codes)
        if v is not None and v.bounds == "current" and not view.current_allowed(meta_of(v.indicator)):
            v = replace(v, bounds="published")
        st.session_state[K_STATE] = v
        st.session_state[K_NOTICES] = notices
    return st.session_state[K_STATE]


def _set(**changes) -> View:
    v = replace(state(), **changes)
    st.session_state[K_STATE] = v
    return v


def show_notices(lang: str) -> None:
    """Tell the user, once, which values of the address could not be used."""
    state()
    for notice in st.session_state.pop(K_NOTICES, []) or []:
        values = dict(notice.values)
        if "indicator" in values:
            values.pop("indicator")
        st.warning(t_md(notice.key, lang, **values), icon="⚠️")


def _seed(key: str, value: object) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


# ---------------------------------------------------------------- callbacks

def _on_indicator() -> None:
    indicator = st.session_state[W_IND]
    cov = coverage()
    bodies = view.bodies_of(cov, indicator)
    body = state().body if state().body in bodies else bodies[0]
    years = view.indicator_years(cov, indicator, body)
    year = state().year if state().year in years else view.best_year(cov, indicator, body)
    bounds = state().bounds if view.current_allowed(meta_of(indicator)) else "published"
    _set(indicator=indicator, body=body, year=year, bounds=bounds)
    for key, value in ((W_BODY, body), (W_YEAR, year), (W_BOUNDS, bounds)):
        st.session_state[key] = value


def _on_body() -> None:
    body = st.session_state[W_BODY]
    years = view.indicator_years(coverage(), state().indicator, body)
    year = state().year if state().year in years else view.best_year(coverage(), state().indicator, body)
    _set(body=body, year=year)
    st.session_state[W_YEAR] = year


def _on_year() -> None:
    _set(year=int(st.session_state[W_YEAR]))


def _on_scale() -> None:
    _set(scale=st.session_state[W_SCALE] or state().scale)


def _on_bounds() -> None:
    _set(bounds=st.session_state[W_BOUNDS] or state().bounds)


def _on_bump() -> None:
    _set(localities=tuple(st.session_state[W_BUMP]))


# ---------------------------------------------------------------- pickers

def pickers(v: View, lang: str) -> View:
    """Indicator, body, year, colour scale and boundaries."""
    cov = coverage()
    offered, labels = _indicator_labels(lang, db.generation())
    c_ind, c_body, c_year = st.columns([6, 2, 2])
    _seed(W_IND, v.indicator)
    c_ind.selectbox(t("map_indicator", lang), offered, key=W_IND, on_change=_on_indicator, format_func=labels.get)
    bodies = view.bodies_of(cov, v.indicator)
    if len(bodies) > 1:
        _seed(W_BODY, v.body)
        c_body.selectbox(t("map_body", lang), bodies, key=W_BODY, on_change=_on_body,
                         format_func=lambda b: t("body_" + b, lang))
    else:
        c_body.text_input(t("map_body", lang), t("body_" + v.body, lang), disabled=True, key="map_body_fixed")
    years = view.indicator_years(cov, v.indicator, v.body)[::-1]
    _seed(W_YEAR, v.year)
    c_year.selectbox(t("map_year", lang), years, key=W_YEAR, on_change=_on_year)
    c_scale, c_bounds, c_image = st.columns([4, 5, 3])
    _seed(W_SCALE, v.scale)
    c_scale.segmented_control(t("map_scale", lang), list(view.SCALES), key=W_SCALE, on_change=_on_scale,
                              required=True, help=t("map_scale_help", lang),
                              format_func=lambda s: t("map_scale_" + s, lang))
    allowed = view.current_allowed(meta_of(v.indicator))
    _seed(W_BOUNDS, v.bounds)
    c_bounds.segmented_control(t("map_bounds", lang), list(view.BOUNDS), key=W_BOUNDS, on_change=_on_bounds,
                               required=True, disabled=not allowed,
                               help=t("map_bounds_help" if allowed else "map_bounds_not_summable", lang),
                               format_func=lambda b: t("map_bounds_" + b, lang))
    _seed(W_IMAGE, "png")
    c_image.segmented_control(t("map_image_format", lang), ["png", "svg"], key=W_IMAGE, required=True,
                              help=t("map_image_help", lang), format_func=str.upper)
    return state()


@st.cache_resource(max_entries=8, show_spinner=False)
def _indicator_labels(lang: str, generation: int) -> tuple[list[str], dict[str, str]]:
    """The indicators a map can show and their picker labels (with how many provinces have them)."""
    cov, inds = coverage(), indicators()
    offered = view.map_indicators(cov, inds)
    best = cov.groupby("indicator")["province_count"].max()
    rows = {r["indicator"]: r for r in inds[inds["indicator"].isin(offered)].to_dict("records")}
    return offered, {i: t("map_indicator_option", lang, name=pick(rows[i], "name", lang),
                          unit=pick(rows[i], "unit", lang), n=int(best[i])) for i in offered}


# ---------------------------------------------------------------- data of the view

def _codes(bounds: str) -> list[str]:
    """The map units the rows are fetched for on today's boundaries: today's 34."""
    return list(geometry.codes("34"))


def load(v: View, years: tuple[int, int]) -> pd.DataFrame:
    """The rows of the indicator for the map's year and the bump chart's years (cached): as
    published from `map_figures`, on today's boundaries from Compare's `compare_figures`."""
    return _rows(v.indicator, v.body, v.bounds, min(years[0], v.year), max(years[1], v.year), db.generation())


# One shared frame per indicator, boundaries and years (a cached query returns a copy per call):
# the map's year and colours change without fetching again, and what is made from these rows
# (the bump chart) is keyed by the frame itself.
@st.cache_resource(max_entries=32, show_spinner=False)
def _rows(indicator: str, body: str | None, bounds: str, year_from: int, year_to: int,
          generation: int) -> pd.DataFrame:
    if bounds == "current":
        return ui.query("compare_figures", indicator=indicator, body=body, localities=_codes("current"),
                        year_from=year_from, year_to=year_to, bounds="current")
    return ui.query("map_figures", indicator=indicator, body=body, year_from=year_from, year_to=year_to)


def published_ranks(v: View) -> pd.DataFrame | None:
    """Published national ranks of the map's year (`<indicator>_rank_national`), as published only."""
    rank = v.indicator + view.RANK_SUFFIX
    if v.bounds != "published" or rank not in set(indicators()["indicator"]):
        return None
    return ui.query("map_figures", indicator=rank, body=None, year_from=v.year, year_to=v.year)


def names(v: View, lang: str) -> dict[str, str]:
    """Province names as at the end of the map's year (today's on today's boundaries)."""
    day = dt.date.today() if v.bounds == "current" else dt.date(v.year, 12, 31)
    return view.names_at(provinces(), day, lang)


def titles() -> dict[str, str]:
    """Source documents' titles by id."""
    sources = ui.query("sources_list")
    return dict(zip(sources["source_id"].tolist(), sources["title"].tolist()))


def names_then(v: View, lang: str) -> dict[str, str]:
    """Names at the end of the map's year, whatever the boundaries (the former units a sum lacks)."""
    return view.names_at(provinces(), dt.date(v.year, 12, 31), lang)


def build(v: View, lang: str, years: tuple[int, int]) -> tuple[view.MapData, pd.DataFrame]:
    """The map data of the view and the rows it came from (made once per view and data)."""
    return _built(v, lang, years, db.generation())


# The view's data and figures are shared resources keyed by plain values (the view, language,
# years and the store's generation), read-only, as Compare's charts are: a rerun that changes
# nothing in the map (the sidebar's locality, a download) rebuilds nothing.
@st.cache_resource(max_entries=64, show_spinner=False)
def _built(v: View, lang: str, years: tuple[int, int], generation: int) -> tuple[view.MapData, pd.DataFrame]:
    rows = load(v, years)
    data = view.map_data(rows, v, meta_of(v.indicator), names(v, lang), lang, published_ranks(v), titles())
    return data, rows


# ---------------------------------------------------------------- the map and the ranking

def map_text(v: View, data: view.MapData, lang: str) -> charts.MapText:
    """The words printed inside the map (see `view.map_text`)."""
    return view.map_text(v, data, meta_of(v.indicator), lang)


def scale_note(v: View, meta: dict, data: view.MapData, lang: str) -> str:
    """One sentence saying how the colours were chosen."""
    return view.scale_note(v, meta, data, lang)


def figure(v: View, data: view.MapData, lang: str) -> go.Figure:
    """The map figure of the view (cached with the view's data; `data` is that data)."""
    return _figure(v, lang, db.generation(), data)


@st.cache_resource(max_entries=64, show_spinner=False, hash_funcs={view.MapData: id})
def _figure(v: View, lang: str, generation: int, data: view.MapData) -> go.Figure:
    meta = meta_of(v.indicator)
    rows = view.map_rows(data, meta, lang, names_then(v, lang))
    return charts.map_figure(rows, data.era, map_text(v, data, lang), names=names(v, lang), height=MAP_HEIGHT)


def image_config(image: str, name: str) -> dict:
    """Plotly toolbar: the camera saves PNG or SVG with everything inside the picture."""
    return {"displaylogo": False, "scrollZoom": False,
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
            "toImageButtonOptions": {"format": image, "filename": name, "width": 1000,
                                     "height": MAP_HEIGHT, "scale": 2 if image == "png" else 1}}


def render(v: View, lang: str, data: view.MapData) -> None:
    """The coverage line, the map and, beside it, the ranking and the provinces without a figure."""
    meta = meta_of(v.indicator)
    st.markdown(f"**{md_escape(data.coverage)}**")
    c_map, c_rank = st.columns([3, 2])
    image = st.session_state.get(W_IMAGE) or "png"
    with c_map:
        if data.with_figure == 0:
            st.info(t_md("map_nothing", lang, indicator=pick(meta, "name", lang), year=v.year), icon="ℹ️")
        fig = figure(v, data, lang)
        st.plotly_chart(fig, theme=None, key="map_chart",
                        config=image_config(image, f"govdash-map-{v.indicator}-{v.year}"))
    with c_rank:
        ranking(v, lang, data, meta)


def ranking(v: View, lang: str, data: view.MapData, meta: dict) -> None:
    """The ranking table (select a row to open its Overview), then the provinces without a figure."""
    st.subheader(t("map_ranking", lang))
    table = _ranking(v, lang, db.generation(), data)
    if not table.empty:
        small = st.column_config.Column(width="small")
        config = {t("map_col_rank", lang): small, table.columns[3 if v.scale == "tiers" else 2]: small,
                  t("map_col_tier", lang): small, t("map_col_published_rank", lang): small}
        st.dataframe(table, hide_index=True, width="stretch", key=W_TABLE, on_select="rerun",
                     selection_mode="single-row", column_config=config,
                     height=min(38 + 35 * len(table), 560))
    st.caption(t("map_ranking_note", lang, n=data.with_figure))
    for line in view.missing_text(data, lang, names_then(v, lang)):
        st.caption(md_escape(line))  # names from the data
    _open_overview(v, lang, data)


@st.cache_resource(max_entries=64, show_spinner=False, hash_funcs={view.MapData: id})
def _ranking(v: View, lang: str, generation: int, data: view.MapData) -> pd.DataFrame:
    """The ranking table of a view (shared, read-only); without a published-rank column when
    no province has one."""
    meta = meta_of(v.indicator)
    table = view.ranking_frame(data, meta, lang, view.direction(meta) or 1)
    if not table.empty and (table[t("map_col_published_rank", lang)] == "").all():
        table = table.drop(columns=[t("map_col_published_rank", lang)])
    if v.scale != "tiers":  # a step's range says no more than the value beside it
        table = table.drop(columns=[t("map_col_tier", lang)])
    return table


def _open_overview(v: View, lang: str, data: view.MapData) -> None:
    """A province chosen in the ranking or the picker → its Overview, for the map's year."""
    picked = (st.session_state.get(W_TABLE) or {}).get("selection", {}).get("rows", [])
    ranked = data.table[data.table["rank"].notna()]
    # a row picked in the ranking chooses its province once; the picker may then choose another
    if picked and picked[0] < len(ranked) and st.session_state.get(K_PICKED) != (v, picked[0]):
        st.session_state[K_PICKED] = (v, picked[0])
        st.session_state[W_OPEN] = ranked.iloc[picked[0]]["code"]
    by_name = data.table.iloc[sorted(range(len(data.table)), key=lambda i: fold(data.table["name"].iloc[i]))]
    labels = dict(zip(by_name["code"], by_name["name"]))
    code = st.selectbox(t("map_open_overview", lang), list(labels), key=W_OPEN, index=None,
                        format_func=labels.get, help=t("map_open_overview_help", lang),
                        placeholder=t("map_open_overview", lang))
    if code and st.button(t("map_open_button", lang, name=labels[code]), key="map_open_go",
                          icon=":material/arrow_forward:"):
        y_from = ui.selection().year_from
        ui.set_selection(locality=code, years=(min(y_from, v.year), v.year))
        st.switch_page("pages/overview.py")


# ---------------------------------------------------------------- bump chart

def bump(v: View, lang: str, years: tuple[int, int], rows: pd.DataFrame, data: view.MapData) -> None:
    """The change of rank over the sidebar's years for a few provinces (two years or more)."""
    span = f"{years[0]}–{years[1]}"
    st.subheader(t("map_bump", lang, years=span))
    if years[0] == years[1]:
        st.caption(t("map_bump_one_year", lang))
        return
    meta = meta_of(v.indicator)
    all_names = names(v, lang)
    chosen = v.localities or _default_bump(v.indicator, v.body, v.bounds, years, db.generation(), rows)
    options = list(dict.fromkeys(list(data.table["code"]) + list(chosen)))
    if not v.localities:
        st.session_state[W_BUMP] = list(chosen)  # the default follows the map's year
    _seed(W_BUMP, list(chosen))
    st.multiselect(t("map_bump_pick", lang), options, key=W_BUMP, on_change=_on_bump,
                   format_func=lambda c: all_names.get(c, c), max_selections=view.MAX_BUMP)
    fig = _bump(v.indicator, v.body, v.bounds, lang, years, tuple(chosen), names_key(all_names),
                db.generation(), rows)
    if fig is None:
        st.caption(t("map_nothing", lang, indicator=pick(meta, "name", lang), year=span))
        return
    st.plotly_chart(fig, theme=None, key="map_bump_chart",
                    config=image_config("png", f"govdash-rank-{v.indicator}-{span}"))


@st.cache_resource(max_entries=64, show_spinner=False, hash_funcs={pd.DataFrame: id})
def _default_bump(indicator: str, body: str | None, bounds: str, years: tuple[int, int], generation: int,
                  rows: pd.DataFrame) -> tuple[str, ...]:
    return view.default_bump(rows, years, bounds, meta_of(indicator))


def names_key(names_: dict[str, str]) -> tuple:
    """Names as a hashable cache key."""
    return tuple(sorted(names_.items()))


@st.cache_resource(max_entries=64, show_spinner=False, hash_funcs={pd.DataFrame: id})
def _bump(indicator: str, body: str | None, bounds: str, lang: str, years: tuple[int, int],
          chosen: tuple[str, ...], names_: tuple, generation: int, rows: pd.DataFrame) -> go.Figure | None:
    """The bump chart of the chosen provinces (shared, read-only): it depends on the indicator,
    boundaries and years, not on the map's year or colours (`rows` is the view's cached frame)."""
    meta = meta_of(indicator)
    all_names = dict(names_)
    points, counts = view.bump_points(rows, years, bounds, chosen, all_names, meta, lang)
    if points.empty:
        return None
    span = f"{years[0]}–{years[1]}"
    counted = ", ".join(f"{y}: {n}" for y, n in sorted(counts.items()))
    text = charts.BumpText(lang=lang, title=t("map_bump_title", lang, years=span), y_title=t("map_bump_axis", lang),
                           footer=[t("map_bump_counts", lang, counts=counted),
                                   view.rows_source_line(rows, years, titles(), lang)])
    return charts.bump_figure(points, [all_names.get(c, c) for c in chosen], list(range(years[0], years[1] + 1)), text)


# ---------------------------------------------------------------- downloads and URL

def share_link(v: View, shared: dict[str, str]) -> str:
    """The address of this view."""
    base = st.context.url or "map"
    return f"{base}?{urlencode({**shared, **v.to_query()})}"


def downloads(v: View, lang: str, data: view.MapData, shared: dict[str, str]) -> None:
    """CSV and Excel of exactly what the map and its table show (made when pressed), and the link."""
    meta = meta_of(v.indicator)
    sign = view.direction(meta) or 1
    link = share_link(v, shared)
    st.markdown(f"**{t('map_downloads', lang)}**")
    c_csv, c_xlsx, c_link = st.columns([2, 2, 5])
    name = f"govdash-map-{v.indicator}-{v.year}-{v.bounds}"

    def frame() -> pd.DataFrame:
        return view.export_frame(data, meta, v, lang, sign)

    def xlsx_bytes() -> bytes:
        about = pd.DataFrame([
            (t("map_about_title", lang), view.title(meta, v, lang)),
            (t("map_about_coverage", lang), data.coverage),
            (t("map_about_scale", lang), scale_note(v, meta, data, lang)),
            (t("map_bounds", lang), t("map_bounds_" + v.bounds, lang)),
            (t("map_ranking", lang), t("map_about_rules", lang)),
            (t("map_about_link", lang), link),
        ], columns=["", " "])
        data_sheet = frame()
        formats = {t("value_label", lang): xlsx.number_format(data_sheet[t("value_label", lang)])}
        return xlsx.to_xlsx_bytes([(t("map_sheet_data", lang), data_sheet), (t("map_sheet_about", lang), about)],
                                  formats)

    c_csv.download_button(t("map_download_csv", lang), lambda: export.to_csv_bytes(frame()), file_name=f"{name}.csv",
                          mime="text/csv", key="map_csv", icon=":material/download:", on_click="ignore")
    c_xlsx.download_button(t("map_download_xlsx", lang), xlsx_bytes, file_name=f"{name}.xlsx", key="map_xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           icon=":material/download:", on_click="ignore")
    c_link.code(link, language=None)
    c_link.caption(t("map_share", lang))


def sync_url(v: View) -> None:
    """Mirror the view in the query string (only the map keys; `ui.sync_url` keeps the rest)."""
    wanted = v.to_query()
    changes = {k: val for k, val in wanted.items() if st.query_params.get(k) != val}
    if changes:
        st.query_params.update(changes)
    for key in view.URL_KEYS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]


def empty(lang: str) -> None:
    """No indicator has a province figure: say so."""
    st.info(t("map_none", lang), icon="ℹ️")

