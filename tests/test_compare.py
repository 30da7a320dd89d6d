"""Compare page without Streamlit: the `compare_figures` query against hand-computed fixture
values (ranking ties, sums on today's boundaries and the incomplete-sum rule), the URL form of
a view, diacritic-insensitive search, downloads (CSV and Excel read back with openpyxl), the
figure builders, and the sources page's links and search."""
from io import BytesIO

import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook

from govdash import db, export, links, xlsx
from govdash.compare import charts as compare_charts
from govdash.compare import logic
from govdash.compare.logic import View
from govdash.i18n import t
from govdash.text import fold, matches


def figures(con, indicator, localities, bounds="published", body=None, years=(2020, 2025)):
    """The compare_figures rows, indexed by (series, year) for the full-year ones."""
    return db.run_query("compare_figures", con, indicator=indicator, body=body, localities=localities,
                        year_from=years[0], year_to=years[1], bounds=bounds)


def cell(df, series, year):
    rows = df[(df["series_code"] == series) & (df["year"] == year) & (df["period_kind"] == "year")
              & (df["status"] != "planned")]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.fixture(scope="module")
def meta(fixture_con):
    return db.run_query("compare_indicators", fixture_con).set_index("indicator", drop=False)


@pytest.fixture(scope="module")
def locs(fixture_con):
    return db.run_query("compare_localities", fixture_con, codes=None)


# ---------------------------------------------------------------- the query, hand-computed

def test_ranking_ties_are_competition_ranks(fixture_con):
    # 2023 resolutions (council): 30 = 100, 31 = 69, 36 = 69, 288 = 20  →  1, 2, 2, 4
    df = figures(fixture_con, "resolutions_passed", ["31", "36", "288", "30"], years=(2023, 2023))
    ranks = {r["series_code"]: int(r["rank"]) for _, r in df[df["chartable"]].iterrows()}
    assert ranks == {"30": 1, "31": 2, "36": 2, "288": 4}
    assert list(df["series_code"]) == ["31", "36", "288", "30"]  # the order the user chose


def test_published_keeps_every_figure_where_it_was_published(fixture_con):
    df = figures(fixture_con, "voter_petitions", ["31", "30"])
    assert cell(df, "31", 2024)["value"] == 100 and cell(df, "30", 2024)["value"] == 50
    assert not df["derived"].any() and df["complete"].all()


def test_today_sum_complete_when_every_predecessor_has_the_figure(fixture_con):
    df = figures(fixture_con, "voter_petitions", ["31"], bounds="current")
    c = cell(df, "31", 2024)  # 100 (31) + 50 (30)
    assert c["value"] == 150 and c["derived"] and c["complete"] and c["status"] == "derived"
    assert list(c["component_ids"]) == ["fx-a-07", "fx-a-08"]
    assert list(c["component_codes"]) == ["31", "30"] and list(c["component_values"]) == [100, 50]
    assert c["chartable"] and c["series_role"] == "merged"


def test_today_sum_incomplete_is_marked_not_partial(fixture_con):
    df = figures(fixture_con, "voter_petitions", ["31"], bounds="current")
    c = cell(df, "31", 2023)  # only 31 has 2023 (150): no partial sum
    assert pd.isna(c["value"]) and not c["complete"] and not c["chartable"]
    assert list(c["missing_codes"]) == ["30"] and list(c["component_values"]) == [150]
    assert logic.is_gap(df).sum() == 1


def test_today_sum_uses_preferred_figures_and_combines_qualifiers(fixture_con):
    df = figures(fixture_con, "budget_revenue", ["31"], bounds="current")
    c = cell(df, "31", 2022)  # ≈ 98.000 (preferred, est.) + ≈ 20.000 (est.); 97.500,5 not preferred
    assert c["value"] == 118000 and c["qualifier"] == "about" and c["includes_estimate"]
    assert list(c["component_ids"]) == ["fx-b-01", "fx-a-c06"]
    # 2023: 31 has > 103.600 but Hải Dương province has none; TP Hải Dương (288) is part of it,
    # never a component of its own
    c23 = cell(df, "31", 2023)
    assert not c23["complete"] and list(c23["missing_codes"]) == ["30"]
    # after the merger the successor's figure is as published, not a sum
    c25 = cell(df, "31", 2025)
    assert c25["value"] == 120000 and not c25["derived"] and c25["figure_id"] == "fx-a-c07"


