"""Query cases of the shared sidebar (see tests/test_queries.py)."""

CASES = {
    "sidebar_areas": ({}, ["code", "area_code"]),
}
