"""govdash at national scale: one command that measures start-up, queries, page reruns, the
browser, server memory and a naive baseline, and writes a JSON file and a markdown table.

    .venv/bin/python benchmarks/run.py [--scale 1.0] [--out benchmarks/results] [--data DIR]
        [--store DIR] [--sections browser,picker] [--pages overview.py,budget.py]

It generates synthetic data (benchmarks/generate.py) in a temporary folder unless `--data`
names one, points govdash at it with GOVDASH_DATA_DIR (and at a temporary store cache with
GOVDASH_STORE_DIR, or at `--store`'s folder, whose store is reused when it matches), and runs each section in its own process so that one section's memory,
caches or crash cannot colour another's. A section that fails is reported with its error;
the others still run. Timings are wall-clock milliseconds; p50/p95 over every run.

Sections: startup, queries, pages, map, browser, picker, memory, naive. `browser` opens every page
in Chromium and times locality change → painted through the sidebar's picker and the picker's
client cost (`paint.py`); `picker` times the same picker on the bundled data for comparison.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
TESTS = ROOT / "tests"
for p in (str(ROOT), str(BENCH), str(TESTS)):
    if p not in sys.path:
        sys.path.insert(0, p)

SECTIONS = ["startup", "queries", "pages", "map", "browser", "picker", "memory", "naive"]
START_YEARS = {"from": "2022", "to": "2024"}  # every pre-2025 unit and current province has these
BUDGETS = {
    "query_p95_ms": 50, "page_p50_ms": 150, "page_p95_ms": 400, "paint_p50_ms": 700,
    "picker_client_p50_ms": 50,
    "built_store_start_ms": 2000, "rss_one_session_mb": 500, "rss_per_extra_session_mb": 15,
    "naive_ratio": 5, "map_json_kb": 400, "map_revisit_p50_ms": 40,
}


# ---------------------------------------------------------------- small helpers

def stats(samples_s: list[float]) -> dict:
    """n, p50, p95, min, max of durations given in seconds, reported in milliseconds."""
    ms = sorted(x * 1000 for x in samples_s)
    if not ms:
        return {"n": 0}
    def pct(q: float) -> float:
        k = (len(ms) - 1) * q
        lo, hi = int(k), min(int(k) + 1, len(ms) - 1)
        return ms[lo] + (ms[hi] - ms[lo]) * (k - lo)
    return {"n": len(ms), "p50": round(statistics.median(ms), 1), "p95": round(pct(0.95), 1),
            "min": round(ms[0], 1), "max": round(ms[-1], 1)}


def proc_status(pid: int | str = "self") -> dict:
    """VmRSS and VmHWM (peak resident set) of a process, in MB, from /proc."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = round(int(value.split()[0]) / 1024, 1)
    return out


def representative(data: Path) -> dict:
    """Locality codes of each kind in the synthetic set, and a change sequence for pages."""
    import pandas as pd
    locs = pd.read_csv(data / "localities.csv", dtype=str, keep_default_na=False)
    def pick(mask, k):
        codes = locs[mask]["code"].tolist()
        step = max(1, len(codes) // max(k, 1))
        return codes[::step][:k]
    unique = ~locs["name_vi"].duplicated(keep=False)
    provinces = pick(locs["level"].isin(["province", "central_city"]) & unique, 4)
    districts = pick(locs["code"].str.startswith("SYN-D"), 3)
    communes = pick(locs["code"].str.startswith("SYN-X"), 6)
    new = pick(locs["code"].str.startswith("SYN-N"), 1)
    names = dict(zip(locs["code"], locs["name_vi"]))
    # pages cycle through these: mostly communes (most of the localities), some provinces,
    # districts, and one current commune (no figures in 2022-2024: the empty state)
    def nth(codes, i):
        return codes[i % len(codes)]
    sequence = [nth(communes, 0), nth(provinces, 0), nth(communes, 1), nth(districts, 0),
                nth(communes, 2), nth(provinces, 1), nth(communes, 3), new[0], nth(districts, 1),
                nth(communes, 4), nth(provinces, 2), nth(communes, 5)]
    return {"province": "31" if "31" in names else provinces[0], "district": districts[0],
            "commune": communes[len(communes) // 2], "new_commune": new[0],
            "sequence": sequence, "browser": [c for c in sequence if c != new[0]],
            "names": {c: names[c] for c in set(sequence) | {"31"} if c in names}}


def page_files() -> list[str]:
    """Every page file present now (others may be adding pages while this runs)."""
    return sorted(p.name for p in (ROOT / "pages").glob("*.py"))


# ---------------------------------------------------------------- section: startup

STARTUP_PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
from govdash import db
t1 = time.perf_counter()
con = db.open_store()
t2 = time.perf_counter()
db.run_query("localities", con)
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "open_s": t2 - t1, "first_query_s": t3 - t2}))
"""


def _probe(env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", STARTUP_PROBE], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True, timeout=1800)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _store_files(store: Path) -> dict:
    """Store files by name and inode (a rebuild writes a new file; opening only touches it)."""
    return {p.name: p.stat().st_ino for p in store.glob("*.duckdb")} if store.is_dir() else {}


def section_startup(ctx: dict) -> dict:
    """CSVs → ready store (store cache emptied first), then from the built store; and a touched
    CSV (same content, new mtime) must not trigger a rebuild."""
    env = dict(os.environ)
    store = Path(env["GOVDASH_STORE_DIR"])
    cold, warm = [], []
    for _ in range(ctx["reps_cold"]):
        shutil.rmtree(store, ignore_errors=True)
        cold.append(_probe(env))
    for _ in range(ctx["reps_warm"]):
        warm.append(_probe(env))
    before = _store_files(store)
    csv = Path(ctx["data"]) / "sources.csv"
    os.utime(csv)  # same bytes, newer mtime: checksums decide, so no rebuild is expected
    touched = _probe(env)
    after = _store_files(store)
    return {
        "csv_to_store": stats([r["open_s"] for r in cold]),
        "built_store": stats([r["open_s"] for r in warm]),
        "built_store_first_query": stats([r["first_query_s"] for r in warm]),
        "import_govdash_db": stats([r["import_s"] for r in warm]),
        "touched_csv_open": stats([touched["open_s"]]),
        "store_files": sorted(after),
        "rebuilt_after_touch": bool(before) and before != after,
        "persistent_store": bool(after),
    }


# ---------------------------------------------------------------- section: queries

def _substitute(value, real_codes: set[str], code: str):
    """A case's parameter value with real locality codes replaced by a synthetic one."""
    if isinstance(value, str) and value in real_codes:
        return code
    if isinstance(value, (list, tuple)):
        return type(value)(_substitute(v, real_codes, code) for v in value)
    return value


