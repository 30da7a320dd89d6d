"""Several processes behind nginx (`scripts/serve.sh`, `govdash.serve`): the generated proxy
configuration, and a real run with 2 workers on free ports — a page loaded through the proxy in
the real browser, health checks through the proxy and of each worker, session affinity, and a
clean stop on SIGTERM that leaves no process behind."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from browser import ARTIFACTS, free_port

from govdash import serve

ROOT = Path(__file__).resolve().parent.parent


def test_proxy_config_upgrades_websockets_and_balances_new_sessions(tmp_path):
    conf = serve.nginx_config(8600, ["127.0.0.1:9001", "127.0.0.1:9002"], tmp_path)
    assert "listen 127.0.0.1:8600;" in conf
    assert "server 127.0.0.1:9002" in conf
    stream = conf[conf.index("location /_stcore/stream"):]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    # a location that sets headers inherits none: each must pass the browser's Host itself
    for location in re.split(r"\n\s+location ", conf)[1:]:
        assert "proxy_set_header Host $http_host;" in location
        assert "proxy_pass http://$govdash_pool;" in location
    # a new browser goes to the least busy worker; the cookie names a worker, never an address
    pool = conf[conf.index("upstream govdash_any"):]
    assert pool.index("least_conn;") < pool.index("}") and pool[:pool.index("}")].count("max_fails=2") == 2
    assert "w0 govdash_w0;" in conf and "w1 govdash_w1;" in conf and "default govdash_any;" in conf
    own = conf[conf.index("upstream govdash_w1"):]
    own = own[:own.index("}")]
    assert "server 127.0.0.1:9002 max_fails=2" in own and "server 127.0.0.1:9001 backup;" in own
    assert "proxy_pass http://$cookie" not in conf and conf.count("$cookie_govdash_worker") == 2
    assert f"client_body_temp_path {tmp_path / 'client_body'};" in conf


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (from /proc), including ones that left its session."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.browser
@pytest.mark.skipif(not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()),
                    reason="nginx not installed (scripts/test.sh installs it)")
def test_serve_two_workers_through_nginx(browser):
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / f"serve-{port}.log").open("w")
    proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "serve.sh"), str(port), "2"], cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://localhost:{port}"
    try:
        deadline = time.time() + 120
        while not serve.healthy(base, timeout=2):
            assert proc.poll() is None and time.time() < deadline, (ARTIFACTS / log.name).read_text()
            time.sleep(0.3)
        banner = (ARTIFACTS / log.name).read_text()
        ports = [int(p) for p in re.search(r"2 workers on ([\d, ]+);", banner).group(1).split(", ")]
        assert len(set(ports)) == 2 and all(serve.healthy(f"http://127.0.0.1:{p}") for p in ports)
        everyone = _descendants(proc.pid)
        assert len([p for p in everyone if "streamlit" in _cmdline(p)]) == 2
        assert any("nginx" in _cmdline(p) for p in everyone)

        def cookie(sent: str | None = None) -> str | None:
            ask = urllib.request.Request(base + "/", headers={"Cookie": f"{serve.COOKIE}={sent}"} if sent else {})
            with urllib.request.urlopen(ask) as answer:
                return answer.headers["Set-Cookie"]

        # the proxy hands out an affinity cookie naming a worker; new browsers are spread out
        # (no connection open: least_conn takes turns), a known name is kept, an unknown replaced
        given = [cookie() for _ in range(4)]
        assert all(c.startswith(f"{serve.COOKIE}=w") and "HttpOnly" in c for c in given)
        assert {c.split(";")[0] for c in given} == {f"{serve.COOKIE}=w0", f"{serve.COOKIE}=w1"}
        assert cookie("w1") is None and cookie("w0") is None
        assert cookie("127.0.0.1:1").split(";")[0] in (f"{serve.COOKIE}=w0", f"{serve.COOKIE}=w1")

        browser.goto(base + "/budget?lang=vi&loc=31&from=2023&to=2023")
        assert "Ngân sách" in browser.page.locator("h1").first.inner_text()
        assert not browser.page.locator('[data-testid="stException"]').count()
        browser.page.get_by_role("tab").nth(1).click()  # a rerun over the proxied websocket
        browser.wait_idle()
        assert not browser.page.locator('[data-testid="stException"]').count()
        browser.screenshot("serve-budget")
    finally:
        everyone = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGTERM)
        code = proc.wait(30)
        log.close()
    assert code == 0
    deadline = time.time() + 10
    while any(_alive(p) for p in everyone) and time.time() < deadline:
        time.sleep(0.2)
    assert [p for p in everyone if _alive(p)] == [], "processes left behind"
    assert not serve.healthy(base, timeout=1)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_a_busy_worker_is_left_alone_a_dead_one_restarted(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(serve.time, "monotonic", lambda: clock[0])
    states = []
    monkeypatch.setattr(serve, "probe", lambda url, timeout=5.0: states.pop(0))

    class Alive:
        def poll(self):
            return None

    w = serve.Worker(port=1, env={}, proc=Alive())
    states += ["slow"] * 10
    for _ in range(10):  # busy for 50 s: answers late, keeps its sessions
        w.check()
        clock[0] += 5
    assert w.problem() is None
    clock[0] += serve.UNRESPONSIVE
    states.append("slow")
    w.check()
    assert w.problem().startswith("unresponsive")
    w.slow_since = None
    states += ["down"] * serve.FAILURES
    for _ in range(serve.FAILURES):
        w.check()
    assert w.problem() == "not answering"
