"""Crash-safe changes to the data folder: several files replaced as one, under a file lock.

An import changes several files at once (a domain CSV or two, `sources.csv`, an audit record),
so replacing each file atomically is not enough: a crash between two replacements would leave
a mix. The design is a redo journal:

1. Writers hold an exclusive `fcntl.flock` on `<data>/.import.lock`, so two editors (two
   browser sessions, a session and the command line) never interleave.
2. Every new file content is written to a temporary file beside its target
   (`<name>.<txid>.govdash-tmp`, same folder, so `os.replace` is atomic), flushed and fsynced.
3. A journal `<data>/.import-journal.json` listing (temporary, target) pairs is written the
   same way and renamed into place; the folder is fsynced. **Its appearance is the commit
   point.**
4. Each temporary is `os.replace`d onto its target; the folders are fsynced.
5. The journal is deleted and the folder fsynced.

A crash before step 3 leaves the old files plus stray temporaries, which `recover` deletes; a
crash after it leaves a journal that `recover` rolls forward (each pair whose temporary still
exists is replaced: idempotent, so a crash during recovery is harmless too). `recover` runs
before every write and whenever the dashboard opens the data (`db.open_store` reads inside
`reading`), so nobody ever reads a half-applied change. Readers hold a shared lock while they
read the CSVs, so they never see one in progress either.

Pure standard library: no Streamlit, no pandas; tests inject crashes through `step_hook`.
"""
from __future__ import annotations

import fcntl
import json
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".import.lock"
JOURNAL_NAME = ".import-journal.json"
TMP_SUFFIX = ".govdash-tmp"

# Called with the name of each step of a write or a recovery; tests set it to crash on purpose.
step_hook: Callable[[str], None] | None = None


class Busy(RuntimeError):
    """Another writer holds the data folder's lock for longer than we are willing to wait."""


def _step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_durable(path: Path, content: bytes) -> None:
    """Create `path` (it must not exist), write `content`, flush and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def locked(folder: Path, exclusive: bool = True, timeout: float = 30.0) -> Iterator[None]:
    """Hold the folder's lock (exclusive for writers, shared for readers); Busy after `timeout`."""
    path = folder / LOCK_NAME
    flags = os.O_RDWR | os.O_CREAT if exclusive else os.O_RDONLY
    fd = os.open(path, flags, 0o644)
    try:
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Busy(str(folder)) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _target(folder: Path, relative: str) -> Path:
    """`folder/relative`, refusing anything that would land outside the folder."""
    path = (folder / relative).resolve()
    if folder.resolve() not in path.parents:
        raise ValueError(f"{relative!r} is outside the data folder")
    return path


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Replace (or create) every `files[relative_path]` as one change. Caller holds `locked`."""
    txid = f"{time.time_ns():x}{secrets.token_hex(3)}"
    pairs: list[tuple[str, str]] = []
    staged = folder / f"{JOURNAL_NAME}.{txid}{TMP_SUFFIX}"
    try:
        for relative, content in files.items():
            target = _target(folder, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f"{target.name}.{txid}{TMP_SUFFIX}")
            pairs.append((str(tmp.relative_to(folder.resolve())), relative))
            _write_durable(tmp, content)
            _step(f"temp:{relative}")
        journal = json.dumps({"txid": txid, "replace": pairs}, indent=1).encode("utf-8")
        _write_durable(staged, journal)
        _step("journal-written")
        os.replace(staged, folder / JOURNAL_NAME)
    except Exception:
        # Not committed: the old files are intact; drop what this attempt left behind.
        for tmp, _ in pairs:
            _target(folder, tmp).unlink(missing_ok=True)
        staged.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
    _step("committed")
    _apply(folder, pairs)


def _apply(folder: Path, pairs: list[list[str]]) -> None:
    """Move every still-present temporary onto its target, then drop the journal."""
    dirs = {folder.resolve()}
    for tmp, relative in pairs:
        source, target = _target(folder, tmp), _target(folder, relative)
        if source.exists():
            os.replace(source, target)
            _step(f"replaced:{relative}")
        dirs.add(target.parent)
    for d in dirs:
        _fsync_dir(d)
    (folder / JOURNAL_NAME).unlink(missing_ok=True)
    _fsync_dir(folder)
    _step("journal-removed")


def needs_recovery(folder: Path) -> bool:
    """True when a journal or a stray temporary shows that a write was interrupted."""
    if (folder / JOURNAL_NAME).exists():
        return True
    return any(folder.glob(f"*{TMP_SUFFIX}")) or any(folder.glob(f"*/*{TMP_SUFFIX}"))


def recover(folder: Path) -> bool:
    """Finish an interrupted write (roll forward) or drop its leftovers. Caller holds `locked`."""
    journal = folder / JOURNAL_NAME
    acted = False
    if journal.exists():
        pairs = json.loads(journal.read_text(encoding="utf-8"))["replace"]
        _apply(folder, pairs)
        acted = True
    for stray in [*folder.glob(f"*{TMP_SUFFIX}"), *folder.glob(f"*/*{TMP_SUFFIX}")]:
        stray.unlink(missing_ok=True)
        acted = True
    return acted


def finish_interrupted(folder: Path, timeout: float = 30.0) -> str | None:
    """At the next open of a folder: finish a write interrupted past its commit point (or drop
    its leftovers). "finished" when one was, "pending" when one is there but cannot be finished
    now (a read-only folder, a full disk, a writer holding the lock); None when there is none."""
    if not needs_recovery(folder):
        return None
    try:
        with locked(folder, exclusive=True, timeout=timeout):
            recover(folder)
    except (Busy, OSError):
        return "pending"
    return "finished"


@contextmanager
def reading(folder: Path, timeout: float = 30.0) -> Iterator[None]:
    """Read the folder consistently: finish an interrupted write first, then hold a shared lock.

    A folder that was never written by an import has no lock file; then nothing is created
    (the bundled data and read-only copies stay untouched) and nothing is locked.
    """
    if needs_recovery(folder):
        try:
            with locked(folder, exclusive=True, timeout=timeout):
                recover(folder)
        except PermissionError:
            pass  # a read-only copy: nobody can be writing it, read what is there
    if not (folder / LOCK_NAME).exists():
        yield
        return
    with locked(folder, exclusive=False, timeout=timeout):
        yield
