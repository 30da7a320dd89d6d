"""Nguồn dữ liệu: every document and page the figures come from, with their figures and quotes.

Other pages link here with `govdash.links.source_link(source_id, figure_id)`.
"""
import streamlit as st

from govdash import ui
from govdash.i18n import t
from govdash.sources import ui as sources_ui

lang = ui.lang()
st.title(t("page_sources", lang))
ui.show_notices()
st.caption(t("sources_intro", lang))
sources_ui.render("sources", lang, ui.query("sources_list"))
