"""Real-browser test support: a `streamlit run` server on a free localhost port, and Debian's
Chromium driven by Playwright (never a downloaded browser). Requests that would leave
localhost are recorded and aborted, so a test can assert the app works offline."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(env: dict | None = None, script: str = "dashboard.py"):
    """Start `streamlit run` on a free port; yield its base URL; stop it afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / script),
           "--server.port", str(port), "--server.address", "localhost", "--server.headless", "true",
           "--browser.gatherUsageStats", "false"]
    log = ARTIFACTS / f"streamlit-{port}.log"
    ARTIFACTS.mkdir(exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})
        base = f"http://localhost:{port}"
        try:
            deadline = time.time() + 60
            while True:
                try:
                    urllib.request.urlopen(base + "/_stcore/health", timeout=2)
                    break
                except OSError:
                    if proc.poll() is not None or time.time() > deadline:
                        raise RuntimeError(f"streamlit did not start; see {log}")
                    time.sleep(0.3)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


class Browser:
    """A Chromium page that records every request leaving localhost (and blocks it)."""

    def __init__(self, playwright, width: int = 1400, height: int = 1000):
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                  args=CHROMIUM_ARGS)
        self.context = self.browser.new_context(viewport={"width": width, "height": height},
                                                locale="vi-VN", accept_downloads=True)
        self.external: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route):
        host = urlparse(route.request.url).hostname or ""
        scheme = urlparse(route.request.url).scheme
        if scheme in ("http", "https", "ws", "wss") and host not in LOCAL_HOSTS:
            self.external.append(route.request.url)
            return route.abort()
        return route.continue_()

    def wait_idle(self, timeout: float = 60000) -> None:
        """Wait until Streamlit has finished running the script and painted.

        The app is idle when its script state is `notRunning` (not `initial`, which is the state
        before the first run starts, nor `running` / `rerunRequested`) and no status widget shows;
        it must stay so across two checks, since a run may request another (URL sync, deep-link
        rerun through the entry script)."""
        page = self.page
        page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
        idle = ("() => { const a = document.querySelector('[data-testid=\"stApp\"]');"
                " return !!a && a.getAttribute('data-test-script-state') === 'notRunning'"
                " && !document.querySelector('[data-testid=\"stStatusWidget\"]'); }")
        deadline = time.time() + timeout / 1000
        while True:
            page.wait_for_function(idle, timeout=max(1000, (deadline - time.time()) * 1000))
            page.wait_for_timeout(700)
            if page.evaluate(idle):
                return
            if time.time() > deadline:
                raise TimeoutError("Streamlit did not settle")

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.wait_idle()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()
        self.browser.close()
