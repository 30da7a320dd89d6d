"""Query cases of the map page (run by tests/test_queries.py on fixture and real data)."""

CASES = {
    "map_figures": (
        {"indicator": "grdp_growth", "body": None, "year_from": 2020, "year_to": 2025},
        ["series_code", "series_role", "locality_code", "body", "period_start", "period_end", "period_kind",
         "year", "value", "qualifier", "status", "includes_estimate", "preferred", "flag", "figure_id",
         "source_id", "source_title", "quote", "derived", "complete", "chartable", "component_ids",
         "component_sources", "missing_codes"]),
    "map_coverage": ({}, ["indicator", "body", "year", "province_count"]),
    "map_localities": ({}, ["code", "level", "name_vi", "name_en", "valid_from", "valid_to"]),
}
