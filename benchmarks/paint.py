"""In-page timing of the sidebar's locality picker for benchmarks/run.py (issue 16): a locality
change → painted on any page, and the picker's own client cost.

Everything is timed with the page's clock (`performance.now()`), so no Playwright round trip
is counted: an init script (`INIT_JS`, given to `context.add_init_script`) wraps
`WebSocket.prototype.send` and records each rerun request (a BackMsg whose top-level field is
`rerun_script`; heartbeats are left out), listens on that socket for each ForwardMsg
`script_finished`, and records every pointerdown / pointerup / keydown (capturing listeners,
before the widget sees them) and every change of the app's script state. One change yields

- `client_ms`: the option's pointerdown (or the Enter key's keydown) → the rerun request sent
  over the WebSocket: what the picker itself costs the browser;
- `painted_ms`: the same input → painted: a `script_finished` (not "early, for a rerun")
  received after that request, the app's script state `notRunning`, no status widget, no stale
  element, every visible Plotly chart drawn, the page heading naming the new locality when the
  page names one, then two animation frames. (A fast rerun may never show the script state
  `running`: React commits both states at once, so the finished message is what counts.)

The picker is the two-box one above `PICKER_LIMIT` localities (`sel_area`, then `sel_locality`
of that area) or the single `sel_locality` box; `pick` works the way a user does: click the
box, type the name without diacritics, click the option (or arrow down and Enter).
"""
from __future__ import annotations

import re
import time

from govdash.text import fold

AREA_KEY, LOCALITY_KEY = "sel_area", "sel_locality"  # govdash.ui.K_AREA, K_LOC

INIT_JS = r"""(() => {
  if (window.__bench) return;
  const w = window.__bench = {sends: [], finished: [], inputs: [], states: [], painted: null, framed: null};
  // top-level field numbers (and varint values) of a protobuf message: enough to tell a
  // BackMsg rerun_script (11) from a heartbeat, and to find a ForwardMsg script_finished (6)
  const fields = (bytes) => {
    const out = []; let i = 0;
    const varint = () => { let v = 0, s = 1, b; do { b = bytes[i++]; v += (b & 0x7f) * s; s *= 128; }
                           while (b & 0x80 && i < bytes.length); return v; };
    while (i < bytes.length) {
      const key = varint(), wire = key % 8, field = Math.floor(key / 8);
      if (wire === 0) out.push([field, varint()]);
      else if (wire === 2) { const n = varint(); out.push([field, null]); i += n; }
      else if (wire === 1) { out.push([field, null]); i += 8; }
      else if (wire === 5) { out.push([field, null]); i += 4; }
      else break;
    }
    return out;
  };
  const bytesOf = (d) => d instanceof ArrayBuffer ? new Uint8Array(d)
    : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : null;
  const received = (at, bytes) => {
    for (const [field, value] of fields(bytes)) if (field === 6) w.finished.push([value, at]);
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    const at = performance.now(), bytes = bytesOf(data);
    if (bytes && fields(bytes).some(([f]) => f === 11)) w.sends.push(at);
    if (!this.__benchListening) {
      this.__benchListening = true;
      this.addEventListener('message', (e) => {
        const t = performance.now();
        if (e.data instanceof Blob) e.data.arrayBuffer().then(b => received(t, new Uint8Array(b)));
        else { const b = bytesOf(e.data); if (b) received(t, b); }
      });
    }
    return send.apply(this, arguments);
  };
  const note = (e) => w.inputs.push([e.type, e.type === 'keydown' ? e.key : '', performance.now()]);
  for (const type of ['pointerdown', 'pointerup', 'keydown']) window.addEventListener(type, note, true);
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) w.states.push([r.target.getAttribute('data-test-script-state'), now]);
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
})();"""

# Shared by both conditions: the run is over, nothing stale, every visible chart drawn.
_SETTLED = r"""
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (chart.offsetParent !== null && !chart.querySelector('.main-svg')) return false;
  }
  const headings = [...document.querySelectorAll('h1')].map(h => h.innerText);
  if (!headings.length) return false;
  if (name && !headings.some(h => h.includes(name))) return false;
"""

_FRAMED = r"""
  if (w.painted === null) {
    w.painted = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { w.framed = performance.now(); }));
  }
  return w.framed === null ? false : true;
"""

LOADED_JS = "(name) => { const w = window.__bench;" + r"""
  if (!w.finished.some(([status]) => status !== 2)) return false;""" + _SETTLED + _FRAMED + "}"

CHANGED_JS = "([name, since]) => { const w = window.__bench;" + r"""
  const input = w.inputs.find(([type, key, t]) => t >= since && (type === 'pointerdown' || key === 'Enter'));
  if (!input) return false;
  const send = w.sends.find(t => t >= input[2]);
  if (send === undefined) return false;
  if (!w.finished.some(([status, t]) => status !== 2 && t > send)) return false;""" + _SETTLED + \
    r"""  w.change = {input: input[2], send: send};""" + _FRAMED + "}"

MARK_JS = "() => { const w = window.__bench; w.painted = null; w.framed = null; w.change = null;" \
          " return performance.now(); }"
RESULT_JS = "() => { const w = window.__bench; const up = w.inputs.find(([t, k, at]) =>" \
            " t === 'pointerup' && at >= w.change.input);" \
            " return {client_ms: w.change.send - w.change.input, painted_ms: w.framed - w.change.input," \
            " client_from_pointerup_ms: up ? w.change.send - up[2] : null}; }"
HEADINGS_JS = "() => [...document.querySelectorAll('h1')].map(h => h.innerText)"


