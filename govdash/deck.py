"""The presenter's slide list and the PowerPoint deck built from it.

The slide list for a locality and a year is a title slide and one slide per domain chart that
has results that year: the charts of the domain pages (`govdash.domains`), each drawn alone at
full width, ranked by how much they tell (`RANKING`) so the default deck keeps the best eight,
in page order. A chart of full years shows the two years before as context when they have
results; the takeaway (`govdash.takeaways`) speaks of the year itself. The presenter may reorder
or drop slides by key.

Listing the slides reads one query (`domain_figures`, as the domain pages do) and draws nothing:
which charts exist, their titles and ranks come from the figures alone. A slide's chart, takeaway and notes are made
the first time they are read (`Slide.chart`, `.title`, `.notes`), so a page showing one slide
draws one chart, and only a deck or report draws them all.

The deck (`pptx_bytes`) is 16:9: a title slide (locality, year, date), then per chart the
takeaway as the slide title (sized to fit), the chart as a 2× PNG, the source as a footnote and
the chart's figures, with their quotes, in the speaker notes. Text is set in Arial, which every
PowerPoint has and which carries Vietnamese diacritics; the chart images carry Noto Sans.

No Streamlit here.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable

import pandas as pd

from govdash import charts, db, domains, fmt, takeaways, theme
from govdash.i18n import t

Fetch = Callable[..., pd.DataFrame]
Progress = Callable[[float, str], None]
DEFAULT_SLIDES = 8
CONTEXT_YEARS = 2
# Most telling first; `_periods` variants stand in for a chart with no full-year figure.
RANKING = [
    "sessions/sessions_by_kind", "budget/revenue", "supervision/supervision", "voters/petition_status",
    "budget/grdp", "supervision/interpellation", "budget/revenue_vs_estimate", "budget/targets",
    "sessions/resolutions_sessions", "sessions/all_councils", "voters/reception", "voters/letters_pct",
    "supervision/referrals", "budget/disbursement_pct", "budget/revenue_parts", "voters/petitions",
    "voters/letters", "sessions/committee_meetings", "sessions/resolutions", "budget/investment_money",
    "budget/sector_growth", "budget/sipas", "budget/admin_rates",
]
PAGE_ORDER = ("sessions", "supervision", "voters", "budget")


class DeckError(ValueError):
    """No deck can be made (unknown locality, a year without data); the message says what exists."""


@dataclass(eq=False)
class Slide:
    """One chart slide: key (`page/chart`), domain page, section, the chart's title (`label`) and
    rank; its chart, takeaway (`title`), source line and notes are made on first use by `draw`
    (chart and takeaway), once, even when several sessions ask at the same time."""
    key: str
    page: str
    section: str
    label: str
    rank: int
    lang: str
    draw: Callable[[], tuple[charts.Chart, str]] = field(repr=False)
    _made: tuple[charts.Chart, str] | None = field(default=None, init=False, repr=False)
    _notes: str | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _get(self) -> tuple[charts.Chart, str]:
        with self._lock:
            if self._made is None:
                self._made = self.draw()
            return self._made

    @property
    def chart(self) -> charts.Chart:
        """The chart, drawn alone at full width."""
        return self._get()[0]

    @property
    def title(self) -> str:
        """The takeaway: one sentence written from the figures."""
        return self._get()[1]

    @property
    def source(self) -> str:
        """The chart's (shortened) source line."""
        return self.chart.source_line

    @property
    def notes(self) -> str:
        """Speaker notes: the takeaway and every figure of the chart with its quote."""
        if self._notes is None:
            self._notes = notes_text(self.chart, self.title, self.lang)
        return self._notes


