"""Query cases of the benchmark area (see tests/test_queries.py)."""

CASES = {
    "bench_synthetic": ({}, ["synthetic"]),
}
