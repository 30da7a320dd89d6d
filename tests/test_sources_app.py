"""AppTest of the sources page on the real data: a link opens its source with the figure
highlighted and on its page, bad links give notices, closed sources read nothing, search with
or without diacritics, the pages of a long list and of a long source (page sizes shrunk here:
the real sources hold at most a few dozen figures), and the CSV of a whole source."""
import csv
import functools
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from govdash import db
from govdash.sources import paging
from govdash.sources import ui as sources_ui
from govdash.text import fold

ROOT = Path(__file__).resolve().parent.parent
LONG = "hd-city-ubnd-2023-report"  # the real source with the most figures (74)


def sources_page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update(params)
    at.run()
    at.switch_page("pages/sources.py").run()
    assert not at.exception, at.exception
    return at


@functools.cache
def real_con():
    return db.open_store(ROOT / "data")


def figure_at(row: int) -> str:
    """The id of the figure at `row` of the long source's list."""
    rows = db.run_query("source_figures", real_con(), source_id=LONG, search="", limit=1, offset=row)
    return rows.iloc[0]["figure_id"]


def test_only_the_opened_source_reads_its_figures():
    at = sources_page(src="hp-hdnd-2024-03-12-review", fig="hp-hdnd-2024-03-12-review-02")
    assert any("55 kỳ họp" in i.value for i in at.info)
    assert at.expander[0].label.startswith("HĐND thành phố Hải Phòng khóa 16")
    total = len(db.run_query("sources_list", real_con()))
    assert len(at.expander) == min(total, paging.SOURCES_PER_PAGE)
    assert len(at.dataframe) == 1  # the closed sources made no table
    at.session_state[f"sources_exp_{LONG}"] = True  # the reader opens another source
    at.run()
    assert not at.exception and len(at.dataframe) == 2
    assert at.query_params["src"] == "hp-hdnd-2024-03-12-review"


def test_a_figure_alone_opens_its_source_and_bad_values_are_dropped():
    at = sources_page(fig="hp-hdnd-2024-03-12-review-02", lang="en")
    assert at.expander[0].label.startswith("HĐND thành phố Hải Phòng khóa 16")
    assert any("55" in i.value for i in at.info) and not at.warning
    at = sources_page(src="nowhere", fig="nothing")
    warnings = " ".join(w.value for w in at.warning)
    assert "nowhere" in warnings and "nothing" in warnings
    assert "src" not in at.query_params and "fig" not in at.query_params
    assert not at.info and not at.dataframe  # every source listed, none opened


@pytest.mark.parametrize("text", ["tang truong kinh te hai duong", "Tăng trưởng kinh tế Hải Dương"])
def test_search_with_or_without_diacritics(text):
    at = sources_page()
    at.text_input(key="sources_search").set_value(text).run()
    assert not at.exception, at.exception
    labels = [e.label for e in at.expander]
    matched = db.run_query("source_matches", real_con(), search=fold(text))
    assert len(labels) == min(len(matched), paging.SOURCES_PER_PAGE) > 0
    titled = db.run_query("sources_list", real_con())
    titled = titled[titled["title"].str.contains("Hải Dương") & titled["source_id"].isin(matched["source_id"])]
    assert len(titled) and all(any(title in label for label in labels) for title in titled["title"])
    assert at.query_params["q"] == text
    again = sources_page(q=text)  # the address reopens the same search
    assert [e.label for e in again.expander] == labels


def test_long_list_and_long_source_are_shown_a_page_at_a_time(monkeypatch):
    monkeypatch.setattr(paging, "SOURCES_PER_PAGE", 10)
    monkeypatch.setattr(paging, "FIGURES_PER_PAGE", 5)
    linked = figure_at(41)
    at = sources_page(src=LONG, fig=linked)
    assert len(at.expander) == 10 and at.expander[0].label.startswith("Báo cáo Công tác chính quyền")
    assert at.selectbox(key="sources_list_page").value == 0
    # the linked figure's page of the source is shown first: figures 41-45 of 74
    pager = at.selectbox(key=f"sources_{LONG}_page")
    assert pager.value == 8 and pager.format_func(8) == "41–45 trong 74"
    table = at.dataframe[0].value
    assert len(table) == 5 and linked in set(table["figure_id"])
    pager.set_value(14).run()
    assert not at.exception, at.exception
    assert list(at.dataframe[0].value["figure_id"]) == [figure_at(70), figure_at(71), figure_at(72),
                                                         figure_at(73)]
    total = len(db.run_query("sources_list", real_con()))
    last = (total - 1) // 10
    at.selectbox(key="sources_list_page").set_value(last).run()
    assert len(at.expander) == total - 10 * last  # the last page holds the rest
    n = len(db.run_query("source_matches", real_con(), search="thanh pho"))
    at.text_input(key="sources_search").set_value("thanh pho").run()
    assert at.selectbox(key="sources_list_page").value == 0  # a new search starts at its first page
    page = (n - 1) // 10
    assert at.selectbox(key="sources_list_page").format_func(page) == f"{10 * page + 1}–{n} trong {n}"
    assert at.selectbox(key=f"sources_{LONG}_page").value == 0  # and of the source's figures


def test_search_within_an_opened_source(monkeypatch):
    monkeypatch.setattr(paging, "FIGURES_PER_PAGE", 5)
    at = sources_page(src=LONG, q="ngân sách")
    captions = " ".join(c.value for c in at.caption)
    assert "/74 số liệu của nguồn này khớp «ngân sách»" in captions
    assert all("ngân sách" in q.lower() or "ngân sách" in i.lower()
               for q, i in zip(at.dataframe[0].value["Trích dẫn"], at.dataframe[0].value["Chỉ tiêu"]))
    at = sources_page(src=LONG, q="tang truong kinh te hai duong")  # words over several figures
    assert "rải rác" in " ".join(c.value for c in at.caption)
    assert at.selectbox(key=f"sources_{LONG}_page").format_func(0) == "1–5 trong 74"


def test_csv_of_a_whole_source():
    data = sources_ui._csv_of_all(LONG, "", "vi")()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 74 and len({r["figure_id"] for r in rows}) == 74
