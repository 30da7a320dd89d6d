"""Many sessions at once, driven the way browsers drive Streamlit, without a browser.

Each simulated session speaks Streamlit's own WebSocket protocol (`BackMsg` / `ForwardMsg`
protobufs on `/_stcore/stream`, the XSRF token in the subprotocol header as the frontend sends
it): it opens /budget, makes 4 locality changes there (the sidebar selectbox's widget state, as
a click sends it), then goes to / and makes 4 more, waiting a random think time between two
actions. The latency of an action is from sending it to the server's `script_finished` (the
rerun's every delta received). A browser would add its own painting; this leaves the machine's
cores to the server, which is what is being measured.

    .venv/bin/python benchmarks/sessions.py --url http://localhost:8501 --sessions 1,5,10,25 \
        [--think 0.5-1.5] [--out benchmarks/results/sessions.json] [--pid PID ...]

Start the server first (`scripts/run.sh`, or `scripts/serve.sh` for several workers) on the data
to measure (`GOVDASH_DATA_DIR`). `--pid` names server processes whose resident memory (with
their children) is sampled during the run. Reports p50/p95 per page and per N, as JSON and as
a markdown table on stdout.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

LOCALITY_LABEL = ("Địa phương", "Locality")
AREA_LABEL = ("Tỉnh, thành phố", "Province or city")
CHANGES = 4  # locality changes per page
PAGES = ("budget", "")  # url paths: the budget page, then the overview (/)


def _xsrf(base: str) -> tuple[str, str]:
    """The `_streamlit_xsrf` cookie the server hands out (and the proxy's affinity cookie)."""
    with urllib.request.urlopen(base + "/_stcore/health", timeout=30) as answer:
        cookies = [c.split(";")[0] for c in answer.headers.get_all("Set-Cookie") or []]
    jar = dict(c.split("=", 1) for c in cookies)
    return jar["_streamlit_xsrf"], "; ".join(cookies)


class Session:
    """One simulated browser tab."""

    def __init__(self, base: str, query: str, rng: random.Random):
        self.base, self.query, self.rng = base, query, rng
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.locality: tuple[str, list[str]] | None = None  # widget id, option labels
        self.area: tuple[str, list[str]] | None = None  # the same of the area picker, if shown
        self.changes = 0

    async def connect(self) -> None:
        token, cookie = await asyncio.to_thread(_xsrf, self.base)
        host = urlparse(self.base).netloc
        self.ws = await websockets.connect(
            f"ws://{host}/_stcore/stream", subprotocols=["streamlit", token],
            additional_headers={"Cookie": cookie, "Origin": self.base}, max_size=None,
            open_timeout=60, ping_interval=None)

    async def close(self) -> None:
        await self.ws.close()

    async def _rerun(self, page_name: str = "", page_hash: str = "",
                     widgets: list[WidgetState] | None = None) -> float:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_name = page_name
        state.page_script_hash = page_hash
        if widgets:
            state.widget_states.widgets.extend(widgets)
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await self._until_finished()
        return time.perf_counter() - t0

    async def _until_finished(self) -> None:
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(self.ws.recv(), 600))
            kind = fwd.WhichOneof("type")
            if kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in fwd.navigation.app_pages}
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                if element.WhichOneof("type") == "selectbox" and element.selectbox.label in LOCALITY_LABEL:
                    self.locality = (element.selectbox.id, list(element.selectbox.options))
                elif element.WhichOneof("type") == "selectbox" and element.selectbox.label in AREA_LABEL:
                    self.area = (element.selectbox.id, list(element.selectbox.options))
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RuntimeError("the script did not compile")

    async def open(self, path: str) -> float:
        """Open a page the way a page load does (first run of a new session)."""
        return await self._rerun(page_name=path)

    async def go(self, path: str) -> float:
        """Follow the navigation link to another page."""
        return await self._rerun(page_hash=self.pages[path])

    async def change_locality(self) -> float:
        """Pick another locality in the sidebar: with one picker any of them; where the sidebar
        lists one area at a time (national scale), every other change picks another area (which
        shows that province) and the others a locality of the area shown."""
        self.changes += 1
        widget_id, options = self.area if self.area and self.changes % 2 else self.locality
        state = WidgetState(id=widget_id, string_value=self.rng.choice(options))
        return await self._rerun(page_hash=self.page_hash, widgets=[state])


