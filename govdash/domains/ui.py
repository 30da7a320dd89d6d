"""Streamlit rendering of a domain page (sessions, supervision, voters, budget): the comparison
picker, KPI cards, sections of charts with their tables, cards, coverage and the empty state.
The page files call `render(page)`; what to show comes from `govdash.domains`."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from govdash import db, export, paths, ui
from govdash.domains import build, kpi
from govdash.domains.charts import Chart, register_table
from govdash.i18n import t, t_md
from govdash.text import md_escape

# More cards than this in one group are shown as one table: with five localities a section can
# hold 60 cards, which say less than a table and cost the browser more than its charts (issue 16).
CARD_LIMIT = 12

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "toImageButtonOptions": {"format": "png", "scale": 2}}


def _names(codes: list[str], lang: str) -> dict[str, str]:
    return {c: ui.locality_name(c, lang) for c in codes}


@dataclass(eq=False)
class _Picker:
    """The "compare with" choices of a page for a locality and years (shared read-only);
    `coverage` keeps only what the coverage line reads (code, year): a national list is
    ~1,000 localities' rows, and a cache entry is kept per locality, years and language."""
    coverage: pd.DataFrame
    options: list[str]
    default: list[str]
    labels: dict[str, str]
    narrowed: bool = False  # only the near localities are offered (`build.compare_options`)


@st.cache_resource(max_entries=96, show_spinner=False)  # bounds: see govdash.ui._shared_result
def _picker(page: str, locality: str, year_from: int, year_to: int, lang: str, store: int,
            limit: int) -> _Picker:
    spec = build.page_spec(page)
    coverage = ui.query("domain_coverage", domains=spec.domains, year_from=year_from, year_to=year_to,
                        locality=locality)
    options, narrowed = build.compare_options(coverage, locality, limit=limit)
    years = coverage[["locality_code", "year"]]
    if not options:
        return _Picker(years, [], [], {})
    offered = set(options)
    return _Picker(years, options, [c for c in build.default_compare(coverage, locality) if c in offered],
                   build.option_labels(coverage[coverage["locality_code"].isin(offered)], lang), narrowed)


def compare_picker(page: str, sel, picker: _Picker) -> list[str]:
    """The page's "compare with" multiselect: other localities with data for the page in the range."""
    lang = sel.lang
    if not picker.options:
        st.caption(t("dom_compare_none", lang))
        return []
    return st.multiselect(t("dom_compare", lang), options=picker.options, default=picker.default,
                          format_func=picker.labels.__getitem__, key=f"{page}_compare_{sel.locality}",
                          help=t("dom_compare_help_near" if picker.narrowed else "dom_compare_help", lang),
                          placeholder=t("dom_compare_placeholder", lang))


@dataclass(eq=False)
class _Shown:
    """Everything a domain page shows for a selection but its charts, ready to draw: the data,
    the built view, the coverage line and every card (shared read-only)."""
    data: build.PageData
    view: build.PageView
    has_own: bool
    kpi_annual: bool
    kpi_cards: list
    other_cards: list  # the other figures as cards, or (more than CARD_LIMIT) none and …
    other_table: pd.DataFrame | None = None  # … their rows for one table


# What a page shows for a selection is a pure function of plain values: computed once and shared
# by every session of the process as resources (read-only), not as data, since a copy of cached
# data is unpickled on every read, which for Plotly figures costs as much as drawing them anew.
@st.cache_resource(max_entries=32, show_spinner=False)
def _view(page: str, shown: tuple[str, ...], year_from: int, year_to: int, lang: str,
          store: int, hide_low: bool = False) -> _Shown:
    """A page's data and content with no chart drawn yet, cached per selection; `store`
    (`db.generation()`) changes when the data are reloaded, so a reload is never served stale
    pages."""
    data = build.load(page, shown, year_from, year_to, fetch=ui.query, hide_low=hide_low)
    view = build.build(page, data, shown, year_from, year_to, lang, render=())
    other_cards, other_table = _cards_or_table(view.other_records, lambda: view.other_cards, lang,
                                               name_locality=True)
    return _Shown(
        data, view,
        has_own=bool((data.rows["locality_code"] == shown[0]).any()),
        kpi_annual=bool((view.kpi_rows["period_kind"] == "year").all()),
        kpi_cards=build.cards(view.kpi_rows, lang, name_locality=False) if view.kpi_year is not None else [],
        other_cards=other_cards, other_table=other_table,
    )


def _cards_or_table(records: list[dict], frame, lang: str, name_locality: bool) -> tuple[list, pd.DataFrame | None]:
    """A group of figures as cards, or, above CARD_LIMIT, no cards and their rows (`frame()`,
    taken only then) for one table."""
    if len(records) > CARD_LIMIT:
        return [], frame()
    return build.cards(records, lang, name_locality=name_locality), None


@st.cache_resource(max_entries=256, show_spinner=False)
def _coverage_line(page: str, shown: tuple[str, ...], year_from: int, year_to: int, lang: str, store: int,
                   limit: int) -> str:
    picker = _picker(page, shown[0], year_from, year_to, lang, store, limit)
    return build.coverage_line(picker.coverage, shown, _names(list(shown), lang), year_from, year_to, lang,
                               narrowed=picker.narrowed)