@dataclass(eq=False)
class Deck:
    """A locality's deck for one year: the title slide's facts and the chart slides in order."""
    locality: str
    name: str
    level: str
    year: int
    lang: str
    made: dt.date
    slides: list[Slide] = field(default_factory=list)

    def title_lines(self) -> dict[str, str]:
        """The title slide's texts."""
        lang = self.lang
        return {"kicker": t("pres_title_kicker", lang), "name": t("pres_title_main", lang, locality=self.name),
                "year": t("pres_title_year", lang, year=self.year), "sub": t("pres_title_sub", lang),
                "date": t("pres_title_date", lang, date=fmt.date(self.made, lang)),
                "count": t("pres_title_count", lang, n=len(self.slides))}


# ---------------------------------------------------------------- the slide list

def _fetcher(fetch: Fetch | None, con=None) -> Fetch:
    if fetch is not None:
        return fetch
    return lambda name, **params: db.run_query(name, con, **params)


def locality_info(code: str, fetch: Fetch) -> pd.Series:
    """The `localities` row of a code; DeckError naming the localities with data if unknown."""
    locs = fetch("localities")
    hit = locs[locs["code"] == code]
    if hit.empty:
        with_data = locs[locs["figure_count"] > 0]
        names = "; ".join(f"{r.code} {r.name_vi}" for r in with_data.itertuples())
        raise DeckError(f"unknown locality {code!r}. Localities with data: {names}")
    return hit.iloc[0]


def data_years(code: str, fetch: Fetch) -> list[int]:
    """The years in which the locality has figures."""
    return [int(y) for y in fetch("data_years", locality=code)["year"]]


def _rank(key: str) -> int:
    """A slide key's place in RANKING; a `_periods` variant takes its full-year chart's place
    (it only exists when that chart does not); anything else comes last."""
    page, chart = key.split("/", 1)
    if key in RANKING:
        return RANKING.index(key)
    base = f"{page}/{takeaways.base_key(chart)}"
    if takeaways.variant(chart) == "periods" and base in RANKING:
        return RANKING.index(base)
    return len(RANKING)


def _spec_rows(spec: domains.ChartSpec, rows: pd.DataFrame) -> pd.DataFrame:
    mine = rows[rows["indicator"].isin(spec.indicators)]
    return mine if spec.bodies is None else mine[mine["body"].isin(spec.bodies)]


def _context_from(result_years: set[int], year: int) -> int:
    """The first year (at most CONTEXT_YEARS before `year`) from which every year has results."""
    start = year
    while start - 1 >= year - CONTEXT_YEARS and start - 1 in result_years:
        start -= 1
    return start


@dataclass(frozen=True)
class _Planned:
    """A chart slide to be: its spec, chart key, first year shown and chart title."""
    spec: domains.ChartSpec
    key: str
    start: int
    title: str


def _page_plan(page: str, facts: list[tuple], year: int, lang: str) -> list[_Planned]:
    """The page's charts with a template and results in `year`, in page order, without drawing
    them: `facts` are (indicator, body, year, status, period_kind) of the page's preferred
    figures. Full years get a chart (with context years); sessions always get their own; other
    periods only stand in for missing full years."""
    out = []
    for section in domains.page_spec(page).sections:
        for spec in section.charts:
            if not takeaways.has_template(spec.key):
                continue
            mine = [f for f in facts if f[0] in spec.indicators and (spec.bodies is None or f[1] in spec.bodies)]
            results = [f for f in mine if f[3] != takeaways.PLANNED]
            of_year = {(f[0], f[1], takeaways.family_of(f[4])) for f in results if f[2] == year}
            name = t(spec.title, lang)
            if takeaways.has_result_in(spec.key, of_year):
                start = year
                if spec.kind == "years":
                    start = _context_from({f[2] for f in results if f[4] == takeaways.ANNUAL}, year)
                out.append(_Planned(spec, spec.key, start, f"{name} · {domains.range_label(start, year)}"))
                variants = ("sessions",)
            else:
                variants = ("sessions", "periods")
            for variant in variants:
                key = f"{spec.key}_{variant}"
                if takeaways.has_result_in(key, of_year):
                    label = f"{name} — {t('dom_variant_' + variant, lang)} · {domains.range_label(year, year)}"
                    out.append(_Planned(spec, key, year, label))
    return out


