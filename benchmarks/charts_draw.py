"""Time `build.draw` of the open section of each domain page, two versions of the chart builders
side by side in one process.

    GOVDASH_DATA_DIR=/work/syn-full GOVDASH_STORE_DIR=/work/syn-store \\
        .venv/bin/python benchmarks/charts_draw.py [--ref REF] [--repeat 3]

For every page and each locality of `run.representative()["sequence"]` (with the comparison the
page draws unasked, as a first visit does), the first section's charts are drawn with the builders
at git REF (default `main`, see charts_equal.py) and with the working copy, interleaved, `--repeat`
times each; a selection's time is its fastest draw. Prints median and max per page and version.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import charts_equal  # noqa: E402
import run as bench  # noqa: E402

from govdash import db  # noqa: E402
from govdash.domains import build, charts  # noqa: E402


def selection(con, page: str, code: str, years: tuple[int, int]) -> tuple[str, ...]:
    """The locality and the comparison its page draws unasked."""
    coverage = db.run_query("domain_coverage", con, domains=build.page_spec(page).domains,
                            year_from=years[0], year_to=years[1], locality=code)
    return (code, *build.default_compare(coverage, code))


def time_draw(module, parts, shown, years, lang) -> float:
    build.charts = module
    try:
        t0 = time.perf_counter()
        build.draw(parts, shown, *years, lang)
        return (time.perf_counter() - t0) * 1000
    finally:
        build.charts = charts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    old = charts_equal.old_charts(args.ref)
    con = db.connection()
    codes = bench.representative(Path(os.environ["GOVDASH_DATA_DIR"]))["sequence"]
    years = (int(bench.START_YEARS["from"]), int(bench.START_YEARS["to"]))
    print(f"build.draw of the open (first) section, ms; fastest of {args.repeat} per selection; "
          f"{len(codes)} selections, {years[0]}–{years[1]}, vi")
    print(f"{'page':12} {'charts':>6} | {'old p50':>8} {'old max':>8} | {'new p50':>8} {'new max':>8} | {'ratio p50':>9}")
    for page in ("budget", "sessions", "voters", "supervision"):
        times, n_charts = {"old": [], "new": []}, 0
        for code in codes:
            shown = selection(con, page, code, years)
            data = build.load(page, shown, *years, con=con)
            view = build.build(page, data, shown, *years, "vi", render=())
            open_section = next((s for s in view.sections if s.has_content()), view.sections[0])
            n_charts += len(open_section.parts)
            best = {"old": [], "new": []}
            for _ in range(args.repeat):
                for name, module in (("old", old), ("new", charts)):
                    best[name].append(time_draw(module, open_section.parts, shown, years, "vi"))
            for name in best:
                times[name].append(min(best[name]))
        ratios = [o / n for o, n in zip(times["old"], times["new"]) if n]
        print(f"{page:12} {n_charts:>6} | {statistics.median(times['old']):8.1f} {max(times['old']):8.1f} | "
              f"{statistics.median(times['new']):8.1f} {max(times['new']):8.1f} | {statistics.median(ratios):9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
