"""URL parsing never raises: bad values fall back to defaults with a notice."""
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


def test_list_values_take_the_first():
    sel, _ = parse_query({"loc": ["30", "31"]}, CODES, YEARS)
    assert sel.locality == "30"