def test_today_three_way_merger_lists_every_missing_unit(fixture_con):
    df = figures(fixture_con, "budget_revenue", ["37"], bounds="current")
    c = cell(df, "37", 2023)  # Nam Định 7.000; Ninh Bình and Hà Nam have nothing
    assert not c["complete"] and sorted(c["missing_codes"]) == ["35", "37"]
    assert df["chartable"].sum() == 0


def test_today_non_summable_stays_per_predecessor(fixture_con):
    df = figures(fixture_con, "grdp_growth", ["31"], bounds="current")
    assert not df["derived"].any()
    assert cell(df, "31", 2023)["value"] == 10.34 and cell(df, "30", 2023)["value"] == 8.5
    assert cell(df, "30", 2023)["series_role"] == "predecessor" and cell(df, "30", 2023)["parent_code"] == "31"


def test_today_ranking_among_successors(fixture_con):
    df = figures(fixture_con, "voter_petitions", ["31", "30"], bounds="current", years=(2024, 2024))
    # 30 is not a unit today, but asked for explicitly it is still its own series (as published)
    ranks = {r["series_code"]: int(r["rank"]) for _, r in df[df["chartable"]].iterrows()}
    assert ranks == {"31": 1, "30": 2}


def test_filters_and_bound_values(fixture_con):
    assert figures(fixture_con, "voter_petitions", ["31"], body="locality").empty
    assert figures(fixture_con, "voter_petitions", ["31"], years=(2020, 2023))["year"].max() == 2023
    assert figures(fixture_con, "voter_petitions", ["31' or '1'='1"]).empty
    assert figures(fixture_con, "voter_petitions", []).empty
    other = figures(fixture_con, "budget_revenue", ["31"])
    assert set(other["status"]) >= {"reported", "estimated"} and (~other["preferred"]).sum() == 1


def test_localities_know_their_successor_and_predecessors(locs):
    rows = locs.set_index("code")
    assert rows.loc["30", "successor_code"] == "31" and rows.loc["36", "successor_code"] == "37"
    assert list(rows.loc["31", "predecessor_names_vi"]) == ["Hải Dương"]
    assert list(rows.loc["37", "predecessor_codes"]) == ["35", "36"]
    assert not rows.loc["30", "is_current"] and rows.loc["37", "is_current"]


def test_real_data_hai_phong_on_today_boundaries():
    """Hải Phòng's 2023 revenue on today's boundaries: 103.619 (city; preferred to the bound
    "trên 103.600" it agrees with) + 20.319 (Hải Dương province, estimated) = 123.938; TP Hải
    Dương (level abolished, inside the province) and the non-preferred bound are not added."""
    con = db.open_store()
    try:
        df = figures(con, "budget_revenue", ["31"], bounds="current", years=(2021, 2024))
        lineage = con.execute("select kind from locality_lineage where from_code = '288'").fetchall()
    finally:
        con.close()
    assert lineage == [("level_abolished",)]
    c = cell(df, "31", 2023)
    assert c["value"] == 123938 and c["includes_estimate"]
    assert list(c["component_codes"]) == ["31", "30"] and list(c["component_values"]) == [103619, 20319]
    assert not cell(df, "31", 2021)["complete"]  # Hải Dương has no 2021 revenue in the data


# ---------------------------------------------------------------- URL state

def test_view_round_trips_through_the_url(meta, locs):
    view = View("voter_petitions", "council", ("31", "37"), "bars", "current", 2024)
    parsed, notices = logic.parse_query(view.to_query(), meta, locs, "31", (2020, 2025))
    assert parsed == view and notices == []
    lines = View("grdp_growth", "locality", ("31",), "lines")
    assert "year" not in lines.to_query()
    assert logic.parse_query(lines.to_query(), meta, locs, "31", (2020, 2025))[0] == lines


