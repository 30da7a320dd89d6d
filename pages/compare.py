"""So sánh: one indicator for several localities over the years, as lines, ranked bars, small
multiples or a table; as published or on today's boundaries; with sources, downloads, the
coverage of the domain, and the whole view in the URL."""
import streamlit as st

from govdash import ui
from govdash.compare import ui as compare_ui
from govdash.i18n import t

sel = ui.selection()
lang = sel.lang
years = (sel.year_from, sel.year_to)

st.title(t("page_compare", lang))
ui.show_notices()
compare_ui.show_notices(lang)
st.caption(t("cmp_intro", lang))
view = compare_ui.pickers(lang)
rows = compare_ui.load(view, years)
view, image = compare_ui.view_controls(view, lang, years, rows)
shown = compare_ui.render(view, lang, years, rows, image)
compare_ui.downloads(view, lang, years, shown, sel.to_query())
compare_ui.coverage(view, lang)
compare_ui.sync_url(view)
