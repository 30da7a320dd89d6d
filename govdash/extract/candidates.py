"""From a document's text to candidate figures, each with its quote, fields, confidence and the
words that decided every field.

The text is cut into lines, sentences (`.` `!` `?` before a capital, not after `TP.`) and
clauses (`;` and parentheses). For each number span (`numbers.find_numbers`) the clause is the
quote (verbatim, with offsets; never across a line break); the words around the number give the
indicator (`match.rank`), the clause before it the status, qualifier, change and body
(`cues`), and the nearest period phrase the period: in the clause, then the sentence, then the
lines before it in the same paragraph, then the last heading, then the period the document's
opening names (`năm 2023` in "Báo cáo công tác năm 2023 và nhiệm vụ năm 2024"), or the year
the user chose. A period later than the one the document reports on makes a figure planned; one
not ended when the document was dated makes it estimated; `đến nay` and `tính đến 30/11` make
it a stock `as_of` that date (the document's date; its month when the day is blank). Nothing is
guessed beyond that: a
field that cannot be told stays empty and is flagged.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from govdash.extract import cues, match, numbers
from govdash.imports import vnparse
from govdash.paths import data_dir
from govdash.text import fold

HIGH_CONFIDENCE = 0.75
PARAGRAPH_LINES = 2  # lines looked back for a period when a text has no blank lines
_ABBREV = {"tp", "tx", "tt", "ths", "ts", "pgs", "gs", "q", "p", "h", "đ/c", "ông", "bà", "st", "v.v"}
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[\"“(\-–•*+]?\s*[A-ZĐÀ-Ỹ0-9])")
# Where the words that name a number's indicator end: after it, at a clause mark or a
# conjunction (`122% dự toán tỉnh và 114% …`); before it, at the last comma or conjunction.
_AFTER_STOP = re.compile(r"[;:()|.]|\s(?:thì|và|bằng|trong đó|còn|nhưng)\s|\s[-–]\s")
_BEFORE_STOP = re.compile(r"[,;:()|]|\s(?:thì|và|bằng|trong đó|còn|nhưng)\s|\s[-–]\s")
_SHARE = re.compile(r"chiếm(?:\s+(?:tỷ|tỉ)\s+trọng)?(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ))?\s*$", re.I)
NUMBER_MARK = " #n# "  # stands for the number in the words matched against indicator cues
_HEADING = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[A-ZĐ]\.)\s+\S|^[^a-zà-ỹđ]{6,}$")
_DOC_DATE = [
    (re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I), "dmy"),
    (re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)"), "dmy"),
    (re.compile(r"ngày\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I), "my"),
]
_TERM = re.compile(r"nhiệm kỳ\s+(\d{4})\s*[-–]\s*(\d{4})", re.I)


@dataclass
class Candidate:
    """One proposed figure; `reasons` says, field by field, which words decided it."""
    value: Decimal
    text: str
    unit: str
    kind: str
    indicator: str | None
    status: str
    qualifier: str
    period_start: str | None
    period_end: str | None
    period_kind: str | None
    body: str | None
    locality: str | None
    quote: str
    quote_start: int
    quote_end: int
    start: int
    end: int
    confidence: float
    reasons: dict = field(default_factory=dict)
    flags: list = field(default_factory=list)
    alternatives: list = field(default_factory=list)
    role: str | None = None

    def as_json(self) -> dict:
        """The JSON object `python -m govdash extract --json` prints."""
        out = asdict(self)
        out["value"] = json_number(self.value)
        return out


def json_number(value: Decimal) -> int | float:
    """A Decimal as a JSON number, exactly as written (no rounding)."""
    text = vnparse.canonical(value)
    return int(text) if "." not in text else float(text)


@dataclass(frozen=True)
class Context:
    """What is known of the document as a whole."""
    doc_date: dt.date | None
    default: cues.Period | None
    term_start: int | None
    locality: str | None
    body: str | None
    sessions: tuple = ()  # (offset, number, Period) of each dated `Kỳ họp thứ N`
    now: cues.Period | None = None  # the document's date as an `as_of` period


# ---------------------------------------------------------------- segmentation

def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of one line (`.` before a capital; not after an abbreviation like `TP.`)."""
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([\w/.]+)[.!?…]+[\"”’)]*\s+$", text[max(start, m.start() - 12):m.end()])
        if word and word.group(1).lower().rstrip(".") in _ABBREV:
            continue
        out.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def clause(text: str, s_start: int, s_end: int, pos: int) -> tuple[int, int]:
    """The clause of the sentence holding `pos`: between `;` (or the parentheses around it)."""
    a = max(text.rfind(";", s_start, pos), s_start - 1) + 1
    b = text.find(";", pos, s_end)
    b = s_end if b < 0 else b
    opened = text.rfind("(", a, pos)
    if opened >= 0 and text.rfind(")", opened, pos) < 0:
        close = text.find(")", pos, b)
        if close >= 0:
            return opened, close + 1
    return a, b


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "-–•*+>"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",:"):
        b -= 1
    return a, b


