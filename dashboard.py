"""govdash entry point: page config, shared selection (sidebar + URL), navigation."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from govdash import ui  # noqa: E402
from govdash.i18n import t  # noqa: E402

st.set_page_config(page_title="govdash", page_icon="🏛️", layout="wide")

ui.init_selection()
lang = ui.lang()

PAGES = Path(__file__).resolve().parent / "pages"


def page(file: str, key: str, icon: str, default: bool = False) -> st.Page:
    """A page of the app, titled from the catalogue in the active language."""
    return st.Page(PAGES / file, title=t(key, lang), icon=icon, url_path=file.removesuffix(".py"),
                   default=default)


nav = st.navigation({
    t("section_overview", lang): [
        page("overview.py", "page_overview", "📊", default=True),
    ],
    t("section_explore", lang): [
        page("sources.py", "page_sources", "📚"),
    ],
})
ui.sidebar()
ui.sync_url()
nav.run()
