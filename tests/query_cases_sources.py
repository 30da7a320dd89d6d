"""Query cases of the sources page (run by tests/test_queries.py on fixture and real data, and
by the benchmark at national scale)."""

from query_columns import LABELLED

CASES = {
    "source_matches": ({"search": "hai phong 2023"}, ["source_id"]),
    "source_figures": ({"source_id": "hp-hdnd-2024-03-12-review", "search": "", "limit": 200, "offset": 0},
                       LABELLED + ["source_row", "match_count"]),
    "figure_source": ({"figure_id": "hp-hdnd-2024-03-12-review-02"}, ["figure_id", "source_id", "source_row"]),
}

# The same queries with ids of the synthetic national data (benchmarks/generate.py: one source
# per province and year, the largest with 13,680 figures), for measuring them at scale: the
# real ids above do not exist there.
SYNTHETIC = {
    "source_matches": {"search": "ha noi 2020"},
    "source_figures": {"source_id": "syn-75-2016", "search": "", "limit": 200, "offset": 5000},
    "figure_source": {"figure_id": "syn-75-2016-budget-000002"},
}
