"""Tổng quan: headline figures of the selected locality and year, with deltas and sources."""
import streamlit as st

from govdash import ui
from govdash.domains import kpi
from govdash.i18n import t, t_md

sel = ui.selection()
lang = sel.lang
name = ui.locality_name(sel.locality)

st.title(t_md("overview_heading", lang, locality=name, year=sel.year_to))
ui.show_notices()
figures = ui.query("overview_kpis", locality=sel.locality, year=sel.year_to)
results = figures[figures["status"] != "planned"]
plans = figures[(figures["status"] == "planned") & (figures["headline"] | (figures["unit_kind"] == "money"))]

if results.empty:
    ui.empty_state(sel, domain=None)
else:
    st.caption(t("overview_intro", lang, year=sel.year_to))
    ui.kpi_grid(kpi.cards(kpi.headline_rows(results), lang))
    st.caption(t("not_final_note", lang))
if not plans.empty:
    st.subheader(t("plans_heading", lang, year=sel.year_to))
    ui.kpi_grid(kpi.cards(plans, lang))
facts = ui.query("facts", locality=sel.locality, year=sel.year_to)
if not facts.empty:
    ui.figure_table(facts, key="overview_table", title=t("figures_table", lang))
