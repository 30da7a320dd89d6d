"""Query cases of the presenter kit (run by tests/test_queries.py on fixture and real data)."""

CASES = {
    "present_indicators": ({}, ["indicator", "domain", "name_vi", "name_en", "unit_vi", "unit_en",
                                "unit_kind", "decimals", "sort_order"]),
}