def test_bad_url_values_are_dropped_with_notices(meta, locs):
    params = {"ind": "nope", "body": "x", "locs": "31,ZZ,31", "view": "pie", "bounds": "mars",
              "year": "20x4"}
    view, notices = logic.parse_query(params, meta, locs, "31", (2020, 2025))
    keys = [n.key for n in notices]
    assert keys == ["cmp_notice_bad_indicator", "cmp_notice_bad_body", "cmp_notice_bad_bounds", "cmp_notice_bad_locality",
                    "cmp_notice_bad_view", "cmp_notice_bad_year"]
    assert view.indicator == logic.default_indicator(meta) and view.localities == ("31",)
    assert (view.view, view.bounds, view.year) == ("lines", "published", None)
    text = logic.notice_text(notices[0], "vi", locs, meta)
    assert "«nope»" in text


def test_former_locality_on_today_boundaries_becomes_its_successor(meta, locs):
    view, notices = logic.parse_query({"locs": "30,288,31", "bounds": "current"}, meta, locs, "31", (2020, 2025))
    assert view.localities == ("31",)
    # the fixture's lineage has no row for TP Hải Dương (288): left out, with its own notice
    assert [n.key for n in notices] == ["cmp_notice_mapped_locality", "cmp_notice_not_current"]
    assert logic.notice_text(notices[0], "vi", locs, meta) == (
        "Hải Dương không còn là đơn vị riêng theo địa giới hiện nay; đang hiển thị Hải Phòng.")
    assert logic.to_bounds(["31", "37"], locs, "published") == (["31", "37"], [])


def test_empty_or_too_many_localities(meta, locs):
    assert logic.parse_query({"locs": ""}, meta, locs, "31", (2020, 2025))[0].localities == ("31",)
    many = ",".join(locs["code"])
    view, notices = logic.parse_query({"locs": many}, meta, locs, "31", (2020, 2025))
    assert len(view.localities) == min(len(locs), logic.MAX_LOCALITIES)


def test_url_parsed_with_only_the_localities_it_names(meta, fixture_con):
    """The page reads the address with the rows of its codes only (a national list is ~15,000);
    the last resort, when nothing named can be shown, is the first locality offered."""
    few = db.run_query("compare_localities", fixture_con, codes=["30", "288", "31"])
    view, notices = logic.parse_query({"locs": "30,ZZ", "bounds": "current"}, meta, few, "31", (2020, 2025))
    assert view.localities == ("31",) and [n.key for n in notices] == ["cmp_notice_bad_locality",
                                                                      "cmp_notice_mapped_locality"]
    first = {"current": "37", "published": "01"}
    view, _ = logic.parse_query({"bounds": "current"}, meta, few, "288", (2020, 2025), first_allowed=first)
    assert view.localities == ("37",)  # 288 has no successor in the fixture's lineage
    assert logic.query_codes(["31, 30,", ""]) == ["31", "30"] and logic.query_codes(None) == []


def test_share_query_carries_the_shared_selection():
    view = View("grdp_growth", "locality", ("31", "30"), "table", "published")
    query = logic.share_query(view, {"loc": "31", "from": "2021", "to": "2024", "lang": "en"})
    assert query == ("loc=31&from=2021&to=2024&lang=en&ind=grdp_growth&locs=31%2C30&view=table"
                     "&bounds=published&body=locality")


# ---------------------------------------------------------------- search without diacritics

@pytest.mark.parametrize("query,text,ok", [
    ("ha noi", "Hà Nội", True), ("HA NOI", "Hà Nội", True), ("Hà Nội", "ha noi", True),
    ("dinh", "Nam Định", True), ("thu ngan sach", "Tổng thu ngân sách nhà nước", True),
    ("hai duong", "Hải Phòng", False),
])
def test_matches_ignores_diacritics(query, text, ok):
    assert matches(query, text) is ok