# Queries that export everything (the `facts` command's CSV of every figure): no page runs
# them, so they are reported beside the page queries, not held to the page-query budget.
BULK_QUERIES = {"facts"}


def query_cases() -> dict:
    """Every query's parameters from the test cases (tests/test_queries.py + query_cases_*);
    a registry's `SYNTHETIC` dict overrides them with ids that exist in the synthetic data."""
    import importlib

    from test_queries import all_cases
    cases = {name: params for name, (params, _cols) in all_cases().items()}
    for path in sorted(TESTS.glob("query_cases_*.py")):
        cases.update(getattr(importlib.import_module(path.stem), "SYNTHETIC", {}))
    return cases


def section_queries(ctx: dict) -> dict:
    """Every queries/*.sql with its test-case parameters, localities swapped for synthetic
    ones of each level; p50/p95 over every run of every variant."""
    import pandas as pd

    from govdash import db
    con = db.open_store()
    real = set(pd.read_csv(ROOT / "data" / "localities.csv", dtype=str)["code"])
    cases = query_cases()
    files = sorted(p.stem for p in (ROOT / "queries").glob("*.sql"))
    codes = [ctx["codes"][k] for k in ("province", "district", "commune", "new_commune")]
    out = {}
    for name in files:
        params = cases.get(name)
        if params is None:
            out[name] = {"error": "no test case (tests/query_cases_*.py) for this query"}
            continue
        variants = [{k: _substitute(v, real, c) for k, v in params.items()} for c in codes]
        variants = [dict(t) for t in {tuple(sorted((k, json.dumps(v)) for k, v in v_.items()))
                                      for v_ in variants}]
        variants = [{k: json.loads(v) for k, v in d.items()} for d in variants]
        out[name] = _time_query(con, name, variants, ctx)
    # The test case of `facts` is the full export (every figure); the pages ask for one
    # locality and year, so that is measured too.
    out["facts_one"] = _time_query(con, "facts", [{"locality": c, "year": 2024} for c in codes], ctx)
    return out


def _time_query(con, name: str, variants: list[dict], ctx: dict) -> dict:
    from govdash import db
    samples, per_variant = [], []
    deadline = time.perf_counter() + ctx["query_time_cap_s"]
    try:
        for params in variants:
            db.run_query(name, con, **params)  # warm-up: first touch of the data pages
            own = []
            for _ in range(ctx["reps_query"]):
                t0 = time.perf_counter()
                df = db.run_query(name, con, **params)
                own.append(time.perf_counter() - t0)
                if time.perf_counter() > deadline:
                    break
            samples += own
            per_variant.append({"params": params, "rows": len(df), **stats(own)})
    except Exception as e:  # noqa: BLE001 - report, don't stop the benchmark
        return {"error": f"{type(e).__name__}: {e}"[:300], **stats(samples)}
    return {**stats(samples), "variants": per_variant}


# ---------------------------------------------------------------- section: pages

def _entry_on_every_rerun() -> None:
    """Make AppTest rerun dashboard.py (sidebar, navigation) on every run, as the server does.

    AppTest resets `PagesManager.uses_pages_directory` before each run, so with a `pages/`
    folder it falls back to the legacy multipage mode and, once a page is chosen, reruns only
    that page: the entry script (sidebar with every locality, URL sync) would go unmeasured.
    """
    from streamlit.runtime.pages_manager import PagesManager
    if getattr(PagesManager.__init__, "_bench_patched", False):
        return
    original = PagesManager.__init__
    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False
    init._bench_patched = True
    PagesManager.__init__ = init


def _apptest(path: Path, timeout: float, entry: bool = True):
    from streamlit.testing.v1 import AppTest
    if entry:
        _entry_on_every_rerun()
    return AppTest.from_file(str(path), default_timeout=timeout)


def section_page(ctx: dict) -> dict:
    """One page's server rerun through AppTest after a locality change, caches warm (its own
    process: a page too slow for the run is stopped without holding up the others)."""
    return _time_page(ctx["page"], ctx)


def _time_page(page: str, ctx: dict) -> dict:
    at = _apptest(ROOT / "dashboard.py", ctx["page_timeout_s"])
    at.query_params.update({"loc": ctx["codes"]["province"], **START_YEARS})
    samples, errors = [], []
    try:
        t0 = time.perf_counter()
        at.run()
        at.switch_page(f"pages/{page}").run()
        first = time.perf_counter() - t0
        deadline = time.perf_counter() + ctx["page_time_cap_s"]
        for code in ctx["codes"]["sequence"][:ctx["reps_page"]]:
            at.session_state["selection_locality"] = code
            t0 = time.perf_counter()
            at.run()
            samples.append(time.perf_counter() - t0)
            if at.exception:
                errors.append(f"{code}: {at.exception[0].message[:200]}")
            if time.perf_counter() > deadline and len(samples) >= 2:
                break
    except Exception as e:  # noqa: BLE001
        return {"error": f"{type(e).__name__}: {e}"[:300], **stats(samples)}
    return {**stats(samples), "first_run_ms": round(first * 1000), "exceptions": errors[:3]}


# ---------------------------------------------------------------- section: browser + memory

PAINTED_JS = """(name) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') === 'running') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const h1 = document.querySelector('h1');
  if (!h1 || !h1.innerText.includes(name)) return false;
  return document.querySelectorAll('[data-testid="stMetric"], .js-plotly-plot, [data-testid="stAlert"]').length > 0;
}"""
TWO_FRAMES_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"


