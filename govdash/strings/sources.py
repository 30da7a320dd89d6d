"""Catalogue part for the sources page's paging and in-source search (`srcv_`; the page's
other strings are in `compare.py`)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "srcv_sources_page": {"vi": "Nguồn đang hiện", "en": "Sources shown"},
    "srcv_figures_page": {"vi": "Số liệu đang hiện", "en": "Figures shown"},
    "srcv_range": {"vi": "{first}–{last} trong {total}", "en": "{first}–{last} of {total}"},
    "srcv_matching": {
        "vi": "{n}/{total} số liệu của nguồn này khớp «{text}».",
        "en": "{n} of this source's {total} figures match «{text}».",
    },
    "srcv_matching_spread": {
        "vi": "Các từ «{text}» nằm rải rác trong nhiều số liệu của nguồn này; đang hiện mọi "
              "số liệu.",
        "en": "The words «{text}» are spread over several of this source's figures; showing every "
              "figure.",
    },
    "srcv_download_all": {"vi": "Tải CSV ({n} số liệu)", "en": "Download CSV ({n} figures)"},
}
