"""Figure builders of the domain pages (govdash.charts) and the page assembly (govdash.domains):
trace counts, values, estimated/derived styling, planned figures never drawn as results, gaps
for missing years, tiers on separate panels, separators, source lines; and, on the real data,
that every curated figure of the four pages' domains is shown somewhere."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from govdash import db, fmt
from govdash.domains import build, charts, pages

ROOT = Path(__file__).resolve().parent.parent

LOCS = {
    "31": ("Hải Phòng", "Hai Phong", "central_city"),
    "36": ("Nam Định", "Nam Dinh", "province"),
    "288": ("Thành phố Hải Dương", "Hai Duong City", "provincial_city"),
}
INDS = {
    "budget_revenue": ("Tổng thu NSNN", "State budget revenue", "tỷ đồng", "billion VND", "money", 3, 700),
    "grdp_growth": ("Tăng trưởng GRDP", "GRDP growth", "%", "%", "percent", 2, 800),
    "council_sessions": ("Số kỳ họp HĐND", "Council sessions", "kỳ họp", "sessions", "count", 0, 100),
    "resolutions_passed": ("Số nghị quyết", "Resolutions passed", "nghị quyết", "resolutions", "count", 0, 200),
    "voter_petitions_resolved_pct": ("Đã giải quyết xong", "Resolved", "%", "%", "percent", 0, 501),
    "voter_petitions_partly_resolved_pct": ("Giải quyết một phần", "Partly resolved", "%", "%", "percent", 0, 502),
    "voter_petitions_pending_pct": ("Đang giải quyết", "Pending", "%", "%", "percent", 0, 503),
}


def fig_row(fid, loc, indicator, value, year=2023, status="reported", qualifier="exact", kind="year",
            start=None, end=None, body="council", session_number=None):
    """One figure row shaped like the `domain_figures` query."""
    name_vi, name_en, level = LOCS[loc]
    ind = INDS[indicator]
    start = start or f"{year}-01-01"
    end = end or f"{year}-12-31"
    return {
        "figure_id": fid, "locality_code": loc, "locality_name_vi": name_vi, "locality_name_en": name_en,
        "level": level, "body": body, "indicator": indicator, "indicator_name_vi": ind[0],
        "indicator_name_en": ind[1], "name_vi": ind[0], "name_en": ind[1], "unit_vi": ind[2],
        "unit_en": ind[3], "unit_kind": ind[4], "decimals": ind[5], "sort_order": ind[6],
        "higher_is_better": "true" if indicator.endswith("resolved_pct") and "partly" not in indicator else "",
        "headline": False, "period_start": pd.Timestamp(start), "period_end": pd.Timestamp(end),
        "period_kind": kind, "year": pd.Timestamp(end).year, "value": float(value), "qualifier": qualifier,
        "status": status, "preferred": True, "flag": float("nan"), "source_id": fid.split("#")[0],
        "source_title": f"Báo cáo {fid}", "source_publisher": "UBND thử", "quote": f"trích {value}",
        "session_number": session_number, "previous_value": float("nan"),
    }


def frame(*rows):
    return pd.DataFrame(list(rows))


def traces(fig, role):
    return [t for t in fig.data if isinstance(t.meta, dict) and t.meta.get("role") == role]


def series_entries(fig):
    """The traces that carry a series' legend entry (the status keys left out)."""
    return [t for t in fig.data if t.showlegend and t.meta.get("role") != "key"]


def all_text(fig) -> str:
    return json.dumps(json.loads(fig.to_json()), ensure_ascii=False)


REVENUE = frame(
    fig_row("a#1", "31", "budget_revenue", 90400, year=2021, qualifier="over"),
    fig_row("a#2", "31", "budget_revenue", 107132.6, year=2022, status="estimated"),
    fig_row("a#3", "31", "budget_revenue", 103600, year=2023, qualifier="over"),
    fig_row("a#4", "31", "budget_revenue", 116400, year=2023, status="planned", qualifier="over"),
    fig_row("a#5", "31", "budget_revenue", 106761, year=2024, status="planned", qualifier="over"),
)


def test_years_chart_traces_values_and_styles():
    fig = charts.years_chart(REVENUE, "vi", "Thu", [2020, 2021, 2022, 2023, 2024, 2025])
    results, plans, keys = traces(fig, "result"), traces(fig, "plan"), traces(fig, "key")
    assert len(results) == 1 and len(plans) == 1 and series_entries(fig) == [results[0]]
    assert {k.meta["status"] for k in keys} == {"estimated", "planned"}
    result = results[0]
    assert list(result.x) == ["2021", "2022", "2023"]
    assert list(result.y) == [90400, 107132.6, 103600]
    # estimated: lighter fill and hatched; reported: full colour, no pattern
    assert list(result.marker.pattern.shape) == ["", "/", ""]
    assert result.marker.color[1].startswith("rgba(") and not result.marker.color[0].startswith("rgba(")
    assert list(result.text) == ["> 90.400", "107.132,6 (ước)", "> 103.600"]


def test_planned_figures_are_hollow_and_never_results():
    fig = charts.years_chart(REVENUE, "vi", "Thu", [2021, 2022, 2023, 2024])
    plan = traces(fig, "plan")[0]
    assert plan.marker.color == "rgba(255,255,255,0)"
    assert list(plan.y) == [116400, 106761] and list(plan.x) == ["2023", "2024"]
    assert all(t.startswith("KH ") for t in plan.text)
    result_ids = {i for t in traces(fig, "result") for i in t.meta["figure_ids"]}
    assert not result_ids & {"a#4", "a#5"}
    # a result and a plan in one year sit side by side, not on top of each other
    r_off = dict(zip(traces(fig, "result")[0].x, traces(fig, "result")[0].offset))
    p_off = dict(zip(plan.x, plan.offset))
    assert r_off["2023"] != p_off["2023"]