def test_fold():
    assert fold("  Đắk  Lắk ") == "dak lak" and fold("Thành phố Hải Dương") == "thanh pho hai duong"


def test_indicator_search_finds_names_without_diacritics(meta):
    assert logic.indicator_options(meta, None, "tong thu") == ["budget_revenue"]
    assert logic.indicator_options(meta, None, "kien nghi") == ["voter_petitions"]
    assert logic.indicator_options(meta, None, "revenue") == ["budget_revenue"]
    assert logic.indicator_options(meta, "economy", None) == ["grdp_growth"]


def test_merged_localities_are_findable_by_either_name(locs):
    rows = locs.set_index("code", drop=False)
    today = logic.locality_option_label(rows.loc["31"], "vi", "current")
    assert today.startswith("Hải Phòng (gồm Hải Dương)")
    assert matches("hai duong", today) and matches("Hải Dương", today)
    published = logic.locality_option_label(rows.loc["30"], "vi", "published")
    assert published.startswith("Hải Dương (nay thuộc Hải Phòng)") and matches("hai phong", published)
    assert logic.locality_option_label(rows.loc["31"], "en", "current").startswith("Hai Phong (incl. Hai Duong)")
    assert set(logic.allowed_localities(locs, "current")) == {"01", "31", "37"}


def test_localities_by_code_bring_their_relatives(fixture_con):
    codes = lambda c: sorted(db.run_query("compare_localities", fixture_con, codes=c)["code"])  # noqa: E731
    assert codes(["31"]) == ["30", "31"] and codes(["30"]) == ["30", "31"]
    assert codes(["37"]) == ["35", "36", "37"] and codes([]) == []
    rows = db.run_query("compare_localities", fixture_con, codes=None).set_index("code")
    assert len(rows) == 7 and list(rows.index[:3]) == ["31", "01", "30"]  # level, data, name
    assert (rows.loc["288", "area_code"], rows.loc["288", "current_area_code"]) == ("30", "31")
    assert rows.loc["37", "area_code"] == rows.loc["37", "current_area_code"] == "37"


def test_picker_offers_an_area_at_a_time(fixture_con):
    def offered(bounds, area=None, top_only=False):
        return list(db.run_query("compare_locality_options", fixture_con, bounds=bounds, area=area,
                                 top_only=top_only)["code"])
    assert offered("published") == ["31", "01", "30", "36", "35", "37", "288"]
    assert offered("current") == ["31", "01", "37"]
    assert offered("published", top_only=True) == ["31", "01", "30", "36", "35", "37"]
    assert offered("published", area="30") == ["30", "288"] and offered("current", area="31") == ["31"]
    areas = db.run_query("compare_areas", fixture_con, bounds="published").set_index("code")["locality_count"]
    assert areas["30"] == 2 and areas.sum() == 7
    assert db.run_query("compare_areas", fixture_con, bounds="current")["locality_count"].sum() == 3


def test_picker_keeps_the_choice_outside_the_area(fixture_con):
    top = db.run_query("compare_locality_options", fixture_con, bounds="published", area=None, top_only=True)
    chosen = db.run_query("compare_localities", fixture_con, codes=["31", "288"])
    options, labels = logic.locality_options(top, chosen, ("31", "288"), "published", "vi")
    assert options == ["31", "01", "30", "36", "35", "37", "288"]
    assert labels["288"].startswith("Thành phố Hải Dương")
    assert labels["30"].startswith("Hải Dương (nay thuộc Hải Phòng)")
    assert logic.default_area(chosen, ("31", "288"), "published") == "30"
    assert logic.default_area(chosen, ("288",), "current") == "31"
    assert logic.default_area(chosen, ("31",), "published") is None


