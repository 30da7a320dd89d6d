"""Crash worker: imports and rollbacks killed (SIGKILL) at random moments, many times over.

Run as `python tests/import_crash_worker.py BASE WORK ITERATIONS SEED`; prints a JSON summary.
Python and govdash are loaded once; every attempt runs in a forked child that is killed
either by an in-process hook at a random step of the write (`journal.step_hook`) or by the
parent after a random delay. Sometimes the recovery is killed too. After each attempt the
parent recovers the folder (as the next reader would) and checks that it passes
`govdash.validate` and is exactly the old state or the new one, audit records included.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from import_helpers import GOOD, HEADER, copy_folder, csv_bytes, snapshot

from govdash import imports
from govdash.db import journal
from govdash.validate import validate

HERE = Path(__file__).resolve().parent

NEW_SOURCE = ["Báo cáo kinh tế - xã hội năm 2020", "UBND tỉnh Nam Định", "https://example.org/r"]
ROWS = [  # two new figures citing a new source, and one replacing fx-a-05: three CSVs + audit
    GOOD[0][:9] + [""] + GOOD[0][10:] + NEW_SOURCE,
    GOOD[1][:9] + [""] + GOOD[1][10:] + NEW_SOURCE,
    ["36", "council", "resolutions_passed", "1/1/2023", "31/12/2023", "year", "70", "exact",
     "reported", "fx-a", "thông qua 70 nghị quyết", "", "", ""],
]
DATA = csv_bytes(ROWS, header=HEADER + ["source_title", "source_publisher", "source_url"])


def audit_files(folder: Path) -> tuple[int, int]:
    """(import records, rollback records) in the folder's audit log."""
    names = [p.name for p in (folder / imports.AUDIT_DIR).glob("*.json")] if (
        folder / imports.AUDIT_DIR).is_dir() else []
    undone = sum(n.endswith(".rollback.json") for n in names)
    return len(names) - undone, undone


def killing_hook(step: int):
    """A step hook that SIGKILLs this process at its `step`-th call."""
    calls = {"n": 0}

    def hook(name: str) -> None:
        calls["n"] += 1
        if calls["n"] == step:
            os.kill(os.getpid(), signal.SIGKILL)
    return hook


def run_child(action, hook_step: int | None, delay: float | None) -> bool:
    """Run `action` in a forked child killed at a hook step or after a delay; True if killed."""
    pid = os.fork()
    if pid == 0:  # the child: die wherever we are told to
        try:
            if hook_step is not None:
                journal.step_hook = killing_hook(hook_step)
            action()
        finally:
            os._exit(0)
    if delay is not None:
        time.sleep(delay)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


def check(work: Path, states: dict[str, dict], op: str) -> str:
    """Which state the recovered folder is in; raises AssertionError when it is neither."""
    imports.recover(work)
    problems, _ = validate(work)
    assert problems == [], [str(p) for p in problems]
    assert not journal.needs_recovery(work), "leftovers after recovery"
    snap = snapshot(work)
    name = next((k for k, v in states.items() if v == snap), None)
    assert name is not None, "data is neither the old nor the new state"
    done_imports, undone = audit_files(work)
    if op == "import":
        assert done_imports == (1 if name == "new" else 0), (name, done_imports)
    else:
        assert (done_imports, undone) == (1, 1 if name == "old" else 0), (name, done_imports, undone)
    return name


def main(base: Path, work_root: Path, iterations: int, seed: int) -> dict:
    rng = random.Random(seed)
    after = copy_folder(base, work_root / "after")
    done = imports.commit(DATA, "crash.csv", "crash", on_conflict="replace", folder=after)
    assert done.outcome == imports.Outcome.OK, done.message("en")
    states = {"old": snapshot(base), "new": snapshot(after)}
    work = work_root / "work"
    summary = {"iterations": 0, "killed": 0, "old": 0, "new": 0, "recovery_killed": 0,
               "failures": []}
    for i in range(iterations):
        op = "import" if rng.random() < 0.6 else "rollback"
        copy_folder(base if op == "import" else after, work)
        if op == "import":
            action = lambda: imports.commit(DATA, "crash.csv", "crash", on_conflict="replace",  # noqa: E731
                                             folder=work)
        else:
            action = lambda: imports.rollback(done.import_id, "crash", work)  # noqa: E731
        timed = rng.random() < 0.3
        killed = run_child(action, None if timed else rng.randint(1, 12),
                           rng.uniform(0.0, 0.06) if timed else None)
        if journal.needs_recovery(work) and rng.random() < 0.4:
            summary["recovery_killed"] += run_child(lambda: imports.recover(work),
                                                    rng.randint(1, 4), None)
        try:
            summary[check(work, states, op)] += 1
        except AssertionError as e:
            summary["failures"].append(f"#{i} {op}: {e}")
        summary["iterations"] += 1
        summary["killed"] += killed
    return summary


if __name__ == "__main__":
    b, w, n, s = sys.argv[1:5]
    started = time.monotonic()
    result = main(Path(b), Path(w), int(n), int(s))
    result["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result))
