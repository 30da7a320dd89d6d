"""The one catalogue of user-visible strings, in Vietnamese and English.

Pages never hold literal text: they call `t("key", lang, **values)`. Indicator names and units
are not here; they come from `data/indicators.csv`.
"""
from __future__ import annotations

from govdash.text import md_escape

LANGS = ("vi", "en")
LANG_LABELS = {"vi": "Tiếng Việt", "en": "English"}

CATALOGUE: dict[str, dict[str, str]] = {
    # frame
    "app_title": {"vi": "Chỉ số hoạt động HĐND – UBND", "en": "Local government indicators"},
    "app_caption": {
        "vi": "Số liệu chọn lọc từ văn bản công khai, mỗi con số kèm nguồn và trích dẫn.",
        "en": "Curated figures from public documents, each with its source and quote.",
    },
    "section_overview": {"vi": "Tổng quan", "en": "Overview"},
    "section_domains": {"vi": "Lĩnh vực", "en": "Domains"},
    "section_explore": {"vi": "Khai thác", "en": "Explore"},
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_sessions": {"vi": "Kỳ họp & Nghị quyết", "en": "Sessions & resolutions"},
    "page_supervision": {"vi": "Giám sát & Chất vấn", "en": "Supervision & interpellation"},
    "page_voters": {"vi": "Cử tri & Tiếp công dân", "en": "Voters & citizen reception"},
    "page_budget": {"vi": "Ngân sách & Kinh tế", "en": "Budget & economy"},
    "page_sources": {"vi": "Nguồn dữ liệu", "en": "Data sources"},
    "page_compare": {"vi": "So sánh", "en": "Compare"},
    "page_present": {"vi": "Trình chiếu", "en": "Presentation"},
    "page_import": {"vi": "Nhập dữ liệu", "en": "Import data"},
    "section_present": {"vi": "Trình bày", "en": "Present"},
    "section_manage": {"vi": "Quản trị", "en": "Manage"},
    # sidebar
    "sidebar_locality": {"vi": "Địa phương", "en": "Locality"},
    "sidebar_area": {"vi": "Tỉnh, thành phố", "en": "Province or city"},
    "sidebar_area_help": {
        "vi": "Chọn tỉnh, thành phố trước; ô Địa phương liệt kê tỉnh, thành phố đó và các đơn vị "
              "thuộc nó. Gõ để tìm, có dấu hoặc không dấu.",
        "en": "Choose the province or city first; Locality then lists it and the units in it. "
              "Type to search, with or without diacritics.",
    },
    "sidebar_locality_help": {
        "vi": "Gõ để tìm, có dấu hoặc không dấu (ví dụ: hai phong).",
        "en": "Type to search, with or without diacritics (e.g. hai phong).",
    },
    "sidebar_years": {"vi": "Giai đoạn", "en": "Years"},
    "sidebar_language": {"vi": "Ngôn ngữ", "en": "Language"},
    "no_data_suffix": {"vi": "chưa có số liệu", "en": "no data yet"},
    "level_central_city": {"vi": "TP trực thuộc TW", "en": "centrally-run city"},
    "level_province": {"vi": "Tỉnh", "en": "province"},
    "level_provincial_city": {"vi": "TP thuộc tỉnh", "en": "provincial city"},
    "level_district": {"vi": "Quận/huyện", "en": "district"},
    "level_commune": {"vi": "Xã/phường", "en": "commune"},
    "level_unidentified": {"vi": "Không nêu tên", "en": "unidentified"},
    "level_region": {"vi": "Vùng", "en": "region"},
    "former_suffix": {"vi": "đến {date}", "en": "until {date}"},
    "formerly_named": {"vi": "trước đây: {names}", "en": "formerly {names}"},
    "store_rebuilt": {
        "vi": "Tệp lưu trữ dữ liệu bị hỏng nên đã được dựng lại từ các tệp CSV; số liệu không thay đổi.",
        "en": "The data store file was damaged, so it was rebuilt from the CSV files; the figures are unchanged.",
    },
    # URL notices
    "notice_bad_locality": {
        "vi": "Địa chỉ có mã địa phương không hợp lệ «{value}»; đang hiển thị {name}.",
        "en": "The address has an unknown locality «{value}»; showing {name} instead.",
    },
    "notice_bad_years": {
        "vi": "Địa chỉ có năm không hợp lệ «{value}»; đang hiển thị {start}–{end}.",
        "en": "The address has an invalid year «{value}»; showing {start}–{end} instead.",
    },
    "notice_bad_lang": {
        "vi": "Ngôn ngữ «{value}» không có; đang dùng Tiếng Việt.",
        "en": "Language «{value}» is not available; using Vietnamese.",
    },
    # overview
    "overview_heading": {"vi": "{locality} — năm {year}", "en": "{locality} — {year}"},
    "overview_intro": {
        "vi": "Các chỉ số chính có trong dữ liệu cho kỳ kết thúc trong năm {year}. "
              "Di chuột lên thẻ để xem nguồn; trích dẫn nằm trong bảng dưới.",
        "en": "Headline figures in the data for periods ending in {year}. "
              "Hover a card for its source; the quotes are in the table below.",
    },
    "no_data": {
        "vi": "Không có số liệu cho {locality} trong năm {year}.",
        "en": "No data for {locality} in {year}.",
    },
    "no_data_elsewhere": {
        "vi": "Địa phương này có số liệu cho các năm: {years}.",
        "en": "This locality has data for: {years}.",
    },
    "no_data_none": {
        "vi": "Chưa có số liệu nào cho địa phương này. Các địa phương đã có số liệu: {names}.",
        "en": "There is no data for this locality yet. Localities with data: {names}.",
    },
    "go_to_year": {"vi": "Xem năm {year}", "en": "Show {year}"},
    "plans_heading": {"vi": "Kế hoạch, dự toán, dự kiến ({year})", "en": "Plans, estimates, targets ({year})"},
    "delta_vs": {"vi": "so với {period}", "en": "vs {period}"},
    "status_reported": {"vi": "đã báo cáo", "en": "reported"},
    "status_estimated": {"vi": "ước tính", "en": "estimated"},
    "status_planned": {"vi": "kế hoạch / dự kiến", "en": "planned"},
    "status_derived": {"vi": "suy ra", "en": "derived"},
    "qualifier_exact": {"vi": "", "en": ""},
    "qualifier_over": {"vi": "trên", "en": "over"},
    "qualifier_about": {"vi": "khoảng", "en": "about"},
    "qualifier_under": {"vi": "gần", "en": "nearly"},
    "body_council": {"vi": "HĐND", "en": "People's council"},
    "body_standing_committee": {"vi": "Thường trực HĐND", "en": "Council standing committee"},
    "body_council_committees": {"vi": "Các Ban HĐND", "en": "Council committees"},
    "body_delegate_groups": {"vi": "Tổ đại biểu HĐND", "en": "Delegate groups"},
    "body_people_committee": {"vi": "UBND", "en": "People's committee"},
    "body_all_councils": {"vi": "HĐND các cấp", "en": "Councils of all levels"},
    "body_commune_standing_committees": {
        "vi": "Thường trực HĐND cấp xã", "en": "Commune council standing committees"},
    "body_locality": {"vi": "Toàn địa phương", "en": "Whole locality"},
    "source_label": {"vi": "Nguồn", "en": "Source"},
    "quote_label": {"vi": "Trích dẫn", "en": "Quote"},
    "period_label": {"vi": "Kỳ", "en": "Period"},
    "indicator_label": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "value_label": {"vi": "Giá trị", "en": "Value"},
    "status_label": {"vi": "Tình trạng", "en": "Status"},
    "body_label": {"vi": "Cơ quan", "en": "Body"},
    "figures_table": {"vi": "Bảng số liệu và trích dẫn", "en": "Figures and quotes"},
    "download_csv": {"vi": "Tải CSV", "en": "Download CSV"},
    "other_figures": {"vi": "Các số liệu khác của năm {year}", "en": "Other figures for {year}"},
    "not_final_note": {
        "vi": "Số ước tính, kế hoạch và suy ra được ghi rõ; không cộng gộp với số chính thức.",
        "en": "Estimated, planned and derived figures are labelled and never mixed with final ones.",
    },
    # sources page
    "sources_intro": {
        "vi": "Mọi văn bản và trang web mà số liệu được lấy từ đó, kèm độ tin cậy.",
        "en": "Every document and web page the figures come from, with its reliability.",
    },
    "sources_search": {"vi": "Tìm nguồn", "en": "Search sources"},
    "reliability_high": {"vi": "cao", "en": "high"},
    "reliability_medium": {"vi": "trung bình", "en": "medium"},
    "reliability_low": {"vi": "thấp", "en": "low"},
    "show_document": {"vi": "Xem toàn văn", "en": "Show full text"},
}


def _merge_parts() -> None:
    from govdash.strings import collect
    for key, entry in collect().items():
        if key in CATALOGUE:
            raise KeyError(f"catalogue key {key!r} defined in i18n.py and in govdash/strings")
        CATALOGUE[key] = entry


_merge_parts()


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`."""
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no catalogue entry {key!r}") from None
    text = entry[lang if lang in LANGS else "vi"]
    return text.format(**values) if values else text


def t_md(key: str, lang: str = "vi", **values: object) -> str:
    """`t` for a Markdown-rendering element: the catalogue's own Markdown stays, every value
    (from the URL, an upload or the data) is escaped (`text.md_escape`) and shows literally."""
    return t(key, lang, **{k: md_escape(v) for k, v in values.items()})


def pick(row, field: str, lang: str):
    """The `<field>_vi` or `<field>_en` value of `row` (a mapping or a pandas row) for `lang`;
    the Vietnamese one when the English one is missing. Bilingual columns end in `_vi` / `_en`."""
    value = row[f"{field}_{lang}"] if lang != "vi" else None
    if value is None or value != value or value == "":  # None, NaN or empty: fall back
        return row[f"{field}_vi"]
    return value