def _chart(planned: _Planned, rows: pd.DataFrame, code: str, year: int, lang: str) -> charts.Chart:
    """One planned chart drawn alone at full width from the page's preferred figures: full years
    from its first year on, or the year's sessions, or the year's other periods."""
    spec_rows = _spec_rows(planned.spec, rows)
    kinds = spec_rows["period_kind"]
    family = takeaways.variant(planned.key)
    if family == "annual":
        part = spec_rows[(kinds == takeaways.ANNUAL) & (spec_rows["year"] >= planned.start)]
    elif family == "sessions":
        part = spec_rows[(kinds == takeaways.SESSION) & (spec_rows["year"] == year)]
    else:
        part = spec_rows[~kinds.isin({takeaways.ANNUAL, takeaways.SESSION}) & (spec_rows["year"] == year)]
    made = domains.section_charts((planned.spec,), part, None, (code,), planned.start, year, lang)
    return next(c for c in made if c.key == planned.key)


def _once(make: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
    """`make()`, computed on the first call only (thread-safe)."""
    made: list[pd.DataFrame] = []
    lock = threading.Lock()

    def get() -> pd.DataFrame:
        with lock:
            if not made:
                made.append(make())
            return made[0]
    return get


def _drawer(planned: _Planned, page_rows: Callable[[], pd.DataFrame], code: str, year: int, lang: str,
            names: dict[str, tuple[str, str]], level: str) -> Callable[[], tuple[charts.Chart, str]]:
    """What makes a slide's chart and takeaway when first asked (the takeaway reads the page's
    figures of the year, so a missing clause can be named)."""
    def draw() -> tuple[charts.Chart, str]:
        rows = page_rows()
        chart = _chart(planned, rows, code, year, lang)
        of_year = rows[rows["year"] == year]
        return chart, takeaways.takeaway(chart.key, of_year, year, lang, names, level=level)
    return draw


def notes_text(chart: charts.Chart, takeaway: str, lang: str) -> str:
    """Speaker notes: the takeaway, then every figure of the chart with status, source and quote."""
    lines = [t("pres_notes_takeaway", lang, text=takeaway), "", t("pres_notes_figures", lang)]
    rows = chart.rows.sort_values(["period_end", "sort_order", "body"], kind="stable")
    for _, row in rows.iterrows():
        lines.append(t("pres_notes_line", lang, indicator=charts.indicator_name(row, lang),
                       body=t("body_" + row["body"], lang), period=charts.period_label(row, lang),
                       value=charts.full_value(row, lang), status=charts.status_text(row, lang),
                       source=f"{row['source_title']} ({charts.source_name(row)})"))
        if charts.present(row.get("quote")):
            lines.append(t("pres_notes_quote", lang, quote=row["quote"]))
    return "\n".join(lines)


def _python_strings(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with their text columns held as Python strings: drawing a chart and writing its
    takeaway filter these few hundred rows many times, and each filter of Arrow-backed text
    costs several times more than of Python objects (the values are the same)."""
    text = [c for c in rows.columns if isinstance(rows[c].dtype, pd.StringDtype)]
    return rows.astype({c: object for c in text})


def _domains() -> tuple[str, ...]:
    """Every data domain of the presenter's pages."""
    return tuple(dict.fromkeys(d for page in PAGE_ORDER for d in domains.page_spec(page).domains))


def slide_list(code: str, year: int, lang: str = "vi", fetch: Fetch | None = None, con=None,
               level: str | None = None) -> list[Slide]:
    """Every chart slide the locality has for the year, in page order, each with its rank.

    Nothing is drawn here (see `Slide`). `level` is the locality's level when the caller knows
    it (otherwise it is looked up, and an unknown locality is a DeckError)."""
    get = _fetcher(fetch, con)
    level = level or locality_info(code, get)["level"]
    rows = get("domain_figures", localities=[code], domains=_domains(), year_from=year - CONTEXT_YEARS,
               year_to=year)
    rows = rows[rows["preferred"]]  # slides draw only preferred figures
    if rows.empty:
        return []
    meta = get("present_indicators")
    names = dict(zip(meta["indicator"].tolist(), zip(meta["name_vi"].tolist(), meta["name_en"].tolist())))
    facts = list(zip(rows["domain"], rows["indicator"], rows["body"], rows["year"], rows["status"],
                     rows["period_kind"]))
    slides = []
    for page in PAGE_ORDER:
        spec = domains.page_spec(page)
        own = set(spec.domains)
        planned = _page_plan(page, [f[1:] for f in facts if f[0] in own], year, lang)
        if not planned:
            continue
        page_rows = _once(lambda own=own: _python_strings(rows[rows["domain"].isin(own)]))
        section = t(spec.title, lang)
        for plan in planned:
            key = f"{page}/{plan.key}"
            slides.append(Slide(key, page, section, plan.title, _rank(key), lang,
                                _drawer(plan, page_rows, code, year, lang, names, level)))
    return slides


def default_keys(slides: list[Slide], limit: int = DEFAULT_SLIDES) -> list[str]:
    """The `limit` most telling slides, in page order."""
    best = {s.key for s in sorted(slides, key=lambda s: s.rank)[:limit]}
    return [s.key for s in slides if s.key in best]


def make_deck(code: str, year: int, lang: str = "vi", keys: list[str] | None = None,
              fetch: Fetch | None = None, con=None, today: dt.date | None = None) -> Deck:
    """The deck for a locality and year: the slides named by `keys` in that order (unknown keys
    are skipped), or the default selection. DeckError when there is nothing to show."""
    get = _fetcher(fetch, con)
    info = locality_info(code, get)
    name = info["name_en"] if lang == "en" else info["name_vi"]
    years = data_years(code, get)
    listed = ", ".join(map(str, years)) or t("pres_cli_none", lang)
    if year not in years:
        raise DeckError(t("pres_cli_no_year", lang, locality=name, year=year, years=listed))
    slides = slide_list(code, year, lang, get, level=info["level"])
    if not slides:
        raise DeckError(t("pres_cli_no_chart", lang, locality=name, year=year, years=listed))
    by_key = {s.key: s for s in slides}
    chosen = [by_key[k] for k in (keys if keys is not None else default_keys(slides)) if k in by_key]
    return Deck(code, name, info["level"], year, lang, today or dt.date.today(), chosen)


# ---------------------------------------------------------------- images

def chart_images(deck: Deck, progress: Progress | None = None) -> list[bytes]:
    """The 2× PNG of every chart slide, drawn in one go by the long-lived renderer."""
    from govdash import render
    total = len(deck.slides)
    figures = []
    for i, slide in enumerate(deck.slides):  # slides not shown yet are drawn now
        if progress:
            progress(0.1 * i / max(total, 1), t("pres_step_data", deck.lang))
        figures.append(slide.chart.figure)

    def tick(done: int, _total: int) -> None:
        if progress:
            progress(0.1 + 0.8 * done / max(total, 1),
                     t("pres_step_render", deck.lang, n=min(done + 1, total), total=total))

    return render.images(figures, "png", progress=tick)


# ---------------------------------------------------------------- text fitting

FONT = "Arial"
# Text is measured with Noto Sans, a little wider than Arial and with every Vietnamese glyph
# (Debian's Liberation Sans, Arial's metric twin, lacks some), so what fits here fits in Arial.
_METRIC_FONTS = {
    False: ["/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
    True: ["/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
           "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
}


@cache
def _font(bold: bool, size: int):
    from PIL import ImageFont
    for path in _METRIC_FONTS[bold]:
        if Path(path).is_file():
            return ImageFont.truetype(path, size * 10)  # tenths of a point, for precision
    return None


def text_width(text: str, size: int, bold: bool = False) -> float:
    """Width of `text` in points at `size` pt (Arial metrics, or a safe overestimate)."""
    font = _font(bold, size)
    if font is None:
        return len(text) * size * (0.62 if bold else 0.58)
    return font.getlength(text) / 10


def wrap_lines(text: str, size: int, width_pt: float, bold: bool = False) -> list[str]:
    """Greedy word wrap as PowerPoint does it (a word longer than the line stays whole)."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and text_width(trial, size, bold) > width_pt:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def fit_size(text: str, width_pt: float, height_pt: float, sizes: range, bold: bool = False,
             spacing: float = 1.2) -> tuple[int, int]:
    """The largest size in `sizes` (points, descending) at which the text fits; (size, lines)."""
    size = sizes[-1]
    for size in sizes:
        n = len(wrap_lines(text, size, width_pt, bold))
        if n * size * spacing <= height_pt:
            return size, n
    return size, len(wrap_lines(text, size, width_pt, bold))


# ---------------------------------------------------------------- the PowerPoint file

SLIDE_W, SLIDE_H = 13.333, 7.5   # inches, 16:9
MARGIN = 0.5
TITLE_TOP, TITLE_MAX_H = 0.62, 1.5
FOOT_TOP, FOOT_H = 6.92, 0.42
GREY = (0x5F, 0x5F, 0x5F)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def _text(slide, left: float, top: float, width: float, height: float, text: str, size: int, *,
          bold: bool = False, colour: tuple[int, int, int] | None = None, align: str = "left",
          lang: str = "vi", anchor: str = "top"):
    """A text box at inches, no inner margins, wrapped, one paragraph in Arial."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Inches, Pt
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}[anchor]
    para = frame.paragraphs[0]
    para.alignment = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}[align]
    para.line_spacing = 1.1
    run = para.add_run()
    run.text = text
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor(*(colour or _rgb(theme.streamlit_theme()["textColor"])))
    run.font._rPr.set("lang", "vi-VN" if lang == "vi" else "en-GB")  # spelling in the right language
    return box


def _title_slide(prs, deck: Deck) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    lines, primary = deck.title_lines(), _rgb(theme.palette()[0])
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(MARGIN), Inches(1.9), Inches(0.14), Inches(3.1))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor(*primary)
    bar.line.fill.background()
    left, width = MARGIN + 0.45, SLIDE_W - 2 * MARGIN - 0.45
    name_size, _ = fit_size(lines["name"], width * 72, 1.25 * 72, range(54, 27, -2), bold=True)
    _text(slide, left, 1.85, width, 0.5, lines["kicker"], 22, colour=primary, lang=deck.lang)
    _text(slide, left, 2.45, width, 1.3, lines["name"], name_size, bold=True, lang=deck.lang)
    _text(slide, left, 3.75, width, 0.7, lines["year"], 36, lang=deck.lang)
    _text(slide, left, 4.5, width, 0.6, lines["sub"], 20, colour=GREY, lang=deck.lang)
    _text(slide, left, 6.3, width, 0.45, f"{lines['date']} · {lines['count']}", 16, colour=GREY, lang=deck.lang)
    slide.notes_slide.notes_text_frame.text = f"{lines['name']} — {lines['year']}\n{lines['sub']}"


def _picture_box(png: bytes, top: float, bottom: float) -> tuple[float, float, float, float]:
    """Where a chart goes: as large as fits between `top` and `bottom`, centred; inches."""
    from PIL import Image
    with Image.open(io.BytesIO(png)) as img:
        w_px, h_px = img.size
    area_w, area_h = SLIDE_W - 2 * MARGIN, bottom - top
    scale = min(area_w / w_px, area_h / h_px)
    w, h = w_px * scale, h_px * scale
    return MARGIN + (area_w - w) / 2, top + (area_h - h) / 2, w, h


def full_sources(chart: charts.Chart, lang: str) -> str:
    """`Nguồn: <title> (<publisher>); …`: every document the chart's figures come from, unshortened."""
    names = list(dict.fromkeys(
        f"{r['source_title']} ({r['source_publisher']})" if charts.present(r.get("source_publisher"))
        and str(r["source_publisher"]).lower() != "unknown" else str(r["source_title"])
        for _, r in chart.rows.iterrows()))
    return f"{t('source_label', lang)}: {'; '.join(names)}"


def footnote(slide_def: Slide, lang: str, width_pt: float, height_pt: float) -> tuple[str, int]:
    """The sources with their full titles when they fit at a readable size, else the chart's
    own (shortened) source line; and its font size."""
    full = full_sources(slide_def.chart, lang)
    size, lines = fit_size(full, width_pt, height_pt, range(12, 8, -1))
    if lines * size * 1.2 <= height_pt:
        return full, size
    return slide_def.source, fit_size(slide_def.source, width_pt, height_pt, range(12, 6, -1))[0]


def _chart_slide(prs, deck: Deck, slide_def: Slide, png: bytes, number: int, total: int) -> None:
    from pptx.util import Inches
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    lang, width = deck.lang, SLIDE_W - 2 * MARGIN
    primary = _rgb(theme.palette()[0])
    _text(slide, MARGIN, 0.28, width, 0.32, slide_def.section.upper(), 13, bold=True, colour=primary, lang=lang)
    size, lines = fit_size(slide_def.title, width * 72, TITLE_MAX_H * 72, range(30, 17, -1), bold=True)
    title_h = lines * size * 1.2 / 72 + 0.04
    title = _text(slide, MARGIN, TITLE_TOP, width, title_h, slide_def.title, size, bold=True, lang=lang)
    title.name = "Title"
    left, top, w, h = _picture_box(png, TITLE_TOP + title_h + 0.15, FOOT_TOP - 0.1)
    picture = slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top), Inches(w), Inches(h))
    picture.name = "Chart"
    foot_w = width - 1.0
    source, foot_size = footnote(slide_def, lang, foot_w * 72, FOOT_H * 72)
    foot = _text(slide, MARGIN, FOOT_TOP, foot_w, FOOT_H, source, foot_size, colour=GREY, lang=lang,
                 anchor="bottom")
    foot.name = "Footnote"
    _text(slide, SLIDE_W - MARGIN - 0.9, FOOT_TOP, 0.9, FOOT_H, t("pres_slide_of", lang, n=number, total=total), 12,
          colour=GREY, align="right", lang=lang, anchor="bottom").name = "Slide number"
    slide.notes_slide.notes_text_frame.text = slide_def.notes


