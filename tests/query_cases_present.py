"""Query cases of the presenter kit (run by tests/test_queries.py on fixture and real data)."""

CASES = {
    "present_indicators": ({}, ["indicator", "domain", "name_vi", "name_en", "unit_vi", "unit_en",
                                "unit_kind", "decimals", "sort_order"]),
    "present_figures": ({"locality": "31", "domains": ["sessions", "resolutions", "budget"], "year_from": 2021,
                         "year_to": 2023},
                        ["figure_id", "domain", "locality_code", "locality_name", "locality_name_en", "level",
                         "body", "indicator", "indicator_name", "indicator_name_en", "name_vi", "name_en",
                         "unit_vi", "unit_en", "unit_kind", "decimals", "summable", "higher_is_better",
                         "max_value", "share_group", "headline", "sort_order", "period_start", "period_end",
                         "period_kind", "year", "value", "qualifier", "status", "preferred", "flag", "source_id",
                         "source_title", "source_publisher", "quote", "derived_from", "derivation", "note",
                         "session_number"]),
}
