"""govdash's budget page against a docs-style peer (benchmarks/peer_budget.py), side by side.

Both run in this one process through AppTest (server work only: the script run and the
messages it produces), on the same data and the same sequence of localities, alternating
pair by pair so that the machine's load colours both alike. The sequence is walked twice: the
first pass is a first visit of each locality, the second a revisit. Reported: each side's
p50, and the median of the per-pair ratios peer / govdash.

    GOVDASH_DATA_DIR=/work/syn-full .venv/bin/python benchmarks/peer.py [--reps 12] [--out FILE]

`PEER_CACHE=resource` makes the peer load its data with `st.cache_resource` instead of
`st.cache_data` (no copy per rerun).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH), str(ROOT / "tests")]

from run import START_YEARS, _apptest, representative, stats  # noqa: E402


def _timed(at) -> float:
    t0 = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].message[:300])
    return time.perf_counter() - t0


def measure(codes: list[str], timeout: float = 600) -> dict:
    """Per pass (first visit, revisit): both sides' timings and the per-pair ratios."""
    ours = _apptest(ROOT / "dashboard.py", timeout)
    ours.query_params.update({"loc": codes[0], "lang": "vi", **START_YEARS})
    peer = _apptest(BENCH / "peer_budget.py", timeout, entry=False)
    t0 = time.perf_counter()
    ours.run()
    ours.switch_page("pages/budget.py").run()
    first = {"govdash_ms": round((time.perf_counter() - t0) * 1000)}
    t0 = time.perf_counter()
    peer.run()
    first["peer_ms"] = round((time.perf_counter() - t0) * 1000)
    report = {"first_run": first}
    for name in ("first_visit", "revisit"):
        g, p = [], []
        for code in codes:
            ours.session_state["selection_locality"] = code
            g.append(_timed(ours))
            peer.selectbox(key="peer_locality").set_value(code)
            p.append(_timed(peer))
        ratios = [b / a for a, b in zip(g, p)]
        report[name] = {"govdash": stats(g), "peer": stats(p),
                        "ratio_peer_over_govdash_median": round(statistics.median(ratios), 2)}
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=12, help="localities in the sequence")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    data = Path(os.environ.get("GOVDASH_DATA_DIR") or ROOT / "data")
    codes = representative(data)["sequence"][:args.reps] if os.environ.get("GOVDASH_DATA_DIR") else \
        ["31", "01", "30", "36", "37", "288"][:args.reps]
    report = {"data": str(data), "peer_cache": os.environ.get("PEER_CACHE", "data"), "codes": codes,
              **measure(codes)}
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
