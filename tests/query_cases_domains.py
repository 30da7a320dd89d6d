"""Query cases of the domain pages (issue 4): each query run on fixture and real data by
tests/test_queries.py, with the columns it must return."""
from query_columns import LABELLED

CASES = {
    "domain_figures": (
        {"domains": ["sessions", "resolutions", "budget"], "localities": ["31", "288"],
         "year_from": 2020, "year_to": 2025},
        [c for c in LABELLED if c not in ("share_group", "source_grade")] + ["session_number", "previous_value", "previous_status", "previous_period_start",
                    "previous_period_end"],
    ),
    "domain_coverage": (
        {"domains": ["petitions", "citizen_reception"], "year_from": 2020, "year_to": 2025, "locality": "31"},
        ["locality_code", "locality_name_vi", "locality_name_en", "level", "year", "figure_count",
         "result_count", "annual_count", "level_order", "same_tier_near", "near"],
    ),
    "session_register_rows": (
        {"localities": ["31", "36"], "year_from": 2022, "year_to": 2024},
        ["session_id", "locality_code", "locality_name_vi", "locality_name_en", "level", "term",
         "session_number", "kind", "status", "start_date", "end_date", "known_date", "year",
         "resolutions_passed", "resolutions_qualifier", "resolutions_status", "source_id", "source_title",
         "source_publisher", "quote", "note"],
    ),
}