# ---------------------------------------------------------------- the document as a whole

def document_date(text: str) -> dt.date | None:
    """The date in the document's opening (`ngày 17 tháng 4 năm 2023`, `12/03/2024 18:58`)."""
    return _document_date(text)[0]


def _document_date(text: str) -> tuple[dt.date | None, bool]:
    """(date, only the month is known: `ngày   tháng 01 năm 2024` gives the month's last day)."""
    head = text[:1500]
    found = []
    for pattern, kind in _DOC_DATE:
        for m in pattern.finditer(head):
            try:
                if kind == "dmy":
                    day = dt.date(int(m[3]), int(m[2]), int(m[1]))
                else:
                    day = cues._month_end(int(m[2]), int(m[1]))  # the day is left blank
            except ValueError:
                continue
            found.append((m.start(), day, kind == "my"))
    return min(found)[1:] if found else (None, False)


def _term_start(text: str, doc_date: dt.date | None) -> int | None:
    m = _TERM.search(text)
    if m:
        return int(m[1])
    if doc_date:
        return max(y for y in (2011, 2016, 2021, 2026) if y <= doc_date.year)
    return None


def context(text: str, locality: str | None, year: int | None, doc_date: dt.date | None,
            folder: str | None) -> Context:
    """Date, reported period, term, locality and author body of the document."""
    month_only = False
    if doc_date is None:
        doc_date, month_only = _document_date(text)
    term = _term_start(text, doc_date)
    now = None
    if doc_date:
        first = doc_date.replace(day=1) if month_only else doc_date
        now = cues.Period(first, doc_date, "as_of", doc_date.isoformat()[:7 if month_only else 10])
    default = None
    if year:
        default = cues.Period(*cues._year(year), "year", f"năm {year} (chosen)")
    else:
        opening = cues.periods_in(text[:1200], 0, doc_date.year if doc_date else None, doc_date, term, now)
        opening = [p for p in opening if p[2].kind not in ("multi_year", "as_of")
                   and not re.search(r"ngày\s*$", text[max(0, p[0] - 8):p[0]])]  # a date line
        if opening:
            default = opening[0][2]
        elif doc_date:
            default = cues.Period(*cues._year(doc_date.year), "year", f"năm {doc_date.year} (document date)")
    author = cues.BODY.search(text[:600])  # the body the opening names first wrote it
    year = default.end.year if default and default.end else (doc_date.year if doc_date else None)
    return Context(doc_date, default, term, locality or find_locality(text, folder),
                   author.lastgroup if author else None, tuple(cues.session_periods(text, year)), now)


