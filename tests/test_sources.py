"""The sources page's queries and logic: links to a source and a figure, search with or without
diacritics (the folded words of the `source_terms` model against the page's former in-Python
search over every figure), a source's figures a page at a time in the order of `facts`, and the
models behind them, on the fixture data and the real data."""
import re
from pathlib import Path

import pandas as pd
import pytest

from govdash import db
from govdash.sources import links, paging
from govdash.text import fold, matches

ROOT = Path(__file__).resolve().parent.parent
FACTS_ORDER = ["locality_code", "period_start", "period_end", "indicator", "figure_id"]


@pytest.fixture(scope="module")
def real_con():
    con = db.open_store(ROOT / "data")
    yield con
    con.close()


def _texts(s: pd.Series, own: pd.DataFrame) -> list[str]:
    """What the page used to search a source by (its former `filter_sources`)."""
    return [s["title"], s["publisher"], s["source_id"], " ".join(own["quote"]),
            " ".join(own["locality_name_vi"]), " ".join(own["locality_name_en"]),
            " ".join(own["indicator_name_vi"]), " ".join(own["indicator_name_en"])]


def python_search(sources: pd.DataFrame, facts: pd.DataFrame, text: str) -> list[str]:
    """The reference: the former in-Python search over every figure of every source."""
    return [s["source_id"] for _, s in sources.iterrows()
            if matches(text, *_texts(s, facts[facts["source_id"] == s["source_id"]]))]


def sql_search(con, text: str) -> list[str]:
    found = set(db.run_query("source_matches", con, search=fold(text))["source_id"])
    sources = db.run_query("sources_list", con)
    return [s for s in sources["source_id"] if s in found]


def locate(con):
    return lambda fig: db.run_query("figure_source", con, figure_id=fig)


# ---------------------------------------------------------------- links

def test_link_parsing(fixture_con):
    sources = db.run_query("sources_list", fixture_con)
    parse = lambda params: links.parse_link(params, sources, locate(fixture_con))  # noqa: E731
    link = parse({"src": "fx-b", "fig": "fx-b-01"})
    assert (link.source, link.figure, link.notices) == ("fx-b", "fx-b-01", ())
    # a figure without its source opens its own source, at its place in the source's list
    link = parse({"fig": "fx-b-02"})
    assert (link.source, link.figure, link.figure_row) == ("fx-b", "fx-b-02", 1)
    link = parse({"src": "nope", "fig": "fx-a-01"})
    assert (link.source, link.figure) == ("fx-a", "fx-a-01")
    assert [n.key for n in link.notices] == ["srcv_notice_bad_source"]
    link = parse({"src": "fx-b", "fig": "fx-a-01"})
    assert (link.source, link.figure) == ("fx-b", None)
    assert [n.key for n in link.notices] == ["srcv_notice_bad_figure"]
    link = parse({"src": ["fx-a", "fx-b"], "fig": "x' or '1'='1"})  # the last value counts; bound
    assert (link.source, link.figure) == ("fx-b", None)
    assert parse({}) == links.Link()
    assert list(paging.ordered(sources, "fx-b")["source_id"])[0] == "fx-b"


# ---------------------------------------------------------------- search over sources

def test_search_on_fixture(fixture_con):
    sources = db.run_query("sources_list", fixture_con)
    assert sql_search(fixture_con, "uoc khoang 98.000") == ["fx-b"]  # a quote, no diacritics
    assert sql_search(fixture_con, "ƯỚC KHOẢNG 98.000") == ["fx-b"]
    assert sql_search(fixture_con, "hai duong") == ["fx-a"]  # a locality's name
    assert sql_search(fixture_con, "Budget revenue 97.500") == ["fx-b"]  # indicator (en) + quote
    assert sql_search(fixture_con, "example.invalid") == []  # the address is not searched
    assert sql_search(fixture_con, "zzz") == []
    assert sql_search(fixture_con, "000") == ["fx-a", "fx-b"]  # inside a number
    assert sql_search(fixture_con, "4 ky") == ["fx-a"]  # a digit inside a word ("4" alone too)
    assert len(paging.filter_sources(sources, None)) == 2
    assert list(paging.filter_sources(sources, {"fx-b"})["source_id"]) == ["fx-b"]


def test_search_words_are_the_folded_words_of_the_former_search(real_con, fixture_con):
    """The model holds exactly the words the former search folded, source by source."""
    for con in (real_con, fixture_con):
        sources = db.run_query("sources_list", con)
        facts = db.run_query("facts", con, locality=None, year=None)
        terms = {sid: (words, numbers) for sid, words, numbers in
                 con.execute("select source_id, words, numbers from source_terms").fetchall()}
        for _, s in sources.iterrows():
            own = facts[facts["source_id"] == s["source_id"]]
            expected = set(" ".join(fold(t) for t in _texts(s, own) if t).split())
            words, numbers = (set(x.split(" ")) - {""} for x in terms[s["source_id"]])
            assert words | numbers == expected, s["source_id"]
            assert all(re.fullmatch(r"[0-9.,]+", n) for n in numbers)
            assert not any(re.fullmatch(r"[0-9.,]+", w) for w in words)


