"""Formatting pins the exact strings users read, in Vietnamese and English."""
import datetime as dt
import math

import pytest

from govdash import fmt


@pytest.mark.parametrize("value,lang,decimals,expected", [
    (1484.75, "vi", 2, "1.484,75"),
    (1484.75, "en", 2, "1,484.75"),
    (103600, "vi", 2, "103.600"),
    (103600, "en", 0, "103,600"),
    (839.617, "vi", 3, "839,617"),
    (0.97, "vi", 2, "0,97"),
    (4, "vi", 0, "4"),
    (2.345, "vi", 1, "2,345"),  # a figure keeps its own decimals: `decimals` is a default
    (81.5, "vi", 0, "81,5"),
    (333000.0, "vi", 0, "333.000"),
    (90421.01, "vi", 2, "90.421,01"),
])
def test_number(value, lang, decimals, expected):
    assert fmt.number(value, lang, decimals) == expected


def test_computed_numbers_round_and_plain_numbers_are_one_spelling():
    assert fmt.number(2.345, "vi", 1, exact=False) == "2,3"
    assert fmt.number(0.1 + 0.2, "vi", 0) == "0,3"  # float noise is not a decimal of the figure
    assert fmt.percent(81.5, "vi", 0) == "81,5 %"
    assert [fmt.plain(v) for v in (333000.0, 81.5, -9.28, 0.0, 1484.75, None, float("nan"))] == [
        "333000", "81.5", "-9.28", "0", "1484.75", "", ""]


def test_csv_export_never_writes_a_float_tail():
    import pandas as pd

    from govdash import export
    frame = pd.DataFrame({"value": [333000.0, 81.5, None], "name": ["a", "-b", "c"]})
    assert export.to_csv_bytes(frame).decode("utf-8-sig") == "value,name\n333000,a\n81.5,'-b\n,c\n"


def test_percent_money_date():
    assert fmt.percent(10.34, "vi") == "10,34 %"
    assert fmt.percent(10.34, "en") == "10.34%"
    assert fmt.money(103600, "vi") == "103.600 tỷ đồng"
    assert fmt.money(1484.75, "vi") == "1.484,75 tỷ đồng"
    assert fmt.money(103600, "en") == "103,600 billion VND"
    assert fmt.date(dt.date(2023, 4, 17), "vi") == "17/4/2023"
    assert fmt.date("2023-04-17", "en") == "17 Apr 2023"
    assert fmt.signed(-4, "vi", 0) == "−4"
    assert fmt.signed(29, "vi", 0) == "+29"


def test_missing_is_never_zero():
    assert fmt.number(None) == "không có số liệu"
    assert fmt.percent(math.nan, "en") == "no data"
    assert fmt.money(None, "vi") != "0 tỷ đồng"


def test_qualifier_and_periods():
    assert fmt.value_with_unit(103600, "money", "tỷ đồng", "vi", 2, "over") == "> 103.600 tỷ đồng"
    assert fmt.value_with_unit(400, "count", "kế hoạch", "vi", 0, "about") == "≈ 400 kế hoạch"
    assert fmt.value_with_unit(-4, "change", "lượt", "vi", 0) == "−4 lượt"
    assert fmt.period("2023-01-01", "2023-12-31", "year", "vi") == "2023"
    assert fmt.period("2023-01-01", "2023-03-31", "quarter", "vi") == "Quý I/2023"
    assert fmt.period("2023-01-01", "2023-03-31", "quarter", "en") == "Q1 2023"
    assert fmt.period("2021-01-01", "2024-03-22", "term_to_date", "vi") == "1/1/2021 – 22/3/2024"


def test_plotly_separators_and_bad_language():
    assert fmt.PLOTLY_SEPARATORS == {"vi": ",.", "en": ".,"}
    with pytest.raises(ValueError):
        fmt.number(1, "fr")
