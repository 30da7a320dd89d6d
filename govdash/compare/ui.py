"""Streamlit glue of the compare page: its state (read once per session from the URL, then kept
under plain session keys so it survives page switches), its widgets, the views, downloads and
the coverage heatmap, and the mirror of the whole view in the URL.

Logic lives in `govdash.compare` and the figures in `govdash.compare_charts`; this module only
wires them to widgets. At national scale (~15,000 localities) nothing here handles every
locality: the picker lists one area at a time, the heatmap the chosen localities and those with
most figures, and locality rows are fetched for the codes in view only.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from govdash import export, fmt, links, ui, xlsx
from govdash.compare import charts as compare_charts
from govdash.compare import logic
from govdash.compare.logic import View
from govdash.i18n import CATALOGUE, t, t_md

K_STATE, K_DOMAIN, K_NOTICES = "compare_state", "compare_domain_state", "compare_notices"
W_DOMAIN, W_SEARCH, W_IND, W_BODY = "compare_domain", "compare_search", "compare_indicator", "compare_body"
W_LOCS, W_BOUNDS, W_VIEW, W_YEAR = "compare_localities", "compare_bounds", "compare_view", "compare_year"
W_IMAGE, W_AREA = "compare_image_format", "compare_area"
ALL_DOMAINS = ""
_NAME_COLUMNS = ("code", "name_vi", "name_en", "successor_code", "successor_name_vi", "successor_name_en")
VIEW_ICONS = {"lines": ":material/show_chart:", "bars": ":material/bar_chart:",
              "multiples": ":material/grid_view:", "table": ":material/table:"}


# ---------------------------------------------------------------- data and state

def indicators() -> pd.DataFrame:
    """Indicator metadata with figure counts and bodies (cached query)."""
    return ui.query("compare_indicators")


def localities(codes: Iterable[str]) -> pd.DataFrame:
    """The localities of `codes` with the units they became part of or took in, their names,
    successors and predecessors (cached query). Never every locality: a national list has
    ~15,000, and a view needs a dozen."""
    return ui.query("compare_localities", codes=sorted({str(c) for c in codes}))


def _first_offered(bounds: str) -> str | None:
    """The first locality the picker offers in `bounds` (the address's last resort)."""
    top = ui.query("compare_locality_options", bounds=bounds, area=None, top_only=True)
    return str(top["code"].iloc[0]) if len(top) else None


def domain_label(domain: str, lang: str) -> str:
    """A domain's name from the catalogue (its id when the catalogue has none)."""
    if domain == ALL_DOMAINS:
        return t("cmp_domain_all", lang)
    key = "cmp_domain_" + domain
    return t(key, lang) if key in CATALOGUE else domain


def state() -> View:
    """The compare view: from the URL on the page's first run in a session, then as changed."""
    if K_STATE not in st.session_state:
        sel = ui.selection()
        params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
        locs = localities(logic.query_codes(params.get("locs")) + [sel.locality])
        first = {b: _first_offered(b) for b in logic.BOUNDS}
        view, notices = logic.parse_query(params, indicators(), locs, sel.locality,
                                            (sel.year_from, sel.year_to), first_allowed=first)
        if not params.get("locs") and view.bounds == "published":  # open with the locality's peers
            peers = ui.query("compare_peers", locality=sel.locality, indicator=view.indicator, body=view.body,
                             year_from=sel.year_from, year_to=sel.year_to, limit=logic.DEFAULT_PEERS)
            view = replace(view, localities=view.localities + tuple(peers["code"]))
        st.session_state[K_STATE] = view
        st.session_state[K_NOTICES] = notices
        st.session_state[K_DOMAIN] = logic.indicator_row(indicators(), view.indicator)["domain"]
    return st.session_state[K_STATE]


def _set(**changes) -> View:
    view = replace(state(), **changes)
    st.session_state[K_STATE] = view
    return view


def show_notices(lang: str) -> None:
    """Tell the user, once, which values of the address could not be used."""
    state()  # reads the address on the page's first run
    notices = st.session_state.pop(K_NOTICES, []) or []
    if not notices:
        return
    codes = [v for n in notices for k, v in n.values.items() if k in ("old_code", "new_code")]
    locs = localities(codes)
    for notice in notices:
        st.warning(logic.notice_text(notice, lang, locs, indicators()), icon="⚠️")


def _seed(key: str, value: object) -> None:
    """Give a widget its value from the state when it has none (first run, or after a page
    switch removed it)."""
    if key not in st.session_state:
        st.session_state[key] = value


# ---------------------------------------------------------------- callbacks

def _choose_indicator(indicator: str) -> None:
    bodies = logic.bodies_of(indicators(), indicator)
    body = state().body if state().body in bodies else (bodies[0] if bodies else None)
    _set(indicator=indicator, body=body)
    st.session_state[W_IND] = indicator
    if body is not None:
        st.session_state[W_BODY] = body


def _on_domain() -> None:
    domain = st.session_state[W_DOMAIN]
    st.session_state[K_DOMAIN] = domain
    st.session_state[W_SEARCH] = ""
    options = logic.indicator_options(indicators(), domain or None, None)
    if options and state().indicator not in options:
        _choose_indicator(options[0])


def _on_search() -> None:
    text = st.session_state[W_SEARCH]
    if not text.strip():
        return
    options = logic.indicator_options(indicators(), None, text)
    if options:
        st.session_state[K_DOMAIN] = st.session_state[W_DOMAIN] = ALL_DOMAINS
        if state().indicator not in options:
            _choose_indicator(options[0])


def _on_indicator() -> None:
    _choose_indicator(st.session_state[W_IND])


def _on_body() -> None:
    _set(body=st.session_state[W_BODY])


def _on_localities() -> None:
    _set(localities=tuple(st.session_state[W_LOCS]))


def _on_bounds() -> None:
    bounds = st.session_state[W_BOUNDS] or state().bounds
    codes, _ = logic.to_bounds(list(state().localities), localities(state().localities), bounds)
    _set(bounds=bounds, localities=tuple(codes))
    st.session_state[W_LOCS] = list(codes)
    st.session_state.pop(W_AREA, None)  # areas differ between the modes: open on the default


def _on_view() -> None:
    _set(view=st.session_state[W_VIEW] or state().view)


def _on_year() -> None:
    _set(year=st.session_state[W_YEAR])


# ---------------------------------------------------------------- pickers

def pickers(lang: str) -> View:
    """Domain, indicator search, indicator, body; localities and boundary mode."""
    _indicator_pickers(state(), lang)
    _locality_pickers(state(), lang)
    return state()


def _indicator_pickers(view: View, lang: str) -> None:
    inds = indicators()
    domains = [ALL_DOMAINS] + list(dict.fromkeys(inds.sort_values("sort_order")["domain"]))
    _seed(W_DOMAIN, st.session_state.get(K_DOMAIN, ALL_DOMAINS))
    _seed(W_SEARCH, "")
    c_domain, c_search, c_ind, c_body = st.columns([3, 3, 5, 2])
    c_domain.selectbox(t("cmp_domain", lang), domains, key=W_DOMAIN, on_change=_on_domain,
                       format_func=lambda d: domain_label(d, lang))
    c_search.text_input(t("cmp_search", lang), key=W_SEARCH, on_change=_on_search,
                        help=t("cmp_search_help", lang), placeholder=t("cmp_search_placeholder", lang))
    search = st.session_state[W_SEARCH]
    options = logic.indicator_options(inds, None if search.strip() else (st.session_state[W_DOMAIN] or None),
                                        search)
    if view.indicator not in options:
        options = [view.indicator] + options
    shown = inds[inds["indicator"].isin(options)].to_dict("records")
    labels = {r["indicator"]: logic.indicator_option_label(r, lang) for r in shown}
    _seed(W_IND, view.indicator)
    c_ind.selectbox(t("cmp_indicator", lang), options, key=W_IND, on_change=_on_indicator,
                    format_func=labels.get)
    if search.strip() and not logic.indicator_options(inds, None, search):
        c_search.caption(t_md("cmp_search_none", lang, text=search))
    bodies = logic.bodies_of(inds, view.indicator)
    if view.body is not None and len(bodies) > 1:
        _seed(W_BODY, view.body)
        c_body.selectbox(t("cmp_body", lang), bodies, key=W_BODY, on_change=_on_body,
                         format_func=lambda b: t("body_" + b, lang))
    elif view.body is not None:
        c_body.text_input(t("cmp_body", lang), t("body_" + view.body, lang), disabled=True,
                          key="compare_body_fixed")


def _locality_pickers(view: View, lang: str) -> None:
    """The localities and the boundary mode. A list longer than `logic.PICKER_LIMIT` (a
    national one) is offered an area at a time: the province-level units, or one of them with
    everything under it; the chosen localities stay whichever area is shown."""
    areas = ui.query("compare_areas", bounds=view.bounds)
    chosen = localities(view.localities)
    if int(areas["locality_count"].sum()) <= logic.PICKER_LIMIT:
        c_locs, c_bounds = st.columns([7, 5])
        offered = ui.query("compare_locality_options", bounds=view.bounds, area=None, top_only=False)
    else:
        c_area, c_locs, c_bounds = st.columns([3, 5, 4])
        area = _area_picker(c_area, areas, chosen, view, lang)
        offered = ui.query("compare_locality_options", bounds=view.bounds, area=area or None,
                           top_only=not area)
    options, labels = logic.locality_options(offered, chosen, view.localities, view.bounds, lang)
    _seed(W_LOCS, list(view.localities))
    c_locs.multiselect(t("cmp_localities", lang), options, key=W_LOCS, on_change=_on_localities,
                       format_func=labels.get, max_selections=logic.MAX_LOCALITIES,
                       help=t("cmp_localities_help", lang), placeholder=t("cmp_localities_empty", lang),
                       wrap=True, filter_mode="contains")
    _seed(W_BOUNDS, view.bounds)
    c_bounds.segmented_control(t("cmp_bounds", lang), list(logic.BOUNDS), key=W_BOUNDS,
                               on_change=_on_bounds, required=True, help=t("cmp_bounds_help", lang),
                               format_func=lambda b: t("cmp_bounds_" + b, lang))


def _area_picker(column: DeltaGenerator, areas: pd.DataFrame, chosen: pd.DataFrame, view: View,
                 lang: str) -> str:
    """Which part of a national list the locality picker offers ('' = the province-level units);
    it opens on the area of the first chosen locality below province level."""
    codes = [""] + list(areas["code"])
    if st.session_state.get(W_AREA) not in codes:
        st.session_state[W_AREA] = logic.default_area(chosen, view.localities, view.bounds) or ""
    names = {r["code"]: t("cmp_area_option", lang, name=logic.name_of(r, lang),
                          n=fmt.number(int(r["locality_count"]), lang, 0)) for r in areas.to_dict("records")}
    names[""] = t("cmp_area_all", lang)
    total = int(areas["locality_count"].sum())
    return column.selectbox(t("cmp_area", lang), codes, key=W_AREA, format_func=names.get,
                            help=t("cmp_area_help", lang, n=fmt.number(total, lang, 0)))


def view_controls(view: View, lang: str, years: tuple[int, int], rows: pd.DataFrame) -> tuple[View, str]:
    """The view switch, the ranked year (bars) and the picture format; the view as shown."""
    c_view, c_year, c_image = st.columns([7, 2, 3])
    _seed(W_VIEW, view.view)
    c_view.segmented_control(t("cmp_view", lang), list(logic.VIEWS), key=W_VIEW, on_change=_on_view,
                             required=True, format_func=lambda v: f"{VIEW_ICONS[v]} {t('cmp_view_' + v, lang)}")
    if view.view == "bars":
        year = logic.bar_year(rows, view.year, years)
        if year != view.year:
            view = _set(year=year)
            st.session_state[W_YEAR] = year
        _seed(W_YEAR, year)
        c_year.selectbox(t("cmp_bar_year", lang), list(range(years[1], years[0] - 1, -1)), key=W_YEAR,
                         on_change=_on_year)
    image = "png"
    if view.view != "table":
        _seed(W_IMAGE, "png")
        image = c_image.segmented_control(t("cmp_image_format", lang), ["png", "svg"], key=W_IMAGE,
                                          required=True, help=t("cmp_image_help", lang),
                                          format_func=str.upper) or "png"
    return view, image


# ---------------------------------------------------------------- views

def load(view: View, years: tuple[int, int]) -> pd.DataFrame:
    """The rows of the view from the `compare_figures` query (cached)."""
    return ui.query("compare_figures", indicator=view.indicator, body=view.body,
                    localities=list(view.localities), year_from=years[0], year_to=years[1],
                    bounds=view.bounds)


def _titles() -> dict[str, str]:
    """Source documents' titles by id."""
    sources = ui.query("sources_list")
    return dict(zip(sources["source_id"].tolist(), sources["title"].tolist()))


def _break_year() -> tuple[int | None, pd.Timestamp | None]:
    """The first year after the reorganisation, and its date, from the lineage in the data."""
    since = ui.query("compare_reorganisation")["first_date"].dropna()
    if since.empty:
        return None, None
    first = pd.Timestamp(since.min())
    return first.year, first


def chart_text(view: View, meta: pd.Series, lang: str, years: tuple[int, int], shown: pd.DataFrame,
               extra: list[str], locs: pd.DataFrame, titles: dict[str, str]) -> compare_charts.ChartText:
    """The words printed inside the chart: title, axes, legend keys, footer."""
    year, since = _break_year()
    footer = [logic.source_line(shown, titles, lang), logic.mode_line(view, meta, lang, locs)] + extra
    return compare_charts.ChartText(
        lang=lang, title=logic.chart_title(meta, view, years, lang),
        y_title=logic.unit_of(meta, lang), x_title=t("cmp_axis_year", lang), footer=footer,
        legend_reported=t("cmp_legend_reported", lang),
        legend_estimated=t("cmp_bar_estimated" if view.view == "bars" else "cmp_legend_estimated", lang),
        legend_derived=t("cmp_legend_derived", lang), gap=t("cmp_incomplete_short", lang),
        no_data=t("cmp_no_data_short", lang), break_year=year,
        break_label=t("cmp_break", lang, date=fmt.date(since.date(), lang)) if year else "")


def notes(view: View, points: pd.DataFrame, gaps: pd.DataFrame, labels: dict[str, str],
          years: tuple[int, int], lang: str) -> list[str]:
    """Sentences under (and inside) a chart: missing years, incomplete sums, figures not drawn."""
    out = []
    if view.view == "bars":
        drawn = set(points["series_code"]) | set(gaps["series_code"])
        lacking = [label for code, label in labels.items() if code not in drawn]
        if lacking:
            out.append(t("cmp_bar_missing", lang, year=view.year, names=", ".join(lacking)))
        out.append(t("cmp_rank_note", lang))
        return out
    missing = logic.missing_years(points, gaps, labels, years)
    if missing:
        items = "; ".join(t("cmp_missing_item", lang, name=k, years=logic.year_span(v)) for k, v in missing.items())
        out.append(t("cmp_note_missing", lang, items=items))
    if not gaps.empty:
        items = "; ".join(t("cmp_incomplete_item", lang, name=name, missing=missing,
                            year=logic.year_span(list(group["year"])))
                          for (name, missing), group in gaps.groupby(["series", "missing"], sort=False))
        out.append(t("cmp_note_incomplete", lang, items=items))
    return out


def render(view: View, lang: str, years: tuple[int, int], rows: pd.DataFrame, image: str) -> pd.DataFrame:
    """The chosen view; returns exactly the rows it shows (for the downloads)."""
    meta = logic.indicator_row(indicators(), view.indicator)
    locs, titles = localities(view.localities), _titles()
    labels = logic.series_labels(rows, view.localities, locs, lang)
    shown = logic.view_rows(rows, view)
    if not view.localities:
        st.info(t("cmp_localities_empty", lang), icon="ℹ️")
        return shown
    if rows.empty:
        st.info(t_md("cmp_no_figures", lang, indicator=logic.name_of(meta, lang),
                  years=f"{years[0]}–{years[1]}"), icon="ℹ️")
        return shown
    if view.view != "table":
        points = logic.chart_points(shown, meta, lang, labels, locs, titles)
        gaps = logic.chart_gaps(shown, lang, labels, locs)
        extra = notes(view, points, gaps, labels, years, lang)
        text = chart_text(view, meta, lang, years, shown, extra, locs, titles)
        series = labels
        if points.empty and gaps.empty:
            st.info(t("cmp_nothing_charted", lang), icon="ℹ️")
        else:
            fig = _chart(view.view, points, gaps, series, years, text)
            name = f"govdash-{view.indicator}-{view.view}"
            st.plotly_chart(fig, theme=None, key=f"compare_chart_{view.view}",
                            config=compare_charts.image_config(image, name, int(fig.layout.height)))
        not_drawn = int((~rows["chartable"] & ~logic.is_gap(rows)).sum())
        if not_drawn:
            st.caption(t("cmp_note_not_charted", lang, n=not_drawn))
    _table(view, shown, meta, labels, lang, locs, titles)
    return shown


# Figures are cached by everything they are drawn from, so a rerun that changes nothing in the
# view (the sidebar's locality, a download) does not rebuild them. As resources, not data: a
# copy of a themed figure is rebuilt (and validated) on every read, which costs as much as
# drawing it. Shared between sessions, so read-only (`st.plotly_chart` only reads them).
@st.cache_resource(max_entries=64, show_spinner=False)
def _chart(kind: str, points: pd.DataFrame, gaps: pd.DataFrame, series: dict[str, str], years: tuple[int, int],
           text: compare_charts.ChartText) -> go.Figure:
    """The figure of a chart view (shared, read-only)."""
    if kind == "lines":
        return compare_charts.lines_figure(points, gaps, series, years, text)
    if kind == "multiples":
        return compare_charts.multiples_figure(points, gaps, series, years, text)
    drawn = set(points["series_code"]) | set(gaps["series_code"])
    lacking = [label for code, label in series.items() if code not in drawn]
    return compare_charts.bars_figure(points, gaps, lacking, series, text)


def _table(view: View, shown: pd.DataFrame, meta: pd.Series, labels: dict[str, str], lang: str,
           locs: pd.DataFrame, titles: dict[str, str]) -> None:
    if shown.empty:
        return
    export_df = logic.export_frame(shown, meta, lang, labels, locs, titles)
    hrefs = [links.source_link(r["source_id"], r["figure_id"], lang) if logic.present(r["source_id"])
             else (links.source_link(logic.as_list(r["component_sources"])[0],
                                            logic.as_list(r["component_ids"])[0], lang)
                   if r["derived"] else None) for r in shown.to_dict("records")]
    table = logic.display_frame(export_df, shown, meta, lang, hrefs, view.view)
    config = {t("quote_label", lang): st.column_config.TextColumn(width="large"),
              t("cmp_col_link", lang): st.column_config.LinkColumn(display_text="↗")}
    if view.view == "table":
        st.dataframe(table, hide_index=True, width="stretch", column_config=config, key="compare_table")
    else:
        with st.expander(t("cmp_data_shown", lang), expanded=False):
            st.dataframe(table, hide_index=True, width="stretch", column_config=config,
                         key="compare_table")


def downloads(view: View, lang: str, years: tuple[int, int], shown: pd.DataFrame, shared: dict[str, str]) -> None:
    """CSV and Excel of exactly the rows shown, and the link that reopens this view. The files
    are made when a button is pressed (Streamlit calls the function then), not on every rerun."""
    meta = logic.indicator_row(indicators(), view.indicator)
    locs = localities(view.localities)
    labels = logic.series_labels(shown, view.localities, locs, lang)
    link = share_link(view, shared)
    titles, sources = _titles(), ui.query("sources_list")
    st.markdown(f"**{t('cmp_downloads', lang)}**")
    c_csv, c_xlsx, c_link = st.columns([2, 2, 5])
    name = f"govdash-{view.indicator}-{view.view}-{years[0]}-{years[1]}"

    def csv_bytes() -> bytes:
        return export.to_csv_bytes(logic.export_frame(shown, meta, lang, labels, locs, titles))

    def xlsx_bytes() -> bytes:
        return excel_bytes(view, lang, years, shown, link, meta, locs, titles, sources)

    c_csv.download_button(t("cmp_download_csv", lang), csv_bytes, file_name=f"{name}.csv",
                          mime="text/csv", key="compare_csv", icon=":material/download:",
                          disabled=shown.empty, on_click="ignore")
    c_xlsx.download_button(t("cmp_download_xlsx", lang), xlsx_bytes,
                           file_name=f"{name}.xlsx", key="compare_xlsx", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           disabled=shown.empty, on_click="ignore")
    c_link.code(link, language=None)
    c_link.caption(t("cmp_share", lang))


def excel_bytes(view: View, lang: str, years: tuple[int, int], shown: pd.DataFrame, link: str,
                meta: pd.Series, locs: pd.DataFrame, titles: dict[str, str], sources: pd.DataFrame) -> bytes:
    """The Excel file: data sheet, sources and quotes, and what it is (no Streamlit calls: it
    runs when the button is pressed, outside the page's run)."""
    labels = logic.series_labels(shown, view.localities, locs, lang)
    data = logic.export_frame(shown, meta, lang, labels, locs, titles)
    srcs = logic.sources_frame(shown, meta, lang, labels, locs, sources)
    about = logic.about_frame(lang, logic.chart_title(meta, view, years, lang), meta, view, link)
    formats = {t("value_label", lang): xlsx.number_format(data[t("value_label", lang)])}
    return xlsx.to_xlsx_bytes([(t("cmp_sheet_data", lang), data), (t("cmp_sheet_sources", lang), srcs),
                               (t("cmp_sheet_about", lang), about)], formats)


def share_link(view: View, shared: dict[str, str]) -> str:
    """The address of this view: the page's own URL when the browser told us, else relative."""
    base = st.context.url or "compare"
    return f"{base}?{logic.share_query(view, shared)}"


def coverage(view: View, lang: str) -> None:
    """Localities × years heatmap for the indicator's domain: what can be compared at all."""
    meta = logic.indicator_row(indicators(), view.indicator)
    domain = domain_label(meta["domain"], lang)
    st.subheader(t("cmp_coverage", lang, domain=domain))
    st.caption(t("cmp_coverage_intro", lang))
    counts = ui.query("compare_coverage", domain=meta["domain"], localities=_series_codes(view),
                      limit=logic.COVERAGE_ROWS)
    if counts.empty:
        st.info(t("cmp_no_figures", lang, indicator=domain, years="—"), icon="ℹ️")
        return
    shown, total = counts["locality_code"].nunique(), int(counts["locality_total"].iloc[0])
    if shown < total:
        st.caption(t("cmp_coverage_some", lang, shown=fmt.number(shown, lang, 0),
                     total=fmt.number(total, lang, 0)))
    names = localities(counts["locality_code"].unique())[list(_NAME_COLUMNS)]
    fig = _coverage_chart(counts, names, lang, domain)
    st.plotly_chart(fig, theme=None, key="compare_coverage",
                    config=compare_charts.image_config("png", f"govdash-coverage-{meta['domain']}",
                                                       int(fig.layout.height)))


@st.cache_resource(max_entries=32, show_spinner=False)
def _coverage_chart(counts: pd.DataFrame, names: pd.DataFrame, lang: str, domain: str) -> go.Figure:
    """The coverage heatmap of `compare_coverage` rows (shared, read-only; cached as `_chart`)."""
    cells = logic.coverage_cells(counts, names, lang)
    rows = list(dict.fromkeys(cells["row"]))  # the query's display order
    years = sorted(int(y) for y in cells["year"].unique())
    text = compare_charts.ChartText(lang=lang, title=t("cmp_coverage_title", lang, domain=domain),
                                    footer=[t("cmp_coverage_abbr", lang)])
    labels = {1: t("cmp_coverage_planned", lang), 2: t("cmp_coverage_estimated", lang),
              3: t("cmp_coverage_final", lang)}
    return compare_charts.coverage_figure(cells, rows, years, labels, text)


def _series_codes(view: View) -> list[str]:
    """The localities a view draws: the chosen ones and, on today's boundaries, those merged
    into them."""
    codes = list(view.localities)
    if view.bounds == "current":
        rows = localities(view.localities)
        for preds in rows[rows["code"].isin(view.localities)]["predecessor_codes"]:
            codes += [str(c) for c in preds]
    return list(dict.fromkeys(codes))


def sync_url(view: View) -> None:
    """Mirror the view in the query string (only the compare keys; `ui.sync_url` keeps the rest)."""
    wanted = view.to_query()
    changes = {k: v for k, v in wanted.items() if st.query_params.get(k) != v}
    if changes:
        st.query_params.update(changes)
    for key in logic.URL_KEYS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