@pytest.mark.parametrize("text", [
    "hai phong", "Hải Phòng 2023", "HĐND", "hdnd khoa 16", "55 kỳ họp", "tang truong kinh te hai duong",
    "ngân sách", "ong", "8,5", "1.484", "web-cafef", "council sessions", "nghi quyet", "uoc dat",
    "Nam Định", "thu ngan sach nha nuoc", "q1", "zzzz", "",
])
def test_search_gives_what_the_former_search_gave(real_con, text):
    sources = db.run_query("sources_list", real_con)
    facts = db.run_query("facts", real_con, locality=None, year=None)
    expected = python_search(sources, facts, text)
    got = sql_search(real_con, text) if fold(text) else list(sources["source_id"])
    assert got == expected


# ---------------------------------------------------------------- a source's figures

def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Values only: an all-empty column comes back as objects, a partly empty one as strings."""
    return df.astype(object).where(df.notna(), None)


def test_source_figures_are_facts_in_order_and_page_by_page(real_con):
    facts = db.run_query("facts", real_con, locality=None, year=None)
    sources = db.run_query("sources_list", real_con)
    for _, s in sources.iterrows():
        sid = s["source_id"]
        own = facts[facts["source_id"] == sid].sort_values(FACTS_ORDER).reset_index(drop=True)
        rows = db.run_query("source_figures", real_con, source_id=sid, search="", limit=None, offset=0)
        assert len(rows) == s["figure_count"]
        pd.testing.assert_frame_equal(_plain(rows[list(facts.columns)]), _plain(own))
        assert list(rows["source_row"]) == list(range(len(rows)))
        assert set(rows["match_count"]) <= {len(rows)}
        pages = [db.run_query("source_figures", real_con, source_id=sid, search="", limit=7, offset=o)
                 for o in range(0, len(rows), 7)]
        if pages:
            assert list(pd.concat(pages)["figure_id"]) == list(rows["figure_id"])
        for fig, row in zip(rows["figure_id"], rows["source_row"]):
            assert db.run_query("figure_source", real_con, figure_id=fig).iloc[0].to_dict() == \
                   {"figure_id": fig, "source_id": sid, "source_row": row}


def test_search_within_a_source_keeps_the_figures_holding_every_word(fixture_con):
    def ids(sid, text, limit=None, offset=0):
        rows = db.run_query("source_figures", fixture_con, source_id=sid, search=fold(text),
                            limit=limit, offset=offset)
        return list(rows["figure_id"]), (int(rows["match_count"].iloc[0]) if len(rows) else 0)
    assert ids("fx-b", "uoc khoang 98.000") == (["fx-b-01"], 1)
    assert ids("fx-b", "Trang thử B 97.500") == (["fx-b-02"], 1)  # the source's title counts
    assert ids("fx-b", "hai phong budget") == (["fx-b-01", "fx-b-02"], 2)
    assert ids("fx-b", "98.000 97.500") == ([], 0)  # no one figure holds both
    assert ids("fx-a", "nghi quyet")[1] == 5
    assert ids("fx-a", "nghi quyet", limit=2, offset=4) == (["fx-a-05"], 5)  # 288, 30, 31, 31, 36
    assert ids("fx-a", "nghi quyet") == ids("fx-a", "NGHỊ   QUYẾT")
    assert ids("nope", "") == ([], 0)
    assert db.run_query("figure_source", fixture_con, figure_id="nope").empty


@pytest.mark.parametrize("text", ["hai phong", "ky hop 2023", "thu ngan sach", "ong", "uoc"])
def test_search_within_a_source_on_real_data(real_con, text):
    facts = db.run_query("facts", real_con, locality=None, year=None)
    sources = db.run_query("sources_list", real_con).set_index("source_id", drop=False)
    for sid in facts["source_id"].unique():
        s, own = sources.loc[sid], facts[facts["source_id"] == sid].sort_values(FACTS_ORDER)
        expected = [r["figure_id"] for _, r in own.iterrows()
                    if matches(text, r["quote"], r["locality_name_vi"], r["locality_name_en"],
                               r["indicator_name_vi"], r["indicator_name_en"], s["title"],
                               s["publisher"], sid)]
        rows = db.run_query("source_figures", real_con, source_id=sid, search=fold(text),
                            limit=None, offset=0)
        assert list(rows["figure_id"]) == expected, sid


def test_models_are_stored_in_the_order_queries_rely_on(fixture_con):
    """Zone maps prune only what is sorted: a source's figures together, figures by id."""
    by_source = fixture_con.execute(
        "select source_id, source_row from figures_by_source order by rowid").fetchall()
    assert by_source == sorted(by_source)
    ids = [r[0] for r in fixture_con.execute("select figure_id from figure_sources order by rowid").fetchall()]
    assert ids == sorted(ids)
    same = fixture_con.execute(
        "select count(*) from figure_sources a join figures_by_source b using (figure_id) "
        "where a.source_id = b.source_id and a.source_row = b.source_row").fetchone()[0]
    assert same == fixture_con.execute("select count(*) from figures").fetchone()[0]


# ---------------------------------------------------------------- paging helpers

def test_pages():
    assert [paging.page_count(n, 200) for n in (0, 1, 200, 201, 13680)] == [1, 1, 1, 2, 69]
    assert paging.page_label(0, 13680, 200, "vi") == "1–200 trong 13.680"
    assert paging.page_label(68, 13680, 200, "en") == "13,601–13,680 of 13,680"