def test_missing_years_are_gaps_with_a_note_never_zero():
    fig = charts.years_chart(REVENUE, "vi", "Thu", [2020, 2021, 2022, 2023, 2024, 2025])
    values = [v for t in traces(fig, "result") + traces(fig, "plan") for v in t.y]
    assert 0 not in values and len(values) == 5
    marks = [a for a in fig.layout.annotations if a.text == "chưa có số<br>cả năm"]
    assert sorted(a.x for a in marks) == [0, 5]  # 2020 and 2025 have nothing at all
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "chỉ có số kế hoạch" in notes and "2024" in notes


def test_gap_note_names_the_series_missing_a_year():
    rows = frame(fig_row("g#1", "31", "grdp_growth", 12.38, year=2021),
                 fig_row("g#2", "31", "grdp_growth", 10.34, year=2023),
                 fig_row("g#3", "36", "grdp_growth", 7.7, year=2021),
                 fig_row("g#4", "36", "grdp_growth", 9.07, year=2022, status="estimated"))
    fig = charts.years_chart(rows, "vi", "GRDP", [2021, 2022, 2023])
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "Hải Phòng — 2022" in notes and "Nam Định — 2023" in notes
    assert [t.meta["series"] for t in series_entries(fig)] == ["Hải Phòng", "Nam Định"]
    assert list(traces(fig, "result")[0].text) == ["12,38 %", "10,34 %"]


@pytest.mark.parametrize("lang,separators,text", [("vi", ",.", "> 103.600"), ("en", ".,", "> 103,600")])
def test_separators_and_qualifier_marks(lang, separators, text):
    fig = charts.years_chart(REVENUE, lang, "Revenue", [2021, 2022, 2023, 2024])
    assert fig.layout.separators == separators
    assert text in list(traces(fig, "result")[0].text)
    assert fig.layout.yaxis.tickformat == ",~f"


def test_source_line_inside_figure_and_hover_names_document():
    fig = charts.years_chart(REVENUE, "vi", "Thu", [2021, 2022, 2023, 2024])
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "Nguồn: UBND thử" in notes
    hover = traces(fig, "result")[0].hovertext[0]
    assert "Báo cáo a#1" in hover and "&gt; 90.400 tỷ đồng" in hover
    en = charts.years_chart(REVENUE, "en", "Revenue", [2021, 2022, 2023, 2024])
    assert "Source: UBND thử" in next(a.text for a in en.layout.annotations if a.name == "notes")


def test_annual_axis_refuses_other_periods_and_periods_chart_refuses_years():
    part_year = fig_row("p#1", "31", "budget_revenue", 66713.1, kind="part_year", start="2023-01-01",
                        end="2023-09-30")
    with pytest.raises(ValueError):
        charts.years_chart(frame(part_year, REVENUE.iloc[0].to_dict()), "vi", "x", [2021, 2023])
    with pytest.raises(ValueError):
        charts.periods_chart(REVENUE, "vi", "x")
    fig = charts.periods_chart(frame(part_year), "vi", "x")
    assert list(traces(fig, "result")[0].x) == ["9 tháng đầu<br>năm 2023"]
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "không so sánh trực tiếp với số cả năm" in notes


def test_term_to_date_label():
    row = fig_row("t#1", "36", "council_sessions", 16, kind="term_to_date", start="2021-01-01", end="2024-03-22")
    assert charts.period_label(pd.Series(row), "vi") == "lũy kế nhiệm kỳ đến 22/3/2024"
    assert charts.period_label(pd.Series(row), "en") == "term to 22 Mar 2024"


def test_localities_of_different_levels_get_separate_panels_never_summed():
    rows = frame(fig_row("r#1", "31", "budget_revenue", 103600, qualifier="over"),
                 fig_row("r#2", "288", "budget_revenue", 1484.75, status="estimated"))
    fig = charts.years_chart(rows, "vi", "Thu", [2023])
    assert fig.layout.yaxis2.domain is not None  # second panel
    titles = [a.text for a in fig.layout.annotations]
    assert any(tt.startswith("Cấp tỉnh") for tt in titles) and any(tt.startswith("Cấp huyện") for tt in titles)
    values = sorted(v for t in traces(fig, "result") for v in t.y)
    assert values == [1484.75, 103600]  # each drawn on its own, nothing added up
    assert {t.yaxis for t in traces(fig, "result")} == {"y", "y2"}


def test_derived_figures_dotted():
    rows = frame(fig_row("d#1", "31", "resolutions_passed", 35, status="derived"))
    fig = charts.breakdown_chart(rows, "vi", "x")
    result = traces(fig, "result")[0]
    assert result.orientation == "h" and list(result.marker.pattern.shape) == ["."]
    assert result.text[0] == "35 (suy ra)"
    assert {k.meta["status"] for k in traces(fig, "key")} == {"derived"}


def test_breakdown_mixed_units_label_units_and_reference_line():
    rows = frame(fig_row("m#1", "31", "council_sessions", 55, body="all_councils"),
                 fig_row("m#2", "31", "resolutions_passed", 826, body="all_councils"))
    fig = charts.breakdown_chart(rows, "vi", "x", order=["council_sessions", "resolutions_passed"], reference=100)
    texts = [t for tr in traces(fig, "result") for t in tr.text]
    assert texts == ["55 kỳ họp", "826 nghị quyết"]
    assert any(s.type == "line" and s.x0 == 100 for s in fig.layout.shapes)


