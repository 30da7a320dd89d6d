"""Bản đồ & Xếp hạng: one indicator of every province in one year as a map in quartile groups
(or even steps), the ranking beside it, the change of rank over the sidebar's years, coverage,
downloads, and the whole view in the URL."""
import streamlit as st

from govdash import ui
from govdash.i18n import t
from govdash.maps import ui as map_ui

sel = ui.selection()
lang = sel.lang
years = (sel.year_from, sel.year_to)

st.title(t("page_map", lang))
ui.show_notices()
map_ui.show_notices(lang)
st.caption(t("map_intro", lang))
view = map_ui.state()
if view is None:
    map_ui.empty(lang)
    st.stop()
view = map_ui.pickers(view, lang)
shown = map_ui.build(view, lang)
map_ui.render(view, lang, shown)
map_ui.bump(view, lang, years, shown)
map_ui.downloads(view, lang, shown, sel.to_query())
map_ui.sync_url(view)
