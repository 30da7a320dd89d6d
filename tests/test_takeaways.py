"""Takeaway templates (issue 6): sentences written from figures, never free text. Reported,
estimated, planned, derived and missing figures are each worded as what they are; bounds keep
their word ("trên"); numbers are formatted the Vietnamese way; both languages."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from govdash.domains import pages
from govdash.i18n import CATALOGUE
from govdash.present import deck, takeaways

ROOT = Path(__file__).resolve().parent.parent
META = {
    "council_sessions": ("Số kỳ họp HĐND", "Council sessions", "kỳ họp", "sessions", "count", 0),
    "council_sessions_regular": ("Kỳ họp thường lệ", "Regular sessions", "kỳ họp", "sessions", "count", 0),
    "council_sessions_thematic": ("Kỳ họp chuyên đề", "Thematic sessions", "kỳ họp", "sessions", "count", 0),
    "resolutions_passed": ("Số nghị quyết thông qua", "Resolutions passed", "nghị quyết", "resolutions", "count", 0),
    "budget_revenue": ("Tổng thu ngân sách nhà nước trên địa bàn", "State budget revenue", "tỷ đồng",
                       "billion VND", "money", 3),
    "grdp_growth": ("Tăng trưởng GRDP", "GRDP growth", "%", "%", "percent", 2),
    "interpellation_questions": ("Số câu hỏi chất vấn", "Interpellation questions", "câu hỏi", "questions", "count", 0),
}
NAMES = {k: (v[0], v[1]) for k, v in META.items()}


def fig(indicator: str, value: float, *, status: str = "reported", qualifier: str = "exact", body: str = "council",
        year: int = 2023, kind: str = "year", start: str | None = None, end: str | None = None,
        session_number: int | None = None) -> dict:
    """One figure row shaped like the `domain_figures` query."""
    name_vi, name_en, unit_vi, unit_en, unit_kind, decimals = META[indicator]
    return {"indicator": indicator, "body": body, "value": value, "status": status, "qualifier": qualifier,
            "period_kind": kind, "period_start": pd.Timestamp(start or f"{year}-01-01"),
            "period_end": pd.Timestamp(end or f"{year}-12-31"), "year": year, "unit_vi": unit_vi,
            "unit_en": unit_en, "unit_kind": unit_kind, "decimals": decimals, "indicator_name_vi": name_vi,
            "indicator_name_en": name_en, "sort_order": 1, "level": "central_city", "session_number": session_number,
            "locality_code": "31", "locality_name_vi": "Hải Phòng", "locality_name_en": "Hai Phong"}


def say(key: str, rows: list[dict], lang: str = "vi", level: str = "central_city") -> str:
    return takeaways.takeaway(key, pd.DataFrame(rows), 2023, lang, NAMES, level=level)


def test_the_issue_example_word_for_word():
    rows = [fig("council_sessions", 4), fig("resolutions_passed", 69)]
    assert say("sessions_by_kind", rows) == "Năm 2023, HĐND thành phố tổ chức 4 kỳ họp, thông qua 69 nghị quyết."
    assert say("sessions_by_kind", rows, "en") == "In 2023, the city council held 4 sessions, passed 69 resolutions."


def test_parts_come_from_the_same_body():
    rows = [fig("council_sessions", 4), fig("council_sessions_regular", 2), fig("council_sessions_thematic", 2),
            fig("council_sessions_thematic", 55, body="all_councils"), fig("resolutions_passed", 69)]
    assert say("sessions_by_kind", rows) == \
        "Năm 2023, HĐND thành phố tổ chức 4 kỳ họp (2 thường lệ, 2 chuyên đề), thông qua 69 nghị quyết."


def test_bound_keeps_its_word_and_plan_is_named_as_plan():
    rows = [fig("budget_revenue", 103600, qualifier="over", body="locality"),
            fig("budget_revenue", 116400, qualifier="over", body="locality", status="planned")]
    assert say("revenue", rows) == \
        "Năm 2023, tổng thu NSNN trên địa bàn đạt trên 103.600 tỷ đồng (kế hoạch: trên 116.400 tỷ đồng)."
    assert say("revenue", rows, "en") == ("In 2023, state budget revenue in the locality reached over 103,600 "
                                          "billion VND (plan: over 116,400 billion VND).")


def test_estimated_is_worded_as_an_estimate():
    rows = [fig("budget_revenue", 1484.75, status="estimated", body="locality")]
    assert say("revenue", rows) == "Năm 2023, tổng thu NSNN trên địa bàn ước đạt 1.484,75 tỷ đồng."
    assert "an estimated 1,484.75 billion VND" in say("revenue", rows, "en")
    about = [fig("budget_revenue", 98000, status="estimated", qualifier="about", body="locality")]
    assert "ước đạt khoảng 98.000 tỷ đồng" in say("revenue", about)


def test_a_plan_alone_is_never_worded_as_a_result():
    rows = [fig("resolutions_passed", 32, status="planned")]
    text = say("resolutions", rows)
    assert text == "Năm 2023, HĐND thành phố dự kiến thông qua 32 nghị quyết."
    assert "planned to pass 32 resolutions" in say("resolutions", rows, "en")


def test_missing_is_worded_as_missing_never_zero():
    rows = [fig("council_sessions", 4)]
    text = say("sessions_by_kind", rows)
    assert text == "Năm 2023, HĐND thành phố tổ chức 4 kỳ họp, chưa có số liệu về số nghị quyết thông qua."
    assert " 0 " not in text
    assert "no data yet on resolutions passed" in say("sessions_by_kind", rows, "en")


def test_missing_optional_clause_is_left_out():
    rows = [fig("grdp_growth", 10.34, body="locality")]
    assert say("grdp", rows) == "Năm 2023, GRDP tăng 10,34 %."


def test_derived_figure_is_marked():
    rows = [fig("interpellation_questions", 35, status="derived", body="people_committee")]
    assert say("interpellation", rows) == "Năm 2023, UBND thành phố trả lời 35 câu hỏi chất vấn (số suy ra)."


def test_part_year_frames_the_sentence_with_its_period():
    rows = [fig("budget_revenue", 16455.4, status="estimated", body="locality", kind="part_year",
                end="2023-02-28"),
            fig("budget_revenue", 66713.1, body="locality", kind="part_year", end="2023-09-30")]
    # the latest period is the news; the earlier estimate is not mixed in
    assert say("revenue_periods", rows) == "9 tháng đầu năm 2023, tổng thu NSNN trên địa bàn đạt 66.713,1 tỷ đồng."
    assert say("revenue_periods", rows, "en").startswith("First 9 months of 2023, ")


def test_sessions_are_named():
    rows = [fig("resolutions_passed", 23, kind="session", start="2023-07-17", end="2023-07-18", session_number=11),
            fig("resolutions_passed", 30, kind="session", start="2023-12-06", end="2023-12-08", session_number=13),
            fig("resolutions_passed", 32, kind="session", start="2023-12-06", end="2023-12-08", session_number=13,
                status="planned")]
    assert say("resolutions_sessions", rows) == (
        "Năm 2023, HĐND thành phố thông qua 23 nghị quyết tại Kỳ họp thứ 11 và thông qua 30 nghị quyết "
        "tại Kỳ họp thứ 13 (kế hoạch: 32 nghị quyết).")


def test_subject_follows_the_level():
    rows = [fig("resolutions_passed", 20)]
    assert say("resolutions", rows, level="province").startswith("Năm 2023, HĐND tỉnh ")
    assert say("resolutions", rows, "en", level="province").startswith("In 2023, the provincial council ")


def test_every_number_said_is_a_figure_of_the_rows():
    """No template can state a number the data does not hold: every number in the sentence is
    a formatted value of one of the rows (or the year)."""
    import re
    rows = [fig("council_sessions", 4), fig("council_sessions_regular", 2), fig("resolutions_passed", 69),
            fig("resolutions_passed", 70, status="planned")]
    text = say("sessions_by_kind", rows)
    assert set(re.findall(r"\d+(?:[.,]\d+)*", text)) <= {"2023", "4", "2", "69", "70"}


def test_has_result_reads_results_of_the_year_in_the_chart_period_family():
    rows = pd.DataFrame([fig("council_sessions", 4), fig("resolutions_passed", 70, status="planned"),
                         fig("resolutions_passed", 5, kind="session", start="2023-07-10", end="2023-07-12"),
                         fig("budget_revenue", 9, year=2022, body="locality")])
    assert takeaways.result_keys(rows) == {("council_sessions", "council", "annual"),
                                           ("resolutions_passed", "council", "sessions"),
                                           ("budget_revenue", "locality", "annual")}
    assert takeaways.has_result("sessions_by_kind", rows, 2023)
    assert not takeaways.has_result("resolutions", rows, 2023)  # a plan is not a result
    assert takeaways.has_result("resolutions_sessions", rows, 2023)
    assert not takeaways.has_result("revenue", rows, 2023) and takeaways.has_result("revenue", rows, 2022)
    assert not takeaways.has_result("all_councils", rows, 2023)  # another body
    assert not takeaways.has_result("no_such_chart", rows, 2023)


# ---------------------------------------------------------------- the catalogue and metadata

def test_every_wording_has_its_three_forms_and_templates_fit_the_data():
    indicators = {r["indicator"] for r in csv.DictReader((ROOT / "data" / "indicators.csv").open(encoding="utf-8"))}
    chart_keys = {c.key for p in pages.PAGES.values() for s in p.sections for c in s.charts}
    for key, template in takeaways.TEMPLATES.items():
        assert key in chart_keys, key
        for clause in template.clauses:
            assert clause.indicator in indicators, clause.indicator
            for form in ("", "_est", "_plan"):
                entry = CATALOGUE[f"pres_tk_{clause.wording}{form}"]
                assert "{value}" in entry["vi"] and "{value}" in entry["en"]
            for indicator, part in clause.parts:
                assert indicator in indicators and f"pres_part_{part}" in CATALOGUE
    for key in deck.RANKING:
        page, chart = key.split("/")
        assert takeaways.has_template(chart), key


# ---------------------------------------------------------------- on the fixture data

def test_fixture_slides_for_hai_phong_2023(fixture_con):
    slides = deck.slide_list("31", 2023, "vi", con=fixture_con)
    titles = {s.key: s.title for s in slides}
    assert titles["sessions/sessions_by_kind"] == "Năm 2023, HĐND thành phố tổ chức 4 kỳ họp, thông qua 69 nghị quyết."
    assert titles["budget/revenue"] == "Năm 2023, tổng thu NSNN trên địa bàn đạt trên 103.600 tỷ đồng."
    assert titles["budget/grdp"] == "Năm 2023, GRDP tăng 10,34 %."


def test_fixture_estimated_figures_are_worded_as_estimates(fixture_con):
    hai_duong_city = {s.key: s.title for s in deck.slide_list("288", 2023, "vi", con=fixture_con)}
    assert hai_duong_city["budget/revenue"] == "Năm 2023, tổng thu NSNN trên địa bàn ước đạt 1.484,75 tỷ đồng."
    hai_phong_2022 = {s.key: s.title for s in deck.slide_list("31", 2022, "vi", con=fixture_con)}
    assert hai_phong_2022["budget/revenue"] == "Năm 2022, tổng thu NSNN trên địa bàn ước đạt khoảng 98.000 tỷ đồng."


def test_fixture_year_without_a_chart_is_an_error_naming_the_years(fixture_con):
    with pytest.raises(deck.DeckError, match=r"2019.*2022, 2023, 2024, 2025"):
        deck.make_deck("31", 2019, "vi", con=fixture_con)
    with pytest.raises(deck.DeckError, match="unknown locality"):
        deck.make_deck("99", 2023, "vi", con=fixture_con)
