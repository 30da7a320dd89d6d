"""Offline editor sign-in: argon2id password hashes in a TOML file kept outside git.

Viewing the dashboard needs no account; importing and rolling back need an editor. Editors
live in the file named by `GOVDASH_EDITORS_FILE` (default `.streamlit/editors.toml`, which is
git-ignored), written only by the administrator with `python -m govdash editor add NAME`:

    [editors.lan]
    display_name = "Nguyễn Thị Lan"
    password_hash = "$argon2id$v=19$m=65536,t=3,p=4$…"
    added = "2024-05-02T08:00:00+00:00"

Only slow hashes are stored (argon2-cffi's defaults: argon2id, 64 MiB, 3 passes). Failed
attempts are slowed down per (user name, client) pair and per browser session: after the n-th
failure the next attempt is refused without checking for 2^(n-1) seconds (at most `MAX_WAIT`),
so a stranger guessing a known editor's name locks out only themselves; failures are forgotten
`FORGET_AFTER` seconds after the last one and at most `MAX_ENTRIES` are kept. An unknown name
costs the same hash check as a wrong password, so names cannot be probed by timing; a name is
read up to `MAX_NAME` characters.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from govdash import paths
from govdash.text import strip_controls

NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 10
MAX_WAIT = 300.0
FORGET_AFTER = 900.0  # seconds after a key's last failure when it is forgotten
MAX_ENTRIES = 10_000  # throttle entries kept at most (the oldest go first)
MAX_NAME = 64  # characters of a sign-in name read (longer ones cannot be an editor's)
MAX_DISPLAY_NAME = 100
_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("govdash-dummy-password-for-timing")
_HEADER = ("# govdash editors: managed by the administrator with `python -m govdash editor add NAME`.\n"
           "# Keep this file out of git. Passwords are stored only as argon2id hashes.\n")


@dataclass(frozen=True)
class Editor:
    """A signed-in editor: the name written into the audit log, and a name for the screen."""
    name: str
    display_name: str


@dataclass(frozen=True)
class SignIn:
    """The answer to a sign-in attempt."""
    editor: Editor | None
    wait: float = 0.0          # seconds before another attempt is accepted
    reason: str = ""           # "", "wrong", "throttled", "no_editors"


editors_file = paths.editors_file  # `$GOVDASH_EDITORS_FILE` or `.streamlit/editors.toml`


def load_editors(path: Path | None = None) -> dict[str, dict]:
    """Editor name → {display_name, password_hash, added}; empty when there is no file."""
    path = path or editors_file()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise EditorsFileError(f"{path}: {exc}") from None
    return {name: entry for name, entry in data.get("editors", {}).items()
            if isinstance(entry, dict) and "password_hash" in entry}


class EditorsFileError(ValueError):
    """The editors file cannot be read (edited by hand into invalid TOML)."""


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes, plus DEL and C1 controls, which TOML forbids raw."""
    text = json.dumps(value, ensure_ascii=False)
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _toml(editors: dict[str, dict]) -> str:
    parts = [_HEADER]
    for name in sorted(editors):
        parts.append(f"\n[editors.{_toml_string(name)}]\n")
        for key in ("display_name", "password_hash", "added"):
            if key in editors[name]:
                parts.append(f"{key} = {_toml_string(str(editors[name][key]))}\n")
    return "".join(parts)


def save_editors(editors: dict[str, dict], path: Path | None = None) -> None:
    """Write the editors file atomically, readable by its owner only."""
    path = path or editors_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(_toml(editors))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def check_new(name: str, password: str, display_name: str = "") -> str | None:
    """Why a new editor's name, password or display name is not acceptable (catalogue key)."""
    if not NAME.match(name or ""):
        return "imp_auth_bad_name"
    if (len(display_name) > MAX_DISPLAY_NAME or strip_controls(display_name) != display_name
            or "\n" in display_name or "\t" in display_name):
        return "imp_auth_bad_display_name"
    if len(password or "") < MIN_PASSWORD:
        return "imp_auth_short_password"
    return None


