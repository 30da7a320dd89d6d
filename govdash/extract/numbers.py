"""Number spans of running Vietnamese text: which numbers are figures, and their value and unit.

Numbers are read by `govdash.imports.vnparse` (`.` groups thousands, `,` marks decimals:
`103.600`, `10,34%`, `07`; compound amounts `1.484 tỷ 750 triệu`, `8,967 nghìn tỷ`; number
words `hai kỳ họp`). A figure is a number followed by what it counts: a counted noun (`kỳ
họp`, `lượt`), `%`, money (`tỷ đồng`, converted to tỷ đồng and said so) or `lần`; in a
labelled line or table cell (`Số kỳ họp: 4`) the noun may come before it. `109/139 xã` gives
both numbers (part and whole), `7,5-8%` both bounds, `giảm 9,28%` a negative change.

A published rank is a figure of its own (unit `hạng`): `xếp thứ 36/63 tỉnh`, `đứng thứ 5 cả
nước`, `thứ 9/14 tỉnh vùng …` (the 36, 5 and 9; the `/63` is not a figure).

Never figures (masked before numbers are read): dates and times, years and year spans,
other ordinals (`Kỳ họp thứ 12`, `lần thứ 2`, `khóa 16`, `giai đoạn 1`), document numbers
(`146/NQ-HĐND`, `202/2025/QH15`), phone numbers, section numbering (`1.`, `(2)`, `2.3.`),
map scales (`tỉ lệ 1/2000`), codes glued to letters (`QH15`, `COVID-19`), and `giữa 2 kỳ họp`
(the council's term for the time between sessions, not a count).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from govdash.extract import cues
from govdash.imports import vnparse

_DIGITS = r"\d+(?:[.,]\d+)*"
_NOT_FIGURE = [
    ("date", r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?!\d)"),
    ("date", r"(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|mùng|mồng|từ ngày|đến ngày|đến|tới|hết)\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?![\d/])"),
    ("date", r"(?<!\w)ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?(?:\s+năm\s+\d{4})?"),
    ("date", r"(?<!\w)tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"),
    ("date", r"(?<![\d/])\d{1,2}\s*/\s*\d{4}(?!\d)"),
    ("date", r"(?<!\w)quý\s+\d(?:\s*/\s*\d{4})?"),
    ("time", r"(?<!\d)\d{1,2}\s*(?::|h)\s*\d{2}(?!\d)"),
    ("time", r"(?<!\w)\d{1,2}\s*giờ(?:\s*\d{1,2}\s*phút)?"),
    ("document number", r"(?<![\w/])\d+(?:\s*[/-]\s*\d+)*\s*[/-]\s*[A-ZĐ][\w-]*"),
    ("document number", r"(?<!\w)(?:Số|số hiệu|số)\s*:?\s*\d+\s*[/-]"),
    ("phone", r"(?<![\d.,])(?:\+84|0)\d{2,3}(?:[ .]?\d{3,4}){2}(?![\d.,])"),
    ("ordinal", r"(?<!\w)(?:thứ|lần thứ|khóa|khoá|đợt|điều|khoản|điểm|mục|chương|phần|phụ lục|"
                r"giai đoạn|tầng|lô|tổ dân phố|ấp|thôn|xóm|đội|quốc lộ|tỉnh lộ|km|phường|quận|"
                r"khu phố|số nhà|hẻm|ngõ|kiệt|lớp|top|hạng|bước|kỳ)\s+\d+(?:\s*/\s*\d+)?", ),
    ("section number", r"^[ \t>*\-+]*\(?\d{1,2}(?:\.\d{1,2})*[.)](?=\s)"),
    ("section number", r"\(\d{1,2}\)(?=\s)"),
    ("map scale", r"(?<!\w)(?:tỷ lệ|tỉ lệ)\s*1\s*/\s*\d+"),
    ("fixed phrase", r"(?<!\w)giữa\s+(?:2|02)\s+kỳ\s+họp"),  # the interval between sessions
    ("year", r"(?<![\d.,/])(?:1[89]\d{2}|20\d{2})(?:\s*[-–]\s*(?:1[89]\d{2}|20\d{2}))?(?![\d]|[.,]\d|\s*%)"),
    ("code", r"(?<=[A-Za-zÀ-ỹ])-?\d+"),
]
NOT_FIGURE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_NOT_FIGURE)), re.I | re.M)
_KIND_OF = {f"k{i}": k for i, (k, _) in enumerate(_NOT_FIGURE)}

_SCALE = r"(?:nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|tỷ|tỉ|triệu|nghìn|ngàn)(?!\w)"  # not `tỉnh`
NUMBER = re.compile(
    rf"(?P<a>{_DIGITS})"
    rf"(?:(?P<frac>\s?/\s?(?P<b>{_DIGITS}))|(?P<range>\s?[-–]\s?(?P<c>{_DIGITS})))?"
    rf"(?P<compound>(?:\s+{_SCALE}(?:\s+{_DIGITS}\s+{_SCALE})*))?"
    r"(?P<pct>\s?%(?:\s?/\s?năm)?|\s+phần trăm)?")
RANK = re.compile(
    r"(?:(?<!\w)(?:xếp|đứng|xếp hạng|đứng hạng|vươn lên|tụt xuống|giữ|ở)\s+(?:vị trí\s+)?(?:thứ\s+)?"
    r"|(?<!\w)thứ\s+(?=\d{1,2}\s*/\s*\d))(?P<n>\d{1,2})(?!\d)(?P<of>\s*/\s*\d{1,2}(?!\d))?", re.I)
_MONEY_AFTER = re.compile(r"^\s*(đồng|vnđ|vnd|usd|đô la)(?!\w)", re.I)
_RATIO_AFTER = re.compile(r"^\s*lần(?!\w)", re.I)
_LABEL = re.compile(r"([^\n|:;]{2,80}?)\s*[:|]\s*$")


@dataclass
class NumberSpan:
    """One figure-like number: where it is, what it is worth, what it counts."""
    start: int
    end: int
    text: str
    value: Decimal
    kind: str               # count, percent, money, ratio
    unit: str               # as the indicator would write it: "kỳ họp", "%", "tỷ đồng", "lần"
    role: str | None = None  # part / whole of `a/b`, lower / upper of a range
    unit_end: int = 0        # end of the unit words after the number
    reasons: list[str] = field(default_factory=list)


_DIGIT_RUN = re.compile(r"\d+")
_REACH = 48  # every non-figure form has its digits within this many characters of its ends


def masked(text: str) -> list[tuple[int, int, str]]:
    """The (start, end, kind) of every non-figure number form in `text` (searched only around
    digits: the patterns are slow over plain prose, and every one of them holds a digit)."""
    windows: list[list[int]] = []
    for m in _DIGIT_RUN.finditer(text):
        a, b = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    found, seen = [], set()
    for a, b in windows:  # lookbehinds still see the text before `a`
        for m in NOT_FIGURE.finditer(text, a, b):
            if (m.start(), m.end()) not in seen:
                seen.add((m.start(), m.end()))
                found.append((m.start(), m.end(), _KIND_OF[m.lastgroup]))
    return found


def _inside(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for a, b, kind in spans:
        if a <= start < b or a < end <= b:
            return kind
    return None


def find_numbers(text: str, nouns: list[str]) -> list[NumberSpan]:
    """Every figure-like number of `text`, in order (see the module docstring for the rules)."""
    skip = masked(text)
    found: list[NumberSpan] = []
    for m in NUMBER.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".,/"):
            continue  # the tail of a longer token
        if _inside(skip, m.start(), m.start("a") + len(m.group("a"))):
            continue
        found += _spans(text, m, nouns)
    found += _word_numbers(text, nouns, skip)
    found += _ranks(text, skip)
    return sorted(found, key=lambda s: s.start)


def _ranks(text: str, skip) -> list[NumberSpan]:
    """`xếp thứ 36/63`, `đứng thứ 5 cả nước`: the rank, unit `hạng`."""
    spans = []
    for m in RANK.finditer(text):
        kind = _inside(skip, m.start("n"), m.end("n"))
        if kind not in (None, "ordinal"):
            continue  # a date or a document number, not a rank
        if not (m.group("of") or "thứ" in m.group(0).lower() or "hạng" in m.group(0).lower()):
            continue  # `đứng 5 …` without `thứ`: not a rank
        end = m.end("of") if m.group("of") else m.end("n")
        spans.append(NumberSpan(m.start("n"), m.end("n"), m.group("n"), Decimal(m.group("n")), "count",
                                "hạng", unit_end=end, reasons=[f"“{m.group(0).strip()}”: a published rank"]))
    return spans


def _unit_after(text: str, pos: int, nouns: list[str]) -> tuple[str | None, int]:
    after = text[pos:pos + 60]
    noun = cues.counted_noun(after, nouns)
    if noun:
        lead = len(after) - len(after.lstrip())
        return noun, pos + lead + len(noun)
    return None, pos


def _label_noun(text: str, pos: int, nouns: list[str]) -> str | None:
    """`Số kỳ họp: 4`, a table row `Số kỳ họp | 4 | 5`: the counted noun of the label (for a
    table row, its first cell) before the number."""
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[line_start:pos]
    if " | " in head:  # a table row: the number's cell is labelled by the row's first cell
        cells = head.split(" | ")
        if any(c.strip() for c in cells[1:-1]) and not all(_is_number_cell(c) for c in cells[1:-1]):
            return None
        words = cells[0].lower()
    else:
        label = _LABEL.search(text[max(line_start, pos - 90):pos])
        if not label:
            return None
        words = label.group(1).lower()
    for noun in nouns:
        if re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", words):
            return noun
    return None


def _is_number_cell(cell: str) -> bool:
    return bool(re.fullmatch(r"\s*[\d.,%\s-]*\s*", cell))


def _spans(text: str, m: re.Match, nouns: list[str]) -> list[NumberSpan]:
    a = vnparse.read_prose_number(m.group("a"))
    if a is None:
        return []
    end = m.end()
    if m.group("compound"):
        return _money(text, m, a)
    if m.group("pct"):
        kind, unit = "percent", "%/năm" if "năm" in m.group("pct") else "%"
        unit_end = end
    else:
        money = _MONEY_AFTER.match(text[end:end + 12])
        if money:
            return []  # `500 đồng`: too small to be a budget figure written in full
        if _RATIO_AFTER.match(text[end:end + 8]):
            kind, unit, unit_end = "ratio", "lần", end + _RATIO_AFTER.match(text[end:]).end()
        else:
            noun, unit_end = _unit_after(text, end, nouns)
            if noun is None:
                noun = _label_noun(text, m.start(), nouns)
                unit_end = end
            if noun is None:
                return []
            if cues.counted_noun(text[end:end + 12], list(cues.TIME_WORDS)) and noun not in nouns:
                return []
            kind, unit = "count", noun
    base = dict(kind=kind, unit=unit, unit_end=unit_end)
    first_end = m.start("a") + len(m.group("a"))
    if m.group("frac"):
        b = vnparse.read_prose_number(m.group("b"))
        if b is None or kind not in ("count", "percent") or b < a:
            return []  # a part is never more than its whole: `12/3` is a date
        return [NumberSpan(m.start("a"), first_end, m.group("a"), a, role="part",
                           reasons=[f"{m.group('a')}/{m.group('b')}: part of a whole"], **base),
                NumberSpan(m.start("b"), m.end("b"), m.group("b"), b, role="whole",
                           reasons=[f"{m.group('a')}/{m.group('b')}: the whole"], **base)]
    if m.group("range"):
        c = vnparse.read_prose_number(m.group("c"))
        if c is None or c <= a:
            return []
        return [NumberSpan(m.start("a"), first_end, m.group("a"), a, role="lower",
                           reasons=[f"{m.group(0).strip()}: lower bound of a range"], **base),
                NumberSpan(m.start("c"), end, m.group("c") + (m.group("pct") or ""), c, role="upper",
                           reasons=[f"{m.group(0).strip()}: upper bound of a range"], **base)]
    return [NumberSpan(m.start(), end, text[m.start():end], a, **base)]


def _money(text: str, m: re.Match, a: Decimal) -> list[NumberSpan]:
    """`1.484 tỷ 750 triệu đồng`, `8,967 nghìn tỷ`, `103.600 tỷ đồng` → tỷ đồng."""
    parts = re.findall(rf"({_DIGITS})?\s*({_SCALE})", m.group("a") + m.group("compound"))
    pairs, number = [], a
    for digits, scale in parts:
        if digits:
            number = vnparse.read_prose_number(digits)
            if number is None:
                return []
        pairs.append((number, scale))
    amount = vnparse.read_amount(pairs)
    if amount is None:
        return []
    end = m.start("compound") + len(m.group("compound"))
    after = text[end:end + 12]
    currency = _MONEY_AFTER.match(after)
    if currency and currency.group(1).lower() in ("usd", "đô la"):
        return [NumberSpan(m.start(), end, text[m.start():end], amount / Decimal(10) ** 6,
                           "money_usd", "triệu USD", unit_end=end + currency.end(),
                           reasons=[f"{text[m.start():end + currency.end()]} → triệu USD"])]
    scale_only = not currency and not re.search(r"tỷ|tỉ", m.group("compound"))
    if scale_only:
        return []  # `1,2 triệu` with no currency: a count in millions, not money we can place
    value = amount / Decimal(10) ** 9
    shown = text[m.start():end + (currency.end() if currency else 0)]
    words = f"{shown} → {vnparse.canonical(value).replace('.', ',')} tỷ đồng"
    return [NumberSpan(m.start(), end, text[m.start():end], value, "money", "tỷ đồng",
                       unit_end=end + (currency.end() if currency else 0), reasons=[words])]


def _word_numbers(text: str, nouns: list[str], skip) -> list[NumberSpan]:
    """`hai kỳ họp`, `một cuộc`, `mười lăm đơn`: number words before a counted noun."""
    spans = []
    for m in vnparse.NUMBER_WORD.finditer(text):
        words = m.group(0)
        if words.lower() == "năm" or _inside(skip, m.start(), m.end()):
            continue  # `năm` alone is also "year"
        noun, unit_end = _unit_after(text, m.end(), nouns)
        if noun is None or noun in ("việc", "người") and words.lower() == "một":
            continue
        value = vnparse.read_number_words(words)
        if value is not None:
            spans.append(NumberSpan(m.start(), m.end(), words, value, "count", noun, unit_end=unit_end,
                                    reasons=[f"“{words}” = {value}"]))
    return spans
