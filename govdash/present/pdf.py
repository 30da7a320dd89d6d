"""The printable report: the deck's content as an A4 PDF, made with ReportLab and no network.

Pages are landscape, so a chart built for a full screen width prints at a readable size
(its 14 px text comes out near 9 pt).

Title block (locality, year, date) and a short introduction; then per domain its heading and, for
each of its charts, the takeaway as the narrative, the chart image (the same 2× PNG as the deck)
and a table of the chart's figures (value with qualifier, status, source); a domain without a
chart that year says it has no data; last, a table of the sources used. Noto Sans (or DejaVu
Sans) is embedded, so Vietnamese diacritics print on any machine.

No Streamlit here.
"""
from __future__ import annotations

import functools
import io
from collections.abc import Callable
from functools import cache

import pandas as pd

from govdash import paths, theme
from govdash.domains import build, charts
from govdash.i18n import t
from govdash.present import deck as deck_mod

Progress = Callable[[float, str], None]
FONT_DIRS = list(paths.FONT_DIRS)
FONT_FILES = {"NotoSans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
              "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")}


class FontMissing(RuntimeError):
    """No font with Vietnamese glyphs to embed."""


@cache
def fonts() -> tuple[str, str]:
    """Register a Unicode TrueType family (regular, bold) with ReportLab; their names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for family, (regular, bold) in FONT_FILES.items():
        for folder in FONT_DIRS:
            if (folder / regular).is_file() and (folder / bold).is_file():
                pdfmetrics.registerFont(TTFont(family, str(folder / regular)))
                pdfmetrics.registerFont(TTFont(family + "-Bold", str(folder / bold)))
                addMapping(family, 0, 0, family)
                addMapping(family, 1, 0, family + "-Bold")
                return family, family + "-Bold"
    raise FontMissing("no Noto Sans or DejaVu Sans font found: apt-get install fonts-noto-core")


def _styles() -> dict:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    regular, bold = fonts()
    text, primary = HexColor(theme.streamlit_theme()["textColor"]), HexColor(theme.palette()[0])
    grey = HexColor(theme.MUTED)
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=14, textColor=text)
    return {
        "kicker": ParagraphStyle("kicker", parent=base, fontName=bold, fontSize=11, textColor=primary),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=22, leading=27, spaceAfter=4),
        "meta": ParagraphStyle("meta", parent=base, textColor=grey, spaceAfter=10),
        "body": base,
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=15, leading=19, textColor=primary,
                             spaceBefore=14, spaceAfter=6),
        "takeaway": ParagraphStyle("takeaway", parent=base, fontName=bold, fontSize=11.5, leading=15.5,
                                   spaceBefore=8, spaceAfter=5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=base, fontName=bold, fontSize=8, leading=10),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11, textColor=grey),
    }


def _p(text: object, style) -> object:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph
    return Paragraph(escape(str(text)), style)


def _table(header: list[str], rows: list[list[str]], widths: list[float], styles: dict):
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle
    data = [[_p(h, styles["head"]) for h in header]] + [[_p(c, styles["cell"]) for c in r] for r in rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(theme.streamlit_theme()["secondaryBackgroundColor"])),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor("#9A948A")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor("#D8D2C8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def figures_rows(chart: charts.Chart, lang: str) -> list[list[str]]:
    """The chart's figures as table rows: indicator (body), period, value, status, source."""
    rows = chart.rows.sort_values(["period_end", "sort_order", "body"], kind="stable")
    return [[f"{charts.indicator_name(r, lang)} ({t('body_' + r['body'], lang)})", charts.period_label(r, lang),
             charts.full_value(r, lang), charts.status_text(r, lang), charts.source_name(r)]
            for _, r in rows.iterrows()]


