"""AppTest of the Trình chiếu page (issue 6): the slide in the URL, Next / Previous, a bad slide
number dropped with a notice, trimming and reordering, the takeaway under the chart, and the
page without Chromium (a clear notice, exports disabled, slides still shown). A plain rerun draws
only the slide shown and renders no image; a locality without charts offers a way out."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from govdash import db
from govdash.present import deck, render
from govdash.present import ui as present_ui

ROOT = Path(__file__).resolve().parent.parent


def open_present(slide: str | None = None, loc: str = "31", year: str = "2023", lang: str = "vi") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    params = {"loc": loc, "from": year, "to": year, "lang": lang}
    if slide is not None:
        params["slide"] = slide
    at.query_params.update(params)
    at.run()
    at.switch_page("pages/present.py").run()
    assert not at.exception, at.exception
    return at


def counter(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(("Trang ", "Slide ")))


def headline(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("## ")).removeprefix("## ").replace("\\", "")


def test_parse_slide():
    assert present_ui.parse_slide(None, 9) == (1, None)
    assert present_ui.parse_slide("4", 9) == (4, None)
    assert present_ui.parse_slide("0", 9) == (1, "0")
    assert present_ui.parse_slide("10", 9) == (1, "10")
    assert present_ui.parse_slide("<b>x</b>", 9) == (1, "<b>x</b>")


def test_md_escape_keeps_text_literal():
    from govdash.text import md_escape
    assert md_escape("1. [a](b) *x* $y$") == r"1\. \[a\](b) \*x\* \$y\$"


def test_next_previous_and_the_url():
    expected = deck.make_deck("31", 2023, "vi")
    at = open_present("2")
    assert at.title[0].value == "Trình chiếu — Hải Phòng, năm 2023"
    assert counter(at) == "Trang 2/9"
    assert headline(at) == expected.slides[0].title
    assert at.caption and any(c.value.startswith("Nguồn: ") for c in at.caption)
    at.button(key="present_next").click().run()
    assert at.query_params["slide"] == "3"
    assert counter(at) == "Trang 3/9" and headline(at) == expected.slides[1].title
    at.button(key="present_prev").click().run()
    at.button(key="present_prev").click().run()
    assert at.query_params["slide"] == "1" and counter(at) == "Trang 1/9"
    assert at.button(key="present_prev").disabled
    assert any(m.value == "# Hải Phòng" for m in at.markdown)  # the title slide


@pytest.mark.parametrize("bad", ["abc", "99", "0"])
def test_bad_slide_number_is_dropped_with_a_notice(bad):
    at = open_present(bad)
    assert any(bad in w.value and "trang 1" in w.value for w in at.warning)
    assert at.query_params["slide"] == "1"
    assert counter(at) == "Trang 1/9"


def test_last_slide_and_english():
    at = open_present("9", lang="en")
    assert counter(at) == "Slide 9 of 9"
    assert at.button(key="present_next").disabled
    # the last slide is the map of the best-covered indicator (issue 15)
    assert re.match(r"^Hai Phong ranks \d+ of the \d+/63 provinces with a figure for .+ in 2023\.$", headline(at))


def test_trim_and_reorder():
    slides = deck.slide_list("31", 2023, "vi")
    default = deck.default_keys(slides)
    at = open_present("2")
    picker = at.multiselect(key="present_arrange_31_2023")
    assert picker.value == default
    picker.set_value([default[3], default[0]]).run()
    assert counter(at) == "Trang 2/3"
    by_key = {s.key: s for s in slides}
    assert headline(at) == by_key[default[3]].title
    # a slide number past the new end is dropped with a notice
    at.query_params["slide"] = "7"
    at.run()
    assert counter(at) == "Trang 1/3" and any("7" in w.value for w in at.warning)


def test_exports_are_offered():
    at = open_present("2")
    keys = {b.key for b in at.get("download_button")}
    assert {"present_pptx", "present_pdf", "present_png", "present_svg"} <= keys


def test_without_chromium_the_page_says_how_to_fix_it(monkeypatch, tmp_path):
    monkeypatch.setattr(render, "CHROMIUM", tmp_path / "no-chromium")
    at = open_present("2")
    assert any("apt-get install chromium" in w.value for w in at.warning)
    assert at.get("plotly_chart"), "the slide falls back to the interactive chart"
    buttons = {b.key: b for b in at.get("download_button")}
    assert buttons["present_pptx"].proto.disabled and buttons["present_pdf"].proto.disabled


def test_locality_without_charts_that_year_shows_the_way_out():
    at = open_present(loc="04", year="2023")  # Cao Bằng has figures, but none drawn for 2023
    assert any("Chưa có biểu đồ" in i.value for i in at.info)
    offered = [b.key for b in at.button if b.key and b.key.startswith("present_go_year_")]
    assert offered, "no year offered"
    at.button(key=offered[-1]).click().run()
    year = int(offered[-1].rsplit("_", 1)[1])
    assert at.session_state["selection_years"][1] == year
    assert not at.info


def test_years_outside_the_data_are_brought_inside_never_a_crash():
    at = open_present(loc="31", year="2019")  # not a year of the data: the URL falls back
    at.session_state["selection_years"] = (2019, 2019)  # a stale session holding one anyway
    at.run()
    assert not at.exception, at.exception  # the years slider raised below its minimum before

def _cached_slides(code: str, year: int, lang: str = "vi") -> list[deck.Slide]:
    level = db.run_query("localities").set_index("code").loc[code, "level"]
    return present_ui._slides(code, year, lang, level, db.generation())


def test_a_rerun_draws_only_the_slide_shown_and_renders_no_image(monkeypatch):
    def no_images(*_args, **_kwargs):
        raise AssertionError("an image was rendered on a plain rerun")
    monkeypatch.setattr(render, "images", no_images)
    present_ui._slides.clear()
    at = open_present("1", loc="31", year="2022")
    assert counter(at).startswith("Trang 1/")
    slides = _cached_slides("31", 2022)
    assert slides and all(s._made is None for s in slides), "the title slide draws no chart"
    at.button(key="present_next").click().run()
    assert not at.exception and at.get("plotly_chart")
    shown = {s.key for s in slides if s._made is not None}
    chosen = at.multiselect(key="present_arrange_31_2022").value
    assert shown == {chosen[0]}
