"""The PowerPoint file: text fitted to its box with measured fonts, title and chart slides, footnoted sources, notes with the figures."""
from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from govdash import theme
from govdash.domains import charts
from govdash.i18n import t
from govdash.present.deck import Deck, Progress, Slide, chart_images

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
GREY = theme.MUTED_RGB


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


class NotRegularFile(ValueError):
    """An output path that exists and is not a regular file."""


def refuse_irregular(path: Path) -> None:
    """Raise `NotRegularFile` when `path` exists (even as a dangling link) and is not a regular
    file; `lstat`, so a symbolic link is judged itself, never what it points to."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotRegularFile(f"{str(path)!r} exists and is not a regular file; choose another --out")


def write_atomic(path: Path, make: Callable[[], bytes]) -> int:
    """Build the bytes, write them to a temporary file beside `path`, then rename it into place;
    on any failure nothing is left behind. Returns the size written. A target that exists and is
    not a regular file (a symbolic link, a device, a folder) is refused (`NotRegularFile`): it
    is never replaced by, or written through to, the new file."""
    path = Path(path)
    refuse_irregular(path)
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