def test_breakdown_of_many_localities_and_years_draws_each_latest_period_and_says_so():
    """Three localities over four years are 12 series of side-by-side bars (above the limit):
    each locality's latest year with a result is drawn (a later plan-only year does not count),
    with a note; ten series or fewer are drawn as they are."""
    rows = [fig_row(f"b#{loc}{y}{i}", loc, ind, 10 + y - 2020 + i, year=y)
            for loc in ("31", "36", "288") for y in (2021, 2022, 2023, 2024)
            for i, ind in enumerate(("council_sessions", "resolutions_passed"))]
    rows = [r for r in rows if not (r["locality_code"] == "288" and r["year"] == 2024)]
    rows.append(fig_row("p#1", "288", "council_sessions", 99, year=2024, status="planned"))
    many = charts.breakdown_chart(frame(*rows), "vi", "x", order=["council_sessions", "resolutions_passed"])
    drawn = {(tr.name, tuple(tr.meta["figure_ids"])) for tr in traces(many, "result")}
    ids = {i for _, ids in drawn for i in ids}
    assert ids == {f"b#{loc}{y}{i}" for loc, y in (("31", 2024), ("36", 2024), ("288", 2023)) for i in (0, 1)}
    assert "kỳ gần nhất" in all_text(many)
    few = charts.breakdown_chart(frame(*[r for r in rows if r["locality_code"] == "31"]), "vi", "x")
    assert len({i for tr in traces(few, "result") for i in tr.meta["figure_ids"]}) == 8
    assert "kỳ gần nhất" not in all_text(few)


def test_shares_chart_is_100_percent_stacked_with_note_when_parts_do_not_add_up():
    rows = frame(fig_row("s#1", "31", "voter_petitions_resolved_pct", 19, body="people_committee"),
                 fig_row("s#2", "31", "voter_petitions_partly_resolved_pct", 28, body="people_committee"),
                 fig_row("s#3", "31", "voter_petitions_pending_pct", 53, body="people_committee"),
                 fig_row("s#4", "36", "voter_petitions_resolved_pct", 40, body="people_committee"))
    order = ["voter_petitions_resolved_pct", "voter_petitions_partly_resolved_pct", "voter_petitions_pending_pct"]
    fig = charts.shares_chart(rows, "vi", "x", order=order)
    assert fig.layout.barmode == "stack" and tuple(fig.layout.xaxis.range) == (0, 100)
    results = traces(fig, "result")
    assert [t.meta["series"] for t in results] == order
    assert [list(t.x) for t in results] == [[19, 40], [28], [53]]
    assert [t.text[0] for t in results] == ["19 %", "28 %", "53 %"]
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "Nam Định · 2023: các phần cộng lại 40 %" in notes
    assert "Hải Phòng · 2023" not in notes


def test_sessions_chart_labels_sessions_and_keeps_plan_beside_result():
    rows = frame(
        fig_row("k#1", "31", "resolutions_passed", 30, kind="session", start="2023-12-06", end="2023-12-08",
                session_number=13),
        fig_row("k#2", "31", "resolutions_passed", 32, kind="session", start="2023-12-06", end="2023-12-08",
                status="planned", session_number=13))
    fig = charts.sessions_chart(rows, "vi", "x")
    assert list(traces(fig, "result")[0].x) == ["K13<br>6/12/2023"]
    assert list(traces(fig, "plan")[0].text) == ["KH 32"]


def register_frame():
    base = {"locality_code": "X", "locality_name_vi": "Thành phố A", "locality_name_en": "City A",
            "level": "unidentified", "term": "2021-2026", "resolutions_qualifier": "exact",
            "source_id": "s", "source_title": "Thông báo", "source_publisher": "TT HĐND", "quote": "q", "note": ""}
    rows = [
        {**base, "session_id": "x-k10", "session_number": 10, "kind": "thematic", "status": "held",
         "start_date": pd.Timestamp("2023-02-10"), "end_date": pd.Timestamp("2023-02-10"),
         "known_date": pd.Timestamp("2023-02-10"), "resolutions_passed": 6, "resolutions_status": "reported"},
        {**base, "session_id": "x-k11", "session_number": 11, "kind": "unknown", "status": "postponed",
         "start_date": pd.NaT, "end_date": pd.NaT, "known_date": pd.NaT, "resolutions_passed": pd.NA,
         "resolutions_status": ""},
    ]
    return pd.DataFrame(rows)


def test_register_timeline_places_dated_sessions_and_notes_undated_ones():
    reg = register_frame()
    fig = charts.register_timeline(reg, "vi", "Lịch", 2023, 2023)
    placed = [i for t in traces(fig, "result") for i in t.meta["session_ids"]]
    assert placed == ["x-k10"]
    assert traces(fig, "result")[0].text[0] == "K10<br>6 NQ"
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "Kỳ họp thứ 11 (hoãn)" in notes
    assert charts.register_timeline(reg.iloc[1:], "vi", "Lịch", 2023, 2023) is None
    table = charts.register_table(reg, "en")
    assert list(table["Session"]) == ["Session 10", "Session 11 (postponed)"]


def test_no_nan_or_none_in_any_figure_text():
    for lang in ("vi", "en"):
        for page in pages.PAGES:
            for chart in build.domain_charts(page, ("31", "30", "36", "288", "X-TP1", "X-TP1-BACSON"),
                                               2020, 2025, lang):
                if chart.figure is None:
                    continue
                text = all_text(chart.figure)
                for tr in chart.figure.data:
                    for value in list(tr.text or []) + list(tr.hovertext or []):
                        assert "nan" not in str(value).lower().split() and "None" not in str(value)
                assert "NaN" not in text and "undefined" not in text, (page, chart.key)


# ---------------------------------------------------------------- assembly on fixture and real data

def test_domain_figures_query_hand_computed(fixture_con):
    df = db.run_query("domain_figures", fixture_con, domains=["budget"], localities=["31"],
                      year_from=2022, year_to=2023)
    assert sorted(df["figure_id"]) == ["fx-a-10", "fx-b-01", "fx-b-02"]
    row = df.set_index("figure_id").loc["fx-a-10"]
    assert row["previous_value"] == 98000 and row["previous_status"] == "estimated"
    assert df.set_index("figure_id").loc["fx-b-02", "preferred"] is False or \
        not df.set_index("figure_id").loc["fx-b-02", "preferred"]


