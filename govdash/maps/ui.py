"""Streamlit glue of the map page (Bản đồ & Xếp hạng): its state (read once per session from the
URL, then kept under a plain session key), its pickers, the map beside the ranking, the bump
chart, the downloads, the way to a province's Overview, and the mirror of the view in the URL.

Logic lives in `govdash.maps.view`, figures in `govdash.maps.charts`; the rows come from the
`compare_figures` query (Compare's reorganisation logic) for the codes of the map's era.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
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
W_CHART = "map_chart"
MAP_HEIGHT = 700


# ---------------------------------------------------------------- data and state
# What the page reads on every rerun is made once per store generation and shared, read-only:
# a cached query returns a fresh copy per call (a pickle round trip), too slow to call a dozen
# times a rerun.

@st.cache_resource(max_entries=4, show_spinner=False)
def _shared(name: str, generation: int) -> pd.DataFrame:
    return ui.query(name)


def coverage() -> pd.DataFrame:
    """Province counts per indicator, body and year (shared, read-only)."""
    return _shared("map_coverage", db.generation())


def indicators() -> pd.DataFrame:
    """Indicator metadata (the query shared with Compare; shared, read-only)."""
    return _shared("compare_indicators", db.generation())


@st.cache_resource(max_entries=2, show_spinner=False)
def _metas(generation: int) -> dict[str, dict]:
    return {r["indicator"]: r for r in indicators().to_dict("records")}


def meta_of(indicator: str) -> dict:
    """The metadata row of an indicator, as a plain dict (shared: do not change it)."""
    return _metas(db.generation())[indicator]


@st.cache_resource(max_entries=256, show_spinner=False)
def _choices(indicator: str, body: str | None, generation: int) -> tuple[list[str], list[int], int | None]:
    cov = coverage()
    return (view.bodies_of(cov, indicator), view.indicator_years(cov, indicator, body),
            view.best_year(cov, indicator, body))


def bodies_of(indicator: str) -> list[str]:
    """The bodies an indicator has province figures for, the best covered first."""
    return _choices(indicator, None, db.generation())[0]


def years_of(indicator: str, body: str | None) -> list[int]:
    """The years of an indicator (and body) some province has a figure for."""
    return _choices(indicator, body, db.generation())[1]


def best_year(indicator: str, body: str | None) -> int | None:
    """The latest of the years in which most provinces have the figure."""
    return _choices(indicator, body, db.generation())[2]


def provinces() -> pd.DataFrame:
    """Province-level units with their former names (shared, read-only)."""
    return _shared("map_localities", db.generation())


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
    bodies = bodies_of(indicator)
    body = state().body if state().body in bodies else bodies[0]
    year = state().year if state().year in years_of(indicator, body) else best_year(indicator, body)
    bounds = state().bounds if view.current_allowed(meta_of(indicator)) else "published"
    _set(indicator=indicator, body=body, year=year, bounds=bounds)
    for key, value in ((W_BODY, body), (W_YEAR, year), (W_BOUNDS, bounds)):
        st.session_state[key] = value


def _on_body() -> None:
    body = st.session_state[W_BODY]
    year = state().year if state().year in years_of(state().indicator, body) else best_year(state().indicator, body)
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
    offered, labels = _indicator_labels(lang, db.generation())
    c_ind, c_body, c_year = st.columns([6, 2, 2])
    _seed(W_IND, v.indicator)
    c_ind.selectbox(t("map_indicator", lang), offered, key=W_IND, on_change=_on_indicator, format_func=labels.get)
    bodies = bodies_of(v.indicator)
    if len(bodies) > 1:
        _seed(W_BODY, v.body)
        c_body.selectbox(t("map_body", lang), bodies, key=W_BODY, on_change=_on_body,
                         format_func=lambda b: t("body_" + b, lang))
    else:
        c_body.text_input(t("map_body", lang), t("body_" + v.body, lang), disabled=True, key="map_body_fixed")
    years = years_of(v.indicator, v.body)[::-1]
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


def load(v: View) -> list[dict]:
    """The rows of the indicator for every year of the data (shared, read-only): as published
    from `map_figures`, on today's boundaries from Compare's `compare_figures`."""
    return _rows(v.indicator, v.body, v.bounds, db.generation())


# One list of plain rows per indicator, body and boundaries, every year at once (the query costs
# the same for one year or ten): the map's year, its colours and the bump chart's years change
# without fetching again, and the rows are turned into dicts once, not per view.
@st.cache_resource(max_entries=32, show_spinner=False)
def _rows(indicator: str, body: str | None, bounds: str, generation: int) -> list[dict]:
    years = coverage()["year"]
    span = {"year_from": int(years.min()), "year_to": int(years.max())}
    if bounds == "current":
        frame = ui.query("compare_figures", indicator=indicator, body=body, localities=_codes("current"),
                         bounds="current", **span)
    else:
        frame = ui.query("map_figures", indicator=indicator, body=body, **span)
    return view.records(frame)


def published_ranks(v: View) -> pd.DataFrame | None:
    """Published national ranks of the map's year (`<indicator>_rank_national`), as published only."""
    rank = v.indicator + view.RANK_SUFFIX
    if v.bounds != "published" or rank not in _metas(db.generation()):
        return None
    return ui.query("map_figures", indicator=rank, body=None, year_from=v.year, year_to=v.year)


