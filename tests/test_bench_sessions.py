"""The load tools of issue 16 stay runnable (timings are not asserted): the WebSocket session
driver completes every action of a few sessions against a real server, through the proxy of
`scripts/serve.sh` too (its affinity cookie keeps each session's socket on one worker), and
the docs-style peer runs beside govdash's budget page with a ratio per pass."""
from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import peer
import pytest
import sessions
from browser import free_port, streamlit_server

from govdash import serve


def _complete(result: dict, n: int) -> None:
    assert result["errors"] == []
    assert result["open_budget"]["n"] == n and result["go_overview"]["n"] == n
    assert result["budget"]["n"] == n * sessions.CHANGES and result["overview"]["n"] == n * sessions.CHANGES


def test_session_driver_completes_every_action():
    with streamlit_server() as base:
        result = asyncio.run(sessions.run(base, 2, (0.05, 0.1), "lang=vi&from=2022&to=2024", []))
    _complete(result, 2)
    assert "| 2 | 0.05–0.1 |" in sessions.markdown([result], "test")


def test_peer_runs_beside_govdash():
    report = peer.measure(["31", "30"])
    for name in ("first_visit", "revisit"):
        assert report[name]["govdash"]["n"] == 2 and report[name]["peer"]["n"] == 2
        assert report[name]["ratio_peer_over_govdash_median"] > 0


def test_session_driver_through_the_proxy():
    n = 3
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.skip("nginx not installed (scripts/test.sh installs it)")
    port = free_port()
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(["bash", str(root / "scripts" / "serve.sh"), str(port), "2"], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://localhost:{port}"
    try:
        deadline = time.time() + 120
        while not serve.healthy(base, timeout=2):
            assert proc.poll() is None and time.time() < deadline
            time.sleep(0.3)
        result = asyncio.run(sessions.run(base, n, (0.05, 0.1), "lang=vi&from=2022&to=2024", [proc.pid]))
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(30)
    _complete(result, n)
    assert result["peak_rss_mb"] > 0