async def one_session(base: str, query: str, think: tuple[float, float], seed: int,
                      samples: dict[str, list[float]], errors: list[str]) -> None:
    rng = random.Random(seed)
    await asyncio.sleep(rng.uniform(0, think[1]))  # people do not all click at the same instant
    session = Session(base, query, rng)
    try:
        await session.connect()
        samples["open_budget"].append(await session.open(PAGES[0]))
        for i, path in enumerate(PAGES):
            if i:
                await asyncio.sleep(rng.uniform(*think))
                samples["go_overview"].append(await session.go(path))
            for _ in range(CHANGES):
                await asyncio.sleep(rng.uniform(*think))
                samples[path or "overview"].append(await session.change_locality())
    except Exception as problem:  # noqa: BLE001 - a failed session is reported, the others go on
        errors.append(f"{type(problem).__name__}: {problem}"[:200])
    finally:
        try:
            await session.close()
        except Exception:  # noqa: BLE001
            pass


def _rss_mb(pids: list[int]) -> float:
    """Resident memory of `pids` and all their descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    todo, seen, total = list(pids), set(), 0
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return round(total / 1024, 1)


async def run(base: str, n: int, think: tuple[float, float], query: str, pids: list[int],
              seed: int = 7, rounds: int = 1) -> dict:
    """N sessions at once (`rounds` times one after the other, their samples pooled: one session
    alone makes only 4 changes a page, too few for a p95); latencies per action kind; peak
    server memory."""
    samples = {k: [] for k in ("open_budget", "budget", "go_overview", "overview")}
    errors: list[str] = []
    peak = [0.0]

    async def sample_memory():
        while True:
            if pids:
                peak[0] = max(peak[0], _rss_mb(pids))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample_memory())
    t0 = time.perf_counter()
    for r in range(rounds):
        await asyncio.gather(*(one_session(base, query, think, seed * 1000 + r * 100 + i, samples, errors)
                               for i in range(n)))
    sampler.cancel()
    return {"sessions": n, "rounds": rounds, "think_s": list(think), "seconds": round(time.perf_counter() - t0, 1),
            "errors": errors[:5], "n_errors": len(errors), "peak_rss_mb": peak[0] if pids else None,
            **{k: stats(v) for k, v in samples.items()}}


def stats(samples_s: list[float]) -> dict:
    """n, p50 and p95 in milliseconds."""
    ms = sorted(x * 1000 for x in samples_s)
    if not ms:
        return {"n": 0}
    k = (len(ms) - 1) * 0.95
    lo, hi = int(k), min(int(k) + 1, len(ms) - 1)
    return {"n": len(ms), "p50": round(statistics.median(ms)), "p95": round(ms[lo] + (ms[hi] - ms[lo]) * (k - lo))}


def markdown(results: list[dict], label: str) -> str:
    lines = [f"### {label}", "",
             "| sessions | think (s) | /budget change p50 / p95 (ms) | / change p50 / p95 | open /budget p50 / p95 | peak RSS (MB) | errors |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        def pair(k):
            s = r[k]
            return f"{s['p50']:,} / {s['p95']:,}" if s.get("n") else "–"
        lines.append(f"| {r['sessions']}{' ×' + str(r['rounds']) if r.get('rounds', 1) > 1 else ''} | {r['think_s'][0]}–{r['think_s'][1]} | {pair('budget')} | "
                     f"{pair('overview')} | {pair('open_budget')} | {r['peak_rss_mb'] or '–'} | {r['n_errors']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://localhost:8501")
    parser.add_argument("--sessions", default="1,5,10,25")
    parser.add_argument("--think", default="0.5-1.5", help="seconds between two actions, low-high")
    parser.add_argument("--query", default="lang=vi&from=2022&to=2024")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server process to sample")
    parser.add_argument("--label", default="")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--baseline-rounds", type=int, default=6,
                        help="run the single-session case this many times one after another (pooled)")
    args = parser.parse_args(argv)
    think = tuple(float(x) for x in args.think.split("-"))
    results = []
    for n in (int(x) for x in args.sessions.split(",")):
        rounds = args.baseline_rounds if n == 1 else 1
        results.append(asyncio.run(run(args.url.rstrip("/"), n, think, args.query, args.pid, rounds=rounds)))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    label = args.label or f"{args.url}, think {args.think} s"
    print(markdown(results, label))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"label": label, "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
