"""AppTest of the compare and sources pages on the real data: the whole view read from and
written to the URL, bad URL values dropped with notices, views switched without losing the
selection, page switches, the boundary switch, search, and source links."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from govdash import db, fmt
from govdash.compare import logic
from govdash.compare.ui import K_STATE
from govdash.text import md_escape

ROOT = Path(__file__).resolve().parent.parent
VIEW_KEYS = ("ind", "body", "locs", "view", "year", "bounds")


def compare_page(**params) -> AppTest:
    """The app opened on the compare page with these query parameters."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update(params)
    at.run()
    at.switch_page("pages/compare.py").run()
    assert not at.exception, at.exception
    return at


def view_params(at: AppTest) -> dict:
    return {k: at.query_params[k] for k in VIEW_KEYS if k in at.query_params}


def table_text(at: AppTest) -> str:
    return "\n".join(df.value.to_csv() for df in at.dataframe)


def test_url_round_trip_reproduces_the_view():
    params = {"loc": "31", "from": "2021", "to": "2024", "lang": "vi", "ind": "budget_revenue",
              "body": "locality", "locs": "31,30,36", "view": "bars", "year": "2023", "bounds": "published"}
    at = compare_page(**params)
    assert {k: at.query_params[k] for k in params} == params  # nothing added, nothing lost
    assert at.selectbox(key="compare_indicator").value == "budget_revenue"
    assert at.multiselect(key="compare_localities").value == ["31", "30", "36"]
    assert at.segmented_control(key="compare_view").value == "bars"
    assert at.segmented_control(key="compare_bounds").value == "published"
    assert at.selectbox(key="compare_year").value == 2023
    assert not at.warning
    # a second session from the URL the first one wrote shows the same thing
    again = compare_page(**dict(at.query_params))
    assert view_params(again) == view_params(at)
    assert table_text(again) == table_text(at)


def test_switching_views_keeps_the_selection_and_updates_the_url():
    at = compare_page(loc="31", ind="grdp_growth", locs="31,30", **{"from": "2021", "to": "2024"})
    before = view_params(at)
    for view in ("bars", "multiples", "table", "lines"):
        at.segmented_control(key="compare_view").set_value(view).run()
        assert not at.exception, at.exception
        now = view_params(at)
        assert now["view"] == view
        assert {k: v for k, v in now.items() if k not in ("view", "year")} == \
               {k: v for k, v in before.items() if k not in ("view", "year")}
        assert at.multiselect(key="compare_localities").value == ["31", "30"]
    assert "year" not in at.query_params  # only the bars view carries its year


def test_bad_url_values_are_dropped_with_notices():
    at = compare_page(ind="no_such<script>", locs="31,XX9", view="pie", bounds="moon", year="abc")
    warnings = "\n".join(w.value for w in at.warning)
    for bad in ("no_such<script>", "XX9", "pie", "moon", "abc"):
        assert f"«{md_escape(bad)}»" in warnings  # shown literally, escaped for Markdown
    assert at.query_params["locs"] == "31" and at.query_params["view"] == "lines"
    assert at.query_params["bounds"] == "published" and at.query_params["ind"] != "no_such<script>"
    at.run()
    assert not at.warning  # said once


def test_hai_phong_budget_revenue_2021_2024_with_sources():
    """The 'done when' question, on the real data: the table lists each year's preferred
    figure with its qualifier, status, source and quote."""
    at = compare_page(loc="31", ind="budget_revenue", locs="31", view="table", **{"from": "2021", "to": "2024"})
    rows = db.run_query("compare_figures", indicator="budget_revenue", body="locality", localities=["31"],
                        year_from=2021, year_to=2024, bounds="published")
    shown = at.dataframe[0].value
    assert len(shown) == len(rows)
    text = shown.to_csv()
    for _, r in rows[rows["chartable"]].iterrows():
        assert fmt.number(r["value"], "vi", 3) in text
        assert r["source_title"] in text
    assert "> 90.400 tỷ đồng" in text and "> 103.600 tỷ đồng" in text
    assert "sources?src=" in text  # each row links to its source


def test_today_boundaries_switch_maps_and_labels_localities():
    at = compare_page(loc="31", ind="budget_revenue", locs="30,36", **{"from": "2021", "to": "2024"})
    at.segmented_control(key="compare_bounds").set_value("current").run()
    assert not at.exception, at.exception
    assert at.multiselect(key="compare_localities").value == ["31", "37"]
    assert at.query_params["bounds"] == "current" and at.query_params["locs"] == "31,37"
    at.segmented_control(key="compare_view").set_value("table").run()
    text = table_text(at)
    assert "Hải Phòng (địa giới hiện nay)" in text and "123.938" in text  # 103.619 + 20.319
    assert "chưa đủ số liệu" in text


