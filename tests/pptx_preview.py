"""A picture of a PowerPoint slide drawn from the .pptx itself, for tests and for people to look
at: text boxes at their place and size, in Noto Sans (a little wider than the deck's Arial, so text
that fits here fits there; it has every Vietnamese glyph), wrapped the way PowerPoint wraps; shapes
with their fill; pictures scaled into their frames. LibreOffice is not needed (nor installed);
this shows layout, overlaps and cut text, not every detail."""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.util import Emu

PX_PER_IN = 120
FONTS = {False: "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
         True: "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"}


def _px(emu: int) -> int:
    return round(Emu(emu).inches * PX_PER_IN)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def slide_png(path: Path, index: int, outline: bool = True) -> bytes:
    """PNG of slide `index` (0-based); `outline` draws each text box's frame in light grey."""
    prs = Presentation(str(path))
    w, h = _px(prs.slide_width), _px(prs.slide_height)
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    for shape in prs.slides[index].shapes:
        box = (_px(shape.left), _px(shape.top), _px(shape.left + shape.width), _px(shape.top + shape.height))
        if shape.shape_type == 13:  # picture
            pic = Image.open(io.BytesIO(shape.image.blob)).convert("RGB")
            img.paste(pic.resize((box[2] - box[0], box[3] - box[1])), box[:2])
            continue
        if not shape.has_text_frame or not shape.text_frame.text:
            draw.rectangle(box, fill="#" + str(shape.fill.fore_color.rgb))
            continue
        if outline:
            draw.rectangle(box, outline="#DDDDDD")
        para = shape.text_frame.paragraphs[0]
        run = para.runs[0]
        size = round(run.font.size.pt * PX_PER_IN / 72)
        font = ImageFont.truetype(FONTS[bool(run.font.bold)], size)
        colour = "#" + str(run.font.color.rgb)
        lines = _wrap(draw, run.text, font, box[2] - box[0])
        step = size * 1.2 * (para.line_spacing or 1.0)
        total = step * len(lines)
        anchor = str(shape.text_frame.vertical_anchor)
        y = box[1] if "TOP" in anchor or anchor == "None" else (box[3] - total if "BOTTOM" in anchor else
                                                               (box[1] + box[3] - total) / 2)
        for line in lines:
            width = draw.textlength(line, font=font)
            x = box[2] - width if "RIGHT" in str(para.alignment) else box[0]
            draw.text((x, y), line, font=font, fill=colour)
            y += step
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()