@st.cache_resource(max_entries=64, show_spinner=False)
def _section_drawn(page: str, shown: tuple[str, ...], year_from: int, year_to: int, lang: str, store: int,
                   index: int, hide_low: bool = False) -> tuple[list[Chart], list, pd.DataFrame | None]:
    """The drawn charts and the cards of one section (or, above CARD_LIMIT, the card rows for
    one table): only the open tab's are made, when it is opened (the builders make each figure a
    `figures.SharedFigure`, sent without a copy)."""
    section = _view(page, shown, year_from, year_to, lang, store, hide_low).view.sections[index]
    drawn = build.draw(section.parts, shown, year_from, year_to, lang)
    return drawn, *_cards_or_table(section.card_records, lambda: section.cards, lang, name_locality=len(shown) > 1)


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
    store = db.generation()
    limit = paths.picker_limit()
    compare = compare_picker(page, sel, _picker(page, sel.locality, sel.year_from, sel.year_to, lang, store, limit))
    shown = (sel.locality, *compare)
    st.caption(md_escape(_coverage_line(page, shown, sel.year_from, sel.year_to, lang, store, limit)))
    hide_low = st.toggle(t("dom_hide_low", lang), key=f"{page}_hide_low", help=t("dom_hide_low_help", lang))
    got = _view(page, shown, sel.year_from, sel.year_to, lang, store, hide_low)
    data, view = got.data, got.view
    if data.hidden:
        st.caption(t_md("dom_hidden_low", lang, n=data.hidden))
    if view.kpi_year is None:
        if not got.has_own:
            message = t_md("dom_empty", lang, page=t(spec.title, lang),
                        locality=ui.locality_name(sel.locality, lang), years=span)
            ui.empty_state(sel, domain=spec.domains, message=message)
            if data.rows.empty:
                return
        else:
            st.info(t_md("dom_only_plans", lang, locality=ui.locality_name(sel.locality, lang), years=span), icon="ℹ️")
    else:
        _kpis(got, view, sel)
    filled = [(i, s) for i, s in enumerate(view.sections) if s.has_content()]
    if filled:
        # one tab per section: only the open one's charts are drawn (a rerun when another opens)
        tabs = st.tabs([s.title for _, s in filled], key=f"{page}_section", on_change="rerun")
        for tab, (index, section) in zip(tabs, filled):
            if tab.open:
                with tab:
                    drawn, cards, table = _section_drawn(page, shown, sel.year_from, sel.year_to, lang, store,
                                                         index, hide_low)
                    _section(page, cards, drawn, lang)
                    if table is not None:
                        _card_table(table, f"{page}_{section.key}_cards", lang)
    if got.other_cards or got.other_table is not None:
        st.subheader(t("dom_other_figures", lang))
        if got.other_table is not None:
            _card_table(got.other_table, f"{page}_other", lang)
        else:
            ui.kpi_grid(got.other_cards, per_row=3)
    st.divider()
    ui.figure_table(view.all_rows, key=f"{page}_all", title=t("dom_all_table", lang, n=len(view.all_rows)))


def _kpis(got: _Shown, view: build.PageView, sel) -> None:
    lang = sel.lang
    st.subheader(t_md("dom_kpi_heading" if got.kpi_annual else "dom_kpi_heading_partial", lang,
                   locality=ui.locality_name(sel.locality, lang), year=view.kpi_year))
    ui.kpi_grid(got.kpi_cards, per_row=3)
    st.caption(t("not_final_note", lang))


def _section(page: str, cards: list, drawn: list[Chart], lang: str) -> None:
    """A section: its charts (two narrow ones to a row, in page order), then its cards."""
    for row in build.layout_rows(drawn):
        if len(row) == 1:
            _chart(page, row[0], lang)
            continue
        for col, chart in zip(st.columns(2), row):
            with col:
                _chart(page, chart, lang)
    if cards:
        ui.kpi_grid(cards, per_row=3)


def _card_table(rows: pd.DataFrame, key: str, lang: str) -> None:
    """Figures too many for cards, as one table (each row with its status, source and quote)."""
    st.caption(t("dom_cards_as_table", lang, n=len(rows)))
    ui.figures_grid(rows, key)


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


@st.cache_resource(max_entries=256, show_spinner=False)
def overview_cards(locality: str, year: int, lang: str, store: int) -> tuple[list, list]:
    """The Overview's cards for a locality and year: headline results, and plans (headline or
    money), made once and shared read-only (`store`: `db.generation()`, so a reload is never
    served stale cards). Empty results: the page shows its empty state."""
    figures = ui.query("overview_kpis", locality=locality, year=year)
    planned = figures["status"] == "planned"
    results, plans = figures[~planned], figures[planned & (figures["headline"] | (figures["unit_kind"] == "money"))]
    return (kpi.cards(kpi.headline_rows(results), lang) if not results.empty else [],
            kpi.cards(plans, lang) if not plans.empty else [])