def names(v: View, lang: str) -> dict[str, str]:
    """Province names as at the end of the map's year (today's on today's boundaries)."""
    day = dt.date.today() if v.bounds == "current" else dt.date(v.year, 12, 31)
    return _names_on(day, lang, db.generation())


def names_then(v: View, lang: str) -> dict[str, str]:
    """Names at the end of the map's year, whatever the boundaries (the former units a sum lacks)."""
    return _names_on(dt.date(v.year, 12, 31), lang, db.generation())


@st.cache_resource(max_entries=64, show_spinner=False)
def _names_on(day: dt.date, lang: str, generation: int) -> dict[str, str]:
    return view.names_at(provinces(), day, lang)


def titles() -> dict[str, str]:
    """Source documents' titles by id (shared, read-only)."""
    return _titles(db.generation())


@st.cache_resource(max_entries=2, show_spinner=False)
def _titles(generation: int) -> dict[str, str]:
    sources = ui.query("sources_list")
    return dict(zip(sources["source_id"].tolist(), sources["title"].tolist()))


@dataclass(frozen=True)
class Shown:
    """Everything the map and the ranking beside it show for one view, made once: the data, the
    figure, the ranking table and its narrow columns, the lines on the provinces without a
    figure, and the provinces by name (the picker that opens an Overview)."""
    data: view.MapData
    figure: go.Figure
    table: pd.DataFrame
    narrow: tuple[str, ...]
    missing: tuple[str, ...]
    by_name: dict[str, str]
    ranked: tuple[str, ...]     # codes in the ranking's order (a selected row → its province)
    codes: tuple[str, ...]      # every province of the map: ranked, then those without a figure


def build(v: View, lang: str) -> Shown:
    """What the view shows (shared, read-only; the bump chart's provinces are not part of it)."""
    return _built(replace(v, localities=()), lang, db.generation())


# Keyed by plain values (the view, language and the store's generation), as Compare's charts
# are: a rerun that changes nothing in the map (the sidebar, the bump chart, a download)
# rebuilds nothing, and a view drawn before is drawn again from here.
@st.cache_resource(max_entries=64, show_spinner=False)
def _built(v: View, lang: str, generation: int) -> Shown:
    meta = meta_of(v.indicator)
    data = view.map_data(load(v), v, meta, names(v, lang), lang, published_ranks(v), titles())
    rows = view.map_rows(data, meta, lang, names_then(v, lang))
    fig = charts.map_figure(rows, data.era, view.map_text(v, data, meta, lang), names=names(v, lang),
                            height=MAP_HEIGHT, shared=True)
    table = _ranking(v, data, meta, lang)
    narrow = tuple(c for c in (t("map_col_rank", lang), t("map_col_tier", lang), t("map_col_published_rank", lang),
                               table.columns[3 if v.scale == "tiers" else 2] if len(table.columns) > 3 else "")
                   if c in table.columns)
    order = sorted(zip(data.table["name"].tolist(), data.table["code"].tolist()), key=lambda p: fold(p[0]))
    ranked = tuple(data.table.loc[data.table["rank"].notna(), "code"])
    return Shown(data, fig, table, narrow, tuple(view.missing_text(data, lang, names_then(v, lang))),
                 {code: name for name, code in order}, ranked, tuple(data.table["code"]))


