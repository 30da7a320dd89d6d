"""The presenter kit's files (issue 6): the PowerPoint deck and the PDF report, built from the
command line for Hải Phòng 2023 with the real renderer (Debian's Chromium through kaleido) and
opened back: slide count, 16:9, titles, a picture and a footnote on every chart slide, the
figures in the speaker notes, non-blank images; the PDF page rendered by pdftoppm; errors that
name what exists and leave no file; no Chrome download ever; a clear message without Chromium.

Slides and pages are saved in test-artifacts/ to be looked at."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from pptx import Presentation
from pptx.util import Emu

from govdash.domains import charts
from govdash.i18n import t
from govdash.present import deck, powerpoint, render

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
needs_chromium = pytest.mark.skipif(not render.available(), reason="needs /usr/bin/chromium (scripts/test.sh)")


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govdash", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def variance(png: bytes) -> float:
    with Image.open(io.BytesIO(png)) as img:
        return max(ImageStat.Stat(img.convert("L")).var)


def fake_png(width: int = 2200, height: int = 1000) -> bytes:
    img = Image.new("RGB", (width, height), "white")
    img.paste((179, 38, 30), (200, 300, 900, 900))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


# ---------------------------------------------------------------- the file structure (no browser)

def test_pptx_structure_on_fixture_data(fixture_con):
    made = deck.make_deck("31", 2023, "vi", con=fixture_con)
    data = powerpoint.pptx_bytes(made, [fake_png() for _ in made.slides])
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == len(made.slides) + 1
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    first = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert "Hải Phòng" in first and "Năm 2023" in first and "Lập ngày" in first
    for slide, slide_def in zip(list(prs.slides)[1:], made.slides):
        names = {s.name: s for s in slide.shapes}
        assert names["Title"].text_frame.text == slide_def.title
        assert names["Chart"].shape_type == 13
        assert names["Footnote"].text_frame.text.startswith("Nguồn: ")
        assert names["Title"].text_frame.paragraphs[0].runs[0].font.name == "Arial"


def test_keys_reorder_and_trim(fixture_con):
    keys = [s.key for s in deck.slide_list("31", 2023, "vi", con=fixture_con)]
    made = deck.make_deck("31", 2023, "vi", keys=[keys[-1], keys[0], "no/such"], con=fixture_con)
    assert [s.key for s in made.slides] == [keys[-1], keys[0]]


def test_slide_list_reads_one_query_and_draws_nothing_until_asked(fixture_con):
    from govdash import db
    asked = []

    def fetch(name, **params):
        asked.append(name)
        return db.run_query(name, fixture_con, **params)
    slides = deck.slide_list("31", 2023, "vi", fetch=fetch, level="central_city")
    # the figures, the indicator names, and the map slide's coverage counts (no map here: the
    # fixture has fewer than map_slide.MIN_PROVINCES provinces with a figure)
    assert asked == ["domain_figures", "present_indicators", "map_coverage", "compare_indicators"]
    assert slides and all(s._made is None for s in slides)
    first = slides[0]
    assert first.title.startswith("Năm 2023, ") and first._made is not None
    assert all(s._made is None for s in slides[1:])
    for slide in slides:  # what the picker says before drawing is the drawn chart's title
        assert slide.label == slide.chart.title
        assert slide.chart.wide and slide.chart.key == slide.key.split("/", 1)[1]
        assert slide.source == slide.chart.source_line and slide.title in slide.notes


def test_slide_list_without_figures_is_empty(fixture_con):
    assert deck.slide_list("31", 2010, "vi", con=fixture_con) == []


def test_write_atomic_leaves_nothing_on_failure(tmp_path):
    def boom() -> bytes:
        raise RuntimeError("renderer died")
    with pytest.raises(RuntimeError):
        powerpoint.write_atomic(tmp_path / "deck.pptx", boom)
    assert list(tmp_path.iterdir()) == []
    assert powerpoint.write_atomic(tmp_path / "deck.pptx", lambda: b"x") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_title_fits_its_box():
    """The longest takeaway fits in the title box at the size chosen (Noto Sans metrics, wider than Arial)."""
    text = "Năm 2023, " + ", ".join(["thu NSNN đạt 99 % dự toán Trung ương giao"] * 4) + "."
    width = (powerpoint.SLIDE_W - 2 * powerpoint.MARGIN) * 72
    size, lines = powerpoint.fit_size(text, width, powerpoint.TITLE_MAX_H * 72, range(30, 17, -1), bold=True)
    assert 18 <= size <= 30 and lines * size * 1.2 <= powerpoint.TITLE_MAX_H * 72


# ---------------------------------------------------------------- the real thing, from the command line

@pytest.fixture(scope="module")
def hai_phong_deck(tmp_path_factory) -> tuple[Path, float]:
    if not render.available():
        pytest.skip("needs /usr/bin/chromium")
    out = tmp_path_factory.mktemp("deck") / "hai-phong-2023.pptx"
    started = time.perf_counter()
    done = cli("deck", "--locality", "Hải Phòng", "--year", "2023", "--out", str(out))
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "deck-timing.txt").write_text(f"python -m govdash deck Hải Phòng 2023: {seconds:.1f} s\n")
    return out, seconds


@needs_chromium
def test_cli_deck_for_hai_phong_2023(hai_phong_deck):
    path, _seconds = hai_phong_deck  # the time is recorded in test-artifacts/, not asserted (a shared machine)
    prs = Presentation(str(path))
    made = deck.make_deck("31", 2023, "vi")
    assert len(prs.slides) == len(made.slides) + 1 == 9
    assert Emu(prs.slide_width).inches == pytest.approx(13.333, abs=0.01)
    assert Emu(prs.slide_height).inches == pytest.approx(7.5, abs=0.01)
    for slide, slide_def in zip(list(prs.slides)[1:], made.slides):
        names = {s.name: s for s in slide.shapes}
        assert names["Title"].text_frame.text == slide_def.title
        assert names["Footnote"].text_frame.text.startswith("Nguồn: ")
        picture = names["Chart"].image
        assert picture.content_type == "image/png"
        with Image.open(io.BytesIO(picture.blob)) as img:
            assert img.size[0] == render.WIDTH * render.SCALE  # 2× the layout width
        assert variance(picture.blob) > 100, "blank chart image"
        notes = slide.notes_slide.notes_text_frame.text
        for _, row in slide_def.chart.rows.iterrows():  # every figure of the chart, as shown
            assert charts.full_value(row, "vi") in notes
            assert row["quote"] in notes
    first = {s.name: s for s in list(prs.slides)[1].shapes}
    assert first["Title"].text_frame.text == \
        "Năm 2023, HĐND thành phố tổ chức 4 kỳ họp (2 thường lệ, 2 chuyên đề), thông qua 69 nghị quyết."


@needs_chromium
def test_rendered_slides_are_not_blank(hai_phong_deck):
    from pptx_preview import slide_png
    path, _ = hai_phong_deck
    for index in range(len(Presentation(str(path)).slides)):
        png = slide_png(path, index, outline=False)
        (ARTIFACTS / f"deck-slide-{index + 1}.png").write_bytes(png)
        assert variance(png) > 50


@needs_chromium
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils, scripts/test.sh)")
def test_cli_report_pdf_renders(tmp_path):
    out = tmp_path / "bao-cao.pdf"
    done = cli("report", "--locality", "31", "--year", "2023", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(out), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 5
    for page in (pages[0], pages[-1]):
        assert variance(page.read_bytes()) > 50
    ARTIFACTS.mkdir(exist_ok=True)
    for i, page in enumerate(pages, start=1):
        shutil.copy(page, ARTIFACTS / f"report-page-{i}.png")
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
        assert "NotoSans-Regular" in fonts or "DejaVuSans" in fonts
        for line in fonts.splitlines():
            if "Noto" in line or "DejaVu" in line:
                assert " yes " in line, line  # embedded
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "HĐND thành phố tổ chức 4 kỳ họp" in text
        assert "103.619 tỷ đồng" in text  # the exact figure, preferred to the bound "trên 103.600" (issue 12)


# ---------------------------------------------------------------- errors leave no file

@pytest.mark.parametrize("kind,suffix", [("deck", "pptx"), ("report", "pdf")])
def test_unknown_locality_names_what_exists(tmp_path, kind, suffix):
    out = tmp_path / f"x.{suffix}"
    done = cli(kind, "--locality", "Atlantis", "--year", "2023", "--out", str(out))
    assert done.returncode != 0
    assert "Atlantis" in done.stderr and "Hải Phòng" in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind,suffix", [("deck", "pptx"), ("report", "pdf")])
def test_year_without_data_names_the_years(tmp_path, kind, suffix):
    out = tmp_path / f"x.{suffix}"
    done = cli(kind, "--locality", "hai phong", "--year", "2019", "--out", str(out))
    assert done.returncode != 0
    assert "2019" in done.stderr and "2021, 2022, 2023, 2024, 2025" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_chromium_the_error_points_to_the_fix(tmp_path, monkeypatch):
    out = tmp_path / "x.pptx"
    done = cli("deck", "--locality", "31", "--year", "2023", "--out", str(out),
               env={"GOVDASH_CHROMIUM": str(tmp_path / "no-chromium")})
    assert done.returncode != 0
    assert "apt-get install chromium" in done.stderr
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(render, "CHROMIUM", tmp_path / "no-chromium")
    assert not render.available()
    with pytest.raises(render.RendererUnavailable, match="apt-get install chromium"):
        render.png(deck.slide_list("31", 2023, "vi")[0].chart.figure)
    assert "apt-get install chromium" in t("pres_no_chromium", "vi", path="x")


# ---------------------------------------------------------------- the renderer

@needs_chromium
def test_renderer_uses_debian_chromium_and_never_downloads(monkeypatch):
    import choreographer.cli
    import kaleido
    from choreographer.cli.defaults import default_download_path

    def refuse(*_a, **_k):
        raise AssertionError("a Chrome download was attempted")
    monkeypatch.setattr(kaleido, "get_chrome_sync", refuse)
    monkeypatch.setattr(choreographer.cli, "get_chrome_sync", refuse)
    existed = Path(default_download_path).exists()
    slides = deck.slide_list("31", 2023, "vi")[:2]
    pngs = render.images([s.chart.figure for s in slides])
    svg = render.svg(slides[0].chart.figure)
    assert all(variance(p) > 100 for p in pngs)
    assert svg.lstrip().startswith(b"<svg") and "Nguồn".encode() in svg  # the source line is in the image
    assert str(render._RENDERER._kaleido._browser_impl.path) == str(render.CHROMIUM) == "/usr/bin/chromium"
    assert Path(default_download_path).exists() == existed


def test_map_slide_places_the_locality_among_the_provinces():
    """On the real data a deck ends with the map of the best-covered indicator of the year,
    whose takeaway ranks the locality among the provinces with a figure; its figures (one per
    province, named) feed the notes and the report's table."""
    slides = deck.slide_list("31", 2023, "vi")
    mapped = [s for s in slides if s.page == deck.MAP_PAGE]
    assert len(mapped) == 1 and mapped[0].key.startswith("map/")
    slide = mapped[0]
    assert slide.key in deck.default_keys(slides)
    assert "Hải Phòng đứng thứ" in slide.title and "/63 tỉnh có số" in slide.title
    assert slide.chart.figure is not None and len(slide.chart.figure.to_json()) < 400_000
    assert slide.chart.rows["indicator_name_vi"].str.contains(": ").all()
    assert "Hà Nội:" in slide.notes
