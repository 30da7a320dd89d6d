"""Catalogue part for the sources page (`srcv_`)."""
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
    "srcv_search_help": {
        "vi": "Tìm trong tên, nơi công bố, địa phương và trích dẫn; có dấu hoặc không dấu.",
        "en": "Searches titles, publishers, localities and quotes; with or without diacritics.",
    },
    "srcv_count": {"vi": "{shown}/{total} nguồn", "en": "{shown} of {total} sources"},
    "srcv_none": {"vi": "Không có nguồn nào khớp «{text}».", "en": "No source matches «{text}»."},
    "srcv_figures": {"vi": "{n} số liệu", "en": "{n} figures"},
    "srcv_published": {"vi": "Công bố", "en": "Published"},
    "srcv_unknown_date": {"vi": "không rõ ngày", "en": "date unknown"},
    "srcv_reliability": {"vi": "Độ tin cậy", "en": "Reliability"},
    "srcv_kind_seed_document": {"vi": "văn bản lưu trong dữ liệu", "en": "document held in the data"},
    "srcv_kind_web_page": {"vi": "trang web", "en": "web page"},
    "srcv_open_web": {"vi": "Mở trang gốc", "en": "Open the original page"},
    "srcv_highlight": {
        "vi": "Số liệu được dẫn tới: {locality}, {indicator}, {period}: {value} ({status}).",
        "en": "Figure linked to: {locality}, {indicator}, {period}: {value} ({status}).",
    },
    "srcv_notice_bad_source": {
        "vi": "Địa chỉ có mã nguồn không hợp lệ «{value}»; đang hiển thị mọi nguồn.",
        "en": "The address has an unknown source «{value}»; showing every source.",
    },
    "srcv_notice_bad_figure": {
        "vi": "Địa chỉ có mã số liệu không hợp lệ «{value}»; đã bỏ qua.",
        "en": "The address has an unknown figure «{value}»; it was ignored.",
    },
    "srcv_linked": {"vi": "Đang mở nguồn được dẫn tới.", "en": "Showing the linked source."},
    "srcv_show_all": {"vi": "Xem mọi nguồn", "en": "Show every source"},
    "srcv_grade_official_portal": {"vi": "cổng thông tin chính thức", "en": "official portal"},
    "srcv_grade_newspaper": {"vi": "báo, tạp chí", "en": "newspaper or journal"},
    "srcv_grade_forum": {"vi": "diễn đàn", "en": "forum"},
    "srcv_grade_reposting": {"vi": "trang đăng lại", "en": "reposting site"},
    "srcv_grade_document": {"vi": "văn bản gốc", "en": "original document"},
}
