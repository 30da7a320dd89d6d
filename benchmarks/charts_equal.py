"""Do two versions of the domain chart builders draw the same figures? And how long do they take?

    .venv/bin/python benchmarks/charts_equal.py [--ref REF] [--national N] [--seed S] [--quick]

Loads `govdash/domains/charts.py` as it is at git REF (default `main`) beside the working copy,
and draws every chart of every domain page with both (`build.build`, which calls the builders
through `build.charts`), from the same loaded rows: on the bundled data every locality alone and
with its default comparison, in both languages, over a few year ranges; with `--national N`, N
selections of the national synthetic store (GOVDASH_DATA_DIR / GOVDASH_STORE_DIR set beforehand;
the localities of `run.representative()` first, then random ones, each with its default
comparison). Each pair of figures is compared three ways: `to_json()` byte for byte; as data
(the parsed JSON equal, i.e. the same keys and values whatever their order); and the rest of
each chart (key, title, source line, note). Prints counts, the first differences, and the time
each version took to draw (their ratio per selection: same process, interleaved).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

from govdash import db  # noqa: E402
from govdash.domains import build, charts  # noqa: E402

PAGES = ["budget", "sessions", "voters", "supervision"]
# localities of different levels shown together (panels per tier) in the bundled data
MIXED = [("31", "288"), ("30", "288", "X-TP1-BACSON"), ("V-DBSH", "31", "288"), ("31", "X-TP1", "X-TP1-BACSON"),
         ("36", "288", "V-DBSH", "X-TP1"), ("288", "31")]


def old_charts(ref: str) -> types.ModuleType:
    """`govdash/domains/charts.py` at git `ref`, as the module `govdash.domains.charts_at_ref`."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:govdash/domains/charts.py"],
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("govdash.domains.charts_at_ref")
    module.__file__ = f"{ref}:govdash/domains/charts.py"
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def _diff(a, b, path="") -> str | None:
    """The first place two parsed JSON values differ, or None."""
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} {a!r:.80} != {type(b).__name__} {b!r:.80}"
    if isinstance(a, dict):
        if set(a) != set(b):
            return f"{path}: keys {sorted(set(a) ^ set(b))}"
        return next((d for k in a if (d := _diff(a[k], b[k], f"{path}.{k}"))), None)
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := _diff(x, y, f"{path}[{i}]"))), None)
    return None if a == b else f"{path}: {a!r:.80} != {b!r:.80}"


class Tally:
    """Counts of figure pairs compared, and the first differences found."""

    def __init__(self):
        self.charts = self.bytes_same = self.data_same = self.sorted_same = self.empty = self.panels = 0
        self.differences: list[str] = []
        self.times: dict[str, list[float]] = {"old": [], "new": []}

    def compare(self, label: str, old: list, new: list) -> None:
        if [c.key for c in old] != [c.key for c in new]:
            self.differences.append(f"{label}: charts {[c.key for c in old]} != {[c.key for c in new]}")
            return
        for a, b in zip(old, new):
            self.charts += 1
            rest_a = (a.title, a.source_line, a.note, a.kind, a.wide)
            rest_b = (b.title, b.source_line, b.note, b.kind, b.wide)
            if rest_a != rest_b:
                self.differences.append(f"{label} {a.key}: chart fields {rest_a} != {rest_b}")
            if a.figure is None or b.figure is None:
                self.empty += 1
                if (a.figure is None) != (b.figure is None):
                    self.differences.append(f"{label} {a.key}: one figure is None")
                continue
            ja, jb = a.figure.to_json(), b.figure.to_json()
            self.bytes_same += ja == jb
            da, db_ = json.loads(ja), json.loads(jb)
            self.panels += "xaxis2" in da["layout"]
            self.sorted_same += json.dumps(da, sort_keys=True) == json.dumps(db_, sort_keys=True)
            if da == db_ and _diff(da, db_) is None:
                self.data_same += 1
            else:
                self.differences.append(f"{label} {a.key}: {_diff(da, db_)}")

    def report(self, title: str) -> bool:
        print(f"\n## {title}")
        print(f"charts compared: {self.charts} ({self.empty} with no figure in both)")
        print(f"same data (parsed JSON equal): {self.data_same} of {self.charts - self.empty}")
        print(f"same bytes with keys sorted:   {self.sorted_same} of {self.charts - self.empty}")
        print(f"same bytes (to_json equal):    {self.bytes_same} of {self.charts - self.empty}")
        print(f"figures with several panels (tiers): {self.panels}")
        for line in self.differences[:15]:
            print("  DIFF", line)
        if len(self.differences) > 15:
            print(f"  … {len(self.differences) - 15} more differences")
        old, new = self.times["old"], self.times["new"]
        if old:
            ratios = [o / n for o, n in zip(old, new) if n]
            print(f"draw every chart of a page, ms: old p50 {statistics.median(old):.1f} max {max(old):.1f}"
                  f" | new p50 {statistics.median(new):.1f} max {max(new):.1f}"
                  f" | old/new per selection p50 {statistics.median(ratios):.1f}")
        return not self.differences