def pptx_bytes(deck: Deck, pictures: list[bytes]) -> bytes:
    """The .pptx file of a deck, given the PNG of each chart slide (in order)."""
    from pptx import Presentation
    from pptx.util import Inches
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    lines = deck.title_lines()
    prs.core_properties.title = f"{lines['name']} — {lines['year']}"
    prs.core_properties.subject = lines["sub"]
    prs.core_properties.author = "govdash"
    prs.core_properties.language = "vi-VN" if deck.lang == "vi" else "en-GB"
    _title_slide(prs, deck)
    total = len(deck.slides) + 1
    for number, (slide_def, png) in enumerate(zip(deck.slides, pictures), start=2):
        _chart_slide(prs, deck, slide_def, png, number, total)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def build_pptx(deck: Deck, progress: Progress | None = None) -> bytes:
    """Render every chart (one renderer, one go) and assemble the deck."""
    pictures = chart_images(deck, progress)
    if progress:
        progress(0.95, t("pres_step_write", deck.lang))
    data = pptx_bytes(deck, pictures)
    if progress:
        progress(1.0, t("pres_step_write", deck.lang))
    return data


def file_stem(deck: Deck) -> str:
    """`govdash-31-2023`: a file name that is safe everywhere."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in deck.locality)
    return f"govdash-{safe}-{deck.year}"


def write_atomic(path: Path, make: Callable[[], bytes]) -> int:
    """Build the bytes, write them to a temporary file beside `path`, then rename it into place;
    on any failure nothing is left behind. Returns the size written."""
    path = Path(path)
    data = make()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; a deck is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)
