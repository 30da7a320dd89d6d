"""AppTest over the four domain pages (issue 4): for Hải Phòng 2023 the KPI cards and every
number drawn in the charts equal the query results, in Vietnamese and English; a selection with
no data for the page shows the empty state with its one-click ways out; the comparison picker
defaults to localities of the same level and puts other levels on their own panel."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from govdash import db, fmt
from govdash.domains import build, pages
from govdash.i18n import t

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(pages.PAGES)
# A locality and year with no data for the page (the voters page: a locality with none at all).
EMPTY = {"sessions": ("31", 2021), "supervision": ("31", 2022), "voters": ("36", 2023), "budget": ("31", 2020)}


def open_page(page: str, loc: str, year_from: int, year_to: int, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update({"loc": loc, "from": str(year_from), "to": str(year_to), "lang": lang})
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def each_tab(at: AppTest, page: str):
    """Open every section tab in turn (only the open one's charts are drawn); yield its label."""
    for label in [tab.label for tab in at.tabs]:
        at.session_state[f"{page}_section"] = label
        at.run()
        assert not at.exception, at.exception
        yield label


def all_specs(at: AppTest, page: str) -> list[dict]:
    """The Plotly specs of every section tab of a domain page."""
    return [spec for _ in each_tab(at, page) for spec in plotly_specs(at)]


def drawn_values(specs: list[dict]) -> dict[str, float]:
    """figure_id → value drawn, from every bar trace of every chart on the page."""
    out: dict[str, float] = {}
    for spec in specs:
        for trace in spec["data"]:
            meta = trace.get("meta") or {}
            if meta.get("role") not in ("result", "plan") or "figure_ids" not in meta:
                continue
            values = trace["x"] if trace.get("orientation") == "h" else trace["y"]
            for fid, value in zip(meta["figure_ids"], values):
                assert fid not in out or out[fid] == value
                out[fid] = value
    return out


def expected(page: str, loc: str, compare: tuple[str, ...], year_from: int, year_to: int):
    spec = build.page_spec(page)
    rows = db.run_query("domain_figures", domains=spec.domains, localities=(loc, *compare),
                        year_from=year_from, year_to=year_to)
    return rows, build.kpi_rows(rows, loc)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_hai_phong_2023_numbers_equal_the_query(page, lang):
    at = open_page(page, "31", 2023, 2023, lang)
    spec = build.page_spec(page)
    assert at.title[0].value.startswith(t(spec.title, lang))
    compare = tuple(at.multiselect(key=f"{page}_compare_31").value) if at.multiselect else ()
    rows, (head, year) = expected(page, "31", compare, 2023, 2023)
    assert year == 2023
    shown = [m.value for m in at.metric]
    for card in build.cards(head, lang, name_locality=False):
        assert card.value in shown[:len(head)]
    for _, row in head.iterrows():  # the number is the query's, formatted the house way
        number = fmt.value_with_unit(row["value"], "count", "", lang, int(row["decimals"]), row["qualifier"])
        assert any(number.strip() in value for value in shown[:len(head)]), number
    assert len(shown) >= len(head)
    # every number drawn is the query's value of that figure, and only preferred figures are drawn
    specs = all_specs(at, page)
    drawn = drawn_values(specs)
    assert drawn, "no chart drew any figure"
    by_id = rows.set_index("figure_id")
    for fid, value in drawn.items():
        assert by_id.loc[fid, "value"] == value, fid
        assert bool(by_id.loc[fid, "preferred"]), fid
    # the charts on the page are exactly those the figure builders return for this selection
    charts = build.domain_charts(page, ("31", *compare), 2023, 2023, lang)
    assert len(specs) == sum(c.figure is not None for c in charts)
    text = " ".join(str(m.value) for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "NaN" not in text and "None" not in " ".join(shown)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_data_shows_the_empty_state(page, lang):
    loc, year = EMPTY[page]
    at = open_page(page, loc, year, year, lang)
    spec = build.page_spec(page)
    rows = db.run_query("domain_figures", domains=spec.domains, localities=[loc], year_from=year, year_to=year)
    assert rows.empty
    name = at.title[0].value.split(" — ")[1].rsplit(",", 1)[0]
    assert any(t("dom_empty", lang, page=t(spec.title, lang), locality=name, years=str(year)) in i.value
               for i in at.info)
    assert at.button, "the empty state offers no way out"
    assert not at.get("plotly_chart") and not at.metric


def test_empty_state_button_goes_to_a_year_with_data():
    at = open_page("sessions", "31", 2021, 2021, "vi")
    at.button(key="go_year_sessions-resolutions-awards_2023").click().run()
    assert not at.exception
    assert at.title[0].value.endswith("2021\u2060–\u20602023")
    assert at.metric and at.get("plotly_chart")


def test_voters_empty_state_offers_other_years_or_localities_with_data():
    at = open_page("voters", "36", 2023, 2023, "vi")  # Nam Định: voters' figures for 2022, not 2023
    assert [b.label for b in at.button if b.label.startswith("Xem năm")] == ["Xem năm 2022"]
    spec = build.page_spec("voters")
    having = {c for d in spec.domains for c in db.run_query("coverage", domain=d)["locality_code"]}
    none = next(c for c in db.run_query("localities")["code"] if c not in having and not c.startswith("V-"))
    at = open_page("voters", none, 2023, 2023, "vi")  # a locality with none in any year
    labels = [b.label for b in at.button]
    assert any(label.startswith("Hải Phòng") for label in labels)


def test_compare_defaults_to_same_level_and_other_levels_get_their_own_panel():
    at = open_page("budget", "31", 2023, 2023, "vi")
    picker = at.multiselect(key="budget_compare_31")
    # provinces: the same tier as a centrally-run city, at most four drawn unasked
    tier = {r["code"]: r["level"] for r in db.run_query("localities").to_dict("records")}
    assert 1 <= len(picker.value) <= build.MAX_DEFAULT_COMPARE
    assert {tier[c] for c in picker.value} <= {"province", "central_city"} and "31" not in picker.value
    assert "288" in picker.options[2] or any("Thành phố Hải Dương" in o for o in picker.options)
    picker.set_value(["288"]).run()
    assert not at.exception
    revenue = next(s for s in plotly_specs(at) if s["layout"]["title"]["text"].startswith("Tổng thu NSNN"))
    assert "yaxis2" in revenue["layout"]  # Hải Dương city drawn on a panel of its own
    panels = {tr.get("yaxis", "y") for tr in revenue["data"] if (tr.get("meta") or {}).get("role") == "result"}
    assert panels == {"y", "y2"}


def test_term_to_date_figures_are_not_drawn_on_years():
    at = open_page("sessions", "36", 2021, 2024, "vi")
    specs = plotly_specs(at)
    for spec in specs:
        for trace in spec["data"]:
            if "nd-baond-2024-03-22-01" in (trace.get("meta") or {}).get("figure_ids", []):
                assert all(not str(x).isdigit() for x in trace["x"])  # a period label, not a year
                assert "lũy kế" in spec["layout"]["title"]["text"]


def test_every_chart_has_its_table_with_a_download():
    at = open_page("supervision", "31", 2023, 2023, "vi")
    total = 0
    for _ in each_tab(at, "supervision"):
        charts = len(at.get("plotly_chart"))
        total += charts
        titles = [e.label for e in at.expander]
        assert sum(title.startswith("Số liệu của biểu đồ") for title in titles) == charts
        assert not at.get("download_button"), "a closed table is neither made nor sent"
        for name in [k for k in at.session_state if str(k).endswith("_table_open") or k == "supervision_all_open"]:
            at.session_state[name] = True  # the user opens every table
        at.run()
        assert len(at.get("download_button")) == charts + 1  # one per chart and the page's full table
        assert len(at.dataframe) >= charts + 1
        for name in [k for k in at.session_state if str(k).endswith("_open")]:
            at.session_state[name] = False
    assert total >= 3


def test_only_the_open_section_is_drawn():
    """Sections are tabs; a locality change draws the open tab's charts only, and the tab stays."""
    at = open_page("budget", "31", 2021, 2025, "vi")
    shown = ("31", *at.multiselect(key="budget_compare_31").value)
    view = build.build("budget", build.load("budget", shown, 2021, 2025), shown, 2021, 2025, "vi")
    filled = [s for s in view.sections if s.has_content()]
    assert [tab.label for tab in at.tabs] == [s.title for s in filled] and len(filled) > 1
    assert len(at.get("plotly_chart")) == sum(c.figure is not None for c in filled[0].charts)
    at.session_state["budget_section"] = filled[1].title
    at.run()
    assert len(at.get("plotly_chart")) == sum(c.figure is not None for c in filled[1].charts)
    at.session_state["selection_locality"] = "30"
    at.run()
    assert not at.exception
    assert at.session_state["budget_section"] == filled[1].title


def test_low_reliability_sources_can_be_hidden():
    rows = build.load("budget", ("31",), 2021, 2023).rows
    low = rows[rows["source_reliability"] == "low"]
    assert len(low), "the curated data has low-reliability figures for Hải Phòng"
    kept = build.load("budget", ("31",), 2021, 2023, hide_low=True)
    assert kept.hidden == len(low) and not (kept.rows["source_reliability"] == "low").any()
    at = open_page("budget", "31", 2021, 2023, "vi")
    at.toggle(key="budget_hide_low").set_value(True).run()
    assert not at.exception
    compare = tuple(at.multiselect(key="budget_compare_31").value) if at.multiselect else ()
    expected = build.load("budget", ("31", *compare), 2021, 2023, hide_low=True).hidden
    assert any(f"Đã ẩn {expected} số liệu" in c.value for c in at.caption), [c.value for c in at.caption]


def test_a_long_compare_list_offers_the_near_localities_and_says_so(monkeypatch):
    """Above the picker limit (national scale; forced here) Hải Phòng's budget page offers the
    other provinces only, keeps its default comparison, and tells where the rest are."""
    full = open_page("budget", "31", 2023, 2023, "vi").multiselect(key="budget_compare_31")
    assert "288" in full.options[2] or any("Thành phố Hải Dương" in o for o in full.options)
    monkeypatch.setenv("GOVDASH_PICKER_LIMIT", "3")
    at = open_page("budget", "31", 2023, 2023, "vi")
    picker = at.multiselect(key="budget_compare_31")
    level = {r["code"]: r["level"] for r in db.run_query("localities").to_dict("records")}
    assert picker.value == full.value  # the default comparison is near already
    assert len(picker.options) < len(full.options)
    assert not any("Thành phố Hải Dương" in o for o in picker.options)  # a district of another province
    assert "trang So sánh" in picker.help
    assert {level[c] for c in picker.value} <= {"province", "central_city"}
    assert any("trang So sánh" in c.value for c in at.caption)


def test_many_other_figures_are_one_table_with_sources_and_few_are_cards():
    """More than CARD_LIMIT figures in one group are shown as one table, each row with its
    status, source and quote (five localities can make 30+ cards); a few stay cards."""
    from govdash.domains import ui as domain_ui
    from govdash.i18n import t

    def others(at, shown):
        view = build.build("budget", build.load("budget", shown, 2021, 2025), shown, 2021, 2025, "vi", render=())
        return len(view.other_records)

    at = open_page("budget", "92", 2021, 2025, "vi")
    picker = at.multiselect(key="budget_compare_92")
    n = others(at, ("92", *picker.value))
    assert n > domain_ui.CARD_LIMIT
    tables = [el.value for el in at.dataframe if len(el.value) == n]
    assert len(tables) == 1
    columns = [t(k, "vi") for k in ("sidebar_locality", "indicator_label", "value_label", "status_label",
                                    "source_label", "quote_label")]
    assert set(columns) <= set(tables[0].columns)
    assert tables[0][t("quote_label", "vi")].str.len().gt(0).all()
    assert any(c.value.startswith(f"{n} số liệu") for c in at.caption)
    cards = len(at.metric)
    # Cần Thơ alone: few enough for cards again, and no table of them
    picker.set_value([]).run()
    alone = others(at, ("92",))
    assert 0 < alone <= domain_ui.CARD_LIMIT
    assert not any("số liệu, quá nhiều" in c.value or "quá nhiều để hiện" in c.value for c in at.caption)
    assert not [el for el in at.dataframe if len(el.value) == alone]
    assert len(at.metric) >= alone and cards >= 1


def test_empty_state_names_a_few_localities_not_all(monkeypatch):
    """A locality with no figures of the page at all is offered a few localities with data (as
    many names as buttons, then "…"), not every one: ~15,000 names at national scale."""
    from govdash import ui
    monkeypatch.setattr(ui, "EMPTY_OFFERS", 2)
    spec = build.page_spec("voters")
    having = {c for d in spec.domains for c in db.run_query("coverage", domain=d)["locality_code"]}
    assert len(having) > 2
    none = next(c for c in db.run_query("localities")["code"] if c not in having and not c.startswith("V-"))
    at = open_page("voters", none, 2023, 2023, "vi")
    line = next(m.value for m in at.markdown if "Các địa phương đã có số liệu" in m.value)
    assert line.endswith(", ….") and line.count(",") == 2
    assert len([b for b in at.button if b.key and b.key.startswith("go_loc_")]) == 2