def test_fixture_budget_page_panels_and_kpis(fixture_con):
    codes = ("31", "288")
    data = build.load("budget", codes, 2022, 2023, con=fixture_con)
    view = build.build("budget", data, codes, 2022, 2023, "vi")
    revenue = next(c for s in view.sections for c in s.charts if c.key == "revenue")
    assert sorted(revenue.rows["figure_id"]) == ["fx-a-10", "fx-a-11", "fx-b-01"]  # preferred only
    assert revenue.figure.layout.yaxis2.domain is not None  # HP and the provincial city apart
    assert view.kpi_year == 2023
    assert set(view.kpi_rows["figure_id"]) == {"fx-a-10", "fx-a-12"}
    assert "fx-b-02" in set(view.all_rows["figure_id"])  # the non-preferred figure is listed…
    drawn = {i for s in view.sections for c in s.charts for t in c.figure.data
             if isinstance(t.meta, dict) for i in t.meta.get("figure_ids", [])}
    assert "fx-b-02" not in drawn and "fx-b-02" not in view.shown_ids  # …but never drawn


def test_every_domain_belongs_to_one_page():
    package = db.load_package(ROOT / "data")
    all_domains = {r["name"] for r in db.figure_resources(package)}
    covered = [d for page in pages.PAGES.values() for d in page.domains]
    assert sorted(covered) == sorted(all_domains)


@pytest.mark.parametrize("page", sorted(pages.PAGES))
def test_every_curated_figure_of_the_page_is_shown(page):
    """Done-when of issue 4: each page shows every figure of its domains for every locality."""
    con = db.open_store(ROOT / "data")
    try:
        spec = build.page_spec(page)
        years = db.run_query("data_years", con, locality=None)["year"]
        first, last = int(years.min()), int(years.max())
        coverage = db.run_query("domain_coverage", con, domains=list(spec.domains), year_from=first, year_to=last,
                                locality=None)
        for code in dict.fromkeys(coverage["locality_code"]):
            data = build.load(page, (code,), first, last, con=con)
            view = build.build(page, data, (code,), first, last, "vi")
            preferred = set(data.rows[data.rows["preferred"]]["figure_id"])
            assert preferred <= view.shown_ids, (code, preferred - view.shown_ids)
            assert set(data.rows["figure_id"]) == set(view.all_rows["figure_id"])
            drawn = {i for s in view.sections for c in s.charts if c.figure is not None
                     for t in c.figure.data if isinstance(t.meta, dict) for i in t.meta.get("figure_ids", [])}
            carded = {i for s in view.sections for i in s.cards["figure_id"]} | set(view.other_cards["figure_id"])
            assert preferred == drawn | carded, (code, preferred ^ (drawn | carded))
    finally:
        con.close()


def test_nam_dinh_term_figures_never_on_an_annual_axis():
    con = db.open_store(ROOT / "data")
    try:
        chart_list = build.domain_charts("sessions", ("36",), 2021, 2024, "vi", con=con)
    finally:
        con.close()
    annual = [c for c in chart_list if c.kind == "figures" and (c.rows["period_kind"] == "year").any()]
    assert all((c.rows["period_kind"] == "year").all() for c in annual)
    term = [c for c in chart_list if c.kind == "figures" and (c.rows["period_kind"] == "term_to_date").any()]
    assert {v for c in term for v in c.rows["value"]} == {16.0, 409.0}
    assert all(c.key.endswith("_periods") for c in term)


def test_value_text_formats():
    row = pd.Series(fig_row("v#1", "31", "grdp_growth", 10.34))
    assert charts.value_text(row, "vi") == "10,34 %" and charts.value_text(row, "en") == "10.34%"
    assert charts.full_value(pd.Series(REVENUE.iloc[0]), "en") == "> " + fmt.money(90400, "en")


# ---------------------------------------------------------------- the builders as plain dicts (issue 16)
# The builders write the figure as a dict and make it a go.Figure once: these pin what the object
# model used to do for them (subplot grids, slots, rotation, totals) and that rows are read as given.

import plotly.graph_objects as go  # noqa: E402
from plotly.subplots import make_subplots  # noqa: E402


def _layout_json(fig) -> dict:
    layout = json.loads(fig.to_json())["layout"]
    layout.pop("template", None)
    return layout


@pytest.mark.parametrize("heights", [[300, 240], [240, 300, 150], [150, 300, 240, 190], [612, 150]])
@pytest.mark.parametrize("shared", [True, False])
def test_panel_grid_is_what_make_subplots_writes(heights, shared):
    titles = [f"Cấp {i}" for i in range(len(heights))]
    spacing = 80 / (sum(heights) + 80 * (len(heights) - 1))
    theirs = make_subplots(rows=len(heights), cols=1, row_heights=heights, subplot_titles=titles,
                           vertical_spacing=spacing, shared_xaxes=shared)
    ours = go.Figure({"layout": charts._grid(heights, 80, titles, shared_x=shared)}, _validate=False)
    assert _layout_json(ours) == _layout_json(theirs)