def has_box(page, key: str) -> bool:
    """Whether the sidebar shows the selectbox with widget key `key`."""
    return page.locator(f'[data-testid="stSidebar"] .st-key-{key} input').count() > 0


def boxes(page) -> int:
    """How many boxes the locality picker has (2: area then locality; 1: one list)."""
    return 2 if has_box(page, AREA_KEY) else 1


def load(page, url: str, name: str | None, timeout_ms: float) -> float:
    """Open `url`; milliseconds (page clock, from navigation start) until it is first painted,
    then wait until it stays settled (a first run may ask for another) with the picker drawn."""
    page.goto(url)
    page.wait_for_function(LOADED_JS, arg=name, timeout=timeout_ms, polling="raf")
    painted = page.evaluate("() => window.__bench.framed")
    settle(page, timeout_ms)
    return painted


SETTLED_JS = "() => { const name = null;" + _SETTLED + \
    " return !!document.querySelector('[data-testid=\"stSidebar\"] .st-key-" + LOCALITY_KEY + " input'); }"


RUNS_JS = "() => { const w = window.__bench; return [w.sends.length, w.finished.length, w.states.length]; }"


def settle(page, timeout_ms: float, quiet_ms: int = 500) -> None:
    """Wait until the app is settled and stays so for `quiet_ms` with no new script run."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        page.wait_for_function(SETTLED_JS, timeout=max(1000, (deadline - time.monotonic()) * 1000))
        runs = page.evaluate(RUNS_JS)
        page.wait_for_timeout(quiet_ms)
        if page.evaluate(SETTLED_JS) and page.evaluate(RUNS_JS) == runs:
            return
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not settle")


def names_locality(page, name: str) -> bool:
    """Whether a page heading names `name` (the domain pages, the Overview, the slides)."""
    return any(name in h for h in page.evaluate(HEADINGS_JS))


def pick(page, key: str, name: str, timeout_ms: float, check_name: bool,
         keyboard: bool = False) -> dict:
    """Choose `name` in the sidebar box `key` as a user does: click the box, type the name
    without diacritics, click its option (or ArrowDown until it is active, then Enter).
    Returns client_ms and painted_ms (page clock) of the change."""
    box = page.locator(f'[data-testid="stSidebar"] .st-key-{key} input').first
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(fold(name))
    option = page.get_by_role("option", name=re.compile("^" + re.escape(name) + " ·")).first
    option.wait_for(timeout=timeout_ms)
    if keyboard:
        _arrow_to(page, option)
    since = page.evaluate(MARK_JS)
    if keyboard:
        page.keyboard.press("Enter")
    else:
        option.click()
    page.wait_for_function(CHANGED_JS, arg=[name if check_name else None, since],
                           timeout=timeout_ms, polling="raf")
    result = page.evaluate(RESULT_JS)
    settle(page, timeout_ms, quiet_ms=300)  # the next change starts from a quiet page
    return result


def _arrow_to(page, option, limit: int = 30) -> None:
    """ArrowDown until `option` is the active one (the combobox marks the first match active
    as soon as one types, so Enter alone may do)."""
    for _ in range(limit):
        if option.evaluate("o => o.hasAttribute('data-focused')"
                           " || document.activeElement?.getAttribute('aria-activedescendant') === o.id"):
            return
        page.keyboard.press("ArrowDown")
    raise RuntimeError(f"ArrowDown never reached {option.inner_text()!r}")


def plan(locs, area_of: dict[str, str], pairs: int, start: str = "31",
         years: tuple[int, int] = (2022, 2024)) -> dict:
    """Where the changes go: `pairs` (area, locality of that area) spread over the list, areas
    other than the start's, names unique (the option and the heading identify the unit). The
    localities have figures in `years` where the area has such (the pages draw them, not an
    empty state): two thirds of the lowest level (communes), one third the level above.

    `locs` is the `localities` query's result, `area_of` the `sidebar_areas` mapping."""
    counts = locs["name_vi"].value_counts()
    names = dict(zip(locs["code"], locs["name_vi"]))
    unique = {c for c, n in names.items() if counts[n] == 1}
    start = start if start in names else next(iter(names))
    members: dict[str, list[dict]] = {}
    for row in locs.to_dict("records"):
        area = area_of.get(row["code"], row["code"])
        if row["code"] != area and row["code"] in unique and area in unique:
            members.setdefault(area, []).append(row)
    areas = [a for a in members if a != area_of.get(start, start)]
    step = max(1, len(areas) // max(pairs, 1))
    spread = areas[::step][:pairs]
    if len(spread) >= 2:  # few areas (small data): go round them; two in a row always differ
        spread = [spread[i % len(spread)] for i in range(pairs)]
    chosen = [(a, _member(members[a], i, years)) for i, a in enumerate(spread)]
    return {"start": start, "pairs": chosen,
            "names": {c: names[c] for c in {start, *(c for pair in chosen for c in pair)}}}


def _member(rows: list[dict], i: int, years: tuple[int, int]) -> str:
    """The i-th pick among an area's localities (see `plan`)."""
    def shown(r) -> bool:
        first, last = r.get("first_year"), r.get("last_year")
        return r.get("figure_count", 0) > 0 and first == first and last == last \
            and int(first) <= years[1] and int(last) >= years[0]  # x == x: not NaN
    rows = [r for r in rows if shown(r)] or rows
    levels = sorted({r["level_order"] for r in rows}, reverse=True)  # lowest level first
    level = levels[1] if i % 3 == 1 and len(levels) > 1 else levels[0]
    of_level = [r["code"] for r in rows if r["level_order"] == level]
    return of_level[(i * 7) % len(of_level)]
