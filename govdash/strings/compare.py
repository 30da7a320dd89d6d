"""Catalogue part for the compare page (`cmp_`)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # compare: page and pickers
    "cmp_intro": {
        "vi": "Đặt một chỉ tiêu của nhiều địa phương cạnh nhau qua các năm. Mỗi con số có nguồn và "
              "trích dẫn; địa chỉ trang ghi lại toàn bộ khung nhìn để gửi cho người khác.",
        "en": "Put one indicator of several localities side by side over the years. Every number has "
              "its source and quote; the page address records the whole view, ready to send.",
    },
    "cmp_domain": {"vi": "Lĩnh vực", "en": "Domain"},
    "cmp_domain_all": {"vi": "Tất cả lĩnh vực", "en": "All domains"},
    "cmp_domain_sessions": {"vi": "Kỳ họp, phiên họp", "en": "Sessions and meetings"},
    "cmp_domain_resolutions": {"vi": "Nghị quyết", "en": "Resolutions"},
    "cmp_domain_supervision": {"vi": "Giám sát", "en": "Supervision"},
    "cmp_domain_interpellation": {"vi": "Chất vấn", "en": "Interpellation"},
    "cmp_domain_petitions": {"vi": "Kiến nghị cử tri", "en": "Voter petitions"},
    "cmp_domain_citizen_reception": {"vi": "Tiếp công dân, đơn thư", "en": "Citizen reception and letters"},
    "cmp_domain_budget": {"vi": "Ngân sách, đầu tư công", "en": "Budget and public investment"},
    "cmp_domain_economy": {"vi": "Kinh tế", "en": "Economy"},
    "cmp_domain_administration": {"vi": "Hành chính", "en": "Administration"},
    "cmp_domain_awards": {"vi": "Thi đua, khen thưởng", "en": "Emulation and awards"},
    "cmp_search": {"vi": "Tìm chỉ tiêu", "en": "Find an indicator"},
    "cmp_search_help": {
        "vi": "Gõ có dấu hoặc không dấu (ví dụ: thu ngan sach) rồi Enter: chọn chỉ tiêu khớp đầu tiên.",
        "en": "Type with or without diacritics (e.g. thu ngan sach), then Enter: picks the first match.",
    },
    "cmp_search_placeholder": {"vi": "ví dụ: thu ngan sach", "en": "e.g. revenue"},
    "cmp_search_none": {
        "vi": "Không có chỉ tiêu nào khớp «{text}».", "en": "No indicator matches «{text}».",
    },
    "cmp_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "cmp_body": {"vi": "Cơ quan", "en": "Body"},
    "cmp_localities": {"vi": "Các địa phương", "en": "Localities"},
    "cmp_localities_help": {
        "vi": "Gõ để tìm, có dấu hoặc không dấu. Địa phương đã sáp nhập tìm được bằng cả tên cũ và "
              "tên mới (gõ «hai duong» sẽ thấy Hải Phòng theo địa giới hiện nay).",
        "en": "Type to search, with or without diacritics. Merged localities are found by either "
              "name (typing «hai duong» finds Hai Phong on today's boundaries).",
    },
    "cmp_localities_empty": {
        "vi": "Chọn ít nhất một địa phương.", "en": "Pick at least one locality.",
    },
    "cmp_area": {"vi": "Tìm địa phương trong", "en": "Find localities in"},
    "cmp_area_all": {"vi": "Các tỉnh, thành phố", "en": "Provinces and cities"},
    "cmp_area_option": {"vi": "{name} ({n} địa phương)", "en": "{name} ({n} localities)"},
    "cmp_area_help": {
        "vi": "Có {n} địa phương, quá nhiều cho một danh sách: chọn các tỉnh, thành phố, hoặc một "
              "tỉnh, thành phố để thấy các địa phương trực thuộc. Địa phương đã chọn vẫn được giữ khi "
              "đổi sang nơi khác.",
        "en": "There are {n} localities, too many for one list: pick the provinces and cities, or "
              "one of them to see the localities within it. Localities already chosen stay "
              "when you switch.",
    },
    "cmp_bounds": {"vi": "Địa giới", "en": "Boundaries"},
    "cmp_bounds_published": {"vi": "Như đã công bố", "en": "As published"},
    "cmp_bounds_current": {"vi": "Theo địa giới hiện nay", "en": "On today's boundaries"},
    "cmp_bounds_help": {
        "vi": "Như đã công bố: mỗi số liệu giữ địa phương mà văn bản nêu. Theo địa giới hiện nay: "
              "số liệu trước 1/7/2025 của các tỉnh đã sáp nhập được cộng vào tỉnh mới khi chỉ tiêu "
              "cộng được và đủ số liệu của mọi tỉnh cũ; chỉ tiêu không cộng được (tỷ lệ, tốc độ "
              "tăng, số kỳ họp…) hiện riêng từng tỉnh cũ.",
        "en": "As published: each figure keeps the locality its document names. On today's "
              "boundaries: figures before 1 July 2025 of merged provinces are added into the new "
              "province when the indicator can be added and every former province has the figure; "
              "indicators that cannot be added (rates, growth, session counts…) show each former "
              "province separately.",
    },
    "cmp_view": {"vi": "Kiểu xem", "en": "View"},
    "cmp_view_lines": {"vi": "Theo năm", "en": "Over years"},
    "cmp_view_bars": {"vi": "Xếp hạng", "en": "Ranking"},
    "cmp_view_multiples": {"vi": "Từng địa phương", "en": "Small multiples"},
    "cmp_view_table": {"vi": "Bảng", "en": "Table"},
    "cmp_bar_year": {"vi": "Năm xếp hạng", "en": "Year to rank"},
    "cmp_image_format": {"vi": "Tải ảnh biểu đồ dạng", "en": "Chart image format"},
    "cmp_image_help": {
        "vi": "Dùng nút máy ảnh trên thanh công cụ của biểu đồ để tải ảnh; dòng nguồn nằm trong ảnh.",
        "en": "Use the camera button in the chart's toolbar to download the picture; the source "
              "line is part of the image.",
    },
    # compare: charts
    "cmp_chart_title": {"vi": "{indicator} ({unit}), {years}", "en": "{indicator} ({unit}), {years}"},
    "cmp_chart_title_bars": {"vi": "{indicator} ({unit}), năm {year}: xếp hạng",
                             "en": "{indicator} ({unit}), {year}: ranking"},
    "cmp_axis_year": {"vi": "Năm", "en": "Year"},
    "cmp_legend_reported": {"vi": "Đã báo cáo", "en": "Reported"},
    "cmp_legend_estimated": {"vi": "Ước tính (điểm rỗng, nhạt)", "en": "Estimated (hollow, light)"},
    "cmp_legend_derived": {"vi": "Cộng các tỉnh cũ (◆)", "en": "Sum of former provinces (◆)"},
    "cmp_bar_estimated": {"vi": "Ước tính (gạch chéo)", "en": "Estimated (hatched)"},
    "cmp_break": {"vi": "{date}: sắp xếp đơn vị hành chính", "en": "{date}: reorganisation"},
    "cmp_incomplete_short": {"vi": "chưa đủ số liệu để cộng", "en": "incomplete, not added"},
    "cmp_no_data_short": {"vi": "không có số liệu", "en": "no data"},
    "cmp_source_line": {"vi": "Nguồn: {sources}", "en": "Source: {sources}"},
    "cmp_more_sources": {"vi": "và {n} nguồn khác", "en": "and {n} more"},
    "cmp_footer_mode_published": {
        "vi": "Số liệu theo địa phương như văn bản đã công bố.",
        "en": "Figures for the localities their documents name.",
    },
    "cmp_footer_mode_current": {
        "vi": "Theo địa giới hiện nay: {groups}.",
        "en": "On today's boundaries: {groups}.",
    },
    "cmp_group_sum": {"vi": "{name} = {parts} (cộng khi đủ cả)", "en": "{name} = {parts} (added only when all have it)"},
    "cmp_group_separate": {"vi": "{name} gồm {parts} (hiện riêng, không cộng)",
                           "en": "{name} includes {parts} (shown separately, not added)"},
    "cmp_footer_estimated": {"vi": "Điểm rỗng/nhạt: số ước tính.", "en": "Hollow/light points: estimates."},
    "cmp_hover_source": {"vi": "Nguồn", "en": "Source"},
    "cmp_rank_label": {"vi": "Hạng {rank}", "en": "Rank {rank}"},
    "cmp_rank_note": {
        "vi": "Xếp hạng theo giá trị đã công bố, cao nhất = 1; bằng nhau thì cùng hạng (1, 2, 2, 4).",
        "en": "Ranked by published value, highest = 1; equal values share a rank (1, 2, 2, 4).",
    },
    "cmp_series_merged": {"vi": "{name} (địa giới hiện nay)", "en": "{name} (today's boundaries)"},
    "cmp_series_predecessor": {"vi": "{name} (nay thuộc {successor})", "en": "{name} (now part of {successor})"},
    "cmp_option_includes": {"vi": "gồm {names}", "en": "incl. {names}"},
    "cmp_option_now_in": {"vi": "nay thuộc {name}", "en": "now part of {name}"},
    # compare: notes below the view
    "cmp_no_figures": {
        "vi": "Không có số liệu {indicator} cho các địa phương đã chọn trong {years}.",
        "en": "No {indicator} figures for the chosen localities in {years}.",
    },
    "cmp_nothing_charted": {
        "vi": "Không có số liệu cả năm nào để vẽ; các số liệu theo kỳ khác nằm trong bảng.",
        "en": "No full-year figure to draw; figures for other periods are in the table.",
    },
    "cmp_note_not_charted": {
        "vi": "{n} số liệu không vẽ trên trục năm (theo kỳ họp, quý, lũy kế, kế hoạch hoặc không "
              "được ưu tiên): xem kiểu xem «Bảng».",
        "en": "{n} figures are not drawn on the yearly axis (per session, quarter, cumulative, plans "
              "or not preferred): see the «Table» view.",
    },
    "cmp_note_missing": {
        "vi": "Không có số liệu cả năm (để trống, không tính là 0): {items}.",
        "en": "No full-year figure (left blank, never 0): {items}.",
    },
    "cmp_note_incomplete": {
        "vi": "Chưa đủ số liệu để cộng theo địa giới hiện nay (để trống): {items}.",
        "en": "Not enough figures to add on today's boundaries (left blank): {items}.",
    },
    "cmp_missing_item": {"vi": "{name} {years}", "en": "{name} {years}"},
    "cmp_incomplete_item": {"vi": "{name} {year} (thiếu {missing})", "en": "{name} {year} (missing {missing})"},
    "cmp_bar_missing": {
        "vi": "Năm {year} không có số liệu cả năm: {names}.", "en": "No full-year figure for {year}: {names}.",
    },
    "cmp_data_shown": {"vi": "Số liệu trong khung nhìn này, kèm nguồn và trích dẫn",
                       "en": "Figures in this view, with sources and quotes"},
    "cmp_downloads": {"vi": "Tải về đúng những gì đang hiển thị", "en": "Download exactly what is shown"},
    "cmp_download_csv": {"vi": "Tải CSV", "en": "Download CSV"},
    "cmp_download_xlsx": {"vi": "Tải Excel", "en": "Download Excel"},
    "cmp_share": {"vi": "Liên kết đến khung nhìn này (sao chép để gửi)",
                  "en": "Link to this view (copy to send)"},
    "cmp_coverage": {"vi": "Độ phủ số liệu: {domain}", "en": "Data coverage: {domain}"},
    "cmp_coverage_intro": {
        "vi": "Mỗi ô: số con số đã thu thập cho lĩnh vực này (mọi chỉ tiêu, mọi kỳ kết thúc trong "
              "năm), màu theo tình trạng. Ô trống: chưa có số liệu.",
        "en": "Each cell: how many figures exist for this domain (every indicator, every period "
              "ending in the year), coloured by status. Blank: no figures.",
    },
    "cmp_coverage_some": {
        "vi": "Hiện {shown} trong {total} địa phương có số liệu của lĩnh vực này: các địa phương "
              "đang so sánh và những nơi có nhiều số liệu nhất.",
        "en": "Showing {shown} of the {total} localities with figures in this domain: the ones "
              "being compared and those with the most figures.",
    },
    "cmp_coverage_final": {"vi": "Chính thức", "en": "Final"},
    "cmp_coverage_estimated": {"vi": "Có số ước tính", "en": "Includes estimates"},
    "cmp_coverage_planned": {"vi": "Chỉ có kế hoạch", "en": "Plans only"},
    "cmp_coverage_abbr": {
        "vi": "bc = đã báo cáo, sr = suy ra, ước = ước tính, kh = kế hoạch",
        "en": "rep = reported, der = derived, est = estimated, plan = planned",
    },
    "cmp_abbr_reported": {"vi": "bc", "en": "rep"},
    "cmp_abbr_derived": {"vi": "sr", "en": "der"},
    "cmp_abbr_estimated": {"vi": "ước", "en": "est"},
    "cmp_abbr_planned": {"vi": "kh", "en": "plan"},
    "cmp_coverage_title": {"vi": "Số con số theo địa phương và năm: {domain}",
                           "en": "Figures by locality and year: {domain}"},
    # compare: table and downloads
    "cmp_col_locality": {"vi": "Địa phương", "en": "Locality"},
    "cmp_col_code": {"vi": "Mã địa phương", "en": "Locality code"},
    "cmp_col_year": {"vi": "Năm", "en": "Year"},
    "cmp_col_qualifier": {"vi": "Dấu (trên/khoảng/gần)", "en": "Qualifier (over/about/nearly)"},
    "cmp_col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "cmp_col_rank": {"vi": "Hạng", "en": "Rank"},
    "cmp_col_charted": {"vi": "Trên biểu đồ", "en": "Charted"},
    "cmp_col_note": {"vi": "Ghi chú", "en": "Note"},
    "cmp_col_components": {"vi": "Thành phần cộng", "en": "Components added"},
    "cmp_col_publisher": {"vi": "Nơi công bố", "en": "Publisher"},
    "cmp_col_figure_id": {"vi": "Mã số liệu", "en": "Figure id"},
    "cmp_col_link": {"vi": "Xem nguồn", "en": "Open source"},
    "cmp_col_flag": {"vi": "Cảnh báo", "en": "Flag"},
    "cmp_yes": {"vi": "có", "en": "yes"},
    "cmp_no": {"vi": "không", "en": "no"},
    "cmp_why_planned": {"vi": "kế hoạch/dự toán: không vẽ như kết quả", "en": "plan: never drawn as a result"},
    "cmp_why_period": {"vi": "số {kind}: không đặt trên trục năm", "en": "{kind} figure: not on the yearly axis"},
    "cmp_kind_quarter": {"vi": "theo quý", "en": "quarterly"},
    "cmp_kind_month": {"vi": "theo tháng", "en": "monthly"},
    "cmp_kind_session": {"vi": "theo kỳ họp", "en": "per-session"},
    "cmp_kind_part_year": {"vi": "một phần năm", "en": "part-year"},
    "cmp_kind_term_to_date": {"vi": "lũy kế nhiệm kỳ", "en": "term-to-date"},
    "cmp_kind_multi_year": {"vi": "nhiều năm", "en": "multi-year"},
    "cmp_kind_year": {"vi": "cả năm", "en": "full-year"},
    "cmp_why_not_preferred": {"vi": "không ưu tiên (nguồn khác được chọn)", "en": "not preferred (another source is)"},
    "cmp_why_incomplete": {"vi": "chưa đủ để cộng: thiếu {missing}", "en": "not added: {missing} missing"},
    "cmp_status_incomplete": {"vi": "chưa đủ số liệu", "en": "incomplete"},
    "cmp_status_sum": {"vi": "suy ra (tổng các tỉnh cũ)", "en": "derived (sum of former provinces)"},
    "cmp_status_sum_estimated": {"vi": "suy ra (tổng, có số ước tính)", "en": "derived (sum, includes estimates)"},
    "cmp_flag_ambiguous": {"vi": "văn bản không nhất quán", "en": "ambiguous in its source"},
    "cmp_flag_conflicting": {"vi": "các nguồn khác nhau", "en": "sources disagree"},
    "cmp_sheet_data": {"vi": "Số liệu", "en": "Data"},
    "cmp_sheet_sources": {"vi": "Nguồn và trích dẫn", "en": "Sources and quotes"},
    "cmp_sheet_about": {"vi": "Về bảng này", "en": "About"},
    "cmp_about_title": {"vi": "Tiêu đề", "en": "Title"},
    "cmp_about_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "cmp_about_description": {"vi": "Mô tả (tiếng Anh)", "en": "Description"},
    "cmp_about_bounds": {"vi": "Địa giới", "en": "Boundaries"},
    "cmp_about_view": {"vi": "Kiểu xem", "en": "View"},
    "cmp_about_link": {"vi": "Liên kết", "en": "Link"},
    "cmp_about_rules": {
        "vi": "Số ước tính, kế hoạch và suy ra được ghi rõ ở cột Tình trạng; ô trống là không có số "
              "liệu (không phải 0); «trên/khoảng/gần» nằm ở cột Dấu.",
        "en": "Estimated, planned and derived figures are labelled in the Status column; a blank is "
              "missing (not 0); over/about/nearly is in the Qualifier column.",
    },
    "cmp_about_rules_label": {"vi": "Cách đọc", "en": "How to read"},
    "cmp_src_col_reliability": {"vi": "Độ tin cậy", "en": "Reliability"},
    "cmp_src_col_published": {"vi": "Ngày công bố", "en": "Published"},
    "cmp_src_col_url": {"vi": "Địa chỉ web", "en": "Web address"},
    "cmp_src_col_source_id": {"vi": "Mã nguồn", "en": "Source id"},
    "cmp_src_col_used_for": {"vi": "Dùng cho", "en": "Used for"},
    # URL notices
    "cmp_notice_bad_indicator": {
        "vi": "Địa chỉ có chỉ tiêu không hợp lệ «{value}»; đang hiển thị {name}.",
        "en": "The address has an unknown indicator «{value}»; showing {name} instead.",
    },
    "cmp_notice_bad_body": {
        "vi": "Địa chỉ có cơ quan không hợp lệ «{value}»; đang hiển thị {name}.",
        "en": "The address has an unknown body «{value}»; showing {name} instead.",
    },
    "cmp_notice_bad_locality": {
        "vi": "Địa chỉ có mã địa phương không hợp lệ «{value}»; đã bỏ qua.",
        "en": "The address has an unknown locality «{value}»; it was left out.",
    },
    "cmp_notice_mapped_locality": {
        "vi": "{old} không còn là đơn vị riêng theo địa giới hiện nay; đang hiển thị {new}.",
        "en": "{old} is no longer a unit of its own on today's boundaries; showing {new}.",
    },
    "cmp_notice_not_current": {
        "vi": "{old} không còn là đơn vị riêng và dữ liệu chưa ghi đơn vị kế tiếp; đã bỏ qua.",
        "en": "{old} is no longer a unit and the data names no successor; it was left out.",
    },
    "cmp_notice_too_many": {
        "vi": "Địa chỉ có quá nhiều địa phương; chỉ giữ {n} địa phương đầu.",
        "en": "The address has too many localities; keeping the first {n}.",
    },
    "cmp_notice_bad_view": {
        "vi": "Địa chỉ có kiểu xem không hợp lệ «{value}»; đang hiển thị dạng đường.",
        "en": "The address has an unknown view «{value}»; showing lines instead.",
    },
    "cmp_notice_bad_bounds": {
        "vi": "Địa chỉ có chế độ địa giới không hợp lệ «{value}»; đang hiển thị như đã công bố.",
        "en": "The address has an unknown boundary mode «{value}»; showing as published.",
    },
    "cmp_notice_bad_year": {
        "vi": "Địa chỉ có năm xếp hạng không hợp lệ «{value}»; đang dùng năm có số liệu của nhiều "
              "địa phương nhất.",
        "en": "The address has an invalid ranking year «{value}»; using the year with figures for "
              "the most localities.",
    },
}