def test_two_tiers_each_trace_on_its_panel_shared_years_and_marks_per_panel():
    rows = frame(fig_row("p#1", "31", "budget_revenue", 103600, year=2022),
                 fig_row("p#2", "36", "budget_revenue", 20000, year=2023, status="estimated"),
                 fig_row("p#3", "288", "budget_revenue", 1484.75, year=2023))
    fig = charts.years_chart(rows, "vi", "Thu", [2022, 2023], series_order=["288", "31", "36"])
    panel_of = {t.meta["series"]: (t.xaxis, t.yaxis) for t in traces(fig, "result")}
    assert panel_of == {"Hải Phòng": ("x", "y"), "Nam Định": ("x", "y"), "Thành phố Hải Dương": ("x2", "y2")}
    assert {(k.xaxis, k.yaxis) for k in traces(fig, "key")} == {("x", "y")}
    # years line up: the upper panel follows the lower one's x axis and hides its tick labels
    assert fig.layout.xaxis.matches == "x2" and fig.layout.xaxis.showticklabels is False
    assert fig.layout.xaxis2.matches is None
    assert list(fig.layout.xaxis.categoryarray) == list(fig.layout.xaxis2.categoryarray) == ["2022", "2023"]
    assert fig.layout.yaxis.domain[0] > fig.layout.yaxis2.domain[1]  # tier 1 above tier 2
    # 2022 has nothing in the lower panel: the mark sits there, on that panel's axes
    marks = [a for a in fig.layout.annotations if a.name == "gap"]
    assert [(a.x, a.xref, a.yref) for a in marks] == [(0, "x2", "y2 domain")]
    titles = [a.text for a in fig.layout.annotations if a.name is None and a.font.size == 16]
    assert len(titles) == 2 and titles[0].startswith("Cấp tỉnh")
    # a horizontal chart of two tiers shares no axis (its categories differ per panel)
    bd = charts.breakdown_chart(rows, "vi", "x")
    assert bd.layout.xaxis.matches is None and bd.layout.yaxis2.domain is not None


def test_bars_of_a_category_share_it_results_before_plans_in_legend_order():
    rows = frame(fig_row("b#1", "31", "budget_revenue", 100, year=2023),
                 fig_row("b#2", "31", "budget_revenue", 120, year=2023, status="planned"),
                 fig_row("b#3", "36", "budget_revenue", 90, year=2023),
                 fig_row("b#4", "31", "budget_revenue", 95, year=2022))
    fig = charts.years_chart(rows, "vi", "Thu", [2022, 2023])
    slots = {(t.meta["role"], t.meta["series"], x): (o, w) for t in traces(fig, "result") + traces(fig, "plan")
             for x, o, w in zip(t.x, t.offset, t.width)}
    slot = 0.8 / 3
    assert slots[("result", "Hải Phòng", "2023")] == pytest.approx((-0.4 + slot * 0.05, slot * 0.9))
    assert slots[("plan", "Hải Phòng", "2023")] == pytest.approx((-0.4 + slot * 1.05, slot * 0.9))
    assert slots[("result", "Nam Định", "2023")] == pytest.approx((-0.4 + slot * 2.05, slot * 0.9))
    # alone in its year, a bar is at most 0.34 of a category wide, centred
    assert slots[("result", "Hải Phòng", "2022")] == pytest.approx((-0.17 + 0.34 * 0.05, 0.34 * 0.9))


def test_crowded_labels_turn_upright_with_more_headroom():
    rows = frame(*[fig_row(f"c#{i}{loc}", loc, ind, 103600 + i if ind == "budget_revenue" else 9.5, year=2020 + i)
                   for i in range(6) for loc in ("31", "36") for ind in ("budget_revenue", "grdp_growth")])
    narrow = charts.years_chart(rows, "vi", "x", list(range(2020, 2026)), width=charts.NARROW)
    assert {t.textangle for t in traces(narrow, "result")} == {-90}
    assert narrow.layout.yaxis.range[1] == pytest.approx(103605 * 1.55)
    assert list(traces(narrow, "result")[0].text)[0] == "103.600 tỷ đồng"  # units: the axis has none
    roomy = charts.years_chart(rows[rows["indicator"] == "grdp_growth"], "vi", "x", [2020, 2021], width=charts.WIDE)
    assert {t.textangle for t in traces(roomy, "result")} == {0}
    assert roomy.layout.yaxis.range[1] == pytest.approx(9.5 * 1.2)


def test_shares_totals_noted_only_off_100_and_plans_left_out():
    ind = ["voter_petitions_resolved_pct", "voter_petitions_partly_resolved_pct", "voter_petitions_pending_pct"]
    rows = frame(*[fig_row(f"h#{i}", "31", k, v, body="people_committee") for i, (k, v) in
                   enumerate(zip(ind, [33.3, 33.3, 33.3]))],  # 99.9: rounding, no note
                 *[fig_row(f"n#{i}", "36", k, v, body="people_committee") for i, (k, v) in
                   enumerate(zip(ind, [50, 30, 18.5]))],  # 98.5: noted
                 fig_row("n#9", "36", ind[0], 70, body="people_committee", status="planned"))
    fig = charts.shares_chart(rows, "vi", "x", order=ind, series_order=["36", "31"])
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "Nam Định · 2023: các phần cộng lại 98,5 %" in notes and "Hải Phòng" not in notes
    assert list(fig.layout.yaxis.categoryarray) == ["Nam Định · 2023", "Hải Phòng · 2023"]
    assert "n#9" not in {i for t in traces(fig, "result") for i in t.meta["figure_ids"]}
    assert not traces(fig, "key")  # no plan drawn, so no plan key
    assert charts._sum([0.1] * 10) == pd.Series([0.1] * 10).groupby([0] * 10).sum().iloc[0]


def test_register_labels_alternate_along_each_lane_in_series_order():
    base = register_frame().iloc[0].to_dict()
    rows = [{**base, "session_id": f"a{i}", "session_number": 10 + i, "known_date": pd.Timestamp(f"2023-0{i + 1}-10"),
             "start_date": pd.Timestamp(f"2023-0{i + 1}-10"), "end_date": pd.Timestamp(f"2023-0{i + 1}-11")}
            for i in range(3)]
    rows.append({**base, "session_id": "b0", "locality_code": "Y", "locality_name_vi": "Xã B",
                 "known_date": pd.Timestamp("2023-05-01"), "kind": "thematic"})
    rows.insert(0, {**base, "session_id": "a-undated", "known_date": pd.NaT, "start_date": pd.NaT,
                    "end_date": pd.NaT, "session_number": 9})
    fig = charts.register_timeline(pd.DataFrame(rows), "vi", "Lịch", 2023, 2023, series_order=["Y", "X"])
    assert list(fig.layout.yaxis.categoryarray) == ["Xã B", "Thành phố A"]
    result = traces(fig, "result")[0]
    assert list(result.meta["session_ids"]) == ["b0", "a0", "a1", "a2"]
    assert list(result.textposition) == ["top center", "top center", "bottom center", "top center"]
    assert len(fig.layout.shapes) == 4  # a bar over each session's days (b0's one day too)
    notes = next(a.text for a in fig.layout.annotations if a.name == "notes")
    assert "Thành phố A: Kỳ họp thứ 9" in notes