def used_sources(deck: deck_mod.Deck, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources of the figures shown, in the order of `sources` (the `sources_list` query)."""
    ids = set()
    for slide in deck.slides:
        ids |= set(slide.chart.rows["source_id"])
    return sources[sources["source_id"].isin(ids)]


def _footer(deck: deck_mod.Deck):
    def draw(canvas, doc) -> None:
        regular, _ = fonts()
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillGray(0.4)
        canvas.drawString(doc.leftMargin, 10 * 2.8346, t("pres_footer", deck.lang, locality=deck.name, year=deck.year))
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 10 * 2.8346,
                               t("pres_report_page", deck.lang, n=doc.page))
        canvas.restoreState()
    return draw


def _chart_block(slide: deck_mod.Slide, png: bytes, width: float, max_height: float, styles: dict, lang: str,
                 heading: list | None = None) -> list:
    """Takeaway and chart kept together (with the domain heading before the first), then the table."""
    from PIL import Image as PILImage
    from reportlab.platypus import Image, KeepTogether, Spacer
    with PILImage.open(io.BytesIO(png)) as img:
        w_px, h_px = img.size
    scale = min(width / w_px, max_height / h_px)
    image = Image(io.BytesIO(png), w_px * scale, h_px * scale, hAlign="LEFT")
    table = _table([t("pres_table_indicator", lang), t("pres_table_period", lang), t("pres_table_value", lang),
                    t("pres_table_status", lang), t("pres_table_source", lang)],
                   figures_rows(slide.chart, lang), [w * width for w in (0.34, 0.14, 0.16, 0.14, 0.22)], styles)
    return [KeepTogether([*(heading or []), _p(slide.title, styles["takeaway"]), image]), Spacer(1, 4), table]


def pdf_bytes(deck: deck_mod.Deck, pictures: list[bytes], sources: pd.DataFrame) -> bytes:
    """The A4 report of a deck, given the PNG of each chart slide (in order) and the sources list."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate, Spacer
    lang, styles = deck.lang, _styles()
    out = io.BytesIO()
    lines = deck.title_lines()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm, topMargin=13 * mm,
                            bottomMargin=16 * mm, title=t("pres_report_title", lang, locality=deck.name, year=deck.year),
                            author="govdash", subject=lines["sub"], lang="vi-VN" if lang == "vi" else "en-GB")
    width = doc.width
    story = [_p(lines["kicker"], styles["kicker"]),
             _p(t("pres_report_title", lang, locality=deck.name, year=deck.year), styles["title"]),
             _p(f"{lines['date']} · {lines['count']}", styles["meta"]),
             _p(t("pres_report_intro", lang, locality=deck.name, year=deck.year), styles["body"])]
    pictures_by_key = {s.key: png for s, png in zip(deck.slides, pictures)}
    for page in deck_mod.PAGE_ORDER:
        section = t(build.page_spec(page).title, lang)
        heading = [_p(section, styles["h1"])]
        mine = [s for s in deck.slides if s.page == page]
        if not mine:
            story += heading + [_p(t("pres_report_missing_domain", lang, domain=section, year=deck.year),
                                   styles["body"])]
        for i, slide in enumerate(mine):
            story += _chart_block(slide, pictures_by_key[slide.key], width, doc.height * 0.62, styles, lang,
                                  heading if i == 0 else None)
    for i, slide in enumerate(s for s in deck.slides if s.page == deck_mod.MAP_PAGE):
        story += _chart_block(slide, pictures_by_key[slide.key], width, doc.height * 0.62, styles, lang,
                              [_p(t("pres_map_section", lang), styles["h1"])] if i == 0 else None)
    used = used_sources(deck, sources)
    story += [_p(t("pres_report_sources", lang), styles["h1"]),
              _table([t("pres_report_col_title", lang), t("pres_report_col_publisher", lang),
                      t("pres_report_col_date", lang), t("pres_report_col_address", lang)],
                     [[r.title, r.publisher, _date_text(r.published), r.url if charts.present(r.url) else (r.file or "")]
                      for r in used.itertuples()],
                     [w * width for w in (0.44, 0.22, 0.09, 0.25)], styles),
              Spacer(1, 6), _p(t("not_final_note", lang), styles["note"])]
    regular, _ = fonts()
    # the canvas starts in our font, so no unembedded Helvetica is referenced
    maker = functools.partial(Canvas, initialFontName=regular)
    doc.build(story, onFirstPage=_footer(deck), onLaterPages=_footer(deck), canvasmaker=maker)
    return out.getvalue()


def _date_text(value: object) -> str:
    if not charts.present(value):
        return ""
    return str(value.date()) if hasattr(value, "date") else str(value)


def build_pdf(deck: deck_mod.Deck, sources: pd.DataFrame, progress: Progress | None = None) -> bytes:
    """Render every chart (one renderer, one go) and typeset the report."""
    pictures = deck_mod.chart_images(deck, progress)
    if progress:
        progress(0.95, t("pres_step_write", deck.lang))
    data = pdf_bytes(deck, pictures, sources)
    if progress:
        progress(1.0, t("pres_step_write", deck.lang))
    return data

