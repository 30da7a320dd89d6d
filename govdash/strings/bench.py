"""Strings of the benchmark area: the banner shown when the app runs on synthetic data."""

STRINGS = {
    "bench_synthetic_banner": {
        "vi": "Dữ liệu tổng hợp — chỉ dùng để đo hiệu năng",
        "en": "Synthetic data — for performance measurement only",
    },
}