def _ranking(v: View, data: view.MapData, meta: dict, lang: str) -> pd.DataFrame:
    """The ranking table of a view; without a published-rank column when no province has one."""
    table = view.ranking_frame(data, meta, lang, view.direction(meta) or 1)
    if not table.empty and (table[t("map_col_published_rank", lang)] == "").all():
        table = table.drop(columns=[t("map_col_published_rank", lang)])
    if v.scale != "tiers":  # a step's range says no more than the value beside it
        table = table.drop(columns=[t("map_col_tier", lang)])
    return table


# ---------------------------------------------------------------- the map and the ranking

def scale_note(v: View, meta: dict, data: view.MapData, lang: str) -> str:
    """One sentence saying how the colours were chosen."""
    return view.scale_note(v, meta, data, lang)


def image_config(image: str, name: str) -> dict:
    """Plotly toolbar: the camera saves PNG or SVG with everything inside the picture."""
    return {"displaylogo": False, "scrollZoom": False,
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
            "toImageButtonOptions": {"format": image, "filename": name, "width": 1000,
                                     "height": MAP_HEIGHT, "scale": 2 if image == "png" else 1}}


def render(v: View, lang: str, shown: Shown) -> None:
    """The coverage line, the map (click a province → its Overview) and, beside it, the ranking
    and the provinces without a figure."""
    data = shown.data
    st.markdown(f"**{md_escape(data.coverage)}**")
    c_map, c_rank = st.columns([3, 2])
    image = st.session_state.get(W_IMAGE) or "png"
    with c_map:
        if data.with_figure == 0:
            meta = meta_of(v.indicator)
            st.info(t_md("map_nothing", lang, indicator=pick(meta, "name", lang), year=v.year), icon="ℹ️")
        event = st.plotly_chart(shown.figure, theme=None, key=W_CHART, on_select="rerun", selection_mode="points",
                                config=image_config(image, f"govdash-map-{v.indicator}-{v.year}"))
        st.caption(t("map_click_hint", lang))
        _clicked(v, event, shown)
    with c_rank:
        ranking(v, lang, shown)


def _clicked(v: View, event: object, shown: Shown) -> None:
    """A province clicked on the map → its Overview, for the map's year."""
    code = view.clicked_code(event, shown.by_name)
    if code:
        _go_overview(v, code)


def _go_overview(v: View, code: str) -> None:
    y_from = ui.selection().year_from
    ui.set_selection(locality=code, years=(min(y_from, v.year), v.year))
    st.switch_page("pages/overview.py")


def ranking(v: View, lang: str, shown: Shown) -> None:
    """The ranking table (select a row to open its Overview), then the provinces without a figure."""
    st.subheader(t("map_ranking", lang))
    table = shown.table
    if not table.empty:
        small = st.column_config.Column(width="small")
        st.dataframe(table, hide_index=True, width="stretch", key=W_TABLE, on_select="rerun",
                     selection_mode="single-row", column_config=dict.fromkeys(shown.narrow, small),
                     height=min(38 + 35 * len(table), 560))
    st.caption(t("map_ranking_note", lang, n=shown.data.with_figure))
    for line in shown.missing:
        st.caption(md_escape(line))  # names from the data
    _open_overview(v, lang, shown)