def test_coverage_shows_the_chosen_and_the_best_covered(fixture_con):
    def cov(chosen, limit):
        df = db.run_query("compare_coverage", fixture_con, domain="budget", localities=chosen, limit=limit)
        return list(dict.fromkeys(df["locality_code"])), int(df["locality_total"].iloc[0])
    assert cov([], 20) == (["31", "30", "36", "288"], 4)  # every one, in display order
    assert cov([], 2) == (["31", "30"], 4)  # most figures first, ties in display order
    assert cov(["288"], 1) == (["288"], 4) and cov(["288"], 2) == (["31", "288"], 4)
    assert cov(["37"], 1) == (["31"], 4)  # a chosen locality without figures has no row


# ---------------------------------------------------------------- downloads

@pytest.fixture(scope="module")
def today_rows(fixture_con):
    return figures(fixture_con, "budget_revenue", ["31", "37"], bounds="current")


def test_export_frame_keeps_numbers_and_says_what_each_row_is(today_rows, meta, locs):
    m = meta.loc["budget_revenue"]
    labels = logic.series_labels(today_rows, ("31", "37"), locs, "vi")
    df = logic.export_frame(today_rows, m, "vi", labels, locs, {"fx-a": "Tài liệu thử A", "fx-b": "Trang thử B"})
    value, status = t("value_label", "vi"), t("status_label", "vi")
    sums = df[df[t("cmp_col_locality", "vi")] == "Hải Phòng (địa giới hiện nay)"]
    row22 = sums[sums[t("cmp_col_year", "vi")] == 2022].iloc[0]
    assert row22[value] == 118000 and row22[t("cmp_col_qualifier", "vi")] == "khoảng"
    assert row22[status] == "suy ra (tổng, có số ước tính)"
    assert row22[t("cmp_col_components", "vi")] == "Hải Phòng ≈ 98.000 (fx-b-01) + Hải Dương ≈ 20.000 (fx-a-c06)"
    assert row22[t("source_label", "vi")] == "Trang thử B; Tài liệu thử A"
    row23 = sums[sums[t("cmp_col_year", "vi")] == 2023].iloc[0]
    assert pd.isna(row23[value]) and row23[status] == "chưa đủ số liệu"
    assert "thiếu Hải Dương" in row23[t("cmp_col_note", "vi")]
    csv = export.to_csv_bytes(df).decode("utf-8-sig")
    assert "118000," in csv and "118000.0" not in csv and "\n" in csv


def test_excel_numbers_stay_numbers_and_formula_text_stays_text(today_rows, meta, locs):
    m = meta.loc["budget_revenue"]
    labels = logic.series_labels(today_rows, ("31", "37"), locs, "vi")
    data = logic.export_frame(today_rows, m, "vi", labels, locs, {})
    data.loc[0, t("quote_label", "vi")] = '=HYPERLINK("http://x","y")'
    data.loc[1, t("quote_label", "vi")] = "-6 vụ việc"
    sources = pd.DataFrame([{"source_id": "fx-a", "title": "@Tài liệu", "publisher": "+P", "published": "2024",
                             "reliability": "high", "url": ""},
                            {"source_id": "fx-b", "title": "Trang thử B", "publisher": "Test site",
                             "published": None, "reliability": "low", "url": "https://example.invalid/b"}])
    srcs = logic.sources_frame(today_rows, m, "vi", labels, locs, sources)
    book = load_workbook(BytesIO(xlsx.to_xlsx_bytes([("Số liệu", data), ("Nguồn và trích dẫn", srcs)],
                                                     {t("value_label", "vi"): xlsx.number_format([97500.5, 118000])})))
    sheet = book["Số liệu"]
    header = [c.value for c in sheet[1]]
    col = {name: i for i, name in enumerate(header)}
    rows = list(sheet.iter_rows(min_row=2))
    values = [r[col[t("value_label", "vi")]] for r in rows]
    assert any(c.value == 118000 and c.data_type == "n" for c in values)
    assert all(c.value is None or isinstance(c.value, (int, float)) for c in values)
    years = [r[col[t("cmp_col_year", "vi")]].value for r in rows]
    assert all(isinstance(y, int) for y in years)
    quote0 = rows[0][col[t("quote_label", "vi")]]
    assert quote0.value == '=HYPERLINK("http://x","y")' and quote0.data_type == "s"
    assert rows[1][col[t("quote_label", "vi")]].data_type == "s"
    # the sources sheet: each component of a sum with its own quote, numbers as numbers
    ssheet = book["Nguồn và trích dẫn"]
    sheader = [c.value for c in ssheet[1]]
    srows = [[c.value for c in r] for r in ssheet.iter_rows(min_row=2)]
    ids = [r[sheader.index(t("cmp_col_figure_id", "vi"))] for r in srows]
    assert {"fx-b-01", "fx-a-c06", "fx-a-10", "fx-a-c07", "fx-a-c03"} <= set(ids)
    by_id = {r[sheader.index(t("cmp_col_figure_id", "vi"))]: r for r in srows}
    assert by_id["fx-a-c06"][sheader.index(t("quote_label", "vi"))] == "ước khoảng 20.000 tỷ đồng"
    assert by_id["fx-a-c06"][sheader.index(t("value_label", "vi"))] == 20000
    title_cell = ssheet.cell(row=2 + ids.index("fx-a-c06"), column=sheader.index(t("source_label", "vi")) + 1)
    assert title_cell.value == "@Tài liệu" and title_cell.data_type == "s"