class Server:
    """`streamlit run dashboard.py` on a free localhost port, with its process id for /proc."""

    def __init__(self, script: Path, env: dict):
        from browser import free_port
        self.port = free_port()
        self.base = f"http://localhost:{self.port}"
        self.log = tempfile.NamedTemporaryFile("w", prefix="govdash-bench-server-", suffix=".log",
                                               delete=False)
        cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(self.port),
               "--server.address", "localhost", "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_healthy()
        self.start_s = time.perf_counter() - t0

    def _wait_healthy(self) -> None:
        import urllib.request
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(self.base + "/_stcore/health", timeout=2)
                return
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"streamlit did not start; see {self.log.name}")
                time.sleep(0.2)

    def memory(self) -> dict:
        return proc_status(self.proc.pid)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _context(browser):
    """A fresh browser context (a new Streamlit session) whose requests never leave localhost,
    with the in-page recorder of `paint.INIT_JS` (WebSocket sends, inputs, script states)."""
    from urllib.parse import urlparse

    import paint
    from browser import LOCAL_HOSTS
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    def route(r):
        u = urlparse(r.request.url)
        if u.scheme in ("http", "https", "ws", "wss") and (u.hostname or "") not in LOCAL_HOSTS:
            return r.abort()
        return r.continue_()
    context.route("**/*", route)
    context.add_init_script(script=paint.INIT_JS)
    return context, context.new_page()


def _painted(page, name: str, timeout_ms: float) -> None:
    page.wait_for_function(PAINTED_JS, arg=name, timeout=timeout_ms, polling="raf")
    page.evaluate(TWO_FRAMES_JS)


def _load(page, base: str, code: str, name: str, timeout_ms: float) -> float:
    t0 = time.perf_counter()
    page.goto(f"{base}/?loc={code}&from={START_YEARS['from']}&to={START_YEARS['to']}&lang=vi")
    _painted(page, name, timeout_ms)
    return time.perf_counter() - t0


def _picker_data() -> tuple:
    """The localities and each one's area, as the sidebar's picker has them (from the store
    the server reads: both open it read-only)."""
    from govdash import db
    locs = db.run_query("localities")
    areas = db.run_query("sidebar_areas")
    return locs, dict(areas[["code", "area_code"]].itertuples(index=False))


def _change_locality(page, code: str, names: dict, area_of: dict, timeout_ms: float) -> None:
    """Pick `code` in the sidebar as a user does: its area first when the picker has an area
    box showing another area, then the locality itself (the Overview names it)."""
    import paint
    area = area_of.get(code, code)
    if paint.boxes(page) == 2:
        shown = page.locator(f'[data-testid="stSidebar"] .st-key-{paint.AREA_KEY} input').first.input_value()
        if not shown.startswith(names[area] + " ·"):
            paint.pick(page, paint.AREA_KEY, names[area], timeout_ms, check_name=True)
        if code == area:
            return
    paint.pick(page, paint.LOCALITY_KEY, names[code], timeout_ms, check_name=True)


def _launch(p):
    from browser import CHROMIUM, CHROMIUM_ARGS
    return p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def stats_ms(samples_ms: list[float]) -> dict:
    """`stats` of durations given in milliseconds."""
    return stats([x / 1000 for x in samples_ms])


def _page_url(base: str, page_file: str, code: str) -> str:
    slug = page_file.removesuffix(".py")
    path = "" if slug == "overview" else slug
    return f"{base}/{path}?loc={code}&from={START_YEARS['from']}&to={START_YEARS['to']}&lang=vi"


def _page_changes(browser, base: str, page_file: str, picks: dict, ctx: dict,
                  keyboard: bool = False) -> dict:
    """One page in a new session: its first load, then each planned pair of changes (the area,
    then a locality of it; with one box both in that box), timed in the page (`paint`)."""
    import paint
    names, timeout = picks["names"], ctx["browser_timeout_ms"]
    context, page = _context(browser)
    raw = {"area": [], "locality": [], "area_box_client": [], "locality_box_client": [],
           "keyboard_client": [], "keyboard_painted": []}
    out, url_ok, n = {"boxes": None}, 0, 0

    def change(key: str, code: str, kind: str, by_keyboard: bool = False) -> None:
        nonlocal url_ok, n
        r = paint.pick(page, key, names[code], timeout, out["names_locality"], keyboard=by_keyboard)
        box = "area_box_client" if key == paint.AREA_KEY else "locality_box_client"
        raw["keyboard_client" if by_keyboard else box].append(r["client_ms"])
        raw["keyboard_painted" if by_keyboard else kind].append(r["painted_ms"])
        n += 1
        url_ok += bool(re.search(rf"[?&]loc={re.escape(code)}(&|$)", page.url))

    try:
        start = picks["start"]
        out["first_load_ms"] = round(paint.load(page, _page_url(base, page_file, start), None, timeout))
        out["names_locality"] = paint.names_locality(page, names[start])
        out["boxes"] = paint.boxes(page)
        area_key = paint.AREA_KEY if out["boxes"] == 2 else paint.LOCALITY_KEY
        deadline = time.perf_counter() + ctx["browser_page_cap_s"]
        for area, member in picks["pairs"]:
            change(area_key, area, "area")
            change(paint.LOCALITY_KEY, member, "locality")
            if time.perf_counter() > deadline:
                break
        if keyboard:  # type without diacritics, ArrowDown to the option, Enter
            area, member = picks["pairs"][0]
            change(area_key, area, "area", by_keyboard=True)
            change(paint.LOCALITY_KEY, member, "locality", by_keyboard=True)
    except Exception as e:  # noqa: BLE001
        out["error"] = f"{type(e).__name__}: {e}"[:300]
        out["error_state"] = _state(page)
    finally:
        context.close()
    out.update({"area_change": stats_ms(raw["area"]), "locality_change": stats_ms(raw["locality"]),
                "change": stats_ms(raw["area"] + raw["locality"]),
                "client": {"area_box": stats_ms(raw["area_box_client"]),
                           "locality_box": stats_ms(raw["locality_box_client"])},
                "url_ok": f"{url_ok}/{n}", "raw": {k: [round(x, 1) for x in v] for k, v in raw.items()}})
    if keyboard:
        out["keyboard"] = {"client": stats_ms(raw["keyboard_client"]),
                           "painted": stats_ms(raw["keyboard_painted"])}
    return out