def test_records_draw_what_the_frame_draws_and_rows_are_left_as_given():
    shares = frame(fig_row("s#1", "31", "voter_petitions_resolved_pct", 19, body="people_committee"),
                   fig_row("s#2", "31", "voter_petitions_pending_pct", 53, body="people_committee"))
    cases = [(charts.years_chart, REVENUE, ("vi", "Thu", [2020, 2021, 2022, 2023, 2024])),
             (charts.breakdown_chart, REVENUE, ("en", "x")),
             (charts.shares_chart, shares, ("vi", "x")),
             (charts.register_timeline, register_frame(), ("vi", "Lịch", 2023, 2023))]
    for builder, rows, args in cases:
        before, records = rows.copy(), rows.to_dict("records")
        kept = [dict(r) for r in records]
        from_frame, from_records = builder(rows, *args), builder(records, *args)
        assert from_frame.to_json() == from_records.to_json(), builder.__name__
        pd.testing.assert_frame_equal(rows, before)
        assert all(list(a) == list(b) and all(a[k] is b[k] for k in a) for a, b in zip(records, kept))


def _same_value(a, b) -> bool:
    return type(a) is type(b) and (a == b or (a != a and b != b) or (a is None and b is None))


@pytest.mark.parametrize("page", ["sessions", "budget"])
def test_records_are_what_to_dict_gives(page):
    """`_records` reads a frame a column at a time: the same dicts, value types and missing values
    as `DataFrame.to_dict("records")` on the query results the pages draw (and on the fixtures)."""
    data = build.load(page, ("31", "30", "36", "288", "X-TP1"), 2019, 2025)
    assert len(data.rows) > 20
    for rows in (data.rows, data.register, REVENUE, register_frame()):
        ours, theirs = charts._records(rows), rows.to_dict("records")
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs):
            assert list(a) == list(b)
            assert all(_same_value(a[k], b[k]) for k in a), [(k, a[k], b[k]) for k in a if not _same_value(a[k], b[k])]


def test_figures_are_made_shared_so_pages_do_not_copy_them_again():
    from govdash import figures
    fig = charts.years_chart(REVENUE, "vi", "Thu", [2021, 2022, 2023, 2024])
    assert isinstance(fig, figures.SharedFigure)


# ---------------------------------------------------------------- legend entries and point order

def _axis(fig, ref: str):
    """The layout axis a trace reference (`x`, `y2`) names."""
    return fig.layout[ref[0] + "axis" + ref[1:]]


def check_legend_and_points(fig, rows: dict[str, dict], lang: str = "vi") -> None:
    """What the legend and the bars of a bar chart must keep, whatever order a trace's points are in:
    - no legend-only dummy traces: every bar trace but the status keys draws points;
    - each series (legend group) has one legend entry, on its first trace, the others hidden;
    - a result trace's first point is a plain reported bar when the series has one (its swatch);
    - per-point lists all as long as the values, and each point is its figure (`rows`, by id):
      value, status, label, hover, fill and pattern, category name;
    - every category is in its axis's fixed `categoryarray`, so point order moves no category;
    - bars of a category keep their slots: side by side, series in legend order, results first."""
    bars = [t for t in fig.data if t.type == "bar" and t.meta.get("role") != "key"]
    assert all(t.meta.get("role") in ("result", "plan") for t in bars), [t.meta for t in bars]
    assert all(len(t.x) and None not in t.x and None not in t.y for t in bars)
    groups: dict[str, list] = {}
    for t in bars:
        groups.setdefault(t.legendgroup, []).append(t)
    for group, own in groups.items():
        assert [bool(t.showlegend) for t in own] == [True] + [False] * (len(own) - 1), group
        assert len({t.name for t in own}) == 1
    keys = traces(fig, "key")
    assert all(k.showlegend and list(k.x) == [None] for k in keys)
    rank = {t.legendgroup: i for i, t in enumerate(series_entries(fig))}
    slots: dict[tuple, list] = {}
    for t in bars:
        horizontal = t.orientation == "h"
        values, cats = (t.x, t.y) if horizontal else (t.y, t.x)
        n = len(values)
        ids, statuses = list(t.meta["figure_ids"]), list(t.meta["statuses"])
        assert len(cats) == len(ids) == len(statuses) == len(t.text) == len(t.hovertext) == n
        if t.meta["role"] == "result":
            assert "reported" not in statuses or statuses[0] == "reported", (t.name, statuses)
            assert list(t.marker.pattern.shape) == [charts.PATTERN[s] for s in statuses]
            assert [c.startswith("rgba(") for c in t.marker.color] == [s != "reported" for s in statuses]
        else:
            assert set(statuses) == {charts.PLANNED}
        axis = _axis(fig, (t.yaxis or "y") if horizontal else (t.xaxis or "x"))
        assert axis.categoryorder == "array" and set(cats) <= set(axis.categoryarray), (t.name, cats)
        for i, fid in enumerate(ids):
            row = rows[fid]
            assert values[i] == float(row["value"]) and statuses[i] == row["status"], (t.name, i, fid)
            assert t.text[i] in (charts.value_text(row, lang), charts.value_text(row, lang, True)), (fid, t.text[i])
            assert t.hovertext[i] == charts.hover_text(row, lang), fid
            if set(axis.categoryarray) <= {str(y) for y in range(1900, 2100)}:
                assert cats[i] == str(int(row["year"])), (fid, cats[i])
            if t.offset is not None:
                slots.setdefault((axis.plotly_name, cats[i]), []).append(
                    (t.offset[i], t.width[i], rank[t.legendgroup], t.meta["role"] == "plan"))
    for place, members in slots.items():
        by_offset = sorted(members)
        assert [(m[2], m[3]) for m in by_offset] == sorted((m[2], m[3]) for m in members), place
        assert all(a[0] + a[1] <= b[0] + 1e-9 for a, b in zip(by_offset, by_offset[1:])), place


