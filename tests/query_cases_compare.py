"""Query cases of the compare page (run by tests/test_queries.py on fixture and real data)."""

CASES = {
    "compare_peers": (
        {"locality": "31", "indicator": "grdp_growth", "body": None, "year_from": 2021, "year_to": 2023,
         "limit": 4},
        ["code", "same_region", "years_covered", "figure_count"]),
    "compare_figures": (
        {"indicator": "voter_petitions", "body": None, "localities": ["31", "37"], "year_from": 2020,
         "year_to": 2025, "bounds": "current"},
        ["series_code", "parent_code", "series_role", "position", "series_name_vi", "series_name_en",
         "series_era_count",
         "locality_code", "body", "period_start", "period_end", "period_kind", "year", "value",
         "qualifier", "status", "includes_estimate", "preferred", "flag", "figure_id", "source_id",
         "source_title", "source_publisher", "quote", "derivation", "note", "derived", "complete",
         "component_ids", "component_codes", "component_values", "component_qualifiers",
         "component_statuses", "component_sources", "component_quotes", "missing_codes",
         "before_merger", "chartable", "rank"]),
    "compare_indicators": (
        {},
        ["indicator", "domain", "name_vi", "name_en", "unit_vi", "unit_en", "unit_kind", "decimals",
         "summable", "higher_is_better", "headline", "sort_order", "description_en", "figure_count",
         "annual_count", "bodies"]),
    "compare_localities": (
        {"codes": ["31", "37"]},
        ["code", "name_vi", "name_en", "level", "parent_code", "valid_to", "is_current", "figure_count",
         "successor_code", "successor_name_vi", "successor_name_en", "successor_since",
         "predecessor_codes", "predecessor_names_vi", "predecessor_names_en", "other_names_vi",
         "other_names_en", "level_order",
         "area_code", "current_area_code", "display_order"]),
    "compare_locality_options": (
        {"bounds": "published", "area": "31", "top_only": False},
        ["code", "name_vi", "name_en", "level", "is_current", "successor_code", "successor_name_vi",
         "successor_name_en", "predecessor_names_vi", "predecessor_names_en", "other_names_vi",
         "other_names_en", "display_order"]),
    "compare_areas": (
        {"bounds": "published"},
        ["code", "name_vi", "name_en", "locality_count", "display_order"]),
    "compare_coverage": (
        {"domain": "budget", "localities": ["31", "30"], "limit": 20},
        ["locality_code", "year", "figure_count", "reported_count", "estimated_count", "planned_count",
         "derived_count", "chosen", "display_order", "locality_total"]),
    "compare_reorganisation": ({}, ["first_date"]),
}
