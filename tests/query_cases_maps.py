"""Query cases of the map page (run by tests/test_queries.py on fixture and real data)."""

CASES = {
    "map_coverage": ({}, ["indicator", "body", "year", "province_count"]),
    "map_localities": ({}, ["code", "name_vi", "name_en", "level", "valid_to", "successor_code",
                            "renamed_on", "former_name_vi", "former_name_en"]),
}
