"""Query cases of the map page (run by tests/test_queries.py on fixture and real data)."""

CASES = {
    "map_coverage": ({}, ["indicator", "body", "year", "province_count"]),
    "map_localities": ({}, ["code", "level", "name_vi", "name_en", "valid_from", "valid_to"]),
}