@lru_cache(maxsize=4)
def _localities(folder: str | None) -> tuple[tuple[str, str], ...]:
    base = Path(folder) if folder else data_dir()
    with (base / "localities.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] in ("province", "central_city")]
    return tuple((r["code"], fold(r["name_vi"])) for r in rows)


def find_locality(text: str, folder: str | None = None) -> str | None:
    """The province or city the text names most (after `tỉnh`, `thành phố`, `TP.`), if any."""
    folded = fold(text[:20000])
    counts = {}
    for code, name in _localities(folder):
        n = len(re.findall(rf"(?:tinh|thanh pho|tp\.?)\s+{re.escape(name)}(?!\w)", folded))
        if n:
            counts[code] = n
    return max(counts, key=counts.get) if counts else None


# ---------------------------------------------------------------- assembling

def extract(text: str, locality: str | None = None, year: int | None = None,
            doc_date: dt.date | None = None, folder: Path | str | None = None) -> list[Candidate]:
    """Every candidate figure of `text`, in document order."""
    folder = str(folder) if folder else None
    ctx = context(text, locality, year, doc_date, folder)
    nouns = cues.unit_words([i.unit_vi for i in match.catalogue(folder)])
    spans = numbers.find_numbers(text, nouns)
    lines = _lines(text)
    headings = [(a, b) for a, b in lines if _HEADING.match(text[a:b]) and b - a < 160]
    out = []
    prev_end = {}
    last_end = 0
    for i, span in enumerate(spans):
        if span.role in ("whole", "upper"):
            prev_end[i] = prev_end.get(i - 1, last_end)
        else:
            prev_end[i] = last_end
        last_end = span.unit_end or span.end
    line_index = 0
    for i, span in enumerate(spans):
        while lines[line_index][1] < span.start:
            line_index += 1
        out.append(_candidate(text, span, spans, i, prev_end[i], lines, line_index, headings, ctx, folder))
    return out


def _next_start(spans, i: int, limit: int) -> int:
    for s in spans[i + 1:]:
        if s.role not in ("whole", "upper") or s.start > spans[i].end + 2:
            return min(s.start, limit)
    return limit


@dataclass(frozen=True)
class _Where:
    """Where a number sits: its line, sentence and clause, and the words that name it."""
    line: tuple[int, int]
    sentence: tuple[int, int]
    clause: tuple[int, int]
    near_start: int
    near: str            # the words around the number, the number itself as `#n#`
    before: str          # the clause up to the number


def _where(text: str, span, spans, i: int, prev_end: int, line: tuple[int, int]) -> _Where:
    l_start, l_end = line
    s_start, s_end = next(((a, b) for a, b in sentences(text, l_start, l_end) if a <= span.start < b),
                          (l_start, l_end))
    c_start, c_end = clause(text, s_start, s_end, span.start)
    near_start = max(c_start, prev_end)
    stops = list(_BEFORE_STOP.finditer(text, near_start, span.start))
    near_start = stops[-1].end() if stops else near_start
    after = text[span.unit_end or span.end:_next_start(spans, i, c_end)]
    stop = _AFTER_STOP.search(after)
    after = after[:stop.start()] if stop else after
    near = text[near_start:span.start] + NUMBER_MARK + text[span.end:span.unit_end or span.end] + after
    return _Where(line, (s_start, s_end), (c_start, c_end), near_start, near, text[c_start:span.start])


def _indicator(text: str, span, w: _Where, folder, reasons: dict):
    """(value with its sign, best match or None, ranked matches), noting the reasons."""
    is_change, negative, change_words = cues.change(w.before)
    if change_words:
        reasons["change"] = f"“{change_words}” → {'negative ' if negative else ''}change"
    share = bool(_SHARE.search(w.before[-40:]))
    if share:
        reasons["change"] = "“chiếm” → a share of a total"
    c_start, s_start = w.clause[0], w.sentence[0]
    aside = text[c_start:c_start + 1] == "("  # a parenthesis elaborates the words before it
    ranked = match.rank(span.kind, span.unit, span.role, is_change, w.near, text[c_start:w.near_start],
                        text[s_start:c_start], folder, aside=aside, share=share)
    best = ranked[0] if ranked and ranked[0].score >= match.MIN_SCORE else None
    if best:
        reasons["indicator"] = ", ".join(f"“{x}”" for x in best.words) + f" (score {best.score:g})"
    return (-span.value if negative else span.value), best, ranked


def _status(text: str, span, w: _Where, period, ctx: Context, reasons: dict) -> str:
    """Status from the wording, else from when the period lies against the document."""
    st = cues.status(w.before, span.kind, span.role)
    if st.value == "reported" and span.kind in ("money", "percent"):
        earlier = list(cues.ESTIMATE.finditer(text, w.line[0], w.clause[0]))
        if earlier:  # one estimate covers the amounts of the paragraph (`Tổng thu ước đạt …. Loại trừ …`)
            st = cues.Cue("estimated", earlier[-1].group(1).lower() + " (earlier in the paragraph)")
    if st.words:
        reasons["status"] = f"“{st.words}” → {st.value}"
    if not period or st.value != "reported":
        return st.value
    if (period.kind != "as_of" and ctx.default and period.start and ctx.default.end
            and period.start > ctx.default.end):
        reasons["status"] = f"“{period.words}” comes after the period reported"
        return "planned"
    if ctx.doc_date and period.end and period.end > ctx.doc_date:
        reasons["status"] = f"“{period.words}” had not ended on {ctx.doc_date.isoformat()}"
        return "estimated"
    return "reported"


def _body(text: str, w: _Where, indicator: str | None, ctx: Context, folder, reasons: dict) -> str | None:
    """The body named last before the number (clause, sentence, line), else by the indicator's
    domain (budget and economy: the locality), else the document's author."""
    (l_start, _), (s_start, _), (c_start, _) = w.line, w.sentence, w.clause
    found = cues.body(w.before) or cues.body(text[s_start:c_start]) or cues.body(text[l_start:s_start])
    value = found.value if found else None
    if found:
        reasons["body"] = f"“{found.words}” → {found.value}"
    domain = next((ind.domain for ind in match.catalogue(folder) if ind.id == indicator), None)
    if domain in cues.LOCALITY_BODY_DOMAINS and value in (None, "people_committee"):
        reasons["body"] = f"{domain}: a figure of the locality as a whole"
        return "locality"
    if value is None and ctx.body:
        reasons["body"] = f"the document's author ({ctx.body})"
        return ctx.body
    return value


def _confidence(span, best, ranked, period, ctx: Context) -> float:
    """More for an indicator (and a clear lead over the next), a period of its own, a unit."""
    score = 0.3 + (0.3 if best else 0)
    score += 0.1 if best and (len(ranked) < 2 or best.score - ranked[1].score >= 1) else 0
    score += 0.15 if period and period is not ctx.default else (0.05 if period else 0)
    score += 0.1 if span.kind != "count" or span.unit else 0
    score -= 0.15 if span.role in ("lower", "upper") else 0
    return round(min(score, 0.99), 2)


def _candidate(text, span, spans, i, prev_end, lines, line_index, headings, ctx: Context, folder):
    w = _where(text, span, spans, i, prev_end, lines[line_index])
    reasons: dict[str, str] = {}
    for r in span.reasons:
        reasons.setdefault("value", r)
    if span.kind == "count":
        reasons["unit"] = span.unit
    value, best, ranked = _indicator(text, span, w, folder, reasons)
    indicator = best.indicator if best else None
    c_start = w.clause[0]
    qual = cues.qualifier(text[max(c_start, span.start - 40):span.start])
    if qual.words:
        reasons["qualifier"] = f"“{qual.words}” → {qual.value}"
    period = _period(text, span, w.clause, w.sentence, w.line[0], lines, line_index, headings, ctx)
    status = _status(text, span, w, period, ctx, reasons)
    if period:
        reasons["period"] = f"“{period.words}”"
    body = _body(text, w, indicator, ctx, folder, reasons)
    flags = [f for f, v in (("indicator", indicator), ("period", period), ("body", body),
                            ("locality", ctx.locality)) if not v]
    q_start, q_end = _trim(text, *w.clause)
    return Candidate(value=value, text=span.text, unit=span.unit, kind=span.kind, indicator=indicator,
                     status=status, qualifier=qual.value,
                     period_start=period.start.isoformat() if period and period.start else None,
                     period_end=period.end.isoformat() if period and period.end else None,
                     period_kind=period.kind if period else None, body=body, locality=ctx.locality,
                     quote=text[q_start:q_end], quote_start=q_start, quote_end=q_end, start=span.start,
                     end=span.end, confidence=_confidence(span, best, ranked, period, ctx), reasons=reasons,
                     flags=flags, alternatives=[m.indicator for m in ranked], role=span.role)


def _period(text, span, clause_span, sentence_span, l_start, lines, line_index, headings, ctx):
    """The period of a number: nearest phrase in clause, sentence, paragraph, heading, document."""
    year = ctx.default.end.year if ctx.default and ctx.default.end else None
    args = (year, ctx.doc_date, ctx.term_start, ctx.now)
    c_start, c_end = clause_span
    s_start, s_end = sentence_span
    before = cues.periods_in(text[c_start:span.start], c_start, *args)
    after = cues.periods_in(text[span.end:c_end], span.end, *args)
    session = _session(text, span, sentence_span, ctx)
    if session:
        return session  # one session named in the sentence is more precise than its year
    found = before[-1:] or after[:1]
    column = _column_period(text, span, lines, line_index, args) if not found else None
    if column:
        return column
    found = found or cues.periods_in(text[s_start:c_start], s_start, *args)[-1:]
    if not found:
        para = _paragraph_start(text, lines, line_index)
        found = cues.periods_in(text[para:s_start], para, *args)[-1:]
    if not found:
        heads = [h for h in headings if h[1] <= span.start]
        for a, b in reversed(heads):
            found = cues.periods_in(text[a:b], a, *args)[-1:]
            if found:
                break
            if re.match(r"^\s*[IVX]+\.", text[a:b]):
                break  # a top-level heading without a period: back to the document's
    period = found[0][2] if found else ctx.default
    outside = found and not (c_start <= found[0][0] < c_end)
    d = ctx.default
    if (outside and d and period.start and period.end and d.start and d.end
            and period.start <= d.start and d.end <= period.end and period != d):
        return d  # `năm 2023` in another clause of a report on quý I/2023: the quarter is meant
    return period


def _column_period(text, span, lines, line_index: int, args):
    """In a table row (`Số kỳ họp | 4 | 5`), the period its column's header names (`Năm 2023`)."""
    a, b = lines[line_index]
    row = text[a:b]
    if " | " not in row:
        return None
    column = text[a:span.start].count(" | ")
    for i in range(line_index - 1, max(-1, line_index - 40), -1):
        ha, hb = lines[i]
        cells = text[ha:hb].split(" | ")
        if len(cells) <= column:
            if " | " not in text[ha:hb]:
                return None  # the table ended before a header with periods
            continue
        offset = ha + sum(len(c) + 3 for c in cells[:column])
        found = cues.periods_in(cells[column], offset, *args)
        if found and not numbers.find_numbers(cells[column], []):
            return found[0][2]
    return None


def _session(text, span, sentence_span, ctx: Context):
    """The session a figure belongs to, when its sentence speaks of one session (`Tại kỳ họp`,
    `Kỳ họp thứ 7`) and the document gives that session's dates."""
    if not ctx.sessions:
        return None
    s_start, _ = sentence_span
    ref = None
    for m in cues.SESSION_REF.finditer(text, s_start, span.start):
        ref = m
    if ref is None:
        return None
    number = cues.SESSION.match(ref.group(0))
    if number:
        named = [p for _, n, p in ctx.sessions if n == number.group("n").lower()]
        return named[0] if named else None
    earlier = [p for at, _, p in ctx.sessions if at < span.start]
    return earlier[-1] if earlier else None


def _paragraph_start(text: str, lines, line_index: int) -> int:
    """Start of the paragraph holding the line: lines up to the previous blank line or heading."""
    i = line_index
    while i > 0 and line_index - i < PARAGRAPH_LINES:
        a, b = lines[i - 1]
        if not text[a:b].strip() or _HEADING.match(text[a:b]):
            break
        i -= 1
    return lines[i][0]


def high_confidence(candidate: Candidate) -> bool:
    """A candidate the page accepts in one click: confident and with every field filled."""
    return candidate.confidence >= HIGH_CONFIDENCE and not candidate.flags


def as_decimal(value) -> Decimal:
    """A value back from JSON or a table cell as a Decimal."""
    return value if isinstance(value, Decimal) else Decimal(str(value))
