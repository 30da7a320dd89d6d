"""Nguồn dữ liệu: every document and page the figures come from, with their figures and quotes."""
import streamlit as st

from govdash import ui
from govdash.i18n import t

lang = ui.lang()
st.title(t("page_sources", lang))
ui.show_notices()
st.caption(t("sources_intro", lang))
ui.sources_list(key="sources")