def _state(page) -> dict | str:
    """What the page showed when a change did not finish (for the report)."""
    try:
        return page.evaluate("""() => ({url: location.href, headings: [...document.querySelectorAll('h1')]
          .map(h => h.innerText), script: document.querySelector('[data-testid="stApp"]')
          ?.getAttribute('data-test-script-state'), stale: document.querySelectorAll('[data-stale="true"]').length,
          status: !!document.querySelector('[data-testid="stStatusWidget"]'),
          undrawn_charts: [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .filter(c => c.offsetParent !== null && !c.querySelector('.main-svg')).length,
          exception: [...document.querySelectorAll('[data-testid="stException"]')].map(e => e.innerText.slice(0, 300)),
          states: window.__bench.states.slice(-4), sends: window.__bench.sends.slice(-2)})""")
    except Exception as e:  # noqa: BLE001
        return f"{type(e).__name__}: {e}"[:200]


def _client_summary(pages: dict) -> dict:
    """The picker's client cost over every page: each box, and Enter from the keyboard."""
    raw = [v.get("raw") or {} for v in pages.values() if isinstance(v, dict)]
    return {"area_box": stats_ms([x for r in raw for x in r.get("area_box_client", [])]),
            "locality_box": stats_ms([x for r in raw for x in r.get("locality_box_client", [])]),
            "keyboard_enter": stats_ms([x for r in raw for x in r.get("keyboard_client", [])])}


def section_browser(ctx: dict) -> dict:
    """Real Chromium at the run's scale: first load of the Overview on a fresh server and on a
    warm one; then every page in a new session: locality change → painted through the sidebar's
    picker (a province in the area box, then a locality of it, as a user does it), and the
    picker's client cost (option click or Enter → rerun request sent)."""
    import paint
    from playwright.sync_api import sync_playwright
    codes, names, timeout = ctx["codes"], ctx["codes"]["names"], ctx["browser_timeout_ms"]
    locs, area_of = _picker_data()
    picks = paint.plan(locs, area_of, ctx["pairs_browser"], start=codes["province"])
    server = Server(ROOT / "dashboard.py", dict(os.environ))
    pages = {}
    try:
        with sync_playwright() as p:
            browser = _launch(p)
            _, page = _context(browser)
            cold = _load(page, server.base, codes["province"], names[codes["province"]], timeout)
            _, page2 = _context(browser)
            warm = [_load(page2, server.base, codes["province"], names[codes["province"]], timeout)]
            for page_file in page_files():
                if ctx.get("pages") and page_file not in ctx["pages"]:
                    continue
                print(f"[bench]   browser {page_file} …", file=sys.stderr, flush=True)
                pages[page_file] = _page_changes(browser, server.base, page_file, picks, ctx, keyboard=True)
            browser.close()
    finally:
        server.stop()
    return {"server_start": stats([server.start_s]), "first_load_cold_server": stats([cold]),
            "first_load_warm_server": stats(warm),
            "locality_change_to_painted": _get(pages, "overview.py", "change"),
            "localities": len(locs), "plan": picks, "pages": pages, "picker_client": _client_summary(pages)}


def section_picker(ctx: dict) -> dict:
    """The picker on the bundled data (today's single box of every locality), and with the
    two-box picker forced (`GOVDASH_PICKER_LIMIT=10`), on the Overview: the scale to compare the
    national figures of the browser section with."""
    import paint
    from playwright.sync_api import sync_playwright
    out = {}
    with tempfile.TemporaryDirectory(prefix="govdash-bench-store-") as store:
        os.environ.pop("GOVDASH_DATA_DIR", None)  # the bundled data/ (read at call time)
        os.environ["GOVDASH_STORE_DIR"] = store
        locs, area_of = _picker_data()
        picks = paint.plan(locs, area_of, ctx["pairs_picker"])
        for label, limit in (("one_box", None), ("two_boxes", "10")):
            env = {k: v for k, v in os.environ.items() if k != "GOVDASH_PICKER_LIMIT"}
            env.update({"GOVDASH_PICKER_LIMIT": limit} if limit else {})
            server = Server(ROOT / "dashboard.py", env)
            try:
                with sync_playwright() as p:
                    browser = _launch(p)
                    out[label] = _page_changes(browser, server.base, "overview.py", picks, ctx, keyboard=True)
                    browser.close()
            finally:
                server.stop()
    out["localities"] = len(locs)
    out["picker_client"] = _client_summary({k: v for k, v in out.items() if isinstance(v, dict)})
    return out


def section_memory(ctx: dict) -> dict:
    """Peak resident memory of the server with one session, then with `sessions` sessions
    (each loads the Overview for its own locality and changes locality once)."""
    from playwright.sync_api import sync_playwright
    codes, names, timeout = ctx["codes"], ctx["codes"]["names"], ctx["browser_timeout_ms"]
    locs, area_of = _picker_data()
    all_names = dict(zip(locs["code"], locs["name_vi"]))
    server = Server(ROOT / "dashboard.py", dict(os.environ))
    idle = server.memory()
    try:
        with sync_playwright() as p:
            browser = _launch(p)
            pages = []
            seq = codes["browser"]
            for i in range(ctx["sessions"]):
                _, page = _context(browser)
                first = seq[i % len(seq)]
                _load(page, server.base, first, names[first], timeout)
                second = seq[(i + 1) % len(seq)]
                _change_locality(page, second, all_names, area_of, timeout)
                pages.append(page)
                if i == 0:
                    time.sleep(1)
                    one = server.memory()
            time.sleep(1)
            many = server.memory()
            browser.close()
    finally:
        server.stop()
    extra = max(ctx["sessions"] - 1, 1)
    return {"idle_server": idle, "one_session": one, "sessions": ctx["sessions"], "n_sessions": many,
            "per_extra_session_mb": round((many["VmHWM"] - one["VmHWM"]) / extra, 1)}


# ---------------------------------------------------------------- section: naive baseline

def section_naive(ctx: dict) -> dict:
    """benchmarks/naive_overview.py (pandas over every CSV, plotly.express, no caching) rerun
    after a locality change through AppTest, like the pages section."""
    at = _apptest(BENCH / "naive_overview.py", ctx["naive_timeout_s"])
    at.query_params.update({"loc": ctx["codes"]["province"], **START_YEARS})
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    samples = []
    for code in ctx["codes"]["sequence"][:ctx["reps_naive"]]:
        at.selectbox(key="naive_locality").set_value(code)
        t0 = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - t0)
    errors = [e.message[:200] for e in at.exception]
    return {**stats(samples), "first_run_ms": round(first * 1000), "exceptions": errors}


