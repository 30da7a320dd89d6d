"""The columns of the one figure projection (`queries/models/labelled_figures.sql`) that the
figure queries select from; the query cases of several areas assert them."""

LABELLED = [
    "figure_id", "domain", "locality_code", "locality_name_vi", "locality_name_en", "level", "body",
    "indicator", "indicator_name_vi", "indicator_name_en", "unit_vi", "unit_en", "unit_kind", "decimals",
    "summable", "higher_is_better", "max_value", "share_group", "headline", "sort_order", "period_start",
    "period_end", "period_kind", "year", "value", "qualifier", "status", "preferred", "flag", "source_id",
    "source_title", "source_publisher", "source_reliability", "source_grade", "quote", "derived_from", "derivation", "note"]