def _by_id(rows) -> dict[str, dict]:
    return {r["figure_id"]: r for r in charts._records(rows)}


# a series whose first years are estimated and derived, one with estimates only, one with plans only
MIXED_STATUSES = frame(
    fig_row("m#1", "31", "budget_revenue", 90400, year=2021, status="estimated"),
    fig_row("m#2", "31", "budget_revenue", 95000, year=2022, status="derived"),
    fig_row("m#3", "31", "budget_revenue", 103600, year=2023, qualifier="over"),
    fig_row("m#4", "31", "budget_revenue", 110000, year=2024),
    fig_row("m#5", "31", "budget_revenue", 116400, year=2024, status="planned"),
    fig_row("m#6", "36", "budget_revenue", 20000, year=2022, status="estimated"),
    fig_row("m#7", "36", "budget_revenue", 21000, year=2023, status="estimated"),
    fig_row("m#8", "31", "budget_revenue", 120000, year=2023, status="planned", body="people_committee"),
    fig_row("m#9", "288", "budget_revenue", 1400, year=2022, status="derived"),
    fig_row("m#10", "288", "budget_revenue", 1484.75, year=2023),
)


def test_each_series_has_one_legend_entry_on_its_first_trace_and_no_dummies():
    fig = charts.years_chart(MIXED_STATUSES, "vi", "Thu", [2021, 2022, 2023, 2024])
    check_legend_and_points(fig, _by_id(MIXED_STATUSES))
    entries = series_entries(fig)
    names = [t.name for t in entries]
    assert len(names) == len(set(names)) == 4  # HP council, HP people's committee, Nam Định, TP Hải Dương
    # the plan-only series is listed by its plans (a hollow swatch in its colour)
    plan_only = next(t for t in entries if t.meta["role"] == "plan")
    assert list(plan_only.meta["figure_ids"]) == ["m#8"]
    # every series named in the legend once, the status keys after them
    assert [t.name for t in fig.data if t.showlegend] == names + [k.name for k in traces(fig, "key")]
    assert len(fig.data) == len(traces(fig, "result")) + len(traces(fig, "plan")) + len(traces(fig, "key"))


def test_result_points_start_with_a_plain_bar_and_stay_aligned():
    fig = charts.years_chart(MIXED_STATUSES, "vi", "Thu", [2021, 2022, 2023, 2024])
    hp = next(t for t in traces(fig, "result") if list(t.meta["figure_ids"])[0] == "m#3")
    # the first reported year first, the rest in year order; every list follows
    assert list(hp.x) == ["2023", "2021", "2022", "2024"]
    assert list(hp.y) == [103600, 90400, 95000, 110000]
    assert list(hp.meta["figure_ids"]) == ["m#3", "m#1", "m#2", "m#4"]
    assert list(hp.meta["statuses"]) == ["reported", "estimated", "derived", "reported"]
    assert list(hp.text) == ["> 103.600", "90.400 (ước)", "95.000 (suy ra)", "110.000"]
    assert list(hp.marker.pattern.shape) == ["", "/", ".", ""]
    assert "Báo cáo m#3" in hp.hovertext[0] and "Báo cáo m#1" in hp.hovertext[1]
    # bars keep their places: the same slot per year as drawn in year order
    slot = dict(zip(hp.x, zip(hp.offset, hp.width)))
    plan = next(t for t in traces(fig, "plan") if list(t.meta["figure_ids"]) == ["m#5"])
    assert slot["2024"][0] < plan.offset[0]  # result before its plan in 2024
    assert slot["2021"] == pytest.approx((-0.17 + 0.34 * 0.05, 0.34 * 0.9))  # alone in 2021
    # a series with estimates only keeps a hatched swatch (true of all its bars), order unchanged
    nd = next(t for t in traces(fig, "result") if list(t.meta["figure_ids"])[0] == "m#6")
    assert list(nd.meta["figure_ids"]) == ["m#6", "m#7"] and nd.marker.pattern.shape[0] == "/"
    # on the lower panel too
    hd = next(t for t in traces(fig, "result") if t.yaxis == "y2")
    assert list(hd.meta["figure_ids"]) == ["m#10", "m#9"] and list(hd.x) == ["2023", "2022"]


@pytest.mark.parametrize("builder,args", [
    (charts.breakdown_chart, ("vi", "x")),
    (charts.sessions_chart, ("vi", "x")),
])
def test_other_bar_builders_keep_one_entry_per_series_and_aligned_points(builder, args):
    if builder is charts.sessions_chart:
        rows = frame(*[fig_row(f"k#{i}{loc}", loc, "resolutions_passed", 10 + i, kind="session",
                               start=f"2023-0{i + 1}-0{i + 1}", end=f"2023-0{i + 1}-0{i + 2}", session_number=10 + i,
                               status="estimated" if i == 0 else ("planned" if i == 3 else "reported"))
                       for i in range(4) for loc in ("31", "36")])
    else:
        rows = MIXED_STATUSES
    fig = builder(rows, *args)
    check_legend_and_points(fig, _by_id(rows))
    assert len(series_entries(fig)) == len({t.legendgroup for t in traces(fig, "result") + traces(fig, "plan")})