# ---------------------------------------------------------------- section: map

def section_map(ctx: dict) -> dict:
    """The map page when its view changes (year, colour scale, boundaries, indicator): each
    rerun draws a map not drawn before (the figure cache cold), at national scale; and the
    size of the map figure's JSON (what the browser receives)."""
    from govdash.maps import ui as map_ui
    at = _apptest(ROOT / "dashboard.py", ctx["page_timeout_s"])
    at.query_params.update({"loc": ctx["codes"]["province"], **START_YEARS})
    samples, revisits, errors = [], [], []
    try:
        t0 = time.perf_counter()
        at.run()
        at.switch_page("pages/map.py").run()
        first = time.perf_counter() - t0
        years = list(at.selectbox(key="map_year").options)
        steps = [("map_year", int(y)) for y in years[:4]] + [("map_scale", "steps")]
        steps += [("map_year", int(y)) for y in years[:4]] + [("map_bounds", "current")]
        steps += [("map_year", int(y)) for y in years[:3]]
        deadline = time.perf_counter() + ctx["page_time_cap_s"]
        done = []

        def change(key: str, value, into: list) -> None:
            widget = at.selectbox(key=key) if key == "map_year" else at.segmented_control(key=key)
            if widget.disabled or widget.value == value:
                return
            widget.set_value(value)
            t0 = time.perf_counter()
            at.run()
            into.append(time.perf_counter() - t0)
            done.append((key, value))
            if at.exception:
                errors.append(f"{key}={value}: {at.exception[0].message[:200]}")

        for key, value in steps[:max(ctx["reps_page"], 4)]:
            change(key, value, samples)
            if time.perf_counter() > deadline and len(samples) >= 2:
                break
        # revisits: the years last drawn (same scale and boundaries), back and forth: each map
        # was drawn before, so this is what a user flicking between views waits for
        trail = []
        for key, value in reversed(done):
            if key != "map_year":
                break
            trail.insert(0, value)
        trail = list(dict.fromkeys(trail))
        for year in (trail[-2::-1] + trail[1:]) * 2 if len(trail) >= 2 else []:
            change("map_year", year, revisits)
    except Exception as e:  # noqa: BLE001
        return {"error": f"{type(e).__name__}: {e}"[:300], **stats(samples)}
    sizes = [len(c.proto.spec) for c in at.get("plotly_chart")][:1]
    return {**stats(samples), "revisit": stats(revisits), "first_run_ms": round(first * 1000),
            "exceptions": errors[:3], "figure_json_kb": round(sizes[0] / 1024, 1) if sizes else None,
            "map_height": map_ui.MAP_HEIGHT}


WORKERS = {"startup": section_startup, "map": section_map, "queries": section_queries, "page": section_page,
           "browser": section_browser, "picker": section_picker, "memory": section_memory, "naive": section_naive}


# ---------------------------------------------------------------- orchestration

def run_section(name: str, ctx: dict, env: dict, timeout: float | None = None) -> dict:
    """Run one section in its own Python process; its result, or its error."""
    timeout = timeout or ctx["section_timeout_s"]
    with tempfile.TemporaryDirectory(prefix="govdash-bench-") as tmp:
        ctx_file, result = Path(tmp) / "ctx.json", Path(tmp) / "result.json"
        ctx_file.write_text(json.dumps(ctx), encoding="utf-8")
        t0, load = time.perf_counter(), os.getloadavg()[0]
        try:
            proc = subprocess.run([sys.executable, __file__, "--worker", name, "--ctx", str(ctx_file),
                                   "--result", str(result)], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout:.0f} s", "seconds": round(timeout, 1)}
        seconds = round(time.perf_counter() - t0, 1)
        if proc.returncode != 0 or not result.is_file():
            return {"error": (proc.stderr or proc.stdout)[-1500:], "seconds": seconds}
        return {**json.loads(result.read_text(encoding="utf-8")), "seconds": seconds,
                "load_avg": [round(load, 1), round(os.getloadavg()[0], 1)]}


def run_pages(ctx: dict, env: dict, only: list[str] | None) -> dict:
    """Every page present now (or those asked for), each in its own process."""
    out = {}
    for page in page_files():
        if only and page not in only:
            continue
        print(f"[bench]   page {page} …", file=sys.stderr, flush=True)
        out[page] = run_section("page", {**ctx, "page": page}, env, timeout=ctx["page_timeout_s"])
    return out


def machine() -> dict:
    """What this ran on."""
    import duckdb
    import pandas
    import plotly
    import streamlit
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    mem = next(int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines()
               if l.startswith("MemTotal"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem / 1024 / 1024, 1),
            "os": platform.platform(), "python": platform.python_version(),
            "duckdb": duckdb.__version__, "streamlit": streamlit.__version__,
            "pandas": pandas.__version__, "plotly": plotly.__version__, "commit": commit}


def context(args, data: Path) -> dict:
    """Settings handed to every section."""
    quick = args.quick
    return {
        "data": str(data), "codes": representative(data), "quick": quick,
        "reps_cold": 1 if quick else 2, "reps_warm": 2 if quick else 5,
        "reps_query": 3 if quick else 10, "query_time_cap_s": 5 if quick else 20,
        "reps_page": 3 if quick else 12, "page_timeout_s": 120 if quick else 300,
        "page_time_cap_s": 10 if quick else 120,
        "browser_timeout_ms": 60_000 if quick else 180_000,
        "pairs_browser": 1 if quick else 6, "pairs_picker": 2 if quick else 8,
        "browser_page_cap_s": 20 if quick else 180,
        "pages": args.pages.split(",") if args.pages else None,
        "sessions": args.sessions, "reps_naive": 2 if quick else 3,
        "naive_timeout_s": 120 if quick else 600, "section_timeout_s": 600 if quick else 3600,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, help="an existing synthetic folder (else one is generated)")
    parser.add_argument("--store", type=Path, help="a store folder to reuse (else a temporary one, "
                        "built anew: ~5 minutes at national scale)")
    parser.add_argument("--out", type=Path, default=BENCH / "results")
    parser.add_argument("--label", help="file name of the report (default: scale-<scale>)")
    parser.add_argument("--sections", default=",".join(SECTIONS))
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--pages", help="comma-separated page files to measure (default: every page)")
    parser.add_argument("--quick", action="store_true", help="few repetitions (the test suite's run)")
    parser.add_argument("--keep-data", action="store_true")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="print a before/after table of two JSON reports and exit")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--ctx", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        print(compare_md(before, after), end="")
        return 0
    if args.worker:
        ctx = json.loads(args.ctx.read_text(encoding="utf-8"))
        result = WORKERS[args.worker](ctx)
        args.result.write_text(json.dumps(result, ensure_ascii=False, default=str), encoding="utf-8")
        return 0
    return orchestrate(args)


