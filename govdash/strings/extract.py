"""Strings of "Nhập từ văn bản" (extract figures from a document) and `python -m govdash extract`."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "ext_err_empty": {"vi": "Văn bản trống: không có chữ nào để đọc.",
                      "en": "The document is empty: there is no text to read."},
    "ext_err_extension": {
        "vi": "Không đọc được tệp .{ext}. Hãy dùng một trong: {allowed} (hoặc dán văn bản).",
        "en": "Cannot read a .{ext} file. Use one of: {allowed} (or paste the text)."},
    "ext_err_too_big": {"vi": "Tệp lớn hơn {limit} MB. Hãy tách văn bản thành nhiều tệp.",
                        "en": "The file is larger than {limit} MB. Split the document into several files."},
    "ext_err_binary": {"vi": "Tệp .txt này không phải văn bản thuần. Hãy lưu lại dạng «Plain text (UTF-8)».",
                       "en": "This .txt file is not plain text. Save it again as \"Plain text (UTF-8)\"."},
    "ext_err_encoding": {"vi": "Không đọc được bảng mã của tệp. Hãy lưu lại dạng UTF-8.",
                         "en": "The file's encoding cannot be read. Save it again as UTF-8."},
    "ext_err_not_docx": {"vi": "Tệp .docx bị hỏng hoặc không phải tệp Word. Hãy mở bằng Word và lưu lại dạng .docx.",
                         "en": "The .docx file is damaged or not a Word file. Open it in Word and save it as .docx again."},
    "ext_err_not_pdf": {"vi": "Tệp PDF bị hỏng hoặc không đọc được. Hãy xuất lại PDF từ văn bản gốc.",
                        "en": "The PDF is damaged or unreadable. Export the PDF again from the original document."},
    "ext_err_encrypted": {"vi": "Tệp PDF có mật khẩu. Hãy bỏ mật khẩu (hoặc dùng bản gốc .docx) rồi tải lên lại.",
                          "en": "The PDF is password-protected. Remove the password (or use the original .docx) and upload it again."},
    "ext_err_scanned": {
        "vi": "Tệp PDF ({pages} trang) là bản quét: không có lớp chữ. govdash không nhận dạng chữ (OCR); "
              "hãy dùng bản .docx hoặc PDF xuất từ văn bản gốc, hoặc dán văn bản.",
        "en": "The PDF ({pages} pages) is a scan with no text layer. govdash does no OCR; use the .docx, "
              "a PDF exported from the original, or paste the text."},
    "ext_err_open": {"vi": "Không mở được {file}: {reason}.", "en": "Cannot open {file}: {reason}."},
    "ext_err_locality": {"vi": "Không có địa phương «{value}». Dùng mã (31) hoặc tên (Hải Phòng).",
                         "en": "No locality \"{value}\". Give a code (31) or a name (Hải Phòng)."},
    "ext_err_date": {"vi": "Ngày «{value}» không hợp lệ: viết YYYY-MM-DD.",
                     "en": "The date \"{value}\" is not valid: write YYYY-MM-DD."},
    "ext_cli_written": {"vi": "Đã ghi {count} dòng vào {file} (mẫu nhập liệu).",
                        "en": "Wrote {count} rows to {file} (import template)."},
    "ext_cli_count": {"vi": "{count} số liệu đề xuất.", "en": "{count} candidate figures."},
    # page
    "ext_tab_sheet": {"vi": "Từ bảng tính (mẫu)", "en": "From a spreadsheet (template)"},
    "ext_tab_document": {"vi": "Từ văn bản", "en": "From a document"},
    "ext_intro": {
        "vi": "Dán văn bản hoặc tải lên tệp .txt, .docx, .pdf (có lớp chữ). Bảng điều khiển đề xuất các "
              "số liệu kèm trích dẫn nguyên văn và lý do; anh/chị kiểm tra, sửa, chọn rồi nhập như "
              "một bảng tính. Văn bản được lưu làm nguồn.",
        "en": "Paste a text or upload a .txt, .docx or .pdf (with a text layer). The dashboard proposes "
              "the figures with their verbatim quotes and reasons; check, correct and tick them, then "
              "import them as a spreadsheet. The document is kept as a source."},
    "ext_paste": {"vi": "Dán văn bản", "en": "Paste the text"},
    "ext_upload": {"vi": "Hoặc tải lên văn bản (.txt, .docx, .pdf)", "en": "Or upload a document (.txt, .docx, .pdf)"},
    "ext_locality": {"vi": "Địa phương mặc định", "en": "Default locality"},
    "ext_year": {"vi": "Năm mặc định", "en": "Default year"},
    "ext_from_text": {"vi": "— theo văn bản —", "en": "— from the text —"},
    "ext_publisher": {"vi": "Cơ quan ban hành (nguồn)", "en": "Publisher (source)"},
    "ext_none": {"vi": "Không tìm thấy số liệu nào trong văn bản.", "en": "No figures found in the document."},
    "ext_summary": {"vi": "{count} số liệu đề xuất, {confident} có độ tin cậy cao và đủ thông tin.",
                    "en": "{count} candidate figures, {confident} confident and complete."},
    "ext_accept_all": {"vi": "Chọn tất cả số liệu tin cậy cao", "en": "Accept all high-confidence figures"},
    "ext_col_include": {"vi": "Chọn", "en": "Include"},
    "ext_col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "ext_col_suggestions": {"vi": "Chỉ tiêu gần nhất", "en": "Closest indicators"},
    "ext_col_start": {"vi": "Từ ngày", "en": "From"},
    "ext_col_end": {"vi": "Đến ngày", "en": "To"},
    "ext_col_kind": {"vi": "Loại kỳ", "en": "Period kind"},
    "ext_col_qualifier": {"vi": "Mức độ", "en": "Qualifier"},
    "ext_col_confidence": {"vi": "Tin cậy", "en": "Confidence"},
    "ext_col_missing": {"vi": "Còn thiếu", "en": "Missing"},
    "ext_col_why": {"vi": "Lý do", "en": "Why"},
    "ext_detail_pick": {"vi": "Xem số liệu trong câu", "en": "See a figure in its sentence"},
    "ext_document": {"vi": "Toàn văn ({pages} trang)", "en": "Full text ({pages} pages)"},
    "ext_blocked": {"vi": "Các dòng {rows} còn thiếu thông tin bắt buộc: điền đủ rồi mới nhập được.",
                    "en": "Rows {rows} still lack a required field: fill them in before importing."},
    "ext_check": {"vi": "Kiểm tra và xem trước {count} số liệu đã chọn",
                  "en": "Check and preview the {count} ticked figures"},
}