def test_shares_legend_is_the_result_trace_with_a_plain_first_point():
    ind = ["voter_petitions_resolved_pct", "voter_petitions_partly_resolved_pct", "voter_petitions_pending_pct"]
    rows = frame(fig_row("q#1", "31", ind[0], 20, body="people_committee", status="estimated"),
                 fig_row("q#2", "31", ind[1], 30, body="people_committee", status="estimated"),
                 fig_row("q#3", "31", ind[2], 50, body="people_committee", status="estimated"),
                 fig_row("q#4", "36", ind[0], 40, body="people_committee"),
                 fig_row("q#5", "36", ind[1], 60, body="people_committee", status="derived"))
    fig = charts.shares_chart(rows, "vi", "x", order=ind, series_order=["31", "36"])
    check_legend_and_points(fig, _by_id(rows))
    results = traces(fig, "result")
    assert series_entries(fig) == results and [t.meta["series"] for t in results] == ind
    resolved = results[0]
    assert list(resolved.y) == ["Nam Định · 2023", "Hải Phòng · 2023"]  # the reported bar first
    assert list(resolved.x) == [40, 20] and list(resolved.meta["figure_ids"]) == ["q#4", "q#1"]
    assert list(resolved.meta["statuses"]) == ["reported", "estimated"]
    assert list(resolved.text) == ["40 %", "20 % (ước)"]
    assert list(fig.layout.yaxis.categoryarray) == ["Hải Phòng · 2023", "Nam Định · 2023"]  # bars unmoved
    assert results[1].marker.pattern.shape[0] == "/"  # estimated or derived only: a true hatched swatch


def test_legend_height_counts_the_series_entries():
    ind = ["voter_petitions_resolved_pct", "voter_petitions_partly_resolved_pct", "voter_petitions_pending_pct"]
    three = frame(*[fig_row(f"l#{i}", "31", k, v, body="people_committee") for i, (k, v) in
                    enumerate(zip(ind, [20, 30, 50]))])
    one = frame(fig_row("l#9", "31", ind[0], 100, body="people_committee"))
    tall = charts.shares_chart(three, "vi", "x", order=ind, width=charts.NARROW)
    short = charts.shares_chart(one, "vi", "x", order=ind, width=charts.NARROW)
    assert tall.layout.margin.t - short.layout.margin.t == 24  # three entries need a second legend row
    wide = charts.years_chart(MIXED_STATUSES, "vi", "x", [2021, 2024], width=charts.NARROW)
    labels = [t.name for t in series_entries(wide)] + [k.name for k in traces(wide, "key")]
    assert charts._legend_rows(labels, charts.NARROW) > 1
    solo = charts.years_chart(MIXED_STATUSES[MIXED_STATUSES["locality_code"] == "36"], "vi", "x", [2021, 2024],
                              width=charts.NARROW)
    assert wide.layout.margin.t > solo.layout.margin.t


@pytest.mark.parametrize("page", sorted(pages.PAGES))
def test_every_chart_of_the_bundled_data_keeps_its_legend_and_points(page):
    con = db.open_store(ROOT / "data")
    try:
        for codes in [("31",), ("36",), ("288",), ("31", "36", "288"), ("V-DBSH", "31", "288"), ("30", "288")]:
            for chart in build.domain_charts(page, codes, 2019, 2025, "vi", con=con):
                if chart.figure is None or chart.kind != "figures":
                    continue
                check_legend_and_points(chart.figure, _by_id(chart.rows))
    finally:
        con.close()


# ---------------------------------------------------------------- margins (issue 16)

def _axes_of(fig):
    layout = fig.to_plotly_json()["layout"]
    return {k: v for k, v in layout.items() if k.startswith(("xaxis", "yaxis"))}


def test_domain_charts_draw_without_automargin():
    """The builders compute every margin (checked by `benchmarks/chart_margins.py`), so no axis
    asks Plotly.js for a second layout pass."""
    from govdash.domains import build
    for page in ("budget", "sessions", "supervision", "voters"):
        for lang in ("vi", "en"):
            made = build.domain_charts(page, ("01",), 2021, 2025, lang)
            for chart in made:
                if chart.figure is None:
                    continue
                for name, axis in _axes_of(chart.figure).items():
                    assert axis.get("automargin") is False, (page, chart.key, name)


def test_margin_room_fits_long_labels():
    from govdash.domains import charts
    label = charts._wrapped("Tổng thu ngân sách nhà nước trên địa bàn (Hội đồng nhân dân tỉnh)", charts.LABEL_WRAP)
    longest = max(len(line) for line in label.split("<br>"))
    assert charts.label_room([label]) >= 7 * longest + 20
    assert charts.label_room(["x" * 200]) == 380
    # a value axis up to 1.234.567 with a unit title needs room for 9 characters and the title
    assert charts.value_room([0, 1_234_567], "", True) >= 8 * 9 + 26
    assert charts.value_room([0, 12.5], " %", False) > charts.value_room([0, 12.5], "", False)


def test_page_rows_are_kept_small():
    """A page view is cached per selection and keeps its rows as dicts: CPython doubles a dict's
    table past 42 keys, and text repeats (a few localities, indicators, units, periods), so the
    query returns at most 42 columns and, in a long frame, each distinct value is boxed once
    (still what `to_dict` gives, missing values included)."""
    from govdash import tables
    data = build.load("budget", ("31", "30", "36", "288", "X-TP1"), 2019, 2025)
    assert len(data.rows.columns) <= 42
    long = pd.concat([data.rows] * (tables.TEXT_ONCE_FROM // len(data.rows) + 1), ignore_index=True)
    recs = charts._records(long)
    assert sys.getsizeof(recs[0]) <= sys.getsizeof({str(i): i for i in range(42)})
    for a, b in zip(recs, long.to_dict("records")):
        assert list(a) == list(b) and all(_same_value(a[k], b[k]) for k in a)
    first: dict = {}
    for r in recs:
        for key in ("locality_name_vi", "unit_vi", "period_end", "source_title"):
            assert r[key] is first.setdefault((key, r[key]), r[key])
    assert len({r["locality_code"] for r in recs}) > 1
    assert any(r["previous_status"] is None or r["previous_status"] != r["previous_status"] for r in recs)
