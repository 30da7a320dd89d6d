"""Are the domain charts' own margins enough? (issue 16)

The builders in `govdash/domains/charts.py` compute every margin themselves (`finish`) and draw
with `automargin` off, which spares Plotly.js a second layout pass (measure tick labels, redraw)
and halves a chart's drawing time. This tool checks that the computed margins are enough: each
figure is drawn in headless Chromium (Debian's, through Playwright) at the width the page gives
it (`charts.WIDE` for a full-width chart, `charts.NARROW` for a half-width one), with automargin
turned ON on every axis, and the margins Plotly settles on (`gd._fullLayout._size`) are compared
with the figure's own `layout.margin`. Where Plotly grows a side, the computed margin is too small.

    .venv/bin/python benchmarks/chart_margins.py                 # bundled data, every locality
    GOVDASH_DATA_DIR=/work/syn-full2 GOVDASH_STORE_DIR=/work/syn-store \
        .venv/bin/python benchmarks/chart_margins.py --localities 31 01 79 ...
    .venv/bin/python benchmarks/chart_margins.py --shots /tmp/shots --match budget/01

Prints the worst growth per side and every figure grown by more than `--tolerance` px; exits 1
if any. `--shots DIR` also writes a PNG of the matching figures as built (automargin off).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("budget", "sessions", "supervision", "voters")
RANGES = ((2021, 2025), (2023, 2023), (2016, 2025))
LANGS = ("vi", "en")
CHROMIUM = "/usr/bin/chromium"

MEASURE_JS = """async ([fig, width, force]) => {
    const f = JSON.parse(JSON.stringify(fig));
    if (force) {
        for (const k of Object.keys(f.layout)) {
            if (/^[xy]axis\\d*$/.test(k)) f.layout[k].automargin = true;
        }
    }
    const d = document.getElementById('g');
    Plotly.purge(d); d.innerHTML = ''; d.style.width = width + 'px';
    await Plotly.newPlot(d, f.data, f.layout, {displaylogo: false});
    // what an axis needs beyond the figure's own margin at the plot's outer edges (l and b at
    // fraction 0, r and t at 1); Plotly's solver also shrinks the plot for pushes inside it (a
    // top label's 12 px pad at the bottom edge), which no margin cures and automargin off ignores
    const pm = d._fullLayout._pushmargin, m = f.layout.margin || {}, out = {l: 0, r: 0, t: 0, b: 0, by: {}};
    for (const [id, push] of Object.entries(pm)) {
        if (id === 'base') continue;
        for (const side of ['l', 'r', 't', 'b']) {
            const p = push[side];
            if (!p || p.val !== ((side === 'l' || side === 'b') ? 0 : 1)) continue;
            const grow = p.size - m[side];
            if (grow > out[side]) { out[side] = grow; }
            if (grow > 0) out.by[id + ':' + side] = grow;
        }
    }
    return out;
}"""


def chart_figures(page: str, shown: tuple[str, ...], year_from: int, year_to: int, lang: str):
    """(key, figure dict, width) of every chart of a domain page for a selection."""
    from govdash.domains import build, charts
    data = build.load(page, shown, year_from, year_to)
    view = build.build(page, data, shown, year_from, year_to, lang, render=())
    for index, section in enumerate(view.sections):
        for chart in build.draw(section.parts, shown, year_from, year_to, lang):
            if chart.figure is None:
                continue
            width = charts.WIDE if chart.wide else charts.NARROW
            yield f"{page}/{'+'.join(shown)}/{year_from}-{year_to}/{lang}/{index}/{chart.key}", \
                chart.figure.to_plotly_json(), width


def selections(localities: list[str], ranges=RANGES, compare: bool = True):
    """(page, shown, year_from, year_to) for each locality alone and with its default comparison."""
    from govdash import db
    from govdash.domains import build
    for page in PAGES:
        domains = build.page_spec(page).domains
        for loc in localities:
            for year_from, year_to in ranges:
                yield page, (loc,), year_from, year_to
                if compare:
                    cov = db.run_query("domain_coverage", domains=domains, year_from=year_from,
                                       year_to=year_to, locality=loc)
                    others = tuple(build.default_compare(cov, loc))
                    if others:
                        yield page, (loc, *others), year_from, year_to


def collect(localities: list[str], ranges=RANGES, langs=LANGS, compare: bool = True) -> dict:
    """Every distinct figure of the selections: {key: (figure dict, width)} (duplicates dropped)."""
    out, seen = {}, set()
    for page, shown, year_from, year_to in selections(localities, ranges, compare):
        for lang in langs:
            for key, fig, width in chart_figures(page, shown, year_from, year_to, lang):
                fig = json.loads(json.dumps(fig, default=str))
                sig = (json.dumps(fig, sort_keys=True), width)
                if sig in seen:
                    continue
                seen.add(sig)
                out[key] = (fig, width)
    return out


def plotly_js() -> str:
    import plotly
    return (Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js").read_text()


def measure(figs: dict, force: bool = True, shots: Path | None = None, match: str = "") -> dict:
    """{key: {side: px Plotly grew it by}} with automargin forced on (`force`) on every axis."""
    from playwright.sync_api import sync_playwright
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_content("<html><body style='margin:0'><div id=g></div></body></html>")
        page.add_script_tag(content=plotly_js())
        for key, (fig, width) in figs.items():
            out[key] = page.evaluate(MEASURE_JS, [fig, width, force])
            if shots is not None and match in key:
                page.evaluate(MEASURE_JS, [fig, width, False])  # as built
                shots.mkdir(parents=True, exist_ok=True)
                name = key.replace("/", "_").replace("+", "-")[:180]
                page.locator("#g").screenshot(path=str(shots / f"{name}.png"))
        browser.close()
    return out


def report(grown: dict, tolerance: float) -> int:
    worst = {side: max((g[side], k) for k, g in grown.items()) for side in "lrtb"} if grown else {}
    kinds: dict = {}
    for key, g in grown.items():
        for axis, px in g.get("by", {}).items():
            name = f"{key.split('/')[-1]} {axis}"
            kinds[name] = max(kinds.get(name, 0), px)
    for side, (px, key) in worst.items():
        print(f"worst {side}: {px:6.1f} px  {key}")
    for name, px in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"chart/axis {px:6.1f} px  {name}")
    bad = {k: g for k, g in grown.items() if max(g[s] for s in "lrtb") > tolerance}
    for key, g in sorted(bad.items(), key=lambda kv: -max(kv[1][s] for s in "lrtb"))[:40]:
        print(f"GROWN {max(g[s] for s in 'lrtb'):6.1f}  {g}  {key}")
    print(f"{len(grown)} figures, {len(bad)} grown by more than {tolerance} px")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--localities", nargs="*", help="locality codes (default: every one with figures)")
    ap.add_argument("--no-compare", action="store_true", help="each locality alone only")
    ap.add_argument("--ranges", nargs="*", help="year ranges like 2021-2025 (default: three)")
    ap.add_argument("--tolerance", type=float, default=1.0)
    ap.add_argument("--shots", type=Path, help="write PNGs of the matching figures here")
    ap.add_argument("--match", default="", help="substring of the figure keys to shoot / keep")
    ap.add_argument("--dump", type=Path, help="write the figures as JSON (key: figure) here")
    args = ap.parse_args()
    from govdash import db
    localities = args.localities
    if not localities:
        locs = db.run_query("localities")
        localities = [str(c) for c in locs.loc[locs["figure_count"] > 0, "code"]]
    ranges = [tuple(int(y) for y in r.split("-")) for r in args.ranges] if args.ranges else RANGES
    figs = collect(localities, ranges, compare=not args.no_compare)
    if args.match:
        figs = {k: v for k, v in figs.items() if args.match in k}
    if args.dump:
        args.dump.write_text(json.dumps({k: f for k, (f, _) in figs.items()}))
    print(f"{len(figs)} distinct figures from {len(localities)} localities", flush=True)
    return report(measure(figs, shots=args.shots, match=args.match), args.tolerance)


if __name__ == "__main__":
    sys.exit(main())