def test_view_rows_are_exactly_what_each_view_shows(today_rows):
    bars = logic.view_rows(today_rows, View("budget_revenue", "locality", ("31", "37"), "bars", "current", 2022))
    assert set(bars["year"]) == {2022} and bars["chartable"].all()
    lines = logic.view_rows(today_rows, View("budget_revenue", "locality", ("31", "37"), "lines", "current"))
    assert set(zip(lines["series_code"], lines["year"])) == {("31", 2022), ("31", 2023), ("31", 2025), ("37", 2023)}
    table = logic.view_rows(today_rows, View("budget_revenue", "locality", ("31", "37"), "table", "current"))
    assert len(table) == len(today_rows)
    assert logic.bar_year(today_rows, None, (2020, 2025)) == 2025
    assert logic.bar_year(today_rows, 2022, (2020, 2025)) == 2022


# ---------------------------------------------------------------- figure builders

@pytest.fixture(scope="module")
def chart_inputs(today_rows, meta, locs):
    m = meta.loc["budget_revenue"]
    labels = logic.series_labels(today_rows, ("31", "37"), locs, "vi")
    shown = logic.view_rows(today_rows, View("budget_revenue", "locality", ("31", "37"), "lines", "current"))
    points = logic.chart_points(shown, m, "vi", labels, locs, {"fx-a": "Tài liệu thử A", "fx-b": "Trang thử B"})
    gaps = logic.chart_gaps(shown, "vi", labels, locs)
    text = compare_charts.ChartText(lang="vi", title="T", y_title="tỷ đồng", x_title="Năm",
                                    footer=[logic.source_line(shown, {"fx-a": "Tài liệu thử A", "fx-b": "Trang thử B"}, "vi")],
                                    legend_estimated="Ước tính", legend_derived="Tổng", gap="chưa đủ",
                                    no_data="không có số liệu", break_year=2025, break_label="1/7/2025")
    return points, gaps, labels, text


def test_chart_points_and_gaps(chart_inputs):
    points, gaps, series, _ = chart_inputs
    p22 = points[points["year"] == 2022].iloc[0]
    assert p22["label"] == "≈ 118.000" and p22["estimated"] and p22["derived"]
    assert "Trang thử B; Tài liệu thử A" in p22["hover"]
    assert set(zip(gaps["series"], gaps["year"])) == {("Hải Phòng (địa giới hiện nay)", 2023),
                                                      ("Ninh Bình (địa giới hiện nay)", 2023)}
    assert logic.missing_years(points, gaps, series, (2022, 2025)) == {
        "Hải Phòng (địa giới hiện nay)": [2024], "Ninh Bình (địa giới hiện nay)": [2022, 2024, 2025]}


