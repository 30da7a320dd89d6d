"""The cue words of Vietnamese official prose that decide a figure's fields, as plain data with
small functions over them: counted nouns (units), status (`ước đạt` → estimated, `kế hoạch` →
planned), qualifier (`trên` → over, `khoảng` → about, `gần` → under), period phrases (`năm
2023`, `quý I/2023`, `6 tháng đầu năm`, `từ đầu nhiệm kỳ`, `đến nay`) and bodies (HĐND,
Thường trực HĐND, UBND, HĐND các cấp …).

Every function returns the value together with the words that decided it, so a reviewer sees
why. Nothing here knows an indicator: indicator cues are metadata (`data/indicator_cues.csv`).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# Counted nouns that follow a number in reports (longest first when matching). The units of
# `indicators.csv` are added at run time (`unit_words`), so a new indicator brings its noun.
COUNTED = [
    "kỳ họp", "phiên họp", "cuộc họp", "cuộc giám sát", "cuộc khảo sát", "cuộc thi", "cuộc",
    "phiên", "buổi", "nghị quyết", "quyết định", "văn bản", "báo cáo", "tờ trình", "đề án",
    "kế hoạch", "chương trình", "lượt người", "lượt", "người", "công dân", "vụ việc", "vụ",
    "đơn thư", "đơn", "ý kiến", "kiến nghị", "câu hỏi", "nội dung", "vấn đề", "tập thể",
    "cá nhân", "đại biểu", "dự án", "công trình", "hạng mục", "hồ sơ", "thủ tục", "nhiệm vụ",
    "công việc", "việc", "chỉ tiêu", "xã", "phường", "thị trấn", "đơn vị", "đồ án", "quy hoạch",
    "vị trí", "đoàn", "phân khu", "thủ trưởng", "doanh nghiệp", "hợp tác xã", "hộ", "học sinh",
    "trường", "cơ sở", "cơ quan", "cán bộ", "công chức", "viên chức", "lao động",
    "bệnh nhân", "căn", "suất", "phần quà", "tấn", "ha", "héc-ta", "km", "cuộc tiếp xúc",
    "điểm", "mô hình", "sản phẩm", "tuyến", "khu", "cụm", "nhà", "giấy chứng nhận", "trường hợp",
]
# Words that look counted but measure time: a number before them is a duration or a date.
TIME_WORDS = ("năm", "tháng", "ngày", "tuần", "giờ", "phút", "quý", "kỳ")
_CURRENCY = r"(?:đồng|vnđ|vnd)"
MONEY_SCALES = ("nghìn tỷ", "ngàn tỷ", "nghìn tỉ", "ngàn tỉ", "tỷ", "tỉ", "triệu", "nghìn", "ngàn")


def unit_words(extra: list[str] = ()) -> list[str]:
    """Counted nouns, longest first (`cuộc họp` before `cuộc`)."""
    words = {w.strip().lower() for w in [*COUNTED, *extra] if w.strip()}
    words -= {"%", "%/năm", "tỷ đồng", "lần"}
    return sorted(words, key=len, reverse=True)


def counted_noun(text_after: str, nouns: list[str]) -> str | None:
    """The counted noun `text_after` starts with (after spaces), or None."""
    head = text_after.lstrip().lower()
    for noun in nouns:
        if head.startswith(noun) and (len(head) == len(noun) or not head[len(noun)].isalnum()):
            return noun
    return None


# ---------------------------------------------------------------- status

@dataclass(frozen=True)
class Cue:
    """A field value and the words of the text that decided it."""
    value: str
    words: str = ""


ESTIMATE = re.compile(r"(?<!\w)(ước\s+(?:đạt|tính|thực hiện|khoảng)|ước|dự ước|ước cả năm)(?!\w)", re.I)
PLAN = re.compile(r"(?<!\w)(kế hoạch|chỉ tiêu|mục tiêu|dự toán|phấn đấu|dự kiến|nhiệm vụ đề ra|phải đạt)(?!\w)",
                  re.I)
# `kế hoạch … đề ra là 116.400`, `dự toán … giao là 42.500`: the plan's own value, named.
_NAMED_VALUE = re.compile(r"(?:đề ra|giao|đặt ra|được giao|là)?\s*(?:là|:)\s*(?:trên|hơn|khoảng|gần|dưới)?\s*$", re.I)
# A result said between a plan word and the number (`kế hoạch …, đã xác định 25 dự án`) makes
# the number a result; `đạt X% kế hoạch` puts the plan word after the number.
RESULT_VERB = re.compile(r"(?<!\w)(đã|đạt được|được)(?!\w)", re.I)
PLAN_REACH = 15  # words: a plan word governs a number this close after it


# A plan word after these names the plan a result is measured against (`theo kế hoạch`, `122%
# dự toán`, `xây dựng kế hoạch`), not a planned figure.
_REFERENCE = re.compile(r"(?:(?<!\w)(?:theo|đúng|so với|vượt|đạt|bằng|của|hoàn thành|thực hiện|xây dựng|"
                        r"ban hành|triển khai|lập|các|những|mức)|\d\s*%)\s*$", re.I)


def status(before: str, kind: str, role: str | None) -> Cue:
    """`reported`, `estimated` or `planned` from the clause text before the number."""
    est = list(ESTIMATE.finditer(before))
    every_plan = list(PLAN.finditer(before))
    if every_plan and _NAMED_VALUE.search(before) and len(before[every_plan[-1].end():].split()) <= PLAN_REACH:
        return Cue("planned", every_plan[-1].group(1).lower() + " … là")
    plan = [m for m in every_plan
            if role == "whole" or not _REFERENCE.search(before[max(0, m.start() - 20):m.start()])]
    last_plan = plan[-1] if plan else None
    if last_plan is not None:
        between = before[last_plan.end():]
        near = len(between.split()) <= PLAN_REACH
        if role == "whole" or (near and not RESULT_VERB.search(between)):
            if not est or est[-1].start() < last_plan.start():
                word = last_plan.group(1).lower()
                if word == "dự kiến" and kind in ("money", "percent"):
                    return Cue("estimated", word)  # an expected amount is an estimate
                return Cue("planned", word)
    if est:
        return Cue("estimated", est[-1].group(1).lower())
    return Cue("reported")


# ---------------------------------------------------------------- qualifier

_QUALIFIERS = [
    ("over", r"trên|hơn|tối thiểu|ít nhất|không dưới|không ít hơn"),
    ("about", r"khoảng|chừng|xấp xỉ|khoảng chừng|ước chừng"),
    ("under", r"gần|dưới|chưa đến|chưa tới|không quá|tối đa"),
]
_QUAL = re.compile(r"(?<!\w)(" + "|".join(p for _, p in _QUALIFIERS) + r")\s+(?:đạt\s+|là\s+|có\s+)?$", re.I)


def qualifier(before: str) -> Cue:
    """`over`/`about`/`under` when the word right before the number says so, else `exact`.
    `vượt` is not one: `vượt 2,3% dự toán` states the excess exactly."""
    match = _QUAL.search(before[-40:])
    if not match:
        return Cue("exact")
    word = match.group(1).lower()
    for value, pattern in _QUALIFIERS:
        if re.fullmatch(pattern, word):
            return Cue(value, word)
    return Cue("exact")


# ---------------------------------------------------------------- change and sign

_CHANGE = re.compile(r"(?<!\w)(tăng|giảm)(\s+(?:thêm|được|so với \S+))?\s+(?:(?:trên|hơn|khoảng|gần)\s+)?$", re.I)


def change(before: str) -> tuple[bool, bool, str]:
    """(is a change, is negative, words): `giảm 4 lượt` → (True, True); `giảm còn 0,97%` is a level."""
    match = _CHANGE.search(before[-40:])
    if not match:
        return False, False, ""
    word = match.group(1).lower()
    return True, word == "giảm", match.group(0).strip().lower()


# ---------------------------------------------------------------- periods

@dataclass(frozen=True)
class Period:
    """A period with the phrase it was read from."""
    start: dt.date | None
    end: dt.date | None
    kind: str
    words: str


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS_WORDS = {"ba": 3, "sáu": 6, "chín": 9, "mười hai": 12}
PERIOD = re.compile(
    r"(?P<term>(?:từ\s+)?đầu\s+nhiệm\s+kỳ(?:\s+(?P<ty1>\d{4})\s*[-–]\s*\d{4})?(?:\s+(?:đến|tới)\s+nay)?)"
    r"|(?P<quarter>quý\s+(?P<q>iv|iii|ii|i|[1-4])(?:(?:\s*/\s*|\s+năm\s+)(?P<qy>\d{4})|(?![\w/])))"
    r"|(?P<until>(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<ud>\d{1,2})\s*[/.-]\s*(?P<um>\d{1,2})"
    r"(?:\s*[/.-]\s*(?P<uy>\d{4}))?(?![\d/]))"
    r"|(?P<whole>cả\s+năm)"
    r"|(?P<months>(?P<mn>\d{1,2}|ba|sáu|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?(?:\s+(?P<my>\d{4}))?)"
    r"|(?P<month>tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<mmy>\d{4}))"
    r"|(?P<span>(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+(?P<s1>\d{4})\s*[-–]\s*(?P<s2>\d{4}))"
    r"|(?P<past>(?:trong\s+)?(?P<pn>\d|hai|ba|bốn|năm)\s+năm\s+(?:qua|vừa qua|gần đây))"
    r"|(?P<year>năm\s+(?P<y>\d{4}))"
    r"|(?P<sofar>(?:đến|tới)\s+nay)",
    re.I)
# A period named after these is a comparison base or a price base, not the figure's period.
COMPARISON = re.compile(r"(?:(?:so\s+với|so|bằng|như)(?:\s+cùng\s+kỳ)?|giá\s+(?:so\s+sánh|cố\s+định))\s*$", re.I)


def _year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def read_period(match: re.Match, default_year: int | None, doc_date: dt.date | None,
                term_start: int | None, now: Period | None = None) -> Period | None:
    """The period a PERIOD match names (None when it needs a year nobody gave). `now` is the
    document's date as an `as_of` period (its whole month when the day is left blank)."""
    words = match.group(0).lower()
    g = match.groupdict()
    if g["term"]:
        start = int(g["ty1"]) if g["ty1"] else term_start
        if start is None:
            return None
        return Period(dt.date(start, 1, 1), doc_date, "term_to_date", words)
    if g["quarter"]:
        q, y = _ROMAN[g["q"].lower()], int(g["qy"]) if g["qy"] else default_year
        if y is None:
            return None
        return Period(dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", words)
    if g["until"]:  # `tính đến ngày 30/11`: a stock as of that day
        y = int(g["uy"]) if g["uy"] else default_year
        try:
            day = dt.date(y, int(g["um"]), int(g["ud"])) if y else None
        except ValueError:
            return None
        return Period(day, day, "as_of", words) if day else None
    if g["whole"]:
        return Period(*_year(default_year), "year", words) if default_year else None
    if g["months"]:
        n = int(g["mn"]) if g["mn"].isdigit() else _MONTHS_WORDS[g["mn"].lower()]
        y = int(g["my"]) if g["my"] else default_year
        if y is None or not 1 <= n <= 12 or ("đầu" not in words and "năm" not in words and n not in (6, 9)):
            return None
        kind = "quarter" if n == 3 else ("year" if n == 12 else "part_year")
        return Period(dt.date(y, 1, 1), _month_end(y, n), kind, words)
    if g["month"]:
        m, y = int(g["m"]), int(g["mmy"])
        return Period(dt.date(y, m, 1), _month_end(y, m), "month", words) if 1 <= m <= 12 else None
    if g["span"]:
        a, b = int(g["s1"]), int(g["s2"])
        return Period(dt.date(a, 1, 1), dt.date(b, 12, 31), "multi_year", words) if a < b else None
    if g["past"]:
        n = int(g["pn"]) if g["pn"].isdigit() else {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}[g["pn"].lower()]
        if doc_date is None:
            return None  # `3 năm qua` counts back from the document's date
        last = doc_date.year - 1
        return Period(dt.date(last - n + 1, 1, 1), dt.date(last, 12, 31), "multi_year", words)
    if g["year"]:
        return Period(*_year(int(g["y"])), "year", words)
    if g["sofar"]:  # `đến nay`: a stock as of the document's date
        return Period(now.start, now.end, "as_of", words) if now else None
    return None


def periods_in(text: str, offset: int, default_year: int | None, doc_date: dt.date | None,
               term_start: int | None, now: Period | None = None) -> list[tuple[int, int, Period]]:
    """Every period phrase of `text` (not a comparison base: `so với năm 2022`) with offsets."""
    found = []
    for match in PERIOD.finditer(text):
        if COMPARISON.search(text[max(0, match.start() - 20):match.start()]):
            continue
        if match.group("until") and re.search(r"từ\s+(?:ngày\s+)?\d[\d/.\s]*$", text[max(0, match.start() - 25):match.start()]):
            continue  # `từ ngày 7/12 đến ngày 9/12`: a span of days (a session), not "until"
        period = read_period(match, default_year, doc_date, term_start, now)
        if period:
            found.append((offset + match.start(), offset + match.end(), period))
    return found


# ---------------------------------------------------------------- bodies

BODIES = [  # most specific first
    ("commune_standing_committees", r"thường trực (?:hđnd|hội đồng nhân dân) (?:cấp )?(?:các )?(?:xã|phường)"),
    ("all_councils", r"(?:hđnd|hội đồng nhân dân) (?:các cấp|hai cấp|2 cấp|ba cấp|3 cấp)"
                     r"|(?:hđnd|hội đồng nhân dân) (?:thành phố|tỉnh|tp) và (?:hđnd )?các (?:quận|huyện|xã)"),
    ("standing_committee", r"thường trực (?:hđnd|hội đồng nhân dân)"),
    ("council_committees", r"các ban (?:của )?(?:hđnd|hội đồng nhân dân)|ban (?:pháp chế|kinh tế|văn hóa)"),
    ("delegate_groups", r"tổ đại biểu"),
    ("people_committee", r"ubnd|ủy ban nhân dân|uỷ ban nhân dân"),
    ("council", r"hđnd|hội đồng nhân dân"),
]
BODY = re.compile("|".join(f"(?P<{k}>{p})" for k, p in BODIES), re.I)
LOCALITY_BODY_DOMAINS = ("budget", "economy")


def body(before: str) -> Cue | None:
    """The body named last in `before` (None when none is)."""
    last = None
    for match in BODY.finditer(before):
        last = match
    if last is None:
        return None
    return Cue(last.lastgroup, last.group(0).lower())


# ---------------------------------------------------------------- council sessions

SESSION = re.compile(r"kỳ\s+họp\s+thứ\s+(?P<n>\d{1,2}|[ivxl]+)(?!\w)", re.I)
_SESSION_DATES = [  # (pattern, groups: d1, m1, d2, m2, y)
    re.compile(r"(?:từ\s+)?(?:ngày\s+)?(?P<d1>\d{1,2})(?:\s*/\s*(?P<m1>\d{1,2}))?\s*(?:[-–]|đến(?:\s+ngày)?)\s*"
               r"(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?", re.I),
    re.compile(r"(?:ngày|sáng|chiều)\s+(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?", re.I),
]
# A figure of one session: `tại kỳ họp`, `kỳ họp lần này`, `kỳ họp thứ 7` (not `các kỳ họp`, `4 kỳ họp`).
SESSION_REF = re.compile(r"(?:(?:tại|qua|trong|ở)\s+kỳ\s+họp(?!\s+(?:thường\s+lệ|chuyên\s+đề))(?:\s+(?:này|lần\s+này|thứ\s+\w+))?"
                         r"|kỳ\s+họp\s+thứ\s+\w+)", re.I)


def session_periods(text: str, default_year: int | None) -> list[tuple[int, str, Period]]:
    """Each `Kỳ họp thứ N` whose dates are written within 160 characters after it:
    (offset, N, the session as a period)."""
    found = []
    for m in SESSION.finditer(text):
        window = text[m.end():m.end() + 160]
        for pattern in _SESSION_DATES:
            d = pattern.search(window)
            if not d:
                continue
            g = d.groupdict()
            y = int(g["y"]) if g.get("y") else default_year
            try:
                end = dt.date(y, int(g["m2"]), int(g["d2"])) if y else None
                start = dt.date(y, int(g["m1"] or g["m2"]), int(g["d1"])) if g.get("d1") and y else end
            except ValueError:
                continue
            if end and start and start <= end and (end - start).days <= 10:
                words = (m.group(0) + " " + d.group(0)).lower()
                found.append((m.start(), m.group("n").lower(), Period(start, end, "session", words)))
                break
    return found