def draw_both(tally: Tally, old, page: str, shown: tuple[str, ...], years: tuple[int, int], lang: str,
              con=None) -> None:
    """Build one page for one selection with each version of the builders and compare the charts."""
    y0, y1 = years
    data = build.load(page, shown, y0, y1, con=con)
    made = {}
    for name, module in (("old", old), ("new", charts)) if random.random() < 0.5 else (("new", charts), ("old", old)):
        build.charts = module
        try:
            t0 = time.perf_counter()
            view = build.build(page, data, shown, y0, y1, lang)
            tally.times[name].append((time.perf_counter() - t0) * 1000)
        finally:
            build.charts = charts
        made[name] = [c for s in view.sections for c in s.charts]
    tally.compare(f"{page} {shown} {y0}-{y1} {lang}", made["old"], made["new"])


def selections(con, page: str, codes: list[str], years: tuple[int, int]):
    """Each code alone and with its default comparison (when it has one)."""
    domains = build.page_spec(page).domains
    for code in codes:
        yield (code,)
        coverage = db.run_query("domain_coverage", con, domains=domains, year_from=years[0], year_to=years[1],
                                locality=code)
        compare = build.default_compare(coverage, code)
        if compare:
            yield (code, *compare)


def bundled(old, quick: bool) -> bool:
    """Every locality of the bundled data, alone and compared, both languages, a few year ranges."""
    import pandas as pd
    con = db.connection()
    codes = pd.read_csv(ROOT / "data" / "localities.csv", dtype=str)["code"].tolist()
    if quick:
        codes = codes[::5]
    tally = Tally()
    ranges = [(2021, 2025), (2023, 2023), (2019, 2024)] if not quick else [(2021, 2025)]
    for page in PAGES:
        for years in ranges:
            for shown in [*selections(con, page, codes, years), *MIXED]:
                for lang in ("vi", "en"):
                    draw_both(tally, old, page, shown, years, lang, con)
    return tally.report("bundled data")


def national(old, n: int, seed: int) -> bool:
    """`n` selections of the national store: representative localities first, then random ones."""
    import pandas as pd
    import run as bench
    data = Path(os.environ["GOVDASH_DATA_DIR"])
    con = db.connection()
    rep = bench.representative(data)
    codes = list(dict.fromkeys(rep["sequence"] + [rep["province"], rep["district"], rep["commune"]]))
    every = pd.read_csv(data / "localities.csv", dtype=str, keep_default_na=False)["code"].tolist()
    rng = random.Random(seed)
    tally, done = Tally(), 0
    ranges = [(2022, 2024), (2023, 2023), (2020, 2025)]
    while done < n:
        code = codes.pop(0) if codes else rng.choice(every)
        page, years, lang = PAGES[done % 4], ranges[done % 3 if done >= 16 else 0], "vi" if done % 5 else "en"
        shown_list = list(selections(con, page, [code], years))
        if done % 10 == 9 and code != rep["province"]:  # other levels beside it: a panel per tier
            shown_list.append((code, rep["province"], rep["district"]))
        for shown in shown_list:
            draw_both(tally, old, page, shown, years, lang, con)
            done += 1
    return tally.report(f"national store ({os.environ['GOVDASH_DATA_DIR']}), {done} selections")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="git ref of the builders to compare with")
    parser.add_argument("--national", type=int, default=0, help="selections of the national store")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--quick", action="store_true", help="bundled data: a fifth of the localities, one year range")
    args = parser.parse_args()
    random.seed(args.seed)
    old = old_charts(args.ref)
    ok = national(old, args.national, args.seed) if args.national else bundled(old, args.quick)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