def test_lines_figure_gaps_break_and_source_line(chart_inputs):
    points, gaps, series, text = chart_inputs
    fig = compare_charts.lines_figure(points, gaps, series, (2021, 2025), text)
    assert isinstance(fig, go.Figure)
    hp = [tr for tr in fig.data if tr.name == series["31"]][0]
    assert list(hp.x) == [2021, 2022, 2023, 2024, 2025]
    assert list(hp.y) == [None, 118000, None, None, 120000]  # gaps stay gaps, never 0
    assert hp.marker.symbol[1] == "diamond-open"
    assert [s.x0 for s in fig.layout.shapes] == [2024.5]
    notes = [a.text for a in fig.layout.annotations]
    assert any(n.startswith("Nguồn: Tài liệu thử A") or "Nguồn:" in n for n in notes)
    assert any("chưa đủ" in n for n in notes)
    assert {tr.name for tr in fig.data} >= {"Ước tính", "Tổng"} or {tr.name for tr in fig.data} >= {"Tổng"}


def test_bars_figure_ranks_ties_and_lists_missing(fixture_con, meta, locs):
    rows = figures(fixture_con, "resolutions_passed", ["31", "36", "288", "30", "37"], years=(2023, 2023))
    labels = logic.series_labels(rows, ("31", "36", "288", "30", "37"), locs, "vi")
    points = logic.chart_points(rows[rows["chartable"]], meta.loc["resolutions_passed"], "vi", labels, locs, {})
    fig = compare_charts.bars_figure(points, logic.chart_gaps(rows, "vi", labels, locs), ["Ninh Bình"],
                                     labels, compare_charts.ChartText(lang="vi", title="T", no_data="không có số liệu"))
    assert list(fig.data[0].y) == ["1 · Hải Dương", "2 · Hải Phòng", "2 · Nam Định", "4 · Thành phố Hải Dương"]
    assert list(fig.data[0].x) == [100, 69, 69, 20]
    assert list(fig.data[1].y) == ["– · Ninh Bình"] and list(fig.data[1].x) == [None]
    assert any(a.text == "không có số liệu" for a in fig.layout.annotations)


def test_multiples_and_coverage_figures(chart_inputs, fixture_con, locs):
    points, gaps, series, text = chart_inputs
    fig = compare_charts.multiples_figure(points, gaps, series, (2021, 2025), text)
    assert len(fig.data) >= 1 and fig.layout.yaxis.range == fig.layout.yaxis2.range
    cov = db.run_query("coverage", fixture_con, domain="budget")
    cells = logic.coverage_cells(cov, locs, "vi")
    hp22 = cells[(cells["locality_code"] == "31") & (cells["year"] == 2022)].iloc[0]
    assert hp22["total"] == 2 and hp22["category"] == 2 and hp22["text"] == "2 ước"
    assert cells[(cells["locality_code"] == "31") & (cells["year"] == 2025)].iloc[0]["category"] == 3
    rows = list(dict.fromkeys(cells["row"]))
    heat = compare_charts.coverage_figure(cells, rows, [2022, 2023, 2025], {1: "kh", 2: "ước", 3: "chính thức"},
                                          compare_charts.ChartText(lang="vi", title="T"))
    assert heat.data[0].type == "heatmap" and len(heat.data[0].z) == len(rows)


def test_image_config_sets_toolbar_format():
    assert compare_charts.image_config("svg", "x", 500)["toImageButtonOptions"]["format"] == "svg"
    assert compare_charts.image_config("png", "x", 500)["toImageButtonOptions"]["scale"] == 2


def test_year_span():
    assert logic.year_span([2021, 2022, 2023, 2025]) == "2021–2023, 2025"


# ---------------------------------------------------------------- sources page

def test_source_link_scheme():
    assert links.source_link("hp-x") == "sources?src=hp-x"
    assert links.source_link("hp x", "hp x-01", "en") == "sources?src=hp+x&fig=hp+x-01&lang=en"
    # link parsing and search: tests/test_sources.py


def test_excel_format_never_rounds_a_figure():
    assert xlsx.number_format([333000, 12, None]) == "#,##0"
    assert xlsx.number_format([81.5, 12]) == "General"  # `#,##0` would print 82
