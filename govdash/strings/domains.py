"""Catalogue part for the four domain pages and their figure builders (`dom_`)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # page frame
    "dom_heading": {"vi": "{page} — {locality}, {years}", "en": "{page} — {locality}, {years}"},
    "dom_intro_sessions": {
        "vi": "Kỳ họp và nghị quyết của HĐND theo năm và theo từng kỳ họp; hoạt động hội họp của UBND; "
              "thi đua, khen thưởng. Số ước tính có gạch chéo, số kế hoạch là khung rỗng.",
        "en": "Council sessions and resolutions by year and by session; people's committee meetings; "
              "awards. Estimated figures are hatched, planned ones are hollow.",
    },
    "dom_intro_supervision": {
        "vi": "Giám sát, khảo sát của HĐND; chất vấn và trả lời chất vấn; nội dung xin ý kiến Thường trực HĐND.",
        "en": "Council supervision and surveys; interpellation questions and answers; matters referred "
              "to the standing committee.",
    },
    "dom_intro_voters": {
        "vi": "Kiến nghị cử tri và kết quả giải quyết; tiếp công dân; đơn thư. "
              "So sánh với cùng kỳ năm trước khi nguồn có số liệu.",
        "en": "Voter petitions and how they were resolved; citizen reception; letters. "
              "Compared with the same period a year earlier where the sources allow.",
    },
    "dom_intro_budget": {
        "vi": "Thu ngân sách so với từng mức dự toán; đầu tư công; tăng trưởng và chỉ tiêu kinh tế - xã hội; "
              "điều hành của UBND. Số ước tính có gạch chéo, số kế hoạch/dự toán là khung rỗng.",
        "en": "Budget revenue against each estimate; public investment; growth and socio-economic targets; "
              "the people's committee's administration. Estimated figures are hatched, planned ones hollow.",
    },
    "dom_compare": {"vi": "So sánh với", "en": "Compare with"},
    "dom_compare_help": {
        "vi": "Các địa phương khác có số liệu của trang này trong giai đoạn đã chọn. Địa phương khác cấp "
              "được vẽ ở khung riêng; các chỉ tiêu không bao giờ được cộng gộp.",
        "en": "Other localities with this page's data in the selected years. Localities of another level "
              "are drawn on their own panel; indicators are never added up.",
    },
    "dom_compare_help_near": {
        "vi": "Các địa phương cùng cấp trong tỉnh (mọi tỉnh, thành phố khi đang xem một tỉnh) và tỉnh của "
              "địa phương này, có số liệu của trang trong giai đoạn đã chọn. Để so sánh với địa phương khác, "
              "dùng trang So sánh. Địa phương khác cấp được vẽ ở khung riêng; các chỉ tiêu không bao giờ "
              "được cộng gộp.",
        "en": "Localities of the same level in the province (every province when a province is shown) and "
              "this locality's province, with this page's data in the selected years. To compare with any "
              "other locality, use the Compare page. Localities of another level are drawn on their own "
              "panel; indicators are never added up.",
    },
    "dom_compare_placeholder": {"vi": "Chọn địa phương để so sánh", "en": "Pick localities to compare"},
    "dom_compare_none": {
        "vi": "Không có địa phương nào khác có số liệu của trang này trong giai đoạn đã chọn.",
        "en": "No other locality has this page's data in the selected years.",
    },
    "dom_coverage": {"vi": "Số liệu có trong {years} — {localities}.", "en": "Data in {years} — {localities}."},
    "dom_coverage_none": {"vi": "không có", "en": "none"},
    "dom_coverage_others": {
        "vi": "Còn {n} địa phương khác có số liệu (chọn ở ô «So sánh với»).",
        "en": "{n} other localities have data (pick them under «Compare with»).",
    },
    "dom_coverage_others_near": {
        "vi": "Còn {n} địa phương khác có số liệu (cùng cấp trong tỉnh: chọn ở ô «So sánh với»; "
              "các địa phương khác: trang So sánh).",
        "en": "{n} other localities have data (those of the same level in the province under «Compare "
              "with»; any other on the Compare page).",
    },
    "dom_cards_as_table": {
        "vi": "{n} số liệu, quá nhiều để hiện từng thẻ: bảng dưới đây ghi mỗi số với trạng thái, nguồn và "
              "trích dẫn.",
        "en": "{n} figures, too many for cards: the table below gives each with its status, source and quote.",
    },
    "dom_empty": {
        "vi": "Chưa có số liệu «{page}» cho {locality} trong {years}.",
        "en": "No «{page}» data for {locality} in {years}.",
    },
    "dom_only_plans": {
        "vi": "{locality} chỉ có số kế hoạch, dự kiến trong {years} — chưa có kết quả.",
        "en": "{locality} has only planned figures in {years} — no results yet.",
    },
    "dom_kpi_heading": {"vi": "{locality} — các số chính năm {year}", "en": "{locality} — key figures, {year}"},
    "dom_kpi_heading_partial": {
        "vi": "{locality} — các số mới nhất ({year}, chưa có số cả năm)",
        "en": "{locality} — latest figures ({year}, no full-year figures)",
    },
    "dom_other_figures": {"vi": "Số liệu khác", "en": "Other figures"},
    "dom_all_table": {
        "vi": "Tất cả số liệu của trang ({n}), kể cả số từ nguồn không được ưu tiên",
        "en": "Every figure of this page ({n}), including those from non-preferred sources",
    },
    "dom_chart_table": {"vi": "Số liệu của biểu đồ ({n}), nguồn và trích dẫn",
                        "en": "Figures in this chart ({n}), sources and quotes"},
    "dom_register_table": {"vi": "Danh sách kỳ họp ({n}), nguồn và trích dẫn",
                           "en": "Session list ({n}), sources and quotes"},
    # sections
    "dom_sec_council": {"vi": "Kỳ họp và nghị quyết của HĐND", "en": "Council sessions and resolutions"},
    "dom_sec_all_councils": {"vi": "HĐND các cấp trên địa bàn", "en": "Councils of every level in the locality"},
    "dom_sec_committee": {"vi": "Phiên họp, cuộc họp của UBND", "en": "People's committee meetings"},
    "dom_sec_awards": {"vi": "Thi đua, khen thưởng", "en": "Emulation and awards"},
    "dom_sec_supervision": {"vi": "Giám sát, khảo sát", "en": "Supervision and surveys"},
    "dom_sec_interpellation": {"vi": "Chất vấn, trả lời chất vấn và xin ý kiến Thường trực HĐND",
                               "en": "Interpellation, answers and matters referred to the standing committee"},
    "dom_sec_petitions": {"vi": "Kiến nghị cử tri", "en": "Voter petitions"},
    "dom_sec_reception": {"vi": "Tiếp công dân", "en": "Citizen reception"},
    "dom_sec_letters": {"vi": "Đơn thư khiếu nại, tố cáo, kiến nghị", "en": "Complaints, denunciations and letters"},
    "dom_sec_revenue": {"vi": "Thu ngân sách", "en": "Budget revenue"},
    "dom_sec_investment": {"vi": "Đầu tư công, giải phóng mặt bằng", "en": "Public investment and site clearance"},
    "dom_sec_growth": {"vi": "Tăng trưởng và chỉ tiêu kinh tế - xã hội", "en": "Growth and socio-economic targets"},
    "dom_sec_administration": {"vi": "Điều hành của UBND", "en": "People's committee administration"},
    # chart titles
    "dom_ch_sessions_by_kind": {"vi": "Kỳ họp HĐND theo loại", "en": "Council sessions by kind"},
    "dom_ch_resolutions": {"vi": "Nghị quyết HĐND thông qua", "en": "Resolutions passed by the council"},
    "dom_ch_register": {"vi": "Lịch các kỳ họp", "en": "Session timeline"},
    "dom_ch_all_councils": {"vi": "Kỳ họp, nghị quyết của HĐND các cấp", "en": "Sessions and resolutions of all councils"},
    "dom_ch_committee_meetings": {"vi": "Phiên họp UBND", "en": "People's committee meetings"},
    "dom_ch_committee_meeting_kinds": {"vi": "Các loại cuộc họp của UBND", "en": "People's committee meetings by kind"},
    "dom_ch_supervision": {"vi": "Giám sát, khảo sát", "en": "Supervision and surveys"},
    "dom_ch_supervision_served": {"vi": "Đoàn giám sát cấp trên được UBND phục vụ",
                                  "en": "Higher bodies' supervision missions served by the committee"},
    "dom_ch_interpellation": {"vi": "Chất vấn và trả lời chất vấn", "en": "Interpellation and answers"},
    "dom_ch_referrals": {"vi": "Nội dung xin ý kiến Thường trực HĐND", "en": "Matters referred to the standing committee"},
    "dom_ch_petitions": {"vi": "Kiến nghị, ý kiến được tiếp nhận, giải quyết", "en": "Petitions and opinions handled"},
    "dom_ch_petition_status": {"vi": "Kết quả giải quyết kiến nghị cử tri", "en": "How voter petitions were resolved"},
    "dom_ch_reception": {"vi": "Tiếp công dân", "en": "Citizen reception"},
    "dom_ch_letters": {"vi": "Đơn thư", "en": "Letters"},
    "dom_ch_letters_pct": {"vi": "Tỷ lệ giải quyết đơn thư", "en": "Letters resolved, and late"},
    "dom_ch_revenue": {"vi": "Tổng thu NSNN trên địa bàn", "en": "State budget revenue"},
    "dom_ch_revenue_vs_estimate": {"vi": "Thu ngân sách so với từng mức dự toán",
                                   "en": "Revenue against each estimate"},
    "dom_ch_revenue_parts": {"vi": "Các nguồn thu", "en": "Revenue by source"},
    "dom_ch_disbursement_pct": {"vi": "Giải ngân, GPMB so với kế hoạch", "en": "Disbursement and site clearance against plan"},
    "dom_ch_investment_money": {"vi": "Vốn đầu tư công giải ngân, GPMB", "en": "Public investment disbursed, site clearance"},
    "dom_ch_grdp": {"vi": "Tăng trưởng GRDP", "en": "GRDP growth"},
    "dom_ch_targets": {"vi": "Chỉ tiêu kinh tế - xã hội đạt / đặt ra", "en": "Socio-economic targets met / set"},
    "dom_ch_sector_growth": {"vi": "Tăng trưởng theo ngành", "en": "Growth by sector"},
    "dom_ch_sipas": {"vi": "Chỉ số hài lòng SIPAS", "en": "SIPAS satisfaction index"},
    "dom_ch_admin_rates": {"vi": "Thủ tục hành chính, nhiệm vụ được giao (tỷ lệ)",
                           "en": "Administrative procedures and assigned tasks (shares)"},
    "dom_ch_admin_work": {"vi": "Nhiệm vụ, báo cáo, kế hoạch của UBND", "en": "Committee tasks, reports and plans"},
    "dom_ch_admin_documents": {"vi": "Văn bản, hồ sơ thủ tục hành chính", "en": "Documents and administrative files"},
    "dom_ch_planning_land": {"vi": "Quy hoạch, giá đất: kế hoạch và thực hiện", "en": "Planning and land pricing: plan and result"},
    "dom_variant_sessions": {"vi": "theo kỳ họp", "en": "by session"},
    "dom_variant_periods": {"vi": "quý, tháng, lũy kế (không theo năm)", "en": "quarters, months, to date (not full years)"},
    # figure marks, keys and notes
    "dom_mark_planned": {"vi": "KH", "en": "plan"},
    "dom_mark_estimated": {"vi": "ước", "en": "est."},
    "dom_mark_derived": {"vi": "suy ra", "en": "derived"},
    "dom_key_estimated": {"vi": "Ước tính (chưa chính thức)", "en": "Estimated (not final)"},
    "dom_key_derived": {"vi": "Suy ra từ số liệu khác", "en": "Derived from other figures"},
    "dom_key_planned": {"vi": "Kế hoạch, dự toán (khung rỗng)", "en": "Plan or estimate (hollow)"},
    "dom_not_preferred": {"vi": "không dùng (có nguồn khác ưu tiên)", "en": "not used (another source preferred)"},
    "dom_flag_ambiguous": {"vi": "nguồn không nhất quán", "en": "source inconsistent"},
    "dom_flag_conflicting": {"vi": "các nguồn khác nhau", "en": "sources disagree"},
    "dom_no_data_short": {"vi": "chưa có số<br>cả năm", "en": "no full-<br>year figure"},
    "dom_plans_only_note": {"vi": "Năm chỉ có số kế hoạch, chưa có kết quả: {years}.",
                            "en": "Years with plans only, no result yet: {years}."},
    "dom_gap_note": {"vi": "Chưa có số cả năm: {series} — {years}.", "en": "No full-year figure: {series} — {years}."},
    "dom_periods_note": {
        "vi": "Số theo quý, tháng, lũy kế hoặc nhiều năm: không so sánh trực tiếp với số cả năm.",
        "en": "Quarterly, monthly, to-date or multi-year figures: not comparable with full-year ones.",
    },
    "dom_latest_only": {"vi": "Nhiều địa phương, nhiều năm: mỗi địa phương chỉ vẽ kỳ gần nhất có kết quả; "
                               "các kỳ khác ở bảng số liệu của biểu đồ.",
                        "en": "Many localities and years: each locality's latest period with a result is "
                              "drawn; the others are in the chart's table."},
    "dom_reference_note": {"vi": "Đường đứt: {value} = đạt đúng dự toán, kế hoạch.",
                           "en": "Dashed line: {value} = exactly the estimate or plan."},
    "dom_shares_total": {"vi": "{bar}: các phần cộng lại {total}.", "en": "{bar}: the parts add up to {total}."},
    "dom_more_sources": {"vi": "và {n} nguồn khác (xem bảng)", "en": "and {n} more (see the table)"},
    "dom_tier_1": {"vi": "Cấp tỉnh (tỉnh, thành phố trực thuộc TW)", "en": "Province level (provinces, centrally-run cities)"},
    "dom_tier_2": {"vi": "Cấp huyện (thành phố thuộc tỉnh, quận, huyện)", "en": "District level (provincial cities, districts)"},
    "dom_tier_3": {"vi": "Cấp xã", "en": "Commune level"},
    "dom_tier_4": {"vi": "Địa phương không rõ cấp", "en": "Locality of unknown level"},
    "dom_first_months": {"vi": "{n} tháng đầu năm {year}", "en": "first {n} months of {year}"},
    "dom_month": {"vi": "tháng {month}/{year}", "en": "month {month}/{year}"},
    "dom_term_to": {"vi": "lũy kế nhiệm kỳ đến {date}", "en": "term to {date}"},
    "dom_session_n": {"vi": "Kỳ họp thứ {n} ({date})", "en": "Session {n} ({date})"},
    "dom_session_on": {"vi": "Kỳ họp ngày {date}", "en": "Session of {date}"},
    # session register
    "dom_kind_regular": {"vi": "Thường lệ", "en": "Regular"},
    "dom_kind_thematic": {"vi": "Chuyên đề", "en": "Thematic"},
    "dom_kind_extraordinary": {"vi": "Bất thường", "en": "Extraordinary"},
    "dom_kind_unknown": {"vi": "Không rõ loại", "en": "Kind not stated"},
    "dom_reg_key_planned": {"vi": "Dự kiến (chưa xác nhận đã họp)", "en": "Planned (not confirmed held)"},
    "dom_reg_key_postponed": {"vi": "Hoãn", "en": "Postponed"},
    "dom_reg_status_planned": {"vi": "dự kiến", "en": "planned"},
    "dom_reg_status_postponed": {"vi": "hoãn", "en": "postponed"},
    "dom_reg_status_held": {"vi": "đã họp", "en": "held"},
    "dom_reg_number": {"vi": "Kỳ họp thứ {n}", "en": "Session {n}"},
    "dom_reg_short": {"vi": "K{n}", "en": "S{n}"},
    "dom_reg_resolutions": {"vi": "{n} NQ", "en": "{n} res."},
    "dom_reg_resolutions_planned": {"vi": "KH {n} NQ", "en": "plan {n} res."},
    "dom_reg_undated": {"vi": "Chưa rõ ngày (không vẽ): {sessions}.", "en": "Date unknown (not drawn): {sessions}."},
    "dom_reg_closed_on": {"vi": "bế mạc {date}", "en": "closed {date}"},
    "dom_reg_no_date": {"vi": "chưa rõ ngày", "en": "date unknown"},
    "dom_reg_kind": {"vi": "Loại kỳ họp", "en": "Kind"},
    "dom_reg_session": {"vi": "Kỳ họp", "en": "Session"},
    "dom_reg_dates": {"vi": "Ngày họp", "en": "Dates"},
    "dom_reg_resolutions_label": {"vi": "Nghị quyết", "en": "Resolutions"},
    "dom_hide_low": {"vi": "Ẩn số từ nguồn độ tin cậy thấp", "en": "Hide figures from low-reliability sources"},
    "dom_hide_low_help": {
        "vi": "Bỏ khỏi biểu đồ, thẻ và bảng các số liệu lấy từ diễn đàn hay trang đăng lại (độ tin cậy thấp, "
              "xem trang Nguồn dữ liệu). Số ưu tiên không được thay bằng số khác.",
        "en": "Leave out of charts, cards and tables the figures taken from forums or reposting sites (low "
              "reliability, see the Sources page). A preferred figure is never replaced by another.",
    },
    "dom_hidden_low": {"vi": "Đã ẩn {n} số liệu từ nguồn độ tin cậy thấp.",
                       "en": "{n} figures from low-reliability sources hidden."},
}
