"""Hardening (issue 17): what a hostile or unlucky visitor found, each as a test. Server
settings (upload limit, allowed hosts), URL values that once raised, and more below."""
from __future__ import annotations

import base64
import os
import socket
import tomllib
from pathlib import Path

import pytest

from govdash.imports import read
from govdash.present import ui as present_ui

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_server_upload_limit_is_the_apps_limit():
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == read.MAX_BYTES


def test_allowed_hosts_are_localhost_by_default():
    assert set(CONFIG["server"]["allowedHosts"]) == {"localhost", "127.0.0.1", "::1"}


def _upgrade(port: int, host: str) -> bytes:
    """The status line answering a WebSocket upgrade of the session stream sent as `host`."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        key = base64.b64encode(os.urandom(16)).decode()
        s.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                   f"Sec-WebSocket-Protocol: streamlit\r\nOrigin: http://{host}\r\n\r\n").encode())
        return s.recv(200).split(b"\r\n")[0]


def test_a_foreign_host_header_is_refused(app_server):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 cannot open a session."""
    port = int(app_server.rsplit(":", 1)[1])
    assert b" 101 " in _upgrade(port, f"localhost:{port}")
    assert b" 403 " in _upgrade(port, "evil.example")
    assert b" 403 " in _upgrade(port, f"evil.example:{port}")


@pytest.mark.parametrize("raw", ["²", "١", "1²", "9" * 5000, "-1", "+2", " 3 ", "0x2"])
def test_slide_numbers_that_are_not_ascii_digits_fall_back(raw):
    n, bad = present_ui.parse_slide(raw, 9)
    assert n == (3 if raw == " 3 " else 1)
    assert (bad is None) == (raw == " 3 ")
