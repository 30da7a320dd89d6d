"""govdash entry point: page config, shared selection (sidebar + URL), navigation."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from govdash import ui
from govdash.i18n import t  # noqa: E402

st.set_page_config(page_title="govdash", page_icon="🏛️", layout="wide")

ui.follow_data()
ui.init_selection()
lang = ui.lang()

PAGES = Path(__file__).resolve().parent / "pages"
# (section key, [(file, title key, icon)]); every file in pages/ must be listed here.
LAYOUT = [
    ("section_overview", [("overview.py", "page_overview", "📊")]),
    ("section_domains", [
        ("sessions.py", "page_sessions", "🏛️"),
        ("supervision.py", "page_supervision", "🔍"),
        ("voters.py", "page_voters", "🗣️"),
        ("budget.py", "page_budget", "💰"),
    ]),
    ("section_explore", [
        ("compare.py", "page_compare", "📈"),
        ("map.py", "page_map", "🗺️"),
        ("sources.py", "page_sources", "📚"),
    ]),
    ("section_present", [("present.py", "page_present", "🎞️")]),
    ("section_manage", [("import.py", "page_import", "📥")]),
]


def page(file: str, key: str, icon: str) -> st.Page:
    """A page of the app, titled from the catalogue in the active language."""
    return st.Page(PAGES / file, title=t(key, lang), icon=icon, url_path=file.removesuffix(".py"),
                   default=file == "overview.py")


nav = st.navigation({
    t(section, lang): [page(*entry) for entry in entries if (PAGES / entry[0]).is_file()]
    for section, entries in LAYOUT
    if any((PAGES / entry[0]).is_file() for entry in entries)
})
ui.sidebar()
ui.sync_url()
ui.synthetic_banner()
nav.run()