def _open_overview(v: View, lang: str, shown: Shown) -> None:
    """A province chosen in the ranking or the picker → its Overview, for the map's year."""
    picked = (st.session_state.get(W_TABLE) or {}).get("selection", {}).get("rows", [])
    # a row picked in the ranking chooses its province once; the picker may then choose another
    if picked and picked[0] < len(shown.ranked) and st.session_state.get(K_PICKED) != (v, picked[0]):
        st.session_state[K_PICKED] = (v, picked[0])
        st.session_state[W_OPEN] = shown.ranked[picked[0]]
    labels = shown.by_name
    code = st.selectbox(t("map_open_overview", lang), list(labels), key=W_OPEN, index=None,
                        format_func=labels.get, help=t("map_open_overview_help", lang),
                        placeholder=t("map_open_overview", lang))
    if code and st.button(t("map_open_button", lang, name=labels[code]), key="map_open_go",
                          icon=":material/arrow_forward:"):
        _go_overview(v, code)


# ---------------------------------------------------------------- bump chart

def bump(v: View, lang: str, years: tuple[int, int], shown: Shown) -> None:
    """The change of rank over the sidebar's years for a few provinces (two years or more)."""
    span = f"{years[0]}–{years[1]}"
    st.subheader(t("map_bump", lang, years=span))
    if years[0] == years[1]:
        st.caption(t("map_bump_one_year", lang))
        return
    all_names = names(v, lang)
    chosen = v.localities or _default_bump(v.indicator, v.body, v.bounds, years, db.generation())
    options = list(dict.fromkeys(shown.codes + tuple(chosen)))
    if not v.localities:
        st.session_state[W_BUMP] = list(chosen)  # the default follows the map's year
    _seed(W_BUMP, list(chosen))
    st.multiselect(t("map_bump_pick", lang), options, key=W_BUMP, on_change=_on_bump,
                   format_func=lambda c: all_names.get(c, c), max_selections=view.MAX_BUMP)
    # keyed by the names of the chosen provinces only: the map's year changes no line
    fig = _bump(v.indicator, v.body, v.bounds, lang, years, tuple(chosen),
                tuple(all_names.get(c, c) for c in chosen), db.generation())
    if fig is None:
        meta = meta_of(v.indicator)
        st.caption(t("map_nothing", lang, indicator=pick(meta, "name", lang), year=span))
        return
    st.plotly_chart(fig, theme=None, key="map_bump_chart",
                    config=image_config("png", f"govdash-rank-{v.indicator}-{span}"))


@st.cache_resource(max_entries=64, show_spinner=False)
def _default_bump(indicator: str, body: str | None, bounds: str, years: tuple[int, int],
                  generation: int) -> tuple[str, ...]:
    return view.default_bump(_rows(indicator, body, bounds, generation), years, bounds, meta_of(indicator))


@st.cache_resource(max_entries=64, show_spinner=False)
def _bump(indicator: str, body: str | None, bounds: str, lang: str, years: tuple[int, int],
          chosen: tuple[str, ...], chosen_names: tuple[str, ...], generation: int) -> go.Figure | None:
    """The bump chart of the chosen provinces (shared, read-only): it depends on the indicator,
    boundaries and years, not on the map's year or colours."""
    meta = meta_of(indicator)
    rows = _rows(indicator, body, bounds, generation)
    named = dict(zip(chosen, chosen_names))
    points, counts = view.bump_points(rows, years, bounds, chosen, named, meta, lang)
    if points.empty:
        return None
    span = f"{years[0]}–{years[1]}"
    counted = ", ".join(f"{y}: {n}" for y, n in sorted(counts.items()))
    text = charts.BumpText(lang=lang, title=t("map_bump_title", lang, years=span), y_title=t("map_bump_axis", lang),
                           footer=[t("map_bump_counts", lang, counts=counted),
                                   view.rows_source_line(rows, years, titles(), lang)])
    return charts.bump_figure(points, list(chosen_names), list(range(years[0], years[1] + 1)), text)


# ---------------------------------------------------------------- downloads and URL

def share_link(v: View, shared: dict[str, str]) -> str:
    """The address of this view."""
    base = st.context.url or "map"
    return f"{base}?{urlencode({**shared, **v.to_query()})}"


def downloads(v: View, lang: str, shown: Shown, shared: dict[str, str]) -> None:
    """CSV and Excel of exactly what the map and its table show (made when pressed), and the link."""
    data = shown.data
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

