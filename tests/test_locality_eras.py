"""Localities have names over time (issue 12): a figure is named as its locality was named in
its period, and a chart keys every trace by locality code, never by a display name."""
from __future__ import annotations

import pytest

from govdash import db
from govdash.compare import charts as compare_charts
from govdash.compare import logic


def _rows(con, codes, years=(2022, 2023), bounds="published"):
    return db.run_query("compare_figures", con, indicator="grdp_growth", body=None,
                        localities=list(codes), year_from=years[0], year_to=years[1], bounds=bounds)


@pytest.fixture(scope="module")
def locs(era_con):
    return db.run_query("compare_localities", era_con, codes=None)


def test_labelled_figures_name_a_code_by_its_period(era_con):
    rows = era_con.execute("select figure_id, locality_name_vi, locality_name_en from labelled_figures "
                           "where locality_code = '24' order by figure_id").fetchall()
    assert rows == [("fx-a-g01", "Bắc Giang", "Bac Giang"), ("fx-a-g02", "Bắc Giang", "Bac Giang"),
                    ("fx-a-g05", "Bắc Ninh", "Bac Ninh")]


def test_compare_rows_carry_the_name_of_their_period(era_con):
    rows = _rows(era_con, ["24", "27"], years=(2022, 2025))
    named = set(zip(rows["series_code"], rows["year"], rows["series_name_vi"]))
    assert named == {("24", 2022, "Bắc Giang"), ("24", 2023, "Bắc Giang"), ("24", 2025, "Bắc Ninh"),
                     ("27", 2022, "Bắc Ninh"), ("27", 2023, "Bắc Ninh")}


def test_series_labels_never_collide(era_con, locs):
    rows = _rows(era_con, ["24", "27"])
    assert logic.series_labels(rows, ("24", "27"), locs, "vi") == {"24": "Bắc Giang", "27": "Bắc Ninh"}
    assert logic.series_labels(rows, ("24", "27"), locs, "en") == {"24": "Bac Giang", "27": "Bac Ninh"}
    later = _rows(era_con, ["24", "27"], years=(2025, 2025))  # 24 is Bắc Ninh then; 27 has no rows
    labels = logic.series_labels(later, ("24", "27"), locs, "vi")
    assert labels == {"24": "Bắc Ninh (24)", "27": "Bắc Ninh (27)"}
    from govdash.localities import unique_labels
    assert unique_labels({"a": "X", "b": "X", "c": "Y"}) == {"a": "X (a)", "b": "X (b)", "c": "Y"}


@pytest.mark.parametrize("same_label", [False, True])
def test_two_localities_are_two_lines_even_under_one_name(era_con, locs, same_label):
    """The bug of issue 12: two series labelled "Bắc Ninh" were drawn as one mixed-up line
    (Bắc Giang's 2022 joined to Bắc Ninh's 2023). Traces are keyed by code, so even two series
    given one label stay two lines with their own four points."""
    rows = _rows(era_con, ["24", "27"])
    meta = db.run_query("compare_indicators", era_con).set_index("indicator").loc["grdp_growth"]
    labels = logic.series_labels(rows, ("24", "27"), locs, "vi")
    if same_label:
        labels = {"24": "Bắc Ninh", "27": "Bắc Ninh"}
    points = logic.chart_points(rows, meta, "vi", labels, locs, {})
    gaps = logic.chart_gaps(rows, "vi", labels, locs)
    text = compare_charts.ChartText(lang="vi", title="GRDP")
    for build in (compare_charts.lines_figure, compare_charts.multiples_figure):
        fig = build(points, gaps, labels, (2022, 2023), text)
        lines = {tr.legendgroup: list(tr.y) for tr in fig.data if tr.legendgroup}
        assert lines == {"24": [19.3, 13.45], "27": [2.2, -9.28]}
    bars = compare_charts.bars_figure(points[points["year"] == 2023], gaps, [], labels, text)
    assert sorted(bars.data[0].x) == [-9.28, 13.45]


def test_a_region_is_a_locality_of_its_own(era_con):
    rows = db.run_query("localities", era_con).set_index("code")
    assert rows.loc["V-DBSH", "level"] == "region"
    tree = era_con.execute("select tier, province_code from locality_tree where code = 'V-DBSH'").fetchone()
    assert tree == (0, None)
    # on today's boundaries Bắc Ninh 24 takes in 27, never the region
    current = _rows(era_con, ["24"], years=(2023, 2023), bounds="current")
    assert "V-DBSH" not in set(current["locality_code"])


def test_pickers_show_and_find_the_former_name(era_con):
    offered = db.run_query("compare_locality_options", era_con, bounds="published", area=None, top_only=True)
    chosen = db.run_query("compare_localities", era_con, codes=["24", "27"])
    options, labels = logic.locality_options(offered, chosen, ("24", "27"), "published", "vi")
    assert labels["24"].startswith("Bắc Ninh (trước đây: Bắc Giang)") and "bac giang" in labels["24"]
    assert labels["27"].startswith("Bắc Ninh (nay thuộc Bắc Ninh)")
    assert len(set(labels.values())) == len(labels)  # never two units under one label


def test_domain_compare_picker_labels_never_collide():
    """An Giang 89 (until 30/6/2025) and 91 (An Giang since, Kiên Giang before) once shared the
    label "An Giang · Tỉnh": a multiselect then maps the choice of 91 back to 89."""
    import pandas as pd

    from govdash.domains import build
    coverage = pd.DataFrame({"locality_code": ["89", "91"], "locality_name_vi": ["An Giang", "An Giang"],
                             "locality_name_en": ["An Giang", "An Giang"], "level": ["province", "province"]})
    labels = build.option_labels(coverage, "vi")
    assert labels == {"89": "An Giang · Tỉnh (89)", "91": "An Giang · Tỉnh (91)"}
