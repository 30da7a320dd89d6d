"""Tổng quan: headline figures of the selected locality and year, with deltas and sources."""
import streamlit as st

from govdash import db, ui
from govdash.domains import ui as domain_ui
from govdash.i18n import t, t_md

sel = ui.selection()
lang = sel.lang
name = ui.locality_name(sel.locality)

st.title(t_md("overview_heading", lang, locality=name, year=sel.year_to))
ui.show_notices()
results, plans = domain_ui.overview_cards(sel.locality, sel.year_to, lang, db.generation())

if not results:
    ui.empty_state(sel, domain=None)
else:
    st.caption(t("overview_intro", lang, year=sel.year_to))
    ui.kpi_grid(results)
    st.caption(t("not_final_note", lang))
if plans:
    st.subheader(t("plans_heading", lang, year=sel.year_to))
    ui.kpi_grid(plans)
if ui.has_figures(sel.locality, sel.year_to):  # the figures are fetched when the table is opened
    ui.figure_table(lambda: ui.query("facts", locality=sel.locality, year=sel.year_to), key="overview_table",
                    title=t("figures_table", lang))