def orchestrate(args) -> int:
    """Generate (or reuse) data, run every section, write the JSON and markdown reports."""
    import generate
    tmp = Path(tempfile.mkdtemp(prefix="govdash-bench-"))
    try:
        if args.data:
            data, gen = args.data.resolve(), {"folder": str(args.data), "reused": True}
        else:
            gen = generate.generate(tmp / "data", args.scale, args.years, args.seed)
            data = Path(gen["folder"])
        store = args.store.resolve() if args.store else tmp / "store"
        env = {**os.environ, "GOVDASH_DATA_DIR": str(data), "GOVDASH_STORE_DIR": str(store),
               "PYTHONDONTWRITEBYTECODE": "1"}
        ctx = context(args, data)
        report = {"meta": {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                           "label": args.label or f"scale-{args.scale:g}", "scale": args.scale,
                           "data": gen, "figures": _count_figures(data), "machine": machine(),
                           "quick": args.quick}}
        for name in SECTIONS:
            if name in args.sections.split(","):
                print(f"[bench] {name} …", file=sys.stderr, flush=True)
                report[name] = (run_pages(ctx, env, ctx["pages"])
                                if name == "pages" else run_section(name, ctx, env))
            else:
                report[name] = {"skipped": True}
        report["budgets"] = budgets(report)
        write_reports(report, args.out, report["meta"]["label"])
    finally:
        if args.keep_data:
            print(f"[bench] data kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _count_figures(data: Path) -> int:
    import duckdb

    from govdash.db import figure_resources, load_package
    files = [str(data / r["path"]) for r in figure_resources(load_package(data))]
    con = duckdb.connect()
    return con.execute("select count(*) from read_csv($f, header = true, all_varchar = true)",
                       {"f": files}).fetchone()[0]


# ---------------------------------------------------------------- budgets and reports

def _get(report: dict, *keys, default=None):
    node = report
    for k in keys:
        if not isinstance(node, dict) or k not in node:
            return default
        node = node[k]
    return node


def budgets(r: dict) -> list[dict]:
    """Every budget of issue 7 with the measured figure, met or not, and the margin."""
    out = []
    def add(name, measured, limit, unit, higher_is_better=False):
        met = None if measured is None else (measured >= limit if higher_is_better else measured <= limit)
        out.append({"budget": name, "limit": limit, "measured": measured, "unit": unit, "met": met})
    queries = {k: v for k, v in (r.get("queries") or {}).items()
               if isinstance(v, dict) and "n" in v and k not in BULK_QUERIES}
    worst_q = max(queries.items(), key=lambda kv: kv[1].get("p95", 0), default=(None, {}))
    over = sorted(k for k, v in queries.items() if v.get("p95", 0) > BUDGETS["query_p95_ms"])
    add(f"every page query p95 (worst: {worst_q[0]}; over: {', '.join(over) or 'none'}; "
        f"bulk exports not counted: {', '.join(sorted(BULK_QUERIES))})",
        worst_q[1].get("p95"), BUDGETS["query_p95_ms"], "ms")
    pages = {k: v for k, v in (r.get("pages") or {}).items() if isinstance(v, dict) and v.get("n")}
    worst_p50 = max(pages.items(), key=lambda kv: kv[1]["p50"], default=(None, {}))
    worst_p95 = max(pages.items(), key=lambda kv: kv[1]["p95"], default=(None, {}))
    add(f"page rerun p50 (worst: {worst_p50[0]})", worst_p50[1].get("p50"), BUDGETS["page_p50_ms"], "ms")
    add(f"page rerun p95 (worst: {worst_p95[0]})", worst_p95[1].get("p95"), BUDGETS["page_p95_ms"], "ms")
    for page, v in (_get(r, "browser", "pages", default={}) or {}).items():
        worse = max((v.get(k) or {}).get("p50") or 0 for k in ("area_change", "locality_change"))
        add(f"locality change to painted p50 ({page}; the worse of area and locality picks)",
            worse or None, BUDGETS["paint_p50_ms"], "ms")
    if not _get(r, "browser", "pages"):
        add("locality change to painted p50", _get(r, "browser", "locality_change_to_painted", "p50"),
            BUDGETS["paint_p50_ms"], "ms")
    for box, label in (("area_box", "area box"), ("locality_box", "locality box"),
                       ("keyboard_enter", "Enter in a box")):
        add(f"picker client cost p50 ({label}: input → rerun request; every page)",
            _get(r, "browser", "picker_client", box, "p50"), BUDGETS["picker_client_p50_ms"], "ms")
    add("start-up from a built store", _get(r, "startup", "built_store", "p50"),
        BUDGETS["built_store_start_ms"], "ms")
    rebuilt = _get(r, "startup", "rebuilt_after_touch")
    persistent = _get(r, "startup", "persistent_store")
    out.append({"budget": "store rebuilt only when a CSV changes", "limit": "no rebuild on touch",
                "measured": ("no persistent store" if not persistent else
                             "rebuilt" if rebuilt else "not rebuilt"), "unit": "",
                "met": None if rebuilt is None else bool(persistent and not rebuilt)})
    add("server peak RSS, 1 session", _get(r, "memory", "one_session", "VmHWM"),
        BUDGETS["rss_one_session_mb"], "MB")
    add("server peak RSS per extra session", _get(r, "memory", "per_extra_session_mb"),
        BUDGETS["rss_per_extra_session_mb"], "MB")
    add("map page rerun on a view change p50 (a map not drawn before)", _get(r, "map", "p50"),
        BUDGETS["page_p50_ms"], "ms")
    add("map page rerun back to a view drawn before p50", _get(r, "map", "revisit", "p50"),
        BUDGETS["map_revisit_p50_ms"], "ms")
    add("map figure JSON", _get(r, "map", "figure_json_kb"), BUDGETS["map_json_kb"], "kB")
    naive, ours = _get(r, "naive", "p50"), _get(r, "pages", "overview.py", "p50")
    ratio = round(naive / ours, 1) if naive and ours else None
    add("page rerun vs naive baseline (overview p50 ratio)", ratio, BUDGETS["naive_ratio"], "×",
        higher_is_better=True)
    return out


def _fmt(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"
    return str(v)


def markdown(r: dict) -> str:
    """The report as markdown tables (medians and p95, milliseconds unless stated)."""
    m = r["meta"]
    mc = m["machine"]
    lines = [f"# govdash benchmark — {m['label']}", "",
             f"- date: {m['date']}; commit {mc['commit']}",
             f"- machine: {mc['cpu']}, {mc['cores']} cores, {mc['ram_gb']} GB RAM; {mc['os']}",
             f"- software: Python {mc['python']}, DuckDB {mc['duckdb']}, Streamlit {mc['streamlit']}, "
             f"pandas {mc['pandas']}, Plotly {mc['plotly']}",
             f"- data: SYNTHETIC, scale {m['scale']:g}: {m['figures']:,} figures"
             + (f", {m['data'].get('localities', '?'):,} localities" if isinstance(m['data'].get('localities'), int) else "")
             + ("" if not m.get("quick") else " (quick run: few repetitions)"),
             f"- 1-minute load average during the sections: {_load_range(r)} (2 cores shared with "
             "other work: figures above ~2 are inflated by contention)"]
    lines += [f"- note: {m['note']}"] if m.get("note") else []
    lines += [""]
    lines += ["## Budgets", "", "| budget | limit | measured | met |", "|---|---|---|---|"]
    for b in r["budgets"]:
        met = {True: "yes", False: "**no**", None: "—"}[b["met"]]
        lines.append(f"| {b['budget']} | {_fmt(b['limit'])} {b['unit']} | {_fmt(b['measured'])} {b['unit']} | {met} |")
    lines += _section_md(r)
    return "\n".join(lines) + "\n"


def _load_range(r: dict) -> str:
    loads = [x for v in r.values() if isinstance(v, dict) for x in v.get("load_avg", [])]
    loads += [x for v in (r.get("pages") or {}).values() if isinstance(v, dict)
              for x in v.get("load_avg", [])]
    return f"{min(loads):.1f}–{max(loads):.1f}" if loads else "—"


def _row(name: str, s: dict | None, extra: str = "") -> str:
    s = s or {}
    if "error" in s and "p50" not in s:
        return f"| {name} | — | — | — | error: {str(s['error']).splitlines()[-1][:120]} |"
    return f"| {name} | {_fmt(s.get('p50'))} | {_fmt(s.get('p95'))} | {s.get('n', 0)} | {extra} |"


def _section_md(r: dict) -> list[str]:
    head = ["| what | p50 ms | p95 ms | n | note |", "|---|---|---|---|---|"]
    out = ["", "## 1. Start-up", ""] + head
    st_ = r.get("startup") or {}
    for key, label in (("csv_to_store", "CSVs → ready store"), ("built_store", "from the built store"),
                       ("built_store_first_query", "first query after opening"),
                       ("touched_csv_open", "open after `touch` of a CSV"),
                       ("import_govdash_db", "import govdash.db (Python, info)")):
        out.append(_row(label, st_.get(key) if key in st_ else st_ if "error" in st_ else None,
                        f"rebuilt: {st_.get('rebuilt_after_touch')}" if key == "touched_csv_open" else ""))
    out += ["", "## 2. Queries (test-case parameters, synthetic localities of each level)", ""] + head
    for name, s in (r.get("queries") or {}).items():
        if isinstance(s, dict):
            rows = ", ".join(str(v.get("rows")) for v in (s.get("variants") or []))
            note = (f"rows: {rows}" if rows else "") + ("; bulk export (CLI), no page runs it"
                                                         if name in BULK_QUERIES else "")
            out.append(_row(name, s, note))
    out += ["", "## 3. Page server rerun after a locality change (AppTest, caches warm)", ""] + head
    for name, s in (r.get("pages") or {}).items():
        if isinstance(s, dict):
            note = f"first run {s.get('first_run_ms', '—')} ms"
            if s.get("exceptions"):
                note += f"; exceptions: {len(s['exceptions'])}"
            out.append(_row(name, s, note))
    mp = r.get("map") or {}
    out += ["", "## 3b. Map page rerun on a view change (year, scale, boundaries; a new map each time)", ""] + head
    out.append(_row("map view change", mp if mp.get("n") or "error" in mp else None,
                    f"first run {mp.get('first_run_ms', '—')} ms; figure JSON {mp.get('figure_json_kb', '—')} kB"))
    if (mp.get("revisit") or {}).get("n"):
        out.append(_row("map back to a view drawn before", mp["revisit"]))
    b = r.get("browser") or {}
    out += ["", "## 4. Real browser (headless Chromium)", ""] + head
    for key, label in (("server_start", "server start to healthy"),
                       ("first_load_cold_server", "first load of the Overview (fresh server)"),
                       ("first_load_warm_server", "first load of the Overview (new session)"),
                       ("locality_change_to_painted", "locality change → painted, Overview (both picks)")):
        out.append(_row(label, b.get(key) if key in b else b if "error" in b else None))
    out += _browser_pages_md(b)
    out += _picker_md(b, r.get("picker") or {})
    mem = r.get("memory") or {}
    out += ["", "## 5. Server memory (resident set, MB)", "", "| state | RSS | peak (VmHWM) |", "|---|---|---|"]
    if "error" in mem:
        out.append(f"| error | {str(mem['error']).splitlines()[-1][:120]} | |")
    for key, label in (("idle_server", "server started, no session"), ("one_session", "1 session"),
                       ("n_sessions", f"{mem.get('sessions', '?')} sessions")):
        v = mem.get(key) or {}
        out.append(f"| {label} | {_fmt(v.get('VmRSS'))} | {_fmt(v.get('VmHWM'))} |")
    out.append(f"| per extra session (peak) | | {_fmt(mem.get('per_extra_session_mb'))} |")
    nv = r.get("naive") or {}
    ours = _get(r, "pages", "overview.py", "p50")
    ratio = f"{nv['p50'] / ours:,.0f}× slower than govdash" if nv.get("p50") and ours else ""
    out += ["", "## 6. Naive baseline (benchmarks/naive_overview.py)", ""] + head
    out.append(_row("naive Overview rerun after a locality change", nv, ratio))
    out.append(_row("govdash Overview rerun after a locality change", _get(r, "pages", "overview.py")))
    return out


def _browser_pages_md(b: dict) -> list[str]:
    """Every page: locality change → painted by kind of pick, its first load, the URL check."""
    pages = b.get("pages") or {}
    if not pages:
        return []
    out = ["", "### 4b. Locality change → painted, every page (in-page clock: input → rerun "
           "finished, nothing stale, charts drawn, the heading naming the locality where the page "
           "names one, two frames)", "",
           "| page | area pick p50 | p95 | locality pick p50 | p95 | n | first load | boxes | loc= in URL | note |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for page, v in pages.items():
        a, loc = v.get("area_change") or {}, v.get("locality_change") or {}
        note = "heading names the locality" if v.get("names_locality") else "heading does not name it"
        if v.get("error"):
            note += f"; error: {str(v['error']).splitlines()[0][:100]}"
        out.append(f"| {page} | {_fmt(a.get('p50'))} | {_fmt(a.get('p95'))} | {_fmt(loc.get('p50'))} | "
                   f"{_fmt(loc.get('p95'))} | {a.get('n', 0) + loc.get('n', 0)} | {_fmt(v.get('first_load_ms'))} | "
                   f"{v.get('boxes') or '—'} | {v.get('url_ok', '—')} | {note} |")
    return out


def _picker_md(b: dict, pk: dict) -> list[str]:
    """The picker's client cost: national (every page of the browser section), bundled data."""
    head = ["", "### 4c. The picker's client cost (option pointerdown or Enter → rerun request "
            "sent on the WebSocket, in-page clock)", "",
            "| scale | box | p50 ms | p95 ms | n | note |", "|---|---|---|---|---|---|"]
    rows = []
    def add(scale, client, note=""):
        for box, label in (("area_box", "area box"), ("locality_box", "locality box"),
                           ("keyboard_enter", "Enter (keyboard)")):
            s = (client or {}).get(box) or {}
            if s.get("n"):
                rows.append(f"| {scale} | {label} | {_fmt(s.get('p50'))} | {_fmt(s.get('p95'))} | {s['n']} | {note} |")
    add(f"this run ({b.get('localities') or 0:,} localities)", b.get("picker_client"), "every page")
    if "error" in pk and "one_box" not in pk:
        rows.append(f"| bundled | — | — | — | — | error: {str(pk['error']).splitlines()[-1][:120]} |")
    for key, label in (("one_box", "one box"), ("two_boxes", "two boxes, GOVDASH_PICKER_LIMIT=10")):
        if isinstance(pk.get(key), dict):
            client = {**(pk[key].get("client") or {}), "keyboard_enter": _get(pk, key, "keyboard", "client")}
            add(f"bundled ({pk.get('localities') or 0:,} localities), {label}", client, "Overview")
    return head + rows if rows else []


COMPARED = [  # (label, path in the report, unit)
    ("start-up: CSVs → ready store", ("startup", "csv_to_store", "p50"), "ms"),
    ("start-up: from the built store", ("startup", "built_store", "p50"), "ms"),
    ("query overview_kpis p95", ("queries", "overview_kpis", "p95"), "ms"),
    ("query facts (one locality-year) p95", ("queries", "facts_one", "p95"), "ms"),
    ("query localities p95", ("queries", "localities", "p95"), "ms"),
    ("query coverage p95", ("queries", "coverage", "p95"), "ms"),
    ("query sources_list p95", ("queries", "sources_list", "p95"), "ms"),
    ("Overview rerun p50", ("pages", "overview.py", "p50"), "ms"),
    ("Overview rerun p95", ("pages", "overview.py", "p95"), "ms"),
    ("first load of the Overview, fresh server", ("browser", "first_load_cold_server", "p50"), "ms"),
    ("locality change → painted p50 (Overview)", ("browser", "locality_change_to_painted", "p50"), "ms"),
    ("budget page: locality pick → painted p50", ("browser", "pages", "budget.py", "locality_change", "p50"), "ms"),
    ("picker client cost p50, area box", ("browser", "picker_client", "area_box", "p50"), "ms"),
    ("picker client cost p50, locality box", ("browser", "picker_client", "locality_box", "p50"), "ms"),
    ("server peak RSS, 1 session", ("memory", "one_session", "VmHWM"), "MB"),
    ("server peak RSS, 10 sessions", ("memory", "n_sessions", "VmHWM"), "MB"),
    ("naive Overview rerun p50", ("naive", "p50"), "ms"),
]


def compare_md(before: dict, after: dict) -> str:
    """A before/after table of the headline figures of two reports (same data, same machine)."""
    lines = [f"| measure | before ({before['meta']['date'][:10]}) | after ({after['meta']['date'][:10]}) "
             "| after / before |", "|---|---|---|---|"]
    for label, path, unit in COMPARED:
        b, a = _get(before, *path), _get(after, *path)
        ratio = f"{a / b:.2f}" if a is not None and b else "—"
        lines.append(f"| {label} | {_fmt(b)} {unit} | {_fmt(a)} {unit} | {ratio} |")
    ours = [(_get(r, "naive", "p50"), _get(r, "pages", "overview.py", "p50")) for r in (before, after)]
    ratios = [f"{n / o:.1f}×" if n and o else "—" for n, o in ours]
    lines.append(f"| naive baseline / govdash Overview rerun (p50) | {ratios[0]} | {ratios[1]} | |")
    return "\n".join(lines) + "\n"


def write_reports(report: dict, out: Path, label: str) -> tuple[Path, Path]:
    """`<out>/<label>.json` and `<out>/<label>.md`."""
    out.mkdir(parents=True, exist_ok=True)
    j, m = out / f"{label}.json", out / f"{label}.md"
    j.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    m.write_text(markdown(report), encoding="utf-8")
    print(f"[bench] wrote {j} and {m}", file=sys.stderr)
    return j, m


if __name__ == "__main__":
    sys.exit(main())
