"""Nhập dữ liệu: staff import figures from a spreadsheet or from a document ("Từ văn bản");
editors sign in to write and to undo."""
import streamlit as st

from govdash import imports, ui
from govdash.extract import ui as extract_ui
from govdash.i18n import t
from govdash.imports import ui as import_ui

import_ui.follow_link()
lang = ui.lang()
st.title(t("page_import", lang))
ui.show_notices()
if imports.recover():  # an import interrupted by a crash: finish it before anyone reads
    ui.reload_data()
st.caption(t("imp_intro", lang))
import_ui.last_result(lang)
import_ui.templates(lang)
editor = import_ui.sign_in(lang)
if editor:
    # keyed and tracked, so the open tab survives reruns that add or drop an element above it
    sheet, document = st.tabs([t("ext_tab_sheet", lang), t("ext_tab_document", lang)], key=f"import_path_{lang}",
                              on_change="rerun")
    with sheet:
        import_ui.upload(editor, lang)
    with document:
        extract_ui.from_document(editor, lang)
else:
    st.info(t("imp_not_signed_in", lang), icon=":material/lock:")
import_ui.history(editor, lang)
