"""A long-lived govdash process for `test_follow_data.py`: reads one command a line on stdin,
answers one JSON line on stdout. Its data folder is `GOVDASH_DATA_DIR`, like any worker's.

    count             -> {"figures": n}   (after `db.data_changed()`, as every rerun does)
    import PATH       -> {"outcome": ..., "id": ...}
    rollback ID       -> {"outcome": ...}
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from govdash import db, imports


def answer(line: str) -> dict:
    command, _, arg = line.strip().partition(" ")
    if command == "count":
        db.data_changed()
        return {"figures": db.connection().execute("select count(*) from figures").fetchone()[0]}
    if command == "import":
        done = imports.commit(Path(arg).read_bytes(), Path(arg).name, "lan")
        return {"outcome": done.outcome.name, "id": done.import_id}
    if command == "rollback":
        return {"outcome": imports.rollback(arg, "lan").outcome.name}
    return {"error": command}


if __name__ == "__main__":
    for line in sys.stdin:
        print(json.dumps(answer(line)), flush=True)