def test_a_long_locality_list_is_offered_an_area_at_a_time(monkeypatch):
    """At national scale (~15,000 localities) the picker lists the provinces, or one province
    with what lies in it; the chosen localities stay listed whatever area is shown."""
    at = compare_page(loc="31", ind="resolutions_passed", locs="31,30")
    assert "compare_area" not in [w.key for w in at.selectbox]  # the bundled list is short: one list
    monkeypatch.setattr(logic, "PICKER_LIMIT", 10)
    at = compare_page(loc="31", ind="resolutions_passed", locs="31,288")
    area = at.selectbox(key="compare_area")
    assert area.value == "30"  # TP Hải Dương (288) lies in Hải Dương province
    picker = at.multiselect(key="compare_localities")
    names = [o.split(" (")[0].split(" · ")[0] for o in picker.options]
    assert names == ["Hải Dương", "Thành phố Hải Dương", "Hải Phòng"]  # the area, then the choice
    area.set_value("").run()
    assert not at.exception, at.exception
    picker = at.multiselect(key="compare_localities")
    assert picker.value == ["31", "288"] and len(picker.options) == 71  # 64 province-level units, 6 regions + 288
    assert at.query_params["locs"] == "31,288"
    picker.set_value(["31", "288", "01"]).run()
    assert at.query_params["locs"] == "31,288,01" and at.selectbox(key="compare_area").value == ""
    at.segmented_control(key="compare_bounds").set_value("current").run()
    assert not at.exception, at.exception
    assert at.multiselect(key="compare_localities").value == ["31", "01"]
    assert len(at.multiselect(key="compare_localities").options) == 41  # today's province-level units and 6 regions


def test_search_without_diacritics_picks_an_indicator():
    at = compare_page(loc="31", ind="grdp_growth", locs="31")
    at.text_input(key="compare_search").set_value("so nghi quyet thong qua").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="compare_indicator").value == "resolutions_passed"
    assert at.query_params["ind"] == "resolutions_passed"


def test_page_switch_drops_compare_params_and_coming_back_restores_them():
    at = compare_page(loc="31", ind="grdp_growth", locs="31,36", view="multiples")
    at.switch_page("pages/sources.py").run()
    assert not at.exception
    at.switch_page("pages/compare.py").run()
    assert not at.exception
    assert at.query_params["ind"] == "grdp_growth" and at.query_params["locs"] == "31,36"
    assert at.query_params["view"] == "multiples"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_page_in_both_languages(lang):
    at = compare_page(lang=lang, ind="resolutions_passed", locs="31,36", view="lines")
    assert at.title[0].value == ("So sánh" if lang == "vi" else "Compare")
    assert at.download_button(key="compare_csv") and at.download_button(key="compare_xlsx")
    assert "NaN" not in table_text(at)


def test_sources_page_opens_a_linked_figure():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update({"src": "hp-hdnd-2024-03-12-review", "fig": "hp-hdnd-2024-03-12-review-02"})
    at.run()
    at.switch_page("pages/sources.py").run()
    assert not at.exception, at.exception
    assert any("55 kỳ họp" in i.value for i in at.info)
    assert at.expander[0].label.startswith("HĐND thành phố Hải Phòng khóa 16")
    at.text_input(key="sources_search").set_value("tang truong kinh te hai duong").run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    # the sources about Hải Dương come back (others only when one of their figures is about it)
    assert labels and any("Hải Dương" in label for label in labels)
    total = int(db.run_query("sources_list").shape[0])
    assert len(labels) < total
    assert at.query_params["q"] == "tang truong kinh te hai duong"


def test_compare_opens_with_the_localitys_peers_of_its_region():
    at = compare_page(loc="31")  # Hải Phòng, Red River Delta
    codes = list(at.session_state[K_STATE].localities)
    assert codes[0] == "31" and 2 <= len(codes) <= 1 + logic.DEFAULT_PEERS
    delta = {"01", "22", "26", "27", "30", "33", "34", "35", "36", "37"}  # the region's other units
    assert set(codes[1:]) <= delta
    shared = compare_page(loc="31", locs="31")  # an address that names its localities keeps them
    assert list(shared.session_state[K_STATE].localities) == ["31"]
