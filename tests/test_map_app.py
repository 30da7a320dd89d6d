"""AppTest of the map page on the real data: the whole view read from and written to the URL,
bad values dropped with notices, the colour scale and boundary switches, the ranking beside the
map with missing provinces apart, the bump chart, downloads, and a province → its Overview."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("ind", "body", "bounds", "year", "scale", "locs")


def map_page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update(params)
    at.run()
    at.switch_page("pages/map.py").run()
    assert not at.exception, at.exception
    return at


def view_params(at: AppTest) -> dict:
    return {k: at.query_params[k] for k in KEYS if k in at.query_params}


def test_url_round_trip_and_coverage_line():
    params = {"loc": "31", "from": "2022", "to": "2024", "lang": "vi", "ind": "grdp_growth", "body": "locality",
              "year": "2023", "bounds": "published", "scale": "tiers"}
    at = map_page(**params)
    assert {k: at.query_params[k] for k in params} == params
    assert at.selectbox(key="map_indicator").value == "grdp_growth"
    assert at.selectbox(key="map_year").value == 2023
    assert any(m.value.startswith("**") and "/63 tỉnh có số năm 2023" in m.value for m in at.markdown)
    ranking = at.dataframe[0].value
    assert list(ranking.columns)[:2] == ["Hạng", "Tỉnh, thành phố"] and ranking["Hạng"].iloc[0] == 1
    assert any(c.value.startswith("Chưa có số (") for c in at.caption)     # missing listed apart
    assert not at.warning
    again = map_page(**dict(at.query_params))
    assert view_params(again) == view_params(at)


def test_switches_write_the_url_and_non_summable_has_no_today_boundaries():
    at = map_page(ind="grdp_growth", **{"from": "2021", "to": "2024"})
    assert at.segmented_control(key="map_bounds").disabled
    at.segmented_control(key="map_scale").set_value("steps").run()
    assert not at.exception and at.query_params["scale"] == "steps"
    at.selectbox(key="map_indicator").set_value("budget_revenue").run()
    assert not at.exception and at.query_params["ind"] == "budget_revenue"
    assert not at.segmented_control(key="map_bounds").disabled
    at.segmented_control(key="map_bounds").set_value("current").run()
    assert not at.exception and at.query_params["bounds"] == "current"
    assert any("/34 đơn vị (địa giới hiện nay)" in m.value for m in at.markdown)


def test_bad_url_values_are_dropped_with_notices():
    at = map_page(ind="no_such", year="1990", scale="rainbow", bounds="flat", locs="31,ZZ")
    keys = " ".join(w.value for w in at.warning)
    assert r"no\_such" in keys and "1990" in keys and "rainbow" in keys and "flat" in keys and "ZZ" in keys
    assert at.query_params["scale"] == "tiers" and at.query_params["bounds"] == "published"


def test_english_and_bump_chart_and_downloads():
    at = map_page(lang="en", ind="grdp_growth", **{"from": "2021", "to": "2024"})
    assert at.title[0].value == "Map & rankings"
    assert any("provinces have a figure for" in m.value for m in at.markdown)
    assert at.multiselect(key="map_bump").value                 # the best ranked, by default
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]


def test_a_province_opens_its_overview():
    at = map_page(ind="grdp_growth", year="2023", **{"from": "2021", "to": "2024"})
    at.selectbox(key="map_open").set_value("30").run()
    at.button(key="map_open_go").click().run()
    assert not at.exception, at.exception
    assert at.session_state["selection_locality"] == "30"
    assert tuple(at.session_state["selection_years"]) == (2021, 2023)
    assert at.title[0].value != "Bản đồ & Xếp hạng"
