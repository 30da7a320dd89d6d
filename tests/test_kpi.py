"""KPI cards: delta arithmetic, bounds, colours by direction, labels from metadata."""
import pandas as pd
import pytest

from govdash.domains import kpi


def row(**over):
    base = dict(indicator="budget_revenue", indicator_name_vi="Tổng thu NSNN", indicator_name_en="Budget revenue",
                unit_vi="tỷ đồng", unit_en="billion VND", unit_kind="money", decimals=2,
                higher_is_better="true", headline=True, sort_order=700, body="locality",
                period_start=pd.Timestamp("2023-01-01"), period_end=pd.Timestamp("2023-12-31"),
                period_kind="year", value=103600.0, qualifier="exact", status="reported", flag=None,
                quote="q", source_id="s", source_title="T", source_publisher="P",
                previous_value=107132.6, previous_status="reported", previous_qualifier="exact",
                previous_period_start=pd.Timestamp("2022-01-01"), previous_period_end=pd.Timestamp("2022-12-31"))
    base.update(over)
    return pd.Series(base)


def test_delta_exact_down_is_bad_when_higher_is_better():
    c = kpi.card(row(), "vi")
    assert c.value == "103.600 tỷ đồng"
    assert c.delta == "−3.532,6 tỷ đồng so với 2022"
    assert (c.delta_color, c.delta_arrow) == ("red", "down")


def test_delta_with_bound_and_estimate():
    c = kpi.card(row(qualifier="over", previous_status="estimated"), "vi")
    assert c.value == "> 103.600 tỷ đồng"
    assert c.delta == "≈ −3.532,6 tỷ đồng so với 2022 (ước tính)"
    c = kpi.card(row(previous_qualifier="about", value=110000.0), "en")
    assert c.delta == "≈ +2,867.4 billion VND vs 2022"
    assert (c.delta_color, c.delta_arrow) == ("green", "up")


def test_percent_delta_in_points_and_inverse_colour():
    c = kpi.card(row(unit_kind="percent", unit_vi="%", unit_en="%", value=0.97, previous_value=1.2,
                     higher_is_better="false", indicator="poverty_rate"), "vi")
    assert c.value == "0,97 %"
    assert c.delta == "−0,23 điểm % so với 2022"
    assert (c.delta_color, c.delta_arrow) == ("green", "down")  # poverty fell: good


def test_no_previous_no_delta_and_neutral_colour():
    c = kpi.card(row(previous_value=None, higher_is_better=""), "vi")
    assert c.delta is None and (c.delta_color, c.delta_arrow) == ("gray", "off")


def test_body_named_only_when_repeated():
    rows = pd.DataFrame([row(indicator="resolutions_passed", body="council"),
                         row(indicator="resolutions_passed", body="all_councils"),
                         row()])
    labels = [c.label for c in kpi.cards(rows, "vi")]
    assert labels[0].endswith("— HĐND") and labels[1].endswith("— HĐND các cấp")
    assert labels[2] == "Tổng thu NSNN"


@pytest.mark.parametrize("page", ["budget", "sessions", "supervision", "voters"])
def test_headline_positions_pick_by_the_rule_in_pandas_terms(page):
    """The KPI cards are chosen on plain dicts (`headline_positions`, which `headline_rows`
    applies to a frame): the same figures, in the same order, as the rule written with pandas
    (sort by headline, sort order, period start; one per indicator and body; headline ones up
    to the maximum when there are enough, else the first `minimum`), for every locality of the
    bundled data and every year of its figures."""
    from govdash import db, tables
    from govdash.domains import build
    codes = list(db.run_query("localities")["code"])
    checked = 0
    for code in codes:
        rows = build.load(page, (code,), 2015, 2025).rows
        if rows.empty:
            continue
        recs = tables.records(rows)
        for year in sorted({r["year"] for r in recs}):
            positions = [i for i, r in enumerate(recs) if r["year"] == year and r["preferred"]]
            for low, high in ((3, 6), (4, 8)):
                ours = rows.iloc[kpi.headline_positions(recs, positions, minimum=low, maximum=high)]
                theirs = _headline_by_pandas(rows.iloc[positions], low, high)
                assert list(kpi.headline_rows(rows.iloc[positions], low, high)["figure_id"]) == list(theirs["figure_id"])
                assert list(ours["figure_id"]) == list(theirs["figure_id"]), (code, year)
                checked += 1
    assert checked > 10


def _headline_by_pandas(results: pd.DataFrame, minimum: int, maximum: int) -> pd.DataFrame:
    ordered = results.sort_values(["headline", "sort_order", "period_start"],
                                  ascending=[False, True, True], kind="stable")
    ordered = ordered.drop_duplicates(["indicator", "body"])
    headline = ordered[ordered["headline"]]
    if len(headline) >= minimum:
        return headline.head(maximum)
    return ordered.head(max(minimum, len(headline)))