def add_editor(name: str, password: str, display_name: str = "", path: Path | None = None,
               hasher: PasswordHasher | None = None) -> None:
    """Add an editor (or set a new password for one); raises ValueError with a catalogue key."""
    problem = check_new(name, password, display_name)
    if problem:
        raise ValueError(problem)
    editors = load_editors(path)
    editors[name] = {"display_name": display_name or editors.get(name, {}).get("display_name", name),
                     "password_hash": (hasher or _HASHER).hash(password),
                     "added": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    save_editors(editors, path)


def remove_editor(name: str, path: Path | None = None) -> bool:
    """Remove an editor; False when there was none of that name."""
    editors = load_editors(path)
    if editors.pop(name, None) is None:
        return False
    save_editors(editors, path)
    return True


def verify(name: str, password: str, path: Path | None = None) -> Editor | None:
    """The editor when the password is right; the same work is done for unknown names."""
    entry = load_editors(path).get(name or "")
    stored = entry["password_hash"] if entry else _DUMMY_HASH
    try:
        _HASHER.verify(stored, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if entry is None:
        return None
    return Editor(name, str(entry.get("display_name") or name))


# ---------------------------------------------------------------- staying signed in

SESSION_SECONDS = 8 * 3600  # a sign-in lasts a working day in the browser that made it
COOKIE = "govdash_editor"
_TOKEN = re.compile(r"^([a-z0-9][a-z0-9._-]{1,31}):(\d{1,12}):([0-9a-f]{64})$")


def _session_key(path: Path | None = None) -> bytes:
    """The server's secret for sign-in tokens, beside the editors file (made once, owner-only,
    git-ignored like it): every worker of the server reads the same one."""
    key_path = (path or editors_file()).with_name((path or editors_file()).name + ".session-key")
    try:
        key = key_path.read_bytes()
        if len(key) == 32:
            return key
    except FileNotFoundError:
        pass
    try:
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker made it meanwhile
        return key_path.read_bytes()
    with os.fdopen(fd, "wb") as f:
        f.write(secrets.token_bytes(32))
    return key_path.read_bytes()


def _signature(name: str, expires: int, entry: dict, path: Path | None) -> str:
    # the password hash is signed too: a new password (or removing the editor) ends every sign-in
    message = f"{name}:{expires}:{entry['password_hash']}".encode()
    return hmac.new(_session_key(path), message, hashlib.sha256).hexdigest()


def session_token(editor: Editor, path: Path | None = None, now: float | None = None) -> str | None:
    """A token the browser keeps (a cookie) so that opening a page by its address, or reloading
    it, keeps the editor signed in for `SESSION_SECONDS`; None when the editor is unknown."""
    entry = load_editors(path).get(editor.name)
    if entry is None:
        return None
    expires = int((time.time() if now is None else now) + SESSION_SECONDS)
    return f"{editor.name}:{expires}:{_signature(editor.name, expires, entry, path)}"


def editor_from_token(token: str | None, path: Path | None = None, now: float | None = None) -> Editor | None:
    """The editor a token signs in, or None (malformed, expired, forged, or the editor removed
    or given a new password since)."""
    match = _TOKEN.match(token) if isinstance(token, str) else None
    if match is None:
        return None
    name, expires = match.group(1), int(match.group(2))
    if expires < (time.time() if now is None else now):
        return None
    try:
        entry = load_editors(path).get(name)
    except EditorsFileError:
        return None
    if entry is None or not hmac.compare_digest(_signature(name, expires, entry, path), match.group(3)):
        return None
    return Editor(name, str(entry.get("display_name") or name))


class Throttle:
    """Failed attempts per key (user name, session); exponential wait before the next one."""

    def __init__(self, clock=time.monotonic, max_wait: float = MAX_WAIT,
                 forget_after: float = FORGET_AFTER, max_entries: int = MAX_ENTRIES):
        self.clock, self.max_wait = clock, max_wait
        self.forget_after, self.max_entries = forget_after, max_entries
        self._failures: dict[str, tuple[int, float]] = {}  # key -> (failures, allowed again at)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._failures)

    def _prune(self, now: float) -> None:
        """Forget keys whose last failure is `forget_after` old; keep at most `max_entries`
        (dicts keep insertion order and a failure re-inserts its key: the oldest go first)."""
        stale = [k for k, (_, until) in self._failures.items() if until + self.forget_after <= now]
        for k in stale:
            del self._failures[k]
        while len(self._failures) > self.max_entries:
            del self._failures[next(iter(self._failures))]

    def wait(self, *keys: str) -> float:
        """Seconds before any of `keys` may try again (0 when allowed now)."""
        now = self.clock()
        with self._lock:
            return max([0.0] + [self._failures.get(k, (0, 0.0))[1] - now for k in keys])

    def failed(self, *keys: str) -> float:
        """Record a failure for each key; the wait it imposes."""
        now, longest = self.clock(), 0.0
        with self._lock:
            self._prune(now)
            for k in keys:
                count = self._failures.pop(k, (0, 0.0))[0] + 1
                delay = min(2.0 ** (count - 1), self.max_wait)
                self._failures[k] = (count, now + delay)
                longest = max(longest, delay)
        return longest

    def succeeded(self, *keys: str) -> None:
        """Forget the failures of `keys`."""
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)


THROTTLE = Throttle()  # process-wide: every browser session of this server shares it


def sign_in(name: str, password: str, session: str, path: Path | None = None,
            throttle: Throttle | None = None, client: str | None = None) -> SignIn:
    """Check a name and password, slowed down after failures for that name from that client
    (an address; the session when unknown) or for that session."""
    throttle = THROTTLE if throttle is None else throttle
    name = (name or "")[:MAX_NAME].strip().lower()
    keys = (f"user:{name}|client:{client or session}", f"session:{session}")
    wait = throttle.wait(*keys)
    if wait > 0:
        return SignIn(None, wait, "throttled")
    try:
        editors = load_editors(path)
    except EditorsFileError:
        return SignIn(None, 0.0, "broken_file")
    if not editors:
        return SignIn(None, 0.0, "no_editors")
    editor = verify(name, password, path)
    if editor is None:
        return SignIn(None, throttle.failed(*keys), "wrong")
    throttle.succeeded(*keys)
    return SignIn(editor)
