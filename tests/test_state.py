"""URL parsing never raises: bad values fall back to defaults with a notice."""
from pathlib import Path

from govdash.state import Selection, parse_query

CODES = ["31", "30", "288"]
YEARS = [2021, 2022, 2023, 2024]


def test_good_query_round_trips():
    sel = Selection("288", 2022, 2023, "en")
    parsed, notices = parse_query(sel.to_query(), CODES, YEARS)
    assert parsed == sel and notices == []


def test_defaults_without_query():
    sel, notices = parse_query({}, CODES, YEARS, default_to=2023)
    assert sel == Selection("31", 2021, 2023, "vi") and notices == []


def test_bogus_locality_falls_back_with_notice():
    sel, notices = parse_query({"loc": "<script>alert(1)</script>"}, CODES, YEARS)
    assert sel.locality == "31"
    assert [n.key for n in notices] == ["notice_bad_locality"]


def test_bad_years_and_language():
    for bad in ({"from": "abc"}, {"to": "1999"}, {"from": "2024", "to": "2021"}, {"from": ["20x3"]}):
        sel, notices = parse_query(bad, CODES, YEARS, default_to=2023)
        assert (sel.year_from, sel.year_to) == (2021, 2023), bad
        assert [n.key for n in notices] == ["notice_bad_years"], bad
    sel, notices = parse_query({"lang": "fr"}, CODES, YEARS)
    assert sel.lang == "vi" and notices[0].key == "notice_bad_lang"


def test_a_key_given_twice_takes_the_last_value_as_streamlit_does():
    sel, _ = parse_query({"loc": ["30", "31"]}, CODES, YEARS)
    assert sel.locality == "31"


def test_one_url_parameter_reader():
    """Every room reads the address through `state.url_value`: none keeps a reader of its own."""
    import re

    from govdash.state import url_value
    assert url_value({"x": ["a", "b"]}, "x") == "b" and url_value({"x": []}, "x") is None
    assert url_value({"x": "a"}, "x") == "a" and url_value({}, "x") is None
    root = Path(__file__).resolve().parent.parent / "govdash"
    own = [p.name for p in root.rglob("*.py")
           if p.name != "state.py" and re.search(r"def _first\(value", p.read_text(encoding="utf-8"))]
    assert own == []


def test_pages_open_on_the_year_with_the_most_complete_data():
    from govdash.state import most_complete_year
    rows = [{"year": 2023, "annual_count": 20, "result_count": 40},
            {"year": 2024, "annual_count": 12, "result_count": 30},
            {"year": 2025, "annual_count": 1, "result_count": 9}]  # 2025: a first-quarter figure
    assert most_complete_year(rows) == 2023
    rows.append({"year": 2022, "annual_count": 20, "result_count": 40})
    assert most_complete_year(rows) == 2023  # the latest of equals
    assert most_complete_year([]) is None
    sel, _ = parse_query({"loc": "30"}, CODES, YEARS, default_to=lambda code: {"30": 2022}.get(code))
    assert (sel.year_from, sel.year_to) == (2021, 2022)
