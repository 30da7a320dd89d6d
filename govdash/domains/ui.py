"""Streamlit rendering of a domain page (sessions, supervision, voters, budget): the comparison
picker, KPI cards, sections of charts with their tables, cards, coverage and the empty state.
The page files call `render(page)`; what to show comes from `govdash.domains`."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from govdash import db, export, ui
from govdash.domains import build
from govdash.domains.charts import Chart, register_table
from govdash.i18n import t, t_md
from govdash.text import md_escape

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "toImageButtonOptions": {"format": "png", "scale": 2}}


def _names(codes: list[str], lang: str) -> dict[str, str]:
    return {c: ui.locality_name(c, lang) for c in codes}


def compare_picker(page: str, sel, coverage: pd.DataFrame) -> list[str]:
    """The page's "compare with" multiselect: other localities with data for the page in the range."""
    lang = sel.lang
    options = build.compare_options(coverage, sel.locality)
    if not options:
        st.caption(t("dom_compare_none", lang))
        return []
    default = build.default_compare(coverage, sel.locality)
    labels = build.option_labels(coverage, lang)

    return st.multiselect(t("dom_compare", lang), options=options, default=default, format_func=labels.__getitem__,
                          key=f"{page}_compare_{sel.locality}", help=t("dom_compare_help", lang),
                          placeholder=t("dom_compare_placeholder", lang))


# What a page shows for a selection is a pure function of plain values: computed once and shared
# by every session of the process as resources (read-only), not as data, since a copy of cached
# data is unpickled on every read, which for Plotly figures costs as much as drawing them anew.
@st.cache_resource(max_entries=64, show_spinner=False)
def _view(page: str, shown: tuple[str, ...], year_from: int, year_to: int, lang: str,
          store: int, hide_low: bool = False) -> tuple[build.PageData, build.PageView]:
    """A page's data and content with no chart drawn yet, cached per selection; `store`
    (`db.generation()`) changes when the data are reloaded, so a reload is never served stale
    pages."""
    data = build.load(page, shown, year_from, year_to, fetch=ui.query, hide_low=hide_low)
    return data, build.build(page, data, shown, year_from, year_to, lang, render=())


@st.cache_resource(max_entries=128, show_spinner=False)
def _charts(page: str, shown: tuple[str, ...], year_from: int, year_to: int, lang: str, store: int,
            index: int, hide_low: bool = False) -> list[Chart]:
    """The drawn charts of one section: only the open tab's are drawn, when it is opened."""
    _, view = _view(page, shown, year_from, year_to, lang, store, hide_low)
    return build.draw(view.sections[index].parts, shown, year_from, year_to, lang)


def render(page: str) -> None:
    """Draw one domain page for the current selection."""
    spec = build.page_spec(page)
    sel = ui.selection()
    lang = sel.lang
    span = build.range_label(sel.year_from, sel.year_to)
    st.title(t_md("dom_heading", lang, page=t(spec.title, lang), locality=ui.locality_name(sel.locality, lang),
               years=span))
    ui.show_notices()
    st.caption(t(f"dom_intro_{page}", lang))
    coverage = ui.query("domain_coverage", domains=spec.domains, year_from=sel.year_from, year_to=sel.year_to,
                        locality=sel.locality)
    compare = compare_picker(page, sel, coverage)
    shown = (sel.locality, *compare)
    st.caption(md_escape(build.coverage_line(coverage, shown, _names(list(shown), lang), sel.year_from, sel.year_to, lang)))
    hide_low = st.toggle(t("dom_hide_low", lang), key=f"{page}_hide_low", help=t("dom_hide_low_help", lang))
    store = db.generation()
    data, view = _view(page, shown, sel.year_from, sel.year_to, lang, store, hide_low)
    if data.hidden:
        st.caption(t_md("dom_hidden_low", lang, n=data.hidden))
    if view.kpi_year is None:
        has_own = bool((data.rows["locality_code"] == sel.locality).any())
        if not has_own:
            message = t_md("dom_empty", lang, page=t(spec.title, lang),
                        locality=ui.locality_name(sel.locality, lang), years=span)
            ui.empty_state(sel, domain=spec.domains, message=message)
            if data.rows.empty:
                return
        else:
            st.info(t_md("dom_only_plans", lang, locality=ui.locality_name(sel.locality, lang), years=span), icon="ℹ️")
    else:
        _kpis(view, sel)
    filled = [(i, s) for i, s in enumerate(view.sections) if s.has_content()]
    if filled:
        # one tab per section: only the open one's charts are drawn (a rerun when another opens)
        tabs = st.tabs([s.title for _, s in filled], key=f"{page}_section", on_change="rerun")
        for tab, (index, section) in zip(tabs, filled):
            if tab.open:
                with tab:
                    drawn = _charts(page, shown, sel.year_from, sel.year_to, lang, store, index, hide_low)
                    _section(page, section, drawn, lang, several=len(shown) > 1)
    if not view.other_cards.empty:
        st.subheader(t("dom_other_figures", lang))
        ui.kpi_grid(build.cards(view.other_cards, lang, name_locality=True), per_row=3)
    st.divider()
    ui.figure_table(view.all_rows, key=f"{page}_all", title=t("dom_all_table", lang, n=len(view.all_rows)))


def _kpis(view: build.PageView, sel) -> None:
    lang = sel.lang
    annual = bool((view.kpi_rows["period_kind"] == "year").all())
    st.subheader(t_md("dom_kpi_heading" if annual else "dom_kpi_heading_partial", lang,
                   locality=ui.locality_name(sel.locality, lang), year=view.kpi_year))
    ui.kpi_grid(build.cards(view.kpi_rows, lang, name_locality=False), per_row=3)
    st.caption(t("not_final_note", lang))


def _section(page: str, section: build.SectionView, drawn: list[Chart], lang: str, several: bool) -> None:
    """A section: its charts (two narrow ones to a row, in page order), then its cards."""
    for row in build.layout_rows(drawn):
        if len(row) == 1:
            _chart(page, row[0], lang)
            continue
        for col, chart in zip(st.columns(2), row):
            with col:
                _chart(page, chart, lang)
    if not section.cards.empty:
        ui.kpi_grid(build.cards(section.cards, lang, name_locality=several), per_row=3)


def _chart(page: str, chart: Chart, lang: str) -> None:
    key = f"{page}_{chart.key}"
    if chart.figure is None:
        st.markdown(f"**{md_escape(chart.title)}**")
        st.caption(md_escape(chart.note))
    else:
        st.plotly_chart(chart.figure, theme=None, key=f"{key}_chart", config=PLOTLY_CONFIG)
    if chart.kind == "register":
        _register_table(chart.rows, key, lang)
    else:
        ui.figure_table(chart.rows, key=f"{key}_table", title=t("dom_chart_table", lang, n=len(chart.rows)))


def _register_table(register: pd.DataFrame, key: str, lang: str) -> None:
    table = register_table(register, lang)
    with st.expander(t("dom_register_table", lang, n=len(table)), expanded=False):
        st.dataframe(table.drop(columns=["session_id"]), hide_index=True, width="stretch",
                     column_config={t("quote_label", lang): st.column_config.TextColumn(width="large")})
        st.download_button(t("download_csv", lang), export.to_csv_bytes(table),
                           file_name=f"govdash-{key}.csv", mime="text/csv", key=f"{key}_csv")
