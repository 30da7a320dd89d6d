"""Catalogue part for the map page (`map_`)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "page_map": {"vi": "Bản đồ & Xếp hạng", "en": "Map & rankings"},
    "map_intro": {
        "vi": "Một chỉ tiêu của các tỉnh, thành phố trong một năm: bản đồ chia nhóm như PAPI, bảng "
              "xếp hạng bên cạnh. Tỉnh chưa có số để trống (gạch chéo), không bao giờ tô như giá trị thấp.",
        "en": "One indicator of every province in one year: a map in groups as PAPI draws it, the "
              "ranking beside it. Provinces without a figure are left blank (hatched), never coloured as low.",
    },
    "map_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "map_indicator_option": {"vi": "{name} ({unit}) · {n} tỉnh", "en": "{name} ({unit}) · {n} provinces"},
    "map_body": {"vi": "Cơ quan", "en": "Body"},
    "map_year": {"vi": "Năm", "en": "Year"},
    "map_scale": {"vi": "Thang màu", "en": "Colours"},
    "map_scale_tiers": {"vi": "4 nhóm (tứ phân vị)", "en": "4 groups (quartiles)"},
    "map_scale_steps": {"vi": "Thang đều", "en": "Even steps"},
    "map_scale_help": {
        "vi": "4 nhóm: chia các tỉnh có số thành bốn nhóm bằng nhau theo tứ phân vị, như PAPI; "
              "ngưỡng chia ghi trong chú giải. Thang đều: các khoảng bằng nhau; chỉ tiêu so với kế "
              "hoạch tách màu quanh 100 %, chỉ tiêu tăng trưởng quanh 0.",
        "en": "4 groups: the provinces with a figure in four equal groups at the quartiles, as PAPI "
              "does; the cut points are in the legend. Even steps: equal ranges; shares of a plan "
              "diverge around 100 %, growth around 0.",
    },
    "map_bounds": {"vi": "Địa giới", "en": "Boundaries"},
    "map_bounds_published": {"vi": "Theo năm của số liệu", "en": "Of the figure's year"},
    "map_bounds_current": {"vi": "Theo địa giới hiện nay", "en": "On today's boundaries"},
    "map_bounds_help": {
        "vi": "Theo năm của số liệu: 63 tỉnh trước 1/7/2025, 34 từ đó. Theo địa giới hiện nay: 34 "
              "đơn vị; một đơn vị sáp nhập chỉ có số khi mọi đơn vị cũ đều có số (cộng lại), nếu "
              "không thì ghi «chưa đủ số». Chỉ dùng được cho chỉ tiêu cộng được.",
        "en": "Of the figure's year: 63 provinces before 1 July 2025, 34 from then. On today's "
              "boundaries: 34 units; a merged unit has a figure only when every former unit has one "
              "(added up), otherwise it says «incomplete». Only for indicators that can be added.",
    },
    "map_bounds_not_summable": {
        "vi": "Chỉ tiêu này không cộng được giữa các tỉnh, nên chỉ xem được theo năm của số liệu.",
        "en": "This indicator cannot be added across provinces, so it is shown as published only.",
    },
    "map_coverage": {"vi": "{n}/{total} tỉnh có số năm {year}", "en": "{n}/{total} provinces have a figure for {year}"},
    "map_coverage_current": {
        "vi": "{n}/{total} đơn vị (địa giới hiện nay) có số năm {year}",
        "en": "{n}/{total} units (today's boundaries) have a figure for {year}",
    },
    "map_title": {"vi": "{indicator} ({unit}), năm {year}", "en": "{indicator} ({unit}), {year}"},
    "map_title_current": {
        "vi": "{indicator} ({unit}), năm {year} · theo địa giới hiện nay",
        "en": "{indicator} ({unit}), {year} · on today's boundaries",
    },
    "map_no_data": {"vi": "chưa có số", "en": "no figure yet"},
    "map_legend_estimated": {"vi": "ước tính (chấm)", "en": "estimated (dotted)"},
    "map_legend_incomplete": {"vi": "chưa đủ số (sáp nhập)", "en": "incomplete (merged)"},
    "map_incomplete_hover": {"vi": "chưa đủ số: thiếu số của {missing} trước sáp nhập", "en": "incomplete: no figure for the former {missing}"},
    "map_bound_hover": {"vi": "con số là một ngưỡng, không phải giá trị đúng", "en": "the figure is a bound, not an exact value"},
    "map_rank_hover": {"vi": "hạng {rank} trong {n} tỉnh có số (tính từ dữ liệu)", "en": "rank {rank} of {n} with a figure (computed)"},
    "map_published_rank_hover": {"vi": "công bố: đứng thứ {rank} cả nước", "en": "published: {rank} in the country"},
    "map_published_rank_text": {"vi": "thứ {rank} cả nước", "en": "{rank} in the country"},
    "map_hover_source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "map_source_line": {"vi": "Nguồn: {sources}", "en": "Sources: {sources}"},
    "map_more_sources": {"vi": "và {n} nguồn khác", "en": "and {n} more"},
    "map_credit": {
        "vi": "Ranh giới: Open Development Vietnam, qua TaliaCao/Vietnam-Shape-Map (MIT), đã đơn giản hoá.",
        "en": "Boundaries: Open Development Vietnam, via TaliaCao/Vietnam-Shape-Map (MIT), simplified.",
    },
    "map_scale_note_tiers": {
        "vi": "4 nhóm theo tứ phân vị của {n} tỉnh có số; màu đậm = {best}.",
        "en": "4 groups at the quartiles of the {n} provinces with a figure; darker = {best}.",
    },
    "map_scale_note_steps": {"vi": "Thang đều; màu đậm = {best}.", "en": "Even steps; darker = {best}."},
    "map_scale_note_diverging": {
        "vi": "Cam: dưới {mid}; xanh: từ {mid} trở lên.", "en": "Orange: below {mid}; blue: {mid} and above.",
    },
    "map_scale_note_diverging_low": {
        "vi": "Xanh: dưới {mid} (thấp là tốt); cam: từ {mid} trở lên.",
        "en": "Blue: below {mid} (lower is better); orange: {mid} and above.",
    },
    "map_best_high": {"vi": "tốt hơn (cao hơn)", "en": "better (higher)"},
    "map_best_low": {"vi": "tốt hơn (thấp hơn)", "en": "better (lower)"},
    "map_best_none": {"vi": "cao hơn", "en": "higher"},
    "map_tier_high_short": {"vi": "Cao nhất", "en": "Highest"},
    "map_tier_high_mid_short": {"vi": "Trung bình cao", "en": "High average"},
    "map_tier_low_mid_short": {"vi": "Trung bình thấp", "en": "Low average"},
    "map_tier_low_short": {"vi": "Thấp nhất", "en": "Lowest"},
    "map_archipelago_hoang_sa": {"vi": "Quần đảo Hoàng Sa", "en": "Hoàng Sa archipelago"},
    "map_archipelago_truong_sa": {"vi": "Quần đảo Trường Sa", "en": "Trường Sa archipelago"},
    "map_tier_high": {"vi": "Nhóm cao nhất: {range}", "en": "Highest group: {range}"},
    "map_tier_high_mid": {"vi": "Trung bình cao: {range}", "en": "High average: {range}"},
    "map_tier_low_mid": {"vi": "Trung bình thấp: {range}", "en": "Low average: {range}"},
    "map_tier_low": {"vi": "Nhóm thấp nhất: {range}", "en": "Lowest group: {range}"},
    "map_status_sum": {"vi": "tổng các đơn vị sáp nhập", "en": "sum of the merged units"},
    "map_status_sum_estimated": {"vi": "tổng các đơn vị sáp nhập, có số ước", "en": "sum of the merged units, with an estimate"},
    "map_status_incomplete": {"vi": "chưa đủ số", "en": "incomplete"},
    "map_ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "map_ranking_note": {
        "vi": "Hạng tính từ dữ liệu, chỉ trong {n} tỉnh có số (bằng nhau cùng hạng: 1, 2, 2, 4); "
              "không phải hạng chính thức. Hạng công bố (nếu có) ghi riêng, đúng như nguồn.",
        "en": "Ranks computed from the data, among the {n} provinces with a figure only (ties share a "
              "rank: 1, 2, 2, 4); not an official ranking. Published ranks (if any) are shown apart, as the source says.",
    },
    "map_missing_list": {"vi": "Chưa có số ({n}): {names}.", "en": "No figure yet ({n}): {names}."},
    "map_incomplete_item": {"vi": "{name} (thiếu số của {missing} trước sáp nhập)", "en": "{name} (no figure for the former {missing})"},
    "map_incomplete_list": {"vi": "Chưa đủ số để cộng ({n}): {items}.", "en": "Incomplete sums ({n}): {items}."},
    "map_col_rank": {"vi": "Hạng", "en": "Rank"},
    "map_col_code": {"vi": "Mã", "en": "Code"},
    "map_col_province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "map_col_tier": {"vi": "Nhóm", "en": "Group"},
    "map_col_year": {"vi": "Năm", "en": "Year"},
    "map_col_qualifier": {"vi": "Dấu", "en": "Qualifier"},
    "map_col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "map_col_published_rank": {"vi": "Hạng công bố", "en": "Published rank"},
    "map_col_figure_id": {"vi": "Mã số liệu", "en": "Figure id"},
    "map_open_overview": {"vi": "Xem tổng quan tỉnh", "en": "Open a province's overview"},
    "map_open_overview_help": {
        "vi": "Chọn một tỉnh (hoặc một dòng của bảng xếp hạng) để mở trang Tổng quan của tỉnh đó.",
        "en": "Pick a province (or a row of the ranking) to open its Overview page.",
    },
    "map_click_hint": {
        "vi": "Bấm vào giữa một tỉnh trên bản đồ để mở trang Tổng quan của tỉnh đó.",
        "en": "Click the middle of a province on the map to open its Overview.",
    },
    "map_open_button": {"vi": "Mở Tổng quan: {name}", "en": "Open the overview: {name}"},
    "map_bump": {"vi": "Thay đổi thứ hạng {years}", "en": "Change of rank {years}"},
    "map_bump_pick": {"vi": "Các tỉnh trên biểu đồ", "en": "Provinces on the chart"},
    "map_bump_title": {"vi": "Hạng tính từ dữ liệu, {years}", "en": "Computed rank, {years}"},
    "map_bump_axis": {"vi": "Hạng", "en": "Rank"},
    "map_bump_counts": {"vi": "Số tỉnh có số mỗi năm: {counts}.", "en": "Provinces with a figure each year: {counts}."},
    "map_bump_one_year": {
        "vi": "Chọn giai đoạn từ hai năm trở lên (thanh bên) để xem thay đổi thứ hạng.",
        "en": "Choose two or more years (sidebar) to see the change of rank.",
    },
    "map_downloads": {"vi": "Tải xuống", "en": "Downloads"},
    "map_download_csv": {"vi": "Tải CSV", "en": "Download CSV"},
    "map_download_xlsx": {"vi": "Tải Excel", "en": "Download Excel"},
    "map_image_format": {"vi": "Ảnh bản đồ", "en": "Map image"},
    "map_image_help": {
        "vi": "Nút máy ảnh trên thanh công cụ của bản đồ lưu ảnh PNG hoặc SVG có tiêu đề, nguồn và chú giải.",
        "en": "The camera button of the map's toolbar saves a PNG or SVG with the title, source and legend.",
    },
    "map_sheet_data": {"vi": "Bản đồ", "en": "Map"},
    "map_sheet_about": {"vi": "Giới thiệu", "en": "About"},
    "map_about_title": {"vi": "Nội dung", "en": "What this is"},
    "map_about_coverage": {"vi": "Độ phủ", "en": "Coverage"},
    "map_about_scale": {"vi": "Thang màu", "en": "Colours"},
    "map_about_rules": {
        "vi": "Hạng tính từ dữ liệu chỉ trong các tỉnh có số; tỉnh chưa có số không xếp hạng. Hạng công bố ghi riêng.",
        "en": "Computed ranks are among the provinces with a figure only; those without are not ranked. Published ranks are apart.",
    },
    "map_about_link": {"vi": "Mở lại khung nhìn", "en": "Reopen this view"},
    "map_share": {"vi": "Địa chỉ này mở lại đúng bản đồ đang xem.", "en": "This address reopens exactly this map."},
    "map_none": {
        "vi": "Chưa có chỉ tiêu nào có số của cấp tỉnh cho cả năm.",
        "en": "No indicator has a full-year figure of a province yet.",
    },
    "map_nothing": {"vi": "Chưa tỉnh nào có số {indicator} năm {year}.", "en": "No province has {indicator} for {year}."},
    "map_notice_bad_indicator": {
        "vi": "Địa chỉ có chỉ tiêu «{value}» không vẽ được trên bản đồ; đang hiển thị chỉ tiêu khác.",
        "en": "The address names an indicator «{value}» the map cannot show; showing another one.",
    },
    "map_notice_bad_body": {"vi": "Cơ quan «{value}» không có số cho chỉ tiêu này.", "en": "Body «{value}» has no figures for this indicator."},
    "map_notice_bad_year": {"vi": "Năm «{value}» không có số; đang hiển thị năm {year}.", "en": "Year «{value}» has no figures; showing {year}."},
    "map_notice_bad_bounds": {"vi": "Địa giới «{value}» không hợp lệ.", "en": "Unknown boundaries «{value}»."},
    "map_notice_bad_scale": {"vi": "Thang màu «{value}» không hợp lệ.", "en": "Unknown colour scale «{value}»."},
    "map_notice_bad_locality": {"vi": "Mã tỉnh «{value}» không có trên bản đồ.", "en": "Province code «{value}» is not on the map."},
    # presenter slide
    "pres_map_label": {"vi": "Bản đồ: {indicator} · {year}", "en": "Map: {indicator} · {year}"},
    "pres_map_takeaway": {
        "vi": "{locality} đứng thứ {rank} trong {n}/{total} tỉnh có số về {indicator} năm {year}.",
        "en": "{locality} ranks {rank} of the {n}/{total} provinces with a figure for {indicator} in {year}.",
    },
    "pres_map_takeaway_missing": {
        "vi": "{n}/{total} tỉnh có số về {indicator} năm {year}; {locality} chưa có số.",
        "en": "{n}/{total} provinces have a figure for {indicator} in {year}; {locality} has none yet.",
    },
    "pres_map_section": {"vi": "Bản đồ", "en": "Map"},
}
