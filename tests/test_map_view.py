"""The map page's logic without Streamlit: view state and URL, colour scales, values of a year,
ranking with ties, missing and incomplete provinces, names at a figure's date, downloads."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from govdash import db, export
from govdash.maps import charts, geometry, view
from govdash.maps.view import View

META = {"indicator": "grdp_growth", "unit_kind": "percent", "unit_vi": "%", "unit_en": "%",
        "decimals": 2, "higher_is_better": True, "summable": False, "name_vi": "Tăng trưởng GRDP",
        "name_en": "GRDP growth"}
REVENUE = {**META, "indicator": "budget_revenue", "unit_kind": "money", "unit_vi": "tỷ đồng",
           "unit_en": "billion VND", "summable": True, "name_vi": "Tổng thu NSNN", "name_en": "Budget revenue"}


def rows(fixture_con, indicator: str, bounds: str, codes=None) -> pd.DataFrame:
    codes = codes or sorted(set(geometry.codes("63")) | set(geometry.codes("34")))
    return db.run_query("compare_figures", fixture_con, indicator=indicator, body=None, localities=codes,
                        year_from=2020, year_to=2025, bounds=bounds)


def fixture_names(fixture_con, day=dt.date(2023, 12, 31), lang="vi"):
    return view.names_at(db.run_query("map_localities", fixture_con), day, lang)


# ---------------------------------------------------------------- scales

def test_scale_kind_and_direction_come_from_metadata():
    assert view.scale_kind({"indicator": "budget_revenue_pct_of_estimate", "unit_kind": "percent"}) == "diverging_100"
    assert view.scale_kind({"indicator": "grdp_growth", "unit_kind": "percent"}) == "diverging_0"
    assert view.scale_kind({"indicator": "reception_cases_change", "unit_kind": "change"}) == "diverging_0"
    assert view.scale_kind({"indicator": "budget_revenue", "unit_kind": "money"}) == "sequential"
    assert view.direction({"higher_is_better": True}) == 1
    assert view.direction({"higher_is_better": False}) == -1
    assert view.direction({"higher_is_better": None}) == 0


def test_competition_ranking_with_ties_and_direction():
    values = pd.Series([10.0, 8.0, 8.0, 5.0])
    assert view.ranks(values, 1) == [1, 2, 2, 4]
    assert view.ranks(values, -1) == [4, 2, 2, 1]


def test_quartile_tiers_have_their_cut_points_in_the_legend_best_first():
    scale = view.make_scale([1, 2, 3, 4, 5, 6, 7, 8], REVENUE, "tiers", "vi")
    assert scale.kind == "tiers" and len(scale.colours) == 4
    assert [scale.assign(v) for v in (1, 3, 4.6, 8)] == [0, 1, 2, 3]
    legend = scale.legend(1)
    assert legend[0][1] == "Nhóm cao nhất: ≥ 6,25 tỷ đồng"
    assert legend[-1][1] == "Nhóm thấp nhất: < 2,75 tỷ đồng"
    assert legend[0][0] == view.TIERS_BLUE[-1]          # darkest = best
    low = view.make_scale([1, 2, 3, 4, 5, 6, 7, 8], {**REVENUE, "higher_is_better": False}, "tiers", "vi")
    assert low.colours[0] == view.TIERS_BLUE[-1]        # lowest values are the best: darkest
    assert low.legend(-1)[0][1].startswith("Nhóm thấp nhất")
    none = view.make_scale([1, 2, 3, 4], {**REVENUE, "higher_is_better": None}, "tiers", "en")
    assert none.colours == view.TIERS_PURPLE            # no direction: a neutral hue


def test_legend_lists_only_classes_with_values():
    scale = view.make_scale([5.0], REVENUE, "tiers", "vi")
    assert len(scale.legend(1, [5.0])) == 1


def test_even_steps_and_equal_values():
    scale = view.make_scale([0, 10, 20, 50], REVENUE, "steps", "en")
    assert scale.kind == "steps" and len(scale.colours) == 5
    assert scale.assign(0) == 0 and scale.assign(50) == 4 and scale.assign(10) == 1
    assert view.make_scale([3, 3], REVENUE, "steps", "vi").colours == (view.BLUES[-1],)
    assert view.make_scale([], REVENUE, "steps", "vi") is None


def test_diverging_around_100_for_share_of_estimate_and_0_for_growth():
    pct = {**REVENUE, "indicator": "budget_revenue_pct_of_estimate", "unit_kind": "percent", "unit_vi": "%"}
    scale = view.make_scale([90.0, 99.0, 104.0, 120.0], pct, "steps", "vi")
    assert scale.kind == "diverging"
    assert scale.colours == (*view.BELOW, *view.ABOVE)
    assert scale.assign(99.0) == 1 and scale.assign(100.0) == 2 and scale.assign(120.0) == 3
    assert scale.labels[1] == "95 – 100 %" and scale.labels[2] == "100 – 110 %"
    growth = view.make_scale([6.0, 8.0, 9.5], META, "steps", "vi")
    assert growth.colours == view.ABOVE                # all above 0: no orange class at all
    worse = view.make_scale([-2.0, 3.0], {**META, "higher_is_better": False}, "steps", "vi")
    assert worse.colours[:2] == view.ABOVE[::-1]       # lower is better: below the midpoint is blue


# ---------------------------------------------------------------- URL

def coverage_frame():
    return pd.DataFrame([
        ("grdp_growth", "locality", 2022, 3), ("grdp_growth", "locality", 2023, 30),
        ("grdp_growth", "locality", 2024, 30), ("budget_revenue", "locality", 2023, 2),
        ("grdp_growth_rank_national", "locality", 2023, 9),
    ], columns=["indicator", "body", "year", "province_count"])


INDICATORS = pd.DataFrame({"indicator": ["budget_revenue", "grdp_growth", "grdp_growth_rank_national"],
                           "sort_order": [700, 800, 801]})


def test_url_round_trip_and_defaults():
    v, notices = view.parse_query({}, coverage_frame(), INDICATORS, {"31", "30"})
    assert notices == [] and v == View("grdp_growth", "locality", 2024, "published", "tiers", ())
    wanted = View("budget_revenue", "locality", 2023, "current", "steps", ("31", "30"))
    again, notices = view.parse_query(wanted.to_query(), coverage_frame(), INDICATORS, {"31", "30"})
    assert again == wanted and notices == []


def test_bad_url_values_fall_back_with_notices():
    params = {"ind": "nope", "year": "1999", "bounds": "x", "scale": "y", "locs": "31,zz", "body": "b"}
    v, notices = view.parse_query(params, coverage_frame(), INDICATORS, {"31"})
    assert v.indicator == "grdp_growth" and v.year == 2024 and v.bounds == "published" and v.scale == "tiers"
    assert v.localities == ("31",)
    assert {n.key for n in notices} == {"map_notice_bad_indicator", "map_notice_bad_year", "map_notice_bad_bounds",
                                        "map_notice_bad_scale", "map_notice_bad_locality", "map_notice_bad_body"}


def test_published_ranks_are_not_offered_as_maps():
    assert "grdp_growth_rank_national" not in view.map_indicators(coverage_frame(), INDICATORS)


# ---------------------------------------------------------------- eras and names

def test_era_of_a_year():
    assert view.era_of(2024, "published") == "63"
    assert view.era_of(2025, "published") == "34"
    assert view.era_of(2023, "current") == "34"


def test_names_are_those_at_the_figures_date():
    con = db.open_store()
    try:
        locs = db.run_query("map_localities", con)
    finally:
        con.close()
    before = view.names_at(locs, dt.date(2023, 12, 31), "vi")
    after = view.names_at(locs, dt.date(2025, 12, 31), "vi")
    assert before["24"] == "Bắc Giang" and after["24"] == "Bắc Ninh"
    assert before["15"] == "Yên Bái" and before["46"] == "Thừa Thiên Huế" and after["46"] == "Huế"
    assert view.names_at(locs, dt.date(2023, 12, 31), "en")["24"] == "Bac Giang"


# ---------------------------------------------------------------- values of a year

def test_missing_provinces_are_never_coloured_or_ranked(fixture_con):
    v = View("grdp_growth", None, 2023)
    data = view.map_data(rows(fixture_con, "grdp_growth", "published"), v, META, fixture_names(fixture_con), "vi")
    assert data.era == "63" and data.total == 63 and data.with_figure == 2
    assert data.coverage == "2/63 tỉnh có số năm 2023"
    ranked = data.table[data.table["rank"].notna()]
    assert ranked["code"].tolist() == ["31", "30"] and ranked["rank"].tolist() == [1, 2]
    drawn = {r["code"]: r for r in view.map_rows(data, META, "vi", fixture_names(fixture_con))}
    assert len(drawn) == 63
    assert drawn["01"]["status"] == "missing" and "colour" not in drawn["01"]
    assert "chưa có số" in drawn["01"]["hover"]
    assert drawn["31"]["label"] == "10,34 %" and "Tài liệu thử A" in drawn["31"]["hover"]


def test_estimated_and_bounded_values_say_so(fixture_con):
    v = View("budget_revenue", None, 2022)
    data = view.map_data(rows(fixture_con, "budget_revenue", "published"), v, REVENUE, fixture_names(fixture_con), "vi")
    row = data.table.set_index("code").loc["31"]
    assert row["map_status"] == "estimated" and row["value"] == 98000 and row["figure_id"] == "fx-b-01"
    hover = {r["code"]: r for r in view.map_rows(data, REVENUE, "vi", {})}["31"]["hover"]
    assert "≈ 98.000 tỷ đồng" in hover and "ước tính" in hover and "ngưỡng" in hover


def test_today_boundaries_sum_only_complete_merged_units(fixture_con):
    names = fixture_names(fixture_con, dt.date.today())
    current = rows(fixture_con, "budget_revenue", "current", list(geometry.codes("34")))
    data = view.map_data(current, View("budget_revenue", None, 2023, "current"), REVENUE, names, "vi")
    table = data.table.set_index("code")
    assert data.era == "34" and data.total == 34
    assert table.loc["37", "map_status"] == "incomplete" and pd.isna(table.loc["37", "value"])
    assert pd.isna(table.loc["37", "rank"])                     # an incomplete sum is never ranked
    assert set(table.loc["37", "missing_codes"]) == {"35", "37"}
    assert table.loc["31", "missing_codes"] == ["30"]          # Hải Dương has no 2023 figure
    assert data.coverage.startswith("0/34")
    drawn = {r["code"]: r for r in view.map_rows(data, REVENUE, "vi", names)}
    assert drawn["37"]["status"] == "incomplete" and "Hà Nam" in drawn["37"]["hover"]
    y2022 = view.map_data(current, View("budget_revenue", None, 2022, "current"), REVENUE, names, "vi")
    row = y2022.table.set_index("code").loc["31"]
    assert row["value"] == 118000 and row["map_status"] == "estimated"
    assert row["status_text"] == "tổng các đơn vị sáp nhập, có số ước"


def test_published_ranks_stay_apart_from_computed_ones(fixture_con):
    published = pd.DataFrame([{"series_code": "30", "series_role": "self", "chartable": True, "value": 5.0,
                               "source_title": "Báo X"}])
    v = View("grdp_growth", None, 2023)
    data = view.map_data(rows(fixture_con, "grdp_growth", "published"), v, META, fixture_names(fixture_con), "vi",
                         published)
    table = data.table.set_index("code")
    assert table.loc["30", "rank"] == 2 and table.loc["30", "published_rank"] == 5
    frame = view.ranking_frame(data, META, "vi", 1)
    assert frame["Hạng"].tolist() == [1, 2] and frame["Hạng công bố"].tolist() == ["", "thứ 5 cả nước"]


def test_export_is_exactly_what_is_shown_and_formula_safe(fixture_con):
    v = View("grdp_growth", None, 2023)
    data = view.map_data(rows(fixture_con, "grdp_growth", "published"), v, META, fixture_names(fixture_con), "vi")
    frame = view.export_frame(data, META, v, "vi", 1)
    assert len(frame) == 63 and frame["Giá trị"].notna().sum() == 2
    assert frame.iloc[0]["Giá trị"] == 10.34 and frame.iloc[0]["Hạng"] == 1
    frame.loc[0, "Trích dẫn"] = "=HYPERLINK(\"x\")"
    assert b"'=HYPERLINK" in export.to_csv_bytes(frame)


def test_bump_ranks_per_year_among_those_with_a_figure(fixture_con):
    data = rows(fixture_con, "budget_revenue", "published")
    points, counts = view.bump_points(data, (2022, 2023), "published", ("31", "30"), {"31": "HP", "30": "HD"},
                                      REVENUE, "vi")
    assert counts == {2022: 2, 2023: 2}
    assert points[["code", "year", "rank"]].values.tolist() == [["31", 2022, 1], ["30", 2022, 2], ["31", 2023, 1]]
    fig = charts.bump_figure(points, ["HP", "HD"], [2022, 2023], charts.BumpText(lang="vi", title="x"))
    assert list(fig.layout.yaxis.range)[0] > list(fig.layout.yaxis.range)[1]   # rank 1 on top


def test_incomplete_is_drawn_apart_from_missing():
    text = charts.MapText(lang="vi", legend_missing="chưa có số", legend_incomplete="chưa đủ số")
    fig = charts.map_figure([{"code": "37", "status": "incomplete", "value": None, "hover": "x"}], "34", text)
    legend = [tr.name for tr in fig.data if tr.showlegend is not False and tr.name]
    assert "chưa đủ số" in legend and "chưa có số" in legend
    pattern = next(tr for tr in fig.data if tr.legendgroup == "37").fillpattern
    assert pattern.shape == "x"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_map_figure_json_stays_small(fixture_con, lang):
    v = View("grdp_growth", None, 2023)
    names = fixture_names(fixture_con, lang=lang)
    data = view.map_data(rows(fixture_con, "grdp_growth", "published"), v, META, names, lang)
    text = charts.MapText(lang=lang, title=view.title(META, v, lang), footer=[data.coverage],
                          scale=data.scale.legend(1))
    fig = charts.map_figure(view.map_rows(data, META, lang, names), data.era, text, names=names)
    assert len(fig.to_json()) < 400_000


@pytest.mark.parametrize("indicator,year", [("grdp_growth", 2023), ("budget_revenue", 2022), ("budget_revenue", 2023)])
def test_map_figures_draws_the_same_map_as_compare_figures(fixture_con, indicator, year):
    """The page reads published rows from the lean `map_figures`; Compare's query gives the same map."""
    meta = META if indicator == "grdp_growth" else REVENUE
    names = fixture_names(fixture_con)
    lean = db.run_query("map_figures", fixture_con, indicator=indicator, body=None, year_from=2020, year_to=2025)
    v = View(indicator, None, year)
    a = view.map_data(lean, v, meta, names, "vi").table
    b = view.map_data(rows(fixture_con, indicator, "published"), v, meta, names, "vi").table
    pd.testing.assert_frame_equal(a, b)


def test_default_bump_provinces_are_the_best_of_the_last_year_with_figures(fixture_con):
    data = rows(fixture_con, "budget_revenue", "published")
    assert view.default_bump(data, (2022, 2024), "published", REVENUE) == ("31", "36")  # 2023: 31 > 36
    assert view.default_bump(data, (2022, 2022), "published", REVENUE) == ("31", "30")
    assert view.default_bump(data, (2010, 2011), "published", REVENUE) == ()


def test_a_click_on_the_map_chooses_the_province_it_carries():
    codes = {"01", "31"}
    event = {"selection": {"points": [{"curve_number": 70, "customdata": "31", "x": 1.0, "y": 20.0}],
                           "point_indices": [5], "box": [], "lasso": []}}
    assert view.clicked_code(event, codes) == "31"
    assert view.clicked_code({"selection": {"points": [{"customdata": ["01"]}]}}, codes) == "01"
    for nothing in (None, {}, {"selection": {"points": []}}, {"selection": {"points": [{"x": 1}]}},
                    {"selection": {"points": [{"customdata": "ZZ"}]}}):
        assert view.clicked_code(nothing, codes) is None
