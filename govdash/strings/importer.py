"""Strings of the import area (Nhập dữ liệu page, `python -m govdash import`, editor sign-in)."""
from __future__ import annotations

_UNIKEY = {
    "vi": " Hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, Ctrl+Shift+F6: bảng mã nguồn "
          "{src}, bảng mã đích Unicode), lưu lại dạng «CSV UTF-8» hoặc .xlsx rồi tải lên lại.",
    "en": " Convert it to Unicode with Unikey (conversion tool, Ctrl+Shift+F6: source {src}, "
          "destination Unicode), save it as \"CSV UTF-8\" or .xlsx and upload it again.",
}


def _legacy(vi: str, en: str, src: str) -> dict[str, str]:
    return {"vi": vi + _UNIKEY["vi"].format(src=src), "en": en + _UNIKEY["en"].format(src=src)}


STRINGS: dict[str, dict[str, str]] = {
    # page
    "imp_intro": {
        "vi": "Cán bộ nhập số liệu từ bảng tính theo mẫu. Tệp được kiểm tra theo đúng các quy tắc "
              "dữ liệu của bảng điều khiển; chỉ khi không còn lỗi mới ghi được, và mọi lần nhập "
              "đều có thể hoàn tác.",
        "en": "Staff import figures from a spreadsheet made from the template. The file is checked "
              "with the dashboard's data rules; it can only be written when no error is left, and "
              "every import can be undone.",
    },
    "imp_template_heading": {"vi": "1. Tải mẫu", "en": "1. Download the template"},
    "imp_template_help": {
        "vi": "Mẫu có một dòng ví dụ đã điền và các danh mục hợp lệ (địa phương kèm mã, chỉ tiêu "
              "kèm đơn vị, cơ quan, tình trạng, mức độ, loại kỳ). Số viết kiểu Việt Nam (1.484,75; "
              "10,34%), ngày viết 17/4/2023 hoặc 2023-04-17.",
        "en": "The template has one filled example row and the allowed values (localities with "
              "codes, indicators with units, bodies, statuses, qualifiers, period kinds). Numbers "
              "the Vietnamese way (1.484,75; 10,34%), dates as 17/4/2023 or 2023-04-17.",
    },
    "imp_template_csv": {"vi": "Mẫu CSV", "en": "CSV template"},
    "imp_template_xlsx": {"vi": "Mẫu Excel (.xlsx)", "en": "Excel template (.xlsx)"},
    "imp_signin_heading": {"vi": "2. Đăng nhập", "en": "2. Sign in"},
    "imp_signin_intro": {
        "vi": "Xem số liệu không cần tài khoản. Nhập và hoàn tác cần tài khoản biên tập viên do "
              "quản trị viên cấp.",
        "en": "Viewing needs no account. Importing and undoing need an editor account given by "
              "the administrator.",
    },
    "imp_user": {"vi": "Tên đăng nhập", "en": "User name"},
    "imp_password": {"vi": "Mật khẩu", "en": "Password"},
    "imp_signin_button": {"vi": "Đăng nhập", "en": "Sign in"},
    "imp_signout_button": {"vi": "Đăng xuất", "en": "Sign out"},
    "imp_signed_in": {"vi": "Đã đăng nhập: {name}", "en": "Signed in as {name}"},
    "imp_auth_wrong": {
        "vi": "Tên đăng nhập hoặc mật khẩu không đúng. Lần thử tiếp theo sau {seconds} giây.",
        "en": "Wrong user name or password. You can try again in {seconds} s.",
    },
    "imp_auth_throttled": {
        "vi": "Đã sai nhiều lần; vui lòng chờ {seconds} giây rồi thử lại.",
        "en": "Too many failed attempts; please wait {seconds} s and try again.",
    },
    "imp_auth_no_editors": {
        "vi": "Chưa có tài khoản biên tập viên nào. Quản trị viên tạo bằng lệnh: "
              "python -m govdash editor add TÊN",
        "en": "No editor account exists yet. The administrator creates one with: "
              "python -m govdash editor add NAME",
    },
    "imp_auth_bad_name": {
        "vi": "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (2–32 ký tự).",
        "en": "A user name is 2–32 lower-case letters, digits, dots, dashes or underscores.",
    },
    "imp_auth_short_password": {
        "vi": "Mật khẩu phải có ít nhất 10 ký tự.",
        "en": "The password must have at least 10 characters.",
    },
    "imp_auth_mismatch": {"vi": "Hai lần nhập mật khẩu không khớp.", "en": "The passwords do not match."},
    "imp_auth_added": {
        "vi": "Đã thêm biên tập viên {name} vào {path}.",
        "en": "Editor {name} added to {path}.",
    },
    "imp_auth_removed": {"vi": "Đã xoá biên tập viên {name}.", "en": "Editor {name} removed."},
    "imp_auth_not_found": {"vi": "Không có biên tập viên {name}.", "en": "There is no editor {name}."},
    "imp_auth_required": {
        "vi": "Cần đăng nhập biên tập viên để ghi dữ liệu (dùng --editor TÊN; --dry-run chỉ kiểm tra).",
        "en": "An editor sign-in is needed to write (use --editor NAME; --dry-run only checks).",
    },
    "imp_upload_heading": {"vi": "3. Tải tệp lên và kiểm tra", "en": "3. Upload and check"},
    "imp_upload_button": {"vi": "Chọn tệp", "en": "Choose a file"},
    "imp_upload_limit": {"vi": "Kéo thả tệp vào đây · tối đa {limit} MB một tệp",
                         "en": "Drag and drop a file here · at most {limit} MB a file"},
    "imp_upload_label": {
        "vi": "Tệp số liệu (.csv, .txt, .xlsx; tối đa {limit})",
        "en": "Figures file (.csv, .txt, .xlsx; at most {limit})",
    },
    "imp_file_summary": {
        "vi": "{name} · {size} · {rows} dòng · SHA-256 {sha}",
        "en": "{name} · {size} · {rows} rows · SHA-256 {sha}",
    },
    "imp_errors_heading": {"vi": "Lỗi cần sửa ({count})", "en": "Errors to fix ({count})"},
    "imp_warnings_heading": {"vi": "Lưu ý ({count})", "en": "Notes ({count})"},
    "imp_col_row": {"vi": "Dòng", "en": "Row"},
    "imp_col_column": {"vi": "Cột", "en": "Column"},
    "imp_col_value": {"vi": "Giá trị", "en": "Value"},
    "imp_col_reason": {"vi": "Lý do", "en": "Reason"},
    "imp_download_errors": {"vi": "Tải danh sách lỗi (CSV)", "en": "Download the errors (CSV)"},
    "imp_conflicts_heading": {
        "vi": "Trùng với số liệu đã có ({count}): chọn thay thế hay bỏ qua",
        "en": "Already in the data ({count}): choose replace or skip",
    },
    "imp_conflict_line": {
        "vi": "Dòng {row}: {indicator} · {locality} · {period} — đang có {old}, tệp ghi {new}",
        "en": "Row {row}: {indicator} · {locality} · {period} — data has {old}, file says {new}",
    },
    "imp_conflict_blocked": {
        "vi": "Không thể thay: số liệu {figures} được suy ra từ số liệu cũ. Hãy chọn bỏ qua hoặc "
              "báo người quản lý dữ liệu.",
        "en": "Cannot replace: figures {figures} are derived from the old one. Choose skip or ask "
              "the data curator.",
    },
    "imp_decision_replace": {"vi": "Thay bằng số liệu mới", "en": "Replace with the new figure"},
    "imp_decision_skip": {"vi": "Giữ số liệu cũ (bỏ qua dòng)", "en": "Keep the old figure (skip row)"},
    "imp_decision_label": {"vi": "Quyết định cho dòng {row}", "en": "Decision for row {row}"},
    "imp_replace_all": {"vi": "Thay tất cả", "en": "Replace all"},
    "imp_skip_all": {"vi": "Bỏ qua tất cả", "en": "Skip all"},
    "imp_preview_heading": {"vi": "4. Xem trước thay đổi", "en": "4. Preview the changes"},
    "imp_metric_added": {"vi": "Số liệu mới", "en": "New figures"},
    "imp_metric_replaced": {"vi": "Thay thế", "en": "Replaced"},
    "imp_metric_unchanged": {"vi": "Đã có, không đổi", "en": "Already there"},
    "imp_metric_skipped": {"vi": "Bỏ qua", "en": "Skipped"},
    "imp_new_table": {"vi": "Số liệu sẽ thêm", "en": "Figures to add"},
    "imp_replaced_table": {"vi": "Số liệu sẽ thay", "en": "Figures to replace"},
    "imp_old_value": {"vi": "Giá trị cũ", "en": "Old value"},
    "imp_new_value": {"vi": "Giá trị mới", "en": "New value"},
    "imp_new_sources": {"vi": "Nguồn mới sẽ tạo: {names}", "en": "New sources to create: {names}"},
    "imp_affects": {"vi": "Ảnh hưởng đến các trang: {pages}", "en": "Pages affected: {pages}"},
    "imp_affects_charts": {
        "vi": "Biểu đồ và thẻ của các chỉ tiêu: {indicators} — {localities}, năm {years}",
        "en": "Charts and cards of: {indicators} — {localities}, {years}",
    },
    "imp_commit_button": {"vi": "Ghi vào dữ liệu", "en": "Write to the data"},
    "imp_commit_blocked": {
        "vi": "Chưa ghi được: sửa hết lỗi và quyết định mọi dòng trùng trước.",
        "en": "Not yet: fix every error and decide every duplicate first.",
    },
    "imp_see_overview": {"vi": "Xem trên trang Tổng quan", "en": "See it on the Overview page"},
    "imp_history_heading": {"vi": "Lịch sử nhập và hoàn tác", "en": "Import history and undo"},
    "imp_history_empty": {"vi": "Chưa có lần nhập nào.", "en": "No import yet."},
    "imp_col_id": {"vi": "Mã lần nhập", "en": "Import id"},
    "imp_col_when": {"vi": "Thời điểm (UTC)", "en": "When (UTC)"},
    "imp_col_editor": {"vi": "Người nhập", "en": "Editor"},
    "imp_col_file": {"vi": "Tệp", "en": "File"},
    "imp_col_added": {"vi": "Thêm", "en": "Added"},
    "imp_col_replaced": {"vi": "Thay", "en": "Replaced"},
    "imp_col_state": {"vi": "Trạng thái", "en": "State"},
    "imp_state_active": {"vi": "đang áp dụng", "en": "in effect"},
    "imp_state_undone": {"vi": "đã hoàn tác ({editor}, {at})", "en": "undone ({editor}, {at})"},
    "imp_rollback_pick": {"vi": "Lần nhập cần hoàn tác", "en": "Import to undo"},
    "imp_rollback_confirm": {
        "vi": "Tôi hiểu: các số liệu của lần nhập này sẽ bị gỡ và số liệu cũ được khôi phục.",
        "en": "I understand: this import's figures are removed and the old ones restored.",
    },
    "imp_rollback_button": {"vi": "Hoàn tác", "en": "Undo"},
    "imp_not_signed_in": {
        "vi": "Đăng nhập để tải tệp lên, ghi và hoàn tác.",
        "en": "Sign in to upload, write and undo.",
    },
    # period kinds and flags (labels; also accepted as values in uploads)
    "imp_kind_year": {"vi": "năm", "en": "year"},
    "imp_kind_quarter": {"vi": "quý", "en": "quarter"},
    "imp_kind_month": {"vi": "tháng", "en": "month"},
    "imp_kind_session": {"vi": "kỳ họp", "en": "session"},
    "imp_kind_part_year": {"vi": "một phần năm", "en": "part of a year"},
    "imp_kind_term_to_date": {"vi": "lũy kế từ đầu nhiệm kỳ", "en": "term to date"},
    "imp_kind_multi_year": {"vi": "nhiều năm", "en": "several years"},
    "imp_kind_as_of": {"vi": "tại một thời điểm (đến nay, tính đến ngày)", "en": "at a date (stock)"},
    "imp_flag_ambiguous": {"vi": "không nhất quán", "en": "ambiguous"},
    "imp_flag_conflicting": {"vi": "mâu thuẫn nguồn khác", "en": "conflicting"},
    # outcomes (page and command say the same)
    "imp_outcome_errors": {
        "vi": "Tệp có {count} lỗi; chưa có gì được ghi. Sửa rồi tải lên lại.",
        "en": "The file has {count} error(s); nothing was written. Fix them and upload again.",
    },
    "imp_outcome_conflicts": {
        "vi": "{count} dòng trùng với số liệu đã có; chọn thay thế hay bỏ qua cho từng dòng "
              "(lệnh: --on-conflict replace|skip). Chưa có gì được ghi.",
        "en": "{count} row(s) duplicate existing figures; choose replace or skip for each "
              "(command: --on-conflict replace|skip). Nothing was written.",
    },
    "imp_outcome_ready": {
        "vi": "Tệp hợp lệ: {added} số liệu mới ({beside} bên cạnh số liệu đã có), {replaced} thay "
              "thế, {unchanged} đã có, {skipped} bỏ qua, {indicators} chỉ tiêu mới. Chưa ghi "
              "(kiểm tra thử).",
        "en": "The file is valid: {added} new ({beside} beside an existing figure), {replaced} "
              "replaced, {unchanged} already there, {skipped} skipped, {indicators} new "
              "indicator(s). Nothing written (dry run).",
    },
    "imp_outcome_nothing": {
        "vi": "Không có gì để ghi: {unchanged} dòng đã có sẵn, {skipped} dòng bỏ qua.",
        "en": "Nothing to write: {unchanged} row(s) already there, {skipped} skipped.",
    },
    "imp_outcome_committed": {
        "vi": "Đã ghi: {added} số liệu mới ({beside} bên cạnh số liệu đã có), {replaced} thay thế, "
              "{indicators} chỉ tiêu mới. Mã lần nhập: {id}.",
        "en": "Written: {added} new ({beside} beside an existing figure), {replaced} replaced, "
              "{indicators} new indicator(s). Import id: {id}.",
    },
    "imp_outcome_changed": {
        "vi": "Dữ liệu vừa được người khác thay đổi sau khi bạn xem trước; hãy xem lại rồi ghi.",
        "en": "The data changed after your preview; review it again before writing.",
    },
    "imp_outcome_busy": {
        "vi": "Một biên tập viên khác đang ghi dữ liệu; thử lại sau ít phút.",
        "en": "Another editor is writing the data; try again in a few minutes.",
    },
    "imp_rb_unknown": {"vi": "Không có lần nhập {id}.", "en": "There is no import {id}."},
    "imp_rb_already": {"vi": "Lần nhập {id} đã được hoàn tác.", "en": "Import {id} was already undone."},
    "imp_auth_bad_display_name": {
        "vi": "Tên hiển thị tối đa 100 ký tự, không chứa ký tự điều khiển hay xuống dòng.",
        "en": "A display name has at most 100 characters and no control characters or line breaks.",
    },
    "imp_auth_broken_file": {
        "vi": "Không đọc được tệp tài khoản biên tập viên (bị sửa tay sai cú pháp); quản trị viên "
              "hãy sửa hoặc tạo lại bằng `python -m govdash editor add`.",
        "en": "The editors file cannot be read (edited by hand into invalid syntax); the "
              "administrator should fix it or recreate it with `python -m govdash editor add`.",
    },
    "imp_outcome_write_failed": {
        "vi": "Không ghi được vào thư mục dữ liệu ({error}): thư mục chỉ đọc hoặc ổ đĩa đã đầy. "
              "Dữ liệu vẫn như trước; hãy giải phóng chỗ trống hoặc cấp quyền ghi rồi thử lại.",
        "en": "The data folder could not be written ({error}): it is read-only or the disk is "
              "full. The data are as they were; free some space or allow writing, then try again.",
    },
    "imp_rb_removed": {
        "vi": "Không hoàn tác được: số liệu {figure} không còn trong {file} (đã bị xóa hoặc đổi mã "
              "ngoài chức năng nhập sau lần nhập này). Hãy khôi phục dòng đó (nội dung có trong "
              "imports/{id}.json) rồi hoàn tác lại.",
        "en": "Cannot undo: figure {figure} is no longer in {file} (removed or renamed outside "
              "the importer since this import). Put the row back (it is in imports/{id}.json), "
              "then undo again.",
    },
    "imp_rb_edited": {
        "vi": "Không hoàn tác được: số liệu {figure} trong {file} đã bị sửa ngoài chức năng nhập "
              "sau lần nhập này (cột {columns}); hoàn tác sẽ làm mất chỗ sửa đó.",
        "en": "Cannot undo: figure {figure} in {file} was edited outside the importer since this "
              "import (columns {columns}); undoing would lose that edit.",
    },
    "imp_rb_back": {
        "vi": "Không hoàn tác được: số liệu {figure} mà lần nhập này đã thay thế lại có trong dữ "
              "liệu ({file}), được thêm lại sau lần nhập này.",
        "en": "Cannot undo: figure {figure}, which this import replaced, is in the data again "
              "({file}): it was added back since this import.",
    },
    "imp_rb_changed": {
        "vi": "Không hoàn tác được: số liệu {figure} đã thay đổi sau lần nhập này (hãy hoàn tác "
              "các lần nhập sau trước).",
        "en": "Cannot undo: figure {figure} changed after this import (undo the later imports "
              "first).",
    },
    "imp_rb_indicator_in_use": {
        "vi": "Không hoàn tác được: chỉ tiêu {indicators} do lần nhập này tạo đang được số liệu khác dùng.",
        "en": "Cannot undo: indicator(s) {indicators} created by this import are used by other figures.",
    },
    "imp_err_qualifier_clash": {
        "vi": "Giá trị “{value}” tự ghi mức độ khác với cột mức độ; hãy sửa một trong hai.",
        "en": "The value “{value}” states another qualifier than the qualifier column; fix one of them.",
    },
    "imp_err_indicator_exists": {
        "vi": "Mã chỉ tiêu này đã có với nghĩa khác (lĩnh vực, đơn vị hoặc cộng được); hãy đặt mã khác.",
        "en": "This indicator id exists with another meaning (domain, unit or summable); choose another id.",
    },
    "imp_err_indicator_id": {
        "vi": "Mã chỉ tiêu chỉ gồm chữ thường không dấu, số và dấu gạch dưới (ví dụ: von_dau_tu_ke_hoach).",
        "en": "An indicator id is lower-case letters, digits and underscores (e.g. planned_investment).",
    },
    "imp_tpl_sheet_new_indicators": {"vi": "Chỉ tiêu mới", "en": "New indicators"},
    "imp_tpl_help_preferred": {
        "vi": "Chỉ khi đã có số liệu khác cho cùng địa phương, cơ quan, chỉ tiêu, kỳ: có = số liệu này "
              "được ưu tiên (số kia giữ lại, không ưu tiên), không = giữ bên cạnh, không ưu tiên. Để "
              "trống: trùng thì chọn thay thế hoặc bỏ qua (số chính thức sau số ước tính luôn được giữ cả hai).",
        "en": "Only when another figure exists for the same locality, body, indicator and period: yes = "
              "this one is preferred (the other is kept, not preferred), no = kept beside it, not "
              "preferred. Empty: a duplicate is replaced or skipped (a final after an estimate always keeps both).",
    },
    "imp_tpl_new_indicators_help": {
        "vi": "Mỗi dòng một chỉ tiêu mới; các dòng số liệu của tệp có thể dùng mã này ngay.",
        "en": "One new indicator a row; the figure rows of the file may use its id at once.",
    },
    "imp_preferred_true": {"vi": "có", "en": "yes"},
    "imp_preferred_false": {"vi": "không", "en": "no"},
    "imp_beside_table": {"vi": "Số liệu giữ bên cạnh số liệu đã có", "en": "Figures kept beside existing ones"},
    "imp_beside_existing": {"vi": "Số liệu đã có", "en": "Existing figures"},
    "imp_preferred_label": {"vi": "Ưu tiên", "en": "Preferred"},
    "imp_new_indicators": {"vi": "Chỉ tiêu mới: {names}", "en": "New indicators: {names}"},
    "imp_rb_source_in_use": {
        "vi": "Không hoàn tác được: nguồn {sources} do lần nhập này tạo đang được số liệu khác dùng.",
        "en": "Cannot undo: source(s) {sources} created by this import are used by other figures.",
    },
    "imp_rb_invalid": {
        "vi": "Không hoàn tác được: dữ liệu sau khi hoàn tác sẽ có lỗi: {reason}",
        "en": "Cannot undo: the data would then have a problem: {reason}",
    },
    "imp_rb_done": {
        "vi": "Đã hoàn tác lần nhập {id}: gỡ {count} số liệu, khôi phục số liệu cũ.",
        "en": "Import {id} undone: {count} figure(s) removed, old figures restored.",
    },
    # whole-file problems
    "imp_err_old_spreadsheet": {
        "vi": "Tệp .{ext} không được nhận. Trong Excel chọn Lưu thành (Save As) → Sổ làm việc Excel "
              "(.xlsx) hoặc CSV UTF-8, rồi tải lên lại.",
        "en": "A .{ext} file is not accepted. In Excel use Save As → Excel Workbook (.xlsx) or CSV "
              "UTF-8, then upload again.",
    },
    "imp_err_extension": {
        "vi": "Phần mở rộng «{ext}» không được nhận; chỉ nhận: {allowed}.",
        "en": "Extension «{ext}» is not accepted; only: {allowed}.",
    },
    "imp_err_too_big": {
        "vi": "Tệp quá lớn ({size} MB); giới hạn {limit} MB. Hãy chia thành nhiều tệp.",
        "en": "The file is too large ({size} MB); the limit is {limit} MB. Split it into several files.",
    },
    "imp_err_not_xlsx": {
        "vi": "Tệp mang đuôi .xlsx nhưng nội dung không phải sổ làm việc Excel đọc được.",
        "en": "The file is named .xlsx but is not a readable Excel workbook.",
    },
    "imp_err_xlsx_renamed": {
        "vi": "Tệp mang đuôi .{ext} nhưng thực ra là tệp nén/Excel; hãy đặt đúng đuôi .xlsx "
              "hoặc lưu lại dạng CSV UTF-8.",
        "en": "The file is named .{ext} but is a zip/Excel file; name it .xlsx or save it as CSV "
              "UTF-8.",
    },
    "imp_err_binary": {
        "vi": "Tệp mang đuôi .{ext} nhưng không phải văn bản (có thể là ảnh, PDF hoặc tệp đổi "
              "tên). Hãy xuất bảng tính ra CSV UTF-8 hoặc .xlsx.",
        "en": "The file is named .{ext} but is not text (an image, PDF or renamed file?). Export "
              "the spreadsheet as CSV UTF-8 or .xlsx.",
    },
    "imp_err_encoding": {
        "vi": "Tệp không ở dạng Unicode (UTF-8 hoặc UTF-16) và không nhận ra bảng mã. Hãy lưu "
              "lại dạng «CSV UTF-8» hoặc .xlsx.",
        "en": "The file is not Unicode (UTF-8 or UTF-16) and its encoding is not recognised. "
              "Save it as \"CSV UTF-8\" or .xlsx.",
    },
    "imp_err_legacy_tcvn3": _legacy(
        "Tệp được gõ bằng bảng mã TCVN3 (ABC, phông .Vn…) chứ không phải Unicode; nếu nhập, chữ "
        "Việt sẽ bị lỗi.",
        "The file is typed in the TCVN3 (ABC, .Vn fonts) encoding, not Unicode; imported, its "
        "Vietnamese text would be garbled.", "TCVN3 (ABC)"),
    "imp_err_legacy_vni": _legacy(
        "Tệp được gõ bằng bảng mã VNI (phông VNI-…) chứ không phải Unicode; nếu nhập, chữ Việt "
        "sẽ bị lỗi.",
        "The file is typed in the VNI encoding (VNI- fonts), not Unicode; imported, its "
        "Vietnamese text would be garbled.", "VNI Windows"),
    "imp_err_legacy_cp1258": _legacy(
        "Tệp dùng bảng mã Windows-1258 (mã dựng sẵn cũ của Windows) chứ không phải Unicode.",
        "The file uses the Windows-1258 code page, not Unicode.", "Vietnamese locale CP 1258"),
    "imp_err_legacy_utf8_twice": {
        "vi": "Chữ Việt trong tệp đã bị chuyển mã hai lần (ví dụ «Háº£i» thay cho «Hải»). Hãy "
              "mở tệp gốc và lưu lại dạng «CSV UTF-8» hoặc .xlsx.",
        "en": "The Vietnamese text in the file was converted twice (e.g. «Háº£i» for «Hải»). "
              "Open the original and save it as \"CSV UTF-8\" or .xlsx.",
    },
    "imp_err_empty": {"vi": "Tệp rỗng.", "en": "The file is empty."},
    "imp_err_no_rows": {
        "vi": "Tệp chỉ có dòng tiêu đề, không có số liệu.",
        "en": "The file has a header but no figures.",
    },
    "imp_err_line_too_long": {
        "vi": "Tệp có một dòng dài hơn {limit} ký tự (có thể là tệp hỏng hoặc không phải bảng số liệu).",
        "en": "The file has a line longer than {limit} characters (a damaged file, or not a table of figures).",
    },
    "imp_err_bad_text": {
        "vi": "Không đọc được tệp như một bảng: {reason}. Hãy lưu lại từ Excel dạng CSV UTF-8.",
        "en": "The file cannot be read as a table: {reason}. Save it again from Excel as CSV UTF-8.",
    },
    "imp_err_no_sheet": {
        "vi": "Tệp Excel không có trang tính nào.",
        "en": "The Excel file has no worksheet.",
    },
    "imp_err_too_many_rows": {
        "vi": "Tệp có hơn {limit} dòng; hãy chia thành nhiều tệp.",
        "en": "The file has more than {limit} rows; split it into several files.",
    },
    "imp_err_too_many_columns": {
        "vi": "Tệp có hơn {limit} cột; hãy dùng đúng mẫu.",
        "en": "The file has more than {limit} columns; use the template.",
    },
    "imp_err_data_unreadable": {
        "vi": "Dữ liệu hiện có không đọc được; báo quản trị viên (python -m govdash validate).",
        "en": "The current data cannot be read; tell the administrator (python -m govdash validate).",
    },
    "imp_warn_data_problems": {
        "vi": "Dữ liệu hiện có đã có {count} vấn đề (không do tệp này); báo quản trị viên.",
        "en": "The current data already has {count} problem(s), not caused by this file; tell the "
              "administrator.",
    },
    # header
    "imp_err_column_unknown": {
        "vi": "Cột không có trong mẫu (gần nhất: {suggestion}).",
        "en": "Column not in the template (closest: {suggestion}).",
    },
    "imp_err_column_twice": {"vi": "Cột {column} xuất hiện hai lần.", "en": "Column {column} appears twice."},
    "imp_err_columns_missing": {
        "vi": "Thiếu cột bắt buộc: {columns}. Hãy dùng mẫu tải ở trên.",
        "en": "Required columns missing: {columns}. Use the template above.",
    },
    "imp_err_columns_source": {
        "vi": "Cần cột source_id (mã nguồn đã có) hoặc hai cột source_title và source_publisher "
              "(nguồn mới).",
        "en": "Needs a source_id column (an existing source) or source_title and source_publisher "
              "columns (a new source).",
    },
    # cells
    "imp_err_formula": {
        "vi": "Ô chứa công thức; chỉ nhận giá trị (dán đặc biệt → chỉ giá trị).",
        "en": "The cell holds a formula; only values are accepted (paste special → values).",
    },
    "imp_err_html": {
        "vi": "Ô chứa mã HTML, đường dẫn markdown hoặc script; chỉ nhận văn bản thường.",
        "en": "The cell holds HTML, a markdown link or a script; only plain text is accepted.",
    },
    "imp_err_control": {"vi": "Ô chứa ký tự điều khiển.", "en": "The cell holds control characters."},
    "imp_err_bidi": {
        "vi": "Ô chứa ký tự điều khiển chiều viết (có thể làm chữ hiện ngược); hãy gõ lại ô này.",
        "en": "The cell holds a text-direction control (it can make text show reversed); retype the cell.",
    },
    "imp_err_markdown": {
        "vi": "Ô chứa định dạng markdown (**, `, $…$, :red[…]) hoặc, ở tên nguồn và nơi ban hành, một địa chỉ web; chỉ nhận văn bản thường (địa chỉ đặt ở cột source_url).",
        "en": "The cell holds Markdown formatting (**, `, $…$, :red[…]) or, in a source title or publisher, a web address; only plain text is accepted (put the address in source_url).",
    },
    "imp_err_too_long": {"vi": "Quá dài (tối đa {limit} ký tự).", "en": "Too long (at most {limit} characters)."},
    "imp_err_required": {"vi": "Bắt buộc, đang để trống.", "en": "Required, but empty."},
    "imp_err_extra_cells": {
        "vi": "Dòng có nhiều ô hơn số cột tiêu đề.",
        "en": "The row has more cells than the header has columns.",
    },
    "imp_err_locality_unknown": {
        "vi": "Không có địa phương này. Gần nhất: {suggestions}.",
        "en": "Unknown locality. Closest: {suggestions}.",
    },
    "imp_err_locality_ambiguous": {
        "vi": "Tên này ứng với nhiều địa phương ({choices}); hãy ghi mã.",
        "en": "This name fits several localities ({choices}); give the code.",
    },
    "imp_err_locality_ended": {
        "vi": "{name} không còn tồn tại sau {date}; số liệu của kỳ này thuộc đơn vị mới.",
        "en": "{name} ceased to exist after {date}; figures for this period belong to its successor.",
    },
    "imp_err_locality_not_yet": {
        "vi": "{name} chỉ tồn tại từ {date}.",
        "en": "{name} only exists from {date}.",
    },
    "imp_err_indicator_unknown": {
        "vi": "Không có chỉ tiêu này. Gần nhất: {suggestions}.",
        "en": "Unknown indicator. Closest: {suggestions}.",
    },
    "imp_err_date": {
        "vi": "Không phải ngày hợp lệ (viết 17/4/2023 hoặc 2023-04-17; ngày trước tháng).",
        "en": "Not a valid date (write 17/4/2023 or 2023-04-17; day before month).",
    },
    "imp_err_date_range": {"vi": "Năm nằm ngoài khoảng hợp lý.", "en": "The year is out of range."},
    "imp_err_period_order": {"vi": "Kỳ kết thúc trước khi bắt đầu.", "en": "The period ends before it starts."},
    "imp_err_period_shape": {
        "vi": "Loại kỳ «{kind}» nhưng ngày bắt đầu/kết thúc không trùng đúng một {kind} dương lịch.",
        "en": "Period kind «{kind}» but the dates do not cover exactly one calendar {kind}.",
    },
    "imp_err_choice": {"vi": "Giá trị không hợp lệ; chọn một trong: {allowed}.",
                       "en": "Not an allowed value; use one of: {allowed}."},
    "imp_err_derived": {
        "vi": "Số liệu suy ra (derived) không nhập qua tệp; hãy nhập các số liệu gốc.",
        "en": "Derived figures are not imported; import the figures they come from.",
    },
    "imp_err_number": {
        "vi": "Không phải số (viết 1.484,75 hoặc 1484,75; không kèm chữ).",
        "en": "Not a number (write 1.484,75 or 1484,75; no words).",
    },
    "imp_err_ambiguous": {
        "vi": "Không rõ nghĩa: có thể là {vn} (cách viết Việt Nam) hoặc {en} (cách viết tiếng Anh), "
              "và cột này dùng lẫn cả hai cách. Hãy viết không có dấu phân cách hàng nghìn.",
        "en": "Ambiguous: {vn} (Vietnamese) or {en} (English), and this column mixes both "
              "conventions. Write it without a thousands separator.",
    },
    "imp_err_percent_sign": {
        "vi": "Có dấu % nhưng chỉ tiêu tính bằng {unit}.",
        "en": "Has a % sign but the indicator is counted in {unit}.",
    },
    "imp_err_unit_text": {
        "vi": "Chữ kèm theo số không phải đơn vị của chỉ tiêu ({unit}); ghi mức độ (trên, khoảng…) "
              "ở cột qualifier.",
        "en": "The words after the number are not the indicator's unit ({unit}); put 'over', "
              "'about'… in the qualifier column.",
    },
    "imp_err_source_missing": {
        "vi": "Cần source_id hoặc thông tin nguồn mới (source_title, source_publisher).",
        "en": "Needs a source_id or a new source (source_title, source_publisher).",
    },
    "imp_err_source_unknown": {
        "vi": "Không có nguồn này. Gần nhất: {suggestions}.",
        "en": "Unknown source. Closest: {suggestions}.",
    },
    "imp_err_source_field": {
        "vi": "Nguồn mới cần cả tiêu đề và nơi ban hành.",
        "en": "A new source needs both a title and a publisher.",
    },
    "imp_err_source_id_pattern": {
        "vi": "Mã nguồn chỉ gồm chữ thường không dấu, số, gạch ngang.",
        "en": "A source id is lower-case letters, digits and dashes.",
    },
    "imp_err_source_mismatch": {
        "vi": "Mã nguồn {source} đã có với tiêu đề khác; bỏ trống tiêu đề hoặc dùng mã khác.",
        "en": "Source {source} exists with another title; leave the title empty or use another id.",
    },
    "imp_err_url": {
        "vi": "Đường dẫn phải bắt đầu bằng http:// hoặc https://.",
        "en": "The address must start with http:// or https://.",
    },
    "imp_err_published": {
        "vi": "Ngày ban hành viết 17/4/2023, 4/2023 hoặc 2023.",
        "en": "Write the publication date as 17/4/2023, 4/2023 or 2023.",
    },
    "imp_err_duplicate_row": {
        "vi": "Trùng với dòng {other} của tệp (cùng địa phương, cơ quan, chỉ tiêu, kỳ).",
        "en": "Same figure as row {other} of the file (locality, body, indicator, period).",
    },
    "imp_err_replace_derived": {
        "vi": "Không thể thay: số liệu {figures} được suy ra từ số liệu cũ; hãy chọn bỏ qua.",
        "en": "Cannot replace: figures {figures} are derived from the old one; choose skip.",
    },
    "imp_err_existing": {
        "vi": "Sau khi nhập, số liệu đã có ở {where} sẽ sai quy tắc: {reason}",
        "en": "After the import, the existing figure at {where} would break a rule: {reason}",
    },
    "imp_warn_mixed_convention": {
        "vi": "Cột giá trị dùng lẫn cách viết số Việt Nam (dòng {vn}) và tiếng Anh (dòng {en}); "
              "hãy kiểm tra lại.",
        "en": "The value column mixes Vietnamese (row {vn}) and English (row {en}) number "
              "conventions; check it.",
    },
    "imp_warn_ambiguous_vn": {
        "vi": "Số như 1.484 được hiểu theo cách viết Việt Nam (một nghìn bốn trăm tám mươi tư), "
              "dòng: {rows}.",
        "en": "Numbers like 1.484 were read the Vietnamese way (one thousand four hundred and "
              "eighty-four), rows: {rows}.",
    },
    "imp_warn_ambiguous_en": {
        "vi": "Cột dùng cách viết tiếng Anh nên số như 1,484 được hiểu là 1484, dòng: {rows}.",
        "en": "The column uses the English convention, so numbers like 1,484 were read as 1484, "
              "rows: {rows}.",
    },
    "imp_warn_future_result": {
        "vi": "Số liệu «đã báo cáo» cho kỳ chưa kết thúc; có phải là ước tính?",
        "en": "A 'reported' figure for a period that has not ended; is it an estimate?",
    },
    # validation rules (govdash.validate reasons)
    "imp_rule_quote_number": {
        "vi": "Giá trị {value} không xuất hiện trong trích dẫn đúng như đã viết.",
        "en": "The value {value} does not appear in the quote as written.",
    },
    "imp_rule_above_limit": {
        "vi": "Vượt quá {limit}, mức tối đa của chỉ tiêu {indicator}.",
        "en": "Above {limit}, the limit for {indicator}.",
    },
    "imp_rule_count": {"vi": "Số đếm phải là số nguyên không âm.", "en": "A count must be a non-negative whole number."},
    "imp_rule_negative": {"vi": "Số liệu loại {kind} không thể âm.", "en": "A {kind} figure cannot be negative."},
    "imp_rule_negative_share": {"vi": "Tỷ lệ không thể âm.", "en": "A share cannot be negative."},
    "imp_rule_verbatim": {
        "vi": "Trích dẫn không có nguyên văn trong văn bản nguồn {file}.",
        "en": "The quote is not verbatim in the source document {file}.",
    },
    "imp_rule_shares": {
        "vi": "Các tỷ lệ của nhóm {group} cộng lại {total}, không phải 100.",
        "en": "The shares of {group} add up to {total}, not 100.",
    },
    "imp_rule_required": {"vi": "Bắt buộc, đang để trống.", "en": "Required, but empty."},
    "imp_rule_duplicate": {"vi": "Trùng khoá.", "en": "Duplicate key."},
    "imp_rule_preferred": {
        "vi": "Nhiều số liệu cho cùng chỉ tiêu, địa phương, cơ quan và kỳ đều được ưu tiên.",
        "en": "Several figures for the same indicator, locality, body and period are all preferred.",
    },
    "imp_rule_allowed": {"vi": "Giá trị không hợp lệ.", "en": "Not an allowed value."},
    "imp_rule_pattern": {"vi": "Sai định dạng.", "en": "Wrong format."},
    # template
    "imp_tpl_sheet_figures": {"vi": "Số liệu", "en": "Figures"},
    "imp_tpl_sheet_help": {"vi": "Hướng dẫn", "en": "Help"},
    "imp_tpl_sheet_localities": {"vi": "Địa phương", "en": "Localities"},
    "imp_tpl_sheet_indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "imp_tpl_sheet_lists": {"vi": "Danh mục", "en": "Lists"},
    "imp_tpl_column": {"vi": "Cột", "en": "Column"},
    "imp_tpl_required": {"vi": "Bắt buộc", "en": "Required"},
    "imp_tpl_meaning": {"vi": "Ý nghĩa và cách ghi", "en": "Meaning and how to write it"},
    "imp_tpl_yes": {"vi": "có", "en": "yes"},
    "imp_tpl_no": {"vi": "không", "en": "no"},
    "imp_tpl_list": {"vi": "Danh mục", "en": "List"},
    "imp_tpl_code": {"vi": "Giá trị ghi", "en": "Value to write"},
    "imp_tpl_label": {"vi": "Nghĩa", "en": "Meaning"},
    "imp_tpl_help_locality": {
        "vi": "Mã địa phương (ví dụ 31) hoặc tên (Hải Phòng, hai phong). Xem trang «Địa phương».",
        "en": "Locality code (e.g. 31) or name (Hải Phòng, hai phong). See the Localities sheet.",
    },
    "imp_tpl_help_body": {"vi": "Cơ quan thực hiện; xem «Danh mục».", "en": "Who acted; see Lists."},
    "imp_tpl_help_indicator": {
        "vi": "Mã chỉ tiêu hoặc tên chỉ tiêu; xem trang «Chỉ tiêu» (đơn vị, số lẻ, mức tối đa).",
        "en": "Indicator id or name; see the Indicators sheet (unit, decimals, maximum).",
    },
    "imp_tpl_help_period_start": {"vi": "Ngày đầu kỳ: 1/1/2023.", "en": "First day: 1/1/2023."},
    "imp_tpl_help_period_end": {"vi": "Ngày cuối kỳ (tính cả ngày đó): 31/12/2023.",
                                "en": "Last day, inclusive: 31/12/2023."},
    "imp_tpl_help_period_kind": {"vi": "Loại kỳ; xem «Danh mục».", "en": "Period kind; see Lists."},
    "imp_tpl_help_value": {
        "vi": "Số, kiểu Việt Nam: 1.484,75; 10,34%. Tiền tính bằng tỷ đồng. Không làm tròn.",
        "en": "Number, Vietnamese style: 1.484,75; 10,34%. Money in billion VND. Do not round.",
    },
    "imp_tpl_help_qualifier": {"vi": "exact, hoặc trên/khoảng/gần; xem «Danh mục».",
                               "en": "exact, or over/about/under; see Lists."},
    "imp_tpl_help_status": {"vi": "reported (đã báo cáo), estimated (ước), planned (kế hoạch).",
                            "en": "reported, estimated (before the period closed), planned."},
    "imp_tpl_help_source_id": {
        "vi": "Mã nguồn đã có (xem trang Nguồn dữ liệu); để trống nếu khai báo nguồn mới.",
        "en": "An existing source id (see the Data sources page); empty for a new source.",
    },
    "imp_tpl_help_source_title": {"vi": "Nguồn mới: tên văn bản hoặc bài viết.",
                                  "en": "New source: title of the document or article."},
    "imp_tpl_help_source_publisher": {"vi": "Nguồn mới: cơ quan ban hành / nơi đăng.",
                                      "en": "New source: issuing body or publisher."},
    "imp_tpl_help_source_url": {"vi": "Nguồn mới: đường dẫn http(s), nếu có.",
                                "en": "New source: http(s) address, if any."},
    "imp_tpl_help_source_published": {"vi": "Nguồn mới: ngày ban hành (17/4/2023, 4/2023 hoặc 2023).",
                                      "en": "New source: publication date (17/4/2023, 4/2023 or 2023)."},
    "imp_tpl_help_source_reliability": {"vi": "Nguồn mới: high/medium/low (mặc định medium).",
                                        "en": "New source: high/medium/low (default medium)."},
    "imp_tpl_help_quote": {
        "vi": "Câu trích nguyên văn từ nguồn, có chứa đúng con số.",
        "en": "The sentence quoted verbatim from the source, containing the number as written.",
    },
    "imp_tpl_help_flag": {"vi": "Để trống; hoặc ambiguous / conflicting.",
                          "en": "Empty; or ambiguous / conflicting."},
    "imp_tpl_help_note": {"vi": "Ghi chú (tuỳ chọn).", "en": "Remark (optional)."},
}
